"""« Revue des clauses »: choose the clauses, settle each one's wording, and vote on it.

The page is what the room looks at for most of the day (the projector mirrors this
window), so the clause under discussion is shown large; the list on the left says where
each clause stands in words and marks, not by colour alone. Every change goes through
``controller.run``; the page redraws from the controller's ``changed`` signal.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs, i18n
from ui.controller import WorkshopController
from ui.pages.ballot import BallotPanel
from ui.pages.ballot.widgets import CardButton
from ui.pages.base import StepPage
from ui.pages.clause_picker import ClausePicker, coordinates_text
from ui.style import (
    LEAN_COLOURS,
    OPEN_COLOUR,
    OPEN_MARK,
    OUTCOME_COLOURS,
    PENDING_MARK,
    outcome_text,
    scaled_font,
)
from ui.widgets.clause_text import ClauseText, DiffView, diff_counts, word_diff_html
from workshop import snapshot as snap
from workshop.errors import WorkshopError
from workshop.library import Library, builtin_library
from workshop.model import BallotState, Lean, Step, label
from workshop.operations import clauses as clause_ops
from workshop.session import BALLOTS, CLAUSES, PARTICIPANTS, WORKSHOP

ID_ROLE = Qt.ItemDataRole.UserRole


def clause_status(clause: snap.Clause, lang: str, pending: str) -> tuple[str, str]:
    """The clause's standing as (mark and words, colour): never a colour alone."""
    if any(b.is_open for b in clause.ballots):
        return f"{OPEN_MARK} {label(BallotState.OPEN, lang)}", OPEN_COLOUR
    status = clause.status
    if status is None:
        return f"{PENDING_MARK} {pending}", "#555555"
    return outcome_text(status, lang), OUTCOME_COLOURS[status]


# ---------------------------------------------------------------------------------------
# Variants


