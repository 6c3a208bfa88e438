"""An accepted workshop exports in bounded work: a large roster still gives every document.

The normal suite uses a mid-sized roster; ``make fuzz`` sets ``CHARTER_BIG_N=1000`` for the
1,000-participant workshop of issue 9 (its PDF takes tens of seconds: see the report in
BENCHMARKS.md and the minutes' own bound). No timing is asserted: finishing is the test.
"""

from __future__ import annotations

import os
from pathlib import Path

from bench.generate import Size, build
from tests.fuzzing import one_line_problem, run_cli
from workshop import limits


def test_a_large_roster_exports_every_document(tmp_path: Path) -> None:
    n = int(os.environ.get("CHARTER_BIG_N", "60"))
    assert n <= limits.MAX_PARTICIPANTS  # a file this size is one the app accepts
    path = tmp_path / "big.charter"
    build(Size("big", n, 3, 1, 3), path)
    outputs = {ext: tmp_path / f"big.{ext}" for ext in ("docx", "pdf", "csv", "json")}
    code, _, err = run_cli("check", path)
    assert code == 0, err
    code, _, err = run_cli(
        "export", path, *(a for ext, p in outputs.items() for a in (f"--{ext}", p))
    )
    assert code == 0 and one_line_problem(code, err) is None, err
    for output in outputs.values():
        assert output.stat().st_size > 0
    assert f"{n} participants" in run_cli("check", path)[1]
