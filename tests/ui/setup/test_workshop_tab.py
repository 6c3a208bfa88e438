"""The « Atelier et ordre du jour » tab: the form commits through the domain when editing ends."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.setup.helpers import audit_size, last_event


def test_editing_the_title_commits_when_editing_ends_not_on_each_key(page, controller, qtbot):
    page.tabs.setCurrentIndex(0)
    edit = page.workshop_tab.text_fields["title"]
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
    edit = page.workshop_tab.text_fields["title"]
    stored = controller.snapshot.workshop.title
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert errors == ["« Titre » ne peut pas être vide."]
    assert edit.text() == stored
    assert controller.snapshot.workshop.title == stored


def test_combos_date_and_ballot_defaults_commit(page, controller):
    page.workshop_tab.size_combo.setCurrentIndex(page.workshop_tab.size_combo.findData("50-249"))
    page.workshop_tab.size_combo.activated.emit(page.workshop_tab.size_combo.currentIndex())
    assert controller.snapshot.workshop.size_band == "50-249"

    page.workshop_tab.status_combo.setCurrentIndex(page.workshop_tab.status_combo.findData("guide"))
    page.workshop_tab.status_combo.activated.emit(page.workshop_tab.status_combo.currentIndex())
    assert controller.snapshot.workshop.charter_status == "guide"
    assert "consultation" in page.workshop_tab.status_help.text()

    from PySide6.QtCore import QDate

    page.workshop_tab.date_edit.setDate(QDate(2027, 1, 14))
    page.workshop_tab.date_edit.editingFinished.emit()
    assert controller.snapshot.workshop.date == "2027-01-14"

    page.workshop_tab.quorum_spin.setValue(8)
    page.workshop_tab.quorum_spin.editingFinished.emit()
    assert controller.snapshot.workshop.ballot_quorum == 8

    page.workshop_tab.dm_combo.setCurrentIndex(2)
    page.workshop_tab.dm_spin.setValue(3)
    page.workshop_tab.dm_combo.activated.emit(2)
    assert controller.snapshot.workshop.ballot_double_majority == 3
    page.workshop_tab.dm_combo.setCurrentIndex(1)
    page.workshop_tab.dm_combo.activated.emit(1)
    assert controller.snapshot.workshop.ballot_double_majority == 0

    page.workshop_tab.abstentions_box.click()
    assert controller.snapshot.workshop.ballot_abstentions_count is True


def test_choosing_consent_switches_off_what_consent_cannot_use_in_one_change(page, controller):
    from workshop.operations import setup

    controller.run(setup.update_workshop, ballot_abstentions_count=True, ballot_double_majority=0)
    before = audit_size(controller)
    page.workshop_tab.method_combo.setCurrentIndex(
        page.workshop_tab.method_combo.findData("consent")
    )
    page.workshop_tab.method_combo.activated.emit(page.workshop_tab.method_combo.currentIndex())
    info = controller.snapshot.workshop
    assert (info.ballot_method, info.ballot_abstentions_count, info.ballot_double_majority) == (
        "consent",
        False,
        None,
    )
    assert audit_size(controller) == before + 1
    assert (
        not page.workshop_tab.abstentions_box.isEnabled()
        and not page.workshop_tab.dm_combo.isEnabled()
    )


def test_secret_ballot_switches_off_the_double_majority(page, controller):
    from workshop.operations import setup

    controller.run(setup.update_workshop, ballot_double_majority=2)
    page.workshop_tab.capture_combo.setCurrentIndex(
        page.workshop_tab.capture_combo.findData("secret")
    )
    page.workshop_tab.capture_combo.activated.emit(page.workshop_tab.capture_combo.currentIndex())
    info = controller.snapshot.workshop
    assert (info.ballot_capture, info.ballot_double_majority) == ("secret", None)
    assert not page.workshop_tab.dm_combo.isEnabled()


@pytest.mark.parametrize("method", ["simple", "absolute", "two_thirds", "three_quarters",
                                    "unanimity", "consent"])  # fmt: skip
def test_the_defaults_offer_what_the_method_registry_allows(page, controller, method):
    """The form asks workshop.methods, never decides: an option the registry refuses for
    the method is disabled and switched off in the same change."""
    from workshop import methods
    from workshop.operations import setup

    controller.run(setup.update_workshop, ballot_abstentions_count=True, ballot_double_majority=0)
    combo = page.workshop_tab.method_combo
    combo.setCurrentIndex(combo.findData(method))
    combo.activated.emit(combo.currentIndex())
    info = controller.snapshot.workshop
    offered = methods.allowed(info.ballot_method, info.ballot_capture)
    abstentions = methods.Option.ABSTENTIONS_COUNT in offered
    double = methods.Option.DOUBLE_MAJORITY in offered
    assert info.ballot_method == method
    assert page.workshop_tab.abstentions_box.isEnabled() == abstentions
    assert page.workshop_tab.dm_combo.isEnabled() == double
    assert info.ballot_abstentions_count == abstentions
    assert (info.ballot_double_majority is not None) == double


def test_agenda_minutes(page, controller):
    spin = page.workshop_tab.agenda_spins["clauses"]
    spin.setValue(120)
    spin.editingFinished.emit()
    planned = {a.step: a.planned_minutes for a in controller.snapshot.agenda}
    assert planned["clauses"] == 120
    assert "4 h 40" in page.workshop_tab.agenda_total.text()


def test_agenda_start_time_and_breaks_show_the_planned_times(page, controller, qtbot, errors):
    tab = page.workshop_tab
    tab.start_edit.setFocus()
    tab.start_edit.selectAll()
    qtbot.keyClicks(tab.start_edit, "8h30")
    qtbot.keyClick(tab.start_edit, Qt.Key.Key_Return)
    assert controller.snapshot.workshop.start_time == "08:30"
    assert tab.start_edit.text() == "08:30"
    assert tab.agenda_times["setup"].text() == "08:30–08:50"
    assert tab.agenda_times["diagnostic"].text() == "08:50–09:30"
    pause = tab.break_spins["diagnostic"]
    pause.setValue(15)
    pause.editingFinished.emit()
    assert {a.step: a.break_minutes for a in controller.snapshot.agenda}["diagnostic"] == 15
    assert last_event(controller).kind == "plan_break"
    assert tab.agenda_times["matrix"].text() == "09:45–10:15"  # after the break
    assert "5 h 25" in tab.agenda_total.text()  # 310 planned + 15 of break
    controller.undo()
    assert tab.agenda_times["matrix"].text() == "09:30–10:00"
    assert pause.value() == 0


def test_an_unreadable_start_time_is_refused_in_one_line(page, controller, qtbot, errors):
    tab = page.workshop_tab
    before = controller.snapshot.workshop.start_time
    tab.start_edit.setFocus()
    tab.start_edit.selectAll()
    qtbot.keyClicks(tab.start_edit, "midi et quart")
    qtbot.keyClick(tab.start_edit, Qt.Key.Key_Return)
    assert len(errors) == 1 and "« midi et quart »" in errors[0] and "\n" not in errors[0]
    assert controller.snapshot.workshop.start_time == before