class VariantSwitch(QWidget):
    """A segmented control over the clause's variants, with what each one means.

    Touching a segment previews the variant (rationale, legal basis, justification, text);
    « Use this variant » switches the clause's wording, so comparing costs nothing.
    """

    def __init__(self, page: ClausesPage) -> None:
        super().__init__()
        self.page = page
        self.segments_row = QHBoxLayout()
        self.segments_row.setSpacing(8)
        self.segments: dict[str, CardButton] = {}
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setFont(scaled_font(self.details.font(), 1.1))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.apply_button = QPushButton()
        self.apply_button.setMinimumHeight(40)
        self.apply_button.clicked.connect(self.apply)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.segments_row)
        layout.addWidget(self.details, 1)
        layout.addLayout(bottom)
        self.clause: snap.Clause | None = None
        self.preview_key: str | None = None
        self.locked = False

    def show_clause(self, clause: snap.Clause | None, locked: bool) -> None:
        """Show ``clause``'s variants; ``locked`` while a vote runs on it."""
        keys = [v.key for v in clause.variants] if clause else []
        if self.clause is None or clause is None or self.clause.id != clause.id:
            self.preview_key = clause.variant_key if clause else None
        if list(self.segments) != keys:
            for button in self.segments.values():
                self.segments_row.removeWidget(button)
                button.hide()
                button.deleteLater()
            self.segments = {}
            for key in keys:
                button = CardButton()
                button.setCheckable(True)
                button.clicked.connect(lambda _=False, k=key: self.preview(k))
                self.segments_row.addWidget(button)
                self.segments[key] = button
        self.clause, self.locked = clause, locked
        if clause is not None and self.preview_key not in keys:
            self.preview_key = clause.variant_key
        self._redraw()

    def preview(self, key: str) -> None:
        self.preview_key = key
        self._redraw()

    def _redraw(self) -> None:
        clause = self.clause
        if clause is None:
            self.details.clear()
            self.apply_button.setEnabled(False)
            return
        lang = i18n.current()
        for variant in clause.variants:
            button = self.segments[variant.key]
            lean = Lean(variant.lean)
            lines = [
                (variant.label, 1.15, True),
                (self.tr("Leaning: {lean}").format(lean=label(lean, lang)), 0.95, False),
                (
                    self.tr("Position: {coordinates}").format(
                        coordinates=coordinates_text(variant.support, variant.control, lang)
                    ),
                    0.95,
                    False,
                ),
            ]
            if variant.key == clause.variant_key:
                lines.append((self.tr("✓ current wording"), 1.0, True))
            button.set_lines(lines)
            button.set_colours(LEAN_COLOURS[lean], None)
            button.setChecked(variant.key == self.preview_key)
        variant = next((v for v in clause.variants if v.key == self.preview_key), None)
        self.details.setHtml(self._details_html(clause, variant, lang) if variant else "")
        amended = clause.variant is not None and clause.text != clause.variant.text
        notes = []
        if self.locked:
            notes.append(self.tr("The wording cannot change while the vote is open."))
        elif amended:
            notes.append(self.tr("The current wording is amended: switching variant replaces it."))
        self.note.setText(" ".join(notes))
        self.apply_button.setEnabled(
            not self.locked and variant is not None and variant.key != clause.variant_key
        )

    def _details_html(self, clause: snap.Clause, variant: snap.Variant, lang: str) -> str:
        lean = Lean(variant.lean)
        why = self.tr("Why a group would choose it:")
        justified = self.tr("Justification of the restriction (proportionate to its aim, L1121-1):")
        unjustified = self.tr("No justification is stated for this restriction.")
        basis = self.tr("Legal basis (pointers for the lawyers, not legal advice):")
        attention = self.tr("Points of attention:")
        changes = self.tr("Changes from the current wording:")
        parts = [
            f"<h3>{html.escape(variant.label)} — {html.escape(label(lean, lang))}</h3>",
            f"<p><b>{html.escape(why)}</b> {html.escape(variant.rationale)}</p>",
        ]
        if variant.justification:
            parts.append(
                f"<p><b>{html.escape(justified)}</b> {html.escape(variant.justification)}</p>"
            )
        elif lean is Lean.CONTROL:
            parts.append(f"<p><b>⚠ {html.escape(unjustified)}</b></p>")
        if variant.legal_basis:
            items = "; ".join(html.escape(b) for b in variant.legal_basis)
            parts.append(f"<p><b>{html.escape(basis)}</b> {items}</p>")
        flags = [self._flag_text(f) for f in variant.flags]
        if flags:
            parts.append(f"<p><b>{html.escape(attention)}</b> {html.escape('; '.join(flags))}</p>")
        if variant.key != clause.variant_key:
            parts.append(
                f"<p><b>{html.escape(changes)}</b></p>"
                f"<p>{word_diff_html(clause.text, variant.text)}</p>"
            )
        return "".join(parts)

    def _flag_text(self, flag: str) -> str:
        texts = {
            "monitoring": self.tr("monitoring: employees informed beforehand, CSE consulted"),
            "sanctions": self.tr(
                "sanctions: only enforceable if the charter is annexed to the work rules"
            ),
            "personal_data": self.tr("personal data: GDPR applies"),
            "new_technology": self.tr("new tools: CSE consulted"),
            "whistleblowing": self.tr("whistleblowing: a lawful alert can never be restricted"),
        }
        return texts.get(flag, flag)

    def apply(self) -> None:
        """Switch the clause to the previewed variant (confirmed when it drops an amendment)."""
        clause, key = self.clause, self.preview_key
        if clause is None or key is None or key == clause.variant_key or self.locked:
            return
        amended = clause.variant is not None and clause.text != clause.variant.text
        if amended and not dialogs.confirm(
            self,
            self.tr(
                "The wording was amended. Replace it with this variant's text? The amendment history is kept."
            ),
        ):
            return
        self.page.controller.run(clause_ops.choose_variant, clause.id, key)

    def retranslate(self) -> None:
        self.apply_button.setText(self.tr("Use this variant's wording"))
        self._redraw()


# ---------------------------------------------------------------------------------------
# Amendments


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
        left = QVBoxLayout()
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
        current_college = self.college.currentData()
        self.college.blockSignals(True)
        self.college.clear()
        self.college.addItem(self.tr("(nobody in particular)"), None)
        for college in shot.colleges:
            self.college.addItem(college.name, college.id)
        self.college.setCurrentIndex(max(0, self.college.findData(current_college)))
        self.college.blockSignals(False)
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


