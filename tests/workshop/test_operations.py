"""Operations: validation, one event per change, ballot confidentiality, undo/redo of each."""

from __future__ import annotations

import dataclasses

import pytest

from workshop import snapshot
from workshop.errors import InvalidInput, NothingToUndo, VoteError
from workshop.library import builtin_library
from workshop.model import Outcome
from workshop.operations import ballots, clauses, plan, positioning, setup
from workshop.session import Session


def state(session: Session):
    """Everything but the audit log, to compare before/after undo."""
    return dataclasses.replace(snapshot.load(session.conn, with_audit=False))


@pytest.fixture
def lib():
    return builtin_library("fr")


@pytest.fixture
def people(session):
    ids = [
        setup.add_participant(session, name, college, "fonction").value
        for name, college in [
            ("Łukasz Nguyễn-O’Brien", 2),
            ("Zoé « Zozo » Kowalczyk", 3),
            ("يوسف الحداد", 3),
            ("田中 美咲 🌿", 4),
            ("<b>Björn</b> & Co", 5),
        ]
    ]
    return ids


def events(session: Session) -> int:
    return session.conn.execute("SELECT count(*) FROM audit").fetchone()[0]


def test_each_operation_appends_exactly_one_audit_event(session, people):
    before = events(session)
    setup.set_present(session, people[0], False)
    positioning.place(session, people[1], "opening", 3.5, 7)
    plan.add_action(session, "Formation", "training")
    assert events(session) == before + 3


def test_refused_input_writes_nothing(session, people):
    before = events(session), state(session)
    bad = [
        lambda: setup.add_participant(session, "   ", 1),
        lambda: setup.add_participant(session, "X", 999),
        lambda: setup.add_college(session, "RH"),
        lambda: setup.update_workshop(session, lang="de"),
        lambda: setup.update_workshop(session, date="12/31/2026"),
        lambda: positioning.place(session, people[0], "opening", 10.5, 2),
        lambda: positioning.place(session, people[0], "opening", float("nan"), 2),
        lambda: positioning.place(session, people[0], "middle", 1, 2),
        lambda: positioning.set_score(session, "sector", 6),
        lambda: positioning.set_score(session, "sector", True),
        lambda: positioning.set_score(session, "no-such", 3),
        lambda: plan.add_action(session, "X", "party"),
        lambda: setup.remove_college(session, 2),
    ]
    for call in bad:
        with pytest.raises(InvalidInput) as info:
            call()
        assert "\n" not in str(info.value)
    assert (events(session), state(session)) == before


def test_pseudonyms_are_stable_and_unique(session, people):
    snap = snapshot.load(session.conn)
    assert [p.pseudonym for p in snap.participants][:3] == [
        "RH 1",
        "Représentants du personnel 1",
        "Représentants du personnel 2",
    ]
    setup.update_college(session, 3, name="CSE")
    setup.update_participant(session, people[1], name="Zoé K.")
    again = snapshot.load(session.conn)
    assert again.participants[1].pseudonym == "Représentants du personnel 1"
    new = setup.add_participant(session, "Nouveau", 3).value
    assert snapshot.load(session.conn).participant(new).pseudonym == "CSE 1"


def test_clause_preselects_the_variant_nearest_the_target(session, lib):
    clause = lib.clauses[0]
    support = next(v for v in clause.variants if v.lean == "support")
    control = next(v for v in clause.variants if v.lean == "control")
    positioning.set_target(session, support.support, support.control)
    first = clauses.add_clause(session, lib, clause.key).value
    positioning.set_target(session, control.support, control.control)
    other = lib.clauses[1]
    other_control = next(v for v in other.variants if v.lean == "control")
    second = clauses.add_clause(session, lib, other.key).value
    snap = snapshot.load(session.conn)
    by_id = {c.id: c for c in snap.clauses}
    assert by_id[first].variant_key == support.key
    assert by_id[second].variant_key == other_control.key
    with pytest.raises(InvalidInput, match="déjà dans la revue"):
        clauses.add_clause(session, lib, clause.key)


