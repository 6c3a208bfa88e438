"""The console's projection panel: a live preview of the room's screen and its controls."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.projection import room
from ui.projection.controller import ProjectionController
from ui.projection.window import LIVE

PREVIEW = (288, 162)


class ProjectionPanel(QWidget):
    """What the room sees (scaled), and the facilitator's projection controls."""

    def __init__(self, projection: ProjectionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.projection = projection
        layout = QVBoxLayout(self)
        self.preview = QLabel()
        self.preview.setFixedSize(*PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QLabel.Shape.Box)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self._toggle)
        self.screen_box = QComboBox()
        self.screen_box.activated.connect(self._screen_chosen)
        self.names = QCheckBox()
        self.names.toggled.connect(projection.set_show_names)
        self.contrast = QCheckBox()
        self.contrast.toggled.connect(projection.set_high_contrast)
        self.depth = QSpinBox()
        self.depth.setRange(*room.DEPTH_RANGE_M)
        self.depth.setValue(projection.room_depth)
        self.depth.valueChanged.connect(self._depth_changed)
        self.depth_label = QLabel()
        self.depth_label.setBuddy(self.depth)
        self.depth_note = QLabel()
        self.depth_note.setWordWrap(True)
        self.message = QLineEdit()
        self.message.editingFinished.connect(lambda: projection.set_message(self.message.text()))
        layout.addWidget(self.preview)
        layout.addWidget(self.state)
        row = QHBoxLayout()
        row.addWidget(self.start_button)
        row.addWidget(self.screen_box, 1)
        layout.addLayout(row)
        layout.addWidget(self.names)
        layout.addWidget(self.contrast)
        depth_row = QHBoxLayout()
        depth_row.addWidget(self.depth_label)
        depth_row.addWidget(self.depth)
        depth_row.addStretch(1)
        layout.addLayout(depth_row)
        layout.addWidget(self.depth_note)
        layout.addWidget(self.message)
        layout.addStretch(1)
        # Redrawing the preview after every vote would cost more than the vote: coalesce.
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(150)
        self._preview_timer.timeout.connect(self.update_preview)
        projection.state_changed.connect(self._preview_timer.start)
        app = QGuiApplication.instance()
        app.screenAdded.connect(lambda _s: self._fill_screens())
        app.screenRemoved.connect(lambda _s: self._fill_screens())
        self._fill_screens()
        self.retranslate()

    def retranslate(self) -> None:
        self.names.setText(self.tr("Show names (else pseudonyms)"))
        self.contrast.setText(self.tr("High contrast"))
        self.depth_label.setText(self.tr("Room depth:"))
        self.depth.setSuffix(self.tr(" m"))
        self.depth.setToolTip(
            self.tr(
                "Distance from the screen to the back row. The smallest projected text is at "
                "least 1/200 of it tall (10 m: 5 cm on the screen)."
            )
        )
        self._depth_note()
        self.message.setPlaceholderText(self.tr("Message for the room (e.g. Break until 2 pm)"))
        self.update_preview()

    def _depth_changed(self, metres: int) -> None:
        self.projection.set_room_depth(metres)
        self._depth_note()

    def _depth_note(self) -> None:
        self.depth_note.setText(
            self.tr("The room is too deep for this screen: the back rows may not read the labels.")
            if self.projection.depth_too_large() or self.projection.window.canvas.below_floor
            else ""
        )
        self.depth_note.setVisible(bool(self.depth_note.text()))

    def _fill_screens(self) -> None:
        self.screen_box.clear()
        for screen in QGuiApplication.screens():
            geometry = screen.geometry()
            self.screen_box.addItem(
                f"{screen.name()} ({geometry.width()}×{geometry.height()})", screen.name()
            )
        target = self.projection.target_screen()
        if target is not None:
            self.screen_box.setCurrentIndex(self.screen_box.findData(target.name()))

    def _screen_chosen(self, index: int) -> None:
        self.projection.choose_screen(self.screen_box.itemData(index))

    def _toggle(self) -> None:
        if self.projection.projecting:
            self.projection.stop()
        else:
            self.projection.start()

    def update_preview(self) -> None:
        image = self.projection.window.image(*PREVIEW)
        self.preview.setPixmap(QPixmap.fromImage(image))
        projecting = self.projection.projecting
        self.start_button.setText(
            self.tr("Stop projecting (Esc)") if projecting else self.tr("Project (F5)")
        )
        mode = self.projection.window.mode
        if not projecting:
            text = self.tr("Not projecting: preview only.")
        elif not self.projection.window.isVisible():
            text = self.tr("Projector screen not found: the view is hidden until it comes back.")
        elif mode == LIVE:
            text = self.tr("Projecting live.")
        else:
            text = {
                "black": self.tr("Projection blanked to black (B)."),
                "white": self.tr("Projection blanked to white (W)."),
                "frozen": self.tr("Projection frozen (F): the room sees the image kept."),
            }[mode]
        self.state.setText(text)
        self._depth_note()
