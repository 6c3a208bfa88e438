"""The adopted clauses as numbered articles under their themes, with their comments.

Each article heading is a paragraph in the Article style, numbered by Word (« Article 3 »),
followed by « — Title » and, in a discreet run, the clause's stable reference « (réf. C7) ».
The bookmark ``clause_C7`` spans the whole article and ``clause_C7_heading`` its heading
(see ``markup``). Comments: the provenance and the justification of a restrictive variant
on the heading, each reservation on the whole article. An amended clause shows the library
text with the amendments as tracked changes, unless the export asks for the clean text.
"""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph

from workshop.exports.charter import revisions
from workshop.exports.charter.builder import Charter, text_lines
from workshop.exports.charter.markup import (
    add_comment,
    bookmark_paragraphs,
    clause_bookmark,
    heading_bookmark,
    iso_utc,
)
from workshop.exports.charter.ooxml import add_run, apply_style
from workshop.exports.charter.provenance import amendment_author, provenance
from workshop.exports.common import clean
from workshop.model import Choice, Outcome
from workshop.references import reference
from workshop.snapshot import Clause

REFERENCE_GREY = RGBColor(0x6B, 0x6B, 0x6B)


def _reference_look() -> BaseOxmlElement:
    """The reference's run properties as python-docx's ``bold = False``, ``font.size =
    Pt(9)`` and ``font.color.rgb`` write them (each setter probes the schema order)."""
    rpr = OxmlElement("w:rPr")
    for tag, value in (("w:b", "0"), ("w:color", str(REFERENCE_GREY)), ("w:sz", "18")):
        rpr.append(OxmlElement(tag, {qn("w:val"): value}))
    return rpr


def initials(name: str) -> str:
    """Initials for a comment author: « Représentants du personnel » → « RP », "DSI" → "DSI"."""
    words = [w for w in re.split(r"[\s\-’']+", name) if w]
    if not words:
        return "A"
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
    for clause in charter.adopted:
        if clause.theme_key != theme:
            theme = clause.theme_key
            charter.heading(clean(clause.theme_title) or t["articles"], new_page=first)
            first = False
        article(charter, clause)


def article(charter: Charter, clause: Clause) -> None:
    t = charter.t
    ref = reference(clause)
    head = charter.new_paragraph()
    apply_style(head, charter.article_style)
    charter.headings.append((head, 2, (clause.id, ref)))
    add_run(head, "— " + clean(clause.title))
    marker = add_run(head, "\u00a0" + t["reference"].format(ref=ref))
    marker._r.insert(0, _reference_look())  # not bold, 9 pt, grey
    body = wording(charter, clause)
    last = body[-1] if body else head
    bookmark_paragraphs(charter.ids, heading_bookmark(ref), head, head)
    bookmark_paragraphs(charter.ids, clause_bookmark(ref), head, last)
    comments(charter, clause, head, last)


def wording(charter: Charter, clause: Clause) -> list[Paragraph]:
    """The article's paragraphs: tracked changes from the library text when amended."""
    steps = amendment_steps(charter, clause) if charter.options.tracked_changes else None
    if not steps:
        return [charter.paragraph(line, "Normal") for line in text_lines(clause.text)]
    library = revisions.normalised(clause.variant.text, text_lines)  # type: ignore[union-attr]
    pieces = revisions.changes(library, steps)
    deciding = clause.last_closed
    date = iso_utc(deciding.closed_at if deciding else None)
    style = charter.style("Normal")
    if style is not None and style.style_id is None:  # a style without id: python-docx's way
        return revisions.write(pieces, lambda: charter.paragraph("", "Normal"), charter.ids, date)
    style_id = style.style_id if style is not None else None
    return charter.append_xml(revisions.write_xml(pieces, charter.ids, date, style_id))


def amendment_steps(charter: Charter, clause: Clause) -> list[tuple[str, str]] | None:
    """The amendments leading from the library text to the adopted one, as (text, author);
    one step from the library text when the recorded ones do not lead there; None when
    the adopted text is the library's."""
    variant = clause.variant
    if variant is None:
        return None
    library = revisions.normalised(variant.text, text_lines)
    target = revisions.normalised(clause.text, text_lines)
    if library == target:
        return None
    chain: list[tuple[str, str]] = []
    current = target
    for amendment in reversed(clause.amendments):
        if revisions.normalised(amendment.after, text_lines) != current:
            break
        who = amendment_author(charter, amendment.college_id, amendment.reason)
        chain.insert(0, (current, who))
        current = revisions.normalised(amendment.before, text_lines)
        if current == library:
            return chain
    if not clause.amendments:
        return [(target, amendment_author(charter, None))]
    last = clause.amendments[-1]
    return [(target, amendment_author(charter, last.college_id, last.reason))]


def comments(charter: Charter, clause: Clause, head: Paragraph, last: Paragraph) -> None:
    """Provenance and justification on the heading; one comment per reservation of the
    deciding round on the whole article."""
    t = charter.t
    deciding = clause.last_closed
    date = iso_utc(deciding.closed_at if deciding else None)
    author = t["provenance_author"]
    lines = provenance(charter, clause, tracked=charter.options.tracked_changes)
    add_comment(charter.doc, charter.ids, head, head, lines, author, initials(author), date)
    variant = clause.variant
    if variant is not None and variant.lean == "control" and variant.justification:
        author = t["library_author"]
        text = t["justification"] + clean(variant.justification)
        add_comment(charter.doc, charter.ids, head, head, [text], author, initials(author), date)
    if clause.status is not Outcome.ADOPTED_WITH_RESERVATIONS or deciding is None:
        return
    for remark in deciding.remarks:
        if remark.kind != Choice.RESERVATION:
            continue
        college = charter.remark_college(remark)
        author = t["author"].format(college=college) if college else t["workshop_author"]
        add_comment(
            charter.doc,
            charter.ids,
            head,
            last,
            [t["reservation"].format(text=clean(remark.text))],
            author,
            initials(college or author),
            iso_utc(remark.created_at),
        )
