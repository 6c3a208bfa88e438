"""The support/control matrix, painted from plain data, for the console and the projector.

The widget knows nothing about the workshop file: it draws a ``MatrixScene`` (points,
college centres, target, diagnostic suggestion) and reports what the user did through
signals (``placed``, ``target_set``, ``selection_changed``). The page that owns it turns
those signals into operations, and a refresh hands it a new scene.

Everything is sized from the widget's own size, so the same code gives a small preview in
the diagnostic step and a matrix readable from the back of the room on the projector.
Colour is never the only signal: colleges carry a short badge (« RH », « DSI »), and
centres, target and suggestion each have their own shape and label.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui import i18n
from workshop.matrix import AXIS_MAX, AXIS_MIN, MIDLINE, Position, Quadrant, quadrant_name
from workshop.snapshot import Snapshot

STEP = 0.5  # arrow keys
FINE_STEP = 0.1  # Shift + arrow keys, and the precision of a click
_SPAN = AXIS_MAX - AXIS_MIN
_DRAG_THRESHOLD = 4.0  # pixels before a press on a dot becomes a drag
_ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)


_SMALL_WORDS = {"de", "du", "des", "la", "le", "les", "et", "d", "l", "of", "the", "and", "&"}


# -- the data the widget draws --------------------------------------------------------------
@dataclass(frozen=True)
class MatrixPoint:
    """A participant: ``position`` in the round shown, ``opening`` for the arrows."""

    id: int
    label: str
    colour: str
    college: str
    position: Position | None = None
    opening: Position | None = None


@dataclass(frozen=True)
class MatrixCentroid:
    """Where a college stands as a whole; ``spread`` is a radius in matrix units."""

    college: str
    colour: str
    position: Position
    spread: float = 0.0


@dataclass(frozen=True)
class MatrixScene:
    """Everything one picture of the matrix shows, as plain values."""

    points: tuple[MatrixPoint, ...] = ()
    centroids: tuple[MatrixCentroid, ...] = ()
    target: Position | None = None
    suggestion: Position | None = None
    show_names: bool = True
    show_arrows: bool = False
    highlighted: int | None = None
    show_legend: bool = False


@dataclass(frozen=True)
class MatrixStyle:
    """Colours of the matrix; ``background`` and ``text`` None follow the widget's palette.

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
class _Colours:
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


@dataclass(frozen=True)
class DrawnLabel:
    """A text the last paint put on screen (kind: quadrant, axis, tick, point...)."""

    kind: str
    text: str
    rect: QRectF = field(compare=False)


@dataclass(frozen=True)
class MatrixGeometry:
    """Where the plot sits and how big things are, all derived from the widget's size."""

    plot: QRectF
    unit: float
    tick_px: float
    title_px: float
    quadrant_px: float
    label_px: float
    dot: float
    legend: QRectF | None


# -- pure helpers (unit-tested) --------------------------------------------------------------
def compute_geometry(width: float, height: float, show_legend: bool = False) -> MatrixGeometry:
    """Lay out a square plot with room for ticks, axis titles and, if it fits, a legend.

    Sizes scale with the smaller side so a 300-pixel preview and a 1080-pixel projector
    keep the same proportions; minimum sizes keep the preview legible.
    """
    width, height = max(1.0, float(width)), max(1.0, float(height))
    unit = min(width, height) / 100
    tick = max(9.0, unit * 2.6)
    title = max(10.0, unit * 3.0)
    quadrant = max(10.0, unit * 3.2)
    label = max(9.0, unit * 2.5)
    dot = max(5.0, unit * 1.9)
    left = title * 1.6 + tick * 1.4 + tick * 0.6
    bottom = tick * 1.7 + title * 1.8
    top = max(unit * 3, label * 1.3)
    right = max(unit * 3, label, tick * 0.9)  # half of the last tick label, « 10 »
    available_w = width - left - right
    available_h = height - top - bottom
    legend_w = 0.0
    if show_legend:
        legend_w = max(140.0, unit * 36)
        with_legend = min(available_w - legend_w, available_h)
        if with_legend < 0.8 * min(available_w, available_h):
            legend_w = 0.0
    side = max(10.0, min(available_w - legend_w, available_h))
    total = left + side + right + legend_w
    x0 = max(0.0, (width - total) / 2) + left
    y0 = top + max(0.0, (available_h - side) / 2)
    plot = QRectF(x0, y0, side, side)
    legend = (
        QRectF(plot.right() + right, y0, max(0.0, legend_w - right * 0.5), side)
        if legend_w
        else None
    )
    return MatrixGeometry(plot, unit, tick, title, quadrant, label, dot, legend)


