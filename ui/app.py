"""Start the facilitator console: `charter-workshop gui [FILE]`."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui import i18n
from ui.controller import WorkshopController, recent_files, settings
from ui.main_window import MainWindow


def load_fonts() -> None:
    """Make the bundled fonts available to Qt's fallback (emoji, scripts the system lacks)."""
    from importlib.resources import files

    from PySide6.QtGui import QFontDatabase

    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "NotoEmoji-Regular.ttf"):
        font = files("resources") / "fonts" / name
        if font.is_file():  # from the bytes: no file path needed, frozen or zipped
            QFontDatabase.addApplicationFontFromData(font.read_bytes())


def set_identity(app: QApplication) -> None:
    """Version, icon and desktop entry name (the taskbar matches the installed .desktop)."""
    from importlib.resources import as_file, files

    from PySide6.QtGui import QIcon, QPixmap

    from workshop.about import version

    app.setApplicationVersion(version())
    app.setDesktopFileName("charter-workshop")
    icon = files("resources") / "icons" / "charter-workshop-256.png"
    if icon.is_file():
        with as_file(icon) as path:
            app.setWindowIcon(QIcon(QPixmap(str(path))))  # read now, not when first painted


def close_after(window: MainWindow) -> None:
    """CHARTER_WORKSHOP_QUIT_AFTER=SECONDS closes the console after that long, the way a
    user would: the frozen build's smoke test (packaging/smoke.py) opens it and expects a
    clean exit 0."""
    import os

    from PySide6.QtCore import QTimer

    value = os.environ.get("CHARTER_WORKSHOP_QUIT_AFTER", "")
    try:
        seconds = float(value)
    except ValueError:
        return
    if 0 < seconds <= 600:
        QTimer.singleShot(int(seconds * 1000), window.close)


def main(path: str | None = None, *, demo: bool = False) -> int:
    """Open the console on ``path``, or the demo, or the last workshop, or the welcome page."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Atelier Charte")
    app.setOrganizationName("Charter Workshop")
    set_identity(app)
    load_fonts()
    i18n.install(str(settings().value("language", i18n.system_language())))
    controller = WorkshopController()
    window = MainWindow(controller)
    from ui.file_open import FileOpenFilter

    window.file_open = FileOpenFilter(controller.open, app)  # macOS: a double-clicked file
    app.installEventFilter(window.file_open)
    window.resize(1280, 800)
    window.show()
    close_after(window)
    if demo:
        window.welcome.open_demo()
    elif path:
        controller.open(Path(path))
    else:
        recent = recent_files()
        if recent:
            controller.open(recent[0])
    code = app.exec()
    controller.close()
    return code
