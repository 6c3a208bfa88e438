"""A secret ballot at rest: the stored bytes do not follow the order in which people voted.

The same votes cast in two different orders must leave identical files (and identical
"Save a copy" files), byte for byte, once the clock is the same.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from workshop.clock import fixed_clock
from workshop.library import builtin_library
from workshop.operations import ballots, clauses, secrecy, setup
from workshop.session import Session

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
PEOPLE = ["Łukasz Nguyễn-O’Brien", "Zoé Kowalczyk", "يوسف الحداد", "田中 美咲 🌿", "Anne Œuvre"]
# Who chose what (the same in every run): (choice, reason).
CHOICES = {
    0: ("consent", None),
    1: ("reservation", "Préciser « durée » €"),
    2: ("objection", "Trop large"),
    3: ("reservation", "Ajouter le télétravail"),
    4: ("consent", None),
}


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
    ]


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, with its rowid, in storage (rowid) order."""
    conn = sqlite3.connect(path)
    try:
        return {
            t: conn.execute(f'SELECT rowid, * FROM "{t}" ORDER BY rowid').fetchall()
            for t in _tables(conn)
        }
    finally:
        conn.close()


def _template(folder: Path) -> Path:
    """The workshop before the ballot, made once so that both runs start from equal bytes
    (sqlite-utils stamps its migrations table with the real time)."""
    path = folder / "template.charter"
    if not path.exists():
        lib = builtin_library("fr")
        with fixed_clock(START):
            s = setup.create(path, "Atelier", "ACME", "fr")
            for i, name in enumerate(PEOPLE):
                setup.add_participant(s, name, 2 + i % 3)
            clauses.add_clause(s, lib, lib.clauses[0].key)
            s.close()
    return path


def run_ballot(folder: Path, order: list[int], *, close: bool = True, choices=CHOICES):
    """One secret consent ballot, votes cast in ``order``; returns (file, copy, ballot)."""
    template = _template(folder.parent)
    folder.mkdir()
    path = folder / "atelier.charter"
    shutil.copyfile(template, path)
    with fixed_clock(START):
        s = Session.open(path)
        people = [r[0] for r in s.conn.execute("SELECT id FROM participants ORDER BY position")]
        cid = s.conn.execute("SELECT id FROM clauses").fetchone()[0]
        bid = ballots.open_ballot(s, cid, method="consent", capture="secret").value
        for k in order:
            choice, reason = choices[k]
            ballots.cast_secret(s, bid, people[k], choice, reason)
        if close:
            ballots.close_ballot(s, bid)
        copy = s.file.save_copy(folder / "copie.charter")
        s.close()
    return path, copy, bid


def test_two_voting_orders_leave_byte_identical_files_and_copies(tmp_path):
    a, copy_a, _ = run_ballot(tmp_path / "a", [0, 1, 2, 3, 4])
    b, copy_b, _ = run_ballot(tmp_path / "b", [3, 2, 4, 1, 0])
    assert dump(a) == dump(b)
    assert a.read_bytes() == b.read_bytes()
    assert copy_a.read_bytes() == copy_b.read_bytes()
    assert not a.with_name(a.name + "-journal").exists()


def test_the_files_do_differ_when_the_votes_differ(tmp_path):
    """The comparison above is not blind: other choices give other bytes."""
    a, _, _ = run_ballot(tmp_path / "a", [0, 1, 2, 3, 4])
    other = dict(CHOICES)
    other[2] = ("consent", None)
    b, _, _ = run_ballot(tmp_path / "b", [0, 1, 2, 3, 4], choices=other)
    assert a.read_bytes() != b.read_bytes()


def test_stored_rows_follow_fixed_orders_not_the_voting_order(tmp_path):
    path, _, bid = run_ballot(tmp_path / "a", [4, 3, 2, 1, 0])
    conn = sqlite3.connect(path)
    counts = conn.execute(
        "SELECT choice, n, college_id FROM ballot_counts WHERE ballot_id = ? ORDER BY rowid", (bid,)
    ).fetchall()
    assert counts == [("consent", 2, None), ("reservation", 2, None), ("objection", 1, None)]
    remarks = conn.execute(
        "SELECT kind, text, participant_id, college_id FROM remarks ORDER BY id"
    ).fetchall()
    assert remarks == sorted(remarks) and all(r[2:] == (None, None) for r in remarks)
    opened = conn.execute("SELECT opened_at FROM ballots WHERE id = ?", (bid,)).fetchone()[0]
    created = {r[0] for r in conn.execute("SELECT created_at FROM remarks")}
    assert created == {opened}
    secret_events = conn.execute(
        "SELECT at, summary, undo_sql, redo_sql, target FROM audit WHERE kind = 'secret_vote'"
    ).fetchall()
    assert secret_events == [(opened, "Vote secret enregistré", None, None, None)] * 5
    assert conn.execute("SELECT count(*) FROM votes").fetchone()[0] == 0
    voted = conn.execute(
        "SELECT participant_id FROM ballot_voters WHERE ballot_id = ? ORDER BY rowid", (bid,)
    ).fetchall()
    assert voted == sorted(voted)
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    conn.close()


