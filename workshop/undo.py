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
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

#: Tables whose changes are undoable (the audit log itself is append-only and never undone).
UNTRACKED = frozenset({"audit", "_sqlite_migrations"})


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA main.table_info("{table}")')]


def install(conn: sqlite3.Connection) -> None:
    """Create the temporary undo-log table and triggers on this connection."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _undolog (seq INTEGER PRIMARY KEY, sql TEXT)")
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        if r[0] not in UNTRACKED
    ]
    for table in tables:
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
    return ";\n".join(r[0] for r in rows)


def replay(conn: sqlite3.Connection, sql: str) -> None:
    """Run recorded statements inside the current transaction.

    Foreign keys are checked at commit, because a cascade is reverted child first.
    """
    conn.execute("PRAGMA defer_foreign_keys = ON")
    for statement in sql.split(";\n"):
        if statement.strip():
            conn.execute(statement)


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
        """Rebuild the stacks by replaying the audit log (at open)."""
        stacks = cls()
        for event_id, kind, has_undo, has_redo in conn.execute(
            "SELECT id, kind, undo_sql IS NOT NULL, redo_sql IS NOT NULL FROM audit ORDER BY id"
        ):
            # An undo event without redo SQL (or a redo without undo SQL), as an imported
            # timeline has, cannot be replayed: it is a barrier like any non-undoable event.
            replayable = bool(has_redo if kind == "undo" else has_undo)
            stacks.record(event_id, kind if replayable else "barrier", replayable)
        return stacks
