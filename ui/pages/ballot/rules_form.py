"""The form for a round's rules: it asks the method registry what to offer, never decides it."""

from __future__ import annotations

from fractions import Fraction

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
from workshop import methods
from workshop.methods import METHODS, Base, CaptureMode, Method, Option, QuorumOn
from workshop.model import label
from workshop.voting import Quorum, RoundSettings

#: The quorum fractions a facilitator may pick (statutes rarely ask for anything else).
QUORUM_FRACTIONS = (Fraction(1, 4), Fraction(1, 3), Fraction(1, 2), Fraction(2, 3), Fraction(3, 4))


class SetupView(QWidget):
    """The rules of the next round, chosen before it opens so nobody tunes them to a result."""

    open_requested = Signal(object)  # RoundSettings
    show_running = Signal()
    back_to_result = Signal()

    DM_OFF, DM_ALL, DM_N = 0, 1, 2
    QUORUM_COUNT, QUORUM_FRACTION = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.method = QComboBox()
        for method in METHODS:
            self.method.addItem("", method.value)
        self.capture = QComboBox()
        for capture in CaptureMode:
            self.capture.addItem("", capture.value)
        self.base = QComboBox()
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
        self.quorum_kind = QComboBox()
        self.quorum_kind.addItems(["", ""])
        self.quorum = QSpinBox()
        self.quorum.setRange(1, 999)
        self.quorum_fraction = QComboBox()
        for fraction in QUORUM_FRACTIONS:
            text = f"{fraction.numerator}/{fraction.denominator}"
            self.quorum_fraction.addItem(text, text)
        self.quorum_fraction.setCurrentIndex(QUORUM_FRACTIONS.index(Fraction(1, 2)))
        self.quorum_counted = QComboBox()
        for on in QuorumOn:
            self.quorum_counted.addItem("", on.value)
        quorum_row = QHBoxLayout()
        quorum_row.addWidget(self.quorum_on, 1)
        for widget in (self.quorum_kind, self.quorum, self.quorum_fraction, self.quorum_counted):
            quorum_row.addWidget(widget)
        self.casting = QCheckBox()
        self.chair = QComboBox()
        casting_row = QHBoxLayout()
        casting_row.addWidget(self.casting, 1)
        casting_row.addWidget(self.chair, 1)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.method_label, self.capture_label, self.base_label = QLabel(), QLabel(), QLabel()
        self.dm_label, self.quorum_label, self.casting_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.method_label, self.method)
        self.form.addRow(self.capture_label, self.capture)
        self.form.addRow(self.base_label, self.base)
        self.form.addRow("", self.abstentions)
        self.form.addRow(self.dm_label, dm_row)
        self.form.addRow(self.quorum_label, quorum_row)
        self.form.addRow(self.casting_label, casting_row)
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
        self.method.currentIndexChanged.connect(self._method_changed)
        for signal in (
            self.capture.currentIndexChanged,
            self.base.currentIndexChanged,
            self.double_majority.currentIndexChanged,
            self.quorum_on.toggled,
            self.quorum_kind.currentIndexChanged,
            self.casting.toggled,
        ):
            signal.connect(self._constrain)
        self._key: object = None
        self._blocked = False
        self._running_title: str | None = None
        self._fill_bases()
        self.retranslate()

    # -- filling ---------------------------------------------------------------------------
    def set_chairs(self, people: list[tuple[int, str]]) -> None:
        """Who may hold the casting vote: the participants present (id, shown name)."""
        current = self.chair.currentData()
        self.chair.blockSignals(True)
        self.chair.clear()
        for pid, name in people:
            self.chair.addItem(name, pid)
        self.chair.setCurrentIndex(max(0, self.chair.findData(current)))
        self.chair.blockSignals(False)

    def load(self, key: object, settings: RoundSettings) -> None:
        """Fill the form from ``settings`` once per ``key`` (keeps the facilitator's edits)."""
        if key == self._key:
            return
        self._key = key
        self.method.setCurrentIndex(max(0, self.method.findData(settings.method.value)))
        self.capture.setCurrentIndex(max(0, self.capture.findData(settings.capture.value)))
        self._fill_bases()
        base = settings.base or methods.spec(settings.method).default_base
        if base is not None:
            self.base.setCurrentIndex(max(0, self.base.findData(base.value)))
        self.abstentions.setChecked(settings.abstentions_count)
        dm = settings.double_majority
        if dm is None:
            self.double_majority.setCurrentIndex(self.DM_OFF)
        elif dm == 0:
            self.double_majority.setCurrentIndex(self.DM_ALL)
        else:
            self.double_majority.setCurrentIndex(self.DM_N)
            self.double_n.setValue(dm)
        quorum = settings.quorum
        self.quorum_on.setChecked(quorum is not None)
        if quorum is not None:
            if quorum.fraction is not None:
                self.quorum_kind.setCurrentIndex(self.QUORUM_FRACTION)
                text = f"{quorum.fraction.numerator}/{quorum.fraction.denominator}"
                self.quorum_fraction.setCurrentIndex(max(0, self.quorum_fraction.findData(text)))
            else:
                self.quorum_kind.setCurrentIndex(self.QUORUM_COUNT)
                self.quorum.setValue(max(1, quorum.count or 1))
            self.quorum_counted.setCurrentIndex(self.quorum_counted.findData(quorum.on.value))
        self.casting.setChecked(settings.chair is not None)
        if settings.chair is not None:
            self.chair.setCurrentIndex(max(0, self.chair.findData(settings.chair)))
        self._constrain()

    def _allowed(self) -> frozenset[Option]:
        return methods.allowed(self.method.currentData(), self.capture.currentData())

    def settings(self) -> RoundSettings:
        """The round's rules, offering only what the registry allows for this method."""
        allowed = self._allowed()
        dm_mode = self.double_majority.currentIndex()
        base = None
        if Option.BASE in allowed and self.base.currentData() is not None:
            chosen = Base(self.base.currentData())
            if chosen is not methods.spec(self.method.currentData()).default_base:
                base = chosen
        quorum = None
        if Option.QUORUM in allowed and self.quorum_on.isChecked():
            on = QuorumOn(self.quorum_counted.currentData())
            if self.quorum_kind.currentIndex() == self.QUORUM_FRACTION:
                quorum = Quorum(fraction=Fraction(self.quorum_fraction.currentData()), on=on)
            else:
                quorum = Quorum(count=self.quorum.value(), on=on)
        chair = None
        if Option.CASTING_VOTE in allowed and self.casting.isChecked():
            chair = self.chair.currentData()
        return RoundSettings(
            method=Method(self.method.currentData()),
            capture=CaptureMode(self.capture.currentData()),
            abstentions_count=self.abstentions.isChecked() and self.abstentions.isEnabled(),
            double_majority=None
            if dm_mode == self.DM_OFF or Option.DOUBLE_MAJORITY not in allowed
            else (0 if dm_mode == self.DM_ALL else self.double_n.value()),
            quorum=quorum,
            base=base,
            chair=chair,
        )

    def set_state(self, running_title: str | None, can_go_back: bool) -> None:
        """Another clause's vote blocks this one; say so rather than fail on click."""
        self._blocked = running_title is not None
        self.running_button.setVisible(self._blocked)
        self.result_button.setVisible(can_go_back)
        self._running_title = running_title
        self._constrain()

    # -- what the registry allows ------------------------------------------------------------
    def _fill_bases(self) -> None:
        current = self.base.currentData()
        self.base.blockSignals(True)
        self.base.clear()
        lang = i18n.current()
        for base in methods.bases(self.method.currentData()):
            self.base.addItem(label(base, lang), base.value)
        self.base.setCurrentIndex(max(0, self.base.findData(current)))
        self.base.blockSignals(False)

    def _method_changed(self) -> None:
        self._fill_bases()
        self._constrain()

    def _constrain(self) -> None:
        allowed = self._allowed()
        method = self.method.currentData()
        on_cast = self.base.currentData() in (None, Base.CAST.value)
        self.abstentions.setEnabled(Option.ABSTENTIONS_COUNT in allowed and on_cast)
        self.double_majority.setEnabled(Option.DOUBLE_MAJORITY in allowed)
        self.double_n.setVisible(
            self.double_majority.currentIndex() == self.DM_N and self.double_majority.isEnabled()
        )
        show_base = Option.BASE in allowed and self.base.count() > 1
        self.base.setVisible(show_base)
        self.base_label.setVisible(show_base)
        quorum = Option.QUORUM in allowed
        self.quorum_on.setEnabled(quorum)
        fraction = self.quorum_kind.currentIndex() == self.QUORUM_FRACTION
        for widget in (self.quorum_kind, self.quorum_counted):
            widget.setVisible(quorum)
            widget.setEnabled(self.quorum_on.isChecked())
        self.quorum.setVisible(quorum and not fraction)
        self.quorum.setEnabled(self.quorum_on.isChecked())
        self.quorum_fraction.setVisible(quorum and fraction)
        self.quorum_fraction.setEnabled(self.quorum_on.isChecked())
        casting = Option.CASTING_VOTE in allowed
        for widget in (self.casting, self.chair, self.casting_label):
            widget.setVisible(casting)
        self.chair.setEnabled(self.casting.isChecked() and self.chair.count() > 0)
        notes = []
        if self._running_title:
            notes.append(
                self.tr(
                    'A vote is already open on "{title}": close it before opening this one.'
                ).format(title=self._running_title)
            )
        if method == Method.CONSENT:
            notes.append(
                self.tr(
                    "Consent has no abstentions and no double majority: one objection is enough to send the clause back."
                )
            )
        elif self.capture.currentData() == CaptureMode.SECRET:
            notes.append(
                self.tr(
                    "A secret ballot keeps only the totals, so it cannot check a majority in each college."
                )
            )
        elif self.capture.currentData() == CaptureMode.CODES:  # issue 15
            notes.append(
                self.tr(
                    "A secret ballot by drawn codes is cast on phones only: start the phone server and draw each college's codes (View ▸ Phones) before opening the vote."
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
        for i in range(self.base.count()):
            self.base.setItemText(i, label(Base(self.base.itemData(i)), lang))
        for i in range(self.quorum_counted.count()):
            self.quorum_counted.setItemText(
                i, label(QuorumOn(self.quorum_counted.itemData(i)), lang)
            )
        self.method_label.setText(self.tr("Decision rule"))
        self.capture_label.setText(self.tr("How votes are taken"))
        self.base_label.setText(self.tr("Majority of"))
        self.abstentions.setText(self.tr("Abstentions count in the base (they weigh as “not for”)"))
        self.dm_label.setText(self.tr("Majority per college"))
        self.double_majority.setItemText(self.DM_OFF, self.tr("No: the overall count decides"))
        self.double_majority.setItemText(self.DM_ALL, self.tr("Yes: a majority in every college"))
        self.double_majority.setItemText(
            self.DM_N, self.tr("Yes: a majority in at least N colleges")
        )
        self.quorum_label.setText(self.tr("Quorum"))
        self.quorum_on.setText(self.tr("A quorum is required"))
        self.quorum_kind.setItemText(self.QUORUM_COUNT, self.tr("people"))
        self.quorum_kind.setItemText(self.QUORUM_FRACTION, self.tr("of the registered members"))
        self.casting_label.setText(self.tr("Casting vote"))
        self.casting.setText(self.tr("On a tie, the chair's vote decides"))
        self.open_button.setText(self.tr("Open the vote"))
        self.running_button.setText(self.tr("Go to the open vote"))
        self.result_button.setText(self.tr("Back to the last result"))
        self._constrain()
