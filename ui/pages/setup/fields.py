"""Form helpers of the set-up tabs: stored values shown without fighting the typing."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QDateEdit, QLineEdit, QWidget

#: The date shown as « not set » (QDateEdit cannot be empty).
NO_DATE = QDate(2000, 1, 1)


def set_text(edit: QLineEdit, value: str) -> None:
    """Show the stored value, unless the facilitator is typing in this very field."""
    if edit.hasFocus() and edit.isModified():
        return
    if edit.text() != value:
        edit.setText(value)
        edit.setCursorPosition(0)
    edit.setModified(False)


def select_data(combo: QComboBox, value: object) -> None:
    position = combo.findData(value)
    if position >= 0:
        combo.setCurrentIndex(position)


def fill_combo(combo: QComboBox, items: list[tuple[object, str]]) -> None:
    """Set a combo's items again (language switch), keeping what is selected."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for data, text in items:
        combo.addItem(text, data)
    select_data(combo, current)
    combo.blockSignals(False)


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
