"""The adopted clauses as numbered articles under their themes, reservations as comments."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from docx.text.run import Run

from workshop.exports.charter.builder import Charter, text_lines
from workshop.exports.charter.properties import utc
from workshop.exports.common import clean
from workshop.model import Choice, Outcome
from workshop.snapshot import Clause


def _initials(name: str) -> str:
    """Initials for a comment author: « Représentants du personnel » → « RP », "DSI" → "DSI"."""
    words = [w for w in re.split(r"[\s\-’']+", name) if w]
    if len(words) == 1:
        word = words[0]
        return word if word.isupper() and len(word) <= 4 else word[:1].upper()
    letters = [w[0].upper() for w in words if len(w) > 2 or w[0].isupper()]
    return "".join(letters[:3]) or name[:1].upper()


def article_list(charter: Charter) -> None:
    t = charter.t
    if not charter.adopted:
        charter.heading(t["articles"], new_page=True)
        charter.paragraph(t["no_article"], "Normal")
        return
    theme: str | None = None
    first = True
    for number, clause in enumerate(charter.adopted, start=1):
        charter.articles[clause.id] = number
        if clause.theme_key != theme:
            theme = clause.theme_key
            charter.heading(clean(clause.theme_title) or t["articles"], new_page=first)
            first = False
        article(charter, number, clause)


def article(charter: Charter, number: int, clause: Clause) -> None:
    t = charter.t
    head = charter.paragraph("", "Article", "Heading 2", "Heading 1")
    runs = [head.add_run(t["article"].format(n=number)), head.add_run(clean(clause.title))]
    if head.style is None or head.style.name == "Normal":
        for run in runs:
            run.bold = True
    for line in text_lines(clause.text):
        runs.extend(charter.paragraph(line, "Normal").runs)
    variant = clause.variant
    if variant is not None and variant.lean == "control" and variant.justification:
        note = charter.paragraph("", "Note", "Normal")
        note.add_run(t["justification"]).bold = True
        note.add_run(clean(variant.justification)).italic = True
    if clause.status is Outcome.ADOPTED_WITH_RESERVATIONS:
        comments(charter, clause, runs)


def comments(charter: Charter, clause: Clause, runs: Sequence[Run]) -> None:
    """One Word comment per reservation of the deciding round, on the whole article."""
    deciding = clause.last_closed
    if deciding is None:
        return
    for remark in deciding.remarks:
        if remark.kind != Choice.RESERVATION:
            continue
        author = charter.remark_college(remark) or charter.t["workshop_author"]
        comment = charter.doc.add_comment(
            list(runs),
            text=charter.t["reservation"].format(text=clean(remark.text)),
            author=author,
            initials=_initials(author),
        )
        if remark.created_at:
            try:
                comment._comment_elm.date = utc(datetime.fromisoformat(remark.created_at))
            except ValueError:
                pass
