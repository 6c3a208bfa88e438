"""Section: clause by clause, with their rounds and amendments in order."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable

from workshop.exports.minutes.amendments import amendment_block
from workshop.exports.minutes.context import Context, decimal
from workshop.exports.minutes.helpers import bold, h1, headed, outline, status_text
from workshop.exports.minutes.layout import NBSP
from workshop.exports.minutes.rounds import ballot_block
from workshop.exports.pdf_fonts import FONT_BOLD, normalise
from workshop.snapshot import Amendment, Ballot, Clause


def _heading(ctx: Context, clause: Clause) -> str:
    """« C7 — Titre (article 3 de la charte) »: the reference, and the article once adopted."""
    article = ctx.article(clause)
    return ctx.clause_name(clause) + (f" ({article})" if article else "")


_LEAN_WORDS = {
    "support": ("orientée accompagnement", "support-leaning"),
    "control": ("orientée contrôle", "control-leaning"),
    "balanced": ("équilibrée", "balanced"),
}


def _clause_meta(ctx: Context, clause: Clause) -> list[Flowable]:
    colon = ctx.tr(NBSP + ": ", ": ")

    def item(key: str, value: str) -> str:
        return f"{bold(ctx, key + colon)}{ctx.t(value)}"

    meta = [
        item(ctx.tr("Thème", "Theme"), clause.theme_title or "—"),
        item(ctx.tr("Statut", "Status"), status_text(ctx, clause)),
    ]
    variant = clause.variant
    if variant is not None:
        fr, en = _LEAN_WORDS.get(variant.lean, (variant.lean, variant.lean))
        where = ctx.tr(
            f"accompagnement {decimal(variant.support, 'fr')}, "
            f"contrôle {decimal(variant.control, 'fr')}",
            f"support {decimal(variant.support, 'en')}, control {decimal(variant.control, 'en')}",
        )
        meta.append(
            item(ctx.tr("Variante", "Variant"), f"{variant.label} ({ctx.tr(fr, en)}, {where})")
        )
    story: list[Flowable] = [ctx.p(" · ".join(meta), "meta")]
    if variant is not None and variant.justification and normalise(variant.justification).strip():
        story.append(
            ctx.p(item(ctx.tr("Justification", "Justification"), variant.justification), "meta")
        )
    return story


def section(ctx: Context, number: int) -> list[Flowable]:
    story: list[Flowable] = [h1(ctx, number, ctx.tr("Clauses, une par une", "Clause by clause"))]
    if not ctx.snap.clauses:
        story.append(ctx.p(ctx.t(ctx.tr("Aucune clause examinée.", "No clause reviewed."))))
    colon = ctx.tr(NBSP + ": ", ": ")
    for clause in ctx.snap.clauses:
        story.append(CondPageBreak(4 * cm))
        heading = _heading(ctx, clause)
        story.append(outline(ctx.p(ctx.t(heading), "h2"), heading, level=1))
        story += _clause_meta(ctx, clause)
        # Rounds and amendments in the order they happened (ISO times; on a tie the
        # amendment comes first, as a round opens on the amended text).
        events: list[tuple[str, int, Ballot | Amendment]] = [
            (b.opened_at or "", 1, b) for b in clause.ballots
        ]
        events += [(a.created_at or "", 0, a) for a in clause.amendments]
        events.sort(key=lambda e: (e[0], e[1]))
        shown: tuple[str, str] | None = None
        for index, (_, _, event) in enumerate(events):
            if isinstance(event, Ballot):
                story += ballot_block(ctx, event, shown)
                shown = (event.text, "round")
            else:
                # The clean amended text follows the redline, unless the next round prints it.
                after = events[index + 1][2] if index + 1 < len(events) else None
                voted_next = isinstance(after, Ballot) and normalise(after.text) == normalise(
                    event.after
                )
                story += amendment_block(
                    ctx, event, shown[0] if shown else None, clean=not voted_next
                )
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
            head, note = ctx.tr("Note", "Note") + colon.rstrip(), ctx.t(clause.note)
            inline = f"{bold(ctx, ctx.tr('Note', 'Note') + colon)}{note}"
            story.append(headed(ctx, head, note, inline, space=FONT_BOLD))
    return story
