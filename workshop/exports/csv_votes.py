"""The votes as CSV, for whoever wants to recount in a spreadsheet.

One row per recorded choice (vote by name), or per college and choice (counts), or per
choice (secret ballots keep only totals); every choice of the method has its row, a zero
written as 0. Each row names the clause by its stable reference and, once adopted, its
article number in the draft charter (``references``), carries the reservation or
objection texts given with that choice, and ends with the export identifier. The rounds
themselves, one row each, are ``csv_rounds``. Spreadsheet conventions: ``csv_table``.
"""

from __future__ import annotations

import os
from pathlib import Path

from workshop.exports.common import ExportOptions, language, shown_name
from workshop.exports.csv_table import cell, write_table
from workshop.exports.identifier import for_export
from workshop.exports.names import ensure_filtered
from workshop.model import CaptureMode, Choice, Method, Outcome, choices_for, label
from workshop.references import article_numbers, reference
from workshop.snapshot import Ballot, Snapshot

HEADERS = {
    "fr": (
        "Ordre",
        "Référence",
        "Article",
        "Clause",
        "Tour",
        "Mode de décision",
        "Recueil",
        "Collège",
        "Participant",
        "Choix",
        "Nombre",
        "Motif",
        "Résultat du tour",
        "Identifiant d’export",
    ),
    "en": (
        "Order",
        "Reference",
        "Article",
        "Clause",
        "Round",
        "Decision method",
        "Capture",
        "College",
        "Participant",
        "Choice",
        "Count",
        "Reason",
        "Round outcome",
        "Export identifier",
    ),
}


def _reasons(
    ballot: Ballot,
    choice: Choice,
    *,
    participant: int | None = None,
    college: int | None = None,
    by_college: bool = False,
) -> str:
    """The texts given with ``choice`` (a reservation, an objection), joined."""
    texts = [
        r.text
        for r in ballot.remarks
        if r.kind == choice
        and (participant is None or r.participant_id == participant)
        and (not by_college or r.college_id == college)
    ]
    return " | ".join(t.strip() for t in texts if t.strip())


def rows(snap: Snapshot, options: ExportOptions = ExportOptions()) -> list[tuple[str, ...]]:
    """The table, header first."""
    lang = language(snap, options)
    export_id = for_export(snap, options).code
    snap = ensure_filtered(snap, pseudonymise=options.anonymize, lang=lang)
    everyone = "tous collèges" if lang == "fr" else "all colleges"
    articles = article_numbers(snap)
    table: list[tuple[str, ...]] = [HEADERS["en" if lang == "en" else "fr"]]

    def add(*values: object) -> None:
        table.append(tuple(cell(v) for v in (*values, export_id)))

    for clause in snap.clauses:
        for ballot in clause.ballots:
            base = (
                clause.position,
                reference(clause),
                articles.get(clause.id, ""),
                clause.title,
                ballot.round,
                label(Method(ballot.method), lang),
                label(CaptureMode(ballot.capture), lang),
            )
            if ballot.is_open:
                add(*base, "", "", "", "", "", label_open(lang))
                continue
            outcome = label(Outcome(ballot.outcome), lang) if ballot.outcome else ""
            choices = choices_for(Method(ballot.method))
            colleges = {v.participant_id: v.college_id for v in ballot.voters}
            if ballot.capture == CaptureMode.NOMINATIVE:
                for vote in ballot.votes:
                    college = snap.college(colleges.get(vote.participant_id))
                    who = shown_name(snap.participant(vote.participant_id), options)
                    choice = Choice(vote.choice)
                    reason = _reasons(ballot, choice, participant=vote.participant_id)
                    add(*base, college.name if college else "", who, label(choice, lang), 1,
                        reason, outcome)  # fmt: skip
                continue
            counted: dict[int | None, dict[Choice, int]] = {}
            if ballot.capture == CaptureMode.COUNTS:
                for present_college in sorted(set(colleges.values())):
                    counted[present_college] = {}
            for count in ballot.counts:
                counted.setdefault(count.college_id, {})[Choice(count.choice)] = count.n
            if ballot.capture == CaptureMode.SECRET and not counted:
                counted[None] = {}
            order: dict[int | None, int] = {c.id: c.position for c in snap.colleges}
            for college_id in sorted(counted, key=lambda c: (c is not None, order.get(c, 0))):
                college = snap.college(college_id)
                for choice in choices:
                    reason = _reasons(
                        ballot, choice, college=college_id, by_college=college_id is not None
                    )
                    add(*base, college.name if college else everyone, "", label(choice, lang),
                        counted[college_id].get(choice, 0), reason, outcome)  # fmt: skip
    return table


def label_open(lang: str) -> str:
    return "vote en cours" if lang == "fr" else "vote in progress"


def write_votes(
    snap: Snapshot, target: str | os.PathLike, options: ExportOptions = ExportOptions()
) -> Path:
    """Write the votes CSV atomically (UTF-8 with BOM; ``;`` for French workshops)."""
    return write_table(target, rows(snap, options), language(snap, options))
