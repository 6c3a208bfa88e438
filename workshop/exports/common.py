"""What every export shares: safe text, atomic writing, names or pseudonyms, statuses."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workshop.errors import WorkshopError
from workshop.matrix import Position, mean_position
from workshop.model import Outcome
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


def atomic_write(target: str | os.PathLike, write: Callable[[Path], None]) -> Path:
    """Write a file through a temporary file beside it, then rename it into place.

    A failure leaves no partial file, and an existing file at the target intact. A target
    that is locked (open in Word on Windows) or a read-only folder gives one clear message.
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
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _write_error(name, exc) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
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
    return target


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
