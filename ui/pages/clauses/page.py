"""The clause review page: the clause on screen, large, and its variants, amendments and votes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs, i18n
from ui.controller import WorkshopController
from ui.pages.ballot import BallotPanel
from ui.pages.base import StepPage
from ui.pages.clause_picker import ClausePicker
from ui.pages.clauses.amend_editor import AmendEditor
from ui.pages.clauses.clause_list import ID_ROLE, ClauseList, clause_status
from ui.pages.clauses.variants import VariantSwitch
from ui.style import OPEN_MARK, scaled_font
from ui.widgets.clause_text import ClauseText
from workshop import snapshot as snap
from workshop.errors import WorkshopError
from workshop.library import Library, builtin_library
from workshop.model import Lean, Step, label
from workshop.operations import clauses as clause_ops
from workshop.session import BALLOTS, CLAUSES, PARTICIPANTS, WORKSHOP, Changes


class ClausesPage(StepPage):
    """The clause review: the list, the current clause large, its variants, amendments, votes."""

    step = Step.CLAUSES.value
    topics = frozenset({CLAUSES, BALLOTS, PARTICIPANTS, WORKSHOP})

    TAB_VARIANTS, TAB_AMEND, TAB_VOTE = 0, 1, 2

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.heading.setFont(scaled_font(self.heading.font(), 1.4, True))
        self.clause_id: int | None = None
        self._revote_after_amend: int | None = None
        self._library: Library | None = None
        self._list_auto = True  # the list folds away on narrow screens until toggled
        self._voting_layout: bool | None = None

        # top: the step's title and the ways to move between clauses
        self.layout_.removeWidget(self.heading)
        self.list_toggle = QPushButton()
        self.list_toggle.setCheckable(True)
        self.list_toggle.setChecked(True)
        self.list_toggle.toggled.connect(self._toggle_list)
        self.prev_button = QPushButton("◀")
        self.prev_button.clicked.connect(lambda: self.step_clause(-1))
        self.next_button = QPushButton("▶")
        self.next_button.clicked.connect(lambda: self.step_clause(1))
        for button in (self.prev_button, self.next_button):
            button.setFixedWidth(44)
        self.library_button = QPushButton()
        self.library_button.clicked.connect(self.show_picker)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.list_toggle)
        top.addWidget(self.prev_button)
        top.addWidget(self.next_button)
        top.addWidget(self.library_button)
        self.layout_.insertLayout(0, top)

        # left: the review's clauses in order
        self.left = ClauseList()
        self.left.clause_list.currentItemChanged.connect(self._list_moved)
        self.left.add_button.clicked.connect(self.show_picker)
        self.left.remove_button.clicked.connect(self.remove_current)
        self.left.up_button.clicked.connect(lambda: self.move_current(-1))
        self.left.down_button.clicked.connect(lambda: self.move_current(1))

        # right: the current clause
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setFont(scaled_font(self.font(), 1.45, True))
        self.status = QLabel()
        self.status.setFont(scaled_font(self.font(), 1.25, True))
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.status)
        self.meta = QLabel()
        self.meta.setWordWrap(True)
        self.text = ClauseText(scale=1.55)
        self.variants = VariantSwitch(self)
        self.amend_editor = AmendEditor(self)
        self.ballot = BallotPanel(controller)
        self.ballot.amend_requested.connect(self.amend_and_revote)
        self.ballot.show_clause.connect(self.select_clause)
        self.tabs = QTabWidget()
        self.tabs.setFont(scaled_font(self.tabs.font(), 1.05))
        self.tabs.addTab(self.variants, "")
        self.tabs.addTab(self.amend_editor, "")
        self.tabs.addTab(self.ballot, "")
        self.tabs.currentChanged.connect(lambda _index: self._apply_layout())
        self.body = QSplitter(Qt.Orientation.Vertical)
        self.body.addWidget(self.text)
        self.body.addWidget(self.tabs)
        self.body.setStretchFactor(0, 2)
        self.body.setStretchFactor(1, 3)
        self.body.setChildrenCollapsible(False)
        self.text.setMinimumHeight(90)
        clause_view = QWidget()
        clause_layout = QVBoxLayout(clause_view)
        clause_layout.setContentsMargins(0, 0, 0, 0)
        clause_layout.setSpacing(4)
        clause_layout.addLayout(title_row)
        clause_layout.addWidget(self.meta)
        clause_layout.addWidget(self.body, 1)

        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setFont(scaled_font(self.font(), 1.3))
        self.empty_add = QPushButton()
        self.empty_add.setMinimumHeight(48)
        self.empty_add.clicked.connect(self.show_picker)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_note)
        empty_layout.addWidget(self.empty_add, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)

        self.picker = ClausePicker()
        self.picker.add_requested.connect(self.add_clauses)
        self.picker.close_requested.connect(self.hide_picker)

        self.right = QStackedWidget()
        self.right.addWidget(clause_view)
        self.right.addWidget(self.picker)
        self.right.addWidget(empty)
        self.clause_view, self.empty_view = clause_view, empty

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.left)
        split.addWidget(self.right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        split.setSizes([260, 700])
        self.split = split
        self.layout_.addWidget(split, 1)
        focus = getattr(controller, "focus_changed", None)
        if focus is not None:  # the projection's clicker moves between clauses too
            focus.connect(self._focus_moved)

        for keys, slot in (
            ("Alt+Up", lambda: self.move_current(-1)),
            ("Alt+Down", lambda: self.move_current(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.retranslate()

    # -- reading -------------------------------------------------------------------------
    def current_clause(self) -> snap.Clause | None:
        if not self.controller.is_open or self.clause_id is None:
            return None
        return next((c for c in self.controller.snapshot.clauses if c.id == self.clause_id), None)

    def library(self) -> Library | None:
        """The builtin library in the workshop's language (the clauses' own language)."""
        lang = self.controller.snapshot.workshop.lang
        try:
            self._library = builtin_library(lang)
        except WorkshopError as error:
            dialogs.show_error(self, str(error))
            return None
        return self._library

    # -- refreshing ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Redraw the list, the current clause and its panels from the snapshot."""
        if not self.controller.is_open:
            return
        shot = self.controller.snapshot
        ids = [c.id for c in shot.clauses]
        if self.clause_id not in ids:
            self.clause_id = self._default_clause(shot)
        self._fill_list(shot)
        self._show_clause(shot)
        if self.right.currentWidget() is self.picker:
            self._fill_picker()
        elif not shot.clauses:
            self.right.setCurrentWidget(self.empty_view)
        elif self.right.currentWidget() is self.empty_view:
            self.right.setCurrentWidget(self.clause_view)

    def refresh_for(self, changes: Changes) -> None:
        """A vote changes one voter's card and the progress line: the rest stays as it is
        (no list, text or tab redrawn; no layout pass)."""
        if (
            changes.voters
            and changes.topics == {BALLOTS}
            and self.ballot.update_voters(changes.voters)
        ):
            return
        self.refresh()

    def _default_clause(self, shot: snap.Snapshot) -> int | None:
        """The clause being voted on, else the first one not decided yet, else the first."""
        for clause in shot.clauses:
            if any(b.is_open for b in clause.ballots):
                return clause.id
        for clause in shot.clauses:
            if clause.status is None:
                return clause.id
        return shot.clauses[0].id if shot.clauses else None

    def _fill_list(self, shot: snap.Snapshot) -> None:
        index = self.left.fill(shot, self.clause_id)
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(0 <= index < self.left.clause_list.count() - 1)
        self.list_toggle.setText(
            self.tr("☰ Clauses {n}/{total}").format(n=index + 1, total=len(shot.clauses))
            if index >= 0
            else self.tr("☰ Clauses")
        )

    def _show_clause(self, shot: snap.Snapshot) -> None:
        clause = self.current_clause()
        lang = i18n.current()
        if clause is None:
            self.title.setText("")
            self.status.setText("")
            self.meta.setText("")
            self.text.set_clause_text("")
            self.variants.show_clause(None, False)
            self.amend_editor.show_clause(shot, None, False)
            self.ballot.set_clause(None)
            return
        number = [c.id for c in shot.clauses].index(clause.id) + 1
        self.title.setText(f"{number}. {clause.title}")
        status, colour = clause_status(clause, lang, self.tr("pending"))
        self.status.setText(status)
        self.status.setStyleSheet(f"color: {colour};")
        variant = clause.variant
        meta = [clause.theme_title]
        if variant is not None:
            meta.append(
                self.tr("variant: {label} ({lean})").format(
                    label=variant.label, lean=label(Lean(variant.lean), lang)
                )
            )
            if clause.text != variant.text:
                meta.append(self.tr("amended"))
        if clause.note:
            meta.append(self.tr("note: {note}").format(note=clause.note))
        self.meta.setText(" · ".join(meta))
        self.text.set_clause_text(clause.text)
        voting_now = any(b.is_open for b in clause.ballots)
        self.variants.show_clause(clause, voting_now)
        self.amend_editor.show_clause(shot, clause, voting_now)
        self.ballot.set_clause(clause.id)
        self.tabs.setTabText(
            self.TAB_VOTE,
            f"{self.tr('Vote')} {OPEN_MARK}" if voting_now else self.tr("Vote"),
        )
        self.tabs.setTabText(
            self.TAB_AMEND,
            self.tr("Amendments ({n})").format(n=len(clause.amendments))
            if clause.amendments
            else self.tr("Amend"),
        )
        if voting_now:
            self.tabs.setCurrentIndex(self.TAB_VOTE)
        self._apply_layout()
        focus = getattr(self.controller, "focus_clause", None)
        if focus is not None and self.isVisible():
            focus(clause.id)

    # -- clause list actions ---------------------------------------------------------------
    def _list_moved(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.select_clause(item.data(ID_ROLE))

    def select_clause(self, clause_id: int) -> None:
        """Make ``clause_id`` the clause on screen."""
        if clause_id == self.clause_id and self.right.currentWidget() is self.clause_view:
            return
        self.clause_id = clause_id
        if self.right.currentWidget() is not self.picker:
            self.right.setCurrentWidget(self.clause_view)
        if self.controller.is_open:
            shot = self.controller.snapshot
            self._fill_list(shot)
            self._show_clause(shot)

    def _apply_layout(self) -> None:
        """Voting and amending need the room (the editor repeats the text); variants don't.

        Applied only when the tab changes, so a splitter the facilitator dragged stays put.
        """
        compact = self.tabs.currentIndex() != self.TAB_VARIANTS
        if compact == self._voting_layout:
            return
        self._voting_layout = compact
        total = sum(self.body.sizes())
        if total <= 0:
            total = max(300, self.body.height())
        text_height = max(120, total // 5) if compact else total * 2 // 5
        self.body.setSizes([text_height, total - text_height])

    def step_clause(self, step: int) -> None:
        """The previous (-1) or next (+1) clause in the charter's order."""
        row = self.left.clause_list.currentRow() + step
        if 0 <= row < self.left.clause_list.count():
            self.select_clause(self.left.clause_list.item(row).data(ID_ROLE))

    def _focus_moved(self, clause_id: object) -> None:
        if isinstance(clause_id, int) and clause_id != self.clause_id and self.isVisible():
            if any(c.id == clause_id for c in self.controller.snapshot.clauses):
                self.select_clause(clause_id)

    def _toggle_list(self, shown: bool) -> None:
        if self.sender() is self.list_toggle:
            self._list_auto = False
        self.left.setVisible(shown)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        """Fold the list away when the page is narrow (projection panel docked, small screen)."""
        super().resizeEvent(event)
        if self._list_auto:
            wide = self.width() >= 900
            if wide != self.list_toggle.isChecked():
                self.list_toggle.blockSignals(True)
                self.list_toggle.setChecked(wide)
                self.list_toggle.blockSignals(False)
                self.left.setVisible(wide)

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self.clause_id is not None:
            focus = getattr(self.controller, "focus_clause", None)
            if focus is not None:
                focus(self.clause_id)

    def move_current(self, step: int) -> None:
        """Move the current clause up (-1) or down (+1) in the charter's order."""
        row = self.left.clause_list.currentRow()
        if self.clause_id is None or row < 0:
            return
        target = row + step
        if not 0 <= target < self.left.clause_list.count():
            return
        self.controller.run(clause_ops.move_clause, self.clause_id, target)

    def remove_current(self) -> None:
        """Take the current clause out of the review, after confirmation."""
        clause = self.current_clause()
        if clause is None:
            return
        question = self.tr(
            'Remove "{title}" from the review? Its amendments and rounds go with it.'
        ).format(title=clause.title)
        if dialogs.confirm(self, question):
            self.controller.run(clause_ops.remove_clause, clause.id)

    # -- the picker ----------------------------------------------------------------------
    def show_picker(self) -> None:
        if not self.controller.is_open:
            return
        self.right.setCurrentWidget(self.picker)
        self._fill_picker()
        self.picker.search.setFocus()

    def hide_picker(self) -> None:
        shot = self.controller.snapshot if self.controller.is_open else None
        self.right.setCurrentWidget(
            self.clause_view if shot is not None and shot.clauses else self.empty_view
        )

    def _fill_picker(self) -> None:
        library = self.library()
        if library is None:
            return
        taken = {c.library_key for c in self.controller.snapshot.clauses}
        self.picker.set_library(library, taken, self.controller.snapshot.workshop.lang)

    def add_clause(self, key: str) -> bool:
        """Add a library clause to the review and make it the current clause."""
        library = self._library or self.library()
        if library is None:
            return False
        changes = self.controller.run(clause_ops.add_clause, library, key)
        if changes is None:
            return False
        if isinstance(changes.value, int):
            self.select_clause(changes.value)
        return True

    def add_clauses(self, keys: list[str]) -> bool:
        """Add the clauses picked in the library in one change (one undo); the first becomes
        the current clause."""
        if len(keys) == 1:
            return self.add_clause(keys[0])
        library = self._library or self.library()
        if library is None or not keys:
            return False
        changes = self.controller.run(clause_ops.add_clauses, library, keys)
        if changes is None:
            return False
        if isinstance(changes.value, list) and changes.value:
            self.select_clause(changes.value[0])
        return True

    # -- amend and vote again ------------------------------------------------------------
    def amend_and_revote(self, clause_id: int) -> None:
        """From an outcome: edit the wording, then a new round is set up for it."""
        self.select_clause(clause_id)
        self._revote_after_amend = clause_id
        self.tabs.setCurrentIndex(self.TAB_AMEND)
        self.amend_editor.editor.setFocus()

    def amended(self, clause_id: int) -> None:
        """Called by the editor once an amendment is recorded."""
        if self._revote_after_amend == clause_id:
            self._revote_after_amend = None
            self.ballot.request_new_round(clause_id)
            self.tabs.setCurrentIndex(self.TAB_VOTE)

    # -- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text again; domain labels follow ``ui.i18n.current()``."""
        lang = i18n.current()
        self.heading.setText(label(Step.CLAUSES, lang))
        self.library_button.setText(self.tr("＋ Library"))
        self.library_button.setToolTip(self.tr("Add clauses from the library"))
        self.prev_button.setToolTip(self.tr("Previous clause"))
        self.next_button.setToolTip(self.tr("Next clause"))
        self.prev_button.setAccessibleName(self.tr("Previous clause"))
        self.next_button.setAccessibleName(self.tr("Next clause"))
        self.list_toggle.setToolTip(self.tr("Show or hide the list of clauses"))
        self.tabs.setTabText(self.TAB_VARIANTS, self.tr("Variants"))
        self.tabs.setTabText(self.TAB_AMEND, self.tr("Amend"))
        self.tabs.setTabText(self.TAB_VOTE, self.tr("Vote"))
        self.empty_note.setText(
            self.tr(
                "No clause in the review yet. Start from the library: the group picks the articles its charter needs."
            )
        )
        self.empty_add.setText(self.tr("Open the library"))
        self.left.retranslate()
        self.picker.retranslate()
        self.variants.retranslate()
        self.amend_editor.retranslate()
        self.ballot.retranslate()
        if self.controller.is_open:
            self.refresh()
