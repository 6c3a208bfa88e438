"""Fonts and glyphs for the PDF minutes: every character printed, none as a box.

reportlab's standard fonts cover only WinAnsi (no Ł, Vietnamese, Greek, Cyrillic, Arabic,
Hebrew), so the minutes use DejaVu Sans, embedded and subset, as one family so that
``<b>`` and ``<i>`` work. Three gaps are closed here:

- DejaVu has no emoji and no CJK: emoji go to Noto Emoji (monochrome, OFL, shipped in
  ``resources/fonts``); anything neither font has becomes a visible « □ » instead of an
  invisible or garbled glyph.
- DejaVu's oblique faces have no Arabic: such letters in italic text fall back to the
  upright face of the same weight.
- Right-to-left scripts: reportlab 5.1 orders bidirectional text only with the optional
  ``rlbidi`` package and joins Arabic letters only with ``uharfbuzz``; without them it
  draws Hebrew and Arabic left to right, letters unjoined. :func:`visual` does the part
  that matters for names and short remarks without any dependency: Arabic letters take
  their contextual forms (Unicode presentation forms, which DejaVu has), lam-alef becomes
  its ligature, and each right-to-left run is put in visual order inside the left-to-right
  line; runs of up to 60 characters (names, short phrases) are kept on one line. Known
  limits: a longer right-to-left run that wraps over several lines has its lines in the
  wrong order (reportlab fills lines left to right); Arabic marks are not positioned by
  GPOS; emoji sequences joined by ZWJ print as their separate emoji.
- The text layer (what a search, a copy or a text extractor reads) carries the text as
  typed, in logical order, not the presentation forms drawn: :mod:`pdf_text` rewrites
  the fonts' ToUnicode maps (emoji included, which reportlab 5.1 writes invalidly).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib.resources import as_file, files
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from workshop.exports import pdf_text

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"
EMOJI_FONT = "NotoEmoji"
SUBSTITUTE = "\u25a1"  # □, for a character no shipped font can draw

_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    EMOJI_FONT: "NotoEmoji-Regular.ttf",
}
# The upright face a slanted one falls back to for the letters it lacks (Arabic).
_UPRIGHT = {FONT_ITALIC: FONT, FONT_BOLD_ITALIC: FONT_BOLD}


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, mapping each glyph to the text as typed (``pdf_text``)."""
    return pdf_text.to_unicode_cmap(_reportlab_cmap, fontname, subset)


_reportlab_cmap = ttfonts.makeToUnicodeCMap


@functools.cache
def register_fonts() -> None:
    """Register the fonts once per process (reportlab keeps them in a global registry)."""
    if ttfonts.makeToUnicodeCMap is _reportlab_cmap:
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    fonts = files("resources") / "fonts"
    for name, filename in _FILES.items():
        if name in pdfmetrics.getRegisteredFontNames():
            continue
        with as_file(fonts / filename) as path:
            font = TTFont(name, str(path))
        if name != EMOJI_FONT:
            pdf_text.add_aliases(font.face)
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    pdfmetrics.registerFontFamily(
        EMOJI_FONT, normal=EMOJI_FONT, bold=EMOJI_FONT, italic=EMOJI_FONT, boldItalic=EMOJI_FONT
    )


@functools.cache
def coverage(font_name: str) -> frozenset[int]:
    """The code points a registered font has a glyph for."""
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    if not isinstance(font, TTFont):  # every font we register is a TrueType one
        raise TypeError(f"{font_name} is not a TrueType font")
    return frozenset(font.face.charToGlyph)


# -- Arabic joining -------------------------------------------------------------------------
# Joining type of each letter and its presentation forms (isolated, final, initial, medial).
# U: joins neither side; R: joins only the letter before it (alef, dal, reh, waw...);
# D: joins both sides. Letters 0621-064A map in order onto U+FE80-FEF4.
_JOINING_0621 = "URRRRDRDRDDDDDRRRRDDDDDDDD"  # U+0621 .. U+063A
_JOINING_0641 = "DDDDDDDRRD"  # U+0641 .. U+064A
_FORMS: dict[str, tuple[str, str | None, str | None, str | None]] = {}
_JOINING: dict[str, str] = {}


