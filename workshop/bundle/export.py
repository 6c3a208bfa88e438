"""Bundle export: the read model (snapshot) as a bundle dict, its canonical text, its file."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any

from workshop import snapshot
from workshop.bundle.schema import FORMAT, VERSION
from workshop.errors import WorkshopError
from workshop.session import Session
from workshop.workshopfile import WorkshopFile


def _conn(source: Session | WorkshopFile | sqlite3.Connection) -> sqlite3.Connection:
    if isinstance(source, Session):
        conn = source.file.conn
    elif isinstance(source, WorkshopFile):
        conn = source.conn
    else:
        conn = source
    if conn is None:
        raise WorkshopError("L’atelier est fermé.", "The workshop is closed.")
    return conn


def _members_out(text: str | None) -> list[dict[str, int]] | None:
    """A round's registered members per college (stored as JSON) as bundle rows."""
    if text is None:
        return None
    return [
        {"college_id": int(k), "n": n}
        for k, n in sorted(json.loads(text).items(), key=lambda i: int(i[0]))
    ]


def _ballot(b: snapshot.Ballot) -> dict[str, Any]:
    is_open = b.is_open
    return {
        "id": b.id,
        "round": b.round,
        "method": b.method,
        "capture": b.capture,
        "abstentions_count": b.abstentions_count,
        "double_majority": b.double_majority,
        "quorum": b.quorum,
        "base": b.base,
        "quorum_fraction": b.quorum_fraction,
        "quorum_on": b.quorum_on,
        "chair_id": b.chair_id,
        "members": _members_out(b.members),
        "state": b.state,
        "variant_key": b.variant_key,
        "text": b.text,
        "opened_at": b.opened_at,
        "closed_at": b.closed_at,
        "outcome": b.outcome,
        # While a vote runs, even who has voted stays out: the round restarts on import.
        "voters": [
            {
                "participant_id": v.participant_id,
                "college_id": v.college_id,
                "voted": False if is_open else v.voted,
            }
            for v in b.voters
        ],
        "votes": []
        if is_open
        else [{"participant_id": v.participant_id, "choice": v.choice} for v in b.votes],
        "counts": []
        if is_open
        else [{"college_id": c.college_id, "choice": c.choice, "n": c.n} for c in b.counts],
        "remarks": []
        if is_open
        else [
            {
                "id": r.id,
                "kind": r.kind,
                "participant_id": r.participant_id,
                "college_id": r.college_id,
                "text": r.text,
                "created_at": r.created_at,
            }
            for r in b.remarks
        ],
    }


def _clause(c: snapshot.Clause) -> dict[str, Any]:
    return {
        "id": c.id,
        "library_key": c.library_key,
        "theme_key": c.theme_key,
        "theme_title": c.theme_title,
        "title": c.title,
        "position": c.position,
        "variant_key": c.variant_key,
        "text": c.text,
        "note": c.note,
        "variants": [
            {
                "key": v.key,
                "position": v.position,
                "lean": v.lean,
                "label": v.label,
                "support": v.support,
                "control": v.control,
                "text": v.text,
                "rationale": v.rationale,
                "legal_basis": list(v.legal_basis),
                "justification": v.justification,
                "flags": list(v.flags),
            }
            for v in c.variants
        ],
        "amendments": [
            {
                "id": a.id,
                "before": a.before,
                "after": a.after,
                "college_id": a.college_id,
                "reason": a.reason,
                "created_at": a.created_at,
            }
            for a in c.amendments
        ],
        "ballots": [_ballot(b) for b in c.ballots],
    }


def export_bundle(source: Session | WorkshopFile | sqlite3.Connection) -> dict[str, Any]:
    """The whole workshop as a bundle (plain JSON values), built from the read model.

    Going through ``snapshot.load`` means the bundle can never hold what no view may show:
    an open ballot's choices and counts, or who voted what in a secret ballot.
    """
    return bundle_of(snapshot.load(_conn(source)))


def _plain(value: Any) -> Any:
    """Plain JSON values: the snapshot's enumerations become their stored strings."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def bundle_of(snap: snapshot.Snapshot) -> dict[str, Any]:
    """The bundle of a snapshot (the pseudonymised JSON export passes a filtered one)."""
    return _plain(_bundle_of(snap))


def _bundle_of(snap: snapshot.Snapshot) -> dict[str, Any]:
    w = snap.workshop
    return {
        "format": FORMAT,
        "version": VERSION,
        "workshop": {
            "title": w.title,
            "organisation": w.organisation,
            "sector": w.sector,
            "size_band": w.size_band,
            "date": w.date,
            "place": w.place,
            "facilitator": w.facilitator,
            "lang": w.lang,
            "charter_status": w.charter_status,
            "ballot_method": w.ballot_method,
            "ballot_capture": w.ballot_capture,
            "ballot_abstentions_count": w.ballot_abstentions_count,
            "ballot_double_majority": w.ballot_double_majority,
            "ballot_quorum": w.ballot_quorum,
            "target_support": w.target_support,
            "target_control": w.target_control,
            "current_step": w.current_step,
            "created_at": w.created_at,
            "start_time": w.start_time,
        },
        "agenda": [
            {
                "step": a.step,
                "position": a.position,
                "planned_minutes": a.planned_minutes,
                "started_at": a.started_at,
                "ended_at": a.ended_at,
                "break_minutes": a.break_minutes,
            }
            for a in snap.agenda
        ],
        "colleges": [
            {"id": c.id, "name": c.name, "colour": c.colour, "position": c.position}
            for c in snap.colleges
        ],
        "participants": [
            {
                "id": p.id,
                "name": p.name,
                "function": p.function,
                "college_id": p.college_id,
                "present": p.present,
                "may_be_named": p.may_be_named,
                "pseudonym": p.pseudonym,
                "position": p.position,
            }
            for p in snap.participants
        ],
        "diagnostic": [
            {"criterion": d.criterion, "score": d.score, "note": d.note} for d in snap.diagnostic
        ],
        "positions": [
            {
                "participant_id": p.participant_id,
                "round": p.round,
                "support": p.support,
                "control": p.control,
            }
            for p in snap.positions
        ],
        "clauses": [_clause(c) for c in snap.clauses],
        "actions": [
            {
                "id": a.id,
                "title": a.title,
                "description": a.description,
                "kind": a.kind,
                "audience": a.audience,
                "owner": a.owner,
                "due_date": a.due_date,
                "position": a.position,
            }
            for a in snap.actions
        ],
        "audit": [
            {"id": e.id, "at": e.at, "step": e.step, "kind": e.kind, "summary": e.summary}
            for e in snap.audit
        ],
    }


def dumps_bundle(bundle: Mapping[str, Any]) -> str:
    """The canonical text of a bundle: what ``export --json`` prints and files contain.

    Sorted keys, two-space indent, UTF-8 characters as they are and a final newline, so
    that the same workshop always gives the same bytes (diffable, comparable).
    """
    return json.dumps(bundle, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False) + "\n"


def write_bundle(
    source: Session | WorkshopFile | sqlite3.Connection, path: str | os.PathLike
) -> Path:
    """Write the workshop's bundle to ``path`` (UTF-8, "\\n" line ends), atomically.

    Through ``exports.common.atomic_write``: never over a workshop file or its companions.
    """
    from workshop.exports.common import atomic_write

    data = dumps_bundle(export_bundle(source)).encode("utf-8")
    return atomic_write(Path(path), lambda tmp: tmp.write_bytes(data))
