"""Shared fixtures: a fresh workshop per test, French messages unless a test says otherwise."""

from __future__ import annotations

import pytest

from workshop.i18n import set_language


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
