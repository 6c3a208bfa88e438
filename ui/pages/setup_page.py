"""« Préparation »: the workshop's details and agenda, its colleges, and who is in the room.

Three tabs, because a 1280×720 projector cannot show it all legibly at once:

* **Workshop**: the details of the workshop and of the charter, the default ballot
  settings and the agenda. Text fields are committed when editing ends (Return or leaving
  the field), not on every key, so the undo history holds one entry per field changed.
* **Colleges**: the stakeholder groups, with their colour and how many are present.
* **Participants**: the attendance table, used all day: a click or Space marks an arrival
  or a departure; a list can be pasted from a spreadsheet or imported from a CSV file.

Nothing here writes to the workshop itself: every change is ``controller.run(operation)``
and the widgets are refreshed from the ``changed`` signal. A refused value shows the
domain's message (through the controller) and the field goes back to the stored value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, QEvent, QLocale, QModelIndex, QObject, QSize, Qt, QTimer
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs, i18n
from ui.controller import WorkshopController
from ui.models.participants import (
    CheckCellDelegate,
    CollegeDelegate,
    ParticipantsModel,
    swatch,
)
from ui.pages.base import StepPage
from ui.widgets.responsive import TwoColumns
from workshop import roster
from workshop.errors import WorkshopError
from workshop.model import STEPS, CaptureMode, CharterStatus, Method, SizeBand, label
from workshop.operations import roster as roster_ops
from workshop.operations import setup
from workshop.session import AGENDA, ALL_TOPICS, COLLEGES, PARTICIPANTS, WORKSHOP, Changes

#: The date shown as « not set » (QDateEdit cannot be empty).
NO_DATE = QDate(2000, 1, 1)
COLLEGE_ID = Qt.ItemDataRole.UserRole
LANGUAGES = (("fr", "Français"), ("en", "English"))


def _set_text(edit: QLineEdit, value: str) -> None:
    """Show the stored value, unless the facilitator is typing in this very field."""
    if edit.hasFocus() and edit.isModified():
        return
    if edit.text() != value:
        edit.setText(value)
        edit.setCursorPosition(0)
    edit.setModified(False)


def _select_data(combo: QComboBox, value: object) -> None:
    position = combo.findData(value)
    if position >= 0:
        combo.setCurrentIndex(position)


def _minutes_text(minutes: int, lang: str) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d}" if lang == "fr" else f"{hours} h {rest:02d} min"


class DateField(QDateEdit):
    """A date that may be « not set » (shown at NO_DATE) yet opens on today, not on 2000."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setDate(NO_DATE)
        self.calendarWidget().installEventFilter(self)

    def is_set(self) -> bool:
        return self.date() != NO_DATE

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt API)
        """Up or Down on « not set » starts from today."""
        if not self.is_set():
            self.setDate(QDate.currentDate())
            return
        super().stepBy(steps)

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802 (Qt API)
        if not self.is_set():
            return QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        return super().stepEnabled()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Show and not self.is_set():
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)


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


