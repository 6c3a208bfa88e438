"""Coherence between the charter's chosen status and what its adopted text says.

The status (guide or annex to the règlement intérieur) is chosen at set-up; the text says
its own status in the clause of the « sanctions » theme (« Portée de la charte »): a
variant with the ``sanctions`` flag declares the charter binding, one without declares it
a guide creating no obligation. When the two disagree the charter contradicts itself, and
the alert suggests a split: the binding rules in an addition to the règlement intérieur or
a note de service (Code du travail, art. L1321-5, same procedure), the rest as a guide.
Misconduct stays sanctionable under the law, the contract and the existing règlement
intérieur either way: what needs the procedure is making the charter's own rules binding.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from workshop.coherence.model import Alert, Severity
from workshop.model import CharterStatus
from workshop.snapshot import Clause, Snapshot

#: The library theme whose clause states the charter's status (a stable key).
STATUS_THEME = "sanctions"


def _adopted(snapshot: Snapshot) -> list[Clause]:
    return [c for c in snapshot.clauses if c.adopted and c.variant is not None]


def binds(clause: Clause) -> bool:
    """Does the adopted wording provide for sanctions (the ``sanctions`` flag)?"""
    return clause.variant is not None and "sanctions" in clause.variant.flags


def status_clauses(snapshot: Snapshot) -> list[Clause]:
    """Adopted clauses that state the charter's status."""
    return [c for c in _adopted(snapshot) if c.theme_key == STATUS_THEME]


def binding_rules(snapshot: Snapshot) -> list[Clause]:
    """Adopted clauses, other than the status clause, whose wording carries sanctions."""
    return [c for c in _adopted(snapshot) if c.theme_key != STATUS_THEME and binds(c)]


def status_contradiction(
    snapshot: Snapshot, lang: str, quoted: Callable[[Sequence[str], str], str]
) -> Alert | None:
    """The adopted status clause says the opposite of the chosen status."""
    annex = snapshot.workshop.charter_status == CharterStatus.ANNEX_RI
    against = [c for c in status_clauses(snapshot) if binds(c) != annex]
    if not against:
        return None
    en = lang == "en"
    clause = quoted([against[0].title], lang)
    rules = [c.title for c in binding_rules(snapshot)]
    if annex:
        head = (
            "The charter is intended as an annex to the règlement intérieur (work rules), but "
            f"the adopted article {clause} says it creates no obligation or sanction: the "
            "text contradicts the chosen status."
            if en
            else "La charte est prévue comme annexe au règlement intérieur, mais l’article "
            f"adopté {clause} dit qu’elle ne crée ni obligation ni sanction : le texte "
            "contredit le statut choisi."
        )
    else:
        head = (
            "The charter is intended as a pedagogical guide, but the adopted article "
            f"{clause} declares it annexed to the règlement intérieur and binding: the text "
            "contradicts the chosen status."
            if en
            else "La charte est prévue comme guide pédagogique, mais l’article adopté "
            f"{clause} la déclare annexée au règlement intérieur et opposable : le texte "
            "contredit le statut choisi."
        )
    return Alert(Severity.WARNING, "status_contradiction", f"{head} {split(rules, lang, quoted)}")


def split(rules: Sequence[str], lang: str, quoted: Callable[[Sequence[str], str], str]) -> str:
    """The suggested way out: which rules to make binding, and how; the rest as a guide."""
    en = lang == "en"
    if not rules:
        return (
            "No other adopted clause provides for sanctions: a guide seems to fit; choose "
            "the status and the wording of that article accordingly."
            if en
            else "Aucune autre clause adoptée ne prévoit de sanction : un guide semble "
            "convenir ; accordez le statut et la rédaction de cet article."
        )
    return (
        f"Suggested split: the rules meant to be binding ({quoted(rules, lang)}) in an "
        "addition to the règlement intérieur or a note de service (art. L1321-5: CSE "
        "opinion, filing, publicity, one month), the rest as a pedagogical guide."
        if en
        else f"Piste : séparer les règles qui doivent être obligatoires ({quoted(rules, lang)}), "
        "à inscrire dans une adjonction au règlement intérieur ou une note de service "
        "(art. L1321-5 : avis du CSE, dépôt, publicité, un mois), du reste, qui forme un "
        "guide pédagogique."
    )
