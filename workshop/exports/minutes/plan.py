"""Section: the accompaniment plan's actions."""

from __future__ import annotations

from reportlab.platypus import Flowable

from workshop.exports.minutes.context import Context, enum_label
from workshop.exports.minutes.helpers import data_table, h1
from workshop.exports.pdf_fonts import FONT_BOLD, normalise
from workshop.model import ActionKind
from workshop.textfmt import long_date


def section(ctx: Context, number: int) -> list[Flowable]:
    story: list[Flowable] = [h1(ctx, number, ctx.tr("Plan d’accompagnement", "Accompaniment plan"))]
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
                ctx.t(enum_label(ActionKind, action.kind, ctx.lang)),
                ctx.t(action.audience or "—"),
                ctx.t(action.owner or "—"),
                ctx.t(long_date(action.due_date, ctx.lang) if action.due_date else "—"),
            ]
        )
    header = [
        ctx.tr("Action", "Action"),
        ctx.tr("Type", "Kind"),
        ctx.tr("Public", "Audience"),
        ctx.tr("Responsable", "Owner"),
        ctx.tr("Échéance", "Due"),
    ]
    story.append(data_table(ctx, header, rows, [0.34, 0.15, 0.16, 0.19, 0.16]))
    return story
