"""The ballot panel: set up a round, capture the votes without any tally, show the outcome.

Confidentiality by construction (domain.md §4: results visible before the vote closes
anchor the group):

* while a round is open the panel reads only who has voted (an open ballot's snapshot
  carries no choices and no counts) and no widget ever keeps what a voter chose: choice
  buttons are not checkable, voter buttons say only « a voté », typed counts are cleared
  as soon as a college is recorded, and the secret prompt empties itself after each vote;
* result widgets are built from ``ballots.compute_result`` only once the round is closed,
  and emptied whenever the panel shows something else.

Every change goes through ``controller.run``; the panel redraws from the ``changed`` signal
(through its page), so an undo of a vote shows at once.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QElapsedTimer, QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs, i18n
from ui.controller import WorkshopController
from ui.pages.clause_picker import fold
from workshop import snapshot as snap
from workshop import voting
from workshop.errors import WorkshopError
from workshop.model import CaptureMode, Choice, Method, Outcome, choices_for, label
from workshop.operations import ballots
from workshop.session import BALLOTS, Changes

#: How the session words undo and redo events (French and English workshops).
HISTORY_PREFIXES = ("Annulation", "Rétablissement", "Undo", "Redo")

#: Seconds the secret prompt waits for a choice before clearing itself.
SECRET_TIMEOUT_S = 20

OUTCOME_MARKS = {
    Outcome.ADOPTED: "✓",
    Outcome.ADOPTED_WITH_RESERVATIONS: "✓",
    Outcome.REJECTED: "✗",
    Outcome.POSTPONED: "↻",
}
OUTCOME_COLOURS = {
    Outcome.ADOPTED: "#0B6B35",
    Outcome.ADOPTED_WITH_RESERVATIONS: "#5A6B0B",
    Outcome.REJECTED: "#A01818",
    Outcome.POSTPONED: "#8A5A00",
}
OPEN_MARK = "●"
PENDING_MARK = "○"
OPEN_COLOUR = "#0B4F8A"

#: Stripe colours of the choice buttons; their label always says the choice too.
CHOICE_COLOURS = {
    Choice.FOR: "#1B8A4A",
    Choice.CONSENT: "#1B8A4A",
    Choice.AGAINST: "#B22222",
    Choice.OBJECTION: "#B22222",
    Choice.ABSTAIN: "#777777",
    Choice.RESERVATION: "#C98A00",
}

_CHOICE_KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3)


def outcome_text(outcome: Outcome, lang: str) -> str:
    """« ✓ adoptée »: a mark and a word, so the outcome never relies on colour."""
    return f"{OUTCOME_MARKS[outcome]} {label(outcome, lang)}"


def scaled_font(font: QFont, factor: float, bold: bool = False) -> QFont:
    """A copy of ``font`` ``factor`` times larger (readable on the projector)."""
    result = QFont(font)
    size = result.pointSizeF() if result.pointSizeF() > 0 else 10.0
    result.setPointSizeF(size * factor)
    result.setBold(bold)
    return result


def _tint(colour: str, amount: float = 0.22) -> QColor:
    """A light wash of a college colour, dark text stays readable on it."""
    base = QColor(colour)
    white = QColor("#FFFFFF")
    return QColor(
        round(white.red() + (base.red() - white.red()) * amount),
        round(white.green() + (base.green() - white.green()) * amount),
        round(white.blue() + (base.blue() - white.blue()) * amount),
    )


def _scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless vertical scroll area (small screens, long results)."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.viewport().setAutoFillBackground(False)
    widget.setAutoFillBackground(False)
    return area


# ---------------------------------------------------------------------------------------
# A big button with wrapped lines of text


class CardButton(QAbstractButton):
    """A large button with several wrapped lines (name, college, state) and a colour stripe.

    ``text()`` holds all the lines, for accessibility and tests; the stripe, tint and badge
    are only second cues: the lines always say the same thing in words. A word too long
    for the button shrinks its line rather than being cut.
    """

    PAD = 9
    STRIPE = 12

    def __init__(self, parent: QWidget | None = None, *, focusable: bool = True) -> None:
        super().__init__(parent)
        self._lines: list[tuple[str, float, bool]] = []
        self._stripe: QColor | None = None
        self._tint: QColor | None = None
        self._badge = ""
        self.floor = 52
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        if not focusable:
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_lines(self, lines: Sequence[tuple[str, float, bool]], badge: str = "") -> None:
        """Lines as (text, size factor, bold); ``badge`` is a big mark in the corner."""
        self._lines = [line for line in lines if line[0]]
        self._badge = badge
        self.setText("\n".join(text for text, _, _ in self._lines))
        self.setAccessibleName(self.text().replace("\n", ", "))
        self.updateGeometry()
        self.update()

    def set_colours(self, stripe: str | None, tint: str | None = None) -> None:
        self._stripe = QColor(stripe) if stripe else None
        self._tint = _tint(tint) if tint else None
        self.update()

    def _badge_font(self) -> QFont:
        return scaled_font(self.font(), 1.7, True)

    def _inner(self, width: int) -> int:
        left = self.PAD + (self.STRIPE if self._stripe is not None else 0)
        right = self.PAD
        if self._badge:
            right += QFontMetrics(self._badge_font()).horizontalAdvance(self._badge) + 4
        return max(30, width - 4 - left - right)

    def _fitted(self, text: str, factor: float, bold: bool, inner: int) -> QFont:
        font = scaled_font(self.font(), factor, bold)
        metrics = QFontMetrics(font)
        longest = max((metrics.horizontalAdvance(word) for word in text.split()), default=0)
        if longest > inner:
            font.setPointSizeF(max(6.0, font.pointSizeF() * inner / longest * 0.97))
        return font

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt API)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        inner = self._inner(width)
        height = 2 * self.PAD + 2
        for text, factor, bold in self._lines:
            metrics = QFontMetrics(self._fitted(text, factor, bold, inner))
            rect = metrics.boundingRect(QRect(0, 0, inner, 10_000), Qt.TextFlag.TextWordWrap, text)
            height += rect.height() + 2
        return max(self.floor, height)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(200, self.heightForWidth(200))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(100, self.floor)

    def paintEvent(self, _event: QEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        rect = self.rect().adjusted(2, 2, -2, -2)
        background = QColor(self._tint) if self._tint is not None else palette.button().color()
        if not self.isEnabled():
            background = palette.window().color()
        elif self.isDown():
            background = background.darker(118)
        elif self.underMouse():
            background = background.darker(105)
        path = QPainterPath()
        path.addRoundedRect(rect, 7, 7)
        painter.fillPath(path, background)
        if self._stripe is not None:
            painter.save()
            painter.setClipPath(path)
            stripe = QColor(self._stripe)
            if not self.isEnabled():
                stripe.setAlpha(90)
            painter.fillRect(QRect(rect.left(), rect.top(), self.STRIPE, rect.height()), stripe)
            painter.restore()
        if self.isChecked():
            painter.setPen(QPen(QColor("#111111"), 4))
        else:
            painter.setPen(QPen(palette.mid().color(), 1))
        painter.drawPath(path)
        if self.hasFocus():
            pen = QPen(palette.highlight().color(), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRoundedRect(rect.adjusted(5, 5, -5, -5), 5, 5)
        colour = QColor("#111111") if self._tint is not None else palette.buttonText().color()
        if not self.isEnabled():
            colour = palette.placeholderText().color()
        painter.setPen(colour)
        inner = self._inner(self.width())
        left = rect.left() + self.PAD + (self.STRIPE if self._stripe is not None else 0)
        y = rect.top() + self.PAD - 1
        for text, factor, bold in self._lines:
            font = self._fitted(text, factor, bold, inner)
            painter.setFont(font)
            box = QFontMetrics(font).boundingRect(
                QRect(0, 0, inner, 10_000), Qt.TextFlag.TextWordWrap, text
            )
            painter.drawText(
                QRect(left, y, inner, box.height()),
                Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft,
                text,
            )
            y += box.height() + 2
        if self._badge:
            painter.setFont(self._badge_font())
            painter.drawText(
                rect.adjusted(0, self.PAD - 4, -self.PAD, 0),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                self._badge,
            )
        painter.end()


# ---------------------------------------------------------------------------------------
# Voters


@dataclass(frozen=True)
class VoterCard:
    """What a voter's button may show: never their choice."""

    participant_id: int
    name: str
    college: str
    colour: str
    voted: bool
    enabled: bool = True


