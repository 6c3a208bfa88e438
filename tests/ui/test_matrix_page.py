"""The matrix step on the demo workshop: placing, clearing, the target, the statistics."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workshop.matrix import quadrant_name
from workshop.model import Step


@pytest.fixture
def page(window, controller, demo_path, qtbot):
    controller.open(demo_path)
    window.go_to(Step.MATRIX)
    page = window.pages["matrix"]
    assert window.stack.currentWidget() is page
    qtbot.waitExposed(page.matrix)
    return page


def _person(controller, name: str):
    return next(p for p in controller.snapshot.participants if p.name == name)


def _placement(controller, participant_id: int, round: str):
    return next(
        (
            p
            for p in controller.snapshot.positions
            if p.participant_id == participant_id and p.round == round
        ),
        None,
    )


def _click(qtbot, page, support: float, control: float) -> None:
    pos = page.matrix.pixel_of(support, control).toPoint()
    qtbot.mouseClick(page.matrix, Qt.MouseButton.LeftButton, pos=pos)


def _list_ids(page) -> list[int]:
    return [
        page.participants.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(page.participants.count())
    ]


def test_opens_on_the_closing_round_when_it_has_positions(page):
    assert page.round == "closing"
    assert page.closing_button.isChecked()
    assert page.arrows_box.isEnabled()
    assert "16/16" in page.closing_button.text()
    assert "15/16" in page.opening_button.text()


def test_clicking_places_the_selected_participant_and_undo_restores(page, controller, qtbot):
    page.set_round("opening")
    late = _person(controller, "Inès Ferreira")  # arrived after the opening round
    assert _placement(controller, late.id, "opening") is None
    assert page.selected_id() == late.id  # the first one not placed yet is preselected
    row = _list_ids(page).index(late.id)
    assert page.participants.item(row).text().startswith("○")

    _click(qtbot, page, 7.5, 2.5)

    placed = _placement(controller, late.id, "opening")
    assert placed is not None
    assert (placed.support, placed.control) == pytest.approx((7.5, 2.5), abs=0.1)
    assert page.participants.item(row).text().startswith("✓")
    assert "16/16" in page.opening_button.text()
    assert page.matrix.scene().highlighted == late.id

    controller.undo()
    assert _placement(controller, late.id, "opening") is None
    assert page.participants.item(row).text().startswith("○")


def test_list_selection_drives_the_matrix_and_back(page, controller, qtbot):
    chloe = _person(controller, "Chloé Martin")
    page.participants.setCurrentRow(_list_ids(page).index(chloe.id))
    assert page.selected_id() == chloe.id
    assert page.matrix.selected_id() == chloe.id

    page.matrix.setFocus()
    qtbot.keyClick(page.matrix, Qt.Key.Key_Tab)
    following = _list_ids(page)[_list_ids(page).index(chloe.id) + 1]
    assert page.selected_id() == following
    assert page.participants.currentItem().data(Qt.ItemDataRole.UserRole) == following


def test_keyboard_moves_then_enter_places(page, controller, qtbot):
    chloe = _person(controller, "Chloé Martin")
    page.select(chloe.id)
    before = _placement(controller, chloe.id, "closing")
    page.matrix.setFocus()
    qtbot.keyClick(page.matrix, Qt.Key.Key_Right)
    qtbot.keyClick(page.matrix, Qt.Key.Key_Up)
    assert _placement(controller, chloe.id, "closing") == before  # not yet
    qtbot.keyClick(page.matrix, Qt.Key.Key_Return)
    after = _placement(controller, chloe.id, "closing")
    assert after.support == pytest.approx(min(10, round(before.support + 0.5, 1)), abs=0.051)
    assert after.control == pytest.approx(min(10, round(before.control + 0.5, 1)), abs=0.051)


def test_remove_from_the_matrix(page, controller):
    chloe = _person(controller, "Chloé Martin")
    page.select(chloe.id)
    assert page.clear_button.isEnabled()
    page.clear_button.click()
    assert _placement(controller, chloe.id, "closing") is None
    assert not page.clear_button.isEnabled()
    assert _placement(controller, chloe.id, "opening") is not None  # other round untouched


def test_target_mode_sets_the_target_by_clicking(page, controller, qtbot):
    page.target_button.click()
    assert page.matrix.target_mode()
    _click(qtbot, page, 3.0, 8.0)
    info = controller.snapshot.workshop
    assert (info.target_support, info.target_control) == pytest.approx((3.0, 8.0), abs=0.1)
    assert not page.target_button.isChecked()
    assert not page.matrix.target_mode()


def test_college_table_and_group_quadrant(page, controller):
    snap = controller.snapshot
    colleges_placed = {
        _person_by_id(snap, p.participant_id).college_id
        for p in snap.positions
        if p.round == "closing"
    }
    rows = page.college_rows
    assert len(rows) == len(colleges_placed) + 1  # plus the whole group
    assert rows[-1][1] == 16
    assert sum(count for _, count, _, _ in rows[:-1]) == 16
    assert page.table.rowCount() == 2 * len(rows)  # name row, then numbers row
    assert page.table.item(0, 0).text() == snap.colleges[0].name
    assert page.table.item(1, 0).text() == str(rows[0][1])
    assert page.table.item(1, 1).text() == rows[0][2]
    assert any(
        quadrant_name(q, "fr") in page.group_label.text()
        for q in ("laissez_faire", "lockdown", "trust", "framed")
    )


def _person_by_id(snap, participant_id):
    return next(p for p in snap.participants if p.id == participant_id)


def test_names_or_pseudonyms(page, controller):
    zoe = _person(controller, "Zoé Kowalczyk")  # did not consent to be named
    helene = _person(controller, "Hélène Marchand-Dubois")
    labels = {p.id: p.label for p in page.matrix.scene().points}
    assert labels[helene.id] == helene.name
    assert labels[zoe.id] == zoe.pseudonym
    page.labels_combo.setCurrentIndex(page.labels_combo.findData("pseudonyms"))
    labels = {p.id: p.label for p in page.matrix.scene().points}
    assert labels[helene.id] == helene.pseudonym
    texts = [page.participants.item(r).text() for r in range(page.participants.count())]
    assert not any(helene.name in t for t in texts)
    page.labels_combo.setCurrentIndex(page.labels_combo.findData("none"))
    assert not page.matrix.scene().show_names


def test_arrows_only_in_the_closing_round(page):
    page.arrows_box.setChecked(True)
    assert page.matrix.scene().show_arrows
    assert any(p.opening is not None for p in page.matrix.scene().points)
    page.set_round("opening")
    assert not page.arrows_box.isEnabled()
    assert not page.matrix.scene().show_arrows


def test_scene_carries_target_suggestion_and_centres(page, controller):
    scene = page.matrix.scene()
    info = controller.snapshot.workshop
    assert (scene.target.support, scene.target.control) == (
        info.target_support,
        info.target_control,
    )
    assert scene.suggestion is not None
    assert {c.college for c in scene.centroids} <= {c.name for c in controller.snapshot.colleges}
    page.matrix.grab()
    assert len(page.matrix.drawn_labels("quadrant")) == 4


def test_language_switch(page, window):
    window.set_language("en")
    assert page.heading.text() == "Support/control matrix"
    page.matrix.grab()
    assert "Trust and autonomy" in page.matrix.drawn_labels("quadrant")
    assert page.tabs.tabText(0) == "Participants"
