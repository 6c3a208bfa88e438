"""The minutes of the workshop as a PDF, so nobody has to rebuild them by hand.

Built with reportlab's platypus from a :class:`~workshop.snapshot.Snapshot` only: open
ballots arrive without tallies, so the minutes cannot leak them, and results of closed
rounds are recomputed from the snapshot with :mod:`workshop.voting` (the same rules that
decided them). Every user string goes through :func:`pdf_fonts.markup` (escaped, control
characters dropped, glyphs the fonts lack replaced); every table repeats its header, has
explicit column widths, wraps text in Paragraphs and may split a row across pages, so a
10,000-character clause still prints. The file is written atomically.

Names: the minutes print the snapshot the name filter gave them (``names.ensure_filtered``,
applied by the export registry): pseudonymised, no participant name, function or
facilitator's name appears anywhere (text, metadata, outline); otherwise the participants
who did not consent to be named appear by pseudonym, without their function.
"""

from __future__ import annotations

import difflib
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from workshop import diagnostic, voting
from workshop.errors import WorkshopError
from workshop.exports.common import (
    ExportOptions,
    adopted_position,
    atomic_write,
    language,
    open_points,
)
from workshop.exports.common import target as target_position
from workshop.exports.legal import DISCLAIMER, legal_notes
from workshop.exports.names import ensure_filtered
from workshop.exports.pdf_fonts import (
    FONT,
    FONT_BOLD,
    FONT_ITALIC,
    markup,
    normalise,
    plain,
    register_fonts,
)
from workshop.exports.pdf_matrix import matrix_drawing, placed_participants
from workshop.matrix import quadrant_name, quadrant_of
from workshop.model import (
    ActionKind,
    BallotState,
    CaptureMode,
    CharterStatus,
    Choice,
    Method,
    Outcome,
    SizeBand,
    Step,
    choices_for,
    label,
)
from workshop.snapshot import (
    Amendment,
    Ballot,
    Clause,
    Event,
    Participant,
    Remark,
    Snapshot,
)
from workshop.textfmt import hhmm, long_date, parse_moment

NBSP = "\u00a0"
# A space before French high punctuation or a closing guillemet must not break the line.
_FRENCH_SPACES = re.compile(r"[ \u202f]([:;!?»])")
PAGE = A4
MARGIN = 2 * cm
BODY_WIDTH = PAGE[0] - 2 * MARGIN

INK = colors.HexColor("#1F1F1F")
MUTED = colors.HexColor("#5F5F5F")
RULE = colors.HexColor("#B9BEC7")
HEADER_BG = colors.HexColor("#E4E8EF")
GROUP_BG = colors.HexColor("#F3F4F7")
QUOTE_BG = colors.HexColor("#F5F5F0")
ADDED_BG = colors.HexColor("#DDF0DD")
DELETED = colors.HexColor("#A33A3A")

# Consecutive audit events of one kind and step longer than this become one timeline row.
TIMELINE_RUN = 3


# -- recomputing a round's result from the snapshot -------------------------------------------
@dataclass(frozen=True)
class RoundFigures:
    """Everything the minutes print about a closed round, recomputed from the snapshot."""

    rules: voting.BallotRules
    overall: voting.Tally
    per_college: dict[int, voting.Tally] | None  # None for a secret ballot (totals only)
    result: voting.Result


def round_figures(ballot: Ballot) -> RoundFigures | None:
    """The tallies and result of a closed round; None while it is open or if inconsistent.

    ``operations.ballots.compute_result`` reads the database; the minutes work from a
    snapshot, so this redoes the same steps with the snapshot's voters, votes and counts.
    """
    if ballot.is_open:
        return None
    try:
        rules = voting.BallotRules(
            Method(ballot.method),
            ballot.abstentions_count,
            ballot.double_majority,
            ballot.quorum,
        )
        present = Counter(v.college_id for v in ballot.voters)
        capture = CaptureMode(ballot.capture)
        per_college: dict[int, voting.Tally] | None
        if capture is CaptureMode.NOMINATIVE:
            college_of = {v.participant_id: v.college_id for v in ballot.voters}
            entries = [
                (college_of[v.participant_id], Choice(v.choice))
                for v in ballot.votes
                if v.participant_id in college_of
            ]
            overall, per_college = voting.tally_choices(entries, dict(present))
        elif capture is CaptureMode.COUNTS:
            counts: dict[int, dict[Choice, int]] = {}
            for c in ballot.counts:
                if c.college_id is not None:
                    counts.setdefault(c.college_id, {})[Choice(c.choice)] = c.n
            overall, per_college = voting.tally_counts(counts, dict(present))
        else:
            totals: dict[Choice, int] = {}
            for c in ballot.counts:
                if c.college_id is None:
                    totals[Choice(c.choice)] = totals.get(Choice(c.choice), 0) + c.n
            overall, per_college = voting.Tally(totals, sum(present.values())), None
        reservations = 0
        if rules.method is not Method.CONSENT:
            reservations = sum(1 for r in ballot.remarks if r.kind == Choice.RESERVATION)
        result = voting.decide(rules, overall, per_college, reservations=reservations)
    except (WorkshopError, ValueError, KeyError):
        return None
    return RoundFigures(rules, overall, per_college, result)


# -- text helpers ------------------------------------------------------------------------------
_parse_time = parse_moment
_hhmm = hhmm
_long_date = long_date


def _number(value: float, lang: str) -> str:
    """One decimal always (« 7,0 »), as the tables align on it."""
    text = f"{value:.1f}"
    return text if lang == "en" else text.replace(".", ",")


def _minutes(n: float, lang: str) -> str:
    n = round(n)
    if n >= 60:
        h, m = divmod(n, 60)
        return f"{h}{NBSP}h{NBSP}{m:02d}"
    return f"{n}{NBSP}min"


def _enum_label(enum_cls: type, value: str | None, lang: str) -> str:
    """Label of a stored enumeration value; the raw value when it is unknown."""
    try:
        return label(enum_cls(value), lang)
    except ValueError:
        return value or "—"


