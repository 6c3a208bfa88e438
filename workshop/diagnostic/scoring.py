"""Diagnostic scoring: answers checked, then summed into a suggested matrix position."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from workshop.diagnostic.criteria import (
    CRITERIA,
    SCORE_MAX,
    SCORE_MIDDLE,
    SCORE_MIN,
    Criterion,
    criterion,
    short_repr,
)
from workshop.errors import InvalidInput
from workshop.matrix import (
    MIDLINE,
    Position,
    Quadrant,
    quadrant_of,
)
from workshop.model import SizeBand

BASELINE = Position(MIDLINE, MIDLINE)

_SIZE_SCORES: dict[SizeBand, int] = {band: i for i, band in enumerate(SizeBand, start=1)}


def size_score(band: SizeBand) -> int:
    """The 'size' score (1–5) of a company size band, to pre-fill it from the set-up."""
    return _SIZE_SCORES[SizeBand(band)]


def suggested_scores(size_band: str | None) -> dict[str, int]:
    """Scores the set-up already tells, offered on unanswered criteria: the company size.

    A suggestion only, never stored by itself: the facilitator keeps it (a click, a key,
    Enter) or picks another score, and only then does it count in the suggested position,
    the minutes and the bundle. The band can still change in the set-up meanwhile.
    """
    try:
        return {"size": size_score(SizeBand(size_band))} if size_band else {}
    except ValueError:
        return {}


def _checked_score(item: Criterion, value: object) -> int | None:
    """The score as an int 1–5, None if unanswered, else InvalidInput naming the criterion."""
    if value is None:
        return None
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        score = int(value)  # what was returned anyway; an int compares for mypy too
        if SCORE_MIN <= score <= SCORE_MAX:
            return score
    got = short_repr(value)
    raise InvalidInput(
        f"Critère « {item.title_fr} » : la note doit être un entier de 1 à 5 (reçu : {got}).",
        f'Criterion "{item.title_en}": the score must be a whole number from 1 to 5 (got {got}).',
    )


class Contribution(NamedTuple):
    """How far one answered criterion moved the suggestion, before clamping."""

    key: str
    d_support: float
    d_control: float


@dataclass(frozen=True)
class Suggestion:
    """Where the diagnostic suggests the charter should sit, and why.

    ``contributions`` lists every answered criterion in the criteria’s order (a score of 3
    contributes zero); ``answered`` is how many were answered.
    """

    position: Position
    answered: int
    contributions: tuple[Contribution, ...]
    quadrant: Quadrant


def suggested_position(answers: Mapping[str, int | None]) -> Suggestion:
    """The matrix position the diagnostic answers point to (see the module docstring).

    Deterministic and monotone: raising one score moves the position only in the
    direction of that criterion’s weights. Missing keys and None mean "not answered".
    """
    scores: dict[str, int] = {}
    for key, value in answers.items():
        item = criterion(key)
        score = _checked_score(item, value)
        if score is not None:
            scores[item.key] = score
    contributions = tuple(
        Contribution(
            item.key,
            (scores[item.key] - SCORE_MIDDLE) * item.support_weight,
            (scores[item.key] - SCORE_MIDDLE) * item.control_weight,
        )
        for item in CRITERIA
        if item.key in scores
    )
    # fsum: exactly rounded, so the result does not depend on floating-point order.
    support = math.fsum([BASELINE.support, *(c.d_support for c in contributions)])
    control = math.fsum([BASELINE.control, *(c.d_control for c in contributions)])
    position = Position.clamped(support, control)
    return Suggestion(position, len(contributions), contributions, quadrant_of(position))


def strongest(suggestion: Suggestion, count: int = 3) -> tuple[Contribution, ...]:
    """The contributions that moved the position most (|Δsupport| + |Δcontrol|).

    Zero contributions are left out; ties keep the criteria’s order.
    """
    moving = [c for c in suggestion.contributions if c.d_support or c.d_control]
    # Rounded so that float noise (0.3 + 0.3 vs 0.4 + 0.2) never overrides criteria order.
    moving.sort(key=lambda c: round(abs(c.d_support) + abs(c.d_control), 9), reverse=True)
    return tuple(moving[:count])
