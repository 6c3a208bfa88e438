"""Exports: what leaves the room (draft charter DOCX, minutes PDF, CSE consultation pack
DOCX, votes and rounds CSV, JSON bundle).

Every export reads a ``snapshot.Snapshot`` (so open ballots never carry tallies), never
changes the workshop, and writes its file atomically (``common.atomic_write``).

Every export is listed in ``EXPORTS`` and run through ``run``: the writer receives the
snapshot already passed through the name filter (``names.filtered_snapshot``), so a new
export added here cannot forget pseudonymisation. The CLI and the console both read this
registry. Only the complete JSON backup (not pseudonymised) gets the workshop unfiltered.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from workshop.exports.common import ExportOptions, language
from workshop.snapshot import Snapshot


@dataclass(frozen=True)
class Export:
    """One export: its key, file suffix, default file stems and where its writer lives."""

    key: str
    suffix: str
    module: str
    function: str
    file_filter: str
    stem_fr: str
    stem_en: str
    backup: bool = False  # complete backup: unfiltered unless pseudonymised
    #: False for a writer that prints nothing of the audit trail: it gets the snapshot
    #: without it, rather than every line of it through the name filter.
    audit: bool = True

    def writer(self) -> Callable[..., Path]:
        """Import the writer now (lazily: python-docx and reportlab are heavy)."""
        return getattr(importlib.import_module(self.module), self.function)

    def default_name(self, options: ExportOptions, lang: str, workshop_stem: str = "") -> str:
        """A file name with no person's name: the workshop file's stem is left out when
        pseudonymised (it may be « atelier-sophie »)."""
        stem = self.stem_en if lang == "en" else self.stem_fr
        if options.anonymize:
            return f"{stem}-{'pseudonymised' if lang == 'en' else 'pseudonymise'}{self.suffix}"
        return f"{workshop_stem}-{stem}{self.suffix}" if workshop_stem else f"{stem}{self.suffix}"


EXPORTS: dict[str, Export] = {
    e.key: e
    for e in (
        Export(
            "charter",
            ".docx",
            "workshop.exports.charter",
            "write_charter",
            "Word (*.docx)",
            "charte",
            "charter",
            audit=False,
        ),
        Export(
            "minutes",
            ".pdf",
            "workshop.exports.minutes",
            "write_minutes",
            "PDF (*.pdf)",
            "compte-rendu",
            "minutes",
        ),
        Export(
            "cse_pack",
            ".docx",
            "workshop.exports.cse_pack",
            "write_cse_pack",
            "Word (*.docx)",
            "dossier-cse",
            "cse-pack",
        ),
        Export(
            "votes",
            ".csv",
            "workshop.exports.csv_votes",
            "write_votes",
            "CSV (*.csv)",
            "votes",
            "votes",
        ),
        Export(
            "rounds",
            ".csv",
            "workshop.exports.csv_rounds",
            "write_rounds",
            "CSV (*.csv)",
            "tours",
            "rounds",
        ),
        Export(
            "bundle",
            ".json",
            "workshop.exports.json_bundle",
            "write_json",
            "JSON (*.json)",
            "atelier",
            "workshop",
            backup=True,
        ),
    )
}


def prepare(export: Export, snap: Snapshot, options: ExportOptions) -> Snapshot:
    """The snapshot a writer may see: names filtered (see ``names``)."""
    if export.backup and not options.anonymize:
        return snap
    from workshop.exports.names import filtered_snapshot

    if not export.audit:
        snap = without_audit(snap)

    return filtered_snapshot(snap, pseudonymise=options.anonymize, lang=language(snap, options))


def without_audit(snap: Snapshot) -> Snapshot:
    """``snap`` without its audit trail (and the timeline read from it), for a writer that
    prints none of it; the export identifier is stamped from the whole state before."""
    return replace(snap, audit=(), marks=())


def run(
    key: str,
    snap: Snapshot,
    target: str | os.PathLike,
    options: ExportOptions = ExportOptions(),
    **extra: Any,
) -> Path:
    """Write export ``key`` at ``target`` from ``snap``, through the name filter."""
    from workshop.exports.identifier import stamped

    export = EXPORTS[key]
    options = stamped(options, snap)
    return export.writer()(prepare(export, snap, options), target, options, **extra)


def review(snap: Snapshot, options: ExportOptions = ExportOptions()) -> list[str]:
    """Lines to show the facilitator before a pseudonymised export (empty otherwise)."""
    if not options.anonymize:
        return []
    from workshop.exports.names import suspects

    lang = language(snap, options)
    return [s.line(lang) for s in suspects(snap, lang)]
