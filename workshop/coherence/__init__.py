"""Does the charter hold together? Accompaniment suggestions and coherence alerts.

The founding article's point is that a charter without an accompaniment plan (training,
guides, ambassadors, referents) is a dead letter. This module turns the workshop's own
choices into advice the facilitator can show the room at the plan and wrap-up steps:

- ``suggest_actions``: accompaniment actions that the target position and the diagnostic
  call for, skipping the kinds already in the plan;
- ``alerts``: contradictions between what the group aimed for and what it adopted (the
  charter far from its target, a support-leaning target with no training, sanctions in a
  guide-only charter, an adopted text that contradicts the chosen status, control without
  justification...), loose ends (open points, an
  open vote, actions with no owner or date), and, when all is well, where the charter
  stands next to its target.

Plain data in, plain data out: no Qt, no I/O, so the CLI and the exports may use it too.

The package's modules, one job each: ``model`` (thresholds and records), ``catalogue``
(the actions that may be suggested), ``suggestions``, ``alert_rules``, ``status_rules``
(the chosen status against the adopted text).
"""

from workshop.coherence.alert_rules import alerts
from workshop.coherence.model import (
    FAR_FROM_TARGET,
    LOW_SCORE,
    MAX_NAMED,
    TEACHING_KINDS,
    Alert,
    Severity,
    Suggestion,
)
from workshop.coherence.suggestions import reference, suggest_actions

__all__ = [
    "FAR_FROM_TARGET",
    "LOW_SCORE",
    "MAX_NAMED",
    "TEACHING_KINDS",
    "Alert",
    "Severity",
    "Suggestion",
    "alerts",
    "reference",
    "suggest_actions",
]
