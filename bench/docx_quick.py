"""The charter DOCX against its floor at one size, quickly: ``python -m bench.docx_quick L 7``.

The same calls as ``measures.export`` (``write_charter(snap, path)`` from a loaded snapshot,
then ``floors.write_docx_floor`` of the structure read back, untimed), alternated ``runs``
times after one warm-up run, in this process. Prints the medians of CPU time
(``process_time``: steadier on a shared machine) and wall time, and with ``--profile`` the
top of a cProfile of one more app export. Uses the cached workshops (``make bench`` or a
copy of ``bench/.cache``); nothing is written outside ``bench/.cache/quick``.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time
from pathlib import Path

from bench import floors, measures

CACHE = Path(__file__).parent / ".cache"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", choices=("S", "M", "L", "XL"))
    parser.add_argument("runs", type=int, nargs="?", default=7)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    work = CACHE / "quick"
    work.mkdir(parents=True, exist_ok=True)
    measures.warm_exports(work)
    snap = measures.load_snapshot(CACHE / "gen-v1-schema6" / f"{args.size}.charter")
    from workshop.exports.charter import write_charter

    target, floor_target = work / f"{args.size}.docx", work / f"{args.size}-floor.docx"
    write_charter(snap, target)
    shape = floors.docx_shape(target)
    floors.write_docx_floor(shape, floor_target)
    app: list[tuple[float, float]] = []
    floor: list[tuple[float, float]] = []
    for _ in range(args.runs):
        for out, write in (
            (app, lambda: write_charter(snap, target)),
            (floor, lambda: floors.write_docx_floor(shape, floor_target)),
        ):
            cpu, wall = time.process_time(), time.perf_counter()
            write()
            out.append((time.process_time() - cpu, time.perf_counter() - wall))
    median = statistics.median
    a_cpu, a_wall = median(c for c, _ in app), median(w for _, w in app)
    f_cpu, f_wall = median(c for c, _ in floor), median(w for _, w in floor)
    print(
        f"{args.size} ({args.runs} alternated runs, {shape.summary()}): "
        f"app {a_cpu * 1000:.0f} ms CPU / {a_wall * 1000:.0f} ms wall, "
        f"floor {f_cpu * 1000:.0f} / {f_wall * 1000:.0f} ms, "
        f"ratio {a_cpu / f_cpu:.2f} CPU / {a_wall / f_wall:.2f} wall"
    )
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        write_charter(snap, target)
        profile.disable()
        stats = pstats.Stats(profile)
        stats.sort_stats("cumulative").print_stats(30)
        stats.sort_stats("tottime").print_stats(20)


if __name__ == "__main__":
    main()
