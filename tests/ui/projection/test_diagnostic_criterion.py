"""During the diagnostic the room sees the criterion being scored (issue 12)."""

from __future__ import annotations

from ui.projection.canvas import render
from ui.projection.room import room_state
from workshop.operations import setup


def test_diagnostic_projects_the_focused_criterion(projection, controller, window):
    from workshop import diagnostic

    controller.run(setup.go_to_step, "diagnostic")
    assert projection.window.canvas.slide.kind == "criterion"
    page = window.pages["diagnostic"]
    page.rows["sector"].focused.emit()  # the page tells the room which row has focus
    assert room_state(controller).criterion == "sector"
    slide = projection.window.canvas.slide
    item = diagnostic.CRITERIA_BY_KEY["sector"]
    assert item.title("fr") in slide.title and slide.subtitle == item.question("fr")
    assert len(slide.scale) == 5 and item.low("fr") in slide.scale[0]
    assert slide.lines[0].startswith("Position suggérée")
    assert "Matrice" not in slide.title
    render(projection.window.canvas, 1920, 1080)
    assert projection.window.canvas.matrix_scene.suggestion is not None
