"""The result slide says why: the rule line, the blocking college, the quorum (issue 12)."""

from __future__ import annotations

from tests.ui.projection.helpers import SIZES, outside_slide, pending
from ui.projection.canvas import render
from workshop.model import Outcome
from workshop.operations import ballots, setup


def _blocked_by_one_college(controller):
    controller.run(setup.go_to_step, "clauses")
    clause = pending(controller)
    controller.focus_clause(clause.id)
    ballot = controller.run(
        ballots.open_ballot, clause.id, capture="nominative", method="simple", double_majority=0
    ).value
    snap = controller.snapshot
    voters = next(c for c in snap.clauses if c.id == clause.id).ballots[-1].voters
    blocker = snap.college(voters[0].college_id)
    for v in voters:
        controller.run(
            ballots.cast_vote, ballot, v.participant_id,
            "against" if v.college_id == blocker.id else "for",
        )  # fmt: skip
    return ballot, blocker


def test_double_majority_rejection_names_the_blocking_college(projection, controller):
    ballot, blocker = _blocked_by_one_college(controller)
    open_slide = projection.window.canvas.slide
    assert open_slide.ballot_state == "open"
    canvas = projection.window.canvas
    render(canvas, 1280, 720)
    rule = next(d for d in canvas.drawn if d.kind == "rule")
    status = next(d for d in canvas.drawn if d.kind == "status")
    title = next(d for d in canvas.drawn if d.kind == "title")
    assert rule.rect.bottom() <= status.rect.top() + 0.5  # the heading no longer overlaps
    assert title.rect.bottom() <= rule.rect.top()
    controller.run(ballots.close_ballot, ballot)
    slide = projection.window.canvas.slide
    assert slide.outcome_key == Outcome.REJECTED
    assert "double majorité non atteinte" in slide.why[0]
    assert slide.why[1].startswith("Bloquée par : ") and blocker.name in slide.why[1]
    assert slide.blocked == (blocker.name,)
    for size in SIZES:
        render(canvas, *size)
        why = [d for d in canvas.drawn if d.kind == "why"]
        assert [d.text for d in why] == list(slide.why)
        assert not any(d.fitted.elided for d in why)  # the rule line wraps, it is not cut
        assert outside_slide(canvas.drawn, *size) == []


def test_threshold_and_quorum_reasons_come_from_the_domain(projection, controller):
    controller.run(setup.go_to_step, "clauses")
    snap = controller.snapshot
    quorum = snap.clauses[15]  # demo: two thirds reached but quorum not met → postponed
    controller.focus_clause(quorum.id)
    assert "quorum non atteint" in projection.window.canvas.slide.why[0]
    rejected = snap.clauses[9]
    controller.focus_clause(rejected.id)
    assert "majorité requise" in projection.window.canvas.slide.why[0]