def test_amendment_history_and_no_change_during_a_vote(session, lib, people):
    cid = clauses.add_clause(session, lib, lib.clauses[0].key).value
    original = snapshot.load(session.conn).clauses[0].text
    clauses.amend(session, cid, "Texte amendé « A »", college_id=3, reason="plus clair")
    clauses.amend(session, cid, "Texte amendé « B »")
    clause = snapshot.load(session.conn).clauses[0]
    assert [(a.before, a.after) for a in clause.amendments] == [
        (original, "Texte amendé « A »"),
        ("Texte amendé « A »", "Texte amendé « B »"),
    ]
    ballots.open_ballot(session, cid)
    with pytest.raises(InvalidInput, match="pendant un vote"):
        clauses.amend(session, cid, "Autre")


def test_open_ballot_hides_its_tallies_everywhere(session, lib, people):
    cid = clauses.add_clause(session, lib, lib.clauses[0].key).value
    bid = ballots.open_ballot(session, cid, method="simple", capture="nominative").value
    ballots.cast_vote(session, bid, people[0], "for")
    ballots.cast_vote(session, bid, people[1], "against")
    with pytest.raises(VoteError, match="Vote en cours"):
        ballots.compute_result(session.conn, bid)
    ballots.cast_vote(session, bid, people[2], "abstain")
    ballots.add_remark(
        session, bid, "reservation", "réserve pendant le vote", participant_id=people[2]
    )
    ballot = snapshot.load(session.conn).clauses[0].ballots[0]
    assert ballot.votes == () and ballot.counts == () and ballot.remarks == ()
    assert [v.voted for v in ballot.voters] == [True, True, True, False, False]
    summaries = [e.summary for e in snapshot.load(session.conn).audit]
    assert not any("pour" in s or "contre" in s for s in summaries)
    ballots.close_ballot(session, bid)
    result = ballots.compute_result(session.conn, bid)
    # 1 for, 1 against: not more for than against
    assert result.outcome is Outcome.REJECTED
    closed = snapshot.load(session.conn).clauses[0].ballots[0]
    assert len(closed.votes) == 3 and len(closed.remarks) == 1


def test_secret_ballot_keeps_only_totals(session, lib, people):
    cid = clauses.add_clause(session, lib, lib.clauses[0].key).value
    with pytest.raises(VoteError, match="double majorité"):
        ballots.open_ballot(session, cid, capture="secret", double_majority=0)
    bid = ballots.open_ballot(session, cid, method="consent", capture="secret").value
    ballots.cast_secret(session, bid, people[0], "consent")
    ballots.cast_secret(session, bid, people[1], "reservation", "Préciser « durée »")
    ballots.cast_secret(session, bid, people[2], "consent")
    with pytest.raises(VoteError, match="déjà voté"):
        ballots.cast_secret(session, bid, people[0], "objection", "non")
    with pytest.raises(NothingToUndo):
        session.undo()  # a secret vote cannot be undone: its inverse would reveal the choice
    ballots.close_ballot(session, bid)
    conn = session.conn
    assert conn.execute("SELECT count(*) FROM votes").fetchone()[0] == 0
    assert (
        conn.execute("SELECT count(*) FROM ballot_counts WHERE college_id IS NOT NULL").fetchone()[
            0
        ]
        == 0
    )
    remark = conn.execute("SELECT participant_id, college_id, created_at FROM remarks").fetchone()
    opened = conn.execute("SELECT opened_at FROM ballots").fetchone()[0]
    assert remark == (None, None, opened)
    assert ballots.compute_result(conn, bid).outcome is Outcome.ADOPTED_WITH_RESERVATIONS
    audit = " ".join(
        r[0] for r in conn.execute("SELECT summary FROM audit WHERE kind = 'secret_vote'")
    )
    assert "RH" not in audit and "Représentants" not in audit
    no_undo = conn.execute(
        "SELECT count(*) FROM audit WHERE kind = 'secret_vote' AND undo_sql IS NOT NULL"
    ).fetchone()[0]
    assert no_undo == 0


