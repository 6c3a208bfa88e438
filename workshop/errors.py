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
