"""Text sized from the room: smallest text ≥ viewing distance / 200 (issue 12)."""

from __future__ import annotations

import pytest

from ui.projection import room
from ui.projection.canvas import render
from workshop.matrix_scene import legend_entries
from workshop.operations import setup


def test_room_depth_sizes_the_smallest_text(projection, controller):
    assert room.smallest_text_fraction(10, 16 / 9, 2.5) == pytest.approx(0.05 / (2.5 * 9 / 16))
    assert room.image_width_m(300) == room.ASSUMED_IMAGE_WIDTH_M  # a laptop's panel
    assert room.image_width_m(3000) == 3.0
    controller.run(setup.go_to_step, "matrix")
    canvas = projection.window.canvas
    render(canvas, 1920, 1080)
    small = min(d.rect.height() for d in canvas.matrix_labels if d.kind in ("point", "tick"))
    projection.set_room_depth(12)
    import ui.projection.controller

    assert int(ui.projection.controller.settings().value("room_depth_m")) == 12
    floor = canvas.smallest(1080)
    assert floor == pytest.approx(1080 * room.smallest_text_fraction(12, 16 / 9, 2.5))
    assert not projection.depth_too_large() and room.too_deep(30, 16 / 9, 2.5)
    render(canvas, 1920, 1080)
    labels = [d for d in canvas.matrix_labels if d.kind in ("point", "tick")]
    assert min(d.rect.height() for d in labels) > small
    assert min(d.rect.height() for d in labels) >= floor
    legend = [d for d in canvas.drawn if d.kind == "legend"]
    assert len(legend) == len(legend_entries(canvas.matrix_scene))  # no college dropped
    assert min(d.fitted.px for d in legend) >= int(floor)
    assert not canvas.below_floor
    projection.set_room_depth(22)  # deeper than the legend can follow: all kept, flagged
    render(canvas, 1920, 1080)
    legend = [d for d in canvas.drawn if d.kind == "legend"]
    assert len(legend) == len(legend_entries(canvas.matrix_scene)) and canvas.below_floor
    projection.set_room_depth(12)
    for step in ("setup", "clauses"):
        controller.run(setup.go_to_step, step)
        render(canvas, 1920, 1080)
        assert min(d.fitted.px for d in canvas.drawn) >= int(floor)
