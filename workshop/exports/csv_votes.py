"""The votes as CSV, for whoever wants to recount in a spreadsheet.

One row per recorded choice (vote by name), or per college and choice (counts), or per
choice (secret ballots keep only totals). Excel with a French locale expects ``;`` and
reads UTF-8 only with a byte-order mark, so a French workshop gets both. Cells that a
spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``) are defused with a quote.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

from workshop.exports.common import ExportOptions, atomic_write, clean, language, shown_name
from workshop.exports.names import ensure_filtered
from workshop.model import CaptureMode, Choice, Method, Outcome, label
from workshop.snapshot import Snapshot

HEADERS = {
    "fr": (
        "Ordre",
        "Clause",
        "Tour",
        "Mode de décision",
        "Recueil",
        "Collège",
        "Participant",
        "Choix",
        "Nombre",
        "Résultat du tour",
    ),
    "en": (
        "Order",
        "Clause",
        "Round",
        "Decision method",
        "Capture",
        "College",
        "Participant",
        "Choice",
        "Count",
        "Round outcome",
    ),
}


def _cell(value: object) -> str:
    text = clean(str(value)) if value is not None else ""
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


def rows(snap: Snapshot, options: ExportOptions = ExportOptions()) -> list[tuple[str, ...]]:
    """The table, header first."""
    lang = language(snap, options)
    snap = ensure_filtered(snap, pseudonymise=options.anonymize, lang=lang)
    everyone = "tous collèges" if lang == "fr" else "all colleges"
    table: list[tuple[str, ...]] = [HEADERS["en" if lang == "en" else "fr"]]
    for clause in snap.clauses:
        for ballot in clause.ballots:
            base = (
                clause.position,
                clause.title,
                ballot.round,
                label(Method(ballot.method), lang),
                label(CaptureMode(ballot.capture), lang),
            )
            if ballot.is_open:
                table.append(tuple(_cell(v) for v in (*base, "", "", "", "", label_open(lang))))
                continue
            outcome = label(Outcome(ballot.outcome), lang) if ballot.outcome else ""
            colleges = {v.participant_id: v.college_id for v in ballot.voters}
            if ballot.capture == CaptureMode.NOMINATIVE:
                for vote in ballot.votes:
                    college = snap.college(colleges.get(vote.participant_id))
                    who = shown_name(snap.participant(vote.participant_id), options)
                    table.append(
                        tuple(
                            _cell(v)
                            for v in (
                                *base,
                                college.name if college else "",
                                who,
                                label(Choice(vote.choice), lang),
                                1,
                                outcome,
                            )
                        )
                    )
            else:
                for count in ballot.counts:
                    college = snap.college(count.college_id)
                    table.append(
                        tuple(
                            _cell(v)
                            for v in (
                                *base,
                                college.name if college else everyone,
                                "",
                                label(Choice(count.choice), lang),
                                count.n,
                                outcome,
                            )
                        )
                    )
    return table


def label_open(lang: str) -> str:
    return "vote en cours" if lang == "fr" else "vote in progress"


def write_votes(
    snap: Snapshot, target: str | os.PathLike, options: ExportOptions = ExportOptions()
) -> Path:
    """Write the votes CSV atomically (UTF-8 with BOM; ``;`` for French workshops)."""
    lang = language(snap, options)
    table = rows(snap, options)

    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";" if lang == "fr" else ",")
            writer.writerows(table)

    return atomic_write(target, write)
