"""Legal notes the exports print: pointers for the lawyers, drawn from what was adopted.

These are reminders of procedure (Code du travail, GDPR, Sapin II) triggered by the
charter's intended status and the flags of the adopted variants; they are not legal
advice, and the exports say so.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.model import CharterStatus
from workshop.snapshot import Clause, Snapshot


@dataclass(frozen=True)
class LegalNote:
    key: str
    text: str
    basis: str
    clauses: tuple[str, ...] = ()  # titles of the adopted clauses that call for it


def _adopted_with(snapshot: Snapshot, flag: str) -> list[Clause]:
    return [
        c
        for c in snapshot.clauses
        if c.adopted and c.variant is not None and flag in c.variant.flags
    ]


DISCLAIMER = {
    "fr": "Ces notes signalent des points de procédure à vérifier par les juristes ; "
    "elles ne constituent pas un avis juridique.",
    "en": "These notes point to procedural matters for the lawyers to check; "
    "they are not legal advice.",
}


def legal_notes(snapshot: Snapshot, lang: str = "fr") -> list[LegalNote]:
    """The notes that apply to this workshop's charter, most structural first."""
    fr = lang != "en"
    notes: list[LegalNote] = []
    annex = snapshot.workshop.charter_status == CharterStatus.ANNEX_RI
    sanctions = _adopted_with(snapshot, "sanctions")
    monitoring = _adopted_with(snapshot, "monitoring")
    personal = _adopted_with(snapshot, "personal_data")
    technology = _adopted_with(snapshot, "new_technology")
    titles = lambda cs: tuple(c.title for c in cs)  # noqa: E731

    notes.append(
        LegalNote(
            "proportionality",
            "Toute restriction aux droits et libertés des salariés doit être justifiée par la "
            "nature de la tâche et proportionnée au but recherché ; les clauses de contrôle "
            "indiquent leur justification."
            if fr
            else "Any restriction of employees' rights and freedoms must be justified by the "
            "nature of the task and proportionate to its aim; control-leaning clauses state "
            "their justification.",
            "Code du travail, art. L1121-1",
        )
    )
    if annex:
        notes.append(
            LegalNote(
                "annex_ri",
                "Annexée au règlement intérieur, la charte n’est opposable qu’après avis du CSE, "
                "communication à l’inspection du travail et dépôt au greffe du conseil de "
                "prud’hommes, et un mois après ces formalités."
                if fr
                else "As an annex to the règlement intérieur (work rules), the charter is "
                "enforceable only after the CSE's opinion, sending it to the labour inspector "
                "and filing it with the conseil de prud'hommes, and one month after that.",
                "Code du travail, art. L1321-4 et L1321-5"
                if fr
                else "Code du travail, art. L1321-4 and L1321-5",
            )
        )
    if sanctions and not annex:
        notes.append(
            LegalNote(
                "sanctions_without_annex",
                "Des clauses adoptées prévoient des sanctions alors que la charte est prévue comme "
                "simple guide : une sanction n’est possible que si la charte est annexée au "
                "règlement intérieur (avis du CSE, dépôt). Choisir l’un ou l’autre."
                if fr
                else "Adopted clauses provide for sanctions while the charter is meant as a guide "
                "only: a sanction requires the charter to be annexed to the règlement intérieur "
                "(CSE opinion, filing). Choose one or the other.",
                "Code du travail, art. L1321-1, L1321-4",
                titles(sanctions),
            )
        )
    if monitoring:
        notes.append(
            LegalNote(
                "monitoring",
                "Les dispositifs de veille ou de filtrage prévus doivent être portés à la "
                "connaissance des salariés avant leur mise en œuvre, et le CSE informé et "
                "consulté au préalable."
                if fr
                else "The monitoring or filtering devices provided for must be made known to "
                "employees before they are used, and the CSE informed and consulted beforehand.",
                "Code du travail, art. L1222-4 et L2312-38"
                if fr
                else "Code du travail, art. L1222-4 and L2312-38",
                titles(monitoring),
            )
        )
    if personal or monitoring:
        notes.append(
            LegalNote(
                "gdpr",
                "Les traitements de données personnelles prévus sont à inscrire au registre des "
                "traitements, avec une information des personnes et une durée de conservation "
                "limitée (minimisation)."
                if fr
                else "The processing of personal data provided for must be entered in the "
                "record of processing activities, with information to the people concerned "
                "and a limited retention period (minimisation).",
                "RGPD, art. 5, 13 et 30" if fr else "GDPR, art. 5, 13 and 30",
                titles(personal or monitoring),
            )
        )
    if technology:
        notes.append(
            LegalNote(
                "new_technology",
                "L’introduction de nouveaux outils numériques prévue par la charte relève de la "
                "consultation du CSE sur les nouvelles technologies."
                if fr
                else "Introducing the new digital tools the charter provides for calls for "
                "consulting the CSE on new technologies.",
                "Code du travail, art. L2312-8",
                titles(technology),
            )
        )
    notes.append(
        LegalNote(
            "whistleblowing",
            "La charte ne peut restreindre le droit de signaler une alerte : le canal interne "
            "de signalement doit être rappelé."
            if fr
            else "The charter may not restrict the right to blow the whistle: the internal "
            "reporting channel must be stated.",
            "Loi n° 2016-1691 (Sapin II), modifiée par la loi n° 2022-401"
            if fr
            else "Loi 2016-1691 (Sapin II), as amended by loi 2022-401",
        )
    )
    notes.append(
        LegalNote(
            "expression",
            "Les salariés conservent leur liberté d’expression et leur droit à l’expression "
            "directe et collective sur leur travail ; seuls l’abus, l’injure, la diffamation "
            "ou la divulgation d’informations confidentielles peuvent être reprochés."
            if fr
            else "Employees keep their freedom of expression and their right to direct and "
            "collective expression about their work; only abuse, insult, defamation or "
            "disclosure of confidential information can be held against them.",
            "Code du travail, art. L2281-1 ; loi du 29 juillet 1881"
            if fr
            else "Code du travail, art. L2281-1; loi du 29 juillet 1881",
        )
    )
    return notes
