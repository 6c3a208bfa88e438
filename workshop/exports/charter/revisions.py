"""An amended clause as Word tracked changes: the library text, with each amendment's words
inserted (w:ins) and deleted (w:del) by the college that proposed it.

The lawyer accepts or rejects each change in Word or LibreOffice. The diff is word by word
(difflib's opcodes over words, spaces, punctuation and line breaks, found by
``workshop.worddiff``). Amendments are replayed in
order, so that each change carries the college whose amendment made it; when the recorded
amendments do not lead from the library text to the adopted one (a variant chosen after an
amendment), one diff from the library text to the adopted text is made instead, by the
last proposer.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple
from xml.sax.saxutils import escape, quoteattr

from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

from workshop.exports.charter.markup import Ids
from workshop.worddiff import Codes, Opcode, coded_opcodes, encode

_TOKEN = re.compile(r"\n|[^\S\n]+|\w+|[^\w\s]")
SAME, INSERTED, DELETED = "same", "ins", "del"


class Piece(NamedTuple):
    """A stretch of the wording: unchanged, or inserted or deleted by ``author`` (a named
    tuple: one is made per word token and per replayed amendment)."""

    text: str
    kind: str = SAME
    author: str | None = None


def normalised(text: str, lines: Callable[[str], list[str]]) -> str:
    """The wording as the charter prints it: one line per paragraph, no blank line."""
    return "\n".join(lines(text))


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def replay(pieces: list[Piece], after: str, author: str) -> list[Piece]:
    """``pieces`` changed into ``after``: deleted words kept as deletions, the new ones
    inserted; an earlier insertion taken back simply disappears."""
    codes = Codes()
    old = encode([p.text for p in pieces if p.kind != DELETED], codes)
    new = tokens(after)
    return _replay(pieces, coded_opcodes(old, encode(new, codes)), new, author)


def _replay(pieces: list[Piece], codes: list[Opcode], new: list[str], author: str) -> list[Piece]:
    """``replay`` by the opcodes from the visible pieces' texts to the tokens ``new``."""
    visible = [i for i, p in enumerate(pieces) if p.kind != DELETED]
    out: list[Piece] = []
    pos = 0
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal":
            end = visible[i2 - 1] + 1
            out.extend(pieces[pos:end])
            pos = end
            continue
        if i2 > i1:
            end = visible[i2 - 1] + 1
            for piece in pieces[pos:end]:
                if piece.kind == DELETED:
                    out.append(piece)
                elif piece.kind == SAME:
                    out.append(Piece(piece.text, DELETED, author))
            pos = end
        out.extend(Piece(t, INSERTED, author) for t in new[j1:j2])
    out.extend(pieces[pos:])
    return out


def changes(library: str, steps: Sequence[tuple[str, str]]) -> list[Piece]:
    """The library text with each (after, author) step replayed, merged into runs.

    After a replay the visible pieces' texts are the tokens of its ``after`` text, so each
    text of the chain is tokenised and coded once (one ``Codes`` for the chain)."""
    codes = Codes()
    words = tokens(library)
    pieces = [Piece(t) for t in words]
    old = encode(words, codes)
    for after, author in steps:
        new = tokens(after)
        coded = encode(new, codes)
        pieces = _replay(pieces, coded_opcodes(old, coded), new, author)
        old = coded
    return merged(pieces)


def merged(pieces: list[Piece]) -> list[Piece]:
    """Neighbouring pieces of the same kind and author as one, line breaks apart (a line
    break is a token of its own, never merged)."""
    out: list[Piece] = []
    run: list[str] = []  # the texts of the piece being merged
    kind, author = SAME, None
    for text, piece_kind, piece_author in pieces:
        if (
            run
            and text != "\n"
            and run[-1] != "\n"
            and (piece_kind, piece_author) == (kind, author)
        ):
            run.append(text)
            continue
        if run:
            out.append(Piece("".join(run), kind, author))
        run, kind, author = [text], piece_kind, piece_author
    if run:
        out.append(Piece("".join(run), kind, author))
    return out


def accepted(pieces: Sequence[Piece]) -> str:
    """The text once every change is accepted (it must be the adopted wording)."""
    return "".join(p.text for p in pieces if p.kind != DELETED)


