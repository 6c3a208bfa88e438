"""Help ▸ Guide: the facilitator's guide in the UI language, rendered from Markdown.

The guide is package data (resources/guide/guide-fr.md and guide-en.md; docs/ links to
them), so it is found through importlib.resources from source, from a wheel and in the
frozen build alike. It is our own file: Qt renders it as Markdown, links to the web open
in the browser.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from ui import i18n

#: The guide's size cap: it is ours, but a file that grew by mistake must not freeze the UI.
MAX_GUIDE_BYTES = 2_000_000


def guide_file(lang: str):  # noqa: ANN201 - importlib.resources.abc.Traversable | None
    """The guide in ``lang``, else in the other language, else None."""
    folder = files("resources") / "guide"
    for code in (lang, "en" if lang == "fr" else "fr"):
        candidate = folder / f"guide-{code}.md"
        if candidate.is_file():
            return candidate
    return None


class GuideWindow(QDialog):
    """A non-modal window beside the console (the facilitator reads while working)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.resize(760, 820)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setOpenExternalLinks(True)
        self.browser.document().setDocumentMargin(18)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.shown_file: str | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Guide — Charter Workshop"))
        source = guide_file(i18n.current())
        if source is None:
            self.shown_file = None
            self.browser.setPlainText(self.tr("The guide is missing from this installation."))
            return
        data = source.read_bytes()[:MAX_GUIDE_BYTES]
        if isinstance(source, Path):  # images beside the guide (resources/guide/…)
            self.browser.setSearchPaths([str(source.parent)])
        self.browser.setMarkdown(data.decode("utf-8", "replace"))
        self.shown_file = source.name

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
