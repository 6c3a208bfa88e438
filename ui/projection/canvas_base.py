"""What every projected slide's painter shares: themes, sizes from the room, fitted text."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QRegion
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
class CellGrid:
    """The voters of an open ballot, in ``columns`` of cells left to right, top down."""

    left: float
    top: float
    width: float
    height: float
    columns: int
    count: int

    def cell(self, index: int) -> QRectF:
        row, column = divmod(index, self.columns)
        return QRectF(self.left + column * self.width, self.top + row * self.height,
                      self.width, self.height)  # fmt: skip

    def indexes(self, area: QRegion | None) -> list[int]:
        """The cells that meet ``area`` (all of them when None), in order."""
        if area is None:
            return list(range(self.count))
        found: set[int] = set()
        rows = -(-self.count // self.columns)
        for box in area:
            first_row = max(0, math.floor((box.top() - self.top) / self.height))
            last_row = min(rows - 1, math.floor((box.bottom() + 1 - self.top) / self.height))
            first_col = max(0, math.floor((box.left() - self.left) / self.width))
            last_col = min(self.columns - 1, math.floor((box.right() + 1 - self.left) / self.width))
            for row in range(first_row, last_row + 1):
                for column in range(first_col, last_col + 1):
                    index = row * self.columns + column
                    if index < self.count:
                        found.add(index)
        return sorted(found)


@dataclass(frozen=True)
class VoterBoxes:
    """Where the last paint of ``slide`` put its count line and its voters' cells."""

    slide: Slide
    status: QRectF
    grid: CellGrid


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
        # Where an open ballot's count line and voter marks were painted, per picture size:
        # a vote then repaints those boxes only (``changed_area``).
        self.voter_boxes: dict[tuple[int, int], VoterBoxes] = {}
        self.dirty: QRegion | None = None  # the area being repainted (None: everything)
        self.paint_size = (0, 0)  # the size of the picture being painted
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

    def changed_area(self, before: Slide, after: Slide, w: int, h: int) -> QRegion | None:
        """What of a w×h picture of ``before`` must be repainted to show ``after``: the
        count line and the marks of the voters whose state changed, when only that
        changed; None when the whole picture must be."""
        boxes = self.voter_boxes.get((w, h))
        if boxes is None or boxes.slide != before or before.ballot_state != "open":
            return None
        if len(after.voters) != len(before.voters) or boxes.grid.count != len(before.voters):
            return None
        if replace(after, voters=before.voters) != before:
            return None
        area = QRegion(boxes.status.toAlignedRect())
        for index, (old, new) in enumerate(zip(before.voters, after.voters, strict=True)):
            if old != new:
                area = area.united(boxes.grid.cell(index).toAlignedRect())
        return area

    def keep_voter_boxes(self, status: QRectF, grid: CellGrid) -> None:
        """Remember where this paint put the count line and the voters (see changed_area)."""
        if len(self.voter_boxes) > 3:  # the window, the preview, a screenshot: a few sizes
            self.voter_boxes.clear()
        self.voter_boxes[self.paint_size] = VoterBoxes(self.slide, status, grid)

    def skipped(self, rect: QRectF) -> bool:
        """True when painting ``rect`` can be skipped: outside the area being repainted."""
        return self.dirty is not None and not self.dirty.intersects(rect.toAlignedRect())

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
        if self.skipped(rect):
            return
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
        y = rect.top() + (max(0.0, rect.height() - fitted.height) / 2 if middle else 0.0)
        if not self.skipped(rect):  # outside a vote's repaint: laid out (for its height) only
            p.setFont(self._font(fitted.px, bold))
            p.setPen(QColor(colour or self.theme.text))
            for i, line in enumerate(fitted.lines):
                p.drawText(QRectF(rect.left(), y + i * fitted.line_height, rect.width(),
                                  fitted.line_height),
                           int(align | Qt.AlignmentFlag.AlignVCenter), line)  # fmt: skip
        y += fitted.line_height * len(fitted.lines)
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
