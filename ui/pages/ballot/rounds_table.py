"""The rounds already taken on a clause: rule, capture mode and outcome of each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ui import i18n
from ui.style import OPEN_MARK, outcome_text
from workshop import snapshot as snap
from workshop.model import CaptureMode, Method, Outcome, label


class RoundsTable(QTableWidget):
    """One row per round; shown only where it tells more than the result (see the panel)."""

    def __init__(self) -> None:
        super().__init__()
        self.setColumnCount(4)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def fill(self, clause: snap.Clause, visible: bool) -> None:
        """The rounds, in the panel's translation context (BallotPanel), as before the split."""
        lang = i18n.current()
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("BallotPanel", "Round"),
                QCoreApplication.translate("BallotPanel", "Decision rule"),
                QCoreApplication.translate("BallotPanel", "Votes taken"),
                QCoreApplication.translate("BallotPanel", "Outcome"),
            ]
        )
        self.setRowCount(len(clause.ballots))
        for row, ballot in enumerate(clause.ballots):
            if ballot.is_open:
                in_progress = QCoreApplication.translate("BallotPanel", "vote in progress")
                outcome = f"{OPEN_MARK} {in_progress}"
            elif ballot.outcome:
                outcome = outcome_text(Outcome(ballot.outcome), lang)
            else:
                outcome = ""
            values = [
                str(ballot.round),
                label(Method(ballot.method), lang),
                label(CaptureMode(ballot.capture), lang),
                outcome,
            ]
            for column, value in enumerate(values):
                self.setItem(row, column, QTableWidgetItem(value))
        self.resizeRowsToContents()
        self.setVisible(visible)
        if visible:
            height = self.horizontalHeader().sizeHint().height() + 4
            height += sum(self.rowHeight(r) for r in range(min(3, len(clause.ballots))))
            self.setFixedHeight(height)
