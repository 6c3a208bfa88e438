"""Undo and redo in the domain, with the SQLite undo-log technique.

Temporary triggers (https://sqlite.org/undoredo.html) record, for every row an operation
inserts, updates or deletes, the SQL statement that puts it back. The statements of one
operation are kept with its audit event, so undo works for every operation without each one
writing its own inverse, survives closing the file, and stays linear:

* an operation pushes its event on the undo stack and clears the redo stack;
* undo runs the top event's ``undo_sql`` and appends an "undo" event whose ``redo_sql``
  is what the triggers recorded meanwhile; it goes on the redo stack;
* redo runs that ``redo_sql`` and appends a "redo" event holding a fresh ``undo_sql``.

An operation that must not be undoable (a secret vote: its inverse would tell what the
voter chose) stores no SQL and acts as a barrier: nothing before it can be undone.
Temporary triggers live in the ``temp`` schema, so they never reach the file.

The stored SQL is never trusted: a file from elsewhere can carry any text in ``audit``.

* At open, ``UndoStacks.from_log`` validates every statement that undo or redo could ever
  run (those of the events left on the stacks) with ``parse``: only the three statement
  shapes our triggers write, on our own tables and their columns, with literal values. An
  event whose SQL does not parse becomes a barrier, like a non-undoable event: the file
  still opens (read-only or for writing) and everything after that event stays undoable.
  We chose this over refusing the file because the rest of the workshop is sound data and
  nothing of the bad log is ever run.
* ``replay`` parses again (the log may have changed since open) and refuses with
  ``UndoRefused`` before running anything; then it runs the statements under an authorizer
  (``sqlite3.Connection.set_authorizer``) that allows only reading, inserting, updating and
  deleting rows of our undoable tables (and the temporary log), and the ``quote`` and
  ``coalesce`` functions: no ATTACH, PRAGMA, schema change, transaction control or other
  function. The authorizer is removed afterwards. A refusal leaves the file untouched: the
  caller's transaction rolls back.

A well-formed statement from elsewhere can still change rows of our tables: that is no more
than the data such a file could hold anyway, and the content checks at open apply to it.
An infinite real is written by ``quote()`` as ``Inf``, which is not a literal: an event
holding one is not undoable (the app bounds every number it writes).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from workshop.errors import WorkshopError
from workshop.schema import OWN_TABLES

#: Tables whose changes are undoable (the audit log itself is append-only and never undone).
# Credential hashes are never undone: undoing a reissue would bring a revoked link back.
UNTRACKED = frozenset({"audit", "_sqlite_migrations", "phone_links", "phone_codes"})
UNDOABLE = OWN_TABLES - UNTRACKED
#: Untracked tables that undoing a deletion of a participant or college reaches by cascade:
#: their rows may be read and deleted, never written.
CASCADED = frozenset({"phone_links", "phone_codes"})


class UndoRefused(WorkshopError):
    """The undo log of this file holds statements this application did not write."""


def _refused() -> UndoRefused:
    return UndoRefused(
        "Annulation refusée : le journal d’annulation de ce fichier contient une instruction "
        "que l’application n’a pas écrite (fichier modifié ailleurs ?). Rien n’a été modifié.",
        "Undo refused: this file's undo log holds a statement the application did not write "
        "(file changed elsewhere?). Nothing was changed.",
    )


# -- what our triggers write, and nothing else ----------------------------------------------
# Literals as quote() writes them: NULL, integers, reals, texts ('' doubled), blobs.
# The text pattern is the "unrolled loop" form: a run of non-quotes, then doubled quotes
# each followed by a run; it scans a long text in one step, not one alternation per char.
_LITERAL = r"(?:NULL|-?[0-9]+(?:\.[0-9]+)?(?:e[+-][0-9]+)?|'[^']*(?:''[^']*)*'|X'(?:[0-9A-F]{2})*')"
_ROWID = r"-?[0-9]+"
_NAME = r"[a-z_][a-z0-9_]*"
_DELETE = re.compile(rf"DELETE FROM ({_NAME}) WHERE rowid={_ROWID}")
_UPDATE = re.compile(
    rf'UPDATE ({_NAME}) SET ((?:"{_NAME}"={_LITERAL},)*"{_NAME}"={_LITERAL}) WHERE rowid={_ROWID}'
)
_ASSIGNED = re.compile(rf'"({_NAME})"={_LITERAL}')
_INSERT = re.compile(
    rf'INSERT INTO ({_NAME})\(rowid,((?:"{_NAME}",)*"{_NAME}")\)'
    rf" VALUES\({_ROWID},((?:{_LITERAL},)*{_LITERAL})\)"
)
_VALUES = re.compile(_LITERAL)
_SEPARATOR = ";\n"
#: Bound on one event's stored SQL: far above any real operation, so a file cannot make
#: the open parse unbounded text.
MAX_SQL_CHARS = 64 * 1024 * 1024


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA main.table_info("{table}")')]


def _undoable_tables(conn: sqlite3.Connection) -> list[str]:
    """Our undoable tables present in the file, by exact name (never a LIKE pattern)."""
    return [
        r[0]
        for r in conn.execute("SELECT name FROM main.sqlite_schema WHERE type = 'table'")
        if r[0] in UNDOABLE
    ]


def install(conn: sqlite3.Connection) -> None:
    """Create the temporary undo-log table and triggers on this connection."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _undolog (seq INTEGER PRIMARY KEY, sql TEXT)")
    for table in _undoable_tables(conn):
        cols = _columns(conn, table)
        qt = f'"{table}"'
        sets = "||','||".join(f'\'"{c}"=\'||quote(old."{c}")' for c in cols)
        names = ",".join(f'"{c}"' for c in cols)
        values = "||','||".join(f'quote(old."{c}")' for c in cols)
        conn.executescript(
            f"""
            CREATE TEMP TRIGGER IF NOT EXISTS "_undo_{table}_i" AFTER INSERT ON main.{qt}
            BEGIN INSERT INTO _undolog(sql)
                VALUES('DELETE FROM {table} WHERE rowid='||new.rowid); END;
            CREATE TEMP TRIGGER IF NOT EXISTS "_undo_{table}_u" AFTER UPDATE ON main.{qt}
            BEGIN INSERT INTO _undolog(sql)
                VALUES('UPDATE {table} SET '||{sets}||' WHERE rowid='||old.rowid); END;
            CREATE TEMP TRIGGER IF NOT EXISTS "_undo_{table}_d" BEFORE DELETE ON main.{qt}
            BEGIN INSERT INTO _undolog(sql)
                VALUES('INSERT INTO {table}(rowid,{names.replace("'", "''")}) VALUES('
                       ||old.rowid||','||{values}||')'); END;
            """
        )


