"""Ballots: open a round on a clause, capture choices, close it and record the outcome.

Confidentiality rules enforced here, not in the views:
* while a ballot is open, nothing returns its tallies (``result_of`` refuses), and audit
  events say who voted, never what;
* a secret ballot keeps only overall totals and the list of who has voted; its votes are
  not undoable (the inverse would tell what the voter chose), its audit events do not name
  the voter, and its reservations carry neither voter, college nor time.

Secret ballots at rest (nothing stored follows the order of voting): see ``secrecy``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import fields, replace
from typing import Any

from workshop import results, snapshot, voting
from workshop.clock import now
from workshop.errors import InvalidInput, VoteError
from workshop.methods import Base, QuorumOn
from workshop.model import (
    BallotState,
    CaptureMode,
    Choice,
    Method,
    Outcome,
    label,
)
from workshop.operations._common import enum, exists, text, whole
from workshop.operations.secrecy import (
    at_rest,
    blur_secret_votes,
    code_round_rows,
    drop_zero_counts,
    end_code_round,
    secret_counts,
    sort_secret_remarks,
)
from workshop.operations.setup import pseudonym_of
from workshop.session import BALLOTS, CLAUSES, Changes, Initiator, Session, inserted_id

#: The capture modes whose choices are secret: totals only, nothing tied to a voter.
SECRET_CAPTURES = frozenset({CaptureMode.SECRET, CaptureMode.CODES})


def _ballot(conn: sqlite3.Connection, ballot_id: int) -> sqlite3.Row:
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute("SELECT * FROM ballots WHERE id = ?", (ballot_id,)).fetchone()
    finally:
        conn.row_factory = None
    if row is None:
        raise InvalidInput(
            f"Scrutin introuvable (n° {ballot_id}).", f"Ballot not found (#{ballot_id})."
        )
    return row


def _require_open(row: sqlite3.Row) -> None:
    if row["state"] != BallotState.OPEN:
        raise VoteError("Ce vote est clos.", "This vote is closed.")


def _clause_title(conn: sqlite3.Connection, clause_id: int) -> str:
    row = conn.execute("SELECT title FROM clauses WHERE id = ?", (clause_id,)).fetchone()
    return row[0] if row else f"#{clause_id}"


def default_settings(conn: sqlite3.Connection) -> voting.RoundSettings:
    """The workshop's default round settings, without options the method ignores."""
    m, c, abst, dm, q = conn.execute(
        "SELECT ballot_method, ballot_capture, ballot_abstentions_count,"
        " ballot_double_majority, ballot_quorum FROM workshop"
    ).fetchone()
    return voting.RoundSettings.defaults(m, c, bool(abst), dm, q)


def _registered(conn: sqlite3.Connection) -> dict[int, int]:
    return dict(conn.execute("SELECT college_id, count(*) FROM participants GROUP BY college_id"))


