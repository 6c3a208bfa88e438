"""QR codes of the phone addresses, drawn by Qt from segno's matrix (no PIL, no PNG round trip).

segno (BSD, pure Python) computes the modules; Qt paints them as squares, so the code is
sharp at any size: a small image on the console, the corner of the projected screen, the
join slide. The payload is exactly the address given, nothing added.
"""

from __future__ import annotations

from functools import lru_cache

import segno
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

#: The quiet zone around the code, in modules (the standard asks for 4).
QUIET = 4


@lru_cache(maxsize=16)
def modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The dark/light modules of ``payload``'s QR code (medium error correction)."""
    code = segno.make(payload, error="m", micro=False)
    return tuple(tuple(bool(cell) for cell in row) for row in code.matrix)


def paint_qr(p: QPainter, rect: QRectF, payload: str, *, dark: str = "#000000",
             light: str = "#FFFFFF") -> QRectF:  # fmt: skip
    """Paint the code, quiet zone included, as the largest square centred in ``rect``;
    returns the square. Always dark on light: scanners expect it."""
    grid = modules(payload)
    n = len(grid) + 2 * QUIET
    side = min(rect.width(), rect.height())
    unit = side / n
    square = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    p.fillRect(square, QColor(light))
    ink = QColor(dark)
    for y, row in enumerate(grid):
        top = square.top() + (y + QUIET) * unit
        x = 0
        while x < len(row):  # one rectangle per run of dark modules: fewer, seamless
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            left = square.left() + (start + QUIET) * unit
            p.fillRect(QRectF(left, top, (x - start) * unit + 0.5, unit + 0.5), ink)
    p.restore()
    return square


def qr_image(payload: str, side: int = 240) -> QImage:
    """A square image of the code, ``side`` pixels wide (a whole number of pixels per module
    when ``side`` allows, so a screen scanner reads it)."""
    n = len(modules(payload)) + 2 * QUIET
    side = max(n, side - side % n)
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    paint_qr(painter, QRectF(0, 0, side, side), payload)
    painter.end()
    return image
