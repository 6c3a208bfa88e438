"""The matrix step: each participant says where the charter should sit, twice.

At the opening the room places everyone on the support/control matrix (who wants more
accompaniment, who more control); at the closing, again, and arrows show who moved. The
facilitator picks a participant in the list (or Tab on the matrix) and clicks; the
per-college table and the group's quadrant follow at once. « Cible » mode sets the
position the group agreed to aim for.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.controller import WorkshopController
from ui.pages.base import StepPage
from ui.widgets.matrix.widget import MatrixWidget
from workshop.matrix import Position, group_stats, quadrant_name, quadrant_of
from workshop.matrix_scene import (
    college_badges,
    format_number,
    format_position,
    scene_from_snapshot,
)
from workshop.model import Round, Step, label
from workshop.operations import positioning
from workshop.session import COLLEGES, PARTICIPANTS, POSITIONS, WORKSHOP
from workshop.snapshot import Snapshot

ID_ROLE = Qt.ItemDataRole.UserRole

NAMES, PSEUDONYMS, NO_LABELS = "names", "pseudonyms", "none"
ICON_SIZE = QSize(22, 22)


def college_icon(colour: str, badge: str, size: int = 22) -> QIcon:
    """The college's dot as in the matrix (colour and badge), for lists and tables."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(colour) if QColor(colour).isValid() else QColor("#888888")
    painter.setPen(QPen(QColor("#111827"), 1.2))
    painter.setBrush(QBrush(fill))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    luminance = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF()
    painter.setPen(QColor("#000000") if luminance > 0.45 else QColor("#ffffff"))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(6, int(size * (0.5 if len(badge) < 3 else 0.38))))
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, size, size), int(Qt.AlignmentFlag.AlignCenter), badge)
    painter.end()
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)  # keep the colour on a selected row
    return icon


