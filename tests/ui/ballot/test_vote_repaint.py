"""A vote repaints only what it changed (issue 16): one voter's card and the progress line
on the console, that voter's mark and the count line on the projected slide.

Counted and compared, never timed: which cards were redrawn, whether the clause list or the
slide were rebuilt, which part of the projected window was repainted, and that the picture
after such partial repaints is the very picture a full repaint gives.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRect
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QApplication

from tests.ui.ballot.test_panel import current_ballot, open_ballot, panel_of, voter_ids
from ui.projection import slides
from ui.projection.canvas import render
from workshop import snapshot as snap
from workshop.operations import ballots


def _counting(monkeypatch, owner: object, name: str) -> list[int]:
    """Count the calls of ``owner.name`` (still calling it)."""
    calls: list[int] = []
    real = getattr(owner, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return calls


def _projected(window, qtbot):  # noqa: ANN001, ANN202 - MainWindow, ProjectedWindow
    projection = window.projection
    projection.start()
    qtbot.waitExposed(projection.window)
    QApplication.processEvents()
    return projection.window


def test_a_vote_redraws_one_card_and_the_progress_line(small, controller, monkeypatch):
    open_ballot(small, method="simple", capture="nominative")
    panel = panel_of(small)
    view = panel.open_view
    alice, bruno, *_ = voter_ids(small)
    fills = _counting(monkeypatch, small.left, "fill")
    refreshes = _counting(monkeypatch, panel, "refresh")
    cards, lines = view.grid.cards_drawn, view.progress_drawn

    changes = controller.run(ballots.cast_vote, current_ballot(small).id, alice, "for")

    assert changes is not None and changes.voters == ((current_ballot(small).id, alice),)
    assert view.grid.cards_drawn == cards + 1  # Alice's card, no other
    assert view.progress_drawn == lines + 1
    assert not fills and not refreshes  # no clause list, no panel rebuilt
    assert "✓ a voté" in view.grid.button(alice).text()
    assert "✓" not in view.grid.button(bruno).text()
    assert "1 sur 4" in view.progress.text()


def test_a_vote_on_the_console_shows_its_choice_without_redrawing_the_panel(small, monkeypatch):
    open_ballot(small, method="simple", capture="nominative")
    panel = panel_of(small)
    grid = panel.open_view.grid
    alice = voter_ids(small)[0]
    refreshes = _counting(monkeypatch, panel, "refresh")
    cards = grid.cards_drawn
    grid.set_current(alice)

    assert panel.choose(0)

    assert "✓ a voté — pour" in grid.button(alice).text()
    assert grid.cards_drawn == cards + 1 and not refreshes


def test_a_refused_vote_leaves_no_recorded_choice(small, controller, monkeypatch):
    open_ballot(small, method="simple", capture="nominative")
    panel = panel_of(small)
    grid = panel.open_view.grid
    alice = voter_ids(small)[0]
    monkeypatch.setattr(controller, "run", lambda *_a, **_k: None)  # the disk said no
    grid.set_current(alice)

    assert not panel.choose(0)

    assert "pour" not in grid.button(alice).text()
    assert alice not in panel._cast.get(current_ballot(small).id, {})


def test_the_snapshot_after_a_vote_is_the_one_a_full_read_gives(small, controller):
    open_ballot(small, method="simple", capture="nominative")
    ballot = current_ballot(small)
    before = controller.snapshot
    for pid, choice in zip(voter_ids(small)[:3], ("for", "against", "for"), strict=True):
        controller.run(ballots.cast_vote, ballot.id, pid, choice)
    assert controller.snapshot is not before
    assert controller.snapshot == snap.load(controller.session.conn, with_audit=False)


def test_a_vote_repaints_one_mark_and_the_count_line_on_the_projection(
    small, window, controller, qtbot, monkeypatch
):
    open_ballot(small, method="simple", capture="nominative")
    projected = _projected(window, qtbot)
    builds = _counting(monkeypatch, slides, "for_step")
    alice = voter_ids(small)[0]
    projected.painted.clear()

    controller.run(ballots.cast_vote, current_ballot(small).id, alice, "for")
    QApplication.processEvents()

    assert not builds  # the slide was updated, not built again (no names filtered again)
    assert projected.canvas.slide.voters[0].voted
    assert len(projected.painted) == 1
    part = projected.painted[0]
    whole = QRegion(projected.rect())
    assert not whole.subtracted(part).isEmpty()  # not the whole window
    boxes = projected.canvas.voter_boxes[(projected.width(), projected.height())]
    assert part.intersects(boxes.status.toAlignedRect())  # the count line
    assert part.intersects(boxes.grid.cell(0).toAlignedRect())  # Alice's mark
    assert boxes.grid.columns >= 3  # four voters: Chantal's cell is not Alice's neighbour
    assert not part.intersects(boxes.grid.cell(2).toAlignedRect())
    assert part.boundingRect().top() >= boxes.status.top() - 1  # nothing above: no title


def test_partial_repaints_give_the_picture_a_full_repaint_gives(small, window, controller, qtbot):
    open_ballot(small, method="simple", capture="nominative")
    projected = _projected(window, qtbot)
    ballot = current_ballot(small)
    for pid in voter_ids(small)[::2]:
        controller.run(ballots.cast_vote, ballot.id, pid, "against")
        QApplication.processEvents()
    screen = projected.screen()
    after_votes = screen.grabWindow(projected.winId()).toImage().copy()
    projected.painted.clear()
    projected.repaint()
    assert QRegion(projected.rect()).subtracted(projected.painted[-1]).isEmpty()
    full = screen.grabWindow(projected.winId()).toImage()
    assert after_votes.size() == full.size() and not after_votes.isNull()
    assert after_votes == full


def test_a_slide_that_changed_otherwise_is_repainted_whole(small, window):
    open_ballot(small, method="simple", capture="nominative")
    canvas = window.projection.window.canvas
    slide = window.projection.slide()
    canvas.set_slide(slide)
    render(canvas, 960, 540)  # remembers where the count line and the marks are, at that size
    one = replace(slide, voters=(replace(slide.voters[0], voted=True), *slide.voters[1:]))

    area = canvas.changed_area(slide, one, 960, 540)
    assert area is not None and not QRegion(QRect(0, 0, 960, 540)).subtracted(area).isEmpty()
    assert canvas.changed_area(slide, replace(one, title="Autre"), 960, 540) is None
    assert canvas.changed_area(slide, one, 1280, 720) is None  # never painted at that size
    same = canvas.changed_area(slide, slide, 960, 540)  # nothing moved: the count line only
    assert same is not None and not area.subtracted(same).isEmpty()
    fewer = replace(current_ballot(small), voters=current_ballot(small).voters[1:])
    assert slides.with_votes(slide, fewer) is None  # other voters: the slide is built again


def test_cards_are_sized_for_their_longest_state_so_a_vote_never_resizes_them(qtbot, monkeypatch):
    """Every card is as tall as its longest possible state line (« ✓ a voté — abstention »,
    badge included) from the start: a vote redraws one card, never a layout of them all
    (at XL, 500 cards measured and resized at once: 50–70 ms)."""
    from ui.pages.ballot.widgets import VoterCard, VoterGrid

    grid = VoterGrid()
    qtbot.addWidget(grid)
    grid.resize(560, 400)  # three columns of narrow cards: long lines wrap
    names = ["Łukasz Nguyễn-O’Brien de la Tour", "Zoé Kowalczyk", "يوسف الحداد", "Anne Œuvre"]
    cards = [VoterCard(i + 1, n, "Représentants du personnel", "#0072B2", False)
             for i, n in enumerate(names)]  # fmt: skip
    grid.set_voters(cards, "✓ a voté", "○ pas encore voté", ["pour", "contre", "abstention"])
    grid.show()
    qtbot.waitExposed(grid)
    heights = {c.participant_id: grid.button(c.participant_id).height() for c in cards}
    fits = _counting(monkeypatch, grid, "_fit_heights")

    assert grid.update_card(replace(cards[0], voted=True, choice="abstention"))

    button = grid.button(1)
    assert "abstention" in button.text()
    assert not fits
    assert {c.participant_id: grid.button(c.participant_id).height() for c in cards} == heights
    assert button.heightForWidth(button.width()) <= button.height()
