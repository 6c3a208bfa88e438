"""The support/control matrix as a vector figure for the PDF minutes (reportlab.graphics).

A vector drawing stays sharp when printed or zoomed, and is drawn from the same
``MatrixScene`` as the console's and the projected matrix (``workshop.matrix_scene``: who
stands where, the college centres, the target, the arrows, the quadrant corners, the
ticks). Colour is never the only signal, and the figure reads in greyscale: each
college has its own marker shape (``matrix_scene.college_markers``) for its participants
and, larger, for its centre, which carries the college's badge on a label placed so that
no two labels meet (``matrix_scene.place_labels``); the target is an open ringed cross
and the adopted charter an open square, drawn under the participants so they hide none;
the minutes print the coordinates in a table under the figure.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from reportlab.graphics.shapes import Drawing, Group, Line, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from workshop.exports.common import adopted_position
from workshop.exports.pdf_fonts import FONT, FONT_BOLD, plain, register_fonts
from workshop.exports.pdf_marks import INK, _arrow, _charter, _rect, _target, marker
from workshop.matrix import MIDLINE, Position, Quadrant, quadrant_name
from workshop.matrix_scene import (
    GRID_LINES,
    LATEST,
    QUADRANT_CORNERS,
    TICKS,
    Box,
    MatrixScene,
    college_badges,
    college_markers,
    place_labels,
    placements,
    scene_from_snapshot,
    to_unit,
)
from workshop.model import Round
from workshop.snapshot import College, Snapshot

GRID = colors.HexColor("#D9D9D9")
MUTED = colors.HexColor("#6B6B6B")
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


# -- where everything goes -------------------------------------------------------------------
PARTICIPANT_R = DOT_RADIUS
OPENING_R = 2.6
CENTROID_R = 6.2
LABEL_SIZE = 7.0


@dataclass(frozen=True)
class Mark:
    """One marker of the figure: what it is, whose, its shape and where (points, y up)."""

    kind: Literal["participant", "opening", "centroid", "target", "charter"]
    college: str | None
    shape: str
    filled: bool
    x: float
    y: float
    r: float
    colour: str
    origin: tuple[float, float] | None = None  # a participant's opening position, if moved

    def box(self) -> Box:
        pad = self.r * 1.35 if self.shape != "circle" else self.r
        return Box(self.x - pad, self.y - pad, 2 * pad, 2 * pad)


@dataclass(frozen=True)
class FigureLabel:
    """A college's badge beside its centre, on a box that overlaps no other label."""

    text: str
    box: Box
    anchor: tuple[float, float]
    colour: str


@dataclass(frozen=True)
class FigureLayout:
    """The figure's geometry, computed before anything is drawn (and tested as such)."""

    width: float
    height: float
    x0: float
    y0: float
    side: float
    marks: tuple[Mark, ...]
    labels: tuple[FigureLabel, ...]
    markers: dict[str, tuple[str, bool]]
    badges: dict[str, str]
    scene: MatrixScene


LEFT, BOTTOM, TOP = 30.0, 30.0, 6.0
LEGEND_SIZE = 7.6
LEGEND_STEP = LEGEND_SIZE + 5.5


def _legend_height(snap: Snapshot) -> float:
    return (2 + len(snap.colleges) + 6) * LEGEND_STEP


