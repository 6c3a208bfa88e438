"""The registry of vote methods: what each method counts, and which options it allows.

Adding a method means one new :class:`Method` member and one :class:`MethodSpec` here;
the rules (``voting``), the sentences of the minutes, the rules form and the checks at
opening all read this table. This module is a leaf (it imports nothing from the
workshop), so ``model`` can re-export its enumerations.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum
from fractions import Fraction
from types import MappingProxyType
from typing import TypeVar

__all__ = [
    "METHODS",
    "Base",
    "CaptureMode",
    "Choice",
    "Counted",
    "Method",
    "MethodSpec",
    "Option",
    "QuorumOn",
    "allowed",
    "allows",
    "bases",
    "choices_for",
    "member",
    "spec",
]

E = TypeVar("E", bound=Enum)


def member(kind: type[E], value: object) -> E:
    """``kind(value)`` for a value of any type, ValueError if it names no member.

    The stubs type a StrEnum's constructor as taking a str, but values read back from a
    file or a form can be anything; looking them up through the enum class stays typed.
    """
    return kind(value)


class Method(StrEnum):
    """How a ballot is decided (stored as these strings: never rename a released value)."""

    SIMPLE = "simple"  # more for than against among votes cast
    ABSOLUTE = "absolute"  # more than half of the present participants
    TWO_THIRDS = "two_thirds"  # at least two thirds of the base
    THREE_QUARTERS = "three_quarters"  # at least three quarters of the base
    UNANIMITY = "unanimity"  # no against
    CONSENT = "consent"  # adopted unless someone objects


class CaptureMode(StrEnum):
    """How choices reach the app."""

    NOMINATIVE = "nominative"  # one recorded choice per present participant
    COUNTS = "counts"  # numbers per college, as when cards are raised
    SECRET = "secret"  # only totals are kept
    CODES = "codes"  # secret, by codes drawn per college: totals per college (phones)


class Choice(StrEnum):
    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"
    CONSENT = "consent"
    RESERVATION = "reservation"
    OBJECTION = "objection"


class Base(StrEnum):
    """What a majority is a fraction of (OpenSlides' "cast", "entitled_present", "entitled")."""

    CAST = "cast"  # votes cast: for + against (abstentions too when they count)
    PRESENT = "present"  # members present when the round opened (silence counts against)
    REGISTERED = "registered"  # all registered members (Robert's "entire membership")


class QuorumOn(StrEnum):
    """What a quorum counts: who took part (Loomio; the default) or who is present (statutes)."""

    PARTICIPATION = "participation"
    PRESENCE = "presence"


class Counted(StrEnum):
    """Which votes reach the threshold."""

    FOR = "for"  # the "for" votes
    NO_OBJECTION = "no_objection"  # those who took part without objecting (consent)


class Option(StrEnum):
    """Round options a method may or may not allow."""

    ABSTENTIONS_COUNT = "abstentions_count"
    DOUBLE_MAJORITY = "double_majority"
    QUORUM = "quorum"
    BASE = "base"
    CASTING_VOTE = "casting_vote"


MAJORITY_CHOICES: tuple[Choice, ...] = (Choice.FOR, Choice.AGAINST, Choice.ABSTAIN)
CONSENT_CHOICES: tuple[Choice, ...] = (Choice.CONSENT, Choice.RESERVATION, Choice.OBJECTION)
ALL_CAPTURES = frozenset(CaptureMode)


@dataclass(frozen=True)
class MethodSpec:
    """One method: its choices, its threshold, its base, its options and its words.

    passed <=> base > 0 and (votes > threshold x base if strict else votes >= threshold x base)
    """

    method: Method
    choices: tuple[Choice, ...]
    threshold: Fraction
    strict: bool
    counted: Counted
    default_base: Base | None  # None: the base is "those who took part" (consent)
    bases: tuple[Base, ...]  # bases the facilitator may choose; the default comes first
    options: frozenset[Option]
    captures: frozenset[CaptureMode]
    label_fr: str
    label_en: str
    threshold_fr: str  # the threshold's name in the minutes: « seuil des deux tiers : 6 »
    threshold_en: str

    def label(self, lang: str = "fr") -> str:
        return self.label_en if lang == "en" else self.label_fr

    def threshold_words(self, lang: str = "fr") -> str:
        return self.threshold_en if lang == "en" else self.threshold_fr


_MAJORITY_OPTIONS = frozenset(
    {Option.ABSTENTIONS_COUNT, Option.DOUBLE_MAJORITY, Option.QUORUM, Option.BASE}
)
_ANY_BASE = (Base.CAST, Base.PRESENT, Base.REGISTERED)

_SPECS = (
    MethodSpec(
        Method.SIMPLE,
        MAJORITY_CHOICES,
        Fraction(1, 2),
        True,
        Counted.FOR,
        Base.CAST,
        _ANY_BASE,
        _MAJORITY_OPTIONS | {Option.CASTING_VOTE},
        ALL_CAPTURES,
        "majorité simple des suffrages exprimés",
        "simple majority of votes cast",
        "majorité requise",
        "majority needed",
    ),
    MethodSpec(
        Method.ABSOLUTE,
        MAJORITY_CHOICES,
        Fraction(1, 2),
        True,
        Counted.FOR,
        Base.PRESENT,
        (Base.PRESENT, Base.REGISTERED),
        (_MAJORITY_OPTIONS - {Option.ABSTENTIONS_COUNT}) | {Option.CASTING_VOTE},
        ALL_CAPTURES,
        "majorité absolue des présents",
        "absolute majority of those present",
        "majorité absolue",
        "absolute majority",
    ),
    MethodSpec(
        Method.TWO_THIRDS,
        MAJORITY_CHOICES,
        Fraction(2, 3),
        False,
        Counted.FOR,
        Base.CAST,
        _ANY_BASE,
        _MAJORITY_OPTIONS,
        ALL_CAPTURES,
        "majorité des deux tiers",
        "two-thirds majority",
        "seuil des deux tiers",
        "two-thirds threshold",
    ),
    MethodSpec(
        Method.THREE_QUARTERS,
        MAJORITY_CHOICES,
        Fraction(3, 4),
        False,
        Counted.FOR,
        Base.CAST,
        _ANY_BASE,
        _MAJORITY_OPTIONS,
        ALL_CAPTURES,
        "majorité des trois quarts",
        "three-quarters majority",
        "seuil des trois quarts",
        "three-quarters threshold",
    ),
    MethodSpec(
        Method.UNANIMITY,
        MAJORITY_CHOICES,
        Fraction(1),
        False,
        Counted.FOR,
        Base.CAST,
        (Base.CAST,),
        frozenset({Option.ABSTENTIONS_COUNT, Option.DOUBLE_MAJORITY, Option.QUORUM}),
        ALL_CAPTURES,
        "unanimité",
        "unanimity",
        "unanimité requise",
        "unanimity needed",
    ),
    MethodSpec(
        Method.CONSENT,
        CONSENT_CHOICES,
        Fraction(1),
        False,
        Counted.NO_OBJECTION,
        None,
        (),
        frozenset({Option.QUORUM}),
        ALL_CAPTURES,
        "consentement (sans objection)",
        "consent (no objection)",
        "aucune objection",
        "no objection",
    ),
)

#: Every method, in the order the rules form lists them.
METHODS: MappingProxyType[Method, MethodSpec] = MappingProxyType({s.method: s for s in _SPECS})

# A casting vote needs the chair's own choice: only a vote by name records it.
_OPTION_CAPTURES: dict[Option, frozenset[CaptureMode]] = {
    Option.DOUBLE_MAJORITY: frozenset(
        {CaptureMode.NOMINATIVE, CaptureMode.COUNTS, CaptureMode.CODES}
    ),
    Option.CASTING_VOTE: frozenset({CaptureMode.NOMINATIVE}),
}


def spec(method: Method | str) -> MethodSpec:
    """The registry entry of a method; KeyError for a value this release does not know."""
    return METHODS[Method(method)]


def choices_for(method: Method | str) -> tuple[Choice, ...]:
    """The choices a participant can make under a method."""
    return spec(method).choices


def allows(method: Method | str, option: Option, capture: CaptureMode | str | None = None) -> bool:
    """Whether ``option`` means something for this method (and this capture mode, if given)."""
    entry = spec(method)
    if option not in entry.options:
        return False
    if capture is None:
        return True
    mode = CaptureMode(capture)
    return mode in entry.captures and mode in _OPTION_CAPTURES.get(option, ALL_CAPTURES)


def allowed(method: Method | str, capture: CaptureMode | str) -> frozenset[Option]:
    """The options the rules form may offer for this method and capture mode."""
    mode = CaptureMode(capture)
    if mode not in spec(method).captures:
        return frozenset()
    return frozenset(o for o in Option if allows(method, o, mode))


def bases(method: Method | str) -> tuple[Base, ...]:
    """The bases the facilitator may choose for a method, its default first."""
    return spec(method).bases
