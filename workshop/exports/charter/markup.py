"""Word's markup python-docx has no API for: one id space, bookmarks, comments, REF fields,
highlighted placeholders.

Word treats the ids of comments, revisions and bookmarks as one space: two of them sharing
an id can make Word drop one or refuse the file. ``Ids`` hands out every one of them, after
the highest id the template already uses.

The markers a reader of the reviewed document relies on (``review`` import) are named here:
``clause_bookmark`` spans a whole article (heading and wording), ``heading_bookmark`` its
heading only (what REF fields point at), ``annex_bookmark`` the number of an annex's
heading (« Annexe [1] — … »).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from xml.sax.saxutils import quoteattr

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

from workshop.exports.charter.ooxml import add_run, plain, run_xml

_ID_ATTRIBUTE = qn("w:id")


def clause_bookmark(reference: str) -> str:
    """« C7 » → ``clause_C7``: the bookmark around the whole article."""
    return f"clause_{reference}"


def heading_bookmark(reference: str) -> str:
    """« C7 » → ``clause_C7_heading``: the article's heading, which REF fields cite."""
    return f"clause_{reference}_heading"


def annex_bookmark(number: int) -> str:
    """1 → ``annex_1``: the words « Annexe 1 » of the annex's heading."""
    return f"annex_{number}"


def utc(moment: datetime) -> datetime:
    """A moment in UTC (naive means UTC): Word's dates and python-docx's core dates."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def iso_utc(moment: str | None) -> str | None:
    """A stored moment as Word dates revisions and comments: « 2026-12-03T09:38:00Z »."""
    if not moment:
        return None
    try:
        value = utc(datetime.fromisoformat(moment))
    except ValueError:
        return None
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


class Ids:
    """The one allocator of comment, revision and bookmark ids of a document."""

    def __init__(self, doc: DocxDocument) -> None:
        self._next = 1 + max(_used_ids(doc), default=0)

    def next(self) -> int:
        value = self._next
        self._next += 1
        return value


def _used_ids(doc: DocxDocument) -> Iterator[int]:
    """Every numeric w:id of the template's XML parts (headers, footers, comments...)."""
    seen = set()
    for part in [
        doc.part,
        *(rel.target_part for rel in doc.part.rels.values() if not rel.is_external),
    ]:
        if id(part) in seen or not hasattr(part, "element"):
            continue
        seen.add(id(part))
        for value in part.element.xpath("//@w:id"):
            if value.lstrip("-").isdigit():
                yield int(value)


# -- bookmarks ------------------------------------------------------------------------------
def bookmark_start(ids: Ids, name: str) -> tuple[BaseOxmlElement, int]:
    element = OxmlElement("w:bookmarkStart")
    number = ids.next()
    element.set(_ID_ATTRIBUTE, str(number))
    element.set(qn("w:name"), name)
    return element, number


def bookmark_end(number: int) -> BaseOxmlElement:
    element = OxmlElement("w:bookmarkEnd")
    element.set(_ID_ATTRIBUTE, str(number))
    return element


def open_at_start(paragraph: Paragraph, element: BaseOxmlElement) -> None:
    """Put a range start (bookmark, comment) before the paragraph's first content."""
    p = paragraph._p
    ppr = p.pPr
    if ppr is not None:
        ppr.addnext(element)
    else:
        p.insert(0, element)


def bookmark_paragraphs(ids: Ids, name: str, first: Paragraph, last: Paragraph) -> None:
    """A bookmark from the start of ``first`` to the end of ``last``."""
    start, number = bookmark_start(ids, name)
    open_at_start(first, start)
    last._p.append(bookmark_end(number))


def bookmark_runs(ids: Ids, name: str, paragraph: Paragraph, text: str) -> None:
    """Add ``text`` to ``paragraph`` as a run wrapped in a bookmark."""
    start, number = bookmark_start(ids, name)
    paragraph._p.append(start)
    add_run(paragraph, text)
    paragraph._p.append(bookmark_end(number))


# -- comments -------------------------------------------------------------------------------
def add_comment(
    doc: DocxDocument,
    ids: Ids,
    first: Paragraph,
    last: Paragraph,
    paragraphs: list[str],
    author: str,
    initials: str,
    date: str | None = None,
) -> int:
    """A comment on ``first`` through ``last`` (whole paragraphs), one paragraph per text.

    The range markers sit at paragraph level, outside any run, so that a comment on an
    article holding tracked changes is never itself part of a revision.
    """
    number = ids.next()
    text = _comment_xml(number, author, initials, date, paragraphs) if date else None
    if text is not None:
        _comments_element(doc).append(parse_xml(text))
    else:
        element = _new_comment(doc, number, author, initials, date)
        _comment_text(element, paragraphs)
    start = OxmlElement("w:commentRangeStart")
    start.set(_ID_ATTRIBUTE, str(number))
    open_at_start(first, start)
    end = OxmlElement("w:commentRangeEnd")
    end.set(_ID_ATTRIBUTE, str(number))
    last._p.append(end)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "CommentReference")
    rpr.append(style)
    run.append(rpr)
    reference = OxmlElement("w:commentReference")
    reference.set(_ID_ATTRIBUTE, str(number))
    run.append(reference)
    last._p.append(run)
    return number


