"""Voting rules for the clause ballots: pure functions, exact arithmetic, no Qt, no I/O.

Thresholds are ``fractions.Fraction`` and never floats, because a rounding error in a
threshold decides a clause (two thirds of 9 is 6, not 7 and not 5.99...).

Every rule is stated as one comparison, recorded in a :class:`Decision`::

    passed  <=>  base > 0 and (votes > threshold if strict else votes >= threshold)

where ``votes`` is the number of "for" (for consent: the participants who did not object).

Rules, with ``for``, ``against``, ``abstain`` the counts of a tally:

- **simple** (majority of votes cast): base = for + against, threshold = base / 2, strict;
  so it passes iff for > against. When abstentions count, base = for + against + abstain,
  so it passes iff for > (for + against + abstain) / 2: an abstention acts as "not for".
  Base 0 (nobody cast a vote) does not pass.
- **absolute** (majority of those present): base = present, threshold = present / 2,
  strict; abstentions and present participants who did not vote count against.
- **two_thirds**: base as for simple, threshold = 2/3 x base, "at least"; base 0 does not
  pass. 6 for out of 9 passes (2/3 x 9 = 6), 5 of 9 fails, 4 of 6 passes, 5 of 8 fails
  (16/3 = 5.33...).
- **unanimity**: base as for simple, threshold = base, "at least": passes iff for > 0 and
  against == 0 (and abstain == 0 when abstentions count: an abstention breaks unanimity).
- **consent**: base = those who took part, votes = those who did not object, threshold =
  base: passes iff nobody objected and at least one person took part.

Outcome:

- quorum: when fewer people took part (any choice, abstentions included) than the
  quorum, the ballot is POSTPONED ("quorum_not_met"), whatever the counts.
- empty ballot (nobody took part): REJECTED for the majority methods, POSTPONED for
  consent (a consent round where nobody spoke has not decided anything), reason
  "no_participation" in both cases.
- consent: an objection sends the clause back for amendment and a new round, so the
  outcome is POSTPONED ("objection"); no objection with reservations (reservation choices
  or reservations recorded afterwards) is ADOPTED_WITH_RESERVATIONS; else ADOPTED.
- majority methods: passed is ADOPTED, or ADOPTED_WITH_RESERVATIONS when reservations
  were recorded after the vote; not passed is REJECTED ("rejected_overall").
- double majority (per-college majority, so that no stakeholder group is outvoted): the
  same rule is applied to each *participating* college's tally (absolute uses the
  college's own present number). ``double_majority=0``: every participating college must
  pass; ``n > 0``: at least n participating colleges must pass (fewer than n participating
  fails). The overall rule must pass too; overall passed and double majority failed is
  REJECTED ("double_majority_failed"). A secret ballot keeps only totals, so double
  majority without per-college tallies is a VoteError.

A *participating* college is, for absolute, a college with at least one present member
(its silent members count against, as they do overall); for consent, or when abstentions
count, a college where at least one person took part; otherwise a college where at least
one vote was cast (for or against). A college where everybody abstained, when abstentions
do not count, has expressed no vote and does not block the double majority, as its
abstentions do not weigh in the overall count either. These definitions keep every rule
monotone: one more "for" (a new present participant voting
for, or an against/abstain turned into a for) never turns an adopted clause into a rejected
one, because it can only make a college participate by making it pass.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType

from workshop.errors import VoteError
from workshop.model import Choice, Method, Outcome, choices_for, label

__all__ = [
    "BallotRules",
    "Decision",
    "Result",
    "Tally",
    "check_choice",
    "decide",
    "explain",
    "tally_choices",
    "tally_counts",
]

# Machine codes found in Result.reasons.
QUORUM_NOT_MET = "quorum_not_met"
NO_PARTICIPATION = "no_participation"
OBJECTION = "objection"
REJECTED_OVERALL = "rejected_overall"
DOUBLE_MAJORITY_FAILED = "double_majority_failed"
PASSED = "passed"
RESERVATIONS = "reservations"

# Base kinds found in Decision.base_kind.
BASE_CAST = "cast"
BASE_CAST_AND_ABSTENTIONS = "cast_and_abstentions"
BASE_PRESENT = "present"
BASE_TOOK_PART = "took_part"


def _is_int(value: object) -> bool:
    """True for a real int; bool is an int subclass but never a meaningful count."""
    return isinstance(value, int) and not isinstance(value, bool)


def _method(value: object) -> Method:
    try:
        return Method(value)
    except ValueError:
        raise VoteError(
            f"Méthode de vote inconnue : {value!r}.", f"Unknown voting method: {value!r}."
        ) from None


def _choice(value: object) -> Choice:
    try:
        return Choice(value)
    except ValueError:
        raise VoteError(
            f"Choix de vote inconnu : {value!r}.", f"Unknown vote choice: {value!r}."
        ) from None


@dataclass(frozen=True)
class BallotRules:
    """How one ballot is decided; chosen before it opens so nobody tunes it to the result."""

    method: Method
    abstentions_count: bool = False
    double_majority: int | None = None
    quorum: int | None = None

    def validate(self) -> None:
        """Raise VoteError on a setting that has no meaning, before any vote is counted."""
        method = _method(self.method)
        if not isinstance(self.abstentions_count, bool):
            raise VoteError(
                "« Abstentions comptées » doit valoir oui ou non.",
                "'Abstentions count' must be yes or no.",
            )
        if self.abstentions_count and method is Method.CONSENT:
            raise VoteError(
                "Le consentement n'a pas d'abstentions : l'option « abstentions comptées » "
                "ne s'applique pas.",
                "Consent has no abstentions: the 'abstentions count' option does not apply.",
            )
        if self.double_majority is not None:
            if not _is_int(self.double_majority) or self.double_majority < 0:
                raise VoteError(
                    "La double majorité doit être 0 (tous les collèges) ou un nombre de "
                    "collèges positif.",
                    "Double majority must be 0 (every college) or a positive number of colleges.",
                )
            if method is Method.CONSENT:
                raise VoteError(
                    "La double majorité ne s'applique pas au consentement : une seule "
                    "objection suffit déjà à reporter la clause.",
                    "Double majority does not apply to consent: a single objection already "
                    "postpones the clause.",
                )
        if self.quorum is not None and (not _is_int(self.quorum) or self.quorum < 0):
            raise VoteError(
                "Le quorum doit être un nombre entier positif ou nul.",
                "The quorum must be a whole number, zero or more.",
            )


@dataclass(frozen=True)
class Tally:
    """The counts of one ballot (overall or for one college) and who could have voted."""

    counts: Mapping[Choice, int]
    present: int

    def __post_init__(self) -> None:
        # Normalise: Choice keys, zero counts dropped, fixed order, read-only. Two tallies
        # with the same numbers are then equal, however they were typed in.
        if not _is_int(self.present) or self.present < 0:
            raise VoteError(
                "Le nombre de présents doit être un entier positif ou nul.",
                "The number present must be a whole number, zero or more.",
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
        return Tally(counts, self.present + other.present)


@dataclass(frozen=True)
class Decision:
    """One rule applied to one tally, with the numbers that justify it for the minutes.

    passed == (base > 0 and (votes > threshold if strict else votes >= threshold)).
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