def test_an_open_secret_ballot_stores_only_totals_and_who_voted(tmp_path):
    """While open, the raw file holds the running totals (necessarily) and nothing more."""
    a, copy_a, bid = run_ballot(tmp_path / "a", [0, 1, 2], close=False)
    b, copy_b, _ = run_ballot(tmp_path / "b", [2, 0, 1], close=False)
    assert a.read_bytes() == b.read_bytes()
    assert copy_a.read_bytes() == copy_b.read_bytes()
    rows = dump(a)
    assert rows["votes"] == []
    assert [r[1:] for r in rows["ballot_counts"]] == [
        (bid, None, "consent", 1),
        (bid, None, "reservation", 1),
        (bid, None, "objection", 1),
    ]
    # The per-vote audit events keep their times while open; they name no one.
    summaries = [r[5] for r in rows["audit"] if r[4] == "secret_vote"]
    assert summaries == ["Vote secret enregistré"] * 3


def test_cancelling_a_secret_ballot_also_blurs_its_vote_times(tmp_path):
    path = tmp_path / "c.charter"
    lib = builtin_library("fr")
    with fixed_clock(START):
        s = setup.create(path, "Atelier", "ACME", "fr")
        people = [setup.add_participant(s, n, 2).value for n in PEOPLE[:3]]
        cid = clauses.add_clause(s, lib, lib.clauses[0].key).value
        bid = ballots.open_ballot(s, cid, capture="secret").value
        for pid in people:
            ballots.cast_secret(s, bid, pid, "for")
        opened = s.conn.execute("SELECT opened_at FROM ballots").fetchone()[0]
        ballots.cancel_ballot(s, bid)
        times = {r[0] for r in s.conn.execute("SELECT at FROM audit WHERE kind = 'secret_vote'")}
        s.close()
    assert times == {opened}


def test_a_remark_added_to_a_secret_ballot_is_untimed_and_sorted(session, tmp_path):
    lib = builtin_library("fr")
    people = [setup.add_participant(session, n, 2).value for n in PEOPLE[:2]]
    cid = clauses.add_clause(session, lib, lib.clauses[0].key).value
    bid = ballots.open_ballot(session, cid, method="consent", capture="secret").value
    ballots.cast_secret(session, bid, people[0], "reservation", "Zèbre")
    rid = ballots.add_remark(session, bid, "reservation", "Abeille").value
    conn = session.conn
    rows = conn.execute("SELECT id, text, created_at FROM remarks ORDER BY id").fetchall()
    opened = conn.execute("SELECT opened_at FROM ballots").fetchone()[0]
    assert [r[1] for r in rows] == ["Abeille", "Zèbre"]
    assert {r[2] for r in rows} == {opened}
    assert rid == rows[0][0]


def zeroed_journals(monkeypatch) -> list[bytes]:
    """Every journal the secret operations zero, as it is right after its zeroing."""
    zeroed: list[bytes] = []
    zero = secrecy._zero_journal

    def spy(database: Path) -> None:
        zero(database)
        zeroed.append(database.with_name(database.name + "-journal").read_bytes())

    monkeypatch.setattr(secrecy, "_zero_journal", spy)
    return zeroed


def test_each_secret_vote_journal_is_zeroed_then_deleted(tmp_path, monkeypatch):
    """The journal holds the totals before the vote: zeroed and synced, then deleted."""
    zeroed = zeroed_journals(monkeypatch)
    path, _, _ = run_ballot(tmp_path / "a", [0, 1, 2, 3, 4])
    assert len(zeroed) == len(CHOICES) + 1  # every vote, and the close
    assert all(j and j == b"\0" * len(j) for j in zeroed)
    assert not path.with_name(path.name + "-journal").exists()


def test_the_rebuild_keeps_every_rowid_so_undo_stays_valid(demo_path):
    """Undo SQL names rows by rowid; VACUUM renumbers tables that have neither an INTEGER
    PRIMARY KEY nor an index. None of ours is such a table: checked with gaps everywhere."""
    conn = sqlite3.connect(demo_path)
    conn.execute("PRAGMA foreign_keys = OFF")
    tables = _tables(conn)
    for t in tables:
        conn.execute(f'DELETE FROM "{t}" WHERE rowid % 2 = 0')
    conn.commit()
    before = {t: conn.execute(f'SELECT rowid FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    assert sum(len(v) for v in before.values()) > 100
    conn.execute("VACUUM")
    after = {t: conn.execute(f'SELECT rowid FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    conn.close()
    assert after == before


def test_closing_a_secret_ballot_can_still_be_undone_and_redone(tmp_path):
    path, _, bid = run_ballot(tmp_path / "a", [0, 1, 2, 3], close=False)
    s = Session.open(path)
    before = dump(path)
    ballots.close_ballot(s, bid)
    s.undo()
    state = s.conn.execute("SELECT state, outcome FROM ballots WHERE id = ?", (bid,)).fetchone()
    assert state == ("open", None)
    now_rows = {t: rows for t, rows in dump(path).items() if t != "audit"}
    assert now_rows == {t: rows for t, rows in before.items() if t != "audit"}
    ballots.cast_secret(s, bid, s.conn.execute("SELECT max(id) FROM participants").fetchone()[0],
                        "consent")  # fmt: skip
    ballots.close_ballot(s, bid)
    counts = s.conn.execute(
        "SELECT choice, n FROM ballot_counts WHERE ballot_id = ? ORDER BY rowid", (bid,)
    ).fetchall()
    assert counts == [("consent", 2), ("reservation", 2), ("objection", 1)]
    s.close()
