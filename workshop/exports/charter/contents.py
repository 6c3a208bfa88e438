"""The table of contents after the cover: a Word TOC field whose result is already written.

The entries (themes, articles, annexes; two levels, each a link to its heading) are
written from the headings the document was built with, so the contents read right in
any viewer; page numbers are left to Word, which updates the field on opening (the
settings ask it to, and the field is marked dirty).
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, nsmap, qn
from docx.shared import Cm, Pt
from docx.styles.style import BaseStyle
from docx.text.paragraph import Paragraph
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from workshop.exports.charter.builder import Charter
from workshop.exports.charter.markup import (
    bookmark_paragraphs,
    field_char,
    heading_bookmark,
)
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


#: What python-docx's ``Paragraph.text`` reads, in document order: each run's text, tab
#: and break elements, and hyperlinks (their own runs' text). Compiled once: python-docx
#: compiles its XPath again for the paragraph and for each run.
_TEXT_PARTS = etree.XPath(
    "w:r/w:br | w:r/w:cr | w:r/w:noBreakHyphen | w:r/w:ptab | w:r/w:t | w:r/w:tab | w:hyperlink",
    namespaces={"w": nsmap["w"]},
)
_HYPERLINK = qn("w:hyperlink")


def paragraph_text(paragraph: Paragraph) -> str:
    """``paragraph.text``, read through one compiled XPath."""
    return "".join(e.text if e.tag == _HYPERLINK else str(e) for e in _TEXT_PARTS(paragraph._p))


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
            text = f"{ARTICLE_WORD[charter.lang]} {number} {paragraph_text(paragraph)}"
            entries.append((level, text, heading_bookmark(ref[1])))
            continue
        name = f"_Toc{index + 1:06d}"  # hidden, as Word names its own
        bookmark_paragraphs(charter.ids, name, paragraph, paragraph)
        entries.append((level, paragraph_text(paragraph), name))
    xml = [f"<w:body {nsdecls('w')}>"]
    for index, (level, text, bookmark) in enumerate(entries or [(1, "", "")]):
        style_id = _entry_style(charter, level).style_id
        if style_id is None:  # what ``apply_style`` leaves: properties, no style
            xml.append("<w:p><w:pPr/>")
        else:
            xml.append(f"<w:p><w:pPr><w:pStyle w:val={quoteattr(style_id)}/></w:pPr>")
        if index == 0:
            xml.append(_FIELD_START)
        if bookmark:
            xml.append(
                f'<w:hyperlink w:anchor={quoteattr(bookmark)} w:history="1">'
                f'<w:r><w:t xml:space="preserve">{escape(text, _CR)}</w:t></w:r></w:hyperlink>'
            )
        xml.append("</w:p>")
    xml.append("</w:body>")
    # The entries parsed from one text (libxml2 builds the elements, no proxy for each),
    # as the contents' field builders write them; then moved after the heading.
    anchor = heading._p
    for p in list(parse_xml("".join(xml))):
        anchor.addnext(p)
        anchor = p
    anchor.append(field_char("end"))


_CR = {"\r": "&#13;"}  # a carriage return parsed raw would become a line feed
_FIELD_START = (
    '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
    f'<w:r><w:instrText xml:space="preserve"> {escape(TOC_INSTRUCTION)} </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
)
