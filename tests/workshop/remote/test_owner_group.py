"""Phones voting at once: the owner runs the waiting jobs under one commit (group commit).

Each job is answered after the commit that holds it, a refused job rolls back alone, and a
commit the disk refuses answers every job of the group with that failure, writes nothing
and leaves the undo stacks where they were (a real full disk: a small tmpfs).
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from tests.faults import fill, small_tmpfs
from tests.workshop.test_write_failures import new_nominative_ballot, votes_of
from workshop.errors import DiskFull, WorkshopError
from workshop.operations import ballots
from workshop.remote.owner import OwnerQueue
from workshop.session import Session


def _grouped(owner: OwnerQueue, session: Session, fns) -> tuple[int, list[dict]]:
    """Each ``fn`` asked by its own thread (a phone), in order; once all wait, the owner
    runs what is pending. Returns how many jobs ran and each phone's answer."""
    answers: list[dict] = [{} for _ in fns]
    threads = []
    for fn, answer in zip(fns, answers, strict=True):

        def ask(fn=fn, answer=answer) -> None:
            try:
                answer["value"] = owner(fn)
            except BaseException as exc:  # noqa: BLE001 - handed back to the test
                answer["error"] = exc

        thread = threading.Thread(target=ask)
        thread.start()
        threads.append(thread)
        deadline = time.monotonic() + 5
        while owner._jobs.qsize() < len(threads) and time.monotonic() < deadline:
            time.sleep(0.001)
    assert owner._jobs.qsize() == len(fns)
    ran = owner.run_pending(session)
    for thread in threads:
        thread.join(5)
    return ran, answers


def _commits(session: Session) -> list[str]:
    seen: list[str] = []
    session.conn.set_trace_callback(
        lambda sql: seen.append(sql) if sql.strip().upper().startswith("COMMIT") else None
    )
    return seen


