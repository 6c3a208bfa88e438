"""Legal notes the exports print: pointers for the lawyers, drawn from what was adopted.

These are reminders of the law (Code du travail, GDPR, Sapin II, case law) triggered by
the charter's intended status, the workshop's size band, and the flags and themes of the
adopted variants; they are not legal advice, and the exports say so.

The package's modules, one job each: ``model`` (the records), ``rules`` (status,
règlement intérieur, workforce), ``expression`` (speech, private life, evidence, image,
influence), ``data`` (monitoring, GDPR, whistleblowing), ``workforce`` (thresholds by
size band), ``status`` (the sentences the cover and the CSE pack print, placeholders),
``catalogue`` (every note, and the generated ``docs/legal-notes.md``). The charter, the
minutes and the CSE pack all print ``legal_notes``: one rule, one place.
"""

from __future__ import annotations

from collections.abc import Iterable

from workshop.exports.legal import data, expression, rules
from workshop.exports.legal.model import LegalNote, NoteText
from workshop.exports.legal.status import PLACEHOLDERS, cover_status, entry_into_force, placeholder
from workshop.exports.legal.workforce import (
    cse_consulted_on_monitoring,
    cse_required,
    ri_mandatory,
    workforce_note,
)
from workshop.model import CharterStatus
from workshop.snapshot import Clause, Snapshot

__all__ = [
    "DISCLAIMER",
    "PLACEHOLDERS",
    "LegalNote",
    "NoteText",
    "adopted_in_theme",
    "adopted_with",
    "cover_status",
    "cse_consulted_on_monitoring",
    "cse_required",
    "entry_into_force",
    "legal_notes",
    "placeholder",
    "ri_mandatory",
    "workforce_note",
]

DISCLAIMER = {
    "fr": "Ces notes signalent des points de droit à vérifier par les juristes ; elles ne "
    "constituent pas un avis juridique.",
    "en": "These notes point to matters of law for the lawyers to check; they are not legal "
    "advice.",
}

#: Themes of the built-in library whose adopted clauses call for a note of their own.
IMAGE_THEME = "image-rights"
ADVOCACY_THEME = "advocacy"


def _adopted(snapshot: Snapshot) -> list[Clause]:
    return [c for c in snapshot.clauses if c.adopted and c.variant is not None]


def adopted_with(snapshot: Snapshot, *flags: str) -> list[Clause]:
    """Adopted clauses whose variant carries any of ``flags``."""
    return [c for c in _adopted(snapshot) if c.variant and set(flags) & set(c.variant.flags)]


def adopted_in_theme(snapshot: Snapshot, theme: str) -> list[Clause]:
    """Adopted clauses of the library theme ``theme`` (a stable key)."""
    return [c for c in _adopted(snapshot) if c.theme_key == theme]


def _titles(clauses: Iterable[Clause]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.title for c in clauses))


def legal_notes(snapshot: Snapshot, lang: str = "fr") -> list[LegalNote]:
    """The notes that apply to this workshop's charter, most structural first.

    Always: proportionality, the workforce thresholds for the size band, freedom of
    expression, private life and audience, loyalty, whistleblowing. By status: the guide's
    limits, or the règlement intérieur's procedure, contents and mentions. By what was
    adopted: sanctions in a guide, monitoring (prior information, CSE, GDPR, DPIA, special
    categories), personal data, new tools, evidence, image rights, commercial influence.
    """
    lang = "en" if lang == "en" else "fr"
    annex = snapshot.workshop.charter_status == CharterStatus.ANNEX_RI
    sanctions = adopted_with(snapshot, "sanctions")
    monitoring = adopted_with(snapshot, "monitoring")
    personal = adopted_with(snapshot, "personal_data", "monitoring")
    technology = adopted_with(snapshot, "new_technology")
    images = adopted_in_theme(snapshot, IMAGE_THEME)
    advocacy = adopted_in_theme(snapshot, ADVOCACY_THEME)

    chosen: list[tuple[NoteText, tuple[str, ...]]] = [(rules.PROPORTIONALITY, ())]
    if annex:
        chosen += [(rules.RI_PROCEDURE, ()), (rules.RI_CONTENTS, ()), (rules.RI_MENTIONS, ())]
    else:
        chosen.append((rules.STATUS_GUIDE, ()))
        if sanctions:
            chosen.append((rules.SANCTIONS_IN_GUIDE, _titles(sanctions)))
    chosen.append((workforce_note(snapshot.workshop.size_band), ()))
    if monitoring:
        chosen += [
            (data.MONITORING, _titles(monitoring)),
            (data.DPIA, _titles(monitoring)),
            (data.SPECIAL_CATEGORIES, _titles(monitoring)),
        ]
    if personal:
        chosen.append((data.GDPR, _titles(personal)))
    if technology:
        chosen.append((data.NEW_TECHNOLOGY, _titles(technology)))
    chosen += [(expression.EXPRESSION, ()), (expression.PRIVATE_LIFE, ())]
    if monitoring or sanctions or annex:
        chosen.append((expression.EVIDENCE, _titles([*monitoring, *sanctions])))
    chosen.append((expression.LOYALTY, ()))
    if images:
        chosen.append((expression.IMAGE_RIGHTS, _titles(images)))
    if advocacy:
        chosen.append((expression.INFLUENCE, _titles(advocacy)))
    chosen.append((data.WHISTLEBLOWING, ()))
    return [text.note(lang, clauses) for text, clauses in chosen]
