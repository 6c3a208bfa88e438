"""Which screen is the projector, and telling when screens come and go (OpenLP's ScreenList).

Screen signals arrive in bursts when a cable is plugged or a resolution settles, so they are
debounced into one ``changed`` signal.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen

DEBOUNCE_MS = 350


class ScreenWatcher(QObject):
    """Watches screens being added, removed or resized; emits ``changed`` once per burst."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.changed)
        app = QGuiApplication.instance()
        app.screenAdded.connect(self.screen_added)
        app.screenRemoved.connect(self.screen_removed)
        app.primaryScreenChanged.connect(lambda _s: self._timer.start())
        for screen in QGuiApplication.screens():
            screen.geometryChanged.connect(lambda _g: self._timer.start())

    def screen_added(self, screen: QScreen) -> None:
        screen.geometryChanged.connect(lambda _g: self._timer.start())
        self._timer.start()

    def screen_removed(self, _screen: QScreen) -> None:
        self._timer.start()

    def flush(self) -> None:
        """Emit now if a change is pending (tests, and before closing)."""
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit()


def projector_screen(
    operator: QScreen | None,
    preferred_name: str | None = None,
    screens: list[QScreen] | None = None,
) -> QScreen | None:
    """The screen to project on: never the operator's; the saved one if it is back.

    None when there is only the operator's screen (the view then stays a preview).
    """
    screens = list(QGuiApplication.screens() if screens is None else screens)
    others = [s for s in screens if s is not operator]
    if not others:
        return None
    if preferred_name:
        for screen in others:
            if screen.name() == preferred_name:
                return screen
    return others[0]
