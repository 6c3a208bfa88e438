"""Shared fixtures: a fresh workshop per test, French messages unless a test says otherwise,
the demo workshop built once per session, and the hypothesis profiles."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.demo_files import demo_file, memory_folder
from workshop.i18n import set_language

# Hypothesis profiles. Neither has a deadline: on a shared machine a slow example is not a
# failure (timing belongs in bench/).
# - "dev", the default: random examples, a new sample at each run, the failures kept in
#   .hypothesis/ and replayed first.
# - "ci" (`make test`, so .ci/run): derandomized, so every run tries the same examples and
#   a red CI is reproduced by running it again; fewer examples than the default for tests
#   that do not set their own, since the same ones are tried each time (exploration is the
#   developers' runs' job); no example database in a fresh clone; a failure prints the
#   blob that replays it (@reproduce_failure).
settings.register_profile("dev", deadline=None)
settings.register_profile(
    "ci", max_examples=50, deadline=None, derandomize=True, database=None, print_blob=True
)
settings.load_profile("dev")  # pytest --hypothesis-profile=ci loads "ci" after this


@pytest.fixture(autouse=True)
def _french_messages():
    set_language("fr")
    yield
    set_language(None)


@pytest.fixture
def session(tmp_path):
    from workshop.operations import setup

    s = setup.create(tmp_path / "atelier.charter", "Atelier test", "ACME", "fr")
    yield s
    s.close()


@pytest.fixture(scope="session")
def demo_template() -> Path:
    """The French demo workshop, built once per session (seconds: one fsync per change).
    Never open it in place: copy it (demo_path)."""
    return demo_file("fr")


@pytest.fixture(scope="session")
def demo_template_en() -> Path:
    """The English demo workshop, built once per session; copy it too."""
    return demo_file("en")


@pytest.fixture
def demo_path(demo_template, tmp_path) -> Path:
    """A fresh copy of the French demo workshop, this test's own."""
    path = tmp_path / "demo.charter"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture
def memory_path() -> Iterator[Path]:
    """A folder of this test's own, in memory where the system allows (/dev/shm), for tests
    that write many workshops and do not test the disk: every change is an fsync, which
    costs seconds on a disk and nothing there."""
    folder = memory_folder("test")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
