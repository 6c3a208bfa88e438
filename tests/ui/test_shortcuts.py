"""No two keys collide anywhere in the console, in English and in French (issue 12: Alt+A
opened a menu and a tab at once; Ctrl+Shift+Z was « ambiguous »; Ctrl+Y did nothing)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QTabWidget

from tests.ui.shortcut_audit import bindings, collisions, report
from ui import i18n
from workshop.model import STEPS
from workshop.operations import ballots


def _states(window, controller):  # noqa: ANN202 - Iterator[str]
    """The console as the facilitator meets it: each page, each tab, a vote open."""
    yield "welcome"
    controller.open(window._demo_path)
    for step in STEPS:
        window.go_to(step)
        page = window.pages[step.value]
        yield step.value
        for tabs in page.findChildren(QTabWidget):
            for index in range(tabs.count()):
                if tabs.isVisible():
                    tabs.setCurrentIndex(index)
                    yield f"{step.value} › {tabs.tabText(index).replace('&', '')}"
    window.go_to(STEPS[3])
    page = window.pages["clauses"]
    clause = next(c for c in controller.snapshot.clauses if not c.ballots)
    page.select_clause(clause.id)
    page.tabs.setCurrentIndex(page.TAB_VOTE)
    yield "clauses › vote set-up"
    controller.run(ballots.open_ballot, clause.id, capture="nominative")
    yield "clauses › vote open"


def _audit(window, controller) -> tuple[list, list]:
    found, pairs = [], []
    for scope in _states(window, controller):
        now = bindings(window, scope)
        found += now
        pairs += collisions(now)
    return found, pairs


@pytest.fixture
def console(window, demo_path):
    window.resize(1900, 1000)
    window._demo_path = demo_path
    return window


def test_english_has_no_collision(console, controller, english_ui):
    found, pairs = _audit(console, controller)
    assert len(found) > 100  # menus, pages, tabs, buttons: the audit saw the console
    assert not pairs, report(found, pairs)


def test_french_has_no_collision(console, controller):
    i18n.install("fr")
    found, pairs = _audit(console, controller)
    assert len(found) > 100
    assert not pairs, report(found, pairs)


@pytest.mark.parametrize(
    "platform",
    [
        ["Ctrl+Shift+Z"],
        ["Ctrl+Y", "Ctrl+Shift+Z"],
        ["Ctrl+Y", "Alt+Shift+Backspace", "Ctrl+Shift+Z"],
    ],
    ids=["linux", "windows", "offscreen"],
)
def test_redo_keys_are_each_given_once_with_ctrl_y(platform):
    from ui.main_window import redo_shortcuts

    keys = [
        k.toString(QKeySequence.SequenceFormat.PortableText)
        for k in redo_shortcuts([QKeySequence(p) for p in platform])
    ]
    assert "Ctrl+Y" in keys and "Ctrl+Shift+Z" in keys
    assert len(keys) == len(set(keys)) == len(set(platform) | {"Ctrl+Y"})


def test_redo_answers_both_keys_without_ambiguity(window, controller, demo_path, qtbot):
    from workshop.operations import setup

    controller.open(demo_path)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    keys = [
        k.toString(QKeySequence.SequenceFormat.PortableText) for k in window.act_redo.shortcuts()
    ]
    assert "Ctrl+Y" in keys and "Ctrl+Shift+Z" in keys
    assert len(keys) == len(set(keys))  # a key given twice is « ambiguous » and does nothing
    before = controller.snapshot.workshop.title
    controller.run(setup.update_workshop, title="Titre changé")
    window.setFocus()
    for chord in ("Ctrl+Z", "Ctrl+Y", "Ctrl+Z", "Ctrl+Shift+Z"):
        sequence = QKeySequence(chord)
        combo = sequence[0]
        qtbot.keyClick(window, combo.key(), combo.keyboardModifiers())
        expected = before if chord == "Ctrl+Z" else "Titre changé"
        assert controller.snapshot.workshop.title == expected, chord


# -- the ballot: open, close, cancel and record without a dozen Tabs ------------------------
@pytest.fixture
def vote_page(window, controller, tmp_path, qtbot, monkeypatch):
    """A small workshop on its one clause's vote tab, the window active (shortcuts)."""
    from ui import dialogs
    from workshop.library import builtin_library
    from workshop.operations import clauses, setup

    monkeypatch.setattr(dialogs, "confirm", lambda _parent, _question: True)
    session = setup.create(tmp_path / "petit.charter", "Atelier", "Société", "fr")
    colleges = controller.snapshot.colleges if controller.is_open else None
    from workshop import snapshot as snap

    colleges = snap.load(session.conn).colleges
    for name, college in (("Alice Dupont", 1), ("Bruno Martin", 1), ("Chantal Roy", 2)):
        setup.add_participant(session, name, colleges[college].id)
    clauses.add_clause(session, builtin_library("fr"), "ai-use")
    setup.go_to_step(session, "clauses")
    controller.adopt(session)
    page = window.pages["clauses"]
    page.tabs.setCurrentIndex(page.TAB_VOTE)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return page


