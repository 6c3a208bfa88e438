"""The figure's marks, drawn with reportlab.graphics: college markers, arrows, the target.

Apart from the matrix figure's layout (``pdf_matrix``) so each file has one job: these are
the shapes; where they go is decided there, from ``matrix_scene``.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Circle, Group, Line, Polygon, Rect
from reportlab.lib import colors

if TYPE_CHECKING:
    from typing import Unpack

    from reportlab.graphics.shapes import _SolidShapeKwArgs

INK = colors.HexColor("#222222")
ARROW = colors.HexColor("#8A8A8A")


def _arrow(x1: float, y1: float, x2: float, y2: float, shorten: float) -> Group | None:
    """A thin arrow from (x1, y1) to just before (x2, y2), or None when too short to see."""
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy)
    if length <= shorten + 4:
        return None
    ux, uy = dx / length, dy / length
    ex, ey = x2 - ux * shorten, y2 - uy * shorten
    head = 4.0
    bx, by = ex - ux * head, ey - uy * head
    return Group(
        Line(x1, y1, bx, by, strokeColor=ARROW, strokeWidth=0.7),
        Polygon(
            [
                ex,
                ey,
                bx - uy * head * 0.5,
                by + ux * head * 0.5,
                bx + uy * head * 0.5,
                by - ux * head * 0.5,
            ],
            fillColor=ARROW,
            strokeColor=ARROW,
            strokeWidth=0.3,
        ),
    )


def _rect(
    x: float, y: float, width: float, height: float, **style: Unpack[_SolidShapeKwArgs]
) -> Rect:
    """A Rect, typed as reportlab takes it: types-reportlab 5.0 annotates Rect's ``**kw`` as
    ``_SolidShapeKwArgs`` without ``Unpack[]`` (Circle's has it), so every keyword is refused."""
    return Rect(x, y, width, height, **style)  # type: ignore[arg-type]  # the stub, see above


# -- marker shapes ----------------------------------------------------------------------------
def _polygon_points(shape: str, x: float, y: float, r: float) -> list[float]:
    """The vertices of a marker of about the same area as a circle of radius r."""
    if shape == "square":
        s = r * 0.9
        return [x - s, y - s, x + s, y - s, x + s, y + s, x - s, y + s]
    corners, radius, start = {
        "triangle": (3, r * 1.3, 90.0),
        "triangle_down": (3, r * 1.3, 270.0),
        "diamond": (4, r * 1.2, 90.0),
        "pentagon": (5, r * 1.1, 90.0),
        "hexagon": (6, r * 1.05, 0.0),
        "star": (10, r * 1.35, 90.0),
    }[shape]
    points: list[float] = []
    for k in range(corners):
        reach = radius * (0.5 if shape == "star" and k % 2 else 1.0)
        angle = math.radians(start + k * 360.0 / corners)
        points += [round(x + reach * math.cos(angle), 3), round(y + reach * math.sin(angle), 3)]
    return points


def marker(
    shape: str,
    x: float,
    y: float,
    r: float,
    fill: colors.Color | None,
    stroke: colors.Color = INK,
    width: float = 0.6,
) -> Circle | Polygon:
    """A college's marker (``matrix_scene.MARKERS``) centred on (x, y)."""
    if shape == "circle":
        return Circle(x, y, r, fillColor=fill, strokeColor=stroke, strokeWidth=width)
    return Polygon(
        _polygon_points(shape, x, y, r), fillColor=fill, strokeColor=stroke, strokeWidth=width
    )


def _target(x: float, y: float, r: float = 7.0) -> Group:
    """A ringed cross, open and thin: drawn under the participants, it hides none of them."""
    return Group(
        Circle(x, y, r, fillColor=None, strokeColor=INK, strokeWidth=1.1),
        Line(x - r - 3, y, x + r + 3, y, strokeColor=INK, strokeWidth=0.9),
        Line(x, y - r - 3, x, y + r + 3, strokeColor=INK, strokeWidth=0.9),
    )


def _charter(x: float, y: float, r: float = 4.6) -> Rect:
    """An open square, drawn under the participants."""
    return _rect(x - r, y - r, 2 * r, 2 * r, fillColor=None, strokeColor=INK, strokeWidth=1.5)