def test_counts_are_checked_against_those_present(session, lib, people):
    cid = clauses.add_clause(session, lib, lib.clauses[0].key).value
    bid = ballots.open_ballot(session, cid, method="two_thirds", capture="counts").value
    with pytest.raises(VoteError, match="3 voix saisies pour 2 présents"):
        ballots.set_counts(session, bid, 3, {"for": 2, "against": 1})
    ballots.set_counts(session, bid, 3, {"for": 2})
    ballots.set_counts(session, bid, 2, {"for": 1})
    ballots.set_counts(session, bid, 4, {"against": 1})
    ballots.close_ballot(session, bid)
    assert ballots.compute_result(session.conn, bid).outcome is Outcome.ADOPTED  # 3 of 4 ≥ 2/3


def test_absent_participants_are_not_voters(session, lib, people):
    setup.set_present(session, people[4], False)
    cid = clauses.add_clause(session, lib, lib.clauses[0].key).value
    bid = ballots.open_ballot(session, cid).value
    with pytest.raises(VoteError, match="liste des votants"):
        ballots.cast_vote(session, bid, people[4], "for")
    with pytest.raises(VoteError, match="déjà en cours"):
        ballots.open_ballot(session, cid)


def test_re_vote_opens_a_new_round_and_keeps_the_old(session, lib, people):
    cid = clauses.add_clause(session, lib, lib.clauses[0].key).value
    b1 = ballots.open_ballot(session, cid).value
    ballots.cast_vote(session, b1, people[0], "against")
    ballots.close_ballot(session, b1)
    b2 = ballots.open_ballot(session, cid).value
    ballots.cast_vote(session, b2, people[0], "for")
    ballots.close_ballot(session, b2)
    clause = snapshot.load(session.conn).clauses[0]
    assert [(b.round, b.outcome) for b in clause.ballots] == [(1, "rejected"), (2, "adopted")]
    assert clause.status is Outcome.ADOPTED


def _scenario(session, lib, people):
    """(name, operation) pairs covering every operation module."""
    cid = clauses.add_clause(session, lib, lib.clauses[0].key).value
    clauses.add_clause(session, lib, lib.clauses[1].key)
    aid = plan.add_action(session, "Guide", "guide").value
    clause = lib.clauses[0]
    other_variant = clause.variants[-1].key
    return [
        (
            "workshop",
            lambda: setup.update_workshop(session, title="Nouveau titre 🎯", place="Lyon"),
        ),
        ("step", lambda: setup.go_to_step(session, "matrix")),
        ("agenda", lambda: setup.set_planned_minutes(session, "clauses", 95)),
        ("college", lambda: setup.add_college(session, "Prestataires", "#112233")),
        ("rename", lambda: setup.update_college(session, 1, name="Comex")),
        ("participant", lambda: setup.add_participant(session, "Noé", 1)),
        (
            "edit",
            lambda: setup.update_participant(session, people[0], name="Ł. N.", may_be_named=False),
        ),
        ("attendance", lambda: setup.set_present(session, people[1], False)),
        ("remove", lambda: setup.remove_participant(session, people[3])),
        ("score", lambda: positioning.set_score(session, "sector", 4)),
        ("note", lambda: positioning.set_note(session, "sector", "Banque <régulée> & co")),
        ("place", lambda: positioning.place(session, people[0], "opening", 2.25, 8)),
        ("target", lambda: positioning.set_target(session, 7, 3)),
        ("variant", lambda: clauses.choose_variant(session, cid, other_variant)),
        ("amend", lambda: clauses.amend(session, cid, "Nouveau texte")),
        ("move", lambda: clauses.move_clause(session, cid, 5)),
        ("action", lambda: plan.update_action(session, aid, owner="RH", due_date="2027-01-31")),
        ("remove_action", lambda: plan.remove_action(session, aid)),
        ("open", lambda: ballots.open_ballot(session, cid, capture="nominative")),
    ]


def test_every_operation_undoes_and_redoes_exactly(session, lib, people):
    for name, op in _scenario(session, lib, people):
        before = state(session)
        op()
        after = state(session)
        assert after != before, name
        session.undo()
        assert state(session) == before
        session.redo()
        assert state(session) == after


def test_votes_undo_and_close_undo(session, lib, people):
    cid = clauses.add_clause(session, lib, lib.clauses[0].key).value
    bid = ballots.open_ballot(session, cid).value
    ballots.cast_vote(session, bid, people[0], "for")
    before = state(session)
    ballots.cast_vote(session, bid, people[0], "against")
    session.undo()
    assert state(session) == before
    ballots.close_ballot(session, bid)
    session.undo()
    assert snapshot.load(session.conn).clauses[0].ballots[0].is_open


