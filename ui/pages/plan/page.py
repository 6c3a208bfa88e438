"""Step « plan »: the accompaniment plan beside the actions that would complete it.

A charter without training, guides, ambassadors or referents is a dead letter, so this step
shows the plan as an editable table beside the actions the target and the diagnostic call
for (``workshop.coherence.suggest_actions``), each with an « Ajouter » button. Every edit
goes through ``controller.run`` (one undoable operation each); the model never writes.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    Qt,
)
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.controller import WorkshopController
from ui.pages.base import StepPage
from ui.pages.plan.due_date import DueDateDelegate
from ui.pages.plan.suggestions import SuggestionCard
from ui.pages.plan.table import DUE, KIND, TITLE, ActionsModel, ActionsTable, KindDelegate
from ui.widgets.responsive import ResponsiveSplitter
from workshop import coherence
from workshop.model import Step, label
from workshop.operations import plan
from workshop.session import ACTIONS, DIAGNOSTIC, WORKSHOP
from workshop.snapshot import Action

#: From this page width on, the suggestions sit beside the table rather than under it.
WIDE_PAGE = 1150
SIDE_PANEL = 320


class PlanPage(StepPage):
    """Step « plan »: the accompaniment plan and the suggestions that complete it."""

    step = Step.PLAN.value
    topics = frozenset({ACTIONS, WORKSHOP, DIAGNOSTIC})

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.enlarge_heading()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.layout_.addWidget(self.intro)

        # the plan
        self.model = ActionsModel(controller, self)
        self.table = ActionsTable()
        self.table.setObjectName("actionsTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(KIND, KindDelegate(self.table))
        self.table.setItemDelegateForColumn(DUE, DueDateDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton()
        self.add_button.setObjectName("addAction")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeAction")
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        self.add_button.clicked.connect(self.add_action)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        # Reordering needs a plan.move_action operation; without it the buttons stay hidden.
        self.can_reorder = hasattr(plan, "move_action")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.up_button.setVisible(self.can_reorder)
        self.down_button.setVisible(self.can_reorder)

        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.table, 1)
        left_box.addLayout(buttons)

        # the suggestions
        self.suggestions_title = QLabel()
        title_font = QFont(self.suggestions_title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        self.suggestions_title.setFont(title_font)
        self.suggestions_note = QLabel()
        self.suggestions_note.setWordWrap(True)
        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)
        self.cards_host = QWidget()
        self.cards_box = QVBoxLayout(self.cards_host)
        self.cards_box.setContentsMargins(0, 0, 4, 0)
        self.cards_box.addWidget(self.empty_note)
        self.cards_box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.cards_host)
        right = QWidget()
        right.setMinimumWidth(240)
        right.setMinimumHeight(110)
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(8, 0, 0, 0)
        right_box.addWidget(self.suggestions_title)
        right_box.addWidget(self.suggestions_note)
        right_box.addWidget(scroll, 1)
        self.cards: dict[str, SuggestionCard] = {}

        # The projection dock often takes a third of the window, so narrow is the usual case.
        self.splitter = ResponsiveSplitter(
            left,
            right,
            wide_from=WIDE_PAGE,
            wide_sizes=lambda width: [max(1, width - SIDE_PANEL), SIDE_PANEL],
            stacked_sizes=self._stacked_sizes,
        )
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.layout_.addWidget(self.splitter, 1)
        self.splitter.arrange(self.width())
        self.retranslate()
        self._update_buttons()

    # -- layout --------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """Suggestions beside the table on a wide page, under it when the page is narrow."""
        super().resizeEvent(event)
        self.splitter.arrange(self.width())

    def _stacked_sizes(self) -> list[int] | None:
        """Stacked: a short strip when nothing is suggested, else 40% for the suggestions."""
        height = self.splitter.height()
        if height < 200:
            return None
        if self.cards:
            # the table keeps what its rows need (at least 40%), the cards get up to 65%
            table = self.table
            rows = sum(table.rowHeight(r) for r in range(self.model.rowCount()))
            chrome = table.horizontalHeader().height() + table.horizontalScrollBar().height()
            needed = rows + chrome + self.add_button.sizeHint().height() + 16
            bottom = min(int(height * 0.65), max(int(height * 0.4), height - needed))
        else:
            right = self.splitter.widget(1)
            bottom = right.minimumHeight()
        return [height - bottom, bottom]

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.splitter.balance()

    # -- refresh -------------------------------------------------------------------------
    def refresh(self) -> None:
        snap = self.controller.snapshot
        selected = self.selected_action()
        self.model.set_actions(snap.actions)
        if selected is not None:
            self.select_action(selected.id)
        self._fill_suggestions(coherence.suggest_actions(snap, snap.workshop.lang))
        self._update_buttons()

    def _fill_suggestions(self, suggestions: list[coherence.Suggestion]) -> None:
        """Rebuild the cards; old ones are deleted later (one may be sending its click)."""
        for card in self.cards.values():
            self.cards_box.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = {}
        for position, suggestion in enumerate(suggestions):
            card = SuggestionCard(suggestion, self.cards_host)
            card.add_button.clicked.connect(lambda _=False, s=suggestion: self.add_suggestion(s))
            self.cards_box.insertWidget(position, card)
            self.cards[suggestion.key] = card
        self.empty_note.setVisible(not suggestions)
        self.splitter.balance()

    def retranslate(self) -> None:
        self.heading.setText(label(Step.PLAN, i18n.current()))
        self.intro.setText(
            self.tr(
                "A charter without training, guides, ambassadors or referents remains a dead "
                "letter: give every action an owner and a due date."
            )
        )
        self.add_button.setText(self.tr("Add an action"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))
        self.suggestions_title.setText(self.tr("Suggestions"))
        self.suggestions_note.setText(
            self.tr("What the target and the diagnostic call for, and the plan still lacks.")
        )
        self.empty_note.setText(
            self.tr("The plan already covers everything the target and the diagnostic call for.")
        )
        self.model.retranslate()
        for card in self.cards.values():
            card.retranslate()

    # -- selection -----------------------------------------------------------------------
    def selected_action(self) -> Action | None:
        """The action the remove and move buttons act on."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.action_at(rows[0].row()) if rows else None

    def select_action(self, action_id: int) -> None:
        """Select an action's row, so the room sees what was just added or moved.

        The current column stays where it was (``selectRow`` would move it to the first
        column, and Tab after an edit would then jump back to the left).
        """
        row = self.model.row_of(action_id)
        if row < 0:
            return
        column = max(0, self.table.currentIndex().column())
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(self.model.index(row, column), flags)

    def _update_buttons(self) -> None:
        action = self.selected_action()
        row = self.model.row_of(action.id) if action else -1
        self.remove_button.setEnabled(action is not None)
        self.up_button.setEnabled(self.can_reorder and row > 0)
        self.down_button.setEnabled(self.can_reorder and 0 <= row < len(self.model.actions) - 1)

    # -- actions -------------------------------------------------------------------------
    def add_action(self) -> None:
        """Add a blank action and put its title in edit mode, without a dialog."""
        changes = self.controller.run(plan.add_action, self.tr("New action"), "other")
        if changes is None:
            return
        self.select_action(int(changes.value))
        row = self.model.row_of(int(changes.value))
        if row >= 0:
            index = self.model.index(row, TITLE)
            self.table.setCurrentIndex(index)
            self.table.edit(index)

    def add_suggestion(self, suggestion: coherence.Suggestion) -> None:
        """Add a suggested action as is; owner and due date are for the room to settle."""
        changes = self.controller.run(
            plan.add_action,
            suggestion.title,
            suggestion.kind.value,
            description=suggestion.description,
            audience=suggestion.audience,
        )
        if changes is not None:
            self.select_action(int(changes.value))

    def remove_selected(self) -> None:
        """Remove the selected action without asking: undo brings it back."""
        action = self.selected_action()
        if action is None:
            return
        row = self.model.row_of(action.id)
        if self.controller.run(plan.remove_action, action.id) is not None:
            following = self.model.action_at(min(row, len(self.model.actions) - 1))
            if following is not None:
                self.select_action(following.id)

    def move_selected(self, step: int) -> None:
        """Move the selected action up (-1) or down (+1), when the operation exists."""
        action = self.selected_action()
        if action is None or not self.can_reorder:
            return
        row = self.model.row_of(action.id)
        target = max(0, min(row + step, len(self.model.actions) - 1))
        if target != row and self.controller.run(plan.move_action, action.id, target):
            self.select_action(action.id)
