"""Every legal note the exports can print, and ``docs/legal-notes.md`` generated from them.

Regenerate the page after changing a note:
``python -m workshop.exports.legal.catalogue > docs/legal-notes.md`` (a test compares them).
"""

from __future__ import annotations

from workshop.exports.legal import data, expression, rules
from workshop.exports.legal.model import NoteText

#: In the order the exports print them (``legal_notes``), each key once.
ALL_NOTES: tuple[NoteText, ...] = (
    rules.PROPORTIONALITY,
    rules.STATUS_GUIDE,
    rules.SANCTIONS_IN_GUIDE,
    rules.RI_PROCEDURE,
    rules.RI_CONTENTS,
    rules.RI_MENTIONS,
    rules.WORKFORCE_UNKNOWN,
    rules.WORKFORCE_MICRO,
    rules.WORKFORCE_SMALL,
    rules.WORKFORCE_50,
    data.MONITORING,
    data.DPIA,
    data.SPECIAL_CATEGORIES,
    data.GDPR,
    data.NEW_TECHNOLOGY,
    expression.EXPRESSION,
    expression.PRIVATE_LIFE,
    expression.EVIDENCE,
    expression.LOYALTY,
    expression.IMAGE_RIGHTS,
    expression.INFLUENCE,
    data.WHISTLEBLOWING,
)

_HEAD = """# Legal notes: the full list, with their sources

Generated from `workshop/exports/legal/` by
`python -m workshop.exports.legal.catalogue > docs/legal-notes.md`; a test keeps this page
equal to what the exports print. The draft charter (annex « Points de vigilance
juridique »), the minutes (section « Notes juridiques ») and the CSE consultation pack
print the notes that apply, in this order, in the workshop’s language.

These notes are pointers for the lawyers, not legal advice. Case law is cited only where
the date, chamber and number were checked; where the law is unsettled, the note says so.
The workforce thresholds are read from the workshop’s size band (1–10, 11–49, 50–249,
250–4999, 5000+), whose bounds fall on the legal steps of 11 and 50 employees.
"""


def markdown() -> str:
    """The documentation page: each note's key, when it applies, its sources, both texts."""
    parts = [_HEAD]
    for n, note in enumerate(ALL_NOTES, start=1):
        parts.append(f"\n## {n}. `{note.key}`\n")
        parts.append(f"\n**When**: {note.when_en}. *Quand : {note.when_fr}.*\n")
        parts.append("\n**Sources**:\n\n")
        parts.extend(f"- {source}\n" for source in note.sources_fr)
        parts.append(f"\n**FR**: {note.fr}\n")
        parts.append(f"\n**EN**: {note.en}\n")
    return "".join(parts)


if __name__ == "__main__":
    print(markdown(), end="")
