"""The benchmark harness works: `python -m bench --quick` measures everything on size S.

No timing is asserted: only that every measure is there with numeric fields, so that
`make bench` cannot silently rot between two full runs.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_quick_bench_reports_every_measure_with_numbers(tmp_path):
    out = tmp_path / "results.json"
    markdown = tmp_path / "BENCHMARKS.md"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--quick",
            "--out",
            str(out),
            "--markdown",
            str(markdown),
            "--workdir",
            str(tmp_path / "work"),
        ],  # fmt: skip
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    document = json.loads(out.read_text(encoding="utf-8"))

    from bench.report import MEASURES

    results = {(r["measure"], r["size"]): r for r in document["results"]}
    for measure in MEASURES:
        entry = results.get((measure, "S"))
        assert entry is not None, f"{measure} missing"
        assert "not_measured" not in entry, f"{measure}: {entry.get('not_measured')}"
        fields = ["median", "floor", "ratio", "n"]
        if measure == "vote":
            fields += ["p95", "floor_p95", "ratio_p95"]
        if measure == "memory":
            fields += ["delta_mib"]
        for name in fields:
            value = entry[name]
            assert isinstance(value, int | float) and not isinstance(value, bool), (measure, name)
            assert math.isfinite(value) and value >= 0, (measure, name, value)
    assert document["sizes"]["S"]["votes"] > 0
    assert document["machine"]["sqlite"] and document["machine"]["cpu"]
    text = markdown.read_text(encoding="utf-8")
    assert "bench:begin" in text and "| Start-up" in text
    assert not (tmp_path / "work").exists()  # working copies are cleaned up
