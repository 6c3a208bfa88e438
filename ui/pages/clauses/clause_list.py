"""The clause list: the review's clauses in order, with their standing in words and marks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.style import (
    OPEN_COLOUR,
    OPEN_MARK,
    OUTCOME_COLOURS,
    PENDING_MARK,
    outcome_text,
    scaled_font,
)
from workshop import snapshot as snap
from workshop.model import BallotState, label

ID_ROLE = Qt.ItemDataRole.UserRole

# The list was part of « ClausesPage »: its texts keep that Linguist context, so the
# catalogues (resources/i18n) still apply. lupdate reads the context from each call.
translate = QCoreApplication.translate


def clause_status(clause: snap.Clause, lang: str, pending: str) -> tuple[str, str]:
    """The clause's standing as (mark and words, colour): never a colour alone."""
    if any(b.is_open for b in clause.ballots):
        return f"{OPEN_MARK} {label(BallotState.OPEN, lang)}", OPEN_COLOUR
    status = clause.status
    if status is None:
        return f"{PENDING_MARK} {pending}", "#555555"
    return outcome_text(status, lang), OUTCOME_COLOURS[status]


class ClauseList(QWidget):
    """The review's clauses in order, each saying where it stands; add, remove, reorder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_title = QLabel()
        self.list_title.setFont(scaled_font(self.font(), 1.05, True))
        self.clause_list = QListWidget()
        self.clause_list.setWordWrap(True)
        self.clause_list.setSpacing(2)
        self.clause_list.setFont(scaled_font(self.clause_list.font(), 1.05))
        self.clause_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.up_button = QPushButton("↑")
        self.down_button = QPushButton("↓")
        for button in (self.up_button, self.down_button):
            button.setFixedWidth(44)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.remove_button, 1)
        list_buttons.addWidget(self.up_button)
        list_buttons.addWidget(self.down_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list_title)
        layout.addWidget(self.clause_list, 1)
        layout.addWidget(self.add_button)
        layout.addLayout(list_buttons)
        self.setMinimumWidth(230)

    def fill(self, shot: snap.Snapshot, clause_id: int | None) -> int:
        """List ``shot``'s clauses with ``clause_id`` current; returns the current row."""
        lang = i18n.current()
        self.clause_list.blockSignals(True)
        pending = translate("ClausesPage", "pending")
        rows = []
        for number, clause in enumerate(shot.clauses, start=1):
            status, _colour = clause_status(clause, lang, pending)
            rows.append((clause.id, f"{number}. {clause.title}\n    {status}", clause.theme_title))
        same_clauses = [r[0] for r in rows] == [
            self.clause_list.item(i).data(ID_ROLE) for i in range(self.clause_list.count())
        ]
        if same_clauses:
            # A vote changes a status at most: update the texts in place (no rebuild, no scroll).
            for i, (_cid, text, theme) in enumerate(rows):
                item = self.clause_list.item(i)
                if item.text() != text:
                    item.setText(text)
                item.setToolTip(theme)
        else:
            self.clause_list.clear()
            for cid, text, theme in rows:
                item = QListWidgetItem(text)
                item.setData(ID_ROLE, cid)
                item.setForeground(QBrush(QColor("#111111")))
                item.setToolTip(theme)
                self.clause_list.addItem(item)
        current = self.clause_list.currentItem()
        if current is None or current.data(ID_ROLE) != clause_id:
            for i, (cid, _text, _theme) in enumerate(rows):
                if cid == clause_id:
                    self.clause_list.setCurrentRow(i)
                    break
        self.clause_list.blockSignals(False)
        if self.clause_list.currentItem() is not None and not same_clauses:
            self.clause_list.scrollToItem(self.clause_list.currentItem())
        self.list_title.setText(
            translate("ClausesPage", "Clauses of the charter ({n})").format(n=len(shot.clauses))
        )
        index = self.clause_list.currentRow()
        self.remove_button.setEnabled(index >= 0)
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(0 <= index < self.clause_list.count() - 1)
        return index

    def retranslate(self) -> None:
        self.add_button.setText(translate("ClausesPage", "＋ Add clauses from the library"))
        self.remove_button.setText(translate("ClausesPage", "Remove…"))
        self.up_button.setToolTip(translate("ClausesPage", "Move up (Alt+Up)"))
        self.down_button.setToolTip(translate("ClausesPage", "Move down (Alt+Down)"))
        self.up_button.setAccessibleName(translate("ClausesPage", "Move up"))
        self.down_button.setAccessibleName(translate("ClausesPage", "Move down"))