def open_ballot(
    session: Session,
    clause_id: int,
    settings: voting.RoundSettings | None = None,
    # Loose values (strings typed on the CLI, enum members, counts): RoundSettings converts
    # and validate() checks them, so they are not typed as its fields are.
    **changes: Any,
) -> Changes:
    """Open a new round on a clause; the present participants become its voters.

    Without ``settings``, the workshop's defaults; keyword ``changes`` (fields of
    ``RoundSettings``: the CLI, the demo) apply on top. Settings this room can never
    satisfy (see ``voting.check_opening``) are refused. Only one vote runs at a time.
    """
    conn = session.conn
    if settings is None:
        settings = default_settings(conn)
    if not isinstance(settings, voting.RoundSettings):
        raise InvalidInput("Réglages du tour invalides.", "Invalid round settings.")
    unknown = set(changes) - {f.name for f in fields(voting.RoundSettings)}
    if unknown:
        raise InvalidInput(
            f"Réglage de tour inconnu : {', '.join(sorted(unknown))}.",
            f"Unknown round setting: {', '.join(sorted(unknown))}.",
        )
    settings = replace(settings, **{k: v for k, v in changes.items() if v is not None})
    settings.validate()
    m, c = settings.method, settings.capture
    quorum = settings.quorum
    title = _clause_title(conn, clause_id)

    def fn(conn: sqlite3.Connection) -> int:
        exists(conn, "clauses", clause_id, "Clause", "Clause")
        running = conn.execute(
            "SELECT c.title FROM ballots b JOIN clauses c ON c.id = b.clause_id"
            " WHERE b.state = 'open'"
        ).fetchone()
        if running:
            raise VoteError(
                f"Un vote est déjà en cours (« {running[0]} ») : clôturez-le d’abord.",
                f'A vote is already open ("{running[0]}"): close it first.',
            )
        voters = conn.execute(
            "SELECT id, college_id FROM participants WHERE present = 1 ORDER BY position, id"
        ).fetchall()
        if not voters:
            raise VoteError(
                "Aucun participant n’est marqué présent : impossible d’ouvrir le vote.",
                "No participant is marked present: the vote cannot open.",
            )
        present: dict[int, int] = {}
        for _, college in voters:
            present[college] = present.get(college, 0) + 1
        registered = _registered(conn)
        voting.check_opening(settings, present, registered, [pid for pid, _ in voters])
        rnd = conn.execute(
            "SELECT coalesce(max(round), 0) + 1 FROM ballots WHERE clause_id = ?", (clause_id,)
        ).fetchone()[0]
        variant, wording = conn.execute(
            "SELECT variant_key, text FROM clauses WHERE id = ?", (clause_id,)
        ).fetchone()
        fraction = quorum.fraction if quorum is not None else None
        members = None  # registered members matter only to these two rules
        if settings.rules.effective_base is Base.REGISTERED or fraction is not None:
            members = json.dumps({str(k): n for k, n in sorted(registered.items())})
        cur = conn.execute(
            "INSERT INTO ballots (clause_id, round, method, capture, abstentions_count,"
            " double_majority, quorum, state, variant_key, text, opened_at, base,"
            " quorum_fraction, quorum_on, chair_id, members)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                clause_id,
                rnd,
                m.value,
                c.value,
                int(settings.abstentions_count),
                settings.double_majority,
                quorum.count if quorum is not None else None,
                variant,
                wording,
                now(),
                settings.base.value if settings.base is not None else None,
                None if fraction is None else f"{fraction.numerator}/{fraction.denominator}",
                quorum.on.value if quorum is not None else QuorumOn.PARTICIPATION.value,
                settings.chair,
                members,
            ),
        )
        ballot_id = inserted_id(cur)
        conn.executemany(
            "INSERT INTO ballot_voters (ballot_id, participant_id, college_id) VALUES (?, ?, ?)",
            [(ballot_id, pid, college) for pid, college in voters],
        )
        if c is CaptureMode.SECRET:
            secret_counts(conn, ballot_id, m)
        elif c is CaptureMode.CODES:
            if conn.execute("SELECT 1 FROM phone_codes LIMIT 1").fetchone() is None:
                raise VoteError(
                    "Vote par codes : aucun code n’a été tiré pour cet atelier.",
                    "Ballot by codes: no code has been issued for this workshop.",
                )
            code_round_rows(conn, ballot_id, m)
        return ballot_id

    lang = session.lang
    return session.run(
        "open_ballot",
        session.tr(
            f"Vote ouvert : {title} ({label(m, lang)}, {label(c, lang)})",
            f"Vote opened: {title} ({label(m, lang)}, {label(c, lang)})",
        ),
        {BALLOTS, CLAUSES},
        fn,
    )


def _choice(row: sqlite3.Row, choice: str) -> Choice:
    ch = enum(Choice, choice, "Choix", "Choice")
    voting.check_choice(Method(row["method"]), ch)
    return ch


def _remark_text(ch: Choice, remark: str | None) -> str | None:
    if ch in (Choice.RESERVATION, Choice.OBJECTION):
        return text(remark, "Motif", "Reason")
    return None


def _voter(conn: sqlite3.Connection, ballot_id: int, participant_id: int) -> tuple[int, int]:
    row = conn.execute(
        "SELECT college_id, voted FROM ballot_voters WHERE ballot_id = ? AND participant_id = ?",
        (ballot_id, participant_id),
    ).fetchone()
    if row is None:
        raise VoteError(
            "Ce participant n’est pas sur la liste des votants de ce tour (absent à l’ouverture).",
            "This participant is not on this round's voter list (absent when it opened).",
        )
    return row[0], row[1]


