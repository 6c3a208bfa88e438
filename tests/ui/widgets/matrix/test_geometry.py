"""Where the plot sits in a paint area, and the pixel ↔ coordinate mapping."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF

from ui.widgets.matrix.geometry import compute_geometry, to_coordinates, to_pixel
from workshop.matrix_scene import to_unit

PLOT = QRectF(40.0, 20.0, 400.0, 400.0)


@pytest.mark.parametrize(
    "support, control", [(0, 0), (10, 10), (0, 10), (7.5, 2.5), (5, 5), (3.3, 9.9)]
)
def test_pixel_coordinate_round_trip(support, control):
    pixel = to_pixel(support, control, PLOT)
    assert to_coordinates(pixel, PLOT) == pytest.approx((support, control), abs=1e-9)


def test_pixels_are_the_scene_unit_space_scaled_to_the_plot():
    x, y = to_unit(7.5, 2.5)
    assert to_pixel(7.5, 2.5, PLOT) == QPointF(PLOT.left() + x * 400, PLOT.bottom() - y * 400)


def test_axes_run_right_and_up():
    assert to_pixel(0, 0, PLOT) == QPointF(PLOT.left(), PLOT.bottom())
    assert to_pixel(10, 10, PLOT) == QPointF(PLOT.right(), PLOT.top())
    assert to_pixel(7.5, 2.5, PLOT).x() > to_pixel(2.5, 2.5, PLOT).x()
    assert to_pixel(2.5, 7.5, PLOT).y() < to_pixel(2.5, 2.5, PLOT).y()


def test_pixels_outside_the_plot_are_clamped():
    assert to_coordinates(QPointF(-500, -500), PLOT) == (0.0, 10.0)
    assert to_coordinates(QPointF(5000, 5000), PLOT) == (10.0, 0.0)


def test_clicks_are_rounded_to_a_tenth():
    support, control = to_coordinates(QPointF(PLOT.left() + 301.3, PLOT.bottom() - 99.1), PLOT)
    assert (support, control) == (7.5, 2.5)
    raw = to_coordinates(QPointF(PLOT.left() + 301.3, PLOT.bottom()), PLOT, precision=None)
    assert raw[0] == pytest.approx(7.5325)


@pytest.mark.parametrize("size", [(200, 200), (600, 480), (1920, 1080), (300, 900)])
def test_geometry_is_square_and_inside_the_area(size):
    g = compute_geometry(*size, show_legend=True)
    assert g.plot.width() == pytest.approx(g.plot.height())
    assert QRectF(0, 0, *size).contains(g.plot)
    if g.legend is not None:
        assert g.legend.left() >= g.plot.right()
        assert g.legend.right() <= size[0]


def test_sizes_follow_the_area_height():
    small, big = compute_geometry(400, 300), compute_geometry(1600, 1200)
    assert big.dot > small.dot * 2
    assert big.label_px > small.label_px * 2
    assert compute_geometry(1920, 1080, show_legend=True).legend is not None
    assert compute_geometry(400, 400, show_legend=True).legend is None
