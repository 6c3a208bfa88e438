"""Secret ballots at rest: nothing the file stores follows the order in which people voted.

* A secret ballot's count rows (one per choice of its method, overall, starting at 0) are
  all inserted when it opens, in the fixed order of ``Choice``; a vote only adds 1 in
  place, so no rowid or row order tells which choice came first. At closing the rows still
  at 0 are dropped (a closed ballot stores only the choices made, as before).
* ``ballot_voters`` rows are inserted at opening (in roster order); a vote only flips
  ``voted`` in place.
* Its reservations and objections carry no voter, college nor time (``created_at`` is the
  opening time) and, after every change, their rowids are reassigned in the order of
  (kind, text): the row ids say nothing about who wrote which, nor when.
* Each secret vote still appends one audit event ("Secret vote recorded", no participant,
  no undo SQL); at closing (or cancelling) every such event of the round gets the round's
  opening time, so the timeline says how many secret votes there were, not when each came.
* After each secret vote, and after closing or cancelling a secret ballot, the file is
  rebuilt (VACUUM): pages and cells are then laid out from the content alone, not from the
  history of updates (a count growing from 1 to 2 moves its cell), and freed pages are
  gone (``secure_delete`` zeroes freed content anyway). Two runs of the same ballot in
  different voting orders leave byte-identical files once the clock is the same. Cost: a
  VACUUM of the 350 KB demo workshop takes about 6 ms; a secret vote with the journal scrub
  and the rebuild measured 22–52 ms median against 42–48 ms before (46 voters, busy shared
  disk: within noise).
* While a secret ballot is open, the file necessarily holds its running totals, the list
  of who has voted and one timed, anonymous audit event per vote (nothing else: no choice
  per person); the views refuse to show the totals before closing, but a copy of the raw
  file taken during the vote contains them.
* The rollback journal of each secret vote, close or cancel (and of the VACUUM after it)
  holds the pages as they were before: earlier totals, which together with who voted when
  (seen in the room) would tell each choice. It is kept (``journal_mode=PERSIST``) just
  long enough to be overwritten with zeros and synced, then deleted (``scrubbed_journal``).
  A crash between the commit and the overwrite leaves a journal with a zeroed header (not
  hot) until the next such operation. VACUUM's scratch copy is an unlinked temporary file.
  On SSDs and copy-on-write filesystems an overwrite may land elsewhere, and the OS may
  keep old blocks: full-disk encryption is the remedy against reading the raw disk.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from workshop.model import CaptureMode, Method, choices_for
from workshop.session import BALLOTS, Changes, Initiator, Session


def secret_counts(conn: sqlite3.Connection, ballot_id: int, method: Method) -> None:
    """Every choice's overall count row, at 0 if missing, inserted in a fixed order.

    Done when a secret ballot opens (and again before each vote, for a ballot imported
    open without them), so that a vote never creates a row: rowids follow ``Choice``, not
    the order in which choices were first made.
    """
    conn.executemany(
        "INSERT INTO ballot_counts (ballot_id, college_id, choice, n)"
        " SELECT ?, NULL, ?, 0 WHERE NOT EXISTS (SELECT 1 FROM ballot_counts"
        " WHERE ballot_id = ? AND college_id IS NULL AND choice = ?)",
        [(ballot_id, ch.value, ballot_id, ch.value) for ch in choices_for(method)],
    )


def code_round_rows(conn: sqlite3.Connection, ballot_id: int, method: Method) -> None:
    """When a round by codes opens: its count rows and one "has voted" row per code.

    Every (college with voters, choice) count row at 0, in the fixed order of the colleges
    and of ``Choice``, and a ``code_votes`` row for every issued code in id order: a code
    vote only changes values in place, so no rowid follows the order of voting.
    """
    colleges = [
        c
        for (c,) in conn.execute(
            "SELECT DISTINCT bv.college_id FROM ballot_voters bv"
            " JOIN colleges c ON c.id = bv.college_id WHERE bv.ballot_id = ?"
            " ORDER BY c.position, c.id",
            (ballot_id,),
        )
    ]
    conn.executemany(
        "INSERT INTO ballot_counts (ballot_id, college_id, choice, n) VALUES (?, ?, ?, 0)",
        [(ballot_id, c, ch.value) for c in colleges for ch in choices_for(method)],
    )
    conn.execute(
        "INSERT INTO code_votes (ballot_id, code_id) SELECT ?, id FROM phone_codes ORDER BY id",
        (ballot_id,),
    )


def end_code_round(conn: sqlite3.Connection, ballot_id: int) -> None:
    """At closing: forget which codes voted (only the totals per college remain)."""
    conn.execute("DELETE FROM code_votes WHERE ballot_id = ?", (ballot_id,))
    drop_zero_counts(conn, ballot_id)


def drop_zero_counts(conn: sqlite3.Connection, ballot_id: int) -> None:
    """At closing, drop the rows of choices nobody made: a closed ballot stores what it
    always did, and the rows left keep their opening-time rowids."""
    conn.execute("DELETE FROM ballot_counts WHERE ballot_id = ? AND n = 0", (ballot_id,))


def add_secret_remark(
    conn: sqlite3.Connection, ballot_id: int, kind: str, text: str | None, opened_at: str
) -> None:
    """A secret vote's reason (reservation, objection): no person, no college, the
    round's opening time, and the ballot's remarks re-sorted so ids follow no order."""
    if text is None:
        return
    conn.execute(
        "INSERT INTO remarks (ballot_id, kind, participant_id, college_id, text,"
        " created_at) VALUES (?, ?, NULL, NULL, ?, ?)",
        (ballot_id, kind, text, opened_at),
    )
    sort_secret_remarks(conn, ballot_id, opened_at)


def run_secret_vote(
    session: Session, fn: Callable[[sqlite3.Connection], None], initiator: Initiator
) -> Changes:
    """Record a secret vote (by link, at the console or by drawn code) the one way: with
    the journal scrubbed, not undoable, under an untimed summary."""
    with at_rest(session, True):
        return session.run(
            "secret_vote",
            session.tr("Vote secret enregistré", "Secret vote recorded"),
            {BALLOTS},
            fn,
            undoable=False,
            initiator=initiator,
        )


def sort_secret_remarks(conn: sqlite3.Connection, ballot_id: int, opened_at: str) -> None:
    """Give a secret ballot's remarks their ids in (kind, text) order, anonymous and untimed.

    The rows keep the set of ids they already had; only which text sits under which id
    changes, so the ids no longer follow the order of voting.
    """
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM remarks WHERE ballot_id = ? ORDER BY id", (ballot_id,)
        )
    ]
    contents = conn.execute(
        "SELECT kind, text FROM remarks WHERE ballot_id = ? ORDER BY kind, text", (ballot_id,)
    ).fetchall()
    for remark_id, (kind, body) in zip(ids, contents, strict=True):
        conn.execute(
            "UPDATE remarks SET kind = ?, text = ?, participant_id = NULL, college_id = NULL,"
            " created_at = ? WHERE id = ? AND NOT (kind IS ? AND text IS ?"
            " AND participant_id IS NULL AND college_id IS NULL AND created_at IS ?)",
            (kind, body, opened_at, remark_id, kind, body, opened_at),
        )


def blur_secret_votes(conn: sqlite3.Connection, opened_at: str) -> None:
    """Give this round's secret-vote audit events its opening time (they name nobody).

    Only one ballot is open at a time, so this round's secret votes are those after the last
    close or cancel of any ballot. The audit log is not undo-tracked: nothing keeps the
    original times.
    """
    conn.execute(
        "UPDATE audit SET at = ? WHERE kind = 'secret_vote' AND at IS NOT ? AND id > coalesce("
        "(SELECT max(id) FROM audit WHERE kind IN ('close_ballot', 'cancel_ballot')), 0)",
        (opened_at, opened_at),
    )


def compact(session: Session) -> bool:
    """Rebuild the file (VACUUM) so its layout follows its content, not its history.

    Best effort, after the transaction that closed a secret ballot or erased a person has
    committed: if it fails (disk full: VACUUM needs room for a second copy), the workshop is
    intact and the next such operation tries again. Returns whether it ran.
    """
    if session.file.read_only:
        return False
    try:
        session.conn.execute("VACUUM")
    except sqlite3.Error:
        return False
    return True


def _zero_journal(database: Path) -> None:
    """Overwrite a persisted rollback journal with zeros and sync it (it held old pages)."""
    journal = database.with_name(database.name + "-journal")
    with contextlib.suppress(FileNotFoundError), journal.open("r+b") as fh:
        size = fh.seek(0, os.SEEK_END)
        fh.seek(0)
        chunk = b"\0" * 65536
        for start in range(0, size, len(chunk)):
            fh.write(chunk[: min(len(chunk), size - start)])
        fh.flush()
        os.fsync(fh.fileno())


def _journal_mode(conn: sqlite3.Connection, mode: str) -> None:
    with contextlib.suppress(sqlite3.Error):  # best effort: the data is safe either way
        conn.execute(f"PRAGMA journal_mode = {mode}").fetchall()


@contextlib.contextmanager
def scrubbed_journal(conn: sqlite3.Connection, database: Path) -> Iterator[None]:
    """Keep the journal (PERSIST) during the block, then zero it and delete it (DELETE)."""
    _journal_mode(conn, "PERSIST")
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            _zero_journal(database)
        _journal_mode(conn, "DELETE")


@contextlib.contextmanager
def at_rest(session: Session, secret: bool) -> Iterator[None]:
    """Around an operation on a secret ballot: scrub its journal, then rebuild the file.

    Inside a group (``grouped``: phones voting at once) the operation is one savepoint of
    the group's transaction, where neither the journal mode nor VACUUM can change: the
    group scrubs its journal and rebuilds the file once, after its commit.
    """
    if not secret or session.file.read_only or session.conn.in_transaction:
        yield
        return
    with scrubbed_journal(session.conn, session.path):
        yield
        compact(session)


def secret_round_open(conn: sqlite3.Connection) -> bool:
    """Whether the open round's votes are secret (by link or by drawn codes)."""
    return (
        conn.execute(
            "SELECT 1 FROM ballots WHERE state = 'open' AND capture IN (?, ?) LIMIT 1",
            (CaptureMode.SECRET.value, CaptureMode.CODES.value),
        ).fetchone()
        is not None
    )


@contextlib.contextmanager
def grouped(session: Session) -> Iterator[None]:
    """``Session.group`` with a secret round's protection at rest: while a secret round is
    open, the group's journal is kept, zeroed and deleted and the file rebuilt after the
    commit, as after each secret vote alone (a hundred votes: one rebuild)."""
    if session.file.read_only or not secret_round_open(session.conn):
        with session.group():
            yield
        return
    with scrubbed_journal(session.conn, session.path):
        with session.group():
            yield
        compact(session)
