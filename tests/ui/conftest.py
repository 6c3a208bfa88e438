"""UI test fixtures: offscreen Qt, isolated settings (the demo workshop copied per test,
demo_path, comes from tests/conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Two screens, as in the room: the laptop and a projector of another size and scale.
SCREENS = Path(__file__).with_name("screens.json")
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREENS}"


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch, qapp):
    """No test reads or writes the user's settings or data folder."""
    from PySide6.QtCore import QSettings

    monkeypatch.setenv("CHARTER_WORKSHOP_HOME", str(tmp_path / "home"))
    # QSettings(organisation, application) always uses the native format, whatever the
    # default format says: both formats' user paths point into the test's folder.
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    from ui import i18n

    i18n.install("fr")
    yield


@pytest.fixture
def errors(monkeypatch):
    """Collect error dialogs instead of showing them (a modal box would block the test)."""
    shown: list[str] = []
    from ui import dialogs

    monkeypatch.setattr(dialogs, "show_error", lambda _parent, message: shown.append(message))
    return shown


@pytest.fixture
def controller(errors):
    from ui.controller import WorkshopController

    c = WorkshopController()
    yield c
    c.close()


@pytest.fixture
def window(qtbot, controller):
    from ui.main_window import MainWindow

    w = MainWindow(controller)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    return w


@pytest.fixture
def english_ui(_isolated):
    """For tests written against the English source strings of the UI."""
    from ui import i18n

    i18n.install("en")
    yield
    i18n.install("fr")
