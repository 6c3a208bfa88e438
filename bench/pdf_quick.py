"""Quick PDF timing: the minutes against their floor, alternated; optional cProfile.

    .venv/bin/python -m bench.pdf_quick SIZE [runs] [--profile]

SIZE is S, M, L, XL (when generated) or XLp, the stand-in for XL scaled from L (xl_proxy).

Not part of ``make bench``: a developer's loop for issue 16 (same calls as bench.measures).
"""

from __future__ import annotations

import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import floors, measures


def main() -> None:
    size = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 3
    profile = "--profile" in sys.argv
    path = Path(__file__).parent / ".cache" / "gen-v1-schema6" / f"{size}.charter"
    work = Path(tempfile.mkdtemp(prefix="pdfq-"))
    measures.warm_exports(work)
    from workshop.exports.minutes import write_minutes

    if size == "XLp":  # the in-memory stand-in for XL (bench.xl_proxy)
        from bench import xl_proxy

        path = path.with_name("L.charter")
        snap = xl_proxy.scale(measures.load_snapshot(path), 5, 6)
    else:
        snap = measures.load_snapshot(path)
    target, floor_target = work / f"{size}.pdf", work / f"{size}-floor.pdf"
    shape = floors.pdf_shape(write_minutes, snap, target)
    app_w, app_c, fl_w, fl_c = [], [], [], []
    for _ in range(runs):
        c0, w0 = time.process_time(), time.perf_counter()
        write_minutes(snap, target)
        app_c.append(time.process_time() - c0)
        app_w.append(time.perf_counter() - w0)
        c0, w0 = time.process_time(), time.perf_counter()
        floors.write_pdf_floor(shape, floor_target)
        fl_c.append(time.process_time() - c0)
        fl_w.append(time.perf_counter() - w0)
    med = statistics.median
    print(
        f"{size}: app cpu {med(app_c):.2f}s wall {med(app_w):.2f}s | floor cpu {med(fl_c):.2f}s"
        f" wall {med(fl_w):.2f}s | ratio cpu {med(app_c) / med(fl_c):.2f} wall"
        f" {med(app_w) / med(fl_w):.2f} | {shape.summary()} -> {target}"
    )
    print("  app cpu", [round(x, 2) for x in app_c], "floor cpu", [round(x, 2) for x in fl_c])
    if profile:
        prof = cProfile.Profile()
        prof.enable()
        write_minutes(snap, target)
        prof.disable()
        prof.dump_stats(str(work / "app.prof"))
        stats = pstats.Stats(prof)
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(45)


if __name__ == "__main__":
    main()
