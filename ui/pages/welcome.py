"""The page shown when no workshop is open: start a new one, open one, or the demo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui import dialogs, i18n
from ui.controller import WorkshopController
from workshop.errors import WorkshopError


class WelcomePage(QWidget):
    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel()
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(24)
        self.new_button = QPushButton()
        self.open_button = QPushButton()
        self.demo_button = QPushButton()
        for button, slot in (
            (self.new_button, self.new_workshop),
            (self.open_button, self.open_workshop),
            (self.demo_button, self.open_demo),
        ):
            button.setMinimumHeight(48)
            button.setMinimumWidth(320)
            button.clicked.connect(slot)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Charter Workshop"))
        self.subtitle.setText(
            self.tr("Write your social media charter together, step by step, offline.")
        )
        self.new_button.setText(self.tr("New workshop"))
        self.open_button.setText(self.tr("Open…"))
        self.demo_button.setText(self.tr("Demonstration workshop"))

    def new_workshop(self) -> None:
        answer = dialogs.ask_new_workshop(self)
        if answer is None:
            return
        path, title, organisation, lang = answer
        from workshop.operations import setup

        try:
            session = setup.create(path, title, organisation, lang)
        except WorkshopError as error:
            dialogs.show_error(self, str(error))
            return
        self.controller.adopt(session)

    def open_workshop(self) -> None:
        path = dialogs.ask_open_path(self, self.tr("Open a workshop"))
        if path:
            self.controller.open(path)

    def open_demo(self) -> None:
        """Open the demonstration workshop, creating it in the data folder the first time."""
        from workshop import demo
        from workshop.paths import demo_path

        path = demo_path(i18n.current())
        if path.exists():
            self.controller.open(path)
            return
        try:
            session = demo.build(path, i18n.current())
        except WorkshopError as error:
            dialogs.show_error(self, str(error))
            return
        self.controller.adopt(session)

    def import_bundle(self) -> None:
        source = dialogs.ask_open_path(self, self.tr("Import a bundle"), "JSON (*.json)")
        if not source:
            return
        target = dialogs.ask_save_path(self, self.tr("New workshop file"), "import.charter")
        if not target:
            return
        from workshop import bundle

        try:
            session = bundle.import_bundle(source, target)
        except WorkshopError as error:
            dialogs.show_error(self, str(error))
            return
        self.controller.adopt(session)
