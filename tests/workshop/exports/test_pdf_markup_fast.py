"""The minutes' text filters take C fast paths (issue 16): they must give what the
character-by-character definitions give, for any text."""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

from hypothesis import given
from hypothesis import strategies as st

from workshop.exports import pdf_fonts
from workshop.exports.pdf_fonts import FONT, FONT_BOLD, FONT_ITALIC, markup, normalise

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
FACES = st.sampled_from([FONT, FONT_BOLD, FONT_ITALIC])


def _normalise(text: str) -> str:
    s = pdf_fonts._NEWLINES.sub("\n", text)
    s = pdf_fonts._DROP.sub("", s).replace("\t", " ")
    return "".join(ch for ch in s if unicodedata.category(ch) != "Cf" or ch in "\u200c\u200d")


def _markup(text: str, face: str) -> str:
    """The per-character definition: runs by font, « □ » where no font draws it."""
    s = pdf_fonts._drawable(_normalise(text)).replace("\u202f", "\u00a0")
    parts, run, run_font = [], [], face
    for ch in s:
        font = pdf_fonts._font_for(ch, face)
        if font is None:
            font, ch = face, pdf_fonts.SUBSTITUTE
        if font != run_font and run:
            body = escape("".join(run)).replace("\n", "<br/>")
            parts.append(body if run_font == face else f'<font name="{run_font}">{body}</font>')
            run = []
        run_font = font
        run.append(ch)
    if run:
        body = escape("".join(run)).replace("\n", "<br/>")
        parts.append(body if run_font == face else f'<font name="{run_font}">{body}</font>')
    return "".join(parts)


def test_known_texts():
    for text in ["Łukasz Nguyễn-O’Brien", "a\u00adb\u200dc\u200e", "يوسف", "🚀 ok\n2", "中文",
                 "x<y & z>", "\ufeffBOM", "tab\there", ""]:  # fmt: skip
        for face in (FONT, FONT_ITALIC):
            assert normalise(text) == _normalise(text)
            assert markup(text, face) == _markup(text, face)
    assert markup("🚀 & é") == '<font name="NotoEmoji">🚀</font> &amp; é'


@given(TEXT)
def test_right_to_left_text_is_found_as_defined(text):
    has_rtl = any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)
    assert bool(text.translate(pdf_fonts._RIGHT_TO_LEFT)) == has_rtl
    assert (pdf_fonts.visual(text) is text) or has_rtl


@given(TEXT, FACES)
def test_any_text(text, face):
    assert normalise(text) == _normalise(text)
    assert markup(text, face) == _markup(text, face)


def test_the_quick_check_of_normalise_knows_every_format_character():
    """``normalise`` returns a text untouched when ``_TO_NORMALISE`` finds nothing in it:
    the pattern must hold every format character (Cf) but the joiners, for this Python's
    Unicode version."""
    import sys
    import unicodedata

    from workshop.exports import pdf_fonts

    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if unicodedata.category(ch) == "Cf" and ch not in "\u200c\u200d":
            assert pdf_fonts._TO_NORMALISE.search(ch), f"U+{code:04X}"
            assert pdf_fonts.normalise(f"a{ch}b") == "ab"
    for ch in "\u200c\u200d":
        assert not pdf_fonts._TO_NORMALISE.search(ch)
    assert pdf_fonts.normalise("a\r\nb\tc\u2028d") == "a\nb c\nd"
