"""The suggestions panel's card: one suggested action, why, and its « Add » button."""

from __future__ import annotations

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from workshop import coherence
from workshop.model import label


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
