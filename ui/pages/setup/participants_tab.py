"""The set-up tab « Participants »: attendance, and adding people one by one or by list."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs, i18n
from ui.controller import WorkshopController
from ui.models.participants import CheckCellDelegate, CollegeDelegate, ParticipantsModel, swatch
from ui.pages.setup.fields import select_data
from ui.pages.setup.paste_dialog import RosterPreviewDialog
from workshop import roster
from workshop.errors import WorkshopError
from workshop.operations import roster as roster_ops
from workshop.operations import setup

# The tabs were one class, « SetupPage »: their texts keep that Linguist context, so the
# catalogues (resources/i18n) still apply. lupdate reads the context from each call.
translate = QCoreApplication.translate


class ParticipantsTable(QTableView):
    """The attendance table: Space toggles presence (or the box the cursor is on)."""

    WIDE = 820
    MEDIUM = 640

    def __init__(self, model: ParticipantsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.participants = model
        self.paste_requested: Callable[[], None] | None = None
        self.remove_requested: Callable[[], None] | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        """Space: arrival/departure; Ctrl+V: paste a list; Delete: remove (asks first)."""
        if self.state() != QAbstractItemView.State.EditingState:
            index = self.currentIndex()
            if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and index.isValid():
                if index.column() == ParticipantsModel.NAMED:
                    state = index.data(Qt.ItemDataRole.CheckStateRole)
                    new = (
                        Qt.CheckState.Unchecked
                        if state == Qt.CheckState.Checked
                        else Qt.CheckState.Checked
                    )
                    self.participants.setData(index, new, Qt.ItemDataRole.CheckStateRole)
                else:
                    self.participants.toggle_present(index.row())
                event.accept()
                return
            if event.matches(QKeySequence.StandardKey.Paste) and self.paste_requested:
                self.paste_requested()
                event.accept()
                return
            if event.key() == Qt.Key.Key_Delete and self.remove_requested and index.isValid():
                self.remove_requested()
                event.accept()
                return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:  # noqa: N802 (Qt API)
        """Typing letters finds a name, whichever column the cursor is in."""
        current = self.currentIndex()
        if current.isValid() and current.column() != ParticipantsModel.NAME:
            self.setCurrentIndex(current.siblingAtColumn(ParticipantsModel.NAME))
        super().keyboardSearch(search)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """Narrow (projection dock shown): hide the pseudonym, then the function columns.

        The name's tooltip still gives both.
        """
        width = event.size().width()
        self.setColumnHidden(ParticipantsModel.PSEUDONYM, width < self.WIDE)
        self.setColumnHidden(ParticipantsModel.FUNCTION, width < self.MEDIUM)
        super().resizeEvent(event)


class ParticipantsTab(QWidget):
    """Who is registered and who is in the room: the entry row, the list tools, the table."""

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QVBoxLayout(self)

        add_row = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_function = QLineEdit()
        self.new_college = QComboBox()
        self.new_college.setMinimumContentsLength(14)
        self.add_button = QPushButton()
        self.new_name.returnPressed.connect(self.add_participant)
        self.new_function.returnPressed.connect(self.add_participant)
        self.add_button.clicked.connect(self.add_participant)
        add_row.addWidget(self.new_name, 3)
        add_row.addWidget(self.new_function, 2)
        add_row.addWidget(self.new_college, 2)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)

        tools = QHBoxLayout()
        self.paste_button = QPushButton()
        self.import_button = QPushButton()
        self.remove_button = QPushButton()
        self.erase_button = QPushButton()
        self.paste_button.clicked.connect(self.paste_list)
        self.import_button.clicked.connect(self.import_csv)
        self.remove_button.clicked.connect(self.remove_participant)
        self.erase_button.clicked.connect(self.erase_participant)
        buttons = (self.paste_button, self.import_button, self.remove_button, self.erase_button)
        for button in buttons:
            tools.addWidget(button)
        tools.addStretch(1)
        self.attendance = QLabel()
        attendance_font = QFont(self.attendance.font())
        attendance_font.setBold(True)
        self.attendance.setFont(attendance_font)
        tools.addWidget(self.attendance)
        layout.addLayout(tools)

        self.participants = ParticipantsModel(self.controller, self)
        self.table = ParticipantsTable(self.participants)
        self.table.paste_requested = self.paste_list
        self.table.remove_requested = self.remove_participant
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 14)
        self.check_delegate = CheckCellDelegate(self.table)
        self.college_delegate = CollegeDelegate(self.participants, self.table)
        self.table.setItemDelegateForColumn(ParticipantsModel.PRESENT, self.check_delegate)
        self.table.setItemDelegateForColumn(ParticipantsModel.NAMED, self.check_delegate)
        self.table.setItemDelegateForColumn(ParticipantsModel.COLLEGE, self.college_delegate)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(ParticipantsModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ParticipantsModel.FUNCTION, QHeaderView.ResizeMode.Stretch)
        for column in (
            ParticipantsModel.COLLEGE,
            ParticipantsModel.PRESENT,
            ParticipantsModel.NAMED,
            ParticipantsModel.PSEUDONYM,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.participants.modelAboutToBeReset.connect(self._remember_current)
        self.participants.modelReset.connect(self._restore_current)
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_participant_buttons()
        )
        layout.addWidget(self.table, 1)
        self.table_hint = QLabel()
        self.table_hint.setWordWrap(True)
        layout.addWidget(self.table_hint)
        self._current_participant: tuple[int, int] | None = None

    def retranslate(self) -> None:
        self.new_name.setPlaceholderText(translate("SetupPage", "Name"))
        self.new_name.setAccessibleName(translate("SetupPage", "Name of a new participant"))
        self.new_function.setPlaceholderText(translate("SetupPage", "Function"))
        self.new_function.setAccessibleName(
            translate("SetupPage", "Function of the new participant")
        )
        self.new_college.setAccessibleName(translate("SetupPage", "College of the new participant"))
        self.add_button.setText(translate("SetupPage", "Add"))
        self.add_button.setToolTip(
            translate("SetupPage", "Add this participant (Return in the name field)")
        )
        self.paste_button.setText(translate("SetupPage", "Paste a list"))
        self.paste_button.setToolTip(
            translate(
                "SetupPage",
                "Copy the cells in the spreadsheet (name, function, college), then click "
                "here or press Ctrl+V in the table.",
            )
        )
        self.import_button.setText(translate("SetupPage", "Import a CSV file…"))
        self.remove_button.setText(translate("SetupPage", "Remove…"))
        self.erase_button.setText(translate("SetupPage", "Erase personal data…"))
        self.erase_button.setToolTip(
            translate(
                "SetupPage",
                "GDPR right to erasure: the person's name, function and pseudonym are erased "
                "from the workshop file and its backups for good; their votes and "
                "reservations stay, unattributed. Cannot be undone.",
            )
        )
        self.table.setAccessibleName(translate("SetupPage", "Participants"))
        self._set_table_hint(self.participants.rowCount() > 0)
        self.participants.retranslate()

    def _set_table_hint(self, has_people: bool) -> None:
        if has_people:
            self.table_hint.setText(
                translate(
                    "SetupPage",
                    "Arrivals and departures: click the Present box, or select a row and "
                    "press Space. Type the first letters of a name to go to it.",
                )
            )
        else:
            self.table_hint.setText(
                translate(
                    "SetupPage",
                    "Nobody is registered yet: type a name above, paste a list copied from a "
                    "spreadsheet (name, function, college), or import a CSV file.",
                )
            )

    def load_college_choices(self) -> None:
        """The colleges offered for a new participant, keeping the one chosen."""
        snap = self.controller.snapshot
        chosen = self.new_college.currentData()
        self.new_college.clear()
        for college in snap.colleges:
            self.new_college.addItem(swatch(college.colour), college.name, college.id)
        select_data(self.new_college, chosen)

    def load_attendance(self) -> None:
        people = self.controller.snapshot.participants
        present = sum(p.present for p in people)
        self.attendance.setText(
            translate("SetupPage", "%1 present out of %2")
            .replace("%1", str(present))
            .replace("%2", str(len(people)))
        )
        self.attendance.setVisible(bool(people))
        self._set_table_hint(bool(people))
        self._update_participant_buttons()

    def _update_participant_buttons(self) -> None:
        self.remove_button.setEnabled(self.table.currentIndex().isValid())
        self.erase_button.setEnabled(self.table.currentIndex().isValid())
        has_colleges = self.new_college.count() > 0
        self.add_button.setEnabled(has_colleges)

    def _remember_current(self) -> None:
        index = self.table.currentIndex()
        p = self.participants.participant(index.row()) if index.isValid() else None
        self._current_participant = (p.id, index.column()) if p else None

    def _restore_current(self) -> None:
        if self._current_participant is None:
            return
        participant_id, column = self._current_participant
        row = self.participants.row_of(participant_id)
        if row is not None:
            self.table.setCurrentIndex(self.participants.index(row, column))

    def add_participant(self) -> None:
        """Add the person typed in the entry row; the row is cleared for the next one."""
        college_id = self.new_college.currentData()
        if college_id is None:
            dialogs.show_error(self, translate("SetupPage", "Add a college first."))
            return
        changes = self.controller.run(
            setup.add_participant, self.new_name.text(), college_id, self.new_function.text()
        )
        if changes is None:
            return
        self.new_name.clear()
        self.new_function.clear()
        self.new_name.setFocus()
        row = self.participants.row_of(int(changes.value))  # type: ignore[call-overload]
        if row is not None:
            self.table.scrollTo(self.participants.index(row, 0))

    def remove_participant(self) -> None:
        """Remove the selected person (asks first; someone on a voter list is refused)."""
        index = self.table.currentIndex()
        p = self.participants.participant(index.row()) if index.isValid() else None
        if p is None:
            return
        question = translate("SetupPage", "Remove %1 from the participants?").replace("%1", p.name)
        if not dialogs.confirm(self, question):
            return
        self.controller.run(setup.remove_participant, p.id)

    def erase_participant(self) -> None:
        """Erase the selected person's personal data for good (GDPR art. 17), after asking.

        The domain does the erasure (file, journal, migration backups); the console says
        what was reached and that copies made by hand must be deleted by hand.
        """
        index = self.table.currentIndex()
        p = self.participants.participant(index.row()) if index.isValid() else None
        if p is None:
            return
        question = translate(
            "SetupPage",
            "Erase the personal data of %1 for good? Their name, function and pseudonym "
            "disappear from this workshop and its backups; their votes and reservations "
            "stay, unattributed. This cannot be undone.",
        ).replace("%1", p.name)
        if not dialogs.confirm(self, question):
            return
        changes = self.controller.run(setup.forget_participant, p.id)
        if changes is not None and hasattr(changes.value, "message"):
            dialogs.show_info(self, changes.value.message(i18n.current()))

    def paste_list(self) -> None:
        """Add the cells copied from a spreadsheet (name, function, college per line)."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            dialogs.show_info(
                self,
                translate(
                    "SetupPage",
                    "The clipboard holds no text: copy the cells in the spreadsheet first "
                    "(name, function, college).",
                ),
            )
            return
        self.add_rows(roster.parse_rows(text))

    def import_csv(self) -> None:
        """Add the participants listed in a CSV file."""
        path = dialogs.ask_open_path(
            self,
            translate("SetupPage", "Import a list of participants"),
            translate("SetupPage", "CSV files (*.csv *.txt);;All files (*)"),
        )
        if not path:
            return
        try:
            rows = roster.read_csv(path)
        except WorkshopError as error:
            dialogs.show_error(self, str(error))
            return
        self.add_rows(rows)

    def add_rows(self, rows: Sequence[roster.RosterRow | roster.RosterError]) -> None:
        """Preview a list, then add what the facilitator accepted, in one undoable change."""
        if not self.controller.is_open:
            return
        if not rows:
            dialogs.show_info(self, translate("SetupPage", "There is nobody to add in this list."))
            return
        dialog = RosterPreviewDialog(self.controller, rows, self)
        try:
            if not dialogs.exec_roster_preview(dialog):
                return
            accepted = dialog.rows_to_add()
            create, default = dialog.create_colleges, dialog.default_college_id
            mapping = dialog.college_map
        finally:
            dialog.deleteLater()
        if accepted:
            self.controller.run(
                roster_ops.add_participants,
                accepted,
                create_colleges=create,
                default_college_id=default,
                college_map=mapping,
            )

    def current_participant_index(self) -> QModelIndex:
        return self.table.currentIndex()
