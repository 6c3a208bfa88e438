"""What every projected slide's painter shares: themes, sizes from the room, fitted text."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from ui.projection import fit, room
from ui.projection.slides import Slide
from ui.widgets.matrix.geometry import DrawnLabel
from ui.widgets.matrix.style import LIGHT_STYLE, MatrixStyle
from workshop.matrix_scene import MatrixScene


@dataclass(frozen=True)
class Theme:
    background: str
    text: str
    muted: str
    accent: str
    panel: str


LIGHT = Theme("#FFFFFF", "#14213D", "#5C6B80", "#0072B2", "#EEF2F7")
HIGH_CONTRAST = Theme("#000000", "#FFFFFF", "#E0E0E0", "#FFD700", "#1E1E1E")

TEXT_FLAGS = int(Qt.TextFlag.TextWordWrap)
LEFT = Qt.AlignmentFlag.AlignLeft
RIGHT = Qt.AlignmentFlag.AlignRight
CENTRE = Qt.AlignmentFlag.AlignHCenter


@dataclass(frozen=True)
class DrawnText:
    """A text block the last paint laid out: where, and how (for the fit tests)."""

    kind: str
    text: str  # the text asked for
    rect: QRectF  # the box the lines take
    fitted: fit.Fitted


class CanvasBase(QWidget):
    """The canvas's state and text helpers; sizes are fractions of the screen height."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slide = Slide("empty", "")
        self.theme = LIGHT
        self.message = ""
        self.timer_text = ""
        self.join_url = ""  # the phones' address (issue 15): QR corner and join slide
        self.page = 0
        self.page_count = 1
        self.base_font = QFont(self.font())
        self.matrix_scene: MatrixScene | None = None  # what a matrix slide shows, set by the view
        self.matrix_style: MatrixStyle = LIGHT_STYLE
        self.matrix_labels: list[DrawnLabel] = []  # the texts the last matrix paint drew
        # The smallest text, as a fraction of the height, from the room's depth (room.py).
        self.smallest_fraction = room.smallest_text_fraction(
            room.DEFAULT_DEPTH_M, 16 / 9, room.ASSUMED_IMAGE_WIDTH_M
        )
        self.drawn: list[DrawnText] = []  # the text blocks the last paint laid out
        self.below_floor = False  # the last paint had to go below the room's smallest text
        self.height_hint = 720  # the height of the last paint (sizes are relative to it)
        self.setAutoFillBackground(False)

    def set_slide(self, slide: Slide) -> None:
        if slide != self.slide:
            if (slide.kind, slide.title, slide.text) != (
                self.slide.kind,
                self.slide.title,
                self.slide.text,
            ):
                self.page = 0
            self.slide = slide
        self.update()

    # -- helpers -------------------------------------------------------------------------
    def smallest(self, h: float) -> float:
        """The smallest text height, in pixels, readable from the back of the room."""
        return min(self.smallest_fraction, room.MAX_SMALLEST_FRACTION) * h

    def _font(self, px: float, bold: bool = False) -> QFont:
        font = QFont(self.base_font)
        font.setPixelSize(max(8, int(px)))
        font.setBold(bold)
        return font

    def _text(self, p: QPainter, rect: QRectF, text: str, px: float, *, bold: bool = False,
              colour: str | None = None, flags: int = TEXT_FLAGS) -> None:  # fmt: skip
        p.setFont(self._font(px, bold))
        p.setPen(QColor(colour or self.theme.text))
        p.drawText(rect, flags, text)

    def _block(self, p: QPainter, rect: QRectF, text: str, largest: float, *, kind: str,
               bold: bool = False, colour: str | None = None, align: Qt.AlignmentFlag = LEFT,
               max_lines: int = 0, smallest: float | None = None,
               middle: bool = False) -> float:  # fmt: skip
        """Wrap, then shrink (down to the room's smallest text), then elide at a word.

        Draws line by line inside ``rect`` and returns the height used.
        """
        if not text.strip() or rect.width() < 4 or rect.height() < 4:
            return 0.0
        h = self.height_hint
        floor = max(self.smallest(h), smallest or 0)
        top = max(floor, largest)
        font = self._font(10, bold)
        fitted = fit.fit_block(text, font, int(rect.width()), int(rect.height()), int(top),
                               int(floor), max_lines)  # fmt: skip
        p.setFont(self._font(fitted.px, bold))
        p.setPen(QColor(colour or self.theme.text))
        y = rect.top() + (max(0.0, rect.height() - fitted.height) / 2 if middle else 0.0)
        for line in fitted.lines:
            p.drawText(QRectF(rect.left(), y, rect.width(), fitted.line_height),
                       int(align | Qt.AlignmentFlag.AlignVCenter), line)  # fmt: skip
            y += fitted.line_height
        if align == RIGHT:
            x = rect.right() - fitted.width
        elif align == CENTRE:
            x = rect.center().x() - fitted.width / 2
        else:
            x = rect.left()
        top_y = y - fitted.height
        self.drawn.append(
            DrawnText(kind, text, QRectF(x, top_y, fitted.width, fitted.height), fitted)
        )
        return float(fitted.height)

    def _matrix_style(self, h: float, area: QRectF) -> MatrixStyle:
        """The matrix's labels grown to the room's smallest text (they are 2.5 % of the side)."""
        label = min(area.width(), area.height()) / 100 * 2.5
        return replace(self.matrix_style, text_scale=max(1.0, self.smallest(h) / max(1.0, label)))

    def _header(self, p: QPainter, rect: QRectF, h: int, title: str, subtitle: str) -> float:
        """Title (up to two lines) and subtitle; returns where the content may start."""
        y = rect.top()
        y += self._block(p, QRectF(rect.left(), y, rect.width(), h * 0.16), title, h / 16,
                         kind="title", bold=True, max_lines=2, smallest=h / 26)  # fmt: skip
        if subtitle:
            y += h * 0.005
            y += self._block(p, QRectF(rect.left(), y, rect.width(), h * 0.1), subtitle, h / 30,
                             kind="subtitle", colour=self.theme.muted, max_lines=2)  # fmt: skip
        return y + h * 0.025
