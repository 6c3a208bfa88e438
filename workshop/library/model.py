"""The clause library's data: themes, clauses and their variants, and the format's fixed words."""

from __future__ import annotations

from dataclasses import dataclass

from workshop.model import Lean

FORMAT_VERSION = 1
LANGUAGES: tuple[str, ...] = ("fr", "en")
COORDINATE_MIN = 0
COORDINATE_MAX = 10

FLAGS: frozenset[str] = frozenset(
    {
        "monitoring",  # monitors employees or filters access: L1222-4, CSE per L2312-38
        "sanctions",  # carries sanctions: binding own rules need the RI procedure, L1321-4/5
        "personal_data",  # processes personal data: GDPR
        "new_technology",  # introduces new tools: CSE consultation, L2312-8
        "whistleblowing",  # relates to the Sapin II alert channel
    }
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