def figure_layout(snap: Snapshot, width: float = 480.0) -> FigureLayout:
    """Where each marker and each college label goes on a figure ``width`` points wide."""
    register_fonts()  # the labels are measured in the figure's font
    side = min(300.0, width * 0.6)
    scene = figure_scene(snap)
    height = max(side + BOTTOM + TOP, _legend_height(snap) + 8)
    x0, y0 = LEFT, height - TOP - side  # the plot sits at the top when the legend is taller
    names = [c.name for c in snap.colleges]
    names += [p.college for p in scene.points if p.college not in names]
    markers = college_markers(names)
    badges = college_badges(names)

    def at(position: Position) -> tuple[float, float]:
        x, y = to_unit(position.support, position.control)
        return x0 + x * side, y0 + y * side

    marks: list[Mark] = []
    for p in scene.arrows():
        shape, _ = markers.get(p.college, ("circle", True))
        marks.append(Mark("opening", p.college, shape, False, *at(p.opening), OPENING_R, p.colour))  # type: ignore[arg-type]
    if scene.target is not None:
        marks.append(Mark("target", None, "circle", False, *at(scene.target), 7.0, "#222222"))
    if scene.charter is not None:
        marks.append(Mark("charter", None, "square", False, *at(scene.charter), 4.6, "#222222"))
    for c in scene.centroids:
        shape, filled = markers.get(c.college, ("circle", True))
        marks.append(
            Mark("centroid", c.college, shape, filled, *at(c.position), CENTROID_R, c.colour)
        )
    moved = {p.id for p in scene.arrows()}
    for p in scene.placed():
        shape, filled = markers.get(p.college, ("circle", True))
        x, y = at(p.position)  # type: ignore[arg-type]  # placed: a position
        origin = at(p.opening) if p.id in moved and p.opening is not None else None
        marks.append(
            Mark("participant", p.college, shape, filled, x, y, PARTICIPANT_R, p.colour, origin)
        )
    # The quadrant names in the corners are obstacles too.
    obstacles = [m.box() for m in marks]
    mid = to_unit(MIDLINE, MIDLINE)[0] * side
    for _, left_side, top_side in QUADRANT_CORNERS:
        qx = x0 if left_side else x0 + side - mid
        qy = y0 + side - 13 if top_side else y0
        obstacles.append(Box(qx, qy, mid, 13))
    centres = [m for m in marks if m.kind == "centroid"]
    sizes = [
        (stringWidth(badges.get(m.college or "", "?"), FONT_BOLD, LABEL_SIZE) + 5, LABEL_SIZE + 3)
        for m in centres
    ]
    boxes = place_labels(
        [(m.x, m.y) for m in centres],
        sizes,
        obstacles,
        Box(x0, y0, side, side),
        gaps=(CENTROID_R + 3, 14.0, 20.0, 28.0, 38.0, 50.0),
    )
    labels = tuple(
        FigureLabel(badges.get(m.college or "", "?"), box, (m.x, m.y), m.colour)
        for m, box in zip(centres, boxes, strict=True)
    )
    return FigureLayout(width, height, x0, y0, side, tuple(marks), labels, markers, badges, scene)


# -- drawing ------------------------------------------------------------------------------------
def matrix_drawing(snap: Snapshot, lang: str = "fr", width: float = 480.0) -> Drawing:
    """The matrix figure, ``width`` points wide: quadrants, participants, centres, target.

    No names are drawn (the figure would be unreadable with a full room, and it needs no
    anonymising); the minutes list each participant's coordinates under it. Each college
    has its colour and its own marker shape; its centre carries its badge (« RH »).
    Drawn bottom up: arrows and opening positions, the target and the charter (open
    shapes), the centres, the participants, then the badges, so no mark hides a person.
    """
    register_fonts()
    en = lang == "en"
    layout = figure_layout(snap, width)
    label_size, tick_size = 8.0, 7.0
    x0, y0, side, height = layout.x0, layout.y0, layout.side, layout.height
    legend_x = LEFT + side + 18
    legend_w = max(60.0, width - legend_x)
    d = Drawing(width, height, initialFontName=FONT, initialFontSize=8)

    def px(v: float) -> float:
        return x0 + to_unit(v, v)[0] * side

    def py(v: float) -> float:
        return y0 + to_unit(v, v)[1] * side

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

    # Movements (opening → latest), then the marks bottom up, then the badges.
    marks = layout.marks
    placed = [m for m in marks if m.kind == "participant"]
    for p in placed:
        if p.origin is not None:
            a = _arrow(*p.origin, p.x, p.y, PARTICIPANT_R + 0.8)
            if a is not None:
                d.add(a)
    for m in marks:
        if m.kind == "opening":
            d.add(marker(m.shape, m.x, m.y, m.r, colors.white, _hex(m.colour), 1.0))
        elif m.kind == "target":
            d.add(_target(m.x, m.y, m.r))
        elif m.kind == "charter":
            d.add(_charter(m.x, m.y, m.r))
    for m in marks:
        if m.kind == "centroid":
            fill = _hex(m.colour) if m.filled else colors.white
            d.add(marker(m.shape, m.x, m.y, m.r, fill, INK, 1.6))
    for m in placed:
        fill = _hex(m.colour) if m.filled else colors.white
        stroke = INK if m.filled else _hex(m.colour)
        d.add(marker(m.shape, m.x, m.y, m.r, fill, stroke, 0.6 if m.filled else 1.3))
    for label in layout.labels:
        b = label.box
        ax, ay = label.anchor
        cx = min(max(ax, b.x), b.x + b.w)
        cy = min(max(ay, b.y), b.y + b.h)
        if math.hypot(cx - ax, cy - ay) > CENTROID_R + 4:  # far from its centre: a leader
            d.add(Line(ax, ay, cx, cy, strokeColor=MUTED, strokeWidth=0.5))
        d.add(
            _rect(
                b.x,
                b.y,
                b.w,
                b.h,
                fillColor=colors.white,
                strokeColor=_hex(label.colour),
                strokeWidth=0.8,
            )
        )
        d.add(
            String(
                b.x + b.w / 2,
                b.y + 2.6,
                plain(label.text, FONT_BOLD),
                fontName=FONT_BOLD,
                fontSize=LABEL_SIZE,
                fillColor=INK,
                textAnchor="middle",
            )
        )
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
    _legend(d, snap, layout, en, legend_x, legend_w)
    return d


