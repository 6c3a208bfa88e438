"""The diagnostic's suggestion in plain words, for the facilitator and the minutes."""

from __future__ import annotations

from workshop.diagnostic.criteria import CRITERIA, CRITERIA_BY_KEY
from workshop.diagnostic.scoring import Suggestion, strongest
from workshop.matrix import quadrant_description, quadrant_name

NBSP = "\u00a0"  # espace insécable, before ':' in French (as in workshop.voting)
NNBSP = "\u202f"  # espace fine insécable, before ';', '?' and '!'


def _number(value: float, lang: str, signed: bool = False) -> str:
    """1 decimal for coordinates, 2 signed decimals for moves (weights go by 0.05)."""
    text = f"{value:+.2f}" if signed else f"{value:.1f}"
    if text in ("+0.00", "-0.00"):
        text = "0.00"
    return text if lang == "en" else text.replace(".", ",")


def explain(suggestion: Suggestion, lang: str = "fr") -> str:
    """A few plain-text lines for the facilitator and the minutes: where, and why.

    The suggested coordinates, the quadrant with its description, then the three
    criteria that moved the position most. French text gets no-break spaces before
    ':' and ';' like the rest of the minutes.
    """
    en = lang == "en"
    p = suggestion.position
    total = len(CRITERIA)
    q = suggestion.quadrant
    if en:
        lines = [
            f"Suggested position: support {_number(p.support, lang)}/10, "
            f"control {_number(p.control, lang)}/10 "
            f"({suggestion.answered} of {total} criteria answered).",
            f"Quadrant: {quadrant_name(q, lang)}. {quadrant_description(q, lang)}",
        ]
    else:
        answered_fr = "critère renseigné" if suggestion.answered <= 1 else "critères renseignés"
        lines = [
            f"Position suggérée : accompagnement {_number(p.support, lang)}/10, "
            f"contrôle {_number(p.control, lang)}/10 "
            f"({suggestion.answered} {answered_fr} sur {total}).",
            f"Quadrant : {quadrant_name(q, lang)}. {quadrant_description(q, lang)}",
        ]
    top = strongest(suggestion)
    if suggestion.answered == 0:
        lines.append(
            "No criterion answered: neutral position by default."
            if en
            else "Aucun critère renseigné : position neutre par défaut."
        )
    elif not top:
        lines.append(
            "Every answered criterion is in the middle of its scale: neutral position."
            if en
            else "Tous les critères renseignés sont au milieu de l’échelle : position neutre."
        )
    else:
        lines.append("Strongest factors:" if en else "Principaux facteurs :")
        for c in top:
            name = CRITERIA_BY_KEY[c.key].title(lang)
            ds = _number(c.d_support, lang, signed=True)
            dc = _number(c.d_control, lang, signed=True)
            lines.append(
                f"- {name}: support {ds}, control {dc}"
                if en
                else f"- {name} : accompagnement {ds}, contrôle {dc}"
            )
    text = "\n".join(lines)
    return text if en else _french_spacing(text)


def _french_spacing(text: str) -> str:
    """No-break spaces before French high punctuation, so a ':' never starts a line."""
    for mark, space in ((":", NBSP), (";", NNBSP), ("?", NNBSP), ("!", NNBSP)):
        text = text.replace(f" {mark}", f"{space}{mark}")
    return text
