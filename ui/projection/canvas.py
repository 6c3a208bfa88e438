"""Paints a Slide on the projected screen, every size relative to the screen height.

One painter for all resolutions (1280×720 to 3840×2160): text is fitted to the room, not to
the laptop. Two themes: light, and high contrast for washed-out projectors.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen, QRegion

from ui.projection.canvas_base import (
    CENTRE,
    HIGH_CONTRAST,
    LEFT,
    LIGHT,
    RIGHT,
    TEXT_FLAGS,
    DrawnText,
    Theme,
)
from ui.projection.slide_painters import SlidePainters
from ui.style import ROOM_ON_COLOUR
from ui.widgets.matrix.painter import paint_matrix
from workshop.matrix_scene import MatrixScene, legend_entries

__all__ = [
    "CENTRE",
    "HIGH_CONTRAST",
    "LEFT",
    "LIGHT",
    "RIGHT",
    "TEXT_FLAGS",
    "DrawnText",
    "SlideCanvas",
    "Theme",
    "render",
]


class SlideCanvas(SlidePainters):
    """The projected content. ``page`` selects the page of a clause too long for one screen."""

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802, ANN001 (Qt API)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(p, self.width(), self.height())
        p.end()

    def paint(self, p: QPainter, w: int, h: int, dirty: QRegion | None = None) -> None:
        """Paint the slide into a w×h area (also used to render previews and screenshots).

        ``dirty``: the part being repainted (after a vote, see ``changed_area``); what lies
        wholly outside it is skipped, not just clipped.
        """
        self.drawn = []
        self.below_floor = False
        self.height_hint = h
        self.paint_size = (w, h)
        self.dirty = dirty
        p.fillRect(0, 0, w, h, QColor(self.theme.background))
        m = h * 0.045
        s = self.slide
        footer = h * 0.07
        body = QRectF(m, m, w - 2 * m, h - 2 * m - footer)
        if s.kind == "welcome":
            self._welcome(p, body, h)
        elif s.kind == "matrix":
            top = self._header(p, body, h, s.title, s.subtitle)
            area = QRectF(body.left(), top, body.width(), body.bottom() - top)
            if self.matrix_scene is not None:
                self._matrix_with_legend(p, area, h)
        elif s.kind == "criterion":
            self._criterion(p, body, h)
        elif s.kind == "clause":
            self._clause(p, body, h)
        elif s.kind in ("plan", "wrapup"):
            top = self._header(p, body, h, s.title, s.subtitle)
            self._list(p, QRectF(body.left(), top, body.width(), body.bottom() - top), h, s.lines)
        else:
            self._header(p, body, h, s.title, s.subtitle)
        self._footer(p, QRectF(m, h - m - footer * 0.8, w - 2 * m, footer * 0.8), h)
        self.dirty = None

    def _matrix_with_legend(self, p: QPainter, area: QRectF, h: int) -> None:
        """The plot on the left, the legend beside it in the room's text size.

        The painter's own legend is sized for the console; on the projector its rows would
        run out of height once grown for the back of the room, so the canvas words it.
        """
        scene = self.matrix_scene
        assert scene is not None
        entries = legend_entries(scene) if scene.show_legend else []
        # a square plot with its axis titles is about 1.2 times as wide as it is tall
        plot_w = min(area.width() * 0.7, area.height() * 1.2) if entries else area.width()
        legend_w = area.width() - plot_w
        plot_area = QRectF(area.left(), area.top(), plot_w, area.height())
        plain = replace(scene, show_legend=False)
        self.matrix_scene = plain
        try:
            style = self._matrix_style(h, plot_area)
            self.matrix_labels = paint_matrix(p, plot_area, plain, style)
        finally:
            self.matrix_scene = scene
        if entries:
            legend = QRectF(area.right() - legend_w + h * 0.02, area.top() + h * 0.02,
                            legend_w - h * 0.02, area.height() - h * 0.02)  # fmt: skip
            self._legend(p, legend, h, scene, entries)

    def _legend(self, p: QPainter, rect: QRectF, h: int, scene: MatrixScene,
                entries: list[tuple[str, str]]) -> None:  # fmt: skip
        from PySide6.QtCore import QCoreApplication, QPointF

        from ui.widgets.matrix.geometry import diamond, star
        from workshop.matrix_scene import college_colours, scene_badges

        words = {
            "centroid": QCoreApplication.translate(
                "MatrixWidget", "College centre (circle: spread)"
            ),
            "target": QCoreApplication.translate("MatrixWidget", "Target"),
            "suggestion": QCoreApplication.translate("MatrixWidget", "Diagnostic suggestion"),
            "arrow": QCoreApplication.translate("MatrixWidget", "Opening → closing"),
        }
        colours = college_colours(scene)
        badges = scene_badges(scene)
        floor = self.smallest(h)
        texts = [name or words[kind] for kind, name in entries]
        # the largest size, down to the room's floor, at which every row fits the height
        px = max(floor, h / 32)
        while True:
            icon = px * 0.55
            metrics = QFontMetrics(self._font(px))
            wide = [metrics.horizontalAdvance(t) > rect.width() - icon * 2.6 for t in texts]
            row, extra = px * 1.3, px * 1.15  # a row, and a wrapped name's second line
            if len(texts) * row + sum(wide) * extra <= rect.height() or px <= 8:
                break
            # below the room's floor only rather than drop a college: flagged to the console
            px = max(8.0, px * 0.92) if px <= floor else max(floor, px * 0.92)
        self.below_floor = self.below_floor or px < floor - 0.5
        y = rect.top()
        ink = QColor(self.theme.text)
        for (kind, _name), text, two in zip(entries, texts, wide, strict=True):
            text_w = rect.width() - icon * 2.6
            lines = 2 if two else 1
            height = row + extra * (lines - 1)
            if y + height > rect.bottom() + 0.5:
                break
            centre = QPointF(rect.left() + icon, y + height / 2)
            p.setPen(QPen(ink, max(1.0, h * 0.0015)))
            if kind == "college":
                p.setBrush(QColor(colours.get(text, "#777777")))
                p.drawEllipse(centre, icon, icon)
                badge = badges.get(text, "")
                if badge:
                    self._text(p, QRectF(centre.x() - icon, centre.y() - icon, icon * 2, icon * 2),
                               badge, icon * (0.9 if len(badge) < 3 else 0.7), bold=True,
                               colour=ROOM_ON_COLOUR, flags=int(Qt.AlignmentFlag.AlignCenter))  # fmt: skip
            elif kind == "centroid":
                p.setBrush(QColor("#d1d5db"))
                p.drawPolygon(diamond(centre, icon * 1.1))
            elif kind == "target":
                p.setBrush(QColor(self.matrix_style.target))
                p.drawPolygon(star(centre, icon * 1.2))
            elif kind == "suggestion":
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(centre, icon * 0.7, icon * 0.7)
                p.drawLine(
                    QPointF(centre.x() - icon, centre.y()), QPointF(centre.x() + icon, centre.y())
                )
                p.drawLine(
                    QPointF(centre.x(), centre.y() - icon), QPointF(centre.x(), centre.y() + icon)
                )
            else:
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(
                    QPointF(centre.x() - icon * 0.8, centre.y()), icon * 0.25, icon * 0.25
                )
                p.drawLine(
                    QPointF(centre.x() - icon * 0.5, centre.y()),
                    QPointF(centre.x() + icon, centre.y()),
                )
            self._block(p, QRectF(rect.left() + icon * 2.6, y, text_w, height), text, px,
                        kind="legend", max_lines=lines, middle=True)  # fmt: skip
            y += height

    def _footer(self, p: QPainter, rect: QRectF, h: int) -> None:
        px = max(h / 40, self.smallest(h))
        if self.message:
            self._block(p, QRectF(rect.left(), rect.top(), rect.width() * 0.75, rect.height()),
                        self.message, max(h / 28, px), kind="message", bold=True,
                        colour=self.theme.accent, max_lines=1, middle=True)  # fmt: skip
        if self.timer_text:
            self._block(p, QRectF(rect.left() + rect.width() * 0.75, rect.top(),
                                  rect.width() * 0.25, rect.height()),
                        self.timer_text, px, kind="timer", colour=self.theme.muted, align=RIGHT,
                        max_lines=1, middle=True)  # fmt: skip


def render(canvas: SlideCanvas, width: int, height: int):  # noqa: ANN201 - QImage
    """The slide as an image of the given size (previews, screenshots, tests)."""
    from PySide6.QtGui import QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    canvas.paint(painter, width, height)
    painter.end()
    return image
