"""Running a function of the ``Session`` in the thread that owns it.

SQLite connections belong to the thread that opened them, and the console's views must
see every change in order: the server's threads never touch the session, they hand a
function to ``run_on_owner``. ``OwnerQueue`` is the simple owner for ``charter-workshop
serve`` and the tests: the owning thread calls ``serve`` and runs jobs one at a time.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from workshop.errors import WorkshopError
from workshop.session import Session

T = TypeVar("T")

#: How long a request waits for the owner before the phone is told to retry (503).
OWNER_TIMEOUT = 10.0


class OwnerUnavailable(WorkshopError):
    """The session's owner did not take the job in time (busy, or stopping)."""

    def __init__(self) -> None:
        super().__init__(
            "La console n’a pas répondu à temps : réessayez.",
            "The console did not answer in time: try again.",
        )


RunOnOwner = Callable[[Callable[[Session], Any]], Any]


class _Job:
    __slots__ = ("done", "error", "fn", "result", "taken")

    def __init__(self, fn: Callable[[Session], Any]) -> None:
        self.fn = fn
        self.done = threading.Event()
        self.taken = False
        self.result: Any = None
        self.error: BaseException | None = None


class OwnerQueue:
    """A queue of jobs that the session's owning thread runs in order (``serve``)."""

    def __init__(self, timeout: float = OWNER_TIMEOUT) -> None:
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._timeout = timeout
        self._guard = threading.Lock()
        self._stopped = False

    def __call__(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn(session)`` in the owner's thread; return its result or raise its error."""
        job = _Job(fn)
        with self._guard:
            if self._stopped:
                raise OwnerUnavailable()
            self._jobs.put(job)
        if not job.done.wait(self._timeout):
            with self._guard:
                if not job.taken:  # never ran: the owner will skip it
                    job.taken = True
                    raise OwnerUnavailable()
            job.done.wait()  # running: its result (a committed vote) must be reported
        if job.error is not None:
            raise job.error
        return job.result

    def serve(
        self,
        session: Session,
        stop: threading.Event,
        poll: float = 0.2,
        tick: Callable[[Session], None] | None = None,
    ) -> None:
        """Run jobs on ``session`` in the calling thread until ``stop`` is set; ``tick``
        runs there too after each job and each idle ``poll`` seconds."""
        try:
            while not stop.is_set():
                try:
                    job = self._jobs.get(timeout=poll)
                except queue.Empty:
                    job = None
                else:
                    if job is None:
                        break
                    self._run(session, job)
                if tick is not None:
                    tick(session)
        finally:
            self.stop()

    def run_pending(self, session: Session) -> int:
        """Run the jobs waiting now (an owner with its own event loop); how many ran."""
        ran = 0
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return ran
            if job is not None:
                self._run(session, job)
                ran += 1

    def _run(self, session: Session, job: _Job) -> None:
        with self._guard:
            if job.taken:
                return
            job.taken = True
        try:
            job.result = job.fn(session)
        except BaseException as exc:  # handed back to the requesting thread
            job.error = exc
        finally:
            job.done.set()

    def stop(self) -> None:
        """Refuse new jobs; jobs still waiting are told the owner is unavailable."""
        with self._guard:
            self._stopped = True
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is not None and not job.taken:
                job.taken = True
                job.error = OwnerUnavailable()
                job.done.set()
        self._jobs.put(None)
