"""``python -m bench``: the full benchmark (``make bench``) or the quick one (``make bench-quick``).

Full: sizes S, M, L, XL; writes ``bench/results.json`` and the generated block of
``BENCHMARKS.md``. Quick (``--quick``): size S only, few repetitions, a few seconds, and
everything (results, markdown, work files) in a temporary folder unless ``--out`` says
where; it never needs the XL cache nor touches the committed results. No timing is
asserted anywhere: a run that measured everything exits 0.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from bench import generate, report

REPO = Path(__file__).resolve().parent.parent

#: Repetitions: (start-up runs, open runs per size, votes per size, export runs per size).
FULL = {
    "startup": 5,
    "open": {"S": 7, "M": 7, "L": 7, "XL": 2},
    "votes": {"S": 100, "M": 100, "L": 500, "XL": 50},
    "exports": {"S": 5, "M": 3, "L": 3, "XL": 2},
    "phones": 10,
}
QUICK = {"startup": 1, "open": {"S": 2}, "votes": {"S": 20}, "exports": {"S": 1}, "phones": 1}
#: Start-up runs under ``-X importtime`` (the import-time measure), full and quick.
IMPORT_RUNS = {"full": 3, "quick": 1}


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"[:160]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="size S only, in a temporary folder")
    parser.add_argument("--sizes", help="comma-separated sizes (default: S,M,L,XL; quick: S)")
    parser.add_argument("--out", type=Path, help="results JSON (default: bench/results.json)")
    parser.add_argument("--markdown", type=Path, help="markdown file to update")
    parser.add_argument("--workdir", type=Path, help="folder for working copies")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    plan = QUICK if args.quick else FULL
    sizes = (args.sizes.split(",") if args.sizes else None) or (
        ["S"] if args.quick else list(generate.SIZES)
    )
    for size in sizes:
        if size not in generate.SIZES:
            parser.error(f"unknown size {size!r} (expected {', '.join(generate.SIZES)})")
    temp = Path(tempfile.mkdtemp(prefix="charter-bench-")) if args.quick else None
    out = args.out or (temp / "results.json" if temp else REPO / "bench" / "results.json")
    md = args.markdown or (temp / "BENCHMARKS.md" if temp else REPO / "BENCHMARKS.md")
    workdir = args.workdir or (temp / "work" if temp else generate.CACHE / "work")
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    # The main startup file: L in the full run, the largest size asked for otherwise.
    main_size = "L" if "L" in sizes else sizes[-1]

    from bench import machine, measures

    say(f"sizes {','.join(sizes)}; work folder {workdir}")
    files: dict[str, Path] = {}
    size_info: dict[str, dict] = {}
    for size in sizes:
        cached = generate.workshop(size, progress=say)
        files[size] = workdir / f"{size}.charter"
        shutil.copy(cached, files[size])
        spec = generate.SIZES[size]
        size_info[size] = {"rounds": spec.rounds, **generate.counts(files[size])}

    results: list[dict] = []

    def attempt(measure: str, size: str, fn, *args: object) -> None:  # noqa: ANN001
        try:
            entry = fn(*args)
        except Exception as error:  # noqa: BLE001 - reported in the results, run goes on
            say(f"{measure} {size}: not measured: {_first_line(error)}")
            entry = report.not_measured(measure, size, _first_line(error))
        report.judge(entry)
        results.append(entry)
        if "median" in entry:
            p95 = f", p95 {entry['p95']:.4g}" if "p95" in entry else ""
            say(
                f"{measure} {size}: median {entry['median']:.4g} {entry['unit']}{p95}, "
                f"floor {entry['floor']:.4g}, ratio {entry['ratio']:.2f}"
            )

    # 1 and 5: start-up and peak memory, in child processes
    say(f"start-up and memory ({main_size}, {plan['startup']} runs each)")
    startup_runs: dict[str, tuple] = {}

    def startup_entry() -> dict:
        app_runs, bare_runs = measures.startup(
            files[main_size], workdir, plan["startup"], warm=not args.quick
        )
        startup_runs["runs"] = (app_runs, bare_runs)
        return report.summarise(
            "startup",
            main_size,
            "s",
            [r.seconds for r in app_runs],
            [r.seconds for r in bare_runs],
        )

    def memory_entry() -> dict:
        if "runs" not in startup_runs:
            raise RuntimeError("start-up children did not run")
        app_runs, bare_runs = startup_runs["runs"]
        entry = report.summarise(
            "memory",
            main_size,
            "MiB",
            [r.maxrss_kib / 1024 for r in app_runs],
            [r.maxrss_kib / 1024 for r in bare_runs],
        )
        entry["delta_mib"] = entry["median"] - entry["floor"]
        return entry

    def loaded_entry() -> dict:
        if "runs" not in startup_runs:
            raise RuntimeError("start-up children did not run")
        app_runs, bare_runs = startup_runs["runs"]
        return report.summarise(
            "startup_loaded",
            main_size,
            "s",
            [r.loaded for r in app_runs],
            [r.seconds for r in bare_runs],
        )

    def imports_entry() -> dict:
        runs = IMPORT_RUNS["quick" if args.quick else "full"]
        app_runs, bare_runs = measures.imports(files[main_size], workdir, runs)
        heavy = sorted({name for r in app_runs for name in r.heavy})
        return report.summarise(
            "imports",
            main_size,
            "ms",
            [r.import_ms for r in app_runs],
            [r.import_ms for r in bare_runs],
            extra={"heavy": heavy},
        )

    attempt("startup", main_size, startup_entry)
    attempt("startup_loaded", main_size, loaded_entry)
    attempt("memory", main_size, memory_entry)
    say(f"import time ({main_size}, python -X importtime)")
    attempt("imports", main_size, imports_entry)

    # 2, 3, 4 and 6: open, vote and exports, each size in fresh worker processes
    for size in sizes:
        n_open, n_votes = plan["open"].get(size, 1), plan["votes"].get(size, 5)
        say(f"open and vote {size} ({n_open} opens, {n_votes} votes)")
        raw = run_worker(
            "console",
            {"path": str(files[size]), "workdir": str(workdir), "n_open": n_open,
             "n_votes": n_votes},
            ("open_domain", "open_console", "vote", "vote_domain"),
        )  # fmt: skip
        for measure in ("open_domain", "open_console"):
            attempt(measure, size, _entry, measure, size, "s", raw[measure])
        for measure in ("vote", "vote_domain"):
            attempt(measure, size, _vote_entry, measure, size, raw[measure])
    # The price of durability: EXTRA (the app's) against FULL, bare commits, same folder.
    n_commits = plan["votes"].get(main_size, 5)
    say(f"commit EXTRA vs FULL ({n_commits} commits each)")

    def commit_sync_entry() -> dict:
        run = measures.commit_sync(workdir, n_commits)
        return _vote_entry("commit_sync", main_size, {"samples": run.samples, "floor": run.floor})

    attempt("commit_sync", main_size, commit_sync_entry)
    say(f"phone votes ({plan['phones']} rounds of 100 phones at once)")

    def phone_vote_entry() -> dict:
        from bench.phones import PHONES

        # a fresh server process, as the console is: not this one's heap and threads
        raw = run_worker(
            "phones", {"workdir": str(workdir), "rounds": plan["phones"]}, ("phone_vote",)
        )
        return _vote_entry("phone_vote", main_size, raw["phone_vote"]) | {"phones": PHONES}

    attempt("phone_vote", main_size, phone_vote_entry)
    for size in sizes:
        n_exports = plan["exports"].get(size, 1)
        say(f"exports {size} ({n_exports} runs each)")
        raw = run_worker(
            "exports",
            {"path": str(files[size]), "workdir": str(workdir), "runs": n_exports,
             "stem": f"export-{size}"},
            ("export_docx", "export_pdf"),
        )  # fmt: skip
        for measure in ("export_docx", "export_pdf"):
            extra = {k: raw[measure][k] for k in ("structure", "bytes") if k in raw[measure]}
            attempt(measure, size, _entry, measure, size, "s", raw[measure], extra)

    order = {m: i for i, m in enumerate(report.MEASURES)}
    size_order = {s: i for i, s in enumerate(generate.SIZES)}
    results.sort(key=lambda e: (order[e["measure"]], size_order[e["size"]]))
    document = {
        "started": datetime.now().astimezone().isoformat(timespec="seconds"),
        "mode": "quick" if args.quick else "full",
        "elapsed_s": time.perf_counter() - started,
        "generator": {
            "version": generate.GEN_VERSION,
            "sizes": {k: vars(v) for k, v in generate.SIZES.items() if k in sizes},
        },  # fmt: skip
        "machine": machine.describe(workdir),
        "plan": {k: v for k, v in plan.items()},
        "sizes": size_info,
        "growth_exponents": _exponents(results, size_info),
        "results": results,
    }
    report.write_json(out, document)
    report.update_markdown(md, report.markdown(document))
    shutil.rmtree(workdir, ignore_errors=True)
    say(f"results: {out}; table: {md}; {document['elapsed_s']:.0f} s")
    print(out)
    return 0


def run_worker(task: str, args: dict, measures_: tuple[str, ...]) -> dict[str, dict]:
    """Run ``bench.worker`` in a fresh interpreter; a crash becomes an error per measure."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    proc = subprocess.run(
        [sys.executable, "-m", "bench.worker", task, json.dumps(args)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    tail = (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1][:160]
    return {m: {"error": f"worker {task} failed: {tail}"} for m in measures_}


def _raise_if_error(raw: dict) -> None:
    if "error" in raw:
        raise RuntimeError(raw["error"])


def _entry(measure: str, size: str, unit: str, raw: dict, extra: dict | None = None) -> dict:
    _raise_if_error(raw)
    return report.summarise(measure, size, unit, raw["samples"], raw["floor"], extra=extra)


def _vote_entry(measure: str, size: str, raw: dict) -> dict:
    _raise_if_error(raw)
    extra = {}
    if "snapshot_load" in raw:
        extra["snapshot_load_median"] = statistics.median(raw["snapshot_load"]) * 1000
    return report.summarise(
        measure,
        size,
        "ms",
        [s * 1000 for s in raw["samples"]],
        [s * 1000 for s in raw["floor"]],
        with_p95=True,
        extra=extra,
    )


def _exponents(results: list[dict], sizes: dict[str, dict]) -> dict[str, float]:
    """k in cost ∝ votes^k between the smallest and the largest size measured."""
    measured = [s for s in generate.SIZES if s in sizes and sizes[s]["votes"]]
    if len(measured) < 2:
        return {}
    small, large = measured[0], measured[-1]
    by = {(e["measure"], e["size"]): e for e in results if "median" in e}
    spread = math.log(sizes[large]["votes"] / sizes[small]["votes"])
    out = {}
    for measure in (
        "open_domain",
        "open_console",
        "vote",
        "vote_domain",
        "export_docx",
        "export_pdf",
    ):
        a, b = by.get((measure, small)), by.get((measure, large))
        if a and b and a["median"] > 0 and b["median"] > 0:
            out[measure] = math.log(b["median"] / a["median"]) / spread
    return out


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
