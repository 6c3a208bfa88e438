"""The diagnostic step: the room scores the thirteen criteria and sees where they point.

Each criterion is a row: its title, the question the facilitator asks, a 1–5 scale whose
ends are spelled out (5 always means "more" of what the title names) and a note for what
was said. Beside the rows, a small matrix shows the suggested position live, with the
reasons from ``diagnostic.explain``, and one button turns it into the group's target.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFont, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.controller import WorkshopController
from ui.pages.base import StepPage
from ui.projection.room import room_state
from ui.widgets.matrix.widget import MatrixWidget
from workshop import diagnostic
from workshop.matrix import Position
from workshop.matrix_scene import MatrixScene, format_number
from workshop.model import SizeBand, Step, label
from workshop.operations import positioning
from workshop.session import DIAGNOSTIC, WORKSHOP

_SCORE_KEYS = {
    Qt.Key.Key_1: 1,
    Qt.Key.Key_2: 2,
    Qt.Key.Key_3: 3,
    Qt.Key.Key_4: 4,
    Qt.Key.Key_5: 5,
}


def _secondary(widget: QLabel) -> None:
    """Secondary text: the palette's text colour, softened, so dark themes still work."""
    palette = widget.palette()
    colour = QColor(palette.color(QPalette.ColorRole.WindowText))
    colour.setAlphaF(0.75)
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    widget.setPalette(palette)


_EDIT_KEYS = {
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Down,
    Qt.Key.Key_F2,
    Qt.Key.Key_Delete,
    Qt.Key.Key_Backspace,
    Qt.Key.Key_0,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Plus,
    Qt.Key.Key_Minus,
}


