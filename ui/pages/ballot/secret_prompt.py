"""The private screen of a secret ballot, where one voter at a time makes a choice."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.pages.ballot.widgets import CHOICE_KEYS, CardButton
from ui.style import CHOICE_COLOURS, scaled_font
from workshop.model import Choice, Method, choices_for, label

#: Seconds the secret prompt waits for a choice before clearing itself.
SECRET_TIMEOUT_S = 20


class SecretPrompt(QFrame):
    """The private prompt of a secret ballot: three big choices, nothing else.

    It covers the whole panel, shows no trace of earlier choices and clears itself after
    each vote or after ``SECRET_TIMEOUT_S`` seconds without a choice.
    """

    chosen = Signal(int, str)  # participant, choice
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("secretPrompt")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.Box)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.participant_id: int | None = None
        self._choices: tuple[Choice, ...] = ()
        self.title = QLabel()
        self.title.setFont(scaled_font(self.font(), 1.6, True))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.voter = QLabel()
        self.voter.setFont(scaled_font(self.font(), 1.4, True))
        self.voter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.voter.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setFont(scaled_font(self.font(), 1.1))
        self.buttons_row = QHBoxLayout()
        self.buttons_row.setSpacing(16)
        self.buttons: list[CardButton] = []
        self.countdown = QLabel()
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cancel_button = QPushButton()
        self.cancel_button.setMinimumHeight(40)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.voter)
        layout.addWidget(self.hint)
        layout.addSpacing(12)
        layout.addLayout(self.buttons_row)
        layout.addSpacing(12)
        layout.addWidget(self.countdown)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.cancel)
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self._left = 0
        self.hide()
        self.retranslate()

    def ask(self, participant_id: int, name: str, method: Method) -> None:
        """Show the prompt for one voter, with fresh buttons (no trace of the last voter)."""
        self.participant_id = participant_id
        self.voter.setText(name)
        self._choices = choices_for(method)
        for button in self.buttons:
            self.buttons_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.buttons = []
        lang = i18n.current()
        for number, choice in enumerate(self._choices, start=1):
            button = CardButton(self, focusable=False)
            button.floor = 110
            button.set_lines(
                [
                    (label(choice, lang).capitalize(), 2.0, True),
                    (self.tr("key {n}").format(n=number), 0.9, False),
                ]
            )
            button.set_colours(CHOICE_COLOURS[choice], None)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            self.buttons_row.addWidget(button)
            self.buttons.append(button)
        self._left = SECRET_TIMEOUT_S
        self._tick(first=True)
        self.timer.start(SECRET_TIMEOUT_S * 1000)
        self.ticker.start()
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        """Hide and forget the voter: the next person sees an empty screen."""
        self.timer.stop()
        self.ticker.stop()
        self.participant_id = None
        self.voter.setText("")
        self.countdown.setText("")
        for button in self.buttons:
            self.buttons_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.buttons = []
        self.hide()

    def cancel(self) -> None:
        was_open = self.participant_id is not None
        self.clear()
        if was_open:
            self.cancelled.emit()

    def _choose(self, choice: Choice) -> None:
        participant = self.participant_id
        self.clear()
        if participant is not None:
            self.chosen.emit(participant, choice.value)

    def _tick(self, first: bool = False) -> None:
        if not first:
            self._left = max(0, self._left - 1)
        self.countdown.setText(
            self.tr("This screen clears itself in {n} s without a choice.").format(n=self._left)
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        event.accept()
        if event.key() in CHOICE_KEYS and self.participant_id is not None:
            index = CHOICE_KEYS.index(event.key())
            if index < len(self._choices):
                self._choose(self._choices[index])
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        event.ignore()
        super().keyPressEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Secret ballot"))
        self.hint.setText(
            self.tr("Choose on your own: nobody else looks at the screen while you vote.")
        )
        self.cancel_button.setText(self.tr("Cancel: not this person"))
