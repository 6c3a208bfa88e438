"""Fit texts to the projected screen, never breaking a word.

A clause's text shrinks to a readable floor, then pages (``fit_pixel_size``, ``paginate``);
a short text (title, subtitle, rule line, legend) wraps, then shrinks, then is cut after the
last whole word with « … » (``fit_block``). Sizes are in pixels relative to the screen
height, so a slide is laid out alike on a 1280×720 projector and a 4K screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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


# -- short texts: titles, subtitles, rule lines ---------------------------------------------
ELLIPSIS = "…"


@dataclass(frozen=True)
class Fitted:
    """A short text laid out for a box: its lines, pixel size and the height they take.

    ``lines`` only ever break between words (never inside one); ``elided`` says the last
    line was cut at a word boundary and ends with « … ».
    """

    lines: tuple[str, ...]
    px: int
    line_height: int
    width: int  # the widest line, in pixels
    elided: bool

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _wrap(words: list[str], metrics: QFontMetrics, width: int) -> list[str] | None:
    """Greedy word wrap; None when one word alone is wider than ``width``."""
    lines: list[str] = []
    current = ""
    for word in words:
        if metrics.horizontalAdvance(word) > width:
            return None
        trial = f"{current} {word}" if current else word
        if current and metrics.horizontalAdvance(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def fit_block(
    text: str, font: QFont, width: int, height: int, largest: int, smallest: int,
    max_lines: int = 0,
) -> Fitted:  # fmt: skip
    """Wrap, then shrink down to ``smallest``, then elide at a word boundary.

    The largest pixel size in [smallest, largest] at which every word fits the width and the
    lines fit the height (and ``max_lines`` when given); at ``smallest`` the text is cut
    after the last whole word that fits, with « … ».
    """
    return _fit_block(text, font.toString(), max(1, width), max(1, height), largest,
                      min(smallest, largest), max_lines)  # fmt: skip


@lru_cache(maxsize=512)
def _fit_block(
    text: str, font_key: str, width: int, height: int, largest: int, smallest: int,
    max_lines: int,
) -> Fitted:  # fmt: skip
    base = QFont()
    base.fromString(font_key)
    words = text.split()

    def layout(px: int) -> tuple[list[str] | None, QFontMetrics]:
        probe = QFont(base)
        probe.setPixelSize(max(1, px))
        metrics = QFontMetrics(probe)
        return _wrap(words, metrics, width), metrics

    def fits(px: int) -> bool:
        lines, metrics = layout(px)
        if lines is None:
            return False
        limit = max_lines or 10_000
        return len(lines) <= limit and len(lines) * metrics.lineSpacing() <= height

    def result(px: int, lines: list[str], metrics: QFontMetrics, elided: bool) -> Fitted:
        widest = max((metrics.horizontalAdvance(line) for line in lines), default=0)
        return Fitted(tuple(lines), px, metrics.lineSpacing(), widest, elided)

    if not words:
        return Fitted((), largest, 0, 0, False)
    if fits(smallest):
        lo, hi = smallest, max(smallest, largest)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if fits(mid):
                lo = mid
            else:
                hi = mid - 1
        lines, metrics = layout(lo)
        return result(lo, lines or [], metrics, False)
    # Too long even at the floor: keep the whole words that fit, then « … ».
    probe = QFont(base)
    probe.setPixelSize(max(1, smallest))
    metrics = QFontMetrics(probe)
    room = max(1, min(max_lines or 10_000, height // max(1, metrics.lineSpacing())))
    lines: list[str] = []
    current = ""
    for word in words:
        if metrics.horizontalAdvance(word) > width:  # one word wider than the box
            word = metrics.elidedText(word, Qt.TextElideMode.ElideRight, width)
        trial = f"{current} {word}" if current else word
        if current and metrics.horizontalAdvance(trial) > width:
            lines.append(current)
            current = word
            if len(lines) == room:
                break
        else:
            current = trial
    else:
        lines.append(current)
    lines = lines[:room]
    last = lines[-1]
    while last and metrics.horizontalAdvance(last + " " + ELLIPSIS) > width and " " in last:
        last = last.rsplit(" ", 1)[0]
    lines[-1] = f"{last.rstrip(' ,;:—-')} {ELLIPSIS}"
    return result(smallest, lines, metrics, True)
