"""What every export shares: safe text, atomic writing, names or pseudonyms, statuses.

Atomic writing also keeps exports from destroying a workshop: a target that is a workshop
file, its lock, journal or migration backup (or resolves to one) is refused before anything
is written, and temporary files left by a killed export are cleaned up by the next one.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import hashlib
import os
import re
import socket
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workshop.errors import ExportRefused, WorkshopError
from workshop.matrix import Position, mean_position
from workshop.model import Outcome
from workshop.schema import APPLICATION_ID
from workshop.session import open_workshop_paths
from workshop.snapshot import Ballot, Clause, Participant, Snapshot

# Characters XML 1.0 forbids (Word's vertical tab \x0b among them) and non-characters.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str | None) -> str:
    """User text made safe for XML-based formats: control characters pasted from Word dropped."""
    return _ILLEGAL.sub("", text or "")


@dataclass(frozen=True)
class ExportOptions:
    """Choices common to every export."""

    anonymize: bool = False  # everyone by pseudonym (no participant name anywhere)
    lang: str | None = None  # None: the workshop's language
    #: Draft charter: amendments as Word tracked changes over the library text (False:
    #: the adopted text, clean).
    tracked_changes: bool = True
    #: The export identifier (``identifier.ExportId``) stamped by ``exports.run`` from the
    #: unfiltered state; None when a writer is called directly (it then computes its own).
    identifier: object | None = None


def shown_name(participant: Participant | None, options: ExportOptions) -> str:
    """A participant as an export prints them: name, or pseudonym when asked or not consented."""
    if participant is None:
        return "—"
    return participant.shown_name(options.anonymize)


def language(snapshot: Snapshot, options: ExportOptions) -> str:
    return options.lang or snapshot.workshop.lang


def adopted_position(snapshot: Snapshot) -> Position | None:
    """Where the charter stands on the matrix: the mean of its adopted variants' coordinates."""
    points = []
    for clause in snapshot.clauses:
        variant = clause.variant
        if clause.adopted and variant is not None:
            points.append(Position(variant.support, variant.control))
    return mean_position(points)


def target(snapshot: Snapshot) -> Position | None:
    w = snapshot.workshop
    if w.target_support is None or w.target_control is None:
        return None
    return Position(w.target_support, w.target_control)


def final_ballot(clause: Clause) -> Ballot | None:
    """The round that decided the clause (latest closed), if any."""
    return clause.last_closed


def open_points(snapshot: Snapshot) -> list[Clause]:
    """Clauses that are not part of the charter: rejected, postponed, or never decided."""
    return [c for c in snapshot.clauses if not c.adopted]


def is_adopted(outcome: Outcome | None) -> bool:
    return outcome in (Outcome.ADOPTED, Outcome.ADOPTED_WITH_RESERVATIONS)


def atomic_write(target: str | os.PathLike, write: Callable[[Path], object]) -> Path:
    """Write a file through a temporary file beside it, then rename it into place.

    A failure leaves no partial file, and an existing file at the target intact. A target
    that is locked (open in Word on Windows) or a read-only folder gives one clear message.
    A target that is a workshop file or one of its companions is refused before anything
    is written (``check_target``). The temporary file is named after us
    (``.NAME.charter-export-HOST-PID-XXXX.tmp``) so that one left by a killed export is
    recognised and removed by the next export to the same folder.
    """
    target = Path(target)
    name = target.name
    if not target.parent.is_dir():
        raise WorkshopError(
            f"{name} : le dossier « {target.parent} » n’existe pas.",
            f'{name}: the folder "{target.parent}" does not exist.',
        )
    if target.is_dir():
        raise WorkshopError(f"{name} : c’est un dossier.", f"{name}: this is a folder.")
    check_target(target)
    clean_stale_temporaries(target.parent)
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=_temp_prefix(target), suffix=_TEMP_SUFFIX, dir=target.parent
        )
    except OSError as exc:
        raise _write_error(name, exc) from None
    os.close(fd)
    tmp = Path(tmp_name)
    with _in_flight_guard:
        _in_flight.add(tmp.name)
    try:
        write(tmp)
        _fsync(tmp)  # the rename must not reach the disk before the bytes do
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; exports are shared files
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _write_error(name, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    finally:
        with _in_flight_guard:
            _in_flight.discard(tmp.name)
    return target


def _fsync(path: Path) -> None:
    with open(path, "r+b") as fh:
        os.fsync(fh.fileno())


# -- targets that must never be written over -------------------------------------------
# A workshop file's companions, named after it: FILE.charter.lock, FILE.charter-journal
# (and -wal/-shm should the journal mode ever change), NAME.vN-backup.charter.
_ROLES = {
    "file": ("le fichier", "file"),
    "lock": ("le verrou", "lock"),
    "journal": ("le journal", "journal"),
    "backup": ("la sauvegarde de migration", "migration backup"),
}
_COMPANIONS = (("lock", ".lock"), ("journal", "-journal"), ("journal", "-wal"), ("journal", "-shm"))
_BACKUP_NAME = re.compile(r"\.v\d+-backup\.charter$", re.IGNORECASE)
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _role_by_name(name: str) -> str | None:
    """Which workshop companion a file name is, whichever workshop (case-insensitively)."""
    low = name.casefold()
    for role, suffix in _COMPANIONS:
        if low.endswith(".charter" + suffix):
            return role
    if _BACKUP_NAME.search(name):
        return "backup"
    if low.endswith(".charter"):
        return "file"
    return None


def _companions(workshop: Path) -> list[tuple[str, Path]]:
    """An open workshop's file and every file beside it that belongs to it."""
    found = [("file", workshop)]
    found += [(role, workshop.with_name(workshop.name + sfx)) for role, sfx in _COMPANIONS]
    with contextlib.suppress(OSError):
        pattern = f"{glob.escape(workshop.stem)}.v*-backup{glob.escape(workshop.suffix)}"
        found += [("backup", p) for p in workshop.parent.glob(pattern)]
    return found


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)  # follows symbolic links: a link is its target
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _is_workshop(path: Path) -> bool:
    """True if the file at ``path`` reads as a workshop (whatever its name)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # never open a FIFO or a device to look inside: it could block
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError:
        return False
    return (
        len(header) == 100
        and header.startswith(_SQLITE_MAGIC)
        and int.from_bytes(header[68:72], "big") == APPLICATION_ID
    )


def _refused(name: str, role: str) -> ExportRefused:
    fr, en = _ROLES[role]
    return ExportRefused(
        f"{name} : c’est {fr} d’un atelier (écrire dessus le détruirait) ; rien n’a été "
        "modifié, choisissez un autre nom.",
        f"{name}: this is a workshop's {en} (writing over it would destroy it); nothing was "
        "changed, choose another name.",
    )


def target_role(target: str | os.PathLike, *, copy: bool = False) -> str | None:
    """Which workshop file ``target`` is or resolves to ("file", "lock"...), or None.

    Compared by name (the target's and its resolved path's, case-insensitively), by identity
    (device and inode: symbolic and hard links, case variants on case-insensitive disks)
    with the workshops this process has open and their companions, and, for an existing
    file, by content (a workshop under another name). ``copy`` is for "Save a copy": a new
    ``.charter`` name is then expected, but not one of an open workshop's files.
    """
    target = Path(target)
    names = [target.name]
    with contextlib.suppress(OSError, RuntimeError, ValueError):
        names.append(target.resolve().name)
    for name in names:
        role = _role_by_name(name)
        if role is not None and not (copy and role == "file"):
            return role
    ident = _identity(target)
    folder = _identity(target.parent)
    key = target.name.casefold()
    for workshop in open_workshop_paths():
        for role, companion in _companions(workshop):
            if ident is not None and _identity(companion) == ident:
                return role
            if folder is not None and companion.name.casefold() == key:
                if _identity(companion.parent) == folder:
                    return role
    if not copy and ident is not None and _is_workshop(target):
        return "file"
    return None


def check_target(target: str | os.PathLike, *, copy: bool = False) -> None:
    """Refuse, with one line and before writing anything, a target that is a workshop's."""
    role = target_role(target, copy=copy)
    if role is not None:
        raise _refused(Path(target).name, role)


