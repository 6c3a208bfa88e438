"""File ▸ Import a review…: a lawyer's reviewed DOCX listed per article; the facilitator
ticks the articles to record as amendments proposed by « Relecture juridique ».

The dialog only reads (``workshop.review``); nothing is ticked at first and nothing is
recorded until the facilitator asks: then the ticked articles go through the controller as
one operation (``operations.review.record_review``: one change, one undo). An article
whose wording changed in the workshop since the export, or that cannot be recorded for
another reason, is shown with the reason and cannot be ticked.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs
from ui.controller import WorkshopController
from workshop.errors import WorkshopError
from workshop.operations.review import record_review
from workshop.review.proposals import Proposal, State, proposals
from workshop.review.reader import Review, ReviewedClause, read_review
from workshop.review.report import clause_lines, outside_line

DOCX_FILTER = "Word (*.docx)"


def run_modal(dialog: QDialog) -> bool:
    """Show the dialog; True when the facilitator asks to record (tests replace this)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


class ReviewDialog(QDialog):
    """One reviewed document: per article, what the reviewer did and whether to record it."""

    def __init__(
        self, controller: WorkshopController, review: Review, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.review = review
        self.proposals: list[Proposal] = proposals(controller.snapshot, review)
        self.resize(960, 620)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.tree, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.record_button = QPushButton()
        self.buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.items: list[QTreeWidgetItem] = []
        self._fill()
        self.tree.itemChanged.connect(self._update_button)
        self.retranslate()

    def _fill(self) -> None:
        for proposal in self.proposals:
            reviewed = proposal.reviewed
            item = QTreeWidgetItem(self.tree)
            item.setText(0, reviewed.reference)
            number = f"{proposal.number} — " if proposal.number is not None else ""
            item.setText(1, number + proposal.title)
            if proposal.recordable:  # the others show why, without a box to tick
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Unchecked)
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            for line in clause_lines(reviewed):
                child = QTreeWidgetItem(item)
                child.setText(1, line)
                child.setToolTip(1, line)
            item.setExpanded(True)
            self.items.append(item)
        self.outside_item: QTreeWidgetItem | None = None
        if self.review.outside:
            self.outside_item = QTreeWidgetItem(self.tree)
            for entry in self.review.outside:
                child = QTreeWidgetItem(self.outside_item)
                child.setText(1, outside_line(entry))
                child.setToolTip(1, child.text(1))
            self.outside_item.setExpanded(True)

    def _state_text(self, state: State) -> str:
        return {
            State.RECORDABLE: self.tr("can be recorded"),
            State.RECORDED: self.tr("already recorded"),
            State.STALE: self.tr("changed in the workshop since this export: not recordable"),
            State.UNKNOWN: self.tr("no clause of this workshop has this reference"),
            State.NOT_ADOPTED: self.tr("no longer adopted: not recordable"),
            State.NO_WORDING: self.tr("wording unchanged: nothing to record"),
        }[state]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a review"))
        n, m = len(self.proposals), len(self.review.outside)
        text = self.tr("“{name}”: {n} reviewed article(s), {m} item(s) outside articles.")
        text = text.format(name=self.review.name, n=n, m=m)
        if not self.review.bookmarks and n:
            text += " " + self.tr(
                "The article bookmarks are gone: articles were found by their visible reference."
            )
        if not n and not m:
            text += " " + self.tr("Nothing from a reviewer in this document.")
        text += " " + self.tr(
            "Tick the articles whose reviewed wording becomes an amendment proposed by "
            "“Legal review”; nothing is recorded otherwise."
        )
        self.summary.setText(text)
        self.tree.setHeaderLabels([self.tr("Ref."), self.tr("Article"), self.tr("Status")])
        for item, proposal in zip(self.items, self.proposals, strict=True):
            item.setText(2, self._state_text(proposal.state))
        if self.outside_item is not None:
            self.outside_item.setText(1, self.tr("Outside articles"))
        self._update_button()

    def _update_button(self, *_: object) -> None:
        n = len(self.chosen())
        self.record_button.setText(self.tr("Record {n} amendment(s)").format(n=n))
        self.record_button.setEnabled(n > 0)

    def tick(self, reference: str, checked: bool = True) -> None:
        """Tick (or untick) an article by its reference, if it can be recorded."""
        for item, proposal in zip(self.items, self.proposals, strict=True):
            if proposal.reviewed.reference == reference and proposal.recordable:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                item.setCheckState(0, state)

    def chosen(self) -> list[ReviewedClause]:
        """The ticked articles, in the document's order."""
        return [
            proposal.reviewed
            for item, proposal in zip(self.items, self.proposals, strict=True)
            if proposal.recordable and item.checkState(0) == Qt.CheckState.Checked
        ]


def import_review(controller: WorkshopController, parent: QWidget | None = None) -> bool:
    """Choose a reviewed DOCX, list it, record what the facilitator ticks; True if recorded."""
    if not controller.is_open:
        return False
    title = QCoreApplication.translate("ReviewDialog", "Choose the reviewed document")
    path = dialogs.ask_open_path(parent, title, DOCX_FILTER)
    if not path:
        return False
    try:
        review = read_review(path)
    except WorkshopError as error:  # hostile, damaged or not a Word document: one line
        dialogs.show_error(parent, str(error))
        return False
    dialog = ReviewDialog(controller, review, parent)
    try:
        if not run_modal(dialog):
            return False
        chosen = dialog.chosen()
    finally:
        dialog.deleteLater()
    if not chosen:
        return False
    return controller.run(record_review, chosen) is not None
