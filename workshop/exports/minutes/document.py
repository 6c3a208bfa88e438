"""The minutes document: page template, numbered pages, outline, metadata and writing."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
)

from workshop.exports.common import ExportOptions, atomic_write, language
from workshop.exports.identifier import stamped
from workshop.exports.minutes import (
    agenda,
    attendance,
    clauses,
    cover,
    decisions,
    diagnostic,
    legal,
    matrix_section,
    open_points,
    plan,
    signatures,
    timeline,
    vote_annex,
)
from workshop.exports.minutes.context import Context
from workshop.exports.minutes.layout import (
    BODY_WIDTH,
    MARGIN,
    MUTED,
    PAGE,
    RULE,
    bind_lead_ins,
    styles,
)
from workshop.exports.minutes.metadata import LANG_TAGS, add_xmp, xmp_packet
from workshop.exports.names import ensure_filtered
from workshop.exports.pdf_fonts import FONT, plain, register_fonts
from workshop.snapshot import Snapshot


# -- the document --------------------------------------------------------------------------
class _Doc(BaseDocTemplate):
    """Adds each marked heading to the PDF outline (the viewer's bookmarks): the sections,
    and under them each clause (``helpers.outline``); remembers the last one drawn for the
    « (suite) » of a table continued on the next page (``layout.ContinuedCaption``)."""

    last_heading = ""
    continued_word = "(suite)"

    def afterFlowable(self, flowable: Flowable) -> None:
        outline = getattr(flowable, "_outline", None)
        if outline:
            title, level = outline if isinstance(outline, tuple) else (outline, 0)
            key = f"s{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(title, key, level=level, closed=level > 0)
            self.last_heading = title


def _canvas_maker(footer_left: str, xmp: Callable[..., str]) -> type[Canvas]:
    """A canvas that knows the page count: it holds pages until save, then numbers them.

    Bookmarks are held too, and set when their page is really written, so that the
    outline points at the right pages.
    """

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:  # whatever reportlab passes
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self._marks: list[list[str]] = [[]]

        # Returns None where Canvas returns a Destination: the mark is only held here, and
        # set in save() once its page is written (reportlab's callers ignore the result).
        def bookmarkPage(self, key: str, **kwargs: object) -> None:  # type: ignore[override]  # noqa: N802
            self._marks[-1].append(key)

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._marks.append([])
            self._startPage()  # type: ignore[attr-defined]  # private, absent from the stubs

        def save(self) -> None:
            total = len(self._pages)
            marks = self._marks
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                for key in marks[number - 1]:
                    Canvas.bookmarkPage(self, key)
                self._footer(number, total)
                Canvas.showPage(self)
            add_xmp(self, xmp)
            Canvas.save(self)

        def _footer(self, number: int, total: int) -> None:
            self.saveState()
            self.setFont(FONT, 7.5)
            self.setFillColor(MUTED)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            y = MARGIN * 0.55
            self.line(MARGIN, y + 9, PAGE[0] - MARGIN, y + 9)
            page = f"page {number} / {total}"
            self.drawRightString(PAGE[0] - MARGIN, y, page)
            room = BODY_WIDTH - self.stringWidth(page, FONT, 7.5) - 20
            text = footer_left
            while len(text) > 1 and self.stringWidth(text, FONT, 7.5) > room:
                text = text[:-2] + "…"
            self.drawString(MARGIN, y, text)
            self.restoreState()

    return NumberedCanvas


# -- entry point ---------------------------------------------------------------------------
def _metadata(ctx: Context) -> dict[str, str]:
    """Title, author, subject and keywords, as the document info and the XMP carry them.

    The snapshot is already filtered (``ensure_filtered``): when the minutes are
    pseudonymised the facilitator is no longer named, so neither is the author.
    """
    w = ctx.snap.workshop
    title = ctx.scrub(w.title) or ctx.tr("Atelier", "Workshop")
    organisation = ctx.scrub(w.organisation)
    facilitator = ctx.scrub(w.facilitator).strip()
    author = facilitator or organisation or "Atelier Charte"
    kind = ctx.tr("Compte rendu", "Minutes")
    subject = f"{kind} — {title}" + (f" — {organisation}" if organisation else "")
    words = ctx.tr(
        "compte rendu, charte des médias sociaux, atelier de co-construction",
        "minutes, social media charter, co-design workshop",
    )
    keywords = words + (f", {organisation}" if organisation else "")
    return {
        "title": f"{kind} — {title}",
        "author": author,
        "subject": subject,
        "keywords": keywords,
    }


def _story(ctx: Context) -> list[Flowable]:
    story = cover.page(ctx)
    sections = (
        attendance.section,
        agenda.section,
        diagnostic.section,
        matrix_section.section,
        clauses.section,
        decisions.section,
        open_points.section,
        plan.section,
        legal.section,
        timeline.section,
        signatures.section,
    )
    new_page = (matrix_section.section, clauses.section, decisions.section, timeline.section)
    for number, section in enumerate(sections, start=1):
        if number > 1:
            story.append(PageBreak() if section in new_page else CondPageBreak(8 * cm))
        story += section(ctx, number)
    if vote_annex.in_annex(ctx.snap):  # a very large workshop's names by vote (vote_annex)
        story += [PageBreak(), *vote_annex.section(ctx)]
    return bind_lead_ins(story)


def _build(snap: Snapshot, path: Path, options: ExportOptions) -> None:
    """Lay out and write the PDF at ``path`` (a temporary file beside the target)."""
    register_fonts()
    lang = language(snap, options)
    options = stamped(options, snap)  # the identifier of the state, before the name filter
    snap = ensure_filtered(snap, pseudonymise=options.anonymize, lang=lang)
    ctx = Context(snap, options, lang, styles(lang))
    meta = _metadata(ctx)
    doc = _Doc(
        str(path),
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=meta["title"],
        author=meta["author"],
        subject=meta["subject"],
        keywords=[meta["keywords"]],  # reportlab joins a list with ", "
        creator="Atelier Charte",
        producer="Atelier Charte (reportlab)",
        lang=LANG_TAGS[lang],
        initialFontName=FONT,
        initialFontSize=9.5,
    )
    frame = Frame(
        MARGIN,
        MARGIN,
        BODY_WIDTH,
        PAGE[1] - 2 * MARGIN,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.continued_word = ctx.tr("(suite)", "(continued)")
    footer = plain(cover.footer_text(ctx))
    xmp = functools.partial(xmp_packet, meta=meta, lang=LANG_TAGS[lang])
    doc.build(_story(ctx), canvasmaker=_canvas_maker(footer, xmp))


def write_minutes(
    snap: Snapshot, target: str | os.PathLike, options: ExportOptions = ExportOptions()
) -> Path:
    """Write the workshop's minutes as a PDF at ``target``; the workshop is not modified.

    Written through a temporary file and renamed, so a failure leaves no partial file and
    an existing file intact; a locked or read-only target raises one WorkshopError line.
    """
    return atomic_write(target, lambda tmp: _build(snap, tmp, options))
