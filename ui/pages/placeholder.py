"""A step page not built yet: says so plainly rather than showing an empty screen."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ui.pages.base import StepPage


class PlaceholderPage(StepPage):
    def __init__(self, controller, step: str, parent=None) -> None:  # noqa: ANN001
        super().__init__(controller, parent)
        self.step = step
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.layout_.addWidget(self.note)
        self.layout_.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.note.setText(self.tr("This step is being built."))
