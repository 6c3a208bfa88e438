"""The support/control matrix as a vector figure for the PDF minutes (reportlab.graphics).

A vector drawing stays sharp when printed or zoomed, and is drawn from the same
``MatrixScene`` as the console's and the projected matrix (``workshop.matrix_scene``: who
stands where, the college centres, the target, the arrows, the quadrant corners, the
ticks). Colour is never the only
signal: participants are dots, college centroids diamonds, the target a ringed cross and
the charter's adopted position a square, and the minutes print the coordinates in a table
under the figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from workshop.exports.common import adopted_position
from workshop.exports.pdf_fonts import FONT, FONT_BOLD, plain, register_fonts
from workshop.matrix import MIDLINE, Position, Quadrant, quadrant_name
from workshop.matrix_scene import (
    GRID_LINES,
    LATEST,
    QUADRANT_CORNERS,
    TICKS,
    MatrixScene,
    placements,
    scene_from_snapshot,
    to_unit,
)
from workshop.model import Round
from workshop.snapshot import College, Snapshot

if TYPE_CHECKING:
    from typing import Unpack

    from reportlab.graphics.shapes import _SolidShapeKwArgs

INK = colors.HexColor("#222222")
GRID = colors.HexColor("#D9D9D9")
MUTED = colors.HexColor("#6B6B6B")
ARROW = colors.HexColor("#8A8A8A")
FALLBACK_COLOUR = colors.HexColor("#888888")
QUADRANT_TINTS = {
    Quadrant.LAISSEZ_FAIRE: colors.HexColor("#F4F4F4"),
    Quadrant.LOCKDOWN: colors.HexColor("#FBEDEA"),
    Quadrant.TRUST: colors.HexColor("#EAF5EC"),
    Quadrant.FRAMED: colors.HexColor("#E9F0FA"),
}
DOT_RADIUS = 3.6


@dataclass(frozen=True)
class PlacedParticipant:
    """One participant on the figure: where they started, where they ended, their college."""

    participant_id: int
    college_id: int
    opening: Position | None
    closing: Position | None

    @property
    def shown(self) -> Position:
        """The position drawn as a dot: closing when there is one, else opening."""
        return self.closing or self.opening  # type: ignore[return-value]


def placed_participants(snap: Snapshot) -> list[PlacedParticipant]:
    """Participants with at least one position, in the participants' order."""
    rounds: dict[int, dict[str, Position]] = {}
    for (participant_id, round_), position in placements(snap).items():  # drawable only
        rounds.setdefault(participant_id, {})[round_] = position
    result = []
    for p in snap.participants:
        r = rounds.get(p.id)
        if r:
            result.append(
                PlacedParticipant(p.id, p.college_id, r.get(Round.OPENING), r.get(Round.CLOSING))
            )
    return result


def college_colour(college: College | None) -> colors.Color:
    """The college's colour, or grey when it is missing or not a colour."""
    return FALLBACK_COLOUR if college is None else _hex(college.colour)


def _hex(colour: str) -> colors.Color:
    try:
        return colors.HexColor(colour)
    except (ValueError, TypeError, AttributeError):
        return FALLBACK_COLOUR


def figure_scene(snap: Snapshot) -> MatrixScene:
    """What the figure shows: each participant's latest position, arrows, centres, target.

    The same rules as the console's matrix (``scene_from_snapshot``), in the minutes'
    round: closing where there is one, else opening; plus the adopted charter.
    """
    scene = scene_from_snapshot(
        snap, LATEST, show_names=False, show_arrows=True, with_suggestion=False
    )
    return replace(scene, charter=adopted_position(snap))


