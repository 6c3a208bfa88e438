"""What the CSE consultation pack says, as plain data: the information note, the grounds
for consulting the CSE, the timetable and the filing checklist, for the charter's status
and the company's size band. ``document`` lays it out; tests read this directly.

Every fact the workshop cannot know (a date, the competent conseil de prud'hommes) is a
placeholder in square brackets (``legal.PLACEHOLDERS``), never stated as done.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.coherence import alerts
from workshop.exports.common import clean
from workshop.exports.legal import (
    DISCLAIMER,
    LegalNote,
    adopted_with,
    cover_status,
    cse_consulted_on_monitoring,
    cse_required,
    legal_notes,
    placeholder,
)
from workshop.model import CharterStatus, Lean, SizeBand, label
from workshop.snapshot import Clause, Snapshot
from workshop.textfmt import long_date

#: Coherence alerts that must be settled before the pack goes to the CSE.
BLOCKING_ALERTS = ("status_contradiction", "sanctions_in_guide")


@dataclass(frozen=True)
class Ground:
    """A reason to inform or consult the CSE (or to note that none is owed)."""

    title: str
    text: str
    basis: str
    clauses: tuple[str, ...] = ()
    consult: bool = True  # does it call for a CSE meeting and opinion?


@dataclass(frozen=True)
class Step:
    """One line of the timetable: what is done, on which basis, and when (to fill in)."""

    what: str
    basis: str
    when: str


@dataclass(frozen=True)
class Pack:
    lang: str
    title: str
    organisation: str
    subtitle: str
    status: str
    size: str
    status_lines: tuple[str, ...]
    warnings: tuple[str, ...]
    note: tuple[str, ...]
    grounds: tuple[Ground, ...]
    steps: tuple[Step, ...]
    checklist: tuple[str, ...]
    notes: tuple[LegalNote, ...]
    disclaimer: str


class _Words:
    """French or English, one call per sentence."""

    def __init__(self, lang: str) -> None:
        self.en = lang == "en"
        self.lang = "en" if self.en else "fr"

    def __call__(self, fr: str, en: str) -> str:
        return en if self.en else fr

    def ph(self, key: str) -> str:
        return placeholder(key, self.lang)


def _titles(clauses: list[Clause]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(clean(c.title) for c in clauses))


def _control(snapshot: Snapshot) -> list[Clause]:
    return [
        c
        for c in snapshot.clauses
        if c.adopted and c.variant is not None and c.variant.lean == Lean.CONTROL
    ]


def _grounds(snapshot: Snapshot, w: _Words) -> list[Ground]:
    annex = snapshot.workshop.charter_status == CharterStatus.ANNEX_RI
    band = snapshot.workshop.size_band
    cse = cse_required(band)
    big = cse_consulted_on_monitoring(band)
    monitoring = adopted_with(snapshot, "monitoring")
    technology = adopted_with(snapshot, "new_technology")
    alert = adopted_with(snapshot, "whistleblowing")
    grounds: list[Ground] = []
    if annex:
        text = w(
            "La charte devient une adjonction au règlement intérieur : elle ne peut être "
            "introduite qu’après avis du CSE, avis consultatif joint au texte lors de sa "
            "communication à l’inspection du travail.",
            "The charter becomes an addition to the règlement intérieur (work rules): it may "
            "be introduced only after the CSE’s opinion, an advisory opinion sent with the "
            "text to the labour inspector.",
        )
        if cse is False:
            text += w(
                " Sous 11 salariés, aucun CSE n’est obligatoire : s’il en existe un, recueillir "
                "son avis.",
                " Below 11 employees no CSE is required: if there is one, obtain its opinion.",
            )
        grounds.append(
            Ground(
                w(
                    "Avis sur l’adjonction au règlement intérieur",
                    "Opinion on the addition to the work rules",
                ),
                text,
                "Code du travail, art. L1321-4, L1321-5",
            )
        )
    if monitoring:
        if big is False:
            text = w(
                "Sous 50 salariés, la consultation du CSE sur les moyens de contrôle n’est pas "
                "prévue ; les salariés sont en tout cas informés avant la mise en œuvre.",
                "Below 50 employees, consulting the CSE on means of monitoring is not "
                "provided for; employees are in any case informed before use.",
            )
        else:
            text = w(
                "Information et consultation préalables du CSE sur les moyens ou techniques "
                "permettant un contrôle de l’activité des salariés (entreprises d’au moins 50 "
                "salariés), et information préalable des salariés.",
                "Prior information and consultation of the CSE on the means or techniques "
                "allowing employees’ activity to be monitored (companies of at least 50 "
                "employees), and prior information of employees.",
            )
        grounds.append(
            Ground(
                w("Dispositifs de veille ou de filtrage", "Monitoring or filtering devices"),
                text,
                "Code du travail, art. L2312-38, L1222-4",
                _titles(monitoring),
                consult=big is not False,
            )
        )
    if technology and big is not False:
        grounds.append(
            Ground(
                w("Nouveaux outils", "New tools"),
                w(
                    "Information et consultation du CSE sur l’introduction de nouvelles "
                    "technologies (entreprises d’au moins 50 salariés).",
                    "Informing and consulting the CSE on the introduction of new "
                    "technologies (companies of at least 50 employees).",
                ),
                "Code du travail, art. L2312-8",
                _titles(technology),
            )
        )
    if alert and big is not False:
        grounds.append(
            Ground(
                w("Procédure interne d’alerte", "Internal whistleblowing procedure"),
                w(
                    "La charte renvoie au canal interne de signalement : dans les entités d’au "
                    "moins 50 salariés, cette procédure est établie après consultation des "
                    "instances de dialogue social ; vérifier qu’elle existe.",
                    "The charter refers to the internal reporting channel: in entities of at "
                    "least 50 employees, that procedure is set up after consulting the social "
                    "dialogue bodies; check that it exists.",
                ),
                w(
                    "Loi n° 2016-1691, art. 8 I B ; décret n° 2022-1284",
                    "Loi 2016-1691, art. 8 I B; décret 2022-1284",
                ),
                _titles(alert),
                consult=False,  # the procedure's own consultation, not the charter's
            )
        )
    if not grounds:
        grounds.append(
            Ground(
                w("Aucune consultation obligatoire identifiée", "No mandatory consultation found"),
                w(
                    "Pour un guide sans dispositif de contrôle ni nouvel outil, l’atelier "
                    "n’identifie pas de consultation obligatoire ; présenter le guide au CSE "
                    "reste une bonne pratique, non une obligation.",
                    "For a guide with no monitoring device or new tool, the workshop finds no "
                    "mandatory consultation; presenting the guide to the CSE remains good "
                    "practice, not an obligation.",
                ),
                "Code du travail, art. L1321-5",
                consult=False,
            )
        )
    return grounds


def _steps(snapshot: Snapshot, grounds: list[Ground], w: _Words) -> list[Step]:
    annex = snapshot.workshop.charter_status == CharterStatus.ANNEX_RI
    no_cse = cse_required(snapshot.workshop.size_band) is False
    consulted = [g for g in grounds if g.consult]
    maybe = w(" (si un CSE existe)", " (if there is a CSE)") if no_cse else ""
    steps: list[Step] = []
    if consulted:
        steps += [
            Step(
                w("Transmission du dossier aux membres du CSE", "File sent to the CSE members")
                + maybe,
                w("informations précises et écrites", "precise written information"),
                w.ph("cse_sent"),
            ),
            Step(
                w("Réunion du CSE : présentation et consultation", "CSE meeting: consultation")
                + maybe,
                w(" ; ", "; ").join(g.basis for g in consulted),
                w.ph("cse_meeting"),
            ),
            Step(
                w("Avis du CSE", "CSE’s opinion") + maybe,
                "Code du travail, art. L1321-4" if annex else consulted[0].basis,
                w.ph("cse_opinion"),
            ),
        ]
    if adopted_with(snapshot, "monitoring"):
        steps.append(
            Step(
                w(
                    "Information des salariés sur les dispositifs, avant leur mise en œuvre",
                    "Employees informed of the devices, before they are used",
                ),
                "Code du travail, art. L1222-4",
                w.ph("employees_informed"),
            )
        )
    if annex:
        steps += [
            Step(
                w("Dépôt au greffe du ", "Filing with the greffe of the ") + w.ph("greffe"),
                "Code du travail, art. R1321-2",
                w.ph("filing"),
            ),
            Step(
                w(
                    "Publicité : portée par tout moyen à la connaissance des personnes ayant "
                    "accès aux lieux de travail et aux locaux d’embauche",
                    "Publicity: brought by any means to the knowledge of the people with "
                    "access to the workplaces and hiring premises",
                ),
                "Code du travail, art. R1321-1",
                w.ph("publicity"),
            ),
            Step(
                w(
                    "Communication à l’inspecteur du travail, en deux exemplaires, avec l’avis "
                    "du CSE, en même temps que la publicité",
                    "Sent to the labour inspector, in two copies, with the CSE’s opinion, at "
                    "the same time as publicity",
                ),
                "Code du travail, art. L1321-4, R1321-4",
                w.ph("inspection"),
            ),
            Step(
                w(
                    "Entrée en vigueur, au moins un mois après la dernière des formalités de "
                    "dépôt et de publicité",
                    "Entry into force, at least one month after the later of filing and publicity",
                ),
                "Code du travail, art. L1321-4, R1321-3",
                w.ph("entry_into_force"),
            ),
        ]
    else:
        steps.append(
            Step(
                w(
                    "Diffusion du guide à tous les salariés, avec le plan d’accompagnement",
                    "Guide sent to all employees, with the accompaniment plan",
                ),
                w("aucun dépôt ni délai pour un guide", "no filing or delay for a guide"),
                w.ph("publicity"),
            )
        )
    return steps


def _checklist(snapshot: Snapshot, w: _Words) -> list[str]:
    annex = snapshot.workshop.charter_status == CharterStatus.ANNEX_RI
    big = cse_consulted_on_monitoring(snapshot.workshop.size_band)
    sanctions = _titles(adopted_with(snapshot, "sanctions"))
    control = _titles(_control(snapshot))
    items: list[str] = []
    if annex:
        items += [
            w(
                "Avis du CSE recueilli, procès-verbal joint (art. L1321-4).",
                "CSE’s opinion obtained, minutes attached (art. L1321-4).",
            ),
            w(
                "Date d’entrée en vigueur écrite dans la charte, au moins un mois après dépôt "
                "et publicité (art. L1321-4, R1321-3).",
                "Date of entry into force written in the charter, at least one month after "
                "filing and publicity (art. L1321-4, R1321-3).",
            ),
            w(
                "Dépôt au greffe du conseil de prud’hommes du ressort (art. R1321-2).",
                "Filed with the greffe of the competent conseil de prud’hommes (art. R1321-2).",
            ),
            w(
                "Publicité par tout moyen : intranet, affichage, remise (art. R1321-1).",
                "Made public by any means: intranet, notice board, hand-out (art. R1321-1).",
            ),
            w(
                "Deux exemplaires et l’avis du CSE adressés à l’inspecteur du travail "
                "(art. L1321-4, R1321-4).",
                "Two copies and the CSE’s opinion sent to the labour inspector "
                "(art. L1321-4, R1321-4).",
            ),
            w(
                "Le règlement intérieur rappelle les droits de la défense, les harcèlements et "
                "agissements sexistes, et le dispositif de protection des lanceurs d’alerte "
                "(art. L1321-2).",
                "The règlement intérieur recalls the rights of defence, harassment and sexist "
                "conduct, and the whistleblower protection scheme (art. L1321-2).",
            ),
            w(
                "Seules des règles de discipline, de santé et de sécurité entrent au "
                "règlement ; l’accompagnement reste dans un guide joint (art. L1321-1).",
                "Only rules on discipline, health and safety go into the règlement; the "
                "accompaniment stays in an attached guide (art. L1321-1).",
            ),
        ]
        if control:
            items.append(
                w(
                    "Chaque restriction justifiée et proportionnée (art. L1321-3 2°) : ",
                    "Each restriction justified and proportionate (art. L1321-3 2°): ",
                )
                + w(" ; ", "; ").join(control)
                + "."
            )
    else:
        item = w(
            "Aucune clause n’impose d’obligation générale et permanente de discipline ; "
            "sinon, procédure du règlement intérieur (art. L1321-5)",
            "No clause imposes a general and permanent obligation on discipline; "
            "otherwise, the règlement intérieur procedure (art. L1321-5)",
        )
        if sanctions:
            item += w(" — à revoir : ", " — to review: ") + w(" ; ", "; ").join(sanctions)
        items.append(item + ".")
    if adopted_with(snapshot, "monitoring"):
        consulted = (
            ""
            if big is False
            else w("CSE consulté (art. L2312-38) ; ", "CSE consulted (art. L2312-38); ")
        )
        items.append(
            consulted
            + w(
                "salariés informés avant la mise en œuvre (art. L1222-4) ; traitement inscrit "
                "au registre, analyse d’impact si nécessaire (RGPD, art. 30 et 35).",
                "employees informed before use (art. L1222-4); processing entered in the "
                "record, impact assessment where needed (GDPR, art. 30 and 35).",
            )
        )
    if adopted_with(snapshot, "new_technology") and big is not False:
        items.append(
            w(
                "CSE consulté sur les nouveaux outils (art. L2312-8).",
                "CSE consulted on the new tools (art. L2312-8).",
            )
        )
    if big is not False:
        items.append(
            w(
                "Procédure interne de signalement en place, canal nommé dans la charte : ",
                "Internal reporting procedure in place, channel named in the charter: ",
            )
            + w.ph("internal_channel")
            + "."
        )
    if annex:
        items.append(
            w(
                "Même procédure pour toute modification ou tout retrait ultérieur (art. L1321-4).",
                "Same procedure for any later change or withdrawal (art. L1321-4).",
            )
        )
    return items


def _counts(snapshot: Snapshot, adopted: int, w: _Words) -> str:
    """How many clauses were adopted, and how many of them call for the CSE's attention."""
    kinds = (
        ("sanctions", "prévoyant des sanctions", "providing for sanctions"),
        ("monitoring", "prévoyant une veille ou un filtrage", "providing for monitoring"),
        ("new_technology", "introduisant un nouvel outil", "introducing a new tool"),
    )
    parts = []
    for flag, fr, en in kinds:
        n = len(adopted_with(snapshot, flag))
        if n:
            parts.append(f"{n} {en if w.en else fr}")
    head = w(
        f"Le projet compte {adopted} clause{'s' if adopted > 1 else ''} "
        f"adoptée{'s' if adopted > 1 else ''}",
        f"The draft has {adopted} adopted clause{'s' if adopted != 1 else ''}",
    )
    detail = (w(", dont ", ", of which ") + w(" ; ", "; ").join(parts)) if parts else ""
    return (
        head
        + detail
        + w(
            ". Le projet de charte et le compte rendu de l’atelier sont joints.",
            ". The draft charter and the workshop’s minutes are attached.",
        )
    )


