"""``run_on_owner`` for the console: a phone request's work runs in the GUI thread.

The server's threads never touch the ``Session`` (SQLite connections belong to their
thread, and the views must see every change in order): each request hands a function of
the session to ``GuiOwner``, which posts it to the GUI thread through a queued signal and
waits on a ``threading.Event``. If the GUI thread does not take the job in time (a long
export, the console closing), the phone hears ``OwnerUnavailable`` (503 busy) and retries;
a job already running is always waited for, since its vote may be committed. Jobs that
arrive together run as one group under one commit (``workshop.remote.owner.run_grouped``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal

from workshop.remote import OwnerUnavailable
from workshop.remote.owner import MAX_GROUP, OWNER_TIMEOUT, Job, linger, run_grouped
from workshop.session import Session


class GuiOwner(QObject):
    """Runs ``fn(session)`` in this object's (the GUI) thread through ``run``.

    ``run`` is the controller's ``run_remote``: it finds the open session and raises
    ``OwnerUnavailable`` when there is none.
    """

    _posted = Signal(object)

    def __init__(
        self,
        run: Callable[[Callable[[Session], Any]], Any],
        timeout: float = OWNER_TIMEOUT,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._run = run
        self.timeout = timeout
        self._guard = threading.Lock()
        self._stopped = False
        self._waiting: dict[Job, None] = {}  # in posting order
        self._posted.connect(self._take, Qt.ConnectionType.QueuedConnection)

    def __call__(self, fn: Callable[[Session], Any]) -> Any:
        """Run ``fn`` in the GUI thread; its result, or its error raised here."""
        if QThread.currentThread() is self.thread():  # already there: no queue, no wait
            return self._run(fn)
        job = Job(fn)
        with self._guard:
            if self._stopped:
                raise OwnerUnavailable()
            self._waiting[job] = None
        self._posted.emit(job)
        if not job.done.wait(self.timeout):
            with self._guard:
                if not job.taken:  # never started: the GUI thread will skip it
                    job.taken = True
                    self._waiting.pop(job, None)
                    raise OwnerUnavailable()
            job.done.wait()  # running: a committed vote must be acknowledged
        if job.error is not None:
            raise job.error
        return job.result

    def _take(self, job: Job) -> None:
        """This job and those posted with it (the signals behind it find them taken)."""
        if job.taken:
            return
        linger(lambda: len(self._waiting))  # a burst of phones: one group, not three
        with self._guard:
            if job.taken:
                return
            group = [job] + [other for other in self._waiting if other is not job]
            group = group[:MAX_GROUP]
            for taken in group:
                taken.taken = True
                self._waiting.pop(taken, None)
        try:
            self._run(lambda session: run_grouped(session, group))
        except BaseException as exc:  # no session to run them on: every job hears it
            for taken in group:
                if not taken.done.is_set():
                    taken.error = exc
                    taken.done.set()

    def stop(self) -> None:
        """Refuse new jobs and release those waiting (the server is stopping)."""
        with self._guard:
            self._stopped = True
            waiting, self._waiting = self._waiting, {}
            for job in waiting:
                if not job.taken:
                    job.taken = True
                    job.error = OwnerUnavailable()
                    job.done.set()

    def restart(self) -> None:
        """Take jobs again (the server started again)."""
        with self._guard:
            self._stopped = False
