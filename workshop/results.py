"""A round's result and its rules in words, from the snapshot: what every view and export reads.

The operations, the result view, the projected slide and the minutes all ask
:func:`round_result`; none of them tallies a round itself. The reference position (where
the group aims) lives here too, for the same reason: one rule, one place.
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from typing import TypeVar

from workshop import diagnostic, voting
from workshop.errors import VoteError
from workshop.matrix import Position
from workshop.methods import Base, QuorumOn, member
from workshop.model import CaptureMode, Choice, Method, Outcome, choices_for, label
from workshop.snapshot import Ballot
from workshop.voting_words import describe_rules as _rules_words
from workshop.voting_words import excluded_reason

__all__ = [
    "CollegeLine",
    "RoundResult",
    "describe_rules",
    "reference_position",
    "round_result",
    "settings_of",
]

E = TypeVar("E", bound=Enum)

MAX_MEMBERS_JSON = 64_000  # a round's registered members: a few hundred colleges at most


def _bad(fr: str, en: str) -> VoteError:
    return VoteError(f"Tour de vote illisible : {fr}.", f"Unreadable voting round: {en}.")


def parse_fraction(text: str | None) -> Fraction | None:
    """A stored quorum fraction ("n/d"); VoteError when it is not one."""
    if text is None:
        return None
    if not isinstance(text, str) or len(text) > 20:
        raise _bad("quorum en fraction invalide", "invalid quorum fraction")
    try:
        value = Fraction(text)
    except (ValueError, ZeroDivisionError):
        raise _bad("quorum en fraction invalide", "invalid quorum fraction") from None
    return value


def parse_members(text: str | None) -> dict[int, int] | None:
    """The registered members per college taken at opening; None in older rounds."""
    if text is None:
        return None
    if not isinstance(text, str) or len(text) > MAX_MEMBERS_JSON:
        raise _bad("membres inscrits invalides", "invalid registered members")
    try:
        raw = json.loads(text)
    except ValueError:
        raise _bad("membres inscrits invalides", "invalid registered members") from None
    if not isinstance(raw, dict):
        raise _bad("membres inscrits invalides", "invalid registered members")
    members: dict[int, int] = {}
    for key, n in raw.items():
        if not (isinstance(key, str) and key.isdigit() and len(key) < 12):
            raise _bad("membres inscrits invalides", "invalid registered members")
        if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n < 1_000_000:
            raise _bad("membres inscrits invalides", "invalid registered members")
        members[int(key)] = n
    return members


def _enum(kind: type[E], value: object, fr: str, en: str) -> E:
    try:
        return member(kind, value)
    except ValueError:
        raise _bad(f"{fr} inconnu(e) {value!r}", f"unknown {en} {value!r}") from None


def settings_of(ballot: Ballot) -> voting.RoundSettings:
    """The settings a round was opened with, read back from what was stored."""
    fraction = parse_fraction(ballot.quorum_fraction)
    on = _enum(QuorumOn, ballot.quorum_on, "décompte du quorum", "quorum count")
    quorum = None
    if fraction is not None:
        quorum = voting.Quorum(fraction=fraction, on=on)
    elif ballot.quorum is not None:
        quorum = voting.Quorum(count=ballot.quorum, on=on)
    return voting.RoundSettings(
        method=_enum(Method, ballot.method, "méthode", "method"),
        capture=_enum(CaptureMode, ballot.capture, "mode", "capture mode"),
        abstentions_count=bool(ballot.abstentions_count),
        double_majority=ballot.double_majority,
        quorum=quorum,
        base=None if ballot.base is None else _enum(Base, ballot.base, "base", "base"),
        chair=ballot.chair_id,
    )


def describe_rules(settings: voting.RoundSettings | Ballot, lang: str = "fr") -> list[str]:
    """The rules of a round as short phrases: method, capture mode, base and options."""
    if isinstance(settings, Ballot):
        settings = settings_of(settings)
    words = _rules_words(settings.rules, lang)
    return [words[0], label(settings.capture, lang), *words[1:]]


@dataclass(frozen=True)
class CollegeLine:
    """One college's row in the result table: its tally and how it counted."""

    college_id: int
    tally: voting.Tally
    decision: voting.Decision | None  # None: not counted for the double majority
    excluded: str | None  # why not (voting.NOBODY_PRESENT...), when double majority applies

    def excluded_words(self, lang: str = "fr") -> str:
        return excluded_reason(self.excluded, lang) if self.excluded else ""


