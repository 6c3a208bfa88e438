"""The PDF's text layer: what a reader copies, searches and extracts, character by character.

The minutes draw right-to-left runs in visual order with Arabic presentation forms
(``pdf_fonts.visual``), which is what the page must show. What a viewer's search, a copy or
``pdftotext``/``pypdf`` read is each glyph's ToUnicode entry, taken in visual order and put
back in logical order by the reader's own bidi pass. So the glyphs must map to the letters
as typed:

- each Arabic presentation form maps to its base letter (NFKC): « ﻳﻮﺳﻒ » reads « يوسف »;
- the lam-alef ligature is one glyph for two letters. Readers reverse a right-to-left run
  glyph by glyph but keep a glyph's own letters in their order, so poppler (Evince, Okular,
  ``pdftotext``) read « ال » where pypdf reads « لا ». The ligature therefore maps to lam
  alone and is preceded, in visual order, by a zero-width glyph that maps to its alef:
  every reader then reverses two one-letter glyphs into « لا »;
- the spaces that keep a short right-to-left run on one line are no-break spaces for the
  line breaker but must read as plain spaces (« يوسف الحداد », as typed): they are drawn
  with a code of their own (a private-use code point given the space's glyph) that maps to
  U+0020;
- code points above U+FFFF (emoji) are written as UTF-16 surrogate pairs: reportlab 5.1
  writes ``<1F680>``, which readers reject, so emoji could not be copied.

An ActualText span (``/Span <</ActualText …>> BDC … EMC``) was tried first and left out:
pypdf ignores it, and poppler puts its text through the same visual-to-logical reversal,
so a logical ActualText comes out backwards.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

#: Drawn for a space inside a right-to-left run: the space's glyph and width, never a line
#: break (it is no whitespace for reportlab), read as U+0020.
RTL_SPACE = "\ue000"
#: Zero-width glyphs drawn just before (left of) a lam-alef ligature, read as its alef.
_ALEF_MARKS = {
    "\ufef5": "\ue001",  # lam with alef madda above, isolated / final
    "\ufef6": "\ue001",
    "\ufef7": "\ue002",  # lam with alef hamza above
    "\ufef8": "\ue002",
    "\ufef9": "\ue003",  # lam with alef hamza below
    "\ufefa": "\ue003",
    "\ufefb": "\ue004",  # lam with alef
    "\ufefc": "\ue004",
}
_LIGATURES = re.compile("[\ufef5-\ufefc]")  # the keys of _ALEF_MARKS
_MARK_TEXT = {"\ue001": "\u0622", "\ue002": "\u0623", "\ue003": "\u0625", "\ue004": "\u0627"}
_LAM = "\u0644"
_ZERO_WIDTH = 0x200B  # a glyph DejaVu has, with no advance and no ink


def for_text_layer(drawn: str) -> str:
    """Text in visual order with the zero-width alef glyph before each lam-alef ligature."""
    if not _LIGATURES.search(drawn):
        return drawn
    return "".join(_ALEF_MARKS[ch] + ch if ch in _ALEF_MARKS else ch for ch in drawn)


def add_aliases(face: Any) -> None:
    """Give a TrueType face (reportlab's ``TTFontFace``) the glyphs of the codes above.

    reportlab does the same for U+00A0 (the space's glyph); these codes are private-use,
    which no font of ours draws otherwise.
    """
    glyphs, widths = face.charToGlyph, face.charWidths
    if 0x20 in glyphs and ord(RTL_SPACE) not in glyphs:
        glyphs[ord(RTL_SPACE)] = glyphs[0x20]
        widths[ord(RTL_SPACE)] = widths.get(0x20, 0)
    if _ZERO_WIDTH in glyphs:
        for mark in _MARK_TEXT:
            glyphs.setdefault(ord(mark), glyphs[_ZERO_WIDTH])
            widths[ord(mark)] = 0


def _logical(code: int) -> str | None:
    """What the glyph drawn for ``code`` means, when it is not ``chr(code)`` itself."""
    ch = chr(code)
    if ch == RTL_SPACE:
        return " "
    if ch in _MARK_TEXT:
        return _MARK_TEXT[ch]
    if ch in _ALEF_MARKS:
        return _LAM
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFC:  # Arabic presentation forms
        base = unicodedata.normalize("NFKC", ch)
        return base if base != ch else None
    if code > 0xFFFF:
        return ch
    return None


def to_unicode_cmap(make: Any, fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap (``make(fontname, subset)``) with the entries above fixed."""
    text: str = make(fontname, subset)
    for code in subset:
        meaning = _logical(code)
        if meaning is not None:
            target = meaning.encode("utf-16-be").hex().upper()
            text = text.replace(f"> <{code:04X}>", f"> <{target}>")
    return text
