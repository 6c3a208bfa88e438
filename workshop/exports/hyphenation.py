"""Hyphenation of the PDF minutes, French or English, with pyphen's dictionaries.

Narrow table columns used to cut words wherever the column ended and without a hyphen
(« communicatio|n », « Round|s »): reportlab splits a word too long for its line at the
last letter that fits. With a hyphenator, reportlab first breaks at a syllable and adds
the hyphen. pyphen is the library reportlab itself uses for this (``hyphenationLang``);
its Hunspell dictionaries (LibreOffice's ``hyph_fr`` and ``hyph_en_GB``) ship with it.

reportlab builds a new ``Pyphen`` for every paragraph it wraps when given a language
code; a callable is taken as is, so each language's dictionary is loaded once here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

import pyphen  # type: ignore[import-untyped]  # no type hints shipped

#: The dictionary for each language of the minutes.
DICTIONARIES = {"fr": "fr", "en": "en_GB"}
#: No break leaves fewer letters than this before it (« ac-compagnement », never « a- »).
MIN_PART = 2
MIN_TAIL = 3  # « pré-vu » is not worth a break: three letters at least go to the next line

Hyphenator = Callable[[str], Iterator[tuple[str, str]]]


@functools.cache
def hyphenator(lang: str) -> Hyphenator:
    """The (head, tail) pairs reportlab tries, longest head first, for a word in ``lang``."""
    dictionary = pyphen.Pyphen(lang=DICTIONARIES.get(lang, "fr"), left=MIN_PART, right=MIN_TAIL)

    def pairs(word: str) -> Iterator[tuple[str, str]]:
        return dictionary.iterate(word)

    return pairs


def hyphenated(word: str, lang: str) -> str:
    """The word with its break points shown (« com-mu-ni-ca-tion »), for tests and checks."""
    return pyphen.Pyphen(lang=DICTIONARIES.get(lang, "fr")).inserted(word)


def _allow_slash_compounds() -> None:
    """Let reportlab hyphenate « accompagnement/contrôle » like a word of letters.

    reportlab hands a word to the hyphenator only when it is letters alone
    (``paragraph._hy_letters_pat``); a compound joined by a slash, common in the app's
    labels, was then cut at the column's edge without a hyphen. The pattern is widened to
    letters joined by slashes; the dictionary breaks inside either part.
    """
    from reportlab.platypus import paragraph

    letters = getattr(paragraph, "_hy_letters", None)
    if letters is None or getattr(paragraph, "_slash_compounds", False):
        return
    paragraph._hy_letters_pat = re.compile(f"^[{letters}]+(?:/[{letters}]+)*$")  # type: ignore[attr-defined]
    paragraph._slash_compounds = True  # type: ignore[attr-defined]


_allow_slash_compounds()
