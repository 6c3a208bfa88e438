"""One size's in-process measures, in a fresh interpreter: ``python -m bench.worker TASK JSON``.

Each size runs in its own process, as the app does with one workshop open: the heap (and
so how often Python's cyclic garbage collector runs its full collections while a snapshot
is rebuilt) does not depend on the sizes measured before. The worker prints one line,
``RESULT <json>``, with raw samples (seconds) per measure, or an ``error`` for a measure
that could not run.

Tasks: ``console`` (open_domain, open_console, vote, vote_domain), ``exports``
(export_docx, export_pdf) and ``phones`` (phone_vote).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"[:160]


def console(path: str, workdir: str, n_open: int, n_votes: int) -> dict:
    import shutil

    from bench import measures

    file, work = Path(path), Path(workdir)
    out: dict[str, dict] = {}

    def attempt(name: str, fn) -> None:  # noqa: ANN001
        try:
            out[name] = fn()
        except Exception as error:  # noqa: BLE001 - reported, the other measures go on
            out[name] = {"error": _first_line(error)}

    def domain() -> dict:
        samples, floor = measures.open_domain(file, n_open)
        return {"samples": samples, "floor": floor}

    attempt("open_domain", domain)
    shell = measures.Console(work)

    def console_open() -> dict:
        samples = measures.open_console(shell, file, n_open)
        return {"samples": samples, "floor": measures.read_floor(file, n_open)}

    attempt("open_console", console_open)

    def vote() -> dict:
        copy = work / f"vote-{file.name}"
        shutil.copy(file, copy)
        try:
            run = measures.votes(shell, copy, n_votes, work / "bare-commit.db")
        finally:
            copy.unlink(missing_ok=True)
        return {"samples": run.samples, "floor": run.floor, "snapshot_load": run.snapshot_load}

    attempt("vote", vote)

    def vote_domain() -> dict:
        copy = work / f"vote-domain-{file.name}"
        shutil.copy(file, copy)
        try:
            run = measures.votes_domain(copy, n_votes, work / "bare-commit.db")
        finally:
            copy.unlink(missing_ok=True)
        return {"samples": run.samples, "floor": run.floor}

    attempt("vote_domain", vote_domain)
    return out


def exports(path: str, workdir: str, runs: int, stem: str) -> dict:
    from bench import measures

    measures.warm_exports(Path(workdir))
    snap = measures.load_snapshot(Path(path))
    out: dict[str, dict] = {}
    for kind in ("docx", "pdf"):
        try:
            run = measures.export(kind, snap, Path(workdir), stem, runs)
            out[f"export_{kind}"] = {
                "samples": run.samples,
                "floor": run.floor,
                "structure": run.shape,
                "bytes": run.bytes,
            }
        except Exception as error:  # noqa: BLE001 - reported, the other export goes on
            out[f"export_{kind}"] = {"error": _first_line(error)}
    return out


def phones(workdir: str, rounds: int) -> dict:
    """The phone server and its owner thread in this fresh process; the phones in another."""
    from bench.phones import phone_votes

    try:
        samples, floor = phone_votes(Path(workdir), rounds)
    except Exception as error:  # noqa: BLE001 - reported as the measure's error
        return {"phone_vote": {"error": _first_line(error)}}
    return {"phone_vote": {"samples": samples, "floor": floor}}


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    task, args = sys.argv[1], json.loads(sys.argv[2])
    result = {"console": console, "exports": exports, "phones": phones}[task](**args)
    print("RESULT " + json.dumps(result), flush=True)
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown of Qt objects: nothing left to measure
