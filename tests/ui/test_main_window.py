"""The console shell: opening files, the step rail, undo/redo, refusals as dialogs."""

from __future__ import annotations

import sqlite3

from workshop.operations import setup


def test_opens_on_the_current_step_with_the_file_in_the_title(window, controller, demo_path):
    assert window.stack.currentWidget() is window.welcome
    assert controller.open(demo_path)
    assert window.windowTitle().startswith("demo.charter")
    current = controller.snapshot.workshop.current_step
    assert window.stack.currentWidget() is window.pages[current]
    assert window.rail.isEnabled()


def test_rail_moves_the_workshop_to_a_step_and_times_it(window, controller, demo_path):
    controller.open(demo_path)
    window.rail.setCurrentRow(1)
    assert controller.snapshot.workshop.current_step == "diagnostic"
    assert window.stack.currentWidget() is window.pages["diagnostic"]
    assert "min" in window.rail.item(1).text()


def test_undo_redo_actions_follow_the_domain(window, controller, demo_path):
    controller.open(demo_path)
    controller.run(setup.update_workshop, title="Titre modifié")
    assert window.act_undo.isEnabled()
    assert "Atelier modifié" in window.act_undo.text()
    window.act_undo.trigger()
    assert controller.snapshot.workshop.title != "Titre modifié"
    window.act_redo.trigger()
    assert controller.snapshot.workshop.title == "Titre modifié"


def test_refused_file_shows_the_domain_message(window, controller, tmp_path, errors):
    bad = tmp_path / "autre.charter"
    conn = sqlite3.connect(bad)
    conn.execute("CREATE TABLE x (y)")
    conn.commit()
    conn.close()
    assert not controller.open(bad)
    assert errors and "autre application" in errors[0]
    assert window.stack.currentWidget() is window.welcome


def test_refused_operation_shows_one_line(window, controller, demo_path, errors):
    controller.open(demo_path)
    assert controller.run(setup.add_participant, "  ", 1) is None
    assert errors == ["« Nom » ne peut pas être vide."]


def test_language_switch_retranslates_live(window, controller, demo_path):
    controller.open(demo_path)
    window.set_language("en")
    assert window.file_menu.title() == "&File"
    assert "Set-up" in window.rail.item(0).text()
    window.set_language("fr")
    assert "Préparation" in window.rail.item(0).text()


def test_close_returns_to_welcome(window, controller, demo_path):
    controller.open(demo_path)
    window.act_close.trigger()
    assert window.stack.currentWidget() is window.welcome
    assert not controller.is_open


def test_clicking_the_current_step_starts_its_clock(window, controller, tmp_path):
    from ui.controller import WorkshopController  # noqa: F401 (fixture type)

    session = setup.create(tmp_path / "nouveau.charter", "Atelier", "ACME")
    controller.adopt(session)
    assert controller.snapshot.workshop.current_step == "setup"
    assert controller.snapshot.agenda[0].started_at is None
    window.rail.itemClicked.emit(window.rail.item(0))
    assert controller.snapshot.agenda[0].started_at is not None
    assert "/ 20 min" in window.rail.item(0).text()


def test_status_line_follows_changes_undo_and_redo(window, controller, demo_path):
    controller.open(demo_path)
    status = window.statusBar()
    changed = controller.run(setup.update_workshop, title="Titre modifié")
    assert status.currentMessage() == changed.summary and changed.summary
    undone = controller.undo()
    assert status.currentMessage() == undone.summary
    assert undone.summary.startswith("Annulation") and changed.summary in undone.summary
    redone = controller.redo()
    assert status.currentMessage() == redone.summary
    assert redone.summary.startswith("Rétablissement")
    window.act_undo.trigger()  # from the menu (or Ctrl+Z) alike
    assert status.currentMessage().startswith("Annulation")
    controller.close()
    assert status.currentMessage() == ""


def test_tests_never_touch_the_users_settings(tmp_path):
    """The console's settings (recent files, language) land in the test's folder."""
    from ui.controller import remember_recent, settings

    remember_recent(tmp_path / "x.charter")
    assert str(tmp_path) in settings().fileName()
