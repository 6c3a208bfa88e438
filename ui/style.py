"""The console's colours, marks and font scaling, shared by every page."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

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
