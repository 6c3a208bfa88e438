"""Section: the diagnostic's scores and the position they suggest."""

from __future__ import annotations

import re

from reportlab.platypus import Flowable

from workshop import diagnostic
from workshop.errors import WorkshopError
from workshop.exports.minutes.context import Context
from workshop.exports.minutes.helpers import bullet, data_table, h1
from workshop.exports.minutes.layout import NBSP


def _without_label(text: str, heading: str) -> str:
    """The explanation without the lead-in its heading already says (« Position suggérée : »)."""
    match = re.match(rf"{re.escape(heading)}[\s\u00a0\u202f]*:\s*", text)
    if not match:
        return text
    rest = text[match.end() :]
    return rest[:1].upper() + rest[1:]


def section(ctx: Context, number: int) -> list[Flowable]:
    story: list[Flowable] = [h1(ctx, number, ctx.tr("Diagnostic", "Diagnostic"))]
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
    story.append(data_table(ctx, header, rows, [0.06, 0.36, 0.1, 0.48]))
    known = {c.key for c in diagnostic.CRITERIA}
    try:
        suggestion = diagnostic.suggested_position(
            {k: a.score for k, a in answers.items() if k in known}
        )
        text = diagnostic.explain(suggestion, ctx.lang)
    except WorkshopError:
        text = ctx.tr("Position suggérée indisponible.", "Suggested position unavailable.")
    heading = ctx.tr("Position suggérée", "Suggested position")
    story.append(ctx.p(ctx.t(heading), "h2"))
    for line in _without_label(text, heading).split("\n"):
        if line.startswith("- "):
            story.append(bullet(ctx, ctx.t(line[2:])))
        else:
            story.append(ctx.p(ctx.t(line)))
    return story
