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
from workshop import results
from workshop import snapshot as snap
from workshop.model import CaptureMode, Choice, label


class ResultView(QWidget):
    """The outcome of a closed round: built only from ``results.round_result`` after closing."""

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

    def show_result(self, shot: snap.Snapshot, rr: results.RoundResult, lang: str) -> None:
        """Fill the outcome, the sentence for the minutes and the per-college table.

        Every figure comes from ``results.round_result``: the minutes and the projected
        slide read the same one.
        """
        ballot = rr.ballot
        outcome = rr.outcome
        self.outcome.setText(outcome_text(outcome, lang).capitalize())
        self.outcome.setStyleSheet(f"color: {OUTCOME_COLOURS[outcome]};")
        names = {c.id: c.name for c in shot.colleges}
        chair = shot.participant(rr.settings.chair)
        self.sentence.setText(
            rr.sentence(lang, names, chair.shown_name() if chair is not None else "")
        )
        self.rules.setText(
            self.tr("Round {n} closed").format(n=ballot.round)
            + " · "
            + " · ".join(results.describe_rules(rr.settings, lang))
        )
        self._fill_table(shot, rr, lang)
        secret = ballot.is_secret
        self.secret_note.setVisible(secret)
        self.secret_note.setText(
            ""
            if not secret
            else self.tr(
                "Secret ballot by drawn codes: only each college's totals were kept, not who chose what."
            )
            if ballot.capture == CaptureMode.CODES
            else self.tr("Secret ballot: only the totals were kept, not who chose what.")
        )
        self._fill_remarks(shot, ballot, lang)

    def _majority_cell(self, line: results.CollegeLine, lang: str) -> str:
        if line.decision is not None:
            return self.tr("✓ reached") if line.decision.passed else self.tr("✗ not reached")
        if line.excluded:
            return self.tr("— not counted: {why}").format(why=line.excluded_words(lang))
        return self.tr("— no vote cast")

    def _fill_table(self, shot: snap.Snapshot, rr: results.RoundResult, lang: str) -> None:
        choices = rr.choices
        show_dm = rr.double_majority
        headers = [self.tr("College")] + [label(c, lang).capitalize() for c in choices]
        headers.append(self.tr("No vote"))
        if show_dm:
            headers.append(self.tr("Majority"))
        rows: list[list[str]] = []
        for line in rr.colleges:
            college = shot.college(line.college_id)
            if line.tally.present == 0 and not (show_dm and line.excluded):
                continue  # nobody of it voted nor was expected to
            name = college.name if college is not None else f"#{line.college_id}"
            row = [name] + [str(line.tally.count(c)) for c in choices]
            row.append(str(line.tally.did_not_vote))
            if show_dm:
                row.append(self._majority_cell(line, lang))
            rows.append(row)
        result = rr.result
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
        if result.casting_vote is not None:
            chair = shot.participant(rr.settings.chair)
            casting = [
                self.tr("Casting vote: {name}").format(
                    name=chair.shown_name() if chair is not None else ""
                ),
                label(result.casting_vote, lang),
            ]
            rows.append(casting + [""] * (len(headers) - len(casting)))
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        bold = scaled_font(self.table.font(), 1.0, True)
        total_row = len(rows) - (2 if result.casting_vote is not None else 1)
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c > 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if r == total_row:
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
