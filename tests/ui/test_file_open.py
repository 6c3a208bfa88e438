"""macOS hands a double-clicked .charter to the running app as a FileOpen event."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent

from ui.file_open import FileOpenFilter


def test_a_file_open_event_opens_that_file_in_the_console(qapp, tmp_path):
    opened = []
    target = tmp_path / "Atelier « CSE ».charter"
    watcher = FileOpenFilter(opened.append)
    qapp.installEventFilter(watcher)
    try:
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(QUrl.fromLocalFile(str(target))))
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(QUrl("https://example.org/x.charter")))
    finally:
        qapp.removeEventFilter(watcher)
    assert opened == [target]  # a remote address is not a file: nothing opened
