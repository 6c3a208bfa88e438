"""The support/control matrix: positions, quadrants and the statistics shown on it.

The founding article positions a social media charter on two axes: the degree of
accompaniment wanted (« degré d’accompagnement ») and the degree of control (« degré de
contrôle »). Both run from 0 to 10:

- x = ``support``: how much the charter and its programme accompany, train, equip and
  encourage employees;
- y = ``control``: how much it restricts, requires approval, monitors and sanctions.

Participants place themselves on the matrix (opening and closing rounds), each clause
variant sits at a point, and the charter’s own position is the mean of the variants
adopted. This module holds the arithmetic only: no Qt, no I/O.

Quadrants split each axis at the midline 5; a value of exactly 5 counts as *high*, so
the neutral centre (5, 5) falls in the framed-and-accompanied quadrant.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from workshop.errors import InvalidInput

AXIS_MIN = 0.0
AXIS_MAX = 10.0
MIDLINE = 5.0
# Candidates whose distances to the target differ by less than this are tied, so that
# coordinates typed with decimals (0.2 and 0.4 around 0.3) still break ties by order.
TIE_TOLERANCE = 1e-9

K = TypeVar("K")
C = TypeVar("C", bound=Hashable)
P = TypeVar("P", bound=Hashable)

_AXIS_NAMES = {"support": ("accompagnement", "support"), "control": ("contrôle", "control")}


def _short_repr(value: object) -> str:
    """A one-line, bounded repr of a refused value for error messages."""
    try:
        text = repr(value)
    except ValueError:  # ints beyond Python's digit limit refuse to print
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 40 else text[:37] + "..."


def _as_float(value: object) -> float:
    """The value as a float; NaN for anything that is not a real number (bool included)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return math.nan
    try:
        return float(value)
    except (OverflowError, ValueError):  # e.g. an int too large for a float
        return math.nan


def _coordinate(axis: str, value: object) -> float:
    """The value as a float in [0, 10], or InvalidInput naming the axis."""
    fr_axis, en_axis = _AXIS_NAMES[axis]
    number = _as_float(value)
    if not (AXIS_MIN <= number <= AXIS_MAX):  # also rejects NaN and non-numbers
        got = _short_repr(value)
        raise InvalidInput(
            f"Coordonnée « {fr_axis} » invalide : il faut un nombre entre 0 et 10 (reçu : {got}).",
            f'Invalid "{en_axis}" coordinate: a number from 0 to 10 is required (got {got}).',
        )
    return number


@dataclass(frozen=True)
class Position:
    """A point on the matrix; both coordinates are floats in [0, 10].

    Ints are accepted and stored as floats, so Position(5, 5) == Position(5.0, 5.0).
    Booleans and NaN are refused: they are always a slip, never a position.
    """

    support: float
    control: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "support", _coordinate("support", self.support))
        object.__setattr__(self, "control", _coordinate("control", self.control))

    @classmethod
    def clamped(cls, support: float, control: float) -> Position:
        """A position with each coordinate brought back into [0, 10] (NaN still refused)."""
        return cls(_clamp(support), _clamp(control))


def _clamp(value: float) -> float:
    number = _as_float(value)
    if math.isnan(number):
        return value  # let Position refuse it with its message
    return min(AXIS_MAX, max(AXIS_MIN, number))


class Quadrant(StrEnum):
    """The four regions of the matrix (stored values: never rename them)."""

    LAISSEZ_FAIRE = "laissez_faire"  # low support, low control
    LOCKDOWN = "lockdown"  # low support, high control
    TRUST = "trust"  # high support, low control
    FRAMED = "framed"  # high support, high control


_QUADRANT_TEXTS: dict[Quadrant, tuple[str, str, str, str]] = {
    Quadrant.LAISSEZ_FAIRE: (
        "Laisser-faire",
        "Laissez-faire",
        "Pas de politique explicite : chacun s’exprime sans repères ni soutien, et les "
        "dérapages naissent d’une méconnaissance des enjeux plus que d’une volonté de nuire.",
        "No explicit policy: everyone speaks without guidance or support, and incidents "
        "come from not seeing the stakes rather than from any intent to harm.",
    ),
    Quadrant.LOCKDOWN: (
        "Verrouillage",
        "Lock-down",
        "Une charte juridique d’interdits et de sanctions sans formation ni accompagnement, "
        "qui rassure la direction mais reste un document inutile que personne ne s’approprie.",
        "A legalistic charter of bans and sanctions with no training or accompaniment, "
        "which reassures management but remains a useless document nobody takes up.",
    ),
    Quadrant.TRUST: (
        "Confiance et autonomie",
        "Trust and autonomy",
        "Les collaborateurs sont encouragés, formés et outillés pour prendre la parole avec "
        "peu de règles : c’est le terrain des ambassadeurs.",
        "Employees are encouraged, trained and equipped to speak up with few rules: "
        "the ground on which ambassadors grow.",
    ),
    Quadrant.FRAMED: (
        "Cadre accompagné",
        "Accompanied framework",
        "Des règles claires et justifiées, portées par de la formation, des référents et "
        "des outils : chacun sait ce qu’il peut faire et où trouver de l’aide.",
        "Clear, justified rules backed by training, referents and tools: everyone knows "
        "what they may do and where to find help.",
    ),
}


