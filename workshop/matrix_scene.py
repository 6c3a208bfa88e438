"""What one picture of the support/control matrix shows and where, for the screen and the PDF.

The console's matrix, the projected slide and the PDF minutes' figure are drawn by three
painters (QPainter twice, reportlab once) from the same ``MatrixScene``: which participants
appear at which position, the college centres and their spread, the target, the arrows from
opening to closing, the quadrant names' corners, the ticks and the legend entries. Positions
map to a unit square (0 to 1, y upwards) that each painter scales to its own plot, so the
rules of what goes where live here, without Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from workshop.errors import WorkshopError
from workshop.matrix import AXIS_MAX, AXIS_MIN, MIDLINE, Position, Quadrant, group_stats
from workshop.model import Round
from workshop.snapshot import Snapshot

STEP = 0.5  # arrow keys
FINE_STEP = 0.1  # Shift + arrow keys, and the precision of a click
SPAN = AXIS_MAX - AXIS_MIN
FALLBACK_COLOUR = "#888888"  # a participant without a (known) college

# Every whole value of an axis gets a tick; the inner ones but the midline get a grid line.
TICKS: tuple[float, ...] = tuple(AXIS_MIN + i for i in range(int(SPAN) + 1))
GRID_LINES: tuple[float, ...] = tuple(v for v in TICKS if v not in (AXIS_MIN, MIDLINE, AXIS_MAX))

# Each quadrant's name sits in the plot's outer corner of that quadrant:
# (quadrant, on the left side, at the top).
QUADRANT_CORNERS: tuple[tuple[Quadrant, bool, bool], ...] = (
    (Quadrant.LOCKDOWN, True, True),
    (Quadrant.FRAMED, False, True),
    (Quadrant.LAISSEZ_FAIRE, True, False),
    (Quadrant.TRUST, False, False),
)

_SMALL_WORDS = {"de", "du", "des", "la", "le", "les", "et", "d", "l", "of", "the", "and", "&"}


# -- the data every painter draws -------------------------------------------------------------
@dataclass(frozen=True)
class MatrixPoint:
    """A participant: ``position`` in the round shown, ``opening`` for the arrows."""

    id: int
    label: str
    colour: str
    college: str
    position: Position | None = None
    opening: Position | None = None


@dataclass(frozen=True)
class MatrixCentroid:
    """Where a college stands as a whole; ``spread`` is a radius in matrix units."""

    college: str
    colour: str
    position: Position
    spread: float = 0.0


@dataclass(frozen=True)
class MatrixScene:
    """Everything one picture of the matrix shows, as plain values.

    ``charter`` (where the adopted charter stands) is drawn by the PDF figure only.
    """

    points: tuple[MatrixPoint, ...] = ()
    centroids: tuple[MatrixCentroid, ...] = ()
    target: Position | None = None
    suggestion: Position | None = None
    show_names: bool = True
    show_arrows: bool = False
    highlighted: int | None = None
    show_legend: bool = False
    charter: Position | None = None

    def placed(self) -> tuple[MatrixPoint, ...]:
        """The points that have a position, in the scene's order (the order they are drawn)."""
        return tuple(p for p in self.points if p.position is not None)

    def arrows(self) -> tuple[MatrixPoint, ...]:
        """The points drawn with an arrow from their opening position to their position."""
        if not self.show_arrows:
            return ()
        return tuple(p for p in self.points if p.opening is not None and p.position is not None)


# -- unit space --------------------------------------------------------------------------------
def to_unit(support: float, control: float) -> tuple[float, float]:
    """A matrix position as a fraction of the plot: x grows with support, y with control."""
    return (support - AXIS_MIN) / SPAN, (control - AXIS_MIN) / SPAN


def from_unit(x: float, y: float, precision: float | None = FINE_STEP) -> tuple[float, float]:
    """The (support, control) at a fraction of the plot, clamped and rounded to ``precision``.

    A click is not more precise than a tenth of a point, and rounding keeps the stored
    values tidy in exports (7.5, not 7.4986).
    """
    return tidy(AXIS_MIN + x * SPAN, precision), tidy(AXIS_MIN + y * SPAN, precision)


def tidy(value: float, precision: float | None) -> float:
    """A coordinate kept on the matrix and, when asked, on a grid of ``precision``."""
    value = min(AXIS_MAX, max(AXIS_MIN, value))
    if precision:
        value = round(round(value / precision) * precision, 6)
    return min(AXIS_MAX, max(AXIS_MIN, value))


def moved(position: Position, d_support: float, d_control: float) -> Position:
    """A position nudged by the keyboard, kept on the matrix and on the 0.1 grid."""
    return Position(
        tidy(position.support + d_support, FINE_STEP),
        tidy(position.control + d_control, FINE_STEP),
    )


