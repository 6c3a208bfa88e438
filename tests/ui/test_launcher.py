"""The entry point: the console through ui.launcher, everything else through workshop.cli."""

from __future__ import annotations

import subprocess
import sys

from ui import launcher


def test_gui_and_a_bare_file_open_the_console_through_the_launcher(monkeypatch, tmp_path):
    opened: list[tuple[str | None, bool]] = []
    monkeypatch.setattr(
        launcher, "start_console", lambda path, demo=False: opened.append((path, demo)) or 0
    )
    assert launcher.main(["gui", str(tmp_path / "a.charter")]) == 0
    assert launcher.main([]) == 0
    assert opened == [(str(tmp_path / "a.charter"), False), (None, False)]


def test_other_commands_do_not_load_qt(memory_path):
    code = (
        "import sys\n"
        "from ui.launcher import main\n"
        f"code = main(['demo', {str(memory_path / 'd.charter')!r}])\n"
        "print(code, any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[-2:] == ["0", "False"]


def test_python_m_workshop_has_no_console_and_says_where_it_is():
    out = subprocess.run([sys.executable, "-m", "workshop", "gui"], capture_output=True, text=True)
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "charter-workshop" in lines[0]
    assert "Traceback" not in out.stderr
