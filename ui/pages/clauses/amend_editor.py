"""The amendments tab: propose a new wording, see the change, read the history."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.style import scaled_font
from ui.widgets.clause_text import DiffView, diff_counts, word_diff_html
from workshop import snapshot as snap
from workshop.operations import clauses as clause_ops

if TYPE_CHECKING:
    from ui.pages.clauses.page import ClausesPage


class AmendEditor(QWidget):
    """Propose a new wording: who proposes it, why, and the before/after as you type."""

    def __init__(self, page: ClausesPage) -> None:
        super().__init__()
        self.page = page
        self.editor_label = QLabel()
        self.editor = QPlainTextEdit()
        self.editor.setFont(scaled_font(self.editor.font(), 1.15))
        self.editor.textChanged.connect(self._update_diff)
        self.diff_label = QLabel()
        self.diff = DiffView(scale=1.15)
        # What the last round objected to, beside the text being rewritten to answer it.
        self.remarks_label = QLabel()
        self.remarks_label.setFont(scaled_font(self.font(), 1.0, True))
        self.remarks = QTextBrowser()
        self.remarks.setObjectName("lastRoundRemarks")
        self.remarks.setOpenLinks(False)
        self.remarks.setMaximumHeight(140)
        left = QVBoxLayout()
        left.addWidget(self.remarks_label)
        left.addWidget(self.remarks)
        left.addWidget(self.editor_label)
        left.addWidget(self.editor, 1)
        right = QVBoxLayout()
        right.addWidget(self.diff_label)
        right.addWidget(self.diff, 1)
        panes = QHBoxLayout()
        panes.addLayout(left, 1)
        panes.addLayout(right, 1)

        self.college_label = QLabel()
        self.college = QComboBox()
        self.reason_label = QLabel()
        self.reason = QLineEdit()
        self.save_button = QPushButton()
        self.save_button.setMinimumHeight(40)
        self.save_button.clicked.connect(self.save)
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self.reset_text)
        fields = QGridLayout()
        fields.addWidget(self.college_label, 0, 0)
        fields.addWidget(self.college, 0, 1)
        fields.addWidget(self.reason_label, 1, 0)
        fields.addWidget(self.reason, 1, 1)
        fields.setColumnStretch(1, 1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)

        self.history_label = QLabel()
        self.history_label.setFont(scaled_font(self.font(), 1.0, True))
        self.history = QTextBrowser()
        self.history.setOpenLinks(False)

        editing = QWidget()
        top = QVBoxLayout(editing)
        top.setContentsMargins(0, 0, 0, 0)
        top.addLayout(panes, 1)
        top.addLayout(fields)
        top.addWidget(self.note)
        top.addLayout(buttons)
        past = QWidget()
        bottom = QVBoxLayout(past)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.history_label)
        bottom.addWidget(self.history, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(editing)
        splitter.addWidget(past)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self.clause: snap.Clause | None = None
        self._base = ""
        self.locked = False

    def show_clause(self, shot: snap.Snapshot, clause: snap.Clause | None, locked: bool) -> None:
        """Prefill with the current wording when the clause or its wording changed."""
        previous = self.clause
        self.clause, self.locked = clause, locked
        same_clause = previous is not None and clause is not None and previous.id == clause.id
        # « Proposed by » belongs to the amendment being written: another clause starts blank.
        current_college = self.college.currentData() if same_clause else None
        self.college.blockSignals(True)
        self.college.clear()
        self.college.addItem(self.tr("(nobody in particular)"), None)
        for college in shot.colleges:
            self.college.addItem(college.name, college.id)
        self.college.setCurrentIndex(max(0, self.college.findData(current_college)))
        self.college.blockSignals(False)
        self._fill_remarks(shot, clause)
        if clause is None:
            self._base = ""
            self.editor.setPlainText("")
        elif previous is None or previous.id != clause.id:
            self._base = clause.text
            self.editor.setPlainText(clause.text)
            self.reason.clear()
        elif self._base != clause.text:
            # The wording changed elsewhere (variant, undo): follow it unless a draft differs.
            draft = self.draft()
            unedited = draft == self._base
            self._base = clause.text
            if unedited or draft == clause.text:
                self.editor.setPlainText(clause.text)
        self._fill_history(shot, clause)
        self._update_diff()

    def draft(self) -> str:
        """The edited wording as typed, keeping French non-breaking spaces.

        ``toPlainText`` would turn them into ordinary spaces, so an amendment would
        silently rewrite the typography of the whole clause.
        """
        return self.editor.document().toRawText().replace("\u2029", "\n")

    def reset_text(self) -> None:
        self.editor.setPlainText(self._base)

    def _update_diff(self) -> None:
        text = self.draft()
        self.diff.set_texts(self._base, text)
        changed = self.clause is not None and text.strip() != "" and text.strip() != self._base
        self.save_button.setEnabled(changed and not self.locked)
        self.editor.setReadOnly(self.locked)
        if self.locked:
            self.note.setText(self.tr("The wording cannot change while the vote is open."))
        elif changed:
            added, removed = diff_counts(self._base, text)
            self.note.setText(
                self.tr("{added} word(s) added, {removed} removed.").format(
                    added=added, removed=removed
                )
            )
        else:
            self.note.setText("")

    def _fill_remarks(self, shot: snap.Snapshot, clause: snap.Clause | None) -> None:
        """The objections and reservations of the clause's last closed round, if any."""
        closed = [b for b in (clause.ballots if clause else ()) if not b.is_open]
        last = max(closed, key=lambda b: b.round, default=None)
        remarks = sorted(last.remarks, key=lambda r: (r.kind != "objection", r.id)) if last else []
        self.remarks_label.setVisible(bool(remarks))
        self.remarks.setVisible(bool(remarks))
        if not remarks or last is None:
            self.remarks_label.setText("")
            self.remarks.clear()
            return
        self.remarks_label.setText(
            self.tr("Objections and reservations of round {n}").format(n=last.round)
        )
        parts = []
        for remark in remarks:
            kind = self.tr("Objection") if remark.kind == "objection" else self.tr("Reservation")
            college = shot.college(remark.college_id)
            who = f" ({html.escape(college.name)})" if college is not None else ""
            parts.append(f"<p><b>{html.escape(kind)}</b>{who} — {html.escape(remark.text)}</p>")
        self.remarks.setHtml("".join(parts))

    def _fill_history(self, shot: snap.Snapshot, clause: snap.Clause | None) -> None:
        amendments = clause.amendments if clause else ()
        self.history_label.setText(self.tr("Amendment history ({n})").format(n=len(amendments)))
        if not amendments:
            none_yet = self.tr("No amendment yet.")
            self.history.setHtml(f"<p><i>{html.escape(none_yet)}</i></p>")
            return
        parts = []
        for number, amendment in reversed(list(enumerate(amendments, start=1))):
            college = shot.college(amendment.college_id)
            head = self.tr("Amendment {n}").format(n=number)
            when = amendment.created_at[11:16] if len(amendment.created_at) >= 16 else ""
            details = [when] if when else []
            if college is not None:
                details.append(self.tr("proposed by {college}").format(college=college.name))
            if amendment.reason:
                details.append(self.tr("reason: {reason}").format(reason=amendment.reason))
            parts.append(
                f"<p><b>{html.escape(head)}</b> — {html.escape(' · '.join(details))}<br>"
                f"{word_diff_html(amendment.before, amendment.after)}</p>"
            )
        self.history.setHtml("".join(parts))

    def save(self) -> bool:
        """Record the amendment through the domain (it refuses an unchanged wording)."""
        if self.clause is None or self.locked:
            return False
        changes = self.page.controller.run(
            clause_ops.amend,
            self.clause.id,
            self.draft(),
            college_id=self.college.currentData(),
            reason=self.reason.text(),
        )
        if changes is None:
            return False
        self.reason.clear()
        self.page.amended(self.clause.id)
        return True

    def retranslate(self) -> None:
        self.editor_label.setText(self.tr("Proposed wording"))
        self.diff_label.setText(self.tr("Before / after"))
        self.college_label.setText(self.tr("Proposed by"))
        self.reason_label.setText(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Why the group changes the wording"))
        self.save_button.setText(self.tr("Record the amendment"))
        self.reset_button.setText(self.tr("Start again from the current wording"))
        if self.college.count():
            self.college.setItemText(0, self.tr("(nobody in particular)"))
        self.diff.retranslate()
        self._update_diff()
