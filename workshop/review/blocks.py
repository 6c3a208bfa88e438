"""The reviewed document's paragraphs, in order, each read two ways, with what marks it.

``before`` is the paragraph as the workshop exported it: our own tracked changes accepted
(they are the adopted wording), the reviewer's rejected. ``after`` accepts every change.
A text is shown in a view when every revision around it keeps it there: an insertion
keeps its words once accepted, a deletion (and the origin of a move) until accepted; so a
deletion the lawyer made inside one of our insertions reads right both ways. A deleted
paragraph mark joins its paragraph to the next one in the views where it is accepted.

Each paragraph also keeps the clause bookmarks open over it (``clause_C7``; Word's hidden
``_Toc…`` ones are ignored), the comments whose range starts or whose reference sits in
it, and the reviewer's revisions: insertions, deletions, moves and formatting changes.
Field codes, Word's duplicate VML content (``mc:Fallback``) and properties are not text
(formatting changes are read from the run and paragraph properties, table ones are not);
a paragraph inside a text box counts as part of the paragraph holding it. Paragraphs of
the table of contents (a TOC field or a contents style) are marked, since they repeat the
headings and their references.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from workshop.review.authors import is_ours

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

INSERTED, DELETED, MOVED_FROM, MOVED_TO, FORMATTING = (
    "inserted",
    "deleted",
    "moved_from",
    "moved_to",
    "formatting",
)
_REVISIONS = {W + "ins": INSERTED, W + "del": DELETED, W + "moveFrom": MOVED_FROM}
_REVISIONS[W + "moveTo"] = MOVED_TO
_CLAUSE = re.compile(r"clause_(C[1-9][0-9]{0,8})")
_HEADING = re.compile(r"clause_(C[1-9][0-9]{0,8})_heading")
_CONTENTS_STYLE = re.compile(r"(toc|tm|inhaltsverzeichnis|contents)\s*\d", re.IGNORECASE)
_SKIPPED = {W + "instrText", W + "delInstrText", W + "sectPr", W + "sdtPr", W + "sdtEndPr"}
_SKIPPED |= {W + "tblPr", W + "tblGrid", W + "trPr", W + "tcPr", W + "tblPrEx", _MC + "Fallback"}
_CHARACTERS = {W + "tab": "\t", W + "cr": "\n", W + "noBreakHyphen": "\u2011"}


@dataclass
class Revision:
    """One of the reviewer's changes: its kind, author, date and the words it touches."""

    kind: str
    author: str
    date: str
    text: str = ""


@dataclass
class Block:
    """A paragraph of the body (tables' included), in document order."""

    index: int
    style: str = ""
    outline: int | None = None  # the paragraph's own outline level, if it sets one
    in_table: bool = False
    contents_entry: bool = False
    before: str = ""
    after: str = ""
    mark_before: bool = True  # its paragraph mark is there in the ``before`` view
    mark_after: bool = True
    clauses: list[str] = field(default_factory=list)  # clause bookmarks over it, in order
    heading_of: str | None = None  # the clause whose heading bookmark starts here
    comment_starts: list[str] = field(default_factory=list)
    comment_references: list[str] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    _text_seen: bool = False


def _kept(kind: str, ours: bool, view: str) -> bool:
    accepted = view == "after" or ours
    return accepted if kind in (INSERTED, MOVED_TO) else not accepted