@dataclass
class _Ctx:
    """What every section needs: the snapshot, the language, styles and the name filter."""

    snap: Snapshot
    options: ExportOptions
    lang: str
    styles: dict[str, ParagraphStyle] = field(default_factory=dict)

    @property
    def en(self) -> bool:
        return self.lang == "en"

    def tr(self, fr: str, en: str) -> str:
        return en if self.en else fr

    def scrub(self, text: object) -> str:
        """Free text, normalised (names were filtered in the snapshot: ``names``)."""
        return normalise(text)

    def t(self, text: object, face: str = FONT) -> str:
        """User text as Paragraph markup, names filtered, French spacing kept unbreakable."""
        s = self.scrub(text)
        if not self.en:
            s = _FRENCH_SPACES.sub(lambda m: NBSP + m.group(1), s).replace("« ", "«" + NBSP)
        return markup(s, face)

    def p(self, text: str, style: str = "body") -> Paragraph:
        """A Paragraph from markup already made safe."""
        return Paragraph(text, self.styles[style])

    def name(self, participant: Participant | None) -> str:
        if participant is None:
            return "—"
        return participant.shown_name(self.options.anonymize)

    def college_name(self, college_id: int | None) -> str:
        college = self.snap.college(college_id)
        return self.scrub(college.name) if college else "—"


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body",
        fontName=FONT,
        bulletFontName=FONT,
        fontSize=9.5,
        leading=12.8,
        textColor=INK,
        spaceAfter=4,
    )
    s = {"body": base}
    s["small"] = ParagraphStyle("small", base, fontSize=8, leading=10.5, textColor=MUTED)
    s["cell"] = ParagraphStyle("cell", base, fontSize=8.4, leading=10.6, spaceAfter=0)
    s["cellbold"] = ParagraphStyle("cellbold", s["cell"], fontName=FONT_BOLD)
    s["cellhead"] = ParagraphStyle("cellhead", s["cell"], fontName=FONT_BOLD, fontSize=8)
    s["cellitalic"] = ParagraphStyle("cellitalic", s["cell"], fontName=FONT_ITALIC)
    for name in ("cell", "cellbold", "cellhead"):
        s[name + "num"] = ParagraphStyle(name + "num", s[name], alignment=TA_CENTER)
    s["cover_kicker"] = ParagraphStyle(
        "cover_kicker", base, fontName=FONT_BOLD, fontSize=13, leading=16, textColor=MUTED
    )
    s["cover_title"] = ParagraphStyle(
        "cover_title", base, fontName=FONT_BOLD, fontSize=22, leading=28, spaceAfter=10
    )
    s["cover_org"] = ParagraphStyle("cover_org", base, fontSize=14, leading=18, spaceAfter=18)
    s["h1"] = ParagraphStyle(
        "h1",
        base,
        fontName=FONT_BOLD,
        fontSize=15,
        leading=19,
        spaceBefore=6,
        spaceAfter=8,
        keepWithNext=1,
    )
    s["h2"] = ParagraphStyle(
        "h2",
        base,
        fontName=FONT_BOLD,
        fontSize=11.5,
        leading=14.5,
        spaceBefore=10,
        spaceAfter=3,
        keepWithNext=1,
    )
    s["h3"] = ParagraphStyle(
        "h3",
        base,
        fontName=FONT_BOLD,
        fontSize=9.5,
        leading=12.5,
        spaceBefore=6,
        spaceAfter=2,
        keepWithNext=1,
    )
    s["meta"] = ParagraphStyle("meta", base, fontSize=8.4, leading=11, textColor=MUTED)
    s["quote"] = ParagraphStyle(
        "quote",
        base,
        leftIndent=6,
        rightIndent=6,
        backColor=QUOTE_BG,
        borderPadding=(4, 5, 5, 5),
        spaceBefore=3,
        spaceAfter=8,
    )
    s["bullet"] = ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=2, spaceAfter=2)
    s["box"] = ParagraphStyle(
        "box",
        base,
        fontName=FONT_ITALIC,
        borderColor=RULE,
        borderWidth=0.8,
        borderPadding=6,
        spaceBefore=4,
        spaceAfter=10,
    )
    s["caption"] = ParagraphStyle(
        "caption", base, fontSize=8, leading=10.5, textColor=MUTED, alignment=TA_CENTER
    )
    return s


def _table(
    ctx: _Ctx,
    header: list[str],
    rows: list[list[object]],
    widths: list[float],
    extra: list[tuple] | None = None,
    numeric: tuple[int, ...] = (),
) -> Table:
    """A table that repeats its header, wraps cells and may split a tall row over pages.

    ``header`` holds plain text; ``rows`` hold markup strings, flowables or lists of
    flowables; ``widths`` are fractions of the text width; ``numeric`` columns are centred.
    """

    def cell(value: object, column: int, style: str) -> object:
        if isinstance(value, Flowable | list):
            return value
        return ctx.p(str(value), style + ("num" if column in numeric else ""))

    head = [cell(ctx.t(h), i, "cellhead") for i, h in enumerate(header)]
    body = [[cell(value, i, "cell") for i, value in enumerate(row)] for row in rows]
    total = sum(widths)
    table = Table(
        [head, *body],
        colWidths=[BODY_WIDTH * w / total for w in widths],
        repeatRows=1,
        splitInRow=1,
        hAlign="LEFT",
    )
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), FONT, 8.4),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    table.setStyle(TableStyle(style + (extra or [])))
    return table


# -- the document --------------------------------------------------------------------------
class _Doc(BaseDocTemplate):
    """Adds each top-level heading to the PDF outline (the viewer's bookmarks)."""

    def afterFlowable(self, flowable: Flowable) -> None:
        outline = getattr(flowable, "_outline", None)
        if outline:
            key = f"s{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(outline, key, level=0, closed=False)


def _canvas_maker(footer_left: str) -> type[Canvas]:
    """A canvas that knows the page count: it holds pages until save, then numbers them.

    Bookmarks are held too, and set when their page is really written, so that the
    outline points at the right pages.
    """

    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self._marks: list[list[str]] = [[]]

        def bookmarkPage(self, key: str, **kwargs: object) -> None:  # noqa: N802
            self._marks[-1].append(key)

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._marks.append([])
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            marks = self._marks
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                for key in marks[number - 1]:
                    Canvas.bookmarkPage(self, key)
                self._footer(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, number: int, total: int) -> None:
            self.saveState()
            self.setFont(FONT, 7.5)
            self.setFillColor(MUTED)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            y = MARGIN * 0.55
            self.line(MARGIN, y + 9, PAGE[0] - MARGIN, y + 9)
            page = f"page {number} / {total}"
            self.drawRightString(PAGE[0] - MARGIN, y, page)
            room = BODY_WIDTH - self.stringWidth(page, FONT, 7.5) - 20
            text = footer_left
            while len(text) > 1 and self.stringWidth(text, FONT, 7.5) > room:
                text = text[:-2] + "…"
            self.drawString(MARGIN, y, text)
            self.restoreState()

    return NumberedCanvas


def _h1(ctx: _Ctx, number: int, title: str) -> Paragraph:
    para = ctx.p(ctx.t(f"{number}. {title}"), "h1")
    para._outline = f"{number}. {title}"
    return para


