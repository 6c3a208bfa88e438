"""A reviewed draft charter read back: the reviewer's changes and comments, per clause.

Each paragraph belongs to the clause whose bookmark ``clause_C7`` is open over it (the
charter spans each article with one, heading to last paragraph). Where Word or LibreOffice
dropped or moved the bookmarks, the visible reference in the heading « (réf. C7) » decides:
an article runs from its heading to the next heading of any kind (a theme, an annex, the
next article). A heading's reference wins over a bookmark that spills past it. The table of
contents, which repeats every heading, never counts. What belongs to no article (cover,
preamble, annexes, notes) is listed apart, « hors article ».
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from workshop.references import parse_reference
from workshop.review.blocks import Block, Revision, W, read_blocks
from workshop.review.comments import Comment, read_comments
from workshop.review.package import open_package

#: The visible reference the charter prints after each article's title.
REFERENCE = re.compile(r"\((?:réf|ref)\.\s*(C\d+)\)")
_HEADING_REFERENCE = re.compile(r"\((?:réf|ref)\.\s*(C\d+)\)\s*$")
_DASH = re.compile(r"^\s*[—–-]\s*")
#: Context shown for what lies outside the articles.
CONTEXT = 80


@dataclass(frozen=True)
class ReviewedClause:
    """One article as the reviewer left it: wording before and after their changes (every
    one accepted), title likewise, their revisions and their comments."""

    reference: str
    clause_id: int
    title_before: str
    title_after: str
    before: str
    after: str
    revisions: tuple[Revision, ...]
    comments: tuple[Comment, ...]

    @property
    def text_changed(self) -> bool:
        return self.before != self.after

    @property
    def title_changed(self) -> bool:
        return self.title_before != self.title_after

    @property
    def authors(self) -> tuple[str, ...]:
        names = [r.author for r in self.revisions] + [c.author for c in self.comments]
        return tuple(dict.fromkeys(n for n in names if n))


@dataclass(frozen=True)
class OutsideItem:
    """A revision or a comment outside any article, with the paragraph it is in."""

    context: str
    revision: Revision | None = None
    comment: Comment | None = None


@dataclass(frozen=True)
class Review:
    """What a reviewer did to a draft charter, ready to be listed per clause."""

    name: str
    clauses: tuple[ReviewedClause, ...]
    outside: tuple[OutsideItem, ...]
    #: True when the clauses were found by their bookmarks, False by headings only.
    bookmarks: bool

    @property
    def empty(self) -> bool:
        return not self.clauses and not self.outside


def read_review(path: str | Path) -> Review:
    """Read a reviewed DOCX (refused in one line when hostile or not a Word document)."""
    package = open_package(path)
    blocks = read_blocks(package.document)
    comments = read_comments(
        package.related.get("comments"), package.related.get("commentsExtended")
    )
    levels = outline_levels(package.related.get("styles"))
    owners = _owners(blocks, levels)
    anchors = _comment_blocks(blocks, comments)
    clauses: list[ReviewedClause] = []
    outside: list[OutsideItem] = []
    for reference in dict.fromkeys(o for o in owners if o):
        members = [b for b, o in zip(blocks, owners, strict=True) if o == reference]
        reviewed = _clause(reference, members, anchors, comments)
        if reviewed is not None:
            clauses.append(reviewed)
    for block, owner in zip(blocks, owners, strict=True):
        if owner is None:
            context = _context(block)
            outside.extend(OutsideItem(context, revision=r) for r in block.revisions)
    for cid, index in anchors.items():
        comment = comments[cid]
        if index is None or owners[index] is None:
            if not comment.ours:
                context = _context(blocks[index]) if index is not None else ""
                outside.append(OutsideItem(context, comment=comment))
    return Review(
        Path(path).name,
        tuple(clauses),
        tuple(outside),
        bookmarks=any(b.clauses for b in blocks),
    )


def outline_levels(styles: etree._Element | None) -> dict[str, int]:
    """Paragraph style id → outline level, through the styles each one is based on."""
    if styles is None:
        return {}
    own: dict[str, int | None] = {}
    based: dict[str, str] = {}
    for style in styles.iter(W + "style"):
        sid = style.get(W + "styleId") or ""
        level = style.xpath("string(w:pPr/w:outlineLvl/@w:val)", namespaces={"w": W[1:-1]})
        own[sid] = int(level) if level.isdigit() else None
        parent = style.xpath("string(w:basedOn/@w:val)", namespaces={"w": W[1:-1]})
        if parent:
            based[sid] = parent
    levels: dict[str, int] = {}
    for sid in own:
        seen, current = set(), sid
        while current and current not in seen:
            seen.add(current)
            if own.get(current) is not None:
                levels[sid] = own[current]  # type: ignore[assignment]
                break
            current = based.get(current, "")
    return {sid: level for sid, level in levels.items() if level < 9}  # 9: body text


def _heading_reference(block: Block) -> str | None:
    """The clause whose article heading this paragraph is, by its visible reference."""
    if block.contents_entry or block.in_table:
        return None
    match = _HEADING_REFERENCE.search(block.before)
    if match and parse_reference(match.group(1)) is not None:
        return match.group(1)
    return None


def _is_heading(block: Block, levels: dict[str, int]) -> bool:
    if block.outline is not None:
        return block.outline < 9
    return block.style in levels


def _owners(blocks: list[Block], levels: dict[str, int]) -> list[str | None]:
    """The clause reference each paragraph belongs to, or None.

    A clause bookmark still open at a heading that is not its own has spilled over it
    (LibreOffice writes a bookmark spanning paragraphs twice and never closes the first):
    from there on it is ignored, and the headings decide.
    """
    owners: list[str | None] = []
    current: str | None = None  # the article whose heading was seen last (fallback)
    spilled: set[str] = set()
    for block in blocks:
        if block.contents_entry:
            owners.append(None)
            continue
        heading = _heading_reference(block) or block.heading_of
        marks = [r for r in block.clauses if r not in spilled]
        if heading is not None or _is_heading(block, levels):
            current = heading
            spilled.update(r for r in marks if r != heading)
            marks = [r for r in marks if r == heading]
        owners.append(heading or (marks[-1] if marks else None) or current)
    return owners


def _comment_blocks(blocks: list[Block], comments: dict[str, Comment]) -> dict[str, int | None]:
    """Each comment's paragraph: where its range starts, else its reference; a reply
    without either is where its parent is."""
    starts: dict[str, int] = {}
    references: dict[str, int] = {}
    for block in blocks:
        for cid in block.comment_starts:
            starts.setdefault(cid, block.index)
        for cid in block.comment_references:
            references.setdefault(cid, block.index)
    found: dict[str, int | None] = {}
    for cid in comments:
        found[cid] = starts.get(cid, references.get(cid))
    for cid, comment in comments.items():
        if found[cid] is None and comment.parent_id is not None:
            found[cid] = found.get(comment.parent_id)
    return found


def _view(blocks: list[Block], view: str) -> str:
    """The paragraphs' text in a view, a paragraph mark accepted as deleted joining two."""
    out = []
    for block in blocks:
        out.append(block.before if view == "before" else block.after)
        mark = block.mark_before if view == "before" else block.mark_after
        out.append("\n" if mark else "")
    lines = "".join(out).split("\n")
    return "\n".join(line for line in lines if line.strip())


def _title(heading: str) -> str:
    return _DASH.sub("", REFERENCE.sub("", heading)).strip()


def _clause(
    reference: str,
    members: list[Block],
    anchors: dict[str, int | None],
    comments: dict[str, Comment],
) -> ReviewedClause | None:
    clause_id = parse_reference(reference)
    if clause_id is None or not members:
        return None
    head = next(
        (b for b in members if _heading_reference(b) == reference or b.heading_of == reference),
        members[0],
    )
    wording = [b for b in members if b is not head]
    indexes = {b.index for b in members}
    own = tuple(
        comments[cid]
        for cid, index in anchors.items()
        if index in indexes and not comments[cid].ours
    )
    revisions = tuple(r for b in members for r in b.revisions)
    if not revisions and not own:
        return None
    return ReviewedClause(
        reference=reference,
        clause_id=clause_id,
        title_before=_title(_view([head], "before")),
        title_after=_title(_view([head], "after")),
        before=_view(wording, "before"),
        after=_view(wording, "after"),
        revisions=revisions,
        comments=own,
    )


def _context(block: Block) -> str:
    text = " ".join((block.before or block.after).split())
    return text if len(text) <= CONTEXT else text[: CONTEXT - 1].rstrip() + "…"
