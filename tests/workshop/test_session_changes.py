"""``Changes`` says what kind of change it was and who asked, so views never parse summaries."""

from __future__ import annotations

from workshop.operations import setup
from workshop.session import Changes, Initiator, Origin


def test_an_operation_its_undo_and_its_redo_say_what_they_are(session):
    done = setup.add_college(session, "Éthique")
    assert (done.origin, done.initiator) == (Origin.OPERATION, Initiator.CONSOLE)
    undone = session.undo()
    assert undone.origin is Origin.UNDO and undone.topics == done.topics
    redone = session.redo(initiator=Initiator.PHONE)
    assert (redone.origin, redone.initiator) == (Origin.REDO, Initiator.PHONE)


def test_the_initiator_is_carried_through_run(session):
    changes = session.run(
        "note", "Note", {"workshop"}, lambda conn: None, initiator=Initiator.IMPORT
    )
    assert isinstance(changes, Changes) and changes.initiator is Initiator.IMPORT
    assert changes.origin is Origin.OPERATION