# -- sections --------------------------------------------------------------------------------
def _cover(ctx: _Ctx) -> list[Flowable]:
    w = ctx.snap.workshop
    present = sum(1 for p in ctx.snap.participants if p.present)
    rows = [
        (ctx.tr("Date", "Date"), _long_date(w.date, ctx.lang)),
        (ctx.tr("Lieu", "Place"), ctx.scrub(w.place) or "—"),
        (ctx.tr("Animation", "Facilitator"), ctx.scrub(w.facilitator) or "—"),
        (ctx.tr("Secteur", "Sector"), ctx.scrub(w.sector) or "—"),
        (
            ctx.tr("Effectif", "Size"),
            _enum_label(SizeBand, w.size_band, ctx.lang) if w.size_band else "—",
        ),
        (
            ctx.tr("Statut visé de la charte", "Intended status of the charter"),
            _enum_label(CharterStatus, w.charter_status, ctx.lang),
        ),
        (
            ctx.tr("Participants", "Participants"),
            ctx.tr(
                f"{present} présents sur {len(ctx.snap.participants)} inscrits",
                f"{present} present out of {len(ctx.snap.participants)} registered",
            ),
        ),
        (
            ctx.tr("Clauses examinées", "Clauses reviewed"),
            str(len(ctx.snap.clauses)),
        ),
    ]
    table = Table(
        [[ctx.p(ctx.t(k), "cellbold"), ctx.p(ctx.t(v), "cell")] for k, v in rows],
        colWidths=[BODY_WIDTH * 0.32, BODY_WIDTH * 0.68],
        hAlign="LEFT",
        splitInRow=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONT", (0, 0), (-1, -1), FONT, 8.4),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    story: list[Flowable] = [
        Spacer(1, 3 * cm),
        ctx.p(ctx.t(ctx.tr("Compte rendu", "Minutes")), "cover_kicker"),
        ctx.p(ctx.t(w.title or ctx.tr("Atelier", "Workshop")), "cover_title"),
        ctx.p(ctx.t(w.organisation), "cover_org"),
        table,
        Spacer(1, 1 * cm),
    ]
    if ctx.options.anonymize:
        story.append(
            ctx.p(
                ctx.t(
                    ctx.tr(
                        "Version pseudonymisée : les participants sont désignés par leur "
                        "pseudonyme.",
                        "Pseudonymised version: participants are referred to by pseudonym.",
                    )
                ),
                "small",
            )
        )
    else:
        story.append(
            ctx.p(
                ctx.t(
                    ctx.tr(
                        "Les participants qui n’ont pas consenti à être nommés sont désignés "
                        "par leur pseudonyme.",
                        "Participants who did not agree to be named are referred to by pseudonym.",
                    )
                ),
                "small",
            )
        )
    story.append(PageBreak())
    return story


def _attendance(ctx: _Ctx, number: int) -> list[Flowable]:
    story: list[Flowable] = [
        _h1(ctx, number, ctx.tr("Participants par collège", "Attendance by college"))
    ]
    rows: list[list[object]] = []
    extra: list[tuple] = []
    known = {c.id for c in ctx.snap.colleges}
    groups = [(c.id, ctx.scrub(c.name)) for c in ctx.snap.colleges]
    if any(p.college_id not in known for p in ctx.snap.participants):
        groups.append((None, ctx.tr("Sans collège", "No college")))
    for college_id, name in groups:
        members = [
            p
            for p in ctx.snap.participants
            if (p.college_id == college_id if college_id is not None else p.college_id not in known)
        ]
        present = sum(1 for p in members if p.present)
        row = len(rows) + 1
        rows.append(
            [
                ctx.p(
                    ctx.t(name, FONT_BOLD)
                    + ctx.t(
                        ctx.tr(
                            f" — {present} présent{'s' if present > 1 else ''} sur {len(members)}",
                            f" — {present} present out of {len(members)}",
                        )
                    ),
                    "cellbold",
                ),
                "",
                "",
            ]
        )
        extra += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), GROUP_BG)]
        if not members:
            rows.append([ctx.t(ctx.tr("(aucun participant)", "(no participant)")), "", ""])
        for p in members:
            rows.append(
                [
                    ctx.t(ctx.name(p)),
                    ctx.t(ctx.scrub(p.function) or "—"),
                    ctx.t(
                        ctx.tr("Présent", "Present") if p.present else ctx.tr("Absent", "Absent")
                    ),
                ]
            )
    header = [
        ctx.tr("Nom", "Name"),
        ctx.tr("Fonction", "Function"),
        ctx.tr("Présence", "Attendance"),
    ]
    story.append(_table(ctx, header, rows, [0.4, 0.45, 0.15], extra))
    return story


def _time_in_steps(ctx: _Ctx) -> dict[str, tuple[float, int]]:
    """Minutes spent in each step and number of visits, from the audit's step changes."""
    marks = [(e.step, _parse_time(e.at)) for e in ctx.snap.audit if e.kind == "go_to_step"]
    ends = [_parse_time(e.at) for e in ctx.snap.audit if e.kind == "end_workshop"]
    spent: dict[str, tuple[float, int]] = {}
    for i, (step, start) in enumerate(marks):
        stop = marks[i + 1][1] if i + 1 < len(marks) else (ends[-1] if ends else None)
        if start is None or stop is None or stop < start:
            continue
        minutes, visits = spent.get(step, (0.0, 0))
        if i > 0 and marks[i - 1][0] == step:  # a repeated step change is not a new visit
            visits -= 1
        spent[step] = (minutes + (stop - start).total_seconds() / 60, visits + 1)
    return spent


def _agenda(ctx: _Ctx, number: int) -> list[Flowable]:
    story: list[Flowable] = [_h1(ctx, number, ctx.tr("Déroulé", "Agenda"))]
    spent = _time_in_steps(ctx)
    rows = []
    for item in ctx.snap.agenda:
        start, end = _parse_time(item.started_at), _parse_time(item.ended_at)
        actual: float | None = None
        visits = 1
        if item.step in spent:
            actual, visits = spent[item.step]
        elif start and end and end >= start:
            actual = (end - start).total_seconds() / 60
        if actual is None:
            took = "—" if start is None else ctx.tr("en cours", "in progress")
            over = "—"
        else:
            took = _minutes(actual, ctx.lang)
            if visits > 1:
                took += ctx.tr(f" ({visits} passages)", f" ({visits} visits)")
            overrun = round(actual) - item.planned_minutes
            over = f"+{_minutes(overrun, ctx.lang)}" if overrun > 0 else ctx.tr("non", "none")
        rows.append(
            [
                ctx.t(_enum_label(Step, item.step, ctx.lang)),
                ctx.t(_minutes(item.planned_minutes, ctx.lang)),
                ctx.t(_hhmm(item.started_at)),
                ctx.t(_hhmm(item.ended_at)),
                ctx.t(took),
                ctx.t(over),
            ]
        )
    header = [
        ctx.tr("Étape", "Step"),
        ctx.tr("Prévu", "Planned"),
        ctx.tr("Début", "Start"),
        ctx.tr("Fin", "End"),
        ctx.tr("Temps passé", "Time spent"),
        ctx.tr("Dépassement", "Overrun"),
    ]
    story.append(_table(ctx, header, rows, [0.3, 0.12, 0.1, 0.1, 0.22, 0.16]))
    story.append(
        ctx.p(
            ctx.t(
                ctx.tr(
                    "Début : première entrée dans l’étape ; fin : dernière sortie. Le temps "
                    "passé additionne les passages successifs dans l’étape.",
                    "Start: first time the step began; end: last time it ended. Time spent "
                    "adds up every visit to the step.",
                )
            ),
            "small",
        )
    )
    return story


