"""Both languages load, and no UI string is left untranslated."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_unfinished_translation_in_either_language():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "translations.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_the_console_speaks_french_then_english(window, controller, demo_path):
    controller.open(demo_path)
    window.set_language("fr")
    assert window.file_menu.title() == "&Fichier"
    assert window.edit_menu.title() == "&Édition"
    assert window.welcome.new_button.text() == "Nouvel atelier"
    window.set_language("en")
    assert window.file_menu.title() == "&File"
    assert window.welcome.new_button.text() == "New workshop"
    window.set_language("fr")
    assert window.file_menu.title() == "&Fichier"


def test_qt_own_dialog_texts_are_french(window):
    from PySide6.QtCore import QCoreApplication

    window.set_language("fr")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
