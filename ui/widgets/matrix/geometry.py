"""Where the matrix's plot sits in a paint area, and the pixel ↔ coordinate mapping."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPolygonF

from workshop.matrix_scene import FINE_STEP, Box, from_unit, to_unit


@dataclass(frozen=True)
class DrawnLabel:
    """A text the last paint put on screen (kind: quadrant, axis, tick, point...)."""

    kind: str
    text: str
    rect: QRectF = field(compare=False)


@dataclass(frozen=True)
class MatrixGeometry:
    """Where the plot sits and how big things are, all derived from the area's size."""

    plot: QRectF
    unit: float
    tick_px: float
    title_px: float
    quadrant_px: float
    label_px: float
    dot: float
    legend: QRectF | None


def compute_geometry(width: float, height: float, show_legend: bool = False) -> MatrixGeometry:
    """Lay out a square plot with room for ticks, axis titles and, if it fits, a legend.

    Sizes scale with the smaller side so a 300-pixel preview and a 1080-pixel projector
    keep the same proportions; minimum sizes keep the preview legible.
    """
    width, height = max(1.0, float(width)), max(1.0, float(height))
    unit = min(width, height) / 100
    tick = max(9.0, unit * 2.6)
    title = max(10.0, unit * 3.0)
    quadrant = max(10.0, unit * 3.2)
    label = max(9.0, unit * 2.5)
    dot = max(5.0, unit * 1.9)
    left = title * 1.6 + tick * 1.4 + tick * 0.6
    bottom = tick * 1.7 + title * 1.8
    top = max(unit * 3, label * 1.3)
    right = max(unit * 3, label, tick * 0.9)  # half of the last tick label, « 10 »
    available_w = width - left - right
    available_h = height - top - bottom
    legend_w = 0.0
    if show_legend:
        legend_w = max(140.0, unit * 36)
        with_legend = min(available_w - legend_w, available_h)
        if with_legend < 0.8 * min(available_w, available_h):
            legend_w = 0.0
    side = max(10.0, min(available_w - legend_w, available_h))
    total = left + side + right + legend_w
    x0 = max(0.0, (width - total) / 2) + left
    y0 = top + max(0.0, (available_h - side) / 2)
    plot = QRectF(x0, y0, side, side)
    legend = (
        QRectF(plot.right() + right, y0, max(0.0, legend_w - right * 0.5), side)
        if legend_w
        else None
    )
    return MatrixGeometry(plot, unit, tick, title, quadrant, label, dot, legend)


def to_pixel(support: float, control: float, plot: QRectF) -> QPointF:
    """The pixel of a matrix position: support grows to the right, control upwards."""
    x, y = to_unit(support, control)
    return QPointF(plot.left() + x * plot.width(), plot.bottom() - y * plot.height())


def to_coordinates(
    point: QPointF, plot: QRectF, precision: float | None = FINE_STEP
) -> tuple[float, float]:
    """The (support, control) under a pixel, clamped to [0, 10] and rounded to ``precision``."""
    x = (point.x() - plot.left()) / max(plot.width(), 1e-9)
    y = (plot.bottom() - point.y()) / max(plot.height(), 1e-9)
    return from_unit(x, y, precision)


def as_box(rect: QRectF) -> Box:
    """A Qt rectangle as the scene's plain box."""
    return Box(rect.x(), rect.y(), rect.width(), rect.height())


def as_rect(b: Box) -> QRectF:
    """A scene box as a Qt rectangle."""
    return QRectF(b.x, b.y, b.w, b.h)


def around(centre: QPointF, radius: float) -> Box:
    """The square a round mark of ``radius`` covers, as an obstacle for labels."""
    return Box(centre.x() - radius, centre.y() - radius, radius * 2, radius * 2)


def star(centre: QPointF, radius: float) -> QPolygonF:
    """A five-pointed star: the group's target."""
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle)))
    return QPolygonF(points)


def diamond(centre: QPointF, radius: float) -> QPolygonF:
    """A diamond: a college's centre."""
    x, y = centre.x(), centre.y()
    return QPolygonF(
        [
            QPointF(x, y - radius),
            QPointF(x + radius, y),
            QPointF(x, y + radius),
            QPointF(x - radius, y),
        ]
    )
