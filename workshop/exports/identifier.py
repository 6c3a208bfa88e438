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
from array import array
from collections.abc import Callable, Iterator, Sequence
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


def _row(cls: type) -> Callable[[Any], tuple]:
    """The values of a record's compared fields (what its ``==`` reads), declared order."""
    return attrgetter(*[f.name for f in fields(cls) if f.compare])


def _columns(cls: type, *nested: str) -> Callable[[Sequence[Any]], list[list[Any]]]:
    """Records of ``cls`` as one list per compared field, in their declared order,
    ``nested`` records left out (their own table): no tuple per record, and flat lists
    are what the JSON encoder writes fastest."""
    getters = [attrgetter(f.name) for f in fields(cls) if f.compare and f.name not in nested]

    def columns(records: Sequence[Any]) -> list[list[Any]]:
        return [list(map(get, records)) for get in getters]

    return columns


_WORKSHOP = _row(WorkshopInfo)
_AGENDA, _COLLEGES, _PARTICIPANTS = _columns(AgendaItem), _columns(College), _columns(Participant)
_DIAGNOSTIC, _PLACEMENTS, _ACTIONS, _EVENTS = (
    _columns(DiagnosticAnswer), _columns(Placement), _columns(Action), _columns(Event),
)  # fmt: skip
_CLAUSES = _columns(Clause, "variants", "amendments", "ballots")
_VARIANTS, _AMENDMENTS = _columns(Variant), _columns(Amendment)
_BALLOTS = _columns(Ballot, "voters", "votes", "counts", "remarks")
_VOTERS, _VOTES, _COUNTS, _REMARKS = (
    _columns(Voter), _columns(Vote), _columns(Count), _columns(Remark),
)  # fmt: skip


def _tables(snap: Snapshot) -> Iterator[tuple[str, list[int] | int, list[list[Any]]]]:
    """Every kind of record as (name, how many: in all or per parent record, columns).

    A clause's variants, amendments and rounds, and a round's voters, votes, counts and
    remarks are each one table for the whole workshop, with their number per parent. An
    open round counts as the bundle shows it: its voters, not whether nor how they voted.
    """
    yield "agenda", len(snap.agenda), _AGENDA(snap.agenda)
    yield "colleges", len(snap.colleges), _COLLEGES(snap.colleges)
    yield "participants", len(snap.participants), _PARTICIPANTS(snap.participants)
    yield "diagnostic", len(snap.diagnostic), _DIAGNOSTIC(snap.diagnostic)
    yield "positions", len(snap.positions), _PLACEMENTS(snap.positions)
    yield "actions", len(snap.actions), _ACTIONS(snap.actions)
    yield "audit", len(snap.audit), _EVENTS(snap.audit)
    clauses = snap.clauses
    yield "clauses", len(clauses), _CLAUSES(clauses)
    for name, nested, columns in (
        ("variants", "variants", _VARIANTS),
        ("amendments", "amendments", _AMENDMENTS),
    ):
        per = [getattr(c, nested) for c in clauses]
        yield name, list(map(len, per)), columns([r for records in per for r in records])
    ballots = [b for c in clauses for b in c.ballots]
    yield "ballots", [len(c.ballots) for c in clauses], _BALLOTS(ballots)
    voters = [v for b in ballots for v in b.voters]
    voter_columns = _VOTERS(voters)
    if any(b.is_open for b in ballots):  # while a vote runs, not even who has voted
        voter_columns[-1] = [
            False if b.is_open else v.voted for b in ballots for v in b.voters
        ]  # ``voted``, the last field
    yield "voters", [len(b.voters) for b in ballots], voter_columns
    closed = [() if b.is_open else b for b in ballots]
    for name, nested, columns in (
        ("votes", "votes", _VOTES),
        ("counts", "counts", _COUNTS),
        ("remarks", "remarks", _REMARKS),
    ):
        per = [getattr(b, nested) if b else () for b in closed]
        yield name, list(map(len, per)), columns([r for records in per for r in records])


# ASCII, every other character escaped: faster to write than UTF-8, and a lone surrogate
# (a broken character pasted into a field) is written rather than refused.
_dumps = json.JSONEncoder(separators=(",", ":"), allow_nan=False).encode


def fingerprint(snap: Snapshot) -> bytes:
    """SHA-256 of every recorded fact: the bundle's content, read straight off the records.

    Each kind of record is one table (``_tables``) written column by column, the values
    of each compared field taken by ``operator.attrgetter`` (C): building the bundle's
    dicts and sorting their keys cost several times more, at every export, and tens of
    thousands of them alive at once made the cyclic garbage collector walk the whole
    heap, the snapshot included. Each table is headed by its name and sizes; a column of
    texts only is its lengths then the texts end to end (no escaping to do), one of whole
    numbers only is their 64-bit bytes, each with a kind and a length first; any other
    column is one line of compact JSON (C encoder). The snapshot's enumerations are
    ``str`` subclasses, written as their value.
    """
    digest = hashlib.sha256()

    def put(value: object) -> None:
        digest.update(_dumps(value).encode("ascii"))
        digest.update(b"\n")

    put([FORMAT, VERSION, _WORKSHOP(snap.workshop)])

    def put_bytes(tag: bytes, data: bytes) -> None:
        digest.update(b"%s%d:" % (tag, len(data)))
        digest.update(data)

    for name, sizes, columns in _tables(snap):
        put([name, sizes])
        for column in columns:
            kinds = set(map(type, column))
            try:
                if kinds == {str}:  # texts: their lengths, then end to end
                    put_bytes(b"n", array("q", map(len, column)).tobytes())
                    put_bytes(b"s", "".join(column).encode("utf-8", "surrogatepass"))
                    continue
                if kinds == {int}:  # whole numbers (not bools), as 64-bit integers
                    put_bytes(b"i", array("q", column).tobytes())
                    continue
            except OverflowError:  # a number beyond 64 bits: written as JSON below
                pass
            put(column)
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