def start(conn: sqlite3.Connection) -> None:
    """Forget what was recorded so far; call at the start of an operation's transaction."""
    conn.execute("DELETE FROM temp._undolog")


def collect(conn: sqlite3.Connection) -> str:
    """The statements that revert what was recorded since ``start``, newest first."""
    rows = conn.execute("SELECT sql FROM temp._undolog ORDER BY seq DESC").fetchall()
    conn.execute("DELETE FROM temp._undolog")
    return _SEPARATOR.join(r[0] for r in rows)


def parse(sql: object, columns: Callable[[str], list[str]]) -> list[str]:
    """The statements of a stored undo/redo text, or UndoRefused if any is not ours.

    Accepts exactly what ``install``'s triggers write, joined by ``collect``: ``DELETE FROM
    t WHERE rowid=N``, ``UPDATE t SET "c"=v,... WHERE rowid=N`` and ``INSERT INTO
    t(rowid,"c",...) VALUES(N,v,...)``, with ``t`` one of our undoable tables, each ``c``
    one of its columns (once), each ``v`` a literal. The text is scanned left to right, so
    a text value holding ``;`` and a newline is one literal, not two statements.
    ``columns(table)`` gives a table's columns.
    """
    if not isinstance(sql, str) or len(sql) > MAX_SQL_CHARS:
        raise _refused()
    statements: list[str] = []
    pos = 0
    while pos < len(sql):
        end = _statement_end(sql, pos, columns)
        statements.append(sql[pos:end])
        if end == len(sql):
            break
        if not sql.startswith(_SEPARATOR, end) or end + len(_SEPARATOR) == len(sql):
            raise _refused()
        pos = end + len(_SEPARATOR)
    return statements


def _statement_end(sql: str, pos: int, columns: Callable[[str], list[str]]) -> int:
    """Where the statement starting at ``pos`` ends, if it is one of our three shapes."""
    if m := _DELETE.match(sql, pos):
        _known(m.group(1), [], columns)
    elif m := _UPDATE.match(sql, pos):
        _known(m.group(1), _ASSIGNED.findall(m.group(2)), columns)
    elif m := _INSERT.match(sql, pos):
        names = m.group(2)[1:-1].split('","')
        if len(_VALUES.findall(m.group(3))) != len(names):
            raise _refused()
        _known(m.group(1), names, columns)
    else:
        raise _refused()
    return m.end()


def _known(table: str, names: list[str], columns: Callable[[str], list[str]]) -> None:
    """Refuse a table that is not ours, or columns it does not have or names twice."""
    if table not in UNDOABLE or len(set(names)) != len(names):
        raise _refused()
    if not set(names) <= set(columns(table)):
        raise _refused()


def _column_lookup(conn: sqlite3.Connection) -> Callable[[str], list[str]]:
    cache: dict[str, list[str]] = {}

    def columns(table: str) -> list[str]:
        if table not in cache:
            cache[table] = _columns(conn, table) if table in UNDOABLE else []
        return cache[table]

    return columns


