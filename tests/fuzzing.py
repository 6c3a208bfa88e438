"""What the fuzz tests of files and bundles share: running the CLI in-process, judging a run.

The short runs are part of the normal suite; ``make fuzz`` sets ``CHARTER_FUZZ_N`` for a long
one (and ``CHARTER_FUZZ_SEED`` to replay another sequence). Every run prints its figures:
mutants tried, refused, accepted, failures.
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

from tests import demo_files
from workshop import cli

#: Mutants per fuzz test in the normal suite (a few seconds each).
SHORT_N = 20


def demo_bytes() -> bytes:
    """The French demo workshop's file, built once per test process (tests/demo_files.py)."""
    return demo_files.demo_bytes("fr")


def mutant_count() -> int:
    """How many mutants to try: CHARTER_FUZZ_N, else the short run's number."""
    return int(os.environ.get("CHARTER_FUZZ_N", SHORT_N))


def seed() -> int:
    return int(os.environ.get("CHARTER_FUZZ_SEED", "20261201"))


def run_cli(*argv: str | Path) -> tuple[int, str, str]:
    """``charter-workshop ARGV`` in this process: (exit code, stdout, stderr).

    An exception escaping ``main`` is what a traceback would be: it propagates.
    """
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = cli.main([str(a) for a in argv])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def one_line_problem(code: int, stderr: str) -> str | None:
    """What is wrong with a run's ending, or None: exit 0 or 1, a refusal on one line."""
    if code not in (0, 1):
        return f"exit code {code}"
    if "Traceback" in stderr:
        return "traceback on stderr"
    if code == 1:
        if stderr.count("\n") != 1 or not stderr.endswith("\n"):
            return f"not one line on stderr: {stderr!r}"
        if not stderr.startswith("charter-workshop: "):
            return f"unexpected stderr: {stderr!r}"
    elif stderr:
        return f"stderr on success: {stderr!r}"
    return None


def export_all(path: Path, out: Path, seen: set[str]) -> str | None:
    """Export ``path`` to JSON, DOCX, PDF and CSV in ``out``; what went wrong, or None.

    The JSON bundle holds everything the exports read (it is built from the same read
    model), so a workshop whose bundle was already seen has been exported already: the
    DOCX, PDF and CSV are skipped for it, which keeps the fuzz runs short.
    """
    bundle = out / "out.json"
    code, _, err = run_cli("export", path, "--json", bundle)
    if code != 0:
        return f"export --json failed: {err.strip()}"
    digest = hashlib.sha256(bundle.read_bytes()).hexdigest()
    bundle.unlink()
    if digest in seen:
        return None
    seen.add(digest)
    outputs = [out / f"out.{ext}" for ext in ("docx", "pdf", "csv")]
    code, _, err = run_cli("export", path, *(a for p in outputs for a in (f"--{p.suffix[1:]}", p)))
    for output in outputs:
        output.unlink(missing_ok=True)
    return None if code == 0 else f"export failed: {err.strip()}"


@dataclass
class Tally:
    """The figures of one fuzz run."""

    what: str
    tried: int = 0
    refused: int = 0
    accepted: int = 0
    failures: list[str] = field(default_factory=list)

    def fail(self, mutant: str, problem: str) -> None:
        self.failures.append(f"{mutant}: {problem}")

    def report(self) -> str:
        line = (
            f"{self.what}: {self.tried} mutants tried, {self.refused} refused, "
            f"{self.accepted} accepted, {len(self.failures)} failures"
        )
        sys.__stdout__.write(line + "\n")
        return line
