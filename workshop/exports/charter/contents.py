"""The table of contents after the cover: a Word TOC field whose result is already written.

The entries (themes, articles, annexes; two levels, each a link to its heading) are
written from the headings the document was built with, so the contents read right in
any viewer; page numbers are left to Word, which updates the field on opening (the
settings ask it to, and the field is marked dirty).
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph

from workshop.exports.charter.builder import Charter
from workshop.exports.charter.markup import (
    bookmark_paragraphs,
    field_char,
    heading_bookmark,
    instruction_run,
)
from workshop.exports.charter.ooxml import apply_style
from workshop.exports.charter.wordsetup import ARTICLE_WORD

TOC_INSTRUCTION = r'TOC \o "1-2" \h \z \u'


def place(charter: Charter) -> None:
    """The contents' heading, on a page of its own after the cover; filled by ``fill``."""
    heading = charter.paragraph(charter.t["contents"], "TOC Heading", "Title", "Heading 1")
    heading.paragraph_format.page_break_before = True
    charter.contents = heading


def _entry_style(charter: Charter, level: int) -> BaseStyle:
    """Word's own « toc 1 » / « toc 2 » styles (added when the template lacks them); looked
    up once per export and level (python-docx walks every style at each look-up)."""
    cache: dict[int, BaseStyle] = charter.__dict__.setdefault("_toc_styles", {})
    if level not in cache:
        cache[level] = _find_or_add_entry_style(charter, level)
    return cache[level]


def _find_or_add_entry_style(charter: Charter, level: int) -> BaseStyle:
    name = f"toc {level}"
    try:
        style = charter.doc.styles[name]
        if style.type == WD_STYLE_TYPE.PARAGRAPH:
            return style
    except KeyError:
        pass
    style = charter.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = charter.doc.styles["Normal"]
    style.paragraph_format.left_indent = Cm(0.6 * (level - 1))
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing = 1.0
    if level == 1:
        style.font.bold = True
        style.paragraph_format.space_before = Pt(4)
    return style


def fill(charter: Charter) -> None:
    """Write the TOC field after the contents' heading, one entry per heading below it."""
    heading = getattr(charter, "contents", None)
    if heading is None:
        return
    entries: list[tuple[int, str, str]] = []
    for index, (paragraph, level, ref) in enumerate(charter.headings):
        if level > 2:
            continue
        if ref is not None:
            number = charter.numbers.get(ref[0], 0)
            text = f"{ARTICLE_WORD[charter.lang]} {number} {paragraph.text}"
            entries.append((level, text, heading_bookmark(ref[1])))
            continue
        name = f"_Toc{index + 1:06d}"  # hidden, as Word names its own
        bookmark_paragraphs(charter.ids, name, paragraph, paragraph)
        entries.append((level, paragraph.text, name))
    paragraphs: list[Paragraph] = []
    anchor = heading._p
    for index, (level, text, bookmark) in enumerate(entries or [(1, "", "")]):
        p = Paragraph(OxmlElement("w:p"), heading._parent)
        apply_style(p, _entry_style(charter, level))
        anchor.addnext(p._p)
        anchor = p._p
        if index == 0:
            p._p.append(field_char("begin", dirty=True))
            p._p.append(instruction_run(TOC_INSTRUCTION))
            p._p.append(field_char("separate"))
        if bookmark:
            link = OxmlElement("w:hyperlink")
            link.set(qn("w:anchor"), bookmark)
            link.set(qn("w:history"), "1")
            run = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = text
            run.append(t)
            link.append(run)
            p._p.append(link)
        paragraphs.append(p)
    paragraphs[-1]._p.append(field_char("end"))