def _checked_choice(
    session: Session,
    ballot_id: int,
    capture: CaptureMode,
    choice: str,
    remark: str | None,
    wrong_mode: tuple[str, str],
) -> tuple[sqlite3.Row, Choice, str | None]:
    """The open ballot, the validated choice and its reason, or a one-line refusal."""
    row = _ballot(session.conn, ballot_id)
    _require_open(row)
    if row["capture"] != capture:
        raise VoteError(*wrong_mode)
    ch = _choice(row, choice)
    return row, ch, _remark_text(ch, remark)


def cast_vote(
    session: Session,
    ballot_id: int,
    participant_id: int,
    choice: str,
    remark: str | None = None,
    *,
    initiator: Initiator = Initiator.CONSOLE,
) -> Changes:
    """Record (or change) a participant's choice in a vote by name."""
    row, ch, remark_text = _checked_choice(
        session, ballot_id, CaptureMode.NOMINATIVE, choice, remark,
        ("Ce vote n’est pas nominatif.", "This vote is not a vote by name."),
    )  # fmt: skip

    def fn(conn: sqlite3.Connection) -> None:
        college, _ = _voter(conn, ballot_id, participant_id)
        conn.execute(
            "INSERT INTO votes (ballot_id, participant_id, choice) VALUES (?, ?, ?)"
            " ON CONFLICT (ballot_id, participant_id) DO UPDATE SET choice = excluded.choice",
            (ballot_id, participant_id, ch.value),
        )
        conn.execute(
            "UPDATE ballot_voters SET voted = 1 WHERE ballot_id = ? AND participant_id = ?"
            " AND voted = 0",
            (ballot_id, participant_id),
        )
        conn.execute(
            "DELETE FROM remarks WHERE ballot_id = ? AND participant_id = ?",
            (ballot_id, participant_id),
        )
        if remark_text is not None:
            conn.execute(
                "INSERT INTO remarks (ballot_id, kind, participant_id, college_id, text,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (ballot_id, ch.value, participant_id, college, remark_text, now()),
            )

    who = pseudonym_of(session.conn, participant_id)
    changes = session.run(
        "vote", session.tr(f"{who} a voté", f"{who} voted"), {BALLOTS}, fn, initiator=initiator
    )
    return replace(changes, voters=((ballot_id, participant_id),))


def cast_secret(
    session: Session,
    ballot_id: int,
    participant_id: int,
    choice: str,
    remark: str | None = None,
    *,
    initiator: Initiator = Initiator.CONSOLE,
) -> Changes:
    """Add one secret choice to the totals; the voter is only marked as having voted."""
    row, ch, remark_text = _checked_choice(
        session, ballot_id, CaptureMode.SECRET, choice, remark,
        ("Ce vote n’est pas secret.", "This vote is not a secret ballot."),
    )  # fmt: skip

    def fn(conn: sqlite3.Connection) -> None:
        _, voted = _voter(conn, ballot_id, participant_id)
        if voted:
            raise VoteError(
                "Ce participant a déjà voté à ce tour (un vote secret ne se change pas).",
                "This participant has already voted in this round (a secret vote cannot change).",
            )
        conn.execute(
            "UPDATE ballot_voters SET voted = 1 WHERE ballot_id = ? AND participant_id = ?",
            (ballot_id, participant_id),
        )
        secret_counts(conn, ballot_id, Method(row["method"]))
        conn.execute(
            "UPDATE ballot_counts SET n = n + 1"
            " WHERE ballot_id = ? AND college_id IS NULL AND choice = ?",
            (ballot_id, ch.value),
        )
        if remark_text is not None:
            conn.execute(
                "INSERT INTO remarks (ballot_id, kind, participant_id, college_id, text,"
                " created_at) VALUES (?, ?, NULL, NULL, ?, ?)",
                (ballot_id, ch.value, remark_text, row["opened_at"]),
            )
            sort_secret_remarks(conn, ballot_id, row["opened_at"])

    with at_rest(session, True):
        changes = session.run(
            "secret_vote",
            session.tr("Vote secret enregistré", "Secret vote recorded"),
            {BALLOTS},
            fn,
            undoable=False,
            initiator=initiator,
        )
    return replace(changes, voters=((ballot_id, participant_id),))


