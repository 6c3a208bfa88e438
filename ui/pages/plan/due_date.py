"""The due-date cell: a typed date (or a calendar pick), refused in place if unreadable."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QObject,
    Qt,
)
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QWidget,
)

from ui.pages.plan.table import AnyIndex
from workshop import dates


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