def _diagnostic(ctx: _Ctx, number: int) -> list[Flowable]:
    story: list[Flowable] = [_h1(ctx, number, ctx.tr("Diagnostic", "Diagnostic"))]
    answers = {a.criterion: a for a in ctx.snap.diagnostic}
    rows = []
    for item in diagnostic.CRITERIA:
        a = answers.get(item.key)
        score = f"{a.score}{NBSP}/{NBSP}5" if a and a.score is not None else "—"
        rows.append(
            [
                ctx.t(str(item.order)),
                ctx.t(item.title(ctx.lang)),
                ctx.t(score),
                ctx.t(ctx.scrub(a.note) if a and a.note else "—"),
            ]
        )
    header = [
        ctx.tr("N°", "No."),
        ctx.tr("Critère", "Criterion"),
        ctx.tr("Score", "Score"),
        ctx.tr("Note", "Note"),
    ]
    story.append(_table(ctx, header, rows, [0.06, 0.36, 0.1, 0.48]))
    known = {c.key for c in diagnostic.CRITERIA}
    try:
        suggestion = diagnostic.suggested_position(
            {k: a.score for k, a in answers.items() if k in known}
        )
        text = diagnostic.explain(suggestion, ctx.lang)
    except WorkshopError:
        text = ctx.tr("Position suggérée indisponible.", "Suggested position unavailable.")
    story.append(ctx.p(ctx.t(ctx.tr("Position suggérée", "Suggested position")), "h2"))
    for line in text.split("\n"):
        if line.startswith("- "):
            story.append(Paragraph(ctx.t(line[2:]), ctx.styles["bullet"], bulletText="•"))
        else:
            story.append(ctx.p(ctx.t(line)))
    return story


def _matrix(ctx: _Ctx, number: int) -> list[Flowable]:
    story: list[Flowable] = [
        _h1(ctx, number, ctx.tr("Matrice accompagnement / contrôle", "Support/control matrix"))
    ]
    drawing = matrix_drawing(ctx.snap, ctx.lang, BODY_WIDTH)
    caption = ctx.tr(
        "Chaque point est un participant, à sa position de clôture (ou d’ouverture s’il n’a "
        "été placé qu’une fois) ; la flèche part de sa position d’ouverture. Les losanges "
        "sont les centres de gravité des collèges.",
        "Each dot is a participant at their closing position (or opening position if placed "
        "only once); the arrow starts from their opening position. Diamonds are the colleges' "
        "centroids.",
    )
    story.append(KeepTogether([drawing, Spacer(1, 4), ctx.p(ctx.t(caption), "caption")]))
    lines = []
    goal = target_position(ctx.snap)
    if goal is not None:
        lines.append(
            ctx.tr(
                f"Cible du groupe{NBSP}: accompagnement {_number(goal.support, 'fr')}, contrôle "
                f"{_number(goal.control, 'fr')} ({quadrant_name(quadrant_of(goal), 'fr')}).",
                f"Group target: support {_number(goal.support, 'en')}, control "
                f"{_number(goal.control, 'en')} ({quadrant_name(quadrant_of(goal), 'en')}).",
            )
        )
    charter = adopted_position(ctx.snap)
    if charter is not None:
        lines.append(
            ctx.tr(
                f"Position de la charte (moyenne des variantes adoptées){NBSP}: accompagnement "
                f"{_number(charter.support, 'fr')}, contrôle {_number(charter.control, 'fr')} "
                f"({quadrant_name(quadrant_of(charter), 'fr')}).",
                f"Charter position (mean of the adopted variants): support "
                f"{_number(charter.support, 'en')}, control {_number(charter.control, 'en')} "
                f"({quadrant_name(quadrant_of(charter), 'en')}).",
            )
        )
    for line in lines:
        story.append(ctx.p(ctx.t(line)))
    people = placed_participants(ctx.snap)
    if people:
        rows = []
        for placed in people:
            person = ctx.snap.participant(placed.participant_id)

            def where(pos: object) -> str:
                if pos is None:
                    return "—"
                return f"{_number(pos.support, ctx.lang)} / {_number(pos.control, ctx.lang)}"

            rows.append(
                [
                    ctx.t(ctx.name(person)),
                    ctx.t(ctx.college_name(placed.college_id)),
                    ctx.t(where(placed.opening)),
                    ctx.t(where(placed.closing)),
                ]
            )
        header = [
            ctx.tr("Participant", "Participant"),
            ctx.tr("Collège", "College"),
            ctx.tr("Ouverture (acc. / contr.)", "Opening (support / control)"),
            ctx.tr("Clôture (acc. / contr.)", "Closing (support / control)"),
        ]
        story.append(Spacer(1, 4))
        story.append(_table(ctx, header, rows, [0.32, 0.28, 0.2, 0.2]))
    return story


def _remark_author(ctx: _Ctx, ballot: Ballot, remark: Remark) -> str:
    """Who made a remark, as the minutes may say it: never anyone for a secret ballot."""
    if ballot.is_secret:
        return ctx.tr("anonyme (vote secret)", "anonymous (secret ballot)")
    if remark.participant_id is not None:
        person = ctx.snap.participant(remark.participant_id)
        who = ctx.name(person)
        if person is not None:
            who += f" ({ctx.college_name(person.college_id)})"
        return who
    if remark.college_id is not None:
        return ctx.tr("collège ", "college ") + ctx.college_name(remark.college_id)
    return ctx.tr("non attribuée", "not attributed")


def _remarks(ctx: _Ctx, ballot: Ballot, kinds: tuple[str, ...]) -> list[Flowable]:
    story: list[Flowable] = []
    for remark in ballot.remarks:
        if remark.kind not in kinds:
            continue
        kind = _enum_label(Choice, remark.kind, ctx.lang).capitalize()
        head = f"{kind} — {_remark_author(ctx, ballot, remark)}{ctx.tr(NBSP + ':', ':')} "
        story.append(
            Paragraph(
                f"<b>{ctx.t(head, FONT_BOLD)}</b>{ctx.t(remark.text)}",
                ctx.styles["bullet"],
                bulletText="•",
            )
        )
    return story


