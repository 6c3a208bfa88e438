"""Phones on the projected screen (issue 15): the join address as a QR code and in large text.

Two places: a corner of an open ballot's band (the clause text keeps its room above it),
and the « Rejoindre » / "Join" slide the facilitator shows on demand (J, or the Phones
panel). Neither ever carries a count of choices: the address, a few instructions, and for
a round by drawn codes how many codes have voted (what « who has voted » is for the other
rounds). The slide's words are in the room's language, as every slide's (slides.py).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from ui.phones.qr import paint_qr
from ui.projection.canvas_base import CENTRE
from ui.projection.slides import Slide
from workshop.model import CaptureMode
from workshop.snapshot import Snapshot

if TYPE_CHECKING:
    from ui.projection.canvas_base import CanvasBase


def _t(lang: str, fr: str, en: str) -> str:
    return en if lang == "en" else fr


def shown_address(url: str) -> str:
    """« 192.168.1.20:8765 »: what people type (a phone's browser adds http:// itself)."""
    return url.removeprefix("http://").removesuffix("/")


def join_slide(snap: Snapshot, url: str, lang: str) -> Slide:
    """The « Rejoindre » slide: the address in large text beside its QR code."""
    return Slide(
        "join",
        _t(lang, "Votez avec votre téléphone", "Vote from your phone"),
        snap.workshop.title,
        text=url,
        lines=(
            _t(lang, "1. Connectez-vous au Wi-Fi de la salle.", "1. Join the room's Wi-Fi."),
            _t(lang, "2. Scannez le code, ou tapez l’adresse :", "2. Scan the code, or type:"),
            _t(
                lang,
                "3. Votez quand un vote est ouvert : ni compte, ni application, ni internet.",
                "3. Vote when a vote opens: no account, no app, no internet.",
            ),
        ),
    )


def with_code_progress(slide: Slide, snap: Snapshot, progress: tuple[int, int] | None,
                       lang: str) -> Slide:  # fmt: skip
    """An open round by drawn codes has no voter whose card turns: the slide says how many
    codes have voted instead (``progress`` = (voted, issued); never the choices)."""
    if slide.kind != "clause" or slide.ballot_state != "open" or progress is None:
        return slide
    ballot = next((b for c in snap.clauses for b in c.ballots if b.is_open), None)
    if ballot is None or ballot.capture != CaptureMode.CODES:
        return slide
    voted, issued = progress
    text = _t(lang, f"{voted} codes sur {issued} ont voté", f"{voted} of {issued} codes have voted")
    if voted <= 1 and lang != "en":
        text = f"{voted} code sur {issued} a voté"
    return replace(slide, voters=(), progress=text)


def open_ballot_id(snap: Snapshot) -> int | None:
    return next((b.id for c in snap.clauses for b in c.ballots if b.is_open), None)


# -- painting -------------------------------------------------------------------------------
def join_corner(canvas: CanvasBase, p: QPainter, rect: QRectF, h: int) -> QRectF:
    """The QR code and address at the right of an open ballot's band; the rest of the band
    (for the rule, the count line and the voters) is returned. Nothing while stopped."""
    url = canvas.join_url
    if not url:
        return rect
    text_h = max(h / 26, canvas.smallest(h))
    side = max(0.0, rect.height() - text_h * 1.3)
    width = min(rect.width() * 0.32, max(side, text_h * 9.5))
    left = rect.right() - width
    paint_qr(p, QRectF(left + (width - side) / 2, rect.top(), side, side), url)
    canvas._block(p, QRectF(left, rect.top() + side + text_h * 0.15, width, text_h * 1.15),
                  shown_address(url), text_h, kind="join-address", bold=True, align=CENTRE,
                  max_lines=1, middle=True)  # fmt: skip
    return QRectF(rect.left(), rect.top(), rect.width() - width - h * 0.03, rect.height())


def paint_join(canvas: CanvasBase, p: QPainter, rect: QRectF, h: int) -> None:
    """The join slide: title, then the QR on the left and the steps with the address."""
    s = canvas.slide
    top = canvas._header(p, rect, h, s.title, s.subtitle)
    area = QRectF(rect.left(), top, rect.width(), rect.bottom() - top)
    side = min(area.height(), area.width() * 0.45)
    paint_qr(p, QRectF(area.left(), area.top(), side, side), s.text)
    x = area.left() + side + h * 0.05
    right = QRectF(x, area.top(), area.right() - x, area.height())
    y = right.top() + h * 0.02
    first, second, third = (*s.lines, "", "", "")[:3]
    for line in (first, second):
        y += canvas._block(p, QRectF(right.left(), y, right.width(), h * 0.12), line, h / 22,
                           kind="join-step", max_lines=2) + h * 0.02  # fmt: skip
    y += canvas._block(p, QRectF(right.left(), y, right.width(), h * 0.16),
                       shown_address(s.text), h / 9, kind="join-address", bold=True,
                       colour=canvas.theme.accent, max_lines=1, smallest=h / 20) + h * 0.03  # fmt: skip
    canvas._block(p, QRectF(right.left(), y, right.width(), right.bottom() - y), third, h / 26,
                  kind="join-step", colour=canvas.theme.muted, max_lines=3)  # fmt: skip
