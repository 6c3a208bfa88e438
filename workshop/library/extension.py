"""Merging an extension library into its base: same keys replace in place, new ones follow."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from workshop.errors import LibraryError
from workshop.library.model import Library


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
