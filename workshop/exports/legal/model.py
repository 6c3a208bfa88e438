"""The legal notes' records: a catalogue entry (both languages, its sources, when it applies)
and the note an export prints (one language, the adopted clauses that call for it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LegalNote:
    """A note as an export prints it: text, basis (its sources, joined) and clause titles."""

    key: str
    text: str
    basis: str
    clauses: tuple[str, ...] = ()  # titles of the adopted clauses that call for it


@dataclass(frozen=True)
class NoteText:
    """One note of the catalogue, in French and English, with the sources it rests on.

    ``when_fr``/``when_en`` say in words when the note is printed: the list of notes in
    ``docs/legal-notes.md`` is generated from them, so the documentation cannot drift
    from what the exports print.
    """

    key: str
    fr: str
    en: str
    sources_fr: tuple[str, ...]
    sources_en: tuple[str, ...]
    when_fr: str
    when_en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.fr

    def sources(self, lang: str) -> tuple[str, ...]:
        return self.sources_en if lang == "en" else self.sources_fr

    def basis(self, lang: str) -> str:
        """The sources on one line, separated as each language writes it."""
        return ("; " if lang == "en" else " ; ").join(self.sources(lang))

    def note(self, lang: str, clauses: tuple[str, ...] = ()) -> LegalNote:
        return LegalNote(self.key, self.text(lang), self.basis(lang), clauses)


def same(*sources: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Sources written the same way in both languages (article numbers, case references)."""
    return sources, sources
