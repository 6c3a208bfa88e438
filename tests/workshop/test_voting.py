"""Voting rules: the thresholds a facilitator will be asked to justify in the room.

Concrete cases pin the boundaries (two thirds of 9 is 6); Hypothesis properties check that
the rules behave as a room expects (order does not matter, one more "for" never hurts,
the capture mode does not change the result).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop import methods
from workshop.errors import VoteError
from workshop.methods import MAJORITY_CHOICES, Base, Option, QuorumOn
from workshop.model import Choice, Method, Outcome, choices_for
from workshop.voting import (
    NBSP,
    NNBSP,
    BallotRules,
    Decision,
    Quorum,
    Result,
    RoundSettings,
    Tally,
    check_choice,
    check_opening,
    decide,
    explain,
    tally_choices,
    tally_counts,
)

FOR, AGAINST, ABSTAIN = Choice.FOR, Choice.AGAINST, Choice.ABSTAIN
CONSENT, RESERVATION, OBJECTION = Choice.CONSENT, Choice.RESERVATION, Choice.OBJECTION
MAJORITY_METHODS = tuple(m for m in Method if m is not Method.CONSENT)
ADOPTED = (Outcome.ADOPTED, Outcome.ADOPTED_WITH_RESERVATIONS)


def votes(f: int = 0, a: int = 0, b: int = 0, present: int | None = None) -> Tally:
    """A majority tally: f for, a against, b abstentions; present defaults to all voters."""
    return Tally({FOR: f, AGAINST: a, ABSTAIN: b}, f + a + b if present is None else present)


def consents(c: int = 0, r: int = 0, o: int = 0, present: int | None = None) -> Tally:
    """A consent tally: c consents, r reservations, o objections."""
    took = c + r + o
    return Tally({CONSENT: c, RESERVATION: r, OBJECTION: o}, took if present is None else present)


def outcome(method: Method, tally: Tally, **rules: object) -> Outcome:
    return decide(BallotRules(method, **rules), tally).outcome


def one_line(error: VoteError) -> None:
    assert error.fr and error.en and error.fr != error.en
    assert "\n" not in error.fr and "\n" not in error.en


# --- Simple majority -------------------------------------------------------------------


def test_simple_tie_is_rejected_and_one_more_for_passes() -> None:
    assert outcome(Method.SIMPLE, votes(4, 4)) is Outcome.REJECTED
    assert outcome(Method.SIMPLE, votes(5, 4)) is Outcome.ADOPTED


def test_simple_abstentions_do_not_count_unless_asked() -> None:
    tally = votes(5, 3, 3)
    result = decide(BallotRules(Method.SIMPLE), tally)
    assert result.outcome is Outcome.ADOPTED
    assert (result.overall.base, result.overall.base_kind) == (8, "cast")
    assert result.overall.threshold == 4 and result.overall.strict
    # Counted, the 3 abstentions are "not for": 5 > 11/2 is false.
    counted = decide(BallotRules(Method.SIMPLE, abstentions_count=True), tally)
    assert counted.outcome is Outcome.REJECTED
    assert counted.reasons == ("rejected_overall",)
    assert (counted.overall.base, counted.overall.base_kind) == (11, "cast_and_abstentions")
    assert counted.overall.threshold == Fraction(11, 2)


def test_simple_with_only_abstentions_is_rejected() -> None:
    result = decide(BallotRules(Method.SIMPLE), votes(0, 0, 4))
    assert result.outcome is Outcome.REJECTED
    assert result.overall.base == 0 and not result.overall.passed
    assert result.reasons == ("rejected_overall",)


# --- Absolute majority -----------------------------------------------------------------


def test_absolute_needs_more_than_half_of_present() -> None:
    assert outcome(Method.ABSOLUTE, votes(5, 0, 0, present=10)) is Outcome.REJECTED
    assert outcome(Method.ABSOLUTE, votes(6, 0, 0, present=10)) is Outcome.ADOPTED
    assert outcome(Method.ABSOLUTE, votes(5, 0, 0, present=9)) is Outcome.ADOPTED


def test_absolute_counts_non_voters_and_abstentions_against() -> None:
    # 6 for, 1 against: a simple majority, but 5 present did not vote and 12 / 2 = 6.
    tally = votes(6, 1, 0, present=12)
    assert outcome(Method.SIMPLE, tally) is Outcome.ADOPTED
    result = decide(BallotRules(Method.ABSOLUTE), tally)
    assert result.outcome is Outcome.REJECTED
    assert (result.overall.base, result.overall.base_kind) == (12, "present")
    assert result.overall.threshold == 6 and result.overall.strict
    # Abstentions count against too, whatever abstentions_count says.
    assert outcome(Method.ABSOLUTE, votes(6, 1, 4)) is Outcome.ADOPTED  # 6 > 11/2
    assert outcome(Method.ABSOLUTE, votes(6, 2, 4)) is Outcome.REJECTED  # 6 > 12/2 is false
    assert outcome(Method.ABSOLUTE, votes(6, 0, 6), abstentions_count=True) is Outcome.REJECTED


# --- Two thirds ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("f", "a", "passed"),
    [(6, 3, True), (5, 4, False), (4, 2, True), (5, 3, False), (6, 2, True), (2, 1, True)],
)
def test_two_thirds_boundaries(f: int, a: int, passed: bool) -> None:
    result = decide(BallotRules(Method.TWO_THIRDS), votes(f, a))
    assert result.overall.passed is passed
    assert result.outcome is (Outcome.ADOPTED if passed else Outcome.REJECTED)
    assert result.overall.threshold == Fraction(2, 3) * (f + a)
    assert not result.overall.strict


def test_two_thirds_of_nine_is_six_exactly() -> None:
    result = decide(BallotRules(Method.TWO_THIRDS), votes(6, 3))
    assert result.overall.threshold == 6
    assert isinstance(result.overall.threshold, Fraction)
    assert result.overall.needed == 6


def test_two_thirds_of_eight_is_sixteen_thirds() -> None:
    result = decide(BallotRules(Method.TWO_THIRDS), votes(5, 3))
    assert result.overall.threshold == Fraction(16, 3)
    assert result.overall.needed == 6
    assert result.outcome is Outcome.REJECTED


def test_two_thirds_with_abstentions_counting() -> None:
    tally = votes(5, 2, 1)
    assert outcome(Method.TWO_THIRDS, tally) is Outcome.ADOPTED  # 5 >= 14/3
    assert outcome(Method.TWO_THIRDS, tally, abstentions_count=True) is Outcome.REJECTED  # 16/3


def test_two_thirds_without_votes_cast_is_rejected() -> None:
    assert outcome(Method.TWO_THIRDS, votes(0, 0, 3)) is Outcome.REJECTED


# --- Unanimity -------------------------------------------------------------------------


def test_unanimity() -> None:
    assert outcome(Method.UNANIMITY, votes(5)) is Outcome.ADOPTED
    assert outcome(Method.UNANIMITY, votes(5, 1)) is Outcome.REJECTED
    assert outcome(Method.UNANIMITY, votes(0, 0, 3)) is Outcome.REJECTED  # nobody for


def test_unanimity_with_abstentions() -> None:
    assert outcome(Method.UNANIMITY, votes(5, 0, 1)) is Outcome.ADOPTED
    assert outcome(Method.UNANIMITY, votes(5, 0, 1), abstentions_count=True) is Outcome.REJECTED
    # Absent-minded silent members do not break unanimity: only a choice does.
    assert outcome(Method.UNANIMITY, votes(5, 0, 0, present=7), abstentions_count=True) is (
        Outcome.ADOPTED
    )


# --- Consent ---------------------------------------------------------------------------


def test_consent_outcomes() -> None:
    assert outcome(Method.CONSENT, consents(5)) is Outcome.ADOPTED
    assert outcome(Method.CONSENT, consents(4, 1)) is Outcome.ADOPTED_WITH_RESERVATIONS
    result = decide(BallotRules(Method.CONSENT), consents(6, 2, 1))
    assert result.outcome is Outcome.POSTPONED
    assert result.reasons == ("objection",)
    assert not result.overall.passed
    assert result.overall.base_kind == "took_part"


def test_consent_reservations_recorded_after_the_round() -> None:
    result = decide(BallotRules(Method.CONSENT), consents(5), reservations=1)
    assert result.outcome is Outcome.ADOPTED_WITH_RESERVATIONS
    assert result.reservations == 1
    assert decide(BallotRules(Method.CONSENT), consents(3, 2), reservations=1).reservations == 3


def test_consent_empty_round_is_postponed() -> None:
    result = decide(BallotRules(Method.CONSENT), consents(present=6))
    assert result.outcome is Outcome.POSTPONED
    assert result.reasons == ("no_participation",)


@pytest.mark.parametrize("method", MAJORITY_METHODS)
def test_majority_empty_ballot_is_rejected(method: Method) -> None:
    result = decide(BallotRules(method), votes(present=6))
    assert result.outcome is Outcome.REJECTED
    assert result.reasons == ("no_participation",)


@pytest.mark.parametrize("method", MAJORITY_METHODS)
def test_majority_reservations_after_the_vote(method: Method) -> None:
    assert outcome(method, votes(7)) is Outcome.ADOPTED
    result = decide(BallotRules(method), votes(7), reservations=2)
    assert result.outcome is Outcome.ADOPTED_WITH_RESERVATIONS
    assert result.reasons == ("passed", "reservations")
    # Reservations do not rescue a rejected clause.
    assert decide(BallotRules(method), votes(0, 7), reservations=2).outcome is Outcome.REJECTED


# --- Quorum ----------------------------------------------------------------------------


def test_quorum_postpones_whatever_the_counts() -> None:
    result = decide(BallotRules(Method.SIMPLE, quorum=5), votes(4, 0, 0, present=9))
    assert result.outcome is Outcome.POSTPONED
    assert result.reasons == ("quorum_not_met",)
    assert not result.quorum_met
    assert result.overall.passed  # the count itself would have passed


def test_quorum_counts_abstentions_and_is_inclusive() -> None:
    result = decide(BallotRules(Method.SIMPLE, quorum=5), votes(3, 0, 2, present=9))
    assert result.quorum_met
    assert result.outcome is Outcome.ADOPTED
    assert outcome(Method.SIMPLE, votes(3, 0, 1, present=9), quorum=5) is Outcome.POSTPONED


def test_quorum_with_consent_and_zero_quorum() -> None:
    assert outcome(Method.CONSENT, consents(2, present=8), quorum=3) is Outcome.POSTPONED
    assert outcome(Method.CONSENT, consents(3, present=8), quorum=3) is Outcome.ADOPTED
    assert outcome(Method.SIMPLE, votes(1), quorum=0) is Outcome.ADOPTED


# --- Double majority -------------------------------------------------------------------

PRESENT = {"rh": 3, "cse": 3, "dsi": 2}


def test_double_majority_every_college() -> None:
    entries = [("rh", FOR)] * 3 + [("cse", FOR), ("cse", AGAINST), ("cse", AGAINST)]
    overall, per_college = tally_choices(entries, PRESENT)
    plain = decide(BallotRules(Method.SIMPLE), overall, per_college)
    assert plain.outcome is Outcome.ADOPTED  # 4 for, 2 against overall
    assert set(plain.colleges) == {"rh", "cse"}  # dsi took no part
    result = decide(BallotRules(Method.SIMPLE, double_majority=0), overall, per_college)
    assert result.outcome is Outcome.REJECTED
    assert result.reasons == ("double_majority_failed",)
    assert result.colleges["rh"].passed and not result.colleges["cse"].passed


def test_double_majority_silent_college_blocks_absolute_only() -> None:
    entries = [("rh", FOR)] * 3 + [("cse", FOR)] * 3
    overall, per_college = tally_choices(entries, PRESENT)
    simple = decide(BallotRules(Method.SIMPLE, double_majority=0), overall, per_college)
    assert simple.outcome is Outcome.ADOPTED
    # Absolute: dsi is present (2) and silent, so it takes part and fails; overall 6 > 4.
    # Ignoring silent colleges would be non-monotone: one dsi member voting "for" would
    # then make dsi take part and fail (1 > 3/2 is false), turning adopted into rejected.
    absolute = decide(BallotRules(Method.ABSOLUTE, double_majority=0), overall, per_college)
    assert set(absolute.colleges) == set(PRESENT)
    assert absolute.overall.passed
    assert absolute.outcome is Outcome.REJECTED
    assert absolute.reasons == ("double_majority_failed",)


def test_double_majority_at_least_n_colleges() -> None:
    entries = [("rh", FOR)] * 3 + [("cse", FOR)] * 2 + [("cse", AGAINST), ("dsi", AGAINST)]
    overall, per_college = tally_choices(entries, PRESENT)
    assert decide(BallotRules(Method.SIMPLE, double_majority=2), overall, per_college).outcome is (
        Outcome.ADOPTED
    )
    three = decide(BallotRules(Method.SIMPLE, double_majority=3), overall, per_college)
    assert three.outcome is Outcome.REJECTED
    assert three.reasons == ("double_majority_failed",)


def test_double_majority_n_fails_when_fewer_colleges_take_part() -> None:
    entries = [("rh", FOR)] * 3 + [("cse", FOR)] * 3
    overall, per_college = tally_choices(entries, PRESENT)
    assert decide(BallotRules(Method.SIMPLE, double_majority=2), overall, per_college).outcome is (
        Outcome.ADOPTED
    )
    result = decide(BallotRules(Method.SIMPLE, double_majority=3), overall, per_college)
    assert len(result.colleges) == 2 and result.colleges_passed == 2
    assert result.outcome is Outcome.REJECTED


def test_double_majority_does_not_rescue_the_overall_rule() -> None:
    entries = [("rh", FOR)] * 3 + [("cse", AGAINST)] * 3
    overall, per_college = tally_choices(entries, PRESENT)
    result = decide(BallotRules(Method.SIMPLE, double_majority=1), overall, per_college)
    assert result.colleges_passed == 1
    assert result.outcome is Outcome.REJECTED
    assert result.reasons == ("rejected_overall",)


def test_double_majority_in_a_secret_ballot_is_refused() -> None:
    with pytest.raises(VoteError) as caught:
        decide(BallotRules(Method.SIMPLE, double_majority=0), votes(5, 1))
    one_line(caught.value)
    assert "secret" in caught.value.fr and "secret" in caught.value.en


def test_per_college_must_add_up_to_the_overall_tally() -> None:
    overall, per_college = tally_choices([("rh", FOR), ("cse", FOR)], PRESENT)
    with pytest.raises(VoteError):
        decide(BallotRules(Method.SIMPLE), votes(3, 0, 0, present=8), per_college)
    with pytest.raises(VoteError):
        decide(BallotRules(Method.SIMPLE), votes(2, 0, 0, present=9), per_college)
    assert decide(BallotRules(Method.SIMPLE), overall, per_college).outcome is Outcome.ADOPTED


# --- Rules validation ------------------------------------------------------------------


@pytest.mark.parametrize(
    "rules",
    [
        BallotRules(Method.SIMPLE, quorum=-1),
        BallotRules(Method.SIMPLE, double_majority=-1),
        BallotRules(Method.CONSENT, double_majority=0),
        BallotRules(Method.CONSENT, abstentions_count=True),
        BallotRules(Method.SIMPLE, double_majority=True),  # type: ignore[arg-type]
        BallotRules(Method.SIMPLE, quorum=2.5),  # type: ignore[arg-type]
        BallotRules("plurality"),  # type: ignore[arg-type]
    ],
)
def test_nonsense_rules_are_refused(rules: BallotRules) -> None:
    with pytest.raises(VoteError) as caught:
        rules.validate()
    one_line(caught.value)
    with pytest.raises(VoteError):
        decide(rules, votes(1))


def test_sensible_rules_validate() -> None:
    for method in Method:
        BallotRules(method).validate()
        BallotRules(method, quorum=0).validate()
    BallotRules(Method.TWO_THIRDS, abstentions_count=True, double_majority=2, quorum=5).validate()


def test_negative_reservations_are_refused() -> None:
    with pytest.raises(VoteError):
        decide(BallotRules(Method.SIMPLE), votes(3), reservations=-1)


# --- Tallies ---------------------------------------------------------------------------


def test_tally_helpers_and_normalisation() -> None:
    tally = Tally({"for": 4, AGAINST: 2, ABSTAIN: 1, RESERVATION: 0}, 9)
    assert tally.count(FOR) == 4 and tally.count(OBJECTION) == 0
    assert (tally.took_part, tally.cast, tally.did_not_vote) == (7, 6, 2)
    assert tally == Tally({ABSTAIN: 1, AGAINST: 2, FOR: 4}, 9)
    assert hash(tally) == hash(Tally({ABSTAIN: 1, AGAINST: 2, FOR: 4}, 9))
    assert tally != Tally({ABSTAIN: 1, AGAINST: 2, FOR: 4}, 8)


@pytest.mark.parametrize(
    ("counts", "present"),
    [({FOR: -1}, 3), ({FOR: 4}, 3), ({FOR: 1}, -1), ({"maybe": 1}, 3), ({FOR: 1.0}, 3)],
)
def test_invalid_tallies_are_refused(counts: dict, present: int) -> None:
    with pytest.raises(VoteError) as caught:
        Tally(counts, present)
    one_line(caught.value)


def test_tally_choices_builds_every_college() -> None:
    entries = [("rh", FOR), ("cse", AGAINST), ("rh", ABSTAIN), ("rh", FOR)]
    overall, per_college = tally_choices(entries, PRESENT)
    assert overall == votes(2, 1, 1, present=8)
    assert per_college == {
        "rh": votes(2, 0, 1, present=3),
        "cse": votes(0, 1, 0, present=3),
        "dsi": votes(present=2),
    }


def test_tally_choices_refuses_unknown_college_and_too_many_voters() -> None:
    with pytest.raises(VoteError):
        tally_choices([("legal", FOR)], PRESENT)
    with pytest.raises(VoteError) as caught:
        tally_choices([("dsi", FOR)] * 3, PRESENT)
    one_line(caught.value)
    assert "dsi" in caught.value.fr


def test_tally_counts() -> None:
    overall, per_college = tally_counts({"rh": {FOR: 2, ABSTAIN: 1}, "cse": {AGAINST: 3}}, PRESENT)
    assert overall == votes(2, 3, 1, present=8)
    assert per_college["dsi"] == votes(present=2)


def test_tally_counts_over_present_is_refused() -> None:
    with pytest.raises(VoteError) as caught:
        tally_counts({"rh": {FOR: 3, AGAINST: 1}}, PRESENT)
    one_line(caught.value)
    assert "rh" in caught.value.en


@pytest.mark.parametrize(
    "counts",
    [{"rh": {FOR: -1}}, {"legal": {FOR: 1}}, {"rh": {"maybe": 1}}, {"rh": {FOR: True}}],
)
def test_tally_counts_refuses_bad_input(counts: dict) -> None:
    with pytest.raises(VoteError):
        tally_counts(counts, PRESENT)


# --- Choices and methods ---------------------------------------------------------------


@pytest.mark.parametrize("method", list(Method))
def test_check_choice(method: Method) -> None:
    for choice in Choice:
        if choice in choices_for(method):
            check_choice(method, choice)
        else:
            with pytest.raises(VoteError) as caught:
                check_choice(method, choice)
            one_line(caught.value)


def test_decide_refuses_a_choice_of_the_other_family() -> None:
    with pytest.raises(VoteError):
        decide(BallotRules(Method.SIMPLE), consents(3))
    with pytest.raises(VoteError):
        decide(BallotRules(Method.CONSENT), votes(3))
    overall, per_college = tally_choices([("rh", OBJECTION)], PRESENT)
    with pytest.raises(VoteError):
        decide(BallotRules(Method.SIMPLE), overall, per_college)


# --- Minutes ---------------------------------------------------------------------------


def _plain(text: str) -> str:
    return text.replace(NBSP, " ").replace(NNBSP, " ")


def test_explain_two_thirds_in_french_with_french_typography() -> None:
    rules = BallotRules(Method.TWO_THIRDS)
    text = explain(decide(rules, votes(6, 3)), rules)
    assert text.startswith(
        f"6 voix pour sur 9 suffrages exprimés{NNBSP}; seuil des deux tiers{NBSP}: 6{NNBSP}; "
        "adoptée."
    )
    assert "3 contre" in text
    assert text.count(".") <= 2  # at most two sentences


def test_explain_in_english_and_thousands() -> None:
    rules = BallotRules(Method.ABSOLUTE)
    result = decide(rules, votes(1172, 3, 0, present=2345))
    assert _plain(explain(result, rules, "en")).startswith(
        "1,172 votes for out of 2,345 people present; absolute majority: 1,173; rejected."
    )
    assert explain(result, rules).startswith(
        f"1{NNBSP}172 voix pour sur 2{NNBSP}345 présents{NNBSP}; majorité absolue{NBSP}: "
        f"1{NNBSP}173{NNBSP}; rejetée."
    )


def test_explain_threshold_is_what_is_needed_not_a_rounded_fraction() -> None:
    rules = BallotRules(Method.TWO_THIRDS)
    text = _plain(explain(decide(rules, votes(5, 3)), rules))
    assert "5 voix pour sur 8 suffrages exprimés ; seuil des deux tiers : 6 ; rejetée" in text


def test_explain_reasons() -> None:
    rules = BallotRules(Method.SIMPLE, quorum=5)
    text = _plain(explain(decide(rules, votes(4, present=9)), rules))
    assert "reportée" in text and "quorum non atteint" in text
    rules = BallotRules(Method.CONSENT)
    text = _plain(explain(decide(rules, consents(4, 1, 1)), rules))
    assert text.startswith("1 objection sur 6 participants ; reportée")
    text = _plain(explain(decide(rules, consents(4, 2)), rules, "en"))
    assert text.startswith("No objection among 6 participants; adopted with reservations")
    rules = BallotRules(Method.SIMPLE, double_majority=0)
    entries = [("rh", FOR)] * 3 + [("cse", FOR), ("cse", AGAINST), ("cse", AGAINST)]
    text = _plain(explain(decide(rules, *tally_choices(entries, PRESENT)), rules))
    assert "double majorité non atteinte : 1 collège favorable sur 2" in text


# --- Properties ------------------------------------------------------------------------

COLLEGES = ("rh", "cse", "com", "dsi")
Entries = list[tuple[str, Choice]]


@st.composite
def ballots(draw: st.DrawFn, method: Method) -> tuple[Entries, dict[str, int]]:
    """Nominative entries and present numbers for 1 to 4 colleges."""
    colleges = COLLEGES[: draw(st.integers(1, len(COLLEGES)))]
    present: dict[str, int] = {}
    entries: Entries = []
    # Lean towards the first choice ("for", "consent") so that adoptions are common, and
    # towards silent or fully voting colleges, where the double-majority edge cases are.
    choice = st.just(choices_for(method)[0]) | st.sampled_from(choices_for(method))
    for college in colleges:
        present[college] = p = draw(st.integers(0, 6))
        voters = draw(st.sampled_from([0, p]) | st.integers(0, p))
        entries += [(college, draw(choice)) for _ in range(voters)]
    return entries, present


@st.composite
def majority_rules(
    draw: st.DrawFn, method: Method, abstentions_count: bool, double_majority: str
) -> BallotRules:
    dm = {"off": None, "all": 0, "some": draw(st.integers(1, len(COLLEGES)))}[double_majority]
    quorum = draw(st.none() | st.integers(0, 8))
    return BallotRules(method, abstentions_count, dm, quorum)


@st.composite
def any_rules(draw: st.DrawFn) -> BallotRules:
    method = draw(st.sampled_from(list(Method)))
    if method is Method.CONSENT:
        return BallotRules(method, quorum=draw(st.none() | st.integers(0, 12)))
    mode = draw(st.sampled_from(["off", "all", "some"]))
    return draw(majority_rules(method, draw(st.booleans()), mode))


def decide_entries(
    rules: BallotRules, entries: Entries, present: dict[str, int], reservations: int = 0
) -> Result:
    return decide(rules, *tally_choices(entries, present), reservations=reservations)


def holds(decision: Decision) -> bool:
    """The documented comparison every Decision must satisfy."""
    t = decision.threshold
    return decision.base > 0 and (decision.votes > t if decision.strict else decision.votes >= t)


def oracle(rules: BallotRules, tally: Tally) -> bool:
    """The rules restated in integer arithmetic, independently of the module."""
    f, a, b = tally.count(FOR), tally.count(AGAINST), tally.count(ABSTAIN)
    counted = b if rules.abstentions_count else 0
    if rules.method is Method.SIMPLE:
        return f > a + counted
    if rules.method is Method.ABSOLUTE:
        return 2 * f > tally.present
    if rules.method is Method.TWO_THIRDS:
        return f + a + counted > 0 and 3 * f >= 2 * (f + a + counted)
    if rules.method is Method.THREE_QUARTERS:
        return f + a + counted > 0 and 4 * f >= 3 * (f + a + counted)
    if rules.method is Method.UNANIMITY:
        return f > 0 and a == 0 and counted == 0
    return tally.took_part > 0 and tally.objections == 0


MONOTONE_CASES = pytest.mark.parametrize(
    ("method", "abstentions_count", "double_majority"),
    [
        (method, abstentions, dm)
        for method in MAJORITY_METHODS
        for abstentions in (False, True)
        for dm in ("off", "all", "some")
    ],
)


@MONOTONE_CASES
@given(data=st.data())
def test_one_more_participant_voting_for_never_hurts(
    method: Method, abstentions_count: bool, double_majority: str, data: st.DataObject
) -> None:
    rules = data.draw(majority_rules(method, abstentions_count, double_majority))
    entries, present = data.draw(ballots(method))
    reservations = data.draw(st.integers(0, 1))
    before = decide_entries(rules, entries, present, reservations)
    college = data.draw(st.sampled_from(sorted(present)))
    more = {**present, college: present[college] + 1}
    at = data.draw(st.integers(0, len(entries)))
    after = decide_entries(
        rules, [*entries[:at], (college, FOR), *entries[at:]], more, reservations
    )
    if before.outcome in ADOPTED:
        assert after.outcome is before.outcome, (before, after)


@MONOTONE_CASES
@given(data=st.data())
def test_turning_a_vote_into_for_never_hurts(
    method: Method, abstentions_count: bool, double_majority: str, data: st.DataObject
) -> None:
    rules = data.draw(majority_rules(method, abstentions_count, double_majority))
    entries, present = data.draw(ballots(method))
    entries.append((data.draw(st.sampled_from(sorted(present))), AGAINST))
    present = {c: max(p, sum(1 for e, _ in entries if e == c)) for c, p in present.items()}
    turned = data.draw(st.sampled_from([i for i, (_, c) in enumerate(entries) if c is not FOR]))
    before = decide_entries(rules, entries, present)
    changed = list(entries)
    changed[turned] = (entries[turned][0], FOR)
    after = decide_entries(rules, changed, present)
    if before.outcome in ADOPTED:
        assert after.outcome is before.outcome, (before, after)


@given(data=st.data(), rules=any_rules())
def test_order_of_nominative_entries_does_not_matter(
    data: st.DataObject, rules: BallotRules
) -> None:
    entries, present = data.draw(ballots(rules.method))
    shuffled = data.draw(st.permutations(entries))
    first, second = (
        decide_entries(rules, entries, present),
        decide_entries(rules, shuffled, present),
    )
    assert first == second
    assert explain(first, rules) == explain(second, rules)


@given(data=st.data(), rules=any_rules())
def test_counts_mode_gives_the_nominative_result(data: st.DataObject, rules: BallotRules) -> None:
    entries, present = data.draw(ballots(rules.method))
    typed: dict[str, dict[Choice, int]] = {}
    for college, count in Counter(entries).items():
        typed.setdefault(college[0], {})[college[1]] = count
    for college in typed:  # the operator may type explicit zeros
        for choice in choices_for(rules.method):
            if data.draw(st.booleans()):
                typed[college].setdefault(choice, 0)
    counted = decide(rules, *tally_counts(typed, present))
    nominative = decide_entries(rules, entries, present)
    assert counted == nominative
    assert counted.tally.took_part == len(entries)


@given(data=st.data(), rules=any_rules(), reservations=st.integers(0, 3))
def test_decide_never_raises_on_valid_tallies(
    data: st.DataObject, rules: BallotRules, reservations: int
) -> None:
    if rules.double_majority is None and data.draw(st.booleans()):
        # Secret ballot: only totals, possibly large, possibly everybody voting.
        counts = {c: data.draw(st.integers(0, 2000)) for c in choices_for(rules.method)}
        silent = data.draw(st.sampled_from([0]) | st.integers(0, 2000))
        overall, per_college = Tally(counts, sum(counts.values()) + silent), {}
        result = decide(rules, overall, None, reservations)
    else:
        entries, present = data.draw(ballots(rules.method))
        overall, per_college = tally_choices(entries, present)
        result = decide(rules, overall, per_college, reservations)
    assert isinstance(result.outcome, Outcome)
    assert result.outcome in set(Outcome)
    assert result.reasons
    assert holds(result.overall) is result.overall.passed
    assert all(holds(d) is d.passed for d in result.colleges.values())
    assert result.overall.passed is oracle(rules, overall)
    for college, decision in result.colleges.items():
        assert decision.passed is oracle(rules, per_college[college])
    for lang in ("fr", "en"):
        assert explain(result, rules, lang).strip()


def test_a_college_that_only_abstained_does_not_block_a_double_majority():
    rules = BallotRules(Method.SIMPLE, double_majority=0)
    per_college = {
        "rh": Tally({Choice.FOR: 3}, 3),
        "cse": Tally({Choice.ABSTAIN: 2}, 2),
    }
    overall = Tally({Choice.FOR: 3, Choice.ABSTAIN: 2}, 5)
    result = decide(rules, overall, per_college)
    assert result.outcome is Outcome.ADOPTED
    assert set(result.colleges) == {"rh"}
    # when abstentions count, the same college takes part and fails
    counted = decide(BallotRules(Method.SIMPLE, abstentions_count=True, double_majority=0),
                     overall, per_college)  # fmt: skip
    assert counted.outcome is Outcome.REJECTED
    assert set(counted.colleges) == {"rh", "cse"}


# --- Three quarters (added through the registry alone) ---------------------------------


@pytest.mark.parametrize(
    ("f", "a", "adopted"),
    [(6, 2, True), (5, 3, False), (3, 1, True), (2, 1, False), (9, 3, True), (8, 3, False)],
)
def test_three_quarters_of_8_is_6(f, a, adopted):
    result = decide(BallotRules(Method.THREE_QUARTERS), votes(f, a))
    assert (result.outcome is Outcome.ADOPTED) is adopted
    assert result.overall.threshold == Fraction(3, 4) * (f + a)


def test_three_quarters_counts_abstentions_only_when_asked():
    assert outcome(Method.THREE_QUARTERS, votes(6, 2, 4)) is Outcome.ADOPTED
    assert outcome(Method.THREE_QUARTERS, votes(6, 2, 4), abstentions_count=True) is (
        Outcome.REJECTED
    )


def test_three_quarters_is_told_in_words():
    result = decide(BallotRules(Method.THREE_QUARTERS), votes(6, 2))
    assert explain(result, BallotRules(Method.THREE_QUARTERS)).startswith(
        f"6 voix pour sur 8 suffrages exprimés{NNBSP}; seuil des trois quarts{NBSP}: 6{NNBSP}; adoptée."
    )
    assert "three-quarters threshold: 6" in explain(
        result, BallotRules(Method.THREE_QUARTERS), "en"
    )


# --- Properties of the round options: base, quorum kind, casting vote --------------------

FRACTIONS = [Fraction(1, 4), Fraction(1, 3), Fraction(1, 2), Fraction(2, 3), Fraction(3, 4), 1]
THRESHOLDS = {  # (numerator, denominator, strict), restated from the rules, not the registry
    Method.SIMPLE: (1, 2, True),
    Method.ABSOLUTE: (1, 2, True),
    Method.TWO_THIRDS: (2, 3, False),
    Method.THREE_QUARTERS: (3, 4, False),
    Method.UNANIMITY: (1, 1, False),
}


@st.composite
def quorums(draw: st.DrawFn) -> Quorum | None:
    on = draw(st.sampled_from(list(QuorumOn)))
    return draw(
        st.none()
        | st.builds(Quorum, count=st.integers(0, 10), on=st.just(on))
        | st.builds(Quorum, fraction=st.sampled_from(FRACTIONS).map(Fraction), on=st.just(on))
    )


@st.composite
def option_rules(draw: st.DrawFn, method: Method | None = None) -> BallotRules:
    """Any meaningful rules, the new options included (only those the registry allows)."""
    method = method or draw(st.sampled_from(list(Method)))
    entry = methods.spec(method)
    base = draw(st.sampled_from(entry.bases)) if entry.bases else None
    abstentions = (
        methods.allows(method, Option.ABSTENTIONS_COUNT)
        and base is Base.CAST
        and draw(st.booleans())
    )
    dm = None
    if methods.allows(method, Option.DOUBLE_MAJORITY):
        dm = draw(st.none() | st.just(0) | st.integers(1, len(COLLEGES)))
    casting = methods.allows(method, Option.CASTING_VOTE) and draw(st.booleans())
    return BallotRules(method, abstentions, dm, draw(quorums()), base, casting)


@st.composite
def rooms(draw: st.DrawFn, method: Method) -> tuple[Entries, dict[str, int], dict[str, int]]:
    """A nominative ballot plus the registered members (present + 0 to 3 absent) per college."""
    entries, present = draw(ballots(method))
    registered = {c: p + draw(st.integers(0, 3)) for c, p in present.items()}
    return entries, present, registered


def chairs() -> st.SearchStrategy[Choice | None]:
    return st.none() | st.sampled_from(MAJORITY_CHOICES)


def decide_room(
    rules: BallotRules,
    entries: Entries,
    present: dict[str, int],
    registered: dict[str, int],
    chair: Choice | None = None,
) -> Result:
    return decide(rules, *tally_choices(entries, present, registered), chair_choice=chair)


def option_oracle(rules: BallotRules, tally: Tally, chair: Choice | None) -> bool:
    """Whether the overall count passes, in integer arithmetic, casting vote included."""
    f, a, b = tally.count(FOR), tally.count(AGAINST), tally.count(ABSTAIN)
    if rules.method is Method.CONSENT:
        return tally.took_part > 0 and tally.objections == 0
    kind = rules.base or methods.spec(rules.method).default_base
    if kind is Base.REGISTERED:
        base = tally.members
    elif kind is Base.PRESENT:
        base = tally.present
    else:
        base = f + a + (b if rules.abstentions_count else 0)
    n, d, strict = THRESHOLDS[rules.method]
    if base == 0:
        return False
    if strict and d * f == n * base:  # an exact tie
        return rules.casting_vote and chair is FOR
    return d * f > n * base if strict else d * f >= n * base


@given(data=st.data(), rules=option_rules(), chair=chairs())
def test_every_option_follows_the_integer_oracle(
    data: st.DataObject, rules: BallotRules, chair: Choice | None
) -> None:
    chair = chair if rules.method is not Method.CONSENT else None
    entries, present, registered = data.draw(rooms(rules.method))
    overall, per_college = tally_choices(entries, present, registered)
    result = decide(rules, overall, per_college, chair_choice=chair)
    assert result.overall.passed is option_oracle(rules, overall, chair)
    assert isinstance(result.overall.threshold, Fraction)
    for lang in ("fr", "en"):
        assert explain(result, rules, lang).strip()


@given(data=st.data(), rules=option_rules(), chair=chairs())
def test_options_one_more_for_never_hurts(
    data: st.DataObject, rules: BallotRules, chair: Choice | None
) -> None:
    """An absent member arrives (or a new member joins) and votes for: never worse."""
    if rules.method is Method.CONSENT:
        return
    entries, present, registered = data.draw(rooms(rules.method))
    before = decide_room(rules, entries, present, registered, chair)
    college = data.draw(st.sampled_from(sorted(present)))
    joins = registered[college] == present[college] or data.draw(st.booleans())
    more_present = {**present, college: present[college] + 1}
    more_registered = {**registered, college: registered[college] + (1 if joins else 0)}
    at = data.draw(st.integers(0, len(entries)))
    changed = [*entries[:at], (college, FOR), *entries[at:]]
    after = decide_room(rules, changed, more_present, more_registered, chair)
    if before.outcome in ADOPTED:
        assert after.outcome is before.outcome, (before, after)


@given(data=st.data(), rules=option_rules(), chair=chairs())
def test_options_order_does_not_matter_and_counts_equal_nominative(
    data: st.DataObject, rules: BallotRules, chair: Choice | None
) -> None:
    entries, present, registered = data.draw(rooms(rules.method))
    shuffled = data.draw(st.permutations(entries))
    first = decide_room(rules, entries, present, registered, chair)
    assert first == decide_room(rules, shuffled, present, registered, chair)
    typed: dict[str, dict[Choice, int]] = {}
    for college, choice in entries:
        typed.setdefault(college, {})
        typed[college][choice] = typed[college].get(choice, 0) + 1
    counted = decide(rules, *tally_counts(typed, present, registered), chair_choice=chair)
    assert counted == first
    assert counted.excluded == first.excluded


@given(data=st.data(), method=st.sampled_from(MAJORITY_METHODS), quorum=quorums())
def test_a_larger_base_is_never_easier_and_quorum_is_what_it_says(
    data: st.DataObject, method: Method, quorum: Quorum | None
) -> None:
    entries, present, registered = data.draw(rooms(method))
    overall, _ = tally_choices(entries, present, registered)
    passed = {}
    for base in methods.bases(method):
        result = decide(BallotRules(method, base=base, quorum=quorum), overall)
        passed[base] = result.overall.passed
        counted = overall.present if quorum and quorum.on is QuorumOn.PRESENCE else None
        counted = overall.took_part if counted is None else counted
        needed = 0
        if quorum is not None:
            needed = (
                quorum.count
                if quorum.fraction is None
                else -(-quorum.fraction.numerator * overall.members // quorum.fraction.denominator)
            )
        assert result.quorum_met is (counted >= needed)
        assert (result.quorum_needed, result.quorum_counted) == (needed, counted)
        if not result.quorum_met:
            assert result.outcome is Outcome.POSTPONED
    order = [b for b in (Base.CAST, Base.PRESENT, Base.REGISTERED) if b in passed]
    for larger, smaller in zip(order[1:], order, strict=False):
        assert not passed[larger] or passed[smaller]  # passing on more people passes on fewer


@given(data=st.data(), method=st.sampled_from([Method.SIMPLE, Method.ABSOLUTE]), chair=chairs())
def test_a_casting_vote_only_matters_on_an_exact_tie(
    data: st.DataObject, method: Method, chair: Choice | None
) -> None:
    rules = data.draw(option_rules(method))
    entries, present, registered = data.draw(rooms(method))
    with_it = decide_room(replace(rules, casting_vote=True), entries, present, registered, chair)
    without = decide_room(replace(rules, casting_vote=False), entries, present, registered, chair)
    if not without.overall.tie or chair is None:
        assert with_it == without
        assert with_it.casting_vote is None
    else:
        assert with_it.casting_vote is chair
        assert with_it.overall.passed is (chair is FOR)
        assert not without.overall.passed
        assert "casting" in explain(with_it, rules, "en").lower()


def test_two_thirds_of_9_is_6_on_every_base() -> None:
    for base in (Base.CAST, Base.PRESENT, Base.REGISTERED):
        rules = BallotRules(Method.TWO_THIRDS, base=base)
        tally = Tally({FOR: 6, AGAINST: 3}, 9, 9)
        assert decide(rules, tally).overall.needed == 6
        assert decide(rules, tally).outcome is Outcome.ADOPTED


def test_base_present_and_registered_count_silence_and_absence_against() -> None:
    tally = Tally({FOR: 5, AGAINST: 2, ABSTAIN: 2}, 10, 12)
    assert decide(BallotRules(Method.SIMPLE), tally).outcome is Outcome.ADOPTED  # 5 > 2
    assert decide(BallotRules(Method.SIMPLE, base=Base.PRESENT), tally).outcome is (
        Outcome.REJECTED  # 5 of 10 is not more than half
    )
    registered = decide(BallotRules(Method.SIMPLE, base=Base.REGISTERED), tally)
    assert registered.overall.base == 12 and registered.outcome is Outcome.REJECTED
    text = _plain(explain(registered, BallotRules(Method.SIMPLE, base=Base.REGISTERED)))
    assert "5 voix pour sur 12 membres inscrits" in text and "2 absents" in text


def test_a_college_left_out_says_why() -> None:
    rules = BallotRules(Method.SIMPLE, double_majority=0)
    per_college = {
        "rh": Tally({FOR: 3}, 3),
        "cse": Tally({ABSTAIN: 2}, 2),
        "dsi": Tally({}, 0),
        "com": Tally({}, 2),
    }
    overall = Tally({FOR: 3, ABSTAIN: 2}, 7)
    result = decide(rules, overall, per_college)
    assert dict(result.excluded) == {
        "cse": "only_abstentions",
        "dsi": "nobody_present",
        "com": "nobody_voted",
    }
    text = explain(result, rules, "en", {"cse": "CSE", "dsi": "IT", "com": "Comms"})
    assert "Not counted in the double majority: CSE (only abstentions), IT (nobody present)" in text


def test_a_quorum_as_a_fraction_rounds_up_and_counts_presence_when_asked() -> None:
    half = Quorum(fraction=Fraction(1, 2), on=QuorumOn.PRESENCE)
    tally = Tally({FOR: 2}, 5, 9)  # 5 present of 9: half of 9 is 4.5, so 5 are needed
    assert decide(BallotRules(Method.SIMPLE, quorum=half), tally).quorum_met
    assert not decide(BallotRules(Method.SIMPLE, quorum=half), Tally({FOR: 2}, 4, 9)).quorum_met
    on_participation = replace(half, on=QuorumOn.PARTICIPATION)
    result = decide(BallotRules(Method.SIMPLE, quorum=on_participation), tally)
    assert result.outcome is Outcome.POSTPONED  # only 2 took part
    assert "quorum non atteint" in _plain(
        explain(result, BallotRules(Method.SIMPLE, quorum=on_participation))
    )


@pytest.mark.parametrize(
    ("settings", "fragment"),
    [
        (dict(method=Method.UNANIMITY, chair=1), "casting vote"),
        (dict(method=Method.TWO_THIRDS, chair=1), "casting vote"),
        (dict(method=Method.ABSOLUTE, abstentions_count=True), "abstentions"),
        (dict(method=Method.SIMPLE, base=Base.PRESENT, abstentions_count=True), "abstentions"),
        (dict(method=Method.CONSENT, abstentions_count=True), "abstentions"),
        (dict(method=Method.CONSENT, double_majority=0), "consent"),
        (dict(method=Method.UNANIMITY, base=Base.PRESENT), "base"),
        (dict(method=Method.SIMPLE, capture="counts", chair=1), "vote by name"),
        (dict(method=Method.SIMPLE, capture="secret", double_majority=0), "secret"),
        (dict(method=Method.SIMPLE, quorum=Quorum(fraction=Fraction(3, 2))), "fraction"),
        (dict(method=Method.SIMPLE, quorum=Quorum(count=2, fraction=Fraction(1, 2))), "either"),
    ],
)
def test_settings_that_mean_nothing_are_refused_in_one_line(settings, fragment) -> None:
    with pytest.raises(VoteError) as error:
        RoundSettings(**settings).validate()
    one_line(error.value)
    assert fragment in error.value.en.lower()


def test_settings_no_room_can_satisfy_are_refused_at_opening() -> None:
    present, registered = {"rh": 3, "cse": 2, "dsi": 0}, {"rh": 4, "cse": 2, "dsi": 3}
    ok = RoundSettings(method=Method.SIMPLE, double_majority=2, quorum=Quorum(count=5))
    check_opening(ok, present, registered, [1, 2])
    cases = [
        (replace(ok, double_majority=3), "only 2 colleges"),
        (replace(ok, quorum=Quorum(count=6)), "could never be met"),
        (replace(ok, quorum=Quorum(fraction=Fraction(2, 3))), "quorum of 6"),
        (replace(ok, chair=9), "chair"),
    ]
    for settings, fragment in cases:
        with pytest.raises(VoteError) as error:
            check_opening(settings, present, registered, [1, 2])
        one_line(error.value)
        assert fragment in error.value.en
    # on "all registered members" a college with nobody present still counts
    check_opening(replace(ok, double_majority=3, base=Base.REGISTERED), present, registered, [1])
