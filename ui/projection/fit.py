"""Fit a clause's text to the projected screen: shrink to a readable floor, then page.

Sizes are in pixels relative to the screen height, so the same clause is laid out alike on
a 1280×720 projector and a 4K screen.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics

FLAGS = int(Qt.TextFlag.TextWordWrap)


def text_height(text: str, font: QFont, width: int) -> int:
    metrics = QFontMetrics(font)
    return metrics.boundingRect(QRect(0, 0, width, 1_000_000), FLAGS, text).height()


def fit_pixel_size(
    text: str, font: QFont, width: int, height: int, largest: int, smallest: int
) -> int | None:
    """The largest pixel size in [smallest, largest] at which ``text`` fits, or None.

    Memoised: the projected view repaints often (every vote) with the same clause.
    """
    return _fit(text, font.toString(), width, height, largest, smallest)


@lru_cache(maxsize=256)
def _fit(
    text: str, font_key: str, width: int, height: int, largest: int, smallest: int
) -> int | None:
    font = QFont()
    font.fromString(font_key)
    probe = QFont(font)

    def fits(px: int) -> bool:
        probe.setPixelSize(px)
        return text_height(text, probe, width) <= height

    if not fits(smallest):
        return None
    lo, hi = smallest, max(smallest, largest)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _pieces(text: str) -> list[str]:
    """Paragraphs, then sentences, then words: the units a page break may fall between."""
    pieces: list[str] = []
    for paragraph in text.split("\n"):
        sentences = re.split(r"(?<=[.!?;:»])\s+", paragraph)
        pieces.extend(s for s in sentences if s)
        pieces.append("\n")
    return pieces[:-1] if pieces else [text]


def paginate(text: str, font: QFont, width: int, height: int) -> list[str]:
    """Split ``text`` into pages that each fit at ``font``; never splits inside a word."""
    pages: list[str] = []
    current = ""
    for piece in _pieces(text):
        candidate = (
            current
            + ("" if not current or piece == "\n" or current.endswith("\n") else " ")
            + piece
        )
        if text_height(candidate, font, width) <= height or not current.strip():
            if text_height(candidate, font, width) > height:
                # a single sentence taller than a page: cut it by words
                words = candidate.split(" ")
                chunk = ""
                for word in words:
                    trial = f"{chunk} {word}".strip()
                    if chunk and text_height(trial, font, width) > height:
                        pages.append(chunk)
                        chunk = word
                    else:
                        chunk = trial
                current = chunk
            else:
                current = candidate
        else:
            pages.append(current.strip())
            current = piece.strip()
    if current.strip():
        pages.append(current.strip())
    return pages or [""]