# -- our temporary files -----------------------------------------------------------------
_TEMP_MARK = ".charter-export-"
_TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"^\..*\.charter-export-([0-9a-f]{8})-(\d+)-[a-z0-9_]+\.tmp$")
_HOST = hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]
_STALE_SECONDS = 24 * 3600  # no export takes a day: older ones are stale whoever wrote them
_in_flight: set[str] = set()  # names of the temporary files our exports are writing
_in_flight_guard = threading.Lock()


def _temp_prefix(target: Path) -> str:
    # Bounded so that the temporary name stays under the 255-byte limit of most file systems.
    stem = target.name[:60]
    return f".{stem}{_TEMP_MARK}{_HOST}-{os.getpid()}-"


def _pid_alive(pid: int) -> bool:
    """True if a process with this id runs on this machine (when unsure, True)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows only; os.kill(pid, 0) would kill it
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # access denied: it exists
        code = ctypes.c_ulong()
        ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return not ok or code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _stale(name: str, mtime: float) -> bool:
    match = _TEMP_NAME.match(name)
    if match is None:
        return False
    host, pid = match.group(1), int(match.group(2))
    if host == _HOST:
        if pid == os.getpid():
            with _in_flight_guard:
                return name not in _in_flight  # ours, but from no export running now
        if not _pid_alive(pid):
            return True  # its writer was killed
    return time.time() - mtime > _STALE_SECONDS


def clean_stale_temporaries(folder: str | os.PathLike) -> list[Path]:
    """Remove the temporary files our killed exports left in ``folder``; return them.

    Only our own names (``_TEMP_NAME``), only regular files (never through a link), and
    only when their writer is gone: same machine and its process id dead, or our process
    id but no export of ours writing it, or older than a day. Failures are ignored: this
    is tidying, never a reason to refuse an export.
    """
    folder = Path(folder)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(".") or _TEMP_MARK not in entry.name:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            path = folder / entry.name
            if _stale(entry.name, entry.stat(follow_symlinks=False).st_mtime):
                os.unlink(path)
                removed.append(path)
        except OSError:
            continue
    return removed


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_error(name: str, exc: OSError) -> WorkshopError:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) or isinstance(exc, PermissionError):
        return WorkshopError(
            f"{name} : écriture refusée (fichier ouvert dans une autre application, ou dossier "
            "en lecture seule). Fermez-le ou choisissez un autre emplacement.",
            f"{name}: cannot write (the file is open in another application, or the folder is "
            "read-only). Close it or choose another place.",
        )
    if exc.errno == errno.ENOSPC:
        return WorkshopError(f"{name} : disque plein.", f"{name}: the disk is full.")
    return WorkshopError(
        f"{name} : écriture impossible ({exc.strerror or exc}).",
        f"{name}: cannot write ({exc.strerror or exc}).",
    )
