"""The sentences on the charter's status that a cover prints, and the placeholders for the
facts the workshop cannot know (the CSE's opinion, the filing): never stated as done.

A placeholder is written between square brackets, « [date de l’avis du CSE] », so that a
document can find and highlight every one of them (``PLACEHOLDER_PATTERN``).
"""

from __future__ import annotations

import re

from workshop.exports.legal.workforce import cse_required
from workshop.model import CharterStatus, SizeBand

#: Facts to fill in by hand, French and English.
PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "cse_sent": ("[date de transmission du dossier au CSE]", "[date the file is sent to the CSE]"),
    "cse_meeting": ("[date de la réunion du CSE]", "[date of the CSE meeting]"),
    "cse_opinion": ("[date de l’avis du CSE]", "[date of the CSE’s opinion]"),
    "filing": ("[date de dépôt au greffe]", "[date of filing with the greffe]"),
    "publicity": ("[date de la publicité]", "[date it is made public]"),
    "inspection": (
        "[date de communication à l’inspection du travail]",
        "[date sent to the labour inspector]",
    ),
    "entry_into_force": ("[date d’entrée en vigueur]", "[date of entry into force]"),
    "employees_informed": (
        "[date d’information des salariés]",
        "[date employees are informed]",
    ),
    "greffe": (
        "[conseil de prud’hommes du ressort de l’entreprise]",
        "[conseil de prud’hommes with jurisdiction over the company]",
    ),
    "inspector": (
        "[inspection du travail compétente]",
        "[competent labour inspectorate]",
    ),
    "internal_channel": ("[canal interne de signalement]", "[internal reporting channel]"),
    "dpo": ("[délégué à la protection des données]", "[data protection officer]"),
}

#: How a document finds placeholders in a text: square brackets, no bracket inside.
PLACEHOLDER_PATTERN = re.compile(r"\[[^\[\]]{2,80}\]")


def placeholder(key: str, lang: str) -> str:
    """A placeholder in the document's language (a KeyError is a bug, not user input)."""
    fr, en = PLACEHOLDERS[key]
    return en if lang == "en" else fr


def entry_into_force(lang: str) -> str:
    """The one-month rule, with the date left to fill in (L1321-4, R1321-3)."""
    when = placeholder("entry_into_force", lang)
    if lang == "en":
        return (
            f"Entry into force: {when}, at least one month after the later of filing with "
            "the greffe of the conseil de prud’hommes and publicity (Code du travail, "
            "art. L1321-4 and R1321-3)."
        )
    return (
        f"Entrée en vigueur : {when}, au moins un mois après la dernière des formalités de "
        "dépôt au greffe du conseil de prud’hommes et de publicité (Code du travail, "
        "art. L1321-4 et R1321-3)."
    )


def cover_status(
    status: CharterStatus | str, size_band: SizeBand | str | None, lang: str
) -> list[str]:
    """The sentences under « Statut envisagé » on a cover, for this status and size band.

    A guide: no new obligation, misconduct still sanctionable under the existing rules. An
    addition to the règlement intérieur: the formalities before it binds anyone, and the
    entry into force one month after them (``entry_into_force``).
    """
    en = lang == "en"
    if status != CharterStatus.ANNEX_RI:
        return [
            "As a pedagogical guide, the charter creates no new obligation: misconduct online "
            "remains sanctionable under the law, the employment contract and the existing "
            "règlement intérieur (work rules)."
            if en
            else "Guide pédagogique, la charte ne crée pas d’obligation nouvelle : les fautes "
            "commises en ligne restent sanctionnables sur le fondement de la loi, du contrat "
            "de travail et du règlement intérieur existant."
        ]
    no_cse = cse_required(size_band) is False
    if en:
        opinion = "the CSE’s opinion (if there is one)" if no_cse else "the CSE’s opinion"
        first = (
            "As an addition to the règlement intérieur (Code du travail, art. L1321-5), the "
            f"charter will bind employees only after {opinion}, filing with the greffe of "
            "the conseil de prud’hommes, publicity and sending it to the labour inspector."
        )
    else:
        opinion = "l’avis du CSE, s’il en existe un" if no_cse else "l’avis du CSE"
        first = (
            "Adjonction au règlement intérieur (Code du travail, art. L1321-5), la charte ne "
            f"sera opposable aux salariés qu’après {opinion}, le dépôt au greffe du conseil "
            "de prud’hommes, la publicité et la communication à l’inspection du travail."
        )
    return [first, entry_into_force(lang)]
