"""The draft charter as a Word document, for the lawyers' review.

What the workshop produced becomes a document a lawyer can annotate: a cover that says it
is a working draft, a preamble drawn from the workshop (purpose, position on the
support/control matrix, principles), the adopted clauses as numbered articles grouped by
theme, reservations as Word comments on their article, then the accompaniment plan, the
open points, the participants and the legal points to check.

Only the snapshot is read, so exporting never changes the workshop. The document is built
in memory and written through ``common.atomic_write``: a failure leaves no partial file.
Articles are numbered in the text, not with Word list numbering, so numbering stays right
whatever template the facilitator gives.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from importlib.resources import files
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from workshop.errors import WorkshopError
from workshop.exports.common import (
    ExportOptions,
    adopted_position,
    atomic_write,
    clean,
    language,
    open_points,
    shown_name,
)
from workshop.exports.common import target as target_position
from workshop.exports.legal import DISCLAIMER, legal_notes
from workshop.exports.names import ensure_filtered
from workshop.matrix import Position, Quadrant, quadrant_description, quadrant_name, quadrant_of
from workshop.model import ActionKind, BallotState, CharterStatus, Choice, Outcome, label
from workshop.snapshot import Clause, Remark, Snapshot
from workshop.textfmt import long_date
from workshop.textfmt import number as format_number

VERSION = "0.1"
HEADER_FILL = "DCE3EC"  # table header rows: light enough for black text in any template


def _nbsp(text: str) -> str:
    """French typography for our own texts: no-break spaces before : ; ! ? and inside « »."""
    text = re.sub(r" ([:;!?])", "\u00a0\\1", text)
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")


_FR = {
    "title": "Charte d’utilisation des médias sociaux — projet",
    "version_dated": "Version {version} — projet issu de l’atelier du {date}",
    "version": "Version {version} — projet issu de l’atelier",
    "issued": "Document établi le {date}",
    "status_line": "Document de travail — pour revue juridique",
    "intended": "Statut envisagé de la charte : {status}.",
    "intended_annex": "Annexée au règlement intérieur, la charte ne sera opposable qu’après avis "
    "du CSE, communication à l’inspection du travail et dépôt au greffe du conseil de "
    "prud’hommes (Code du travail, art.\u00a0L1321-4).",
    "intended_guide": "Guide pédagogique, la charte ne crée ni obligation nouvelle ni sanction : "
    "elle rappelle les règles existantes et les bonnes pratiques.",
    "workshop_line": "Atelier « {title} »",
    "facilitated": "Animation : {name}",
    "preamble": "Préambule",
    "purpose_1": "Les médias sociaux font partie de la vie professionnelle : chacun peut y "
    "parler de son métier, de ses collègues et de {org}. Cette charte a été écrite ensemble, "
    "clause par clause, {when}{who}.",
    "when_dated": "lors de l’atelier du {date}",
    "when": "en atelier",
    "who": ", par {n} participants issus des collèges suivants : {colleges}",
    "purpose_2": "Son objet est d’accompagner plutôt que de contrôler. Chaque service et chaque "
    "salarié est une voix légitime de l’entreprise : la charte donne à chacun des repères "
    "pour s’exprimer en confiance, rappelle les règles que la loi impose déjà et indique où "
    "trouver de l’aide.",
    "purpose_3": "Elle ne restreint les droits et libertés des salariés que lorsque la nature "
    "de la tâche le justifie et dans la mesure où la restriction est proportionnée au but "
    "recherché (Code du travail, art.\u00a0L1121-1). Elle ne limite ni le droit d’expression "
    "directe et collective des salariés sur leur travail, ni le droit de signaler une alerte.",
    "position": "Positionnement de la charte",
    "axes": "Sur la matrice accompagnement/contrôle, graduée de 0 à 10 sur chaque axe, ",
    "target": "les participants ont fixé comme cible un accompagnement de {s} et un contrôle "
    "de {c}, soit le quadrant « {name} ».",
    "no_target": "aucune cible n’a été fixée ; les clauses adoptées placent la charte à un "
    "accompagnement de {s} et un contrôle de {c}, soit le quadrant « {name} ».",
    "adopted_same": "Les clauses adoptées placent la charte à {s} en accompagnement et {c} en "
    "contrôle, dans le même quadrant.",
    "adopted_other": "Les clauses adoptées placent la charte à {s} en accompagnement et {c} en "
    "contrôle, dans le quadrant « {name} » : l’écart avec la cible est à examiner.",
    "no_position": "La position de la charte sur la matrice accompagnement/contrôle n’a pas été "
    "déterminée en atelier.",
    "principles": "Principes",
    "principles_intro": "Cette position se traduit par les principes suivants :",
    "plan_sentence": "La charte est indissociable de son plan d’accompagnement (annexe 1) : "
    "{n} actions de formation, d’information et d’outillage pour que chacun se l’approprie.",
    "plan_sentence_1": "La charte est indissociable de son plan d’accompagnement (annexe 1), "
    "pour que chacun se l’approprie.",
    "plan_missing": "La charte doit s’accompagner d’un plan d’accompagnement (annexe 1), qui "
    "reste à définir.",
    "articles": "Articles",
    "no_article": "Aucune clause n’a encore été adoptée.",
    "article": "Article {n} — ",
    "justification": "Justification de la restriction : ",
    "reservation": "Réserve : {text}",
    "workshop_author": "Atelier",
    "annex_plan": "Annexe 1 — Plan d’accompagnement",
    "plan_intro": "Actions décidées en atelier pour accompagner la mise en œuvre de la charte.",
    "plan_empty": "Aucune action n’a encore été décidée.",
    "plan_cols": ("Action", "Type", "Public", "Pilote", "Échéance"),
    "annex_open": "Annexe 2 — Points ouverts",
    "open_intro": "Clauses examinées en atelier mais qui ne figurent pas dans le projet : "
    "rejetées, reportées ou pas encore décidées. Elles restent à trancher.",
    "open_empty": "Aucun point ouvert : toutes les clauses examinées ont été adoptées.",
    "theme_status": "Thème : {theme} — statut : {status}",
    "undecided": "non décidée",
    "reasons": "Motif :",
    "objection": "Objection ({who}) : {text}",
    "objection_anon": "Objection : {text}",
    "note": "Note : {text}",
    "never_voted": "Non soumise au vote.",
    "voting": "Vote en cours au moment de l’export.",
    "no_reason": "Aucun motif consigné.",
    "last_wording": "Dernière rédaction examinée :",
    "annex_people": "Annexe 3 — Participants à l’atelier",
    "people_intro": "Personnes ayant pris part à la rédaction, par collège.",
    "people_intro_anon": "Personnes ayant pris part à la rédaction, désignées par pseudonyme.",
    "people_cols": ("Nom", "Fonction", "Collège"),
    "people_cols_anon": ("Pseudonyme", "Collège"),
    "people_empty": "Aucun participant enregistré.",
    "legal": "Points de vigilance juridique",
    "legal_intro": "À l’attention des juristes : cette section accompagne le projet et n’a pas "
    "vocation à figurer dans la charte définitive.",
    "basis": "Fondement : ",
    "concerned": "Clauses concernées : ",
    "header": "{title} · version {version}",
    "footer": "Document de travail — page ",
    "of": " / ",
    "keywords": "charte; médias sociaux; réseaux sociaux; projet; {org}",
    "subject": "Projet de charte issu de l’atelier « {title} »",
    "category": "Charte",
    "content_status": "Projet",
}

_EN = {
    "title": "Social media charter — draft",
    "version_dated": "Version {version} — draft from the workshop of {date}",
    "version": "Version {version} — draft from the workshop",
    "issued": "Issued on {date}",
    "status_line": "Working document — for legal review",
    "intended": "Intended status of the charter: {status}.",
    "intended_annex": "As an annex to the work rules (règlement intérieur), the charter will "
    "be enforceable only after the CSE’s opinion, sending it to the labour inspector and "
    "filing it with the conseil de prud’hommes (Code du travail, art.\u00a0L1321-4).",
    "intended_guide": "As a pedagogical guide, the charter creates no new obligation and no "
    "sanction: it recalls existing rules and good practice.",
    "workshop_line": "Workshop “{title}”",
    "facilitated": "Facilitated by {name}",
    "preamble": "Preamble",
    "purpose_1": "Social media are part of working life: anyone may talk there about their "
    "job, their colleagues and {org}. This charter was written together, clause by clause, "
    "{when}{who}.",
    "when_dated": "at the workshop of {date}",
    "when": "in a workshop",
    "who": ", by {n} participants from the following groups: {colleges}",
    "purpose_2": "Its purpose is to accompany rather than to control. Every department and "
    "every employee is a legitimate voice of the company: the charter gives everyone "
    "landmarks to speak with confidence, recalls the rules the law already sets and says "
    "where to find help.",
    "purpose_3": "It restricts employees’ rights and freedoms only where the nature of the "
    "task justifies it and as far as the restriction is proportionate to its aim (Code du "
    "travail, art.\u00a0L1121-1). It limits neither employees’ right to direct and collective "
    "expression about their work nor the right to blow the whistle.",
    "position": "Where the charter stands",
    "axes": "On the support/control matrix, graded from 0 to 10 on each axis, ",
    "target": "the participants set as their target a support of {s} and a control of {c}, "
    "in the “{name}” quadrant.",
    "no_target": "no target was set; the adopted clauses place the charter at a support of {s} "
    "and a control of {c}, in the “{name}” quadrant.",
    "adopted_same": "The adopted clauses place the charter at {s} in support and {c} in "
    "control, in the same quadrant.",
    "adopted_other": "The adopted clauses place the charter at {s} in support and {c} in "
    "control, in the “{name}” quadrant: the gap with the target needs a look.",
    "no_position": "The charter’s position on the support/control matrix was not set in the "
    "workshop.",
    "principles": "Guiding principles",
    "principles_intro": "This position translates into the following principles:",
    "plan_sentence": "The charter comes with its accompaniment plan (annex 1): {n} training, "
    "information and equipment actions so that everyone can make it their own.",
    "plan_sentence_1": "The charter comes with its accompaniment plan (annex 1), so that "
    "everyone can make it their own.",
    "plan_missing": "The charter must come with an accompaniment plan (annex 1), which is yet "
    "to be defined.",
    "articles": "Articles",
    "no_article": "No clause has been adopted yet.",
    "article": "Article {n} — ",
    "justification": "Why this restriction: ",
    "reservation": "Reservation: {text}",
    "workshop_author": "Workshop",
    "annex_plan": "Annex 1 — Accompaniment plan",
    "plan_intro": "Actions decided in the workshop to accompany the charter’s roll-out.",
    "plan_empty": "No action has been decided yet.",
    "plan_cols": ("Action", "Kind", "Audience", "Owner", "Due"),
    "annex_open": "Annex 2 — Open points",
    "open_intro": "Clauses reviewed in the workshop that are not in the draft: rejected, "
    "postponed or not yet decided. They remain to be settled.",
    "open_empty": "No open point: every clause reviewed was adopted.",
    "theme_status": "Theme: {theme} — status: {status}",
    "undecided": "undecided",
    "reasons": "Reason:",
    "objection": "Objection ({who}): {text}",
    "objection_anon": "Objection: {text}",
    "note": "Note: {text}",
    "never_voted": "Not put to the vote.",
    "voting": "Vote in progress at the time of export.",
    "no_reason": "No reason recorded.",
    "last_wording": "Last wording reviewed:",
    "annex_people": "Annex 3 — Workshop participants",
    "people_intro": "People who took part in the drafting, by group.",
    "people_intro_anon": "People who took part in the drafting, by pseudonym.",
    "people_cols": ("Name", "Function", "Group"),
    "people_cols_anon": ("Pseudonym", "Group"),
    "people_empty": "No participant registered.",
    "legal": "Legal points to check",
    "legal_intro": "For the lawyers: this section comes with the draft and is not meant to "
    "appear in the final charter.",
    "basis": "Basis: ",
    "concerned": "Clauses concerned: ",
    "header": "{title} · version {version}",
    "footer": "Working document — page ",
    "of": " / ",
    "keywords": "charter; social media; draft; {org}",
    "subject": "Draft charter from the workshop “{title}”",
    "category": "Charter",
    "content_status": "Draft",
}

_TEXTS = {
    "fr": {k: tuple(map(_nbsp, v)) if isinstance(v, tuple) else _nbsp(v) for k, v in _FR.items()},
    "en": _EN,
}

_PRINCIPLES: dict[Quadrant, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Quadrant.TRUST: (
        (
            "Chaque salarié est libre de parler de son métier et de l’entreprise ; la charte "
            "l’y aide plutôt qu’elle ne l’encadre.",
            "Les règles sont peu nombreuses et s’en tiennent à ce que la loi et le respect des "
            "personnes imposent.",
            "L’entreprise forme, outille et soutient ceux qui prennent la parole, à commencer "
            "par les volontaires.",
            "En cas de doute ou de maladresse, chacun sait vers qui se tourner, sans crainte "
            "d’être sanctionné pour une erreur de bonne foi.",
        ),
        (
            "Every employee is free to talk about their job and the company; the charter helps "
            "them do so rather than fencing them in.",
            "Rules are few and keep to what the law and respect for people require.",
            "The company trains, equips and backs those who speak up, volunteers first.",
            "In doubt or after a blunder, everyone knows whom to turn to, without fear of a "
            "sanction for an honest mistake.",
        ),
    ),
    Quadrant.FRAMED: (
        (
            "Des règles claires, chacune justifiée par un but précis et proportionnée à ce but.",
            "Chaque règle s’accompagne d’une formation, d’exemples et d’un interlocuteur "
            "identifié.",
            "Les dispositifs de contrôle sont connus de tous avant leur mise en œuvre, et le CSE "
            "est consulté.",
            "La charte est revue chaque année avec les représentants du personnel.",
        ),
        (
            "Clear rules, each justified by a precise aim and proportionate to it.",
            "Every rule comes with training, examples and a named contact.",
            "Monitoring devices are made known to everyone before they are used, and the CSE "
            "is consulted.",
            "The charter is reviewed every year with the staff representatives.",
        ),
    ),
    Quadrant.LOCKDOWN: (
        (
            "La protection de l’entreprise prime : la parole en son nom est réservée à des "
            "personnes désignées.",
            "Chaque interdiction est justifiée, proportionnée et portée à la connaissance de "
            "tous avant de s’appliquer.",
            "Des règles sans accompagnement restent lettre morte : une information claire et "
            "un interlocuteur sont prévus au minimum.",
        ),
        (
            "Protecting the company comes first: speaking in its name is kept to designated "
            "people.",
            "Every ban is justified, proportionate and made known to all before it applies.",
            "Rules without accompaniment stay a dead letter: clear information and a contact "
            "person are the minimum.",
        ),
    ),
    Quadrant.LAISSEZ_FAIRE: (
        (
            "La charte s’en tient au droit commun : liberté d’expression, respect des "
            "personnes, confidentialité.",
            "Chacun reste responsable de ce qu’il publie, sans procédure ni validation préalable.",
            "Les questions se traitent au cas par cas avec la communication ou les ressources "
            "humaines.",
        ),
        (
            "The charter keeps to the general law: freedom of expression, respect for people, "
            "confidentiality.",
            "Everyone remains responsible for what they post, with no procedure or prior approval.",
            "Questions are handled case by case with communications or HR.",
        ),
    ),
}

_PROPERTY_MAX = 255  # python-docx refuses longer core-property texts


def _apply(paragraph: Paragraph, style: object) -> None:
    """Set a paragraph style by id: ``paragraph.style = style`` looks the style up again."""
    paragraph._p.style = style.style_id  # type: ignore[attr-defined]


def format_date(value: str | date | None, lang: str) -> str:
    """A date as people write it: « 1er décembre 2026 », "3 December 2026"; "—" if unknown."""
    return clean(long_date(value, lang))


def _number(value: float, lang: str) -> str:
    """A matrix coordinate with one decimal, decimal comma in French (« 7,5 »; « 7 »)."""
    return format_number(value, lang)


def _quoted(text: str, lang: str) -> str:
    return f"“{text}”" if lang == "en" else f"«\u00a0{text}\u00a0»"


def _lines(text: str | None) -> list[str]:
    """User text as paragraphs: control characters dropped, blank lines skipped."""
    body = clean(text).replace("\r\n", "\n").replace("\r", "\n")
    return [line for line in body.split("\n") if line.strip()]


def _initials(name: str) -> str:
    """Initials for a comment author: « Représentants du personnel » → « RP », "DSI" → "DSI"."""
    words = [w for w in re.split(r"[\s\-’']+", name) if w]
    if len(words) == 1:
        word = words[0]
        return word if word.isupper() and len(word) <= 4 else word[:1].upper()
    letters = [w[0].upper() for w in words if len(w) > 2 or w[0].isupper()]
    return "".join(letters[:3]) or name[:1].upper()


def _utc(moment: datetime) -> datetime:
    """python-docx writes core dates with a literal Z: give it UTC (naive means UTC)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _property(text: str) -> str:
    text = clean(text).replace("\n", " ")
    return text if len(text) <= _PROPERTY_MAX else text[: _PROPERTY_MAX - 1] + "…"


