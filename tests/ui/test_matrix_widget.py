"""The matrix widget: pixel ↔ coordinate mapping, mouse and keyboard input, what it draws."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt

from ui.widgets.matrix_widget import (
    HIGH_CONTRAST_STYLE,
    MatrixCentroid,
    MatrixPoint,
    MatrixScene,
    MatrixWidget,
    college_badges,
    compute_geometry,
    format_position,
    to_coordinates,
    to_pixel,
)
from workshop.matrix import Position, Quadrant, quadrant_name

PLOT = QRectF(40.0, 20.0, 400.0, 400.0)


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


# -- mapping ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "support, control", [(0, 0), (10, 10), (0, 10), (7.5, 2.5), (5, 5), (3.3, 9.9)]
)
def test_pixel_coordinate_round_trip(support, control):
    pixel = to_pixel(support, control, PLOT)
    assert to_coordinates(pixel, PLOT) == pytest.approx((support, control), abs=1e-9)


def test_axes_run_right_and_up():
    assert to_pixel(0, 0, PLOT) == QPointF(PLOT.left(), PLOT.bottom())
    assert to_pixel(10, 10, PLOT) == QPointF(PLOT.right(), PLOT.top())
    assert to_pixel(7.5, 2.5, PLOT).x() > to_pixel(2.5, 2.5, PLOT).x()
    assert to_pixel(2.5, 7.5, PLOT).y() < to_pixel(2.5, 2.5, PLOT).y()


def test_pixels_outside_the_plot_are_clamped():
    assert to_coordinates(QPointF(-500, -500), PLOT) == (0.0, 10.0)
    assert to_coordinates(QPointF(5000, 5000), PLOT) == (10.0, 0.0)


def test_clicks_are_rounded_to_a_tenth():
    support, control = to_coordinates(QPointF(PLOT.left() + 301.3, PLOT.bottom() - 99.1), PLOT)
    assert (support, control) == (7.5, 2.5)
    raw = to_coordinates(QPointF(PLOT.left() + 301.3, PLOT.bottom()), PLOT, precision=None)
    assert raw[0] == pytest.approx(7.5325)


@pytest.mark.parametrize("size", [(200, 200), (600, 480), (1920, 1080), (300, 900)])
def test_geometry_is_square_and_inside_the_widget(size):
    g = compute_geometry(*size, show_legend=True)
    assert g.plot.width() == pytest.approx(g.plot.height())
    assert QRectF(0, 0, *size).contains(g.plot)
    if g.legend is not None:
        assert g.legend.left() >= g.plot.right()
        assert g.legend.right() <= size[0]


def test_sizes_follow_the_widget_height():
    small, big = compute_geometry(400, 300), compute_geometry(1600, 1200)
    assert big.dot > small.dot * 2
    assert big.label_px > small.label_px * 2
    assert compute_geometry(1920, 1080, show_legend=True).legend is not None
    assert compute_geometry(400, 400, show_legend=True).legend is None


def test_college_badges_are_short_and_unique():
    names = ["Direction", "RH", "Représentants du personnel", "Communication", "DSI", "Cadres"]
    badges = college_badges(names)
    assert badges["RH"] == "RH"
    assert badges["DSI"] == "DSI"
    assert badges["Représentants du personnel"] == "RP"
    assert badges["Communication"] == "C"
    assert badges["Cadres"] not in ("C", "")  # a clash takes more letters
    assert len(set(badges.values())) == len(names)


def test_positions_read_in_each_language():
    assert format_position(Position(7.5, 2.5), "fr") == "7,5\u00a0; 2,5"
    assert format_position(Position(7.5, 2.5), "en") == "7.5, 2.5"


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
def test_quadrant_names_axes_and_marks_are_drawn(qtbot, widget):
    from ui import i18n

    widget.set_scene(
        MatrixScene(
            points=_points(),
            centroids=(MatrixCentroid("RH", "#56B4E9", Position(5, 5), 1.0),),
            target=Position(7.5, 4.5),
            suggestion=Position(6.0, 6.0),
            highlighted=1,
        )
    )
    widget.grab()
    assert sorted(widget.drawn_labels("quadrant")) == sorted(
        quadrant_name(q, "fr") for q in Quadrant
    )
    assert widget.drawn_labels("axis") == ["Accompagnement →", "Contrôle →"]
    assert widget.drawn_labels("target") == ["Cible"]
    assert widget.drawn_labels("suggestion") == ["Diagnostic"]
    assert widget.drawn_labels("selected") == ["Alice (2,0\u00a0; 8,0)"]
    assert "Bob" in widget.drawn_labels("point")
    assert "Chloé" not in widget.drawn_labels()  # not placed: not drawn
    i18n.install("en")
    widget.grab()
    assert "Trust and autonomy" in widget.drawn_labels("quadrant")


def test_quadrant_names_sit_in_their_quadrants(qtbot, widget):
    widget.grab()
    plot = widget.matrix_geometry().plot
    middle = plot.center()
    rects = {d.text: d.rect for d in widget.drawn() if d.kind == "quadrant"}
    lockdown = rects[quadrant_name(Quadrant.LOCKDOWN, "fr")]
    trust = rects[quadrant_name(Quadrant.TRUST, "fr")]
    assert lockdown.right() <= middle.x() and lockdown.bottom() <= middle.y()
    assert trust.left() >= middle.x() and trust.top() >= middle.y()


def test_names_can_be_hidden(qtbot, widget):
    widget.set_interactive(False)
    widget.set_scene(MatrixScene(points=_points(), show_names=False, highlighted=2))
    widget.grab()
    assert widget.drawn_labels("point") == []
    assert widget.drawn_labels("selected") == []


def test_a_small_preview_keeps_every_label_inside(qtbot):
    w = MatrixWidget()
    qtbot.addWidget(w)
    w.resize(220, 220)
    w.set_scene(
        MatrixScene(
            points=(MatrixPoint(1, "Quelqu'un au coin", "#E69F00", "RH", Position(10, 10)),),
            target=Position(0, 0),
        )
    )
    w.grab()
    bounds = QRectF(w.rect())
    assert len(w.drawn_labels("quadrant")) == 4
    for drawn in w.drawn():
        assert bounds.adjusted(-1, -1, 1, 1).contains(drawn.rect), drawn


def test_paints_into_an_area_of_another_device(qtbot):
    from PySide6.QtGui import QColor, QImage, QPainter

    w = MatrixWidget()
    qtbot.addWidget(w)
    w.set_style(HIGH_CONTRAST_STYLE)
    w.set_scene(MatrixScene(target=Position(5, 5)))
    image = QImage(800, 600, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ff00ff"))
    painter = QPainter(image)
    w.paint(painter, QRectF(200, 100, 400, 400))
    painter.end()
    assert image.pixelColor(10, 10) == QColor("#ff00ff")  # outside the area: untouched
    assert image.pixelColor(400, 110) != QColor("#ff00ff")
    assert len(w.drawn_labels("quadrant")) == 4


def test_accessible_texts(qtbot, widget):
    assert widget.accessibleName() == "Matrice accompagnement/contrôle"
    description = widget.accessibleDescription()
    assert "Bob" in description and "5,0" in description
    assert "Tab" in description