def quadrant_of(position: Position) -> Quadrant:
    """The quadrant a position falls in; a coordinate of exactly 5 counts as high."""
    high_support = position.support >= MIDLINE
    high_control = position.control >= MIDLINE
    if high_support:
        return Quadrant.FRAMED if high_control else Quadrant.TRUST
    return Quadrant.LOCKDOWN if high_control else Quadrant.LAISSEZ_FAIRE


def quadrant_name(quadrant: Quadrant, lang: str = "fr") -> str:
    """Short name of a quadrant in French or English (anything but 'en' is French)."""
    fr, en, _, _ = _QUADRANT_TEXTS[Quadrant(quadrant)]
    return en if lang == "en" else fr


def quadrant_description(quadrant: Quadrant, lang: str = "fr") -> str:
    """One-sentence description of a quadrant in French or English."""
    _, _, fr, en = _QUADRANT_TEXTS[Quadrant(quadrant)]
    return en if lang == "en" else fr


def distance(a: Position, b: Position) -> float:
    """Euclidean distance between two positions."""
    return math.hypot(a.support - b.support, a.control - b.control)


def centroid(positions: Iterable[Position]) -> Position | None:
    """Mean position of a set of points, or None when there are none.

    math.fsum makes the result independent of the order of the points; the mean is then
    kept within the points' own range so rounding can never push it outside.
    """
    points = list(positions)
    return _mean(points) if points else None


def _mean(points: Sequence[Position]) -> Position:
    xs = [p.support for p in points]
    ys = [p.control for p in points]
    n = len(points)
    x = min(max(math.fsum(xs) / n, min(xs)), max(xs))
    y = min(max(math.fsum(ys) / n, min(ys)), max(ys))
    return Position(x, y)


def spread(positions: Iterable[Position]) -> float:
    """Root-mean-square distance to the centroid: how scattered a group is (0 if < 2)."""
    points = list(positions)
    if len(points) < 2:
        return 0.0
    centre = _mean(points)
    squares = []
    for p in points:
        squares.append((p.support - centre.support) ** 2)
        squares.append((p.control - centre.control) ** 2)
    return math.sqrt(math.fsum(squares) / len(points))


def mean_position(positions: Iterable[Position]) -> Position | None:
    """A charter’s position: the mean of the positions of the variants adopted.

    None when no variant has been adopted yet, so callers can show "not placed".
    """
    return centroid(positions)


@dataclass(frozen=True)
class CollegeStats:
    """Where one college (HR, staff representatives, IT...) stands as a whole."""

    college: Hashable
    count: int
    centroid: Position
    spread: float


@dataclass(frozen=True)
class GroupStats:
    """Per-college and whole-group centroid and spread, for the matrix display.

    ``colleges`` lists the colleges in the order they first appear in the input, so the
    display is stable from one refresh to the next.
    """

    count: int
    centroid: Position | None
    spread: float
    colleges: tuple[CollegeStats, ...]

    def college(self, key: Hashable) -> CollegeStats | None:
        """The statistics of one college, or None if nobody of it is placed."""
        for stats in self.colleges:
            if stats.college == key:
                return stats
        return None


def group_stats(placed: Mapping[P, tuple[C, Position]]) -> GroupStats:
    """Statistics of a round from participant → (college, position).

    Only participants actually placed should be passed; an empty mapping gives count 0,
    no centroid, spread 0 and no colleges.
    """
    by_college: dict[C, list[Position]] = {}
    for college, position in placed.values():
        by_college.setdefault(college, []).append(position)
    everyone = [position for _, position in placed.values()]
    colleges = tuple(
        CollegeStats(college, len(points), _mean(points), spread(points))
        for college, points in by_college.items()
    )
    return GroupStats(len(everyone), centroid(everyone), spread(everyone), colleges)


def nearest(target: Position, candidates: Sequence[tuple[K, Position]]) -> K:
    """The key of the candidate closest to the target (to pre-select a clause variant).

    Ties (distances within TIE_TOLERANCE) go to the candidate listed first, so the same
    input always pre-selects the same variant. An empty sequence is a caller’s bug.
    """
    if not candidates:
        raise ValueError("nearest() needs at least one candidate")
    best_key, best_position = candidates[0]
    best = distance(target, best_position)
    for key, position in candidates[1:]:
        d = distance(target, position)
        if d < best - TIE_TOLERANCE:
            best_key, best = key, d
    return best_key


@dataclass(frozen=True)
class Movement:
    """How a participant moved between the opening and the closing round (an arrow)."""

    d_support: float
    d_control: float
    length: float


def movement(opening: Position, closing: Position) -> Movement:
    """Displacement vector and length from the opening to the closing position."""
    d_support = closing.support - opening.support
    d_control = closing.control - opening.control
    return Movement(d_support, d_control, math.hypot(d_support, d_control))


def movements(opening: Mapping[K, Position], closing: Mapping[K, Position]) -> dict[K, Movement]:
    """Movements of the participants placed in both rounds, in the opening’s order."""
    return {key: movement(start, closing[key]) for key, start in opening.items() if key in closing}