class MatrixPage(StepPage):
    """Round selector and participants on the left, the big interactive matrix on the right."""

    step = Step.MATRIX.value
    topics = frozenset({POSITIONS, PARTICIPANTS, WORKSHOP, COLLEGES})

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.4)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.round = Round.OPENING.value
        self._round_chosen = False
        self._selected: int | None = None

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.layout_.addWidget(self.splitter, 1)

        # -- left: round, participants or colleges, display options
        left = QWidget()
        left.setMinimumWidth(200)
        left.setMaximumWidth(400)
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 6, 0)
        rounds = QHBoxLayout()
        rounds.setSpacing(4)
        self.opening_button = QPushButton()
        self.closing_button = QPushButton()
        self.round_group = QButtonGroup(self)
        for button, value in (
            (self.opening_button, Round.OPENING.value),
            (self.closing_button, Round.CLOSING.value),
        ):
            button.setCheckable(True)
            button.setMinimumHeight(34)
            button.setProperty("round", value)
            self.round_group.addButton(button)
            rounds.addWidget(button)
        self.opening_button.setChecked(True)
        # The round shown is inverted (light on dark), not only a shade darker.
        left.setStyleSheet(
            "QPushButton[round]:checked { background: palette(highlight);"
            " color: palette(highlighted-text);"
            " border: 1px solid palette(shadow); border-radius: 4px; padding: 2px; }"
        )
        self.round_group.buttonClicked.connect(lambda b: self.set_round(str(b.property("round"))))
        side.addLayout(rounds)

        self.tabs = QTabWidget()
        people = QWidget()
        people_column = QVBoxLayout(people)
        people_column.setContentsMargins(4, 4, 4, 4)
        self.participants = QListWidget()
        self.participants.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.participants.setIconSize(self.participants.iconSize().expandedTo(ICON_SIZE))
        self.participants.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.participants.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.participants.currentItemChanged.connect(self._list_moved)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_selected)
        people_column.addWidget(self.participants, 1)
        people_column.addWidget(self.clear_button)
        self.tabs.addTab(people, "")

        # Each college takes two rows, its name across the table then its numbers, so
        # names stay readable in a narrow column.
        self.table = QTableWidget(0, 3)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setIconSize(ICON_SIZE)
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.college_rows: list[tuple[str, int, str, str]] = []
        self.tabs.addTab(self.table, "")
        side.addWidget(self.tabs, 1)

        self.target_button = QPushButton()
        self.target_button.setCheckable(True)
        self.target_button.setMinimumHeight(34)
        self.target_button.toggled.connect(self._target_toggled)
        side.addWidget(self.target_button)
        labels_row = QHBoxLayout()
        self.labels_title = QLabel()
        self.labels_combo = QComboBox()
        self.labels_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.labels_title.setBuddy(self.labels_combo)
        labels_row.addWidget(self.labels_title)
        labels_row.addWidget(self.labels_combo, 1)
        side.addLayout(labels_row)
        self.arrows_box = QCheckBox()
        self.arrows_box.toggled.connect(lambda _on: self._redraw())
        side.addWidget(self.arrows_box)
        self.splitter.addWidget(left)

        # -- right: the matrix, the group's quadrant, how to use it
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(6, 0, 0, 0)
        self.matrix = MatrixWidget(interactive=True)
        self.matrix.placed.connect(self._placed)
        self.matrix.target_set.connect(self._target_set)
        self.matrix.selection_changed.connect(self.select)
        self.matrix.target_mode_changed.connect(self.target_button.setChecked)
        column.addWidget(self.matrix, 1)
        self.group_label = QLabel()
        self.group_label.setWordWrap(True)
        self.group_label.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.group_label.font())
        font.setBold(True)
        self.group_label.setFont(font)
        column.addWidget(self.group_label)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        small = QFont(self.hint.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.hint.setFont(small)
        column.addWidget(self.hint)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self._user_split = False
        self.splitter.splitterMoved.connect(self._split_moved)

        controller.opened.connect(self._workshop_opened)
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """The matrix gets the room: the list takes about a third, until the user drags."""
        super().resizeEvent(event)
        if not self._user_split:
            total = self.splitter.width()
            left = max(200, min(330, int(total * 0.34)))
            self.splitter.setSizes([left, max(1, total - left)])

    def _split_moved(self, _pos: int, _index: int) -> None:
        self._user_split = True

    # -- state ---------------------------------------------------------------------------
    def labels_mode(self) -> str:
        return self.labels_combo.currentData() or NAMES

    def selected_id(self) -> int | None:
        return self._selected

    def _workshop_opened(self) -> None:
        self._round_chosen = False
        self._selected = None

    def set_round(self, value: str) -> None:
        """Show and edit the opening or the closing round."""
        new_round = Round(value).value
        if new_round != self.round:
            self._selected = None  # start with the first participant not placed yet
        self.round = new_round
        self._round_chosen = True
        self.opening_button.setChecked(self.round == Round.OPENING.value)
        self.closing_button.setChecked(self.round == Round.CLOSING.value)
        self.refresh()

    def select(self, participant_id: int | None) -> None:
        """Select a participant in the list and on the matrix (either may call this)."""
        if participant_id == self._selected:
            return
        self._selected = participant_id
        self._sync_list()
        self._redraw()
        self._update_clear_button()

    # -- reading -------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.controller.is_open:
            return
        snap = self.controller.snapshot
        if not self._round_chosen:  # once per workshop: resume where the room left off
            has_closing = any(p.round == Round.CLOSING.value for p in snap.positions)
            self.round = Round.CLOSING.value if has_closing else Round.OPENING.value
            self.opening_button.setChecked(not has_closing)
            self.closing_button.setChecked(has_closing)
            self._round_chosen = True
        ids = [p.id for p in snap.participants]
        placed = {p.participant_id for p in snap.positions if p.round == self.round}
        if self._selected not in ids:
            unplaced = [i for i in ids if i not in placed]
            self._selected = unplaced[0] if unplaced else (ids[0] if ids else None)
        self._fill_round_buttons(snap)
        self._fill_list(snap, placed)
        self._fill_stats(snap)
        closing = self.round == Round.CLOSING.value
        self.arrows_box.setEnabled(closing)
        self._redraw()
        self._update_clear_button()

    def _fill_round_buttons(self, snap: Snapshot) -> None:
        total = len(snap.participants)
        for button, value, text in (
            (self.opening_button, Round.OPENING.value, self.tr("Opening")),
            (self.closing_button, Round.CLOSING.value, self.tr("Closing")),
        ):
            n = sum(1 for p in snap.positions if p.round == value)
            button.setText(f"{text} {n}/{total}")
            button.setToolTip(
                self.tr("%1 of %2 participants placed in this round.")
                .replace("%1", str(n))
                .replace("%2", str(total))
            )

    def _fill_list(self, snap: Snapshot, placed: set[int]) -> None:
        colleges = {c.id: c for c in snap.colleges}
        badges = college_badges(c.name for c in snap.colleges)
        anonymize = self.labels_mode() == PSEUDONYMS
        self.participants.blockSignals(True)
        self.participants.clear()
        for person in snap.participants:
            college = colleges.get(person.college_id)
            is_placed = person.id in placed
            mark = "✓" if is_placed else "○"
            text = f"{mark}  {person.shown_name(anonymize)}"
            if not person.present:
                text += "  " + self.tr("(absent)")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, person.id)
            if college is not None:
                item.setIcon(college_icon(college.colour, badges.get(college.name, "")))
            status = self.tr("placed") if is_placed else self.tr("not placed yet")
            item.setToolTip(f"{college.name if college else ''} — {status}")
            if not person.present:
                item.setForeground(self.palette().placeholderText())
            self.participants.addItem(item)
        self.participants.blockSignals(False)
        self._sync_list()

    def _sync_list(self) -> None:
        self.participants.blockSignals(True)
        for row in range(self.participants.count()):
            item = self.participants.item(row)
            if item.data(ID_ROLE) == self._selected:
                self.participants.setCurrentItem(item)
                self.participants.scrollToItem(item)
                break
        else:
            self.participants.setCurrentRow(-1)
        self.participants.blockSignals(False)

    def _fill_stats(self, snap: Snapshot) -> None:
        lang = i18n.current()
        colleges = {c.id: c for c in snap.colleges}
        order = {p.id: p for p in snap.participants}
        positions = [
            p for p in snap.positions if p.round == self.round and p.participant_id in order
        ]
        positions.sort(
            key=lambda p: (
                colleges[order[p.participant_id].college_id].position,
                order[p.participant_id].position,
            )
        )
        stats = group_stats(
            {
                p.participant_id: (
                    order[p.participant_id].college_id,
                    Position(p.support, p.control),
                )
                for p in positions
            }
        )
        if stats.centroid is None:
            self.group_label.setText(self.tr("Nobody is placed in this round yet."))
        else:
            quadrant = quadrant_name(quadrant_of(stats.centroid), lang)
            self.group_label.setText(
                self.tr("Group: %1 — centre %2, spread %3")
                .replace("%1", quadrant)
                .replace("%2", format_position(stats.centroid, lang))
                .replace("%3", format_number(stats.spread, lang))
            )
        badges = college_badges(c.name for c in snap.colleges)
        rows: list[tuple[str, str, int, Position, float]] = [
            (colleges[c.college].name, colleges[c.college].colour, c.count, c.centroid, c.spread)
            for c in stats.colleges
        ]
        if stats.count:
            rows.append((self.tr("Whole group"), "", stats.count, stats.centroid, stats.spread))
        self.college_rows = [
            (name, count, format_position(centre, lang), format_number(spread_, lang))
            for name, _, count, centre, spread_ in rows
        ]
        self.table.clearSpans()
        self.table.setRowCount(2 * len(rows))
        shade = self.palette().alternateBase()
        for index, ((name, colour, *_), (_, count, centre, spread_)) in enumerate(
            zip(rows, self.college_rows, strict=True)
        ):
            whole = not colour
            title = QTableWidgetItem(name)
            title.setToolTip(name)
            title.setBackground(shade)
            if colour:
                title.setIcon(college_icon(colour, badges.get(name, "")))
            font = QFont(title.font())
            font.setBold(True)
            title.setFont(font)
            self.table.setItem(2 * index, 0, title)
            self.table.setSpan(2 * index, 0, 1, 3)
            for column, text in enumerate((str(count), centre, spread_)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if whole:
                    item.setFont(font)
                self.table.setItem(2 * index + 1, column, item)
        self.table.resizeRowsToContents()

    def _redraw(self) -> None:
        if not self.controller.is_open:
            return
        mode = self.labels_mode()
        scene = scene_from_snapshot(
            self.controller.snapshot,
            self.round,
            anonymize=mode == PSEUDONYMS,
            show_names=mode != NO_LABELS,
            show_arrows=self.arrows_box.isChecked(),
            highlighted=self._selected,
            show_legend=True,
        )
        self.matrix.set_scene(scene)

    def _placed_ids(self) -> set[int]:
        return {
            p.participant_id for p in self.controller.snapshot.positions if p.round == self.round
        }

    def _update_clear_button(self) -> None:
        self.clear_button.setEnabled(
            self.controller.is_open
            and self._selected is not None
            and self._selected in self._placed_ids()
        )

    # -- changing ------------------------------------------------------------------------
    def _list_moved(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.select(current.data(ID_ROLE))

    def _placed(self, participant_id: int, support: float, control: float) -> None:
        self.controller.run(positioning.place, participant_id, self.round, support, control)

    def _target_set(self, support: float, control: float) -> None:
        self.controller.run(positioning.set_target, support, control)

    def _target_toggled(self, on: bool) -> None:
        self.matrix.set_target_mode(on)
        if on:
            self.matrix.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_hint()

    def clear_selected(self) -> None:
        """Take the selected participant off the matrix for this round."""
        if self._selected is not None:
            self.controller.run(positioning.clear_position, self._selected, self.round)

    # -- language (the main window calls retranslate on LanguageChange) -------------------
    def retranslate(self) -> None:
        lang = i18n.current()
        self.heading.setText(label(Step.MATRIX, lang))
        self.tabs.setTabText(0, self.tr("Participants"))
        self.tabs.setTabText(1, self.tr("Colleges"))
        self.tabs.setTabToolTip(0, self.tr("✓ placed in this round, ○ not placed yet."))
        self.participants.setAccessibleName(self.tr("Participants"))
        self.clear_button.setText(self.tr("Remove from the matrix"))
        self.clear_button.setToolTip(
            self.tr("Take the selected participant off the matrix for this round.")
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Placed"), self.tr("Centre"), self.tr("Spread")]
        )
        self.table.setAccessibleName(self.tr("Position of each college"))
        self.target_button.setText(self.tr("Set the target"))
        self.target_button.setToolTip(
            self.tr("Then click on the matrix where the group wants the charter to sit.")
        )
        self.labels_title.setText(self.tr("Labels:"))
        current = self.labels_mode()
        self.labels_combo.blockSignals(True)
        self.labels_combo.clear()
        for text, value in (
            (self.tr("Names"), NAMES),
            (self.tr("Pseudonyms"), PSEUDONYMS),
            (self.tr("No labels"), NO_LABELS),
        ):
            self.labels_combo.addItem(text, value)
        self.labels_combo.setCurrentIndex(max(0, self.labels_combo.findData(current)))
        self.labels_combo.blockSignals(False)
        self.arrows_box.setText(self.tr("Opening → closing arrows"))
        self.arrows_box.setToolTip(self.tr("Available in the closing round."))
        self.matrix.retranslate()
        self._update_hint()
        if self.controller.is_open:
            self.refresh()
        else:
            self.opening_button.setText(self.tr("Opening"))
            self.closing_button.setText(self.tr("Closing"))

    def _update_hint(self) -> None:
        if self.target_button.isChecked():
            text = self.tr("Click where the group wants the charter to sit. Escape cancels.")
        else:
            text = self.tr(
                "Click or drag to place the selected participant. Keys: arrows (Shift: finer), "
                "Enter to place, Tab for the next participant."
            )
        self.hint.setText(text)
        self.matrix.setToolTip(text)