def _rule(method: Method, abstentions_count: bool, tally: Tally) -> Decision:
    """Apply one method to one tally; the single place where thresholds are computed."""
    if method is Method.CONSENT:
        base = tally.took_part
        votes = base - tally.objections
        return _decision(base, BASE_TOOK_PART, Fraction(base), False, votes)
    votes = tally.count(Choice.FOR)
    if method is Method.ABSOLUTE:
        base = tally.present
        return _decision(base, BASE_PRESENT, Fraction(base, 2), True, votes)
    if abstentions_count:
        base, kind = tally.cast + tally.count(Choice.ABSTAIN), BASE_CAST_AND_ABSTENTIONS
    else:
        base, kind = tally.cast, BASE_CAST
    if method is Method.SIMPLE:
        return _decision(base, kind, Fraction(base, 2), True, votes)
    if method is Method.TWO_THIRDS:
        return _decision(base, kind, Fraction(2, 3) * base, False, votes)
    return _decision(base, kind, Fraction(base), False, votes)  # unanimity


def _decision(base: int, kind: str, threshold: Fraction, strict: bool, votes: int) -> Decision:
    reached = votes > threshold if strict else votes >= threshold
    return Decision(base > 0 and reached, base, kind, threshold, strict, votes)


def _participates(rules: BallotRules, tally: Tally) -> bool:
    """Whether a college counts for the double majority (see the module docstring)."""
    if rules.method is Method.ABSOLUTE:
        return tally.present > 0
    if rules.method is Method.CONSENT or rules.abstentions_count:
        return tally.took_part > 0
    return tally.cast > 0


def _check_tally(method: Method, tally: Tally) -> None:
    for choice in tally.counts:
        check_choice(method, choice)


