"""The responsive helpers: two panes beside each other on a wide page, stacked when narrow."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ui.widgets.responsive import ResponsiveSplitter, TwoColumns


def _splitter(qtbot, asked: list[str]) -> ResponsiveSplitter:
    def stacked() -> list[int] | None:
        asked.append("stacked")
        return [300, 100]

    splitter = ResponsiveSplitter(
        QLabel("table"),
        QLabel("side"),
        wide_from=1000,
        wide_sizes=lambda width: [width - 250, 250],
        stacked_sizes=stacked,
    )
    qtbot.addWidget(splitter)
    splitter.resize(1200, 400)
    splitter.show()
    return splitter


def test_side_by_side_when_wide_then_stacked_when_narrow(qtbot):
    asked: list[str] = []
    splitter = _splitter(qtbot, asked)
    splitter.arrange(1200)
    assert splitter.orientation() == Qt.Orientation.Horizontal
    # the handle takes its few pixels from the panes
    assert abs(splitter.sizes()[1] - 250) <= splitter.handleWidth() and asked == []
    splitter.arrange(800)
    assert splitter.orientation() == Qt.Orientation.Vertical
    assert asked == ["stacked"]
    assert splitter.sizes()[0] > splitter.sizes()[1]
    splitter.arrange(700)  # still narrow: nothing is rearranged
    assert asked == ["stacked"]


def test_a_dragged_handle_keeps_its_place(qtbot):
    asked: list[str] = []
    splitter = _splitter(qtbot, asked)
    splitter.arrange(800)
    splitter.splitterMoved.emit(120, 1)  # what a drag of the handle sends
    splitter.balance()
    assert asked == ["stacked"]  # the page's sizes are not forced again
    splitter.arrange(1200)
    assert splitter.orientation() == Qt.Orientation.Horizontal
    splitter.balance()  # side by side: balancing is for the stacked arrangement only
    assert asked == ["stacked"]


def test_two_columns_fold_into_one_below_the_threshold(qtbot):
    left, top, bottom = QLabel("details"), QLabel("ballot"), QLabel("agenda")
    columns = TwoColumns(left, [top, bottom], threshold=860)
    qtbot.addWidget(columns)
    columns.resize(1000, 500)
    columns.show()
    qtbot.waitUntil(lambda: columns.wide is True)
    assert columns.grid.getItemPosition(columns.grid.indexOf(top))[:2] == (0, 1)
    columns.resize(600, 500)
    qtbot.waitUntil(lambda: columns.wide is False)
    assert columns.grid.getItemPosition(columns.grid.indexOf(bottom))[:2] == (2, 0)