class _Walker:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.block: Block | None = None
        self.open_clauses: dict[str, str] = {}  # bookmark id → clause reference
        self.pending_heading: str | None = None
        self.pending_comments: list[str] = []
        self.revisions: list[tuple[str, bool, Revision | None]] = []
        self.fields: list[str | None] = []  # open complex fields: their instruction's word
        self.tables = 0
        self.contents_sdt = 0

    # -- text -------------------------------------------------------------------------
    def text(self, value: str) -> None:
        block = self.block
        if block is None or not value:
            return
        block._text_seen = True
        if "TOC" in self.fields or self.contents_sdt:
            block.contents_entry = True
        if all(_kept(kind, ours, "before") for kind, ours, _ in self.revisions):
            block.before += value
        if all(_kept(kind, ours, "after") for kind, ours, _ in self.revisions):
            block.after += value
        record = next((r for _, _, r in reversed(self.revisions) if r is not None), None)
        if record is not None:
            record.text += value

    # -- walking ----------------------------------------------------------------------
    def walk(self, element: etree._Element) -> None:
        for child in element:
            if not isinstance(child.tag, str):
                continue
            self.element(child)

    def element(self, el: etree._Element) -> None:
        tag = el.tag
        if tag in _SKIPPED:
            return
        if tag == W + "p":
            self.paragraph(el)
        elif tag in (W + "t", W + "delText"):
            self.text(el.text or "")
        elif tag in _CHARACTERS:
            self.text(_CHARACTERS[tag])
        elif tag == W + "br":
            if el.get(W + "type") in (None, "textWrapping"):
                self.text("\n")
        elif tag == W + "pPr":
            self.paragraph_properties(el)
        elif tag == W + "rPr":
            self.formatting(el.find(W + "rPrChange"), _run_text(el.getparent()))
        elif tag in _REVISIONS:
            self.revision(el)
        elif tag == W + "fldChar":
            self.field_char(el)
        elif tag == W + "bookmarkStart":
            self.bookmark_start(el)
        elif tag == W + "bookmarkEnd":
            self.bookmark_end(el)
        elif tag == W + "commentRangeStart":
            self.comment_start(el.get(W + "id") or "")
        elif tag == W + "commentReference":
            if self.block is not None:
                self.block.comment_references.append(el.get(W + "id") or "")
        elif tag == _MC + "AlternateContent":
            choice = el.find(_MC + "Choice")
            if choice is not None:
                self.walk(choice)
        elif tag == W + "tbl":
            self.tables += 1
            self.walk(el)
            self.tables -= 1
        elif tag == W + "sdt":
            contents = _is_contents_sdt(el.find(W + "sdtPr"))
            self.contents_sdt += contents
            self.walk(el)
            self.contents_sdt -= contents
        else:
            self.walk(el)

    def paragraph(self, el: etree._Element) -> None:
        if self.block is not None:  # a text box's paragraph: part of the one holding it
            self.walk(el)
            self.text(" ")
            return
        block = Block(len(self.blocks), in_table=self.tables > 0)
        block.clauses = list(self.open_clauses.values())
        block.comment_starts = self.pending_comments
        block.heading_of = self.pending_heading
        self.pending_comments, self.pending_heading = [], None
        self.blocks.append(block)
        self.block = block
        self.walk(el)
        if _CONTENTS_STYLE.fullmatch(block.style.strip()):
            block.contents_entry = True
        self.block = None

    def paragraph_properties(self, ppr: etree._Element) -> None:
        block = self.block
        if block is None:
            return
        block.style = ppr.xpath("string(w:pStyle/@w:val)", namespaces={"w": W[1:-1]})
        level = ppr.xpath("string(w:outlineLvl/@w:val)", namespaces={"w": W[1:-1]})
        block.outline = int(level) if level.isdigit() else None
        mark = ppr.find(W + "rPr")
        if mark is not None:
            for child in mark:
                kind = _REVISIONS.get(child.tag)
                if kind is None:
                    continue
                author = child.get(W + "author") or ""
                ours = is_ours(author)
                block.mark_before = _kept(kind, ours, "before")
                block.mark_after = _kept(kind, ours, "after")
                if not ours:
                    block.revisions.append(Revision(kind, author, _date(child), "\n"))
            self.formatting(mark.find(W + "rPrChange"), "")
        self.formatting(ppr.find(W + "pPrChange"), "")

    def formatting(self, change: etree._Element | None, text: str) -> None:
        if change is None or self.block is None:
            return
        author = change.get(W + "author") or ""
        if not is_ours(author):
            self.block.revisions.append(Revision(FORMATTING, author, _date(change), text))

    def revision(self, el: etree._Element) -> None:
        kind = _REVISIONS[el.tag]
        author = el.get(W + "author") or ""
        ours = is_ours(author)
        record = None
        if not ours and self.block is not None:
            record = Revision(kind, author, _date(el))
            self.block.revisions.append(record)
        self.revisions.append((kind, ours, record))
        self.walk(el)
        self.revisions.pop()
        if record is not None and not record.text and self.block is not None:
            self.block.revisions.remove(record)  # nothing in it but markers

    def field_char(self, el: etree._Element) -> None:
        kind = el.get(W + "fldCharType")
        if kind == "begin":
            self.fields.append(None)
            run = el.getparent()
            following = run.getnext() if run is not None else None
            instruction = following.find(W + "instrText") if following is not None else None
            if instruction is not None and instruction.text:
                words = instruction.text.split()
                self.fields[-1] = words[0].upper() if words else None
        elif kind == "end" and self.fields:
            self.fields.pop()

    def bookmark_start(self, el: etree._Element) -> None:
        name = el.get(W + "name") or ""
        heading = _HEADING.fullmatch(name)
        if heading:
            if self.block is not None:
                self.block.heading_of = heading.group(1)
            else:
                self.pending_heading = heading.group(1)
            return
        clause = _CLAUSE.fullmatch(name)
        if clause:
            self.open_clauses[el.get(W + "id") or name] = clause.group(1)
            if self.block is not None:
                self.block.clauses.append(clause.group(1))

    def bookmark_end(self, el: etree._Element) -> None:
        reference = self.open_clauses.pop(el.get(W + "id") or "", None)
        block = self.block
        if reference is None or block is None or block._text_seen:
            return
        # closed before any of this paragraph's text: the clause ended with the previous one
        if reference in block.clauses:
            block.clauses.remove(reference)

    def comment_start(self, comment_id: str) -> None:
        if self.block is not None:
            self.block.comment_starts.append(comment_id)
        else:
            self.pending_comments.append(comment_id)


def _date(el: etree._Element) -> str:
    return el.get(W + "date") or ""


def _run_text(run: etree._Element | None) -> str:
    if run is None:
        return ""
    return "".join(t.text or "" for t in run.iter(W + "t", W + "delText"))


def _is_contents_sdt(sdt_pr: etree._Element | None) -> bool:
    if sdt_pr is None:
        return False
    gallery = sdt_pr.xpath("string(.//w:docPartGallery/@w:val)", namespaces={"w": W[1:-1]})
    return gallery.lower() == "table of contents"


def read_blocks(document: etree._Element) -> list[Block]:
    """The body's paragraphs in order (see the module's docstring)."""
    body = document.find(W + "body")
    walker = _Walker()
    if body is not None:
        walker.walk(body)
    return walker.blocks
