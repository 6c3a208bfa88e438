"""The matrix widget: mouse and keyboard input, and the picture it paints of its state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt

from ui.widgets.matrix.widget import MatrixWidget
from workshop.matrix import Position
from workshop.matrix_scene import MatrixPoint, MatrixScene


def _points() -> tuple[MatrixPoint, ...]:
    return (
        MatrixPoint(1, "Alice", "#E69F00", "Direction", Position(2.0, 8.0)),
        MatrixPoint(2, "Bob", "#56B4E9", "RH", Position(5.0, 5.0), Position(3.0, 3.0)),
        MatrixPoint(3, "Chloé", "#009E73", "Représentants du personnel", None),
    )


@pytest.fixture
def widget(qtbot):
    w = MatrixWidget(interactive=True)
    qtbot.addWidget(w)
    w.resize(600, 600)
    w.set_scene(MatrixScene(points=_points(), highlighted=2))
    w.show()
    qtbot.waitExposed(w)
    return w


def _pixel(widget: MatrixWidget, support: float, control: float) -> QPoint:
    return widget.pixel_of(support, control).toPoint()


# -- mouse -----------------------------------------------------------------------------------
def test_click_places_the_selected_participant_there(qtbot, widget):
    with qtbot.waitSignal(widget.placed) as placed:
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=_pixel(widget, 7.5, 2.5))
    point_id, support, control = placed.args
    assert point_id == 2
    assert support == pytest.approx(7.5, abs=0.1)
    assert control == pytest.approx(2.5, abs=0.1)


def test_click_on_a_dot_selects_it_without_moving_it(qtbot, widget):
    with qtbot.assertNotEmitted(widget.placed):
        with qtbot.waitSignal(widget.selection_changed) as selected:
            qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=_pixel(widget, 2.0, 8.0))
    assert selected.args == [1]
    assert widget.selected_id() == 1


def test_drag_moves_a_dot_and_places_it_on_release(qtbot, widget):
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=_pixel(widget, 2.0, 8.0))
    qtbot.mouseMove(widget, _pixel(widget, 3.0, 7.0))
    qtbot.mouseMove(widget, _pixel(widget, 4.0, 6.0))
    assert widget.pending_position() == Position(4.0, 6.0)
    with qtbot.waitSignal(widget.placed) as placed:
        qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=_pixel(widget, 4.0, 6.0))
    assert placed.args[0] == 1
    assert placed.args[1:] == pytest.approx([4.0, 6.0], abs=0.1)


def test_a_preview_ignores_clicks(qtbot, widget):
    widget.set_interactive(False)
    with qtbot.assertNotEmitted(widget.placed):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=_pixel(widget, 7.5, 2.5))
    assert widget.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_target_mode_click_sets_the_target_and_ends_the_mode(qtbot, widget):
    modes: list[bool] = []
    widget.target_mode_changed.connect(modes.append)
    widget.set_target_mode(True)
    with qtbot.assertNotEmitted(widget.placed):
        with qtbot.waitSignal(widget.target_set) as target:
            qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=_pixel(widget, 8.0, 3.0))
    assert target.args == pytest.approx([8.0, 3.0], abs=0.1)
    assert not widget.target_mode()
    assert modes == [True, False]


# -- keyboard --------------------------------------------------------------------------------
def test_arrow_keys_move_by_half_a_point_and_enter_commits(qtbot, widget):
    qtbot.keyClick(widget, Qt.Key.Key_Right)
    assert widget.pending_position() == Position(5.5, 5.0)
    qtbot.keyClick(widget, Qt.Key.Key_Up)
    qtbot.keyClick(widget, Qt.Key.Key_Up)
    assert widget.pending_position() == Position(5.5, 6.0)
    qtbot.keyClick(widget, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert widget.pending_position() == Position(5.4, 6.0)
    with qtbot.waitSignal(widget.placed) as placed:
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert placed.args == [2, pytest.approx(5.4), pytest.approx(6.0)]
    assert widget.pending_position() is None


def test_arrows_stop_at_the_edge(qtbot, widget):
    for _ in range(15):
        qtbot.keyClick(widget, Qt.Key.Key_Down)
    assert widget.pending_position() == Position(5.0, 0.0)


def test_escape_cancels_a_keyboard_move(qtbot, widget):
    qtbot.keyClick(widget, Qt.Key.Key_Right)
    with qtbot.assertNotEmitted(widget.placed):
        qtbot.keyClick(widget, Qt.Key.Key_Escape)
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert widget.pending_position() is None


def test_an_unplaced_participant_starts_in_the_centre(qtbot, widget):
    widget.set_scene(MatrixScene(points=_points(), highlighted=3))
    qtbot.keyClick(widget, Qt.Key.Key_Right)
    assert widget.pending_position() == Position(5.0, 5.0)
    qtbot.keyClick(widget, Qt.Key.Key_Right)
    assert widget.pending_position() == Position(5.5, 5.0)


def test_tab_and_page_keys_cycle_the_selection(qtbot, widget):
    seen: list[int] = []
    widget.selection_changed.connect(seen.append)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)  # wraps around
    qtbot.keyClick(widget, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(widget, Qt.Key.Key_PageDown)
    qtbot.keyClick(widget, Qt.Key.Key_PageUp)
    assert seen == [3, 1, 3, 1, 3]


def test_changing_participant_commits_a_pending_move(qtbot, widget):
    qtbot.keyClick(widget, Qt.Key.Key_Right)
    with qtbot.waitSignal(widget.placed) as placed:
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert placed.args == [2, pytest.approx(5.5), pytest.approx(5.0)]
    assert widget.selected_id() == 3


def test_target_mode_by_keyboard(qtbot, widget):
    widget.set_scene(MatrixScene(points=_points(), highlighted=2, target=Position(6, 4)))
    widget.set_target_mode(True)
    qtbot.keyClick(widget, Qt.Key.Key_Right)
    with qtbot.waitSignal(widget.target_set) as target:
        qtbot.keyClick(widget, Qt.Key.Key_Enter)
    assert target.args == pytest.approx([6.5, 4.0])


# -- what is drawn ---------------------------------------------------------------------------
def test_the_widget_paints_its_selection_and_moves(qtbot, widget):
    widget.grab()
    assert widget.drawn_labels("selected") == ["Bob (5,0\u00a0; 5,0)"]
    qtbot.keyClick(widget, Qt.Key.Key_Right)
    widget.grab()
    assert widget.drawn_labels("selected") == ["Bob (5,5\u00a0; 5,0)"]
    assert "Alice" in widget.drawn_labels("point")
    assert len(widget.drawn_labels("quadrant")) == 4


def test_an_interactive_matrix_labels_the_selection_even_without_names(qtbot, widget):
    widget.set_scene(MatrixScene(points=_points(), show_names=False, highlighted=2))
    widget.grab()
    assert widget.drawn_labels("point") == []
    assert widget.drawn_labels("selected") == ["Bob (5,0\u00a0; 5,0)"]
    widget.set_interactive(False)
    widget.grab()
    assert widget.drawn_labels("selected") == []


def test_paint_keeps_label_rectangles_relative_to_the_area(qtbot):
    from PySide6.QtGui import QColor, QImage, QPainter

    w = MatrixWidget()
    qtbot.addWidget(w)
    w.set_scene(MatrixScene(target=Position(5, 5)))
    image = QImage(800, 600, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ff00ff"))
    painter = QPainter(image)
    w.paint(painter, QRectF(200, 100, 400, 400))
    painter.end()
    assert image.pixelColor(10, 10) == QColor("#ff00ff")
    assert all(QRectF(0, 0, 400, 400).adjusted(-1, -1, 1, 1).contains(d.rect) for d in w.drawn())


def test_accessible_texts(qtbot, widget):
    assert widget.accessibleName() == "Matrice accompagnement/contrôle"
    description = widget.accessibleDescription()
    assert "Bob" in description and "5,0" in description
    assert "Tab" in description
