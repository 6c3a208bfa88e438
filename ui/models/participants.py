"""The participants as a table model, and the delegates that make it quick to edit live.

The model reads ``controller.snapshot`` and never writes itself: an edit calls the domain
operation through ``controller.run``, and the model reloads from the ``changed`` signal
that follows. A refused edit (shown by the controller) thus leaves the old value on screen.

When only values change (attendance, a corrected name), rows are updated in place with
``dataChanged`` rather than reset, so that the current row and the keyboard focus stay
where the facilitator is while ticking arrivals.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.controller import WorkshopController
from workshop.operations import setup
from workshop.session import COLLEGES, PARTICIPANTS, Changes
from workshop.snapshot import College, Participant

Index = QModelIndex | QPersistentModelIndex

#: Text colour of absent people (the « Absent » text and the empty box say it too).
ABSENT_TEXT = QColor("#595959")

_swatches: dict[str, QIcon] = {}


def swatch(colour: str, size: int = 16) -> QIcon:
    """A colour square with a dark outline, so that light colours (yellow) show on white."""
    key = f"{colour}/{size}"
    if key not in _swatches:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setPen(QColor("#333333"))
        painter.setBrush(QColor(colour))
        painter.drawRect(1, 1, size - 3, size - 3)
        painter.end()
        _swatches[key] = QIcon(pixmap)
    return _swatches[key]


def _checked(value: object) -> bool:
    """A check state as delegates, tests and QML send it: enum, int or bool."""
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    if isinstance(value, bool):
        return value
    try:
        return int(value) == Qt.CheckState.Checked.value  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


class ParticipantsModel(QAbstractTableModel):
    """One row per participant, in the workshop's order."""

    NAME, FUNCTION, COLLEGE, PRESENT, NAMED, PSEUDONYM = range(6)
    COLUMNS = 6
    #: The participant's id, for views that must find a row again after a reload.
    IdRole = Qt.ItemDataRole.UserRole + 1
    #: The college's colour (#RRGGBB), for views that draw their own swatch.
    ColourRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, controller: WorkshopController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._rows: list[Participant] = []
        self._colleges: dict[int, College] = {}
        controller.changed.connect(self._on_changed)
        controller.closed.connect(self.clear)
        self.reload()

    # -- reading -------------------------------------------------------------------------
    def _on_changed(self, changes: Changes) -> None:
        if not changes.topics or changes.topics & {PARTICIPANTS, COLLEGES}:
            self.reload()

    def clear(self) -> None:
        """Forget everything (the workshop was closed)."""
        self.beginResetModel()
        self._rows, self._colleges = [], {}
        self.endResetModel()

    def reload(self) -> None:
        """Re-read the snapshot: in place when the same people are listed, else a reset."""
        if not self.controller.is_open:
            if self._rows:
                self.clear()
            return
        snap = self.controller.snapshot
        rows = list(snap.participants)
        colleges = {c.id: c for c in snap.colleges}
        if [p.id for p in rows] != [p.id for p in self._rows]:
            self.beginResetModel()
            self._rows, self._colleges = rows, colleges
            self.endResetModel()
            return
        colleges_changed = colleges != self._colleges
        old = self._rows
        self._rows, self._colleges = rows, colleges
        changed = [i for i, (a, b) in enumerate(zip(old, rows, strict=True)) if a != b]
        if colleges_changed and rows:
            changed = [0, len(rows) - 1]
        if changed:
            self.dataChanged.emit(
                self.index(min(changed), 0), self.index(max(changed), self.COLUMNS - 1)
            )

    def participant(self, row: int) -> Participant | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, participant_id: int) -> int | None:
        return next((i for i, p in enumerate(self._rows) if p.id == participant_id), None)

    def colleges(self) -> list[College]:
        """The colleges in the workshop's order (for the college editor)."""
        return sorted(self._colleges.values(), key=lambda c: (c.position, c.id))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
                return str(section + 1)
            return None
        if not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Name"),
                self.tr("Function"),
                self.tr("College"),
                self.tr("Present"),
                self.tr("May be named"),
                self.tr("Pseudonym"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("Double-click or press F2 to correct the name."),
                self.tr("Double-click or press F2 to correct the function."),
                self.tr("Double-click or press F2 to move the participant to another college."),
                self.tr("Click the box, or press Space on the row, to mark arrival or departure."),
                self.tr("Unticked: the minutes show the pseudonym instead of the name."),
                self.tr("Given once and never changed; used when a name may not be shown."),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
        column = index.column()
        college = self._colleges.get(p.college_id)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return p.name
            if column == self.FUNCTION:
                return p.function
            if column == self.COLLEGE:
                return college.name if college else "?"
            if column == self.PRESENT:
                return self.tr("Present") if p.present else self.tr("Absent")
            if column == self.NAMED:
                return self.tr("Yes") if p.may_be_named else self.tr("No")
            if column == self.PSEUDONYM:
                return p.pseudonym
            return None
        if role == Qt.ItemDataRole.EditRole:
            if column == self.NAME:
                return p.name
            if column == self.FUNCTION:
                return p.function
            if column == self.COLLEGE:
                return p.college_id
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            if column == self.PRESENT:
                return Qt.CheckState.Checked if p.present else Qt.CheckState.Unchecked
            if column == self.NAMED:
                return Qt.CheckState.Checked if p.may_be_named else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if column == self.COLLEGE and college is not None:
                return swatch(college.colour)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(p, column, college)
        if role == Qt.ItemDataRole.ForegroundRole:
            return None if p.present else ABSENT_TEXT
        if role == self.IdRole:
            return p.id
        if role == self.ColourRole:
            return college.colour if college else None
        return None

    def _tooltip(self, p: Participant, column: int, college: College | None) -> str | None:
        if column == self.NAME:
            # the function and pseudonym columns are hidden when the page is narrow
            lines = [p.name, p.function, self.tr("Pseudonym: %1").replace("%1", p.pseudonym)]
            return "\n".join(line for line in lines if line)
        if column == self.FUNCTION:
            return p.function or None
        if column == self.COLLEGE:
            return college.name if college else None
        if column == self.PRESENT:
            if p.present:
                return self.tr("Present. Click or press Space to mark a departure.")
            return self.tr("Absent. Click or press Space to mark an arrival.")
        if column == self.NAMED:
            if p.may_be_named:
                return self.tr("The minutes may show this person's name.")
            return self.tr("The minutes show the pseudonym instead of this person's name.")
        if column == self.PSEUDONYM:
            return self.tr("Pseudonym used in the minutes when the name may not be shown.")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = index.column()
        if column in (self.NAME, self.FUNCTION, self.COLLEGE):
            flags |= Qt.ItemFlag.ItemIsEditable
        elif column in (self.PRESENT, self.NAMED):
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    # -- writing (through the domain) -----------------------------------------------------
    def setData(  # noqa: N802
        self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """Ask the domain for the change; False when it refuses (its message is shown)."""
        p = self.participant(index.row()) if index.isValid() else None
        if p is None:
            return False
        column = index.column()
        run = self.controller.run
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = _checked(value)
            if column == self.PRESENT:
                if checked == p.present:
                    return True
                return run(setup.set_present, p.id, checked) is not None
            if column == self.NAMED:
                if checked == p.may_be_named:
                    return True
                return run(setup.update_participant, p.id, may_be_named=checked) is not None
            return False
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column in (self.NAME, self.FUNCTION):
            current = p.name if column == self.NAME else p.function
            if isinstance(value, str) and value.strip() == current:
                return True
            field = "name" if column == self.NAME else "function"
            return run(setup.update_participant, p.id, **{field: value}) is not None
        if column == self.COLLEGE:
            if value == p.college_id:
                return True
            return run(setup.update_participant, p.id, college_id=value) is not None
        return False

    def toggle_present(self, row: int) -> bool:
        """Mark an arrival or a departure: the quick action of the day."""
        p = self.participant(row)
        if p is None:
            return False
        index = self.index(row, self.PRESENT)
        state = Qt.CheckState.Unchecked if p.present else Qt.CheckState.Checked
        return self.setData(index, state, Qt.ItemDataRole.CheckStateRole)

    def retranslate(self) -> None:
        """Headers and yes/no texts follow the UI language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))
            self.dataChanged.emit(
                self.index(0, self.PRESENT), self.index(len(self._rows) - 1, self.NAMED)
            )


class CheckCellDelegate(QStyledItemDelegate):
    """A check box that toggles on a click anywhere in its cell (a big target on a projector).

    Key presses are left to the view, which decides what Space toggles.
    """

    def editorEvent(  # noqa: N802 (Qt API)
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if not index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return False
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            return event.button() == Qt.MouseButton.LeftButton  # type: ignore[attr-defined]
        if kind == QEvent.Type.MouseButtonRelease:
            if event.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
                return False
            if not option.rect.contains(event.position().toPoint()):  # type: ignore[attr-defined]
                return False
            state = index.data(Qt.ItemDataRole.CheckStateRole)
            new = Qt.CheckState.Unchecked if _checked(state) else Qt.CheckState.Checked
            model.setData(index, new, Qt.ItemDataRole.CheckStateRole)
            return True
        return False


class CollegeDelegate(QStyledItemDelegate):
    """Edits the college with a list of the colleges (swatch and name); applies on choice."""

    def __init__(self, model: ParticipantsModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.participants = model

    def createEditor(  # noqa: N802 (Qt API)
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(self.tr("College"))
        for college in self.participants.colleges():
            combo.addItem(swatch(college.colour), college.name, college.id)
        combo.activated.connect(lambda _=0, c=combo: self._chosen(c))
        return combo

    def _chosen(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(position, 0))
        # open the list at once: double-click (or F2), then one click on the new college
        QTimer.singleShot(0, editor.showPopup)

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: Index
    ) -> None:
        assert isinstance(editor, QComboBox)
        value = editor.currentData()
        if value is not None:
            model.setData(index, value, Qt.ItemDataRole.EditRole)