class VoterGrid(QWidget):
    """Big buttons, one per voter, picked by touch, arrows or by typing a name's start."""

    clicked_voter = Signal(int)
    activated = Signal(int)
    choice_key = Signal(int)
    current_changed = Signal(object)

    TYPEAHEAD_MS = 1200

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._grid = QGridLayout(self)
        self._grid.setSpacing(8)
        self._grid.setContentsMargins(2, 2, 2, 2)
        self._buttons: dict[int, CardButton] = {}
        self._cards: list[VoterCard] = []
        self._current: int | None = None
        self._columns = 3
        self._typed = ""
        self._typed_clock = QElapsedTimer()

    # -- content -------------------------------------------------------------------------
    def set_voters(self, cards: Sequence[VoterCard], voted_text: str, waiting_text: str) -> None:
        """Show ``cards``; buttons are reused when the voter list did not change."""
        same = [c.participant_id for c in cards] == [c.participant_id for c in self._cards]
        before = {c.participant_id: c for c in self._cards} if same else {}
        self._cards = list(cards)
        if not same:
            for button in self._buttons.values():
                button.hide()
                button.deleteLater()
            self._buttons = {}
            for card in cards:
                button = CardButton(self, focusable=False)
                button.setCheckable(True)
                button.clicked.connect(lambda _=False, pid=card.participant_id: self._clicked(pid))
                self._buttons[card.participant_id] = button
            self._relayout()
            if self._current not in self._buttons:
                self._current = None
        texts = (voted_text, waiting_text)
        full = not same or texts != getattr(self, "_texts", None)
        self._texts = texts
        for card in cards:
            if not full and before.get(card.participant_id) == card:
                continue  # one vote changes one card: leave the others alone (and unmeasured)
            button = self._buttons[card.participant_id]
            state = voted_text if card.voted else waiting_text
            button.set_lines(
                [(card.name, 1.15, True), (card.college, 0.9, False), (state, 0.95, card.voted)],
                badge="✓" if card.voted else "",
            )
            button.set_colours(card.colour, card.colour)
            button.setEnabled(card.enabled)
        self._show_current()
        if full:
            self._fit_heights()

    def cards(self) -> list[VoterCard]:
        return list(self._cards)

    def button(self, participant_id: int) -> CardButton:
        return self._buttons[participant_id]

    def _relayout(self) -> None:
        while self._grid.count():
            self._grid.takeAt(0)
        for index, card in enumerate(self._cards):
            row, column = divmod(index, self._columns)
            self._grid.addWidget(self._buttons[card.participant_id], row, column)
        for column in range(6):
            self._grid.setColumnStretch(column, 1 if column < self._columns else 0)
        self._fit_heights()

    def _fit_heights(self) -> None:
        """One height for every button: the tallest text at the current column width."""
        if not self._buttons:
            return
        spacing = self._grid.horizontalSpacing()
        width = (self.width() - 4 - spacing * (self._columns - 1)) // self._columns
        height = max(button.heightForWidth(max(100, width)) for button in self._buttons.values())
        for button in self._buttons.values():
            button.setFixedHeight(height)

    def resizeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        columns = max(2, min(5, self.width() // 170))
        if columns != self._columns:
            self._columns = columns
            self._relayout()
        else:
            self._fit_heights()
        super().resizeEvent(event)

    # -- current voter -------------------------------------------------------------------
    def current(self) -> int | None:
        return self._current

    def set_current(self, participant_id: int | None) -> None:
        if participant_id is not None and participant_id not in self._buttons:
            participant_id = None
        changed = participant_id != self._current
        self._current = participant_id
        self._show_current()
        if changed:
            self.current_changed.emit(participant_id)

    def _show_current(self) -> None:
        for pid, button in self._buttons.items():
            button.setChecked(pid == self._current)

    def next_waiting(self, after: int | None) -> int | None:
        """The next voter (in order, wrapping) who has not voted yet and can vote."""
        order = [c for c in self._cards if c.enabled]
        if not order:
            return None
        ids = [c.participant_id for c in order]
        start = ids.index(after) + 1 if after in ids else 0
        for offset in range(len(order)):
            card = order[(start + offset) % len(order)]
            if not card.voted:
                return card.participant_id
        return None

    def _clicked(self, participant_id: int) -> None:
        self.set_current(participant_id)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.clicked_voter.emit(participant_id)

    # -- keyboard ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        key = event.key()
        event.accept()
        ids = [c.participant_id for c in self._cards if c.enabled]
        if key in _CHOICE_KEYS:
            self.choice_key.emit(_CHOICE_KEYS.index(key))
            return
        moves = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -self._columns,
            Qt.Key.Key_Down: self._columns,
        }
        if key in moves and ids:
            all_ids = [c.participant_id for c in self._cards]
            index = all_ids.index(self._current) if self._current in all_ids else -1
            target = 0 if index < 0 else max(0, min(len(all_ids) - 1, index + moves[key]))
            self.set_current(all_ids[target])
            return
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and ids:
            self.set_current(ids[0] if key == Qt.Key.Key_Home else ids[-1])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self._current is not None:
                self.activated.emit(self._current)
            return
        if key == Qt.Key.Key_Escape:
            self.set_current(None)
            return
        text = event.text()
        if text and text.isprintable() and not text.isspace():
            self._type_ahead(text)
            return
        event.ignore()
        super().keyPressEvent(event)

    def _type_ahead(self, text: str) -> None:
        if not self._typed_clock.isValid() or self._typed_clock.elapsed() > self.TYPEAHEAD_MS:
            self._typed = ""
        self._typed_clock.restart()
        self._typed += fold(text)
        match = self.find(self._typed)
        if match is not None:
            self.set_current(match)

    def find(self, prefix: str) -> int | None:
        """The first voter whose name (or else a word of it) starts with ``prefix``."""
        prefix = fold(prefix)
        for whole in (True, False):
            for card in self._cards:
                name = fold(card.name)
                words = name.replace("-", " ").split()
                if name.startswith(prefix) if whole else any(w.startswith(prefix) for w in words):
                    return card.participant_id
        return None


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
        if event.key() in _CHOICE_KEYS and self.participant_id is not None:
            index = _CHOICE_KEYS.index(event.key())
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


# ---------------------------------------------------------------------------------------
# Setting up a round


class SetupView(QWidget):
    """The rules of the next round, chosen before it opens so nobody tunes them to a result."""

    open_requested = Signal(dict)
    show_running = Signal()
    back_to_result = Signal()

    DM_OFF, DM_ALL, DM_N = 0, 1, 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.method = QComboBox()
        for method in Method:
            self.method.addItem("", method.value)
        self.capture = QComboBox()
        for capture in CaptureMode:
            self.capture.addItem("", capture.value)
        self.abstentions = QCheckBox()
        self.double_majority = QComboBox()
        self.double_majority.addItems(["", "", ""])
        self.double_n = QSpinBox()
        self.double_n.setRange(1, 99)
        self.double_n.setValue(2)
        dm_row = QHBoxLayout()
        dm_row.addWidget(self.double_majority, 1)
        dm_row.addWidget(self.double_n)
        self.quorum_on = QCheckBox()
        self.quorum = QSpinBox()
        self.quorum.setRange(1, 999)
        quorum_row = QHBoxLayout()
        quorum_row.addWidget(self.quorum_on, 1)
        quorum_row.addWidget(self.quorum)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.method_label, self.capture_label = QLabel(), QLabel()
        self.dm_label, self.quorum_label = QLabel(), QLabel()
        self.form.addRow(self.method_label, self.method)
        self.form.addRow(self.capture_label, self.capture)
        self.form.addRow("", self.abstentions)
        self.form.addRow(self.dm_label, dm_row)
        self.form.addRow(self.quorum_label, quorum_row)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5A4200;")
        self.open_button = QPushButton()
        self.open_button.setMinimumHeight(52)
        self.open_button.setFont(scaled_font(self.open_button.font(), 1.3, True))
        self.open_button.clicked.connect(self._open)
        self.running_button = QPushButton()
        self.running_button.clicked.connect(self.show_running)
        self.result_button = QPushButton()
        self.result_button.clicked.connect(self.back_to_result)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button, 2)
        buttons.addWidget(self.running_button, 1)
        buttons.addWidget(self.result_button, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addStretch(1)
        for signal in (
            self.method.currentIndexChanged,
            self.capture.currentIndexChanged,
            self.double_majority.currentIndexChanged,
            self.quorum_on.toggled,
        ):
            signal.connect(self._constrain)
        self._key: object = None
        self._blocked = False
        self.retranslate()

    def load(self, key: object, settings: dict) -> None:
        """Fill the form from ``settings`` once per ``key`` (keeps the facilitator's edits)."""
        if key == self._key:
            return
        self._key = key
        self.method.setCurrentIndex(max(0, self.method.findData(settings["method"])))
        self.capture.setCurrentIndex(max(0, self.capture.findData(settings["capture"])))
        self.abstentions.setChecked(bool(settings["abstentions_count"]))
        dm = settings["double_majority"]
        if dm is None:
            self.double_majority.setCurrentIndex(self.DM_OFF)
        elif dm == 0:
            self.double_majority.setCurrentIndex(self.DM_ALL)
        else:
            self.double_majority.setCurrentIndex(self.DM_N)
            self.double_n.setValue(dm)
        quorum = settings["quorum"]
        self.quorum_on.setChecked(quorum is not None)
        if quorum is not None:
            self.quorum.setValue(max(1, quorum))
        self._constrain()

    def settings(self) -> dict:
        """The round's rules as ``open_ballot`` keywords."""
        dm_mode = self.double_majority.currentIndex()
        return {
            "method": self.method.currentData(),
            "capture": self.capture.currentData(),
            "abstentions_count": self.abstentions.isChecked() and self.abstentions.isEnabled(),
            "double_majority": None
            if dm_mode == self.DM_OFF or not self.double_majority.isEnabled()
            else (0 if dm_mode == self.DM_ALL else self.double_n.value()),
            "quorum": self.quorum.value() if self.quorum_on.isChecked() else None,
        }

    def set_state(self, running_title: str | None, can_go_back: bool) -> None:
        """Another clause's vote blocks this one; say so rather than fail on click."""
        self._blocked = running_title is not None
        self.running_button.setVisible(self._blocked)
        self.result_button.setVisible(can_go_back)
        self._running_title = running_title
        self._constrain()

    def _constrain(self) -> None:
        consent = self.method.currentData() == Method.CONSENT
        secret = self.capture.currentData() == CaptureMode.SECRET
        self.abstentions.setEnabled(not consent)
        self.double_majority.setEnabled(not consent and not secret)
        self.double_n.setVisible(
            self.double_majority.currentIndex() == self.DM_N and self.double_majority.isEnabled()
        )
        self.quorum.setEnabled(self.quorum_on.isChecked())
        notes = []
        if getattr(self, "_running_title", None):
            notes.append(
                self.tr(
                    'A vote is already open on "{title}": close it before opening this one.'
                ).format(title=self._running_title)
            )
        if consent:
            notes.append(
                self.tr(
                    "Consent has no abstentions and no double majority: one objection is enough to send the clause back."
                )
            )
        elif secret:
            notes.append(
                self.tr(
                    "A secret ballot keeps only the totals, so it cannot check a majority in each college."
                )
            )
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))
        self.open_button.setEnabled(not self._blocked)

    def _open(self) -> None:
        self.open_requested.emit(self.settings())

    def retranslate(self) -> None:
        lang = i18n.current()
        for i in range(self.method.count()):
            self.method.setItemText(i, label(Method(self.method.itemData(i)), lang))
        for i in range(self.capture.count()):
            self.capture.setItemText(i, label(CaptureMode(self.capture.itemData(i)), lang))
        self.method_label.setText(self.tr("Decision rule"))
        self.capture_label.setText(self.tr("How votes are taken"))
        self.abstentions.setText(self.tr("Abstentions count in the base (they weigh as “not for”)"))
        self.dm_label.setText(self.tr("Majority per college"))
        self.double_majority.setItemText(self.DM_OFF, self.tr("No: the overall count decides"))
        self.double_majority.setItemText(self.DM_ALL, self.tr("Yes: a majority in every college"))
        self.double_majority.setItemText(
            self.DM_N, self.tr("Yes: a majority in at least N colleges")
        )
        self.quorum_label.setText(self.tr("Quorum"))
        self.quorum_on.setText(self.tr("At least this many people must take part"))
        self.open_button.setText(self.tr("Open the vote"))
        self.running_button.setText(self.tr("Go to the open vote"))
        self.result_button.setText(self.tr("Back to the last result"))
        self._constrain()


