"""Fixtures shared by the ballot page tests: no modal dialog, a small fresh workshop."""

from __future__ import annotations

import pytest

from ui import dialogs
from ui.pages.clauses import ClausesPage
from workshop import snapshot as snap
from workshop.library import builtin_library
from workshop.operations import clauses, setup

PEOPLE = (("Alice Dupont", 1), ("Bruno Martin", 1), ("Chantal Roy", 2), ("Didier Blanc", 2))


@pytest.fixture(autouse=True)
def _no_modals(monkeypatch):
    """Every confirmation says yes unless a test says otherwise; no modal ever opens."""
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, _question: True)
    monkeypatch.setattr(dialogs, "ask_reason", lambda _parent, _title, _label: "Motif")
    monkeypatch.setattr(dialogs, "ask_remark", lambda _parent, _colleges: None)


@pytest.fixture
def small(window, controller, tmp_path) -> ClausesPage:
    """A fresh workshop: four people in two colleges, one clause, no ballot anywhere."""
    session = setup.create(tmp_path / "petit.charter", "Atelier", "Société", "fr")
    colleges = snap.load(session.conn).colleges
    for name, college in PEOPLE:
        setup.add_participant(session, name, colleges[college].id)
    clauses.add_clause(session, builtin_library("fr"), "ai-use")
    setup.go_to_step(session, "clauses")
    controller.adopt(session)
    page = window.pages["clauses"]
    page.tabs.setCurrentIndex(page.TAB_VOTE)
    return page