def _fit(text: str, font: str, size: float, width: float) -> str:
    """The text cut with an ellipsis so it fits in width points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _diamond(x: float, y: float, r: float, fill: colors.Color) -> Polygon:
    return Polygon(
        [x, y + r, x + r, y, x, y - r, x - r, y],
        fillColor=fill,
        strokeColor=INK,
        strokeWidth=1.1,
    )


def _target(x: float, y: float, r: float = 6.0) -> Group:
    return Group(
        Circle(x, y, r, fillColor=None, strokeColor=INK, strokeWidth=1.4),
        Line(x - r - 3, y, x + r + 3, y, strokeColor=INK, strokeWidth=1.2),
        Line(x, y - r - 3, x, y + r + 3, strokeColor=INK, strokeWidth=1.2),
    )


def _rect(
    x: float, y: float, width: float, height: float, **style: Unpack[_SolidShapeKwArgs]
) -> Rect:
    """A Rect, typed as reportlab takes it: types-reportlab 5.0 annotates Rect's ``**kw`` as
    ``_SolidShapeKwArgs`` without ``Unpack[]`` (Circle's has it), so every keyword is refused."""
    return Rect(x, y, width, height, **style)  # type: ignore[arg-type]  # the stub, see above


def _square(x: float, y: float, r: float = 4.2) -> Rect:
    return _rect(
        x - r, y - r, 2 * r, 2 * r, fillColor=INK, strokeColor=colors.white, strokeWidth=0.8
    )


def _dot(x: float, y: float, fill: colors.Color, r: float = DOT_RADIUS) -> Circle:
    return Circle(x, y, r, fillColor=fill, strokeColor=INK, strokeWidth=0.6)


def _ring(x: float, y: float, stroke: colors.Color, r: float = 2.6) -> Circle:
    return Circle(x, y, r, fillColor=colors.white, strokeColor=stroke, strokeWidth=1.0)


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


def matrix_drawing(snap: Snapshot, lang: str = "fr", width: float = 480.0) -> Drawing:
    """The matrix figure, ``width`` points wide: quadrants, participants, centroids, target.

    No names are drawn (the figure would be unreadable with a full room, and it needs no
    anonymising); the minutes list each participant's coordinates under it.
    """
    register_fonts()
    en = lang == "en"
    label_size, tick_size, legend_size = 8.0, 7.0, 7.6
    left, bottom, top = 30.0, 30.0, 6.0
    side = min(300.0, width * 0.6)
    legend_x = left + side + 18
    legend_w = max(60.0, width - legend_x)
    scene = figure_scene(snap)
    placed = scene.placed()
    legend_lines = 2 + len(snap.colleges) + 6
    legend_height = legend_lines * (legend_size + 5.5)
    height = max(side + bottom + top, legend_height + 8)
    x0 = left
    y0 = height - top - side  # the plot sits at the top when the legend is taller
    d = Drawing(width, height, initialFontName=FONT, initialFontSize=8)

    def px(v: float) -> float:
        return x0 + to_unit(v, v)[0] * side

    def py(v: float) -> float:
        return y0 + to_unit(v, v)[1] * side

    def at(position: Position) -> tuple[float, float]:
        x, y = to_unit(position.support, position.control)
        return x0 + x * side, y0 + y * side

    # Quadrants, tinted.
    mid = to_unit(MIDLINE, MIDLINE)[0] * side
    # Column by column from the bottom: where the tints meet on the midline, the right
    # column's edge is painted last, as the figure has always been printed.
    for quadrant, left, top_side in sorted(QUADRANT_CORNERS, key=lambda c: (not c[1], c[2])):
        qx, qy = (x0 if left else x0 + mid), (y0 + mid if top_side else y0)
        d.add(_rect(qx, qy, mid, mid, fillColor=QUADRANT_TINTS[quadrant], strokeColor=None))
    # Grid, midlines, frame, ticks.
    for v in TICKS:
        if v in GRID_LINES:
            d.add(Line(px(v), y0, px(v), y0 + side, strokeColor=GRID, strokeWidth=0.3))
            d.add(Line(x0, py(v), x0 + side, py(v), strokeColor=GRID, strokeWidth=0.3))
        d.add(Line(px(v), y0, px(v), y0 - 3, strokeColor=INK, strokeWidth=0.6))
        d.add(Line(x0, py(v), x0 - 3, py(v), strokeColor=INK, strokeWidth=0.6))
        d.add(
            String(
                px(v),
                y0 - 11,
                str(int(v)),
                fontName=FONT,
                fontSize=tick_size,
                fillColor=INK,
                textAnchor="middle",
            )
        )
        d.add(
            String(
                x0 - 5,
                py(v) - 2.5,
                str(int(v)),
                fontName=FONT,
                fontSize=tick_size,
                fillColor=INK,
                textAnchor="end",
            )
        )
    d.add(
        Line(
            px(MIDLINE),
            y0,
            px(MIDLINE),
            y0 + side,
            strokeColor=MUTED,
            strokeWidth=0.9,
            strokeDashArray=[4, 3],
        )
    )
    d.add(
        Line(
            x0,
            py(MIDLINE),
            x0 + side,
            py(MIDLINE),
            strokeColor=MUTED,
            strokeWidth=0.9,
            strokeDashArray=[4, 3],
        )
    )
    d.add(_rect(x0, y0, side, side, fillColor=None, strokeColor=INK, strokeWidth=0.9))
    support_title = "Support (accompaniment) →" if en else "Accompagnement →"
    control_title = "Control →" if en else "Contrôle →"
    d.add(
        String(
            x0 + side / 2,
            y0 - 24,
            support_title,
            fontName=FONT_BOLD,
            fontSize=label_size,
            fillColor=INK,
            textAnchor="middle",
        )
    )
    vertical = Group(
        String(
            0,
            0,
            control_title,
            fontName=FONT_BOLD,
            fontSize=label_size,
            fillColor=INK,
            textAnchor="middle",
        )
    )
    vertical.translate(x0 - 20, y0 + side / 2)
    vertical.rotate(90)
    d.add(vertical)

    # Quadrant names in the outer corners, over the grid.
    name_size = 7.4
    for quadrant, left, top_side in QUADRANT_CORNERS:
        tx = x0 + 4 if left else x0 + side - 4
        ty = y0 + side - 10 if top_side else y0 + 4
        anchor: Literal["start", "end"] = "start" if left else "end"
        name = _fit(plain(quadrant_name(quadrant, lang)), FONT_BOLD, name_size, mid - 8)
        d.add(
            String(
                tx,
                ty,
                name,
                fontName=FONT_BOLD,
                fontSize=name_size,
                fillColor=MUTED,
                textAnchor=anchor,
            )
        )

    # Movements, then dots, then centroids, then target and charter on top.
    moves = [
        (at(p.opening), at(p.position), p.colour)
        for p in scene.arrows()
        if p.opening is not None and p.position is not None
    ]
    for (x1, y1), (x2, y2), _ in moves:
        a = _arrow(x1, y1, x2, y2, DOT_RADIUS + 0.8)
        if a is not None:
            d.add(a)
    for (x1, y1), _, colour in moves:
        d.add(_ring(x1, y1, _hex(colour)))
    for p in placed:
        if p.position is not None:
            d.add(_dot(*at(p.position), _hex(p.colour)))
    for centroid in scene.centroids:
        d.add(_diamond(*at(centroid.position), 5.5, _hex(centroid.colour)))
    if scene.charter is not None:
        d.add(_square(*at(scene.charter)))
    if scene.target is not None:
        d.add(_target(*at(scene.target)))
    if not placed:
        msg = "Nobody placed on the matrix" if en else "Personne n’a été placé sur la matrice"
        d.add(
            String(
                x0 + side / 2,
                y0 + side / 2 + 12,
                msg,
                fontName=FONT,
                fontSize=label_size,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )

    # Legend: colleges, then the symbols.
    step = legend_size + 5.5
    ly = height - top - legend_size
    text_x = legend_x + 14
    text_w = legend_w - 14
    d.add(
        String(
            legend_x,
            ly,
            "Colleges" if en else "Collèges",
            fontName=FONT_BOLD,
            fontSize=legend_size,
            fillColor=INK,
        )
    )
    ly -= step
    for college in snap.colleges:
        d.add(_dot(legend_x + 5, ly + 2.6, college_colour(college)))
        d.add(
            String(
                text_x,
                ly,
                _fit(plain(college.name), FONT, legend_size, text_w),
                fontName=FONT,
                fontSize=legend_size,
                fillColor=INK,
            )
        )
        ly -= step
    ly -= 4
    d.add(
        String(
            legend_x,
            ly,
            "Symbols" if en else "Symboles",
            fontName=FONT_BOLD,
            fontSize=legend_size,
            fillColor=INK,
        )
    )
    ly -= step
    grey = colors.HexColor("#BBBBBB")

    def movement(x: float, y: float) -> Group:
        return Group(_ring(x - 4, y, MUTED), _arrow(x - 4, y, x + 6, y, 0.5) or Group())

    symbols = [
        (
            lambda x, y: _dot(x, y, grey),
            "participant",
        ),
        (movement, "opening → closing" if en else "ouverture → clôture"),
        (
            lambda x, y: _diamond(x, y, 4.5, grey),
            "college centroid" if en else "centre de gravité du collège",
        ),
        (lambda x, y: _target(x, y, 3.6), "group target" if en else "cible du groupe"),
        (lambda x, y: _square(x, y, 3.4), "adopted charter" if en else "charte adoptée"),
    ]
    for build, text in symbols:
        d.add(build(legend_x + 5, ly + 2.6))
        d.add(
            String(
                text_x,
                ly,
                _fit(text, FONT, legend_size, text_w),
                fontName=FONT,
                fontSize=legend_size,
                fillColor=INK,
            )
        )
        ly -= step
    return d
