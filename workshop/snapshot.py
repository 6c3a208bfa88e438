"""A complete, read-only picture of a workshop, for exports, the bundle, the CLI and views.

Loading applies the confidentiality rule once for every reader: an open ballot comes
without its choices or counts (only who has voted), so no export or view can leak them.

Files are checked row by row when opened (workshop.validate); still, whatever a damaged
or hostile file makes a read raise here becomes one ``FileRefused`` line, never a traceback.
"""

from __future__ import annotations

import contextlib
import gc
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypedDict, TypeVar

from workshop import timing
from workshop.errors import FileRefused
from workshop.methods import member
from workshop.model import (
    ActionKind,
    BallotState,
    Base,
    CaptureMode,
    CharterStatus,
    Choice,
    Language,
    Lean,
    Method,
    Outcome,
    QuorumOn,
    Round,
    SizeBand,
    Step,
)
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

#: The read model's records live in workshop.read_model; readers keep importing them here.
__all__ = [
    "Action",
    "AgendaItem",
    "Amendment",
    "Ballot",
    "Clause",
    "College",
    "Count",
    "DiagnosticAnswer",
    "Event",
    "Participant",
    "Placement",
    "Remark",
    "Snapshot",
    "Variant",
    "Vote",
    "Voter",
    "WorkshopInfo",
    "ballot",
    "load",
    "refresh_open_ballots",
    "with_voters",
]

T = TypeVar("T")

#: What a read of a damaged file can raise (bad types, invalid UTF-8, JSON, missing rows).
_DAMAGE = (
    sqlite3.Error,
    UnicodeError,
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
    OverflowError,
)


def _rows(conn: sqlite3.Connection, sql: str, *params: object) -> list[sqlite3.Row]:
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.row_factory = None


def _voters(conn: sqlite3.Connection, ballot_id: int | None = None) -> list[tuple[int, Voter]]:
    """(ballot id, voter) in the order of the participants' list; one ballot or all."""
    where, params = ("WHERE bv.ballot_id = ?", (ballot_id,)) if ballot_id is not None else ("", ())
    return [
        (r["ballot_id"], Voter(r["participant_id"], r["college_id"], bool(r["voted"])))
        for r in _rows(
            conn,
            "SELECT bv.* FROM ballot_voters bv JOIN participants p ON p.id = bv.participant_id"
            f" {where} ORDER BY bv.ballot_id, p.position, p.id",
            *params,
        )
    ]


def _ballots(conn: sqlite3.Connection, only: int | None = None) -> dict[int, list[Ballot]]:
    """Every ballot by clause id, or only ballot ``only``."""
    where, params = ("WHERE ballot_id = ?", (only,)) if only is not None else ("", ())
    voters: dict[int, list[Voter]] = {}
    for ballot_id, voter in _voters(conn, only):
        voters.setdefault(ballot_id, []).append(voter)
    votes: dict[int, list[Vote]] = {}
    for r in _rows(
        conn, f"SELECT * FROM votes {where} ORDER BY ballot_id, participant_id", *params
    ):
        votes.setdefault(r["ballot_id"], []).append(Vote(r["participant_id"], Choice(r["choice"])))
    counts: dict[int, list[Count]] = {}
    for r in _rows(
        conn,
        f"SELECT * FROM ballot_counts {where} ORDER BY ballot_id, coalesce(college_id, 0), choice",
        *params,
    ):
        counts.setdefault(r["ballot_id"], []).append(
            Count(r["college_id"], Choice(r["choice"]), r["n"])
        )
    remarks: dict[int, list[Remark]] = {}
    for r in _rows(conn, f"SELECT * FROM remarks {where} ORDER BY ballot_id, id", *params):
        remarks.setdefault(r["ballot_id"], []).append(
            Remark(
                r["id"],
                Choice(r["kind"]),
                r["participant_id"],
                r["college_id"],
                r["text"],
                r["created_at"],
            )
        )
    result: dict[int, list[Ballot]] = {}
    ballot_where = "WHERE id = ?" if only is not None else ""
    for r in _rows(
        conn, f"SELECT * FROM ballots {ballot_where} ORDER BY clause_id, round", *params
    ):
        is_open = r["state"] == BallotState.OPEN
        result.setdefault(r["clause_id"], []).append(
            Ballot(
                id=r["id"],
                round=r["round"],
                method=Method(r["method"]),
                capture=CaptureMode(r["capture"]),
                abstentions_count=bool(r["abstentions_count"]),
                double_majority=r["double_majority"],
                quorum=r["quorum"],
                state=BallotState(r["state"]),
                variant_key=r["variant_key"],
                text=r["text"],
                opened_at=r["opened_at"],
                closed_at=r["closed_at"],
                outcome=None if r["outcome"] is None else Outcome(r["outcome"]),
                voters=tuple(voters.get(r["id"], ())),
                votes=() if is_open else tuple(votes.get(r["id"], ())),
                counts=() if is_open else tuple(counts.get(r["id"], ())),
                # a remark made while voting tells the voter's choice: hidden until closed
                remarks=() if is_open else tuple(remarks.get(r["id"], ())),
                **_options(r),
            )
        )
    return result


