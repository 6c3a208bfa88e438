"""Section: the decisions summary, one row per clause."""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import Flowable

from workshop.exports.minutes.context import Context, enum_label
from workshop.exports.minutes.helpers import data_table, h1, status_text
from workshop.model import CaptureMode, Method, Outcome
from workshop.references import reference
from workshop.textfmt import counted


def tally_sentence(ctx: Context) -> str:
    """« 13 clauses adoptées sur 17, dont 4 avec réserves ; 1 rejetée, 2 reportées. »"""
    counts = Counter(c.status for c in ctx.snap.clauses)
    total = len(ctx.snap.clauses)
    adopted = counts[Outcome.ADOPTED] + counts[Outcome.ADOPTED_WITH_RESERVATIONS]
    reserved = counts[Outcome.ADOPTED_WITH_RESERVATIONS]
    others = (
        (counts[Outcome.REJECTED], "rejetée", "rejetées", "rejected"),
        (counts[Outcome.POSTPONED], "reportée", "reportées", "postponed"),
        (counts[None], "non décidée", "non décidées", "undecided"),
    )
    if ctx.en:
        head = f"{adopted} of {counted(total, 'clause', lang='en')} adopted"
        if reserved:
            head += f", {reserved} of them with reservations"
        rest = [f"{n} {en}" for n, _, _, en in others if n]
    else:
        head = (
            f"{counted(adopted, 'clause adoptée', 'clauses adoptées')} sur {total}"
            if adopted
            else f"aucune clause adoptée sur {total}"
        )
        if reserved:
            head += f", dont {reserved} avec réserves"
        rest = [counted(n, one, many) for n, one, many, _ in others if n]
    return head + (ctx.tr(" ; ", "; ") + ", ".join(rest) if rest else "") + "."


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
        article = ctx.articles.get(clause.id)
        rows.append(
            [
                ctx.t(reference(clause)),
                ctx.t(str(article) if article is not None else "—"),
                ctx.t(clause.title),
                ctx.t(status_text(ctx, clause)),
                ctx.t(str(len(clause.ballots))),
                ctx.t(method),
            ]
        )
    header = [
        ctx.tr("Réf.", "Ref."),
        ctx.tr("Art.", "Art."),
        ctx.tr("Clause", "Clause"),
        ctx.tr("Statut", "Status"),
        ctx.tr("Tours", "Rounds"),
        ctx.tr("Méthode du tour décisif", "Method of the deciding round"),
    ]
    story.append(
        data_table(ctx, header, rows, [0.07, 0.06, 0.34, 0.17, 0.08, 0.28], numeric=(1, 4))
    )
    story.append(ctx.p(ctx.t(tally_sentence(ctx))))
    story.append(
        ctx.p(
            ctx.t(
                ctx.tr(
                    "Réf. : référence de la clause, qui ne change pas ; art. : numéro de "
                    "l’article dans le projet de charte (clauses adoptées).",
                    "Ref.: the clause's reference, which never changes; art.: its article "
                    "number in the draft charter (adopted clauses).",
                )
            ),
            "small",
        )
    )
    return story
