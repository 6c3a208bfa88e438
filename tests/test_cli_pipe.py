"""Piping the CLI into a reader that stops early (`| head`) prints no traceback.

Python ignores SIGPIPE, so writing to a pipe nobody reads raises BrokenPipeError; the CLI
handles it as https://docs.python.org/3/library/signal.html#note-on-sigpipe says: stdout
is pointed at devnull (so that the flush at exit fails no more) and the exit code is 1.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.demo_files import copy_demo
from workshop.schema import SCHEMA_VERSION


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    # the demo built in-process once per session (test_cli runs the `demo` command itself)
    return copy_demo(tmp_path_factory.mktemp("pipe") / "d.charter", "fr")


def run_into_closed_pipe(*args: str) -> subprocess.CompletedProcess:
    """Run the CLI with its stdout a pipe whose reader has already gone (`head` exited)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "workshop", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "CHARTER_LANG": "fr"},
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize("command", ["check", "export"])
def test_a_reader_that_went_away_gives_no_traceback(demo_file, command, tmp_path):
    if command == "check":
        done = run_into_closed_pipe("check", str(demo_file))
    else:
        done = run_into_closed_pipe("export", str(demo_file), "--csv", str(tmp_path / "v.csv"))
    assert "Traceback" not in done.stderr
    assert "BrokenPipeError" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stderr == ""
    assert done.returncode == 1


def test_head_reading_one_line_of_a_long_output(demo_file):
    """A real `head -n 1` on the output of `check` run many times over (a large output)."""
    script = (
        "import sys\n"
        "from workshop.cli import main\n"
        "for _ in range(2000):\n"
        "    code = main(['check', sys.argv[1]])\n"
        "    if code:\n"
        "        sys.exit(code)\n"
    )
    producer = subprocess.Popen(
        [sys.executable, "-c", script, str(demo_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "CHARTER_LANG": "fr"},
    )
    head = subprocess.run(["head", "-n", "1"], stdin=producer.stdout, capture_output=True)
    producer.stdout.close()
    stderr = producer.stderr.read().decode()
    producer.stderr.close()
    assert producer.wait() == 1  # it was cut short, and said so by its exit code only
    assert head.stdout.decode().strip().endswith(f"intègre, format {SCHEMA_VERSION}")
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
