"""Exports run off the GUI thread, so the projected window never freezes while a file is written.

The worker receives a ``Snapshot`` (frozen plain data), never the session or its sqlite
connection: a connection belongs to the thread that opened it, and a snapshot cannot
change under the worker's feet. The export function is resolved *inside* the worker, so
that importing python-docx or reportlab the first time does not block the GUI either.

``open_path`` hands a file or folder to the desktop (QDesktopServices); it is a module
attribute so that tests replace it and launch nothing, like the functions of ``dialogs``.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from workshop import exports as registry
from workshop.errors import WorkshopError
from workshop.exports.common import ExportOptions
from workshop.snapshot import Snapshot

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportKind:
    """One export the wrap-up offers: where its function lives and what file it writes."""

    key: str
    module: str
    function: str
    suffix: str
    file_filter: str

    def resolve(self) -> Callable[[Snapshot, str | os.PathLike, ExportOptions], Path]:
        """Import the export function now (lazily: the DOCX/PDF libraries are heavy)."""
        return getattr(importlib.import_module(self.module), self.function)


def _kind(key: str) -> ExportKind:
    """The console's view of an export of the registry (``workshop.exports.EXPORTS``)."""
    e = registry.EXPORTS[key]
    return ExportKind(e.key, e.module, e.function, e.suffix, e.file_filter)


CHARTER, MINUTES, VOTES = _kind("charter"), _kind("minutes"), _kind("votes")
ROUNDS, CSE_PACK = _kind("rounds"), _kind("cse_pack")
KINDS: dict[str, ExportKind] = {k.key: k for k in (CHARTER, MINUTES, CSE_PACK, VOTES, ROUNDS)}


class _Signals(QObject):
    # Emitted from the pool's thread; Qt queues them to the receivers' (GUI) thread.
    succeeded = Signal(str)
    failed = Signal(str)  # a user-facing one-line message
    crashed = Signal(str)  # an unexpected error, as one line "Type: message"


class ExportJob(QRunnable):
    """Write one export file from a snapshot, in a pool thread."""

    def __init__(
        self,
        kind: ExportKind,
        snapshot: Snapshot,
        target: str | os.PathLike,
        options: ExportOptions,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps the job (and its signals) alive
        self.kind = kind
        self.snapshot = snapshot
        self.target = Path(target)
        self.options = options
        self.signals = _Signals()

    def run(self) -> None:
        try:
            # through the registry, which hands the writer the name-filtered snapshot
            written = registry.run(self.kind.key, self.snapshot, self.target, self.options)
        except WorkshopError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # a bug or a missing export module: say it in one line
            log.exception("export %s failed", self.kind.key)
            first = str(error).splitlines()[0] if str(error) else ""
            self.signals.crashed.emit(f"{type(error).__name__}: {first}".rstrip(": "))
        else:
            self.signals.succeeded.emit(str(written or self.target))


class ExportRunner(QObject):
    """Runs one export at a time and reports how it ended; ``busy`` while it runs."""

    started = Signal(str)  # export key
    succeeded = Signal(str, str)  # export key, path written
    failed = Signal(str, str)  # export key, one-line message
    crashed = Signal(str, str)  # export key, "Type: message"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.job: ExportJob | None = None
        # The last finished job stays referenced: its thread may still be returning from
        # run() when its (queued) signal reaches us, so it must not be collected yet.
        self._finished: ExportJob | None = None

    @property
    def busy(self) -> bool:
        return self.job is not None

    def start(
        self,
        kind: ExportKind,
        snapshot: Snapshot,
        target: str | os.PathLike,
        options: ExportOptions,
    ) -> bool:
        """Queue the export; False (and nothing done) if another one is still running."""
        if self.job is not None:
            return False
        job = ExportJob(kind, snapshot, target, options)
        # Bound methods of this GUI-thread object: the connections are queued, so the
        # slots run in the GUI thread whatever thread emits.
        job.signals.succeeded.connect(self._on_succeeded)
        job.signals.failed.connect(self._on_failed)
        job.signals.crashed.connect(self._on_crashed)
        self.job = job
        self.started.emit(kind.key)
        self.pool.start(job)
        return True

    def _finish(self) -> str:
        job, self.job = self.job, None
        self._finished = job
        return job.kind.key if job else ""

    def _on_succeeded(self, path: str) -> None:
        self.succeeded.emit(self._finish(), path)

    def _on_failed(self, message: str) -> None:
        self.failed.emit(self._finish(), message)

    def _on_crashed(self, message: str) -> None:
        self.crashed.emit(self._finish(), message)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the running export ends (at shutdown, so no file is cut short)."""
        return self.pool.waitForDone(msecs)


def open_path(path: str | os.PathLike) -> bool:
    """Open a file or folder with the desktop's default application."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
