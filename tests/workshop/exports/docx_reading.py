"""Reading the draft charter back: its XML parts, paragraphs, articles and comments."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from workshop.model import Outcome

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
#: An article heading's own text; « Article N » is Word's list numbering, not text.
HEADING = re.compile(r"^— (.*)\u00a0\((?:réf|ref)\. (C\d+)\)$", re.S)


def xml_parts(path: Path) -> dict[str, str]:
    """Every XML part of the package, as text."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))}


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def paragraph_text(p: etree._Element, view: str = "accepted") -> str:
    """A paragraph's text with every tracked change accepted (inserted words in, deleted
    ones out), or rejected (``view="original"``: the library text)."""
    out = []
    for el in p.iter(W + "t", W + "delText"):
        inserted = any(a.tag == W + "ins" for a in el.iterancestors())
        if view == "accepted" and el.tag == W + "t":
            out.append(el.text or "")
        elif view == "original" and (el.tag == W + "delText" or not inserted):
            out.append(el.text or "")
    return "".join(out)


def texts(path: Path, view: str = "accepted", *, contents: bool = False) -> list[str]:
    """The body's paragraphs (not those in tables), as a reader sees them; the entries of
    the table of contents (which repeat the headings) only with ``contents``."""
    body = part(path, "word/document.xml").find(W + "body")
    return [
        paragraph_text(p, view)
        for p in body.findall(W + "p")
        if contents or not is_contents_entry(p)
    ]


def is_contents_entry(p: etree._Element) -> bool:
    style = p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS)
    return re.fullmatch(r"toc\d", style, re.IGNORECASE) is not None


def article_style_id(path: Path) -> str:
    """The style that numbers the articles: the one whose w:numPr the numbering binds."""
    numbering = part(path, "word/numbering.xml")
    ids = numbering.xpath(
        "//w:lvl[w:lvlText[starts-with(@w:val, 'Article')]]/w:pStyle/@w:val", namespaces=NS
    )
    assert len(ids) == 1, ids
    return ids[0]


def articles(path: Path) -> list[tuple[int, str]]:
    """(number, title) of each article heading, numbered as Word numbers them: the Nth
    paragraph in the numbered style is article N (one list, starting at 1)."""
    return [(n, title) for n, title, _ in articles_with_references(path)]


def articles_with_references(path: Path) -> list[tuple[int, str, str]]:
    style = article_style_id(path)
    body = part(path, "word/document.xml").find(W + "body")
    found = []
    for p in body.findall(W + "p"):
        if p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) == style:
            m = HEADING.match(paragraph_text(p))
            assert m, paragraph_text(p)
            found.append((len(found) + 1, m.group(1), m.group(2)))
    return found


def section(paragraphs: list[str], start: str, end: str | None) -> list[str]:
    """Paragraphs from the first one equal to ``start`` up to the one equal to ``end``."""
    i = paragraphs.index(start)
    j = paragraphs.index(end, i) if end is not None else len(paragraphs)
    return paragraphs[i:j]


def article_section(path: Path, view: str = "accepted") -> list[str]:
    paragraphs = texts(path, view)
    first = next(i for i, p in enumerate(paragraphs) if HEADING.match(p))
    end = next(i for i, p in enumerate(paragraphs) if p.startswith(("Annexe 1", "Annex 1")))
    return paragraphs[first:end]


def comments(path: Path) -> list[dict]:
    """Each comment with its author, its text and the document text it is anchored on."""
    parts = xml_parts(path)
    root = etree.fromstring(parts["word/comments.xml"].encode())
    found = {
        c.get(W + "id"): {
            "author": c.get(W + "author"),
            "initials": c.get(W + "initials"),
            "text": "".join(t.text or "" for t in c.iter(W + "t")),
            "anchor": "",
        }
        for c in root.iter(W + "comment")
    }
    active: set[str] = set()
    body = etree.fromstring(parts["word/document.xml"].encode())
    for el in body.iter():
        if el.tag == W + "commentRangeStart":
            active.add(el.get(W + "id"))
        elif el.tag == W + "commentRangeEnd":
            active.discard(el.get(W + "id"))
        elif el.tag == W + "t":
            for cid in active:
                found[cid]["anchor"] += el.text or ""
    return list(found.values())


def reservations(snap) -> list[tuple[int, str]]:
    """(clause id, remark text) of every reservation of a clause adopted with reservations."""
    result = []
    for clause in snap.clauses:
        if clause.status is Outcome.ADOPTED_WITH_RESERVATIONS:
            for remark in clause.last_closed.remarks:
                if remark.kind == "reservation":
                    result.append((clause.id, remark.text))
    return result
