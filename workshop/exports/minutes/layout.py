"""Page geometry, colours, paragraph styles and the table and page-break rules of the minutes.

The rules that keep the record readable live here, so every section gets them for free:
a table continued on the next page is announced « (suite) » under the heading it belongs
to; a row is split over two pages only when it is taller than a page; a heading, or a
lead-in that ends with a colon (« Texte soumis au vote : »), never stays alone at the
foot of a page (:func:`bind_lead_ins`).
"""

from __future__ import annotations

import re
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table
from reportlab.platypus.paragraph import _wsc  # type: ignore[attr-defined]  # its blanks

from workshop.exports.hyphenation import hyphenator
from workshop.exports.pdf_fonts import FONT, FONT_BOLD, FONT_ITALIC, plain

NBSP = "\u00a0"
PAGE = A4
MARGIN = 2 * cm
BODY_WIDTH = PAGE[0] - 2 * MARGIN
BODY_HEIGHT = PAGE[1] - 2 * MARGIN

INK = colors.HexColor("#1F1F1F")
MUTED = colors.HexColor("#5F5F5F")
RULE = colors.HexColor("#B9BEC7")
HEADER_BG = colors.HexColor("#E4E8EF")
GROUP_BG = colors.HexColor("#F3F4F7")
QUOTE_BG = colors.HexColor("#F5F5F0")
ADDED_BG = colors.HexColor("#DDF0DD")
DELETED = colors.HexColor("#A33A3A")
CELL_SIZE = 8.4  # points: a table cell's text size and line height
CELL_LEADING = 10.6


def styles(lang: str = "fr") -> dict[str, ParagraphStyle]:
    """The minutes' paragraph styles; table cells hyphenate in ``lang``.

    Only the narrow columns hyphenate: body text wraps between words, so that a reader
    searching « juridique » in a viewer finds it (a hyphen at a line's end is a real
    character in the text layer, « ju- ridique »).
    """
    base = ParagraphStyle(
        "body",
        fontName=FONT,
        bulletFontName=FONT,
        fontSize=9.5,
        leading=12.8,
        textColor=INK,
        spaceAfter=4,
    )
    s = {"body": base}
    s["small"] = ParagraphStyle("small", base, fontSize=8, leading=10.5, textColor=MUTED)
    s["cell"] = ParagraphStyle(
        "cell",
        base,
        fontSize=CELL_SIZE,
        leading=CELL_LEADING,
        spaceAfter=0,
        # a callable is taken as is (a language code would load pyphen per paragraph)
        hyphenationLang=hyphenator(lang),  # type: ignore[arg-type]
        embeddedHyphenation=1,  # « Marchand-Dubois » may break at its own hyphen
    )
    s["cellbold"] = ParagraphStyle("cellbold", s["cell"], fontName=FONT_BOLD)
    s["cellhead"] = ParagraphStyle("cellhead", s["cell"], fontName=FONT_BOLD, fontSize=8)
    # a run of the timeline: « 95 × » in bold as the bullet, then the events
    s["cellrun"] = ParagraphStyle(
        "cellrun",
        s["cell"],
        bulletFontName=FONT_BOLD,
        bulletFontSize=s["cell"].fontSize,
        bulletIndent=0,
        bulletColor=INK,
    )
    s["cellitalic"] = ParagraphStyle("cellitalic", s["cell"], fontName=FONT_ITALIC)
    for name in ("cell", "cellbold", "cellhead"):
        s[name + "num"] = ParagraphStyle(name + "num", s[name], alignment=TA_CENTER)
    s["cover_kicker"] = ParagraphStyle(
        "cover_kicker", base, fontName=FONT_BOLD, fontSize=13, leading=16, textColor=MUTED
    )
    s["cover_title"] = ParagraphStyle(
        "cover_title", base, fontName=FONT_BOLD, fontSize=22, leading=28, spaceAfter=10
    )
    s["cover_org"] = ParagraphStyle("cover_org", base, fontSize=14, leading=18, spaceAfter=18)
    s["h1"] = ParagraphStyle(
        "h1",
        base,
        fontName=FONT_BOLD,
        fontSize=15,
        leading=19,
        spaceBefore=6,
        spaceAfter=8,
        keepWithNext=1,
    )
    s["h2"] = ParagraphStyle(
        "h2",
        base,
        fontName=FONT_BOLD,
        fontSize=11.5,
        leading=14.5,
        spaceBefore=10,
        spaceAfter=3,
        keepWithNext=1,
    )
    s["h3"] = ParagraphStyle(
        "h3",
        base,
        fontName=FONT_BOLD,
        fontSize=9.5,
        leading=12.5,
        spaceBefore=6,
        spaceAfter=2,
        keepWithNext=1,
    )
    s["meta"] = ParagraphStyle("meta", base, fontSize=8.4, leading=11, textColor=MUTED)
    s["quote"] = ParagraphStyle(
        "quote",
        base,
        leftIndent=6,
        rightIndent=6,
        backColor=QUOTE_BG,
        # top, right, bottom, left: reportlab normalises a tuple (normalizeTRBL), the stubs
        # only know a float
        borderPadding=(4, 5, 5, 5),  # type: ignore[arg-type]
        spaceBefore=3,
        spaceAfter=8,
    )
    s["bullet"] = ParagraphStyle("bullet", base, leftIndent=12, bulletIndent=2, spaceAfter=2)
    s["box"] = ParagraphStyle(
        "box",
        base,
        fontName=FONT_ITALIC,
        borderColor=RULE,
        borderWidth=0.8,
        borderPadding=6,
        spaceBefore=4,
        spaceAfter=10,
    )
    s["caption"] = ParagraphStyle(
        "caption", base, fontSize=8, leading=10.5, textColor=MUTED, alignment=TA_CENTER
    )
    return s


