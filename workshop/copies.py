"""A copy of a workshop another process holds open, to work in without waiting for it.

Used when a second instance meets a locked file (the console's « Open a copy », and
`make run` while the demo is already open). The copy is written with SQLite's backup API
from a read-only connection (never a raw file copy of a file someone is writing), beside
the original when that folder is writable, else in the app's data folder, under a name no
file has yet (« atelier-copie.charter », « atelier-copie-2.charter »...).
"""

from __future__ import annotations

import os
from pathlib import Path

from workshop.errors import WorkshopError
from workshop.paths import data_dir
from workshop.workshopfile import WorkshopFile

#: Copies tried per folder before giving up on finding a free name.
MAX_COPIES = 999


def free_copy_name(path: Path) -> Path:
    """The first « NAME-copie[-n].charter » that names no file, beside ``path`` or in the
    data folder if ``path``'s folder cannot be written."""
    folder = path.parent if os.access(path.parent, os.W_OK) else data_dir()
    stem = path.stem
    for n in range(1, MAX_COPIES + 1):
        candidate = folder / (f"{stem}-copie{'' if n == 1 else f'-{n}'}{path.suffix}")
        if not candidate.exists() and not Path(f"{candidate}.lock").exists():
            return candidate
    raise WorkshopError(
        f"Trop de copies de « {path.name} » dans {folder} : faites de la place.",
        f'Too many copies of "{path.name}" in {folder}: make room.',
    )


def copy_of_locked(path: str | os.PathLike) -> Path:
    """Write a consistent copy of ``path`` (open elsewhere) under a free name; return it.

    The file is checked as any file opened (a damaged or foreign one is refused) and is
    never modified.
    """
    path = Path(path)
    source = WorkshopFile.open_readonly(path)
    try:
        return source.save_copy(free_copy_name(path))
    finally:
        source.close()
