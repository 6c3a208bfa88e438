"""Accompaniment suggestions: what the target and the diagnostic call for, not yet planned."""

from __future__ import annotations

from workshop.coherence.catalogue import NO_REFERENCE_WHY, SUGGESTIONS
from workshop.coherence.model import LOW_SCORE, Suggestion
from workshop.exports.common import target
from workshop.matrix import MIDLINE, Position
from workshop.model import ActionKind
from workshop.results import reference_position
from workshop.snapshot import Snapshot


def _suggestion(key: str, lang: str, why: str | None = None) -> Suggestion:
    kind, fr, en = SUGGESTIONS[key]
    title, audience, default_why, description = en if lang == "en" else fr
    return Suggestion(key, kind, title, audience, why or default_why, description)


def _scores(snapshot: Snapshot) -> dict[str, int]:
    return {a.criterion: a.score for a in snapshot.diagnostic if a.score is not None}


def reference(snapshot: Snapshot) -> Position | None:
    """Where the group aims: the agreed target, else the diagnostic's suggestion, else None.

    The same rule pre-selects clause variants, so the suggestions follow what the room saw.
    """
    return reference_position(target(snapshot), _scores(snapshot))


def _low(scores: dict[str, int], criterion: str) -> bool:
    score = scores.get(criterion)
    return score is not None and score <= LOW_SCORE


def _already_planned(suggestion: Suggestion, snapshot: Snapshot) -> bool:
    for action in snapshot.actions:
        if suggestion.kind != ActionKind.OTHER and action.kind == suggestion.kind:
            return True
        if action.title.strip().casefold() == suggestion.title.casefold():
            return True
        if (
            suggestion.key == "managers_briefing"
            and action.kind in (ActionKind.TRAINING, ActionKind.OTHER)
            and "manag" in action.audience.casefold()
        ):
            return True
    return False


def suggest_actions(snapshot: Snapshot, lang: str = "fr") -> list[Suggestion]:
    """Accompaniment actions the target and the diagnostic call for, not yet in the plan.

    A support-leaning target (support ≥ 5) calls for training, e-learning, a guide,
    referents and ambassadors; high control (≥ 5) for a clear guide, training before use
    and a managers' briefing; a low "digital_tools_adoption" score for help with the
    tools; a low "communication_strategy" score for presenting the strategy. With neither
    target nor diagnostic, a guide and a training are still suggested. One suggestion per
    kind at most; kinds already in the plan are skipped.
    """
    aim = reference(snapshot)
    scores = _scores(snapshot)
    keys: list[str] = []
    whys: dict[str, str] = {}
    if aim is None:
        keys += ["guide", "training"]
        why = NO_REFERENCE_WHY[1] if lang == "en" else NO_REFERENCE_WHY[0]
        whys = {"guide": why, "training": why}
    else:
        high_support = aim.support >= MIDLINE
        high_control = aim.control >= MIDLINE
        if high_control:
            keys += ["clear_guide", "training_before_use", "managers_briefing"]
        if high_support:
            keys += ["training", "elearning", "guide", "referents", "ambassadors"]
        if not high_support and not high_control:
            keys.append("guide")  # even a light charter must be explained
    if _low(scores, "digital_tools_adoption"):
        keys.append("tool_adoption")
    if _low(scores, "communication_strategy"):
        keys.append("strategy_communication")

    result: list[Suggestion] = []
    seen_kinds: set[ActionKind] = set()
    for key in keys:
        suggestion = _suggestion(key, lang, whys.get(key))
        if suggestion.kind != ActionKind.OTHER and suggestion.kind in seen_kinds:
            continue  # the control-side variant of this kind came first
        seen_kinds.add(suggestion.kind)
        if not _already_planned(suggestion, snapshot):
            result.append(suggestion)
    return result
