"""Section: the clauses left out of the charter and why."""

from __future__ import annotations

from reportlab.platypus import Flowable

from workshop.exports.common import open_points
from workshop.exports.minutes.context import Context, explain, round_figures
from workshop.exports.minutes.helpers import bold, data_table, h1, status_text
from workshop.exports.minutes.layout import NBSP
from workshop.exports.minutes.rounds import remark_author
from workshop.exports.pdf_fonts import FONT_ITALIC, normalise
from workshop.model import Choice
from workshop.references import reference


def section(ctx: Context, number: int) -> list[Flowable]:
    story: list[Flowable] = [h1(ctx, number, ctx.tr("Points ouverts", "Open points"))]
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
            figures = round_figures(last, [c.id for c in ctx.snap.colleges])
            if figures is not None:
                notes.append(ctx.p(ctx.t(explain(ctx, figures), FONT_ITALIC), "cellitalic"))
            for remark in last.remarks:
                if remark.kind != Choice.OBJECTION:
                    continue
                who = remark_author(ctx, last, remark)
                notes.append(
                    ctx.p(
                        f"{bold(ctx, ctx.tr('Objection', 'Objection') + ' — ' + who + colon)}"
                        + ctx.t(remark.text),
                        "cell",
                    )
                )
        rows.append(
            [
                ctx.t(reference(clause)),
                ctx.t(clause.title),
                ctx.t(status_text(ctx, clause)),
                notes or ctx.t("—"),
            ]
        )
    header = [
        ctx.tr("Réf.", "Ref."),
        ctx.tr("Clause", "Clause"),
        ctx.tr("Statut", "Status"),
        ctx.tr("Notes et objections", "Notes and objections"),
    ]
    story.append(data_table(ctx, header, rows, [0.07, 0.29, 0.16, 0.48]))
    return story
