"""What the console knows about the room that the workshop file does not: the room's depth,
the diagnostic criterion being scored, and which colleges' counts are typed in.

The console's pages tell it through ``room_state(controller)`` (one object per workshop
controller, found again by any page), and the projection controller listens: a page never
needs a reference to the projection.

Text size from the room. The usual rule of thumb for a projected screen is that the smallest
text should be at least 1/200 of the viewing distance tall: from the back of a 10 m room,
50 mm on the screen. Pixels per metre come from the projected image's physical width: a
screen that reports itself at least 1 m wide (``QScreen.physicalSize``: a wall display or a
TV) is believed; otherwise (a projector reports its EDID, not the picture on the wall) the
image is assumed 2.5 m wide, a common meeting-room picture.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

ASSUMED_IMAGE_WIDTH_M = 2.5
DEFAULT_DEPTH_M = 10
DEPTH_RANGE_M = (3, 40)
#: No text rule grows the smallest text beyond a sixteenth of the screen height: a deeper
#: room than the picture allows is flagged to the facilitator instead of breaking the slide.
MAX_SMALLEST_FRACTION = 1 / 16


def image_width_m(physical_width_mm: float | None) -> float:
    """The projected picture's width in metres (see the module docstring)."""
    if physical_width_mm and physical_width_mm >= 1000:
        return physical_width_mm / 1000
    return ASSUMED_IMAGE_WIDTH_M


def smallest_text_fraction(depth_m: float, aspect: float, width_m: float) -> float:
    """The smallest text height as a fraction of the screen height (uncapped).

    ``aspect`` is width / height of the picture; the picture is ``width_m`` wide.
    """
    height_m = width_m / max(aspect, 0.1)
    return (depth_m / 200) / height_m


def smallest_text_px(depth_m: float, width_px: int, height_px: int, width_m: float) -> float:
    """The smallest text, in pixels of a ``width_px``×``height_px`` slide, capped."""
    fraction = smallest_text_fraction(depth_m, width_px / max(1, height_px), width_m)
    return min(fraction, MAX_SMALLEST_FRACTION) * height_px


def too_deep(depth_m: float, aspect: float, width_m: float) -> bool:
    """True when the rule asks for more than the slides can give (the cap is reached)."""
    return smallest_text_fraction(depth_m, aspect, width_m) > MAX_SMALLEST_FRACTION


class RoomState(QObject):
    """Console facts for the projected view; ``changed`` tells the projection to refresh."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.criterion: str | None = None  # the diagnostic criterion with focus
        self._counted: dict[int, frozenset[int]] = {}  # ballot -> colleges whose counts are typed

    def set_criterion(self, key: str | None) -> None:
        """The diagnostic page's focused criterion (the room sees it projected)."""
        if key != self.criterion:
            self.criterion = key
            self.changed.emit()

    def set_counted(self, ballot_id: int, colleges: set[int] | frozenset[int]) -> None:
        """Which colleges are recorded in an open counts ballot (ids only, never numbers)."""
        value = frozenset(colleges)
        if self._counted.get(ballot_id) != value:
            self._counted[ballot_id] = value
            self.changed.emit()

    def counted(self, ballot_id: int) -> frozenset[int]:
        return self._counted.get(ballot_id, frozenset())


def room_state(controller: QObject) -> RoomState:
    """The one RoomState of this workshop controller (made on first use, owned by it)."""
    found = controller.findChild(RoomState)
    return found if found is not None else RoomState(controller)
