"""Phone credentials and votes by drawn codes (issue 15): the operations the server calls.

Links: one per participant; the file keeps only the token's digest, so a reissue revokes
the old link (and every phone's cookie holding it) at once. Codes: issued per college for
the printed cards drawn at the door; the file keeps only their digests and college. Issuing
returns the secrets once, in memory, for printing or a QR code: they are never stored nor
logged, and these operations are not undoable (undoing a reissue would revive a revoked
link). Votes by link go through ``ballots.cast_vote`` / ``cast_secret``; votes by code
through ``cast_code`` here, with the secret ballot's guarantees at rest (``secrecy``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from workshop.errors import InvalidInput, VoteError
from workshop.model import CaptureMode
from workshop.operations._common import exists
from workshop.operations.ballots import _checked_choice
from workshop.operations.secrecy import at_rest, sort_secret_remarks
from workshop.operations.setup import pseudonym_of
from workshop.remote.credentials import (
    code_hash,
    new_code,
    new_token,
    normalise_code,
    token_hash,
)
from workshop.session import BALLOTS, PARTICIPANTS, Changes, Initiator, Session

#: Codes a college may hold at once (cards for a large college, with spares).
MAX_CODES_PER_COLLEGE = 2_000


class CodeRefused(VoteError):
    """A code that is not one of this workshop's (mistyped, or guessed)."""


class AlreadyVoted(VoteError):
    """This code (or this person, in a secret ballot) has voted in this round already."""


# -- personal links ---------------------------------------------------------------------
def issue_links(session: Session, participant_ids: Iterable[int]) -> tuple[Changes, dict[int, str]]:
    """Give each participant a new personal link; any earlier link of theirs stops working."""
    ids = list(dict.fromkeys(participant_ids))
    if not ids:
        raise InvalidInput("Aucun participant choisi.", "No participant chosen.")
    tokens = {pid: new_token() for pid in ids}

    def fn(conn: sqlite3.Connection) -> None:
        for pid in ids:
            exists(conn, "participants", pid, "Participant", "Participant")
        conn.executemany(
            "INSERT INTO phone_links (participant_id, token_hash) VALUES (?, ?)"
            " ON CONFLICT (participant_id) DO UPDATE SET token_hash = excluded.token_hash",
            [(pid, token_hash(tok)) for pid, tok in tokens.items()],
        )

    if len(ids) == 1:
        who = pseudonym_of(session.conn, ids[0])
        summary = session.tr(f"Lien de vote remis : {who}", f"Voting link issued: {who}")
    else:
        summary = session.tr(
            f"Liens de vote remis : {len(ids)} participants",
            f"Voting links issued: {len(ids)} participants",
        )
    changes = session.run("phone_links", summary, {PARTICIPANTS}, fn, undoable=False)
    return changes, tokens


def issue_link(session: Session, participant_id: int) -> tuple[Changes, str]:
    """Issue (or reissue, revoking the old one) one participant's personal link."""
    changes, tokens = issue_links(session, [participant_id])
    return changes, tokens[participant_id]


def revoke_link(session: Session, participant_id: int) -> Changes:
    """Withdraw a participant's link: their phones can no longer vote."""
    who = pseudonym_of(session.conn, participant_id)

    def fn(conn: sqlite3.Connection) -> None:
        conn.execute("DELETE FROM phone_links WHERE participant_id = ?", (participant_id,))

    return session.run(
        "phone_links",
        session.tr(f"Lien de vote retiré : {who}", f"Voting link withdrawn: {who}"),
        {PARTICIPANTS},
        fn,
        undoable=False,
    )


def linked_participants(conn: sqlite3.Connection) -> set[int]:
    """The participants who hold a personal link."""
    return {pid for (pid,) in conn.execute("SELECT participant_id FROM phone_links")}


def participant_for_token(conn: sqlite3.Connection, token: str) -> int | None:
    """Whose link this token is, or None (unknown, revoked)."""
    row = conn.execute(
        "SELECT participant_id FROM phone_links WHERE token_hash = ?", (token_hash(token),)
    ).fetchone()
    return None if row is None else int(row[0])


# -- drawn codes ------------------------------------------------------------------------
def _no_open_code_round(conn: sqlite3.Connection) -> None:
    if conn.execute("SELECT 1 FROM ballots WHERE state = 'open' AND capture = 'codes'").fetchone():
        raise VoteError(
            "Un vote par codes est en cours : tirez ou retirez les codes avant l’ouverture.",
            "A ballot by codes is open: issue or withdraw codes before it opens.",
        )


