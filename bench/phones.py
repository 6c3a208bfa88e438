"""Phone votes: 100 phones on loopback, request → acknowledgement, against a bare round trip.

The workshop's session lives in an owner thread (as the console's GUI thread) behind the
app's ``PhoneServer``; 100 phones (``bench.phone_client``, another process, as phones are
other machines) each hold a keep-alive connection and all post a vote by name at once,
each timed until its acknowledgement (committed to the file first) is read. The floor is
the same 100 phones doing ``GET /healthz`` on the same server stack (no session, no
commit). Each phone connects once before anything is timed, as phones in the room
already have the page open: accepting 100 connections at once is not a vote's time.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

PHONES = 100


def _setup(path: Path):  # noqa: ANN202 - (Session, ballot id, tokens)
    from workshop.library import builtin_library
    from workshop.operations import ballots, clauses, phones, roster, setup
    from workshop.roster import RosterRow

    session = setup.create(path, "Banc téléphones", "ACME", "fr")
    rows = [RosterRow(i + 1, f"Participant {i}", "", ("RH", "CSE")[i % 2]) for i in range(PHONES)]
    roster.add_participants(session, rows, create_colleges=True)
    lib = builtin_library("fr")
    clauses.add_clause(session, lib, lib.clauses[0].key)
    ids = [pid for (pid,) in session.conn.execute("SELECT id FROM participants ORDER BY id")]
    _, tokens = phones.issue_links(session, ids)
    cid = session.conn.execute("SELECT id FROM clauses").fetchone()[0]
    ballot = ballots.open_ballot(session, cid, method="simple", capture="nominative").value
    return session, ballot, [tokens[i] for i in ids]


def phone_votes(workdir: Path, rounds: int) -> tuple[list[float], list[float]]:
    """(vote samples, bare round-trip samples) in seconds, ``PHONES × rounds`` each."""
    from workshop.remote.owner import OwnerQueue
    from workshop.remote.server import PhoneServer

    owner = OwnerQueue(timeout=120)
    stop = threading.Event()
    ready: dict = {}
    started = threading.Event()

    def own() -> None:
        session, ballot, tokens = _setup(workdir / "phones.charter")
        ready.update(ballot=ballot, tokens=tokens)
        started.set()
        try:
            owner.serve(session, stop, poll=0.05)
        finally:
            session.close()

    thread = threading.Thread(target=own, daemon=True)
    thread.start()
    started.wait(300)
    server = PhoneServer(owner, "127.0.0.1", 0)
    server.start()
    host, port = server.address
    job = {"host": host, "port": port, "ballot": ready["ballot"], "tokens": ready["tokens"],
           "rounds": rounds}  # fmt: skip
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bench.phone_client"],
            input=json.dumps(job), capture_output=True, text=True, timeout=600,
            cwd=Path(__file__).resolve().parent.parent, check=False,
        )  # fmt: skip
    finally:
        server.stop()
        stop.set()
        thread.join(60)
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        raise RuntimeError(lines[-1] if lines else f"phone client exited {done.returncode}")
    result = json.loads(done.stdout)
    return result["votes"], result["floor"]
