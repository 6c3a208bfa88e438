"""Running a function of the ``Session`` in the thread that owns it.

SQLite connections belong to the thread that opened them, and the console's views must
see every change in order: the server's threads never touch the session, they hand a
function to ``run_on_owner``. ``OwnerQueue`` is the simple owner for ``charter-workshop
serve`` and the tests: the owning thread calls ``serve`` and runs jobs one at a time.
"""

from __future__ import annotations

import queue
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from workshop.errors import WorkshopError, write_failure
from workshop.operations import secrecy
from workshop.session import Session

T = TypeVar("T")

#: How long a request waits for the owner before the phone is told to retry (503).
OWNER_TIMEOUT = 10.0

#: Jobs run under one commit at most: a room's burst (every phone at once) in one or two
#: commits, while bounding how long the first job of a burst waits for the others.
MAX_GROUP = 128

#: While jobs keep arriving (a burst), the owner waits for them before it starts a group,
#: a step at a time, at most ``LINGER_MAX`` seconds: a group started on the first job of a
#: burst runs while the other requests are still being read, competing with them for the
#: interpreter, and the stragglers then need a group (and a commit) of their own.
LINGER_STEP = 0.0005
LINGER_MAX = 0.02


def linger(waiting: Callable[[], int]) -> None:
    """Wait while ``waiting()`` (the jobs queued) grows, up to ``LINGER_MAX`` seconds or
    ``MAX_GROUP`` jobs; a job alone waits one step (half a millisecond)."""
    deadline = time.monotonic() + LINGER_MAX
    seen = waiting()
    while seen < MAX_GROUP and time.monotonic() < deadline:
        time.sleep(LINGER_STEP)
        now = waiting()
        if now == seen:
            return
        seen = now


class OwnerUnavailable(WorkshopError):
    """The session's owner did not take the job in time (busy, or stopping)."""

    def __init__(self) -> None:
        super().__init__(
            "La console n’a pas répondu à temps : réessayez.",
            "The console did not answer in time: try again.",
        )


RunOnOwner = Callable[[Callable[[Session], Any]], Any]


class Job:
    """One request's work for the owner, and its answer (result or error) once ``done``."""

    __slots__ = ("done", "error", "fn", "result", "taken")

    def __init__(self, fn: Callable[[Session], Any]) -> None:
        self.fn = fn
        self.done = threading.Event()
        self.taken = False
        self.result: Any = None
        self.error: BaseException | None = None


def run_grouped(session: Session, jobs: Sequence[Job]) -> None:
    """Run ``jobs`` (already taken) in order under one commit; answer each when it holds.

    A job's own error (a refused vote) is its answer and rolls back only its savepoint.
    If the commit fails, or SQLite gives up the whole transaction under a job (a full
    disk can do that), nothing of the group was written: every job not refused on its
    own is answered with that failure, and the jobs after it do not run.
    """
    if not jobs:
        return
    try:
        if len(jobs) == 1 or session.file.read_only:
            for job in jobs:
                _call(session, job)
        else:
            with secrecy.grouped(session):
                for job in jobs:
                    _call(session, job)
                    if not session.conn.in_transaction:  # rolled back by SQLite itself
                        raise job.error or _Lost()
    except BaseException as exc:  # nothing of the group was written
        failure = _translated(exc)
        for job in jobs:
            if job.error is None or job.error is exc:
                job.result, job.error = None, failure
    finally:
        for job in jobs:
            job.done.set()


class _Lost(WorkshopError):
    """The group's transaction ended under a job that reported no error (never seen)."""

    def __init__(self) -> None:
        super().__init__("L’enregistrement a échoué : réessayez.", "Recording failed: try again.")


def _call(session: Session, job: Job) -> None:
    try:
        job.result = job.fn(session)
    except BaseException as exc:  # handed back to the requesting thread
        job.error = _translated(exc)


def _translated(exc: BaseException) -> BaseException:
    """A disk failure met outside an operation's transaction, as the same WriteFailed."""
    if isinstance(exc, sqlite3.Error):
        return write_failure(exc) or exc
    return exc


class OwnerQueue:
    """A queue of jobs that the session's owning thread runs in order (``serve``)."""

    def __init__(self, timeout: float = OWNER_TIMEOUT) -> None:
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._timeout = timeout
        self._guard = threading.Lock()
        self._stopped = False

    def __call__(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn(session)`` in the owner's thread; return its result or raise its error."""
        job = Job(fn)
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
                ran += self._run(session, job)

    def _run(self, session: Session, first: Job) -> int:
        """Run ``first`` and the jobs waiting behind it as one group; how many ran."""
        linger(self._jobs.qsize)
        group, stopping = [first], False
        while len(group) < MAX_GROUP:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                break
            if job is None:
                stopping = True
                break
            group.append(job)
        with self._guard:
            taken = [job for job in group if not job.taken]
            for job in taken:
                job.taken = True
        run_grouped(session, taken)
        if stopping:
            self._jobs.put(None)  # the stop marker, for ``serve`` to meet next
        return len(taken)

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
