"""An open workshop and the one way to change it: ``Session.run``.

Every operation runs in one transaction, appends one audit event and returns a ``Changes``
value naming what changed, so that every view can refresh from it (Anki's OpChanges).
When ``run`` returns, the change is on disk.

A write the disk refuses (full, read-only folder, file deleted or replaced under us) is
rolled back and raised as one of the ``WriteFailed`` errors, never as the ``sqlite3``
error behind it: nothing acknowledged is lost, the undo stacks are untouched, and the
same session carries on once the cause is gone. Before each write the session checks that
its path still names the file it opened (device and inode), so that a deleted or replaced
file is reported as such instead of writing into a file nobody will see again.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from workshop import undo
from workshop.clock import now
from workshop.errors import NothingToUndo, WorkshopError, file_moved, write_failure
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


class Origin(StrEnum):
    """What kind of change it was: views treat an undo differently from a new vote."""

    OPERATION = "operation"
    UNDO = "undo"
    REDO = "redo"


class Initiator(StrEnum):
    """Who asked for the change (Anki's ``initiator``): a view may skip its own echo."""

    CONSOLE = "console"
    PHONE = "phone"
    IMPORT = "import"
    CLI = "cli"


@dataclass(frozen=True)
class Changes:
    """What an operation changed: the views to refresh, its audit event, its kind and origin."""

    topics: frozenset[str]
    event_id: int | None
    summary: str
    value: object = None  # what the operation created (an id), if anything
    origin: Origin = Origin.OPERATION
    initiator: Initiator = Initiator.CONSOLE
    #: (ballot id, participant id) of the only voter rows a vote changed, when that is all
    #: it changed: readers may re-read just those rows and repaint just those voters
    #: instead of the whole workshop (a vote must show within one frame).
    voters: tuple[tuple[int, int], ...] = ()

    def __contains__(self, topic: object) -> bool:
        return topic in self.topics


def coalesced(many: Sequence[Changes]) -> list[Changes]:
    """The same changes with each run of plain votes (voter rows only) made one: the views
    re-read and repaint those voters once per burst of phone votes, not once per vote."""
    out: list[Changes] = []
    for changes in many:
        last = out[-1] if out else None
        if last is not None and _only_voters(last) and _only_voters(changes):
            merged = last.voters + tuple(v for v in changes.voters if v not in last.voters)
            out[-1] = replace(changes, voters=merged)
        else:
            out.append(changes)
    return out


def _only_voters(changes: Changes) -> bool:
    return changes.topics == {BALLOTS} and bool(changes.voters) and changes.value is None


# The workshop files this process has open (exports refuse to write over them).
_open_paths: dict[int, Path] = {}
_open_paths_guard = threading.Lock()


def open_workshop_paths() -> list[Path]:
    """Every workshop file this process has open, for writing or reading."""
    with _open_paths_guard:
        return list(_open_paths.values())


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file a path names now, or None if it names none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


class Session:
    """A workshop open for writing, with its undo stacks."""

    def __init__(self, file: WorkshopFile) -> None:
        self.file = file
        self.conn: sqlite3.Connection = file.conn
        self.db = file.db
        if not file.read_only:
            undo.install(self.conn)
        self._stacks = undo.UndoStacks.from_log(self.conn)
        # Taken right after opening: the file the connection holds.
        self._identity = _identity(file.path)
        with _open_paths_guard:
            _open_paths[id(self)] = file.path

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
        with _open_paths_guard:
            _open_paths.pop(id(self), None)
        self.file.close()

    @property
    def file_in_place(self) -> bool:
        """True while the workshop's path still names the file this session opened."""
        return self._identity is not None and _identity(self.path) == self._identity

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """One transaction whose disk failures become ``WriteFailed`` (rolled back).

        Anything else (a WorkshopError from the operation's own checks, a bug) passes
        through unchanged; either way the transaction is rolled back.
        """
        outermost = not self.conn.in_transaction  # else a savepoint inside ``group``
        if outermost and not self.file.read_only and not self.file_in_place:
            raise file_moved()
        try:
            with self.file.transaction():
                yield
        except sqlite3.Error as exc:  # operations do no file I/O of their own
            failure = write_failure(exc, moved=not self.file_in_place)
            if failure is None:
                raise
            if outermost and self.conn.in_transaction:  # SQLite may have rolled back, or not
                with contextlib.suppress(sqlite3.Error):
                    self.conn.rollback()
            raise failure from exc

    @contextlib.contextmanager
    def group(self) -> Iterator[None]:
        """Several operations, one durable commit (phones voting at once).

        Inside, each ``run`` is a savepoint: an operation that fails is rolled back alone
        and the others stay; the commit (and its fsyncs) happens once, when the block
        ends, so a hundred votes cost one disk wait instead of a hundred. Nothing inside
        is on disk before the block ends: its callers acknowledge only after it. If that
        commit fails, every operation of the block is rolled back, the undo stacks are
        restored and ``WriteFailed`` is raised.
        """
        undo_ids, redo_ids = list(self._stacks.undo), list(self._stacks.redo)
        try:
            with self._writing():
                yield
        except BaseException:
            self._stacks.undo[:], self._stacks.redo[:] = undo_ids, redo_ids
            raise

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
        initiator: Initiator = Initiator.CONSOLE,
    ) -> Changes:
        """Run ``fn`` in one transaction and append one audit event for it.

        ``summary`` is the line the minutes' timeline shows; it must not contain a
        participant's name (use pseudonyms) nor what a voter chose. It may be a function
        of what ``fn`` returned, for operations that create something.
        """
        topics = frozenset(topics)
        with self._writing():
            undo.start(self.conn)
            value = fn(self.conn)
            undo_sql = undo.collect(self.conn) if undoable else None
            if not undoable:
                self.conn.execute("DELETE FROM temp._undolog")
            if callable(summary):
                summary = summary(value)
            event_id = self._append(kind, summary, topics, undo_sql=undo_sql)
        self._stacks.record(event_id, kind, undoable)
        return Changes(topics, event_id, summary, value, Origin.OPERATION, initiator)

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
        return inserted_id(cur)

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

    def undo(self, initiator: Initiator = Initiator.CONSOLE) -> Changes:
        """Revert the latest operation that is not undone yet."""
        if not self._stacks.undo:
            raise NothingToUndo("Rien à annuler.", "Nothing to undo.")
        target = self._stacks.undo[-1]
        _, _, topics, undo_sql, _ = self._event(target)
        label = self._original_summary(target)
        summary = self.tr(f"Annulation : {label}", f"Undo: {label}")
        with self._writing():
            undo.start(self.conn)
            undo.replay(self.conn, undo_sql or "")
            redo_sql = undo.collect(self.conn)
            event_id = self._append("undo", summary, topics, target=target, redo_sql=redo_sql)
        self._stacks.record(event_id, "undo", True)
        return Changes(topics, event_id, summary, None, Origin.UNDO, initiator)

    def redo(self, initiator: Initiator = Initiator.CONSOLE) -> Changes:
        """Apply again the latest undone operation."""
        if not self._stacks.redo:
            raise NothingToUndo("Rien à rétablir.", "Nothing to redo.")
        target = self._stacks.redo[-1]
        _, _, topics, _, redo_sql = self._event(target)
        label = self._original_summary(target)
        summary = self.tr(f"Rétablissement : {label}", f"Redo: {label}")
        with self._writing():
            undo.start(self.conn)
            undo.replay(self.conn, redo_sql or "")
            undo_sql = undo.collect(self.conn)
            event_id = self._append("redo", summary, topics, target=target, undo_sql=undo_sql)
        self._stacks.record(event_id, "redo", True)
        return Changes(topics, event_id, summary, None, Origin.REDO, initiator)


def require(condition: object, fr: str, en: str) -> None:
    """Raise a user-facing error unless ``condition`` holds."""
    if not condition:
        raise WorkshopError(fr, en)


def inserted_id(cur: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just made (sqlite3 types ``lastrowid`` as optional)."""
    row_id = cur.lastrowid
    if row_id is None:  # only before any INSERT on this cursor: a programming error
        raise TypeError("the cursor has inserted no row")
    return row_id
