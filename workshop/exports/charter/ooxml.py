"""Low-level OOXML python-docx lacks: styles by id, language, header rows, shading, fields."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import _BaseHeaderFooter
from docx.styles.style import BaseStyle
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

_VAL, _TYPE, _W = qn("w:val"), qn("w:type"), qn("w:w")


def apply_style(paragraph: Paragraph, style: BaseStyle) -> None:
    """Set a paragraph style by id: ``paragraph.style = style`` looks the style up again.

    A paragraph without properties (a new one) gets ``<w:pPr><w:pStyle/></w:pPr>`` as its
    first child directly: python-docx's setter makes the same elements but finds their
    place by probing every later element the schema allows, for each paragraph.
    """
    p, style_id = paragraph._p, style.style_id
    if p.pPr is not None or style_id is None:
        p.style = style_id
        return
    ppr = OxmlElement("w:pPr")
    ppr.append(OxmlElement("w:pStyle", {qn("w:val"): style_id}))
    p.insert(0, ppr)


def add_run(paragraph: Paragraph, text: str = "") -> Run:
    """``paragraph.add_run(text)``, built directly for text without tab or line break.

    python-docx feeds a run's text through a per-character state machine (a tab becomes
    ``w:tab``, a line break ``w:br``); for any other text it writes one ``w:t``, kept with
    its spaces when it starts or ends with one. That is what this writes, without the loop
    (the floor pays it too, but the charter writes several runs per paragraph).
    """
    if not text or "\t" in text or "\n" in text or "\r" in text:
        return paragraph.add_run(text)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    if len(text.strip()) < len(text):
        t.set(qn("xml:space"), "preserve")
    r.append(t)
    paragraph._p.append(r)
    return Run(r, paragraph)


def _styled_paragraph(parent: BaseOxmlElement, style_id: str | None) -> Paragraph:
    p = OxmlElement("w:p")
    if style_id is not None:
        ppr = OxmlElement("w:pPr")
        ppr.append(OxmlElement("w:pStyle", {_VAL: style_id}))
        p.append(ppr)
    parent.append(p)
    return Paragraph(p, None)  # type: ignore[arg-type]


def body_row(
    cells: Sequence[Sequence[str]], twips: Sequence[str], style_id: str | None
) -> BaseOxmlElement:
    """A table body row (``w:tr``) as python-docx's table, cell width and run setters write
    it: each cell's width in twips, its non-empty lines as paragraphs in ``style_id``, the
    lines after the first in italics; a cell with no line keeps one empty paragraph."""
    tr = OxmlElement("w:tr")
    for lines, width in zip(cells, twips, strict=True):
        tc = OxmlElement("w:tc")
        tc_pr = OxmlElement("w:tcPr")
        tc_pr.append(OxmlElement("w:tcW", {_TYPE: "dxa", _W: width}))
        tc.append(tc_pr)
        tr.append(tc)
        texts = [line for line in lines if line]
        if not texts:
            _styled_paragraph(tc, style_id)
        for i, line in enumerate(texts):
            run = add_run(_styled_paragraph(tc, style_id), line)
            if i:
                rpr = OxmlElement("w:rPr")
                rpr.append(OxmlElement("w:i"))
                run._r.insert(0, rpr)
    return tr


def plain(text: str) -> bool:
    """Text ``add_run`` writes as one ``w:t`` and a parser reads back the same: no tab nor
    line break (python-docx turns them into elements), not only spaces."""
    return bool(text.strip()) and "\t" not in text and "\n" not in text and "\r" not in text


def run_xml(text: str, properties: str = "") -> str:
    """``add_run(paragraph, text)`` for plain text, as XML (``properties``: its w:rPr)."""
    space = ' xml:space="preserve"' if len(text.strip()) < len(text) else ""
    return f"<w:r>{properties}<w:t{space}>{escape(text)}</w:t></w:r>"


def body_rows(
    rows: Sequence[Sequence[Sequence[str]]], twips: Sequence[str], style_id: str | None
) -> list[BaseOxmlElement]:
    """``body_row`` for each row; parsed from one text when every line is plain (libxml2
    builds the elements far faster than one proxy each)."""
    if any(not plain(line) for row in rows for lines in row for line in lines if line):
        return [body_row(row, twips, style_id) for row in rows]
    ppr = "" if style_id is None else f"<w:pPr><w:pStyle w:val={quoteattr(style_id)}/></w:pPr>"
    xml = [f"<w:tbl {nsdecls('w')}>"]
    for row in rows:
        xml.append("<w:tr>")
        for lines, width in zip(row, twips, strict=True):
            xml.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>')
            texts = [line for line in lines if line]
            if not texts:
                xml.append(f"<w:p>{ppr}</w:p>")
            for i, line in enumerate(texts):
                xml.append(f"<w:p>{ppr}{run_xml(line, _ITALIC if i else '')}</w:p>")
            xml.append("</w:tc>")
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    return list(parse_xml("".join(xml)))


_ITALIC = "<w:rPr><w:i/></w:rPr>"


def set_language(doc: DocxDocument, lang: str) -> None:
    """Proofing language of the whole document (Word's spelling and hyphenation)."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang_element = rpr.find(qn("w:lang"))
    if lang_element is None:
        lang_element = OxmlElement("w:lang")
        rpr.append(lang_element)
    lang_element.set(qn("w:val"), "en-GB" if lang == "en" else "fr-FR")


def repeat_header(row: _Row) -> None:
    """Mark a table row as a header row, repeated at the top of each page."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.insert(0, cant_split)


def shade(cell: _Cell, fill: str) -> None:
    """Background of a table cell, set directly so it does not depend on the table style."""
    tc_pr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc_pr.append(shading)


def add_field(paragraph: Paragraph, instruction: str) -> None:
    """A complex field (PAGE, NUMPAGES) that Word and LibreOffice update when laying out."""

    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    char("separate")
    paragraph.add_run("1")
    char("end")


def free_paragraph(part: _BaseHeaderFooter) -> Paragraph:
    """An empty paragraph of a header or footer, added after a template's letterhead."""
    element = part._element
    has_content = bool(element.xpath(".//w:t[normalize-space(.)] | .//w:drawing | .//w:pict"))
    if not has_content and part.paragraphs:
        return part.paragraphs[0]
    return part.add_paragraph()
