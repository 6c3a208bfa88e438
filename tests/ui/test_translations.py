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


def test_qt_file_dialog_is_french_in_a_french_ui(qapp):
    """Qt's non-native file dialog asks for « &Look in: » and « Files of &type: », which
    qtbase_fr.qm only has without the « & »: they were left in English (issue 12)."""
    from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QToolButton

    from ui import i18n

    i18n.install("fr")
    dialog = QFileDialog(None, "Ouvrir", "", "Atelier Charte (*.charter)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    try:
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        buttons = [b.text() for b in dialog.findChildren(QPushButton)]
        tips = [b.toolTip() for b in dialog.findChildren(QToolButton) if b.toolTip()]
        assert "&Voir dans\u00a0:" in labels and "Fichiers de &type\u00a0:" in labels, labels
        assert "&Nom de fichier\u00a0:" in labels
        english = {"Look in", "Files of", "File name", "Open", "Cancel", "Back", "Forward"}
        shown = " | ".join(labels + buttons + tips)
        assert not [word for word in english if word.lower() in shown.lower()], shown
    finally:
        dialog.deleteLater()
    i18n.install("en")
    dialog = QFileDialog(None, "Open")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    assert "&Look in:" in [label.text() for label in dialog.findChildren(QLabel)]
    dialog.deleteLater()
    i18n.install("fr")


def test_the_mnemonic_fallback_only_fills_what_qt_left_untranslated(qapp):
    from PySide6.QtCore import QCoreApplication

    from ui import i18n

    i18n.install("fr")
    assert (
        QCoreApplication.translate("QFileDialog", "Files of &type:") == "Fichiers de &type\u00a0:"
    )
    # our own texts and Qt's already translated ones are untouched
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "&Nom de fichier\u00a0:"
    assert QCoreApplication.translate("MainWindow", "An untranslated &text") == (
        "An untranslated &text"
    )
    assert QCoreApplication.translate("QFileDialog", "Not a Qt &string at all") == (
        "Not a Qt &string at all"
    )
    assert i18n.with_mnemonic("Voir dans\u00a0:", "L") == "&Voir dans\u00a0:"
