"""The ballot panel: rounds by name, by counts and secret, and no tally while a vote is open."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)

from tests.ui.tally_patterns import TALLY_PATTERNS
from ui import dialogs
from ui.pages.ballot import BallotPanel
from ui.pages.clauses import ClausesPage
from workshop import snapshot as snap
from workshop import voting
from workshop.model import Choice, Method, Outcome, label
from workshop.operations import ballots, setup

PEOPLE = (("Alice Dupont", 1), ("Bruno Martin", 1), ("Chantal Roy", 2), ("Didier Blanc", 2))
CHOICE_WORDS = {label(c, lang).lower() for c in Choice for lang in ("fr", "en")}


# -- fixtures ------------------------------------------------------------------------------
@pytest.fixture
def demo(window, controller, demo_path) -> ClausesPage:
    """The demo workshop on the clause left without a vote (« ai-use », the 17th)."""
    controller.open(demo_path)
    controller.run(setup.go_to_step, "clauses")
    page = window.pages["clauses"]
    assert page.current_clause().library_key == "ai-use"
    page.tabs.setCurrentIndex(page.TAB_VOTE)
    return page


def panel_of(page: ClausesPage) -> BallotPanel:
    return page.ballot


def open_ballot(page: ClausesPage, **settings: object) -> snap.Ballot:
    panel = panel_of(page)
    form = panel.setup
    if "method" in settings:
        form.method.setCurrentIndex(form.method.findData(settings["method"]))
    if "capture" in settings:
        form.capture.setCurrentIndex(form.capture.findData(settings["capture"]))
    panel.setup.open_button.click()
    assert panel.mode == "open"
    return current_ballot(page)


def current_ballot(page: ClausesPage) -> snap.Ballot:
    return page.current_clause().ballots[-1]


def voter_ids(page: ClausesPage) -> list[int]:
    return [v.participant_id for v in current_ballot(page).voters]


def voted(page: ClausesPage) -> dict[int, bool]:
    return {v.participant_id: v.voted for v in current_ballot(page).voters}


def texts_of(root: QWidget, skip: tuple[QWidget, ...] = ()) -> list[str]:
    """Every text a widget tree holds: labels, buttons, tooltips, accessible names, items.

    ``skip`` widgets and what they hold are left out (the console's own record of a vote).
    """
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if any(widget is s or s.isAncestorOf(widget) for s in skip):
            continue
        found += [
            widget.toolTip(),
            widget.accessibleName(),
            widget.accessibleDescription(),
            widget.statusTip(),
            widget.whatsThis(),
            widget.windowTitle(),
        ]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            found.append(widget.text())
        if isinstance(widget, QTextEdit | QPlainTextEdit):
            found.append(widget.toPlainText())
        if isinstance(widget, QAbstractSpinBox):
            found.append(widget.text())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            found += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                found += [widget.item(i).text(), widget.item(i).toolTip()]
        if isinstance(widget, QTableWidget):
            for r in range(widget.rowCount()):
                for c in range(widget.columnCount()):
                    item = widget.item(r, c)
                    if item is not None:
                        found += [item.text(), item.toolTip()]
        if isinstance(widget, QTreeWidget):
            iterator = QTreeWidgetItemIterator(widget)
            while iterator.value():
                item = iterator.value()
                found += [item.text(c) for c in range(item.columnCount())]
                iterator += 1
    for action in root.findChildren(QAction):
        found += [action.text(), action.toolTip(), action.statusTip()]
    return [t for t in found if t]


def assert_no_tally(root: QWidget, names: list[str], skip: tuple[QWidget, ...] = ()) -> None:
    """No count per choice anywhere, and no text ties a voter's name to a choice."""
    for text in texts_of(root, skip):
        for pattern in TALLY_PATTERNS:
            assert not pattern.search(text), f"tally visible during the vote: {text!r}"
        if any(name in text for name in names):
            words = set(re.findall(r"\w+", text.lower()))
            assert not words & CHOICE_WORDS, f"a voter's choice is visible: {text!r}"


# -- setting up ------------------------------------------------------------------------------
def test_set_up_defaults_from_the_workshop(demo, controller):
    panel = panel_of(demo)
    assert panel.mode == "setup"
    workshop = controller.snapshot.workshop
    assert panel.setup.method.currentData() == workshop.ballot_method
    assert panel.setup.capture.currentData() == workshop.ballot_capture
    assert panel.setup.open_button.isEnabled()
    assert "Tour 1" in panel.header.text()


def test_consent_and_secret_rule_out_a_majority_per_college(small):
    form = panel_of(small).setup
    form.double_majority.setCurrentIndex(form.DM_ALL)
    assert form.settings().double_majority == 0
    form.capture.setCurrentIndex(form.capture.findData("secret"))
    assert not form.double_majority.isEnabled()
    assert form.settings().double_majority is None
    assert form.note.text()
    form.capture.setCurrentIndex(form.capture.findData("nominative"))
    form.method.setCurrentIndex(form.method.findData("consent"))
    form.abstentions.setChecked(True)
    assert not form.abstentions.isEnabled()
    assert form.settings().abstentions_count is False
    assert form.settings().double_majority is None


def test_only_one_vote_at_a_time(demo, controller):
    ai = demo.current_clause()
    open_ballot(demo, capture="nominative")
    other = controller.snapshot.clauses[15]
    demo.select_clause(other.id)
    panel = panel_of(demo)
    assert panel.mode == "result"
    panel.result.again_button.click()
    assert panel.mode == "setup"
    assert not panel.setup.open_button.isEnabled()
    assert ai.title in panel.setup.note.text()
    panel.setup.running_button.click()
    assert demo.clause_id == ai.id
    assert panel.mode == "open"


# -- by name -------------------------------------------------------------------------------
def test_vote_by_name_with_clicks_and_keyboard_then_close(demo, controller, qtbot):
    ballot = open_ballot(demo, method="simple", capture="nominative")
    panel = panel_of(demo)
    grid = panel.open_view.grid
    ids = voter_ids(demo)
    assert len(ids) == 16  # everybody present when the round opened
    assert "Ont voté\u00a0: 0 sur 16" == panel.open_view.progress.text()

    # touch: a name, then a choice
    qtbot.mouseClick(grid.button(ids[3]), Qt.MouseButton.LeftButton)
    assert grid.current() == ids[3]
    qtbot.mouseClick(panel.open_view.choice_buttons[1], Qt.MouseButton.LeftButton)
    assert voted(demo)[ids[3]]
    assert "✓ a voté" in grid.button(ids[3]).text()
    assert grid.current() == ids[4]  # moves on to the next one who has not voted

    # keyboard: arrows, type-ahead, 1/2/3
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.current() == ids[5]
    qtbot.keyClicks(grid, "bj")
    bjorn = next(p.id for p in controller.snapshot.participants if p.name == "Björn Åkesson")
    assert grid.current() == bjorn
    qtbot.keyClick(grid, Qt.Key.Key_3)
    assert voted(demo)[bjorn]
    for _ in range(14):
        qtbot.keyClick(grid, Qt.Key.Key_1)
    assert all(voted(demo).values())
    assert "Ont voté\u00a0: 16 sur 16" == panel.open_view.progress.text()

    panel.open_view.close_button.click()
    assert panel.mode == "result"
    closed = next(b for b in demo.current_clause().ballots if b.id == ballot.id)
    result = ballots.compute_result(controller.session.conn, ballot.id)
    assert closed.outcome == result.outcome.value == Outcome.ADOPTED.value
    assert label(Outcome.ADOPTED, "fr") in panel.result.outcome.text()
    rules = voting.BallotRules(method=Method.SIMPLE)
    assert panel.result.sentence.text() == voting.explain(result, rules, "fr")
    table = panel.result.table
    assert table.rowCount() == 9  # eight colleges and the total
    assert table.item(8, 1).text() == "14"  # « pour », all colleges
    assert table.item(8, 2).text() == "1" and table.item(8, 3).text() == "1"
    assert "✓ adoptée" in demo.left.clause_list.item(16).text()


def test_consent_reservation_asks_why(small, controller, monkeypatch):
    open_ballot(small, method="consent", capture="nominative")
    panel = panel_of(small)
    grid = panel.open_view.grid
    ids = voter_ids(small)
    monkeypatch.setattr(dialogs, "ask_reason", lambda _p, _t, _l: None)
    grid.set_current(ids[0])
    assert not panel.choose(1)  # no reason: nothing recorded
    assert not voted(small)[ids[0]]
    monkeypatch.setattr(dialogs, "ask_reason", lambda _p, _t, _l: "Préciser les outils.")
    assert panel.choose(1)
    for pid in ids[1:]:
        grid.set_current(pid)
        assert panel.choose(0)
    panel.close_ballot()
    assert panel.mode == "result"
    assert "Préciser les outils." in panel.result.remarks.text()
    assert label(Outcome.ADOPTED_WITH_RESERVATIONS, "fr") in panel.result.outcome.text()


def test_undo_of_a_vote_refreshes_the_panel(small, controller):
    open_ballot(small, capture="nominative")
    panel = panel_of(small)
    first = voter_ids(small)[0]
    panel.open_view.grid.set_current(first)
    panel.choose(0)
    assert "✓ a voté" in panel.open_view.grid.button(first).text()
    assert "Ont voté\u00a0: 1 sur 4" == panel.open_view.progress.text()
    controller.undo()
    assert "○ pas encore voté" in panel.open_view.grid.button(first).text()
    assert "Ont voté\u00a0: 0 sur 4" == panel.open_view.progress.text()


def test_keys_reach_the_grid_before_the_projection_clicker(small, window, qtbot):
    open_ballot(small, capture="nominative")
    grid = panel_of(small).open_view.grid
    grid.set_current(None)
    grid.setFocus()
    projection = getattr(window, "projection", None)
    mode = projection.window.mode if projection else None
    qtbot.keyClick(grid, Qt.Key.Key_B)  # « B » blacks the projector, except here
    assert grid.current() == voter_ids(small)[1]  # Bruno Martin
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.current() == voter_ids(small)[2]
    if projection:
        assert projection.window.mode == mode


# -- counts per college --------------------------------------------------------------------
def test_counts_refuse_more_votes_than_present(small, controller, errors):
    open_ballot(small, capture="counts")
    panel = panel_of(small)
    counts = panel.open_view.counts
    college = controller.snapshot.colleges[1]
    row = counts.row(college.id)
    counts.set_values(college.id, [2, 1, 0])
    assert not row["save"].isEnabled()
    assert row["check"].isVisibleTo(counts)
    assert "⚠ Votes saisis\u00a0: 3\u00a0; présents\u00a0: 2" in row["check"].text()
    assert not panel.save_counts(college.id, {"for": 2, "against": 1})  # the domain says no
    assert errors and "3 voix saisies pour 2 présents" in errors[-1]

    counts.set_values(college.id, [1, 1, 0])
    assert row["save"].isEnabled() and not row["check"].isVisibleTo(counts)
    row["save"].click()
    assert [spin.value() for spin in row["spins"]] == [1, 1, 0]  # kept to check (console only)
    assert "✓ enregistré" in row["label"].text()
    assert panel.open_view.progress.text() == "Collèges enregistrés\u00a0: 1 sur 2"
    other = controller.snapshot.colleges[2]
    counts.set_values(other.id, [2, 0, 0])
    counts.row(other.id)["save"].click()
    assert_no_tally(small.window(), [name for name, _ in PEOPLE])

    panel.open_view.close_button.click()
    assert panel.mode == "result"
    table = panel.result.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [
        college.name,
        other.name,
        "Tous les collèges",
    ]
    assert table.item(2, 1).text() == "3" and table.item(2, 2).text() == "1"


def test_undo_clears_the_recorded_marks(small, controller):
    open_ballot(small, capture="counts")
    panel = panel_of(small)
    college = controller.snapshot.colleges[1]
    panel.open_view.counts.set_values(college.id, [1, 0, 0])
    panel.open_view.counts.row(college.id)["save"].click()
    assert "✓ enregistré" in panel.open_view.counts.row(college.id)["label"].text()
    controller.undo()
    assert "○ à saisir" in panel.open_view.counts.row(college.id)["label"].text()
    assert "enregistrez de nouveau" in panel.open_view.message.text()


# -- secret --------------------------------------------------------------------------------
def test_secret_prompt_clears_after_each_vote_and_on_timeout(small, controller, qtbot):
    open_ballot(small, capture="secret")
    panel = panel_of(small)
    grid = panel.open_view.grid
    prompt = panel.prompt
    assert not panel.open_view.choice_box.isVisible()
    ids = voter_ids(small)

    qtbot.mouseClick(grid.button(ids[0]), Qt.MouseButton.LeftButton)
    assert prompt.isVisible() and prompt.voter.text() == "Alice Dupont"
    assert prompt.geometry() == panel.rect()  # covers the whole panel
    qtbot.mouseClick(prompt.buttons[1], Qt.MouseButton.LeftButton)
    assert not prompt.isVisible()
    assert prompt.voter.text() == "" and prompt.buttons == []
    assert voted(small)[ids[0]]
    assert not grid.button(ids[0]).isEnabled()  # a secret vote is not changed
    assert controller.session.undo_label() is None or "Alice" not in controller.session.undo_label()

    grid.set_current(ids[1])
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert prompt.isVisible()
    qtbot.keyClick(prompt, Qt.Key.Key_1)
    assert not prompt.isVisible() and voted(small)[ids[1]]

    qtbot.mouseClick(grid.button(ids[2]), Qt.MouseButton.LeftButton)
    assert prompt.isVisible()
    prompt.timer.timeout.emit()  # twenty seconds without a choice
    assert not prompt.isVisible() and prompt.voter.text() == ""
    assert not voted(small)[ids[2]]

    assert_no_tally(small.window(), [name for name, _ in PEOPLE])
    panel.close_ballot()
    assert panel.mode == "result"
    assert panel.result.table.rowCount() == 1  # totals only
    assert panel.result.secret_note.text()


# -- the rule that matters ------------------------------------------------------------------
def test_no_tally_in_any_widget_while_the_vote_is_open(small, window, controller):
    open_ballot(small, capture="nominative")
    panel = panel_of(small)
    grid = panel.open_view.grid
    ids = voter_ids(small)
    for pid, index in zip(ids, (0, 0, 1, 2), strict=True):
        grid.set_current(pid)
        assert panel.choose(index)
    grid.set_current(ids[0])
    assert panel.choose(1)  # a changed vote leaves no trace either
    names = [name for name, _ in PEOPLE]
    # The voter cards and the line under them are the console's own record of a vote by
    # name (issue 12); nothing else in the window, and nothing projected, ties a name to it.
    own = (grid, panel.open_view.message)
    assert "contre" in grid.button(ids[0]).text()
    for tab in range(small.tabs.count()):
        small.tabs.setCurrentIndex(tab)
        assert_no_tally(window, names, own)
    projected = window.projection.slide()  # it reads the snapshot only
    assert projected.ballot_state == "open" and not projected.bars
    for line in projected.visible_text().splitlines():
        for pattern in TALLY_PATTERNS:
            assert not pattern.search(line), line
        if any(name in line for name in names):
            assert not set(re.findall(r"\w+", line.lower())) & CHOICE_WORDS, line
    assert panel.result.table.rowCount() == 0
    assert panel.result.outcome.text() == ""
    assert all(v.voted for v in current_ballot(small).voters)
    panel.close_ballot()
    texts = " ".join(texts_of(panel))
    assert "Décompte" in texts  # the count appears once the vote is closed


# -- after the vote ------------------------------------------------------------------------
def test_amend_and_vote_again(small, controller):
    open_ballot(small, method="simple", capture="nominative")
    panel = panel_of(small)
    for pid in voter_ids(small):
        panel.open_view.grid.set_current(pid)
        panel.choose(1)
    panel.close_ballot()
    assert label(Outcome.REJECTED, "fr") in panel.result.outcome.text()
    panel.result.amend_button.click()
    assert small.tabs.currentIndex() == small.TAB_AMEND
    editor = small.amend_editor
    editor.editor.setPlainText(editor.draft() + " Une précision.")
    editor.save_button.click()
    assert small.tabs.currentIndex() == small.TAB_VOTE
    assert panel.mode == "setup"
    assert "Tour 2" in panel.header.text()
    assert panel.setup.method.currentData() == "simple"  # the last round's rule again
    assert panel.rounds.isVisible() and panel.rounds.rowCount() == 1
    open_ballot(small)
    assert current_ballot(small).round == 2


def test_reservation_after_the_vote(small, controller, monkeypatch):
    open_ballot(small, capture="nominative")
    panel = panel_of(small)
    for pid in voter_ids(small):
        panel.open_view.grid.set_current(pid)
        panel.choose(0)
    panel.close_ballot()
    college = controller.snapshot.colleges[2]
    offered = []
    monkeypatch.setattr(
        dialogs,
        "ask_remark",
        lambda _p, colleges: offered.append(colleges) or ("Former les managers.", college.id),
    )
    panel.result.remark_button.click()
    assert (college.id, college.name) in offered[0]
    assert "Former les managers." in panel.result.remarks.text()
    assert college.name in panel.result.remarks.text()
    assert label(Outcome.ADOPTED_WITH_RESERVATIONS, "fr") in panel.result.outcome.text()


def test_close_and_cancel_ask_first(small, controller, monkeypatch):
    open_ballot(small, capture="nominative")
    panel = panel_of(small)
    questions = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, q: questions.append(q) or False)
    panel.open_view.close_button.click()
    assert "Votants n’ayant pas encore voté\u00a0: 4." in questions[-1]
    panel.open_view.cancel_button.click()
    assert panel.mode == "open" and current_ballot(small).is_open
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _q: True)
    panel.open_view.cancel_button.click()
    assert small.current_clause().ballots == ()
    assert panel.mode == "setup"


