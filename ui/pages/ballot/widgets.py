"""Shared card widgets: the big card button (ballot and variant views) and the voter grid."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QElapsedTimer, QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QGridLayout,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from ui.pages.clause_picker import fold
from ui.style import light_tint, scaled_font

# Keys 1, 2, 3 choose the first, second, third choice.
CHOICE_KEYS = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3)


def scrolling(widget: QWidget) -> QScrollArea:
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
        self._tint = light_tint(tint) if tint else None
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

    def _line_height(self, text: str, factor: float, bold: bool, inner: int) -> int:
        metrics = QFontMetrics(self._fitted(text, factor, bold, inner))
        rect = metrics.boundingRect(QRect(0, 0, inner, 10_000), Qt.TextFlag.TextWordWrap, text)
        return rect.height() + 2

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt API)
        inner = self._inner(width)
        height = 2 * self.PAD + 2
        for text, factor, bold in self._lines:
            height += self._line_height(text, factor, bold, inner)
        return max(self.floor, height)

    def height_whatever_state(self, width: int, states: Sequence[str], badge: str) -> int:
        """The height at ``width`` whichever of ``states`` its last line shows, with the
        badge a voted card wears: a card sized so never grows when its voter votes."""
        if not self._lines or not states:
            return self.heightForWidth(width)
        kept, (badge_before, self._badge) = self._lines[:-1], (self._badge, badge)
        try:
            inner = self._inner(width)
        finally:
            self._badge = badge_before
        factor = self._lines[-1][1]
        height = 2 * self.PAD + 2 + sum(self._line_height(t, f, b, inner) for t, f, b in kept)
        height += max(self._line_height(state, factor, True, inner) for state in states)
        return max(self.floor, height, self.heightForWidth(width))

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
    """What a voter's button shows on the console (the projection never has one).

    ``choice`` is the recorded choice of a vote by name, as the console itself recorded it
    in this session (empty when not known: a secret ballot, after an undo, after a restart).
    """

    participant_id: int
    name: str
    college: str
    colour: str
    voted: bool
    enabled: bool = True
    choice: str = ""


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
        self._index: dict[int, int] = {}  # participant id -> position in _cards
        self._texts = ("", "")  # (voted, waiting) state lines
        self._states: list[str] = []  # every state line a card may show in this round
        self.cards_drawn = 0  # how many cards were (re)drawn: one per vote (tests read it)
        self._current: int | None = None
        self._columns = 3
        self._typed = ""
        self._typed_clock = QElapsedTimer()

    # -- content -------------------------------------------------------------------------
    def set_voters(
        self,
        cards: Sequence[VoterCard],
        voted_text: str,
        waiting_text: str,
        choices: Sequence[str] = (),
    ) -> None:
        """Show ``cards``; buttons are reused when the voter list did not change.

        ``choices``: the labels a voted card may show; cards are sized for the longest
        state line from the start, so a vote never makes every card taller (a layout
        pass over 500 cards at once, 50–70 ms)."""
        self._states = [waiting_text, voted_text] + [f"{voted_text} — {c}" for c in choices]
        same = [c.participant_id for c in cards] == [c.participant_id for c in self._cards]
        before = {c.participant_id: c for c in self._cards} if same else {}
        self._cards = list(cards)
        self._index = {c.participant_id: i for i, c in enumerate(self._cards)}
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
        full = not same or texts != self._texts
        self._texts = texts
        changed = []
        for card in cards:
            if not full and before.get(card.participant_id) == card:
                continue  # one vote changes one card: leave the others alone (and unmeasured)
            self._draw_card(card)
            changed.append(card)
        self._show_current()
        if full:
            self._fit_heights()
        else:
            self._grow_to_fit(changed)

    def update_card(self, card: VoterCard) -> bool:
        """One voter's card after their vote; no other card is touched, nothing relaid out
        (unless its new text needs a taller card). False when the grid has no such voter."""
        index = self._index.get(card.participant_id)
        if index is None:
            return False
        if self._cards[index] != card:
            self._cards[index] = card
            self._draw_card(card)
            self._grow_to_fit([card])
        return True

    def _draw_card(self, card: VoterCard) -> None:
        voted_text, waiting_text = self._texts
        button = self._buttons[card.participant_id]
        state = voted_text if card.voted else waiting_text
        if card.voted and card.choice:
            state = f"{state} — {card.choice}"
        button.set_lines(
            [(card.name, 1.15, True), (card.college, 0.9, False), (state, 0.95, card.voted)],
            badge="✓" if card.voted else "",
        )
        button.set_colours(card.colour, card.colour)
        button.setEnabled(card.enabled)
        self.cards_drawn += 1

    def _grow_to_fit(self, cards: Sequence[VoterCard]) -> None:
        """Every card keeps the one height unless a changed card's text needs more."""
        for card in cards:
            button = self._buttons[card.participant_id]
            if button.heightForWidth(button.width()) > button.height():
                self._fit_heights()
                return

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
        """One size for every button: the column width, and the tallest text at that width.

        Fixed in both directions, a card whose text changes (a vote) does not ask its
        layout for a new pass: Qt relays out only widgets whose size may change.
        """
        if not self._buttons:
            return
        spacing = self._grid.horizontalSpacing()
        width = max(100, (self.width() - 4 - spacing * (self._columns - 1)) // self._columns)
        height = max(
            button.height_whatever_state(width, self._states, "✓")
            for button in self._buttons.values()
        )
        for button in self._buttons.values():
            button.setFixedSize(width, height)

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
        if key in CHOICE_KEYS:
            self.choice_key.emit(CHOICE_KEYS.index(key))
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

    def reset_typeahead(self) -> None:
        """The next letter starts a new search (as after a pause of ``TYPEAHEAD_MS``)."""
        self._typed = ""
        self._typed_clock.invalidate()

    def _type_ahead(self, text: str) -> None:
        if not self._typed_clock.isValid() or self._typed_clock.elapsed() > self.TYPEAHEAD_MS:
            self._typed = ""
        self._typed_clock.restart()
        self._typed += fold(text)
        match = self.find(self._typed)
        if match is not None:
            self.set_current(match)

    def find(self, prefix: str) -> int | None:
        """The first voter whose name (or else a word of it) starts with ``prefix``.

        Those who have not voted yet come first: typing « zo » must not land on a Zoé who
        has voted when a Zohra is still waiting. Only when no waiting voter matches does it
        reach one who has voted, whose card then shows the recorded choice (issue 12).
        """
        prefix = fold(prefix)
        waiting = [c for c in self._cards if not c.voted]
        done = [c for c in self._cards if c.voted]
        for cards, whole in ((waiting, True), (waiting, False), (done, True), (done, False)):
            for card in cards:
                name = fold(card.name)
                words = name.replace("-", " ").split()
                if name.startswith(prefix) if whole else any(w.startswith(prefix) for w in words):
                    return card.participant_id
        return None
