"""Render resources/icons/charter-workshop.svg to the PNG sizes the packages use (256, 512).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py

The PNGs are committed: Linux installs them beside the SVG, the spec turns the 512 one into
the Windows .ico and the macOS .icns.
"""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"

if __name__ == "__main__":
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "charter-workshop.svg"))
    for size in (256, 512):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"charter-workshop-{size}.png"))
