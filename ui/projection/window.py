"""The participants' window on the projector: frameless, on top, full screen on its screen.

Modes, as on a presentation clicker: live, blanked to black or white, or frozen (the image
on screen stays while the facilitator prepares the next; results looked at meanwhile on
the console never reach the room).
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter, QRegion, QScreen
from PySide6.QtWidgets import QWidget

from ui.projection.canvas import SlideCanvas, render
from ui.projection.slides import Slide

LIVE, BLACK, WHITE, FROZEN = "live", "black", "white", "frozen"


class ProjectedWindow(QWidget):
    """Shows the canvas, or a blank, or a frozen image of what was shown."""

    key_pressed = Signal(QKeyEvent)

    def __init__(self) -> None:
        super().__init__(None)
        self.setWindowTitle("Atelier Charte — vue projetée")
        self.canvas = SlideCanvas()
        self.mode = LIVE
        self._frozen: QImage | None = None
        self.painted: deque[QRegion] = deque(maxlen=32)  # the areas the last paints covered
        self.setCursor(Qt.CursorShape.BlankCursor)

    def set_frameless(self, frameless: bool) -> None:
        """Frameless and on top on a projector; a normal, movable window as a preview."""
        flags = Qt.WindowType.Window
        if frameless:
            flags |= (
                Qt.WindowType.FramelessWindowHint
                | Qt.WindowType.WindowStaysOnTopHint
                | Qt.WindowType.Tool
            )
        self.setWindowFlags(flags)  # recreates the native window: set the screen afterwards

    def show_on(self, screen: QScreen) -> None:
        """Full screen on ``screen`` (geometry first, then full screen: Qt needs that order)."""
        self.set_frameless(True)
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def show_as_window(self) -> None:
        """One screen only: a window the facilitator can drag to a projector later."""
        self.set_frameless(False)
        self.resize(960, 540)
        self.showNormal()

    def show_slide(self, slide: Slide) -> None:
        """Show ``slide``, repainting only what changed from the one on screen (a vote:
        one voter's mark and the count line); Qt merges repaints asked within a frame."""
        area = None
        if self.mode == LIVE:
            area = self.canvas.changed_area(self.canvas.slide, slide, self.width(), self.height())
        self.canvas.set_slide(slide)
        if area is None:
            self.update()
        elif not area.isEmpty():
            self.update(area)

    def set_mode(self, mode: str) -> None:
        if mode == FROZEN and self.mode != FROZEN:
            self._frozen = self.image(self.width() or 1280, self.height() or 720)
        if mode != FROZEN:
            self._frozen = None
        self.mode = mode
        self.update()

    def image(self, width: int, height: int) -> QImage:
        """What this window would show at that size (previews, screenshots, tests)."""
        if self.mode == FROZEN and self._frozen is not None:
            return self._frozen.scaled(width, height)
        if self.mode in (BLACK, WHITE):
            image = QImage(width, height, QImage.Format.Format_RGB32)
            image.fill(QColor("black" if self.mode == BLACK else "white"))
            return image
        return render(self.canvas, width, height)

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt API)
        p = QPainter(self)
        if self.mode == LIVE:
            part = event.region()
            whole = QRegion(self.rect()).subtracted(part).isEmpty()
            self.canvas.paint(p, self.width(), self.height(), None if whole else part)
            self.painted.append(part)
        else:
            p.drawImage(self.rect(), self.image(self.width(), self.height()))
        p.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        self.key_pressed.emit(event)
