"""The clause library: the themes of a charter and the clause variants a workshop picks from.

A library is a TOML file; its format is documented in the comment block at the top of
``resources/clauses/fr.toml``. The app ships a French and an English library; a facilitator
may load an extension file that adds clauses or replaces some.

The people who edit these files are lawyers, HR and communication staff, not programmers,
so every problem in a file is reported as one ``LibraryError`` line, in French and in
English, naming the file and the entry (theme, clause, variant, field), never as a
traceback. Unknown fields are refused rather than ignored, so that a typo such as
``justifcation`` cannot silently drop the justification a control-leaning variant needs
(Code du travail, art. L1121-1).
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from importlib.resources import files
from typing import Any

from workshop.errors import LibraryError
from workshop.model import Lean

FORMAT_VERSION = 1
LANGUAGES: tuple[str, ...] = ("fr", "en")
COORDINATE_MIN = 0
COORDINATE_MAX = 10

FLAGS: frozenset[str] = frozenset(
    {
        "monitoring",  # monitors employees or filters access: L1222-4, CSE per L2312-38
        "sanctions",  # carries disciplinary sanctions: only with the RI annex, L1321-4
        "personal_data",  # processes personal data: GDPR
        "new_technology",  # introduces new tools: CSE consultation, L2312-8
        "whistleblowing",  # relates to the Sapin II alert channel
    }
)

_KEY_RE = re.compile(r"[a-z0-9-]+")
_TOML_POSITION_RE = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")

_TOP_FIELDS = ("library", "themes", "clauses")
_LIBRARY_FIELDS = ("language", "name", "version")
_THEME_FIELDS = ("key", "title", "description")
_CLAUSE_FIELDS = ("key", "theme", "title", "variants")
_VARIANT_FIELDS = (
    "key",
    "lean",
    "label",
    "support",
    "control",
    "text",
    "rationale",
    "legal_basis",
    "justification",
    "flags",
)


@dataclass(frozen=True)
class Variant:
    """One wording of a clause, placed on the support/control matrix."""

    key: str
    lean: Lean
    label: str
    support: float
    control: float
    text: str
    rationale: str
    legal_basis: tuple[str, ...]
    justification: str | None
    flags: frozenset[str]


@dataclass(frozen=True)
class Theme:
    """A subject a charter settles; themes are listed in charter order."""

    key: str
    title: str
    description: str


@dataclass(frozen=True)
class Clause:
    """An article of the charter, with the variants the group chooses between."""

    key: str
    theme: str
    title: str
    variants: tuple[Variant, ...]

    def variant(self, key: str) -> Variant:
        """The variant with this key; KeyError if the clause has none."""
        for variant in self.variants:
            if variant.key == key:
                return variant
        raise KeyError(key)


@dataclass(frozen=True)
class Library:
    """A validated set of themes and clauses in one language.

    ``source`` is the file path, ``builtin:fr`` / ``builtin:en`` for the shipped
    libraries, or ``base + extra`` for a library made by :func:`extend`.
    """

    language: str
    name: str
    themes: tuple[Theme, ...]
    clauses: tuple[Clause, ...]
    source: str

    def clause(self, key: str) -> Clause:
        """The clause with this key; KeyError if unknown."""
        for clause in self.clauses:
            if clause.key == key:
                return clause
        raise KeyError(key)

    def theme(self, key: str) -> Theme:
        """The theme with this key; KeyError if unknown."""
        for theme in self.themes:
            if theme.key == key:
                return theme
        raise KeyError(key)

    def clauses_of(self, theme_key: str) -> tuple[Clause, ...]:
        """The clauses of a theme in library order (empty for a theme without clauses).

        An extension library may hold clauses of a base theme it does not define, so an
        unknown theme key is not an error here.
        """
        return tuple(clause for clause in self.clauses if clause.theme == theme_key)


# ---------------------------------------------------------------------------
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


# ---------------------------------------------------------------------------
# Field readers: each returns a clean value or raises a LibraryError.


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


# ---------------------------------------------------------------------------
# Parsing


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")  # tolerate the BOM some Windows editors add
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise LibraryError(
            f"{source}: le fichier n’est pas encodé en UTF-8 (octet invalide ligne {line}) ; "
            "enregistrez-le en UTF-8",
            f"{source}: the file is not UTF-8 encoded (invalid byte on line {line}); "
            "save it as UTF-8",
        ) from None


def _read(path: str | os.PathLike[str]) -> tuple[bytes, str]:
    source = os.fspath(path)
    try:
        with open(path, "rb") as handle:
            return handle.read(), source
    except FileNotFoundError:
        raise LibraryError(f"{source}: fichier introuvable", f"{source}: file not found") from None
    except IsADirectoryError:
        raise LibraryError(
            f"{source}: c’est un dossier, pas un fichier de bibliothèque",
            f"{source}: this is a folder, not a library file",
        ) from None
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the path
        reason = _one_line(getattr(error, "strerror", None) or str(error))
        if os.path.isdir(source):  # Windows reports a folder as "permission denied"
            raise LibraryError(
                f"{source}: c’est un dossier, pas un fichier de bibliothèque",
                f"{source}: this is a folder, not a library file",
            ) from None
        raise LibraryError(
            f"{source}: lecture impossible ({reason})", f"{source}: cannot be read ({reason})"
        ) from None


def _load_toml(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POSITION_RE.search(message)
        detail = _one_line(message[: match.start()] if match else message)
        if match and match.group(1):
            line, column = match.group(1), match.group(2)
            where_fr = f"ligne {line}, colonne {column}"
            where_en = f"line {line}, column {column}"
        elif match:
            where_fr, where_en = "à la fin du fichier", "at the end of the file"
        else:
            where_fr = where_en = ""
        raise LibraryError(
            f"{source}: erreur de syntaxe TOML {where_fr} ({detail})".replace("  ", " "),
            f"{source}: TOML syntax error {where_en} ({detail})".replace("  ", " "),
        ) from None
    except RecursionError:
        raise LibraryError(
            f"{source}: erreur de syntaxe TOML (imbrication trop profonde)",
            f"{source}: TOML syntax error (nesting too deep)",
        ) from None


def _header(data: dict[str, Any], source: str) -> tuple[str, str]:
    """Language and name from the [library] table, after checking the format version."""
    top = _Where(source)
    if "library" not in data and not any(field in _LIBRARY_FIELDS for field in data):
        _check_fields(top, data, _TOP_FIELDS)  # "[libary]" gets a "did you mean"
    if "library" not in data:
        raise top.error(
            "section [library] manquante (language, name, version)",
            "missing [library] section (language, name, version)",
        )
    header = data["library"]
    if not isinstance(header, dict):
        raise _wrong_type(top, "library", header, "une table [library]", "a [library] table")
    _check_fields(top, data, _TOP_FIELDS)
    where = top.inside("section [library]", "[library] section")
    _check_fields(where, header, _LIBRARY_FIELDS)
    if "version" not in header:
        raise _missing(where, "version")
    version = header["version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise _wrong_type(where, "version", version, "un entier", "an integer")
    if version != FORMAT_VERSION:
        raise where.error(
            f"champ « version » : version de format {version} inconnue "
            f"(seule la version {FORMAT_VERSION} est connue)",
            f'field "version": unknown format version {version} '
            f"(only version {FORMAT_VERSION} is known)",
        )
    language = _text(where, header, "language", one_line=True)
    if language not in LANGUAGES:
        raise where.error(
            f"champ « language » : langue « {_show(language)} » inconnue (fr ou en attendu)",
            f'field "language": unknown language "{_show(language)}" (expected fr or en)',
        )
    name = _text(where, header, "name", one_line=True)
    return language, name


def _parse_theme(where: _Where, table: dict[str, Any]) -> Theme:
    _check_fields(where, table, _THEME_FIELDS)
    if "key" not in table:
        raise _missing(where, "key")
    return Theme(
        key=_key_value(where, "key", table["key"]),
        title=_text(where, table, "title", one_line=True),
        description=_text(where, table, "description"),
    )


def _parse_variant(where: _Where, table: dict[str, Any]) -> Variant:
    _check_fields(where, table, _VARIANT_FIELDS)
    if "key" not in table:
        raise _missing(where, "key")
    key = _key_value(where, "key", table["key"])
    raw_lean = _text(where, table, "lean", one_line=True)
    try:
        lean = Lean(raw_lean)
    except ValueError:
        known = ", ".join(member.value for member in Lean)
        raise where.error(
            f"champ « lean » : valeur « {_show(raw_lean)} » inconnue (valeurs possibles : {known})",
            f'field "lean": unknown value "{_show(raw_lean)}" (known values: {known})',
        ) from None
    label = _text(where, table, "label", one_line=True)
    support = _coordinate(where, table, "support")
    control = _coordinate(where, table, "control")
    if lean is Lean.SUPPORT and not support > control:
        raise where.error(
            f"coordonnées incohérentes avec l’orientation « support » : support ({support:g}) "
            f"doit être supérieur à control ({control:g})",
            f'coordinates contradict lean "support": support ({support:g}) '
            f"must be greater than control ({control:g})",
        )
    if lean is Lean.CONTROL and not control > support:
        raise where.error(
            f"coordonnées incohérentes avec l’orientation « control » : control ({control:g}) "
            f"doit être supérieur à support ({support:g})",
            f'coordinates contradict lean "control": control ({control:g}) '
            f"must be greater than support ({support:g})",
        )
    text = _text(where, table, "text")
    rationale = _text(where, table, "rationale")
    legal_basis = _text_list(where, table, "legal_basis")
    justification = _optional_text(where, table, "justification")
    if lean is Lean.CONTROL and justification is None:
        raise where.error(
            "champ « justification » manquant (obligatoire pour une variante de contrôle : "
            "toute restriction doit être justifiée et proportionnée, art. L1121-1)",
            'missing field "justification" (required for a control-leaning variant: '
            "any restriction must be justified and proportionate, art. L1121-1)",
        )
    flags = _text_list(where, table, "flags")
    seen: set[str] = set()
    for flag in flags:
        if flag not in FLAGS:
            known = ", ".join(sorted(FLAGS))
            raise where.error(
                f"champ « flags » : valeur « {_show(flag)} » inconnue "
                f"(valeurs possibles : {known})",
                f'field "flags": unknown value "{_show(flag)}" (known values: {known})',
            )
        if flag in seen:
            raise where.error(
                f"champ « flags » : valeur « {flag} » répétée",
                f'field "flags": value "{flag}" repeated',
            )
        seen.add(flag)
    return Variant(
        key=key,
        lean=lean,
        label=label,
        support=support,
        control=control,
        text=text,
        rationale=rationale,
        legal_basis=legal_basis,
        justification=justification,
        flags=frozenset(flags),
    )


def _parse_clause(where: _Where, table: dict[str, Any], theme_keys: Collection[str]) -> Clause:
    _check_fields(where, table, _CLAUSE_FIELDS)
    if "key" not in table:
        raise _missing(where, "key")
    key = _key_value(where, "key", table["key"])
    if "theme" not in table:
        raise _missing(where, "theme")
    theme = _key_value(where, "theme", table["theme"])
    if theme not in theme_keys:
        raise where.error(
            f"champ « theme » : thème « {theme} » inconnu",
            f'field "theme": unknown theme "{theme}"',
        )
    title = _text(where, table, "title", one_line=True)
    if "variants" not in table:
        raise where.error(
            "champ « variants » manquant (ajoutez des sections [[clauses.variants]])",
            'missing field "variants" (add [[clauses.variants]] sections)',
        )
    variants: list[Variant] = []
    for here, raw in _tables(where, table, "variants", "variante", "variant"):
        variant = _parse_variant(here, raw)
        if any(other.key == variant.key for other in variants):
            raise here.error(
                "clé déjà utilisée par une autre variante de cette clause",
                "key already used by another variant of this clause",
            )
        variants.append(variant)
    leans = {variant.lean for variant in variants}
    for lean, fr_name, en_name in (
        (Lean.SUPPORT, "d’accompagnement", "support-leaning"),
        (Lean.CONTROL, "de contrôle", "control-leaning"),
    ):
        if lean not in leans:
            raise where.error(
                f"aucune variante {fr_name} (lean = « {lean.value} ») ; chaque clause en demande "
                "au moins une d’accompagnement et une de contrôle",
                f'no {en_name} variant (lean = "{lean.value}"); each clause needs at least '
                "one support-leaning and one control-leaning variant",
            )
    return Clause(key=key, theme=theme, title=title, variants=tuple(variants))


def _build(data: dict[str, Any], source: str, base: Library | None) -> Library:
    language, name = _header(data, source)
    top = _Where(source)
    if base is not None and language != base.language:
        raise top.inside("section [library]", "[library] section").error(
            f"champ « language » : « {language} » ne correspond pas à la langue de la "
            f"bibliothèque de base (« {base.language} »)",
            f'field "language": "{language}" does not match the base library\'s language '
            f'("{base.language}")',
        )
    themes: list[Theme] = []
    for here, raw in _tables(top, data, "themes", "thème", "theme"):
        theme = _parse_theme(here, raw)
        if any(other.key == theme.key for other in themes):
            raise here.error(
                "clé déjà utilisée par un autre thème de ce fichier",
                "key already used by another theme in this file",
            )
        themes.append(theme)
    theme_keys = {theme.key for theme in themes}
    if base is not None:
        theme_keys |= {theme.key for theme in base.themes}
    clauses: list[Clause] = []
    for here, raw in _tables(top, data, "clauses", "clause", "clause"):
        clause = _parse_clause(here, raw, theme_keys)
        if any(other.key == clause.key for other in clauses):
            raise here.error(
                "clé déjà utilisée par une autre clause de ce fichier",
                "key already used by another clause in this file",
            )
        clauses.append(clause)
    if base is None and not themes:
        raise top.error("aucun thème (sections [[themes]])", "no theme ([[themes]] sections)")
    if base is None and not clauses:
        raise top.error("aucune clause (sections [[clauses]])", "no clause ([[clauses]] sections)")
    if base is not None and not themes and not clauses:
        raise top.error(
            "ni thème ni clause : l’extension n’ajoute rien",
            "no theme and no clause: the extension adds nothing",
        )
    return Library(
        language=language, name=name, themes=tuple(themes), clauses=tuple(clauses), source=source
    )


def parse_library(text: str, source: str, base: Library | None = None) -> Library:
    """Validate library text; ``source`` names the file in error messages.

    With ``base``, the text is an extension: its clauses may use the base's themes, it
    may hold no theme or no clause, and its language must be the base's. The result
    holds only the extension's own entries; merge it with :func:`extend`.
    """
    return _build(_load_toml(text, source), source, base)


def load_library(path: str | os.PathLike[str], base: Library | None = None) -> Library:
    """Read and validate a library file (an extension of ``base`` when given).

    As with :func:`parse_library`, an extension comes back on its own: use
    ``extend(base, load_library(path, base))`` to get the merged library.
    """
    data, source = _read(path)
    return parse_library(_decode(data, source), source, base)


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


def _merge(base_items: Iterable[Any], extra_items: Iterable[Any]) -> tuple[Any, ...]:
    """Base items with same-key extras replacing them in place, new extras appended."""
    extras = {item.key: item for item in extra_items}
    merged = [extras.pop(item.key, item) for item in base_items]
    merged.extend(extras.values())  # dicts keep the extension file's order
    return tuple(merged)


def extend(base: Library, extra: Library) -> Library:
    """``base`` with ``extra``'s themes and clauses: same keys replace, new ones follow.

    A replaced theme or clause keeps its place, so an organisation can reword an article
    of the shipped library without reordering the charter.
    """
    source = f"{base.source} + {extra.source}"
    if extra.language != base.language:
        raise LibraryError(
            f"{source}: langue « {extra.language} » de l’extension différente de celle de la "
            f"bibliothèque de base (« {base.language} »)",
            f'{source}: the extension\'s language "{extra.language}" differs from the base '
            f'library\'s ("{base.language}")',
        )
    themes = _merge(base.themes, extra.themes)
    clauses = _merge(base.clauses, extra.clauses)
    theme_keys = {theme.key for theme in themes}
    for clause in clauses:
        if clause.theme not in theme_keys:
            raise LibraryError(
                f"{source}: clause « {clause.key} » : thème « {clause.theme} » inconnu",
                f'{source}: clause "{clause.key}": unknown theme "{clause.theme}"',
            )
    return Library(
        language=base.language,
        name=f"{base.name} + {extra.name}",
        themes=themes,
        clauses=clauses,
        source=source,
    )


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
