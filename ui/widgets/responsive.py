"""Two columns on a wide page, one above the other on a narrow one (the projection dock)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QSplitter, QWidget


class TwoColumns(QWidget):
    """Side by side when wide enough, else one under the other.

    The projection dock can take a third of a 1280-pixel screen, leaving the page about
    560 pixels: two form columns would then be unreadable.
    """

    def __init__(self, left: QWidget, right: Sequence[QWidget], threshold: int = 860) -> None:
        super().__init__()
        self.left, self.right, self.threshold = left, list(right), threshold
        self.grid = QGridLayout(self)
        self.wide: bool | None = None
        self.arrange(True)

    def arrange(self, wide: bool) -> None:
        if wide == self.wide:
            return
        self.wide = wide
        for widget in [self.left, *self.right]:
            self.grid.removeWidget(widget)
        top = Qt.AlignmentFlag.AlignTop
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 0)
        if wide:
            self.grid.addWidget(self.left, 0, 0, len(self.right), 1, top)
            for row, widget in enumerate(self.right):
                self.grid.addWidget(widget, row, 1, top)
            self.grid.setColumnStretch(0, 11)
            self.grid.setColumnStretch(1, 10)
            self.grid.setRowStretch(len(self.right), 1)
        else:
            for row, widget in enumerate([self.left, *self.right]):
                self.grid.addWidget(widget, row, 0, top)
            self.grid.setColumnStretch(0, 1)
            self.grid.setColumnStretch(1, 0)
            self.grid.setRowStretch(len(self.right) + 1, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        self.arrange(event.size().width() >= self.threshold)
        super().resizeEvent(event)


class ResponsiveSplitter(QSplitter):
    """Two panes beside each other from ``wide_from`` pixels of page width, else stacked.

    Unlike ``TwoColumns`` the facilitator can drag the handle; once they have, the stacked
    sizes are theirs. The page calls ``arrange(width)`` when it is resized and ``balance()``
    when its content changed; ``wide_sizes(width)`` and ``stacked_sizes()`` (``None``: leave
    the sizes alone) say how the page shares its room in each arrangement.
    """

    def __init__(
        self,
        first: QWidget,
        second: QWidget,
        *,
        wide_from: int,
        wide_sizes: Callable[[int], list[int]],
        stacked_sizes: Callable[[], list[int] | None],
        orientation: Qt.Orientation = Qt.Orientation.Horizontal,
    ) -> None:
        super().__init__(orientation)
        self.setChildrenCollapsible(False)
        self.addWidget(first)
        self.addWidget(second)
        self.wide_from = wide_from
        self._wide_sizes = wide_sizes
        self._stacked_sizes = stacked_sizes
        self._arranged = False
        self.user_sized = False
        self.splitterMoved.connect(self._moved)

    def arrange(self, width: int) -> None:
        """Beside each other on a page ``width`` pixels wide enough, else one above the other."""
        wide = width >= self.wide_from
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.orientation() == orientation and self._arranged:
            return
        self._arranged = True
        self.setOrientation(orientation)
        if wide:
            self.setSizes(self._wide_sizes(width))
        else:
            self.balance()

    def balance(self) -> None:
        """Stacked: share the height as the page asks, unless the facilitator dragged it."""
        if self.orientation() != Qt.Orientation.Vertical or self.user_sized:
            return
        sizes = self._stacked_sizes()
        if sizes is not None:
            self.setSizes(sizes)

    def _moved(self) -> None:
        self.user_sized = True