class ScoreScale(QFrame):
    """Five buttons 1–5 that act as one keyboard stop: keys 1–5, ←/→, Delete to clear.

    The buttons take no focus themselves, and Tab goes from scale to scale (one Tab per
    criterion); ↓ or F2 goes down into the criterion's note. Clicking the chosen score
    again clears it. A suggested score (from the set-up) is outlined, not chosen: Enter
    or a click keeps it.
    """

    score_chosen = Signal(object)  # int | None
    focused = Signal()
    note_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreScale")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("focused", False)
        # The chosen score is inverted (light on dark), not only recoloured.
        self.setStyleSheet(
            "QFrame#scoreScale { border: 2px solid transparent; border-radius: 6px; }"
            'QFrame#scoreScale[focused="true"] { border: 2px solid palette(highlight); }'
            "QFrame#scoreScale QPushButton { border: 1px solid palette(mid);"
            " border-radius: 5px; background: palette(button); font-weight: bold; }"
            "QFrame#scoreScale QPushButton:hover { border: 1px solid palette(highlight); }"
            "QFrame#scoreScale QPushButton:checked { background: palette(highlight);"
            " color: palette(highlighted-text); border: 2px solid palette(shadow); }"
            'QFrame#scoreScale QPushButton[suggested="true"] {'
            " border: 2px dashed palette(highlight); }"
        )
        self._score: int | None = None
        self._suggested: int | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(3, 3, 3, 3)
        row.setSpacing(4)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.buttons: list[QPushButton] = []
        for value in range(1, 6):
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumSize(38, 34)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            font = QFont(button.font())
            font.setBold(True)
            button.setFont(font)
            self.group.addButton(button, value)
            self.buttons.append(button)
            row.addWidget(button)
        self.group.idClicked.connect(self._clicked)

    def claims_key(self, event: QKeyEvent) -> bool:
        """The keys the scale uses, kept from the projector's clicker keys while focused."""
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        return event.key() in _SCORE_KEYS or event.key() in _EDIT_KEYS

    def score(self) -> int | None:
        return self._score

    def set_score(self, score: int | None) -> None:
        """Show a score without emitting (refresh from the workshop)."""
        self._score = score
        for value, button in enumerate(self.buttons, start=1):
            button.setChecked(value == score)

    def suggested(self) -> int | None:
        return self._suggested

    def set_suggestion(self, score: int | None) -> None:
        """Outline a suggested score (dashed, not chosen); None removes the outline."""
        self._suggested = score
        for value, button in enumerate(self.buttons, start=1):
            button.setProperty("suggested", value == score)
            button.style().unpolish(button)
            button.style().polish(button)

    def _clicked(self, value: int) -> None:
        self.choose(None if value == self._score else value)

    def choose(self, score: int | None) -> None:
        """The user picked a score (None clears it): show it and tell the page."""
        self.set_score(score)
        self.score_chosen.emit(score)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        key = event.key()
        if key in _SCORE_KEYS:
            self.choose(_SCORE_KEYS[key])
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_0):
            if self._score is not None:
                self.choose(None)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Plus):
            self.choose(min(5, (self._score or 0) + 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Minus):
            if self._score is not None and self._score > 1:
                self.choose(self._score - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._score is None and self._suggested is not None:
                self.choose(self._suggested)  # keep the suggestion
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_F2):
            self.note_requested.emit()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        self._set_focused(True)
        self.focused.emit()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        self._set_focused(False)
        super().focusOutEvent(event)

    def _set_focused(self, on: bool) -> None:
        self.setProperty("focused", on)
        self.style().unpolish(self)
        self.style().polish(self)


class CriterionRow(QFrame):
    """One criterion: title, question, the 1–5 scale with its two ends, and a note."""

    score_chosen = Signal(str, object)  # criterion key, int | None
    note_edited = Signal(str, str)
    focused = Signal()

    def __init__(self, criterion: diagnostic.Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._note = ""
        column = QVBoxLayout(self)
        column.setContentsMargins(10, 8, 10, 8)
        column.setSpacing(4)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.08)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.question = QLabel()
        self.question.setWordWrap(True)
        _secondary(self.question)
        self.scale = ScoreScale()
        self.scale.score_chosen.connect(lambda s: self.score_chosen.emit(criterion.key, s))
        self.scale.focused.connect(self.focused)
        self.note = QLineEdit()
        self.note.setClearButtonEnabled(True)
        self.note.editingFinished.connect(self._note_finished)
        # Out of the Tab chain: Tab goes from score to score; ↓/F2 on a score, or a click,
        # reaches the note; ↑ or Shift+Tab goes back to its score.
        self.note.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.scale.note_requested.connect(self.note.setFocus)
        self.suggestion_note = QLabel()
        self.suggestion_note.setObjectName("suggestionNote")
        self.suggestion_note.setWordWrap(True)
        self.suggestion_note.hide()
        self.ends = QLabel()
        self.ends.setWordWrap(True)
        small = QFont(self.ends.font())
        small.setPointSizeF(small.pointSizeF() * 0.92)
        self.ends.setFont(small)
        _secondary(self.ends)
        self.ends.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.title)
        column.addWidget(self.question)
        column.addWidget(self.scale, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.suggestion_note)
        column.addWidget(self.ends)
        column.addWidget(self.note)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        """Keys 1–5 anywhere in the row but the note field set the score."""
        if event.key() in _SCORE_KEYS or event.key() == Qt.Key.Key_Delete:
            self.scale.keyPressEvent(event)
            return
        if event.key() == Qt.Key.Key_Up and self.note.hasFocus():
            self.scale.setFocus(Qt.FocusReason.OtherFocusReason)  # back up from the note
            return
        super().keyPressEvent(event)

    def set_suggestion(self, score: int | None, why: str = "") -> None:
        """Offer a score the set-up already tells (shown while the criterion is unscored)."""
        self.scale.set_suggestion(score)
        self.suggestion_note.setText(why)
        self.suggestion_note.setVisible(score is not None and bool(why))

    def set_answer(self, score: int | None, note: str) -> None:
        """Show the stored answer; a note being typed is left alone."""
        self.scale.set_score(score)
        self._note = note
        if not self.note.hasFocus():
            self.note.setText(note)
            self.note.setCursorPosition(0)  # show the start of a long note
            self.note.setToolTip(note)

    def _note_finished(self) -> None:
        text = self.note.text().strip()
        if text != self._note:
            self._note = text
            self.note_edited.emit(self.criterion.key, text)

    def retranslate(self, lang: str) -> None:
        c = self.criterion
        self.title.setText(f"{c.order}. {c.title(lang)}")
        self.title.setToolTip(c.question(lang))
        self.question.setText(c.question(lang))
        self.ends.setText(f"1 — {c.low(lang)}\n5 — {c.high(lang)}")
        self.note.setPlaceholderText(self.tr("Note: what the room said…"))
        self.note.setAccessibleName(self.tr("Note on %1").replace("%1", c.title(lang)))
        self.scale.setAccessibleName(
            self.tr("Score of %1, from 1 to 5").replace("%1", c.title(lang))
        )
        self.scale.setAccessibleDescription(
            self.tr("1: %1 5: %2 Keys 1 to 5 set the score, Delete clears it.")
            .replace("%1", c.low(lang))
            .replace("%2", c.high(lang))
        )
        self.scale.setToolTip(
            self.tr(
                "Keys 1 to 5 set the score; click the chosen score again or press Delete to clear it."
            )
            + "\n"
            + self.tr("Tab: next criterion. Down arrow or F2: the note; Up arrow: back.")
        )
        for value, button in enumerate(self.scale.buttons, start=1):
            meaning = c.low(lang) if value == 1 else c.high(lang) if value == 5 else ""
            button.setToolTip(f"{value} — {meaning}" if meaning else str(value))
            button.setAccessibleName(
                self.tr("%1 out of 5").replace("%1", str(value))
                + (f" — {meaning}" if meaning else "")
            )


