"""The bridge between the widgets and the domain: one open Session, one change signal.

Every user action calls ``controller.run(operation, ...)``. The operation validates,
writes one transaction and returns ``Changes``; the controller then emits ``changed`` so
that every view (operator window and projected view alike) refreshes in the same turn of
the event loop. A WorkshopError becomes a one-line dialog; nothing is half-written.

A write the disk refused (``WriteFailed``: disk full, read-only folder...) is the same one
line; the views are left as they were (no change was made) and the next action simply
tries again. When the workshop file was deleted or moved under us, the open connection
still holds everything: after the message, the controller offers to save a copy (SQLite's
backup API) and carries on in that copy.

A file another process holds open (FileLocked) is offered three ways out: open a copy of
it (written beside it with the backup API), open it read-only (every change is then
refused with one line saying so), or cancel.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ui import dialogs
from workshop.errors import FileLocked, WorkshopError, WorkshopFileMoved, write_failure

if TYPE_CHECKING:  # the domain is imported when a workshop opens, after the first paint
    from workshop import snapshot
    from workshop.operations import roster as roster_ops
    from workshop.roster import RosterError, RosterRow
    from workshop.session import Changes, Session

MAX_RECENT = 8


class WorkshopController(QObject):
    """Owns the open workshop and tells views what changed."""

    changed = Signal(object)  # Changes
    opened = Signal()
    closed = Signal()
    focus_changed = Signal(object)  # the clause id shown (console selection), or None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self._snapshot: snapshot.Snapshot | None = None
        self.dialog_parent: QWidget | None = None
        self.focused_clause: int | None = None

    # -- files ---------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.session is not None

    @property
    def path(self) -> Path | None:
        return self.session.path if self.session else None

    @property
    def read_only(self) -> bool:
        """True when the open workshop was opened read-only (another process writes it)."""
        return self.session is not None and self.session.file.read_only

    def open(self, path: str | os.PathLike, *, progress: Callable[[], None] | None = None) -> bool:
        """Open a workshop (closing the current one); a refused file shows the reason.

        A file open in another process: a copy, read-only, or nothing (the user says).
        ``progress`` is called once the file is checked, before it is read and shown.
        """
        from PySide6.QtCore import Qt

        from workshop.session import Session

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a big file takes seconds
        try:
            session = Session.open(path)
        except FileLocked as locked:
            QGuiApplication.restoreOverrideCursor()
            session = self._open_locked(Path(path), locked)
            if session is None:
                return False
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        except WorkshopError as error:
            QGuiApplication.restoreOverrideCursor()
            dialogs.show_error(self.dialog_parent, str(error))
            return False
        try:
            if progress is not None:
                progress()
            self._adopt(session)
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True

    def _open_locked(self, path: Path, locked: FileLocked) -> Session | None:
        """Ask what to do with a file open elsewhere; the session to adopt, or None."""
        from workshop.copies import copy_of_locked
        from workshop.session import Session

        answer = dialogs.ask_locked(self.dialog_parent, str(locked))
        try:
            if answer == "copy":
                return Session.open(copy_of_locked(path))
            if answer == "readonly":
                return Session.open_readonly(path)
        except WorkshopError as error:
            dialogs.show_error(self.dialog_parent, str(error))
        return None

    def adopt(self, session: Session) -> None:
        """Take over a session created elsewhere (new workshop, demo, import)."""
        self._adopt(session)

    def _adopt(self, session: Session) -> None:
        from workshop.session import ALL_TOPICS, Changes

        self.close()
        self.session = session
        self._snapshot = None
        remember_recent(session.path)
        self.opened.emit()
        self.changed.emit(Changes(ALL_TOPICS, None, ""))

    def close(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None
            self._snapshot = None
            self.focused_clause = None
            self.closed.emit()

    def focus_clause(self, clause_id: int | None) -> None:
        """The clause the facilitator is presenting (UI state, not stored in the file)."""
        if clause_id != self.focused_clause:
            self.focused_clause = clause_id
            self.focus_changed.emit(clause_id)

    # -- reading -------------------------------------------------------------------------
    @property
    def snapshot(self) -> snapshot.Snapshot:
        """The current workshop as plain data (cached until the next change)."""
        if self.session is None:
            raise RuntimeError("no workshop open")
        if self._snapshot is None:
            from workshop import snapshot

            # The audit log is only for exports (full_snapshot): views never read it.
            self._snapshot = snapshot.load(self.session.conn, with_audit=False)
            long_lived()
        return self._snapshot

    def full_snapshot(self) -> snapshot.Snapshot:
        """The workshop with its audit log, for exports (the minutes' timeline, bundles)."""
        if self.session is None:
            raise RuntimeError("no workshop open")
        from workshop import snapshot

        return snapshot.load(self.session.conn)

    def roster_plan(
        self, rows: Sequence[RosterRow | RosterError], **options: Any
    ) -> roster_ops.RosterPlan:
        """What adding a pasted or imported list would do (read only: the preview)."""
        if self.session is None:
            raise RuntimeError("no workshop open")
        from workshop.operations import roster as roster_ops

        return roster_ops.plan(self.session.conn, rows, **options)

    # -- changing ------------------------------------------------------------------------
    def run(
        self, operation: Callable[..., Changes], *args: object, **kwargs: object
    ) -> Changes | None:
        """Run an operation on the open workshop; on refusal show why and return None."""
        if self.session is None:
            return None
        if self.read_only:
            self._refuse_read_only()
            return None
        try:
            changes = _translated(operation, self.session, *args, **kwargs)
        except WorkshopError as error:
            self._refused(error)
            return None
        self._notify(changes)
        return changes

    def undo(self) -> Changes | None:
        return self._history(lambda s: s.undo())

    def redo(self) -> Changes | None:
        return self._history(lambda s: s.redo())

    # -- phones (issue 15, ui/phones): work that does not go through ``run`` -----------------
    def run_remote(self, fn: Callable[[Session], Any]) -> Any:
        """A phone request's ``fn(session)``, run here where the session lives; its errors go
        back to the phone (no dialog). Its Changes reach the views through ``broadcast``."""
        if self.session is None:
            from workshop.remote import OwnerUnavailable

            raise OwnerUnavailable()
        return _translated(fn, self.session)

    def broadcast(self, changes: Changes) -> None:
        """Tell every view about a change made outside ``run`` (a phone's vote)."""
        if self.session is not None:
            self._notify(changes)

    def phone_credentials(self) -> tuple[set[int], dict[int, int]]:
        """Who holds a personal link, and how many drawn codes each college has (never the
        links or codes themselves: the file has only their digests)."""
        if self.session is None:
            return set(), {}
        from workshop.operations import phones

        conn = self.session.conn
        return phones.linked_participants(conn), phones.code_counts(conn)

    def code_progress(self, ballot_id: int) -> tuple[int, int]:
        """(codes that have voted, codes issued) in an open round by codes: safe to show."""
        if self.session is None:
            return 0, 0
        from workshop.operations import phones

        return phones.code_progress(self.session.conn, ballot_id)

    def run_with_value(
        self, operation: Callable[..., tuple[Changes, Any]], *args: object
    ) -> Any | None:
        """``run`` for an operation returning (Changes, value), such as issuing phone links
        or codes: the value, or None when refused (and said why)."""
        if self.session is None:
            return None
        if self.read_only:
            self._refuse_read_only()
            return None
        try:
            changes, value = _translated(operation, self.session, *args)
        except WorkshopError as error:
            self._refused(error)
            return None
        self._notify(changes)
        return value

    def _history(self, step: Callable[[Session], Changes]) -> Changes | None:
        if self.session is None:
            return None
        if self.read_only:
            self._refuse_read_only()
            return None
        try:
            changes = _translated(step, self.session)
        except WorkshopError as error:
            self._refused(error)
            return None
        self._notify(changes)
        return changes

    def _refuse_read_only(self) -> None:
        dialogs.show_error(
            self.dialog_parent,
            self.tr(
                "This workshop is open read-only (another window has it open): nothing was changed. Open a copy to work on it."
            ),
        )

    def _refused(self, error: WorkshopError) -> None:
        """Say why in one line; a vanished file also gets the offer of a copy."""
        dialogs.show_error(self.dialog_parent, str(error))
        if isinstance(error, WorkshopFileMoved) and self.session is not None:
            self._offer_copy()

    def _offer_copy(self) -> None:
        """Save the open workshop under a new name and carry on in that copy."""
        path = self.session.path
        suggested = path.with_name(path.stem + "-copie.charter")
        if not suggested.parent.is_dir():
            suggested = Path.home() / suggested.name
        target = dialogs.ask_save_path(
            self.dialog_parent, self.tr("Save the open workshop as"), str(suggested)
        )
        if not target:
            return  # it stays open; every change will say the same until a copy is saved
        if not target.endswith(".charter"):
            target += ".charter"
        if self.save_copy(target) is not None:
            self.open(target)

    def save_copy(self, target: str | os.PathLike) -> Path | None:
        """Save a consistent copy of the open workshop; on refusal show why, return None.

        Never onto a workshop's lock, journal or backup, nor onto an open workshop.
        """
        if self.session is None:
            return None
        from workshop.exports.common import check_target

        try:
            check_target(target, copy=True)
            return self.session.file.save_copy(target)
        except WorkshopError as error:
            dialogs.show_error(self.dialog_parent, str(error))
            return None

    def _notify(self, changes: Changes) -> None:
        from workshop import snapshot
        from workshop.session import BALLOTS

        if self._snapshot is not None and changes.topics == {BALLOTS} and changes.voters:
            # one vote: re-read only the voter rows it names (views repaint only those too)
            self._snapshot = snapshot.with_voters(self._snapshot, self.session.conn, changes.voters)
        elif self._snapshot is not None and changes.topics == {BALLOTS} and changes.event_id:
            # a count: only open rounds' voter lists moved (see refresh_open_ballots)
            self._snapshot = snapshot.refresh_open_ballots(self._snapshot, self.session.conn)
        else:
            self._snapshot = None
        self.changed.emit(changes)


def _translated(call: Callable[..., Changes], *args: object, **kwargs: object) -> Changes:
    """Call an operation; a disk failure in the reads it makes before its transaction
    (a file locked by another program...) becomes the same WriteFailed as inside it."""
    import sqlite3

    try:
        return call(*args, **kwargs)
    except sqlite3.Error as exc:
        failure = write_failure(exc)
        if failure is None:
            raise
        raise failure from exc


def long_lived() -> None:
    """The snapshot just read lives until the next full change: out of the collector's way.

    Python's full collections walk every object: at XL (500 people, 734 000 votes) one
    took 30–190 ms, and came every few votes. ``gc.freeze`` moves what exists now into a
    generation the collector no longer walks; a snapshot is plain acyclic data, freed by
    reference counting as before when the next one replaces it. Every eighth full read
    (never on a vote, which reads one row) what was frozen is thawed and collected first
    (10–20 ms at L), so cyclic garbage such as a closed dialog is not kept for ever; not
    on every read, so that opening a workshop does not pay for it.
    """
    import gc

    if next(_full_reads) % 8 == 0:
        gc.unfreeze()
        gc.collect()
    gc.freeze()


_full_reads = itertools.count(1)


def settings() -> QSettings:
    return QSettings("Charter Workshop", "Atelier Charte")


def recent_files() -> list[str]:
    value = settings().value("recent", [])
    if isinstance(value, str):
        value = [value]
    return [p for p in (value or []) if Path(p).exists()]


def remember_recent(path: Path) -> None:
    items = [str(path)] + [p for p in recent_files() if p != str(path)]
    settings().setValue("recent", items[:MAX_RECENT])