# -- paragraphs laid out once per width ------------------------------------------------------
class RecordParagraph(Paragraph):
    """A Paragraph that keeps its broken lines for each width it was wrapped at.

    reportlab wraps a paragraph again every time a container measures it: a table sizing
    its rows (again for every part of a split table), drawing its cells, a KeepTogether
    measuring its content, the frame placing it. The lines only depend on the width, so the
    second and later wraps at one width reuse the first's lines, frags and height. The
    paragraphs split from one (``Paragraph.split`` builds them with ``self.__class__``)
    are new objects and keep their own.
    """

    _lines_at: dict[float, tuple[Any, ...]]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        memo: dict[float, tuple[Any, ...]] | None = self.__dict__.get("_lines_at")
        kept = memo.get(availWidth) if memo else None
        if kept is not None:
            self.blPara, self.frags, self.height, self._wrapWidths, self._width_max = kept
            self.width = availWidth
            return availWidth, self.height
        size = super().wrap(availWidth, availHeight)
        if "blPara" in self.__dict__:  # not wrapped when the width is next to nothing
            if memo is None:
                memo = {}
                self._lines_at = memo
            memo[availWidth] = (
                self.blPara,
                self.frags,
                self.height,
                self._wrapWidths,
                getattr(self, "_width_max", 0),
            )
        return size


# -- tables that say they continue ---------------------------------------------------------
class ContinuedCaption(Flowable):
    """« 1. Participants par collège (suite) » above the rest of a table on a new page.

    The heading is the last one drawn before it (the document keeps it as
    ``last_heading``; its language as ``continued_word``), read when the caption is drawn,
    since the table splits before anyone knows which page it lands on.
    """

    SIZE = 8.0
    HEIGHT = 13.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.HEIGHT

    def text(self) -> str:
        doc = getattr(self.canv, "_doctemplate", None)
        word = getattr(doc, "continued_word", "(suite)")
        heading = getattr(doc, "last_heading", "")
        return f"{heading} {word}" if heading else word

    def draw(self) -> None:
        text = plain(self.text(), FONT_ITALIC)
        while len(text) > 1 and stringWidth(text, FONT_ITALIC, self.SIZE) > self.width:
            text = text[:-2] + "…"
        self.canv.setFont(FONT_ITALIC, self.SIZE)
        self.canv.setFillColor(MUTED)
        self.canv.drawString(0, 4, text)


