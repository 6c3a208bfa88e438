"""Draws a ``MatrixScene`` with a QPainter, for the console's widget and the projected slide.

Everything is sized from the paint area, so the same code gives a small preview in the
diagnostic step and a matrix readable from the back of the room on the projector.
Colour is never the only signal: colleges carry a short badge (« RH », « DSI »), and
centres, target and suggestion each have their own shape and label.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPalette,
    QPen,
    QPolygonF,
)

from ui import i18n
from ui.widgets.matrix.geometry import (
    DrawnLabel,
    MatrixGeometry,
    around,
    as_box,
    as_rect,
    compute_geometry,
    diamond,
    star,
    to_pixel,
)
from ui.widgets.matrix.style import (
    LIGHT_STYLE,
    Colours,
    MatrixStyle,
    ink_on,
    qcolour,
    resolve_colours,
)
from workshop.matrix import AXIS_MIN, MIDLINE, Position, quadrant_name
from workshop.matrix_scene import (
    GRID_LINES,
    QUADRANT_CORNERS,
    SPAN,
    TICKS,
    Box,
    MatrixCentroid,
    MatrixPoint,
    MatrixScene,
    college_colours,
    crowded,
    format_position,
    label_candidates,
    legend_entries,
    place_label,
    scene_badges,
)

# Painted texts keep the widget's translation context, "MatrixWidget", literally so
# that lupdate finds them.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class PaintState:
    """What only the interactive widget adds to a scene: selection, a move, the focus frame."""

    selected: int | None = None
    pending: Position | None = None  # where the selected point is being moved to
    pending_target: Position | None = None
    interactive: bool = False
    focused: bool = False


def paint_matrix(
    painter: QPainter,
    area: QRectF,
    scene: MatrixScene,
    style: MatrixStyle = LIGHT_STYLE,
    state: PaintState | None = None,
    *,
    font: QFont | None = None,
    palette: QPalette | None = None,
) -> list[DrawnLabel]:
    """Draw the whole matrix into ``area`` of any paint device; returns the labels drawn.

    Without a ``state``, the scene's highlighted point is shown selected. Label rectangles
    are relative to ``area``. ``font`` and ``palette`` default to the application's.
    """
    if state is None:
        state = PaintState(selected=scene.highlighted)
    job = _Job(
        scene,
        state,
        resolve_colours(style, palette or QGuiApplication.palette()),
        font or QGuiApplication.font(),
    )
    painter.save()
    try:
        painter.translate(area.topLeft())
        job.paint(painter, area.width(), area.height())
    finally:
        painter.restore()
    return job.drawn


class _Job:
    """One paint of one scene: the colours resolved, and the labels drawn so far."""

    def __init__(self, scene: MatrixScene, state: PaintState, k: Colours, font: QFont) -> None:
        self._scene = scene
        self._state = state
        self._k = k
        self._base_font = font
        self.drawn: list[DrawnLabel] = []

    def _shown_position(self, point: MatrixPoint) -> Position | None:
        if point.id == self._state.selected and self._state.pending is not None:
            return self._state.pending
        return point.position

    def paint(self, painter: QPainter, width: float, height: float) -> None:
        scene = self._scene
        lang = i18n.current()
        g = compute_geometry(width, height, scene.show_legend)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(QRectF(0, 0, width, height), self._k.background)
        occupied: list[Box] = []

        self._paint_grid(painter, g)
        self._paint_quadrants(painter, g, lang, occupied)
        self._paint_axes(painter, g)
        self._paint_spreads(painter, g)
        if scene.show_arrows:
            self._paint_arrows(painter, g)
        labels: list[tuple[str, str, QPointF, float, bool]] = []
        if scene.suggestion is not None:
            centre = to_pixel(scene.suggestion.support, scene.suggestion.control, g.plot)
            self._paint_crosshair(painter, centre, g.dot * 1.5, self._k.ink)
            occupied.append(around(centre, g.dot * 1.7))
            labels.append(
                ("suggestion", translate("MatrixWidget", "Diagnostic"), centre, g.dot * 1.7, False)
            )
        target_centre = None
        if scene.target is not None:
            target_centre = to_pixel(scene.target.support, scene.target.control, g.plot)
            occupied.append(around(target_centre, g.dot * 2.0))
            labels.insert(
                0, ("target", translate("MatrixWidget", "Target"), target_centre, g.dot * 2.0, True)
            )
        badges = scene_badges(scene)
        for centroid in scene.centroids:
            centre = to_pixel(centroid.position.support, centroid.position.control, g.plot)
            self._paint_centroid(painter, centre, g.dot * 1.9, centroid, badges)
            occupied.append(around(centre, g.dot * 1.9))
        selected_point: MatrixPoint | None = None
        point_labels: list[tuple[str, str, QPointF, float, bool]] = []
        for point in scene.points:
            where = self._shown_position(point)
            if where is None:
                continue
            if point.id == self._state.selected:
                selected_point = point
                continue
            centre = to_pixel(where.support, where.control, g.plot)
            self._paint_dot(painter, centre, g.dot, point, badges, selected=False)
            occupied.append(around(centre, g.dot))
            if scene.show_names:
                point_labels.append(("point", point.label, centre, g.dot, False))
        if selected_point is not None:
            where = self._shown_position(selected_point)
            centre = to_pixel(where.support, where.control, g.plot)
            if self._state.pending is not None and selected_point.position is not None:
                ghost = to_pixel(
                    selected_point.position.support, selected_point.position.control, g.plot
                )
                self._paint_ghost(painter, ghost, g.dot)
            self._paint_dot(painter, centre, g.dot, selected_point, badges, selected=True)
            occupied.append(around(centre, g.dot * 1.6))
            if scene.show_names or self._state.interactive:
                text = f"{selected_point.label}\t({format_position(where, lang)})"
                labels.insert(0, ("selected", text, centre, g.dot * 1.6, True))
        if target_centre is not None:
            self._paint_star(painter, target_centre, g.dot * 2.0)  # on top: the room's aim
        if self._state.pending_target is not None:
            aim = self._state.pending_target
            centre = to_pixel(aim.support, aim.control, g.plot)
            self._paint_crosshair(painter, centre, g.dot * 2.2, self._k.selection)
            word = translate("MatrixWidget", "Target")
            text = f"{word}\t({format_position(aim, lang)})"
            labels.insert(0, ("pending-target", text, centre, g.dot * 2.2, True))
        self._paint_labels(painter, g, labels + point_labels, occupied, width, height)
        if g.legend is not None:
            self._paint_legend(painter, g, badges)
        if self._state.interactive and self._state.focused:
            pen = QPen(self._k.selection, max(2.0, g.unit * 0.4), Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            m = max(3.0, g.unit * 0.8)
            painter.drawRect(g.plot.adjusted(-m, -m, m, m))

    def _font(self, pixels: float, bold: bool = False) -> QFont:
        font = QFont(self._base_font)
        font.setPixelSize(max(1, round(pixels)))
        font.setBold(bold)
        return font

    def _record(self, kind: str, text: str, rect: QRectF) -> None:
        self.drawn.append(DrawnLabel(kind, text, QRectF(rect)))

    def _paint_grid(self, painter: QPainter, g: MatrixGeometry) -> None:
        plot = g.plot
        painter.fillRect(plot, self._k.plot)
        painter.setPen(QPen(self._k.grid, max(1.0, g.unit * 0.12)))
        for value in GRID_LINES:
            x = plot.left() + (value - AXIS_MIN) / SPAN * plot.width()
            y = plot.top() + (value - AXIS_MIN) / SPAN * plot.height()
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        pen = QPen(self._k.midline, max(1.5, g.unit * 0.35), Qt.PenStyle.DashLine)
        painter.setPen(pen)
        mid = to_pixel(MIDLINE, MIDLINE, plot)
        painter.drawLine(QPointF(mid.x(), plot.top()), QPointF(mid.x(), plot.bottom()))
        painter.drawLine(QPointF(plot.left(), mid.y()), QPointF(plot.right(), mid.y()))
        painter.setPen(QPen(self._k.ink, max(1.5, g.unit * 0.3)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(plot)

    def _paint_quadrants(
        self, painter: QPainter, g: MatrixGeometry, lang: str, occupied: list[Box]
    ) -> None:
        plot = g.plot
        half = plot.width() / 2
        pad = max(4.0, g.unit * 1.2)
        painter.setFont(self._font(g.quadrant_px, bold=True))
        painter.setPen(self._k.quadrant)
        for quadrant, left, top in QUADRANT_CORNERS:
            x = plot.left() if left else plot.left() + half
            y = plot.top() if top else plot.top() + half
            horizontal = Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag.AlignRight
            cell = QRectF(x, y, half, half).adjusted(pad, pad, -pad, -pad)
            width = cell.width() * 0.85
            if horizontal == Qt.AlignmentFlag.AlignRight:
                cell.setLeft(cell.right() - width)
            else:
                cell.setWidth(width)
            vertical = Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignBottom
            flags = int(horizontal) | int(vertical) | int(Qt.TextFlag.TextWordWrap)
            text = quadrant_name(quadrant, lang)
            drawn = painter.boundingRect(cell, flags, text)
            painter.drawText(cell, flags, text)
            self._record("quadrant", text, drawn)
            occupied.append(as_box(drawn))

    def _paint_axes(self, painter: QPainter, g: MatrixGeometry) -> None:
        plot = g.plot
        tick_font = self._font(g.tick_px)
        painter.setFont(tick_font)
        metrics = QFontMetricsF(tick_font)
        every = 1 if plot.width() / SPAN >= metrics.horizontalAdvance("10") * 1.6 else 2
        tick_len = max(3.0, g.unit * 0.8)
        painter.setPen(QPen(self._k.text, max(1.0, g.unit * 0.2)))
        for i, value in enumerate(TICKS):
            x = to_pixel(value, AXIS_MIN, plot).x()
            y = to_pixel(AXIS_MIN, value, plot).y()
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + tick_len))
            painter.drawLine(QPointF(plot.left() - tick_len, y), QPointF(plot.left(), y))
            if i % every:
                continue
            text = str(int(value))
            w = metrics.horizontalAdvance(text)
            below = QRectF(x - w, plot.bottom() + tick_len, w * 2, metrics.height())
            painter.drawText(
                below, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), text
            )
            self._record("tick", text, QRectF(x - w / 2, below.top(), w, below.height()))
            side = QRectF(
                plot.left() - tick_len * 1.5 - w - 2,
                y - metrics.height() / 2,
                w + 2,
                metrics.height(),
            )
            painter.drawText(
                side, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text
            )
            self._record("tick", text, side)
        title_font = self._font(g.title_px, bold=True)
        painter.setFont(title_font)
        title_metrics = QFontMetricsF(title_font)
        horizontal = translate("MatrixWidget", "Support →")
        top = plot.bottom() + tick_len + metrics.height() + g.title_px * 0.3
        rect = QRectF(plot.left(), top, plot.width(), title_metrics.height())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), horizontal)
        self._record("axis", horizontal, rect)
        vertical = translate("MatrixWidget", "Control →")
        painter.save()
        x = plot.left() - tick_len * 1.5 - metrics.horizontalAdvance("10") - g.title_px * 0.5
        painter.translate(x, plot.center().y())
        painter.rotate(-90)
        rect = QRectF(
            -plot.height() / 2, -title_metrics.height(), plot.height(), title_metrics.height()
        )
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), vertical)
        painter.restore()
        self._record(
            "axis",
            vertical,
            QRectF(x - title_metrics.height(), plot.top(), title_metrics.height(), plot.height()),
        )

    def _paint_spreads(self, painter: QPainter, g: MatrixGeometry) -> None:
        per_unit = g.plot.width() / SPAN
        for centroid in self._scene.centroids:
            if centroid.spread <= 0:
                continue
            colour = qcolour(centroid.colour)
            fill = QColor(colour)
            fill.setAlpha(28)
            pen = QPen(colour.darker(130), max(1.0, g.unit * 0.25), Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(fill)
            centre = to_pixel(centroid.position.support, centroid.position.control, g.plot)
            radius = centroid.spread * per_unit
            painter.save()
            painter.setClipRect(g.plot)
            painter.drawEllipse(centre, radius, radius)
            painter.restore()

    def _paint_arrows(self, painter: QPainter, g: MatrixGeometry) -> None:
        for point in self._scene.points:
            end_position = self._shown_position(point)
            if point.opening is None or end_position is None:
                continue
            start = to_pixel(point.opening.support, point.opening.control, g.plot)
            end = to_pixel(end_position.support, end_position.control, g.plot)
            colour = qcolour(point.colour).darker(125)
            painter.setPen(QPen(colour, max(1.0, g.unit * 0.25)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(start, g.dot * 0.55, g.dot * 0.55)
            dx, dy = end.x() - start.x(), end.y() - start.y()
            length = math.hypot(dx, dy)
            if length < g.dot * 1.8:
                continue
            ux, uy = dx / length, dy / length
            tail = QPointF(start.x() + ux * g.dot * 0.55, start.y() + uy * g.dot * 0.55)
            tip = QPointF(end.x() - ux * g.dot, end.y() - uy * g.dot)
            pen = QPen(colour, max(1.5, g.unit * 0.35))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawLine(tail, tip)
            head = g.dot * 0.9
            left = QPointF(
                tip.x() - ux * head - uy * head * 0.55, tip.y() - uy * head + ux * head * 0.55
            )
            right = QPointF(
                tip.x() - ux * head + uy * head * 0.55, tip.y() - uy * head - ux * head * 0.55
            )
            painter.setBrush(colour)
            painter.drawPolygon(QPolygonF([tip, left, right]))

    def _paint_crosshair(
        self, painter: QPainter, centre: QPointF, radius: float, colour: QColor
    ) -> None:
        pen = QPen(colour, max(2.0, radius * 0.22))
        painter.setPen(pen)
        fill = QColor(self._k.plot)
        fill.setAlpha(170)
        painter.setBrush(fill)
        painter.drawEllipse(centre, radius, radius)
        pen.setWidthF(max(1.5, radius * 0.14))
        painter.setPen(pen)
        r = radius * 1.45
        painter.drawLine(QPointF(centre.x() - r, centre.y()), QPointF(centre.x() + r, centre.y()))
        painter.drawLine(QPointF(centre.x(), centre.y() - r), QPointF(centre.x(), centre.y() + r))

    def _paint_star(self, painter: QPainter, centre: QPointF, radius: float) -> None:
        painter.setPen(QPen(self._k.plot, max(3.0, radius * 0.35)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        shape = star(centre, radius)
        painter.drawPolygon(shape)
        pen = QPen(self._k.ink, max(1.5, radius * 0.14))
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(self._k.target)
        painter.drawPolygon(shape)

    def _paint_centroid(
        self,
        painter: QPainter,
        centre: QPointF,
        radius: float,
        centroid: MatrixCentroid,
        badges: dict[str, str],
    ) -> None:
        colour = qcolour(centroid.colour)
        painter.setPen(QPen(self._k.plot, max(2.0, radius * 0.3)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolygon(diamond(centre, radius))
        painter.setPen(QPen(self._k.ink, max(1.5, radius * 0.12)))
        painter.setBrush(colour)
        painter.drawPolygon(diamond(centre, radius))
        self._paint_badge(painter, centre, radius * 0.62, badges.get(centroid.college, ""), colour)

    def _paint_dot(
        self,
        painter: QPainter,
        centre: QPointF,
        radius: float,
        point: MatrixPoint,
        badges: dict[str, str],
        *,
        selected: bool,
    ) -> None:
        colour = qcolour(point.colour)
        if selected:
            radius *= 1.25
            painter.setPen(QPen(self._k.plot, radius * 0.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, radius * 1.3, radius * 1.3)
            painter.setPen(QPen(self._k.selection, max(2.0, radius * 0.28)))
            painter.drawEllipse(centre, radius * 1.45, radius * 1.45)
        painter.setPen(QPen(self._k.ink, max(1.0, radius * 0.14)))
        painter.setBrush(colour)
        painter.drawEllipse(centre, radius, radius)
        self._paint_badge(painter, centre, radius * 0.82, badges.get(point.college, ""), colour)

    def _paint_badge(
        self, painter: QPainter, centre: QPointF, half: float, badge: str, colour: QColor
    ) -> None:
        if not badge or half < 4:
            return
        font = self._font(half * 1.25, bold=True)
        width = QFontMetricsF(font).horizontalAdvance(badge)
        if width > half * 2:
            font.setPixelSize(max(1, round(font.pixelSize() * half * 2 / width)))
        painter.setFont(font)
        painter.setPen(ink_on(colour))
        rect = QRectF(centre.x() - half, centre.y() - half, half * 2, half * 2)
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), badge)

    def _paint_ghost(self, painter: QPainter, centre: QPointF, radius: float) -> None:
        painter.setPen(QPen(self._k.muted, max(1.0, radius * 0.15), Qt.PenStyle.DotLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, radius, radius)

    def _paint_labels(
        self,
        painter: QPainter,
        g: MatrixGeometry,
        labels: list[tuple[str, str, QPointF, float, bool]],
        occupied: list[Box],
        width: float,
        height: float,
    ) -> None:
        """Put each label beside its mark where it overlaps least (greedy, first come first)."""
        right = g.legend.left() if g.legend is not None else width
        bounds = Box(0.0, 0.0, right, height)
        for kind, text, centre, radius, bold in labels:
            font = self._font(g.label_px, bold=bold)
            metrics = QFontMetricsF(font)
            max_width = g.plot.width() * 0.45
            # A tab separates a suffix (coordinates) that must survive the eliding.
            text, _, suffix = text.partition("\t")
            suffix = f" {suffix}" if suffix else ""
            room = max_width - metrics.horizontalAdvance(suffix)
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room) + suffix
            text += suffix
            w = metrics.horizontalAdvance(shown) + g.label_px * 0.5
            h = metrics.height()
            gap = radius + g.unit * 0.5
            candidates = label_candidates(centre.x(), centre.y(), gap, w, h)
            place, cost = place_label(candidates, occupied, bounds)
            if kind == "point" and crowded(cost, place):
                continue  # too crowded here: the dot and its badge remain, not the name
            occupied.append(place)
            best = as_rect(place)
            background = QColor(self._k.plot)
            background.setAlpha(215)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(background)
            painter.drawRoundedRect(best, h * 0.2, h * 0.2)
            painter.setFont(font)
            painter.setPen(
                self._k.selection if kind in ("selected", "pending-target") else self._k.ink
            )
            painter.drawText(best, int(Qt.AlignmentFlag.AlignCenter), shown)
            self._record(kind, text, best)

    def _paint_legend(self, painter: QPainter, g: MatrixGeometry, badges: dict[str, str]) -> None:
        legend = g.legend
        scene = self._scene
        font = self._font(g.label_px)
        metrics = QFontMetricsF(font)
        row = max(metrics.height() * 1.55, g.dot * 2.6)
        icon = g.dot * 1.1
        text_x = legend.left() + icon * 2 + g.unit
        text_w = legend.right() - text_x
        top = legend.top()
        colours = college_colours(scene)
        words = {
            "centroid": translate("MatrixWidget", "College centre (circle: spread)"),
            "target": translate("MatrixWidget", "Target"),
            "suggestion": translate("MatrixWidget", "Diagnostic suggestion"),
            "arrow": translate("MatrixWidget", "Opening → closing"),
        }
        entries = [(kind, name or words[kind]) for kind, name in legend_entries(scene)]
        wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | int(
            Qt.TextFlag.TextWordWrap
        )
        painter.setFont(font)
        for kind, text in entries:
            needed = painter.boundingRect(QRectF(text_x, top, text_w, 1000), wrap, text)
            height = max(row, needed.height() + metrics.height() * 0.4)
            if top + height > legend.bottom():
                break
            y = top + height / 2
            centre = QPointF(legend.left() + icon, y)
            if kind == "college":
                colour = qcolour(colours[text])
                painter.setPen(QPen(self._k.text, max(1.0, icon * 0.12)))
                painter.setBrush(colour)
                painter.drawEllipse(centre, icon, icon)
                self._paint_badge(painter, centre, icon * 0.82, badges.get(text, ""), colour)
            elif kind == "centroid":
                painter.setPen(QPen(self._k.text, max(1.0, icon * 0.12)))
                painter.setBrush(QColor("#d1d5db"))
                painter.drawPolygon(diamond(centre, icon * 1.1))
            elif kind == "target":
                self._paint_star(painter, centre, icon * 1.1)
            elif kind == "suggestion":
                self._paint_crosshair(painter, centre, icon * 0.7, self._k.text)
            else:
                painter.setPen(QPen(self._k.text, max(1.5, g.unit * 0.3)))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(QPointF(centre.x() - icon, y), icon * 0.3, icon * 0.3)
                painter.drawLine(QPointF(centre.x() - icon * 0.7, y), QPointF(centre.x() + icon, y))
                painter.setBrush(self._k.text)
                painter.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(centre.x() + icon * 1.2, y),
                            QPointF(centre.x() + icon * 0.5, y - icon * 0.45),
                            QPointF(centre.x() + icon * 0.5, y + icon * 0.45),
                        ]
                    )
                )
            painter.setFont(font)
            painter.setPen(self._k.text)
            rect = QRectF(text_x, top, text_w, height)
            painter.drawText(rect, wrap, text)
            self._record("legend", text, rect)
            top += height
