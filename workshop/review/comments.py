"""The comments of a reviewed document (``comments.xml``) and their replies.

Word links a reply to its comment in ``commentsExtended.xml``: each comment's last
paragraph has a ``w14:paraId`` and the reply's entry names its parent's (``paraIdParent``),
with ``done`` when the thread is resolved. LibreOffice writes no such part; its replies
read as comments of their own, anchored where the first one is.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no type hints

from workshop.review.authors import is_ours
from workshop.review.blocks import W

_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"


@dataclass(frozen=True)
class Comment:
    """A comment: who, when, what; ``reply_to`` names the author of the comment it answers."""

    id: str
    author: str
    date: str
    text: str
    reply_to: str | None = None
    parent_id: str | None = None
    done: bool = False

    @property
    def ours(self) -> bool:
        return is_ours(self.author)


def _paragraph_text(p: etree._Element) -> str:
    out = []
    for el in p.iter(W + "t", W + "tab", W + "br"):
        if el.tag == W + "t":
            if next(el.iterancestors(W + "del"), None) is None:
                out.append(el.text or "")
        else:
            out.append("\t" if el.tag == W + "tab" else "\n")
    return "".join(out)


def read_comments(
    comments: etree._Element | None, extended: etree._Element | None
) -> dict[str, Comment]:
    """Every comment by id (ours included), with its parent when it is a reply."""
    if comments is None:
        return {}
    raw: dict[str, tuple[etree._Element, str | None]] = {}
    for el in comments.iter(W + "comment"):
        paragraphs = el.findall(W + "p")
        last = paragraphs[-1].get(_W14 + "paraId") if paragraphs else None
        raw[el.get(W + "id") or ""] = (el, last)
    by_para = {para: cid for cid, (_, para) in raw.items() if para}
    parents: dict[str, str] = {}
    done: set[str] = set()
    if extended is not None:
        for entry in extended.iter(_W15 + "commentEx"):
            child = by_para.get(entry.get(_W15 + "paraId") or "")
            if child is None:
                continue
            if entry.get(_W15 + "done") in ("1", "true"):
                done.add(child)
            parent = by_para.get(entry.get(_W15 + "paraIdParent") or "")
            if parent is not None and parent != child:
                parents[child] = parent
    found: dict[str, Comment] = {}
    for cid, (el, _) in raw.items():
        parent = parents.get(cid)
        parent_el = raw[parent][0] if parent is not None else None
        found[cid] = Comment(
            id=cid,
            author=el.get(W + "author") or "",
            date=el.get(W + "date") or "",
            text="\n".join(t for t in (_paragraph_text(p) for p in el.findall(W + "p")) if t),
            reply_to=parent_el.get(W + "author") if parent_el is not None else None,
            parent_id=parent,
            done=cid in done or (parent is not None and parent in done),
        )
    return found