@dataclass(frozen=True)
class RoundResult:
    """A closed round, decided: the figures every view and export shows."""

    ballot: Ballot
    settings: voting.RoundSettings
    result: voting.Result
    colleges: tuple[CollegeLine, ...]  # empty for a secret ballot (totals only)
    chair_choice: Choice | None

    @property
    def outcome(self) -> Outcome:
        return self.result.outcome

    @property
    def choices(self) -> tuple[Choice, ...]:
        return choices_for(self.settings.method)

    @property
    def double_majority(self) -> bool:
        return self.settings.double_majority is not None and bool(self.colleges)

    def sentence(
        self,
        lang: str = "fr",
        college_names: Mapping[Hashable, str] | None = None,
        chair_name: str = "",
    ) -> str:
        """The minutes' sentence: count, threshold, outcome, casting vote, colleges left out."""
        return voting.explain(self.result, self.settings.rules, lang, college_names, chair_name)

    def rules(self, lang: str = "fr") -> list[str]:
        return describe_rules(self.settings, lang)


def _present(ballot: Ballot) -> dict[int, int]:
    present: dict[int, int] = {}
    for voter in ballot.voters:
        present[voter.college_id] = present.get(voter.college_id, 0) + 1
    return present


def round_result(ballot: Ballot, colleges: Iterable[int] = ()) -> RoundResult:
    """Decide a closed round from its snapshot; VoteError while it is open or if unreadable.

    ``colleges`` (the workshop's) lets a college with nobody present appear in the table,
    so that the minutes can say why it was left out of a double majority.
    """
    if ballot.is_open:
        raise VoteError(
            "Vote en cours : les résultats ne sont visibles qu’après la clôture.",
            "Vote in progress: results are visible only once it is closed.",
        )
    settings = settings_of(ballot)
    rules = settings.rules
    present = _present(ballot)
    members = parse_members(ballot.members)
    if settings.capture is not CaptureMode.SECRET:
        for college in colleges:
            present.setdefault(college, 0)
    per_college: dict[int, voting.Tally] | None
    if settings.capture is CaptureMode.NOMINATIVE:
        college_of = {v.participant_id: v.college_id for v in ballot.voters}
        entries = [
            (
                college_of.get(vote.participant_id),
                _enum(Choice, vote.choice, "choix", "choice"),
            )
            for vote in ballot.votes
        ]
        overall, per_college = voting.tally_choices(entries, present, members)
    elif settings.capture in (CaptureMode.COUNTS, CaptureMode.CODES):
        counts: dict[int, dict[Choice, int]] = {}
        for count in ballot.counts:
            if count.college_id is not None:
                choice = _enum(Choice, count.choice, "choix", "choice")
                counts.setdefault(count.college_id, {})[choice] = count.n
        overall, per_college = voting.tally_counts(counts, present, members)
    else:
        totals: dict[Choice, int] = {}
        for count in ballot.counts:
            if count.college_id is None:
                totals[_enum(Choice, count.choice, "choix", "choice")] = count.n
        registered = None if members is None else max(sum(members.values()), len(ballot.voters))
        overall, per_college = voting.Tally(totals, len(ballot.voters), registered), None
    reservations = 0
    if settings.method is not Method.CONSENT:
        reservations = sum(1 for r in ballot.remarks if r.kind == Choice.RESERVATION)
    chair_choice = None
    if settings.chair is not None:
        mine = [v.choice for v in ballot.votes if v.participant_id == settings.chair]
        chair_choice = Choice(mine[0]) if mine and mine[0] in Choice._value2member_map_ else None
    result = voting.decide(rules, overall, per_college, reservations, chair_choice)
    lines: list[CollegeLine] = []
    for college_id, tally in (per_college or {}).items():
        lines.append(
            CollegeLine(
                college_id=college_id,
                tally=tally,
                decision=result.colleges.get(college_id),
                excluded=result.excluded.get(college_id)
                if settings.double_majority is not None
                else None,
            )
        )
    return RoundResult(ballot, settings, result, tuple(lines), chair_choice)


# -- where the group aims ---------------------------------------------------------------
def reference_position(
    target: Position | None, answers: Mapping[str, int | None]
) -> Position | None:
    """The agreed target, else the diagnostic's suggestion, else None.

    Clause variants are pre-selected and accompaniment actions suggested from this one
    rule, so both follow what the room saw. Unknown criteria (an imported file) are ignored.
    """
    if target is not None:
        return target
    known = {c.key for c in diagnostic.CRITERIA}
    scores = {k: v for k, v in answers.items() if k in known and v is not None}
    return diagnostic.suggested_position(scores).position if scores else None
