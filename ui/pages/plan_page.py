"""The accompaniment plan: the actions that keep the charter alive, and what is still missing.

A charter without training, guides, ambassadors or referents is a dead letter, so this step
shows the plan as an editable table beside the actions the target and the diagnostic call
for (``workshop.coherence.suggest_actions``), each with an « Ajouter » button. Every edit
goes through ``controller.run`` (one undoable operation each); the model never writes.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QDate,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.controller import WorkshopController
from ui.pages.base import StepPage
from ui.widgets.responsive import ResponsiveSplitter
from workshop import coherence, dates
from workshop.model import ActionKind, Step, label
from workshop.operations import plan
from workshop.session import ACTIONS, DIAGNOSTIC, WORKSHOP
from workshop.snapshot import Action

# Owner and due date come right after the title: with the projection dock open the page is
# narrow, and these are what the room must settle for every action.
COLUMNS: tuple[str, ...] = ("title", "kind", "owner", "due_date", "audience", "description")
TITLE, KIND, OWNER, DUE, AUDIENCE, DESCRIPTION = range(len(COLUMNS))
ID_ROLE = Qt.ItemDataRole.UserRole

AnyIndex = QModelIndex | QPersistentModelIndex
#: From this page width on, the suggestions sit beside the table rather than under it.
WIDE_PAGE = 1150
SIDE_PANEL = 320


def _date_text(iso: str, lang: str) -> str:
    """« 15 févr. 2027 »: the month in words, so nobody wonders which number is the day."""
    locale = QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.French)
    return locale.toString(QDate.fromString(iso, Qt.DateFormat.ISODate), "d MMM yyyy")


class ActionsModel(QAbstractTableModel):
    """The plan's actions as table rows; an edit becomes ``plan.update_action``."""

    def __init__(self, controller: WorkshopController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.actions: list[Action] = []

    # -- content -------------------------------------------------------------------------
    def set_actions(self, actions: tuple[Action, ...] | list[Action]) -> None:
        """Show these actions; same rows in the same order only update (an editor survives)."""
        actions = list(actions)
        if [a.id for a in actions] == [a.id for a in self.actions]:
            self.actions = actions
            if actions:
                last = self.index(len(actions) - 1, len(COLUMNS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self.actions = actions
        self.endResetModel()

    def action_at(self, row: int) -> Action | None:
        """The action shown on a row, or None (rows come and go with undo)."""
        return self.actions[row] if 0 <= row < len(self.actions) else None

    def row_of(self, action_id: int) -> int:
        """The row of an action, -1 if gone: selections are kept by id, not by row."""
        return next((r for r, a in enumerate(self.actions) if a.id == action_id), -1)

    def retranslate(self) -> None:
        """Headers and kind labels follow the UI language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.actions:
            last = self.index(len(self.actions) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    # -- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.actions)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headers(self) -> tuple[str, ...]:
        """Column titles in the UI language (asked again after a language switch)."""
        return (
            self.tr("Action"),
            self.tr("Kind"),
            self.tr("Owner"),
            self.tr("Due date"),
            self.tr("Audience"),
            self.tr("Description"),
        )

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers()[section] if 0 <= section < len(COLUMNS) else None
        return str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        action = self.action_at(index.row()) if index.isValid() else None
        if action is None or not 0 <= index.column() < len(COLUMNS):
            return None
        column = index.column()
        value = getattr(action, COLUMNS[column])
        lang = i18n.current()
        missing = column in (OWNER, DUE) and not value
        if role == Qt.ItemDataRole.DisplayRole:
            if column == KIND:
                return label(ActionKind(value), lang)
            if missing:
                return self.tr("to be set")
            if column == DUE:
                return _date_text(value, lang)
            return value
        if role == Qt.ItemDataRole.EditRole:
            if column == DUE:
                return QDate.fromString(value, Qt.DateFormat.ISODate) if value else None
            return value
        if role == Qt.ItemDataRole.ToolTipRole and column in (TITLE, AUDIENCE, DESCRIPTION):
            return value or None
        if role == Qt.ItemDataRole.FontRole and missing:
            font = QFont()
            font.setItalic(True)
            return font
        if role == ID_ROLE:
            return action.id
        return None

    def setData(  # noqa: N802
        self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """Run ``update_action`` for one field; unchanged values write nothing."""
        action = self.action_at(index.row()) if index.isValid() else None
        if action is None or role != Qt.ItemDataRole.EditRole:
            return False
        field = COLUMNS[index.column()]
        if field == "due_date":
            if isinstance(value, QDate):
                value = value.toString(Qt.DateFormat.ISODate) if value.isValid() else None
            value = value or None
        elif field == "kind" and isinstance(value, ActionKind):
            value = value.value
        elif value is None:
            value = ""
        if isinstance(value, str) and field != "due_date":
            value = value.strip()
        if value == getattr(action, field):
            return True
        return self.controller.run(plan.update_action, action.id, **{field: value}) is not None


class KindDelegate(QStyledItemDelegate):
    """A combo of the action kinds, labelled in the UI language; one click commits."""

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        for kind in ActionKind:
            combo.addItem(label(kind, i18n.current()), kind.value)
        combo.activated.connect(lambda _=0: self._commit(combo))
        return combo

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex
    ) -> None:
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DateField(QLineEdit):
    """The typed date: any form ``workshop.dates`` reads (« 31/03/2027 », « 31 mars 2027 »…).

    Typed text is kept as typed: nothing is guessed section by section, as a date spin box
    would (« 31/03/2027 » typed there became 31 December 2026).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(dates.MAX_LENGTH)
        self.setPlaceholderText("31/03/2027")

    def date(self) -> QDate | None:
        """The date typed, or None when the text says none."""
        parsed = dates.parse_date(self.text())
        return QDate(parsed.year, parsed.month, parsed.day) if parsed else None

    def setDate(self, value: QDate) -> None:  # noqa: N802 (Qt-like API)
        self.setText(value.toString("dd/MM/yyyy"))


class DueDateEditor(QWidget):
    """A typed date, a calendar to pick one, and a button to say « no due date »."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.date = DateField()
        self.calendar_button = QToolButton()
        self.calendar_button.setText("📅")
        self.calendar_button.setToolTip(self.tr("Pick in a calendar"))
        self.calendar_button.setAccessibleName(self.tr("Pick in a calendar"))
        self.clear_button = QToolButton()
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(self.tr("No due date"))
        self.clear_button.setAccessibleName(self.tr("No due date"))
        # Tab leaves the cell for the next column; the buttons are for the mouse.
        for button in (self.calendar_button, self.clear_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.message = QLabel(self)
        self.message.setObjectName("dateMessage")
        self.message.setWordWrap(False)
        self.message.setWindowFlags(Qt.WindowType.ToolTip)
        self.calendar = QCalendarWidget(self)
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.clicked.connect(self._picked)
        self.calendar_button.clicked.connect(self._show_calendar)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.date, 1)
        row.addWidget(self.calendar_button)
        row.addWidget(self.clear_button)
        self.setFocusProxy(self.date)
        self.cleared = False
        self.had_date = False
        self.picked = False
        self.date.textEdited.connect(self.message.hide)

    def _show_calendar(self) -> None:
        self.calendar.setSelectedDate(self.date.date() or QDate.currentDate())
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()

    def _picked(self, value: QDate) -> None:
        self.calendar.hide()
        self.date.setDate(value)
        self.picked = True

    def set_value(self, value: QDate | None) -> None:
        self.had_date = isinstance(value, QDate) and value.isValid()
        self.date.blockSignals(True)
        if self.had_date:
            self.date.setDate(value)  # type: ignore[arg-type]
        else:
            self.date.clear()
        self.date.blockSignals(False)
        self.cleared = self.picked = False

    def problem(self) -> str | None:
        """Why the typed text cannot be stored (one line), or None when it can."""
        typed = self.date.text().strip()
        if self.cleared or not typed or self.date.date() is not None:
            return None
        return self.tr(
            "Unreadable date « %1 »: type for instance 31/03/2027 or 31 March 2027."
        ).replace("%1", typed)

    def show_problem(self) -> None:
        """Say why, under the cell, and keep the typed text for correcting it."""
        self.message.setText(self.problem() or "")
        self.message.adjustSize()
        self.message.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.message.show()
        self.date.setFocus()

    def value(self) -> QDate | str | None | bool:
        """The date to store, None to clear it, False to leave the cell as it was, or the
        unreadable text (the operation refuses it and says so)."""
        if self.cleared:
            return None
        typed = self.date.text().strip()
        if not typed:
            return None if self.had_date else False
        return self.date.date() or typed

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt API)
        self.message.hide()
        self.calendar.hide()
        super().hideEvent(event)


class DueDateDelegate(QStyledItemDelegate):
    """Edits the due date as typed text (or with a calendar); the ✕ button removes it.

    Tab, Shift+Tab and Enter in the typed date commit it and move on like any other cell;
    an unreadable date is refused there, the editor kept open with the text as typed.
    """

    def createEditor(  # noqa: N802
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = DueDateEditor(parent)
        editor.clear_button.clicked.connect(lambda: self._clear(editor))
        editor.calendar.clicked.connect(lambda _date: self._finish(editor))
        editor.date.installEventFilter(self)
        return editor

    def _clear(self, editor: DueDateEditor) -> None:
        editor.cleared = True
        self._finish(editor)

    def _finish(
        self,
        editor: DueDateEditor,
        hint: QAbstractItemDelegate.EndEditHint = QAbstractItemDelegate.EndEditHint.NoHint,
    ) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, hint)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        editor = watched.parent() if isinstance(watched, DateField) else None
        if isinstance(editor, DueDateEditor) and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            hints = {
                Qt.Key.Key_Tab: QAbstractItemDelegate.EndEditHint.EditNextItem,
                Qt.Key.Key_Backtab: QAbstractItemDelegate.EndEditHint.EditPreviousItem,
                Qt.Key.Key_Return: QAbstractItemDelegate.EndEditHint.SubmitModelCache,
                Qt.Key.Key_Enter: QAbstractItemDelegate.EndEditHint.SubmitModelCache,
            }
            if key in hints:
                if editor.problem():
                    editor.show_problem()
                else:
                    self._finish(editor, hints[key])
                return True
            if key == Qt.Key.Key_Escape:
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
                return True
        return super().eventFilter(watched, event)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        editor.set_value(index.data(Qt.ItemDataRole.EditRole))

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex
    ) -> None:
        value = editor.value()
        if value is not False:
            model.setData(index, value, Qt.ItemDataRole.EditRole)


class ActionsTable(QTableView):
    """The plan's table; its columns share the width the page leaves it."""

    FIXED = {KIND: 130, OWNER: 110, DUE: 100, AUDIENCE: 120}
    MIN_TITLE = 190
    MIN_DESCRIPTION = 200

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Fixed widths for the short fields; title and description share the rest."""
        for column, width in self.FIXED.items():
            self.setColumnWidth(column, width)
        rest = self.viewport().width() - sum(self.FIXED.values())
        title = max(self.MIN_TITLE, int(rest * 0.55))
        self.setColumnWidth(TITLE, title)
        self.setColumnWidth(DESCRIPTION, max(self.MIN_DESCRIPTION, rest - title))


class SuggestionCard(QFrame):
    """One suggested action: what, for whom, why, and a button to add it."""

    def __init__(self, suggestion: coherence.Suggestion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestion = suggestion
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"suggestion_{suggestion.key}")
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 8, 10, 8)
        box.setSpacing(4)
        self.title = QLabel(suggestion.title)
        self.title.setWordWrap(True)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.why = QLabel(suggestion.why)
        self.why.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_button.setObjectName(f"add_{suggestion.key}")
        row = QHBoxLayout()
        row.addWidget(self.meta, 1)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        box.addWidget(self.title)
        box.addLayout(row)
        box.addWidget(self.why)
        self.retranslate()

    def retranslate(self) -> None:
        kind = label(self.suggestion.kind, i18n.current())
        self.meta.setText(f"{kind} · {self.suggestion.audience}")
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add this action to the plan"))


class PlanPage(StepPage):
    """Step « plan »: the accompaniment plan and the suggestions that complete it."""

    step = Step.PLAN.value
    topics = frozenset({ACTIONS, WORKSHOP, DIAGNOSTIC})

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.layout_.addWidget(self.intro)

        # the plan
        self.model = ActionsModel(controller, self)
        self.table = ActionsTable()
        self.table.setObjectName("actionsTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(KIND, KindDelegate(self.table))
        self.table.setItemDelegateForColumn(DUE, DueDateDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton()
        self.add_button.setObjectName("addAction")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeAction")
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        self.add_button.clicked.connect(self.add_action)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        # Reordering needs a plan.move_action operation; without it the buttons stay hidden.
        self.can_reorder = hasattr(plan, "move_action")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.up_button.setVisible(self.can_reorder)
        self.down_button.setVisible(self.can_reorder)

        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.table, 1)
        left_box.addLayout(buttons)

        # the suggestions
        self.suggestions_title = QLabel()
        title_font = QFont(self.suggestions_title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.suggestions_title.setFont(title_font)
        self.suggestions_note = QLabel()
        self.suggestions_note.setWordWrap(True)
        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)
        self.cards_host = QWidget()
        self.cards_box = QVBoxLayout(self.cards_host)
        self.cards_box.setContentsMargins(0, 0, 4, 0)
        self.cards_box.addWidget(self.empty_note)
        self.cards_box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.cards_host)
        right = QWidget()
        right.setMinimumWidth(240)
        right.setMinimumHeight(110)
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(8, 0, 0, 0)
        right_box.addWidget(self.suggestions_title)
        right_box.addWidget(self.suggestions_note)
        right_box.addWidget(scroll, 1)
        self.cards: dict[str, SuggestionCard] = {}

        # The projection dock often takes a third of the window, so narrow is the usual case.
        self.splitter = ResponsiveSplitter(
            left,
            right,
            wide_from=WIDE_PAGE,
            wide_sizes=lambda width: [max(1, width - SIDE_PANEL), SIDE_PANEL],
            stacked_sizes=self._stacked_sizes,
        )
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.layout_.addWidget(self.splitter, 1)
        self.splitter.arrange(self.width())
        self.retranslate()
        self._update_buttons()

    # -- layout --------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """Suggestions beside the table on a wide page, under it when the page is narrow."""
        super().resizeEvent(event)
        self.splitter.arrange(self.width())

    def _stacked_sizes(self) -> list[int] | None:
        """Stacked: a short strip when nothing is suggested, else 40% for the suggestions."""
        height = self.splitter.height()
        if height < 200:
            return None
        if self.cards:
            # the table keeps what its rows need (at least 40%), the cards get up to 65%
            table = self.table
            rows = sum(table.rowHeight(r) for r in range(self.model.rowCount()))
            chrome = table.horizontalHeader().height() + table.horizontalScrollBar().height()
            needed = rows + chrome + self.add_button.sizeHint().height() + 16
            bottom = min(int(height * 0.65), max(int(height * 0.4), height - needed))
        else:
            right = self.splitter.widget(1)
            bottom = right.minimumHeight()
        return [height - bottom, bottom]

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.splitter.balance()

    # -- refresh -------------------------------------------------------------------------
    def refresh(self) -> None:
        snap = self.controller.snapshot
        selected = self.selected_action()
        self.model.set_actions(snap.actions)
        if selected is not None:
            self.select_action(selected.id)
        self._fill_suggestions(coherence.suggest_actions(snap, snap.workshop.lang))
        self._update_buttons()

    def _fill_suggestions(self, suggestions: list[coherence.Suggestion]) -> None:
        """Rebuild the cards; old ones are deleted later (one may be sending its click)."""
        for card in self.cards.values():
            self.cards_box.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = {}
        for position, suggestion in enumerate(suggestions):
            card = SuggestionCard(suggestion, self.cards_host)
            card.add_button.clicked.connect(lambda _=False, s=suggestion: self.add_suggestion(s))
            self.cards_box.insertWidget(position, card)
            self.cards[suggestion.key] = card
        self.empty_note.setVisible(not suggestions)
        self.splitter.balance()

    def retranslate(self) -> None:
        self.heading.setText(label(Step.PLAN, i18n.current()))
        self.intro.setText(
            self.tr(
                "A charter without training, guides, ambassadors or referents remains a dead "
                "letter: give every action an owner and a due date."
            )
        )
        self.add_button.setText(self.tr("Add an action"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))
        self.suggestions_title.setText(self.tr("Suggestions"))
        self.suggestions_note.setText(
            self.tr("What the target and the diagnostic call for, and the plan still lacks.")
        )
        self.empty_note.setText(
            self.tr("The plan already covers everything the target and the diagnostic call for.")
        )
        self.model.retranslate()
        for card in self.cards.values():
            card.retranslate()

    # -- selection -----------------------------------------------------------------------
    def selected_action(self) -> Action | None:
        """The action the remove and move buttons act on."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.action_at(rows[0].row()) if rows else None

    def select_action(self, action_id: int) -> None:
        """Select an action's row, so the room sees what was just added or moved.

        The current column stays where it was (``selectRow`` would move it to the first
        column, and Tab after an edit would then jump back to the left).
        """
        row = self.model.row_of(action_id)
        if row < 0:
            return
        column = max(0, self.table.currentIndex().column())
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(self.model.index(row, column), flags)

    def _update_buttons(self) -> None:
        action = self.selected_action()
        row = self.model.row_of(action.id) if action else -1
        self.remove_button.setEnabled(action is not None)
        self.up_button.setEnabled(self.can_reorder and row > 0)
        self.down_button.setEnabled(self.can_reorder and 0 <= row < len(self.model.actions) - 1)

    # -- actions -------------------------------------------------------------------------
    def add_action(self) -> None:
        """Add a blank action and put its title in edit mode, without a dialog."""
        changes = self.controller.run(plan.add_action, self.tr("New action"), "other")
        if changes is None:
            return
        self.select_action(int(changes.value))
        row = self.model.row_of(int(changes.value))
        if row >= 0:
            index = self.model.index(row, TITLE)
            self.table.setCurrentIndex(index)
            self.table.edit(index)

    def add_suggestion(self, suggestion: coherence.Suggestion) -> None:
        """Add a suggested action as is; owner and due date are for the room to settle."""
        changes = self.controller.run(
            plan.add_action,
            suggestion.title,
            suggestion.kind.value,
            description=suggestion.description,
            audience=suggestion.audience,
        )
        if changes is not None:
            self.select_action(int(changes.value))

    def remove_selected(self) -> None:
        """Remove the selected action without asking: undo brings it back."""
        action = self.selected_action()
        if action is None:
            return
        row = self.model.row_of(action.id)
        if self.controller.run(plan.remove_action, action.id) is not None:
            following = self.model.action_at(min(row, len(self.model.actions) - 1))
            if following is not None:
                self.select_action(following.id)

    def move_selected(self, step: int) -> None:
        """Move the selected action up (-1) or down (+1), when the operation exists."""
        action = self.selected_action()
        if action is None or not self.can_reorder:
            return
        row = self.model.row_of(action.id)
        target = max(0, min(row + step, len(self.model.actions) - 1))
        if target != row and self.controller.run(plan.move_action, action.id, target):
            self.select_action(action.id)