CELL_PADDING = 8.0  # left + right padding of a data table's cells
_SMALLEST = 6.0


def _widest_piece(word: str, font: str, size: float, lang_pairs: Any) -> float:
    """The width the word needs on one line: whole, or its widest part between breaks."""
    whole = stringWidth(word, font, size)
    cuts = [len(head) for head, _ in lang_pairs(word)] if lang_pairs else []
    if not cuts:
        return whole
    bounds = [0, *sorted(cuts), len(word)]
    hyphen = stringWidth("-", font, size)
    return max(
        stringWidth(word[a:b], font, size) + (hyphen if b < len(word) else 0)
        for a, b in zip(bounds, bounds[1:], strict=False)
    )


def fit_words(cell: object, width: float) -> object:
    """A cell Paragraph set smaller when one of its words cannot break to fit the column.

    A word the dictionary cannot hyphenate (« Planned ») used to be cut at the column's
    edge without a hyphen; its cell's text is reduced, down to 6 pt, until it fits.
    """
    if not isinstance(cell, Paragraph):
        return cell
    style = cell.style
    pairs = getattr(style, "hyphenationLang", None)
    pairs = pairs if callable(pairs) else None
    font, size = style.fontName, style.fontSize
    words = [w.strip('()[],;:.«»"') for w in cell.getPlainText().split()]
    # only the words wider than the column need a look at their break points
    long = [w for w in words if w and stringWidth(w, font, size) > width]
    while (
        long and size > _SMALLEST and any(_widest_piece(w, font, size, pairs) > width for w in long)
    ):
        size -= 0.4
    if size == style.fontSize:
        return cell
    scale = size / style.fontSize
    smaller = ParagraphStyle(
        f"{style.name}-fit",
        style,
        fontSize=size,
        leading=style.leading * scale,
        bulletFontSize=style.bulletFontSize * scale,
    )
    return RecordParagraph(cell.text, smaller, bulletText=cell.bulletText)


#: What makes a cell's markup more than one plain run: tags, entities, and the characters
#: reportlab's paragraphs break or collapse at other than one plain space (``_wsc``).
_NOT_PLAIN = re.compile("[<>&\u00ad" + re.escape(_wsc.replace(" ", "")) + "]|  |^ | $")


def one_line(markup: str, font: str, size: float, room: float) -> bool:
    """Whether a cell's markup is plain text that fits on one line of ``room`` points.

    Such a cell is handed to reportlab as a string, which it draws as its Paragraph would
    (same font, baseline and line height from the table's style: reportlab sets a
    paragraph's first baseline one font size under its top, ``paraFontSizeHeightOffset``)
    at a fraction of the cost: no parsing, no line breaking. Anything else stays a
    Paragraph.
    """
    if not markup or not rl_config.paraFontSizeHeightOffset or _NOT_PLAIN.search(markup):
        return False
    return stringWidth(markup, font, size) <= room - 1e-6


class RecordTable(Table):
    """A table whose continuation is announced, and whose rows stay whole when they can.

    reportlab splits a row across pages as soon as the next whole row does not fit the
    space left, even at the foot of a page; here a row is cut only when it is taller than
    a whole page (a long remark), else the table moves on to the next page. A cell whose
    word cannot break to fit its column is set smaller (:func:`fit_words`).
    """

    def __init__(self, data: Any, colWidths: Any = None, **kwargs: Any) -> None:  # noqa: N803
        if not kwargs.get("normalizedData") and colWidths:
            room = [float(w) - CELL_PADDING for w in colWidths]
            data = [[fit_words(c, room[i]) for i, c in enumerate(row)] for row in data]
        super().__init__(data, colWidths, **kwargs)

    _sized_at: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """The table's size; sized again only when the width changed or rows were left out.

        reportlab sizes every row of a table each time it is wrapped (a KeepTogether, the
        frame, again after a split). Once all rows are sized at a width, that size stands
        for any height: a frame too short for it splits the table, and the split sizes the
        rows it needs again (:meth:`split`).
        """
        if self._sized_at == availWidth and self._hmax == len(self._cellvalues):  # type: ignore[attr-defined]
            self.availWidth = availWidth
            return self._width, self._height  # type: ignore[attr-defined]
        size = super().wrap(availWidth, availHeight)
        self._sized_at = float(availWidth)
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._sized_at = None  # the rows are sized again for this height
        self._calc(availWidth, availHeight)  # type: ignore[attr-defined]  # reportlab's own
        parts: list[Any] = self._splitRows(availHeight, doInRowSplit=0)  # type: ignore[attr-defined]
        if not parts:
            if availHeight < 0.8 * BODY_HEIGHT:  # not a fresh page: move the table whole
                return []
            parts = self._splitRows(availHeight, doInRowSplit=1)  # type: ignore[attr-defined]
        if len(parts) == 2:
            return [parts[0], KeepTogether([ContinuedCaption(), parts[1]])]
        return parts


