"""The projection's settings in a file of the test's own.

``ui.controller.settings()`` names its organisation, so Qt reads the native format and the
UI conftest's ``QSettings.setPath`` (for the INI format) does not reach it: without this the
room depth a test sets would land in the user's real configuration.
"""

from __future__ import annotations

import pytest

from ui.projection.controller import ProjectionController


@pytest.fixture(autouse=True)
def _own_settings(tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    import ui.controller
    import ui.projection.controller

    path = str(tmp_path / "settings.ini")

    def settings() -> QSettings:
        return QSettings(path, QSettings.Format.IniFormat)

    monkeypatch.setattr(ui.controller, "settings", settings)
    monkeypatch.setattr(ui.projection.controller, "settings", settings)
    yield


@pytest.fixture
def projection(window, controller, demo_path):
    """A projection controller on the demo workshop (the console's own is left alone)."""
    controller.open(demo_path)
    pc = ProjectionController(controller, window)
    yield pc
    pc.close()
