"""The Help menu: built here so the main window only adds it and retranslates it."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenuBar


class HelpMenu(QObject):
    """Help ▸ Guide (F1) and Help ▸ About; each window is built on first use and kept."""

    def __init__(self, window: QMainWindow, bar: QMenuBar) -> None:
        super().__init__(window)
        self._window = window
        self.menu = bar.addMenu("")
        self.act_guide = self.menu.addAction("", self.show_guide)
        self.act_guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.act_about = self.menu.addAction("", self.show_about)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)  # macOS: the app menu
        self.guide = None
        self.about = None

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Help"))
        self.act_guide.setText(self.tr("&Guide"))
        self.act_about.setText(self.tr("&About Charter Workshop"))

    def show_guide(self) -> None:
        from ui.help.guide import GuideWindow

        if self.guide is None:
            self.guide = GuideWindow(self._window)
        self.guide.retranslate()  # the language may have changed while it was hidden
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()

    def show_about(self) -> None:
        from ui.help.about import AboutDialog

        if self.about is None:
            self.about = AboutDialog(self._window)
        self.about.retranslate()
        self.about.show()
        self.about.raise_()
        self.about.activateWindow()
