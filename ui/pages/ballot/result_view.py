"""The outcome of a closed round: outcome, explanation, rules and per-college table."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.pages.ballot.widgets import scrolling
from ui.style import OUTCOME_COLOURS, outcome_text, scaled_font
from workshop import snapshot as snap
from workshop import voting
from workshop.model import CaptureMode, Choice, Method, choices_for, label


class ResultView(QWidget):
    """The outcome of a closed round: built only from ``compute_result`` after closing."""

    add_remark = Signal()
    amend_and_revote = Signal()
    new_round = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome = QLabel()
        self.outcome.setFont(scaled_font(self.font(), 1.9, True))
        self.rules = QLabel()
        self.rules.setWordWrap(True)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setFont(scaled_font(self.font(), 1.2))
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        self.table.setFont(scaled_font(self.font(), 1.1))
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.secret_note = QLabel()
        self.secret_note.setWordWrap(True)
        self.remarks = QLabel()
        self.remarks.setWordWrap(True)
        self.remarks.setTextFormat(Qt.TextFormat.RichText)
        self.remark_button = QPushButton()
        self.amend_button = QPushButton()
        self.again_button = QPushButton()
        for button, signal in (
            (self.remark_button, self.add_remark),
            (self.amend_button, self.amend_and_revote),
            (self.again_button, self.new_round),
        ):
            button.setMinimumHeight(40)
            button.clicked.connect(signal)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remark_button)
        buttons.addWidget(self.amend_button)
        buttons.addWidget(self.again_button)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 4, 0)
        inner.addWidget(self.outcome)
        inner.addWidget(self.sentence)
        inner.addWidget(self.rules)
        inner.addWidget(self.table)
        inner.addWidget(self.secret_note)
        inner.addWidget(self.remarks)
        inner.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scrolling(content), 1)
        layout.addLayout(buttons)

    def clear(self) -> None:
        """No result text survives once the panel shows something else."""
        for widget in (self.outcome, self.sentence, self.rules, self.secret_note, self.remarks):
            widget.setText("")
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)

    def show_result(
        self,
        shot: snap.Snapshot,
        ballot: snap.Ballot,
        result: voting.Result,
        lang: str,
    ) -> None:
        """Fill the outcome, the sentence for the minutes and the per-college table."""
        rules = voting.BallotRules(
            method=Method(ballot.method),
            abstentions_count=ballot.abstentions_count,
            double_majority=ballot.double_majority,
            quorum=ballot.quorum,
        )
        outcome = result.outcome
        self.outcome.setText(outcome_text(outcome, lang).capitalize())
        self.outcome.setStyleSheet(f"color: {OUTCOME_COLOURS[outcome]};")
        self.sentence.setText(voting.explain(result, rules, lang))
        self.rules.setText(
            self.tr("Round {n} closed").format(n=ballot.round)
            + " · "
            + self._rules_line(ballot, lang)
        )
        self._fill_table(shot, ballot, result, lang)
        secret = ballot.capture == CaptureMode.SECRET
        self.secret_note.setVisible(secret)
        self.secret_note.setText(
            self.tr("Secret ballot: only the totals were kept, not who chose what.")
            if secret
            else ""
        )
        self._fill_remarks(shot, ballot, lang)

    def _rules_line(self, ballot: snap.Ballot, lang: str) -> str:
        parts = [
            label(Method(ballot.method), lang),
            label(CaptureMode(ballot.capture), lang),
        ]
        if ballot.abstentions_count:
            parts.append(self.tr("abstentions counted"))
        if ballot.double_majority == 0:
            parts.append(self.tr("majority needed in every college"))
        elif ballot.double_majority:
            parts.append(
                self.tr("majority needed in at least {n} colleges").format(n=ballot.double_majority)
            )
        if ballot.quorum:
            parts.append(self.tr("quorum {n}").format(n=ballot.quorum))
        return " · ".join(parts)

    def _fill_table(
        self, shot: snap.Snapshot, ballot: snap.Ballot, result: voting.Result, lang: str
    ) -> None:
        choices = choices_for(Method(ballot.method))
        per_college: dict[int, dict[str, int]] = {}
        present: dict[int, int] = {}
        for voter in ballot.voters:
            present[voter.college_id] = present.get(voter.college_id, 0) + 1
        if ballot.capture == CaptureMode.NOMINATIVE:
            college_of = {v.participant_id: v.college_id for v in ballot.voters}
            for vote in ballot.votes:
                college = college_of.get(vote.participant_id)
                row = per_college.setdefault(college, {})
                row[vote.choice] = row.get(vote.choice, 0) + 1
        elif ballot.capture == CaptureMode.COUNTS:
            for count in ballot.counts:
                if count.college_id is not None:
                    per_college.setdefault(count.college_id, {})[count.choice] = count.n
        show_colleges = ballot.capture != CaptureMode.SECRET
        show_dm = ballot.double_majority is not None and show_colleges
        headers = [self.tr("College")] + [label(c, lang).capitalize() for c in choices]
        headers.append(self.tr("No vote"))
        if show_dm:
            headers.append(self.tr("Majority"))
        rows: list[list[str]] = []
        if show_colleges:
            for college in shot.colleges:
                if college.id not in present:
                    continue
                numbers = per_college.get(college.id, {})
                took = sum(numbers.values())
                row = [college.name] + [str(numbers.get(c.value, 0)) for c in choices]
                row.append(str(present[college.id] - took))
                if show_dm:
                    decision = result.colleges.get(college.id)
                    if decision is None:
                        row.append(self.tr("— no vote cast"))
                    elif decision.passed:
                        row.append(self.tr("✓ reached"))
                    else:
                        row.append(self.tr("✗ not reached"))
                rows.append(row)
        tally = result.tally
        total = [self.tr("All colleges")] + [str(tally.count(c)) for c in choices]
        total.append(str(tally.did_not_vote))
        if show_dm:
            total.append(
                self.tr("{passed} of {n} colleges").format(
                    passed=result.colleges_passed, n=len(result.colleges)
                )
            )
        rows.append(total)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        bold = scaled_font(self.table.font(), 1.0, True)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c > 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if r == len(rows) - 1:
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        height = header.sizeHint().height() + 2 * self.table.frameWidth() + 2
        height += sum(self.table.rowHeight(r) for r in range(len(rows)))
        self.table.setFixedHeight(height)

    def _fill_remarks(self, shot: snap.Snapshot, ballot: snap.Ballot, lang: str) -> None:
        lines = []
        for remark in ballot.remarks:
            kind = label(Choice(remark.kind), lang).capitalize()
            who = []
            participant = shot.participant(remark.participant_id)
            if participant is not None:
                who.append(participant.shown_name())
            college = shot.college(remark.college_id)
            if college is not None:
                who.append(college.name)
            head = f"{kind} ({', '.join(who)})" if who else kind
            lines.append(f"<b>{html.escape(head)}</b> — {html.escape(remark.text)}")
        self.remarks.setText("<br>".join(lines))
        self.remarks.setVisible(bool(lines))

    def retranslate(self) -> None:
        self.remark_button.setText(self.tr("Add a reservation"))
        self.amend_button.setText(self.tr("Amend and vote again"))
        self.again_button.setText(self.tr("New round, same wording"))
