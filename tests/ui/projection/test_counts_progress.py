"""A counts ballot shows how many colleges are recorded, never the numbers (issue 12)."""

from __future__ import annotations

from tests.ui.projection.helpers import pending
from workshop.operations import ballots, setup


def test_counts_ballot_shows_progress_never_numbers(projection, controller, window):
    controller.run(setup.go_to_step, "clauses")
    clause = pending(controller)
    controller.focus_clause(clause.id)
    ballot = controller.run(ballots.open_ballot, clause.id, capture="counts").value
    slide = projection.window.canvas.slide
    present = sorted({v.college_id for v in controller.snapshot.clauses[
        [c.id for c in controller.snapshot.clauses].index(clause.id)].ballots[-1].voters})  # fmt: skip
    assert slide.progress == f"0 collège sur {len(present)} décompté"
    panel = window.pages["clauses"].ballot
    panel.clause_id = clause.id
    for college in present[:3]:
        assert panel.save_counts(college, {"for": 1})
    slide = projection.window.canvas.slide
    assert slide.progress == f"3 collèges sur {len(present)} décomptés"
    assert sum(v.voted for v in slide.voters) == 3 and slide.bars == ()
    from tests.ui.test_projection import TALLY

    assert not TALLY.search(slide.visible_text().replace(slide.text, ""))
    assert ballot
