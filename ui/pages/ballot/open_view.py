"""Capture while a round is open: voter cards for a vote by name or a secret ballot, counts otherwise."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.pages.ballot.counts_view import CountsView
from ui.pages.ballot.widgets import CardButton, VoterCard, VoterGrid
from ui.style import CHOICE_COLOURS, scaled_font
from workshop import snapshot as snap
from workshop.model import CaptureMode, Choice, label


class OpenView(QWidget):
    """Capture while the round is open: voter buttons, choices, or counts per college."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.instructions = QLabel()
        self.instructions.setWordWrap(True)
        self.instructions.setFont(scaled_font(self.font(), 1.1))
        self.progress = QLabel()
        self.progress.setFont(scaled_font(self.font(), 1.25, True))
        top = QHBoxLayout()
        top.addWidget(self.instructions, 1)
        top.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignTop)

        self.grid = VoterGrid()
        self.grid_scroll = QScrollArea()
        self.grid_scroll.setWidget(self.grid)
        self.grid_scroll.setWidgetResizable(True)
        self.grid_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.grid_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.counts = CountsView()
        self.counts_scroll = QScrollArea()
        self.counts_scroll.setWidget(self.counts)
        self.counts_scroll.setWidgetResizable(True)
        self.counts_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QStackedWidget()
        self.body.addWidget(self.grid_scroll)
        self.body.addWidget(self.counts_scroll)

        self.choice_row = QHBoxLayout()
        self.choice_row.setSpacing(12)
        self.choice_buttons: list[CardButton] = []
        self.choice_box = QWidget()
        self.choice_box.setLayout(self.choice_row)
        self.choice_row.setContentsMargins(0, 0, 0, 0)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.close_button = QPushButton()
        self.close_button.setMinimumHeight(44)
        self.close_button.setFont(scaled_font(self.close_button.font(), 1.15, True))
        self.cancel_button = QPushButton()
        self.cancel_button.setMinimumHeight(44)
        footer = QHBoxLayout()
        footer.addWidget(self.message, 1)
        footer.addWidget(self.cancel_button)
        footer.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.choice_box)
        layout.addLayout(footer)
        self._choices: tuple[Choice, ...] = ()
        self.progress_drawn = 0  # how many times the progress line changed (tests read it)
        self.grid.current_changed.connect(self._reveal)

    def show_voted(self, ballot: snap.Ballot, *, sized: bool = False) -> None:
        """« 12 of 40 have voted »: who voted, never what (sized for the round as it opens)."""
        n = len(ballot.voters)
        voted = sum(1 for v in ballot.voters if v.voted)
        line = QCoreApplication.translate("BallotPanel", "{voted} of {n} have voted")
        self.set_progress(line.format(voted=voted, n=n), line.format(voted=n, n=n) if sized else "")

    def set_progress(self, text: str, widest: str = "") -> None:
        """The progress line (« 12 of 40 have voted »), which never tells a tally.

        The label keeps a fixed size, wide enough for ``widest`` (the line once everyone has
        voted): a vote then repaints this one line without a layout pass over the panel.
        """
        label = self.progress
        if text == label.text() and not widest:
            return
        label.setText(text)
        wanted = label.sizeHint()
        if widest:  # a round starts: size the line for its longest text
            metrics = label.fontMetrics()
            extra = metrics.horizontalAdvance(widest) - metrics.horizontalAdvance(text)
            wanted.setWidth(wanted.width() + max(0, extra))
            label.setFixedSize(wanted)
        elif wanted.width() > label.width() or wanted.height() > label.height():
            label.setFixedSize(wanted.expandedTo(label.size()))
        self.progress_drawn += 1

    def _reveal(self, participant_id: int | None) -> None:
        """Keep the voter picked by keyboard in view (the grid may scroll)."""
        if participant_id is not None:
            self.grid_scroll.ensureWidgetVisible(self.grid.button(participant_id), 8, 8)

    def set_choices(self, choices: tuple[Choice, ...] | None, on_choice: object) -> None:
        """Choice buttons for a vote by name; none for counts and secret ballots."""
        if choices == self._choices and self.choice_buttons:
            self._label_choices()
            return
        for button in self.choice_buttons:
            self.choice_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.choice_buttons = []
        self._choices = choices or ()
        for index, choice in enumerate(self._choices):
            button = CardButton(focusable=False)
            button.floor = 64
            button.set_colours(CHOICE_COLOURS[choice], None)
            button.clicked.connect(lambda _=False, i=index: on_choice(i))
            self.choice_row.addWidget(button)
            self.choice_buttons.append(button)
        self._label_choices()
        self.choice_box.setVisible(bool(self._choices))

    def _label_choices(self) -> None:
        lang = i18n.current()
        for number, (button, choice) in enumerate(
            zip(self.choice_buttons, self._choices, strict=True), start=1
        ):
            button.set_lines(
                [
                    (label(choice, lang).capitalize(), 1.5, True),
                    (self.tr("key {n}").format(n=number), 0.85, False),
                ]
            )


def voter_card(
    shot: snap.Snapshot,
    ballot: snap.Ballot,
    voter: snap.Voter,
    cast: Mapping[int, Choice],
    lang: str,
) -> VoterCard:
    """A voter's card: name, college, whether they voted and, in a vote by name, the
    choice this console recorded (``cast``; never for a secret ballot)."""
    secret = ballot.capture == CaptureMode.SECRET
    person = shot.participant(voter.participant_id)
    college = shot.college(voter.college_id)
    choice = cast.get(voter.participant_id) if voter.voted and not secret else None
    return VoterCard(
        participant_id=voter.participant_id,
        name=person.shown_name() if person else "?",
        college=college.name if college else "",
        colour=college.colour if college else "#999999",
        voted=voter.voted,
        enabled=not (secret and voter.voted),
        choice=label(choice, lang) if choice is not None else "",
    )
