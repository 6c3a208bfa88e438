"""Paints a Slide on the projected screen, every size relative to the screen height.

One painter for all resolutions (1280×720 to 3840×2160): text is fitted to the room, not to
the laptop. Two themes: light, and high contrast for washed-out projectors.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QWidget

from ui.projection import fit
from ui.projection.slides import Slide
from ui.widgets.matrix.geometry import DrawnLabel
from ui.widgets.matrix.painter import paint_matrix
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


class SlideCanvas(QWidget):
    """The projected content. ``page`` selects the page of a clause too long for one screen."""

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

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802, ANN001 (Qt API)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(p, self.width(), self.height())
        p.end()

    def paint(self, p: QPainter, w: int, h: int) -> None:
        """Paint the slide into a w×h area (also used to render previews and screenshots)."""
        p.fillRect(0, 0, w, h, QColor(self.theme.background))
        m = h * 0.045
        s = self.slide
        footer = h * 0.07
        body = QRectF(m, m, w - 2 * m, h - 2 * m - footer)
        if s.kind == "welcome":
            self._welcome(p, body, h)
        elif s.kind == "matrix":
            self._header(p, body, h, s.title, s.subtitle)
            area = QRectF(
                body.left(), body.top() + h * 0.12, body.width(), body.height() - h * 0.12
            )
            if self.matrix_scene is not None:
                self.matrix_labels = paint_matrix(p, area, self.matrix_scene, self.matrix_style)
        elif s.kind == "clause":
            self._clause(p, body, h)
        elif s.kind in ("plan", "wrapup"):
            self._header(p, body, h, s.title, s.subtitle)
            area = QRectF(
                body.left(), body.top() + h * 0.14, body.width(), body.height() - h * 0.14
            )
            self._list(p, area, h, s.lines)
        else:
            self._header(p, body, h, s.title, s.subtitle)
        self._footer(p, QRectF(m, h - m - footer * 0.8, w - 2 * m, footer * 0.8), h)

    def _header(self, p: QPainter, rect: QRectF, h: int, title: str, subtitle: str) -> None:
        self._text(p, QRectF(rect.left(), rect.top(), rect.width(), h * 0.08), title, h / 16,
                   bold=True, flags=int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter))  # fmt: skip
        if subtitle:
            self._text(p, QRectF(rect.left(), rect.top() + h * 0.08, rect.width(), h * 0.045),
                       subtitle, h / 30, colour=self.theme.muted)  # fmt: skip

    def _welcome(self, p: QPainter, rect: QRectF, h: int) -> None:
        s = self.slide
        self._text(p, QRectF(rect.left(), rect.top(), rect.width(), h * 0.22), s.title, h / 13,
                   bold=True, flags=TEXT_FLAGS | int(Qt.AlignmentFlag.AlignVCenter))  # fmt: skip
        self._text(p, QRectF(rect.left(), rect.top() + h * 0.23, rect.width(), h * 0.06),
                   s.subtitle, h / 26, colour=self.theme.muted)  # fmt: skip
        y = rect.top() + h * 0.34
        line = h * 0.068
        for item in s.agenda:
            marker = "▶  " if item.current else "     "
            text = f"{marker}{item.label}"
            if item.current:
                p.fillRect(QRectF(rect.left(), y, rect.width(), line), QColor(self.theme.panel))
            self._text(p, QRectF(rect.left() + h * 0.01, y, rect.width() * 0.75, line), text,
                       h / 24, bold=item.current,
                       colour=self.theme.accent if item.current else self.theme.text,
                       flags=int(Qt.AlignmentFlag.AlignVCenter))  # fmt: skip
            self._text(p, QRectF(rect.left(), y, rect.width() - h * 0.01, line), f"{item.minutes} min",
                       h / 30, colour=self.theme.muted,
                       flags=int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight))  # fmt: skip
            y += line

    def _clause(self, p: QPainter, rect: QRectF, h: int) -> None:
        s = self.slide
        self._header(p, rect, h, s.title, s.subtitle)
        top = rect.top() + h * 0.14
        ballot_height = 0.0
        if s.ballot_state == "open":
            ballot_height = h * 0.40
        elif s.ballot_state == "closed":
            # The room has just read the text: the result takes the whole screen.
            ballot_height = rect.bottom() - top + h * 0.02
        text_rect = QRectF(rect.left(), top, rect.width(), rect.bottom() - top - ballot_height)
        if s.ballot_state == "closed":
            pass
        elif s.before:
            half = (text_rect.width() - h * 0.03) / 2
            left = QRectF(text_rect.left(), text_rect.top(), half, text_rect.height())
            right = QRectF(
                text_rect.left() + half + h * 0.03, text_rect.top(), half, text_rect.height()
            )
            self._labelled_text(p, left, h, self.tr("Before"), s.before, muted=True)
            self._labelled_text(p, right, h, self.tr("After (amendment)"), s.text)
        else:
            self._fitted(p, text_rect, h, s.text, paged=True)
        if s.ballot_state:
            band = QRectF(rect.left(), rect.bottom() - ballot_height + h * 0.02, rect.width(),
                          ballot_height - h * 0.02)  # fmt: skip
            p.fillRect(band, QColor(self.theme.panel))
            inner = band.adjusted(h * 0.02, h * 0.015, -h * 0.02, -h * 0.015)
            if s.ballot_state == "open":
                self._ballot_open(p, inner, h)
            else:
                self._ballot_closed(p, inner, h)

    def _labelled_text(self, p: QPainter, rect: QRectF, h: int, caption: str, text: str,
                       muted: bool = False) -> None:  # fmt: skip
        self._text(p, QRectF(rect.left(), rect.top(), rect.width(), h * 0.045), caption, h / 32,
                   bold=True, colour=self.theme.accent)  # fmt: skip
        body = QRectF(rect.left(), rect.top() + h * 0.05, rect.width(), rect.height() - h * 0.05)
        self._fitted(p, body, h, text, colour=self.theme.muted if muted else None)

    def _fitted(self, p: QPainter, rect: QRectF, h: int, text: str, *, colour: str | None = None,
                paged: bool = False) -> None:  # fmt: skip
        """Largest size that fits, down to a floor readable from the back; then pages."""
        largest, floor = int(h / 14), int(h / 30)
        width, height = int(rect.width()), int(rect.height())
        px = fit.fit_pixel_size(text, self.base_font, width, height, largest, floor)
        if px is None:
            font = self._font(floor)
            pages = fit.paginate(text, font, width, int(height - h * 0.05))
            if paged:
                self.page_count = len(pages)
                self.page = min(self.page, len(pages) - 1)
                text = pages[self.page]
                counter = f"{self.page + 1} / {len(pages)}"
                self._text(p, QRectF(rect.left(), rect.bottom() - h * 0.04, rect.width(), h * 0.04),
                           counter, h / 36, colour=self.theme.muted,
                           flags=int(Qt.AlignmentFlag.AlignRight))  # fmt: skip
            else:
                text = pages[0] + " …"
            px = floor
        elif paged:
            self.page_count, self.page = 1, 0
        self._text(p, QRectF(rect.toRect()), text, px, colour=colour)

    def _ballot_open(self, p: QPainter, rect: QRectF, h: int) -> None:
        s = self.slide
        self._text(p, QRectF(rect.left(), rect.top(), rect.width(), h * 0.05),
                   " · ".join(x for x in (*s.lines, s.ballot_method) if x), h / 34, bold=True)  # fmt: skip
        voters = s.voters
        if not voters:
            return
        voted = sum(v.voted for v in voters)
        self._text(p, QRectF(rect.left(), rect.top() + h * 0.05, rect.width(), h * 0.04),
                   self.tr("%1 of %2 have voted").replace("%1", str(voted)).replace("%2", str(len(voters))),
                   h / 34, colour=self.theme.muted)  # fmt: skip
        area = QRectF(rect.left(), rect.top() + h * 0.1, rect.width(), rect.height() - h * 0.1)
        columns = 3 if len(voters) <= 18 else 4 if len(voters) <= 32 else 6
        rows = max(1, -(-len(voters) // columns))
        cell_w = area.width() / columns
        cell_h = min(h * 0.055, area.height() / rows)
        for i, v in enumerate(voters):
            r, c = divmod(i, columns)
            cell = QRectF(area.left() + c * cell_w, area.top() + r * cell_h, cell_w, cell_h)
            p.setBrush(QColor(v.colour))
            p.setPen(Qt.PenStyle.NoPen)
            dot = cell_h * 0.45
            p.drawEllipse(QRectF(cell.left(), cell.center().y() - dot / 2, dot, dot))
            px = min(h / 34, cell_h * 0.6)
            mark_w = px * 1.3
            # the mark is drawn apart from the name, so a right-to-left name cannot move it
            self._text(p, QRectF(cell.left() + dot * 1.4, cell.top(), mark_w, cell_h),
                       "✓" if v.voted else "…", px, bold=v.voted,
                       colour=self.theme.text if v.voted else self.theme.muted,
                       flags=int(Qt.AlignmentFlag.AlignVCenter))  # fmt: skip
            room = int(cell_w - dot * 1.6 - mark_w - h * 0.01)
            name = QFontMetrics(self._font(px, v.voted)).elidedText(
                v.label, Qt.TextElideMode.ElideRight, room
            )
            self._text(p, QRectF(cell.left() + dot * 1.4 + mark_w, cell.top(), room, cell_h),
                       name, px, bold=v.voted,
                       colour=self.theme.text if v.voted else self.theme.muted,
                       flags=int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft))  # fmt: skip

    def _ballot_closed(self, p: QPainter, rect: QRectF, h: int) -> None:
        s = self.slide
        self._text(p, QRectF(rect.left(), rect.top(), rect.width() * 0.62, h * 0.05),
                   s.ballot_method, h / 38, colour=self.theme.muted)  # fmt: skip
        self._text(p, QRectF(rect.left() + rect.width() * 0.62, rect.top(), rect.width() * 0.38, h * 0.06),
                   s.outcome.upper(), h / 22, bold=True, colour=self.theme.accent,
                   flags=int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))  # fmt: skip
        bars = s.bars
        if not bars:
            return
        notes = s.lines[:3]
        notes_h = h * 0.05 * len(notes)
        area = QRectF(rect.left(), rect.top() + h * 0.08, rect.width(),
                      rect.height() - h * 0.08 - notes_h)  # fmt: skip
        row = min(h * 0.07, area.height() / len(bars))
        label_w = area.width() * 0.3
        most = max(1, max(sum(n for _, n in b.counts) for b in bars))
        summary_metrics = QFontMetrics(self._font(min(h / 30, row * 0.6)))
        summary_w = max(
            summary_metrics.horizontalAdvance("  ".join(f"{c} {n}" for c, n in b.counts))
            for b in bars
        )
        shades = ["#2E7D32", "#C62828", "#9E9E9E"]  # for / against / abstain (numbers printed too)
        for i, bar in enumerate(bars):
            y = area.top() + i * row
            px = min(h / 30, row * 0.62)
            shown = QFontMetrics(self._font(px, True)).elidedText(
                bar.label, Qt.TextElideMode.ElideRight, int(label_w - h * 0.02)
            )
            self._text(p, QRectF(area.left(), y, label_w - h * 0.01, row), shown,
                       px, bold=i == len(bars) - 1,
                       flags=int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight))  # fmt: skip
            x = area.left() + label_w
            full = area.width() - label_w - summary_w - h * 0.03
            for j, (_name, n) in enumerate(bar.counts):
                width = full * n / most
                if width > 0:
                    p.setPen(QPen(QColor(self.theme.text), 1))
                    p.setBrush(QColor(shades[j % 3]))
                    p.drawRect(QRectF(x, y + row * 0.18, width, row * 0.64))
                x += width
            summary = "  ".join(f"{name} {n}" for name, n in bar.counts)
            self._text(p, QRectF(x + h * 0.01, y, area.right() - x, row), summary,
                       min(h / 30, row * 0.6),
                       flags=int(Qt.AlignmentFlag.AlignVCenter))  # fmt: skip
        y = area.bottom() + h * 0.01
        for note in notes:
            self._text(p, QRectF(area.left(), y, area.width(), h * 0.05), note, h / 34,
                       colour=self.theme.muted, flags=int(Qt.AlignmentFlag.AlignVCenter))  # fmt: skip
            y += h * 0.05

    def _list(self, p: QPainter, rect: QRectF, h: int, lines: tuple[str, ...]) -> None:
        if not lines:
            return
        text = "\n".join(f"•  {line}" for line in lines)
        self._fitted(p, rect, h, text)

    def _footer(self, p: QPainter, rect: QRectF, h: int) -> None:
        if self.message:
            self._text(p, QRectF(rect.left(), rect.top(), rect.width() * 0.8, rect.height()),
                       self.message, h / 28, bold=True, colour=self.theme.accent,
                       flags=int(Qt.AlignmentFlag.AlignVCenter))  # fmt: skip
        if self.timer_text:
            self._text(p, QRectF(rect.left(), rect.top(), rect.width(), rect.height()),
                       self.timer_text, h / 40, colour=self.theme.muted,
                       flags=int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight))  # fmt: skip


def render(canvas: SlideCanvas, width: int, height: int):  # noqa: ANN201 - QImage
    """The slide as an image of the given size (previews, screenshots, tests)."""
    from PySide6.QtGui import QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    canvas.paint(painter, width, height)
    painter.end()
    return image
