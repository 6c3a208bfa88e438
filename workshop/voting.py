"""Voting rules for the clause ballots: pure functions, exact arithmetic, no Qt, no I/O.

Thresholds are ``fractions.Fraction`` and never floats, because a rounding error in a
threshold decides a clause (two thirds of 9 is 6, not 7; three quarters of 8 is 6).
What each method counts comes from the registry (``workshop.methods``); every rule is
stated as one comparison, recorded in a :class:`Decision`::

    passed  <=>  base > 0 and (votes > t x base if strict else votes >= t x base)

where ``votes`` is the number of "for" (for consent: the participants who did not object)
and ``t`` the method's threshold (1/2 strict for simple and absolute, 2/3, 3/4, 1).

The base (``Base``): votes cast (for + against; abstentions too when they count), the
members present when the round opened (abstentions and silence count against), or all the
registered members (absence counts against too). Consent's base is those who took part.
Base 0 (nobody to count) does not pass.

Outcome:

- quorum: a head count or a fraction of the registered members, counted on participation
  (anyone who expressed a choice, abstentions included; the default) or on presence. Not
  met: POSTPONED ("quorum_not_met"), whatever the counts.
- empty ballot (nobody took part): REJECTED for the majority methods, POSTPONED for
  consent, reason "no_participation".
- consent: an objection is POSTPONED ("objection"); no objection with reservations is
  ADOPTED_WITH_RESERVATIONS; else ADOPTED.
- majority methods: passed is ADOPTED (or with reservations); not passed is REJECTED
  ("rejected_overall").
- casting vote (off by default; simple and absolute, vote by name): on an exact tie
  (votes exactly at the strict threshold) the chair's own choice decides the overall
  count: "for" passes, anything else fails as without it. It never changes a college's
  decision, nor a count that is not an exact tie.
- double majority: the same rule on each *participating* college (``double_majority=0``:
  every one; ``n > 0``: at least n). Overall passed and double majority failed is REJECTED
  ("double_majority_failed"). Secret ballots keep only totals: VoteError.

A *participating* college: for base "registered", every college with registered members;
for base "present", a college with someone present; when abstentions count, a college
where someone took part; otherwise a college where a vote was cast. A college left out is
listed in ``Result.excluded`` with why (nobody present, only abstentions, nobody voted).
These definitions keep every rule monotone: one more "for" never turns an adopted clause
into a rejected one, because it can only make a college participate by making it pass.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from types import MappingProxyType
from typing import TypeVar

from workshop.errors import VoteError
from workshop.methods import Base, Counted, QuorumOn
from workshop.model import Choice, Method, Outcome, choices_for, label
from workshop.round_settings import (
    BallotRules,
    Quorum,
    RoundSettings,
    _choice,
    _is_int,
    _method,
    check_opening,
)

__all__ = [
    "BallotRules",
    "Decision",
    "Quorum",
    "Result",
    "RoundSettings",
    "Tally",
    "check_choice",
    "check_opening",
    "decide",
    "explain",
    "tally_choices",
    "tally_counts",
]

# A college's key: any hashable (the app uses its row id); one type per call.
K = TypeVar("K", bound=Hashable)

# Machine codes found in Result.reasons.
QUORUM_NOT_MET = "quorum_not_met"
NO_PARTICIPATION = "no_participation"
OBJECTION = "objection"
REJECTED_OVERALL = "rejected_overall"
DOUBLE_MAJORITY_FAILED = "double_majority_failed"
PASSED = "passed"
RESERVATIONS = "reservations"
CASTING_VOTE = "casting_vote"

# Base kinds found in Decision.base_kind.
BASE_CAST = "cast"
BASE_CAST_AND_ABSTENTIONS = "cast_and_abstentions"
BASE_PRESENT = "present"
BASE_REGISTERED = "registered"
BASE_TOOK_PART = "took_part"

# Why a college was left out of a double majority (Result.excluded).
NOBODY_PRESENT = "nobody_present"
ONLY_ABSTENTIONS = "only_abstentions"
NOBODY_VOTED = "nobody_voted"


@dataclass(frozen=True)
class Tally:
    """The counts of one ballot (overall or for one college) and who could have voted.

    ``registered`` is every registered member (present or not); None means "as present".
    """

    counts: Mapping[Choice, int]
    present: int
    registered: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # Normalise: Choice keys, zero counts dropped, fixed order, read-only. Two tallies
        # with the same numbers are then equal, however they were typed in.
        if not _is_int(self.present) or self.present < 0:
            raise VoteError(
                "Le nombre de présents doit être un entier positif ou nul.",
                "The number present must be a whole number, zero or more.",
            )
        if self.registered is not None and (
            not _is_int(self.registered) or self.registered < self.present
        ):
            raise VoteError(
                "Le nombre d'inscrits doit être un entier, au moins égal aux présents.",
                "The number registered must be a whole number, at least those present.",
            )
        normal: dict[Choice, int] = {}
        for key, value in self.counts.items():
            choice = _choice(key)
            if not _is_int(value) or value < 0:
                raise VoteError(
                    f"Décompte invalide pour « {label(choice)} » : {value!r}.",
                    f"Invalid count for '{label(choice, 'en')}': {value!r}.",
                )
            normal[choice] = normal.get(choice, 0) + value
        ordered = {c: normal[c] for c in Choice if normal.get(c, 0) > 0}
        object.__setattr__(self, "counts", MappingProxyType(ordered))
        if self.took_part > self.present:
            raise VoteError(
                f"{self.took_part} votes pour {self.present} présents : plus de votes que "
                "de présents.",
                f"{self.took_part} votes for {self.present} present: more votes than people "
                "present.",
            )

    def __hash__(self) -> int:
        return hash((tuple(self.counts.items()), self.present))

    def count(self, choice: Choice) -> int:
        """How many made this choice (0 when nobody did)."""
        return self.counts.get(_choice(choice), 0)

    @property
    def members(self) -> int:
        """Registered members (those present when nothing else is known)."""
        return self.present if self.registered is None else self.registered

    @property
    def took_part(self) -> int:
        """Everybody who expressed a choice, abstentions included (what a quorum counts)."""
        return sum(self.counts.values())

    @property
    def cast(self) -> int:
        """Votes cast ("suffrages exprimés"): for + against."""
        return self.count(Choice.FOR) + self.count(Choice.AGAINST)

    @property
    def did_not_vote(self) -> int:
        """Present participants who made no choice at all."""
        return self.present - self.took_part

    @property
    def objections(self) -> int:
        return self.count(Choice.OBJECTION)

    @property
    def reservations(self) -> int:
        return self.count(Choice.RESERVATION)

    def __add__(self, other: Tally) -> Tally:
        counts = {c: self.count(c) + other.count(c) for c in Choice}
        registered = None
        if self.registered is not None or other.registered is not None:
            registered = self.members + other.members
        return Tally(counts, self.present + other.present, registered)


@dataclass(frozen=True)
class Decision:
    """One rule applied to one tally, with the numbers that justify it for the minutes.

    passed == (base > 0 and (votes > threshold if strict else votes >= threshold)), except
    when a casting vote broke an exact tie (``Result.casting_vote``).
    """

    passed: bool
    base: int
    base_kind: str
    threshold: Fraction
    strict: bool
    votes: int

    @property
    def needed(self) -> int:
        """The smallest number of votes that passes: what the minutes call the threshold."""
        if self.strict:
            return max(1, math.floor(self.threshold) + 1)
        return max(1, math.ceil(self.threshold))

    @property
    def tie(self) -> bool:
        """An exact tie: the votes sit exactly on a strict threshold (half for, half not)."""
        return self.strict and self.base > 0 and self.votes == self.threshold


@dataclass(frozen=True)
class Result:
    """The outcome of a ballot and everything needed to explain it."""

    outcome: Outcome
    overall: Decision
    colleges: Mapping[Hashable, Decision]
    quorum_met: bool
    reasons: tuple[str, ...]
    tally: Tally
    reservations: int = 0
    excluded: Mapping[Hashable, str] = field(default_factory=lambda: MappingProxyType({}))
    casting_vote: Choice | None = None  # the chair's choice, when it broke a tie
    quorum_needed: int = 0
    quorum_counted: int = 0

    @property
    def colleges_passed(self) -> int:
        return sum(1 for d in self.colleges.values() if d.passed)


def check_choice(method: Method, choice: Choice) -> None:
    """Refuse a choice of the other family: pour/contre/abstention vs accord/réserve/objection."""
    method = _method(method)
    choice = _choice(choice)
    if choice not in choices_for(method):
        allowed_fr = ", ".join(label(c) for c in choices_for(method))
        allowed_en = ", ".join(label(c, "en") for c in choices_for(method))
        raise VoteError(
            f"Le choix « {label(choice)} » n'existe pas pour la méthode "
            f"« {label(method)} » (choix possibles : {allowed_fr}).",
            f"The choice '{label(choice, 'en')}' does not exist for the method "
            f"'{label(method, 'en')}' (possible choices: {allowed_en}).",
        )


def _base(rules: BallotRules, tally: Tally) -> tuple[int, str]:
    kind = rules.effective_base
    if kind is None:
        return tally.took_part, BASE_TOOK_PART
    if kind is Base.REGISTERED:
        return tally.members, BASE_REGISTERED
    if kind is Base.PRESENT:
        return tally.present, BASE_PRESENT
    if rules.abstentions_count:
        return tally.cast + tally.count(Choice.ABSTAIN), BASE_CAST_AND_ABSTENTIONS
    return tally.cast, BASE_CAST


def _rule(rules: BallotRules, tally: Tally) -> Decision:
    """Apply one method to one tally; the single place where thresholds are computed."""
    entry = rules.spec
    base, kind = _base(rules, tally)
    if entry.counted is Counted.NO_OBJECTION:
        votes = tally.took_part - tally.objections
    else:
        votes = tally.count(Choice.FOR)
    threshold = entry.threshold * base
    reached = votes > threshold if entry.strict else votes >= threshold
    return Decision(base > 0 and reached, base, kind, threshold, entry.strict, votes)


def _left_out(rules: BallotRules, tally: Tally) -> str | None:
    """Why a college does not count for the double majority; None when it does."""
    base = rules.effective_base
    if base is Base.REGISTERED:
        return None if tally.members > 0 else NOBODY_PRESENT
    if tally.present == 0:
        return NOBODY_PRESENT
    if base is Base.PRESENT:
        return None
    if rules.abstentions_count or base is None:
        return None if tally.took_part > 0 else NOBODY_VOTED
    if tally.cast > 0:
        return None
    return ONLY_ABSTENTIONS if tally.took_part > 0 else NOBODY_VOTED


def _check_tally(method: Method, tally: Tally) -> None:
    for choice in tally.counts:
        check_choice(method, choice)


def decide(
    rules: BallotRules,
    overall: Tally,
    per_college: Mapping[K, Tally] | None = None,
    reservations: int = 0,
    chair_choice: Choice | None = None,
) -> Result:
    """Decide a ballot from its tallies; raises VoteError only on inconsistent input.

    ``chair_choice`` is the chair's own choice, read only when the rules give a casting vote.
    """
    rules.validate()
    method = _method(rules.method)
    if not _is_int(reservations) or reservations < 0:
        raise VoteError(
            "Le nombre de réserves doit être un entier positif ou nul.",
            "The number of reservations must be a whole number, zero or more.",
        )
    _check_tally(method, overall)
    if rules.double_majority is not None and per_college is None:
        raise VoteError(
            "La double majorité demande le décompte par collège ; un vote secret ne garde "
            "que les totaux.",
            "Double majority needs the count per college; a secret ballot keeps only totals.",
        )
    college_decisions: dict[Hashable, Decision] = {}
    excluded: dict[Hashable, str] = {}
    if per_college is not None:
        total = Tally({}, 0)
        for tally in per_college.values():
            _check_tally(method, tally)
            total = total + tally
        if total != overall:
            raise VoteError(
                "Les décomptes par collège ne correspondent pas au total du vote.",
                "The counts per college do not add up to the ballot's total.",
            )
        for college, tally in per_college.items():
            why = _left_out(rules, tally)
            if why is None:
                college_decisions[college] = _rule(rules, tally)
            else:
                excluded[college] = why

    decision = _rule(rules, overall)
    casting: Choice | None = None
    if rules.casting_vote and decision.tie and chair_choice is not None:
        casting = _choice(chair_choice)
        decision = Decision(casting is Choice.FOR, *_fields(decision))
    quorum = rules.quorum_rule
    needed = quorum.needed(overall.members) if quorum is not None else 0
    counted = (
        overall.present
        if quorum is not None and quorum.on is QuorumOn.PRESENCE
        else overall.took_part
    )
    quorum_met = counted >= needed
    total_reservations = overall.reservations + reservations

    reasons: tuple[str, ...]
    if not quorum_met:
        outcome, reasons = Outcome.POSTPONED, (QUORUM_NOT_MET,)
    elif overall.took_part == 0:
        outcome = Outcome.POSTPONED if method is Method.CONSENT else Outcome.REJECTED
        reasons = (NO_PARTICIPATION,)
    elif method is Method.CONSENT:
        if not decision.passed:
            outcome, reasons = Outcome.POSTPONED, (OBJECTION,)
        elif total_reservations:
            outcome, reasons = Outcome.ADOPTED_WITH_RESERVATIONS, (PASSED, RESERVATIONS)
        else:
            outcome, reasons = Outcome.ADOPTED, (PASSED,)
    else:
        failures: list[str] = []
        if not decision.passed:
            failures.append(REJECTED_OVERALL)
        if rules.double_majority is not None:
            want = rules.double_majority or len(college_decisions)
            passed = sum(1 for d in college_decisions.values() if d.passed)
            if passed < want:
                failures.append(DOUBLE_MAJORITY_FAILED)
        tail = (CASTING_VOTE,) if casting is not None else ()
        if failures:
            outcome, reasons = Outcome.REJECTED, tuple(failures) + tail
        elif total_reservations:
            outcome, reasons = Outcome.ADOPTED_WITH_RESERVATIONS, (PASSED, RESERVATIONS) + tail
        else:
            outcome, reasons = Outcome.ADOPTED, (PASSED,) + tail

    return Result(
        outcome=outcome,
        overall=decision,
        colleges=MappingProxyType(college_decisions),
        quorum_met=quorum_met,
        reasons=reasons,
        tally=overall,
        reservations=total_reservations,
        excluded=MappingProxyType(excluded),
        casting_vote=casting,
        quorum_needed=needed,
        quorum_counted=counted,
    )


def _fields(d: Decision) -> tuple[int, str, Fraction, bool, int]:
    return d.base, d.base_kind, d.threshold, d.strict, d.votes


def _unknown_college(college: Hashable) -> VoteError:
    return VoteError(
        f"Collège inconnu : {college!r}.",
        f"Unknown college: {college!r}.",
    )


def _over_present(college: Hashable, took_part: int, present: int) -> VoteError:
    return VoteError(
        f"Collège {college} : {took_part} votes pour {present} présents.",
        f"College {college}: {took_part} votes for {present} present.",
    )


def _assemble(
    counts: Mapping[K, Mapping[Choice, int]],
    present_by_college: Mapping[K, int],
    registered_by_college: Mapping[K, int] | None,
) -> tuple[Tally, dict[K, Tally]]:
    per_college: dict[K, Tally] = {}
    keys = list(present_by_college)
    if registered_by_college:
        keys += [k for k in registered_by_college if k not in present_by_college]
    for college in keys:
        present = present_by_college.get(college, 0)
        college_counts = counts.get(college, {})
        took_part = sum(v for v in college_counts.values() if _is_int(v))
        if _is_int(present) and took_part > present:
            raise _over_present(college, took_part, present)
        registered = None
        if registered_by_college is not None:
            registered = max(registered_by_college.get(college, 0), present)
        per_college[college] = Tally(college_counts, present, registered)
    overall = Tally({}, 0, 0 if registered_by_college is not None else None)
    for tally in per_college.values():
        overall = overall + tally
    return overall, per_college


def tally_choices(
    entries: Iterable[tuple[K | None, Choice]],
    present_by_college: Mapping[K, int],
    registered_by_college: Mapping[K, int] | None = None,
) -> tuple[Tally, dict[K, Tally]]:
    """Nominative mode: one (college, choice) per participant who voted.

    Every college of ``present_by_college`` (and of ``registered_by_college``) gets a
    tally, even when nobody in it voted, so that absolute majority sees its silent members.
    """
    counts: dict[K, dict[Choice, int]] = {}
    for college, choice in entries:
        if college is None or college not in present_by_college:
            raise _unknown_college(college)
        choice = _choice(choice)
        college_counts = counts.setdefault(college, {})
        college_counts[choice] = college_counts.get(choice, 0) + 1
    return _assemble(counts, present_by_college, registered_by_college)


def tally_counts(
    counts: Mapping[K, Mapping[Choice, int]],
    present_by_college: Mapping[K, int],
    registered_by_college: Mapping[K, int] | None = None,
) -> tuple[Tally, dict[K, Tally]]:
    """Counts mode: numbers typed per college, as when cards are raised and counted."""
    for college, college_counts in counts.items():
        if college not in present_by_college:
            raise _unknown_college(college)
        for choice, value in college_counts.items():
            if not _is_int(value) or value < 0:
                raise VoteError(
                    f"Collège {college} : décompte invalide pour « {label(_choice(choice))} » "
                    f": {value!r}.",
                    f"College {college}: invalid count for "
                    f"'{label(_choice(choice), 'en')}': {value!r}.",
                )
    return _assemble(counts, present_by_college, registered_by_college)


# The sentences of the minutes live in their own module; re-exported for every reader.
from workshop.voting_words import NBSP, NNBSP, explain  # noqa: E402, F401
