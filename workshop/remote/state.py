"""What a phone may read and do, as functions of the ``Session`` run in its owner's thread.

Reads go through the snapshot (``snapshot.ballot``), so an open ballot comes without its
tallies exactly as for every other reader, and through ``results.round_result`` for a
closed one: the phone shows the figures the console and the minutes show. While any ballot
is open, no result at all is returned.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from workshop import results, snapshot
from workshop.clock import now
from workshop.errors import VoteError
from workshop.model import CaptureMode, Choice, choices_for, label
from workshop.operations import ballots, phones
from workshop.session import Changes, Initiator, Session

#: The choices that need a reason typed on the phone.
_REASONED = frozenset({Choice.RESERVATION, Choice.OBJECTION})


def _open_ballot_id(conn: sqlite3.Connection) -> int | None:
    row = conn.execute("SELECT id FROM ballots WHERE state = 'open' ORDER BY id LIMIT 1").fetchone()
    return None if row is None else int(row[0])


def _clause(conn: sqlite3.Connection, ballot: snapshot.Ballot) -> tuple[int, str]:
    row = conn.execute("SELECT clause_id FROM ballots WHERE id = ?", (ballot.id,)).fetchone()
    title = conn.execute("SELECT title FROM clauses WHERE id = ?", (row[0],)).fetchone()
    return int(row[0]), title[0] if title else ""


def _ballot_state(conn: sqlite3.Connection, ballot_id: int, lang: str) -> dict[str, Any] | None:
    ballot = snapshot.ballot(conn, ballot_id)
    if ballot is None or not ballot.is_open:
        return None
    clause_id, title = _clause(conn, ballot)
    amendment = conn.execute(
        "SELECT before, after FROM amendments WHERE clause_id = ? ORDER BY id DESC LIMIT 1",
        (clause_id,),
    ).fetchone()
    capture = CaptureMode(ballot.capture)
    return {
        "id": ballot.id,
        "round": ballot.round,
        "clause": {"id": clause_id, "title": title, "text": ballot.text},
        "amendment": None if amendment is None else {"before": amendment[0], "after": amendment[1]},
        "capture": capture.value,
        "method": ballot.method.value,
        "rules": results.describe_rules(ballot, lang),
        "choices": [
            {
                "value": ch.value,
                "label": label(ch, lang),
                "reason": "required" if ch in _REASONED else "none",
            }
            for ch in choices_for(ballot.method)
        ],
        "credential": "code" if capture is CaptureMode.CODES else "link",
        "can_change": capture is CaptureMode.NOMINATIVE,
        "opened_at": ballot.opened_at,
    }


def _last_result(conn: sqlite3.Connection, lang: str) -> dict[str, Any] | None:
    # One round is open at a time, so the last opened is the last closed: by id, which a
    # laptop clock set back (or a file dated ahead) cannot reorder as closed_at could.
    row = conn.execute(
        "SELECT id FROM ballots WHERE state = 'closed' ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    ballot = snapshot.ballot(conn, int(row[0]))
    if ballot is None:
        return None
    colleges = [c for (c,) in conn.execute("SELECT id FROM colleges ORDER BY position, id")]
    decided = results.round_result(ballot, colleges)
    names = dict(conn.execute("SELECT id, name FROM colleges"))
    _, title = _clause(conn, ballot)
    counts = decided.result.tally.counts
    return {
        "ballot_id": ballot.id,
        "round": ballot.round,
        "clause_title": title,
        "outcome": decided.outcome.value,
        "outcome_label": label(decided.outcome, lang),
        "sentence": decided.sentence(lang, names),
        "totals": [
            {"value": ch.value, "label": label(ch, lang), "n": counts.get(ch, 0)}
            for ch in decided.choices
        ],
        "closed_at": ballot.closed_at,
    }


def public_state(session: Session) -> dict[str, Any]:
    """The room's state for every phone: no tally of anything while a ballot is open."""
    conn = session.conn
    lang = session.lang
    title, organisation = conn.execute("SELECT title, organisation FROM workshop").fetchone()
    open_id = _open_ballot_id(conn)
    ballot = None if open_id is None else _ballot_state(conn, open_id, lang)
    return {
        "lang": lang,
        "workshop": {"title": title, "organisation": organisation},
        "ballot": ballot,
        "result": None if open_id is not None else _last_result(conn, lang),
    }


@dataclass(frozen=True)
class Person:
    """Whom a link names: only what the phone shows (never the college)."""

    participant_id: int
    name: str


