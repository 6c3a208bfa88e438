"""An open workshop and the one way to change it: ``Session.run``.

Every operation runs in one transaction, appends one audit event and returns a ``Changes``
value naming what changed, so that every view can refresh from it (Anki's OpChanges).
When ``run`` returns, the change is on disk.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from workshop import undo
from workshop.clock import now
from workshop.errors import NothingToUndo, WorkshopError
from workshop.workshopfile import WorkshopFile

T = TypeVar("T")

# What an operation may change; views subscribe to these.
WORKSHOP = "workshop"
AGENDA = "agenda"
COLLEGES = "colleges"
PARTICIPANTS = "participants"
DIAGNOSTIC = "diagnostic"
POSITIONS = "positions"
CLAUSES = "clauses"
BALLOTS = "ballots"
ACTIONS = "actions"
ALL_TOPICS = frozenset(
    {WORKSHOP, AGENDA, COLLEGES, PARTICIPANTS, DIAGNOSTIC, POSITIONS, CLAUSES, BALLOTS, ACTIONS}
)


@dataclass(frozen=True)
class Changes:
    """What an operation changed: the views to refresh, and its audit event."""

    topics: frozenset[str]
    event_id: int | None
    summary: str
    value: object = None  # what the operation created (an id), if anything

    def __contains__(self, topic: object) -> bool:
        return topic in self.topics


class Session:
    """A workshop open for writing, with its undo stacks."""

    def __init__(self, file: WorkshopFile) -> None:
        self.file = file
        self.conn: sqlite3.Connection = file.conn
        self.db = file.db
        if not file.read_only:
            undo.install(self.conn)
        self._stacks = undo.UndoStacks.from_log(self.conn)

    @classmethod
    def open(cls, path: str | os.PathLike) -> Session:
        """Open an existing workshop for writing (checked, locked, migrated)."""
        return cls(WorkshopFile.open(path))

    @classmethod
    def open_readonly(cls, path: str | os.PathLike) -> Session:
        """Open a workshop only to read it (exports, check); takes no lock."""
        return cls(WorkshopFile.open_readonly(path))

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def lang(self) -> str:
        row = self.conn.execute("SELECT lang FROM workshop").fetchone()
        return row[0] if row else "fr"

    def tr(self, fr: str, en: str) -> str:
        """Pick the text in the workshop's language (audit summaries follow the workshop)."""
        return en if self.lang == "en" else fr

    def close(self) -> None:
        self.file.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the operation runner ------------------------------------------------------------
    def run(
        self,
        kind: str,
        summary: str | Callable[[T], str],
        topics: Iterable[str],
        fn: Callable[[sqlite3.Connection], T],
        *,
        undoable: bool = True,
    ) -> Changes:
        """Run ``fn`` in one transaction and append one audit event for it.

        ``summary`` is the line the minutes' timeline shows; it must not contain a
        participant's name (use pseudonyms) nor what a voter chose. It may be a function
        of what ``fn`` returned, for operations that create something.
        """
        topics = frozenset(topics)
        with self.file.transaction():
            undo.start(self.conn)
            value = fn(self.conn)
            undo_sql = undo.collect(self.conn) if undoable else None
            if not undoable:
                self.conn.execute("DELETE FROM temp._undolog")
            if callable(summary):
                summary = summary(value)
            event_id = self._append(kind, summary, topics, undo_sql=undo_sql)
        self._stacks.record(event_id, kind, undoable)
        return Changes(topics, event_id, summary, value)

    def _append(
        self,
        kind: str,
        summary: str,
        topics: frozenset[str],
        *,
        target: int | None = None,
        undo_sql: str | None = None,
        redo_sql: str | None = None,
    ) -> int:
        step = self.conn.execute("SELECT current_step FROM workshop").fetchone()
        cur = self.conn.execute(
            "INSERT INTO audit (at, step, kind, summary, topics, target, undo_sql, redo_sql)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                now(),
                step[0] if step else "setup",
                kind,
                summary,
                json.dumps(sorted(topics)),
                target,
                undo_sql,
                redo_sql,
            ),
        )
        return int(cur.lastrowid)

    # -- undo / redo ---------------------------------------------------------------------
    def _event(self, event_id: int) -> tuple[str, str, frozenset[str], str | None, str | None]:
        kind, summary, topics, undo_sql, redo_sql = self.conn.execute(
            "SELECT kind, summary, topics, undo_sql, redo_sql FROM audit WHERE id = ?",
            (event_id,),
        ).fetchone()
        return kind, summary, frozenset(json.loads(topics)), undo_sql, redo_sql

    def _original_summary(self, event_id: int) -> str:
        """The summary of the operation an undo/redo chain started from."""
        kind, summary, _, _, _ = self._event(event_id)
        target = self.conn.execute("SELECT target FROM audit WHERE id = ?", (event_id,)).fetchone()
        if kind in ("undo", "redo") and target and target[0]:
            return self._original_summary(target[0])
        return summary

    @property
    def can_undo(self) -> bool:
        return bool(self._stacks.undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._stacks.redo)

    def undo_label(self) -> str | None:
        """What undo would revert, for the Edit menu."""
        return self._original_summary(self._stacks.undo[-1]) if self._stacks.undo else None

    def redo_label(self) -> str | None:
        return self._original_summary(self._stacks.redo[-1]) if self._stacks.redo else None

    def undo(self) -> Changes:
        """Revert the latest operation that is not undone yet."""
        if not self._stacks.undo:
            raise NothingToUndo("Rien à annuler.", "Nothing to undo.")
        target = self._stacks.undo[-1]
        _, _, topics, undo_sql, _ = self._event(target)
        label = self._original_summary(target)
        summary = self.tr(f"Annulation : {label}", f"Undo: {label}")
        with self.file.transaction():
            undo.start(self.conn)
            undo.replay(self.conn, undo_sql or "")
            redo_sql = undo.collect(self.conn)
            event_id = self._append("undo", summary, topics, target=target, redo_sql=redo_sql)
        self._stacks.record(event_id, "undo", True)
        return Changes(topics, event_id, summary)

    def redo(self) -> Changes:
        """Apply again the latest undone operation."""
        if not self._stacks.redo:
            raise NothingToUndo("Rien à rétablir.", "Nothing to redo.")
        target = self._stacks.redo[-1]
        _, _, topics, _, redo_sql = self._event(target)
        label = self._original_summary(target)
        summary = self.tr(f"Rétablissement : {label}", f"Redo: {label}")
        with self.file.transaction():
            undo.start(self.conn)
            undo.replay(self.conn, redo_sql or "")
            undo_sql = undo.collect(self.conn)
            event_id = self._append("redo", summary, topics, target=target, undo_sql=undo_sql)
        self._stacks.record(event_id, "redo", True)
        return Changes(topics, event_id, summary)


def require(condition: object, fr: str, en: str) -> None:
    """Raise a user-facing error unless ``condition`` holds."""
    if not condition:
        raise WorkshopError(fr, en)
