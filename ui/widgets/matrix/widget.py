"""The console's support/control matrix: a ``MatrixScene`` shown, and places set by mouse or keys.

The widget knows nothing about the workshop file: it paints a scene (with
``ui.widgets.matrix.painter``) and reports what the user did through signals (``placed``,
``target_set``, ``selection_changed``). The page that owns it turns those signals into
operations, and a refresh hands it a new scene.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui import i18n
from ui.widgets.matrix.geometry import (
    DrawnLabel,
    MatrixGeometry,
    compute_geometry,
    to_coordinates,
    to_pixel,
)
from ui.widgets.matrix.painter import PaintState, paint_matrix
from ui.widgets.matrix.style import LIGHT_STYLE, MatrixStyle
from workshop.matrix import MIDLINE, Position
from workshop.matrix_scene import (
    FINE_STEP,
    STEP,
    MatrixPoint,
    MatrixScene,
    format_position,
    moved,
)

_DRAG_THRESHOLD = 4.0  # pixels before a press on a dot becomes a drag
_ARROWS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)


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
        self.update()

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
        """Draw the widget's picture (selection and moves included) into ``area`` of a device.

        Recorded label rectangles are relative to ``area``.
        """
        state = PaintState(
            selected=self._selected,
            pending=self._pending,
            pending_target=self._pending_target,
            interactive=self._interactive,
            focused=self._interactive and self.hasFocus(),
        )
        self._drawn = paint_matrix(
            painter,
            area,
            self._scene,
            self._style,
            state,
            font=self.font(),
            palette=self.palette(),
        )
