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


def test_a_burst_of_votes_coalesces_into_one_change_but_nothing_else_does():
    from workshop.session import BALLOTS, coalesced

    def vote(event: int, pid: int) -> Changes:
        return Changes(frozenset({BALLOTS}), event, f"P{pid} a voté", voters=((7, pid),),
                       initiator=Initiator.PHONE)  # fmt: skip

    other = Changes(frozenset({"plan"}), 9, "Action ajoutée", value=3)
    count = Changes(frozenset({BALLOTS}), 10, "Décompte")  # no voter rows: a full refresh
    burst = [vote(1, 1), vote(2, 2), vote(3, 1), other, vote(4, 3), count, vote(5, 4)]
    out = coalesced(burst)
    assert [c.event_id for c in out] == [3, 9, 4, 10, 5]
    assert out[0].voters == ((7, 1), (7, 2)) and out[0].summary == "P1 a voté"
    assert out[1] is other and out[3] is count
    assert coalesced([]) == []
