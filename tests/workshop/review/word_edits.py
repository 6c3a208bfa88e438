"""Editing an exported charter the way Word saves a lawyer's review, without Word.

Word splits the run it edits at the changed words (each piece keeps the run's properties
and gets rsid attributes), wraps deleted words in ``w:del`` with ``w:delText`` and typed
ones in ``w:ins``, each with its own id, the reviewer's name and a UTC date; a comment is
``commentRangeStart`` / ``commentRangeEnd`` around its words and a ``commentReference``
run after them, its text in ``comments.xml`` (an ``annotationRef`` first, ``w14:paraId``
on each paragraph), and its thread in ``commentsExtended.xml`` (Word 2013+), declared in
the content types and the document's relationships.
"""

from __future__ import annotations

import copy
import shutil
import zipfile
from pathlib import Path

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
W15 = f"{{{W15_NS}}}"
NS = {"w": W_NS}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
EXTENDED_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
)
EXTENDED_REL = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
LAWYER = "Maître Dupont"
DATE = "2026-12-07T15:42:00Z"


class WordReview:
    """An exported charter opened for editing; ``save`` writes it as Word would."""

    def __init__(self, source: Path) -> None:
        self.source = source
        with zipfile.ZipFile(source) as z:
            self.parts = {name: z.read(name) for name in z.namelist()}
        self.document = etree.fromstring(self.parts["word/document.xml"])
        self.comments = etree.fromstring(self.parts["word/comments.xml"])
        self.extended = etree.fromstring(
            f'<w15:commentsEx xmlns:w15="{W15_NS}" xmlns:w="{W_NS}"/>'.encode()
        )
        ids = [int(v) for v in self.document.xpath("//@w:id", namespaces=NS) if v.isdigit()]
        ids += [int(v) for v in self.comments.xpath("//@w:id", namespaces=NS) if v.isdigit()]
        self._next_id = max(ids, default=0) + 1000
        self._para = 0x1A2B0000

    # -- helpers ----------------------------------------------------------------------
    def _id(self) -> str:
        self._next_id += 1
        return str(self._next_id)

    def _para_id(self) -> str:
        self._para += 1
        return f"{self._para:08X}"

    def text_node(self, words: str, *, within: str | None = None) -> etree._Element:
        """The one w:t holding ``words`` (inside the bookmark ``within`` if given)."""
        found = []
        for t in self.document.iter(W + "t"):
            if words in (t.text or "") and (within is None or self._inside(t, within)):
                found.append(t)
        assert len(found) == 1, (words, len(found))
        return found[0]

    def _inside(self, element: etree._Element, bookmark: str) -> bool:
        start = self.document.xpath(f"//w:bookmarkStart[@w:name='{bookmark}']", namespaces=NS)[0]
        number = start.get(W + "id")
        inside = False
        for el in self.document.iter():
            if el is start:
                inside = True
            elif el.tag == W + "bookmarkEnd" and el.get(W + "id") == number:
                return False
            elif el is element:
                return inside
        return False

    def _split(self, t: etree._Element, words: str) -> etree._Element:
        """Split the run of ``t`` into before / ``words`` / after; the middle run."""
        run = t.getparent()
        text = t.text or ""
        i = text.index(words)
        pieces = [text[:i], words, text[i + len(words) :]]
        made = []
        for piece in pieces:
            if not piece:
                made.append(None)
                continue
            new = copy.deepcopy(run)
            new.set(W + "rsidR", "00C41A2B")
            node = new.find(W + "t")
            node.text = piece
            node.set(XML_SPACE, "preserve")
            made.append(new)
        parent = run.getparent()
        index = parent.index(run)
        parent.remove(run)
        for offset, new in enumerate(n for n in made if n is not None):
            parent.insert(index + offset, new)
        return made[1]

    def _mark(self, tag: str, author: str) -> etree._Element:
        el = etree.Element(W + tag)
        el.set(W + "id", self._id())
        el.set(W + "author", author)
        el.set(W + "date", DATE)
        return el

    # -- the reviewer's edits -----------------------------------------------------------
    def delete(self, words: str, *, within: str | None = None, author: str = LAWYER) -> None:
        """A tracked deletion of ``words``."""
        run = self._split(self.text_node(words, within=within), words)
        run.set(W + "rsidDel", "00C41A2B")
        node = run.find(W + "t")
        node.tag = W + "delText"
        wrapper = self._mark("del", author)
        run.addprevious(wrapper)
        wrapper.append(run)

    def insert(
        self, after: str, words: str, *, within: str | None = None, author: str = LAWYER
    ) -> None:
        """A tracked insertion of ``words`` right after the text ``after``."""
        run = self._split(self.text_node(after, within=within), after)
        new = copy.deepcopy(run)
        new.find(W + "t").text = words
        wrapper = self._mark("ins", author)
        wrapper.append(new)
        holder = run.getparent()
        if holder.tag in (W + "ins", W + "del"):  # after the revision it is part of
            run = holder
        run.addnext(wrapper)

    def comment(
        self,
        words: str,
        text: str,
        *,
        within: str | None = None,
        author: str = LAWYER,
        reply_to: str | None = None,
    ) -> str:
        """A comment on ``words`` (or a reply to comment ``reply_to``, anchored with it)."""
        number = self._id()
        run = self._split(self.text_node(words, within=within), words)
        start = etree.Element(W + "commentRangeStart")
        start.set(W + "id", number)
        end = etree.Element(W + "commentRangeEnd")
        end.set(W + "id", number)
        run.addprevious(start)
        run.addnext(end)
        reference = etree.fromstring(
            f'<w:r xmlns:w="{W_NS}"><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
            f'<w:commentReference w:id="{number}"/></w:r>'
        )
        end.addnext(reference)
        comment = etree.SubElement(self.comments, W + "comment")
        comment.set(W + "id", number)
        comment.set(W + "author", author)
        comment.set(W + "date", DATE)
        comment.set(W + "initials", "MD")
        para = self._para_id()
        p = etree.SubElement(comment, W + "p")
        p.set(W14 + "paraId", para)
        p.set(W14 + "textId", "77777777")
        p.append(
            etree.fromstring(
                f'<w:pPr xmlns:w="{W_NS}"><w:pStyle w:val="CommentText"/></w:pPr>'.encode()
            )
        )
        p.append(
            etree.fromstring(
                f'<w:r xmlns:w="{W_NS}"><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                "<w:annotationRef/></w:r>".encode()
            )
        )
        r = etree.SubElement(p, W + "r")
        t = etree.SubElement(r, W + "t")
        t.text = text
        entry = etree.SubElement(self.extended, W15 + "commentEx")
        entry.set(W15 + "paraId", para)
        if reply_to is not None:
            parent = self.comments.xpath(f"w:comment[@w:id='{reply_to}']", namespaces=NS)[0]
            parent_para = parent.findall(W + "p")[-1].get(W14 + "paraId")
            if parent_para is None:  # our export writes none: Word adds one when it saves
                parent_para = self._para_id()
                parent.findall(W + "p")[-1].set(W14 + "paraId", parent_para)
                parent_entry = etree.Element(W15 + "commentEx")
                parent_entry.set(W15 + "paraId", parent_para)
                parent_entry.set(W15 + "done", "0")
                self.extended.insert(0, parent_entry)
            entry.set(W15 + "paraIdParent", parent_para)
        entry.set(W15 + "done", "0")
        return number

    # -- saving -------------------------------------------------------------------------
    def save(self, target: Path) -> Path:
        parts = dict(self.parts)
        parts["word/document.xml"] = _bytes(self.document)
        parts["word/comments.xml"] = _bytes(self.comments)
        if len(self.extended):
            parts["word/commentsExtended.xml"] = _bytes(self.extended)
            types = etree.fromstring(parts["[Content_Types].xml"])
            override = etree.SubElement(types, f"{{{types.nsmap[None]}}}Override")
            override.set("PartName", "/word/commentsExtended.xml")
            override.set("ContentType", EXTENDED_TYPE)
            parts["[Content_Types].xml"] = _bytes(types)
            rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
            rel = etree.SubElement(rels, f"{{{rels.nsmap[None]}}}Relationship")
            rel.set("Id", "rId900")
            rel.set("Type", EXTENDED_REL)
            rel.set("Target", "commentsExtended.xml")
            parts["word/_rels/document.xml.rels"] = _bytes(rels)
        tmp = target.with_suffix(".tmp")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, data)
        shutil.move(tmp, target)
        return target


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
