"""The form for a round's rules (method, capture, abstentions, double majority, quorum)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.style import scaled_font
from workshop.model import CaptureMode, Method, label


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