def original(pieces: Sequence[Piece]) -> str:
    """The text once every change is rejected (the library text)."""
    return "".join(p.text for p in pieces if p.kind != INSERTED)


# -- writing the runs ---------------------------------------------------------------------
def _mark(tag: str, ids: Ids, author: str, date: str | None) -> BaseOxmlElement:
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(ids.next()))
    element.set(qn("w:author"), author)
    if date:
        element.set(qn("w:date"), date)
    return element


def _run(text: str, rpr: BaseOxmlElement | None, *, deleted: bool = False) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    if rpr is not None and len(rpr):
        run.append(copy.deepcopy(rpr))
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


def write(
    pieces: Sequence[Piece],
    new_paragraph: Callable[[], Paragraph],
    ids: Ids,
    date: str | None,
    base: BaseOxmlElement | None = None,
) -> list[Paragraph]:
    """The wording's paragraphs, each change a revision dated ``date``; every run, inserted
    and deleted ones included, carries a copy of ``base`` (the wording's run properties)."""
    paragraph = new_paragraph()
    paragraphs = [paragraph]
    for piece in pieces:
        if piece.text == "\n":
            if piece.kind != SAME:  # the paragraph mark itself was inserted or deleted
                tag = "w:ins" if piece.kind == INSERTED else "w:del"
                ppr = paragraph._p.get_or_add_pPr()
                mark_rpr = ppr.find(qn("w:rPr"))
                if mark_rpr is None:  # near the end of w:pPr: ours has no sectPr nor change
                    mark_rpr = OxmlElement("w:rPr")
                    ppr.append(mark_rpr)
                mark_rpr.append(_mark(tag, ids, piece.author or "", date))
            paragraph = new_paragraph()
            paragraphs.append(paragraph)
            continue
        if piece.kind == SAME:
            paragraph._p.append(_run(piece.text, base))
        else:
            tag = "w:ins" if piece.kind == INSERTED else "w:del"
            wrapper = _mark(tag, ids, piece.author or "", date)
            wrapper.append(_run(piece.text, base, deleted=piece.kind == DELETED))
            paragraph._p.append(wrapper)
    return paragraphs


_TEXT = {"\r": "&#13;"}  # a carriage return parsed raw would become a line feed
_ATTRIBUTE = {'"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}


def write_xml(pieces: Sequence[Piece], ids: Ids, date: str | None, style_id: str | None) -> str:
    """What ``write`` adds (no run properties, paragraphs in ``style_id`` or unstyled), as
    the text of a ``w:body`` holding the paragraphs: libxml2 parses it far faster than
    python-docx makes one proxy per element. Ids are taken in the same order."""
    when = f" w:date={quoteattr(date, _ATTRIBUTE)}" if date else ""
    style = "" if style_id is None else f"<w:pStyle w:val={quoteattr(style_id, _ATTRIBUTE)}/>"
    xml = [f"<w:body {nsdecls('w')}>"]
    runs: list[str] = []
    for text, kind, author in pieces:
        if kind != SAME:
            tag = "w:ins" if kind == INSERTED else "w:del"
            mark = (
                f'<{tag} w:id="{ids.next()}" w:author={quoteattr(author or "", _ATTRIBUTE)}{when}'
            )
        if text == "\n":
            if kind == SAME:
                ppr = f"<w:pPr>{style}</w:pPr>" if style else ""
            else:  # the paragraph mark itself was inserted or deleted
                ppr = f"<w:pPr>{style}<w:rPr>{mark}/></w:rPr></w:pPr>"
            xml.append(f"<w:p>{ppr}{''.join(runs)}</w:p>")
            runs = []
            continue
        body = escape(text, _TEXT)
        if kind == SAME:
            runs.append(f'<w:r><w:t xml:space="preserve">{body}</w:t></w:r>')
        elif kind == INSERTED:
            runs.append(f'{mark}><w:r><w:t xml:space="preserve">{body}</w:t></w:r></w:ins>')
        else:
            runs.append(
                f'{mark}><w:r><w:delText xml:space="preserve">{body}</w:delText></w:r></w:del>'
            )
    ppr = f"<w:pPr>{style}</w:pPr>" if style else ""
    xml.append(f"<w:p>{ppr}{''.join(runs)}</w:p></w:body>")
    return "".join(xml)
