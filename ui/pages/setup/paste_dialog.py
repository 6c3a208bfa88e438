"""The preview of a pasted or imported list: what will be added, what is refused and why."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import i18n
from ui.controller import WorkshopController
from ui.models.participants import swatch
from workshop import roster
from workshop.operations import roster as roster_ops


class RosterPreviewDialog(QDialog):
    """What a pasted or imported list will add, and which lines are refused and why.

    It only reads (``roster_ops.plan``); the page runs the operation once it is accepted.
    """

    def __init__(
        self,
        controller: WorkshopController,
        rows: Sequence[roster.RosterRow | roster.RosterError],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.rows = list(rows)
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.accepted_table = QTableWidget(0, 4)
        self.refused_label = QLabel()
        self.refused_table = QTableWidget(0, 3)
        for table in (self.accepted_table, self.refused_table):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.verticalHeader().setVisible(False)
            header = table.horizontalHeader()
            for column in range(table.columnCount() - 1):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(table.columnCount() - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.accepted_table, 3)
        layout.addWidget(self.refused_label)
        layout.addWidget(self.refused_table, 2)
        options = QFormLayout()
        self.create_box = QCheckBox()
        self.default_label = QLabel()
        self.default_combo = QComboBox()
        options.addRow(self.create_box)
        options.addRow(self.default_label, self.default_combo)
        layout.addLayout(options)
        # one combo per college name of the list that matches none: map it onto a college
        self.map_label = QLabel()
        self.map_label.setWordWrap(True)
        self.map_form = QFormLayout()
        self.map_combos: dict[str, QComboBox] = {}
        unmapped = controller.roster_plan(self.rows)
        for name in unmapped.unknown_colleges:
            combo = QComboBox()
            combo.setObjectName("mapCollege")
            combo.addItem("", None)
            for college in controller.snapshot.colleges:
                combo.addItem(swatch(college.colour), college.name, college.id)
            combo.currentIndexChanged.connect(self.update_plan)
            self.map_combos[name] = combo
            self.map_form.addRow(f"« {name} »", combo)
        self.map_label.setVisible(bool(self.map_combos))
        layout.addWidget(self.map_label)
        layout.addLayout(self.map_form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.default_combo.addItem("", None)
        for college in controller.snapshot.colleges:
            self.default_combo.addItem(swatch(college.colour), college.name, college.id)
        self.create_box.toggled.connect(self.update_plan)
        self.default_combo.currentIndexChanged.connect(self.update_plan)
        self.plan = roster_ops.RosterPlan((), (), ())
        self.retranslate()
        self.update_plan()

    @property
    def create_colleges(self) -> bool:
        return self.create_box.isChecked()

    @property
    def default_college_id(self) -> int | None:
        return self.default_combo.currentData()

    @property
    def college_map(self) -> dict[str, int]:
        """The unknown college names the facilitator sent to an existing college."""
        return {
            name: combo.currentData()
            for name, combo in self.map_combos.items()
            if combo.currentData() is not None
        }

    def map_to(self, name: str, college_id: int) -> None:
        """Send an unknown college name of the list to an existing college."""
        combo = self.map_combos[name]
        combo.setCurrentIndex(max(0, combo.findData(college_id)))

    def rows_to_add(self) -> list[roster.RosterRow]:
        return [planned.row for planned in self.plan.accepted]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add a list of participants"))
        self.accepted_table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Name"), self.tr("Function"), self.tr("College")]
        )
        self.refused_table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Content"), self.tr("Reason")]
        )
        self.refused_label.setText(self.tr("Lines that will not be added:"))
        self.create_box.setText(self.tr("Create the colleges that do not exist yet"))
        self.default_label.setText(self.tr("College for lines without one:"))
        self.default_combo.setItemText(0, self.tr("none: refuse these lines"))
        self.map_label.setText(
            self.tr(
                "Colleges of the list that do not exist: send each to a college of the workshop"
            )
        )
        for combo in self.map_combos.values():
            combo.setItemText(0, self.tr("not mapped (refused, or created if ticked above)"))

    def update_plan(self) -> None:
        """Recompute the preview after an option changed."""
        self.plan = self.controller.roster_plan(
            self.rows,
            create_colleges=self.create_colleges,
            default_college_id=self.default_college_id,
            college_map=self.college_map,
        )
        accepted, refused = self.plan.accepted, self.plan.refused
        self.accepted_table.setRowCount(len(accepted))
        for row, planned in enumerate(accepted):
            college = (
                self.tr("%1 (new college)").replace("%1", planned.college_name)
                if planned.new_college
                else planned.college_name
            )
            for column, value in enumerate(
                (str(planned.row.line), planned.row.name, planned.row.function, college)
            ):
                self.accepted_table.setItem(row, column, QTableWidgetItem(value))
        self.refused_table.setRowCount(len(refused))
        for row, refusal in enumerate(refused):
            content = " · ".join(c.strip() for c in refusal.text.split("\t") if c.strip())
            for column, value in enumerate(
                (str(refusal.line), content, refusal.message(i18n.current()))
            ):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.refused_table.setItem(row, column, item)
        self.refused_label.setVisible(bool(refused))
        self.refused_table.setVisible(bool(refused))
        n = len(accepted)
        lines = [self.tr("Participants to add: %1.").replace("%1", str(n))]
        if refused:
            lines.append(
                self.tr("Lines not added: %1 (the reasons are below).").replace(
                    "%1", str(len(refused))
                )
            )
        if self.plan.new_colleges:
            lines.append(
                self.tr("New colleges: %1.").replace("%1", ", ".join(self.plan.new_colleges))
            )
        self.summary.setText(" ".join(lines))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Add these participants (%1)").replace("%1", str(n)))
        ok.setEnabled(n > 0)
