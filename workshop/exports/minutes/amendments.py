"""One amendment of a clause: reason and the amended wording, as a diff when legible."""

from __future__ import annotations

import re

from reportlab.platypus import Flowable

from workshop.exports.minutes.context import Context
from workshop.exports.minutes.helpers import headed
from workshop.exports.minutes.layout import ADDED_BG, DELETED, NBSP
from workshop.exports.pdf_fonts import FONT_ITALIC, markup, normalise
from workshop.snapshot import Amendment
from workshop.textfmt import clock
from workshop.worddiff import opcodes

_WORD = re.compile(r"\s+|[^\s]+")


def diff_markup(ctx: Context, before: str, after: str) -> str | None:
    """The amended text with additions underlined on green and deletions struck through.

    None when the texts differ too much for a merged view to stay legible.
    """
    a = _WORD.findall(ctx.typeset(before))
    b = _WORD.findall(ctx.typeset(after))
    ops = opcodes(a, b)  # difflib's, found faster (workshop.worddiff)
    same = sum(i2 - i1 for op, i1, i2, _, _ in ops if op == "equal")
    if (a or b) and 2 * same / (len(a) + len(b)) < 0.5:  # difflib's ratio()
        return None
    out = []
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            out.append(markup("".join(b[j1:j2])))
            continue
        if op in ("delete", "replace"):
            raw = "".join(a[i1:i2])
            gone = raw.strip()
            if gone:
                # the space before a struck word stays outside it: « and are » must not read
                # « andare » in the text layer when the word before it is kept
                lead = " " if raw[:1].isspace() and out and not out[-1][-1:].isspace() else ""
                out.append(
                    f'{lead}<font color="{DELETED.hexval()}"><strike>{markup(gone)}</strike></font> '
                )
        if op in ("insert", "replace"):
            added = "".join(b[j1:j2])
            if added.strip():
                lead = added[: len(added) - len(added.lstrip())]
                trail = added[len(added.rstrip()) :]
                out.append(
                    markup(lead)
                    + f'<u><font backColor="{ADDED_BG.hexval()}">{markup(added.strip())}</font></u>'
                    + markup(trail)
                )
            else:
                out.append(markup(added))
    return ctx.raise_ordinals("".join(out))


def amendment_block(
    ctx: Context, a: Amendment, shown_text: str | None, clean: bool = True
) -> list[Flowable]:
    """An amendment: who, when, why, the redline, then the clean amended text.

    ``clean`` False when the round that follows prints the amended text in full (as the
    text put to the vote), so a long clause is not printed twice in a row.
    """
    who = (
        ctx.tr(" par le collège ", " by the college ") + ctx.college_name(a.college_id)
        if a.college_id is not None
        else ""
    )
    head = ctx.tr("Amendement", "Amendment") + who + f" ({clock(a.created_at, ctx.lang)})"
    story: list[Flowable] = [ctx.p(ctx.t(head), "h3")]
    if normalise(a.reason).strip():
        head = ctx.tr("Motif" + NBSP + ":", "Reason:")
        reason = ctx.t(a.reason)
        inline = f"<i>{ctx.t(head + ' ', FONT_ITALIC)}</i>{reason}"
        story.append(headed(ctx, head, reason, inline, face=FONT_ITALIC, space=FONT_ITALIC))
    before, after = a.before, a.after
    if normalise(before) == normalise(after):
        story.append(ctx.p(ctx.t(ctx.tr("Texte inchangé.", "Wording unchanged.")), "meta"))
        return story
    merged = diff_markup(ctx, before, after)
    if merged is not None:
        story.append(
            ctx.p(
                ctx.t(
                    ctx.tr(
                        "Modifications (ajouts soulignés, suppressions barrées) :",
                        "Changes (additions underlined, deletions struck through):",
                    )
                ),
                "meta",
            )
        )
        story.append(ctx.p(merged, "quote"))
    elif shown_text is None or normalise(shown_text) != normalise(before):
        story.append(ctx.p(ctx.t(ctx.tr("Texte avant amendement :", "Wording before:")), "meta"))
        story.append(ctx.p(ctx.t(before), "quote"))
    if clean:
        story.append(
            ctx.p(
                ctx.t(ctx.tr("Texte amendé, version propre :", "Amended wording, clean copy:")),
                "meta",
            )
        )
        story.append(ctx.p(ctx.t(after), "quote"))
    return story
