"""The clause review page of the demo workshop, shown in the window."""

from __future__ import annotations

import pytest

from ui.pages.clauses import ClausesPage
from workshop.operations import setup


@pytest.fixture
def page(window, controller, demo_path) -> ClausesPage:
    controller.open(demo_path)
    controller.run(setup.go_to_step, "clauses")
    page = window.pages["clauses"]
    assert isinstance(page, ClausesPage)
    assert window.stack.currentWidget() is page
    return page
