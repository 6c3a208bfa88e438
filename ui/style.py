"""The console's colours, marks and font scaling, shared by every page."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from workshop import palette
from workshop.model import Choice, Lean, Outcome, label

OUTCOME_MARKS = {
    Outcome.ADOPTED: "✓",
    Outcome.ADOPTED_WITH_RESERVATIONS: "✓",
    Outcome.REJECTED: "✗",
    Outcome.POSTPONED: "↻",
}
OUTCOME_COLOURS = {
    Outcome.ADOPTED: "#0B6B35",
    Outcome.ADOPTED_WITH_RESERVATIONS: "#5A6B0B",
    Outcome.REJECTED: "#A01818",
    Outcome.POSTPONED: "#8A5A00",
}
OPEN_MARK = "●"
PENDING_MARK = "○"
OPEN_COLOUR = "#0B4F8A"

#: Stripe colours of the choice buttons; their label always says the choice too.
CHOICE_COLOURS = {
    Choice.FOR: "#1B8A4A",
    Choice.CONSENT: "#1B8A4A",
    Choice.AGAINST: "#B22222",
    Choice.OBJECTION: "#B22222",
    Choice.ABSTAIN: "#777777",
    Choice.RESERVATION: "#C98A00",
}

# Where a clause leans on the support/control axis (Okabe–Ito, with words beside).
LEAN_COLOURS = {Lean.SUPPORT: "#0072B2", Lean.CONTROL: "#D55E00", Lean.BALANCED: "#7A7A7A"}


def outcome_text(outcome: Outcome, lang: str) -> str:
    """« ✓ adoptée »: a mark and a word, so the outcome never relies on colour."""
    return f"{OUTCOME_MARKS[outcome]} {label(outcome, lang)}"


def scaled_font(font: QFont, factor: float, bold: bool = False) -> QFont:
    """A copy of ``font`` ``factor`` times larger (readable on the projector)."""
    result = QFont(font)
    size = result.pointSizeF() if result.pointSizeF() > 0 else 10.0
    result.setPointSizeF(size * factor)
    result.setBold(bold)
    return result


def light_tint(colour: str, amount: float = 0.22) -> QColor:
    """A light wash of a college colour, dark text stays readable on it."""
    base = QColor(colour)
    white = QColor("#FFFFFF")
    return QColor(
        round(white.red() + (base.red() - white.red()) * amount),
        round(white.green() + (base.green() - white.green()) * amount),
        round(white.blue() + (base.blue() - white.blue()) * amount),
    )


# -- the room's colour language (projected slides) -------------------------------------------
#: Okabe & Ito (2008), safe for the common colour-vision deficiencies: the values live in
#: ``workshop.palette`` (no Qt), shared with the PDF figure and the colleges' colours.
OKABE_ITO = palette.OKABE_ITO


@dataclass(frozen=True)
class Mark:
    """How the room tells one choice or outcome apart: colour, a sign, a pattern, a word.

    Colour is never alone: the sign (✓ ✗ – !) is printed beside the number and the pattern
    is drawn over the bar, so a greyscale projector or a colour-blind reader loses nothing.
    """

    colour: str
    sign: str
    pattern: Qt.BrushStyle  # drawn over the colour (SolidPattern: none)


ROOM_CHOICES = {
    Choice.FOR: Mark(OKABE_ITO["bluish_green"], "✓", Qt.BrushStyle.SolidPattern),
    Choice.CONSENT: Mark(OKABE_ITO["bluish_green"], "✓", Qt.BrushStyle.SolidPattern),
    Choice.AGAINST: Mark(OKABE_ITO["vermillion"], "✗", Qt.BrushStyle.BDiagPattern),
    Choice.OBJECTION: Mark(OKABE_ITO["vermillion"], "✗", Qt.BrushStyle.BDiagPattern),
    Choice.ABSTAIN: Mark(OKABE_ITO["sky_blue"], "–", Qt.BrushStyle.Dense6Pattern),
    Choice.RESERVATION: Mark(OKABE_ITO["orange"], "!", Qt.BrushStyle.DiagCrossPattern),
}

#: Adopted, rejected and postponed look different three ways: sign, word and colour, and
#: the badge's border (solid, hatched, dashed) for a greyscale projector.
ROOM_OUTCOMES = {
    Outcome.ADOPTED: Mark(OKABE_ITO["bluish_green"], "✓", Qt.BrushStyle.SolidPattern),
    Outcome.ADOPTED_WITH_RESERVATIONS: Mark(
        OKABE_ITO["bluish_green"], "✓", Qt.BrushStyle.SolidPattern
    ),
    Outcome.REJECTED: Mark(OKABE_ITO["vermillion"], "✗", Qt.BrushStyle.BDiagPattern),
    Outcome.POSTPONED: Mark(OKABE_ITO["reddish_purple"], "↻", Qt.BrushStyle.Dense7Pattern),
}
#: Text on any of these fills: black reads at 5:1 or better on every one of them.
ROOM_ON_COLOUR = "#000000"