def _comments_element(doc: DocxDocument) -> BaseOxmlElement:
    """The comments part's root, found once per document (python-docx looks the part up
    through the relationships at each ``doc.comments``)."""
    cache = doc.__dict__.setdefault("_charter_comments", [])
    if not cache:
        cache.append(doc.comments._comments_elm)
    return cache[0]


def _new_comment(
    doc: DocxDocument, number: int, author: str, initials: str, date: str | None
) -> BaseOxmlElement:
    """An empty ``w:comment`` as python-docx's ``Comments.add_comment`` makes it, with our
    id: python-docx finds its own id by scanning every comment (quadratic in a large
    workshop), and we replace it anyway with one from the document's single id space."""
    comments = _comments_element(doc)
    element = parse_xml(
        f'<w:comment {nsdecls("w")} w:id="{number}" w:author="">'
        '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
        '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
        "</w:p></w:comment>"
    )
    comments.append(element)
    element.author = author
    element.initials = initials
    if date:
        element.set(qn("w:date"), date)
    else:
        element.date = datetime.now(UTC)
    return element


def _comment_texts(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """The text of the comment's first paragraph (None: none), and its later paragraphs:
    the first text's lines become paragraphs; a later text is one paragraph."""
    if not paragraphs:
        return None, []
    lines: list[str] = []
    first = None
    if paragraphs[0]:  # python-docx writes nothing for an empty first text
        first, *lines = paragraphs[0].split("\n")
    return first, [*lines, *paragraphs[1:]]


def _comment_text(element: BaseOxmlElement, paragraphs: list[str]) -> None:
    """The comment's paragraphs exactly as ``Comments.add_comment(text=paragraphs[0])``
    then ``Comment.add_paragraph(text)`` for the others write them, built directly rather
    than through python-docx's schema-ordered insertion, the main cost of a comment."""
    first, others = _comment_texts(paragraphs)
    if first is not None:
        add_run(Paragraph(element[0], None), first)  # type: ignore[arg-type]
    for text in others:
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        ppr.append(OxmlElement("w:pStyle", {qn("w:val"): "CommentText"}))
        p.append(ppr)
        element.append(p)
        if text:
            add_run(Paragraph(p, None), text)  # type: ignore[arg-type]


_ATTRIBUTE = {'"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}


def _comment_xml(
    number: int, author: str, initials: str, date: str, paragraphs: list[str]
) -> str | None:
    """The whole ``w:comment`` as ``_new_comment`` then ``_comment_text`` build it, as one
    text to parse (libxml2 builds its elements far faster than one proxy each); None when
    a text holds a tab or line break (python-docx's run writer turns them into elements)
    or only spaces (kept by xml:space, but not worth the doubt)."""
    first, others = _comment_texts(paragraphs)
    if any(not plain(t) for t in (first, *others) if t):
        return None
    head = f'<w:p><w:pPr><w:pStyle w:val="{_COMMENT_TEXT}"/></w:pPr>{_ANNOTATION_REF}'
    parts = [
        f'<w:comment {_W_DECL} w:id="{number}" w:author={quoteattr(author, _ATTRIBUTE)}'
        f" w:initials={quoteattr(initials, _ATTRIBUTE)} w:date={quoteattr(date)}>",
        head,
        run_xml(first) if first else "",
        "</w:p>",
    ]
    for text in others:
        parts.append(f'<w:p><w:pPr><w:pStyle w:val="{_COMMENT_TEXT}"/></w:pPr>')
        parts.append(run_xml(text) if text else "")
        parts.append("</w:p>")
    parts.append("</w:comment>")
    return "".join(parts)


_W_DECL = nsdecls("w")
_COMMENT_TEXT = "CommentText"
_ANNOTATION_REF = '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'


# -- fields ---------------------------------------------------------------------------------
def field_char(kind: str, *, dirty: bool = False) -> BaseOxmlElement:
    """A run holding a field character (begin, separate, end)."""
    run = OxmlElement("w:r")
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    if dirty:
        element.set(qn("w:dirty"), "true")  # its result is stale: Word recomputes it
    run.append(element)
    return run


def instruction_run(instruction: str) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run.append(instr)
    return run


def field_runs(instruction: str, result: str) -> list[BaseOxmlElement]:
    """A complex field whose current result is already written, so it reads right before
    any update (LibreOffice shows the stored result of a REF as it is)."""
    result_run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.set(qn("xml:space"), "preserve")
    text.text = result
    result_run.append(text)
    return [
        field_char("begin"),
        instruction_run(instruction),
        field_char("separate"),
        result_run,
        field_char("end"),
    ]


def add_ref(paragraph: Paragraph, bookmark: str, result: str, *, number: bool = False) -> None:
    """A cross-reference to ``bookmark`` (a hyperlink in Word): its paragraph number
    (« Article 11 ») with ``number``, else its text (an annex's number « 1 »)."""
    switches = r"\r \h" if number else r"\h"
    for run in field_runs(f"REF {bookmark} {switches}", result):
        paragraph._p.append(run)


# -- placeholders ---------------------------------------------------------------------------
def add_placeholder(paragraph: Paragraph, text: str) -> None:
    """A fact the workshop cannot know, to be filled in: « [date de dépôt au greffe] »,
    highlighted in yellow so nobody reads it as done."""
    run = add_run(paragraph, text)
    rpr = run._r.get_or_add_rPr()
    highlight = OxmlElement("w:highlight")
    highlight.set(qn("w:val"), "yellow")
    rpr.append(highlight)