def _legend(
    d: Drawing, snap: Snapshot, layout: FigureLayout, en: bool, x: float, width: float
) -> None:
    """Colleges (marker, colour, name and badge), then every symbol the figure uses."""
    size, step = LEGEND_SIZE, LEGEND_STEP
    ly = layout.height - TOP - size
    text_x, text_w = x + 14, width - 14

    def line(text: str, bold: bool = False) -> None:
        font = FONT_BOLD if bold else FONT
        d.add(
            String(
                text_x if not bold else x,
                ly,
                _fit(plain(text), font, size, text_w),
                fontName=font,
                fontSize=size,
                fillColor=INK,
            )
        )

    line("Colleges" if en else "Collèges", bold=True)
    ly -= step
    for college in snap.colleges:
        shape, filled = layout.markers.get(college.name, ("circle", True))
        colour = college_colour(college)
        d.add(
            marker(
                shape,
                x + 5,
                ly + 2.6,
                PARTICIPANT_R,
                colour if filled else colors.white,
                INK if filled else colour,
                0.6 if filled else 1.3,
            )
        )
        badge = layout.badges.get(college.name, "")
        line(college.name + (f" ({badge})" if badge and badge != college.name else ""))
        ly -= step
    ly -= 4
    line("Symbols" if en else "Symboles", bold=True)
    ly -= step
    grey = colors.HexColor("#BBBBBB")

    def movement(cx: float, cy: float) -> Group:
        return Group(
            marker("circle", cx - 4, cy, OPENING_R, colors.white, MUTED, 1.0),
            _arrow(cx - 4, cy, cx + 6, cy, 0.5) or Group(),
        )

    symbols: list[tuple[Callable[[float, float], object], str]] = [
        (
            lambda cx, cy: marker("circle", cx, cy, PARTICIPANT_R, grey),
            "participant (college's shape)" if en else "participant (forme du collège)",
        ),
        (movement, "opening → closing" if en else "ouverture → clôture"),
        (
            lambda cx, cy: marker("circle", cx, cy, 4.6, grey, INK, 1.6),
            "college centroid, with its badge" if en else "centre du collège, avec son sigle",
        ),
        (lambda cx, cy: _target(cx, cy, 3.6), "group target" if en else "cible du groupe"),
        (lambda cx, cy: _charter(cx, cy, 3.4), "adopted charter" if en else "charte adoptée"),
    ]
    for build, text in symbols:
        d.add(build(x + 5, ly + 2.6))  # type: ignore[arg-type]
        line(text)
        ly -= step