def _add_forms(start: int, types: str, first_form: int) -> None:
    form = first_form
    for offset, kind in enumerate(types):
        base = chr(start + offset)
        _JOINING[base] = kind
        if kind == "U":
            _FORMS[base] = (chr(form), None, None, None)
            form += 1
        elif kind == "R":
            _FORMS[base] = (chr(form), chr(form + 1), None, None)
            form += 2
        else:
            _FORMS[base] = (chr(form), chr(form + 1), chr(form + 2), chr(form + 3))
            form += 4


_add_forms(0x0621, _JOINING_0621, 0xFE80)
_add_forms(0x0641, _JOINING_0641, 0xFED1)
# Persian and Urdu letters, in Arabic Presentation Forms-A.
for _base, _kind, _first in (
    (0x0671, "R", 0xFB50),  # alef wasla
    (0x067E, "D", 0xFB56),  # peh
    (0x0686, "D", 0xFB7A),  # tcheh
    (0x0698, "R", 0xFB8A),  # jeh
    (0x06A9, "D", 0xFB8E),  # keheh
    (0x06AF, "D", 0xFB92),  # gaf
    (0x06CC, "D", 0xFBFC),  # farsi yeh
):
    _add_forms(_base, _kind, _first)
_TATWEEL = "\u0640"  # joins both sides, has no forms of its own
_JOINING[_TATWEEL] = "C"
_JOINING["\u200d"] = "C"  # zero width joiner: joins; the non-joiner U+200C does not
_LAM = "\u0644"
_LAM_ALEF = {"\u0622": 0xFEF5, "\u0623": 0xFEF7, "\u0625": 0xFEF9, "\u0627": 0xFEFB}


def _joining(ch: str) -> str:
    kind = _JOINING.get(ch)
    if kind:
        return kind
    return "T" if unicodedata.category(ch) in ("Mn", "Me") else "U"


def _neighbour(kinds: list[str], i: int, step: int) -> str:
    """Joining type of the nearest non-transparent character before (-1) or after (+1) i."""
    k = i + step
    while 0 <= k < len(kinds) and kinds[k] == "T":
        k += step
    return kinds[k] if 0 <= k < len(kinds) else "U"


def shape_arabic(text: str) -> str:
    """Arabic letters replaced by their contextual presentation forms (logical order kept)."""
    if not any(ch in _FORMS for ch in text):
        return text
    have = coverage(FONT)
    kinds = [_joining(ch) for ch in text]
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        kind = kinds[i]
        joins_before = kind in "DRC" and _neighbour(kinds, i, -1) in "DC"
        if ch == _LAM and i + 1 < len(text) and text[i + 1] in _LAM_ALEF:
            ligature = _LAM_ALEF[text[i + 1]] + (1 if joins_before else 0)
            if ligature in have:
                out.append(chr(ligature))
                i += 2
                continue
        forms = _FORMS.get(ch)
        if forms is None:
            out.append(ch)
        else:
            joins_after = kind in "DC" and _neighbour(kinds, i, +1) in "DRC"
            isolated, final, initial, medial = forms
            if joins_before and joins_after and medial:
                form = medial
            elif joins_before and final:
                form = final
            elif joins_after and initial:
                form = initial
            else:
                form = isolated
            out.append(form if ord(form) in have else ch)
        i += 1
    return "".join(out)


# -- bidirectional order --------------------------------------------------------------------
# Right-to-left runs up to this length get no-break spaces: wrapped, their words would be
# in the wrong order from one line to the next (reportlab breaks lines left to right).
KEEP_TOGETHER = 60
_MIRROR = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))
_OPENING = {"(": ")", "[": "]", "{": "}"}
_RTL = ("R", "AL")
_NUMBER = ("EN", "AN")


