"""Which language the domain speaks to the user (messages, CLI, exports default).

The UI has its own Qt translations; this module only serves text produced outside Qt.
French first: anything that is not explicitly English is French.
"""

from __future__ import annotations

import os

_language: str | None = None


def language_from_environment() -> str:
    """'en' when the user's locale is English, else 'fr'."""
    for var in ("CHARTER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "fr"
    return "fr"


def get_language() -> str:
    """The language user-facing domain messages are written in."""
    return _language or language_from_environment()


def set_language(lang: str | None) -> None:
    """Force 'fr' or 'en'; None goes back to the environment."""
    if lang not in (None, "fr", "en"):
        raise ValueError(f"unknown language {lang!r}")
    global _language
    _language = lang


def tr(fr: str, en: str) -> str:
    """Pick the French or the English text for the current language."""
    return en if get_language() == "en" else fr
