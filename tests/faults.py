"""Real OS faults for tests: a small disk to fill, a folder made read-only even for root.

Tests run as root in CI: root ignores permission bits, so a read-only folder is made with
``chattr +i`` (immutable: no file created or removed in it, whoever asks), and a full disk
is a tmpfs of a few MiB filled to the last byte.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

DISK_FULL_FR = "Le disque est plein : rien n’a été perdu, libérez de la place puis réessayez."
DISK_FULL_EN = "The disk is full: nothing was lost; free some space and try again."
MOVED_FR = (
    "Le fichier de l’atelier a été supprimé ou déplacé : rien n’a été perdu, "
    "enregistrez une copie de l’atelier ouvert pour continuer."
)


def _mount_tmpfs(where: Path, size: str) -> str | None:
    """Mount a tmpfs at ``where``; the reason it cannot be done, or None once mounted."""
    if not sys.platform.startswith("linux"):
        return "tmpfs is Linux only"
    if os.geteuid() != 0:
        return "mounting a tmpfs needs root (CI runs as root)"
    if shutil.which("mount") is None:
        return "no mount command"
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        return f"mount -t tmpfs failed: {done.stderr.strip()}"
    return None


@contextlib.contextmanager
def small_tmpfs(where: Path, size: str = "4m") -> Iterator[Path]:
    """A disk of its own at ``where`` (skips the test, saying why, where none can be had)."""
    reason = _mount_tmpfs(where, size)
    if reason:
        pytest.skip(f"no small disk to fill: {reason}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(disk: Path, leave: int = 0) -> Path:
    """Fill the disk up, leaving ``leave`` bytes free (0: not one block)."""
    filler = disk / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    block = b"\0" * 65536
    try:
        while True:
            try:
                os.write(fd, block)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
                if len(block) == 1:
                    break
                block = block[: len(block) // 2]
    finally:
        os.close(fd)
    if leave:
        os.truncate(filler, filler.stat().st_size - leave)
    return filler


def immutable(folder: Path, on: bool) -> str | None:
    """Make a folder immutable (no file created or deleted in it, even by root)."""
    if shutil.which("chattr") is None:
        return "no chattr command"
    done = subprocess.run(
        ["chattr", "+i" if on else "-i", str(folder)], capture_output=True, text=True
    )
    return None if done.returncode == 0 else f"chattr failed: {done.stderr.strip()}"