def _clusters(run: str) -> list[str]:
    """Units that keep their inner order when a run is reversed: numbers, letter + marks."""
    units: list[str] = []
    i = 0
    while i < len(run):
        ch = run[i]
        if unicodedata.bidirectional(ch) in _NUMBER:
            # Digits with their inner separators (12:30, 1.5) stay left to right.
            j = i + 1
            while j < len(run):
                kind = unicodedata.bidirectional(run[j])
                inner = (
                    kind in ("CS", "ES")
                    and j + 1 < len(run)
                    and unicodedata.bidirectional(run[j + 1]) in _NUMBER
                )
                if kind not in _NUMBER and not inner:
                    break
                j += 1
            units.append(run[i:j])
            i = j
            continue
        j = i + 1
        while j < len(run) and unicodedata.category(run[j]) in ("Mn", "Me"):
            j += 1
        units.append(_MIRROR.get(ch, ch) + run[i + 1 : j])
        i = j
    return units


def _reorder_line(line: str, space: str = "\u00a0") -> str:
    """Each right-to-left run of a left-to-right line, reversed into visual order.

    A short run's spaces become ``space``, which the line breaker does not break at.
    """
    out: list[str] = []
    i, n = 0, len(line)
    while i < n:
        if unicodedata.bidirectional(line[i]) not in _RTL:
            out.append(line[i])
            i += 1
            continue
        last = i
        k = i
        opened: list[tuple[str, int]] = []  # brackets opened inside the run
        while k < n and unicodedata.bidirectional(line[k]) != "L":
            ch = line[k]
            if unicodedata.bidirectional(ch) in (*_RTL, *_NUMBER, "NSM"):
                last = k
            elif ch in _OPENING:
                opened.append((_OPENING[ch], k))
            elif opened and ch == opened[-1][0]:
                # A bracket pair around right-to-left text belongs to the run (UBA rule N0).
                if last > opened.pop()[1]:
                    last = k
            k += 1
        run = line[i : last + 1]
        if len(run) <= KEEP_TOGETHER:  # a name or a short phrase: never split over two lines
            run = run.replace(" ", space)
        out.append("".join(reversed(_clusters(run))))
        i = last + 1
    return "".join(out)


def visual(text: str, space: str = "\u00a0") -> str:
    """Text as it must be drawn left to right: Arabic joined, right-to-left runs reversed.

    ``space`` is the unbreakable space put inside short right-to-left runs.
    """
    if not text.translate(_RIGHT_TO_LEFT):  # no right-to-left letter: nothing to reorder
        return text
    return "\n".join(_reorder_line(shape_arabic(line), space) for line in text.split("\n"))


class _RightToLeft(dict[int, str | None]):
    """Code point → itself for a right-to-left letter (bidi class R or AL), else None: a
    text translated through it is empty when it holds none (filled on first sight)."""

    def __missing__(self, code: int) -> str | None:
        ch = chr(code)
        rtl = self[code] = ch if unicodedata.bidirectional(ch) in _RTL else None
        return rtl


_RIGHT_TO_LEFT = _RightToLeft()


# -- making text printable ------------------------------------------------------------------
_DROP = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufe00-\ufe0f\ufffe\uffff]"  # controls, variation selectors
)
_NEWLINES = re.compile("\r\n|[\r\u2028\u2029\x85]")


#: Format characters (Unicode category Cf, 14.0) but the joiners U+200C/D; a test checks
#: it against ``unicodedata``. With the controls, what :func:`normalise` changes.
_FORMAT_RANGES = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
_TO_NORMALISE = re.compile(
    f"[\x00-\x1f\x7f\x85\u2028\u2029\ufe00-\ufe0f\ufffe\uffff{_FORMAT_RANGES}]"
)


