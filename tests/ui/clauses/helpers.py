"""What the clause page tests read back: a clause by its library key, the list's texts."""

from __future__ import annotations

from ui.pages.clauses import ClausesPage


def clause(controller, key: str):
    return next(c for c in controller.snapshot.clauses if c.library_key == key)


def plain(text: str) -> str:
    """Rich text views turn non-breaking spaces into spaces."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def list_texts(page: ClausesPage) -> list[str]:
    return [page.left.clause_list.item(i).text() for i in range(page.left.clause_list.count())]
