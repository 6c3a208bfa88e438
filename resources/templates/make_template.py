"""Build ``charter.docx``, the Word template of the draft charter, with python-docx.

Run ``python resources/templates/make_template.py`` after changing a style: the template
is generated rather than edited in Word so that every style is reviewable in this file and
the result is the same on every machine.

Choices:
- Arial everywhere (Latin, complex scripts, East Asian slots): present on Windows and
  macOS, and LibreOffice substitutes the metric-compatible Liberation Sans, so the
  pagination a lawyer sees in Word matches the one the facilitator previews.
- 11 pt body, 1.15 line spacing, A4 with 2.5 cm margins; dark blue headings, no theme
  fonts or theme colours (a theme swap in Word must not restyle the charter).
- Custom styles used by ``workshop.exports.charter``: "Article" (article headings,
  outline level 2 so they appear in Word's navigation pane), "Status Line" (the boxed
  « document de travail » line of the cover), "Wording" (quoted wordings of the open
  points), "Table Text" (compact cell text), "Note" (small print: bases, disclaimer) and
  the table style "Charter Table" (header row lightly shaded, thin grey rules).
- The first page (the cover) has its own, empty header and footer.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

FONT = "Arial"
INK = RGBColor(0x1A, 0x1A, 0x1A)
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)  # dark slate blue: headings, title, table header
MUTED = RGBColor(0x59, 0x59, 0x59)
ALERT = RGBColor(0x9C, 0x2B, 0x2B)  # the status line
HERE = Path(__file__).resolve().parent
TARGET = HERE / "charter.docx"


def _set_fonts(rpr_parent) -> None:
    """Point every script slot of a style (or the defaults) at FONT, dropping theme fonts."""
    rpr = rpr_parent.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    fonts.attrib.clear()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def _size(style, points: float) -> None:
    """Font size for Latin and complex scripts alike (Arabic or Hebrew names stay in scale)."""
    style.font.size = Pt(points)
    rpr = style.element.get_or_add_rPr()
    cs = rpr.find(qn("w:szCs"))
    if cs is None:
        cs = rpr.makeelement(qn("w:szCs"), {})
        rpr.find(qn("w:sz")).addnext(cs)
    cs.set(qn("w:val"), str(int(round(points * 2))))


def _drop_theme_colour(style) -> None:
    colour = style.element.find(qn("w:rPr") + "/" + qn("w:color"))
    if colour is not None:
        for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
            colour.attrib.pop(qn(attr), None)


def _paragraph_style(doc, name: str, base: str | None = None):
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base is not None:
        style.base_style = styles[base]
    return style


def _defaults(doc) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    fonts.attrib.clear()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "fr-FR")
    lang.set(qn("w:eastAsia"), "fr-FR")
    lang.set(qn("w:bidi"), "ar-SA")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "120")  # 6 pt
    spacing.set(qn("w:line"), "276")  # 1.15
    spacing.set(qn("w:lineRule"), "auto")


def _styles(doc) -> None:
    styles = doc.styles
    for style in styles:
        if style.element.find(qn("w:rPr") + "/" + qn("w:rFonts")) is not None:
            _set_fonts(style.element)

    normal = styles["Normal"]
    _size(normal, 11)
    normal.font.color.rgb = INK
    normal.paragraph_format.widow_control = True

    title = styles["Title"]
    _set_fonts(title.element)
    _size(title, 26)
    title.font.bold = True
    title.font.color.rgb = ACCENT
    ppr = title.element.get_or_add_pPr()
    border = ppr.find(qn("w:pBdr"))
    if border is not None:
        ppr.remove(border)
    title.paragraph_format.space_before = Pt(6)
    title.paragraph_format.space_after = Pt(18)
    title.paragraph_format.line_spacing = 1.0

    subtitle = styles["Subtitle"]
    _set_fonts(subtitle.element)
    _size(subtitle, 13)
    subtitle.font.italic = False
    subtitle.font.color.rgb = MUTED
    subtitle.paragraph_format.space_after = Pt(6)

    for name, size, before, after in (
        ("Heading 1", 16, 24, 8),
        ("Heading 2", 13, 16, 4),
        ("Heading 3", 11.5, 12, 4),
    ):
        heading = styles[name]
        _set_fonts(heading.element)
        _size(heading, size)
        heading.font.bold = True
        heading.font.color.rgb = ACCENT
        _drop_theme_colour(heading)
        heading.paragraph_format.space_before = Pt(before)
        heading.paragraph_format.space_after = Pt(after)
        heading.paragraph_format.keep_with_next = True
    for name in ("Title", "Subtitle"):
        _drop_theme_colour(styles[name])
        # stock letter-spacing, complex-script italics and a stray list level
        rpr = styles[name].element.find(qn("w:rPr"))
        for tag in ("w:spacing", "w:iCs", "w:kern"):
            for element in rpr.findall(qn(tag)):
                rpr.remove(element)
        ppr = styles[name].element.find(qn("w:pPr"))
        if ppr is not None:
            for element in ppr.findall(qn("w:numPr")):
                ppr.remove(element)

    article = _paragraph_style(doc, "Article", "Heading 2")
    article.next_paragraph_style = normal
    _size(article, 12)
    article.font.bold = True
    article.font.color.rgb = INK
    article.paragraph_format.space_before = Pt(14)
    article.paragraph_format.space_after = Pt(4)
    article.paragraph_format.keep_with_next = True

    status = _paragraph_style(doc, "Status Line", "Normal")
    _size(status, 11)
    status.font.bold = True
    status.font.color.rgb = ALERT
    status.paragraph_format.space_before = Pt(18)
    status.paragraph_format.space_after = Pt(18)
    status.element.get_or_add_pPr().append(
        parse_xml(
            f"<w:pBdr {nsdecls('w')}>"
            '<w:top w:val="single" w:sz="8" w:space="6" w:color="9C2B2B"/>'
            '<w:bottom w:val="single" w:sz="8" w:space="6" w:color="9C2B2B"/>'
            "</w:pBdr>"
        )
    )

    wording = _paragraph_style(doc, "Wording", "Normal")
    wording.font.color.rgb = RGBColor(0x33, 0x33, 0x33)
    wording.paragraph_format.left_indent = Cm(0.8)
    wording.paragraph_format.space_after = Pt(6)
    wording.element.get_or_add_pPr().append(
        parse_xml(
            f"<w:pBdr {nsdecls('w')}>"
            '<w:left w:val="single" w:sz="12" w:space="8" w:color="BFBFBF"/>'
            "</w:pBdr>"
        )
    )

    table_text = _paragraph_style(doc, "Table Text", "Normal")
    _size(table_text, 10)
    table_text.paragraph_format.space_before = Pt(0)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.line_spacing = 1.0

    note = _paragraph_style(doc, "Note", "Normal")
    _size(note, 9.5)
    note.font.color.rgb = MUTED
    note.paragraph_format.space_after = Pt(8)

    bullet = styles["List Bullet"]
    bullet.paragraph_format.space_after = Pt(3)

    for name in ("Header", "Footer"):
        style = styles[name]
        _size(style, 8.5)
        style.font.color.rgb = MUTED
        # tab stops of the default template are for US Letter: none needed here
        tabs = style.element.find(qn("w:pPr") + "/" + qn("w:tabs"))
        if tabs is not None:
            tabs.getparent().remove(tabs)

    styles.element.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="CharterTable">'
            '<w:name w:val="Charter Table"/>'
            '<w:basedOn w:val="TableNormal"/>'
            '<w:uiPriority w:val="59"/>'
            "<w:qFormat/>"
            '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>'
            "<w:tblPr>"
            "<w:tblBorders>"
            '<w:top w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>'
            '<w:left w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>'
            '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="8C8C8C"/>'
            '<w:right w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>'
            '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>'
            '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>'
            "</w:tblBorders>"
            "<w:tblCellMar>"
            '<w:top w:w="60" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>'
            '<w:bottom w:w="60" w:type="dxa"/><w:right w:w="100" w:type="dxa"/>'
            "</w:tblCellMar>"
            "</w:tblPr>"
            '<w:tblStylePr w:type="firstRow">'
            "<w:rPr><w:b/><w:bCs/></w:rPr>"
            '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="DCE3EC"/></w:tcPr>'
            "</w:tblStylePr>"
            "</w:style>"
        )
    )


def _page(doc) -> None:
    section = doc.sections[0]
    section.page_width = Cm(21.0)
    section.page_height = Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    section.header_distance = Cm(1.2)
    section.footer_distance = Cm(1.2)
    section.different_first_page_header_footer = True
    # Give each header and footer its own (empty) part, so that the template is complete.
    for part in (section.header, section.footer, section.first_page_header,
                 section.first_page_footer):  # fmt: skip
        part.is_linked_to_previous = False
        part.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _properties(doc) -> None:
    props = doc.core_properties
    props.title = "Atelier Charte — modèle de charte"
    props.author = "Atelier Charte"
    props.last_modified_by = "Atelier Charte"
    props.comments = "Modèle généré par resources/templates/make_template.py"
    props.keywords = ""
    props.language = "fr-FR"
    props.revision = 1
    fixed = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    props.created = fixed
    props.modified = fixed


def _trim_package(doc) -> None:
    """Drop what python-docx's stock template carries but a template should not.

    The thumbnail would show a stale preview; stylesWithEffects.xml is a second copy of
    the stock (Calibri, theme-coloured) styles that Word 2010 may prefer to ours; the
    settings claim spelling was already checked, and save that thumbnail back.
    """
    package = doc.part.package
    for rId, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[rId]
    for rId, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del doc.part.rels[rId]
    settings = doc.settings.element
    for tag in ("w:proofState", "w:savePreviewPicture", "w:rsids"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), "fr-FR")
    app = doc.part.package.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
    )
    app._blob = app.blob.replace(b"Microsoft Macintosh Word", b"Atelier Charte")


def build(target: Path = TARGET) -> Path:
    """Write the template; returns its path."""
    doc = Document()
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _defaults(doc)
    _styles(doc)
    _page(doc)
    _properties(doc)
    _trim_package(doc)
    doc.save(target)
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET))