def _press(qtbot, widget, chord: str) -> None:
    combo = QKeySequence(chord)[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


def _native(chord: str) -> str:
    return QKeySequence(chord).toString(QKeySequence.SequenceFormat.NativeText)


def _open_round(controller) -> list:
    clause = controller.snapshot.clauses[0]
    return [b for b in clause.ballots if b.is_open]


def test_vote_opens_closes_and_cancels_by_keyboard(vote_page, controller, qtbot):
    panel = vote_page.ballot
    focus = vote_page.left.clause_list  # wherever the focus is on the page
    focus.setFocus()
    assert _native("Ctrl+Return") in panel.setup.open_button.toolTip()  # names the keys
    _press(qtbot, focus, "Ctrl+Return")
    assert panel.mode == "open" and _open_round(controller)
    assert _native("Ctrl+Shift+Return") in panel.open_view.close_button.toolTip()
    assert _native("Ctrl+Shift+Del") in panel.open_view.cancel_button.toolTip()
    _press(qtbot, focus, "Ctrl+Shift+Del")  # a false start: cancelled
    assert not _open_round(controller) and panel.mode != "open"
    panel.setup.capture.setCurrentIndex(panel.setup.capture.findData("counts"))
    _press(qtbot, focus, "Ctrl+Return")
    assert _open_round(controller)
    counts = panel.open_view.counts
    college = controller.snapshot.colleges[1]
    row = counts.row(college.id)
    assert row["save"].toolTip() == counts.tr("Record this college's numbers (Enter in its fields)")
    spin = row["spins"][0]
    spin.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is spin)
    spin.selectAll()
    qtbot.keyClicks(spin, "2")
    qtbot.keyClick(spin, Qt.Key.Key_Return)  # Enter in the fields records the row
    assert "✓" in row["label"].text()
    _press(qtbot, focus, "Ctrl+Shift+Return")
    assert not _open_round(controller) and panel.mode == "result"


def test_enter_in_a_row_with_too_many_votes_records_nothing(vote_page, controller, qtbot):
    panel = vote_page.ballot
    panel.setup.capture.setCurrentIndex(panel.setup.capture.findData("counts"))
    panel.setup.open_button.click()
    counts = panel.open_view.counts
    college = controller.snapshot.colleges[1]
    counts.set_values(college.id, [9, 0, 0])  # two present
    spin = counts.row(college.id)["spins"][0]
    spin.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is spin)
    before = controller.session.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    after = controller.session.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    assert after == before and "✓" not in counts.row(college.id)["label"].text()


def test_open_shortcut_does_nothing_from_another_page(vote_page, window, controller, qtbot):
    window.go_to(STEPS[4])  # the plan: the vote's button is out of sight
    _press(qtbot, window.rail, "Ctrl+Return")
    assert not _open_round(controller)
