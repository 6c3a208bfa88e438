"""What every step page shares: the controller, a title, and refresh on relevant changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.controller import WorkshopController
from workshop.session import Changes


class StepPage(QWidget):
    """A step of the workshop; refreshes when an operation touches one of its ``topics``."""

    step: str = ""
    topics: frozenset[str] = frozenset()

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)
        controller.changed.connect(self._on_changed)
        # Built after the workshop opened (pages are built lazily): refresh when first shown.
        self._stale = True

    def enlarge_heading(self, factor: float = 1.5) -> None:
        """A bold heading ``factor`` times the body text, for pages that open with prose."""
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * factor)
        font.setBold(True)
        self.heading.setFont(font)

    def _on_changed(self, changes: Changes) -> None:
        if self.controller.is_open and (changes.topics & self.topics or not changes.topics):
            if self.isVisible():
                self.refresh_for(changes)
            else:
                self._stale = True  # refreshed when shown: hidden pages cost nothing per vote

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt API)
        if getattr(self, "_stale", False) and self.controller.is_open:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Re-read the controller's snapshot and update the widgets."""

    def refresh_for(self, changes: Changes) -> None:
        """Update what ``changes`` touched; a page that can do less than ``refresh`` (one
        vote: one voter's card) says so here."""
        self.refresh()

    def retranslate(self) -> None:
        """Set every visible text again (language switched live)."""