def to_pixel(support: float, control: float, plot: QRectF) -> QPointF:
    """The pixel of a matrix position: support grows to the right, control upwards."""
    x = plot.left() + (support - AXIS_MIN) / _SPAN * plot.width()
    y = plot.bottom() - (control - AXIS_MIN) / _SPAN * plot.height()
    return QPointF(x, y)


def to_coordinates(
    point: QPointF, plot: QRectF, precision: float | None = FINE_STEP
) -> tuple[float, float]:
    """The (support, control) under a pixel, clamped to [0, 10] and rounded to ``precision``.

    A click is not more precise than a tenth of a point, and rounding keeps the stored
    values tidy in exports (7.5, not 7.4986).
    """
    support = AXIS_MIN + (point.x() - plot.left()) / max(plot.width(), 1e-9) * _SPAN
    control = AXIS_MIN + (plot.bottom() - point.y()) / max(plot.height(), 1e-9) * _SPAN
    return _tidy(support, precision), _tidy(control, precision)


def _tidy(value: float, precision: float | None) -> float:
    value = min(AXIS_MAX, max(AXIS_MIN, value))
    if precision:
        value = round(round(value / precision) * precision, 6)
    return min(AXIS_MAX, max(AXIS_MIN, value))


def moved(position: Position, d_support: float, d_control: float) -> Position:
    """A position nudged by the keyboard, kept on the matrix and on the 0.1 grid."""
    return Position(
        _tidy(position.support + d_support, FINE_STEP),
        _tidy(position.control + d_control, FINE_STEP),
    )


def college_badges(names: Iterable[str]) -> dict[str, str]:
    """A short, unique badge per college (« RH », « DSI », « RP »), drawn inside its dots.

    Acronyms are kept, several words give their initials, one word its first letter;
    clashes take more letters, then a number.
    """
    badges: dict[str, str] = {}
    used: set[str] = set()
    for name in dict.fromkeys(names):
        words = [w for w in name.replace("-", " ").replace("'", " ").split() if w]
        significant = [w for w in words if w.lower() not in _SMALL_WORDS] or words or ["?"]
        if len(significant) == 1 and significant[0].isupper() and len(significant[0]) <= 3:
            badge = significant[0]
        elif len(significant) > 1:
            badge = "".join(w[0] for w in significant[:3]).upper()
        else:
            badge = significant[0][0].upper()
        if badge in used:
            first = significant[0]
            for n in range(2, min(len(first), 3) + 1):
                candidate = first[:n].capitalize()
                if candidate not in used:
                    badge = candidate
                    break
        base, n = badge, 2
        while badge in used:
            badge = f"{base}{n}"
            n += 1
        used.add(badge)
        badges[name] = badge
    return badges