def issue_codes(session: Session, college_id: int, n: int) -> tuple[Changes, list[str]]:
    """``n`` new codes for a college's cards (added to those it has); returned once."""
    if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= MAX_CODES_PER_COLLEGE:
        raise InvalidInput(
            f"Nombre de codes : entre 1 et {MAX_CODES_PER_COLLEGE}.",
            f"Number of codes: between 1 and {MAX_CODES_PER_COLLEGE}.",
        )
    codes = [new_code() for _ in range(n)]

    def fn(conn: sqlite3.Connection) -> None:
        exists(conn, "colleges", college_id, "Collège", "College")
        _no_open_code_round(conn)
        held = conn.execute(
            "SELECT count(*) FROM phone_codes WHERE college_id = ?", (college_id,)
        ).fetchone()[0]
        if held + n > MAX_CODES_PER_COLLEGE:
            raise InvalidInput(
                f"Au plus {MAX_CODES_PER_COLLEGE} codes par collège.",
                f"At most {MAX_CODES_PER_COLLEGE} codes per college.",
            )
        conn.executemany(
            "INSERT INTO phone_codes (college_id, code_hash) VALUES (?, ?)",
            [(college_id, code_hash(normalise_code(c) or "")) for c in codes],
        )

    name = session.conn.execute("SELECT name FROM colleges WHERE id = ?", (college_id,)).fetchone()
    college = name[0] if name else f"#{college_id}"
    changes = session.run(
        "phone_codes",
        session.tr(
            f"Codes de vote tirés : {n} ({college})", f"Voting codes issued: {n} ({college})"
        ),
        {BALLOTS},
        fn,
        undoable=False,
    )
    return changes, codes


def revoke_codes(session: Session, college_id: int) -> Changes:
    """Withdraw every code of a college (a lost envelope): new cards must be printed."""

    def fn(conn: sqlite3.Connection) -> None:
        exists(conn, "colleges", college_id, "Collège", "College")
        _no_open_code_round(conn)
        conn.execute("DELETE FROM phone_codes WHERE college_id = ?", (college_id,))

    return session.run(
        "phone_codes",
        session.tr("Codes de vote retirés", "Voting codes withdrawn"),
        {BALLOTS},
        fn,
        undoable=False,
    )


def code_counts(conn: sqlite3.Connection) -> dict[int, int]:
    """Codes issued per college."""
    return dict(conn.execute("SELECT college_id, count(*) FROM phone_codes GROUP BY college_id"))


def code_progress(conn: sqlite3.Connection, ballot_id: int) -> tuple[int, int]:
    """(codes that have voted, codes issued) in an open round by codes: safe to show."""
    row = conn.execute(
        "SELECT coalesce(sum(voted), 0), count(*) FROM code_votes WHERE ballot_id = ?",
        (ballot_id,),
    ).fetchone()
    return int(row[0]), int(row[1])


def cast_code(
    session: Session,
    ballot_id: int,
    code: str,
    choice: str,
    remark: str | None = None,
    *,
    initiator: Initiator = Initiator.PHONE,
) -> Changes:
    """One secret vote by a drawn code: its college's count grows by one, the code is spent
    for this round. Nothing ties the vote to a person, nor to the moment it was cast."""
    normalised = normalise_code(code)
    if normalised is None:
        raise CodeRefused("Code invalide.", "Invalid code.")
    row, ch, remark_text = _checked_choice(
        session, ballot_id, CaptureMode.CODES, choice, remark,
        ("Ce vote n’est pas un vote par codes.", "This vote is not a ballot by codes."),
    )  # fmt: skip
    digest = code_hash(normalised)

    def fn(conn: sqlite3.Connection) -> None:
        found = conn.execute(
            "SELECT c.id, c.college_id, v.voted FROM phone_codes c"
            " LEFT JOIN code_votes v ON v.code_id = c.id AND v.ballot_id = ?"
            " WHERE c.code_hash = ?",
            (ballot_id, digest),
        ).fetchone()
        if found is None:
            raise CodeRefused("Code inconnu.", "Unknown code.")
        code_id, college_id, voted = found
        if voted is None:
            raise VoteError(
                "Ce code a été tiré après l’ouverture du vote : il vaudra au prochain tour.",
                "This code was issued after the vote opened: it will count in the next round.",
            )
        if voted:
            raise AlreadyVoted(
                "Ce code a déjà voté à ce tour (un vote secret ne se change pas).",
                "This code has already voted in this round (a secret vote cannot change).",
            )
        present, cast = conn.execute(
            "SELECT (SELECT count(*) FROM ballot_voters WHERE ballot_id = ?1 AND college_id = ?2),"
            " (SELECT coalesce(sum(n), 0) FROM ballot_counts WHERE ballot_id = ?1"
            " AND college_id = ?2)",
            (ballot_id, college_id),
        ).fetchone()
        if cast >= present:
            raise VoteError(
                "Tous les votants présents de ce collège ont déjà voté.",
                "Every voter present in this college has already voted.",
            )
        conn.execute(
            "UPDATE code_votes SET voted = 1 WHERE ballot_id = ? AND code_id = ?",
            (ballot_id, code_id),
        )
        updated = conn.execute(
            "UPDATE ballot_counts SET n = n + 1"
            " WHERE ballot_id = ? AND college_id = ? AND choice = ?",
            (ballot_id, college_id, ch.value),
        ).rowcount
        if updated != 1:  # a ballot imported open without its rows: refuse, never append
            raise VoteError(
                "Ce tour n’a pas de décompte pour ce collège.",
                "This round has no count for this college.",
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
    return changes
