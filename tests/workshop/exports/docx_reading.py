"""Reading the draft charter back: its XML parts, paragraphs, articles and comments."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from lxml import etree

from workshop.model import Outcome

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ARTICLE = re.compile(r"^Article (\d+) — (.*)$", re.S)


def xml_parts(path: Path) -> dict[str, str]:
    """Every XML part of the package, as text."""
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))}


def texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def articles(path: Path) -> list[tuple[int, str]]:
    found = []
    for p in docx.Document(str(path)).paragraphs:
        m = ARTICLE.match(p.text)
        if m:
            found.append((int(m.group(1)), m.group(2)))
    return found


def section(paragraphs: list[str], start: str, end: str | None) -> list[str]:
    """Paragraphs from the first one equal to ``start`` up to the one equal to ``end``."""
    i = paragraphs.index(start)
    j = paragraphs.index(end, i) if end is not None else len(paragraphs)
    return paragraphs[i:j]


def article_section(path: Path) -> list[str]:
    paragraphs = texts(path)
    first = next(i for i, p in enumerate(paragraphs) if p.startswith("Article 1 — "))
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
