"""French typography for text typed in the room, applied when a document is exported.

People type « Attention: voir l'art. L1121-1 » on a laptop in a hurry; a record filed by HR,
the CSE and a lawyer reads « Attention : voir l'art. L1121-1 » with spaces that never break
a line in the wrong place. The stored text is never changed: exports pass what they print
through :func:`for_export`.

The rules (French only; in English, only « » become “ ”, the rest is left as typed):

- a narrow no-break space (U+202F) before « ; : ! ? » ending a word (not after Hebrew or
  Arabic, which take none), and inside « »;
- a no-break space (U+00A0) after « n° », « art. », « § » before what they number
  (« n° 2016-1691 », « art. L1121-1 »);
- in both languages, a hyphen used as a minus sign before a number becomes the real
  minus sign U+2212 (« −0,50 »).

The rules only ever add or remove a space, turn one kind of space into another, a hyphen into
a minus or guillemets into quotes: letters and digits are never changed, never moved. Applying them twice gives the
same text. Web and e-mail addresses and clock times (« 10:38 ») are left alone, and so is a
colon or a question mark inside a word (« C:\\ », « 1:2 », « ?id=3 »).
"""

from __future__ import annotations

import re
from collections.abc import Callable

NNBSP = "\u202f"  # narrow no-break space
NBSP = "\u00a0"
MINUS = "\u2212"

# Spaces a typist may have put where a no-break space belongs (thin space included).
_SPACE = "[ \u00a0\u202f\u2009]"

# Spans no rule may touch: addresses and clock times.
_PROTECTED = re.compile(
    r"(?:https?|ftp|file|mailto):\S+"
    r"|www\.\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w:])\d{1,2}:\d{2}(?::\d{2})?(?![\w:])"
)

# High punctuation ending a word: followed by the end, a space, a closing mark or more
# punctuation. Preceded by the text it belongs to, with or without spaces in between.
# Not after Hebrew or Arabic letters: those scripts put no space before their punctuation.
_HIGH = re.compile(
    rf"(?P<before>[^\s([{{«“‘\"'\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff])"
    rf"(?P<space>{_SPACE}*)(?P<mark>[;:!?]+)"
    rf"(?=$|[\s»”’\"')\]}}.,…])"
)
_OPEN_QUOTE = re.compile(rf"«{_SPACE}*(?=[^\s])")
_CLOSE_QUOTE = re.compile(rf"(?<=[^\s]){_SPACE}*»")
# « n° 12 », « art. L1121-1 », « § 3 »: the number stays with its word.
_NUMBERED = re.compile(rf"(?<![\w.])(?P<word>[nN][°º]|[aA]rts?\.|§)(?:{_SPACE}+|(?=\d))(?=\w)")
# A hyphen as a minus sign: not inside a word, a number or a range (2016-1691, L1121-1).
_MINUS = re.compile(r"(?<![\w.,\-\u2212\u2010\u2011])-(?=\d)")
# « 1er », « 1re », « 1ers », « 1res » as words: their letters are set in superscript.
_ORDINAL = re.compile(r"(?<![\w/.,])(1)(ers?|res?)(?!\w)")


def _outside_protected(text: str, rule: Callable[[str], str]) -> str:
    """``rule`` applied to the pieces of ``text`` between addresses and clock times."""
    out: list[str] = []
    last = 0
    for match in _PROTECTED.finditer(text):
        out.append(rule(text[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(rule(text[last:]))
    return "".join(out)


def _french_piece(text: str) -> str:
    text = _HIGH.sub(lambda m: m.group("before") + NNBSP + m.group("mark"), text)
    text = _OPEN_QUOTE.sub("«" + NNBSP, text)
    text = _CLOSE_QUOTE.sub(NNBSP + "»", text)
    return _NUMBERED.sub(lambda m: m.group("word") + NBSP, text)


def french(text: str) -> str:
    """``text`` with French spacing: « Attention : » « n° 2016-1691 » (see the module)."""
    return _outside_protected(text, _french_piece)


def minus_signs(text: str) -> str:
    """Hyphens used as minus signs before a number (« -0,50 ») as U+2212 (« −0,50 »)."""
    return _outside_protected(text, lambda piece: _MINUS.sub(MINUS, piece))


# What any French rule starts from: high punctuation, guillemets, « n° », « art. », « § »; a
# text with none of them is left as it is without running the rules (most are).
_FRENCH_MARKS = re.compile(r"[;:!?«»§°º]|rts?\.")

# « … » in English text (a French term quoted): English quotes, no inner spaces.
_GUILLEMETS = re.compile(rf"«{_SPACE}*([^«»\n]*?){_SPACE}*»")


def english(text: str) -> str:
    """``text`` with English quotes: « propos injurieux » becomes “propos injurieux”."""
    return _outside_protected(text, lambda piece: _GUILLEMETS.sub(r"“\1”", piece))


def for_export(text: str, lang: str) -> str:
    """Text as an exported document prints it: French spacing in French, English quotes in
    English, real minus signs in both."""
    if "-" in text:
        text = minus_signs(text)
    if lang != "en":
        return french(text) if _FRENCH_MARKS.search(text) else text
    return english(text) if "«" in text else text


def superscript_ordinals(text: str, wrap: Callable[[str, str], str]) -> str:
    """« 1er » with its letters raised: ``wrap(number, letters)`` writes the document's markup
    (reportlab: ``1<super>er</super>``). French only; apply it to text already escaped."""
    return _ORDINAL.sub(lambda m: wrap(m.group(1), m.group(2)), text)
