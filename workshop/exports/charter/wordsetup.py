"""The document-wide Word set-up: article numbering on the Article style, and the settings
a lawyer's Word needs (Word 2013+ mode, track changes on, fields updated on opening).

Article numbers are Word list numbering bound to the Article paragraph style (the style's
w:numPr points at our numbering definition, whose level names the style back), so a lawyer
who inserts, moves or deletes an article in Word gets the others renumbered, and REF fields
(« Article 11 ») follow.
"""

from __future__ import annotations

import random

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.settings import CT_Settings
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.style import BaseStyle

WORD_URI = "http://schemas.microsoft.com/office/word"
ARTICLE_STYLE = "Article"
ARTICLE_WORD = {"fr": "Article", "en": "Article"}  # the number is « Article 3 » in both


# -- numbering --------------------------------------------------------------------------
def article_style(doc: DocxDocument, fallback: BaseStyle | None) -> BaseStyle:
    """The template's "Article" paragraph style, or ours, built on ``fallback`` (the
    template's Heading 2) so that the company's look is kept."""
    styles = doc.styles
    try:
        style = styles[ARTICLE_STYLE]
        if style.type == WD_STYLE_TYPE.PARAGRAPH:
            return style
        name = "Charter Article"  # the name is taken by a character or table style
    except KeyError:
        name = ARTICLE_STYLE
    try:
        style = styles[name]
        if style.type == WD_STYLE_TYPE.PARAGRAPH:
            return style
    except KeyError:
        pass
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if fallback is not None:
        style.base_style = fallback
    else:
        style.font.bold = True
    style.next_paragraph_style = styles["Normal"] if _has(doc, "Normal") else None
    style.paragraph_format.keep_with_next = True
    ppr = style.element.get_or_add_pPr()
    if ppr.find(qn("w:outlineLvl")) is None:
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), "1")  # level 2: in the navigation pane and the contents
        ppr.append(level)
    return style


def _has(doc: DocxDocument, name: str) -> bool:
    try:
        doc.styles[name]
    except KeyError:
        return False
    return True


def number_articles(doc: DocxDocument, style: BaseStyle, lang: str) -> int:
    """Bind a new « Article %1 » numbering definition to ``style``; returns its w:numId."""
    numbering = doc.part.numbering_part.element
    abstract_ids = [int(v) for v in numbering.xpath("./w:abstractNum/@w:abstractNumId")]
    num_ids = [int(v) for v in numbering.xpath("./w:num/@w:numId")]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    nsid = OxmlElement("w:nsid")
    nsid.set(qn("w:val"), f"{random.Random(abstract_id).getrandbits(32):08X}")
    abstract.append(nsid)
    kind = OxmlElement("w:multiLevelType")
    kind.set(qn("w:val"), "singleLevel")
    abstract.append(kind)
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (
        ("w:start", "1"),
        ("w:numFmt", "decimal"),
        ("w:pStyle", style.style_id),
        ("w:suff", "space"),
        ("w:lvlText", f"{ARTICLE_WORD[lang]} %1"),
        ("w:lvlJc", "left"),
    ):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        level.append(element)
    ppr = OxmlElement("w:pPr")
    indent = OxmlElement("w:ind")
    indent.set(qn("w:left"), "0")
    indent.set(qn("w:firstLine"), "0")
    ppr.append(indent)
    level.append(ppr)
    abstract.append(level)
    # every w:abstractNum comes before the first w:num
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    numbering.append(num)
    # the style carries the numbering: every Article paragraph is numbered
    style_ppr = style.element.get_or_add_pPr()
    for old in style_ppr.findall(qn("w:numPr")):
        style_ppr.remove(old)
    num_pr = OxmlElement("w:numPr")
    num_id_element = OxmlElement("w:numId")
    num_id_element.set(qn("w:val"), str(num_id))
    num_pr.append(num_id_element)
    _insert_ppr_child(style_ppr, num_pr)
    return num_id


# w:pPr children that come before w:numPr (ECMA-376 CT_PPrBase)
_BEFORE_NUMPR = {qn(t) for t in ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore",
                                 "w:framePr", "w:widowControl")}  # fmt: skip


def _insert_ppr_child(ppr: BaseOxmlElement, child: BaseOxmlElement) -> None:
    position = 0
    for index, existing in enumerate(ppr):
        if existing.tag in _BEFORE_NUMPR:
            position = index + 1
    ppr.insert(position, child)


# -- settings -----------------------------------------------------------------------------
# w:settings children in schema order (ECMA-376 Part 1, 17.15.1.78), as python-docx has them
_SETTINGS_ORDER = """
    writeProtection view zoom removePersonalInformation removeDateAndTime
    doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText
    printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts
    saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges bordersDoNotSurroundHeader
    bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors
    activeWritingStyle proofState formsDesign attachedTemplate linkStyles stylePaneFormatFilter
    stylePaneSortMethod documentType mailMerge revisionView trackRevisions doNotTrackMoves
    doNotTrackFormatting documentProtection autoFormatOverride styleLockTheme styleLockQFSet
    defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps
    showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders
    bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing
    drawingGridVerticalSpacing displayHorizontalDrawingGridEvery
    displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin
    drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData
    noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars
    noLineBreaksAfter noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema
    saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml
    saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags alwaysMergeEmptyNamespace
    updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids m:mathPr
    attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats
    doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType
    sl:schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator
""".split()


def _setting(settings: CT_Settings, tag: str) -> BaseOxmlElement:
    """The settings child ``tag``, added in schema order when missing."""
    found = settings.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    name = tag.removeprefix("w:")
    successors = [t if ":" in t else f"w:{t}" for t in _SETTINGS_ORDER]
    settings.insert_element_before(element, *successors[_SETTINGS_ORDER.index(name) + 1 :])
    return element


def word_settings(doc: DocxDocument) -> None:
    """Word 2013+ mode (not « Compatibility Mode »), track changes on so that the lawyer's
    edits are revisions too, and fields (the contents' page numbers) updated on opening."""
    settings = doc.settings.element
    _setting(settings, "w:trackRevisions")
    _setting(settings, "w:updateFields").set(qn("w:val"), "true")
    compat = _setting(settings, "w:compat")
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            break
    else:
        setting = OxmlElement("w:compatSetting")
        setting.set(qn("w:name"), "compatibilityMode")
        compat.append(setting)
    setting.set(qn("w:uri"), WORD_URI)
    setting.set(qn("w:val"), "15")
