"""What the set-up tests read back: the audit trail and a participant's row."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.models.participants import ParticipantsModel

SPACE = Qt.Key.Key_Space


def audit_size(controller) -> int:
    return len(controller.full_snapshot().audit)


def last_event(controller):
    return controller.full_snapshot().audit[-1]


def row_of(page, name: str) -> int:
    model = page.participants_tab.participants
    for row in range(model.rowCount()):
        if model.data(model.index(row, ParticipantsModel.NAME)) == name:
            return row
    raise AssertionError(name)
