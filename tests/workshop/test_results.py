"""results.round_result: one tally for every reader, and the new round options end to end."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from workshop import coherence, diagnostic, results, snapshot
from workshop.errors import VoteError, WorkshopError
from workshop.library import builtin_library
from workshop.methods import Base, QuorumOn
from workshop.model import CaptureMode, Choice, Method, Outcome
from workshop.operations import ballots, clauses, positioning, setup
from workshop.voting import Quorum, RoundSettings

PEOPLE = [("Łukasz Nguyễn-O’Brien", 2), ("Zoé « Zozo » Kowalczyk", 3), ("يوسف الحداد", 3),
          ("田中 美咲 🌿", 4), ("Anaïs", 4), ("Œdipe", 2)]  # fmt: skip


@pytest.fixture
def people(session):
    return [setup.add_participant(session, name, college).value for name, college in PEOPLE]


@pytest.fixture
def clause(session):
    lib = builtin_library("fr")
    return clauses.add_clause(session, lib, lib.clauses[0].key).value


def events(session) -> int:
    return session.conn.execute("SELECT count(*) FROM audit").fetchone()[0]


def last_ballot(session):
    return snapshot.load(session.conn).clauses[0].ballots[-1]


def vote(session, bid, people, choices):
    for pid, choice in zip(people, choices, strict=False):
        if choice:
            ballots.cast_vote(session, bid, pid, choice)


def test_compute_result_reads_round_result(session, people, clause):
    bid = ballots.open_ballot(session, clause, method="two_thirds", double_majority=0).value
    vote(session, bid, people, ["for", "for", "for", "against", "for", "abstain"])
    ballots.close_ballot(session, bid)
    ballot = last_ballot(session)
    rr = results.round_result(ballot, [c.id for c in snapshot.load(session.conn).colleges])
    assert ballots.compute_result(session.conn, bid) == rr.result
    assert ballot.outcome == rr.outcome.value
    by_college = {line.college_id: line for line in rr.colleges}
    assert by_college[4].tally.count(Choice.AGAINST) == 1
    assert by_college[1].excluded == "nobody_present"  # college 1 has nobody in it


def test_an_open_round_has_no_result(session, people, clause):
    bid = ballots.open_ballot(session, clause).value
    with pytest.raises(VoteError):
        results.round_result(last_ballot(session))
    with pytest.raises(VoteError):
        ballots.compute_result(session.conn, bid)


def test_base_registered_counts_absent_members_against(session, people, clause):
    setup.set_present(session, people[5], False)
    settings = RoundSettings(method=Method.SIMPLE, base=Base.REGISTERED)
    bid = ballots.open_ballot(session, clause, settings).value
    vote(session, bid, people, ["for", "for", "for", "against", "against"])
    ballots.close_ballot(session, bid)
    ballot = last_ballot(session)
    assert json.loads(ballot.members) == {"2": 2, "3": 2, "4": 2}
    rr = results.round_result(ballot)
    assert rr.result.overall.base == 6  # 3 for of 6 members is not more than half
    assert rr.outcome is Outcome.REJECTED
    assert "membres inscrits" in rr.sentence("fr")
    assert "base : tous les membres inscrits".replace(" :", "\u00a0:") in " ".join(rr.rules())


def test_quorum_fraction_on_presence_and_casting_vote_are_stored(session, people, clause):
    settings = RoundSettings(
        method=Method.SIMPLE,
        quorum=Quorum(fraction=Fraction(1, 2), on=QuorumOn.PRESENCE),
        chair=people[1],
    )
    bid = ballots.open_ballot(session, clause, settings).value
    vote(session, bid, people, ["for", "for", "against", "against", "abstain", "abstain"])
    ballots.close_ballot(session, bid)
    ballot = last_ballot(session)
    assert results.settings_of(ballot) == settings
    rr = results.round_result(ballot)
    assert rr.result.casting_vote is Choice.FOR  # 2 for, 2 against: the chair voted for
    assert rr.outcome is Outcome.ADOPTED
    assert "voix prépondérante" in rr.sentence("fr", chair_name="Zoé")
    assert "Zoé" in rr.sentence("fr", chair_name="Zoé")
    assert rr.result.quorum_met and rr.result.quorum_needed == 3


def test_old_rounds_keep_todays_behaviour(session, people, clause):
    bid = ballots.open_ballot(session, clause, quorum=4).value
    vote(session, bid, people, ["for", "for", "against"])
    ballots.close_ballot(session, bid)
    row = session.conn.execute(
        "SELECT base, quorum_fraction, quorum_on, chair_id, members FROM ballots"
    ).fetchone()
    assert row == (None, None, "participation", None, None)
    rr = results.round_result(last_ballot(session))
    assert rr.outcome is Outcome.POSTPONED  # 3 took part for a quorum of 4, as before


@pytest.mark.parametrize(
    ("settings", "fragment"),
    [
        (RoundSettings(double_majority=5), "only 3 colleges"),
        (RoundSettings(quorum=Quorum(count=7)), "could never be met"),
        (RoundSettings(method=Method.UNANIMITY, chair=1), "casting vote"),
        (RoundSettings(method=Method.ABSOLUTE, abstentions_count=True), "abstentions"),
        (RoundSettings(capture=CaptureMode.COUNTS, chair=1), "vote by name"),
    ],
)
def test_impossible_settings_are_refused_at_opening_and_write_nothing(
    session, people, clause, settings, fragment
):
    before = events(session)
    with pytest.raises(VoteError) as error:
        ballots.open_ballot(session, clause, settings)
    assert fragment in error.value.en and "\n" not in error.value.fr
    assert events(session) == before
    assert session.conn.execute("SELECT count(*) FROM ballots").fetchone()[0] == 0


def test_a_chair_must_be_among_the_voters(session, people, clause):
    setup.set_present(session, people[0], False)
    with pytest.raises(VoteError) as error:
        ballots.open_ballot(session, clause, RoundSettings(chair=people[0]))
    assert "chair" in error.value.en


def test_unknown_round_settings_are_refused(session, people, clause):
    with pytest.raises(Exception, match="inconnu"):
        ballots.open_ballot(session, clause, colour="red")


def test_an_unreadable_stored_round_is_refused_in_one_line(session, people, clause):
    bid = ballots.open_ballot(session, clause).value
    ballots.close_ballot(session, bid)
    for column, value in [("members", "[1, 2]"), ("quorum_fraction", "x/0"), ("base", "all")]:
        session.conn.execute(f"UPDATE ballots SET {column} = ?", (value,))
        with pytest.raises(WorkshopError) as error:  # the snapshot or round_result refuses
            results.round_result(last_ballot(session))
        assert "\n" not in error.value.en
        session.conn.execute(f"UPDATE ballots SET {column} = NULL")


def test_describe_rules_names_every_option():
    settings = RoundSettings(
        method=Method.THREE_QUARTERS,
        capture=CaptureMode.COUNTS,
        base=Base.PRESENT,
        double_majority=2,
        quorum=Quorum(fraction=Fraction(2, 3), on=QuorumOn.PRESENCE),
    )
    words = results.describe_rules(settings, "en")
    assert words == [
        "three-quarters majority",
        "count per college",
        "base: members present",
        "majority needed in at least 2 colleges",
        "quorum 2/3 of the members on presence",
    ]


def test_one_reference_position_for_clauses_and_suggestions(session):
    assert clauses.reference_position(session.conn) is None
    positioning.set_score(session, diagnostic.CRITERIA[0].key, 5)
    shot = snapshot.load(session.conn)
    assert coherence.reference(shot) == clauses.reference_position(session.conn) is not None
    positioning.set_target(session, 8, 2)
    shot = snapshot.load(session.conn)
    assert coherence.reference(shot) == clauses.reference_position(session.conn)
    assert clauses.reference_position(session.conn).support == 8


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("base", "all"),
        ("quorum_fraction", "3/2"),
        ("quorum_fraction", "x"),
        ("quorum_on", "lunch"),
        ("members", '{"2": -1}'),
        ("members", "[1]"),
    ],
)
def test_a_file_with_hostile_round_options_is_refused_at_open(tmp_path, column, value):
    import sqlite3

    from workshop.errors import FileRefused
    from workshop.session import Session

    path = tmp_path / "hostile.charter"
    s = setup.create(path, "Atelier", "ACME", "fr")
    pid = setup.add_participant(s, "A", 1).value
    lib = builtin_library("fr")
    cid = clauses.add_clause(s, lib, lib.clauses[0].key).value
    bid = ballots.open_ballot(s, cid).value
    ballots.cast_vote(s, bid, pid, "for")
    ballots.close_ballot(s, bid)
    s.close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"UPDATE ballots SET {column} = ?", (value,))
    conn.close()
    with pytest.raises(FileRefused) as error:
        Session.open(path)
    assert "ballots" in error.value.en and "\n" not in error.value.en
