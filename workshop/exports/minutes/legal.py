"""Section: legal notes to check, with their basis and the clauses concerned."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from workshop.exports.legal import DISCLAIMER, legal_notes
from workshop.exports.minutes.context import Context
from workshop.exports.minutes.helpers import bullet, h1
from workshop.exports.minutes.layout import NBSP, RecordParagraph
from workshop.exports.pdf_fonts import FONT_ITALIC


def section(ctx: Context, number: int) -> list[Flowable]:
    story: list[Flowable] = [h1(ctx, number, ctx.tr("Notes juridiques", "Legal notes"))]
    story.append(ctx.p(ctx.t(DISCLAIMER["en" if ctx.en else "fr"], FONT_ITALIC), "box"))
    colon = ctx.tr(NBSP + ": ", ": ")
    # The notes name adopted clauses by title; the record names them by reference too.
    adopted = {c.title: c for c in ctx.snap.clauses if c.adopted}
    for note in legal_notes(ctx.snap, ctx.lang):
        story.append(bullet(ctx, ctx.t(note.text)))
        extra = f"<i>{ctx.t(note.basis, FONT_ITALIC)}</i>"
        if note.clauses:
            extra += (
                " — "
                + ctx.t(ctx.tr("clauses concernées", "clauses concerned") + colon)
                + ctx.t(
                    ", ".join(
                        ctx.clause_name(adopted[c]) if c in adopted else ctx.scrub(c)
                        for c in note.clauses
                    )
                )
            )
        story.append(
            RecordParagraph(
                extra,
                ParagraphStyle("legal_basis", ctx.styles["meta"], leftIndent=12, spaceAfter=6),
            )
        )
    return story