class _RoundOptions(TypedDict, total=False):
    """The m004 columns a ballot row may carry (absent: the Ballot's defaults)."""

    base: Base
    quorum_fraction: str
    quorum_on: QuorumOn
    chair_id: int
    members: str


def _options(r: sqlite3.Row) -> _RoundOptions:
    """The m004 round options, or their defaults in a file that predates them."""
    keys = r.keys()

    def stored(name: str) -> Any:  # an SQL value, as sqlite3.Row gives it
        return r[name] if name in keys else None

    found: _RoundOptions = {}
    if (base := stored("base")) is not None:
        found["base"] = member(Base, base)
    if (fraction := stored("quorum_fraction")) is not None:
        found["quorum_fraction"] = fraction
    if (on := stored("quorum_on")) is not None:
        found["quorum_on"] = member(QuorumOn, on)
    if (chair := stored("chair_id")) is not None:
        found["chair_id"] = chair
    if (members := stored("members")) is not None:
        found["members"] = members
    return found


def ballot(conn: sqlite3.Connection, ballot_id: int) -> Ballot | None:
    """One ballot as ``load`` reads it (open: without its tallies); None when unknown."""
    found = _guarded(conn, lambda: _ballots(conn, ballot_id))
    for ballots in found.values():
        return ballots[0]
    return None


def _file_name(conn: sqlite3.Connection) -> str:
    try:
        row = conn.execute("PRAGMA database_list").fetchone()
    except sqlite3.Error:
        return "workshop"
    return Path(row[2]).name if row and row[2] else "workshop"


def _guarded(conn: sqlite3.Connection, read: Callable[[], T]) -> T:
    """Run a read; what a damaged file makes it raise becomes one FileRefused line."""
    try:
        return read()
    except _DAMAGE as exc:
        name = _file_name(conn)
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise FileRefused(
            f"{name} : contenu illisible ({detail}).", f"{name}: unreadable content ({detail})."
        ) from None


def _texts(value: object) -> tuple[str, ...]:
    """A JSON list of texts (legal bases, flags); anything else is damage."""
    items = json.loads(value)  # type: ignore[arg-type]
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise ValueError("JSON list of texts expected")
    return tuple(items)


