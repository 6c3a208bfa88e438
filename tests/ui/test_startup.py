"""Start-up paints the window's frame before it reads the workshop (issue 16).

What is checked is the order of things, never how long they take: the frame is painted
before the file is opened, the domain and the exports' libraries are not imported before
the first paint, and the console then shows the workshop with the stages it went through.
"""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import ui.app
from ui.main_window import MainWindow
from workshop.session import Session


def test_the_frame_is_painted_before_the_file_is_read(demo_path, monkeypatch, qapp):
    events: list[str] = []
    windows: list[MainWindow] = []

    class Watched(MainWindow):
        def paintEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt API)
            if "painted" not in events:
                events.append("painted")
            super().paintEvent(event)

    def watched(controller, **kwargs):  # noqa: ANN001, ANN003, ANN202
        window = Watched(controller, **kwargs)
        windows.append(window)
        controller.opened.connect(lambda: QTimer.singleShot(0, qapp.quit))
        return window

    real_open = Session.open

    def recorded_open(path):  # noqa: ANN001, ANN202
        events.append("file read")
        return real_open(path)

    monkeypatch.setattr(ui.app, "MainWindow", watched)
    monkeypatch.setattr(Session, "open", staticmethod(recorded_open))
    guard = QTimer()  # never hang the suite; stopped after, so it quits no later test
    guard.setSingleShot(True)
    guard.timeout.connect(qapp.quit)
    guard.start(30_000)

    try:
        ui.app.main(str(demo_path))
    finally:
        guard.stop()

    assert events[:2] == ["painted", "file read"]
    window = windows[0]
    assert window.completed and window.controller.path is None  # closed on the way out
    assert len(window.loading.stages) == 3  # preparing, checking, reading
    window.close()
    QApplication.processEvents()


def test_a_frame_only_window_is_completed_later(controller, qtbot):
    window = MainWindow(controller, frame_only=True)
    qtbot.addWidget(window)
    assert not window.completed and not hasattr(window, "projection")
    assert window.stack.currentWidget() is window.loading
    assert window.rail.count() and window.rail.item(0).text()  # the steps are named
    window.complete()
    assert window.completed and window.stack.currentWidget() is window.welcome
    assert window.projection is not None and window.act_open.text()


def test_nothing_heavy_is_imported_before_the_first_paint():
    """The console's first paint needs PySide6 and the frame only: no workshop file code,
    no sqlite_utils, no python-docx nor reportlab (exports load them when they start)."""
    code = (
        "import sys\n"
        "import ui.app\n"
        "heavy = ('workshop.session', 'workshop.snapshot', 'sqlite_utils', 'docx',"
        " 'reportlab', 'workshop.exports', 'ui.pages.welcome', 'ui.projection.controller')\n"
        "print(','.join(m for m in heavy if m in sys.modules) or '-')\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.strip().splitlines()[-1] == "-"


def test_no_export_library_is_imported_once_the_workshop_is_shown(demo_path):
    """Up to the step page painted with the workshop (phones panel included), neither
    python-docx, reportlab nor lxml: exports and the card sheets load them when used."""
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-m", "bench.child", "app", str(demo_path)],
        capture_output=True, text=True, check=True, env=env, cwd=repo, timeout=120,
    )  # fmt: skip
    modules = [line for line in out.stdout.splitlines() if line.startswith("MODULES ")]
    assert modules == ["MODULES -"], out.stdout