def test_language_switch_during_a_vote(small, window):
    open_ballot(small, capture="nominative")
    panel = panel_of(small)
    window.set_language("en")
    assert [b.text().split("\n")[0] for b in panel.open_view.choice_buttons] == [
        "For",
        "Against",
        "Abstain",
    ]
    assert "simple majority of votes cast" in panel.detail.text()
    window.set_language("fr")
    assert panel.open_view.choice_buttons[0].text().startswith("Pour")
    assert panel.mode == "open"


def test_every_view_of_the_split_panel_still_speaks_french(small, controller, qtbot):
    """Each class kept its name, so its Linguist context still finds the French catalogue."""
    panel = panel_of(small)
    assert panel.setup.open_button.text() == "Ouvrir le vote"  # SetupView
    assert panel.rounds_title.text() == "Tours sur cette clause"  # BallotPanel
    assert panel.result.remark_button.text() == "Ajouter une réserve"  # ResultView
    open_ballot(small, capture="nominative")
    assert panel.open_view.choice_buttons[0].text() == "Pour\ntouche 1"  # OpenView
    panel.cancel_ballot()
    open_ballot(small, capture="counts")
    college = controller.snapshot.colleges[1]
    assert panel.open_view.counts.row(college.id)["save"].text() == "Enregistrer"  # CountsView
    panel.cancel_ballot()
    open_ballot(small, capture="secret")
    qtbot.mouseClick(panel.open_view.grid.button(voter_ids(small)[0]), Qt.MouseButton.LeftButton)
    assert panel.prompt.title.text() == "Vote secret"  # SecretPrompt
    assert panel.prompt.buttons[0].text() == "Pour\ntouche 1"
