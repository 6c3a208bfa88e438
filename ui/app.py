"""Start the facilitator console: `charter-workshop gui [FILE]`.

The window's frame is painted first, before the domain is imported or the file read:
the facilitator sees the app start at once, then « Opening … » with the stage under way
and a wait cursor while a big workshop loads. The exports' libraries (python-docx,
reportlab) are imported only when an export starts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
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
    """Icon and desktop entry name (the taskbar matches the installed .desktop); the
    version comes after the first paint (``set_version``)."""
    from importlib.resources import as_file, files

    from PySide6.QtGui import QIcon, QPixmap

    app.setDesktopFileName("charter-workshop")
    icon = files("resources") / "icons" / "charter-workshop-256.png"
    if icon.is_file():
        with as_file(icon) as path:
            app.setWindowIcon(QIcon(QPixmap(str(path))))  # read now, not when first painted


def set_version(app: QApplication) -> None:
    """The version, from the installed metadata: reading it imports ``importlib.metadata``
    and ``email`` (≈ 35 ms, a third of a bare window's start), so not before the frame."""
    from workshop.about import version

    app.setApplicationVersion(version())


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
    i18n.install(str(settings().value("language", i18n.system_language())))
    controller = WorkshopController()
    window = MainWindow(controller, frame_only=True)
    from ui.file_open import FileOpenFilter

    window.file_open = FileOpenFilter(controller.open, app)  # macOS: a double-clicked file
    app.installEventFilter(window.file_open)
    window.resize(1280, 800)
    target = None if demo else Path(path) if path else _last_workshop()
    if target is not None:
        window.loading.opening(target.name)
    window.show()
    close_after(window)
    started: list[bool] = []

    def start() -> None:
        if not started:
            started.append(True)
            open_console(window, controller, target, demo=demo)

    waited: list[int] = []

    def unless_painting() -> None:
        """A window never painted (started minimised, hidden) still opens the file; one on
        screen waits for its paint, however slow the machine (a loaded machine may deliver
        the first expose after this timer), and a window still unexposed after 20 s opens
        the file anyway."""
        if started:
            return
        waited.append(1)
        handle = window.windowHandle()
        exposed = handle is not None and handle.isExposed()
        on_screen = window.isVisible() and not window.isMinimized()
        if (not exposed and not on_screen) or len(waited) >= 20:
            start()
        else:
            QTimer.singleShot(1000, unless_painting)

    window.after_first_paint(start)
    QTimer.singleShot(1000, unless_painting)
    code = app.exec()
    controller.close()
    return code


def _last_workshop() -> Path | None:
    recent = recent_files()
    return Path(recent[0]) if recent else None


def open_console(
    window: MainWindow, controller: WorkshopController, target: Path | None, *, demo: bool
) -> None:
    """After the first paint: build the rest of the console, then open the workshop."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        set_version(QApplication.instance())  # type: ignore[arg-type]
        load_fonts()  # fallback fonts (emoji, other scripts): the frame's words need none
        window.loading.show_stage(
            QCoreApplication.translate("LoadingPage", "Preparing the console…"), 0, 3
        )
        window.complete()
    finally:
        QGuiApplication.restoreOverrideCursor()
    if demo:
        window.welcome.open_demo()
    elif target is not None:
        loading = window.loading
        window.stack.setCurrentWidget(loading)
        loading.show_stage(QCoreApplication.translate("LoadingPage", "Checking the file…"), 1, 3)
        controller.open(
            target,
            progress=lambda: loading.show_stage(
                QCoreApplication.translate("LoadingPage", "Reading the workshop…"), 2, 3
            ),
        )
