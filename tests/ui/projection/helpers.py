"""Shared fixtures and checks for the projected-view tests of issue 12."""

from __future__ import annotations

from ui.projection import fit

SIZES = [(1280, 720), (1920, 1080), (3840, 2160)]


def pending(controller):
    return next(c for c in controller.snapshot.clauses if not c.ballots)


def outside_slide(drawn, w, h) -> list[str]:
    return [
        d.text
        for d in drawn
        if d.rect.left() < -0.5 or d.rect.top() < -0.5 or d.rect.right() > w + 0.5
        or d.rect.bottom() > h + 0.5
    ]  # fmt: skip


def broken_words(drawn) -> list[str]:
    """Words on screen that are not whole words of the text asked for (« … » aside)."""
    bad = []
    for d in drawn:
        words = {w.strip(" ,;:—-") for w in d.text.split()}  # an elided line drops its comma
        for line in d.fitted.lines:
            for word in line.split():
                if word != fit.ELLIPSIS and word.strip(" ,;:—-") not in words:
                    bad.append(word)
    return bad
