"""The libraries shipped with the app, read from the installed resources once."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from workshop.errors import LibraryError
from workshop.library.model import LANGUAGES, Library
from workshop.library.parsing import parse_library
from workshop.library.reading import _decode
from workshop.library.refusals import _show


@cache
def builtin_library(lang: str = "fr") -> Library:
    """The library shipped with the app in ``lang``; parsed once, then cached."""
    if lang not in LANGUAGES:
        raise LibraryError(
            f"bibliothèque intégrée « {_show(lang)} » inconnue (fr ou en attendu)",
            f'unknown builtin library "{_show(lang)}" (expected fr or en)',
        )
    source = f"builtin:{lang}"
    try:
        data = files("resources").joinpath("clauses", f"{lang}.toml").read_bytes()
    except OSError:
        raise LibraryError(
            f"{source}: fichier de la bibliothèque intégrée introuvable (installation incomplète)",
            f"{source}: builtin library file not found (incomplete installation)",
        ) from None
    return parse_library(_decode(data, source), source)
