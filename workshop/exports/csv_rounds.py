"""The rounds as CSV: one row per round, the record of how each decision was reached.

Beside the votes CSV (one row per choice), this table says for each round what the
minutes say in words: the clause's stable reference and charter article, the method and
capture mode, the base and its size, the quorum needed and counted, who was present, the
threshold (the votes needed, and the exact fraction as a decimal), the votes for, the
outcome and when the round opened and closed. An open round gives its settings and
opening time only: no figure is readable before it closes (the snapshot's rule).
"""

from __future__ import annotations

import os
from pathlib import Path

from workshop.errors import VoteError
from workshop.exports.common import ExportOptions, language
from workshop.exports.csv_table import cell, decimal, moment, write_table
from workshop.exports.identifier import for_export
from workshop.exports.names import ensure_filtered
from workshop.model import CaptureMode, Choice, Method, Outcome, label
from workshop.references import article_numbers, reference
from workshop.results import round_result, settings_of
from workshop.snapshot import Snapshot

HEADERS = {
    "fr": (
        "Référence",
        "Article",
        "Clause",
        "Tour",
        "Mode de décision",
        "Recueil",
        "Base",
        "Taille de la base",
        "Quorum requis",
        "Quorum compté",
        "Quorum atteint",
        "Présents",
        "Voix nécessaires",
        "Seuil exact",
        "Voix favorables",
        "Réserves",
        "Objections",
        "Résultat du tour",
        "Ouvert le",
        "Clos le",
        "Identifiant d’export",
    ),
    "en": (
        "Reference",
        "Article",
        "Clause",
        "Round",
        "Decision method",
        "Capture",
        "Base",
        "Base size",
        "Quorum needed",
        "Quorum counted",
        "Quorum met",
        "Present",
        "Votes needed",
        "Exact threshold",
        "Votes in favour",
        "Reservations",
        "Objections",
        "Round outcome",
        "Opened",
        "Closed",
        "Export identifier",
    ),
}


def rows(snap: Snapshot, options: ExportOptions = ExportOptions()) -> list[tuple[str, ...]]:
    """The table, header first: one row per round, in agenda order."""
    lang = language(snap, options)
    export_id = for_export(snap, options).code
    snap = ensure_filtered(snap, pseudonymise=options.anonymize, lang=lang)
    yes, no = ("oui", "non") if lang == "fr" else ("yes", "no")
    articles = article_numbers(snap)
    college_ids = [c.id for c in snap.colleges]
    table: list[tuple[str, ...]] = [HEADERS["en" if lang == "en" else "fr"]]
    for clause in snap.clauses:
        for ballot in clause.ballots:
            settings = settings_of(ballot)
            base_rule = settings.rules.effective_base
            head = (
                reference(clause),
                articles.get(clause.id, ""),
                clause.title,
                ballot.round,
                label(Method(ballot.method), lang),
                label(CaptureMode(ballot.capture), lang),
                label(base_rule, lang) if base_rule is not None else "",
            )
            figures: tuple[object, ...] = ("",) * 10
            outcome = ""
            if not ballot.is_open:
                try:
                    decided = round_result(ballot, college_ids)
                except VoteError:
                    decided = None  # an unreadable round: its settings, no figures
                if decided is not None:
                    result = decided.result
                    quorum = settings.rules.quorum_rule is not None
                    figures = (
                        result.overall.base,
                        result.quorum_needed if quorum else "",
                        result.quorum_counted if quorum else "",
                        (yes if result.quorum_met else no) if quorum else "",
                        result.tally.present,
                        result.overall.needed,
                        decimal(result.overall.threshold, lang),
                        result.overall.votes,
                        sum(1 for r in ballot.remarks if r.kind == Choice.RESERVATION),
                        sum(1 for r in ballot.remarks if r.kind == Choice.OBJECTION),
                    )
                if ballot.outcome is not None and ballot.outcome in Outcome._value2member_map_:
                    outcome = label(Outcome(str(ballot.outcome)), lang)
            else:
                outcome = "vote en cours" if lang == "fr" else "vote in progress"
            values = (*head, *figures, outcome, moment(ballot.opened_at), moment(ballot.closed_at))
            table.append(tuple(cell(v) for v in (*values, export_id)))
    return table


def write_rounds(
    snap: Snapshot, target: str | os.PathLike, options: ExportOptions = ExportOptions()
) -> Path:
    """Write the rounds CSV atomically (same conventions as the votes CSV)."""
    return write_table(target, rows(snap, options), language(snap, options))