def set_counts(
    session: Session, ballot_id: int, college_id: int, counts: Mapping[str, int]
) -> Changes:
    """Type in one college's numbers (raised cards), checked against its voters."""
    row = _ballot(session.conn, ballot_id)
    _require_open(row)
    if row["capture"] != CaptureMode.COUNTS:
        raise VoteError(
            "Ce vote ne se saisit pas par décompte.", "This vote is not captured by counts."
        )
    clean: dict[Choice, int] = {}
    for key, n in counts.items():
        ch = _choice(row, key)
        clean[ch] = whole(n, f"Nombre de « {label(ch, 'fr')} »", f'Number of "{label(ch, "en")}"')

    def fn(conn: sqlite3.Connection) -> None:
        present = conn.execute(
            "SELECT count(*) FROM ballot_voters WHERE ballot_id = ? AND college_id = ?",
            (ballot_id, college_id),
        ).fetchone()[0]
        name = conn.execute("SELECT name FROM colleges WHERE id = ?", (college_id,)).fetchone()
        if name is None or present == 0:
            raise VoteError(
                "Ce collège n’a aucun votant à ce tour.", "This college has no voter in this round."
            )
        total = sum(clean.values())
        if total > present:
            raise VoteError(
                f"{name[0]} : {total} voix saisies pour {present} présents.",
                f"{name[0]}: {total} votes typed for {present} present.",
            )
        conn.execute(
            "DELETE FROM ballot_counts WHERE ballot_id = ? AND college_id = ?",
            (ballot_id, college_id),
        )
        conn.executemany(
            "INSERT INTO ballot_counts (ballot_id, college_id, choice, n) VALUES (?, ?, ?, ?)",
            [(ballot_id, college_id, ch.value, n) for ch, n in clean.items() if n],
        )

    college = session.conn.execute(
        "SELECT name FROM colleges WHERE id = ?", (college_id,)
    ).fetchone()
    college_name = college[0] if college else f"#{college_id}"
    return session.run(
        "counts",
        session.tr(f"Décompte saisi : {college_name}", f"Counts typed: {college_name}"),
        {BALLOTS},
        fn,
    )


def add_remark(
    session: Session,
    ballot_id: int,
    kind: str,
    remark: str,
    *,
    college_id: int | None = None,
    participant_id: int | None = None,
) -> Changes:
    """Record a reservation or objection, during the vote or after it closed."""
    row = _ballot(session.conn, ballot_id)
    ch = enum(Choice, kind, "Type", "Kind")
    if ch not in (Choice.RESERVATION, Choice.OBJECTION):
        raise InvalidInput(
            "Une remarque est une réserve ou une objection.",
            "A remark is a reservation or an objection.",
        )
    body = text(remark, "Motif", "Reason")
    if row["capture"] in SECRET_CAPTURES and (participant_id or college_id):
        raise VoteError(
            "Vote secret : une réserve ne peut être rattachée à personne.",
            "Secret ballot: a reservation cannot be attached to anyone.",
        )

    secret = row["capture"] in SECRET_CAPTURES

    def fn(conn: sqlite3.Connection) -> int:
        if participant_id is not None:
            _voter(conn, ballot_id, participant_id)
        if college_id is not None:
            exists(conn, "colleges", college_id, "Collège", "College")
        cur = conn.execute(
            "INSERT INTO remarks (ballot_id, kind, participant_id, college_id, text, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                ballot_id,
                ch.value,
                participant_id,
                college_id,
                body,
                row["opened_at"] if secret else now(),
            ),
        )
        remark_id = inserted_id(cur)
        if secret:
            sort_secret_remarks(conn, ballot_id, row["opened_at"])
            remark_id = conn.execute(
                "SELECT id FROM remarks WHERE ballot_id = ? AND kind = ? AND text = ?",
                (ballot_id, ch.value, body),
            ).fetchone()[0]
        if row["state"] == BallotState.CLOSED:
            _store_outcome(conn, ballot_id)
        return remark_id

    with at_rest(session, secret):
        changes = session.run(
            "remark",
            session.tr(
                f"{label(ch, 'fr').capitalize()} enregistrée",
                f"{label(ch, 'en').capitalize()} recorded",
            ),
            {BALLOTS, CLAUSES},
            fn,
        )
    return changes