def _on_disk(path: Path, ballot_id: int) -> int:
    """Votes another connection sees: what is committed, nothing else."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT count(*) FROM votes WHERE ballot_id = ?", (ballot_id,)
        ).fetchone()[0]
    finally:
        conn.close()


def test_jobs_waiting_together_are_committed_once_and_a_refusal_rolls_back_alone(demo_path):
    session = Session.open(demo_path)
    try:
        bid, voters = new_nominative_ballot(session)
        owner = OwnerQueue(timeout=30)
        commits = _commits(session)
        ran, answers = _grouped(
            owner,
            session,
            [
                lambda s: ballots.cast_vote(s, bid, voters[0], "for").event_id,
                lambda s: ballots.cast_vote(s, bid, voters[1], "maybe"),  # refused
                lambda s: _on_disk(demo_path, bid),  # inside the group: nothing committed yet
                lambda s: ballots.cast_vote(s, bid, voters[2], "against").event_id,
            ],
        )
        assert ran == 4
        assert len(commits) == 1
        assert isinstance(answers[0]["value"], int) and isinstance(answers[3]["value"], int)
        assert isinstance(answers[1]["error"], WorkshopError)
        assert answers[2]["value"] == 0
        assert _on_disk(demo_path, bid) == 2
        assert session.undo_label() is not None
        session.undo()  # the last vote of the group, alone
        assert dict(
            session.conn.execute(
                "SELECT participant_id, choice FROM votes WHERE ballot_id = ?", (bid,)
            ).fetchall()
        ) == {voters[0]: "for"}
    finally:
        session.close()


def test_one_job_alone_is_not_grouped(demo_path):
    session = Session.open(demo_path)
    try:
        bid, voters = new_nominative_ballot(session)
        owner = OwnerQueue(timeout=30)
        _, answers = _grouped(owner, session, [lambda s: s.conn.in_transaction])
        assert answers[0]["value"] is False  # ran as before: outside any transaction
    finally:
        session.close()


@pytest.fixture
def small_disk(tmp_path):
    with small_tmpfs(tmp_path / "disk") as disk:
        yield disk


def test_a_full_disk_under_a_group_answers_every_job_and_writes_nothing(small_disk, demo_template):
    path = small_disk / "atelier.charter"
    shutil.copy(demo_template, path)
    session = Session.open(path)
    try:
        bid, voters = new_nominative_ballot(session)
        ballots.cast_vote(session, bid, voters[0], "for")  # acknowledged before
        labels = (session.undo_label(), session.redo_label())
        owner = OwnerQueue(timeout=30)
        filler = fill(small_disk)
        ran, answers = _grouped(
            owner,
            session,
            [
                lambda s, v=v: ballots.cast_vote(s, bid, v, "against", "x" * 3000)
                for v in voters[1:4]
            ],
        )
        assert all(isinstance(a.get("error"), DiskFull) for a in answers), answers
        assert not session.conn.in_transaction
        assert (session.undo_label(), session.redo_label()) == labels

        filler.unlink()  # the cause is gone: the next group is written
        ran, answers = _grouped(
            owner,
            session,
            [lambda s, v=v: ballots.cast_vote(s, bid, v, "abstain").event_id for v in voters[1:3]],
        )
        assert all("value" in a for a in answers), answers
    finally:
        session.close()
    assert votes_of(path, bid) == {voters[0]: "for", voters[1]: "abstain", voters[2]: "abstain"}


def test_secret_votes_in_a_group_leave_the_same_bytes_with_one_scrub_and_one_rebuild(
    tmp_path, monkeypatch
):
    """The protection at rest of a secret round holds for a group: the journal of the
    group is zeroed then deleted and the file rebuilt once after its commit, and the file
    holds the bytes the same votes cast one by one leave (but for its count of commits)."""
    from tests.workshop.test_secret_at_rest import (
        CHOICES,
        START,
        _template,
        dump,
        run_ballot,
        zeroed_journals,
    )
    from workshop.clock import fixed_clock

    alone, _, _ = run_ballot(tmp_path / "alone", [0, 1, 2, 3, 4])
    zeroed = zeroed_journals(monkeypatch)
    folder = tmp_path / "grouped"
    folder.mkdir()
    path = folder / "atelier.charter"
    shutil.copyfile(_template(tmp_path), path)
    with fixed_clock(START):
        session = Session.open(path)
        people = [
            r[0] for r in session.conn.execute("SELECT id FROM participants ORDER BY position")
        ]
        cid = session.conn.execute("SELECT id FROM clauses").fetchone()[0]
        bid = ballots.open_ballot(session, cid, method="consent", capture="secret").value
        owner = OwnerQueue(timeout=30)
        ran, answers = _grouped(
            owner,
            session,
            [
                lambda s, k=k: ballots.cast_secret(s, bid, people[k], *CHOICES[k]).event_id
                for k in (3, 2, 4, 1, 0)
            ],
        )
        assert ran == 5
        assert all("value" in a for a in answers), answers
        assert len(zeroed) == 1  # the group's journal, once
        ballots.close_ballot(session, bid)
        session.close()
    assert len(zeroed) == 2 and all(j and j == b"\0" * len(j) for j in zeroed)
    assert not path.with_name(path.name + "-journal").exists()
    assert dump(path) == dump(alone)
    # byte for byte but the header's counters of commits (offsets 24, 92) and of rebuilds
    # (the schema cookie, 40): the group made fewer of both
    assert _uncounted(path.read_bytes()) == _uncounted(alone.read_bytes())


def _uncounted(data: bytes) -> bytes:
    return data[:24] + data[28:40] + data[44:92] + data[96:]


def test_the_owner_lingers_while_a_burst_keeps_arriving_and_no_longer():
    """``linger`` looks again each half millisecond while the queue grows (phones' requests
    are read one after the other), stops at the first look that finds no new job, and a
    job alone waits one step."""
    from workshop.remote.owner import MAX_GROUP, linger

    def looks(counts):  # noqa: ANN001, ANN202
        seen: list[int] = []
        queue_sizes = iter(counts)

        def waiting() -> int:
            seen.append(1)
            return next(queue_sizes)

        linger(waiting)
        return len(seen)

    assert looks([1, 3, 6, 9, 12, 12, 12]) == 6  # grew four times, then the same once
    assert looks([1, 1, 1]) == 2  # alone: one step
    assert looks([MAX_GROUP, MAX_GROUP + 1]) == 1  # a full group does not wait