def _counts_table(ctx: _Ctx, ballot: Ballot, figures: RoundFigures) -> Table:
    """Counts per college and overall; a secret ballot has its totals only."""
    choices = choices_for(figures.rules.method)
    double = figures.rules.double_majority is not None and figures.per_college is not None
    header = [ctx.tr("Collège", "College")]
    header += [label(c, ctx.lang).capitalize() for c in choices]
    header += [ctx.tr("Sans vote", "No vote"), ctx.tr("Présents", "Present")]
    if double:
        header.append(ctx.tr("Majorité du collège", "College majority"))

    def row(name: str, tally: voting.Tally, bold: bool, college: int | None) -> list[object]:
        face = FONT_BOLD if bold else FONT
        style = "cellbold" if bold else "cell"
        numbers = [tally.count(c) for c in choices] + [tally.did_not_vote, tally.present]
        cells: list[object] = [ctx.p(ctx.t(name, face), style)]
        cells += [ctx.p(ctx.t(str(n), face), style + "num") for n in numbers]
        if double:
            if college is None:
                ok = figures.result.colleges_passed
                text = f"{ok} / {len(figures.result.colleges)}"
            else:
                decision = figures.result.colleges.get(college)
                if decision is None:
                    text = "—"
                elif decision.passed:
                    text = ctx.tr("atteinte", "reached")
                else:
                    text = ctx.tr("non atteinte", "not reached")
            cells.append(ctx.p(ctx.t(text, face), style + "num"))
        return cells

    rows = []
    if figures.per_college is not None:
        order = [c.id for c in ctx.snap.colleges]
        keys = sorted(figures.per_college, key=lambda k: order.index(k) if k in order else 999)
        for college in keys:
            rows.append(
                row(ctx.college_name(college), figures.per_college[college], False, college)
            )
    total_name = (
        ctx.tr("Total (vote secret)", "Total (secret ballot)")
        if ballot.is_secret
        else ctx.tr("Total", "Total")
    )
    rows.append(row(total_name, figures.overall, True, None))
    numbers = len(choices) + 2
    widths = [0.22] + [0.13] * numbers + ([0.13] if double else [])
    if not double:
        widths[0] = 0.35
    numeric = tuple(range(1, len(widths)))
    extra = [("BACKGROUND", (0, len(rows)), (-1, len(rows)), GROUP_BG)]
    return _table(ctx, header, rows, widths, extra, numeric=numeric)


def _nominative_detail(ctx: _Ctx, ballot: Ballot) -> Paragraph | None:
    """Who chose what in a vote by name (names, or pseudonyms where required)."""
    if ballot.capture != CaptureMode.NOMINATIVE or not ballot.voters:
        return None
    choice_of = {v.participant_id: v.choice for v in ballot.votes}
    try:
        order = [c.value for c in choices_for(Method(ballot.method))]
    except ValueError:
        order = []
    groups: dict[str | None, list[str]] = {key: [] for key in order}
    for voter in ballot.voters:
        choice = choice_of.get(voter.participant_id)
        groups.setdefault(choice, []).append(ctx.name(ctx.snap.participant(voter.participant_id)))
    colon = ctx.tr(NBSP + ":", ":")
    parts = []
    for choice, names in groups.items():
        if not names:
            continue
        key = _enum_label(Choice, choice, ctx.lang) if choice else ctx.tr("sans vote", "no vote")
        parts.append(f"<b>{ctx.t(key + colon, FONT_BOLD)}</b> {ctx.t(', '.join(names))}")
    title = ctx.t(ctx.tr("Votes nominatifs", "Votes by name") + colon, FONT_ITALIC)
    return ctx.p(f"<i>{title}</i> " + ctx.tr(NBSP + "; ", "; ").join(parts), "meta")


def _ballot_settings(ctx: _Ctx, ballot: Ballot) -> str:
    when = ctx.tr(f"ouvert à {_hhmm(ballot.opened_at)}", f"opened {_hhmm(ballot.opened_at)}")
    if ballot.closed_at:
        when += ctx.tr(f", clos à {_hhmm(ballot.closed_at)}", f", closed {_hhmm(ballot.closed_at)}")
    settings = [when]
    if ballot.abstentions_count:
        settings.append(ctx.tr("abstentions comptées", "abstentions count"))
    if ballot.double_majority is not None:
        settings.append(
            ctx.tr("majorité dans chaque collège", "majority in every college")
            if ballot.double_majority == 0
            else ctx.tr(
                f"majorité dans au moins {ballot.double_majority} collèges",
                f"majority in at least {ballot.double_majority} colleges",
            )
        )
    if ballot.quorum:
        settings.append(f"quorum{NBSP}{ballot.quorum}")
    return " · ".join(settings)


def _ballot_block(ctx: _Ctx, ballot: Ballot, shown: tuple[str, str] | None) -> list[Flowable]:
    """One round: settings, wording, then tallies and outcome, or « vote en cours ».

    ``shown`` is the wording printed just before and where it came from ("round" or
    "amendment"), so the same long text is not printed twice in a row.
    """
    method = _enum_label(Method, ballot.method, ctx.lang)
    capture = _enum_label(CaptureMode, ballot.capture, ctx.lang)
    head = ctx.tr(f"Tour {ballot.round}", f"Round {ballot.round}") + f" — {method}, {capture}"
    story: list[Flowable] = [ctx.p(ctx.t(head), "h3")]
    story.append(ctx.p(ctx.t(_ballot_settings(ctx, ballot)), "meta"))
    if shown is not None and normalise(shown[0]) == normalise(ballot.text):
        same = (
            ctx.tr(
                "Texte soumis au vote : le texte amendé ci-dessus.",
                "Wording put to the vote: the amended wording above.",
            )
            if shown[1] == "amendment"
            else ctx.tr(
                "Texte soumis au vote : inchangé depuis le tour précédent.",
                "Wording put to the vote: unchanged since the previous round.",
            )
        )
        story.append(ctx.p(ctx.t(same), "meta"))
    else:
        story.append(
            ctx.p(ctx.t(ctx.tr("Texte soumis au vote :", "Wording put to the vote:")), "meta")
        )
        story.append(ctx.p(ctx.t(ballot.text), "quote"))
    colon = ctx.tr(NBSP + ": ", ": ")
    if ballot.is_open:
        # The snapshot carries no tally for an open round; remarks would reveal choices.
        voted = sum(1 for v in ballot.voters if v.voted)
        story.append(
            ctx.p(
                f"<b>{ctx.t(label(BallotState.OPEN, ctx.lang).capitalize(), FONT_BOLD)}</b> — "
                + ctx.t(
                    ctx.tr(
                        f"résultats publiés seulement à la clôture ; {voted} votant(s) sur "
                        f"{len(ballot.voters)} se sont exprimés.",
                        f"results are published only when the vote closes; {voted} of "
                        f"{len(ballot.voters)} voters have voted.",
                    )
                )
            )
        )
        return story
    outcome = _enum_label(Outcome, ballot.outcome, ctx.lang) if ballot.outcome else "—"
    figures = round_figures(ballot)
    if figures is None:
        story.append(
            ctx.p(
                f"<b>{ctx.t(ctx.tr('Résultat', 'Outcome') + colon + outcome, FONT_BOLD)}</b>"
                + ctx.t(ctx.tr(" (décompte non recalculable).", " (count cannot be recomputed)."))
            )
        )
        story += _remarks(ctx, ballot, (Choice.OBJECTION, Choice.RESERVATION))
        return story
    if not ballot.outcome:
        outcome = label(figures.result.outcome, ctx.lang)
    result = ctx.p(
        f"<b>{ctx.t(ctx.tr('Résultat', 'Outcome') + colon + outcome + '.', FONT_BOLD)}</b> "
        + ctx.t(_explain(figures, ctx.lang))
    )
    # The counts and their outcome on one page (moved whole when they do not fit).
    story.append(KeepTogether([_counts_table(ctx, ballot, figures), Spacer(1, 4), result]))
    detail = _nominative_detail(ctx, ballot)
    if detail is not None:
        story.append(detail)
    story += _remarks(ctx, ballot, (Choice.OBJECTION, Choice.RESERVATION))
    return story


