"""The « Participants » tab: attendance is one click or Space; the entry row adds one person."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from tests.ui.setup.helpers import SPACE, audit_size, last_event, row_of
from ui import dialogs
from ui.models.participants import ParticipantsModel


def test_clicking_present_marks_a_departure_and_arrival(page, controller, qtbot):
    page.tabs.setCurrentIndex(2)
    row = row_of(page, "Noé Petit")
    index = page.participants_tab.participants.index(row, ParticipantsModel.PRESENT)
    page.participants_tab.table.scrollTo(index)
    rect = page.participants_tab.table.visualRect(index)
    # anywhere in the cell, not only on the small box: a big target on a projector
    point = QPoint(rect.right() - 4, rect.center().y())
    qtbot.mouseClick(page.participants_tab.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    noe = next(p for p in controller.snapshot.participants if p.name == "Noé Petit")
    assert not noe.present
    assert last_event(controller).kind == "attendance"
    assert page.participants_tab.participants.data(index) == page.participants_tab.participants.tr(
        "Absent"
    )
    assert (
        page.participants_tab.participants.data(index, Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Unchecked
    )
    assert (
        "15" in page.participants_tab.attendance.text()
        and "16" in page.participants_tab.attendance.text()
    )
    qtbot.mouseClick(page.participants_tab.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert next(p for p in controller.snapshot.participants if p.name == "Noé Petit").present


def test_space_on_a_row_toggles_presence_and_keeps_the_cursor(page, window, controller, qtbot):
    page.tabs.setCurrentIndex(2)
    table = page.participants_tab.table
    row = row_of(page, "Chloé Martin")
    table.setFocus()
    table.setCurrentIndex(page.participants_tab.participants.index(row, ParticipantsModel.NAME))
    before = audit_size(controller)
    qtbot.keyClick(table, SPACE)
    chloe = controller.snapshot.participant(page.participants_tab.participants.participant(row).id)
    assert not chloe.present
    assert audit_size(controller) == before + 1
    assert table.currentIndex().row() == row  # ready for the next arrival
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, SPACE)
    assert not page.participants_tab.participants.participant(row + 1).present
    # Space on the "may be named" box toggles that box instead
    table.setCurrentIndex(page.participants_tab.participants.index(row, ParticipantsModel.NAMED))
    qtbot.keyClick(table, SPACE)
    assert not controller.snapshot.participant(chloe.id).may_be_named


def test_clicker_keys_leave_space_to_the_table(page, controller, qtbot):
    page.tabs.setCurrentIndex(2)
    page.participants_tab.table.setFocus()
    page.participants_tab.table.setCurrentIndex(
        page.participants_tab.participants.index(0, ParticipantsModel.NAME)
    )
    qtbot.keyClick(page.participants_tab.table, SPACE)
    assert controller.snapshot.workshop.current_step == "setup"
    assert not controller.snapshot.participants[0].present


def test_undo_shows_the_previous_state_in_the_table(page, controller):
    row = row_of(page, "Sophie Gauthier")
    index = page.participants_tab.participants.index(row, ParticipantsModel.PRESENT)
    assert page.participants_tab.participants.toggle_present(row)
    assert page.participants_tab.participants.data(index) == page.participants_tab.participants.tr(
        "Absent"
    )
    controller.undo()
    assert page.participants_tab.participants.data(index) == page.participants_tab.participants.tr(
        "Present"
    )
    assert (
        page.participants_tab.participants.data(index, Qt.ItemDataRole.CheckStateRole)
        == Qt.CheckState.Checked
    )


def test_editing_name_function_and_college_in_the_table(page, controller):
    model = page.participants_tab.participants
    row = row_of(page, "Noé Petit")
    pid = model.participant(row).id
    assert model.setData(model.index(row, ParticipantsModel.NAME), "Noé Petit-Jean")
    assert model.setData(model.index(row, ParticipantsModel.FUNCTION), "Conseiller senior")
    hr = next(c for c in controller.snapshot.colleges if c.name == "RH")
    assert model.setData(model.index(row, ParticipantsModel.COLLEGE), hr.id)
    p = controller.snapshot.participant(pid)
    assert (p.name, p.function, p.college_id) == ("Noé Petit-Jean", "Conseiller senior", hr.id)
    assert p.pseudonym == "Salariés 1"  # pseudonyms never change
    assert model.data(model.index(row, ParticipantsModel.COLLEGE)) == "RH"


def test_college_editor_lists_the_colleges_and_applies_the_choice(page, controller, qtbot):
    from PySide6.QtWidgets import QComboBox

    page.tabs.setCurrentIndex(2)
    row = row_of(page, "Noé Petit")
    index = page.participants_tab.participants.index(row, ParticipantsModel.COLLEGE)
    page.participants_tab.table.setCurrentIndex(index)
    page.participants_tab.table.edit(index)
    combo = page.participants_tab.table.indexWidget(index) or page.participants_tab.table.findChild(
        QComboBox
    )
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "Salariés"
    assert [combo.itemText(i) for i in range(combo.count())][:2] == ["Direction", "RH"]
    combo.setCurrentIndex(combo.findText("Juridique"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: page.participants_tab.participants.data(index) == "Juridique")
    pid = page.participants_tab.participants.participant(row).id
    assert controller.snapshot.college(controller.snapshot.participant(pid).college_id).name == (
        "Juridique"
    )


def test_typing_letters_goes_to_a_name_from_any_column(page, window, qtbot):
    page.tabs.setCurrentIndex(2)
    page.participants_tab.table.setFocus()
    page.participants_tab.table.setCurrentIndex(
        page.participants_tab.participants.index(0, ParticipantsModel.PRESENT)
    )
    qtbot.keyClicks(page.participants_tab.table, "Soph")
    assert page.participants_tab.table.currentIndex().row() == row_of(page, "Sophie Gauthier")


def test_refused_edit_in_the_table_shows_the_message_and_keeps_the_value(page, errors):
    model = page.participants_tab.participants
    index = model.index(0, ParticipantsModel.NAME)
    name = model.data(index)
    assert not model.setData(index, "   ")
    assert errors == ["« Nom » ne peut pas être vide."]
    assert model.data(index) == name


def test_adding_a_participant_from_the_entry_row(page, controller, qtbot):
    page.participants_tab.new_name.setText("Jeanne Дарк")
    page.participants_tab.new_function.setText("Stagiaire")
    page.participants_tab.new_college.setCurrentIndex(
        page.participants_tab.new_college.findText("Juridique")
    )
    qtbot.keyClick(page.participants_tab.new_function, Qt.Key.Key_Return)
    p = controller.snapshot.participants[-1]
    assert (p.name, p.function, p.pseudonym) == ("Jeanne Дарк", "Stagiaire", "Juridique 2")
    assert (
        page.participants_tab.new_name.text() == ""
        and page.participants_tab.new_college.currentText() == "Juridique"
    )
    assert "(17)" in page.tabs.tabText(2)


def test_removing_someone_who_voted_shows_the_domain_message(page, controller, monkeypatch, errors):
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, q: asked.append(q) or True)
    row = row_of(page, "Chloé Martin")
    page.participants_tab.table.setCurrentIndex(page.participants_tab.participants.index(row, 0))
    page.participants_tab.remove_button.click()
    assert len(asked) == 1 and "Chloé Martin" in asked[0]
    assert errors == [
        "Ce participant figure dans un scrutin : marquez-le absent plutôt que de le supprimer."
    ]
    assert len(controller.snapshot.participants) == 16


def test_removing_someone_who_did_not_vote(page, controller, monkeypatch, qtbot):
    from workshop.operations import setup

    controller.run(setup.add_participant, "Visiteur", 1)
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _q: True)
    page.participants_tab.table.setFocus()
    page.participants_tab.table.setCurrentIndex(
        page.participants_tab.participants.index(row_of(page, "Visiteur"), 0)
    )
    qtbot.keyClick(page.participants_tab.table, Qt.Key.Key_Delete)
    assert [p.name for p in controller.snapshot.participants if p.name == "Visiteur"] == []


def test_participants_model_passes_the_model_tester(page, controller, qtmodeltester):
    qtmodeltester.check(page.participants_tab.participants, force_py=True)
    page.participants_tab.participants.toggle_present(0)
    controller.undo()
    from workshop.operations import setup

    controller.run(setup.add_participant, "Testeur", 1)
    controller.undo()


def test_model_on_its_own_with_the_qt_tester(controller, demo_path, qtmodeltester, qtlog):
    controller.open(demo_path)
    model = ParticipantsModel(controller)
    qtmodeltester.check(model)
    model.toggle_present(2)
    controller.close()
    assert model.rowCount() == 0
    assert not [r for r in qtlog.records if "FAIL" in r.message]


def test_erasing_someone_who_voted_removes_the_name_and_says_what_was_reached(
    page, controller, monkeypatch
):
    asked: list[str] = []
    infos: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, q: asked.append(q) or True)
    monkeypatch.setattr(dialogs, "show_info", lambda _p, m: infos.append(m))
    tab = page.participants_tab
    tab.table.setCurrentIndex(tab.participants.index(row_of(page, "Chloé Martin"), 0))
    assert tab.erase_button.isEnabled()
    tab.erase_button.click()
    assert len(asked) == 1 and "Chloé Martin" in asked[0]
    names = [p.name for p in controller.snapshot.participants]
    assert "Chloé Martin" not in names and len(names) == 16
    assert len(infos) == 1 and "Participant effacé" in infos[0]
    assert b"Chlo\xc3\xa9 Martin" not in controller.path.read_bytes()


def test_erasure_declined_changes_nothing(page, controller, monkeypatch):
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _q: False)
    tab = page.participants_tab
    tab.table.setCurrentIndex(tab.participants.index(row_of(page, "Chloé Martin"), 0))
    tab.erase_button.click()
    assert "Chloé Martin" in [p.name for p in controller.snapshot.participants]
