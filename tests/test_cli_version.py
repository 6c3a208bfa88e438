"""`charter-workshop --version`, and a bare .charter file (a double-click) opens the console."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from ui import launcher

ROOT = Path(__file__).resolve().parent.parent


def test_version_prints_the_pyproject_version_and_exits_0():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    out = subprocess.run(
        [sys.executable, "-m", "ui", "--version"], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0
    assert out.stdout == f"charter-workshop {version}\n"
    assert out.stderr == ""


def test_a_bare_workshop_file_opens_the_console(monkeypatch, tmp_path):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # the display check passes
    opened: list[tuple[str | None, bool]] = []
    monkeypatch.setattr(
        launcher, "start_console", lambda path, demo=False: opened.append((path, demo)) or 0
    )
    target = str(tmp_path / "Atelier « RH ».CHARTER")
    assert launcher.main([target]) == 0
    assert opened == [(target, False)]


def test_anything_else_bare_is_still_a_usage_error(capsys):
    try:
        launcher.main(["notes.txt"])
    except SystemExit as stop:
        assert stop.code == 2
    else:  # pragma: no cover
        raise AssertionError("a bare non-workshop argument was accepted")
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