def normalise(text: object) -> str:
    """User text with control and invisible format characters dropped, newlines unified."""
    s = "" if text is None else str(text)
    if not _TO_NORMALISE.search(s):  # most texts: nothing to change, found in C
        return s
    s = _NEWLINES.sub("\n", s)
    s = _DROP.sub("", s).replace("\t", " ")
    # Format characters (soft hyphen, bidi marks, BOM, tags) would print as boxes or
    # nothing; the text order is computed here, not by the viewer. The zero-width (non-)
    # joiners stay until Arabic letters are joined (see _drawable).
    return s.translate(_FORMAT_CHARACTERS)


class _FormatCharacters(dict[int, str | None]):
    """Code point → None (dropped) for a format character other than the joiners, else
    itself; filled on first sight, so ``str.translate`` filters a text in C."""

    def __missing__(self, code: int) -> str | None:
        ch = chr(code)
        kept = self[code] = None if unicodedata.category(ch) == "Cf" and ch not in _JOINERS else ch
        return kept


_FORMAT_CHARACTERS = _FormatCharacters()


_JOINERS = "\u200c\u200d"


def _drawable(text: str) -> str:
    """Visual order, joiners dropped once they have done their work, and the glyphs that
    keep the text layer as typed (:mod:`pdf_text`)."""
    s = pdf_text.for_text_layer(visual(text, pdf_text.RTL_SPACE))
    return s.replace("\u200c", "").replace("\u200d", "") if "\u200c" in s or "\u200d" in s else s


def _font_for(ch: str, face: str) -> str | None:
    """Which font draws ch in text set in ``face``: the face itself, another, or None."""
    cp = ord(ch)
    if cp in coverage(face) or ch == "\n":
        return face
    upright = _UPRIGHT.get(face)
    if upright and cp in coverage(upright):
        return upright
    if cp in coverage(EMOJI_FONT) and cp > 0x7F:
        return EMOJI_FONT
    return None


class _Lacking(dict[int, str | None]):
    """Code point → None when ``face`` draws it (or it is a line break), else itself:
    a text translated through it is empty when the face draws all of it."""

    def __init__(self, face: str) -> None:
        super().__init__()
        self.face = face

    def __missing__(self, code: int) -> str | None:
        lacking = self[code] = None if _font_for(chr(code), self.face) == self.face else chr(code)
        return lacking


@functools.cache
def _lacking(face: str) -> _Lacking:
    return _Lacking(face)


def markup(text: object, face: str = FONT) -> str:
    """User text as safe Paragraph markup, every character drawn by a font that has it.

    ``face`` is the font the surrounding paragraph uses (e.g. FONT_ITALIC): characters it
    lacks are wrapped in a ``<font>`` tag for the font that has them, or replaced by « □ ».
    No-break spaces stay unbreakable (reportlab breaks lines at U+202F, so it becomes
    U+00A0).
    """
    s = _drawable(normalise(text)).replace("\u202f", "\u00a0")
    if not s.translate(_lacking(face)):  # the face draws every character: one run
        return escape(s).replace("\n", "<br/>")
    parts: list[str] = []
    run: list[str] = []
    run_font: str | None = face

    def flush() -> None:
        if not run:
            return
        body = escape("".join(run)).replace("\n", "<br/>")
        if run_font == face:
            parts.append(body)
        else:
            parts.append(f'<font name="{run_font}">{body}</font>')
        run.clear()

    for ch in s:
        font = _font_for(ch, face)
        if font is None:
            font, ch = face, SUBSTITUTE
        if font != run_font:
            flush()
            run_font = font
        run.append(ch)
    flush()
    return "".join(parts)


def plain(text: object, font: str = FONT) -> str:
    """User text for a single-font string (drawings, page footer): unknown glyphs as « □ »."""
    s = _drawable(normalise(text)).replace("\n", " ")
    have = coverage(font)
    return "".join(ch if ord(ch) in have else SUBSTITUTE for ch in s)