class RosterPreviewDialog(QDialog):
    """What a pasted or imported list will add, and which lines are refused and why.

    It only reads (``roster_ops.plan``); the page runs the operation once it is accepted.
    """

    def __init__(
        self,
        controller: WorkshopController,
        rows: Sequence[roster.RosterRow | roster.RosterError],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.rows = list(rows)
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.accepted_table = QTableWidget(0, 4)
        self.refused_label = QLabel()
        self.refused_table = QTableWidget(0, 3)
        for table in (self.accepted_table, self.refused_table):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.verticalHeader().setVisible(False)
            header = table.horizontalHeader()
            for column in range(table.columnCount() - 1):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(table.columnCount() - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.accepted_table, 3)
        layout.addWidget(self.refused_label)
        layout.addWidget(self.refused_table, 2)
        options = QFormLayout()
        self.create_box = QCheckBox()
        self.default_label = QLabel()
        self.default_combo = QComboBox()
        options.addRow(self.create_box)
        options.addRow(self.default_label, self.default_combo)
        layout.addLayout(options)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.default_combo.addItem("", None)
        for college in controller.snapshot.colleges:
            self.default_combo.addItem(swatch(college.colour), college.name, college.id)
        self.create_box.toggled.connect(self.update_plan)
        self.default_combo.currentIndexChanged.connect(self.update_plan)
        self.plan = roster_ops.RosterPlan((), (), ())
        self.retranslate()
        self.update_plan()

    @property
    def create_colleges(self) -> bool:
        return self.create_box.isChecked()

    @property
    def default_college_id(self) -> int | None:
        return self.default_combo.currentData()

    def rows_to_add(self) -> list[roster.RosterRow]:
        return [planned.row for planned in self.plan.accepted]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add a list of participants"))
        self.accepted_table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Name"), self.tr("Function"), self.tr("College")]
        )
        self.refused_table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Content"), self.tr("Reason")]
        )
        self.refused_label.setText(self.tr("Lines that will not be added:"))
        self.create_box.setText(self.tr("Create the colleges that do not exist yet"))
        self.default_label.setText(self.tr("College for lines without one:"))
        self.default_combo.setItemText(0, self.tr("none: refuse these lines"))

    def update_plan(self) -> None:
        """Recompute the preview after an option changed."""
        self.plan = roster_ops.plan(
            self.controller.session.conn,
            self.rows,
            create_colleges=self.create_colleges,
            default_college_id=self.default_college_id,
        )
        accepted, refused = self.plan.accepted, self.plan.refused
        self.accepted_table.setRowCount(len(accepted))
        for row, planned in enumerate(accepted):
            college = (
                self.tr("%1 (new college)").replace("%1", planned.college_name)
                if planned.new_college
                else planned.college_name
            )
            for column, value in enumerate(
                (str(planned.row.line), planned.row.name, planned.row.function, college)
            ):
                self.accepted_table.setItem(row, column, QTableWidgetItem(value))
        self.refused_table.setRowCount(len(refused))
        for row, refusal in enumerate(refused):
            content = " · ".join(c.strip() for c in refusal.text.split("\t") if c.strip())
            for column, value in enumerate(
                (str(refusal.line), content, refusal.message(i18n.current()))
            ):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.refused_table.setItem(row, column, item)
        self.refused_label.setVisible(bool(refused))
        self.refused_table.setVisible(bool(refused))
        n = len(accepted)
        lines = [self.tr("Participants to add: %1.").replace("%1", str(n))]
        if refused:
            lines.append(
                self.tr("Lines not added: %1 (the reasons are below).").replace(
                    "%1", str(len(refused))
                )
            )
        if self.plan.new_colleges:
            lines.append(
                self.tr("New colleges: %1.").replace("%1", ", ".join(self.plan.new_colleges))
            )
        self.summary.setText(" ".join(lines))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Add these participants (%1)").replace("%1", str(n)))
        ok.setEnabled(n > 0)


