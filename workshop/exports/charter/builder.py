"""The document being built: language, template styles with fallbacks, paragraphs and tables."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from xml.sax.saxutils import quoteattr

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from docx.styles.style import BaseStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from workshop.exports.charter.markup import Ids
from workshop.exports.charter.ooxml import (
    add_run,
    apply_style,
    body_rows,
    plain,
    repeat_header,
    run_xml,
    shade,
)
from workshop.exports.charter.texts import COLUMNS, TEXTS, nbsp
from workshop.exports.charter.wordsetup import article_style, number_articles
from workshop.exports.common import ExportOptions, clean, language, shown_name
from workshop.exports.identifier import for_export
from workshop.references import article_numbers
from workshop.snapshot import Remark, Snapshot
from workshop.textfmt import long_date
from workshop.textfmt import number as format_number

_W_DECL = nsdecls("w")
_ITALIC = "<w:rPr><w:i/></w:rPr>"
VERSION = "0.1"
HEADER_FILL = "DCE3EC"  # table header rows: light enough for black text in any template


def format_date(value: str | date | None, lang: str) -> str:
    """A date as people write it: « 1er décembre 2026 », "3 December 2026"; "—" if unknown."""
    return clean(long_date(value, lang))


def coordinate(value: float, lang: str) -> str:
    """A matrix coordinate with one decimal, decimal comma in French (« 7,5 »; « 7 »)."""
    return format_number(value, lang)


def text_lines(text: str | None) -> list[str]:
    """User text as paragraphs: control characters dropped, blank lines skipped."""
    body = clean(text).replace("\r\n", "\n").replace("\r", "\n")
    return [line for line in body.split("\n") if line.strip()]


class Charter:
    """One export: the document being built, the language and the options."""

    def __init__(self, snap: Snapshot, options: ExportOptions, doc: DocxDocument) -> None:
        self.snap = snap
        self.options = options
        self.lang = "en" if language(snap, options) == "en" else "fr"
        self.t = TEXTS[self.lang]
        self.columns = COLUMNS[self.lang]  # table header rows
        self.doc = doc
        self.adopted = [c for c in snap.clauses if c.adopted]
        self.identifier = for_export(snap, options)  # stamped before any name filter
        self.numbers = article_numbers(snap)  # clause id → article number
        self.ids = Ids(doc)  # comment, revision and bookmark ids: one space
        fallback = self.style("Heading 2", "Heading 1")
        self.article_style = article_style(doc, fallback)
        number_articles(doc, self.article_style, self.lang)
        #: Headings in order, for the contents: (paragraph, level, (clause id, reference)
        #: for an article, else None).
        self.headings: list[tuple[Paragraph, int, tuple[int, str] | None]] = []
        self.contents: Paragraph | None = None  # the contents' heading, once placed
        self._body = doc._body
        self._end = doc.element.body.find(qn("w:sectPr"))  # the body ends with its sectPr

    def new_paragraph(self) -> Paragraph:
        """``doc.add_paragraph()``: an empty paragraph at the end of the body, before its
        sectPr, found once rather than by python-docx's probing for each paragraph."""
        if self._end is None or self._end.getparent() is None:
            return self.doc.add_paragraph()
        p = OxmlElement("w:p")
        self._end.addprevious(p)
        return Paragraph(p, self._body)

    def typo(self, text: str) -> str:
        """The app's own texts from other modules, with the document's typography
        (curly apostrophes, and French no-break spaces); never applied to user text."""
        text = text.replace("'", "’")
        return nbsp(text) if self.lang == "fr" else text

    # -- styles, with graceful fallback for a facilitator's own template ------------------
    def style(self, *names: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> BaseStyle | None:
        """The first of ``names`` the template defines with the right type, else None.

        Cached: python-docx walks every style of the template at each lookup, which made
        styling the main cost of a large export.
        """
        cache = self.__dict__.setdefault("_style_cache", {})
        key = (names, kind)
        if key not in cache:
            cache[key] = None
            for name in names:
                try:
                    style = self.doc.styles[name]
                except KeyError:
                    continue
                if style.type == kind:
                    cache[key] = style
                    break
        return cache[key]

    def append_xml(self, xml: str) -> list[Paragraph]:
        """The paragraphs of ``xml`` (a ``w:body`` element's text) added at the end of
        the body, as ``new_paragraph`` adds them."""
        paragraphs = []
        for p in list(parse_xml(xml)):
            if self._end is not None and self._end.getparent() is not None:
                self._end.addprevious(p)
            else:
                self.doc.element.body.append(p)
            paragraphs.append(Paragraph(p, self._body))
        return paragraphs

    def paragraph(self, text: str = "", *styles: str, italic: bool = False) -> Paragraph:
        style = self.style(*styles) if styles else None
        style_id = style.style_id if style is not None else None
        if self._end is not None and (style is None or style_id is not None) and plain(text):
            # What the lines below write, parsed from one text (no proxy per element).
            ppr = (
                ""
                if style_id is None
                else f"<w:pPr><w:pStyle w:val={quoteattr(style_id)}/></w:pPr>"
            )
            run = run_xml(text, _ITALIC if italic else "<w:rPr/>")
            element = parse_xml(f"<w:p {_W_DECL}>{ppr}{run}</w:p>")
            self._end.addprevious(element)
            return Paragraph(element, self._body)
        p = self.new_paragraph()
        if style is not None:
            apply_style(p, style)
        if text:
            # ``run.italic = italic or None``, which leaves an empty w:rPr when not italic
            rpr = OxmlElement("w:rPr")
            if italic:
                rpr.append(OxmlElement("w:i"))
            add_run(p, text)._r.insert(0, rpr)
        return p

    def heading(self, text: str, level: int = 1, *, new_page: bool = False) -> Paragraph:
        p = self.paragraph(text, f"Heading {level}", "Heading 1", "Title")
        style = self.style(f"Heading {level}", "Heading 1", "Title")  # the one just applied
        if style is None:
            style = p.style  # the template's default paragraph style, if any
        if style is None or style.name == "Normal":
            for run in p.runs:
                run.bold = True
        if new_page:
            p.paragraph_format.page_break_before = True
        self.headings.append((p, level, None))
        return p

    def bullet(self, text: str) -> Paragraph:
        style = self.style("List Bullet")
        if style is None:
            return self.paragraph("•\u00a0" + text)
        p = self.new_paragraph()
        apply_style(p, style)
        add_run(p, text)
        return p

    def label(self, text: str) -> Paragraph:
        """A bold lead-in kept on the page of what it introduces."""
        p = self.paragraph(text, "Normal")
        p.runs[0].bold = True
        p.paragraph_format.keep_with_next = True
        return p

    def table(
        self,
        header: Sequence[str],
        rows: Iterable[Sequence[Sequence[str]]],
        widths_cm: Sequence[float],
    ) -> Table:
        """A table whose header row repeats on each page; each cell holds one or more lines.

        python-docx makes the table and its header row; the body rows are written as the
        same elements directly (``ooxml.body_rows``): its cell, paragraph and run proxies,
        and its grid walk for each ``row.cells``, cost more than the table's content.
        """
        rows = list(rows)
        widths_cm = self.fit(widths_cm)
        table = self.doc.add_table(rows=1, cols=len(header))
        style = self.style("Charter Table", "Table Grid", kind=WD_STYLE_TYPE.TABLE)
        if style is not None:
            table.style = style
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        text_style = self.style("Table Text")
        for col, (cell, title) in enumerate(zip(table.rows[0].cells, header, strict=True)):
            cell.width = Cm(widths_cm[col])
            first = cell.paragraphs[0]
            if title:
                if text_style is not None:
                    apply_style(first, text_style)
                add_run(first, title).bold = True
            elif text_style is not None:
                apply_style(first, text_style)
            shade(cell, HEADER_FILL)
        twips = [str(Cm(w).twips) for w in widths_cm]
        style_id = text_style.style_id if text_style is not None else None
        tbl = table._tbl
        for values in rows:
            if len(values) != len(header):
                raise ValueError(f"a row of {len(values)} cells in a table of {len(header)}")
        for tr in body_rows(rows, twips, style_id):
            tbl.append(tr)
        repeat_header(table.rows[0])
        for col, width in enumerate(widths_cm):
            table.columns[col].width = Cm(width)
        self.paragraph("", "Normal")
        return table

    def fit(self, widths_cm: Sequence[float]) -> list[float]:
        """Column widths scaled to the template's text width (margins differ between templates)."""
        section = self.doc.sections[-1]
        width, left, right = section.page_width, section.left_margin, section.right_margin
        if (
            width is None or left is None or right is None
        ):  # a template without page size or margins
            available = 16.0
        else:
            available = (width - left - right) / 360000
        if available <= 2:
            available = 16.0
        total = sum(widths_cm)
        return [w * available / total for w in widths_cm]

    def annex_word(self) -> str:
        """« annexe » as a sentence cites an annex, before its number."""
        return self.t["annex_plan"].split(" ")[0].lower()

    # -- what several parts read ----------------------------------------------------------
    def workshop_date(self) -> str | None:
        w = self.snap.workshop
        return w.date or (w.created_at[:10] if w.created_at else None)

    def facilitator(self) -> str:
        """The facilitator's name, unless it is also a participant's that must not be shown."""
        name = clean(self.snap.workshop.facilitator).strip()
        if not name:
            return ""
        for p in self.snap.participants:
            if p.name.strip().casefold() == name.casefold():
                return clean(shown_name(p, self.options))
        return name

    def remark_college(self, remark: Remark) -> str:
        """The college a remark speaks for (never a person): its own, or its author's."""
        college_id = remark.college_id
        if college_id is None and remark.participant_id is not None:
            participant = self.snap.participant(remark.participant_id)
            college_id = participant.college_id if participant else None
        college = self.snap.college(college_id)
        return clean(college.name) if college else ""