#: Errors that say the write failed (disk full, I/O, read-only...), not that the log is bad.
_WRITE_FAILURES = (
    "SQLITE_FULL",
    "SQLITE_IOERR",
    "SQLITE_READONLY",
    "SQLITE_BUSY",
    "SQLITE_LOCKED",
    "SQLITE_CANTOPEN",
    "SQLITE_NOMEM",
    "SQLITE_CORRUPT",
    "SQLITE_NOTADB",
    "SQLITE_INTERRUPT",
)

#: Functions the replayed statements (and the temporary triggers they fire) may call.
_ALLOWED_FUNCTIONS = frozenset({"quote", "coalesce"})


def _authorizer(
    action: int, arg1: str | None, arg2: str | None, db: str | None, source: str | None
) -> int:
    """Allow only row reads and changes on our undoable tables (and the temporary log)."""
    own = db == "main" and arg1 in UNDOABLE
    log = db == "temp" and arg1 == "_undolog" and source is not None
    cascade = db == "main" and arg1 in CASCADED
    if action == sqlite3.SQLITE_READ and cascade:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_DELETE and cascade:
        return sqlite3.SQLITE_OK
    if action in (sqlite3.SQLITE_INSERT, sqlite3.SQLITE_READ):
        return sqlite3.SQLITE_OK if own or log else sqlite3.SQLITE_DENY
    if action in (sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE):
        return sqlite3.SQLITE_OK if own else sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_FUNCTION:
        return sqlite3.SQLITE_OK if arg2 in _ALLOWED_FUNCTIONS else sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_DENY


def replay(conn: sqlite3.Connection, sql: str) -> None:
    """Run recorded statements inside the current transaction, if they are ours.

    Foreign keys are checked at commit, because a cascade is reverted child first.
    Raises UndoRefused, having run nothing, if the text is not what our triggers write;
    and if the authorizer denies anything, which the caller's rollback undoes.
    """
    statements = parse(sql, _column_lookup(conn))
    conn.execute("PRAGMA defer_foreign_keys = ON")
    _run_guarded(conn, statements)


def _run_guarded(conn: sqlite3.Connection, statements: list[str]) -> None:
    """Execute statements under the authorizer, removed again whatever happens."""
    conn.set_authorizer(_authorizer)
    try:
        for statement in statements:
            conn.execute(statement)
    except sqlite3.DatabaseError as exc:
        if str(getattr(exc, "sqlite_errorname", "")).startswith(_WRITE_FAILURES):
            raise  # the disk, not the log: reported as a write failure by the caller
        raise _refused() from None  # denied, or not valid against this file's rows
    finally:
        conn.set_authorizer(None)


@dataclass
class UndoStacks:
    """The undo and redo stacks, as event ids, derived from the audit log."""

    undo: list[int] = field(default_factory=list)
    redo: list[int] = field(default_factory=list)

    def record(self, event_id: int, kind: str, undoable: bool) -> None:
        """Update the stacks for a new audit event, exactly as replaying the log would."""
        if kind == "undo":
            if self.undo:
                self.undo.pop()
            self.redo.append(event_id)
        elif kind == "redo":
            if self.redo:
                self.redo.pop()
            self.undo.append(event_id)
        elif undoable:
            self.undo.append(event_id)
            self.redo.clear()
        else:
            self.undo.clear()
            self.redo.clear()

    @classmethod
    def from_log(cls, conn: sqlite3.Connection) -> UndoStacks:
        """Rebuild the stacks by replaying the audit log (at open), trusting no SQL.

        The stacks are first derived from which events carry SQL; then the SQL of every
        event left on them (all that undo or redo could ever run) is parsed, and an event
        that does not parse becomes a barrier; repeated until every event on the stacks
        parses. Only those texts are read, so a long log opens fast.
        """
        events = conn.execute(
            "SELECT id, kind, undo_sql IS NOT NULL, redo_sql IS NOT NULL FROM audit ORDER BY id"
        ).fetchall()
        columns = _column_lookup(conn)
        bad: set[int] = set()
        good: set[int] = set()
        while True:
            stacks = cls()
            for event_id, kind, has_undo, has_redo in events:
                # An undo event without redo SQL (or a redo without undo SQL), as an imported
                # timeline has, cannot be replayed: it is a barrier like any non-undoable
                # event; so is an event whose SQL is not ours.
                replayable = bool(has_redo if kind == "undo" else has_undo) and event_id not in bad
                stacks.record(event_id, kind if replayable else "barrier", replayable)
            unchecked = {e for e in stacks.undo + stacks.redo if e not in good}
            if not unchecked:
                return stacks
            ids = sorted(unchecked)
            for i in range(0, len(ids), 500):  # bounded by SQLite's parameter limit
                chunk = ids[i : i + 500]
                for event_id, sql in conn.execute(
                    "SELECT id, CASE kind WHEN 'undo' THEN redo_sql ELSE undo_sql END"
                    f" FROM audit WHERE id IN ({','.join('?' * len(chunk))})",
                    chunk,
                ):
                    try:
                        parse(sql, columns)
                    except UndoRefused:
                        bad.add(event_id)
                    else:
                        good.add(event_id)
            if not bad & unchecked:
                return stacks  # all parse: the stacks stand as derived
