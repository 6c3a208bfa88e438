"""The sentences of the minutes for one ballot, in French and English (no arithmetic here).

Every number comes from a :class:`workshop.voting.Result`; this module only puts it into
words, with French typography (non-breaking spaces before ':' and ';', thin spaces between
thousands), so that nobody has to rebuild the minutes by hand.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING

from workshop.methods import Base, QuorumOn, spec
from workshop.model import Choice, Method, choices_for, label

if TYPE_CHECKING:
    from workshop.voting import BallotRules, Result

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
    "cast": (
        "suffrage exprimé",
        "suffrages exprimés",
        "vote cast",
        "votes cast",
        "aucun suffrage exprimé",
        "no vote cast",
    ),
    "cast_and_abstentions": (
        "votant (abstentions comprises)",
        "votants (abstentions comprises)",
        "voter (abstentions included)",
        "voters (abstentions included)",
        "aucun votant",
        "no voter",
    ),
    "present": (
        "présent",
        "présents",
        "person present",
        "people present",
        "aucun présent",
        "nobody present",
    ),
    "registered": (
        "membre inscrit",
        "membres inscrits",
        "registered member",
        "registered members",
        "aucun membre inscrit",
        "no registered member",
    ),
    "took_part": (
        "participant",
        "participants",
        "participant",
        "participants",
        "aucun participant",
        "nobody took part",
    ),
}

#: Why a college was left out of a double majority (Result.excluded), fr / en.
EXCLUDED_WORDS = {
    "nobody_present": ("personne de présent", "nobody present"),
    "only_abstentions": ("uniquement des abstentions", "only abstentions"),
    "nobody_voted": ("personne n'a voté", "nobody voted"),
}


def excluded_reason(code: str, lang: str = "fr") -> str:
    """Why a college did not count for the double majority, as the minutes print it."""
    fr, en = EXCLUDED_WORDS[code]
    return en if lang == "en" else fr


def explain(
    result: Result,
    rules: BallotRules,
    lang: str = "fr",
    college_names: Mapping[Hashable, str] | None = None,
    chair: str = "",
) -> str:
    """One or two plain sentences for the minutes, e.g. « 6 voix pour sur 9 suffrages
    exprimés ; seuil des deux tiers : 6 ; adoptée. » then the full count.

    ``chair`` names who broke a tie. With ``college_names``, the colleges left out of a double majority are named, with why.
    """
    en = lang == "en"
    method = Method(rules.method)
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
            threshold = spec(method).threshold_words(lang)
            parts = [
                f"{votes} {'out of' if en else 'sur'} {base}",
                f"{threshold}{colon}{_num(d.needed, lang)}",
            ]
    outcome = label(result.outcome, "en" if en else "fr")
    why = _why(result, rules, lang)
    parts.append(f"{outcome} ({why})" if why else outcome)
    first = semi.join(parts)
    sentences = [first[0].upper() + first[1:] + "."]
    if result.casting_vote is not None:
        sentences.append(casting_sentence(result.casting_vote, lang, chair))
    if college_names is not None and result.excluded and rules.double_majority is not None:
        sentences.append(excluded_sentence(result, college_names, lang))
    sentences.append(_detail(result, method, lang))
    return " ".join(sentences)


def casting_sentence(choice: Choice, lang: str = "fr", chair: str = "") -> str:
    """The tie and who broke it: « Égalité départagée par la voix prépondérante du
    président de séance : pour. »"""
    who_fr = f"du président de séance ({chair})" if chair else "du président de séance"
    who_en = f"the chair's ({chair})" if chair else "the chair's"
    if lang == "en":
        return f"Tie broken by {who_en} casting vote: {label(choice, 'en')}."
    return f"Égalité départagée par la voix prépondérante {who_fr}{NBSP}: {label(choice)}."


def excluded_sentence(
    result: Result, college_names: Mapping[Hashable, str], lang: str = "fr"
) -> str:
    """The colleges left out of the double majority, each with why."""
    items = [
        f"{college_names.get(college, str(college))} ({excluded_reason(code, lang)})"
        for college, code in result.excluded.items()
    ]
    if lang == "en":
        return "Not counted in the double majority: " + ", ".join(items) + "."
    return f"Hors double majorité{NBSP}: " + ", ".join(items) + "."


def _why(result: Result, rules: BallotRules, lang: str) -> str:
    """A short reason when the outcome is not told by the overall count alone."""
    from workshop import voting as v  # voting re-exports this module: import when called

    en = lang == "en"
    reasons = result.reasons
    if v.QUORUM_NOT_MET in reasons:
        quorum = rules.quorum_rule
        presence = quorum is not None and quorum.on is QuorumOn.PRESENCE
        fr_words = ("présent", "présents") if presence else ("participant", "participants")
        en_words = ("person present", "people present") if presence else fr_words
        took = _noun(result.quorum_counted, lang, fr_words, en_words)
        q = _num(result.quorum_needed, lang)
        if quorum is not None and quorum.fraction is not None:
            share = f"{quorum.fraction.numerator}/{quorum.fraction.denominator}"
            q = f"{q} ({share} {'of the members' if en else 'des membres'})"
        return (
            f"quorum not met: {took}, quorum {q}"
            if en
            else f"quorum non atteint{NBSP}: {took} pour un quorum de {q}"
        )
    if v.NO_PARTICIPATION in reasons:
        return "nobody took part" if en else "personne n'a participé"
    if v.OBJECTION in reasons:
        return (
            "back for amendment and a new round" if en else "retour en amendement et nouveau tour"
        )
    if v.DOUBLE_MAJORITY_FAILED in reasons:
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
    if v.RESERVATIONS in reasons:
        return _noun(
            result.reservations,
            lang,
            ("réserve consignée", "réserves consignées"),
            ("reservation recorded", "reservations recorded"),
        )
    return ""


_CHOICE_NOUNS = {
    Choice.FOR: (("pour", "pour"), ("for", "for")),
    Choice.AGAINST: (("contre", "contre"), ("against", "against")),
    Choice.ABSTAIN: (("abstention", "abstentions"), ("abstention", "abstentions")),
    Choice.CONSENT: (("accord", "accords"), ("consent", "consents")),
    Choice.RESERVATION: (("réserve", "réserves"), ("reservation", "reservations")),
    Choice.OBJECTION: (("objection", "objections"), ("objection", "objections")),
}


def _detail(result: Result, method: Method, lang: str) -> str:
    """The full count, so the minutes show abstentions and silent members too."""
    from workshop import voting as v

    en = lang == "en"
    t = result.tally
    items = [_noun(t.count(c), lang, *_CHOICE_NOUNS[c]) for c in choices_for(method)]
    if t.did_not_vote:
        items.append(
            _noun(
                t.did_not_vote,
                lang,
                ("présent sans vote", "présents sans vote"),
                ("present without voting", "present without voting"),
            )
        )
    if result.overall.base_kind == v.BASE_REGISTERED and t.members > t.present:
        items.append(
            _noun(t.members - t.present, lang, ("absent", "absents"), ("absent", "absent"))
        )
    if en:
        return "Count: " + ", ".join(items) + "."
    return f"Décompte{NBSP}: " + ", ".join(items) + "."


def describe_rules(rules: BallotRules, lang: str = "fr") -> list[str]:
    """The rules of a round as short phrases (method, base, options), in a fixed order."""
    en = lang == "en"
    entry = rules.spec
    parts = [entry.label(lang)]
    base = rules.effective_base
    if rules.base is not None and base is not entry.default_base:
        # base is rules.base here (chosen); Base() also accepts a plain string setting
        parts.append(("base: " if en else f"base{NBSP}: ") + label(Base(rules.base), lang))
    if rules.abstentions_count:
        parts.append("abstentions counted" if en else "abstentions comptées")
    if rules.double_majority == 0:
        parts.append("majority needed in every college" if en else "majorité dans chaque collège")
    elif rules.double_majority:
        n = rules.double_majority
        parts.append(
            f"majority needed in at least {n} colleges"
            if en
            else f"majorité dans au moins {_num(n, lang)} collèges"
        )
    quorum = rules.quorum_rule
    if quorum is not None and (quorum.count or quorum.fraction):
        if quorum.fraction is not None:
            amount = f"{quorum.fraction.numerator}/{quorum.fraction.denominator}"
            amount += " of the members" if en else " des membres"
        else:
            amount = _num(quorum.count or 0, lang)
        parts.append(f"quorum {amount} {label(quorum.on, lang)}")
    if rules.casting_vote:
        parts.append("casting vote of the chair" if en else "voix prépondérante du président")
    return parts
