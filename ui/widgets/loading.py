"""What the console shows while it opens a workshop: its name, the stage, a progress bar.

Start-up paints the window at once with this page, then reads the file (seconds for a
very large workshop): the facilitator sees the app has started and what it is doing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget


class LoadingPage(QWidget):
    """« Opening atelier.charter… », the stage under way, and how far along it is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("loadingTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.stage = QLabel()
        self.stage.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setRange(0, 3)  # not « busy »: its animation would only cost the start
        self.bar.setMaximumWidth(480)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.stage)
        layout.addWidget(self.bar)
        layout.addStretch(2)
        layout.setContentsMargins(48, 24, 48, 24)
        self._name = ""
        self.stages: list[str] = []  # what was shown, in order (tests read it)

    def retranslate(self) -> None:
        if self._name:
            self.title.setText(
                QCoreApplication.translate("LoadingPage", "Opening {name}…").format(name=self._name)
            )
        else:
            self.title.setText(QCoreApplication.translate("LoadingPage", "Starting…"))

    def opening(self, name: str) -> None:
        """Name the workshop being opened."""
        self._name = name
        self.retranslate()

    def show_stage(self, text: str, done: int, total: int) -> None:
        """The stage under way (``done`` of ``total``), painted now: the caller then works
        without returning to the event loop."""
        self.stage.setText(text)
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.stages.append(text)
        if self.isVisible():
            self.repaint()
