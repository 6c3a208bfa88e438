"""The demo workshop's files, built once per test process: every test that needs one copies it.

Building the demo takes seconds (each of its few hundred changes is one fsync), and a dozen
test modules used to build their own. The build runs in memory (/dev/shm) when the system
has it, where an fsync costs nothing; the files are removed when the process ends. Tests
that write many workshops without testing the disk use such a folder too (memory_folder).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from functools import cache
from pathlib import Path


def memory_folder(prefix: str) -> Path:
    """A new temporary folder in memory (/dev/shm) where the system has one, else in the
    usual temporary folder; removed when the process ends (or earlier by its user)."""
    shm = Path("/dev/shm")
    where = str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None
    folder = Path(tempfile.mkdtemp(prefix=f"charter-{prefix}-", dir=where))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


@cache
def _folder() -> Path:
    return memory_folder("demo")


@cache
def demo_file(lang: str = "fr") -> Path:
    """The demo workshop in ``lang``, closed. Copy it (shutil.copy), never open it in place."""
    from workshop import demo

    path = _folder() / f"demo-{lang}.charter"
    demo.build(path, lang).close()
    return path


def demo_bytes(lang: str = "fr") -> bytes:
    """The demo workshop file's bytes, for tests that mutate or embed them."""
    return demo_file(lang).read_bytes()


def copy_demo(target: Path, lang: str = "fr") -> Path:
    """A fresh copy of the demo workshop at ``target`` (as if just built there)."""
    shutil.copy(demo_file(lang), target)
    return target
