"""Readers for one field of a library table: a clean value or a one-line refusal."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from typing import Any

from workshop.library.model import COORDINATE_MAX, COORDINATE_MIN
from workshop.library.refusals import _missing, _show, _type_names, _Where, _wrong_type

_KEY_RE = re.compile(r"[a-z0-9-]+")


def _check_fields(where: _Where, table: dict[str, Any], allowed: Collection[str]) -> None:
    """Refuse unknown fields, suggesting the closest known one (typos must not vanish)."""
    for field in table:
        if field in allowed:
            continue
        close = difflib.get_close_matches(field, allowed, n=1)
        if close:
            hint_fr = f"vouliez-vous dire « {close[0]} » ?"
            hint_en = f'did you mean "{close[0]}"?'
        else:
            hint_fr = "champs possibles : " + ", ".join(allowed)
            hint_en = "known fields: " + ", ".join(allowed)
        raise where.error(
            f"champ inconnu « {_show(field)} » ({hint_fr})",
            f'unknown field "{_show(field)}" ({hint_en})',
        )


def _text(where: _Where, table: dict[str, Any], field: str, *, one_line: bool = False) -> str:
    if field not in table:
        raise _missing(where, field)
    return _text_value(where, field, table[field], one_line=one_line)


def _text_value(where: _Where, field: str, value: Any, *, one_line: bool = False) -> str:
    if not isinstance(value, str):
        raise _wrong_type(where, field, value, "un texte", "text")
    value = value.strip()
    if not value:
        raise where.error(f"champ « {field} » vide", f'field "{field}" is empty')
    if one_line and ("\n" in value or "\r" in value):
        raise where.error(
            f"champ « {field} » : le texte doit tenir sur une seule ligne",
            f'field "{field}": the text must fit on one line',
        )
    return value


def _optional_text(where: _Where, table: dict[str, Any], field: str) -> str | None:
    if field not in table:
        return None
    return _text_value(where, field, table[field])


def _key_value(where: _Where, field: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _wrong_type(where, field, value, "un texte", "text")
    if not value:
        raise where.error(f"champ « {field} » vide", f'field "{field}" is empty')
    if not _KEY_RE.fullmatch(value):
        raise where.error(
            f"champ « {field} » : « {_show(value)} » n’est pas une clé valide "
            "(lettres minuscules sans accent, chiffres et tirets uniquement)",
            f'field "{field}": "{_show(value)}" is not a valid key '
            "(lowercase letters a-z, digits and hyphens only)",
        )
    return value


def _coordinate(where: _Where, table: dict[str, Any], field: str) -> float:
    if field not in table:
        raise _missing(where, field)
    value = table[field]
    # bool is an int in Python, but `support = true` is a mistake, not a number.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _wrong_type(where, field, value, "un nombre", "a number")
    if not COORDINATE_MIN <= value <= COORDINATE_MAX:  # also refuses nan
        raise where.error(
            f"champ « {field} » : {_show(value)} hors de l’intervalle "
            f"{COORDINATE_MIN} à {COORDINATE_MAX}",
            f'field "{field}": {_show(value)} is outside {COORDINATE_MIN}..{COORDINATE_MAX}',
        )
    return float(value)


def _text_list(where: _Where, table: dict[str, Any], field: str) -> tuple[str, ...]:
    if field not in table:
        return ()
    values = table[field]
    if not isinstance(values, list):
        raise _wrong_type(where, field, values, "une liste de textes", "a list of texts")
    items: list[str] = []
    for index, value in enumerate(values, start=1):
        if not isinstance(value, str):
            got_fr, got_en = _type_names(value)
            raise where.error(
                f"champ « {field} », élément n° {index} : il faut un texte, pas {got_fr}",
                f'field "{field}", item #{index}: expected text, found {got_en}',
            )
        value = value.strip()
        if not value:
            raise where.error(
                f"champ « {field} », élément n° {index} : vide",
                f'field "{field}", item #{index}: empty',
            )
        items.append(value)
    return tuple(items)


def _tables(
    where: _Where, data: dict[str, Any], field: str, entry_fr: str, entry_en: str
) -> list[tuple[_Where, dict[str, Any]]]:
    """The array of tables ``[[field]]`` as a list of (where, table) pairs."""
    values = data.get(field, [])
    if not isinstance(values, list):
        raise _wrong_type(
            where,
            field,
            values,
            f"une liste de tables ([[{field}]])",
            f"a list of tables ([[{field}]])",
        )
    result: list[tuple[_Where, dict[str, Any]]] = []
    for index, value in enumerate(values, start=1):
        raw_key = value.get("key") if isinstance(value, dict) else None
        if isinstance(raw_key, str) and raw_key.strip():
            here = where.inside(
                f"{entry_fr} « {_show(raw_key)} »", f'{entry_en} "{_show(raw_key)}"'
            )
        else:
            here = where.inside(f"{entry_fr} n° {index}", f"{entry_en} #{index}")
        if not isinstance(value, dict):
            raise _wrong_type(here, field, value, "une table", "a table")
        result.append((here, value))
    return result
