"""Files the system hands over while running: macOS sends a double-clicked ``.charter`` as
a FileOpen event (an Apple Event), never on the command line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent


class FileOpenFilter(QObject):
    """Installed on the application: opens the file of each FileOpen event in the console."""

    def __init__(self, open_path, parent: QObject | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._open = open_path

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            local = event.url().toLocalFile()
            if local:
                self._open(Path(local))
                return True
        return super().eventFilter(watched, event)
