"""The console shows what it recorded while a vote is open (issue 12), the projection never.

A vote by name shows each voter's choice on their card and a changed vote is confirmed and
announced; counts stay in their fields until the vote closes. After an undo, or in a new
session, the console says it cannot know: the snapshot hides an open round from every reader.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.ballot.test_panel import current_ballot, open_ballot, panel_of, voter_ids
from ui import dialogs
from ui.pages.ballot import BallotPanel
from workshop import snapshot as snap
from workshop.operations import setup


def test_a_card_shows_the_recorded_choice_and_a_change_is_confirmed(
    small, window, controller, monkeypatch, qtbot
):
    open_ballot(small, method="simple", capture="nominative")
    panel = panel_of(small)
    grid = panel.open_view.grid
    alice, bruno, *_ = voter_ids(small)
    grid.set_current(alice)
    assert panel.choose(0)
    assert "✓ a voté — pour" in grid.button(alice).text()
    projected = window.projection.slide()  # never on the projection: it reads the snapshot
    assert projected.ballot_state == "open" and not projected.bars and projected.voters
    assert all("pour" not in f"{v.label} {v.college}".lower() for v in projected.voters)

    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, q: questions.append(q) or False)
    grid.set_current(alice)
    assert not panel.choose(1)  # refused: nothing changed
    # (new strings: checked on what does not depend on their translation)
    assert len(questions) == 1 and all(
        w in questions[0] for w in ("Alice Dupont", "pour", "contre")
    )
    assert "✓ a voté — pour" in grid.button(alice).text()
    assert "Alice Dupont" in panel.open_view.message.text()
    assert "→" not in panel.open_view.message.text()

    monkeypatch.setattr(dialogs, "confirm", lambda _p, q: questions.append(q) or True)
    grid.set_current(alice)
    assert panel.choose(1)
    assert "✓ a voté — contre" in grid.button(alice).text()
    assert "Alice Dupont" in panel.open_view.message.text()
    assert "pour → contre" in panel.open_view.message.text()  # clearly announced
    assert grid.current() == bruno  # moves on to the next one who has not voted

    asked = len(questions)
    grid.set_current(alice)
    assert not panel.choose(1)  # the same choice again: nothing asked, nothing recorded
    assert len(questions) == asked
    assert "contre" in panel.open_view.message.text() and "→" not in panel.open_view.message.text()


def test_type_ahead_prefers_those_still_waiting(small, controller, qtbot):
    session = controller.session
    college = snap.load(session.conn).colleges[1].id
    controller.run(setup.add_participant, "Zoé Zola", college)
    controller.run(setup.add_participant, "Zohra Benali", college)
    open_ballot(small, capture="nominative")
    panel = panel_of(small)
    grid = panel.open_view.grid
    by_name = {
        controller.snapshot.participant(v.participant_id).name: v.participant_id
        for v in current_ballot(small).voters
    }
    grid.set_current(by_name["Zoé Zola"])
    assert panel.choose(0)
    grid.setFocus()
    grid.TYPEAHEAD_MS = 60_000  # letters typed under a loaded CI still count as one word
    grid.reset_typeahead()  # a fresh type-ahead
    qtbot.keyClicks(grid, "zo")
    assert grid.current() == by_name["Zohra Benali"]  # not Zoé, who has voted
    assert panel.choose(2)
    grid.reset_typeahead()
    qtbot.keyClicks(grid, "zo")  # nobody waiting matches: Zoé, whose card says her choice
    assert grid.current() == by_name["Zoé Zola"]
    assert "✓ a voté — pour" in grid.button(by_name["Zoé Zola"]).text()


def test_after_an_undo_or_a_restart_the_console_says_it_cannot_know(
    small, window, controller, monkeypatch
):
    open_ballot(small, capture="nominative")
    panel = panel_of(small)
    grid = panel.open_view.grid
    alice, bruno, *_ = voter_ids(small)
    for pid in (alice, bruno):
        grid.set_current(pid)
        assert panel.choose(0)
    controller.undo()  # Bruno's vote goes; what Alice chose is no longer claimed
    assert grid.button(alice).text().endswith("✓ a voté")
    assert panel.open_view.message.text()  # says the choices are no longer shown

    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, q: questions.append(q) or True)
    grid.set_current(alice)
    assert panel.choose(1)
    assert "Alice Dupont" in questions[-1] and "pour" not in questions[-1]  # not known
    message = panel.open_view.message.text()
    assert "Alice Dupont" in message and "contre" in message and "→" not in message
    assert "✓ a voté — contre" in grid.button(alice).text()

    fresh = BallotPanel(controller)  # a restart: a new console knows nothing recorded
    fresh.set_clause(small.current_clause().id)
    assert fresh.open_view.grid.button(alice).text().endswith("✓ a voté")
    fresh.deleteLater()


def test_a_secret_ballot_never_shows_a_choice(small, controller, qtbot):
    open_ballot(small, capture="secret")
    panel = panel_of(small)
    grid = panel.open_view.grid
    alice = voter_ids(small)[0]
    qtbot.mouseClick(grid.button(alice), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.prompt.buttons[0], Qt.MouseButton.LeftButton)
    assert grid.button(alice).text().endswith("✓ a voté")
    assert not panel._cast  # noqa: SLF001 - nothing remembered for a secret ballot
    assert panel.choose(0) is False  # no choice keys in a secret ballot