def format_number(value: float, lang: str) -> str:
    """One decimal, with a decimal comma in French."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang != "en" else text


def format_position(position: Position, lang: str) -> str:
    """« 7,5 ; 2,5 » in French, "7.5, 2.5" in English (support first)."""
    s, c = format_number(position.support, lang), format_number(position.control, lang)
    return f"{s}\u00a0; {c}" if lang != "en" else f"{s}, {c}"


def _colour(value: str) -> QColor:
    colour = QColor(value)
    return colour if colour.isValid() else QColor("#888888")


def _ink_on(colour: QColor) -> QColor:
    """Black or white text, whichever reads better on ``colour``."""
    r, g, b = colour.redF(), colour.greenF(), colour.blueF()
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return QColor("#000000") if luminance > 0.45 else QColor("#ffffff")


def _star(centre: QPointF, radius: float) -> QPolygonF:
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle)))
    return QPolygonF(points)


def _diamond(centre: QPointF, radius: float) -> QPolygonF:
    x, y = centre.x(), centre.y()
    return QPolygonF(
        [
            QPointF(x, y - radius),
            QPointF(x + radius, y),
            QPointF(x, y + radius),
            QPointF(x - radius, y),
        ]
    )


def _overlap(a: QRectF, b: QRectF) -> float:
    inter = a.intersected(b)
    return inter.width() * inter.height() if not inter.isEmpty() else 0.0


@dataclass
class _Drag:
    """A mouse press in progress: on a dot (select, then drag) or on empty space (place)."""

    start: QPointF
    moving: bool
    target: bool = False


# -- the widget ------------------------------------------------------------------------------
class MatrixWidget(QWidget):
    """Paints a ``MatrixScene``; in interactive mode, places points and sets the target.

    Mouse (and touch, through Qt's mouse emulation): press on a dot to select it, drag to
    move it, or click on empty space to put the selected participant there; ``placed`` is
    emitted on release. Keyboard: arrows move by 0.5 (Shift: 0.1), Enter commits, Escape
    cancels, Tab/Shift+Tab and PageDown/PageUp change the selected participant,
    Ctrl+Tab leaves the widget. In target mode a click emits ``target_set``.
    """

    placed = Signal(int, float, float)  # participant id, support, control
    target_set = Signal(float, float)  # support, control
    selection_changed = Signal(int)  # participant id
    target_mode_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, interactive: bool = False) -> None:
        super().__init__(parent)
        self._scene = MatrixScene()
        self._interactive = False
        self._target_mode = False
        self._selected: int | None = None
        self._pending: Position | None = None
        self._pending_target: Position | None = None
        self._drag: _Drag | None = None
        self._drawn: list[DrawnLabel] = []
        self._style = LIGHT_STYLE
        self._k = self._resolve_colours()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)
        self.set_interactive(interactive)
        self.retranslate()

    # -- configuration -------------------------------------------------------------------
    def scene(self) -> MatrixScene:
        return self._scene

    def set_scene(self, scene: MatrixScene) -> None:
        """Show a new picture; an uncommitted keyboard move survives only a same-point refresh."""
        if self._drag is None and scene.highlighted != self._selected:
            self._pending = None
        self._scene = scene
        self._selected = scene.highlighted
        if self._drag is None and self._pending is not None:
            shown = self._point(self._selected)
            if shown is None or shown.position == self._pending:
                self._pending = None
        self._update_description()
        self.update()

    def matrix_style(self) -> MatrixStyle:
        return self._style

    def set_style(self, style: MatrixStyle) -> None:
        """Colours to paint with (the projected view's theme, for instance)."""
        self._style = style
        self._k = self._resolve_colours()
        self.update()

    def _resolve_colours(self) -> _Colours:
        st = self._style
        palette = self.palette()
        return _Colours(
            plot=QColor(st.plot),
            grid=QColor(st.grid),
            midline=QColor(st.midline),
            ink=QColor(st.ink),
            muted=QColor(st.muted),
            quadrant=QColor(st.quadrant),
            selection=QColor(st.selection),
            target=QColor(st.target),
            background=QColor(st.background) if st.background else palette.window().color(),
            text=QColor(st.text) if st.text else palette.windowText().color(),
        )

    def is_interactive(self) -> bool:
        return self._interactive

    def set_interactive(self, interactive: bool) -> None:
        """A projected or preview matrix only shows; the console's matrix takes input."""
        self._interactive = interactive
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if interactive else Qt.FocusPolicy.NoFocus)
        if interactive:
            self.setCursor(Qt.CursorShape.CrossCursor)
        else:
            self.unsetCursor()
        self._update_description()

    def target_mode(self) -> bool:
        return self._target_mode

    def set_target_mode(self, on: bool) -> None:
        """In target mode, a click (or arrows then Enter) sets the group's target."""
        on = bool(on) and self._interactive
        if on == self._target_mode:
            return
        self._commit_pending()
        self._target_mode = on
        self._pending_target = None
        self._drag = None
        self._update_description()
        self.update()
        self.target_mode_changed.emit(on)

    def selected_id(self) -> int | None:
        return self._selected

    def pending_position(self) -> Position | None:
        """Where the selected point is being moved to, before Enter or release commits it."""
        return self._pending

    # -- mapping ---------------------------------------------------------------------------
    def matrix_geometry(self) -> MatrixGeometry:
        return compute_geometry(self.width(), self.height(), self._scene.show_legend)

    def pixel_of(self, support: float, control: float) -> QPointF:
        """The widget pixel of a matrix position (for tests and overlays)."""
        return to_pixel(support, control, self.matrix_geometry().plot)

    def coordinates_at(self, point: QPointF) -> tuple[float, float]:
        """The matrix position under a widget pixel, clamped and rounded to 0.1."""
        return to_coordinates(point, self.matrix_geometry().plot)

    def drawn_labels(self, kind: str | None = None) -> list[str]:
        """The texts the last paint drew, optionally of one kind: a testable view of it."""
        return [d.text for d in self._drawn if kind is None or d.kind == kind]

    def drawn(self) -> list[DrawnLabel]:
        return list(self._drawn)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(520, 480)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(160, 160)

    # -- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Accessible texts follow the language; painted texts are redone at next paint."""
        self.setAccessibleName(self.tr("Support/control matrix"))
        self._update_description()
        self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_description(self) -> None:
        lang = i18n.current()
        parts = [
            self.tr(
                "Horizontal axis: degree of support, 0 to 10. "
                "Vertical axis: degree of control, 0 to 10."
            )
        ]
        placed = [p for p in self._scene.points if p.position is not None]
        if self._scene.points:
            parts.append(
                self.tr("%1 of %2 participants placed.")
                .replace("%1", str(len(placed)))
                .replace("%2", str(len(self._scene.points)))
            )
        if self._scene.target is not None:
            parts.append(
                self.tr("Target: %1.").replace("%1", format_position(self._scene.target, lang))
            )
        point = self._point(self._selected)
        if point is not None:
            where = self._shown_position(point)
            parts.append(
                self.tr("Selected: %1, %2.")
                .replace("%1", point.label)
                .replace(
                    "%2",
                    format_position(where, lang) if where else self.tr("not placed"),
                )
            )
        if self._interactive:
            parts.append(
                self.tr(
                    "Click to place the selected participant. Arrow keys move it by 0.5 "
                    "(with Shift, by 0.1), Enter places it, Escape cancels, Tab changes "
                    "participant, Ctrl+Tab leaves the matrix."
                )
                if not self._target_mode
                else self.tr("Click, or use the arrow keys and Enter, to set the target.")
            )
        self.setAccessibleDescription(" ".join(parts))

    # -- scene helpers ---------------------------------------------------------------------
    def _point(self, point_id: int | None) -> MatrixPoint | None:
        if point_id is None:
            return None
        return next((p for p in self._scene.points if p.id == point_id), None)

    def _shown_position(self, point: MatrixPoint) -> Position | None:
        if point.id == self._selected and self._pending is not None:
            return self._pending
        return point.position

    def _hit(self, pixel: QPointF) -> int | None:
        """The placed point under the pixel (the nearest, within a finger's reach)."""
        geometry = self.matrix_geometry()
        reach = max(geometry.dot * 1.5, 8.0)
        best: tuple[float, int] | None = None
        for point in self._scene.points:
            where = self._shown_position(point)
            if where is None:
                continue
            p = to_pixel(where.support, where.control, geometry.plot)
            d = math.hypot(p.x() - pixel.x(), p.y() - pixel.y())
            if d <= reach and (best is None or d < best[0]):
                best = (d, point.id)
        return best[1] if best else None

    def _select(self, point_id: int) -> None:
        if point_id == self._selected:
            return
        self._commit_pending()
        self._selected = point_id
        self._pending = None
        self._update_description()
        self.update()
        self.selection_changed.emit(point_id)

    def _commit_pending(self) -> None:
        """Emit ``placed`` for an uncommitted move; cleared first, as the emit refreshes us."""
        if self._pending is None or self._selected is None:
            self._pending = None
            return
        point = self._point(self._selected)
        position, self._pending = self._pending, None
        if point is not None and point.position != position:
            self.placed.emit(point.id, position.support, position.control)
        self._update_description()
        self.update()

    def _cycle(self, step: int) -> None:
        points = self._scene.points
        if not points:
            return
        ids = [p.id for p in points]
        index = ids.index(self._selected) if self._selected in ids else (-1 if step > 0 else 0)
        self._select(ids[(index + step) % len(ids)])

    # -- keyboard --------------------------------------------------------------------------
    def claims_key(self, event: QKeyEvent) -> bool:
        """Whether a key press is ours while we have the focus (not a clicker key then)."""
        if not self._interactive or event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        key = event.key()
        if key in _ARROWS or key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return True
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            return not self._target_mode
        if key == Qt.Key.Key_Escape:
            return (
                self._pending is not None or self._pending_target is not None or self._target_mode
            )
        return False

    def event(self, event: QEvent) -> bool:
        """Tab cycles participants (Ctrl+Tab leaves), instead of moving the focus."""
        if event.type() == QEvent.Type.ShortcutOverride and self.claims_key(event):
            event.accept()  # no shortcut may take a key the matrix is using
            return True
        if (
            event.type() == QEvent.Type.KeyPress
            and self._interactive
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            backwards = event.key() == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._commit_pending()
                self.focusNextPrevChild(not backwards)
                return True
            if self._scene.points and not self._target_mode:
                self._cycle(-1 if backwards else 1)
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if not self._interactive:
            super().keyPressEvent(event)
            return
        key = event.key()
        step = FINE_STEP if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else STEP
        moves = {
            Qt.Key.Key_Left: (-step, 0.0),
            Qt.Key.Key_Right: (step, 0.0),
            Qt.Key.Key_Up: (0.0, step),
            Qt.Key.Key_Down: (0.0, -step),
        }
        if key in moves:
            self._nudge(*moves[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._target_mode:
                if self._pending_target is not None:
                    self._emit_target(self._pending_target)
            else:
                self._commit_pending()
        elif key == Qt.Key.Key_Escape:
            if self._pending is not None or self._pending_target is not None:
                self._pending = None
                self._pending_target = None
                self._update_description()
                self.update()
            elif self._target_mode:
                self.set_target_mode(False)
            else:
                super().keyPressEvent(event)
        elif key == Qt.Key.Key_PageDown and not self._target_mode:
            self._cycle(1)
        elif key == Qt.Key.Key_PageUp and not self._target_mode:
            self._cycle(-1)
        else:
            super().keyPressEvent(event)

    def _nudge(self, d_support: float, d_control: float) -> None:
        if self._target_mode:
            start = self._pending_target or self._scene.target or Position(MIDLINE, MIDLINE)
            self._pending_target = moved(start, d_support, d_control)
        else:
            point = self._point(self._selected)
            if point is None:
                return
            start = self._shown_position(point)
            # An unplaced participant first appears in the centre, then moves.
            self._pending = (
                Position(MIDLINE, MIDLINE) if start is None else moved(start, d_support, d_control)
            )
        self._update_description()
        self.update()

    def _emit_target(self, position: Position) -> None:
        self._pending_target = None
        self.set_target_mode(False)
        self.target_set.emit(position.support, position.control)

    def focusOutEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt API)
        """A keyboard move is not lost when the focus goes elsewhere: it is committed."""
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._commit_pending()
        super().focusOutEvent(event)

    # -- mouse (and touch through mouse emulation) -------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if not self._interactive or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pixel = event.position()
        geometry = self.matrix_geometry()
        reach = geometry.dot * 1.5
        if not geometry.plot.adjusted(-reach, -reach, reach, reach).contains(pixel):
            return
        if self._target_mode:
            self._drag = _Drag(pixel, moving=True, target=True)
            self._pending_target = Position(*to_coordinates(pixel, geometry.plot))
            self.update()
            return
        hit = self._hit(pixel)
        if hit is not None:
            self._select(hit)
            self._drag = _Drag(pixel, moving=False)
        elif self._selected is not None and self._point(self._selected) is not None:
            self._drag = _Drag(pixel, moving=True)
            self._pending = Position(*to_coordinates(pixel, geometry.plot))
            self._update_description()
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        drag = self._drag
        if drag is None:
            super().mouseMoveEvent(event)
            return
        pixel = event.position()
        if not drag.moving:
            if math.hypot(pixel.x() - drag.start.x(), pixel.y() - drag.start.y()) < (
                _DRAG_THRESHOLD
            ):
                return
            drag.moving = True
        position = Position(*to_coordinates(pixel, self.matrix_geometry().plot))
        if drag.target:
            self._pending_target = position
        else:
            self._pending = position
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        drag, self._drag = self._drag, None
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        if drag.target:
            position = Position(*to_coordinates(event.position(), self.matrix_geometry().plot))
            self._emit_target(position)
        elif drag.moving:
            self._pending = Position(*to_coordinates(event.position(), self.matrix_geometry().plot))
            self._commit_pending()

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        try:
            self.paint(painter, QRectF(self.rect()))
        finally:
            painter.end()

    def paint(self, painter: QPainter, area: QRectF) -> None:
        """Draw the whole matrix into ``area`` of any paint device.

        Separate from paintEvent so the projected view can draw the same picture into a
        part of its own canvas (with a hidden, non-interactive MatrixWidget as painter).
        Recorded label rectangles are relative to ``area``.
        """
        painter.save()
        try:
            painter.translate(area.topLeft())
            self._paint(painter, area.width(), area.height())
        finally:
            painter.restore()

    def _paint(self, painter: QPainter, width: float, height: float) -> None:
        self._drawn = []
        self._k = self._resolve_colours()
        scene = self._scene
        lang = i18n.current()
        g = compute_geometry(width, height, scene.show_legend)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(QRectF(0, 0, width, height), self._k.background)
        occupied: list[QRectF] = []

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
            occupied.append(_around(centre, g.dot * 1.7))
            labels.append(("suggestion", self.tr("Diagnostic"), centre, g.dot * 1.7, False))
        target_centre = None
        if scene.target is not None:
            target_centre = to_pixel(scene.target.support, scene.target.control, g.plot)
            occupied.append(_around(target_centre, g.dot * 2.0))
            labels.insert(0, ("target", self.tr("Target"), target_centre, g.dot * 2.0, True))
        badges = college_badges(
            [p.college for p in scene.points] + [c.college for c in scene.centroids]
        )
        for centroid in scene.centroids:
            centre = to_pixel(centroid.position.support, centroid.position.control, g.plot)
            self._paint_centroid(painter, centre, g.dot * 1.9, centroid, badges)
            occupied.append(_around(centre, g.dot * 1.9))
        selected_point: MatrixPoint | None = None
        point_labels: list[tuple[str, str, QPointF, float, bool]] = []
        for point in scene.points:
            where = self._shown_position(point)
            if where is None:
                continue
            if point.id == self._selected:
                selected_point = point
                continue
            centre = to_pixel(where.support, where.control, g.plot)
            self._paint_dot(painter, centre, g.dot, point, badges, selected=False)
            occupied.append(_around(centre, g.dot))
            if scene.show_names:
                point_labels.append(("point", point.label, centre, g.dot, False))
        if selected_point is not None:
            where = self._shown_position(selected_point)
            centre = to_pixel(where.support, where.control, g.plot)
            if self._pending is not None and selected_point.position is not None:
                ghost = to_pixel(
                    selected_point.position.support, selected_point.position.control, g.plot
                )
                self._paint_ghost(painter, ghost, g.dot)
            self._paint_dot(painter, centre, g.dot, selected_point, badges, selected=True)
            occupied.append(_around(centre, g.dot * 1.6))
            if scene.show_names or self._interactive:
                text = f"{selected_point.label}\t({format_position(where, lang)})"
                labels.insert(0, ("selected", text, centre, g.dot * 1.6, True))
        if target_centre is not None:
            self._paint_star(painter, target_centre, g.dot * 2.0)  # on top: the room's aim
        if self._pending_target is not None:
            centre = to_pixel(self._pending_target.support, self._pending_target.control, g.plot)
            self._paint_crosshair(painter, centre, g.dot * 2.2, self._k.selection)
            text = f"{self.tr('Target')}\t({format_position(self._pending_target, lang)})"
            labels.insert(0, ("pending-target", text, centre, g.dot * 2.2, True))
        self._paint_labels(painter, g, labels + point_labels, occupied, width, height)
        if g.legend is not None:
            self._paint_legend(painter, g, badges)
        if self._interactive and self.hasFocus():
            pen = QPen(self._k.selection, max(2.0, g.unit * 0.4), Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            m = max(3.0, g.unit * 0.8)
            painter.drawRect(g.plot.adjusted(-m, -m, m, m))

    def _font(self, pixels: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(1, round(pixels)))
        font.setBold(bold)
        return font

    def _record(self, kind: str, text: str, rect: QRectF) -> None:
        self._drawn.append(DrawnLabel(kind, text, QRectF(rect)))

    def _paint_grid(self, painter: QPainter, g: MatrixGeometry) -> None:
        plot = g.plot
        painter.fillRect(plot, self._k.plot)
        painter.setPen(QPen(self._k.grid, max(1.0, g.unit * 0.12)))
        for i in range(1, int(_SPAN)):
            if AXIS_MIN + i == MIDLINE:
                continue
            x = plot.left() + i / _SPAN * plot.width()
            y = plot.top() + i / _SPAN * plot.height()
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
        self, painter: QPainter, g: MatrixGeometry, lang: str, occupied: list[QRectF]
    ) -> None:
        plot = g.plot
        half = plot.width() / 2
        pad = max(4.0, g.unit * 1.2)
        painter.setFont(self._font(g.quadrant_px, bold=True))
        painter.setPen(self._k.quadrant)
        corners = (
            (Quadrant.LOCKDOWN, plot.left(), plot.top(), Qt.AlignmentFlag.AlignLeft, True),
            (Quadrant.FRAMED, plot.left() + half, plot.top(), Qt.AlignmentFlag.AlignRight, True),
            (Quadrant.LAISSEZ_FAIRE, plot.left(), plot.top() + half, Qt.AlignmentFlag.AlignLeft, False),
            (Quadrant.TRUST, plot.left() + half, plot.top() + half, Qt.AlignmentFlag.AlignRight, False),
        )  # fmt: skip
        for quadrant, x, y, horizontal, top in corners:
            box = QRectF(x, y, half, half).adjusted(pad, pad, -pad, -pad)
            width = box.width() * 0.85
            if horizontal == Qt.AlignmentFlag.AlignRight:
                box.setLeft(box.right() - width)
            else:
                box.setWidth(width)
            vertical = Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignBottom
            flags = int(horizontal) | int(vertical) | int(Qt.TextFlag.TextWordWrap)
            text = quadrant_name(quadrant, lang)
            drawn = painter.boundingRect(box, flags, text)
            painter.drawText(box, flags, text)
            self._record("quadrant", text, drawn)
            occupied.append(drawn)

    def _paint_axes(self, painter: QPainter, g: MatrixGeometry) -> None:
        plot = g.plot
        tick_font = self._font(g.tick_px)
        painter.setFont(tick_font)
        metrics = QFontMetricsF(tick_font)
        every = 1 if plot.width() / _SPAN >= metrics.horizontalAdvance("10") * 1.6 else 2
        tick_len = max(3.0, g.unit * 0.8)
        painter.setPen(QPen(self._k.text, max(1.0, g.unit * 0.2)))
        for i in range(0, int(_SPAN) + 1):
            value = AXIS_MIN + i
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
        horizontal = self.tr("Support →")
        top = plot.bottom() + tick_len + metrics.height() + g.title_px * 0.3
        rect = QRectF(plot.left(), top, plot.width(), title_metrics.height())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), horizontal)
        self._record("axis", horizontal, rect)
        vertical = self.tr("Control →")
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
        per_unit = g.plot.width() / _SPAN
        for centroid in self._scene.centroids:
            if centroid.spread <= 0:
                continue
            colour = _colour(centroid.colour)
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
            colour = _colour(point.colour).darker(125)
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
        star = _star(centre, radius)
        painter.drawPolygon(star)
        pen = QPen(self._k.ink, max(1.5, radius * 0.14))
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(self._k.target)
        painter.drawPolygon(star)

    def _paint_centroid(
        self,
        painter: QPainter,
        centre: QPointF,
        radius: float,
        centroid: MatrixCentroid,
        badges: dict[str, str],
    ) -> None:
        colour = _colour(centroid.colour)
        painter.setPen(QPen(self._k.plot, max(2.0, radius * 0.3)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolygon(_diamond(centre, radius))
        painter.setPen(QPen(self._k.ink, max(1.5, radius * 0.12)))
        painter.setBrush(colour)
        painter.drawPolygon(_diamond(centre, radius))
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
        colour = _colour(point.colour)
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
        painter.setPen(_ink_on(colour))
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
        occupied: list[QRectF],
        width: float,
        height: float,
    ) -> None:
        """Put each label beside its mark where it overlaps least (greedy, first come first)."""
        bounds = QRectF(0, 0, width, height)
        if g.legend is not None:
            bounds.setRight(g.legend.left())
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
            x, y = centre.x(), centre.y()
            candidates = [
                QRectF(x + gap, y - h / 2, w, h),
                QRectF(x - gap - w, y - h / 2, w, h),
                QRectF(x - w / 2, y - gap - h, w, h),
                QRectF(x - w / 2, y + gap, w, h),
                QRectF(x + gap * 0.7, y - gap * 0.7 - h, w, h),
                QRectF(x + gap * 0.7, y + gap * 0.7, w, h),
                QRectF(x - gap * 0.7 - w, y - gap * 0.7 - h, w, h),
                QRectF(x - gap * 0.7 - w, y + gap * 0.7, w, h),
            ]

            def cost(rect: QRectF) -> float:
                outside = rect.width() * rect.height() - _overlap(rect, bounds)
                return sum(_overlap(rect, other) for other in occupied) + outside * 4

            best = min(candidates, key=cost)
            if kind == "point" and cost(best) > 0.3 * w * h:
                continue  # too crowded here: the dot and its badge remain, not the name
            occupied.append(best)
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
        colours: dict[str, str] = {}
        for item in (*scene.points, *scene.centroids):
            colours.setdefault(item.college, item.colour)
        entries: list[tuple[str, str]] = [("college:" + name, name) for name in colours]
        if scene.centroids:
            entries.append(("centroid", self.tr("College centre (circle: spread)")))
        if scene.target is not None:
            entries.append(("target", self.tr("Target")))
        if scene.suggestion is not None:
            entries.append(("suggestion", self.tr("Diagnostic suggestion")))
        if scene.show_arrows and any(p.opening and p.position for p in scene.points):
            entries.append(("arrow", self.tr("Opening → closing")))
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
            if kind.startswith("college:"):
                colour = _colour(colours[text])
                painter.setPen(QPen(self._k.text, max(1.0, icon * 0.12)))
                painter.setBrush(colour)
                painter.drawEllipse(centre, icon, icon)
                self._paint_badge(painter, centre, icon * 0.82, badges.get(text, ""), colour)
            elif kind == "centroid":
                painter.setPen(QPen(self._k.text, max(1.0, icon * 0.12)))
                painter.setBrush(QColor("#d1d5db"))
                painter.drawPolygon(_diamond(centre, icon * 1.1))
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


def _around(centre: QPointF, radius: float) -> QRectF:
    return QRectF(centre.x() - radius, centre.y() - radius, radius * 2, radius * 2)


# -- from a workshop snapshot ----------------------------------------------------------------
def scene_from_snapshot(
    snap: Snapshot,
    round: str,
    *,
    anonymize: bool = False,
    show_names: bool = True,
    show_arrows: bool = False,
    highlighted: int | None = None,
    with_suggestion: bool = True,
    show_legend: bool = False,
) -> MatrixScene:
    """The matrix of one round of a workshop snapshot (``workshop.snapshot.Snapshot``).

    Labels follow consent: a participant who did not agree to be named shows their
    pseudonym even when names are asked for. Arrows need both rounds.
    """
    from workshop import diagnostic
    from workshop.matrix import group_stats

    colleges = {c.id: c for c in snap.colleges}
    placements = {
        (p.participant_id, p.round): Position(p.support, p.control) for p in snap.positions
    }
    people = snap.participants  # the order of the console's list, which Tab follows
    points = []
    placed = {}
    for person in people:
        college = colleges.get(person.college_id)
        position = placements.get((person.id, round))
        opening = placements.get((person.id, "opening")) if round == "closing" else None
        points.append(
            MatrixPoint(
                id=person.id,
                label=person.shown_name(anonymize),
                colour=college.colour if college else "#888888",
                college=college.name if college else "?",
                position=position,
                opening=opening,
            )
        )
        if position is not None and college is not None:
            placed[person.id] = (college.id, position)
    stats = group_stats(placed)
    centroids = tuple(
        MatrixCentroid(colleges[s.college].name, colleges[s.college].colour, s.centroid, s.spread)
        for s in stats.colleges
    )
    info = snap.workshop
    target = (
        Position(info.target_support, info.target_control)
        if info.target_support is not None and info.target_control is not None
        else None
    )
    suggestion = None
    if with_suggestion:
        answers = {
            a.criterion: a.score
            for a in snap.diagnostic
            if a.criterion in diagnostic.CRITERIA_BY_KEY and a.score is not None
        }
        if answers:
            suggestion = diagnostic.suggested_position(answers).position
    return MatrixScene(
        points=tuple(points),
        centroids=centroids,
        target=target,
        suggestion=suggestion,
        show_names=show_names,
        show_arrows=show_arrows and round == "closing",
        highlighted=highlighted,
        show_legend=show_legend,
    )
