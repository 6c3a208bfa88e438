"""Who wrote a revision or a comment: the workshop's own export, or the lawyer.

The draft charter signs its tracked changes « Atelier — <collège> » and its comments those,
« Atelier », « Atelier — provenance » and « Atelier — bibliothèque » (and their English
forms): the names come from the charter's own texts, so the two never drift apart.
Every other author is the reviewer's (a lawyer, the legal team, whoever edited it).
"""

from __future__ import annotations

from functools import cache

from workshop.exports.charter.texts import TEXTS


def _spaced(text: str) -> str:
    """Runs of spaces (no-break ones too) as one space: Word and LibreOffice keep them, a
    hand-typed name may not."""
    return " ".join(text.split())


@cache
def _ours() -> tuple[frozenset[str], tuple[str, ...]]:
    names: set[str] = set()
    prefixes: list[str] = []
    for t in TEXTS.values():
        for key in ("workshop_author", "provenance_author", "library_author"):
            names.add(_spaced(t[key]))
        prefix = _spaced(t["author"].split("{college}", 1)[0])
        if prefix:
            prefixes.append(prefix + " ")
    return frozenset(names), tuple(prefixes)


def is_ours(author: str | None) -> bool:
    """True for the authors the charter export writes (never the lawyer's)."""
    value = _spaced(author or "")
    names, prefixes = _ours()
    return value in names or value.startswith(prefixes)
