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
        if font.is_file():
            QFontDatabase.addApplicationFont(str(font))


def main(path: str | None = None, *, demo: bool = False) -> int:
    """Open the console on ``path``, or the demo, or the last workshop, or the welcome page."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Atelier Charte")
    app.setOrganizationName("Charter Workshop")
    load_fonts()
    i18n.install(str(settings().value("language", i18n.system_language())))
    controller = WorkshopController()
    window = MainWindow(controller)
    window.resize(1280, 800)
    window.show()
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
