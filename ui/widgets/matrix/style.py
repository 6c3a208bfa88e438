"""The matrix's colours on screen: the console's light style and the projector's high contrast."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette


@dataclass(frozen=True)
class MatrixStyle:
    """Colours of the matrix; ``background`` and ``text`` None follow the palette.

    The projected view passes its own (e.g. high contrast for a washed-out projector).
    """

    plot: str = "#ffffff"
    grid: str = "#e5e7eb"
    midline: str = "#374151"
    ink: str = "#111827"  # outlines and labels inside the plot
    muted: str = "#4b5563"
    quadrant: str = "#6b7280"
    selection: str = "#1d4ed8"
    target: str = "#facc15"
    background: str | None = None  # around the plot
    text: str | None = None  # ticks, axis titles and legend


LIGHT_STYLE = MatrixStyle()
HIGH_CONTRAST_STYLE = MatrixStyle(
    plot="#000000",
    grid="#3a3a3a",
    midline="#ffffff",
    ink="#ffffff",
    muted="#e0e0e0",
    quadrant="#e0e0e0",
    selection="#ffd700",
    target="#ffd700",
    background="#000000",
    text="#ffffff",
)


@dataclass(frozen=True)
class Colours:
    """A style's colours, resolved for painting."""

    plot: QColor
    grid: QColor
    midline: QColor
    ink: QColor
    muted: QColor
    quadrant: QColor
    selection: QColor
    target: QColor
    background: QColor
    text: QColor


def resolve_colours(style: MatrixStyle, palette: QPalette) -> Colours:
    """The style's colours; background and text follow ``palette`` when the style leaves them."""
    return Colours(
        plot=QColor(style.plot),
        grid=QColor(style.grid),
        midline=QColor(style.midline),
        ink=QColor(style.ink),
        muted=QColor(style.muted),
        quadrant=QColor(style.quadrant),
        selection=QColor(style.selection),
        target=QColor(style.target),
        background=QColor(style.background) if style.background else palette.window().color(),
        text=QColor(style.text) if style.text else palette.windowText().color(),
    )


def qcolour(value: str) -> QColor:
    """A scene's colour string as a QColor; grey when it is not a colour."""
    colour = QColor(value)
    return colour if colour.isValid() else QColor("#888888")


def ink_on(colour: QColor) -> QColor:
    """Black or white text, whichever reads better on ``colour``."""
    r, g, b = colour.redF(), colour.greenF(), colour.blueF()
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return QColor("#000000") if luminance > 0.45 else QColor("#ffffff")
