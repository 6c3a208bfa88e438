"""The workshop’s vocabulary: enumerations and small value types shared by every module.

Values are stored as these strings in the workshop file and in the JSON bundle, so they
must never be renamed once released.
"""

from __future__ import annotations

from enum import StrEnum

# Ballot vocabulary lives with the method registry; re-exported here for every reader.
from workshop.methods import (  # noqa: F401
    CONSENT_CHOICES,
    MAJORITY_CHOICES,
    METHODS,
    Base,
    CaptureMode,
    Choice,
    Method,
    QuorumOn,
    choices_for,
)


class Language(StrEnum):
    FR = "fr"
    EN = "en"


class CharterStatus(StrEnum):
    """Whether the charter is a pedagogical guide or an annex to the règlement intérieur.

    An annex carries obligations and sanctions, so it must go through CSE consultation
    and filing (Code du travail L1321-4) before it can be enforced.
    """

    GUIDE = "guide"
    ANNEX_RI = "annex_ri"


class Step(StrEnum):
    """The agenda steps, in the order the workshop runs them."""

    SETUP = "setup"
    DIAGNOSTIC = "diagnostic"
    MATRIX = "matrix"
    CLAUSES = "clauses"
    PLAN = "plan"
    WRAPUP = "wrapup"


STEPS: tuple[Step, ...] = tuple(Step)


class Round(StrEnum):
    """Rounds of the support/control matrix."""

    OPENING = "opening"
    CLOSING = "closing"


class BallotState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class Outcome(StrEnum):
    ADOPTED = "adopted"
    ADOPTED_WITH_RESERVATIONS = "adopted_with_reservations"
    REJECTED = "rejected"
    POSTPONED = "postponed"


class Lean(StrEnum):
    """Which way a clause variant leans on the matrix."""

    SUPPORT = "support"
    CONTROL = "control"
    BALANCED = "balanced"


class ActionKind(StrEnum):
    TRAINING = "training"
    ELEARNING = "elearning"
    GUIDE = "guide"
    AMBASSADORS = "ambassadors"
    REFERENT = "referent"
    TOOL_ADOPTION = "tool_adoption"
    STRATEGY_COMMUNICATION = "strategy_communication"
    OTHER = "other"


class SizeBand(StrEnum):
    """Company size bands; the thresholds matter in French labour law (11, 50, 250...)."""

    MICRO = "1-10"
    SMALL = "11-49"
    MEDIUM = "50-249"
    LARGE = "250-4999"
    VERY_LARGE = "5000+"


# French and English labels for the enumerations, used by the CLI, exports and UI.
# Keyed by enumeration class, because some values ("guide", "consent") exist in two.
_LABELS: dict[type, dict[str, tuple[str, str]]] = {
    CharterStatus: {
        "guide": ("guide pédagogique", "pedagogical guide"),
        "annex_ri": (
            "annexe au règlement intérieur",
            "annex to the work rules (règlement intérieur)",
        ),
    },
    Step: {
        "setup": ("Préparation", "Set-up"),
        "diagnostic": ("Diagnostic", "Diagnostic"),
        "matrix": ("Matrice accompagnement/contrôle", "Support/control matrix"),
        "clauses": ("Revue des clauses", "Clause review"),
        "plan": ("Plan d’accompagnement", "Accompaniment plan"),
        "wrapup": ("Synthèse et exports", "Wrap-up and exports"),
    },
    Round: {"opening": ("ouverture", "opening"), "closing": ("clôture", "closing")},
    Method: {m.value: (spec.label_fr, spec.label_en) for m, spec in METHODS.items()},
    Base: {
        "cast": ("suffrages exprimés", "votes cast"),
        "present": ("membres présents", "members present"),
        "registered": ("tous les membres inscrits", "all registered members"),
    },
    QuorumOn: {
        "participation": ("sur la participation", "on participation"),
        "presence": ("sur la présence", "on presence"),
    },
    CaptureMode: {
        "nominative": ("vote nominatif", "vote by name"),
        "counts": ("décompte par collège", "count per college"),
        "secret": ("vote secret", "secret ballot"),
        "codes": ("vote secret par codes tirés", "secret ballot by drawn codes"),
    },
    Choice: {
        "for": ("pour", "for"),
        "against": ("contre", "against"),
        "abstain": ("abstention", "abstain"),
        "consent": ("accord", "consent"),
        "reservation": ("réserve", "reservation"),
        "objection": ("objection", "objection"),
    },
    BallotState: {"open": ("vote en cours", "vote in progress"), "closed": ("clos", "closed")},
    Outcome: {
        "adopted": ("adoptée", "adopted"),
        "adopted_with_reservations": ("adoptée avec réserves", "adopted with reservations"),
        "rejected": ("rejetée", "rejected"),
        "postponed": ("reportée", "postponed"),
    },
    Lean: {
        "support": ("accompagnement", "support"),
        "control": ("contrôle", "control"),
        "balanced": ("équilibrée", "balanced"),
    },
    ActionKind: {
        "training": ("formation", "training"),
        "elearning": ("e-learning", "e-learning"),
        "guide": ("guide ou FAQ", "guide or FAQ"),
        "ambassadors": ("programme ambassadeurs", "ambassador programme"),
        "referent": ("référents", "referents"),
        "tool_adoption": ("adoption des outils numériques", "adoption of digital tools"),
        "strategy_communication": ("communication de la stratégie", "communicating the strategy"),
        "other": ("autre", "other"),
    },
    SizeBand: {
        "1-10": ("1 à 10 salariés", "1 to 10 employees"),
        "11-49": ("11 à 49 salariés", "11 to 49 employees"),
        "50-249": ("50 à 249 salariés", "50 to 249 employees"),
        "250-4999": ("250 à 4 999 salariés", "250 to 4,999 employees"),
        "5000+": ("5 000 salariés et plus", "5,000 employees or more"),
    },
}


def label(value: StrEnum, lang: str = "fr") -> str:
    """Human label of an enumeration member in French or English."""
    fr, en = _LABELS[type(value)][value.value]
    return en if lang == "en" else fr