def _explain(figures: RoundFigures, lang: str) -> str:
    try:
        return voting.explain(figures.result, figures.rules, lang)
    except (WorkshopError, ValueError, KeyError):
        return ""


_WORD = re.compile(r"\s+|[^\s]+")


def _diff_markup(ctx: _Ctx, before: str, after: str) -> str | None:
    """The amended text with additions underlined on green and deletions struck through.

    None when the texts differ too much for a merged view to stay legible.
    """
    a = _WORD.findall(ctx.scrub(before))
    b = _WORD.findall(ctx.scrub(after))
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.ratio() < 0.5:
        return None
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(markup("".join(b[j1:j2])))
            continue
        if op in ("delete", "replace"):
            gone = "".join(a[i1:i2]).strip()
            if gone:
                out.append(
                    f'<font color="{DELETED.hexval()}"><strike>{markup(gone)}</strike></font> '
                )
        if op in ("insert", "replace"):
            added = "".join(b[j1:j2])
            if added.strip():
                lead = added[: len(added) - len(added.lstrip())]
                trail = added[len(added.rstrip()) :]
                out.append(
                    markup(lead)
                    + f'<u><font backColor="{ADDED_BG.hexval()}">{markup(added.strip())}</font></u>'
                    + markup(trail)
                )
            else:
                out.append(markup(added))
    return "".join(out)


def _amendment_block(ctx: _Ctx, a: Amendment, shown_text: str | None) -> list[Flowable]:
    who = (
        ctx.tr(" par le collège ", " by the college ") + ctx.college_name(a.college_id)
        if a.college_id is not None
        else ""
    )
    head = ctx.tr("Amendement", "Amendment") + who + f" ({_hhmm(a.created_at)})"
    story: list[Flowable] = [ctx.p(ctx.t(head), "h3")]
    if normalise(a.reason).strip():
        story.append(
            ctx.p(
                f"<i>{ctx.t(ctx.tr('Motif' + NBSP + ': ', 'Reason: '), FONT_ITALIC)}</i>"
                + ctx.t(a.reason)
            )
        )
    before, after = a.before, a.after
    if normalise(before) == normalise(after):
        story.append(ctx.p(ctx.t(ctx.tr("Texte inchangé.", "Wording unchanged.")), "meta"))
        return story
    merged = _diff_markup(ctx, before, after)
    if merged is not None:
        story.append(
            ctx.p(
                ctx.t(
                    ctx.tr(
                        "Texte amendé (ajouts soulignés, suppressions barrées) :",
                        "Amended wording (additions underlined, deletions struck through):",
                    )
                ),
                "meta",
            )
        )
        story.append(ctx.p(merged, "quote"))
    else:
        if shown_text is None or normalise(shown_text) != normalise(before):
            story.append(
                ctx.p(ctx.t(ctx.tr("Texte avant amendement :", "Wording before:")), "meta")
            )
            story.append(ctx.p(ctx.t(before), "quote"))
        story.append(ctx.p(ctx.t(ctx.tr("Texte amendé :", "Amended wording:")), "meta"))
        story.append(ctx.p(ctx.t(after), "quote"))
    return story


def _status_text(ctx: _Ctx, clause: Clause) -> str:
    if not clause.ballots:
        return ctx.tr("non soumise au vote", "not put to the vote")
    status = clause.status
    last = clause.ballots[-1]
    if status is None:
        return (
            label(BallotState.OPEN, ctx.lang)
            if last.is_open
            else ctx.tr("non décidée", "undecided")
        )
    text = label(status, ctx.lang)
    if last.is_open:
        text += ctx.tr(" (nouveau tour en cours)", " (new round in progress)")
    return text


def _clause_heading(ctx: _Ctx, clause: Clause) -> str:
    return (
        ctx.tr(f"Article {clause.position}", f"Article {clause.position}")
        + f" — {ctx.scrub(clause.title)}"
    )


_LEAN_WORDS = {
    "support": ("orientée accompagnement", "support-leaning"),
    "control": ("orientée contrôle", "control-leaning"),
    "balanced": ("équilibrée", "balanced"),
}


def _clause_meta(ctx: _Ctx, clause: Clause) -> list[Flowable]:
    colon = ctx.tr(NBSP + ": ", ": ")

    def item(key: str, value: str) -> str:
        return f"<b>{ctx.t(key + colon, FONT_BOLD)}</b>{ctx.t(value)}"

    meta = [
        item(ctx.tr("Thème", "Theme"), clause.theme_title or "—"),
        item(ctx.tr("Statut", "Status"), _status_text(ctx, clause)),
    ]
    variant = clause.variant
    if variant is not None:
        fr, en = _LEAN_WORDS.get(variant.lean, (variant.lean, variant.lean))
        where = ctx.tr(
            f"accompagnement {_number(variant.support, 'fr')}, "
            f"contrôle {_number(variant.control, 'fr')}",
            f"support {_number(variant.support, 'en')}, control {_number(variant.control, 'en')}",
        )
        meta.append(
            item(ctx.tr("Variante", "Variant"), f"{variant.label} ({ctx.tr(fr, en)}, {where})")
        )
    story: list[Flowable] = [ctx.p(" · ".join(meta), "meta")]
    if variant is not None and normalise(variant.justification).strip():
        story.append(
            ctx.p(item(ctx.tr("Justification", "Justification"), variant.justification), "meta")
        )
    return story


def _clauses(ctx: _Ctx, number: int) -> list[Flowable]:
    story: list[Flowable] = [_h1(ctx, number, ctx.tr("Clauses, une par une", "Clause by clause"))]
    if not ctx.snap.clauses:
        story.append(ctx.p(ctx.t(ctx.tr("Aucune clause examinée.", "No clause reviewed."))))
    colon = ctx.tr(NBSP + ": ", ": ")
    for clause in ctx.snap.clauses:
        story.append(CondPageBreak(4 * cm))
        story.append(ctx.p(ctx.t(_clause_heading(ctx, clause)), "h2"))
        story += _clause_meta(ctx, clause)
        # Rounds and amendments in the order they happened (ISO times; on a tie the
        # amendment comes first, as a round opens on the amended text).
        events: list[tuple[str, int, Ballot | Amendment]] = [
            (b.opened_at or "", 1, b) for b in clause.ballots
        ]
        events += [(a.created_at or "", 0, a) for a in clause.amendments]
        events.sort(key=lambda e: (e[0], e[1]))
        shown: tuple[str, str] | None = None
        for _, _, event in events:
            if isinstance(event, Ballot):
                story += _ballot_block(ctx, event, shown)
                shown = (event.text, "round")
            else:
                story += _amendment_block(ctx, event, shown[0] if shown else None)
                shown = (event.after, "amendment")
        if not clause.ballots:
            story.append(
                ctx.p(
                    ctx.t(ctx.tr("Texte proposé (non voté) :", "Proposed wording (not voted):")),
                    "meta",
                )
            )
            story.append(ctx.p(ctx.t(clause.text), "quote"))
        elif shown is None or normalise(clause.text) != normalise(shown[0]):
            story.append(
                ctx.p(
                    ctx.t(
                        ctx.tr("Texte actuel, pas encore voté :", "Current wording, not yet voted:")
                    ),
                    "meta",
                )
            )
            story.append(ctx.p(ctx.t(clause.text), "quote"))
        if normalise(clause.note).strip():
            story.append(
                ctx.p(
                    f"<b>{ctx.t(ctx.tr('Note', 'Note') + colon, FONT_BOLD)}</b>{ctx.t(clause.note)}"
                )
            )
    return story