class SetupPage(StepPage):
    """The set-up step: details, agenda, colleges and participants."""

    step = "setup"
    topics = frozenset({WORKSHOP, AGENDA, COLLEGES, PARTICIPANTS})

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self._loading = False
        self._topics: frozenset[str] = ALL_TOPICS
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.6)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_workshop_tab(), "")
        self.tabs.addTab(self._build_colleges_tab(), "")
        self.tabs.addTab(self._build_participants_tab(), "")
        self.layout_.addWidget(self.tabs, 1)
        controller.opened.connect(self._on_opened)
        self.retranslate()

    # == building ========================================================================
    def _build_workshop_tab(self) -> QWidget:
        self.details_box = QGroupBox()
        form = QFormLayout(self.details_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.text_fields: dict[str, QLineEdit] = {}
        self.field_labels: dict[str, QLabel] = {}

        def text_field(name: str) -> QLineEdit:
            edit = QLineEdit()
            edit.editingFinished.connect(lambda n=name: self._commit_text(n))
            self.text_fields[name] = edit
            self.field_labels[name] = QLabel()
            form.addRow(self.field_labels[name], edit)
            return edit

        def combo_field(name: str, commit: Callable[[], None]) -> QComboBox:
            combo = QComboBox()
            combo.activated.connect(lambda _=0: commit())
            self.field_labels[name] = QLabel()
            form.addRow(self.field_labels[name], combo)
            return combo

        text_field("title")
        text_field("organisation")
        text_field("sector")
        self.size_combo = combo_field(
            "size_band", lambda: self._commit(size_band=self.size_combo.currentData())
        )
        self.date_edit = DateField()
        self.date_edit.editingFinished.connect(self._commit_date)
        # a day picked in the calendar is committed at once (after the edit takes it)
        self.date_edit.calendarWidget().clicked.connect(
            lambda *_: QTimer.singleShot(0, self._commit_date)
        )
        self.field_labels["date"] = QLabel()
        form.addRow(self.field_labels["date"], self.date_edit)
        text_field("place")
        text_field("facilitator")
        self.lang_combo = combo_field(
            "lang", lambda: self._commit(lang=self.lang_combo.currentData())
        )
        for code, name in LANGUAGES:
            self.lang_combo.addItem(name, code)
        self.status_combo = combo_field(
            "charter_status",
            lambda: self._commit(charter_status=self.status_combo.currentData()),
        )
        self.status_help = QLabel()
        self.status_help.setWordWrap(True)
        form.addRow("", self.status_help)

        self.ballot_box = QGroupBox()
        ballot = QFormLayout(self.ballot_box)
        ballot.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.method_combo = QComboBox()
        self.method_combo.activated.connect(lambda _=0: self._commit_method())
        self.capture_combo = QComboBox()
        self.capture_combo.activated.connect(lambda _=0: self._commit_capture())
        self.abstentions_box = QCheckBox()
        self.abstentions_box.clicked.connect(
            lambda checked: self._commit(ballot_abstentions_count=bool(checked))
        )
        self.dm_combo = QComboBox()
        self.dm_combo.addItems(["", "", ""])
        self.dm_combo.activated.connect(lambda _=0: self._commit_double_majority())
        self.dm_spin = QSpinBox()
        self.dm_spin.setRange(1, 99)
        self.dm_spin.editingFinished.connect(self._commit_double_majority)
        dm_row = QHBoxLayout()
        dm_row.addWidget(self.dm_combo, 1)
        dm_row.addWidget(self.dm_spin)
        self.quorum_spin = QSpinBox()
        self.quorum_spin.setRange(0, 999)
        self.quorum_spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.quorum_spin.editingFinished.connect(self._commit_quorum)
        self.ballot_labels = [QLabel() for _ in range(5)]
        for text_label, field in zip(
            self.ballot_labels,
            (self.method_combo, self.capture_combo, self.abstentions_box, dm_row, self.quorum_spin),
            strict=True,
        ):
            ballot.addRow(text_label, field)
        self.ballot_labels[3].setBuddy(self.dm_combo)

        self.agenda_box = QGroupBox()
        grid = QGridLayout(self.agenda_box)
        self.agenda_labels: dict[str, QLabel] = {}
        self.agenda_spins: dict[str, QSpinBox] = {}
        for row, step in enumerate(STEPS):
            name = QLabel()
            spin = QSpinBox()
            spin.setRange(0, 600)
            spin.setSingleStep(5)
            spin.setSuffix(" min")
            spin.editingFinished.connect(lambda s=step.value: self._commit_minutes(s))
            name.setBuddy(spin)
            grid.addWidget(name, row, 0)
            grid.addWidget(spin, row, 1)
            self.agenda_labels[step.value] = name
            self.agenda_spins[step.value] = spin
        self.agenda_total = QLabel()
        grid.addWidget(self.agenda_total, len(STEPS), 0, 1, 2)
        grid.setColumnStretch(0, 1)

        body = TwoColumns(self.details_box, [self.ballot_box, self.agenda_box])
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        return scroll

    def _build_colleges_tab(self) -> QWidget:
        tab = QWidget()
        row = QHBoxLayout(tab)
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
        return tab

    def _build_participants_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)

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
        self.paste_button.clicked.connect(self.paste_list)
        self.import_button.clicked.connect(self.import_csv)
        self.remove_button.clicked.connect(self.remove_participant)
        for button in (self.paste_button, self.import_button, self.remove_button):
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
        return tab

    # == texts ===========================================================================
    def retranslate(self) -> None:
        lang = i18n.current()
        self.heading.setText(label(STEPS[0], lang))
        self.tabs.setTabText(0, self.tr("&Workshop and agenda"))
        self.tabs.setTabText(1, self.tr("C&olleges"))
        self._retitle_participants_tab()

        self.details_box.setTitle(self.tr("Workshop"))
        for name, text in (
            ("title", self.tr("Title")),
            ("organisation", self.tr("Organisation")),
            ("sector", self.tr("Sector")),
            ("size_band", self.tr("Size")),
            ("date", self.tr("Date")),
            ("place", self.tr("Place")),
            ("facilitator", self.tr("Facilitator")),
            ("lang", self.tr("Language of the charter")),
            ("charter_status", self.tr("Intended status of the charter")),
        ):
            self.field_labels[name].setText(text)
        self.text_fields["sector"].setPlaceholderText(self.tr("e.g. mutual insurance, retail"))
        self._fill_combo(
            self.size_combo,
            [(None, self.tr("not given"))] + [(b.value, label(b, lang)) for b in SizeBand],
        )
        self._fill_combo(self.status_combo, [(s.value, label(s, lang)) for s in CharterStatus])
        self.date_edit.setSpecialValueText(self.tr("not set"))
        if lang == "fr":
            self.date_edit.setLocale(QLocale(QLocale.Language.French, QLocale.Country.France))
            self.date_edit.setDisplayFormat("dddd d MMMM yyyy")
        else:
            self.date_edit.setLocale(
                QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
            )
            self.date_edit.setDisplayFormat("dddd d MMMM yyyy")

        self.ballot_box.setTitle(self.tr("Default ballot settings"))
        for text_label, text in zip(
            self.ballot_labels,
            (
                self.tr("Decision method"),
                self.tr("How votes are taken"),
                self.tr("Abstentions"),
                self.tr("Double majority"),
                self.tr("Quorum"),
            ),
            strict=True,
        ):
            text_label.setText(text)
        self._fill_combo(self.method_combo, [(m.value, label(m, lang)) for m in Method])
        self._fill_combo(self.capture_combo, [(c.value, label(c, lang)) for c in CaptureMode])
        self.abstentions_box.setText(self.tr("count abstentions in the base"))
        self.dm_combo.setItemText(0, self.tr("off"))
        self.dm_combo.setItemText(1, self.tr("in every college"))
        self.dm_combo.setItemText(2, self.tr("in at least this many colleges:"))
        self.dm_spin.setAccessibleName(self.tr("Number of colleges"))
        self.quorum_spin.setSpecialValueText(self.tr("none"))
        self.quorum_spin.setSuffix(self.tr(" participants"))
        self.quorum_spin.setToolTip(
            self.tr("Below this number of people taking part, the ballot is postponed.")
        )

        self.agenda_box.setTitle(self.tr("Agenda (planned minutes)"))
        for step in STEPS:
            self.agenda_labels[step.value].setText(f"{STEPS.index(step) + 1}. {label(step, lang)}")

        self.colleges_tree.setHeaderLabels(
            [self.tr("College"), self.tr("Participants"), self.tr("Present")]
        )
        self.colleges_hint.setText(
            self.tr(
                "Each college keeps its colour on the matrix and in the results; its name is "
                "always shown next to the colour. A college with participants cannot be "
                "removed: move them to another college first."
            )
        )
        self.add_college_button.setText(self.tr("Add a college…"))
        self.rename_college_button.setText(self.tr("Rename…"))
        self.colour_college_button.setText(self.tr("Change the colour…"))
        self.remove_college_button.setText(self.tr("Remove"))

        self.new_name.setPlaceholderText(self.tr("Name"))
        self.new_name.setAccessibleName(self.tr("Name of a new participant"))
        self.new_function.setPlaceholderText(self.tr("Function"))
        self.new_function.setAccessibleName(self.tr("Function of the new participant"))
        self.new_college.setAccessibleName(self.tr("College of the new participant"))
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add this participant (Return in the name field)"))
        self.paste_button.setText(self.tr("Paste a list"))
        self.paste_button.setToolTip(
            self.tr(
                "Copy the cells in the spreadsheet (name, function, college), then click "
                "here or press Ctrl+V in the table."
            )
        )
        self.import_button.setText(self.tr("Import a CSV file…"))
        self.remove_button.setText(self.tr("Remove…"))
        self.table.setAccessibleName(self.tr("Participants"))
        self._set_table_hint(self.participants.rowCount() > 0)
        self.participants.retranslate()
        if self.controller.is_open:
            self.refresh()

    def _set_table_hint(self, has_people: bool) -> None:
        if has_people:
            self.table_hint.setText(
                self.tr(
                    "Arrivals and departures: click the Present box, or select a row and "
                    "press Space. Type the first letters of a name to go to it."
                )
            )
        else:
            self.table_hint.setText(
                self.tr(
                    "Nobody is registered yet: type a name above, paste a list copied from a "
                    "spreadsheet (name, function, college), or import a CSV file."
                )
            )

    def _retitle_participants_tab(self) -> None:
        count = len(self.controller.snapshot.participants) if self.controller.is_open else 0
        self.tabs.setTabText(2, self.tr("&Participants (%1)").replace("%1", str(count)))

    def _fill_combo(self, combo: QComboBox, items: list[tuple[object, str]]) -> None:
        """Set a combo's items again (language switch), keeping what is selected."""
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        _select_data(combo, current)
        combo.blockSignals(False)

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
        if not self.controller.is_open:
            return
        self._loading = True
        try:
            if self._topics & {WORKSHOP}:
                self._load_workshop()
            if self._topics & {AGENDA}:
                self._load_agenda()
            if self._topics & {COLLEGES, PARTICIPANTS}:
                self._load_colleges()
                self._load_attendance()
        finally:
            self._loading = False

    def _load_workshop(self) -> None:
        info = self.controller.snapshot.workshop
        for name, edit in self.text_fields.items():
            _set_text(edit, getattr(info, name) or "")
        _select_data(self.size_combo, info.size_band)
        if info.date:
            self.date_edit.setDate(QDate.fromString(info.date, Qt.DateFormat.ISODate))
        else:
            self.date_edit.setDate(NO_DATE)
        _select_data(self.lang_combo, info.lang)
        _select_data(self.status_combo, info.charter_status)
        self.status_help.setText(self._status_explanation(info.charter_status))
        _select_data(self.method_combo, info.ballot_method)
        _select_data(self.capture_combo, info.ballot_capture)
        consent = info.ballot_method == Method.CONSENT.value
        self.abstentions_box.setChecked(info.ballot_abstentions_count)
        self.abstentions_box.setEnabled(not consent)
        dm = info.ballot_double_majority
        self.dm_combo.setCurrentIndex(0 if dm is None else 1 if dm == 0 else 2)
        secret = info.ballot_capture == CaptureMode.SECRET.value
        self.dm_combo.setEnabled(not consent and not secret)
        self.dm_spin.setEnabled(not consent and not secret and dm is not None and dm > 0)
        if consent or secret:
            self.dm_combo.setToolTip(
                self.tr(
                    "Not available with consent (one objection already postpones) nor with "
                    "a secret ballot (only totals are kept)."
                )
            )
        else:
            self.dm_combo.setToolTip(
                self.tr("A clause must also win in the colleges, so that no group is outvoted.")
            )
        if dm:
            self.dm_spin.setValue(dm)
        self.quorum_spin.setValue(info.ballot_quorum or 0)

    def _status_explanation(self, status: str) -> str:
        if status == CharterStatus.ANNEX_RI.value:
            return self.tr(
                "Binding, with sanctions: the CSE must be consulted and the charter filed "
                "before it applies (Code du travail, L1321-4)."
            )
        return self.tr(
            "Explains and recommends; no sanction, so no formal consultation is required."
        )

    def _load_agenda(self) -> None:
        total = 0
        for item in self.controller.snapshot.agenda:
            spin = self.agenda_spins.get(item.step)
            if spin is None:
                continue
            total += item.planned_minutes
            if not spin.hasFocus():
                spin.setValue(item.planned_minutes)
        self.agenda_total.setText(
            self.tr("Total planned: %1").replace("%1", _minutes_text(total, i18n.current()))
        )

    def _load_colleges(self) -> None:
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

        chosen = self.new_college.currentData()
        self.new_college.clear()
        for college in snap.colleges:
            self.new_college.addItem(swatch(college.colour), college.name, college.id)
        _select_data(self.new_college, chosen)

    def _load_attendance(self) -> None:
        people = self.controller.snapshot.participants
        present = sum(p.present for p in people)
        self.attendance.setText(
            self.tr("%1 present out of %2")
            .replace("%1", str(present))
            .replace("%2", str(len(people)))
        )
        self.attendance.setVisible(bool(people))
        self._set_table_hint(bool(people))
        self._retitle_participants_tab()
        self._update_participant_buttons()

    def _update_college_buttons(self) -> None:
        selected = self.colleges_tree.currentItem() is not None
        for button in (
            self.rename_college_button,
            self.colour_college_button,
            self.remove_college_button,
        ):
            button.setEnabled(selected)

    def _update_participant_buttons(self) -> None:
        self.remove_button.setEnabled(self.table.currentIndex().isValid())
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

    # == committing the workshop form ====================================================
    def _commit(self, **fields: object) -> None:
        """Send changed fields to the domain; a refusal puts the stored values back."""
        if self._loading or not self.controller.is_open:
            return
        info = self.controller.snapshot.workshop
        if all(getattr(info, name) == value for name, value in fields.items()):
            return
        # _loading also guards against re-entry: the refusal dialog takes the focus, and
        # a field losing it could otherwise commit (and be refused) a second time
        self._loading = True
        try:
            if self.controller.run(setup.update_workshop, **fields) is None:
                self._load_workshop()
        finally:
            self._loading = False

    def _commit_text(self, name: str) -> None:
        edit = self.text_fields[name]
        edit.setModified(False)
        if not self.controller.is_open or self._loading:
            return
        if edit.text().strip() == (getattr(self.controller.snapshot.workshop, name) or ""):
            if edit.text() != edit.text().strip():
                edit.setText(edit.text().strip())
            return
        self._commit(**{name: edit.text()})

    def _commit_date(self) -> None:
        date = self.date_edit.date()
        self._commit(date=None if date == NO_DATE else date.toString(Qt.DateFormat.ISODate))

    def _commit_capture(self) -> None:
        capture = self.capture_combo.currentData()
        fields: dict[str, object] = {"ballot_capture": capture}
        if capture == CaptureMode.SECRET.value and self.controller.is_open:
            # a secret ballot keeps only totals: no double majority (ballots.open_ballot)
            if self.controller.snapshot.workshop.ballot_double_majority is not None:
                fields["ballot_double_majority"] = None
        self._commit(**fields)

    def _commit_method(self) -> None:
        method = self.method_combo.currentData()
        fields: dict[str, object] = {"ballot_method": method}
        if method == Method.CONSENT.value and self.controller.is_open:
            # Consent has no abstentions and no double majority (voting.BallotRules):
            # switch them off in the same change, or every default ballot would be refused.
            info = self.controller.snapshot.workshop
            if info.ballot_abstentions_count:
                fields["ballot_abstentions_count"] = False
            if info.ballot_double_majority is not None:
                fields["ballot_double_majority"] = None
        self._commit(**fields)

    def _commit_double_majority(self) -> None:
        mode = self.dm_combo.currentIndex()
        self.dm_spin.setEnabled(mode == 2)
        value = None if mode == 0 else 0 if mode == 1 else self.dm_spin.value()
        self._commit(ballot_double_majority=value)

    def _commit_quorum(self) -> None:
        value = self.quorum_spin.value()
        self._commit(ballot_quorum=value or None)

    def _commit_minutes(self, step: str) -> None:
        if self._loading or not self.controller.is_open:
            return
        minutes = self.agenda_spins[step].value()
        stored = {a.step: a.planned_minutes for a in self.controller.snapshot.agenda}
        if stored.get(step) == minutes:
            return
        if self.controller.run(setup.set_planned_minutes, step, minutes) is None:
            self._load_agenda()

    # == colleges ========================================================================
    def _current_college_id(self) -> int | None:
        item = self.colleges_tree.currentItem()
        return item.data(0, COLLEGE_ID) if item is not None else None

    def add_college(self) -> None:
        name = dialogs.ask_text(self, self.tr("New college"), self.tr("Name of the college:"))
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
            self, self.tr("Rename the college"), self.tr("New name:"), college.name
        )
        if name is None or name.strip() == college.name:
            return
        self.controller.run(setup.update_college, college.id, name=name)

    def change_college_colour(self) -> None:
        college = self.controller.snapshot.college(self._current_college_id())
        if college is None:
            return
        title = self.tr("Colour of the college %1").replace("%1", college.name)
        colour = dialogs.ask_colour(self, title, college.colour)
        if colour is None or colour.upper() == college.colour.upper():
            return
        self.controller.run(setup.update_college, college.id, colour=colour)

    def remove_college(self) -> None:
        college_id = self._current_college_id()
        if college_id is not None:
            self.controller.run(setup.remove_college, college_id)

    # == participants ====================================================================
    def add_participant(self) -> None:
        """Add the person typed in the entry row; the row is cleared for the next one."""
        college_id = self.new_college.currentData()
        if college_id is None:
            dialogs.show_error(self, self.tr("Add a college first."))
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
        question = self.tr("Remove %1 from the participants?").replace("%1", p.name)
        if not dialogs.confirm(self, question):
            return
        self.controller.run(setup.remove_participant, p.id)

    def paste_list(self) -> None:
        """Add the cells copied from a spreadsheet (name, function, college per line)."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            dialogs.show_info(
                self,
                self.tr(
                    "The clipboard holds no text: copy the cells in the spreadsheet first "
                    "(name, function, college)."
                ),
            )
            return
        self.add_rows(roster.parse_rows(text))

    def import_csv(self) -> None:
        """Add the participants listed in a CSV file."""
        path = dialogs.ask_open_path(
            self,
            self.tr("Import a list of participants"),
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
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
            dialogs.show_info(self, self.tr("There is nobody to add in this list."))
            return
        dialog = RosterPreviewDialog(self.controller, rows, self)
        try:
            if not dialogs.exec_roster_preview(dialog):
                return
            accepted = dialog.rows_to_add()
            create, default = dialog.create_colleges, dialog.default_college_id
        finally:
            dialog.deleteLater()
        if accepted:
            self.controller.run(
                roster_ops.add_participants,
                accepted,
                create_colleges=create,
                default_college_id=default,
            )

    def current_participant_index(self) -> QModelIndex:
        return self.table.currentIndex()
