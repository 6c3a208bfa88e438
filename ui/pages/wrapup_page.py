"""Wrap-up: what was decided, whether it holds together, and the files that leave the room.

The decisions table lists every clause with its status; the coherence alerts
(``workshop.coherence.alerts``) carry an icon *and* words, never a colour alone. The
exports run in a worker thread (``ui.export_worker``) on a snapshot, so the projected
window stays responsive while python-docx or reportlab work; once a file is written the
facilitator can open it or its folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs, export_worker, i18n
from ui.controller import WorkshopController
from ui.pages.base import StepPage
from ui.widgets.responsive import ResponsiveSplitter
from workshop import coherence
from workshop import exports as registry
from workshop.exports.common import ExportOptions, adopted_position, target
from workshop.model import CharterStatus, Outcome, Step, label
from workshop.session import ALL_TOPICS
from workshop.snapshot import Clause, Snapshot

ORDER, TITLE, STATUS, ROUNDS = range(4)
#: From this page width on, decisions and alerts sit side by side.
WIDE_PAGE = 1000


def _num(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text if lang == "en" else text.replace(".", ",")


class WrapupPage(StepPage):
    """Step « wrapup »: decisions, coherence alerts and exports."""

    step = Step.WRAPUP.value
    topics = ALL_TOPICS

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.enlarge_heading()
        self.summary = QLabel()
        self.summary.setObjectName("wrapupSummary")
        self.summary.setWordWrap(True)
        self.layout_.addWidget(self.summary)

        # decisions
        self.decisions_box = QGroupBox()
        self.decisions = QTreeWidget()
        self.decisions.setObjectName("decisions")
        self.decisions.setRootIsDecorated(False)
        self.decisions.setUniformRowHeights(True)
        self.decisions.setAlternatingRowColors(True)
        self.decisions.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.decisions.setColumnCount(4)
        header = self.decisions.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ORDER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ROUNDS, QHeaderView.ResizeMode.ResizeToContents)
        QVBoxLayout(self.decisions_box).addWidget(self.decisions)

        # coherence
        self.alerts_box = QGroupBox()
        self.alerts = QListWidget()
        self.alerts.setObjectName("alerts")
        self.alerts.setWordWrap(True)
        self.alerts.setSpacing(4)
        self.alerts.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.alerts.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.alerts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.alerts.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        QVBoxLayout(self.alerts_box).addWidget(self.alerts)

        # exports
        self.exports_box = QGroupBox()
        self.charter_button = QPushButton()
        self.charter_button.setObjectName("exportCharter")
        self.minutes_button = QPushButton()
        self.minutes_button.setObjectName("exportMinutes")
        self.cse_pack_button = QPushButton()
        self.cse_pack_button.setObjectName("exportCsePack")
        self.votes_button = QPushButton()
        self.votes_button.setObjectName("exportVotes")
        self.rounds_button = QPushButton()
        self.rounds_button.setObjectName("exportRounds")
        self.export_buttons = {
            export_worker.CHARTER.key: self.charter_button,
            export_worker.MINUTES.key: self.minutes_button,
            export_worker.CSE_PACK.key: self.cse_pack_button,
            export_worker.VOTES.key: self.votes_button,
            export_worker.ROUNDS.key: self.rounds_button,
        }
        for key, button in self.export_buttons.items():
            button.setMinimumHeight(34)
            button.clicked.connect(lambda _=False, k=key: self.export(k))
        self.pseudonymise = QCheckBox()
        self.pseudonymise.setObjectName("pseudonymise")
        self.clean_text = QCheckBox()  # the draft charter without tracked changes
        self.clean_text.setObjectName("cleanText")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: we cannot know how far python-docx is
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        self.open_file_button = QPushButton()
        self.open_file_button.setObjectName("openFile")
        self.open_folder_button = QPushButton()
        self.open_folder_button.setObjectName("openFolder")
        self.open_file_button.clicked.connect(self.open_file)
        self.open_folder_button.clicked.connect(self.open_folder)
        grid = QGridLayout(self.exports_box)
        grid.addWidget(self.charter_button, 0, 0)
        grid.addWidget(self.minutes_button, 0, 1)
        grid.addWidget(self.cse_pack_button, 0, 2)
        grid.addWidget(self.votes_button, 0, 3)
        grid.addWidget(self.rounds_button, 0, 4)
        options = QHBoxLayout()  # the export options, under the buttons they apply to
        options.addWidget(self.pseudonymise)
        options.addWidget(self.clean_text)
        options.addStretch(1)
        grid.addLayout(options, 1, 0, 1, 6)
        grid.setColumnStretch(5, 1)
        grid.addWidget(self.progress, 2, 0, 1, 6)
        grid.addWidget(self.status, 3, 0, 1, 6)
        opens = QHBoxLayout()
        opens.addWidget(self.open_file_button)
        opens.addWidget(self.open_folder_button)
        opens.addStretch(1)
        grid.addLayout(opens, 4, 0, 1, 6)
        self.last_export: Path | None = None
        self._show_open_buttons(False)

        self.runner = export_worker.ExportRunner(self)
        self.runner.started.connect(self._export_started)
        self.runner.succeeded.connect(self._export_succeeded)
        self.runner.failed.connect(self._export_failed)
        self.runner.crashed.connect(self._export_crashed)

        # Decisions beside the alerts on a wide page, above them when it is narrow.
        self.splitter = ResponsiveSplitter(
            self.decisions_box,
            self.alerts_box,
            wide_from=WIDE_PAGE,
            wide_sizes=lambda width: [max(1, width // 2)] * 2,
            stacked_sizes=self._stacked_sizes,
            orientation=Qt.Orientation.Vertical,
        )
        self.layout_.addWidget(self.splitter, 1)
        self.layout_.addWidget(self.exports_box)
        self.splitter.arrange(self.width())
        self.retranslate()

    # -- layout --------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.splitter.arrange(self.width())

    def _balance(self) -> None:
        """Share the stacked height again (the lists or the exports box changed)."""
        self.splitter.balance()

    def _stacked_sizes(self) -> list[int] | None:
        """Stacked: each list gets what its rows need; the decisions win when space is short."""
        height = self.splitter.height() - self.splitter.handleWidth()
        if height < 200:
            return None
        rows = self.decisions.topLevelItemCount()
        row_height = self.decisions.sizeHintForRow(0) if rows else 20
        frame = self.decisions_box.sizeHint().height() - self.decisions.sizeHint().height()
        wanted_top = self.decisions.header().sizeHint().height() + rows * row_height + frame + 8
        spacing = 2 * self.alerts.spacing()
        alert_rows = sum(
            self.alerts.sizeHintForRow(i) + spacing for i in range(self.alerts.count())
        )
        wanted_bottom = max(alert_rows + frame + 8, 110)
        if wanted_top + wanted_bottom <= height:
            top = wanted_top + (height - wanted_top - wanted_bottom) // 3
        else:
            top = max(150, min(wanted_top, height - min(wanted_bottom, int(height * 0.35))))
        return [top, height - top]

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._balance()

    # -- texts ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(label(Step.WRAPUP, i18n.current()))
        self.decisions_box.setTitle(self.tr("Decisions"))
        self.decisions.setHeaderLabels(
            [self.tr("No."), self.tr("Clause"), self.tr("Status"), self.tr("Rounds")]
        )
        self.alerts_box.setTitle(self.tr("Coherence"))
        self.exports_box.setTitle(self.tr("Exports"))
        self.charter_button.setText(self.tr("Draft charter (DOCX)"))
        self.minutes_button.setText(self.tr("Minutes (PDF)"))
        self.votes_button.setText(self.tr("Votes (CSV)"))
        self.cse_pack_button.setText(self.tr("CSE pack (DOCX)"))
        self.rounds_button.setText(self.tr("Rounds (CSV)"))
        self.pseudonymise.setText(self.tr("Pseudonymise"))
        self.pseudonymise.setToolTip(
            self.tr(
                "Pseudonymisation: every participant under their pseudonym, no function, no "
                "facilitator's name, in the text and the file's properties. The file is still "
                "personal data (GDPR recital 26): it is not anonymised."
            )
        )
        self.clean_text.setText(self.tr("Clean text"))
        self.clean_text.setToolTip(
            self.tr(
                "Draft charter: the adopted text only. Unticked, each amendment is shown as a "
                "Word tracked change over the library text, in the name of the proposing group."
            )
        )
        self.open_file_button.setText(self.tr("Open the file"))
        self.open_folder_button.setText(self.tr("Open the folder"))
        if self.controller.is_open:
            self.refresh()

    def _status_text(self, clause: Clause, lang: str) -> str:
        if any(b.is_open for b in clause.ballots):
            return self.tr("vote in progress")
        status = clause.status
        if status is None:
            return self.tr("not decided")
        return label(Outcome(status), lang)

    def _summary_text(self, snap: Snapshot, lang: str) -> str:
        """Two short lines: what was decided, then where the charter stands."""
        adopted = sum(1 for c in snap.clauses if c.adopted)
        first = [
            self.tr("Clauses adopted: %1 of %2")
            .replace("%1", str(adopted))
            .replace("%2", str(len(snap.clauses))),
            self.tr("actions in the plan: %1").replace("%1", str(len(snap.actions))),
            label(CharterStatus(snap.workshop.charter_status), lang),
        ]
        second = []
        charter = adopted_position(snap)
        if charter is not None:
            second.append(
                self.tr("adopted charter at support %1, control %2")
                .replace("%1", _num(charter.support, lang))
                .replace("%2", _num(charter.control, lang))
            )
        aim = target(snap)
        if aim is not None:
            second.append(
                self.tr("target at support %1, control %2")
                .replace("%1", _num(aim.support, lang))
                .replace("%2", _num(aim.control, lang))
            )
        lines = [" · ".join(first)]
        if second:
            lines.append(" · ".join(second))
        return "\n".join(lines)

    # -- refresh -------------------------------------------------------------------------
    def refresh(self) -> None:
        snap = self.controller.snapshot
        lang = i18n.current()
        self.summary.setText(self._summary_text(snap, lang))
        self.decisions.clear()
        for clause in snap.clauses:
            rounds = len(clause.ballots)
            item = QTreeWidgetItem(
                [str(clause.position), clause.title, self._status_text(clause, lang), str(rounds)]
            )
            item.setToolTip(TITLE, clause.note or clause.title)
            item.setTextAlignment(
                ORDER, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            item.setTextAlignment(ROUNDS, Qt.AlignmentFlag.AlignCenter)
            if not clause.adopted:
                font = QFont(item.font(STATUS))
                font.setBold(True)
                item.setFont(STATUS, font)
            self.decisions.addTopLevelItem(item)
        self.alerts.clear()
        style = self.style()
        icons = {
            coherence.Severity.WARNING: style.standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning
            ),
            coherence.Severity.INFO: style.standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxInformation
            ),
        }
        words = {
            coherence.Severity.WARNING: self.tr("Warning"),
            coherence.Severity.INFO: self.tr("Information"),
        }
        found = coherence.alerts(snap, lang)
        for alert in found:
            item = QListWidgetItem(icons[alert.severity], alert.text)
            item.setData(Qt.ItemDataRole.UserRole, alert.key)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole, f"{words[alert.severity]}: {alert.text}"
            )
            item.setToolTip(words[alert.severity])
            self.alerts.addItem(item)
        if not found:
            self.alerts.addItem(QListWidgetItem(self.tr("Nothing to report.")))
        self._balance()

    # -- exports -------------------------------------------------------------------------
    def export(self, key: str) -> None:
        """Ask where to write, then write in a worker thread from the current snapshot."""
        if not self.controller.is_open or self.runner.busy:
            return
        kind = export_worker.KINDS[key]
        titles = {
            "charter": self.tr("Save the draft charter"),
            "minutes": self.tr("Save the minutes"),
            "votes": self.tr("Save the votes"),
            "cse_pack": self.tr("Save the CSE consultation pack"),
            "rounds": self.tr("Save the rounds"),
        }
        options = ExportOptions(
            anonymize=self.pseudonymise.isChecked(), tracked_changes=not self.clean_text.isChecked()
        )
        snap = self.controller.full_snapshot()
        review = registry.review(snap, options)  # texts that may still name someone
        if review and not dialogs.review_pseudonymisation(self, review):
            return
        here = self.controller.path
        name = registry.EXPORTS[key].default_name(
            options, snap.workshop.lang, here.stem if here else ""
        )  # no person's name in a pseudonymised file's name
        suggested = here.with_name(name) if here else Path(name)
        path = dialogs.ask_save_path(self, titles[key], str(suggested), kind.file_filter)
        if not path:
            return
        target_path = Path(path)
        if target_path.suffix.lower() != kind.suffix:
            target_path = target_path.with_name(target_path.name + kind.suffix)
        self.runner.start(kind, snap, target_path, options)

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for button in self.export_buttons.values():
            button.setEnabled(not busy)
        self.pseudonymise.setEnabled(not busy)

    def _show_open_buttons(self, visible: bool) -> None:
        self.open_file_button.setVisible(visible)
        self.open_folder_button.setVisible(visible)
        QTimer.singleShot(0, self._balance)  # the exports box changed height

    def _export_started(self, key: str) -> None:
        self._set_busy(True)
        self._show_open_buttons(False)
        self._set_status(self.tr("Writing the file…"))

    def _export_succeeded(self, key: str, path: str) -> None:
        self._set_busy(False)
        self.last_export = Path(path)
        self._set_status(self.tr("File written: %1").replace("%1", str(self.last_export)))
        self._show_open_buttons(True)

    def _export_failed(self, key: str, message: str) -> None:
        self._set_busy(False)
        self._set_status(message)
        dialogs.show_error(self, message)

    def _export_crashed(self, key: str, message: str) -> None:
        self._export_failed(key, self.tr("The export failed: %1").replace("%1", message))

    def open_file(self) -> None:
        """Show the file just written (through the replaceable ``open_path``)."""
        if self.last_export is not None:
            export_worker.open_path(self.last_export)

    def open_folder(self) -> None:
        """Show the folder of the file just written, to attach or copy it."""
        if self.last_export is not None:
            export_worker.open_path(self.last_export.parent)
