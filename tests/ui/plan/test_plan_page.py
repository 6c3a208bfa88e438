"""The accompaniment plan page: table edits run the operations, suggestions add actions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox

from ui.pages.plan import DUE, KIND, OWNER, TITLE, DueDateEditor, PlanPage
from workshop.model import ActionKind
from workshop.operations import plan, positioning, setup


@pytest.fixture
def page(window, controller, demo_path) -> PlanPage:
    controller.open(demo_path)
    controller.run(setup.go_to_step, "plan")
    page = window.pages["plan"]
    assert isinstance(page, PlanPage)
    assert window.stack.currentWidget() is page
    return page


def actions(controller):
    return controller.snapshot.actions


def test_model_follows_the_qt_contract(page, qtmodeltester):
    assert page.model.rowCount() == 7
    qtmodeltester.check(page.model, force_py=True)
    qtmodeltester.check(page.model)  # and Qt's own tester


def test_table_shows_the_plan(page, controller):
    first = actions(controller)[0]
    model = page.model
    assert model.index(0, TITLE).data() == first.title
    assert model.index(0, KIND).data() == "e-learning"
    assert model.index(1, KIND).data() == "formation"
    assert model.index(0, OWNER).data() == first.owner
    assert model.index(0, DUE).data() == "15 févr. 2027"
    assert model.index(0, DUE).data(Qt.ItemDataRole.EditRole) == QDate(2027, 2, 15)


def test_editing_a_cell_runs_update_action_and_undo_restores_it(page, controller):
    before = actions(controller)[0].owner
    index = page.model.index(0, OWNER)
    assert page.model.setData(index, "  Direction des RH  ")
    assert actions(controller)[0].owner == "Direction des RH"
    assert index.data() == "Direction des RH"
    assert "Action modifiée" in controller.session.undo_label()
    controller.undo()
    assert actions(controller)[0].owner == before
    assert page.model.index(0, OWNER).data() == before


def test_an_unchanged_value_writes_nothing(page, controller):
    events = len(controller.full_snapshot().audit)
    assert page.model.setData(page.model.index(0, OWNER), actions(controller)[0].owner)
    assert len(controller.full_snapshot().audit) == events


def test_a_refused_edit_shows_the_one_line_message_and_changes_nothing(page, controller, errors):
    title = actions(controller)[0].title
    assert not page.model.setData(page.model.index(0, TITLE), "   ")
    assert errors == ["« Intitulé » ne peut pas être vide."]
    assert actions(controller)[0].title == title


def test_kind_is_chosen_in_a_combo_of_labels(page, controller):
    index = page.model.index(0, KIND)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    combo = page.table.findChild(QComboBox)
    assert combo is not None and combo.currentData() == "elearning"
    assert combo.count() == len(ActionKind)
    assert combo.itemText(combo.findData("guide")) == "guide ou FAQ"
    combo.setCurrentIndex(combo.findData("guide"))
    combo.activated.emit(combo.currentIndex())
    assert actions(controller)[0].kind == "guide"


def _date_editor(page, row):
    index = page.model.index(row, DUE)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    # closed editors linger until deleteLater runs: take the one shown
    shown = [e for e in page.table.findChildren(DueDateEditor) if e.isVisible()]
    assert len(shown) == 1
    return shown[0]


def test_due_date_is_edited_with_a_date_editor_and_can_be_cleared(page, controller):
    delegate = page.table.itemDelegateForColumn(DUE)
    editor = _date_editor(page, 0)
    assert editor.date.date() == QDate(2027, 2, 15)
    editor.date.setDate(QDate(2027, 6, 30))
    delegate.commitData.emit(editor)
    delegate.closeEditor.emit(editor)
    assert actions(controller)[0].due_date == "2027-06-30"

    editor = _date_editor(page, 0)
    editor.clear_button.click()
    assert actions(controller)[0].due_date is None
    assert page.model.index(0, DUE).data() == page.model.tr("to be set")


def _type_due_date(page, qtbot, row, typed):
    editor = _date_editor(page, row)
    editor.date.selectAll()
    qtbot.keyClicks(editor.date, typed)
    return editor


@pytest.mark.parametrize("typed", ["31/03/2027", "31 mars 2027", "2027-03-31", "March 31, 2027"])
def test_a_typed_date_is_read_as_typed_and_tab_goes_on_to_the_right(page, controller, qtbot, typed):
    editor = _type_due_date(page, qtbot, 0, typed)
    qtbot.keyClick(editor.date, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: actions(controller)[0].due_date == "2027-03-31")
    assert page.model.index(0, DUE).data() == "31 mars 2027"
    qtbot.waitUntil(lambda: page.table.currentIndex().column() == DUE + 1)
    assert page.table.currentIndex().row() == 0


def test_shift_tab_goes_back_to_the_left(page, controller, qtbot):
    editor = _type_due_date(page, qtbot, 0, "1er avril 2027")
    qtbot.keyClick(editor.date, Qt.Key.Key_Backtab)
    qtbot.waitUntil(lambda: actions(controller)[0].due_date == "2027-04-01")
    qtbot.waitUntil(lambda: page.table.currentIndex().column() == DUE - 1)


def test_an_unreadable_date_is_refused_and_the_typed_text_kept(page, controller, qtbot):
    before = actions(controller)[0].due_date
    events = len(controller.full_snapshot().audit)
    editor = _type_due_date(page, qtbot, 0, "31/13/2027")
    qtbot.keyClick(editor.date, Qt.Key.Key_Tab)
    assert editor.isVisible()  # still editing
    assert editor.date.text() == "31/13/2027"
    assert editor.message.isVisible() and "31/13/2027" in editor.message.text()
    assert "\n" not in editor.message.text()
    assert actions(controller)[0].due_date == before
    assert len(controller.full_snapshot().audit) == events
    # corrected, it goes through
    editor.date.setText("31/03/2027")
    qtbot.keyClick(editor.date, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: actions(controller)[0].due_date == "2027-03-31")


def test_an_unreadable_date_left_by_a_click_is_refused_with_a_message(page, controller, errors):
    before = actions(controller)[0].due_date
    delegate = page.table.itemDelegateForColumn(DUE)
    editor = _date_editor(page, 0)
    editor.date.setText("le 31 du mois")
    delegate.commitData.emit(editor)
    delegate.closeEditor.emit(editor)
    assert actions(controller)[0].due_date == before
    assert errors and "le 31 du mois" in errors[-1]


def test_the_calendar_picks_a_date(page, controller):
    editor = _date_editor(page, 0)
    editor.calendar_button.click()
    assert editor.calendar.isVisible()
    editor.calendar.clicked.emit(QDate(2027, 5, 20))
    assert actions(controller)[0].due_date == "2027-05-20"


def test_opening_an_empty_date_and_leaving_sets_nothing(page, controller):
    aid = actions(controller)[0].id
    controller.run(plan.update_action, aid, due_date=None)
    events = len(controller.full_snapshot().audit)
    delegate = page.table.itemDelegateForColumn(DUE)
    editor = _date_editor(page, 0)
    delegate.commitData.emit(editor)
    delegate.closeEditor.emit(editor)
    assert actions(controller)[0].due_date is None
    assert len(controller.full_snapshot().audit) == events


def test_add_and_remove_buttons(page, controller, qtbot):
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert len(actions(controller)) == 8
    added = actions(controller)[-1]
    assert added.title == page.tr("New action") and added.kind == "other"
    assert page.selected_action().id == added.id
    assert page.remove_button.isEnabled()
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert added.id not in [a.id for a in actions(controller)]

    page.select_action(actions(controller)[2].id)
    removed = page.selected_action()
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert removed.id not in [a.id for a in actions(controller)]
    assert page.model.rowCount() == 6
    controller.undo()
    assert removed.id in [a.id for a in actions(controller)]
    assert page.model.rowCount() == 7


def test_reorder_buttons_only_when_the_operation_exists(page):
    assert page.up_button.isHidden() != hasattr(plan, "move_action")


def test_the_demo_plan_needs_no_suggestion(page):
    assert page.cards == {}
    assert not page.empty_note.isHidden()


def test_adding_a_suggestion_adds_the_action(page, controller, qtbot):
    guide = next(a for a in actions(controller) if a.kind == "guide")
    controller.run(plan.remove_action, guide.id)
    assert "guide" in page.cards and page.empty_note.isHidden()
    card = page.cards["guide"]
    suggestion = card.suggestion
    assert card.meta.text().startswith("guide ou FAQ · ")
    qtbot.mouseClick(card.add_button, Qt.MouseButton.LeftButton)
    added = actions(controller)[-1]
    assert (added.kind, added.title) == ("guide", suggestion.title)
    assert added.audience == suggestion.audience and added.description
    assert page.selected_action().id == added.id
    assert "guide" not in page.cards


def test_suggestions_follow_the_diagnostic_and_target(page, controller):
    tools = next(a for a in actions(controller) if a.kind == "tool_adoption")
    controller.run(plan.remove_action, tools.id)
    assert "tool_adoption" not in page.cards  # adoption scored 3 in the demo
    controller.run(positioning.set_score, "digital_tools_adoption", 2)
    assert "tool_adoption" in page.cards
    training = next(a for a in actions(controller) if a.kind == "training")
    controller.run(plan.remove_action, training.id)
    assert "training" in page.cards and "managers_briefing" not in page.cards
    controller.run(positioning.set_target, 2, 8)  # the room now wants control
    assert {"training_before_use", "managers_briefing"} <= set(page.cards)
    assert "training" not in page.cards


def test_language_switch_relabels_kinds(page, window):
    window.set_language("en")
    assert page.model.index(1, KIND).data() == "training"
    assert page.heading.text() == "Accompaniment plan"
    window.set_language("fr")
    assert page.model.index(1, KIND).data() == "formation"


def test_move_down_reorders_the_plan_and_keeps_the_selection(page, controller):
    assert page.can_reorder
    first, second = (a.id for a in controller.snapshot.actions[:2])
    page.select_action(first)
    page.move_selected(+1)
    ids = [a.id for a in controller.snapshot.actions]
    assert ids[:2] == [second, first]
    assert page.selected_action().id == first


def test_tab_after_a_text_edit_goes_to_the_next_column_not_back(page, controller, qtbot):
    from PySide6.QtWidgets import QLineEdit

    index = page.model.index(0, OWNER)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    (owner,) = [e for e in page.table.findChildren(QLineEdit) if e.isVisible()]
    owner.setText("Direction des RH")
    qtbot.keyClick(owner, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: actions(controller)[0].owner == "Direction des RH")
    assert page.table.currentIndex().column() == DUE  # left to right
    assert [e for e in page.table.findChildren(DueDateEditor) if e.isVisible()]
