"""Shapes the sections share: headings, tables, bullets and a clause's status."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, TableStyle
from reportlab.platypus.paraparser import ParaFrag

from workshop.exports.minutes.context import Context
from workshop.exports.minutes.layout import (
    BODY_WIDTH,
    CELL_LEADING,
    CELL_PADDING,
    CELL_SIZE,
    HEADER_BG,
    INK,
    RULE,
    RecordParagraph,
    RecordTable,
    one_line,
)
from workshop.exports.pdf_fonts import FONT, FONT_BOLD
from workshop.model import BallotState, label
from workshop.snapshot import Clause


def h1(ctx: Context, number: int, title: str) -> Paragraph:
    para = ctx.p(ctx.t(f"{number}. {title}"), "h1")
    # an ad-hoc attribute, reportlab's idiom for marking flowables; _Doc.afterFlowable reads it
    para._outline = f"{number}. {title}"  # type: ignore[attr-defined]
    return para


def outline(para: Paragraph, title: str, level: int) -> Paragraph:
    """Mark a heading for the PDF outline at ``level`` (0: section, 1: clause)."""
    para._outline = (title, level)  # type: ignore[attr-defined]  # read by _Doc.afterFlowable
    return para


def data_table(
    ctx: Context,
    header: list[str],
    rows: Sequence[Sequence[object]],
    widths: list[float],
    extra: list[tuple] | None = None,
    numeric: tuple[int, ...] = (),
    bold_rows: tuple[int, ...] = (),
) -> RecordTable:
    """A table that repeats its header, wraps cells, says « (suite) » when continued and
    splits a row over pages only when taller than a page (``layout.RecordTable``).

    ``header`` holds plain text; ``rows`` hold markup strings, flowables or lists of
    flowables; ``widths`` are fractions of the text width; ``numeric`` columns are centred;
    ``bold_rows`` (indices in ``rows``) are set in bold. A markup string that is plain text
    fitting on one line is drawn as a string (``layout.one_line``), the rest as Paragraphs.
    """
    total = sum(widths)
    col_widths = [BODY_WIDTH * w / total for w in widths]
    room = [w - CELL_PADDING for w in col_widths]
    bold = frozenset(bold_rows)

    def cell(value: object, row: int, column: int) -> object:
        if isinstance(value, Flowable | list):
            return value
        text = str(value)
        face = FONT_BOLD if row in bold else FONT
        if one_line(text, face, CELL_SIZE, room[column]):
            return text
        style = "cellbold" if row in bold else "cell"
        return ctx.p(text, style + ("num" if column in numeric else ""))

    head = [
        ctx.p(ctx.t(h), "cellhead" + ("num" if i in numeric else "")) for i, h in enumerate(header)
    ]
    body = [[cell(value, r, i) for i, value in enumerate(row)] for r, row in enumerate(rows)]
    table = RecordTable(
        [head, *body],
        colWidths=col_widths,
        repeatRows=1,
        splitInRow=1,
        hAlign="LEFT",
    )
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        # for the cells drawn as strings: the cell paragraphs' font, colour and leading
        ("FONT", (0, 0), (-1, -1), FONT, CELL_SIZE, CELL_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        *[("FONT", (0, r + 1), (-1, r + 1), FONT_BOLD, CELL_SIZE, CELL_LEADING) for r in bold],
        *[("ALIGN", (a, 1), (b, -1), "CENTER") for a, b in _spans(numeric)],
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        # top and bottom padding: reportlab's 3 points (each command visits every cell)
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    table.setStyle(TableStyle(style + (extra or [])))
    return table


def _spans(columns: tuple[int, ...]) -> list[tuple[int, int]]:
    """Runs of consecutive columns, (first, last): one style command each."""
    spans: list[list[int]] = []
    for c in sorted(columns):
        if spans and spans[-1][1] == c - 1:
            spans[-1][1] = c
        else:
            spans.append([c, c])
    return [(a, b) for a, b in spans]


def status_text(ctx: Context, clause: Clause) -> str:
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


def bold(ctx: Context, text: object) -> str:
    """User or app text as bold markup: the lead-in of a line (« Résultat : »)."""
    return f"<b>{ctx.t(text, FONT_BOLD)}</b>"


def bullet(ctx: Context, text: str) -> Paragraph:
    """A bulleted paragraph from markup already made safe."""
    return RecordParagraph(text, ctx.styles["bullet"], bulletText="•")


def headed(
    ctx: Context,
    head: str,
    rest: str,
    inline: str,
    style: str = "body",
    face: str = FONT_BOLD,
    space: str = FONT,
) -> Paragraph:
    """A paragraph that opens on a lead-in in bold or italic: « Réserve — RH 2 : » + text.

    ``head`` is the lead-in as plain text (no trailing space), ``rest`` the markup after it,
    ``inline`` the whole paragraph's markup and ``space`` the face of the space between
    them there (regular when it follows the closing tag, as reportlab sets it). Mixed bold and regular words take
    reportlab's slow path, several times slower to break and to draw than one plain run
    (thousands of remarks in a large workshop). So when the lead-in needs no other font,
    is not raised (« 1er ») and takes at most half a line, it is drawn as the paragraph's
    bullet (reportlab's ``bulletText``, runs of its own) where it stood, followed by a
    space of its face, and ``rest`` stays one run: the lines read as ``inline``'s. A
    longer lead-in could not wrap as a bullet; it stays ``inline``, as does everything
    when ``rest`` is empty (a bullet is drawn with the first line).
    """
    base = ctx.styles[style]
    bulleted = style == "bullet"
    made = ctx.t(head, face)
    if not rest.strip() or "<" in made or "&" in made:
        return RecordParagraph(inline, base, bulletText="•" if bulleted else None)
    size = base.fontSize
    gap = stringWidth(" ", space, size)
    start = base.leftIndent + base.firstLineIndent  # where the first line's text starts
    runs: list[ParaFrag] = []
    if bulleted:  # « • » where reportlab draws it, then room up to the text as before
        dot = stringWidth("•", base.bulletFontName, base.bulletFontSize)
        start = max(start, base.bulletIndent + dot + 0.6 * base.bulletFontSize)
        room = start - base.bulletIndent - dot
        runs.append(_run("•", base.bulletFontName, base.bulletFontSize, base))
        if room > 0:
            runs.append(_run(" ", FONT, room / stringWidth(" ", FONT, 1), base))
    if start + stringWidth(made, face, size) + gap > BODY_WIDTH / 2:
        return RecordParagraph(inline, base, bulletText="•" if bulleted else None)
    runs.append(_run(made, face, size, base))
    key = f"{style}+{space}"
    lead = ctx.styles.get(key)
    if lead is None:  # reportlab puts 0.6 × bulletFontSize after a bullet: a space here
        lead = ctx.styles[key] = ParagraphStyle(
            base.name,  # the same name: layout.bind_lead_ins reads it
            base,
            bulletFontSize=gap / 0.6,
            bulletIndent=base.bulletIndent if bulleted else start,
        )
    # reportlab draws a list of runs as the bullet (its stubs only know a str)
    return RecordParagraph(rest, lead, bulletText=runs)  # type: ignore[arg-type]


def _run(text: str, font: str, size: float, style: ParagraphStyle) -> ParaFrag:
    return ParaFrag(text=text, fontName=font, fontSize=size, textColor=style.textColor)
