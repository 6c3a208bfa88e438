"""Bundle version 2: a round's base, quorum kind, casting vote and members go out and back."""

from __future__ import annotations

import copy
from fractions import Fraction
from typing import Any

import pytest

from workshop import results, snapshot
from workshop.bundle import VERSION, check_bundle, export_bundle, import_bundle
from workshop.errors import BundleError
from workshop.library import builtin_library
from workshop.methods import Base, QuorumOn
from workshop.model import Method
from workshop.operations import ballots, clauses, setup
from workshop.voting import Quorum, RoundSettings

NEW_KEYS = ("base", "quorum_fraction", "quorum_on", "chair_id", "members")


@pytest.fixture
def rich(session) -> dict[str, Any]:
    """Two closed rounds using every new option, exported."""
    lib = builtin_library("fr")
    who = [setup.add_participant(session, n, c).value for n, c in [("A", 1), ("B", 2), ("C", 2)]]
    setup.add_participant(session, "Absent·e", 3)
    setup.set_present(session, who[-1] + 1, False)
    first, second = (clauses.add_clause(session, lib, c.key).value for c in lib.clauses[:2])
    settings = RoundSettings(
        method=Method.SIMPLE,
        base=Base.REGISTERED,
        quorum=Quorum(fraction=Fraction(1, 2), on=QuorumOn.PRESENCE),
        chair=who[1],
    )
    b = ballots.open_ballot(session, first, settings).value
    for pid, choice in zip(who, ["for", "for", "against"], strict=True):
        ballots.cast_vote(session, b, pid, choice)
    ballots.close_ballot(session, b)
    b = ballots.open_ballot(session, second, method=Method.THREE_QUARTERS).value
    ballots.cast_vote(session, b, who[0], "for")
    ballots.close_ballot(session, b)
    return export_bundle(session)


def rounds(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [b for c in data["clauses"] for b in c["ballots"]]


def test_new_round_options_round_trip(rich, tmp_path):
    assert rich["version"] == VERSION == 2
    first, second = rounds(rich)
    assert first["base"] == "registered" and first["quorum_fraction"] == "1/2"
    assert first["quorum_on"] == "presence" and first["chair_id"] is not None
    assert first["members"] == [{"college_id": 1, "n": 1}, {"college_id": 2, "n": 2},
                                {"college_id": 3, "n": 1}]  # fmt: skip
    assert second["method"] == "three_quarters" and second["members"] is None
    with import_bundle(rich, tmp_path / "back.charter") as s:
        assert export_bundle(s)["clauses"] == rich["clauses"]
        again = snapshot.load(s.conn).clauses[0].ballots[0]
        assert results.round_result(again).result.overall.base == 4  # all registered


def test_a_version_1_bundle_keeps_todays_rules(rich, tmp_path):
    old = copy.deepcopy(rich)
    old["version"] = 1
    for b in rounds(old):
        for key in NEW_KEYS:
            del b[key]
    with import_bundle(old, tmp_path / "v1.charter") as s:
        ballot = snapshot.load(s.conn).clauses[0].ballots[0]
        assert (ballot.base, ballot.quorum_fraction, ballot.quorum_on) == (
            None,
            None,
            "participation",
        )
        assert ballot.chair_id is None and ballot.members is None


@pytest.mark.parametrize(
    ("key", "value", "path"),
    [
        ("base", "all", "base"),
        ("quorum_fraction", "3/2", ""),
        ("quorum_fraction", "1/0", "quorum_fraction"),
        ("quorum_fraction", "½", "quorum_fraction"),
        ("quorum_on", "lunch", "quorum_on"),
        ("chair_id", 999, "chair_id"),
        ("members", [{"college_id": 2, "n": 1}], "members[0].n"),
        ("members", [{"college_id": 99, "n": 1}], "members[0].college_id"),
        ("members", [{"college_id": 2, "n": 5}, {"college_id": 2, "n": 5}], "members[1]"),
        ("members", {"2": 5}, "members"),
        ("quorum", 3, "quorum_fraction"),
    ],
)
def test_hostile_round_options_are_refused_on_one_line(rich, key, value, path):
    data = copy.deepcopy(rich)
    rounds(data)[0][key] = value
    with pytest.raises(BundleError) as error:
        check_bundle(data)
    assert "\n" not in error.value.en
    assert f"$.clauses[0].ballots[0]{'.' + path if path else ''}" in error.value.en