def person_for_token(session: Session, token: str) -> Person | None:
    """The participant whose link this is, or None (unknown or revoked)."""
    row = session.conn.execute(
        "SELECT p.id, p.name FROM phone_links l JOIN participants p ON p.id = l.participant_id"
        " WHERE l.token_hash = ?",
        (phones.token_hash(token),),
    ).fetchone()
    return None if row is None else Person(int(row[0]), row[1])


def my_state(session: Session, person: Person) -> dict[str, Any]:
    """A person's view of the open round: have they voted, and (by name only) what."""
    conn = session.conn
    open_id = _open_ballot_id(conn)
    voted, choice = False, None
    if open_id is not None:
        row = conn.execute(
            "SELECT voted FROM ballot_voters WHERE ballot_id = ? AND participant_id = ?",
            (open_id, person.participant_id),
        ).fetchone()
        voted = bool(row and row[0])
        capture = conn.execute("SELECT capture FROM ballots WHERE id = ?", (open_id,)).fetchone()
        if capture[0] == CaptureMode.NOMINATIVE:
            mine = conn.execute(
                "SELECT choice FROM votes WHERE ballot_id = ? AND participant_id = ?",
                (open_id, person.participant_id),
            ).fetchone()
            choice = mine[0] if mine else None
    return {"name": person.name, "voted": voted, "choice": choice, "ballot_id": open_id}


@dataclass(frozen=True)
class Recorded:
    """A vote committed to the file: what the phone is told, and the change for the views."""

    ballot_id: int
    at: str
    changed: bool
    changes: Changes


def vote(
    session: Session,
    ballot_id: int,
    choice: str,
    reason: str | None,
    *,
    token: str | None = None,
    code: str | None = None,
) -> Recorded:
    """Record one phone vote through the domain's operations; raises what they raise.

    ``token`` (a personal link) for a vote by name or a secret ballot, ``code`` for a
    ballot by codes. ``ballot_id`` is the round the phone showed: another is refused.
    """
    conn = session.conn
    row = conn.execute(
        "SELECT id, capture FROM ballots WHERE state = 'open' ORDER BY id LIMIT 1"
    ).fetchone()
    if row is None:
        raise NoBallot("Aucun vote n’est en cours.", "No vote is open.")
    open_id, capture = int(row[0]), CaptureMode(row[1])
    if open_id != ballot_id:
        raise BallotChanged(
            "Le vote affiché n’est plus celui en cours : rechargez la page.",
            "The vote shown is no longer the open one: reload the page.",
        )
    changed = False
    if capture is CaptureMode.CODES:
        if code is None:
            raise phones.CodeRefused("Code manquant.", "Code missing.")
        changes = phones.cast_code(session, open_id, code, choice, reason)
    else:
        person = None if token is None else person_for_token(session, token)
        if person is None:
            raise LinkRefused("Lien inconnu ou remplacé.", "Unknown or replaced link.")
        listed = conn.execute(  # on the list?, voted?, what (by name)
            "SELECT bv.voted, v.choice FROM ballot_voters bv LEFT JOIN votes v"
            " ON v.ballot_id = bv.ballot_id AND v.participant_id = bv.participant_id"
            " WHERE bv.ballot_id = ? AND bv.participant_id = ?",
            (open_id, person.participant_id),
        ).fetchone()
        if listed is None:
            raise NotAVoter(
                "Vous n’êtes pas sur la liste des votants de ce tour (absent à l’ouverture).",
                "You are not on this round's voter list (absent when it opened).",
            )
        if capture is CaptureMode.NOMINATIVE:
            changes = ballots.cast_vote(
                session, open_id, person.participant_id, choice, reason,
                initiator=Initiator.PHONE,
            )  # fmt: skip
            changed = listed[1] is not None and listed[1] != choice
        elif capture is CaptureMode.SECRET:
            if listed[0]:
                raise phones.AlreadyVoted(
                    "Vous avez déjà voté à ce tour (un vote secret ne se change pas).",
                    "You have already voted in this round (a secret vote cannot change).",
                )
            changes = ballots.cast_secret(
                session, open_id, person.participant_id, choice, reason,
                initiator=Initiator.PHONE,
            )  # fmt: skip
        else:
            raise VoteError(
                "Ce vote se saisit sur la console (décompte par collège).",
                "This vote is typed on the console (counts per college).",
            )
    return Recorded(open_id, now(), changed, changes)


class NoBallot(VoteError):
    """No round is open."""


class BallotChanged(VoteError):
    """The phone showed another round than the open one."""


class LinkRefused(VoteError):
    """A personal link that names nobody (unknown, revoked)."""


class NotAVoter(VoteError):
    """The person was not present when the round opened."""