def decide(
    rules: BallotRules,
    overall: Tally,
    per_college: Mapping[Hashable, Tally] | None = None,
    reservations: int = 0,
) -> Result:
    """Decide a ballot from its tallies; raises VoteError only on inconsistent input."""
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
            if _participates(rules, tally):
                college_decisions[college] = _rule(method, rules.abstentions_count, tally)

    decision = _rule(method, rules.abstentions_count, overall)
    quorum_met = overall.took_part >= (rules.quorum or 0)
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
            needed = rules.double_majority or len(college_decisions)
            passed = sum(1 for d in college_decisions.values() if d.passed)
            if passed < needed:
                failures.append(DOUBLE_MAJORITY_FAILED)
        if failures:
            outcome, reasons = Outcome.REJECTED, tuple(failures)
        elif total_reservations:
            outcome, reasons = Outcome.ADOPTED_WITH_RESERVATIONS, (PASSED, RESERVATIONS)
        else:
            outcome, reasons = Outcome.ADOPTED, (PASSED,)

    return Result(
        outcome=outcome,
        overall=decision,
        colleges=MappingProxyType(college_decisions),
        quorum_met=quorum_met,
        reasons=reasons,
        tally=overall,
        reservations=total_reservations,
    )


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
    counts: Mapping[Hashable, Mapping[Choice, int]], present_by_college: Mapping[Hashable, int]
) -> tuple[Tally, dict[Hashable, Tally]]:
    per_college: dict[Hashable, Tally] = {}
    for college, present in present_by_college.items():
        college_counts = counts.get(college, {})
        took_part = sum(v for v in college_counts.values() if _is_int(v))
        if _is_int(present) and took_part > present:
            raise _over_present(college, took_part, present)
        per_college[college] = Tally(college_counts, present)
    overall = Tally({}, 0)
    for tally in per_college.values():
        overall = overall + tally
    return overall, per_college


def tally_choices(
    entries: Iterable[tuple[Hashable, Choice]], present_by_college: Mapping[Hashable, int]
) -> tuple[Tally, dict[Hashable, Tally]]:
    """Nominative mode: one (college, choice) per participant who voted.

    Every college of ``present_by_college`` gets a tally, even when nobody in it voted, so
    that absolute majority sees its silent members.
    """
    counts: dict[Hashable, dict[Choice, int]] = {}
    for college, choice in entries:
        if college not in present_by_college:
            raise _unknown_college(college)
        choice = _choice(choice)
        college_counts = counts.setdefault(college, {})
        college_counts[choice] = college_counts.get(choice, 0) + 1
    return _assemble(counts, present_by_college)


def tally_counts(
    counts: Mapping[Hashable, Mapping[Choice, int]], present_by_college: Mapping[Hashable, int]
) -> tuple[Tally, dict[Hashable, Tally]]:
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
    return _assemble(counts, present_by_college)


# --- Minutes -------------------------------------------------------------------------

NBSP = "\u00a0"  # espace insécable, before ':' in French
NNBSP = "\u202f"  # espace fine insécable, before ';' and between thousands in French


def _num(n: int, lang: str) -> str:
    if lang == "en":
        return f"{n:,}"
    return f"{n:,}".replace(",", NNBSP)


def _plural(n: int, singular: str, plural: str) -> str:
    return singular if n <= 1 else plural  # French: 0 and 1 take the singular


def _noun(n: int, lang: str, fr: tuple[str, str], en: tuple[str, str]) -> str:
    if lang == "en":
        return f"{_num(n, lang)} {en[0] if n == 1 else en[1]}"
    return f"{_num(n, lang)} {_plural(n, *fr)}"


_BASE_WORDS = {  # (fr singular, fr plural, en singular, en plural, fr "none", en "none")
    BASE_CAST: (
        "suffrage exprimé",
        "suffrages exprimés",
        "vote cast",
        "votes cast",
        "aucun suffrage exprimé",
        "no vote cast",
    ),
    BASE_CAST_AND_ABSTENTIONS: (
        "votant (abstentions comprises)",
        "votants (abstentions comprises)",
        "voter (abstentions included)",
        "voters (abstentions included)",
        "aucun votant",
        "no voter",
    ),
    BASE_PRESENT: (
        "présent",
        "présents",
        "person present",
        "people present",
        "aucun présent",
        "nobody present",
    ),
    BASE_TOOK_PART: (
        "participant",
        "participants",
        "participant",
        "participants",
        "aucun participant",
        "nobody took part",
    ),
}

_THRESHOLD_WORDS = {
    Method.SIMPLE: ("majorité requise", "majority needed"),
    Method.ABSOLUTE: ("majorité absolue", "absolute majority"),
    Method.TWO_THIRDS: ("seuil des deux tiers", "two-thirds threshold"),
    Method.UNANIMITY: ("unanimité requise", "unanimity needed"),
}


