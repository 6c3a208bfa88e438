"""Phones in the console (issue 15): the thin Qt side of ``workshop/remote``.

``owner`` runs each phone request's work in the GUI thread; ``service`` starts and stops
the server and carries links, codes and card sheets; ``panel`` is the « Téléphones » dock;
``qr`` draws QR codes with Qt. ``install_phones`` wires them into the main window: a dock
(View ▸ Phones), the count of phones in the status bar, and the projection's QR corner and
« Rejoindre » slide.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QScrollArea, QWidget

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.phones.panel import PhonesPanel
    from ui.phones.service import PhoneService


class PhonesDock(QDockWidget):
    """The panel in a dock of the console, titled in the current language."""

    def __init__(self, panel: PhonesPanel, parent: QWidget) -> None:
        super().__init__(parent)
        self.panel = panel
        self.setObjectName("phonesDock")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(panel)
        self.setWidget(scroll)
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Phones"))


class PhonesCount(QLabel):
    """« Phones: 12 » in the status bar while the server runs: the room at a glance."""

    def __init__(self, service: PhoneService) -> None:
        super().__init__()
        self.service = service
        self.setObjectName("phonesStatus")
        service.phones_changed.connect(lambda _n: self.refresh())
        service.changed.connect(self.refresh)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        running = self.service.running
        self.setText(self.tr("Phones: %n", "", self.service.phones) if running else "")
        self.setToolTip(self.tr("Phones connected to the voting server") if running else "")
        self.setVisible(running)


def install_phones(window: MainWindow) -> PhoneService:
    """The phone server's service, dock, status count and projection hooks, in ``window``."""
    from ui.phones.panel import PhonesPanel
    from ui.phones.service import PhoneService

    service = PhoneService(window.controller, window)
    panel = PhonesPanel(service)
    dock = PhonesDock(panel, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(window.dock, dock)
    dock.hide()
    window.dock.raise_()
    action = dock.toggleViewAction()
    action.setObjectName("actPhones")
    window.view_menu.addAction(action)
    window.statusBar().addPermanentWidget(PhonesCount(service))
    projection = window.projection
    service.changed.connect(lambda: projection.set_join_url(service.base_url))
    panel.join_toggled.connect(projection.show_join)
    projection.join_changed.connect(panel.join_button.setChecked)
    window.phones_dock = dock
    return service