def test_undo_survives_reopening(tmp_path, lib):
    path = tmp_path / "u.charter"
    s = setup.create(path, "A", "B")
    setup.add_participant(s, "Zoé", 1)
    s.close()
    s = Session.open(path)
    assert s.can_undo and s.undo_label() == "Participant ajouté : Direction 1"
    s.undo()
    assert s.conn.execute("SELECT count(*) FROM participants").fetchone()[0] == 0
    s.close()
    s = Session.open(path)
    assert s.can_redo and not s.can_undo  # creation is a barrier
    s.redo()
    assert s.conn.execute("SELECT name FROM participants").fetchone()[0] == "Zoé"
    s.close()


def test_new_operation_clears_redo(session, people):
    setup.set_present(session, people[0], False)
    session.undo()
    assert session.can_redo
    setup.set_present(session, people[1], False)
    assert not session.can_redo
    with pytest.raises(NothingToUndo):
        session.redo()


def test_participant_who_voted_cannot_be_removed(session, lib, people):
    cid = clauses.add_clause(session, lib, lib.clauses[0].key).value
    ballots.open_ballot(session, cid)
    with pytest.raises(InvalidInput, match="marquez-le absent"):
        setup.remove_participant(session, people[0])


def test_college_named_by_a_remark_cannot_be_removed(session, lib, people):
    empty = setup.add_college(session, "Invités").value
    cid = clauses.add_clause(session, lib, lib.clauses[0].key).value
    bid = ballots.open_ballot(session, cid).value
    ballots.add_remark(session, bid, "reservation", "à revoir", college_id=empty)
    with pytest.raises(InvalidInput, match="déplacez-les"):
        setup.remove_college(session, empty)


def test_ballot_defaults_that_a_ballot_would_refuse_are_refused_at_once(session):
    from workshop.errors import WorkshopError

    with pytest.raises(WorkshopError, match="secret"):
        setup.update_workshop(session, ballot_capture="secret", ballot_double_majority=0)
    setup.update_workshop(session, ballot_method="consent")
    with pytest.raises(WorkshopError):
        setup.update_workshop(session, ballot_abstentions_count=True)
    assert snapshot.load(session.conn).workshop.ballot_abstentions_count is False


def test_forgetting_a_participant_erases_the_name_from_the_whole_file(tmp_path):
    path = tmp_path / "rgpd.charter"
    s = setup.create(path, "Atelier", "ACME")
    pid = setup.add_participant(s, "Zoé Kowalczyk-Unique", 3, "Déléguée syndicale").value
    setup.update_participant(s, pid, name="Zoé Kowalczyk-Unique2")  # undo data holds names
    setup.update_participant(s, pid, name="Zoé Kowalczyk-Unique")
    setup.forget_participant(s, pid)
    assert not s.can_undo
    person = snapshot.load(s.conn).participant(pid)
    assert (person.name, person.pseudonym, person.function, person.may_be_named) == (
        "Participant effacé 1",
        "Participant effacé 1",
        "",
        False,
    )
    s.close()
    raw = path.read_bytes()
    assert b"Kowalczyk" not in raw
    assert "Déléguée syndicale".encode() not in raw


def test_actions_can_be_reordered_and_undone(session):
    ids = [plan.add_action(session, f"Action {i}", "training").value for i in range(3)]
    plan.move_action(session, ids[2], 0)
    assert [a.id for a in snapshot.load(session.conn).actions] == [ids[2], ids[0], ids[1]]
    session.undo()
    assert [a.id for a in snapshot.load(session.conn).actions] == ids


def test_control_characters_never_enter_the_file(session):
    """A NUL pasted alone would be stored and read back as nothing (then refused on import)."""
    from workshop.errors import InvalidInput
    from workshop.operations import setup as setup_ops

    with pytest.raises(InvalidInput):
        setup_ops.update_workshop(session, organisation="\x00")
    setup_ops.update_workshop(session, organisation="ACME\x00 \x0b& Cie\x7f")
    assert session.conn.execute("SELECT organisation FROM workshop").fetchone()[0] == "ACME & Cie"
