"""A round's settings, chosen before it opens: rules, quorum, capture mode, casting vote.

The checks at opening live here: a setting that has no meaning for the method (the
registry, ``workshop.methods``, says which options each method allows) or that this room
can never satisfy is refused with one line, before any vote is counted.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from typing import TypeVar

from workshop.errors import VoteError
from workshop.methods import (
    Base,
    MethodSpec,
    Option,
    QuorumOn,
    allowed,
    allows,
    member,
    spec,
)
from workshop.model import CaptureMode, Choice, Method, label

__all__ = ["BallotRules", "Quorum", "RoundSettings", "check_opening"]

# A college's key: any hashable (the app uses its row id); one type per call.
K = TypeVar("K", bound=Hashable)
E = TypeVar("E", bound=Enum)


def _is_int(value: object) -> bool:
    """True for a real int; bool is an int subclass but never a meaningful count."""
    return isinstance(value, int) and not isinstance(value, bool)


def _enum(kind: type[E], value: object, fr: str, en: str) -> E:
    try:
        return member(kind, value)
    except ValueError:
        raise VoteError(f"{fr} inconnu(e) : {value!r}.", f"Unknown {en}: {value!r}.") from None


def _method(value: object) -> Method:
    try:
        return member(Method, value)
    except ValueError:
        raise VoteError(
            f"Méthode de vote inconnue : {value!r}.", f"Unknown voting method: {value!r}."
        ) from None


def _choice(value: object) -> Choice:
    try:
        return member(Choice, value)
    except ValueError:
        raise VoteError(
            f"Choix de vote inconnu : {value!r}.", f"Unknown vote choice: {value!r}."
        ) from None


def _useless(fr: str, en: str, method: Method) -> VoteError:
    return VoteError(
        f"{fr} ne change rien pour la méthode « {label(method)} ».",
        f"{en} changes nothing for the method '{label(method, 'en')}'.",
    )


@dataclass(frozen=True)
class Quorum:
    """At least ``count`` people, or ``fraction`` of the registered members, on ``on``."""

    count: int | None = None
    fraction: Fraction | None = None
    on: QuorumOn = QuorumOn.PARTICIPATION

    def validate(self) -> None:
        if (self.count is None) == (self.fraction is None):
            raise VoteError(
                "Un quorum est soit un nombre de personnes, soit une fraction des membres.",
                "A quorum is either a number of people or a fraction of the members.",
            )
        if self.count is not None and (not _is_int(self.count) or self.count < 0):
            raise VoteError(
                "Le quorum doit être un nombre entier positif ou nul.",
                "The quorum must be a whole number, zero or more.",
            )
        if self.fraction is not None and (
            not isinstance(self.fraction, Fraction) or not 0 < self.fraction <= 1
        ):
            raise VoteError(
                "Le quorum en fraction doit être compris entre 0 (exclu) et 1.",
                "A quorum as a fraction must be above 0 and at most 1.",
            )
        _enum(QuorumOn, self.on, "Décompte du quorum", "quorum count")

    def needed(self, registered: int) -> int:
        """The smallest head count that meets the quorum (a fraction rounds up: 1/2 of 9 is 5)."""
        if self.fraction is not None:
            return math.ceil(self.fraction * registered)
        return self.count or 0


@dataclass(frozen=True)
class BallotRules:
    """How one ballot is decided; chosen before it opens so nobody tunes it to the result.

    ``quorum`` may be a plain int (a head count on participation, as in older files).
    """

    method: Method
    abstentions_count: bool = False
    double_majority: int | None = None
    quorum: Quorum | int | None = None
    base: Base | None = None  # None: the method's default base
    casting_vote: bool = False

    @property
    def spec(self) -> MethodSpec:
        return spec(_method(self.method))

    @property
    def effective_base(self) -> Base | None:
        """The base actually used: the chosen one, else the method's default."""
        return self.base if self.base is not None else self.spec.default_base

    @property
    def quorum_rule(self) -> Quorum | None:
        if self.quorum is None or isinstance(self.quorum, Quorum):
            return self.quorum
        return Quorum(count=self.quorum)

    def validate(self, strict: bool = False) -> None:
        """Raise VoteError on a setting that has no meaning, before any vote is counted.

        ``strict`` (at opening) also refuses options that change nothing for the method;
        rounds already recorded with such an option are still read as before.
        """
        method = _method(self.method)
        entry = spec(method)
        if not isinstance(self.abstentions_count, bool):
            raise VoteError(
                "« Abstentions comptées » doit valoir oui ou non.",
                "'Abstentions count' must be yes or no.",
            )
        if not isinstance(self.casting_vote, bool):
            raise VoteError(
                "« Voix prépondérante » doit valoir oui ou non.",
                "'Casting vote' must be yes or no.",
            )
        if self.base is not None:
            base = _enum(Base, self.base, "Base", "base")
            if base not in entry.bases:
                raise VoteError(
                    f"La base « {label(Base(base))} » n'existe pas pour la méthode "
                    f"« {label(method)} ».",
                    f"The base '{label(Base(base), 'en')}' does not exist for the method "
                    f"'{label(method, 'en')}'.",
                )
        if self.abstentions_count:
            if method is Method.CONSENT:
                raise VoteError(
                    "Le consentement n'a pas d'abstentions : l'option « abstentions comptées » "
                    "ne s'applique pas.",
                    "Consent has no abstentions: the 'abstentions count' option does not apply.",
                )
            if strict and (
                not allows(method, Option.ABSTENTIONS_COUNT) or self.effective_base is not Base.CAST
            ):
                raise _useless(
                    "Compter les abstentions (elles comptent déjà contre sur cette base)",
                    "Counting abstentions (they already count against on this base)",
                    method,
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
        if strict and self.casting_vote and not allows(method, Option.CASTING_VOTE):
            raise _useless(
                "Une voix prépondérante (la méthode n'a pas d'égalité à départager)",
                "A casting vote (the method has no tie to break)",
                method,
            )
        quorum = self.quorum_rule
        if quorum is not None:
            if isinstance(self.quorum, bool):
                raise VoteError(
                    "Le quorum doit être un nombre entier positif ou nul.",
                    "The quorum must be a whole number, zero or more.",
                )
            quorum.validate()


@dataclass(frozen=True)
class RoundSettings:
    """Everything chosen before a round opens: its rules, how votes are taken, the chair."""

    method: Method = Method.SIMPLE
    capture: CaptureMode = CaptureMode.NOMINATIVE
    abstentions_count: bool = False
    double_majority: int | None = None
    quorum: Quorum | None = None
    base: Base | None = None
    chair: int | None = None  # participant holding the casting vote; None: no casting vote

    def __post_init__(self) -> None:
        # Stored and typed values arrive as strings and plain counts: one conversion here.
        coerce = object.__setattr__
        coerce(self, "method", _method(self.method))
        coerce(self, "capture", _enum(CaptureMode, self.capture, "Mode de recueil", "capture mode"))
        if self.base is not None:
            coerce(self, "base", _enum(Base, self.base, "Base", "base"))
        if _is_int(self.quorum):
            coerce(self, "quorum", Quorum(count=self.quorum))  # type: ignore[arg-type]

    @classmethod
    def defaults(
        cls,
        method: object,
        capture: object,
        abstentions_count: bool = False,
        double_majority: int | None = None,
        quorum: int | None = None,
    ) -> RoundSettings:
        """The workshop's default rules for a new round, minus options the method ignores."""
        m = _method(method)
        c = CaptureMode(_enum(CaptureMode, capture, "Mode de recueil", "capture mode"))
        keep = allowed(m, c)
        return cls(
            method=m,
            capture=c,
            abstentions_count=bool(abstentions_count) and Option.ABSTENTIONS_COUNT in keep,
            double_majority=double_majority if Option.DOUBLE_MAJORITY in keep else None,
            quorum=None if quorum is None else Quorum(count=quorum),
        )

    @property
    def rules(self) -> BallotRules:
        return BallotRules(
            method=self.method,
            abstentions_count=self.abstentions_count,
            double_majority=self.double_majority,
            quorum=self.quorum,
            base=self.base,
            casting_vote=self.chair is not None,
        )

    def validate(self) -> None:
        """Refuse what has no meaning whatever the room: the rules, then the capture mode."""
        method, capture = self.method, self.capture
        if self.quorum is not None and not isinstance(self.quorum, Quorum):
            raise VoteError("Quorum invalide.", "Invalid quorum.")
        if self.chair is not None and not _is_int(self.chair):
            raise VoteError("Président de séance invalide.", "Invalid chair.")
        self.rules.validate(strict=True)
        if self.double_majority is not None and not allows(method, Option.DOUBLE_MAJORITY, capture):
            raise VoteError(
                "La double majorité demande un décompte par collège : impossible en vote secret.",
                "A double majority needs counts per college: impossible with a secret ballot.",
            )
        if self.chair is not None and not allows(method, Option.CASTING_VOTE, capture):
            raise VoteError(
                "La voix prépondérante demande de connaître le choix du président : "
                "seulement en vote nominatif.",
                "A casting vote needs the chair's own choice: only with a vote by name.",
            )


def check_opening(
    settings: RoundSettings,
    present_by_college: Mapping[K, int],
    registered_by_college: Mapping[K, int],
    voters: Iterable[Hashable] = (),
) -> None:
    """Refuse settings this room can never satisfy, before the round opens (one line)."""
    settings.validate()
    rules = settings.rules
    present = sum(present_by_college.values())
    registered = sum(registered_by_college.values()) or present
    if settings.double_majority:
        if rules.effective_base is Base.REGISTERED:
            eligible = sum(1 for n in registered_by_college.values() if n > 0)
        else:
            eligible = sum(1 for n in present_by_college.values() if n > 0)
        if settings.double_majority > eligible:
            raise VoteError(
                f"Double majorité dans {settings.double_majority} collèges demandée, mais "
                f"seuls {eligible} collèges peuvent voter : le vote ne pourrait jamais passer.",
                f"A majority in {settings.double_majority} colleges asked for, but only "
                f"{eligible} colleges can vote: the vote could never pass.",
            )
    quorum = rules.quorum_rule
    if quorum is not None:
        needed = quorum.needed(registered)
        if needed > present:
            raise VoteError(
                f"Quorum de {needed} pour {present} présents : il ne pourrait jamais être atteint.",
                f"A quorum of {needed} for {present} present: it could never be met.",
            )
    if settings.chair is not None and settings.chair not in set(voters):
        raise VoteError(
            "Le président de séance (voix prépondérante) doit être présent et votant.",
            "The chair (casting vote) must be present and among the voters.",
        )