# -- labels --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in a painter's units (x to the right, y downwards)."""

    x: float
    y: float
    w: float
    h: float

    def overlap(self, other: Box) -> float:
        """The area shared with ``other`` (0 when they do not meet)."""
        w = min(self.x + self.w, other.x + other.w) - max(self.x, other.x)
        h = min(self.y + self.h, other.y + other.h) - max(self.y, other.y)
        return w * h if w > 0 and h > 0 else 0.0


def label_candidates(x: float, y: float, gap: float, w: float, h: float) -> list[Box]:
    """Where a w×h label may go around a mark at (x, y): right, left, above, below, diagonals."""
    return [
        Box(x + gap, y - h / 2, w, h),
        Box(x - gap - w, y - h / 2, w, h),
        Box(x - w / 2, y - gap - h, w, h),
        Box(x - w / 2, y + gap, w, h),
        Box(x + gap * 0.7, y - gap * 0.7 - h, w, h),
        Box(x + gap * 0.7, y + gap * 0.7, w, h),
        Box(x - gap * 0.7 - w, y - gap * 0.7 - h, w, h),
        Box(x - gap * 0.7 - w, y + gap * 0.7, w, h),
    ]


def place_label(candidates: list[Box], occupied: list[Box], bounds: Box) -> tuple[Box, float]:
    """The candidate that overlaps least what is already drawn, and its cost.

    Sticking out of ``bounds`` costs four times an overlap: a label half cut off is worse
    than one touching a neighbour. Labels are placed greedily, first come first served.
    """

    def cost(box: Box) -> float:
        outside = box.w * box.h - box.overlap(bounds)
        return sum(box.overlap(other) for other in occupied) + outside * 4

    best = min(candidates, key=cost)
    return best, cost(best)


def crowded(cost: float, box: Box) -> bool:
    """A participant's name is left out when its best place still overlaps this much."""
    return cost > 0.3 * box.w * box.h


def place_labels(
    anchors: list[tuple[float, float]],
    sizes: list[tuple[float, float]],
    obstacles: list[Box],
    bounds: Box,
    gaps: tuple[float, ...] = (7.0, 12.0, 18.0, 26.0, 36.0),
) -> list[Box]:
    """A box per label, never on another label, overlapping the marks as little as it can.

    Deterministic: labels are placed in the order given, each trying the eight places
    around its anchor (:func:`label_candidates`) at growing distances; the nearest place
    that overlaps the marks least wins (sticking out of ``bounds`` counts four times, see
    :func:`place_label`). A place on an earlier label is taken only when no other exists.
    """
    placed: list[Box] = []
    for (x, y), (w, h) in zip(anchors, sizes, strict=True):
        candidates = [box for gap in gaps for box in label_candidates(x, y, gap, w, h)]
        free = [box for box in candidates if not any(box.overlap(p) for p in placed)]
        # min() keeps the first of equal costs: the nearest place wins
        best, _ = place_label(free or candidates, obstacles + placed, bounds)
        placed.append(best)
    return placed


#: Marker shapes, one per college in the colleges' order (then again, hollow): colour is
#: never the only signal, the figure stays readable in greyscale.
MARKERS: tuple[str, ...] = (
    "circle",
    "square",
    "triangle",
    "diamond",
    "triangle_down",
    "pentagon",
    "hexagon",
    "star",
)


def college_markers(names: Iterable[str]) -> dict[str, tuple[str, bool]]:
    """Each college's (shape, filled): shapes in order, hollow once they are all used."""
    result: dict[str, tuple[str, bool]] = {}
    for i, name in enumerate(dict.fromkeys(names)):
        result[name] = (MARKERS[i % len(MARKERS)], i < len(MARKERS))
    return result


def college_badges(names: Iterable[str]) -> dict[str, str]:
    """A short, unique badge per college (« RH », « DSI », « RP »), drawn inside its dots.

    Acronyms are kept, several words give their initials, one word its first letter;
    clashes take more letters, then a number.
    """
    badges: dict[str, str] = {}
    used: set[str] = set()
    for name in dict.fromkeys(names):
        words = [w for w in name.replace("-", " ").replace("'", " ").split() if w]
        significant = [w for w in words if w.lower() not in _SMALL_WORDS] or words or ["?"]
        if len(significant) == 1 and significant[0].isupper() and len(significant[0]) <= 3:
            badge = significant[0]
        elif len(significant) > 1:
            badge = "".join(w[0] for w in significant[:3]).upper()
        else:
            badge = significant[0][0].upper()
        if badge in used:
            first = significant[0]
            for n in range(2, min(len(first), 3) + 1):
                candidate = first[:n].capitalize()
                if candidate not in used:
                    badge = candidate
                    break
        base, n = badge, 2
        while badge in used:
            badge = f"{base}{n}"
            n += 1
        used.add(badge)
        badges[name] = badge
    return badges


