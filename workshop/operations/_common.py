"""Input checks shared by the operations; every failure is a one-line bilingual error."""

from __future__ import annotations

import math
import sqlite3
from datetime import date
from enum import StrEnum
from typing import TypeVar

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


def text(value: object, field_fr: str, field_en: str, *, required: bool = True) -> str:
    """A user text, trimmed; refuses non-strings, empty required values and huge pastes."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(f"« {field_fr} » doit être un texte.", f'"{field_en}" must be a text.')
    value = value.strip()
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
    """An ISO date (YYYY-MM-DD) or None."""
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InvalidInput(
            f"« {field_fr} » : date invalide « {value} » (format AAAA-MM-JJ).",
            f'"{field_en}": invalid date "{value}" (format YYYY-MM-DD).',
        ) from None


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
