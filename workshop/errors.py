"""Errors meant for the user: one clear line, in French or English, never a traceback.

Every failure that a user's input or a bad file can cause is raised as a WorkshopError
subclass; the CLI and the UI print ``str(error)``. Anything else is a bug.
"""

from __future__ import annotations

from workshop.i18n import get_language


class WorkshopError(Exception):
    """A failure to report to the user, with its message in both languages."""

    def __init__(self, fr: str, en: str | None = None) -> None:
        self.fr = fr
        self.en = en or fr
        super().__init__(self.message())

    def message(self, lang: str | None = None) -> str:
        """The one-line message in the given (or current) language."""
        return self.en if (lang or get_language()) == "en" else self.fr

    def __str__(self) -> str:
        return self.message()


class FileRefused(WorkshopError):
    """The file cannot be opened as a workshop (foreign, newer, damaged, tampered)."""


class FileLocked(WorkshopError):
    """Another process holds the workshop file for writing."""


class LibraryError(WorkshopError):
    """A clause library file is malformed or incomplete."""


class VoteError(WorkshopError):
    """A vote or ballot setting that the rules do not allow."""


class InvalidInput(WorkshopError):
    """A value typed by the user that cannot be accepted (range, empty, unknown)."""


class BundleError(WorkshopError):
    """A JSON bundle that does not validate; names the path of the first bad field."""


class NothingToUndo(WorkshopError):
    """Undo or redo asked for with nothing to undo or redo."""


class WriteFailed(WorkshopError):
    """The disk refused a write; the transaction was rolled back and nothing was lost.

    Raised by ``Session.run``, ``undo`` and ``redo`` instead of the ``sqlite3`` or ``OSError``
    that caused it; each subclass names one cause the user can remove, after which the same
    open workshop carries on (no reopening needed).
    """


class DiskFull(WriteFailed):
    """No space left on the workshop file's disk (or quota exceeded)."""


class FolderReadOnly(WriteFailed):
    """The workshop's folder or file cannot be written (read-only, immutable, permissions)."""


class WorkshopFileMoved(WriteFailed):
    """The workshop file was deleted, renamed or replaced while open.

    The open connection still holds everything: the console offers to save a copy of it
    (SQLite's backup API reads the open connection even after the file was unlinked).
    """


class FileBusy(WriteFailed):
    """Another program holds a lock on the workshop file (a reader, a sync client)."""


class DiskError(WriteFailed):
    """Any other input/output error while writing (removed USB stick, network drive)."""


class ExportRefused(WorkshopError):
    """An export or copy whose target would destroy a workshop file or one of its companions."""


def file_moved() -> WorkshopFileMoved:
    """The error for a workshop file deleted, renamed or replaced while open."""
    return WorkshopFileMoved(
        "Le fichier de l’atelier a été supprimé ou déplacé : rien n’a été perdu, "
        "enregistrez une copie de l’atelier ouvert pour continuer.",
        "The workshop file was deleted or moved: nothing was lost; save a copy of the "
        "open workshop to carry on.",
    )


# SQLite result codes (https://sqlite.org/rescode.html); the low byte is the primary code.
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26
_SQLITE_READONLY_DBMOVED = 1032


def write_failure(error: BaseException, *, moved: bool = False) -> WriteFailed | None:
    """The user-facing error for a failed write, or None when ``error`` is not one (a bug).

    ``moved`` says the caller found the workshop file gone or replaced: that explains any
    error, whatever code SQLite chose for it.
    """
    import errno
    import sqlite3

    code: int | None = None
    os_errno: int | None = None
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if code is None:
            return None
    elif isinstance(error, OSError):
        os_errno = error.errno
    else:
        return None
    primary = code & 0xFF if code is not None else None
    if moved or code == _SQLITE_READONLY_DBMOVED or os_errno == errno.ENOENT:
        return file_moved()
    if primary == _SQLITE_FULL or os_errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return DiskFull(
            "Le disque est plein : rien n’a été perdu, libérez de la place puis réessayez.",
            "The disk is full: nothing was lost; free some space and try again.",
        )
    if primary in (_SQLITE_READONLY, _SQLITE_CANTOPEN, _SQLITE_PERM) or os_errno in (
        errno.EROFS,
        errno.EACCES,
        errno.EPERM,
    ):
        return FolderReadOnly(
            "Le dossier ou le fichier de l’atelier est en lecture seule : rien n’a été perdu, "
            "rendez-le modifiable puis réessayez.",
            "The workshop's folder or file is read-only: nothing was lost; make it writable "
            "and try again.",
        )
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return FileBusy(
            "Le fichier de l’atelier est occupé par un autre programme : rien n’a été perdu, "
            "réessayez dans un instant.",
            "The workshop file is busy (another program is using it): nothing was lost; "
            "try again in a moment.",
        )
    if primary in (_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_NOTADB) or os_errno is not None:
        return DiskError(
            "Erreur d’écriture sur le disque : rien n’a été perdu, vérifiez le support "
            "(clé USB, lecteur réseau) puis réessayez.",
            "Write error on the disk: nothing was lost; check the drive (USB stick, network "
            "drive) and try again.",
        )
    return None
