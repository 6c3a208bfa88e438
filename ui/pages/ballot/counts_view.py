"""Capture by counts: each college's numbers typed from raised cards, checked against those present."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ui import i18n
from ui.style import scaled_font
from workshop.model import Choice, Method, choices_for, label


class CountsView(QWidget):
    """One row per college: a spin box per choice, checked against those present."""

    save_requested = Signal(int, dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(6)
        self._rows: dict[int, dict] = {}
        self._choices: tuple[Choice, ...] = ()
        self._key: object = None
        self._headers: list[QLabel] = []

    def build(
        self,
        key: object,
        method: Method,
        colleges: Sequence[tuple[int, str, str, int]],
        recorded: set[int],
        typed: dict[int, dict[str, int]] | None = None,
    ) -> None:
        """Rows for ``colleges`` as (id, name, colour, present); ``recorded`` ones are marked.

        ``typed`` holds the numbers this console recorded (by college, then choice): a new
        set of rows shows them again; rows already built keep what is in their fields.
        """
        if key != self._key:
            self._key = key
            self._clear()
            self._choices = choices_for(method)
            big = scaled_font(self.font(), 1.1, True)
            headers = ["", *[label(c, i18n.current()).capitalize() for c in self._choices]]
            for column, text in enumerate(headers):
                header = QLabel(text)
                header.setFont(big)
                self._grid.addWidget(header, 0, column)
                self._headers.append(header)
            for index, (college_id, name, colour, present) in enumerate(colleges):
                self._add_row(1 + 2 * index, college_id, name, colour, present)
            self._grid.setColumnStretch(0, 1)
            self._grid.setRowStretch(1 + 2 * len(colleges), 1)
            for college_id, counts in (typed or {}).items():
                if college_id in self._rows:
                    self.set_values(college_id, [counts.get(c.value, 0) for c in self._choices])
        for college_id, widgets in self._rows.items():
            widgets["recorded"] = college_id in recorded
            self._check(college_id)

    def _add_row(self, row: int, college_id: int, name: str, colour: str, present: int) -> None:
        """A college's line, and under it a line for the check against those present."""
        name_label = QLabel()
        name_label.setTextFormat(Qt.TextFormat.RichText)
        name_label.setWordWrap(True)
        name_label.setFont(scaled_font(self.font(), 1.1))
        self._grid.addWidget(name_label, row, 0)
        spins = []
        for column, choice in enumerate(self._choices, start=1):
            spin = QSpinBox()
            spin.setRange(0, 999)
            spin.setMinimumHeight(38)
            spin.setMinimumWidth(70)
            spin.setFont(scaled_font(self.font(), 1.25))
            spin.setAccessibleName(f"{name} — {label(choice, i18n.current())}")
            spin.valueChanged.connect(lambda _=0, cid=college_id: self._check(cid))
            self._grid.addWidget(spin, row, column)
            spins.append(spin)
        save = QPushButton()
        save.setMinimumHeight(38)
        save.clicked.connect(lambda _=False, cid=college_id: self._save(cid))
        self._grid.addWidget(save, row, len(self._choices) + 1)
        check = QLabel()
        check.setWordWrap(True)
        self._grid.addWidget(check, row + 1, 0, 1, len(self._choices) + 2)
        self._rows[college_id] = {
            "name": name,
            "colour": colour,
            "present": present,
            "label": name_label,
            "spins": spins,
            "check": check,
            "save": save,
            "recorded": False,
        }

    def _clear(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
                item.widget().deleteLater()
        self._rows = {}
        self._headers = []

    def reset(self) -> None:
        """Forget every row (the panel shows something else)."""
        self._key = None
        self._clear()

    def row(self, college_id: int) -> dict:
        return self._rows[college_id]

    def set_values(self, college_id: int, values: Sequence[int]) -> None:
        for spin, value in zip(self._rows[college_id]["spins"], values, strict=False):
            spin.setValue(value)

    def _check(self, college_id: int) -> None:
        row = self._rows[college_id]
        total = sum(spin.value() for spin in row["spins"])
        present = row["present"]
        state = self.tr("✓ recorded") if row["recorded"] else self.tr("○ to type")
        present_text = self.tr("{n} present").format(n=present)
        row["label"].setText(
            f'<span style="color:{row["colour"]}">■</span>&nbsp;<b>{html.escape(row["name"])}</b>'
            f"<br>{html.escape(present_text)} · {html.escape(state)}"
        )
        too_many = total > present
        check = row["check"]
        if too_many:
            check.setText(
                self.tr(
                    "⚠ {total} votes typed for {present} present: correct before recording."
                ).format(total=total, present=present)
            )
            check.setStyleSheet("color: #A01818; font-weight: bold;")
        else:
            check.setText("")
            check.setStyleSheet("")
        check.setVisible(too_many)
        row["save"].setEnabled(not too_many and total > 0)
        row["save"].setText(self.tr("Replace") if row["recorded"] else self.tr("Record"))

    def _save(self, college_id: int) -> None:
        row = self._rows[college_id]
        counts = {
            choice.value: spin.value()
            for choice, spin in zip(self._choices, row["spins"], strict=True)
        }
        if sum(counts.values()) > row["present"]:
            return
        self.save_requested.emit(college_id, counts)

    def forget_typed(self, college_id: int) -> None:
        """Empty a row whose recorded numbers are no longer known (after an undo or redo)."""
        row = self._rows.get(college_id)
        if row is None:
            return
        for spin in row["spins"]:
            spin.blockSignals(True)
            spin.setValue(0)
            spin.blockSignals(False)
        self._check(college_id)

    def retranslate(self) -> None:
        for college_id in self._rows:
            self._check(college_id)
        lang = i18n.current()
        for header, choice in zip(self._headers[1:], self._choices, strict=False):
            header.setText(label(choice, lang).capitalize())

    # -- keyboard (issue 12): Enter in a college's fields records its row -------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802, F821 (Qt API)
        """Enter in a college's numbers (or on its button) records that row, as its button."""
        from PySide6.QtWidgets import QApplication

        chord = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not chord:
            focus = QApplication.focusWidget()
            for row in self._rows.values():
                if focus in row["spins"] or focus is row["save"]:
                    if row["save"].isEnabled():
                        row["save"].click()
                    event.accept()
                    return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:  # noqa: F821
        """Each row's button says that Enter records it (rows come and go with rounds)."""
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.ChildPolished, QEvent.Type.LanguageChange):
            hint = self.tr("Record this college's numbers (Enter in its fields)")
            for row in getattr(self, "_rows", {}).values():  # none yet while constructing
                row["save"].setToolTip(hint)
        return super().event(event)