def explain(result: Result, rules: BallotRules, lang: str = "fr") -> str:
    """One or two plain sentences for the minutes, so nobody has to rebuild them by hand.

    French uses French typography (non-breaking spaces before ':' and ';', thin spaces
    between thousands), e.g. « 6 voix pour sur 9 suffrages exprimés ; seuil des deux
    tiers : 6 ; adoptée. »
    """
    en = lang == "en"
    method = _method(rules.method)
    d, t = result.overall, result.tally
    colon, semi = (": ", "; ") if en else (f"{NBSP}: ", f"{NNBSP}; ")
    words = _BASE_WORDS[d.base_kind]

    if method is Method.CONSENT:
        if t.objections == 0:
            head = "no objection" if en else "aucune objection"
        else:
            head = _noun(
                t.objections, lang, ("objection", "objections"), ("objection", "objections")
            )
        if d.base == 0:
            parts = [words[5] if en else words[4]]
        else:
            base = _noun(d.base, lang, (words[0], words[1]), (words[2], words[3]))
            parts = [f"{head} {'among' if en else 'sur'} {base}"]
    else:
        if d.base == 0:
            parts = [words[5] if en else words[4]]
        else:
            if en:
                votes = f"{_num(d.votes, lang)} {'vote' if d.votes == 1 else 'votes'} for"
            else:
                votes = f"{_num(d.votes, lang)} voix pour"
            base = _noun(d.base, lang, (words[0], words[1]), (words[2], words[3]))
            threshold = _THRESHOLD_WORDS[method][1 if en else 0]
            parts = [
                f"{votes} {'out of' if en else 'sur'} {base}",
                f"{threshold}{colon}{_num(d.needed, lang)}",
            ]
    outcome = label(result.outcome, "en" if en else "fr")
    why = _why(result, rules, lang)
    parts.append(f"{outcome} ({why})" if why else outcome)
    first = semi.join(parts)
    first = first[0].upper() + first[1:] + "."
    return f"{first} {_detail(result, method, lang)}"


def _why(result: Result, rules: BallotRules, lang: str) -> str:
    """A short reason when the outcome is not told by the overall count alone."""
    en = lang == "en"
    reasons = result.reasons
    if QUORUM_NOT_MET in reasons:
        took = _noun(
            result.tally.took_part,
            lang,
            ("participant", "participants"),
            ("participant", "participants"),
        )
        q = _num(rules.quorum or 0, lang)
        return (
            f"quorum not met: {took}, quorum {q}"
            if en
            else f"quorum non atteint{NBSP}: {took} pour un quorum de {q}"
        )
    if NO_PARTICIPATION in reasons:
        return "nobody took part" if en else "personne n'a participé"
    if OBJECTION in reasons:
        return (
            "back for amendment and a new round" if en else "retour en amendement et nouveau tour"
        )
    if DOUBLE_MAJORITY_FAILED in reasons:
        n = len(result.colleges)
        ok = result.colleges_passed
        need = rules.double_majority or n
        if en:
            return f"double majority not reached: {ok} of {n} colleges in favour, {need} needed"
        favourable = _plural(ok, "collège favorable", "collèges favorables")
        return (
            f"double majorité non atteinte{NBSP}: {ok} {favourable} sur {n}, "
            f"{_num(need, lang)} requis"
        )
    if RESERVATIONS in reasons:
        return _noun(
            result.reservations,
            lang,
            ("réserve consignée", "réserves consignées"),
            ("reservation recorded", "reservations recorded"),
        )
    return ""


def _detail(result: Result, method: Method, lang: str) -> str:
    """The full count, so the minutes show abstentions and silent members too."""
    en = lang == "en"
    t = result.tally
    names = {
        Choice.FOR: (("pour", "pour"), ("for", "for")),
        Choice.AGAINST: (("contre", "contre"), ("against", "against")),
        Choice.ABSTAIN: (("abstention", "abstentions"), ("abstention", "abstentions")),
        Choice.CONSENT: (("accord", "accords"), ("consent", "consents")),
        Choice.RESERVATION: (("réserve", "réserves"), ("reservation", "reservations")),
        Choice.OBJECTION: (("objection", "objections"), ("objection", "objections")),
    }
    items = [_noun(t.count(c), lang, *names[c]) for c in choices_for(method)]
    if t.did_not_vote:
        items.append(
            _noun(
                t.did_not_vote,
                lang,
                ("présent sans vote", "présents sans vote"),
                ("present without voting", "present without voting"),
            )
        )
    if en:
        return "Count: " + ", ".join(items) + "."
    return f"Décompte{NBSP}: " + ", ".join(items) + "."