class DiagnosticPage(StepPage):
    """Thirteen rows on the left, the live suggestion on the right."""

    step = Step.DIAGNOSTIC.value
    topics = frozenset({DIAGNOSTIC, WORKSHOP})

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.4)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self._suggestion: diagnostic.Suggestion | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.layout_.addWidget(self.intro)

        body = QHBoxLayout()
        body.setSpacing(12)
        self.layout_.addLayout(body, 1)

        self.rows: dict[str, CriterionRow] = {}
        container = QWidget()
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 6, 0)
        column.setSpacing(8)
        for criterion in diagnostic.CRITERIA:
            row = CriterionRow(criterion)
            row.score_chosen.connect(self._score_chosen)
            row.note_edited.connect(self._note_edited)
            row.focused.connect(lambda r=row: self.scroll.ensureWidgetVisible(r, 0, 0))
            row.focused.connect(lambda k=criterion.key: room_state(controller).set_criterion(k))
            self.rows[criterion.key] = row
            column.addWidget(row)
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(container)
        body.addWidget(self.scroll, 1)

        side = QWidget()
        self.side = side
        side.setFixedWidth(340)
        panel = QVBoxLayout(side)
        panel.setContentsMargins(0, 0, 0, 0)
        self.side_title = QLabel()
        font = QFont(self.side_title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.side_title.setFont(font)
        self.matrix = MatrixWidget()
        self.matrix.setFixedHeight(240)
        self.suggestion_label = QLabel()
        self.suggestion_label.setWordWrap(True)
        bold = QFont(self.suggestion_label.font())
        bold.setBold(True)
        self.suggestion_label.setFont(bold)
        self.suggestion_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explain_label = QLabel()
        self.explain_label.setWordWrap(True)
        self.explain_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.explain_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        explain_scroll = QScrollArea()
        explain_scroll.setWidgetResizable(True)
        explain_scroll.setFrameShape(QFrame.Shape.NoFrame)
        explain_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        explain_scroll.setWidget(self.explain_label)
        self.adopt_button = QPushButton()
        self.adopt_button.setMinimumHeight(40)
        self.adopt_button.clicked.connect(self.adopt_suggestion)
        self.target_label = QLabel()
        self.target_label.setWordWrap(True)
        panel.addWidget(self.side_title)
        panel.addWidget(self.matrix)
        panel.addWidget(self.suggestion_label)
        panel.addWidget(explain_scroll, 2)
        panel.addWidget(self.adopt_button)
        panel.addWidget(self.target_label)
        body.addWidget(side)
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """The suggestion panel takes about a third of the page, so rows stay readable."""
        width = max(240, min(380, int(self.width() * 0.36)))
        self.side.setFixedWidth(width)
        self.matrix.setFixedHeight(width)
        super().resizeEvent(event)

    # -- reading -------------------------------------------------------------------------
    def answers(self) -> dict[str, int]:
        """The scores recorded in the workshop, by criterion key (unanswered left out)."""
        return {
            a.criterion: a.score
            for a in self.controller.snapshot.diagnostic
            if a.criterion in diagnostic.CRITERIA_BY_KEY and a.score is not None
        }

    def suggestion(self) -> diagnostic.Suggestion | None:
        return self._suggestion

    def refresh(self) -> None:
        if not self.controller.is_open:
            return
        snap = self.controller.snapshot
        lang = i18n.current()
        stored = {a.criterion: a for a in snap.diagnostic}
        offered = diagnostic.suggested_scores(snap.workshop.size_band)
        for key, row in self.rows.items():
            answer = stored.get(key)
            score = answer.score if answer else None
            row.set_answer(score, answer.note if answer else "")
            suggested = offered.get(key) if score is None else None
            row.set_suggestion(suggested, self._suggestion_text(suggested, snap.workshop.size_band))
        suggestion = diagnostic.suggested_position(self.answers())
        self._suggestion = suggestion
        first, _, rest = diagnostic.explain(suggestion, lang).partition("\n")
        self.suggestion_label.setText(first)
        self.explain_label.setText(rest)
        info = snap.workshop
        target = (
            Position(info.target_support, info.target_control)
            if info.target_support is not None and info.target_control is not None
            else None
        )
        self.matrix.set_scene(MatrixScene(target=target, suggestion=suggestion.position))
        if target is None:
            self.target_label.setText(self.tr("No target set yet."))
        else:
            self.target_label.setText(
                self.tr("Current target: support %1, control %2.")
                .replace("%1", format_number(target.support, lang))
                .replace("%2", format_number(target.control, lang))
            )
        same = target is not None and (
            round(target.support, 2) == round(suggestion.position.support, 2)
            and round(target.control, 2) == round(suggestion.position.control, 2)
        )
        self.adopt_button.setEnabled(suggestion.answered > 0 and not same)

    def _suggestion_text(self, score: int | None, band: str | None) -> str:
        """Why a score is offered: the size band entered in the set-up."""
        if score is None:
            return ""
        shown = label(SizeBand(band), i18n.current()) if band else ""
        return (
            self.tr(
                "Suggested by the workforce entered in the set-up (%1): %2. Press Enter or click it to keep it."
            )
            .replace("%1", shown)
            .replace("%2", str(score))
        )

    # -- changing ------------------------------------------------------------------------
    def _score_chosen(self, key: str, score: int | None) -> None:
        if self.controller.run(positioning.set_score, key, score) is None:
            self.refresh()  # refused: show the stored score again

    def _note_edited(self, key: str, note: str) -> None:
        self.controller.run(positioning.set_note, key, note)

    def adopt_suggestion(self) -> None:
        """Make the diagnostic's suggestion the group's target (the room can move it later)."""
        if self._suggestion is None:
            return
        p = self._suggestion.position
        self.controller.run(positioning.set_target, round(p.support, 2), round(p.control, 2))

    # -- language (the main window calls retranslate on LanguageChange) -------------------
    def retranslate(self) -> None:
        lang = i18n.current()
        self.heading.setText(label(Step.DIAGNOSTIC, lang))
        self.intro.setText(
            self.tr(
                "Score each criterion from 1 to 5 with the room: 5 always means more of what "
                "the title names. On a focused row, keys 1 to 5 set the score."
            )
        )
        for row in self.rows.values():
            row.retranslate(lang)
        self.side_title.setText(self.tr("Where the diagnostic points"))
        self.adopt_button.setText(self.tr("Adopt as the target"))
        self.adopt_button.setToolTip(
            self.tr("The group's target becomes the suggested position; it can be moved later.")
        )
        self.matrix.retranslate()
        if self.controller.is_open:
            self.refresh()