def _summary(ctx: _Ctx, number: int) -> list[Flowable]:
    story: list[Flowable] = [
        _h1(ctx, number, ctx.tr("Synthèse des décisions", "Decisions summary"))
    ]
    rows = []
    for clause in ctx.snap.clauses:
        last = clause.last_closed
        method = "—"
        if last is not None:
            method = (
                _enum_label(Method, last.method, ctx.lang)
                + ", "
                + _enum_label(CaptureMode, last.capture, ctx.lang)
            )
        rows.append(
            [
                ctx.t(str(clause.position)),
                ctx.t(clause.title),
                ctx.t(_status_text(ctx, clause)),
                ctx.t(str(len(clause.ballots))),
                ctx.t(method),
            ]
        )
    header = [
        ctx.tr("Art.", "Art."),
        ctx.tr("Clause", "Clause"),
        ctx.tr("Statut", "Status"),
        ctx.tr("Tours", "Rounds"),
        ctx.tr("Méthode du tour décisif", "Method of the deciding round"),
    ]
    story.append(_table(ctx, header, rows, [0.06, 0.38, 0.2, 0.08, 0.28]))
    counts = Counter(c.status for c in ctx.snap.clauses)
    adopted = counts[Outcome.ADOPTED] + counts[Outcome.ADOPTED_WITH_RESERVATIONS]
    story.append(
        ctx.p(
            ctx.t(
                ctx.tr(
                    f"{adopted} clause(s) adoptée(s) sur {len(ctx.snap.clauses)}, dont "
                    f"{counts[Outcome.ADOPTED_WITH_RESERVATIONS]} avec réserves ; "
                    f"{counts[Outcome.REJECTED]} rejetée(s), {counts[Outcome.POSTPONED]} "
                    f"reportée(s), {counts[None]} non décidée(s).",
                    f"{adopted} of {len(ctx.snap.clauses)} clause(s) adopted, "
                    f"{counts[Outcome.ADOPTED_WITH_RESERVATIONS]} of them with reservations; "
                    f"{counts[Outcome.REJECTED]} rejected, {counts[Outcome.POSTPONED]} "
                    f"postponed, {counts[None]} undecided.",
                )
            )
        )
    )
    return story


def _open_points(ctx: _Ctx, number: int) -> list[Flowable]:
    story: list[Flowable] = [_h1(ctx, number, ctx.tr("Points ouverts", "Open points"))]
    points = open_points(ctx.snap)
    if not points:
        story.append(
            ctx.p(
                ctx.t(ctx.tr("Toutes les clauses ont été adoptées.", "Every clause was adopted."))
            )
        )
        return story
    colon = ctx.tr(NBSP + ": ", ": ")
    rows = []
    for clause in points:
        notes: list[Flowable] = []
        if normalise(clause.note).strip():
            notes.append(ctx.p(ctx.t(clause.note), "cell"))
        last = clause.last_closed
        if last is not None:
            figures = round_figures(last)
            if figures is not None:
                notes.append(ctx.p(ctx.t(_explain(figures, ctx.lang), FONT_ITALIC), "cellitalic"))
            for remark in last.remarks:
                if remark.kind != Choice.OBJECTION:
                    continue
                who = _remark_author(ctx, last, remark)
                notes.append(
                    ctx.p(
                        f"<b>{ctx.t(ctx.tr('Objection', 'Objection') + ' — ' + who + colon, FONT_BOLD)}</b>"
                        + ctx.t(remark.text),
                        "cell",
                    )
                )
        rows.append(
            [
                ctx.t(str(clause.position)),
                ctx.t(clause.title),
                ctx.t(_status_text(ctx, clause)),
                notes or ctx.t("—"),
            ]
        )
    header = [
        ctx.tr("Art.", "Art."),
        ctx.tr("Clause", "Clause"),
        ctx.tr("Statut", "Status"),
        ctx.tr("Notes et objections", "Notes and objections"),
    ]
    story.append(_table(ctx, header, rows, [0.06, 0.3, 0.16, 0.48]))
    return story


def _plan(ctx: _Ctx, number: int) -> list[Flowable]:
    story: list[Flowable] = [
        _h1(ctx, number, ctx.tr("Plan d’accompagnement", "Accompaniment plan"))
    ]
    if not ctx.snap.actions:
        story.append(ctx.p(ctx.t(ctx.tr("Aucune action prévue.", "No action planned."))))
        return story
    rows = []
    for action in ctx.snap.actions:
        cell = [ctx.p(ctx.t(action.title, FONT_BOLD), "cellbold")]
        if normalise(action.description).strip():
            cell.append(ctx.p(ctx.t(action.description), "cell"))
        rows.append(
            [
                cell,
                ctx.t(_enum_label(ActionKind, action.kind, ctx.lang)),
                ctx.t(action.audience or "—"),
                ctx.t(action.owner or "—"),
                ctx.t(_long_date(action.due_date, ctx.lang) if action.due_date else "—"),
            ]
        )
    header = [
        ctx.tr("Action", "Action"),
        ctx.tr("Type", "Kind"),
        ctx.tr("Public", "Audience"),
        ctx.tr("Responsable", "Owner"),
        ctx.tr("Échéance", "Due"),
    ]
    story.append(_table(ctx, header, rows, [0.34, 0.15, 0.16, 0.19, 0.16]))
    return story


def _legal(ctx: _Ctx, number: int) -> list[Flowable]:
    story: list[Flowable] = [_h1(ctx, number, ctx.tr("Notes juridiques", "Legal notes"))]
    story.append(ctx.p(ctx.t(DISCLAIMER["en" if ctx.en else "fr"], FONT_ITALIC), "box"))
    colon = ctx.tr(NBSP + ": ", ": ")
    for note in legal_notes(ctx.snap, ctx.lang):
        story.append(Paragraph(ctx.t(note.text), ctx.styles["bullet"], bulletText="•"))
        extra = f"<i>{ctx.t(note.basis, FONT_ITALIC)}</i>"
        if note.clauses:
            extra += (
                " — "
                + ctx.t(ctx.tr("clauses concernées", "clauses concerned") + colon)
                + ctx.t(", ".join(ctx.scrub(c) for c in note.clauses))
            )
        story.append(
            Paragraph(
                extra,
                ParagraphStyle("legal_basis", ctx.styles["meta"], leftIndent=12, spaceAfter=6),
            )
        )
    return story