def load(conn: sqlite3.Connection, *, with_audit: bool = True) -> Snapshot:
    """Read the whole workshop. Open ballots come without their tallies."""
    with _no_cycle_collection():
        return _guarded(conn, lambda: _load(conn, with_audit))


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """A read builds hundreds of thousands of small acyclic objects, and each batch of them
    set off the cyclic collector over the whole growing heap (27 full passes while reading
    XL); reference counting frees them all the same."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(conn: sqlite3.Connection, with_audit: bool) -> Snapshot:
    w = _rows(conn, "SELECT * FROM workshop WHERE id = 1")[0]
    info = WorkshopInfo(
        title=w["title"],
        organisation=w["organisation"],
        sector=w["sector"],
        size_band=None if w["size_band"] is None else SizeBand(w["size_band"]),
        date=w["date"],
        place=w["place"],
        facilitator=w["facilitator"],
        lang=Language(w["lang"]),
        charter_status=CharterStatus(w["charter_status"]),
        ballot_method=Method(w["ballot_method"]),
        ballot_capture=CaptureMode(w["ballot_capture"]),
        ballot_abstentions_count=bool(w["ballot_abstentions_count"]),
        ballot_double_majority=w["ballot_double_majority"],
        ballot_quorum=w["ballot_quorum"],
        target_support=w["target_support"],
        target_control=w["target_control"],
        current_step=Step(w["current_step"]),
        created_at=w["created_at"],
        start_time=w["start_time"],
    )
    variants: dict[int, list[Variant]] = {}
    for r in _rows(conn, "SELECT * FROM variants ORDER BY clause_id, position"):
        variants.setdefault(r["clause_id"], []).append(
            Variant(
                key=r["key"],
                position=r["position"],
                lean=Lean(r["lean"]),
                label=r["label"],
                support=r["support"],
                control=r["control"],
                text=r["text"],
                rationale=r["rationale"],
                legal_basis=_texts(r["legal_basis"]),
                justification=r["justification"],
                flags=_texts(r["flags"]),
            )
        )
    amendments: dict[int, list[Amendment]] = {}
    for r in _rows(conn, "SELECT * FROM amendments ORDER BY clause_id, id"):
        amendments.setdefault(r["clause_id"], []).append(
            Amendment(
                r["id"], r["before"], r["after"], r["college_id"], r["reason"], r["created_at"]
            )
        )
    ballots = _ballots(conn)
    clauses = tuple(
        Clause(
            id=r["id"],
            library_key=r["library_key"],
            theme_key=r["theme_key"],
            theme_title=r["theme_title"],
            title=r["title"],
            position=r["position"],
            variant_key=r["variant_key"],
            text=r["text"],
            note=r["note"],
            variants=tuple(variants.get(r["id"], ())),
            amendments=tuple(amendments.get(r["id"], ())),
            ballots=tuple(ballots.get(r["id"], ())),
        )
        for r in _rows(conn, "SELECT * FROM clauses ORDER BY position, id")
    )
    return Snapshot(
        workshop=info,
        agenda=tuple(
            AgendaItem(
                r["step"],
                r["position"],
                r["planned_minutes"],
                r["started_at"],
                r["ended_at"],
                r["break_minutes"],
            )
            for r in _rows(conn, "SELECT * FROM agenda ORDER BY position")
        ),
        colleges=tuple(
            College(r["id"], r["name"], r["colour"], r["position"])
            for r in _rows(conn, "SELECT * FROM colleges ORDER BY position, id")
        ),
        participants=tuple(
            Participant(
                r["id"],
                r["name"],
                r["function"],
                r["college_id"],
                bool(r["present"]),
                bool(r["may_be_named"]),
                r["pseudonym"],
                r["position"],
            )
            for r in _rows(conn, "SELECT * FROM participants ORDER BY position, id")
        ),
        diagnostic=tuple(
            DiagnosticAnswer(r["criterion"], r["score"], r["note"])
            for r in _rows(conn, "SELECT * FROM diagnostic ORDER BY criterion")
        ),
        positions=tuple(
            Placement(r["participant_id"], Round(r["round"]), r["support"], r["control"])
            for r in _rows(conn, "SELECT * FROM positions ORDER BY participant_id, round")
        ),
        clauses=clauses,
        actions=tuple(
            Action(
                r["id"],
                r["title"],
                r["description"],
                ActionKind(r["kind"]),
                r["audience"],
                r["owner"],
                r["due_date"],
                r["position"],
            )
            for r in _rows(conn, "SELECT * FROM actions ORDER BY position, id")
        ),
        audit=tuple(
            Event(r["id"], r["at"], r["step"], r["kind"], r["summary"])
            for r in _rows(conn, "SELECT id, at, step, kind, summary FROM audit ORDER BY id")
        )
        if with_audit
        else (),
        marks=timing.load_marks(conn),
    )


def refresh_open_ballots(old: Snapshot, conn: sqlite3.Connection) -> Snapshot:
    """``old`` with the voter lists of its open ballots re-read: what a vote changes.

    A vote touches one open round; re-reading the whole workshop after each one would make
    a vote's cost grow with the workshop. Anything else calls for a full ``load``.
    """
    return _guarded(conn, lambda: _refresh_open_ballots(old, conn))


def _refresh_open_ballots(old: Snapshot, conn: sqlite3.Connection) -> Snapshot:
    clauses = []
    for clause in old.clauses:
        if not any(b.is_open for b in clause.ballots):
            clauses.append(clause)
            continue
        ballots = []
        for ballot in clause.ballots:
            if ballot.is_open:
                voters = tuple(voter for _, voter in _voters(conn, ballot.id))
                ballot = replace(ballot, voters=voters)
            ballots.append(ballot)
        clauses.append(replace(clause, ballots=tuple(ballots)))
    return replace(old, clauses=tuple(clauses))


def with_voters(
    old: Snapshot, conn: sqlite3.Connection, voters: Iterable[tuple[int, int]]
) -> Snapshot:
    """``old`` with just these (ballot id, participant id) voter rows re-read: one vote.

    A vote changes one row of one open round; re-reading even that round's whole list
    made each vote cost more as rooms grow. A voter the snapshot does not hold (not an
    open round's, or just added) calls for ``refresh_open_ballots``: returned from here.
    """
    return _guarded(conn, lambda: _with_voters(old, conn, tuple(voters)))


def _with_voters(
    old: Snapshot, conn: sqlite3.Connection, wanted: tuple[tuple[int, int], ...]
) -> Snapshot:
    by_ballot: dict[int, dict[int, Voter]] = {}
    for ballot_id, participant_id in wanted:
        row = conn.execute(
            "SELECT college_id, voted FROM ballot_voters WHERE ballot_id = ? AND participant_id = ?",
            (ballot_id, participant_id),
        ).fetchone()
        if row is None:
            return _refresh_open_ballots(old, conn)
        by_ballot.setdefault(ballot_id, {})[participant_id] = Voter(
            participant_id, row[0], bool(row[1])
        )
    clauses = list(old.clauses)
    for index, clause in enumerate(clauses):  # plain loops: this runs on every vote
        for position, ballot in enumerate(clause.ballots):
            changed = by_ballot.pop(ballot.id, None)
            if changed is None:
                continue
            known = {v.participant_id for v in ballot.voters}
            if not ballot.is_open or not changed.keys() <= known:
                return _refresh_open_ballots(old, conn)
            voters = tuple(changed.get(v.participant_id, v) for v in ballot.voters)
            ballots = list(clause.ballots)
            ballots[position] = replace(ballot, voters=voters)
            clause = clauses[index] = replace(clause, ballots=tuple(ballots))
        if not by_ballot:
            break
    if by_ballot:  # a ballot this snapshot does not know
        return _refresh_open_ballots(old, conn)
    return replace(old, clauses=tuple(clauses))