# -- nothing alone at the foot of a page -----------------------------------------------------
_HEADINGS = ("h1", "h2", "h3")
_LEAD_IN_STYLES = ("meta", "body")
# A lead-in's text is bound to what follows when that is at most this tall; a longer
# quotation may start on the page where its lead-in is.
_BIND_HEIGHT = 0.4 * BODY_HEIGHT
_DETAIL_HEIGHT = 0.12 * BODY_HEIGHT


def _style(flowable: Flowable) -> str:
    style = getattr(flowable, "style", None)
    return str(getattr(style, "name", "")) if isinstance(flowable, Paragraph) else ""


def _lead_in(flowable: Flowable) -> bool:
    if _style(flowable) not in _LEAD_IN_STYLES:
        return False
    assert isinstance(flowable, Paragraph)
    return flowable.getPlainText().rstrip().endswith(":")


def _estimated_height(para: Flowable) -> float:
    """A paragraph's height from its length (half an em per character on average): enough
    to tell a short quotation from a long one without laying it out twice."""
    assert isinstance(para, Paragraph)
    style = para.style
    per_line = max(1.0, BODY_WIDTH / (0.5 * style.fontSize))
    lines = sum(1 + int(len(line) / per_line) for line in para.getPlainText().split("\n"))
    return lines * style.leading


def _keep(flowable: Flowable) -> Flowable:
    flowable.keepWithNext = 1  # reportlab reads the attribute
    return flowable


def bind_lead_ins(story: list[Flowable]) -> list[Flowable]:
    """Keep headings with the lines under them, and lead-ins with what they introduce.

    A heading's own detail line (the round's settings) and a lead-in ending with a colon
    keep with the next flowable; a short quotation after a lead-in keeps with what follows
    it too (the counts table), so « Texte soumis au vote : », its text and its table move
    to the next page together when they do not fit. reportlab never chains a kept
    flowable with a KeepTogether, so the kept flowables before one join it.
    """
    out: list[Flowable] = []
    for flowable in story:
        previous = out[-1] if out else None
        kept = previous is not None and bool(previous.getKeepWithNext())
        if kept and isinstance(flowable, KeepTogether):
            chain: list[Flowable] = []
            while out and out[-1].getKeepWithNext() and not isinstance(out[-1], KeepTogether):
                chain.insert(0, out.pop())
            content = list(flowable._content)  # type: ignore[attr-defined]  # reportlab's
            out.append(KeepTogether(chain + content))
            continue
        # a heading's detail lines (meta) keep with it and with one another
        under_heading = previous is not None and (
            _style(previous) in _HEADINGS or (kept and _style(previous) in _LEAD_IN_STYLES)
        )
        detail = _style(flowable) == "meta" or (
            _style(flowable) == "body" and _estimated_height(flowable) < _DETAIL_HEIGHT
        )  # a heading's settings line, an amendment's short reason
        if _lead_in(flowable) or (under_heading and detail):
            _keep(flowable)
        elif (
            previous is not None
            and _lead_in(previous)
            and _style(flowable) == "quote"
            and _estimated_height(flowable) < _BIND_HEIGHT
        ):
            _keep(flowable)
        out.append(flowable)
    return out
