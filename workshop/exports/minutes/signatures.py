"""Section: the approval table where the facilitator and colleges sign."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from workshop.exports.minutes.context import Context
from workshop.exports.minutes.cover import drafted_by
from workshop.exports.minutes.helpers import data_table, h1
from workshop.exports.minutes.layout import INK
from workshop.exports.pdf_fonts import FONT_BOLD
from workshop.textfmt import long_date


def done_at(ctx: Context) -> str:
    """« Fait à Lyon, le 3 décembre 2026. », "Done at Lyon, on 3 December 2026." (the workshop's
    place and date; a blank to fill in by hand where either is unknown)."""
    w = ctx.snap.workshop
    place = ctx.scrub(w.place).strip() or "…………………"
    day = long_date(w.date, ctx.lang) if w.date else "…………………"
    return ctx.tr(f"Fait à {place}, le {day}.", f"Done at {place}, on {day}.")


def section(ctx: Context, number: int) -> list[Flowable]:
    story: list[Flowable] = [h1(ctx, number, ctx.tr("Approbation", "Approval"))]
    story.append(
        ctx.p(
            ctx.t(
                ctx.tr(
                    "Le présent compte rendu est approuvé par l’animation et par un représentant "
                    "de chaque collège. Leur approbation atteste l’exactitude du compte rendu ; elle "
                    "ne vaut ni accord collectif ni avis du CSE.",
                    "These minutes are approved by the facilitator and by one representative of "
                    "each college. Their approval attests that the minutes are accurate; it is "
                    "neither a collective agreement nor the CSE's opinion.",
                )
            )
        )
    )
    story.append(
        ctx.p(
            ctx.t(ctx.tr("Compte rendu rédigé par ", "Minutes drafted by ") + drafted_by(ctx) + ".")
        )
    )
    story.append(ctx.p(ctx.t(done_at(ctx))))
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
    table = data_table(
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
