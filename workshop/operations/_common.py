"""Input checks shared by the operations; every failure is a one-line bilingual error."""

from __future__ import annotations

import math
import re
import sqlite3
from datetime import date
from enum import StrEnum
from typing import TypeVar

from workshop.dates import EXAMPLES, MAX_LENGTH, parse_clock_time, parse_date
from workshop.errors import InvalidInput
from workshop.limits import MAX_TEXT, TABLE_LIMITS

E = TypeVar("E", bound=StrEnum)

#: How the limit message names each bounded table.
_TABLE_WORDS = {
    "colleges": ("collèges", "colleges"),
    "participants": ("participants", "participants"),
    "clauses": ("clauses", "clauses"),
    "actions": ("actions", "actions"),
}


#: Control characters a paste from Word or a terminal may carry (tab and newlines are text):
#: SQLite and XML treat some as terminators or refuse them, so they never enter the file.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def without_controls(value: str) -> str:
    """``value`` without the control characters a text field never keeps."""
    return _CONTROLS.sub("", value)


def text(value: object, field_fr: str, field_en: str, *, required: bool = True) -> str:
    """A user text, without control characters, trimmed; refuses non-strings, empty required
    values and huge pastes."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(f"« {field_fr} » doit être un texte.", f'"{field_en}" must be a text.')
    value = without_controls(value).strip()
    if required and not value:
        raise InvalidInput(
            f"« {field_fr} » ne peut pas être vide.", f'"{field_en}" cannot be empty.'
        )
    if len(value) > MAX_TEXT:
        raise InvalidInput(
            f"« {field_fr} » est trop long (plus de {MAX_TEXT} caractères).",
            f'"{field_en}" is too long (over {MAX_TEXT} characters).',
        )
    return value


def enum(cls: type[E], value: object, field_fr: str, field_en: str) -> E:
    """An enumeration member from its value, with a message listing what is allowed."""
    if isinstance(value, str):  # a member's value is always a text (StrEnum)
        try:
            return cls(value)
        except ValueError:
            pass
    allowed = ", ".join(m.value for m in cls)
    raise InvalidInput(
        f"« {field_fr} » : valeur inconnue « {value} » (attendu : {allowed}).",
        f'"{field_en}": unknown value "{value}" (expected: {allowed}).',
    )


def coordinate(value: object, field_fr: str, field_en: str) -> float:
    """A matrix coordinate in [0, 10], rounded to 2 decimals (a click is not more precise)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise InvalidInput(
            f"« {field_fr} » doit être un nombre entre 0 et 10.",
            f'"{field_en}" must be a number between 0 and 10.',
        )
    if not 0 <= value <= 10:
        raise InvalidInput(
            f"« {field_fr} » doit être entre 0 et 10 (reçu {value}).",
            f'"{field_en}" must be between 0 and 10 (got {value}).',
        )
    return round(float(value), 2)


def whole(value: object, field_fr: str, field_en: str, *, minimum: int = 0) -> int:
    """A whole number at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InvalidInput(
            f"« {field_fr} » doit être un nombre entier d’au moins {minimum}.",
            f'"{field_en}" must be a whole number of at least {minimum}.',
        )
    return value


def iso_date(value: object, field_fr: str, field_en: str) -> str | None:
    """A date as typed in French or English (see workshop.dates), stored ISO; or None."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return date(value.year, value.month, value.day).isoformat()
    parsed = parse_date(value if isinstance(value, str) else None)
    if parsed is None:
        shown = str(value)[:MAX_LENGTH]
        raise InvalidInput(
            f"« {field_fr} » : date illisible « {shown} » (par ex. {EXAMPLES}).",
            f'"{field_en}": unreadable date "{shown}" (e.g. {EXAMPLES}).',
        )
    return parsed.isoformat()


def clock_time(value: object, field_fr: str, field_en: str) -> str | None:
    """A time of day as typed (« 9h », « 09:00 », see workshop.dates), stored HH:MM; or None."""
    if value is None or value == "":
        return None
    parsed = parse_clock_time(value if isinstance(value, str) else None)
    if parsed is None:
        shown = str(value)[:MAX_LENGTH]
        raise InvalidInput(
            f"« {field_fr} » : heure illisible « {shown} » (par ex. 09:00 ou 9h30).",
            f'"{field_en}": unreadable time "{shown}" (e.g. 09:00 or 9:30).',
        )
    return parsed.strftime("%H:%M")


def exists(conn: sqlite3.Connection, table: str, row_id: object, fr: str, en: str) -> None:
    """Refuse an id that names no row (a stale view, a typo on the command line)."""
    if conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is None:
        raise InvalidInput(f"{fr} introuvable (n° {row_id}).", f"{en} not found (#{row_id}).")


def next_position(conn: sqlite3.Connection, table: str) -> int:
    """The position of a row about to be added; refuses a table already at its size limit.

    Every added college, participant, clause and action goes through here, so the bounds
    a file is checked against at open (workshop.limits) can never be passed by typing.
    """
    count, top = conn.execute(
        f"SELECT count(*), coalesce(max(position), 0) FROM {table}"
    ).fetchone()
    limit = TABLE_LIMITS.get(table)
    if limit is not None and count >= limit:
        fr, en = _TABLE_WORDS.get(table, (table, table))
        raise InvalidInput(
            f"Limite atteinte : {limit} {fr} au plus par atelier.",
            f"Limit reached: at most {limit} {en} per workshop.",
        )
    return top + 1
