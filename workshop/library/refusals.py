"""One-line French and English refusals naming the file and the entry at fault."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from workshop.errors import LibraryError

# Error messages: one line, French and English, "file: entry, entry : message".


@dataclass(frozen=True)
class _Where:
    """Where in a file a problem lies, to prefix both messages."""

    source: str
    fr: tuple[str, ...] = ()
    en: tuple[str, ...] = ()

    def inside(self, fr: str, en: str) -> _Where:
        return _Where(self.source, (*self.fr, fr), (*self.en, en))

    def error(self, fr: str, en: str) -> LibraryError:
        if self.fr:
            head_fr = f"{self.source}: {', '.join(self.fr)} : "
            head_en = f"{self.source}: {', '.join(self.en)}: "
        else:
            head_fr = head_en = f"{self.source}: "
        return LibraryError(_one_line(head_fr + fr), _one_line(head_en + en))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _show(value: Any) -> str:
    """A value as it may appear inside a one-line message."""
    text = value if isinstance(value, str) else repr(value)
    text = _one_line(text)
    return text if len(text) <= 60 else text[:57] + "..."


def _type_names(value: Any) -> tuple[str, str]:
    """French and English name, with article, of a TOML value's type."""
    if isinstance(value, bool):
        return "un booléen", "a boolean"
    if isinstance(value, int):
        return "un entier", "an integer"
    if isinstance(value, float):
        return "un nombre décimal", "a decimal number"
    if isinstance(value, str):
        return "un texte", "text"
    if isinstance(value, list):
        return "une liste", "a list"
    if isinstance(value, dict):
        return "une table", "a table"
    if isinstance(value, datetime | date | time):
        return "une date ou une heure", "a date or time"
    return type(value).__name__, type(value).__name__


def _wrong_type(where: _Where, field: str, value: Any, fr: str, en: str) -> LibraryError:
    """``fr`` and ``en`` name the expected type with its article ("un nombre", "a number")."""
    got_fr, got_en = _type_names(value)
    return where.error(
        f"champ « {field} » : il faut {fr}, pas {got_fr}",
        f'field "{field}": expected {en}, found {got_en}',
    )


def _missing(where: _Where, field: str) -> LibraryError:
    return where.error(f"champ « {field} » manquant", f'missing field "{field}"')
