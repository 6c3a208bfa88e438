"""The content check of a workshop file: every row of every table, before anything reads it.

The schema check (workshopfile.check_file) proves the tables are ours; it says nothing of
what they hold. SQLite does not type columns (a TEXT where an INTEGER is declared is
stored as it is), a file edited elsewhere can carry invalid UTF-8, malformed JSON, unknown
enumeration values, numbers out of range, texts of any size, dangling references or naive
timestamps next to aware ones. Any of these, met later by a view or an export, would be a
traceback; here it is one line, ``FileRefused``, naming the table, the row and the field,
and the file is left as it was (everything here only reads).

Speed matters: a file is checked at every open. Each table is checked by one SQL query
that returns only the rows breaking a rule (none, for a sound file), and only those rows
are looked at in Python to say what is wrong. Texts are decoded once, in C, by reading
them. The rules, one per column and one per relation, are in workshop.content_rules:
those the operations apply when typing (workshop.limits, workshop.model), so a file the
app wrote always passes.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from workshop import results, voting
from workshop.content_rules import (
    NUMERIC,
    RELATIONS,
    ROW_LIMITS,
    TABLES,
    Col,
    Problem,
    json_list,
    shown_value,
)
from workshop.errors import FileRefused, VoteError
from workshop.methods import Base, QuorumOn
from workshop.model import Method

__all__ = ["ROW_LIMITS", "TABLES", "validate_content", "validate_file"]


# -- the check -------------------------------------------------------------------------------
def _refusal(path: Path, where_fr: str, where_en: str, fr: str, en: str) -> FileRefused:
    return FileRefused(
        f"{path.name} : contenu refusé ({where_fr} : {fr}).",
        f"{path.name}: content refused ({where_en}: {en}).",
    )


def _where(table: str, key: object, column: str | None = None) -> tuple[str, str]:
    row = f"{table} n° {key}" if key is not None else table
    row_en = f"{table} #{key}" if key is not None else table
    if column is None:
        return row, row_en
    return f"{row}, champ « {column} »", f'{row_en}, field "{column}"'


def _fetch(conn: sqlite3.Connection, sql: str, *params: object) -> list[tuple]:
    return conn.execute(sql, params).fetchall()


def _check_table(conn: sqlite3.Connection, path: Path, table: str, cols: tuple[Col, ...]) -> None:
    # A file of an older format lacks the columns later migrations add: check what it has.
    present = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    cols = tuple(c for c in cols if c.name in present)
    names = ", ".join(f'"{c.name}"' for c in cols)
    (count,) = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
    if count > ROW_LIMITS.get(table, count):
        raise _refusal(
            path,
            *_where(table, None),
            f"{count} lignes, au plus {ROW_LIMITS[table]}",
            f"{count} rows, at most {ROW_LIMITS[table]}",
        )
    # Reading a text decodes it: each text column, concatenated, is decoded once in C, so
    # invalid UTF-8 is found at a low cost (and located row by row only when there is some).
    texts = [f"group_concat(\"{c.name}\", '')" for c in cols if c.kind not in NUMERIC]
    if texts:
        try:
            conn.execute(f"SELECT {', '.join(texts)} FROM {table}").fetchone()
        except (sqlite3.OperationalError, UnicodeDecodeError):
            _find_bad_text(conn, path, table, cols)
    _check_distinct(conn, path, table, cols)
    where = " AND ".join(c.sql() for c in cols)
    bad = conn.execute(f"SELECT rowid, {names} FROM {table} WHERE NOT ({where})")
    for row in bad:
        for col, value in zip(cols, row[1:], strict=True):
            try:
                col.check(value)
            except Problem as problem:
                raise _refusal(
                    path, *_where(table, row[0], col.name), problem.fr, problem.en
                ) from None


def _check_distinct(
    conn: sqlite3.Connection, path: Path, table: str, cols: tuple[Col, ...]
) -> None:
    """The checks too slow for every row, done once per distinct value: days, JSON lists."""
    for col in cols:
        if col.kind in ("timestamp", "date"):
            part = f'substr("{col.name}", 1, 10)'
        elif col.kind == "json_list":
            part = f'"{col.name}"'
        else:
            continue
        values = conn.execute(
            f"SELECT DISTINCT {part} FROM {table} WHERE typeof(\"{col.name}\") = 'text'"
        )
        for (value,) in values.fetchall():
            try:
                if col.kind == "json_list":
                    json_list(value, col.max_len)
                else:
                    date.fromisoformat(value)
            except ValueError:
                problem = Problem(
                    f"date invalide {shown_value(value)}", f"invalid date {shown_value(value)}"
                )
            except Problem as exc:
                problem = exc
            else:
                continue
            (rowid,) = conn.execute(
                f"SELECT rowid FROM {table} WHERE {part} = ? LIMIT 1", (value,)
            ).fetchone()
            raise _refusal(path, *_where(table, rowid, col.name), problem.fr, problem.en)


def _find_bad_text(conn: sqlite3.Connection, path: Path, table: str, cols: tuple[Col, ...]) -> None:
    factory = conn.text_factory
    conn.text_factory = bytes
    try:
        names = ", ".join(f'"{c.name}"' for c in cols)
        for row in conn.execute(f"SELECT rowid, {names} FROM {table}"):
            for col, value in zip(cols, row[1:], strict=True):
                if isinstance(value, bytes):
                    try:
                        value.decode("utf-8")
                    except UnicodeDecodeError:
                        raise _refusal(
                            path,
                            *_where(table, row[0], col.name),
                            "texte qui n’est pas de l’UTF-8 valide",
                            "text that is not valid UTF-8",
                        ) from None
    finally:
        conn.text_factory = factory
    raise _refusal(path, *_where(table, None), "texte illisible", "unreadable text")


def _check_rules(conn: sqlite3.Connection, path: Path) -> None:
    """Ballot settings that voting.BallotRules refuses (few rows: done in Python)."""
    rows = [
        ("workshop", 1, *r)
        for r in _fetch(
            conn,
            "SELECT ballot_method,"
            " ballot_abstentions_count, ballot_double_majority, ballot_quorum FROM workshop",
        )
    ]
    rows = [(*r, None, None, "participation", None, None) for r in rows]
    have = {r[1] for r in conn.execute("PRAGMA table_info(ballots)")}
    options = ", ".join(  # a file older than schema m004 has none of these columns yet
        name if name in have else default
        for name, default in (("base", "NULL"), ("quorum_fraction", "NULL"),
                              ("quorum_on", "'participation'"), ("chair_id", "NULL"),
                              ("members", "NULL"))
    )  # fmt: skip
    rows += [("ballots", *r) for r in _fetch(conn, "SELECT id, method, abstentions_count,"
             f" double_majority, quorum, {options} FROM ballots")]  # fmt: skip
    for table, key, method, abstentions, double, quorum, base, fraction, on, chair, members in rows:
        try:
            share = results.parse_fraction(fraction)
            if share is not None:
                if quorum is not None:
                    raise VoteError(
                        "quorum en nombre et en fraction à la fois",
                        "quorum both a count and a fraction",
                    )
                quorum = voting.Quorum(fraction=share, on=QuorumOn(on))
            elif quorum is not None:
                quorum = voting.Quorum(count=quorum, on=QuorumOn(on))
            voting.BallotRules(
                Method(method),
                bool(abstentions),
                double,
                quorum,
                None if base is None else Base(base),
                chair is not None,
            ).validate()
            results.parse_members(members)
        except VoteError as exc:
            raise _refusal(
                path, *_where(table, key), exc.fr.rstrip("."), exc.en.rstrip(".")
            ) from None


def _check_foreign_keys(conn: sqlite3.Connection, path: Path) -> None:
    row = conn.execute("PRAGMA foreign_key_check").fetchone()
    if row is not None:
        table, rowid, parent, _ = row
        raise _refusal(
            path,
            *_where(table, rowid),
            f"référence vers {parent} inexistante",
            f"reference to a missing {parent} row",
        )


def validate_content(conn: sqlite3.Connection, path: str | Path, *, full: bool = False) -> None:
    """Refuse, with one FileRefused line, a file whose rows are not what the app writes.

    ``full`` adds SQLite's complete ``integrity_check`` (``check`` and ``export`` run it;
    opening relies on the ``quick_check`` already done by ``check_file``). Only reads.
    """
    path = Path(path)
    try:
        if full:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check(1)").fetchall()]
            if result != ["ok"]:
                detail = " ".join(str(result[0]).split())[:120]
                raise FileRefused(
                    f"{path.name} : intégrité compromise ({detail}).",
                    f"{path.name}: integrity check failed ({detail}).",
                )
        (rows,) = conn.execute("SELECT count(*) FROM workshop").fetchone()
        if rows != 1:
            raise _refusal(
                path,
                *_where("workshop", None),
                "la ligne de l’atelier manque",
                "the workshop row is missing",
            )
        # a file of an older format lacks the tables later migrations add (m006: phones)
        present = {n for (n,) in conn.execute("SELECT name FROM sqlite_schema")}
        for table, cols in TABLES.items():
            if table in present:
                _check_table(conn, path, table, cols)
        _check_foreign_keys(conn, path)
        for table, sql, fr, en in RELATIONS:
            if table not in present:
                continue
            found = conn.execute(sql).fetchone()
            if found is not None:
                raise _refusal(path, *_where(table, found[0]), fr, en)
        _check_rules(conn, path)
    except FileRefused:
        raise
    except (sqlite3.Error, UnicodeError, ValueError, TypeError, OverflowError) as exc:
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise FileRefused(
            f"{path.name} : le fichier est endommagé ({detail}).",
            f"{path.name}: the file is damaged ({detail}).",
        ) from None


def validate_file(path: str | Path, *, full: bool = False) -> None:
    """``validate_content`` on a read-only connection of its own (the file is not changed)."""
    from workshop.workshopfile import connect  # lazy: workshopfile calls validate_file

    path = Path(path)
    try:
        conn = connect(path, readonly=True)
    except sqlite3.Error as exc:
        raise FileRefused(
            f"{path.name} : ouverture impossible ({exc}).",
            f"{path.name}: cannot be opened ({exc}).",
        ) from None
    try:
        validate_content(conn, path, full=full)
    finally:
        conn.close()
