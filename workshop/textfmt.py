"""How numbers, dates and times are written for people, in French and English.

French: « 1er décembre 2026 », decimal comma « 7,5 », no-break space before « : ».
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time

NBSP = "\u00a0"

MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip


def parse_moment(value: str | None) -> datetime | None:
    """An ISO timestamp or date from the file, or None when absent or malformed."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def long_date(value: str | date | datetime | None, lang: str = "fr") -> str:
    """« 3 décembre 2026 », "3 December 2026"; "—" when unknown; the raw text if unparsable."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        moment = parse_moment(value[:10] if len(value) >= 10 else value)
        if moment is None:
            return value
        value = moment.date()
    elif isinstance(value, datetime):
        value = value.date()
    month = MONTHS["en" if lang == "en" else "fr"][value.month - 1]
    if lang == "en":
        return f"{value.day} {month} {value.year}"
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day}{NBSP}{month} {value.year}"


SHORT_MONTHS = {
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}  # fmt: skip


def short_date(value: str | date | datetime | None, lang: str = "fr") -> str:
    """« 3 déc. », "3 Dec": a day in a narrow column; "—" when unknown."""
    if isinstance(value, str):
        value = parse_moment(value[:10])
    if value is None:
        return "—"
    month = SHORT_MONTHS["en" if lang == "en" else "fr"][value.month - 1]
    return f"{value.day}{NBSP}{month}" if lang != "en" else f"{value.day} {month}"


def clock(value: str | datetime | time | None, lang: str = "fr") -> str:
    """The one way a moment's time is written: « 10 h 38 » in French, "10:38" in English.

    Seconds are dropped, never rounded, so an event read at 10:38:40 is « 10 h 38 » in
    every section of every document; "—" when absent.
    """
    if isinstance(value, datetime | time):
        moment: datetime | time | None = value
    else:
        moment = parse_moment(value)
    if moment is None:
        return "—"
    if lang == "en":
        return f"{moment.hour:02d}:{moment.minute:02d}"
    return f"{moment.hour}{NBSP}h{NBSP}{moment.minute:02d}"


def clock_span(
    start: str | datetime | time | None, end: str | datetime | time | None, lang: str = "fr"
) -> str:
    """« 9 h 57 – 10 h 01 » (a line may break after the dash); one time when both agree."""
    first, last = clock(start, lang), clock(end, lang)
    return first if first == last else f"{first} – {last}"


def plural(n: int, one: str, many: str | None = None, lang: str = "fr") -> str:
    """The word that goes with ``n``: French takes the singular for 0 and 1 (« 0 objection »,
    « 1 réserve »), English only for 1 ("0 objections"). ``many`` defaults to ``one`` + s."""
    singular = n in (0, 1) if lang != "en" else n == 1
    return one if singular else (many if many is not None else one + "s")


def counted(n: int, one: str, many: str | None = None, lang: str = "fr") -> str:
    """« 13 clauses », « 1 clause », "0 clauses": a count with its word agreed."""
    return f"{n} {plural(n, one, many, lang)}"


def number(value: float, lang: str = "fr", decimals: int = 1, trim: bool = True) -> str:
    """« 7,5 » / "7.5"; a whole number loses its ".0" unless ``trim`` is False (« 7,0 »)."""
    text = f"{value:.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if lang == "en" else text.replace(".", ",")


# -- folding, for matching names whatever the accents, case and apostrophes ----------------
# Letters NFKD does not decompose, written without their stroke or ligature.
_FOLD_LETTERS = {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe",
                 "þ": "th", "ð": "d", "ŋ": "n", "ŧ": "t"}  # fmt: skip
_FOLD_APOSTROPHES = frozenset("’‘ʼ`´′ʹ＇")
_FOLD_HYPHENS = frozenset("\u2010\u2011\u2012\u2212\ufe63\uff0d")
_FOLD_DROPPED_EXTRA = frozenset("\u0640")  # Arabic tatweel: stretches a word, means nothing


def _folds_away(char: str) -> bool:
    """Combining marks, invisible format characters (bidi marks, zero-width, soft hyphen)."""
    return unicodedata.category(char) in ("Mn", "Me", "Cf") or char in _FOLD_DROPPED_EXTRA


def _fold_char(char: str) -> str:
    """What one character folds to (zero, one or more characters)."""
    if char in _FOLD_APOSTROPHES:
        pieces = "'"
    elif char in _FOLD_HYPHENS:
        pieces = "-"
    elif char.isspace():
        pieces = " "
    else:
        pieces = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", char).casefold())
    return "".join(_FOLD_LETTERS.get(piece, piece) for piece in pieces if not _folds_away(piece))


class _FoldTable(dict[int, str]):
    """Code point → folded text, filled on first sight: ``str.translate`` then folds in C."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


class _UnevenTable(dict[int, str | None]):
    """Code point → None when it folds to exactly one character, else itself: translating a
    text with it leaves only the characters that shift the folded text's indices."""

    def __missing__(self, code: int) -> str | None:
        uneven = self[code] = None if len(_FOLD[code]) == 1 else chr(code)
        return uneven


_FOLD = _FoldTable()
_UNEVEN = _UnevenTable()


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """``text`` folded for matching, and for each folded character its index in ``text``.

    Folding: NFKD with accents dropped, ``casefold``, Ł → l, Œ → oe, every apostrophe to
    « ' », every hyphen to « - », every space (no-break too) to « », invisible bidi and
    zero-width marks dropped. The map lets a match in the folded text be cut out of the
    original, which keeps its accents and case.

    Each character's fold is computed once per process; most texts fold one character to
    one (« é » → « e »), so their map is the identity, built without a Python loop (the
    name filter folds every free text of a workshop at each export).
    """
    folded = text.translate(_FOLD)
    if not text.translate(_UNEVEN):
        return folded, list(range(len(text)))
    where: list[int] = []
    for index, char in enumerate(text):
        where.extend([index] * len(_FOLD[ord(char)]))
    return folded, where


def fold(text: str) -> str:
    """``text`` folded for comparison (see ``fold_with_map``)."""
    return fold_with_map(text)[0]


def original_span(text: str, where: list[int], start: int, end: int) -> tuple[int, int]:
    """The span of ``text`` a folded span [start, end) came from, trailing accents included."""
    first = where[start]
    last = where[end - 1] + 1
    while last < len(text) and _folds_away(text[last]):
        last += 1
    return first, last
