"""Phone votes: 100 phones on loopback, request → acknowledgement, against a bare round trip.

The workshop's session lives in an owner thread (as the console's GUI thread); 100 phone
threads each hold a keep-alive connection and, at the same moment (a barrier), post a vote
by name and wait for its acknowledgement (committed to the file first). The floor is the
same 100 threads doing ``GET /healthz`` on the same server stack (no session, no commit).
"""

from __future__ import annotations

import http.client
import json
import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor
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
    headers = {"Host": f"{host}:{port}", "Origin": f"http://{host}:{port}",
               "Content-Type": "application/json"}  # fmt: skip
    conns = [http.client.HTTPConnection(host, port, timeout=120) for _ in range(PHONES)]
    barrier = threading.Barrier(PHONES)

    def once(i: int, vote: bool, k: int) -> float:
        conn = conns[i]
        if vote:
            body = json.dumps({"client_id": secrets.token_urlsafe(16),
                               "ballot_id": ready["ballot"],
                               "choice": ("for", "against", "abstain")[(i + k) % 3]}).encode()  # fmt: skip
            sent = dict(headers, Cookie=f"cw_link={ready['tokens'][i]}")
            sent["Content-Length"] = str(len(body))
        barrier.wait()
        t0 = time.perf_counter()
        if vote:
            conn.request("POST", "/api/vote", body, sent)
        else:
            conn.request("GET", "/healthz", headers={"Host": headers["Host"]})
        reply = conn.getresponse()
        reply.read()
        elapsed = time.perf_counter() - t0
        if reply.status != 200:
            raise RuntimeError(f"phone {i}: HTTP {reply.status}")
        return elapsed

    samples: list[float] = []
    floor: list[float] = []
    try:
        with ThreadPoolExecutor(max_workers=PHONES) as pool:
            for k in range(rounds):
                floor += pool.map(lambda i, k=k: once(i, False, k), range(PHONES))
                samples += pool.map(lambda i, k=k: once(i, True, k), range(PHONES))
    finally:
        for conn in conns:
            conn.close()
        server.stop()
        stop.set()
        thread.join(60)
    return samples, floor
