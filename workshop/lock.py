"""One writer per workshop file: an OS-level lock held beside the ``.charter`` file.

SQLite lets two processes write the same file and their sessions interleave silently, so
the app takes an exclusive lock on ``<name>.charter.lock`` for as long as it has the
workshop open for writing, and refuses a second writer with a message naming who holds it.

How it works, and why:

* The lock is an OS lock on the lock file, never the mere existence of the file: the OS
  drops it when the holding process dies, however it dies. A lock file left behind by a
  crashed process therefore carries no OS lock, and the next ``acquire()`` simply takes
  it and overwrites the holder info: crash recovery needs no PID guessing and no timeout.
* POSIX: ``fcntl.flock`` on the whole file. It belongs to the open file description, so
  two opens in the same process conflict too (``fcntl.lockf`` would not: POSIX record
  locks are per process and a second open would silently "succeed").
* Windows: ``msvcrt.locking`` on one byte far beyond the data (``_WINDOWS_LOCK_OFFSET``).
  Windows byte locks are mandatory, so locking byte 0 would stop other processes from
  reading the holder info; locking past the end of the file keeps it readable.
* A process-wide registry of held paths refuses a second lock on the same path within
  this process on every platform alike, before the OS is asked.
* Release removes the lock file. On POSIX it is unlinked while still locked, and
  ``acquire()`` checks after locking that the path still names the file it locked
  (otherwise it starts over), so a process that opened the old file just before the
  unlink cannot end up holding a lock on a deleted file while another locks the new one.
  On Windows an open file cannot be deleted, so the file is closed first and then
  removed if nobody reopened it meanwhile.
* The holder info (pid, host, user, start time) is written as JSON for the message only;
  it is never trusted to decide anything and is never logged.
* Deleting the lock file while the workshop is open must not let a second writer in.
  On Linux the holder also takes an open-file-description record lock (``F_OFD_SETLK``)
  on one byte of the workshop file itself (``_DB_LOCK_BYTE``: in SQLite's lock-byte page,
  outside the bytes SQLite's own locking uses, https://sqlite.org/fileformat.html), so a
  second writer that finds no lock file still meets it. Not ``flock`` (on BSD and macOS
  it conflicts with SQLite's own ``fcntl`` locks; Linux emulates it with them on NFS), and
  not a classic ``fcntl`` lock: those belong to the process, and SQLite drops every one
  of them on the file (whole-file ``F_UNLCK``) each time its transaction ends. An OFD lock
  belongs to our descriptor alone and conflicts with nobody else's bytes.
  Elsewhere on POSIX (no OFD locks), ``verify()``, called before every write, checks that
  the lock file is still the one we locked: if it was removed it creates and locks a new
  one; if another process holds that one, our writes are refused (FileLocked), so two
  writers never interleave. On Windows an open file cannot be deleted, so a held lock
  file cannot disappear; the workshop file is not byte-locked there (Windows byte locks
  are mandatory and SQLite's own sit in the same page).
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import socket
import struct
import sys
import threading
import time
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType

from workshop.errors import FileLocked, FileRefused

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    fcntl_module = None
else:
    import fcntl

    fcntl_module = fcntl

APP_NAME = "charter-workshop"
LOCK_SUFFIX = ".lock"

# Windows: the locked byte, far past any holder info so that the info stays readable.
# Kept below 2 GiB so that C runtimes with 32-bit file offsets handle it too.
_WINDOWS_LOCK_OFFSET = 1 << 30

# Linux: the byte of the workshop file we lock: 1 GiB + 1 KiB. SQLite locks 1 GiB to
# 1 GiB + 511 (PENDING, RESERVED, SHARED) and never reads or writes its lock-byte page;
# record locks are advisory on POSIX, so even past that page no I/O is affected.
_DB_LOCK_BYTE = (1 << 30) + 1024

_OPEN_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
_MAX_INFO_BYTES = 64 * 1024
_ACQUIRE_ATTEMPTS = 20  # start-overs when the locked file was replaced under us
_HOLDER_WAIT_SECONDS = 0.5  # the holder may have locked but not yet written its info
_NOT_WRITABLE_ERRNOS = {getattr(errno, name, -1) for name in ("EACCES", "EPERM", "EROFS")}
_NO_LOCKING_ERRNOS = {getattr(errno, name, -1) for name in ("ENOLCK", "EOPNOTSUPP", "ENOTSUP")}
_HELD_ERRNOS_NT = {getattr(errno, name, -1) for name in ("EACCES", "EDEADLOCK")}

# Normalised workshop paths locked by this process (see _registry_key).
_held_paths: set[str] = set()
_held_paths_guard = threading.Lock()


@dataclass(frozen=True)
class LockHolder:
    """Who holds (or last held, if the lock is stale) a workshop lock, as they wrote it."""

    pid: int
    host: str
    user: str | None
    started: datetime | None


class WorkshopLock:
    """Exclusive lock on one workshop file, for as long as it is open for writing.

    Use as a context manager, or call ``acquire()`` and ``release()``. Not reentrant:
    one object holds the lock once; a second object on the same path is refused.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self.lock_path = self.path + LOCK_SUFFIX
        self._key = _registry_key(self.path)
        self._fd: int | None = None
        self._db_fd: int | None = None  # POSIX: descriptor holding the workshop byte lock
        self._owner_pid: int | None = None

    @property
    def locked(self) -> bool:
        """True while this object holds the lock."""
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock, or raise FileLocked naming the holder (FileRefused if impossible).

        A lock file left by a crashed process is taken over silently: the OS lock died
        with its holder, so only the stale holder info remains, and it is overwritten.
        """
        if self._fd is not None:
            raise RuntimeError("this WorkshopLock is already acquired")
        with _held_paths_guard:
            if self._key in _held_paths:
                raise FileLocked(
                    "Ce fichier est déjà ouvert dans cette application.",
                    "This workshop is already open in this application.",
                )
            _held_paths.add(self._key)
        try:
            fd = self._lock_file()
            try:
                self._lock_workshop_file()
                _write_holder_info(fd)
            except BaseException as exc:
                self._unlock_workshop_file()
                _discard(fd, self.lock_path)
                if isinstance(exc, OSError):
                    raise _cannot_lock_error(self.lock_path) from None
                raise
        except BaseException:
            with _held_paths_guard:
                _held_paths.discard(self._key)
            raise
        self._fd = fd
        self._owner_pid = os.getpid()

    def verify(self) -> None:
        """Before a write: make sure we still hold the workshop; FileLocked if we do not.

        Takes the workshop file's byte lock if not yet held (the file did not exist at
        ``acquire()``). If the lock file was removed or replaced, creates and locks a new
        one with our info; if another process holds that one, it got in while there was
        no lock file: on Linux it cannot hold the byte lock too and is on its way out;
        elsewhere our writes are refused from now on.
        """
        if self._fd is None:
            raise RuntimeError("this WorkshopLock is not acquired")
        self._lock_workshop_file()
        if _still_named(self._fd, self.lock_path):
            return
        try:
            fd = self._lock_file()
        except FileLocked:
            if self._db_fd is not None:
                return  # we hold the workshop byte: the other one is being refused
            raise
        try:
            _write_holder_info(fd)
        except OSError:
            _discard(fd, self.lock_path)
            return
        old, self._fd = self._fd, fd
        _os_unlock(old)
        os.close(old)

    def _lock_workshop_file(self) -> None:
        """Linux: take the OFD byte lock on the workshop file once, if the file exists."""
        if self._db_fd is not None or not hasattr(fcntl_module, "F_OFD_SETLK"):
            return
        try:
            fd = os.open(self.path, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return  # not created yet, or read-only: the workshop file reports it
        request = struct.pack("hhqqi4x", fcntl_module.F_WRLCK, os.SEEK_SET, _DB_LOCK_BYTE, 1, 0)
        try:
            fcntl_module.fcntl(fd, fcntl_module.F_OFD_SETLK, request)
        except OSError as exc:
            # Closing fd is safe here: we hold no lock on the file yet, and closing only
            # affects this process's classic record locks, which acquire() precedes.
            os.close(fd)
            if exc.errno in (errno.EACCES, errno.EAGAIN):
                # Another process has this workshop open although no lock file said so
                # (it was deleted): refuse, with no holder to name.
                raise _locked_error(None) from None
            if exc.errno in _NO_LOCKING_ERRNOS or exc.errno == errno.EINVAL:
                return  # this file system cannot: the lock file alone protects it
            raise _os_lock_error(exc, self.lock_path) from None
        self._db_fd = fd

    def _unlock_workshop_file(self) -> None:
        """Drop the workshop byte lock, once SQLite's connection is closed (closing any
        descriptor of the file drops this process's classic record locks, SQLite's)."""
        fd, self._db_fd = self._db_fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)

    def release(self) -> None:
        """Drop the lock and remove the lock file; does nothing if not held."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if self._owner_pid != os.getpid():
            # A forked child shares the parent's lock: closing its copy leaves the lock,
            # and the parent's registry, alone (record locks are not inherited by fork).
            with contextlib.suppress(OSError):
                os.close(fd)
            db_fd, self._db_fd = self._db_fd, None
            if db_fd is not None:
                with contextlib.suppress(OSError):
                    os.close(db_fd)
            return
        self._unlock_workshop_file()
        _discard(fd, self.lock_path)
        with _held_paths_guard:
            _held_paths.discard(self._key)

    def holder(self) -> LockHolder | None:
        """Who the lock file says holds the lock, or None if absent or unreadable.

        Only ``acquire()`` tells whether the lock is really held: after a crash the file
        still names the dead process until the next ``acquire()`` takes it over.
        """
        try:
            with open(self.lock_path, "rb") as file:
                data = file.read(_MAX_INFO_BYTES)
        except OSError:
            return None
        return _parse_holder(data)

    def __enter__(self) -> WorkshopLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def __repr__(self) -> str:
        state = "locked" if self.locked else "unlocked"
        return f"WorkshopLock({self.path!r}, {state})"

    def _lock_file(self) -> int:
        """Open the lock file and take the OS lock on it; return the descriptor."""
        for _ in range(_ACQUIRE_ATTEMPTS):
            fd = self._open()
            try:
                got_it = _try_os_lock(fd)
            except OSError as exc:
                os.close(fd)
                raise _os_lock_error(exc, self.lock_path) from None
            if not got_it:
                os.close(fd)
                raise self._held_error()
            if _still_named(fd, self.lock_path):
                return fd
            # The previous holder removed the file between our open and our lock: the
            # lock we got is on a deleted file, worthless. Start over on the new one.
            _os_unlock(fd)
            os.close(fd)
        raise self._held_error()

    def _open(self) -> int:
        """Open (creating if needed) the lock file for reading and writing."""
        try:
            return os.open(self.lock_path, _OPEN_FLAGS, 0o666)
        except OSError as exc:
            if exc.errno not in _NOT_WRITABLE_ERRNOS:
                raise _cannot_lock_error(self.lock_path) from None
        # Unwritable lock file: maybe another user's, held or stale, in a writable folder.
        self._take_over_unwritable()
        try:
            return os.open(self.lock_path, _OPEN_FLAGS, 0o666)
        except OSError:
            raise _not_writable_error(self.lock_path) from None

    def _take_over_unwritable(self) -> None:
        """Refuse if an unwritable lock file is held, else remove it so it can be recreated.

        Testing it briefly locks it read-only; a concurrent acquire in that instant is
        refused (and can be retried), never allowed through.
        """
        try:
            fd = os.open(self.lock_path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except OSError:
            raise _not_writable_error(self.lock_path) from None
        try:
            got_it = _try_os_lock(fd)
        except OSError as exc:
            os.close(fd)
            raise _os_lock_error(exc, self.lock_path) from None
        if not got_it:
            os.close(fd)
            raise self._held_error()
        _discard(fd, self.lock_path)

    def _held_error(self) -> FileLocked:
        """FileLocked naming the holder, waiting briefly for it to write its info."""
        deadline = time.monotonic() + _HOLDER_WAIT_SECONDS
        holder = self.holder()
        while holder is None and time.monotonic() < deadline:
            time.sleep(0.05)
            holder = self.holder()
        return _locked_error(holder)


def _registry_key(path: str) -> str:
    """The same key for every spelling of one path (relative, symlinked, case on Windows)."""
    return os.path.normcase(os.path.realpath(os.path.abspath(path)))


def _try_os_lock(fd: int) -> bool:
    """Take the exclusive OS lock without waiting: False if another holds it."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in _HELD_ERRNOS_NT:
                return False
            raise
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _os_unlock(fd: int) -> None:
    """Drop the OS lock on fd (closing fd would drop it too; this is for clarity)."""
    with contextlib.suppress(OSError):
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)


def _still_named(fd: int, path: str) -> bool:
    """Whether path still names the open file fd (it was not removed or replaced)."""
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def _discard(fd: int, path: str) -> None:
    """Remove the lock file we hold, then unlock and close it, in the order each OS needs."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        # An open file cannot be deleted on Windows: close first. If another process
        # opened it meanwhile, the removal fails and the file simply stays.
        _os_unlock(fd)
        os.close(fd)
        with contextlib.suppress(OSError):
            os.remove(path)
        return
    # POSIX: remove while still locked (acquire() re-checks the name after locking).
    if _still_named(fd, path):
        with contextlib.suppress(OSError):
            os.remove(path)
    _os_unlock(fd)
    os.close(fd)


def _write_holder_info(fd: int) -> None:
    """Replace the lock file's content with who we are, durably."""
    try:
        user: str | None = getpass.getuser()
    except Exception:  # no login name (KeyError, OSError, ImportError): leave it out
        user = None
    try:
        host = socket.gethostname()
    except OSError:
        host = ""
    info = {
        "app": APP_NAME,
        "pid": os.getpid(),
        "host": host,
        "user": user,
        "started": datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    data = json.dumps(info, ensure_ascii=False).encode("utf-8")
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


def _parse_holder(data: bytes) -> LockHolder | None:
    """The holder info in a lock file's bytes, or None if it is not ours or incomplete."""
    try:
        info = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(info, dict) or info.get("app") != APP_NAME:
        return None
    pid, host, user = info.get("pid"), info.get("host"), info.get("user")
    if not isinstance(pid, int) or isinstance(pid, bool) or not isinstance(host, str):
        return None
    started = None
    if isinstance(info.get("started"), str):
        with contextlib.suppress(ValueError):
            started = datetime.fromisoformat(info["started"])
    return LockHolder(
        pid=pid, host=host, user=user if isinstance(user, str) else None, started=started
    )


def _one_line(text: str, limit: int = 64) -> str:
    """Text from a file, made safe for a one-line message: no control chars, bounded."""
    cleaned = "".join(
        " " if unicodedata.category(ch)[0] == "C" or ch in "\u2028\u2029" else ch for ch in text
    )
    cleaned = " ".join(cleaned.split())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def _locked_error(holder: LockHolder | None) -> FileLocked:
    """FileLocked with a one-line message naming the holder as far as it is known."""
    if holder is None:
        return FileLocked(
            "Ce fichier est déjà ouvert par un autre processus. "
            "Fermez-le là-bas ou ouvrez une copie.",
            "This workshop is already open in another process. Close it there or open a copy.",
        )
    fr = [f"PID {holder.pid}"]
    en = [f"PID {holder.pid}"]
    host = _one_line(holder.host)
    if host:
        fr[0] += f" sur « {host} »"
        en[0] += f' on "{host}"'
    user = _one_line(holder.user or "")
    if user:
        fr.append(f"utilisateur {user}")
        en.append(f"user {user}")
    if holder.started is not None:
        started = holder.started.astimezone() if holder.started.tzinfo else holder.started
        if started.date() == datetime.now().date():
            fr.append(f"depuis {started:%H:%M}")
            en.append(f"since {started:%H:%M}")
        else:
            fr.append(f"depuis le {started:%d/%m/%Y} à {started:%H:%M}")
            en.append(f"since {started:%Y-%m-%d %H:%M}")
    return FileLocked(
        f"Ce fichier est déjà ouvert par un autre processus ({', '.join(fr)}). "
        "Fermez-le là-bas ou ouvrez une copie.",
        f"This workshop is already open in another process ({', '.join(en)}). "
        "Close it there or open a copy.",
    )


def _folder(lock_path: str) -> str:
    return _one_line(os.path.dirname(os.path.abspath(lock_path)), limit=200)


def _not_writable_error(lock_path: str) -> FileRefused:
    folder = _folder(lock_path)
    return FileRefused(
        f"Le dossier « {folder} » n'est pas accessible en écriture : l'atelier ne peut pas "
        "y être verrouillé. Copiez le fichier dans un dossier où vous pouvez écrire.",
        f'The folder "{folder}" is not writable, so the workshop cannot be locked there. '
        "Copy the file to a folder you can write to.",
    )


def _cannot_lock_error(lock_path: str) -> FileRefused:
    folder = _folder(lock_path)
    return FileRefused(
        f"Impossible de créer le fichier verrou de l'atelier dans le dossier « {folder} » "
        "(dossier absent ou disque plein ?).",
        f'Cannot create the workshop\'s lock file in the folder "{folder}" '
        "(missing folder or full disk?).",
    )


def _os_lock_error(exc: OSError, lock_path: str) -> FileRefused:
    """FileRefused for a lock the OS could not even try (unsupported on this drive)."""
    if exc.errno in _NO_LOCKING_ERRNOS:
        folder = _folder(lock_path)
        return FileRefused(
            f"Le dossier « {folder} » ne permet pas de verrouiller l'atelier (lecteur réseau ?). "
            "Copiez le fichier sur ce poste pour l'ouvrir.",
            f'The folder "{folder}" does not support file locks (network drive?). '
            "Copy the file to this computer to open it.",
        )
    return _cannot_lock_error(lock_path)