# ---------------------------------------------------------------------------------------
# Counts per college


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
    ) -> None:
        """Rows for ``colleges`` as (id, name, colour, present); ``recorded`` ones are marked."""
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
        """Empty a recorded row: numbers typed stay out of sight until the vote closes."""
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


# ---------------------------------------------------------------------------------------
# The open round


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
        self.grid.current_changed.connect(self._reveal)

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


# ---------------------------------------------------------------------------------------
# The outcome


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
        layout.addWidget(_scrolling(content), 1)
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


# ---------------------------------------------------------------------------------------
# The panel


class BallotPanel(QWidget):
    """Everything about the rounds of one clause: set-up, capture, outcome, history."""

    amend_requested = Signal(int)
    show_clause = Signal(int)

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.clause_id: int | None = None
        self._new_round_for: int | None = None
        self._recorded: dict[int, set[int]] = {}  # ballot -> colleges typed (counts mode)
        self._running_clause: int | None = None
        self._ballot: snap.Ballot | None = None

        self.header = QLabel()
        self.header.setFont(scaled_font(self.font(), 1.2, True))
        self.header.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.setup = SetupView()
        self.open_view = OpenView()
        self.result = ResultView()
        self.stack = QStackedWidget()
        self.stack.addWidget(_scrolling(self.setup))
        self.stack.addWidget(self.open_view)
        self.stack.addWidget(self.result)

        self.rounds_title = QLabel()
        self.rounds_title.setFont(scaled_font(self.font(), 1.0, True))
        self.rounds = QTableWidget()
        self.rounds.setColumnCount(4)
        self.rounds.verticalHeader().hide()
        self.rounds.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rounds.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.rounds.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.rounds.horizontalHeader().setStretchLastSection(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.detail)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.rounds_title)
        layout.addWidget(self.rounds)

        self.prompt = SecretPrompt(self)

        self.setup.open_requested.connect(self.open_ballot)
        self.setup.show_running.connect(self._go_to_running)
        self.setup.back_to_result.connect(self._back_to_result)
        self.open_view.grid.clicked_voter.connect(self._voter_clicked)
        self.open_view.grid.activated.connect(self._voter_activated)
        self.open_view.grid.choice_key.connect(self.choose)
        self.open_view.counts.save_requested.connect(self.save_counts)
        self.open_view.close_button.clicked.connect(self.close_ballot)
        self.open_view.cancel_button.clicked.connect(self.cancel_ballot)
        self.result.add_remark.connect(self.add_reservation)
        self.result.amend_and_revote.connect(self._amend_and_revote)
        self.result.new_round.connect(lambda: self.request_new_round(self.clause_id))
        self.prompt.chosen.connect(self._secret_chosen)
        self.prompt.cancelled.connect(self._secret_cancelled)
        controller.changed.connect(self._history_moved)
        self.retranslate()

    def _history_moved(self, changes: Changes) -> None:
        """After an undo or redo, which colleges are recorded is no longer known here.

        An open round's counts cannot be read back (that is the point), so the marks are
        dropped and the facilitator is told that recording a college again replaces it.
        """
        if BALLOTS not in changes.topics or not changes.summary.startswith(HISTORY_PREFIXES):
            return
        ballot = self._open_ballot() if self.controller.is_open else None
        if ballot is not None and self._recorded.pop(ballot.id, None):
            self.refresh()
            self.open_view.message.setText(
                self.tr(
                    "After an undo the recorded marks are cleared: record again any college you are unsure of (it replaces its numbers)."
                )
            )

    # -- reading -------------------------------------------------------------------------
    def _clause(self) -> snap.Clause | None:
        if not self.controller.is_open or self.clause_id is None:
            return None
        return next((c for c in self.controller.snapshot.clauses if c.id == self.clause_id), None)

    def _open_ballot(self) -> snap.Ballot | None:
        clause = self._clause()
        if clause is None:
            return None
        return next((b for b in clause.ballots if b.is_open), None)

    @property
    def mode(self) -> str:
        """'setup', 'open' or 'result': what the panel shows now."""
        return ("setup", "open", "result")[self.stack.currentIndex()]

    def _set_header(self, title: str, detail: str = "") -> None:
        self.header.setText(title)
        self.header.setVisible(bool(title))
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))

    def _show(self, view: QWidget) -> None:
        self.stack.setCurrentIndex((self.setup, self.open_view, self.result).index(view))

    # -- showing -------------------------------------------------------------------------
    def set_clause(self, clause_id: int | None) -> None:
        """Show the rounds of another clause (a secret prompt never follows the change)."""
        if clause_id != self.clause_id:
            self.prompt.clear()
            self._new_round_for = None
        self.clause_id = clause_id
        self.refresh()

    def request_new_round(self, clause_id: int | None) -> None:
        """Show the set-up of a new round for ``clause_id`` (after an amendment, a postponement)."""
        if clause_id is None:
            return
        self._new_round_for = clause_id
        if clause_id == self.clause_id:
            self.refresh()

    def refresh(self) -> None:
        """Redraw from the snapshot; results are read only for a closed round."""
        clause = self._clause()
        if clause is None:
            self._show_nothing()
            return
        shot = self.controller.snapshot
        open_ballot = next((b for b in clause.ballots if b.is_open), None)
        running = next(
            ((c.id, c.title) for c in shot.clauses for b in c.ballots if b.is_open), None
        )
        self._running_clause = running[0] if running else None
        if open_ballot is not None:
            self._new_round_for = None
            self._show_open(shot, clause, open_ballot)
        elif clause.last_closed is None or self._new_round_for == clause.id:
            self._show_setup(shot, clause, running[1] if running else None)
        else:
            self._show_result(shot, clause, clause.last_closed)
        self._fill_rounds(clause)

    def _show_nothing(self) -> None:
        self.prompt.clear()
        self.result.clear()
        self.open_view.counts.reset()
        self._ballot = None
        self._set_header("")
        self._show(self.setup)
        self.setup.setEnabled(False)
        self.rounds.setRowCount(0)

    def _show_setup(self, shot: snap.Snapshot, clause: snap.Clause, running: str | None) -> None:
        self.prompt.clear()
        self.result.clear()
        self.open_view.counts.reset()
        self._ballot = None
        self.setup.setEnabled(True)
        last = clause.ballots[-1] if clause.ballots else None
        w = shot.workshop
        if last is not None:
            settings = {
                "method": last.method,
                "capture": last.capture,
                "abstentions_count": last.abstentions_count,
                "double_majority": last.double_majority,
                "quorum": last.quorum,
            }
        else:
            settings = {
                "method": w.ballot_method,
                "capture": w.ballot_capture,
                "abstentions_count": w.ballot_abstentions_count,
                "double_majority": w.ballot_double_majority,
                "quorum": w.ballot_quorum,
            }
        round_number = (max(b.round for b in clause.ballots) if clause.ballots else 0) + 1
        self.setup.load((clause.id, round_number), settings)
        self.setup.set_state(running, clause.last_closed is not None)
        present = sum(1 for p in shot.participants if p.present)
        self._set_header(
            self.tr("Round {n}: how will the group decide?").format(n=round_number),
            self.tr(
                "Set the rule before opening the vote: {present} participants are present."
            ).format(present=present),
        )
        self._show(self.setup)

    def _show_open(self, shot: snap.Snapshot, clause: snap.Clause, ballot: snap.Ballot) -> None:
        self.result.clear()
        if self._ballot is None or self._ballot.id != ballot.id:
            self.open_view.message.setText("")  # nothing said about a previous round
        self._ballot = ballot
        lang = i18n.current()
        capture = CaptureMode(ballot.capture)
        method = Method(ballot.method)
        self._set_header(
            self.tr("{mark} Vote in progress — round {n}").format(mark=OPEN_MARK, n=ballot.round),
            f"{label(method, lang)} · {label(capture, lang)}",
        )
        view = self.open_view
        view.close_button.setText(self.tr("Close the vote…"))
        view.cancel_button.setText(self.tr("Cancel this round…"))
        if capture is CaptureMode.COUNTS:
            self.prompt.clear()
            view.body.setCurrentWidget(view.counts_scroll)
            view.set_choices(None, self.choose)
            present: dict[int, int] = {}
            for voter in ballot.voters:
                present[voter.college_id] = present.get(voter.college_id, 0) + 1
            colleges = [
                (c.id, c.name, c.colour, present[c.id]) for c in shot.colleges if c.id in present
            ]
            recorded = self._recorded.get(ballot.id, set())
            view.counts.build(ballot.id, method, colleges, recorded)
            view.instructions.setText(
                self.tr(
                    "Count the raised cards, type each college's numbers and record them. Recorded numbers stay hidden until the vote closes."
                )
            )
            view.progress.setText(
                self.tr("{done} of {n} colleges recorded").format(
                    done=len(recorded & set(present)), n=len(present)
                )
            )
        else:
            view.counts.reset()
            view.body.setCurrentWidget(view.grid_scroll)
            secret = capture is CaptureMode.SECRET
            cards = []
            for voter in ballot.voters:
                person = shot.participant(voter.participant_id)
                college = shot.college(voter.college_id)
                cards.append(
                    VoterCard(
                        participant_id=voter.participant_id,
                        name=person.shown_name() if person else "?",
                        college=college.name if college else "",
                        colour=college.colour if college else "#999999",
                        voted=voter.voted,
                        enabled=not (secret and voter.voted),
                    )
                )
            previous = view.grid.current()
            view.grid.set_voters(cards, self.tr("✓ has voted"), self.tr("○ not voted yet"))
            if secret:
                view.grid.set_current(None)
                view.set_choices(None, self.choose)
                view.instructions.setText(
                    self.tr(
                        "Each voter in turn touches their name, then chooses on the private screen. Only the totals are kept."
                    )
                )
            else:
                view.set_choices(choices_for(method), self.choose)
                if previous is None or previous not in {c.participant_id for c in cards}:
                    view.grid.set_current(view.grid.next_waiting(None))
                view.instructions.setText(
                    self.tr(
                        "Touch your name, then your choice. Keyboard: arrows or the first letters of a name, then 1, 2 or 3."
                    )
                )
            voted = sum(1 for v in ballot.voters if v.voted)
            view.progress.setText(
                self.tr("{voted} of {n} have voted").format(voted=voted, n=len(ballot.voters))
            )
        self._show(view)

    def _show_result(self, shot: snap.Snapshot, clause: snap.Clause, ballot: snap.Ballot) -> None:
        self.prompt.clear()
        self.open_view.counts.reset()
        self._ballot = ballot
        lang = i18n.current()
        self._set_header("")
        try:
            result = ballots.compute_result(self.controller.session.conn, ballot.id)
        except WorkshopError as error:
            self.result.clear()
            self.result.sentence.setText(str(error))
        else:
            self.result.show_result(shot, ballot, result, lang)
        self.result.remark_button.setEnabled(ballot is clause.last_closed)
        self._show(self.result)

    def _fill_rounds(self, clause: snap.Clause) -> None:
        lang = i18n.current()
        self.rounds.setHorizontalHeaderLabels(
            [self.tr("Round"), self.tr("Decision rule"), self.tr("Votes taken"), self.tr("Outcome")]
        )
        self.rounds.setRowCount(len(clause.ballots))
        for row, ballot in enumerate(clause.ballots):
            if ballot.is_open:
                in_progress = self.tr("vote in progress")
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
                self.rounds.setItem(row, column, QTableWidgetItem(value))
        self.rounds.resizeRowsToContents()
        # One round is told by its result; the table earns its room from the second round.
        visible = (
            self.mode == "setup"
            and bool(clause.ballots)
            or (self.mode == "result" and len(clause.ballots) > 1)
        )
        self.rounds.setVisible(visible)
        self.rounds_title.setVisible(visible)
        if visible:
            height = self.rounds.horizontalHeader().sizeHint().height() + 4
            height += sum(self.rounds.rowHeight(r) for r in range(min(3, len(clause.ballots))))
            self.rounds.setFixedHeight(height)

    # -- actions -------------------------------------------------------------------------
    def open_ballot(self, settings: dict | None = None) -> bool:
        """Open a round on the current clause with the set-up's rules."""
        if self.clause_id is None:
            return False
        settings = settings if settings is not None else self.setup.settings()
        changes = self.controller.run(ballots.open_ballot, self.clause_id, **settings)
        if changes is None:
            return False
        self._new_round_for = None
        self.open_view.grid.setFocus()
        return True

    def _voter_clicked(self, participant_id: int) -> None:
        ballot = self._open_ballot()
        if ballot is not None and ballot.capture == CaptureMode.SECRET:
            self._voter_activated(participant_id)

    def _voter_activated(self, participant_id: int) -> None:
        ballot = self._open_ballot()
        if ballot is None or ballot.capture != CaptureMode.SECRET:
            return
        voter = next((v for v in ballot.voters if v.participant_id == participant_id), None)
        if voter is None or voter.voted:
            return
        person = self.controller.snapshot.participant(participant_id)
        self.prompt.ask(
            participant_id, person.shown_name() if person else "", Method(ballot.method)
        )

    def choose(self, index: int) -> bool:
        """Record choice ``index`` (0, 1, 2) for the selected voter of a vote by name."""
        ballot = self._open_ballot()
        if ballot is None or ballot.capture != CaptureMode.NOMINATIVE:
            return False
        participant = self.open_view.grid.current()
        if participant is None:
            self.open_view.message.setText(self.tr("Touch a name first, then the choice."))
            return False
        choices = choices_for(Method(ballot.method))
        if not 0 <= index < len(choices):
            return False
        choice = choices[index]
        remark = None
        if choice in (Choice.RESERVATION, Choice.OBJECTION):
            remark = self._ask_reason(choice)
            if remark is None:
                return False
        changes = self.controller.run(
            ballots.cast_vote, ballot.id, participant, choice.value, remark
        )
        if changes is None:
            return False
        person = self.controller.snapshot.participant(participant)
        self.open_view.message.setText(
            self.tr("{name}: vote recorded.").format(name=person.shown_name() if person else "")
        )
        grid = self.open_view.grid
        grid.set_current(grid.next_waiting(participant))
        grid.setFocus()
        return True

    def _ask_reason(self, choice: Choice) -> str | None:
        if choice is Choice.OBJECTION:
            title = self.tr("Objection")
            prompt = self.tr("What is the objection? It will be recorded with the round.")
        else:
            title = self.tr("Reservation")
            prompt = self.tr("What is the reservation? It will be recorded with the round.")
        answer = dialogs.ask_reason(self, title, prompt)
        answer = (answer or "").strip()
        return answer or None

    def _secret_chosen(self, participant_id: int, choice: str) -> None:
        ballot = self._open_ballot()
        if ballot is None or ballot.capture != CaptureMode.SECRET:
            return
        remark = None
        ch = Choice(choice)
        if ch in (Choice.RESERVATION, Choice.OBJECTION):
            remark = self._ask_reason(ch)
            if remark is None:
                self.open_view.message.setText(self.tr("No vote recorded: the reason is needed."))
                return
        changes = self.controller.run(
            ballots.cast_secret, ballot.id, participant_id, choice, remark
        )
        if changes is not None:
            self.open_view.message.setText(self.tr("Secret vote recorded. Next voter, please."))
        self.open_view.grid.set_current(None)
        self.open_view.grid.setFocus()

    def _secret_cancelled(self) -> None:
        self.open_view.message.setText(self.tr("No vote recorded."))
        self.open_view.grid.set_current(None)

    def save_counts(self, college_id: int, counts: dict) -> bool:
        """Record one college's numbers, then clear them from the screen."""
        ballot = self._open_ballot()
        if ballot is None:
            return False
        changes = self.controller.run(ballots.set_counts, ballot.id, college_id, counts)
        if changes is None:
            return False
        self._recorded.setdefault(ballot.id, set()).add(college_id)
        self.open_view.counts.build(ballot.id, Method(ballot.method), [], self._recorded[ballot.id])
        self.open_view.counts.forget_typed(college_id)
        self.refresh()
        return True

    def close_ballot(self) -> bool:
        """Close the round after confirmation; only then are the results read."""
        ballot = self._open_ballot()
        if ballot is None:
            return False
        waiting = sum(1 for v in ballot.voters if not v.voted)
        question = self.tr("Close the vote? The result will be shown to everyone.")
        if ballot.capture != CaptureMode.COUNTS and waiting:
            question += " " + self.tr("{n} voter(s) have not voted yet.").format(n=waiting)
        if not dialogs.confirm(self, question):
            return False
        self.prompt.clear()
        return self.controller.run(ballots.close_ballot, ballot.id) is not None

    def cancel_ballot(self) -> bool:
        """Discard the open round (false start, wrong rules) after confirmation."""
        ballot = self._open_ballot()
        if ballot is None:
            return False
        if not dialogs.confirm(
            self, self.tr("Cancel this round? The votes already cast in it are discarded.")
        ):
            return False
        self.prompt.clear()
        return self.controller.run(ballots.cancel_ballot, ballot.id) is not None

    def add_reservation(self) -> bool:
        """A reservation recorded after the vote (it may change the outcome's label)."""
        clause = self._clause()
        ballot = clause.last_closed if clause else None
        if ballot is None:
            return False
        shot = self.controller.snapshot
        colleges = [] if ballot.is_secret else [(c.id, c.name) for c in shot.colleges]
        answer = dialogs.ask_remark(self, colleges)
        if not answer:
            return False
        text, college_id = answer
        return (
            self.controller.run(
                ballots.add_remark, ballot.id, Choice.RESERVATION.value, text, college_id=college_id
            )
            is not None
        )

    def _amend_and_revote(self) -> None:
        if self.clause_id is not None:
            self.amend_requested.emit(self.clause_id)

    def _go_to_running(self) -> None:
        if self._running_clause is not None:
            self.show_clause.emit(self._running_clause)

    def _back_to_result(self) -> None:
        self._new_round_for = None
        self.refresh()

    # -- layout and language ---------------------------------------------------------------
    def resizeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if self.prompt.isVisible():
            self.prompt.setGeometry(self.rect())
        super().resizeEvent(event)

    def retranslate(self) -> None:
        """Static texts, then everything built from the snapshot again."""
        self.rounds_title.setText(self.tr("Rounds on this clause"))
        self.setup.retranslate()
        self.result.retranslate()
        self.prompt.retranslate()
        self.open_view.counts.retranslate()
        if self.controller.is_open:
            self.refresh()
