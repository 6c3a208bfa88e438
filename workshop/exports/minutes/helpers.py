"""Shapes the sections share: headings, tables, bullets and a clause's status."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Paragraph, TableStyle

from workshop.exports.minutes.context import Context
from workshop.exports.minutes.layout import (
    BODY_WIDTH,
    HEADER_BG,
    RULE,
    RecordParagraph,
    RecordTable,
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
) -> RecordTable:
    """A table that repeats its header, wraps cells, says « (suite) » when continued and
    splits a row over pages only when taller than a page (``layout.RecordTable``).

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
    table = RecordTable(
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
