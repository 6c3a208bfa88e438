"""The set-up page of the demo workshop, shown in the window."""

from __future__ import annotations

import pytest

from workshop.model import Step


@pytest.fixture
def page(window, controller, demo_path):
    assert controller.open(demo_path)
    window.go_to(Step.SETUP)
    page = window.pages["setup"]
    assert window.stack.currentWidget() is page
    return page
