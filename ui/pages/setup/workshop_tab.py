"""The set-up tab « Atelier et ordre du jour »: details, default ballot settings, agenda."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from ui import i18n
from ui.controller import WorkshopController
from ui.pages.setup.fields import NO_DATE, DateField, fill_combo, select_data, set_text
from ui.widgets.responsive import TwoColumns
from workshop import dates, methods, timing
from workshop.model import STEPS, CaptureMode, CharterStatus, Method, SizeBand, label
from workshop.operations import setup

# The tabs were one class, « SetupPage »: their texts keep that Linguist context, so the
# catalogues (resources/i18n) still apply. lupdate reads the context from each call.
translate = QCoreApplication.translate


LANGUAGES = (("fr", "Français"), ("en", "English"))


def minutes_text(minutes: int, lang: str) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d}" if lang == "fr" else f"{hours} h {rest:02d} min"


class WorkshopTab(QScrollArea):
    """The workshop's details, its default ballot settings and its agenda."""

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        # Set while the fields are filled from the snapshot (and while a change runs):
        # a field edited then is not committed.
        self.loading = False
        self.details_box = QGroupBox()
        form = QFormLayout(self.details_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.text_fields: dict[str, QLineEdit] = {}
        self.field_labels: dict[str, QLabel] = {}

        def text_field(name: str) -> QLineEdit:
            edit = QLineEdit()
            edit.editingFinished.connect(lambda n=name: self._commit_text(n))
            self.text_fields[name] = edit
            self.field_labels[name] = QLabel()
            form.addRow(self.field_labels[name], edit)
            return edit

        def combo_field(name: str, commit: Callable[[], None]) -> QComboBox:
            combo = QComboBox()
            combo.activated.connect(lambda _=0: commit())
            self.field_labels[name] = QLabel()
            form.addRow(self.field_labels[name], combo)
            return combo

        text_field("title")
        text_field("organisation")
        text_field("sector")
        self.size_combo = combo_field(
            "size_band", lambda: self._commit(size_band=self.size_combo.currentData())
        )
        self.date_edit = DateField()
        self.date_edit.editingFinished.connect(self._commit_date)
        # a day picked in the calendar is committed at once (after the edit takes it)
        self.date_edit.calendarWidget().clicked.connect(
            lambda *_: QTimer.singleShot(0, self._commit_date)
        )
        self.field_labels["date"] = QLabel()
        form.addRow(self.field_labels["date"], self.date_edit)
        text_field("place")
        text_field("facilitator")
        self.lang_combo = combo_field(
            "lang", lambda: self._commit(lang=self.lang_combo.currentData())
        )
        for code, name in LANGUAGES:
            self.lang_combo.addItem(name, code)
        self.status_combo = combo_field(
            "charter_status",
            lambda: self._commit(charter_status=self.status_combo.currentData()),
        )
        self.status_help = QLabel()
        self.status_help.setWordWrap(True)
        form.addRow("", self.status_help)

        self.ballot_box = QGroupBox()
        ballot = QFormLayout(self.ballot_box)
        ballot.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.method_combo = QComboBox()
        self.method_combo.activated.connect(lambda _=0: self._commit_method())
        self.capture_combo = QComboBox()
        self.capture_combo.activated.connect(lambda _=0: self._commit_capture())
        self.abstentions_box = QCheckBox()
        self.abstentions_box.clicked.connect(
            lambda checked: self._commit(ballot_abstentions_count=bool(checked))
        )
        self.dm_combo = QComboBox()
        self.dm_combo.addItems(["", "", ""])
        self.dm_combo.activated.connect(lambda _=0: self._commit_double_majority())
        self.dm_spin = QSpinBox()
        self.dm_spin.setRange(1, 99)
        self.dm_spin.editingFinished.connect(self._commit_double_majority)
        dm_row = QHBoxLayout()
        dm_row.addWidget(self.dm_combo, 1)
        dm_row.addWidget(self.dm_spin)
        self.quorum_spin = QSpinBox()
        self.quorum_spin.setRange(0, 999)
        self.quorum_spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.quorum_spin.editingFinished.connect(self._commit_quorum)
        self.ballot_labels = [QLabel() for _ in range(5)]
        for text_label, field in zip(
            self.ballot_labels,
            (self.method_combo, self.capture_combo, self.abstentions_box, dm_row, self.quorum_spin),
            strict=True,
        ):
            ballot.addRow(text_label, field)
        self.ballot_labels[3].setBuddy(self.dm_combo)

        self.agenda_box = QGroupBox()
        grid = QGridLayout(self.agenda_box)
        self.start_label = QLabel()
        self.start_edit = QLineEdit()
        self.start_edit.setObjectName("startTime")
        self.start_edit.setPlaceholderText("09:00")
        self.start_edit.setMaxLength(dates.MAX_LENGTH)
        self.start_edit.editingFinished.connect(self._commit_start_time)
        self.start_label.setBuddy(self.start_edit)
        grid.addWidget(self.start_label, 0, 0)
        grid.addWidget(self.start_edit, 0, 1)
        self.duration_header = QLabel()
        self.break_header = QLabel()
        self.times_header = QLabel()
        for column, header in enumerate(
            (self.duration_header, self.break_header, self.times_header), start=1
        ):
            grid.addWidget(header, 1, column)
        self.agenda_labels: dict[str, QLabel] = {}
        self.agenda_spins: dict[str, QSpinBox] = {}
        self.break_spins: dict[str, QSpinBox] = {}
        self.agenda_times: dict[str, QLabel] = {}
        for row, step in enumerate(STEPS, start=2):
            name = QLabel()
            spin = QSpinBox()
            spin.setRange(0, 600)
            spin.setSingleStep(5)
            spin.setSuffix(" min")
            spin.editingFinished.connect(lambda s=step.value: self._commit_minutes(s))
            pause = QSpinBox()
            pause.setObjectName(f"break_{step.value}")
            pause.setRange(0, setup.MAX_BREAK_MINUTES)
            pause.setSingleStep(5)
            pause.setSuffix(" min")
            pause.editingFinished.connect(lambda s=step.value: self._commit_break(s))
            times = QLabel()
            name.setBuddy(spin)
            grid.addWidget(name, row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(pause, row, 2)
            grid.addWidget(times, row, 3)
            self.agenda_labels[step.value] = name
            self.agenda_spins[step.value] = spin
            self.break_spins[step.value] = pause
            self.agenda_times[step.value] = times
        self.agenda_total = QLabel()
        self.agenda_total.setWordWrap(True)
        grid.addWidget(self.agenda_total, len(STEPS) + 2, 0, 1, 4)
        grid.setColumnStretch(0, 1)

        body = TwoColumns(self.details_box, [self.ballot_box, self.agenda_box])
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidget(body)

    def retranslate(self) -> None:
        lang = i18n.current()
        self.details_box.setTitle(translate("SetupPage", "Workshop"))
        for name, text in (
            ("title", translate("SetupPage", "Title")),
            ("organisation", translate("SetupPage", "Organisation")),
            ("sector", translate("SetupPage", "Sector")),
            ("size_band", translate("SetupPage", "Size")),
            ("date", translate("SetupPage", "Date")),
            ("place", translate("SetupPage", "Place")),
            ("facilitator", translate("SetupPage", "Facilitator")),
            ("lang", translate("SetupPage", "Language of the charter")),
            ("charter_status", translate("SetupPage", "Intended status of the charter")),
        ):
            self.field_labels[name].setText(text)
        self.text_fields["sector"].setPlaceholderText(
            translate("SetupPage", "e.g. mutual insurance, retail")
        )
        fill_combo(
            self.size_combo,
            [(None, translate("SetupPage", "not given"))]
            + [(b.value, label(b, lang)) for b in SizeBand],
        )
        fill_combo(self.status_combo, [(s.value, label(s, lang)) for s in CharterStatus])
        self.date_edit.setSpecialValueText(translate("SetupPage", "not set"))
        if lang == "fr":
            self.date_edit.setLocale(QLocale(QLocale.Language.French, QLocale.Country.France))
            self.date_edit.setDisplayFormat("dddd d MMMM yyyy")
        else:
            self.date_edit.setLocale(
                QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
            )
            self.date_edit.setDisplayFormat("dddd d MMMM yyyy")

        self.ballot_box.setTitle(translate("SetupPage", "Default ballot settings"))
        for text_label, text in zip(
            self.ballot_labels,
            (
                translate("SetupPage", "Decision method"),
                translate("SetupPage", "How votes are taken"),
                translate("SetupPage", "Abstentions"),
                translate("SetupPage", "Double majority"),
                translate("SetupPage", "Quorum"),
            ),
            strict=True,
        ):
            text_label.setText(text)
        fill_combo(self.method_combo, [(m.value, label(m, lang)) for m in Method])
        fill_combo(self.capture_combo, [(c.value, label(c, lang)) for c in CaptureMode])
        self.abstentions_box.setText(translate("SetupPage", "count abstentions in the base"))
        self.dm_combo.setItemText(0, translate("SetupPage", "off"))
        self.dm_combo.setItemText(1, translate("SetupPage", "in every college"))
        self.dm_combo.setItemText(2, translate("SetupPage", "in at least this many colleges:"))
        self.dm_spin.setAccessibleName(translate("SetupPage", "Number of colleges"))
        self.quorum_spin.setSpecialValueText(translate("SetupPage", "none"))
        self.quorum_spin.setSuffix(translate("SetupPage", " participants"))
        self.quorum_spin.setToolTip(
            translate(
                "SetupPage", "Below this number of people taking part, the ballot is postponed."
            )
        )

        self.agenda_box.setTitle(translate("SetupPage", "Agenda (planned minutes)"))
        self.start_label.setText(translate("SetupPage", "Start of the day"))
        self.start_edit.setToolTip(translate("SetupPage", "For instance 09:00 or 9h30"))
        self.duration_header.setText(translate("SetupPage", "Duration"))
        self.break_header.setText(translate("SetupPage", "Break after"))
        self.times_header.setText(translate("SetupPage", "Planned time"))
        for step in STEPS:
            self.agenda_labels[step.value].setText(f"{STEPS.index(step) + 1}. {label(step, lang)}")
            self.break_spins[step.value].setSpecialValueText(translate("SetupPage", "no break"))
            self.break_spins[step.value].setAccessibleName(
                translate("SetupPage", "Break after %1").replace("%1", label(step, lang))
            )

    def load_workshop(self) -> None:
        info = self.controller.snapshot.workshop
        for name, edit in self.text_fields.items():
            set_text(edit, getattr(info, name) or "")
        select_data(self.size_combo, info.size_band)
        if info.date:
            self.date_edit.setDate(QDate.fromString(info.date, Qt.DateFormat.ISODate))
        else:
            self.date_edit.setDate(NO_DATE)
        select_data(self.lang_combo, info.lang)
        select_data(self.status_combo, info.charter_status)
        self.status_help.setText(self._status_explanation(info.charter_status))
        select_data(self.method_combo, info.ballot_method)
        select_data(self.capture_combo, info.ballot_capture)
        # What the defaults may say is the method registry's rule, not this form's.
        offered = methods.allowed(info.ballot_method, info.ballot_capture)
        self.abstentions_box.setChecked(info.ballot_abstentions_count)
        self.abstentions_box.setEnabled(methods.Option.ABSTENTIONS_COUNT in offered)
        dm = info.ballot_double_majority
        self.dm_combo.setCurrentIndex(0 if dm is None else 1 if dm == 0 else 2)
        double = methods.Option.DOUBLE_MAJORITY in offered
        self.dm_combo.setEnabled(double)
        self.dm_spin.setEnabled(double and dm is not None and dm > 0)
        if not double:
            self.dm_combo.setToolTip(
                translate(
                    "SetupPage",
                    "Not available with consent (one objection already postpones) nor with "
                    "a secret ballot (only totals are kept).",
                )
            )
        else:
            self.dm_combo.setToolTip(
                translate(
                    "SetupPage",
                    "A clause must also win in the colleges, so that no group is outvoted.",
                )
            )
        if dm:
            self.dm_spin.setValue(dm)
        self.quorum_spin.setValue(info.ballot_quorum or 0)

    def _status_explanation(self, status: str) -> str:
        if status == CharterStatus.ANNEX_RI.value:
            return translate(
                "SetupPage",
                "Binding, with sanctions: the CSE must be consulted and the charter filed "
                "before it applies (Code du travail, L1321-4).",
            )
        return translate(
            "SetupPage",
            "Explains and recommends; no sanction, so no formal consultation is required.",
        )

    def load_agenda(self) -> None:
        snap = self.controller.snapshot
        lang = i18n.current()
        if not self.start_edit.hasFocus():
            self.start_edit.setText(snap.workshop.start_time or "")
        total = 0
        slots = {
            slot.step: slot
            for slot in timing.planned_schedule(snap.workshop.start_time, snap.agenda)
        }
        end = None
        for item in snap.agenda:
            spin = self.agenda_spins.get(item.step)
            if spin is None:
                continue
            total += item.planned_minutes + item.break_minutes
            if not spin.hasFocus():
                spin.setValue(item.planned_minutes)
            pause = self.break_spins[item.step]
            if not pause.hasFocus():
                pause.setValue(item.break_minutes)
            slot = slots.get(item.step)
            if slot is not None and slot.start is not None and slot.end is not None:
                self.agenda_times[item.step].setText(
                    f"{slot.start.strftime('%H:%M')}–{slot.end.strftime('%H:%M')}"
                )
                end = slot.end
            else:
                self.agenda_times[item.step].setText("—")
        text = translate("SetupPage", "Total planned: %1").replace("%1", minutes_text(total, lang))
        if end is not None:
            text += " · " + translate("SetupPage", "ends at %1").replace(
                "%1", end.strftime("%H:%M")
            )
        self.agenda_total.setText(text)

    def _commit_start_time(self) -> None:
        if self.loading or not self.controller.is_open:
            return
        typed = self.start_edit.text().strip()
        if typed == (self.controller.snapshot.workshop.start_time or ""):
            return
        self._commit(start_time=typed or None)
        # « 9h » is shown as stored, « 09:00 » (a refused text was shown by the message)
        self.start_edit.setText(self.controller.snapshot.workshop.start_time or "")
        self.load_agenda()

    def _commit_break(self, step: str) -> None:
        if self.loading or not self.controller.is_open:
            return
        minutes = self.break_spins[step].value()
        stored = {a.step: a.break_minutes for a in self.controller.snapshot.agenda}
        if stored.get(step) == minutes:
            return
        if self.controller.run(setup.set_break_minutes, step, minutes) is None:
            self.load_agenda()

    def _commit(self, **fields: object) -> None:
        """Send changed fields to the domain; a refusal puts the stored values back."""
        if self.loading or not self.controller.is_open:
            return
        info = self.controller.snapshot.workshop
        if all(getattr(info, name) == value for name, value in fields.items()):
            return
        # loading also guards against re-entry: the refusal dialog takes the focus, and
        # a field losing it could otherwise commit (and be refused) a second time
        self.loading = True
        try:
            if self.controller.run(setup.update_workshop, **fields) is None:
                self.load_workshop()
        finally:
            self.loading = False

    def _commit_text(self, name: str) -> None:
        edit = self.text_fields[name]
        edit.setModified(False)
        if not self.controller.is_open or self.loading:
            return
        if edit.text().strip() == (getattr(self.controller.snapshot.workshop, name) or ""):
            if edit.text() != edit.text().strip():
                edit.setText(edit.text().strip())
            return
        self._commit(**{name: edit.text()})

    def _commit_date(self) -> None:
        date = self.date_edit.date()
        self._commit(date=None if date == NO_DATE else date.toString(Qt.DateFormat.ISODate))

    def _commit_capture(self) -> None:
        capture = self.capture_combo.currentData()
        fields: dict[str, object] = {"ballot_capture": capture}
        if self.controller.is_open:
            fields.update(
                self._dropped_options(self.controller.snapshot.workshop.ballot_method, capture)
            )
        self._commit(**fields)

    def _dropped_options(self, method: str, capture: str) -> dict[str, object]:
        """The defaults the registry says mean nothing for this method and capture mode:
        switched off in the same change, or every default ballot would be refused."""
        offered = methods.allowed(method, capture)
        info = self.controller.snapshot.workshop
        fields: dict[str, object] = {}
        if methods.Option.ABSTENTIONS_COUNT not in offered and info.ballot_abstentions_count:
            fields["ballot_abstentions_count"] = False
        if (
            methods.Option.DOUBLE_MAJORITY not in offered
            and info.ballot_double_majority is not None
        ):
            fields["ballot_double_majority"] = None
        return fields

    def _commit_method(self) -> None:
        method = self.method_combo.currentData()
        fields: dict[str, object] = {"ballot_method": method}
        if self.controller.is_open:
            fields.update(
                self._dropped_options(method, self.controller.snapshot.workshop.ballot_capture)
            )
        self._commit(**fields)

    def _commit_double_majority(self) -> None:
        mode = self.dm_combo.currentIndex()
        self.dm_spin.setEnabled(mode == 2)
        value = None if mode == 0 else 0 if mode == 1 else self.dm_spin.value()
        self._commit(ballot_double_majority=value)

    def _commit_quorum(self) -> None:
        value = self.quorum_spin.value()
        self._commit(ballot_quorum=value or None)

    def _commit_minutes(self, step: str) -> None:
        if self.loading or not self.controller.is_open:
            return
        minutes = self.agenda_spins[step].value()
        stored = {a.step: a.planned_minutes for a in self.controller.snapshot.agenda}
        if stored.get(step) == minutes:
            return
        if self.controller.run(setup.set_planned_minutes, step, minutes) is None:
            self.load_agenda()