class _Charter:
    """One export: the document being built, the language and the options."""

    def __init__(self, snap: Snapshot, options: ExportOptions, doc: DocxDocument) -> None:
        self.snap = snap
        self.options = options
        self.lang = "en" if language(snap, options) == "en" else "fr"
        self.t = _TEXTS[self.lang]
        self.doc = doc
        self.adopted = [c for c in snap.clauses if c.adopted]
        self.articles: dict[int, int] = {}  # clause id → article number

    def typo(self, text: str) -> str:
        """The app's own texts from other modules, with the document's typography
        (curly apostrophes, and French no-break spaces); never applied to user text."""
        text = text.replace("'", "’")
        return _nbsp(text) if self.lang == "fr" else text

    # -- styles, with graceful fallback for a facilitator's own template ------------------
    def style(self, *names: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> object | None:
        """The first of ``names`` the template defines with the right type, else None.

        Cached: python-docx walks every style of the template at each lookup, which made
        styling the main cost of a large export.
        """
        cache = self.__dict__.setdefault("_style_cache", {})
        key = (names, kind)
        if key not in cache:
            cache[key] = None
            for name in names:
                try:
                    style = self.doc.styles[name]
                except KeyError:
                    continue
                if style.type == kind:
                    cache[key] = style
                    break
        return cache[key]

    def paragraph(self, text: str = "", *styles: str, italic: bool = False) -> Paragraph:
        p = self.doc.add_paragraph()
        style = self.style(*styles) if styles else None
        if style is not None:
            _apply(p, style)
        if text:
            p.add_run(text).italic = italic or None
        return p

    def heading(self, text: str, level: int = 1, *, new_page: bool = False) -> Paragraph:
        p = self.paragraph(text, f"Heading {level}", "Heading 1", "Title")
        if p.style is None or p.style.name == "Normal":
            for run in p.runs:
                run.bold = True
        if new_page:
            p.paragraph_format.page_break_before = True
        return p

    def bullet(self, text: str) -> Paragraph:
        style = self.style("List Bullet")
        if style is None:
            return self.paragraph("•\u00a0" + text)
        p = self.doc.add_paragraph()
        _apply(p, style)
        p.add_run(text)
        return p

    # -- the parts of the document ----------------------------------------------------------
    def build(self) -> None:
        _set_language(self.doc, self.lang)
        self.cover()
        self.preamble()
        self.article_list()
        self.plan()
        self.open_points()
        self.participants()
        self.legal()
        self.header_footer()
        self.properties()

    def workshop_date(self) -> str | None:
        w = self.snap.workshop
        return w.date or (w.created_at[:10] if w.created_at else None)

    def cover(self) -> None:
        t, w = self.t, self.snap.workshop
        organisation = self.paragraph(clean(w.organisation), "Subtitle", "Normal")
        organisation.paragraph_format.space_before = Cm(5)
        self.paragraph(t["title"], "Title", "Heading 1")
        when = self.workshop_date()
        version = (
            t["version_dated"].format(version=VERSION, date=format_date(when, self.lang))
            if when
            else t["version"].format(version=VERSION)
        )
        self.paragraph(version, "Subtitle", "Normal")
        today = datetime.now().astimezone().date()
        self.paragraph(t["issued"].format(date=format_date(today, self.lang)), "Normal")
        status = self.paragraph(t["status_line"], "Status Line", "Subtitle", "Normal")
        if status.style is None or status.style.name in ("Normal", "Subtitle"):
            status.runs[0].bold = True
        charter_status = _charter_status(w.charter_status)
        self.paragraph(
            t["intended"].format(status=label(charter_status, self.lang)), "Normal"
        ).runs[0].bold = True
        self.paragraph(
            t["intended_annex"]
            if charter_status is CharterStatus.ANNEX_RI
            else t["intended_guide"],
            "Normal",
        )
        details = [t["workshop_line"].format(title=clean(w.title))]
        if w.place:
            details.append(clean(w.place))
        facilitator = self.facilitator()
        if facilitator:
            details.append(t["facilitated"].format(name=facilitator))
        meta = self.paragraph(" · ".join(details), "Note", "Normal")
        meta.paragraph_format.space_before = Cm(1)

    def facilitator(self) -> str:
        """The facilitator's name, unless it is also a participant's that must not be shown."""
        name = clean(self.snap.workshop.facilitator).strip()
        if not name:
            return ""
        for p in self.snap.participants:
            if p.name.strip().casefold() == name.casefold():
                return clean(shown_name(p, self.options))
        return name

    def preamble(self) -> None:
        t, lang = self.t, self.lang
        self.heading(t["preamble"], new_page=True)
        when = self.workshop_date()
        who = ""
        people = self.snap.participants
        if people:
            college_ids = {p.college_id for p in people}
            names = [clean(c.name) for c in self.snap.colleges if c.id in college_ids]
            who = t["who"].format(n=len(people), colleges=", ".join(names))
        self.paragraph(
            t["purpose_1"].format(
                org=clean(self.snap.workshop.organisation),
                when=t["when_dated"].format(date=format_date(when, lang)) if when else t["when"],
                who=who,
            ),
            "Normal",
        )
        self.paragraph(t["purpose_2"], "Normal")
        self.paragraph(t["purpose_3"], "Normal")

        self.heading(t["position"], 2)
        goal, reached = target_position(self.snap), adopted_position(self.snap)
        reference = goal or reached
        if reference is None:
            self.paragraph(t["no_position"], "Normal")
        else:
            quadrant = quadrant_of(reference)
            key = "target" if goal is not None else "no_target"
            self.paragraph(
                t["axes"] + t[key].format(**self.coordinates(reference, quadrant)), "Normal"
            )
            self.paragraph(self.typo(quadrant_description(quadrant, lang)), "Wording", "Normal")
            if goal is not None and reached is not None:
                same = quadrant_of(reached) == quadrant
                self.paragraph(
                    t["adopted_same" if same else "adopted_other"].format(
                        **self.coordinates(reached, quadrant_of(reached))
                    ),
                    "Normal",
                )
            self.heading(t["principles"], 2)
            self.paragraph(t["principles_intro"], "Normal")
            fr, en = _PRINCIPLES[quadrant]
            for principle in en if lang == "en" else fr:
                self.bullet(principle if lang == "en" else _nbsp(principle))
        actions = len(self.snap.actions)
        if actions > 1:
            self.paragraph(t["plan_sentence"].format(n=actions), "Normal")
        elif actions == 1:
            self.paragraph(t["plan_sentence_1"], "Normal")
        else:
            self.paragraph(t["plan_missing"], "Normal")

    def coordinates(self, position: Position, quadrant: Quadrant) -> dict[str, str]:
        return {
            "s": _number(position.support, self.lang),
            "c": _number(position.control, self.lang),
            "name": self.typo(quadrant_name(quadrant, self.lang)),
        }

    def article_list(self) -> None:
        t = self.t
        if not self.adopted:
            self.heading(t["articles"], new_page=True)
            self.paragraph(t["no_article"], "Normal")
            return
        theme: str | None = None
        first = True
        for number, clause in enumerate(self.adopted, start=1):
            self.articles[clause.id] = number
            if clause.theme_key != theme:
                theme = clause.theme_key
                self.heading(clean(clause.theme_title) or t["articles"], new_page=first)
                first = False
            self.article(number, clause)

    def article(self, number: int, clause: Clause) -> None:
        t = self.t
        head = self.paragraph("", "Article", "Heading 2", "Heading 1")
        runs = [head.add_run(t["article"].format(n=number)), head.add_run(clean(clause.title))]
        if head.style is None or head.style.name == "Normal":
            for run in runs:
                run.bold = True
        for line in _lines(clause.text):
            runs.extend(self.paragraph(line, "Normal").runs)
        variant = clause.variant
        if variant is not None and variant.lean == "control" and variant.justification:
            note = self.paragraph("", "Note", "Normal")
            note.add_run(t["justification"]).bold = True
            note.add_run(clean(variant.justification)).italic = True
        if clause.status is Outcome.ADOPTED_WITH_RESERVATIONS:
            self.comments(clause, runs)

    def comments(self, clause: Clause, runs: Sequence[Run]) -> None:
        """One Word comment per reservation of the deciding round, on the whole article."""
        deciding = clause.last_closed
        if deciding is None:
            return
        for remark in deciding.remarks:
            if remark.kind != Choice.RESERVATION:
                continue
            author = self.remark_college(remark) or self.t["workshop_author"]
            comment = self.doc.add_comment(
                list(runs),
                text=self.t["reservation"].format(text=clean(remark.text)),
                author=author,
                initials=_initials(author),
            )
            if remark.created_at:
                try:
                    comment._comment_elm.date = _utc(datetime.fromisoformat(remark.created_at))
                except ValueError:
                    pass

    def remark_college(self, remark: Remark) -> str:
        """The college a remark speaks for (never a person): its own, or its author's."""
        college_id = remark.college_id
        if college_id is None and remark.participant_id is not None:
            participant = self.snap.participant(remark.participant_id)
            college_id = participant.college_id if participant else None
        college = self.snap.college(college_id)
        return clean(college.name) if college else ""

    def plan(self) -> None:
        t, lang = self.t, self.lang
        self.heading(t["annex_plan"], new_page=True)
        if not self.snap.actions:
            self.paragraph(t["plan_empty"], "Normal")
            return
        self.paragraph(t["plan_intro"], "Normal")
        rows = []
        for action in self.snap.actions:
            rows.append(
                (
                    (clean(action.title), clean(action.description)),
                    (_kind_label(action.kind, lang),),
                    (clean(action.audience) or "—",),
                    (clean(action.owner) or "—",),
                    (format_date(action.due_date, lang),),
                )
            )
        self.table(t["plan_cols"], rows, (5.2, 2.9, 2.8, 2.9, 2.2))

    def table(
        self,
        header: Sequence[str],
        rows: Iterable[Sequence[Sequence[str]]],
        widths_cm: Sequence[float],
    ) -> Table:
        """A table whose header row repeats on each page; each cell holds one or more lines."""
        rows = list(rows)
        widths_cm = self.fit(widths_cm)
        table = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        style = self.style("Charter Table", "Table Grid", kind=WD_STYLE_TYPE.TABLE)
        if style is not None:
            table.style = style
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        text_style = self.style("Table Text")
        for row_index, row in enumerate(table.rows):
            values = [(h,) for h in header] if row_index == 0 else rows[row_index - 1]
            for col, (cell, lines) in enumerate(zip(row.cells, values, strict=True)):
                cell.width = Cm(widths_cm[col])
                first = cell.paragraphs[0]
                for i, line in enumerate(x for x in lines if x):
                    p = first if i == 0 else cell.add_paragraph()
                    if text_style is not None:
                        _apply(p, text_style)
                    run = p.add_run(line)
                    if row_index == 0:
                        run.bold = True
                    elif i > 0:
                        run.italic = True
                if row_index == 0:
                    _shade(cell, HEADER_FILL)
                if text_style is not None and not any(lines):
                    _apply(first, text_style)
        _repeat_header(table.rows[0])
        for col, width in enumerate(widths_cm):
            table.columns[col].width = Cm(width)
        self.paragraph("", "Normal")
        return table

    def fit(self, widths_cm: Sequence[float]) -> list[float]:
        """Column widths scaled to the template's text width (margins differ between templates)."""
        section = self.doc.sections[-1]
        try:
            available = (section.page_width - section.left_margin - section.right_margin) / 360000
        except TypeError:  # a template without page size or margins
            available = 16.0
        if available <= 2:
            available = 16.0
        total = sum(widths_cm)
        return [w * available / total for w in widths_cm]

    def open_points(self) -> None:
        t = self.t
        self.heading(t["annex_open"], new_page=True)
        points = open_points(self.snap)
        if not points:
            self.paragraph(t["open_empty"], "Normal")
            return
        self.paragraph(t["open_intro"], "Normal")
        for clause in points:
            self.heading(clean(clause.title), 2)
            # Keep the heading, status and reasons with the first line of the wording.
            self.paragraph(
                t["theme_status"].format(
                    theme=clean(clause.theme_title), status=self.status_label(clause)
                ),
                "Note",
                "Normal",
            ).paragraph_format.keep_with_next = True
            self.label(t["reasons"])
            for reason in self.reasons(clause):
                self.bullet(reason).paragraph_format.keep_with_next = True
            self.label(t["last_wording"]).paragraph_format.space_before = Cm(0.25)
            for line in _lines(clause.text):
                self.paragraph(line, "Wording", "Quote", "Normal")

    def label(self, text: str) -> Paragraph:
        """A bold lead-in kept on the page of what it introduces."""
        p = self.paragraph(text, "Normal")
        p.runs[0].bold = True
        p.paragraph_format.keep_with_next = True
        return p

    def status_label(self, clause: Clause) -> str:
        if clause.status is not None:
            return label(clause.status, self.lang)
        if any(b.is_open for b in clause.ballots):
            return label(BallotState.OPEN, self.lang)
        return self.t["undecided"]

    def reasons(self, clause: Clause) -> list[str]:
        """Why a clause is not in the charter: objections, the clause's note, or no vote."""
        t = self.t
        reasons = []
        deciding = clause.last_closed
        if deciding is not None:
            for remark in deciding.remarks:
                if remark.kind != Choice.OBJECTION:
                    continue
                who = self.remark_college(remark)
                text = clean(remark.text)
                reasons.append(
                    t["objection"].format(who=who, text=text)
                    if who
                    else t["objection_anon"].format(text=text)
                )
        if clause.note.strip():
            reasons.append(t["note"].format(text=" ".join(_lines(clause.note))))
        if not clause.ballots:
            reasons.append(t["never_voted"])
        elif any(b.is_open for b in clause.ballots):
            reasons.append(t["voting"])  # what is said during a vote stays in the room
        return reasons or [t["no_reason"]]

    def participants(self) -> None:
        t = self.t
        self.heading(t["annex_people"], new_page=True)
        people = self.snap.participants
        if not people:
            self.paragraph(t["people_empty"], "Normal")
            return
        anonymize = self.options.anonymize
        self.paragraph(t["people_intro_anon" if anonymize else "people_intro"], "Normal")
        rows = []
        for p in people:
            college = self.snap.college(p.college_id)
            college_name = clean(college.name) if college else "—"
            name = clean(shown_name(p, self.options))
            if anonymize:
                rows.append(((name,), (college_name,)))
            else:
                # Someone who did not consent is shown by pseudonym; their function would
                # give them away, so it is left out.
                function = clean(p.function) if p.may_be_named else ""
                rows.append(((name,), (function or "—",), (college_name,)))
        if anonymize:
            self.table(t["people_cols_anon"], rows, (8.0, 8.0))
        else:
            self.table(t["people_cols"], rows, (5.6, 5.6, 4.8))

    def legal(self) -> None:
        t = self.t
        self.heading(t["legal"], new_page=True)
        self.paragraph(t["legal_intro"], "Note", "Normal", italic=True)
        by_title = {clean(c.title): self.articles[c.id] for c in self.adopted}
        for note in legal_notes(self.snap, self.lang):
            text = self.typo(note.text)
            self.paragraph(text, "Normal").paragraph_format.keep_with_next = True
            basis = self.paragraph("", "Note", "Normal")
            basis.add_run(t["basis"])
            basis.add_run(self.typo(note.basis)).italic = True
            if note.clauses:
                basis.paragraph_format.space_after = Cm(0)
                concerned = self.paragraph("", "Note", "Normal")
                concerned.add_run(t["concerned"])
                names = []
                for title in note.clauses:
                    title = clean(title)
                    number = by_title.get(title)
                    names.append(
                        f"{self.t['article'].format(n=number)}{title}" if number else title
                    )
                concerned.add_run(" ; ".join(names) if self.lang == "fr" else "; ".join(names))
        disclaimer = self.paragraph("", "Note", "Normal")
        disclaimer.paragraph_format.space_before = Cm(0.4)
        run = disclaimer.add_run(self.typo(DISCLAIMER[self.lang]))
        run.italic = True

    def header_footer(self) -> None:
        """Title and version in the header, « page X / Y » in the footer, after any letterhead."""
        section = self.doc.sections[-1]
        header = _free_paragraph(section.header)
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        header.add_run(self.t["header"].format(title=self.t["title"], version=VERSION))
        footer = _free_paragraph(section.footer)
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run(self.t["footer"])
        _field(footer, "PAGE")
        footer.add_run(self.t["of"])
        _field(footer, "NUMPAGES")

    def properties(self) -> None:
        t, w = self.t, self.snap.workshop
        props = self.doc.core_properties
        organisation = clean(w.organisation)
        props.title = _property(f"{t['title']} — {organisation}")
        props.subject = _property(t["subject"].format(title=clean(w.title)))
        author = self.facilitator() or organisation
        props.author = _property(author)
        props.last_modified_by = _property(author)
        props.keywords = _property(t["keywords"].format(org=organisation))
        props.language = "en-GB" if self.lang == "en" else "fr-FR"
        props.category = t["category"]
        props.comments = t["status_line"]
        props.content_status = t["content_status"]
        props.version = VERSION
        props.revision = 1
        props.created = _created(self.snap)
        props.modified = _utc(datetime.now().astimezone())
        if self.options.anonymize:
            props.identifier = ""  # a template's own may carry a name


def _charter_status(value: str) -> CharterStatus:
    try:
        return CharterStatus(value)
    except ValueError:
        return CharterStatus.GUIDE


def _kind_label(kind: str, lang: str) -> str:
    try:
        return label(ActionKind(kind), lang)
    except ValueError:
        return clean(kind)


def _created(snap: Snapshot) -> datetime:
    """When the draft was born: the workshop day, else when the workshop file was created."""
    w = snap.workshop
    for value in (w.date, w.created_at):
        if value:
            try:
                return _utc(datetime.fromisoformat(value))
            except ValueError:
                continue
    return _utc(datetime.now().astimezone())


def _set_language(doc: DocxDocument, lang: str) -> None:
    """Proofing language of the whole document (Word's spelling and hyphenation)."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang_element = rpr.find(qn("w:lang"))
    if lang_element is None:
        lang_element = OxmlElement("w:lang")
        rpr.append(lang_element)
    lang_element.set(qn("w:val"), "en-GB" if lang == "en" else "fr-FR")


def _repeat_header(row) -> None:
    """Mark a table row as a header row, repeated at the top of each page."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.insert(0, cant_split)


def _shade(cell, fill: str) -> None:
    """Background of a table cell, set directly so it does not depend on the table style."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A complex field (PAGE, NUMPAGES) that Word and LibreOffice update when laying out."""

    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    char("separate")
    paragraph.add_run("1")
    char("end")


def _free_paragraph(part) -> Paragraph:
    """An empty paragraph of a header or footer, added after a template's letterhead."""
    element = part._element
    has_content = bool(element.xpath(".//w:t[normalize-space(.)] | .//w:drawing | .//w:pict"))
    if not has_content and part.paragraphs:
        return part.paragraphs[0]
    return part.add_paragraph()


def _load_template(template: str | os.PathLike | None) -> DocxDocument:
    """Our template, or the facilitator's; a .dotx or a non-Word file is a one-line error."""
    if template is None:
        data = (files("resources") / "templates" / "charter.docx").read_bytes()
        return Document(io.BytesIO(data))
    path = Path(template)
    name = path.name
    try:
        data = path.read_bytes()
    except OSError:
        raise WorkshopError(
            f"Modèle « {name} » introuvable ou illisible.",
            f'Template "{name}" not found or unreadable.',
        ) from None
    try:
        doc = Document(io.BytesIO(data))
    except Exception as exc:  # a foreign file can fail in the zip, OPC or XML layer
        if "template" in str(exc).lower() or path.suffix.lower() in (".dotx", ".dotm"):
            raise WorkshopError(
                f"Modèle « {name} » : c’est un modèle Word (.dotx) ; ouvrez-le dans Word et "
                "enregistrez-le en document .docx.",
                f'Template "{name}": this is a Word template (.dotx); open it in Word and save '
                "it as a .docx document.",
            ) from None
        raise WorkshopError(
            f"Modèle « {name} » : ce n’est pas un document Word (.docx).",
            f'Template "{name}": this is not a Word document (.docx).',
        ) from None
    return doc


def _empty_body(doc: DocxDocument) -> None:
    """Drop a template's sample content, keeping its page setup (the last sectPr)."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    body.get_or_add_sectPr()


def build_charter(
    snap: Snapshot,
    options: ExportOptions = ExportOptions(),
    template: str | os.PathLike | None = None,
) -> DocxDocument:
    """The charter as an in-memory python-docx document (for tests and previews)."""
    doc = _load_template(template)
    _empty_body(doc)
    snap = ensure_filtered(snap, pseudonymise=options.anonymize, lang=language(snap, options))
    _Charter(snap, options, doc).build()
    if options.anonymize:
        _drop_template_properties(doc)
    return doc


# A template's own properties (custom, extended: « Company », « Manager ») may name someone.
_PROPERTY_PARTS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
)


def _drop_template_properties(doc: DocxDocument) -> None:
    """Remove the template's custom and extended properties parts (pseudonymised export)."""
    rels = doc.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype in _PROPERTY_PARTS:
            del rels[r_id]


def write_charter(
    snap: Snapshot,
    target: str | os.PathLike,
    options: ExportOptions = ExportOptions(),
    template: str | os.PathLike | None = None,
) -> Path:
    """Write the draft charter DOCX atomically; returns its path.

    The whole document is built before anything touches the disk, so a bad template or a
    bug leaves no file behind, and the workshop is only read.
    """
    doc = build_charter(snap, options, template)
    return atomic_write(target, lambda path: doc.save(str(path)))
