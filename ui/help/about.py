"""Help ▸ About: the version, what the app ships under which licence, where its files live.

The lists come from workshop.about (installed metadata, the fonts' own name tables): no
licence is typed here.
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from workshop import about
from workshop.paths import data_dir


def settings_location() -> str:
    """Where the console keeps its settings (a file, or the registry key on Windows)."""
    from ui.controller import settings

    return settings().fileName()


def program_location() -> str:
    """The installed program's folder (frozen) or the Python running the source."""
    if getattr(sys, "frozen", False):
        return str(Path(sys.executable).resolve().parent)
    return str(Path(sys.executable).resolve())


def _table(rows: list[about.Component], headers: tuple[str, ...]) -> str:
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td>{escape(value)}</td>"
            for value in (row.name, row.version, row.licence, row.detail)[: len(headers)]
        )
        + "</tr>"
        for row in rows
    )
    return f"<table cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"


class AboutDialog(QDialog):
    """Non-modal: it can stay open beside the console while one copies a path."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.resize(720, 640)
        self.text = QTextBrowser()
        self.text.setObjectName("aboutText")
        self.text.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.retranslate()

    def html(self) -> str:
        """The dialog's text: generated each time (versions, paths, licences)."""
        places = [
            (self.tr("Workshop files and the demonstration workshop"), str(data_dir())),
            (self.tr("Settings (language, recent files)"), settings_location()),
            (self.tr("Program"), program_location()),
        ]
        place_rows = "".join(
            f"<tr><td>{escape(label)}</td><td><code>{escape(path)}</code></td></tr>"
            for label, path in places
        )
        name, version, licence = self.tr("Name"), self.tr("Version"), self.tr("Licence")
        paragraphs = (
            self.tr("Run a co-design workshop for a company’s social media charter, offline."),
            self.tr("Free software under the %1 licence.").replace("%1", about.app_licence())
            + " "
            + self.tr("Qt %1 through PySide6.").replace("%1", qVersion()),
        )
        lgpl = self.tr(
            "Qt and PySide6 are used under the LGPL-3.0: their libraries are separate files "
            "in the program folder and can be replaced."
        )
        return (
            f"<h2>Atelier Charte — Charter Workshop {escape(about.version())}</h2>"
            + "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
            + f"<h3>{escape(self.tr('Where files live'))}</h3>"
            + f"<table cellspacing='0' cellpadding='3'>{place_rows}</table>"
            + f"<h3>{escape(self.tr('Libraries'))}</h3>"
            + _table(about.libraries(), (name, version, licence))
            + f"<h3>{escape(self.tr('Fonts'))}</h3>"
            + _table(about.fonts(), (name, version, licence, self.tr("Full text")))
            + f"<p>{escape(lgpl)}</p>"
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Charter Workshop"))
        self.text.setHtml(self.html())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