def _note(snapshot: Snapshot, w: _Words) -> list[str]:
    ws = snapshot.workshop
    annex = ws.charter_status == CharterStatus.ANNEX_RI
    adopted = [c for c in snapshot.clauses if c.adopted]
    when = ws.date or (ws.created_at[:10] if ws.created_at else None)
    day = clean(long_date(when, w.lang)) if when else ""
    org = clean(ws.organisation) or "—"
    workshop = (
        w(
            f"de l’atelier « {clean(ws.title)} » du {day}",
            f"of the workshop “{clean(ws.title)}” of {day}",
        )
        if day
        else w(f"de l’atelier « {clean(ws.title)} »", f"of the workshop “{clean(ws.title)}”")
    )
    purpose = (
        w(
            "recueillir son avis avant que la charte soit introduite comme adjonction au "
            "règlement intérieur",
            "obtain its opinion before the charter is introduced as an addition to the "
            "règlement intérieur",
        )
        if annex
        else w(
            "l’informer du guide, et le consulter sur les dispositifs qui l’exigent",
            "inform it of the guide, and consult it on the devices that require it",
        )
    )
    lines = [
        w(
            f"Ce dossier accompagne le projet de charte des médias sociaux de {org}, issu "
            f"{workshop}. Il est remis aux membres du CSE pour {purpose}.",
            f"This file comes with the draft social media charter of {org}, drawn from the "
            f"work {workshop}. It is given to the CSE members to {purpose}.",
        ),
        _counts(snapshot, len(adopted), w),
    ]
    if cse_consulted_on_monitoring(ws.size_band) is False:
        return lines
    lines.append(
        w(
            "Dans les entreprises d’au moins 50 salariés, le CSE dispose d’informations "
            "précises et écrites et d’un délai d’examen suffisant (art. L2312-15) ; à défaut "
            "d’accord, il est réputé avoir rendu un avis négatif au terme d’un mois, deux en "
            "cas d’expertise (art. R2312-6). Que ces délais s’appliquent à l’avis sur le "
            "règlement intérieur est à vérifier.",
            "In companies of at least 50 employees, the CSE has precise written information "
            "and enough time to examine it (art. L2312-15); failing an agreement, it is "
            "deemed to have given a negative opinion after one month, two with an expert "
            "(art. R2312-6). Whether these time limits apply to the opinion on the règlement "
            "intérieur is to be checked.",
        )
    )
    return lines


def pack(snapshot: Snapshot, lang: str) -> Pack:
    """Everything the CSE pack prints, for this workshop, in ``lang``."""
    w = _Words(lang)
    ws = snapshot.workshop
    status = CharterStatus(ws.charter_status)
    band = SizeBand(ws.size_band) if ws.size_band else None
    grounds = _grounds(snapshot, w)
    warnings = tuple(a.text for a in alerts(snapshot, w.lang) if a.key in BLOCKING_ALERTS)
    return Pack(
        lang=w.lang,
        title=w("Dossier de consultation du CSE", "CSE consultation pack"),
        organisation=clean(ws.organisation),
        subtitle=w("Charte des médias sociaux — projet", "Social media charter — draft"),
        status=label(status, w.lang),
        size=label(band, w.lang) if band else w("non renseignée", "not entered"),
        status_lines=tuple(cover_status(status, band, w.lang)),
        warnings=warnings,
        note=tuple(_note(snapshot, w)),
        grounds=tuple(grounds),
        steps=tuple(_steps(snapshot, grounds, w)),
        checklist=tuple(_checklist(snapshot, w)),
        notes=tuple(legal_notes(snapshot, w.lang)),
        disclaimer=DISCLAIMER[w.lang],
    )
