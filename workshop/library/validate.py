"""The check behind ``charter-workshop library validate PATH``."""

from __future__ import annotations

import os

from workshop.library.builtin import builtin_library
from workshop.library.model import Library
from workshop.library.parsing import _header, parse_library
from workshop.library.reading import _decode, _load_toml, _read


def validate_file(path: str | os.PathLike[str], base: Library | None = None) -> Library:
    """Check a library file for ``charter-workshop library validate PATH``.

    Without ``base``, the file is checked as a possible extension of the builtin library
    in its own language, so that both complete libraries and extension files that use the
    shipped themes validate. Returns the file's own entries.
    """
    data, source = _read(path)
    text = _decode(data, source)
    if base is None:
        language, _name = _header(_load_toml(text, source), source)
        base = builtin_library(language)
    return parse_library(text, source, base)
