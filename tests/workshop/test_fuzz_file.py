"""Fuzzing workshop files: a damaged or hostile file is refused on one line or works fully.

Each mutant of the demo workshop (bit flips, truncation, header fields, schema tampering by
SQL, hostile values: invalid UTF-8, huge texts, wrong types, NULLs, negative numbers, bad
JSON, naive timestamps, unknown values, deleted rows, future versions) goes through
``charter-workshop check``: exit 0 or 1, exactly one line on stderr when refused, never a
traceback, and the file is byte for byte what it was. A file ``check`` accepts must export
to DOCX, PDF, CSV and JSON without error (and still be unchanged).

The normal suite tries a few dozen mutants; ``make fuzz`` (CHARTER_FUZZ_N) thousands.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.fuzzing import (
    Tally,
    demo_bytes,
    export_all,
    mutant_count,
    one_line_problem,
    run_cli,
    seed,
)
from workshop.validate import TABLES

# -- mutations ------------------------------------------------------------------------------
#: Header fields (offset, size) of https://sqlite.org/fileformat.html#the_database_header.
HEADER_FIELDS = {
    "page size": (16, 2),
    "write version": (18, 1),
    "read version": (19, 1),
    "reserved space": (20, 1),
    "change counter": (24, 4),
    "size in pages": (28, 4),
    "first freelist page": (32, 4),
    "freelist count": (36, 4),
    "schema cookie": (40, 4),
    "schema format": (44, 4),
    "text encoding": (56, 4),
    "user_version": (60, 4),
    "application id": (68, 4),
    "version-valid-for": (92, 4),
}
HEADER_VALUES = (0, 1, 2, 3, 4, 5, 255, 512, 1024, 4096, 65535, 2**31 - 1, 2**32 - 1)

HOSTILE_VALUES = (
    "CAST(x'ff fe 41 c3' AS TEXT)".replace(" ", ""),  # invalid UTF-8
    "CAST(x'eda080' AS TEXT)",  # a UTF-16 surrogate encoded in UTF-8 (CESU)
    "x'00ff10'",  # a BLOB
    "printf('%.*c', 100001, 'x')",  # over the text limit
    "NULL",
    "-1",
    "-9223372036854775808",
    "9223372036854775807",
    "1e308",
    "0.5",
    "'12'",
    "'abc'",
    "''",
    "'['",
    "'{\"a\": 1}'",
    "'[1, 2]'",
    "'[\"NaN\", NaN]'",
    "'2026-01-01T10:00:00'",  # naive
    "'2026-02-30T10:00:00+01:00'",
    "'2026-01-01T25:00:00+01:00'",
    "'2026-01-01'",
    "'zzz'",
    "'open'",
    "'consent'",
    "'#zzzzzz'",
    "'<b>&amp;</b>' || char(8238) || char(0) || '</para>'",
    "char(0)",
)

SCHEMA_TAMPERING = (
    "CREATE TRIGGER evil AFTER INSERT ON votes BEGIN DELETE FROM votes; END",
    "CREATE VIEW sqlite_stat5 AS SELECT 1",
    "CREATE TABLE sqlitex_seq (x)",
    'CREATE TABLE "sqlite_\u00e9" (x)',
    "CREATE INDEX sqlite_autoindex_fake ON votes (choice)",
    "DROP INDEX remarks_by_ballot",
    "ALTER TABLE participants ADD COLUMN evil TEXT",
    "ALTER TABLE clauses RENAME COLUMN note TO notes",
    "CREATE TABLE extra (id INTEGER PRIMARY KEY)",
    "PRAGMA user_version = 4",
    "PRAGMA user_version = 0",
    "PRAGMA user_version = 2",
    "PRAGMA user_version = -1",
    "PRAGMA application_id = 1",
    "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, 'NOT NULL', '')"
    " WHERE name = 'participants'",
    "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'CREATE TABLE workshop (x)'"
    " WHERE name = 'workshop'",
    "PRAGMA writable_schema = ON; DELETE FROM sqlite_schema WHERE name = 'votes_by_ballot'",
    "DROP TABLE actions",
    "DELETE FROM workshop",
    "DELETE FROM variants",
    "DELETE FROM colleges",
    "UPDATE ballots SET state = 'open', closed_at = NULL, outcome = NULL",
    "UPDATE workshop SET target_control = NULL",
    "INSERT INTO audit (at, step, kind, summary) SELECT at, step, kind, summary FROM audit",
)


def _sql(data: bytes, work: Path, *statements: str) -> bytes:
    """``statements`` run on a copy with the constraints SQLite would enforce switched off."""
    path = work / "sql.charter"
    path.write_bytes(data)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA ignore_check_constraints = ON")
        for statement in statements:
            conn.executescript(statement)
    except sqlite3.Error:
        pass  # what could be done is done; the file is still a mutant
    finally:
        conn.close()
    result = path.read_bytes()
    path.unlink()
    return result


def _some_row(rng: random.Random, table: str) -> str:
    """A WHERE naming one row, chosen by the seeded generator (not SQLite's random())."""
    k = rng.randrange(1_000_000)
    return (
        f"rowid = (SELECT rowid FROM {table} ORDER BY rowid LIMIT 1"
        f" OFFSET {k} % max(1, (SELECT count(*) FROM {table})))"
    )


def bit_flips(rng: random.Random, data: bytes, work: Path) -> tuple[str, bytes]:
    buf = bytearray(data)
    n = rng.choice((1, 1, 2, 4, 16))
    for _ in range(n):
        i = rng.randrange(len(buf)) if rng.random() < 0.8 else rng.randrange(100)
        buf[i] ^= 1 << rng.randrange(8)
    return f"{n} bit flips", bytes(buf)


def truncation(rng: random.Random, data: bytes, work: Path) -> tuple[str, bytes]:
    page = 4096
    n = rng.randrange(len(data)) if rng.random() < 0.5 else page * rng.randrange(len(data) // page)
    return f"truncated to {n} bytes", data[:n]


def header_field(rng: random.Random, data: bytes, work: Path) -> tuple[str, bytes]:
    name, (offset, size) = rng.choice(sorted(HEADER_FIELDS.items()))
    value = rng.choice(HEADER_VALUES) % (256**size)
    buf = bytearray(data)
    buf[offset : offset + size] = value.to_bytes(size, "big")
    return f"header {name} = {value}", bytes(buf)


def schema_tampering(rng: random.Random, data: bytes, work: Path) -> tuple[str, bytes]:
    statement = rng.choice(SCHEMA_TAMPERING)
    return f"SQL {statement[:70]}", _sql(data, work, statement)


def hostile_value(rng: random.Random, data: bytes, work: Path) -> tuple[str, bytes]:
    table = rng.choice(sorted(TABLES))
    column = rng.choice(TABLES[table]).name
    value = rng.choice(HOSTILE_VALUES)
    where = _some_row(rng, table)
    if rng.random() < 0.2:
        where = "1"  # every row
    statement = f'UPDATE {table} SET "{column}" = {value} WHERE {where}'
    return f"SQL {statement[:90]}", _sql(data, work, statement)


def deleted_row(rng: random.Random, data: bytes, work: Path) -> tuple[str, bytes]:
    table = rng.choice(sorted(TABLES))
    statement = f"DELETE FROM {table} WHERE {_some_row(rng, table)}"
    return f"SQL {statement}", _sql(data, work, statement)


MUTATORS: tuple[Callable[[random.Random, bytes, Path], tuple[str, bytes]], ...] = (
    bit_flips,
    truncation,
    header_field,
    schema_tampering,
    hostile_value,
    hostile_value,
    hostile_value,
    deleted_row,
)


# -- the test -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo_file_bytes() -> bytes:
    return demo_bytes()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _try(mutant: Path, label: str, tally: Tally, out: Path, seen: set[str]) -> None:
    before = _digest(mutant)
    try:
        code, _, err = run_cli("check", mutant)
    except Exception as exc:  # a traceback in the real CLI
        tally.fail(label, f"check raised {type(exc).__name__}: {exc}")
        return
    problem = one_line_problem(code, err)
    if problem:
        tally.fail(label, f"check: {problem}")
    if _digest(mutant) != before:
        tally.fail(label, "check changed the file")
    if code != 0:
        tally.refused += 1
        return
    tally.accepted += 1
    problem = export_all(mutant, out, seen)
    if problem:
        tally.fail(label, f"accepted by check, but {problem}")
    if _digest(mutant) != before:
        tally.fail(label, "export changed the file")


def test_fuzzed_files_are_refused_on_one_line_or_fully_usable(
    demo_file_bytes: bytes, tmp_path: Path
) -> None:
    rng = random.Random(seed())
    tally = Tally("workshop files")
    out = tmp_path / "out"
    out.mkdir()
    seen: set[str] = set()
    for i in range(mutant_count()):
        label, data = rng.choice(MUTATORS)(rng, demo_file_bytes, tmp_path)
        mutant = tmp_path / f"m{i}.charter"
        mutant.write_bytes(data)
        tally.tried += 1
        _try(mutant, f"#{i} {label}", tally, out, seen)
        mutant.unlink()
    tally.report()
    assert not tally.failures, "\n".join(tally.failures[:20])
    assert tally.refused and tally.accepted  # both paths were exercised


def test_fuzzed_file_in_a_real_process(demo_file_bytes: bytes, tmp_path: Path) -> None:
    """A sample outside pytest's process: the console script's own stderr, exit code."""
    hostile = _sql(
        demo_file_bytes, tmp_path, "UPDATE participants SET name = CAST(x'ff41' AS TEXT)"
    )
    truncated = demo_file_bytes[: len(demo_file_bytes) // 3]
    for data in (hostile, truncated):
        path = tmp_path / "sample.charter"
        path.write_bytes(data)
        result = subprocess.run(
            [sys.executable, "-m", "workshop", "check", str(path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 1
        assert one_line_problem(1, result.stderr) is None, result.stderr
        assert path.read_bytes() == data
