"""Durability: a writer killed with SIGKILL loses nothing it had acknowledged.

The writer process records nominative votes and prints each one after the operation
returns (its acknowledgement). We kill it at random moments, reopen the file (recovering
the stale lock and any hot journal), check integrity and that every acknowledged vote is
there, and start a new writer on the same file. Repeated several times.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from workshop.library import builtin_library
from workshop.operations import clauses, setup
from workshop.session import Session

WRITER = r"""
import sys
from workshop.operations import ballots
from workshop.session import Session

session = Session.open(sys.argv[1])
conn = session.conn
print("ready", flush=True)
choices = ["for", "against", "abstain"]
i = 0
while True:
    open_ = conn.execute("SELECT id FROM ballots WHERE state = 'open'").fetchone()
    if open_ is None:
        clause = conn.execute("SELECT id FROM clauses ORDER BY random() LIMIT 1").fetchone()[0]
        ballot = ballots.open_ballot(session, clause, method="simple", capture="nominative").value
    else:
        ballot = open_[0]
    voters = [p for p, voted in ballots.who_voted(conn, ballot) if not voted]
    if not voters:
        ballots.close_ballot(session, ballot)
        print(f"closed {ballot}", flush=True)
        continue
    choice = choices[i % 3]
    ballots.cast_vote(session, ballot, voters[0], choice)
    print(f"vote {ballot} {voters[0]} {choice}", flush=True)
    i += 1
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX; Windows kill is TerminateProcess")
def test_sigkill_never_loses_an_acknowledged_vote(tmp_path):
    path = tmp_path / "crash.charter"
    s = setup.create(path, "Crash", "ACME")
    lib = builtin_library("fr")
    for clause in lib.clauses[:3]:
        clauses.add_clause(s, lib, clause.key)
    for i in range(8):
        setup.add_participant(s, f"Votant·e {i} « ’ »", 1 + i % 4)
    s.close()

    rng = random.Random(1234)
    acknowledged: dict[tuple[int, int], str] = {}
    closed: set[int] = set()
    kills = 0
    for _ in range(8):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
        time.sleep(rng.uniform(0.05, 0.6))
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
        kills += writer.returncode == -signal.SIGKILL
        for line in writer.stdout.read().splitlines():
            parts = line.split()
            if parts[0] == "vote":
                acknowledged[(int(parts[1]), int(parts[2]))] = parts[3]
            elif parts[0] == "closed":
                closed.add(int(parts[1]))

        # The file must open (stale lock and hot journal recovered) and be sound.
        session = Session.open(path)
        assert session.file.integrity_check() == []
        stored = dict((((b, p), c) for b, p, c in session.conn.execute("SELECT * FROM votes")))
        for key, choice in acknowledged.items():
            assert stored.get(key) == choice, f"acknowledged vote {key} lost"
        for ballot in closed:
            state = session.conn.execute(
                "SELECT state FROM ballots WHERE id = ?", (ballot,)
            ).fetchone()[0]
            assert state == "closed"
        session.close()

    assert kills == 8
    assert len(acknowledged) > 8  # the writers really wrote between kills
    final = sqlite3.connect(path)
    assert final.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    final.close()