def scene_badges(scene: MatrixScene) -> dict[str, str]:
    """The badges of every college the scene shows, points first."""
    return college_badges([p.college for p in scene.points] + [c.college for c in scene.centroids])


def legend_entries(scene: MatrixScene) -> list[tuple[str, str]]:
    """The screen legend's rows: ("college", name) for each college shown, then the symbols.

    Symbols (``centroid``, ``target``, ``suggestion``, ``arrow``) come with an empty text:
    the painter words them in the interface's language.
    """
    entries = [("college", name) for name in college_colours(scene)]
    if scene.centroids:
        entries.append(("centroid", ""))
    if scene.target is not None:
        entries.append(("target", ""))
    if scene.suggestion is not None:
        entries.append(("suggestion", ""))
    if scene.show_arrows and any(p.opening and p.position for p in scene.points):
        entries.append(("arrow", ""))
    return entries


def college_colours(scene: MatrixScene) -> dict[str, str]:
    """Each college's colour, as its first point (or centre) carries it."""
    colours: dict[str, str] = {}
    for point in scene.points:
        colours.setdefault(point.college, point.colour)
    for centroid in scene.centroids:
        colours.setdefault(centroid.college, centroid.colour)
    return colours


def format_number(value: float, lang: str) -> str:
    """One decimal, with a decimal comma in French."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang != "en" else text


def format_position(position: Position, lang: str) -> str:
    """« 7,5 ; 2,5 » in French, "7.5, 2.5" in English (support first)."""
    s, c = format_number(position.support, lang), format_number(position.control, lang)
    return f"{s}\u00a0; {c}" if lang != "en" else f"{s}, {c}"


# -- from a workshop snapshot ----------------------------------------------------------------
def drawable(support: object, control: object) -> Position | None:
    """The position, or None when a (hostile or damaged) file puts it off the matrix."""
    if support is None or control is None:
        return None
    try:
        return Position(support, control)  # type: ignore[arg-type]
    except (WorkshopError, TypeError, ValueError):
        return None


def placements(snap: Snapshot) -> dict[tuple[int, str], Position]:
    """Every drawable position of the snapshot, by (participant id, round)."""
    result = {}
    for p in snap.positions:
        position = drawable(p.support, p.control)
        if position is not None:
            result[(p.participant_id, str(p.round))] = position
    return result


LATEST = "latest"  # a "round" for the minutes: closing where there is one, else opening


def scene_from_snapshot(
    snap: Snapshot,
    round: str,
    *,
    anonymize: bool = False,
    show_names: bool = True,
    show_arrows: bool = False,
    highlighted: int | None = None,
    with_suggestion: bool = True,
    show_legend: bool = False,
) -> MatrixScene:
    """The matrix of one round (``opening``, ``closing`` or ``LATEST``) of a snapshot.

    Labels follow consent: a participant who did not agree to be named shows their
    pseudonym even when names are asked for. Arrows need both rounds. Positions off the
    matrix (a damaged file) are left out rather than drawn somewhere wrong.
    """
    from workshop import diagnostic

    colleges = {c.id: c for c in snap.colleges}
    where = placements(snap)
    opening_round, closing_round = str(Round.OPENING), str(Round.CLOSING)
    points = []
    placed = {}
    for person in snap.participants:  # the order of the console's list, which Tab follows
        college = colleges.get(person.college_id)
        opening = where.get((person.id, opening_round))
        if round == LATEST:
            closing = where.get((person.id, closing_round))
            position = closing or opening
            opening = opening if closing is not None else None
        else:
            position = where.get((person.id, round))
            opening = opening if round == closing_round else None
        points.append(
            MatrixPoint(
                id=person.id,
                label=person.shown_name(anonymize),
                colour=college.colour if college else FALLBACK_COLOUR,
                college=college.name if college else "?",
                position=position,
                opening=opening,
            )
        )
        if position is not None and college is not None:
            placed[person.id] = (college.id, position)
    stats = group_stats(placed)
    centroids = []
    for s in stats.colleges:
        college = colleges[cast(int, s.college)]  # group_stats keys by what it was given
        centroids.append(MatrixCentroid(college.name, college.colour, s.centroid, s.spread))
    info = snap.workshop
    target = drawable(info.target_support, info.target_control)
    suggestion = None
    if with_suggestion:
        answers = {
            a.criterion: a.score
            for a in snap.diagnostic
            if a.criterion in diagnostic.CRITERIA_BY_KEY and a.score is not None
        }
        if answers:
            suggestion = diagnostic.suggested_position(answers).position
    return MatrixScene(
        points=tuple(points),
        centroids=tuple(centroids),
        target=target,
        suggestion=suggestion,
        show_names=show_names,
        show_arrows=show_arrows and round != opening_round,
        highlighted=highlighted,
        show_legend=show_legend,
    )