# ---------------------------------------------------------------------------------------
# The page


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
        self.list_title = QLabel()
        self.list_title.setFont(scaled_font(self.font(), 1.05, True))
        self.clause_list = QListWidget()
        self.clause_list.setWordWrap(True)
        self.clause_list.setSpacing(2)
        self.clause_list.setFont(scaled_font(self.clause_list.font(), 1.05))
        self.clause_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.clause_list.currentItemChanged.connect(self._list_moved)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.show_picker)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button = QPushButton("↑")
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton("↓")
        self.down_button.clicked.connect(lambda: self.move_current(1))
        for button in (self.up_button, self.down_button):
            button.setFixedWidth(44)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.remove_button, 1)
        list_buttons.addWidget(self.up_button)
        list_buttons.addWidget(self.down_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_title)
        left_layout.addWidget(self.clause_list, 1)
        left_layout.addWidget(self.add_button)
        left_layout.addLayout(list_buttons)
        left.setMinimumWidth(230)
        self.left = left

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
        self.picker.add_requested.connect(self.add_clause)
        self.picker.close_requested.connect(self.hide_picker)

        self.right = QStackedWidget()
        self.right.addWidget(clause_view)
        self.right.addWidget(self.picker)
        self.right.addWidget(empty)
        self.clause_view, self.empty_view = clause_view, empty

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
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
        lang = i18n.current()
        self.clause_list.blockSignals(True)
        pending = self.tr("pending")
        rows = []
        for number, clause in enumerate(shot.clauses, start=1):
            status, _colour = clause_status(clause, lang, pending)
            rows.append((clause.id, f"{number}. {clause.title}\n    {status}", clause.theme_title))
        same_clauses = [r[0] for r in rows] == [
            self.clause_list.item(i).data(ID_ROLE) for i in range(self.clause_list.count())
        ]
        if same_clauses:
            # A vote changes a status at most: update the texts in place (no rebuild, no scroll).
            for i, (_cid, text, theme) in enumerate(rows):
                item = self.clause_list.item(i)
                if item.text() != text:
                    item.setText(text)
                item.setToolTip(theme)
        else:
            self.clause_list.clear()
            for cid, text, theme in rows:
                item = QListWidgetItem(text)
                item.setData(ID_ROLE, cid)
                item.setForeground(QBrush(QColor("#111111")))
                item.setToolTip(theme)
                self.clause_list.addItem(item)
        current = self.clause_list.currentItem()
        if current is None or current.data(ID_ROLE) != self.clause_id:
            for i, (cid, _text, _theme) in enumerate(rows):
                if cid == self.clause_id:
                    self.clause_list.setCurrentRow(i)
                    break
        self.clause_list.blockSignals(False)
        if self.clause_list.currentItem() is not None and not same_clauses:
            self.clause_list.scrollToItem(self.clause_list.currentItem())
        self.list_title.setText(self.tr("Clauses of the charter ({n})").format(n=len(shot.clauses)))
        index = self.clause_list.currentRow()
        self.remove_button.setEnabled(index >= 0)
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(0 <= index < self.clause_list.count() - 1)
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(0 <= index < self.clause_list.count() - 1)
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
        row = self.clause_list.currentRow() + step
        if 0 <= row < self.clause_list.count():
            self.select_clause(self.clause_list.item(row).data(ID_ROLE))

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
        row = self.clause_list.currentRow()
        if self.clause_id is None or row < 0:
            return
        target = row + step
        if not 0 <= target < self.clause_list.count():
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
        self.add_button.setText(self.tr("＋ Add clauses from the library"))
        self.library_button.setText(self.tr("＋ Library"))
        self.library_button.setToolTip(self.tr("Add clauses from the library"))
        self.prev_button.setToolTip(self.tr("Previous clause"))
        self.next_button.setToolTip(self.tr("Next clause"))
        self.prev_button.setAccessibleName(self.tr("Previous clause"))
        self.next_button.setAccessibleName(self.tr("Next clause"))
        self.list_toggle.setToolTip(self.tr("Show or hide the list of clauses"))
        self.remove_button.setText(self.tr("Remove…"))
        self.up_button.setToolTip(self.tr("Move up (Alt+Up)"))
        self.down_button.setToolTip(self.tr("Move down (Alt+Down)"))
        self.up_button.setAccessibleName(self.tr("Move up"))
        self.down_button.setAccessibleName(self.tr("Move down"))
        self.tabs.setTabText(self.TAB_VARIANTS, self.tr("Variants"))
        self.tabs.setTabText(self.TAB_AMEND, self.tr("Amend"))
        self.tabs.setTabText(self.TAB_VOTE, self.tr("Vote"))
        self.empty_note.setText(
            self.tr(
                "No clause in the review yet. Start from the library: the group picks the articles its charter needs."
            )
        )
        self.empty_add.setText(self.tr("Open the library"))
        self.picker.retranslate()
        self.variants.retranslate()
        self.amend_editor.retranslate()
        self.ballot.retranslate()
        if self.controller.is_open:
            self.refresh()
