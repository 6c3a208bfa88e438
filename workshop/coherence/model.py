"""Coherence's vocabulary: thresholds, severities, and the suggestion and alert records."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from workshop.model import ActionKind

#: Beyond this distance (matrix points) the adopted charter is "far" from the target.
FAR_FROM_TARGET = 2.5
#: A diagnostic score at or below this is "low" (scores run 1–5, 3 is the middle).
LOW_SCORE = 2
#: Kinds of action that actually teach the charter; a support-leaning target needs one.
TEACHING_KINDS = frozenset({ActionKind.TRAINING, ActionKind.ELEARNING, ActionKind.GUIDE})
#: How many titles an alert names before it says "…".
MAX_NAMED = 3


class Severity(StrEnum):
    """How much an alert matters: fix before the charter leaves the room, or just know it."""

    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Suggestion:
    """An accompaniment action worth adding to the plan, and why."""

    key: str
    kind: ActionKind
    title: str
    audience: str
    why: str
    description: str


@dataclass(frozen=True)
class Alert:
    """A coherence problem in plain words; ``key`` is stable, ``text`` is for people."""

    severity: Severity
    key: str
    text: str
