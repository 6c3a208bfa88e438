"""Ways to damage a workshop file, shared by the file and CLI tests."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from workshop.schema import SCHEMA_VERSION


def _execute(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def empty(path: Path) -> None:
    path.write_bytes(b"")


def short_header(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00abc")


def foreign(path: Path) -> None:
    """Replace the file with another application's SQLite database."""
    path.unlink(missing_ok=True)
    _execute(path, "CREATE TABLE notes (x)", "INSERT INTO notes VALUES (1)")


def newer(path: Path) -> None:
    _execute(path, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")


def trigger(path: Path) -> None:
    _execute(
        path,
        "CREATE TRIGGER spy AFTER INSERT ON participants BEGIN UPDATE workshop SET title = 'x'; END",
    )


def view(path: Path) -> None:
    _execute(path, "CREATE VIEW v AS SELECT * FROM participants")


def _edit_schema(path: Path, *statements: str) -> None:
    """Change sqlite_schema rows directly, as a hostile tool can (writable_schema)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def lookalike_trigger(path: Path) -> None:
    """A trigger whose name matches ``LIKE 'sqlite_%'`` (``_`` is a wildcard)."""
    _execute(
        path,
        "CREATE TRIGGER sqliteXspy AFTER INSERT ON votes BEGIN UPDATE workshop SET title = 'x'; END",
    )


def sqlite_named_trigger(path: Path) -> None:
    """A trigger named like SQLite's own objects (only writable_schema can make one)."""
    _edit_schema(
        path,
        "INSERT INTO sqlite_schema VALUES ('trigger', 'sqlite_x', 'votes', 0,"
        " 'CREATE TRIGGER sqlite_x AFTER INSERT ON votes BEGIN"
        " UPDATE workshop SET title = ''x''; END')",
    )


def stat1_view(path: Path) -> None:
    """A view wearing the name of SQLite's statistics table."""
    _edit_schema(
        path,
        "INSERT INTO sqlite_schema VALUES ('view', 'sqlite_stat1', 'sqlite_stat1', 0,"
        " 'CREATE VIEW sqlite_stat1 AS SELECT name AS tbl, name AS idx, name AS stat"
        " FROM participants')",
    )


def stat1_hostile_sql(path: Path) -> None:
    """A table named sqlite_stat1 whose SQL is not SQLite's."""
    _execute(path, "CREATE TABLE evilstat(tbl,idx,stat,extra)")
    _edit_schema(
        path,
        "UPDATE sqlite_schema SET name = 'sqlite_stat1', tbl_name = 'sqlite_stat1',"
        " sql = 'CREATE TABLE sqlite_stat1(tbl,idx,stat,extra)' WHERE name = 'evilstat'",
    )


def sequence_table(path: Path) -> None:
    """SQLite's AUTOINCREMENT table, which none of our tables uses."""
    _execute(path, "CREATE TABLE evilseq(name,seq)")
    _edit_schema(
        path,
        "UPDATE sqlite_schema SET name = 'sqlite_sequence', tbl_name = 'sqlite_sequence',"
        " sql = 'CREATE TABLE sqlite_sequence(name,seq)' WHERE name = 'evilseq'",
    )


def real_stat1(path: Path) -> None:
    """What ANALYZE legitimately adds: SQLite's statistics table."""
    _execute(path, "ANALYZE")


def fake_autoindex(path: Path) -> None:
    """An index renamed to look automatic, on one of our tables."""
    _execute(path, "CREATE INDEX evil ON participants (name)")
    _edit_schema(
        path,
        "UPDATE sqlite_schema SET name = 'sqlite_autoindex_evil', sql = NULL WHERE name = 'evil'",
    )


def renumbered_autoindex(path: Path) -> None:
    """A real automatic index whose number is not the one SQLite gave it."""
    _edit_schema(
        path,
        "UPDATE sqlite_schema SET name = 'sqlite_autoindex_colleges_2'"
        " WHERE name = 'sqlite_autoindex_colleges_1'",
    )


def missing_index(path: Path) -> None:
    _execute(path, "DROP INDEX remarks_by_ballot")


def changed_default(path: Path) -> None:
    """The same table with another column default (a value we would then write)."""
    _edit_schema(
        path,
        "UPDATE sqlite_schema SET sql = replace(sql, 'DEFAULT ''guide''', 'DEFAULT ''binding''')"
        " WHERE name = 'workshop'",
    )


def undo_sql(path: Path, sql: str, *, column: str = "undo_sql") -> None:
    """Put ``sql`` in the undo (or redo) log of the latest event that has one."""
    _execute(
        path,
        f"UPDATE audit SET {column} = {_quote(sql)}"
        f" WHERE id = (SELECT max(id) FROM audit WHERE {column} IS NOT NULL)",
    )


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
