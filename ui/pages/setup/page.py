"""The set-up page: its three tabs, and which of them a change has to refresh."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTabWidget, QWidget

from ui import i18n
from ui.controller import WorkshopController
from ui.pages.base import StepPage
from ui.pages.setup.colleges_tab import CollegesTab
from ui.pages.setup.participants_tab import ParticipantsTab
from ui.pages.setup.workshop_tab import WorkshopTab
from workshop.model import STEPS, label
from workshop.session import AGENDA, ALL_TOPICS, COLLEGES, PARTICIPANTS, WORKSHOP, Changes


class SetupPage(StepPage):
    """The set-up step: details, agenda, colleges and participants."""

    step = "setup"
    topics = frozenset({WORKSHOP, AGENDA, COLLEGES, PARTICIPANTS})

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self._topics: frozenset[str] = ALL_TOPICS
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.6)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)

        self.workshop_tab = WorkshopTab(controller)
        self.colleges_tab = CollegesTab(controller)
        self.participants_tab = ParticipantsTab(controller)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.workshop_tab, "")
        self.tabs.addTab(self.colleges_tab, "")
        self.tabs.addTab(self.participants_tab, "")
        self.layout_.addWidget(self.tabs, 1)
        controller.opened.connect(self._on_opened)
        self.retranslate()

    # == texts ===========================================================================
    def retranslate(self) -> None:
        lang = i18n.current()
        self.heading.setText(label(STEPS[0], lang))
        self.tabs.setTabText(0, self.tr("&Workshop and agenda"))
        self.tabs.setTabText(1, self.tr("C&olleges"))
        self._retitle_participants_tab()
        self.workshop_tab.retranslate()
        self.colleges_tab.retranslate()
        self.participants_tab.retranslate()
        if self.controller.is_open:
            self.refresh()

    def _retitle_participants_tab(self) -> None:
        count = len(self.controller.snapshot.participants) if self.controller.is_open else 0
        self.tabs.setTabText(2, self.tr("&Participants (%1)").replace("%1", str(count)))

    # == refreshing ======================================================================
    def _on_changed(self, changes: Changes) -> None:
        self._topics = changes.topics or ALL_TOPICS
        try:
            super()._on_changed(changes)
        finally:
            self._topics = ALL_TOPICS

    def _on_opened(self) -> None:
        """Open on the attendance when people are registered, else on the details."""
        has_people = bool(self.controller.snapshot.participants)
        self.tabs.setCurrentIndex(2 if has_people else 0)

    def refresh(self) -> None:
        """Refresh only the tabs whose topics changed; no field commits while it runs."""
        if not self.controller.is_open:
            return
        self.workshop_tab.loading = True
        try:
            if self._topics & {WORKSHOP}:
                self.workshop_tab.load_workshop()
            if self._topics & {AGENDA, WORKSHOP}:  # the start time moves the planned times
                self.workshop_tab.load_agenda()
            if self._topics & {COLLEGES, PARTICIPANTS}:
                self.colleges_tab.load()
                self.participants_tab.load_college_choices()
                self.participants_tab.load_attendance()
                self._retitle_participants_tab()
        finally:
            self.workshop_tab.loading = False
