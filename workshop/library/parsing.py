"""A TOML table checked entry by entry into a Library: header, themes, clauses, variants."""

from __future__ import annotations

import os
from collections.abc import Collection
from typing import Any

from workshop.library.fields import (
    _check_fields,
    _coordinate,
    _key_value,
    _optional_text,
    _tables,
    _text,
    _text_list,
)
from workshop.library.model import FLAGS, FORMAT_VERSION, LANGUAGES, Clause, Library, Theme, Variant
from workshop.library.reading import _decode, _load_toml, _read
from workshop.library.refusals import _missing, _show, _Where, _wrong_type
from workshop.model import Lean

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
