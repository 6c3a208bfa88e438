"""Section: the decisions summary, one row per clause."""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import Flowable

from workshop.exports.minutes.context import Context, enum_label
from workshop.exports.minutes.helpers import data_table, h1, status_text
from workshop.model import CaptureMode, Method, Outcome


def section(ctx: Context, number: int) -> list[Flowable]:
    story: list[Flowable] = [h1(ctx, number, ctx.tr("Synthèse des décisions", "Decisions summary"))]
    rows = []
    for clause in ctx.snap.clauses:
        last = clause.last_closed
        method = "—"
        if last is not None:
            method = (
                enum_label(Method, last.method, ctx.lang)
                + ", "
                + enum_label(CaptureMode, last.capture, ctx.lang)
            )
        rows.append(
            [
                ctx.t(str(clause.position)),
                ctx.t(clause.title),
                ctx.t(status_text(ctx, clause)),
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
    story.append(data_table(ctx, header, rows, [0.06, 0.38, 0.2, 0.08, 0.28]))
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
