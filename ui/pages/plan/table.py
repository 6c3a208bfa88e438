"""The plan's actions table: its columns, the model that edits through operations, the view."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui import i18n
from ui.controller import WorkshopController
from workshop.model import ActionKind, label
from workshop.operations import plan
from workshop.snapshot import Action

# Owner and due date come right after the title: with the projection dock open the page is
# narrow, and these are what the room must settle for every action.
COLUMNS: tuple[str, ...] = ("title", "kind", "owner", "due_date", "audience", "description")
TITLE, KIND, OWNER, DUE, AUDIENCE, DESCRIPTION = range(len(COLUMNS))
ID_ROLE = Qt.ItemDataRole.UserRole

AnyIndex = QModelIndex | QPersistentModelIndex


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