def _store_outcome(conn: sqlite3.Connection, ballot_id: int) -> Outcome:
    result = compute_result(conn, ballot_id)
    conn.execute("UPDATE ballots SET outcome = ? WHERE id = ?", (result.outcome.value, ballot_id))
    return result.outcome


def close_ballot(session: Session, ballot_id: int) -> Changes:
    """Close the vote and store its outcome; only now do the tallies become readable."""
    row = _ballot(session.conn, ballot_id)
    _require_open(row)
    title = _clause_title(session.conn, row["clause_id"])

    secret = row["capture"] in SECRET_CAPTURES

    def fn(conn: sqlite3.Connection) -> str:
        conn.execute(
            "UPDATE ballots SET state = 'closed', closed_at = ? WHERE id = ?", (now(), ballot_id)
        )
        if secret:
            blur_secret_votes(conn, row["opened_at"])
            drop_zero_counts(conn, ballot_id)
        if row["capture"] == CaptureMode.CODES:
            end_code_round(conn, ballot_id)
        return _store_outcome(conn, ballot_id).value

    with at_rest(session, secret):
        changes = session.run(
            "close_ballot",
            session.tr(
                f"Vote clos : {title}, tour {row['round']}",
                f"Vote closed: {title}, round {row['round']}",
            ),
            {BALLOTS, CLAUSES},
            fn,
        )
    return changes


def cancel_ballot(session: Session, ballot_id: int) -> Changes:
    """Discard an open round entirely (wrong settings, a false start)."""
    row = _ballot(session.conn, ballot_id)
    _require_open(row)
    title = _clause_title(session.conn, row["clause_id"])

    secret = row["capture"] in SECRET_CAPTURES

    def fn(conn: sqlite3.Connection) -> None:
        if secret:
            blur_secret_votes(conn, row["opened_at"])
        conn.execute("DELETE FROM ballots WHERE id = ?", (ballot_id,))

    with at_rest(session, secret):
        changes = session.run(
            "cancel_ballot",
            session.tr(
                f"Vote annulé : {title}, tour {row['round']}",
                f"Vote cancelled: {title}, round {row['round']}",
            ),
            {BALLOTS, CLAUSES},
            fn,
        )
    return changes


# -- reading results -----------------------------------------------------------------------
def present_by_college(conn: sqlite3.Connection, ballot_id: int) -> dict[int, int]:
    """Voters per college, as snapshotted when the round opened."""
    return dict(
        conn.execute(
            "SELECT college_id, count(*) FROM ballot_voters WHERE ballot_id = ? GROUP BY college_id",
            (ballot_id,),
        ).fetchall()
    )


def compute_result(conn: sqlite3.Connection, ballot_id: int) -> voting.Result:
    """The outcome of a round, as ``results.round_result`` decides it from the snapshot.

    Refused while it is open: tallies stay unseen until closed.
    """
    row = _ballot(conn, ballot_id)
    if row["state"] == BallotState.OPEN:
        raise VoteError(
            "Vote en cours : les résultats ne sont visibles qu’après la clôture.",
            "Vote in progress: results are visible only once it is closed.",
        )
    ballot = snapshot.ballot(conn, ballot_id)
    assert ballot is not None  # _ballot found it
    colleges = [c for (c,) in conn.execute("SELECT id FROM colleges ORDER BY position, id")]
    return results.round_result(ballot, colleges).result


def who_voted(conn: sqlite3.Connection, ballot_id: int) -> list[tuple[int, bool]]:
    """(participant, has voted) for every voter of the round: safe to show during the vote."""
    return [
        (pid, bool(voted))
        for pid, voted in conn.execute(
            "SELECT bv.participant_id, bv.voted FROM ballot_voters bv"
            " JOIN participants p ON p.id = bv.participant_id"
            " WHERE bv.ballot_id = ? ORDER BY p.position, p.id",
            (ballot_id,),
        )
    ]
