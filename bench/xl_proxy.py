"""An in-memory stand-in for the XL workshop, scaled from L (for the PDF loop only).

    .venv/bin/python -m bench.xl_proxy [participants_factor] [clauses_factor] [--floor]

Generating XL through the operations takes hours; this multiplies L's loaded snapshot
instead: every participant ``P`` times (their votes, remarks and placements with them) and
every clause ``C`` times (its rounds and amendments), the audit trail likewise (each vote
event once per copy of its voter). With the defaults (5, 6): 500 participants, 480 clauses,
1 440 rounds, about 480 000 votes (XL: 500, 300, 1 500, 734 505). Its layout differs from
XL's; its orders of magnitude do not. Not part of ``make bench``.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench import floors, measures

PID = 100_000  # id offsets per copy
CID = 100_000


def scale(snap, p: int, c: int):  # noqa: ANN001, ANN201 - a workshop.snapshot.Snapshot
    people = [
        replace(
            x,
            id=x.id + k * PID,
            name=f"{x.name} {k}" if k and x.name else x.name,
            pseudonym=f"{x.pseudonym}.{k}" if k else x.pseudonym,
            position=x.position + k * PID,
        )
        for k in range(p)
        for x in snap.participants
    ]
    pseudo = {x.pseudonym: x for x in snap.participants}

    def ballot(b, copy: int):  # noqa: ANN001, ANN202
        members = b.members
        if members:
            members = json.dumps({k: v * p for k, v in json.loads(members).items()})
        return replace(
            b,
            id=b.id + copy * CID,
            voters=tuple(
                replace(v, participant_id=v.participant_id + k * PID)
                for k in range(p)
                for v in b.voters
            ),
            votes=tuple(
                replace(v, participant_id=v.participant_id + k * PID)
                for k in range(p)
                for v in b.votes
            ),
            counts=tuple(replace(n, n=n.n * p) for n in b.counts),
            remarks=tuple(
                replace(
                    r,
                    id=r.id + (copy * p + k) * PID,
                    participant_id=None if r.participant_id is None else r.participant_id + k * PID,
                )
                for k in range(p)
                for r in b.remarks
            ),
            members=members,
        )

    clauses = [
        replace(
            cl,
            id=cl.id + copy * CID,
            title=f"{cl.title} [{copy}]" if copy else cl.title,
            position=cl.position + copy * CID,
            amendments=tuple(replace(a, id=a.id + copy * CID) for a in cl.amendments),
            ballots=tuple(ballot(b, copy) for b in cl.ballots),
        )
        for copy in range(c)
        for cl in snap.clauses
    ]
    audit = []
    n = 0
    for _copy in range(c):
        for e in snap.audit:
            copies = p if e.kind in ("vote", "secret_vote", "place") else 1
            for k in range(copies):
                summary = e.summary
                if k and e.kind == "vote":
                    who = summary.rsplit(" a voté", 1)[0]
                    if who in pseudo:
                        summary = f"{who}.{k} a voté"
                n += 1
                audit.append(replace(e, id=n, summary=summary))
    positions = [
        replace(x, participant_id=x.participant_id + k * PID)
        for k in range(p)
        for x in snap.positions
    ]
    return replace(
        snap,
        participants=tuple(people),
        clauses=tuple(clauses),
        audit=tuple(audit),
        positions=tuple(positions),
    )


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    p, c = (int(args[0]), int(args[1])) if len(args) == 2 else (5, 6)
    work = Path(tempfile.mkdtemp(prefix="xlproxy-"))
    measures.warm_exports(work)
    from workshop.exports.minutes import write_minutes

    base = measures.load_snapshot(Path(__file__).parent / ".cache/gen-v1-schema6/L.charter")
    snap = scale(base, p, c)
    votes = sum(len(b.votes) for cl in snap.clauses for b in cl.ballots)
    rounds = sum(len(cl.ballots) for cl in snap.clauses)
    print(f"proxy: {len(snap.participants)} participants, {len(snap.clauses)} clauses,"
          f" {rounds} rounds, {votes} votes, {len(snap.audit)} audit events")  # fmt: skip
    target = work / "XLp.pdf"
    c0, w0 = time.process_time(), time.perf_counter()
    if "--floor" in sys.argv:
        shape = floors.pdf_shape(write_minutes, snap, target)
    else:
        write_minutes(snap, target)
    app_c, app_w = time.process_time() - c0, time.perf_counter() - w0
    print(f"app: cpu {app_c:.1f}s wall {app_w:.1f}s, {target.stat().st_size >> 20} MiB -> {target}")
    if "--floor" in sys.argv:
        c0, w0 = time.process_time(), time.perf_counter()
        floors.write_pdf_floor(shape, work / "XLp-floor.pdf")
        fl_c, fl_w = time.process_time() - c0, time.perf_counter() - w0
        print(f"floor: cpu {fl_c:.1f}s wall {fl_w:.1f}s; ratio cpu {app_c / fl_c:.2f}"
              f" wall {app_w / fl_w:.2f}; {shape.summary()}")  # fmt: skip


if __name__ == "__main__":
    main()
