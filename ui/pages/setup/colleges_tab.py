"""The set-up tab « Collèges »: add, rename, recolour and remove the colleges."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs
from ui.controller import WorkshopController
from ui.models.participants import swatch
from workshop.operations import setup

# The tabs were one class, « SetupPage »: their texts keep that Linguist context, so the
# catalogues (resources/i18n) still apply. lupdate reads the context from each call.
translate = QCoreApplication.translate


COLLEGE_ID = Qt.ItemDataRole.UserRole


class CollegesTab(QWidget):
    """The stakeholder groups: their colour, and how many of each are registered and present."""

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        row = QHBoxLayout(self)
        left = QVBoxLayout()
        self.colleges_tree = QTreeWidget()
        self.colleges_tree.setColumnCount(3)
        self.colleges_tree.setRootIsDecorated(False)
        self.colleges_tree.setUniformRowHeights(True)
        self.colleges_tree.setIconSize(QSize(22, 22))  # taller rows: easier to click
        self.colleges_tree.setAllColumnsShowFocus(True)
        self.colleges_tree.itemDoubleClicked.connect(lambda *_: self.rename_college())
        self.colleges_tree.currentItemChanged.connect(lambda *_: self._update_college_buttons())
        header = self.colleges_tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_F2), self.rename_college),
            (QKeySequence(QKeySequence.StandardKey.Delete), self.remove_college),
        ):
            shortcut = QShortcut(keys, self.colleges_tree, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        left.addWidget(self.colleges_tree, 1)
        self.colleges_hint = QLabel()
        self.colleges_hint.setWordWrap(True)
        left.addWidget(self.colleges_hint)
        row.addLayout(left, 1)
        buttons = QVBoxLayout()
        self.add_college_button = QPushButton()
        self.rename_college_button = QPushButton()
        self.colour_college_button = QPushButton()
        self.remove_college_button = QPushButton()
        for button, slot in (
            (self.add_college_button, self.add_college),
            (self.rename_college_button, self.rename_college),
            (self.colour_college_button, self.change_college_colour),
            (self.remove_college_button, self.remove_college),
        ):
            button.clicked.connect(slot)
            button.setMinimumHeight(36)
            buttons.addWidget(button)
        buttons.addStretch(1)
        row.addLayout(buttons)

    def retranslate(self) -> None:
        self.colleges_tree.setHeaderLabels(
            [
                translate("SetupPage", "College"),
                translate("SetupPage", "Participants"),
                translate("SetupPage", "Present"),
            ]
        )
        self.colleges_hint.setText(
            translate(
                "SetupPage",
                "Each college keeps its colour on the matrix and in the results; its name is "
                "always shown next to the colour. A college with participants cannot be "
                "removed: move them to another college first.",
            )
        )
        self.add_college_button.setText(translate("SetupPage", "Add a college…"))
        self.rename_college_button.setText(translate("SetupPage", "Rename…"))
        self.colour_college_button.setText(translate("SetupPage", "Change the colour…"))
        self.remove_college_button.setText(translate("SetupPage", "Remove"))

    def load(self) -> None:
        """Fill the list from the snapshot, keeping the selected college."""
        snap = self.controller.snapshot
        current = self._current_college_id()
        self.colleges_tree.clear()
        for college in snap.colleges:
            members = [p for p in snap.participants if p.college_id == college.id]
            present = sum(p.present for p in members)
            item = QTreeWidgetItem([college.name, str(len(members)), str(present)])
            item.setIcon(0, swatch(college.colour, 22))
            item.setData(0, COLLEGE_ID, college.id)
            item.setToolTip(0, f"{college.name} ({college.colour})")
            for column in (1, 2):
                item.setTextAlignment(
                    column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            self.colleges_tree.addTopLevelItem(item)
            if college.id == current:
                self.colleges_tree.setCurrentItem(item)
        if self.colleges_tree.currentItem() is None and self.colleges_tree.topLevelItemCount():
            self.colleges_tree.setCurrentItem(self.colleges_tree.topLevelItem(0))
        self._update_college_buttons()

    def _update_college_buttons(self) -> None:
        selected = self.colleges_tree.currentItem() is not None
        for button in (
            self.rename_college_button,
            self.colour_college_button,
            self.remove_college_button,
        ):
            button.setEnabled(selected)

    def _current_college_id(self) -> int | None:
        item = self.colleges_tree.currentItem()
        return item.data(0, COLLEGE_ID) if item is not None else None

    def add_college(self) -> None:
        name = dialogs.ask_text(
            self,
            translate("SetupPage", "New college"),
            translate("SetupPage", "Name of the college:"),
        )
        if name is None:
            return
        changes = self.controller.run(setup.add_college, name)
        if changes is not None and changes.value is not None:
            self._select_college(int(changes.value))  # type: ignore[call-overload]

    def _select_college(self, college_id: int) -> None:
        for row in range(self.colleges_tree.topLevelItemCount()):
            item = self.colleges_tree.topLevelItem(row)
            if item.data(0, COLLEGE_ID) == college_id:
                self.colleges_tree.setCurrentItem(item)

    def rename_college(self) -> None:
        college = self.controller.snapshot.college(self._current_college_id())
        if college is None:
            return
        name = dialogs.ask_text(
            self,
            translate("SetupPage", "Rename the college"),
            translate("SetupPage", "New name:"),
            college.name,
        )
        if name is None or name.strip() == college.name:
            return
        self.controller.run(setup.update_college, college.id, name=name)

    def change_college_colour(self) -> None:
        college = self.controller.snapshot.college(self._current_college_id())
        if college is None:
            return
        title = translate("SetupPage", "Colour of the college %1").replace("%1", college.name)
        colour = dialogs.ask_colour(self, title, college.colour)
        if colour is None or colour.upper() == college.colour.upper():
            return
        self.controller.run(setup.update_college, college.id, colour=colour)

    def remove_college(self) -> None:
        college_id = self._current_college_id()
        if college_id is not None:
            self.controller.run(setup.remove_college, college_id)