def _runs(events: list[Event]) -> list[list[Event]]:
    """Events grouped into rows: a run of more than TIMELINE_RUN events of one kind and
    step (15 × "RH 2 a voté") becomes one row, anything else stays one row per event."""
    rows: list[list[Event]] = []
    i = 0
    while i < len(events):
        j = i + 1
        while j < len(events) and (events[j].kind, events[j].step) == (
            events[i].kind,
            events[i].step,
        ):
            j += 1
        if j - i > TIMELINE_RUN:
            rows.append(events[i:j])
        else:
            rows += [[e] for e in events[i:j]]
        i = j
    return rows


def _run_summary(summaries: list[str]) -> str:
    """Summaries of a run, in order, repeated ones counted and a shared "Label : " said once."""
    tally = Counter(summaries)
    distinct = list(tally)
    prefix = os.path.commonprefix(distinct) if len(distinct) > 1 else ""
    cut = max(prefix.rfind(": "), prefix.rfind(NBSP + ":") + 1 if NBSP + ":" in prefix else -1)
    prefix = prefix[: cut + 2] if cut > 0 else ""
    if any(len(d) <= len(prefix) for d in distinct):
        prefix = ""
    pieces = [d[len(prefix) :] + (f" (×{tally[d]})" if tally[d] > 1 else "") for d in distinct]
    return prefix + " · ".join(pieces)


def _timeline(ctx: _Ctx, number: int) -> list[Flowable]:
    story: list[Flowable] = [_h1(ctx, number, ctx.tr("Chronologie", "Timeline"))]
    events = list(ctx.snap.audit)
    if not events:
        story.append(ctx.p(ctx.t(ctx.tr("Journal vide.", "Empty log."))))
        return story
    first = _parse_time(events[0].at)

    def when(value: str) -> str:
        t = _parse_time(value)
        if t is None:
            return "—"
        return (
            t.strftime("%H:%M") if first and t.date() == first.date() else t.strftime("%d/%m %H:%M")
        )

    rows = []
    collapsed = False
    for run in _runs(events):
        if len(run) == 1:
            time, summary = when(run[0].at), ctx.t(run[0].summary)
        else:
            collapsed = True
            time = f"{when(run[0].at)}–{when(run[-1].at)}"
            summary = f"<b>{ctx.t(f'{len(run)} ×', FONT_BOLD)}</b> " + ctx.t(
                _run_summary([normalise(e.summary) for e in run])
            )
        rows.append([ctx.t(time), ctx.t(_enum_label(Step, run[0].step, ctx.lang)), summary])
    header = [ctx.tr("Heure", "Time"), ctx.tr("Étape", "Step"), ctx.tr("Événement", "Event")]
    story.append(_table(ctx, header, rows, [0.13, 0.26, 0.61]))
    if collapsed:
        story.append(
            ctx.p(
                ctx.t(
                    ctx.tr(
                        f"Les suites de plus de {TIMELINE_RUN} événements du même type sont "
                        "regroupées sur une ligne, dans l’ordre.",
                        f"Runs of more than {TIMELINE_RUN} events of the same kind are grouped "
                        "on one row, in order.",
                    )
                ),
                "small",
            )
        )
    return story


def _approval(ctx: _Ctx, number: int) -> list[Flowable]:
    story: list[Flowable] = [_h1(ctx, number, ctx.tr("Approbation", "Approval"))]
    story.append(
        ctx.p(
            ctx.t(
                ctx.tr(
                    "Le présent compte rendu est approuvé par l’animation et par un représentant "
                    "de chaque collège.",
                    "These minutes are approved by the facilitator and by one representative of "
                    "each college.",
                )
            )
        )
    )
    w = ctx.snap.workshop
    facilitator = ctx.scrub(w.facilitator)
    rows: list[list[object]] = [
        [
            ctx.p(ctx.t(ctx.tr("Animation", "Facilitator"), FONT_BOLD), "cellbold"),
            ctx.t(facilitator) if facilitator else "",
            "",
        ]
    ]
    for college in ctx.snap.colleges:
        rows.append(
            [
                ctx.t(ctx.tr("Pour le collège ", "For the college ") + ctx.scrub(college.name)),
                "",
                "",
            ]
        )
    header = [
        ctx.tr("Qualité", "Capacity"),
        ctx.tr("Nom", "Name"),
        ctx.tr("Date et signature", "Date and signature"),
    ]
    table = _table(
        ctx,
        header,
        rows,
        [0.4, 0.28, 0.32],
        [
            ("TOPPADDING", (0, 1), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 22),
            ("LINEBELOW", (0, 1), (-1, -1), 0.6, INK),
        ],
    )
    story.append(table)
    return [KeepTogether(story)]  # signatures on one page when they fit


# -- entry point ---------------------------------------------------------------------------
def _metadata(ctx: _Ctx) -> dict[str, str]:
    w = ctx.snap.workshop
    title = ctx.scrub(w.title) or ctx.tr("Atelier", "Workshop")
    organisation = ctx.scrub(w.organisation)
    facilitator = ctx.scrub(w.facilitator).strip()
    author = facilitator or organisation or "Atelier Charte"
    kind = ctx.tr("Compte rendu", "Minutes")
    subject = f"{kind} — {title}" + (f" — {organisation}" if organisation else "")
    return {"title": f"{kind} — {title}", "author": author, "subject": subject}


def _story(ctx: _Ctx) -> list[Flowable]:
    story = _cover(ctx)
    sections = (
        _attendance,
        _agenda,
        _diagnostic,
        _matrix,
        _clauses,
        _summary,
        _open_points,
        _plan,
        _legal,
        _timeline,
        _approval,
    )
    new_page = (_matrix, _clauses, _summary, _timeline)
    for number, section in enumerate(sections, start=1):
        if number > 1:
            story.append(PageBreak() if section in new_page else CondPageBreak(8 * cm))
        story += section(ctx, number)
    return story


def _build(snap: Snapshot, path: Path, options: ExportOptions) -> None:
    """Lay out and write the PDF at ``path`` (a temporary file beside the target)."""
    register_fonts()
    lang = language(snap, options)
    snap = ensure_filtered(snap, pseudonymise=options.anonymize, lang=lang)
    ctx = _Ctx(snap, options, lang, _styles())
    meta = _metadata(ctx)
    doc = _Doc(
        str(path),
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=meta["title"],
        author=meta["author"],
        subject=meta["subject"],
        creator="Atelier Charte",
        producer="Atelier Charte (reportlab)",
        lang="en-GB" if lang == "en" else "fr-FR",
        initialFontName=FONT,
        initialFontSize=9.5,
    )
    frame = Frame(
        MARGIN,
        MARGIN,
        BODY_WIDTH,
        PAGE[1] - 2 * MARGIN,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    footer = plain(meta["title"])
    doc.build(_story(ctx), canvasmaker=_canvas_maker(footer))


def write_minutes(
    snap: Snapshot, target: str | os.PathLike, options: ExportOptions = ExportOptions()
) -> Path:
    """Write the workshop's minutes as a PDF at ``target``; the workshop is not modified.

    Written through a temporary file and renamed, so a failure leaves no partial file and
    an existing file intact; a locked or read-only target raises one WorkshopError line.
    """
    return atomic_write(target, lambda tmp: _build(snap, tmp, options))
