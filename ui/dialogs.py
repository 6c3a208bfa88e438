"""Every modal interaction goes through these functions, so tests can replace them.

A modal ``exec()`` would block pytest-qt; tests monkeypatch the module attributes
(``show_error``, ``ask_open_path``...) with functions that answer at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

FILE_FILTER = "Atelier Charte (*.charter)"


def show_error(parent: QWidget | None, message: str) -> None:
    """A one-line error from the domain, shown in a warning box (never a traceback)."""
    QMessageBox.warning(parent, QCoreApplication.translate("dialogs", "Charter Workshop"), message)


def show_info(parent: QWidget | None, message: str) -> None:
    QMessageBox.information(parent, "Atelier Charte", message)


def confirm(parent: QWidget | None, question: str) -> bool:
    answer = QMessageBox.question(parent, "Atelier Charte", question)
    return answer == QMessageBox.StandardButton.Yes


def ask_open_path(parent: QWidget | None, title: str, filter: str = FILE_FILTER) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filter)
    return path or None


def ask_save_path(
    parent: QWidget | None, title: str, suggested: str = "", filter: str = FILE_FILTER
) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter)
    return path or None


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None


def ask_new_workshop(parent: QWidget | None) -> tuple[str, str, str, str] | None:
    """Path, title, organisation and language of a new workshop, or None if cancelled."""
    from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit

    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("dialogs", "New workshop"))
    form = QFormLayout(dialog)
    title = QLineEdit(QCoreApplication.translate("dialogs", "Social media charter workshop"))
    organisation = QLineEdit()
    lang = QComboBox()
    lang.addItem("Français", "fr")
    lang.addItem("English", "en")
    form.addRow(QCoreApplication.translate("dialogs", "Title"), title)
    form.addRow(QCoreApplication.translate("dialogs", "Organisation"), organisation)
    form.addRow(QCoreApplication.translate("dialogs", "Language of the charter"), lang)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    path = ask_save_path(
        parent,
        QCoreApplication.translate("dialogs", "Where to keep the workshop file"),
        "atelier.charter",
    )
    if not path:
        return None
    if not path.endswith(".charter"):
        path += ".charter"
    return path, title.text(), organisation.text(), lang.currentData()


# -- set-up page (colleges' colours, previewing a pasted or imported participant list) ----
def ask_colour(parent: QWidget | None, title: str, colour: str) -> str | None:
    """A colour as #RRGGBB, starting from ``colour``; None if cancelled."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    chosen = QColorDialog.getColor(QColor(colour), parent, title)
    return chosen.name().upper() if chosen.isValid() else None


def exec_roster_preview(dialog: QWidget) -> bool:
    """Show the preview of a participant list; True when the facilitator accepts it."""
    from PySide6.QtWidgets import QDialog

    assert isinstance(dialog, QDialog)
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_reason(parent: QWidget | None, title: str, label: str) -> str | None:
    """The reason for a reservation or an objection (several lines); None if cancelled."""
    from PySide6.QtWidgets import QInputDialog as _QInputDialog

    value, ok = _QInputDialog.getMultiLineText(parent, title, label)
    return value if ok else None


def ask_remark(
    parent: QWidget | None, colleges: list[tuple[int, str]]
) -> tuple[str, int | None] | None:
    """A reservation added after a vote: its text and, optionally, the college voicing it.

    ``colleges`` is empty for a secret ballot, whose reservations name nobody.
    """
    from PySide6.QtWidgets import (
        QComboBox,
        QDialog,
        QDialogButtonBox,
        QFormLayout,
        QPlainTextEdit,
    )

    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("dialogs", "Add a reservation"))
    form = QFormLayout(dialog)
    text = QPlainTextEdit()
    form.addRow(QCoreApplication.translate("dialogs", "Reservation"), text)
    college = QComboBox()
    college.addItem(QCoreApplication.translate("dialogs", "(no college)"), None)
    for college_id, name in colleges:
        college.addItem(name, college_id)
    college.setEnabled(bool(colleges))
    form.addRow(QCoreApplication.translate("dialogs", "Voiced by"), college)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return text.toPlainText(), college.currentData()


def review_pseudonymisation(parent: QWidget | None, lines: list[str]) -> bool:
    """Free texts that may still name someone, before a pseudonymised export; True: export."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("dialogs", "Pseudonymise"))
    if len(lines) == 1:
        text = QCoreApplication.translate(
            "dialogs",
            "One text may still name someone. Correct it before exporting, or export anyway.",
        )
    else:
        text = QCoreApplication.translate(
            "dialogs",
            "%1 texts may still name someone. Correct them before exporting, or export anyway.",
        ).replace("%1", str(len(lines)))
    box.setText(text)
    box.setDetailedText("\n".join(lines))
    export = box.addButton(
        QCoreApplication.translate("dialogs", "Export anyway"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is export
