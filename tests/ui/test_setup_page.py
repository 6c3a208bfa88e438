"""The set-up page: the form commits through the domain, attendance is one click or Space,
lists are pasted or imported with a preview, refusals show the domain's message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication

from ui import dialogs
from ui.models.participants import ParticipantsModel
from workshop.model import Step

SPACE = Qt.Key.Key_Space


@pytest.fixture
def page(window, controller, demo_path):
    assert controller.open(demo_path)
    window.go_to(Step.SETUP)
    page = window.pages["setup"]
    assert window.stack.currentWidget() is page
    return page


def audit_size(controller) -> int:
    return len(controller.full_snapshot().audit)


def last_event(controller):
    return controller.full_snapshot().audit[-1]


def row_of(page, name: str) -> int:
    model = page.participants
    for row in range(model.rowCount()):
        if model.data(model.index(row, ParticipantsModel.NAME)) == name:
            return row
    raise AssertionError(name)


# -- workshop form -------------------------------------------------------------------------
def test_editing_the_title_commits_when_editing_ends_not_on_each_key(page, controller, qtbot):
    page.tabs.setCurrentIndex(0)
    edit = page.text_fields["title"]
    edit.setFocus()
    before = audit_size(controller)
    edit.selectAll()
    qtbot.keyClicks(edit, "Charte 2027")
    assert audit_size(controller) == before  # typing writes nothing yet
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert controller.snapshot.workshop.title == "Charte 2027"
    assert audit_size(controller) == before + 1
    assert last_event(controller).kind == "update_workshop"
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # nothing changed: no second event
    assert audit_size(controller) == before + 1


def test_an_invalid_value_shows_the_domain_message_and_reverts(page, controller, qtbot, errors):
    edit = page.text_fields["title"]
    stored = controller.snapshot.workshop.title
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert errors == ["« Titre » ne peut pas être vide."]
    assert edit.text() == stored
    assert controller.snapshot.workshop.title == stored


def test_combos_date_and_ballot_defaults_commit(page, controller):
    page.size_combo.setCurrentIndex(page.size_combo.findData("50-249"))
    page.size_combo.activated.emit(page.size_combo.currentIndex())
    assert controller.snapshot.workshop.size_band == "50-249"

    page.status_combo.setCurrentIndex(page.status_combo.findData("guide"))
    page.status_combo.activated.emit(page.status_combo.currentIndex())
    assert controller.snapshot.workshop.charter_status == "guide"
    assert "consultation" in page.status_help.text()

    from PySide6.QtCore import QDate

    page.date_edit.setDate(QDate(2027, 1, 14))
    page.date_edit.editingFinished.emit()
    assert controller.snapshot.workshop.date == "2027-01-14"

    page.quorum_spin.setValue(8)
    page.quorum_spin.editingFinished.emit()
    assert controller.snapshot.workshop.ballot_quorum == 8

    page.dm_combo.setCurrentIndex(2)
    page.dm_spin.setValue(3)
    page.dm_combo.activated.emit(2)
    assert controller.snapshot.workshop.ballot_double_majority == 3
    page.dm_combo.setCurrentIndex(1)
    page.dm_combo.activated.emit(1)
    assert controller.snapshot.workshop.ballot_double_majority == 0

    page.abstentions_box.click()
    assert controller.snapshot.workshop.ballot_abstentions_count is True


def test_choosing_consent_switches_off_what_consent_cannot_use_in_one_change(page, controller):
    from workshop.operations import setup

    controller.run(setup.update_workshop, ballot_abstentions_count=True, ballot_double_majority=0)
    before = audit_size(controller)
    page.method_combo.setCurrentIndex(page.method_combo.findData("consent"))
    page.method_combo.activated.emit(page.method_combo.currentIndex())
    info = controller.snapshot.workshop
    assert (info.ballot_method, info.ballot_abstentions_count, info.ballot_double_majority) == (
        "consent",
        False,
        None,
    )
    assert audit_size(controller) == before + 1
    assert not page.abstentions_box.isEnabled() and not page.dm_combo.isEnabled()


def test_secret_ballot_switches_off_the_double_majority(page, controller):
    from workshop.operations import setup

    controller.run(setup.update_workshop, ballot_double_majority=2)
    page.capture_combo.setCurrentIndex(page.capture_combo.findData("secret"))
    page.capture_combo.activated.emit(page.capture_combo.currentIndex())
    info = controller.snapshot.workshop
    assert (info.ballot_capture, info.ballot_double_majority) == ("secret", None)
    assert not page.dm_combo.isEnabled()


def test_agenda_minutes(page, controller):
    spin = page.agenda_spins["clauses"]
    spin.setValue(120)
    spin.editingFinished.emit()
    planned = {a.step: a.planned_minutes for a in controller.snapshot.agenda}
    assert planned["clauses"] == 120
    assert "4 h 40" in page.agenda_total.text()


# -- participants --------------------------------------------------------------------------
def test_clicking_present_marks_a_departure_and_arrival(page, controller, qtbot):
    page.tabs.setCurrentIndex(2)
    row = row_of(page, "Noé Petit")
    index = page.participants.index(row, ParticipantsModel.PRESENT)
    page.table.scrollTo(index)
    rect = page.table.visualRect(index)
    # anywhere in the cell, not only on the small box: a big target on a projector
    point = QPoint(rect.right() - 4, rect.center().y())
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    noe = next(p for p in controller.snapshot.participants if p.name == "Noé Petit")
    assert not noe.present
    assert last_event(controller).kind == "attendance"
    assert page.participants.data(index) == page.participants.tr("Absent")
    assert page.participants.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert "15" in page.attendance.text() and "16" in page.attendance.text()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert next(p for p in controller.snapshot.participants if p.name == "Noé Petit").present


def test_space_on_a_row_toggles_presence_and_keeps_the_cursor(page, window, controller, qtbot):
    page.tabs.setCurrentIndex(2)
    table = page.table
    row = row_of(page, "Chloé Martin")
    table.setFocus()
    table.setCurrentIndex(page.participants.index(row, ParticipantsModel.NAME))
    before = audit_size(controller)
    qtbot.keyClick(table, SPACE)
    chloe = controller.snapshot.participant(page.participants.participant(row).id)
    assert not chloe.present
    assert audit_size(controller) == before + 1
    assert table.currentIndex().row() == row  # ready for the next arrival
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, SPACE)
    assert not page.participants.participant(row + 1).present
    # Space on the "may be named" box toggles that box instead
    table.setCurrentIndex(page.participants.index(row, ParticipantsModel.NAMED))
    qtbot.keyClick(table, SPACE)
    assert not controller.snapshot.participant(chloe.id).may_be_named


def test_clicker_keys_leave_space_to_the_table(page, controller, qtbot):
    page.tabs.setCurrentIndex(2)
    page.table.setFocus()
    page.table.setCurrentIndex(page.participants.index(0, ParticipantsModel.NAME))
    qtbot.keyClick(page.table, SPACE)
    assert controller.snapshot.workshop.current_step == "setup"
    assert not controller.snapshot.participants[0].present


def test_undo_shows_the_previous_state_in_the_table(page, controller):
    row = row_of(page, "Sophie Gauthier")
    index = page.participants.index(row, ParticipantsModel.PRESENT)
    assert page.participants.toggle_present(row)
    assert page.participants.data(index) == page.participants.tr("Absent")
    controller.undo()
    assert page.participants.data(index) == page.participants.tr("Present")
    assert page.participants.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_editing_name_function_and_college_in_the_table(page, controller):
    model = page.participants
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
    index = page.participants.index(row, ParticipantsModel.COLLEGE)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    combo = page.table.indexWidget(index) or page.table.findChild(QComboBox)
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "Salariés"
    assert [combo.itemText(i) for i in range(combo.count())][:2] == ["Direction", "RH"]
    combo.setCurrentIndex(combo.findText("Juridique"))
    combo.activated.emit(combo.currentIndex())
    qtbot.waitUntil(lambda: page.participants.data(index) == "Juridique")
    pid = page.participants.participant(row).id
    assert controller.snapshot.college(controller.snapshot.participant(pid).college_id).name == (
        "Juridique"
    )


def test_typing_letters_goes_to_a_name_from_any_column(page, window, qtbot):
    page.tabs.setCurrentIndex(2)
    page.table.setFocus()
    page.table.setCurrentIndex(page.participants.index(0, ParticipantsModel.PRESENT))
    qtbot.keyClicks(page.table, "Soph")
    assert page.table.currentIndex().row() == row_of(page, "Sophie Gauthier")


def test_refused_edit_in_the_table_shows_the_message_and_keeps_the_value(page, errors):
    model = page.participants
    index = model.index(0, ParticipantsModel.NAME)
    name = model.data(index)
    assert not model.setData(index, "   ")
    assert errors == ["« Nom » ne peut pas être vide."]
    assert model.data(index) == name


def test_adding_a_participant_from_the_entry_row(page, controller, qtbot):
    page.new_name.setText("Jeanne Дарк")
    page.new_function.setText("Stagiaire")
    page.new_college.setCurrentIndex(page.new_college.findText("Juridique"))
    qtbot.keyClick(page.new_function, Qt.Key.Key_Return)
    p = controller.snapshot.participants[-1]
    assert (p.name, p.function, p.pseudonym) == ("Jeanne Дарк", "Stagiaire", "Juridique 2")
    assert page.new_name.text() == "" and page.new_college.currentText() == "Juridique"
    assert "(17)" in page.tabs.tabText(2)


def test_removing_someone_who_voted_shows_the_domain_message(page, controller, monkeypatch, errors):
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, q: asked.append(q) or True)
    row = row_of(page, "Chloé Martin")
    page.table.setCurrentIndex(page.participants.index(row, 0))
    page.remove_button.click()
    assert len(asked) == 1 and "Chloé Martin" in asked[0]
    assert errors == [
        "Ce participant figure dans un scrutin : marquez-le absent plutôt que de le supprimer."
    ]
    assert len(controller.snapshot.participants) == 16


def test_removing_someone_who_did_not_vote(page, controller, monkeypatch, qtbot):
    from workshop.operations import setup

    controller.run(setup.add_participant, "Visiteur", 1)
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _q: True)
    page.table.setFocus()
    page.table.setCurrentIndex(page.participants.index(row_of(page, "Visiteur"), 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert [p.name for p in controller.snapshot.participants if p.name == "Visiteur"] == []


def test_pasting_three_lines_adds_three_participants_in_one_change(page, controller, monkeypatch):
    previews = []

    def accept(dialog):
        previews.append(dialog)
        return True

    monkeypatch.setattr(dialogs, "exec_roster_preview", accept)
    QGuiApplication.clipboard().setText(
        "Łukasz Nowak\tStagiaire RH\trh\n"
        "田中 美咲 🌿\tCommunity manager\tCommunication\n"
        "Ana Lúcia\t\tsalaries\n"
    )
    before_people, before_events = len(controller.snapshot.participants), audit_size(controller)
    page.paste_button.click()
    assert len(previews) == 1 and len(previews[0].plan.accepted) == 3
    names = [p.name for p in controller.snapshot.participants]
    assert len(names) == before_people + 3
    assert names[-3:] == ["Łukasz Nowak", "田中 美咲 🌿", "Ana Lúcia"]
    assert audit_size(controller) == before_events + 1
    assert page.participants.rowCount() == before_people + 3
    controller.undo()
    assert len(controller.snapshot.participants) == before_people
    assert page.participants.rowCount() == before_people


def test_ctrl_v_in_the_table_pastes_too(page, controller, monkeypatch, qtbot):
    monkeypatch.setattr(dialogs, "exec_roster_preview", lambda _d: True)
    QGuiApplication.clipboard().setText("Nouvelle Personne\t\tDSI\n")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert controller.snapshot.participants[-1].name == "Nouvelle Personne"


def test_cancelled_preview_adds_nothing(page, controller, monkeypatch):
    monkeypatch.setattr(dialogs, "exec_roster_preview", lambda _d: False)
    QGuiApplication.clipboard().setText("Personne\t\tRH\n")
    page.paste_button.click()
    assert len(controller.snapshot.participants) == 16


def test_csv_import_previews_refused_lines_and_can_create_colleges(
    page, controller, monkeypatch, tmp_path
):
    path = tmp_path / "liste.csv"
    path.write_text(
        "Nom;Fonction;Collège\nA;;RH\n;sans nom;RH\nB;;Ambassadeurs\n", encoding="utf-8-sig"
    )
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_a: str(path))
    seen = {}

    def preview(dialog):
        seen["first"] = (len(dialog.plan.accepted), [r.line for r in dialog.plan.refused])
        assert dialog.refused_table.rowCount() == 2
        dialog.create_box.setChecked(True)
        seen["then"] = (len(dialog.plan.accepted), [r.line for r in dialog.plan.refused])
        return True

    monkeypatch.setattr(dialogs, "exec_roster_preview", preview)
    page.import_button.click()
    assert seen == {"first": (1, [3, 4]), "then": (2, [3])}
    assert [p.name for p in controller.snapshot.participants][-2:] == ["A", "B"]
    assert "Ambassadeurs" in [c.name for c in controller.snapshot.colleges]


def test_unreadable_csv_shows_one_line(page, controller, monkeypatch, tmp_path, errors):
    path = tmp_path / "latin.csv"
    path.write_bytes("Hélène;;RH\n".encode("latin-1"))
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_a: str(path))
    page.import_button.click()
    assert len(errors) == 1 and "UTF-8" in errors[0]


def test_participants_model_passes_the_model_tester(page, controller, qtmodeltester):
    qtmodeltester.check(page.participants, force_py=True)
    page.participants.toggle_present(0)
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


# -- colleges ------------------------------------------------------------------------------
def test_colleges_add_rename_recolour_and_remove(page, controller, monkeypatch, errors):
    monkeypatch.setattr(dialogs, "ask_text", lambda *_a, **_k: "Ambassadeurs")
    page.add_college_button.click()
    names = [c.name for c in controller.snapshot.colleges]
    assert names[-1] == "Ambassadeurs"
    assert page.colleges_tree.currentItem().text(0) == "Ambassadeurs"

    monkeypatch.setattr(dialogs, "ask_text", lambda *_a, **_k: "Relais")
    page.rename_college_button.click()
    assert controller.snapshot.colleges[-1].name == "Relais"

    monkeypatch.setattr(dialogs, "ask_colour", lambda *_a: "#112233")
    page.colour_college_button.click()
    assert controller.snapshot.colleges[-1].colour == "#112233"

    page.remove_college_button.click()
    assert "Relais" not in [c.name for c in controller.snapshot.colleges]

    page.colleges_tree.setCurrentItem(page.colleges_tree.topLevelItem(0))
    page.remove_college_button.click()
    assert errors == ["Ce collège a des participants ou des votes : déplacez-les d’abord."]


def test_colleges_show_counts_as_text_next_to_the_colour(page):
    item = page.colleges_tree.topLevelItem(2)
    assert (item.text(0), item.text(1), item.text(2)) == ("Représentants du personnel", "3", "3")
    assert not item.icon(0).isNull()


# -- language ------------------------------------------------------------------------------
def test_language_switch_retranslates_the_page(page, window):
    window.set_language("en")
    assert page.heading.text() == "Set-up"
    assert page.method_combo.currentText() == "simple majority of votes cast"
    assert page.participants.headerData(0, Qt.Orientation.Horizontal) == "Name"
    window.set_language("fr")
    assert page.heading.text() == "Préparation"
    assert page.method_combo.currentText() == "majorité simple des suffrages exprimés"
