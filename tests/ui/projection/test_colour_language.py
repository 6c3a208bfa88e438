"""One colour language on every slide, never colour alone; objections shown (issue 12)."""

from __future__ import annotations

from tests.ui.projection.helpers import pending
from ui.projection.canvas import render
from ui.style import ROOM_CHOICES, ROOM_OUTCOMES
from workshop.model import Choice, Outcome
from workshop.operations import ballots, setup


def test_colour_language_and_objection_shown(projection, controller):
    against, objection = ROOM_CHOICES[Choice.AGAINST], ROOM_CHOICES[Choice.OBJECTION]
    reservation = ROOM_CHOICES[Choice.RESERVATION]
    assert against.colour == objection.colour != reservation.colour
    assert ROOM_CHOICES[Choice.FOR].colour == ROOM_CHOICES[Choice.CONSENT].colour
    assert len({m.sign for m in ROOM_CHOICES.values()}) == 4  # ✓ ✗ – ! never colour alone
    kinds = [ROOM_OUTCOMES[o] for o in (Outcome.ADOPTED, Outcome.REJECTED, Outcome.POSTPONED)]
    assert len({k.colour for k in kinds}) == len({k.sign for k in kinds}) == 3
    assert len({k.pattern for k in kinds}) == 3
    controller.run(setup.go_to_step, "clauses")
    postponed = controller.snapshot.clauses[7]  # demo: an objection postponed it
    controller.focus_clause(postponed.id)
    canvas = projection.window.canvas
    slide = canvas.slide
    assert slide.remarks[0][0] == Choice.OBJECTION
    assert "kit de marque" in slide.remarks[0][1]
    image = render(canvas, 1920, 1080)
    shown = [d.text for d in canvas.drawn if d.kind == "remark"]
    assert shown[0].startswith("Objection : ")
    outcome = next(d for d in canvas.drawn if d.kind == "outcome")
    assert outcome.text.startswith("↻ REPORTÉE")
    box = outcome.rect.center().toPoint()
    assert image.pixelColor(box.x(), int(outcome.rect.top()) - 2).name() != "#eef2f7"
    colours = {image.pixelColor(x, y).name() for x in range(0, 1920, 4) for y in range(0, 1080, 4)}
    assert ROOM_OUTCOMES[Outcome.POSTPONED].colour.lower() in colours
    assert "#c62828" not in colours  # the old red for a reservation is gone


def test_objection_text_goes_through_the_name_filter(projection, controller):
    controller.run(setup.go_to_step, "clauses")
    person = next(p for p in controller.snapshot.participants if p.name.isascii())
    clause = pending(controller)
    controller.focus_clause(clause.id)
    ballot = controller.run(ballots.open_ballot, clause.id, method="consent",
                            capture="nominative").value  # fmt: skip
    controller.run(ballots.add_remark, ballot, "objection", f"Voir avec {person.name}")
    controller.run(ballots.close_ballot, ballot)
    slide = projection.window.canvas.slide
    text = " ".join(t for _k, t in slide.remarks)
    assert "Voir avec" in text and person.name not in text and person.pseudonym in text
