"""One export identifier, so a reader knows which documents belong together.

The minutes, the draft charter, the votes CSV and the JSON bundle exported from the same
workshop state print the same identifier: a short fingerprint of the state (every recorded
fact, the audit trail included) and the moment of its last change. Exports never change
the workshop, so exporting one document after another keeps the identifier; any change
in between gives a new one. The fingerprint is taken before the name filter, so a
pseudonymised document carries the identifier of the state it was made from; a
fingerprint reveals nothing of what it was computed from.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from operator import attrgetter, itemgetter
from typing import Any

from workshop.bundle.schema import FORMAT, VERSION
from workshop.exports.common import ExportOptions
from workshop.read_model import (
    Action,
    AgendaItem,
    Amendment,
    Ballot,
    Clause,
    College,
    Count,
    DiagnosticAnswer,
    Event,
    Participant,
    Placement,
    Remark,
    Snapshot,
    Variant,
    Vote,
    Voter,
    WorkshopInfo,
)
from workshop.textfmt import clock, long_date

# Crockford's base 32: no I, L, O or U, so a code read aloud or retyped is not misread.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


@dataclass(frozen=True)
class ExportId:
    """« 7F3K-9Q2M » and the moment of the state it fingerprints (ISO, local time)."""

    code: str
    at: str

    def text(self, lang: str = "fr") -> str:
        """« 7F3K-9Q2M du 2 décembre 2026, 10 h 42 » / "7F3K-9Q2M of 2 December 2026, 10:42"."""
        when = f"{long_date(self.at, lang)}, {clock(self.at, lang)}"
        return f"{self.code} of {when}" if lang == "en" else f"{self.code} du {when}"


def _code(digest: bytes) -> str:
    value = int.from_bytes(digest[:5], "big")  # 40 bits: 8 characters of base 32
    chars = "".join(_ALPHABET[(value >> shift) & 31] for shift in range(35, -1, -5))
    return f"{chars[:4]}-{chars[4:]}"


def _row(cls: type, *nested: str) -> Callable[[Any], tuple]:
    """The values of a record's compared fields (what its ``==`` reads), in their declared
    order, ``nested`` records left out (written separately)."""
    names = [f.name for f in fields(cls) if f.compare and f.name not in nested]
    return attrgetter(*names)


def _columns(cls: type) -> Callable[[Sequence[Any]], list[list[Any]]]:
    """Records of ``cls`` as one list per compared field (column by column: no tuple per
    record, and flat lists are what the JSON encoder writes fastest)."""
    getters = [attrgetter(f.name) for f in fields(cls) if f.compare]

    def columns(records: Sequence[Any]) -> list[list[Any]]:
        return [list(map(get, records)) for get in getters]

    return columns


_WORKSHOP = _row(WorkshopInfo)
_AGENDA, _COLLEGES, _PARTICIPANTS = _columns(AgendaItem), _columns(College), _columns(Participant)
_DIAGNOSTIC, _PLACEMENTS, _ACTIONS, _EVENTS = (
    _columns(DiagnosticAnswer), _columns(Placement), _columns(Action), _columns(Event),
)  # fmt: skip
_VARIANTS, _AMENDMENTS = _columns(Variant), _columns(Amendment)
_VOTERS, _VOTES, _COUNTS, _REMARKS = (
    _columns(Voter), _columns(Vote), _columns(Count), _columns(Remark),
)  # fmt: skip
_BALLOT = _row(Ballot, "voters", "votes", "counts", "remarks")
_CLAUSE = _row(Clause, "variants", "amendments", "ballots")


def _ballot(ballot: Ballot) -> tuple:
    voters = ballot.voters
    if ballot.is_open:  # as in the bundle: while a vote runs, not even who has voted
        return (_BALLOT(ballot), [v.participant_id for v in voters], [v.college_id for v in voters])
    return (
        _BALLOT(ballot),
        _VOTERS(voters),
        _VOTES(ballot.votes),
        _COUNTS(ballot.counts),
        _REMARKS(ballot.remarks),
    )


def _clause(clause: Clause) -> tuple:
    return (
        _CLAUSE(clause),
        _VARIANTS(clause.variants),
        _AMENDMENTS(clause.amendments),
        [_ballot(b) for b in clause.ballots],
    )


# ASCII, every other character escaped: faster to write than UTF-8, and a lone surrogate
# (a broken character pasted into a field) is written rather than refused.
_dumps = json.JSONEncoder(separators=(",", ":"), allow_nan=False).encode


def fingerprint(snap: Snapshot) -> bytes:
    """SHA-256 of every recorded fact: the bundle's content, read straight off the records.

    Each kind of record is written column by column, the values of each compared field
    taken by ``operator.attrgetter`` (C), by the C JSON encoder, compact and without keys:
    building the bundle's dicts and sorting their keys cost several times more, at every
    export, and tens of thousands of them alive at once made the cyclic garbage collector
    walk the whole heap, the snapshot included. One JSON value per line, each section
    headed by its name and length; a column of texts only is its lengths then the texts
    end to end, which needs no escaping; a clause (with its rounds' voters) is one line. An
    open ballot counts as the bundle shows it: its voters, not whether nor how they
    voted. The snapshot's enumerations are ``str`` subclasses, written as their value.
    """
    digest = hashlib.sha256()

    def put(value: object) -> None:
        digest.update(_dumps(value).encode("ascii"))
        digest.update(b"\n")

    put([FORMAT, VERSION, _WORKSHOP(snap.workshop)])
    sections: tuple[tuple[str, Callable[[Sequence[Any]], list[list[Any]]], Sequence[Any]], ...]
    sections = (
        ("agenda", _AGENDA, snap.agenda),
        ("colleges", _COLLEGES, snap.colleges),
        ("participants", _PARTICIPANTS, snap.participants),
        ("diagnostic", _DIAGNOSTIC, snap.diagnostic),
        ("positions", _PLACEMENTS, snap.positions),
        ("actions", _ACTIONS, snap.actions),
        ("audit", _EVENTS, snap.audit),
    )
    for name, columns, records in sections:
        put([name, len(records)])
        for column in columns(records):
            if set(map(type, column)) == {str}:  # texts: their lengths, then as they are
                put(list(map(len, column)))
                digest.update("".join(column).encode("utf-8", "surrogatepass"))
                digest.update(b"\n")
            else:
                put(column)
    put(["clauses", len(snap.clauses)])
    for clause in snap.clauses:
        put(_clause(clause))
    return digest.digest()


#: Moments as the app stores them, one per line: « 2026-12-02T10:38:40 » then any fraction
#: and offset. Among those with the same tail (fraction and offset) the latest moment is
#: the greatest text, so only each tail's greatest is parsed.
_STORED = re.compile(r"(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^\n]*\n)*")
_TAIL = itemgetter(slice(19, None))


def _last_change(snap: Snapshot) -> str:
    """The audit's latest moment (as stored), else the workshop's creation."""
    stamps = [e.at for e in snap.audit]
    try:
        stored = bool(stamps) and _STORED.fullmatch("\n".join(stamps) + "\n") is not None
    except TypeError:  # an absent moment
        stored = False
    if stored:
        tails = set(map(_TAIL, stamps))
        if len(tails) == 1:
            candidates = [max(stamps)]
        else:
            greatest: dict[str, str] = {}
            for at in stamps:
                if at > greatest.get(at[19:], ""):
                    greatest[at[19:]] = at
            candidates = list(greatest.values())
        try:
            return max((datetime.fromisoformat(at), at) for at in candidates)[1]
        except ValueError:  # a malformed one among them: read every moment
            pass
    best: tuple[datetime, str] | None = None
    for at in stamps:
        try:
            moment = datetime.fromisoformat(at)
        except (TypeError, ValueError):  # absent or malformed: not a moment
            continue
        if best is None or (moment, at) > best:
            best = (moment, at)
    return best[1] if best else snap.workshop.created_at


def of(snap: Snapshot) -> ExportId:
    """The identifier of ``snap``'s state (load it with its audit trail)."""
    return ExportId(_code(fingerprint(snap)), _last_change(snap))


def stamped(options: ExportOptions, snap: Snapshot) -> ExportOptions:
    """``options`` carrying the identifier of ``snap`` (before any name filter)."""
    return options if options.identifier else replace(options, identifier=of(snap))


def for_export(snap: Snapshot, options: ExportOptions) -> ExportId:
    """The identifier a writer prints: the one stamped by the registry, else ``snap``'s."""
    return options.identifier if isinstance(options.identifier, ExportId) else of(snap)
