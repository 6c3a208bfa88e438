"""Counts recorded in an open round stay visible and editable on the console (issue 12).

The numbers are the console's own record of this session (never on the projection, which
only says how many colleges are counted); after an undo the console says it cannot know.
"""

from __future__ import annotations

from tests.ui.ballot.test_panel import open_ballot, panel_of


def test_recorded_counts_stay_visible_and_editable(small, window, controller):
    open_ballot(small, capture="counts")
    panel = panel_of(small)
    counts = panel.open_view.counts
    first, second = (c.id for c in controller.snapshot.colleges[1:3])
    counts.set_values(first, [1, 1, 0])
    counts.row(first)["save"].click()
    row = counts.row(first)
    assert [s.value() for s in row["spins"]] == [1, 1, 0]
    assert row["save"].text() == "Remplacer" and row["save"].isEnabled()
    projected = window.projection.slide()
    assert "1" in projected.progress and "2" in projected.progress  # « 1 collège sur 2 … »
    assert not projected.bars  # never the numbers

    counts.set_values(second, [2, 0, 0])
    counts.row(second)["save"].click()  # another row recorded: the first keeps its numbers
    assert [s.value() for s in counts.row(first)["spins"]] == [1, 1, 0]
    counts.set_values(first, [2, 0, 0])  # corrected
    counts.row(first)["save"].click()

    small.select_clause(small.current_clause().id)  # rows built again: numbers come back
    counts.reset()
    panel.refresh()
    assert [s.value() for s in counts.row(first)["spins"]] == [2, 0, 0]

    panel.close_ballot()
    table = panel.result.table
    assert table.item(table.rowCount() - 1, 1).text() == "4"  # 2 + 2 « pour »


def test_after_an_undo_recorded_counts_are_cleared(small, controller):
    open_ballot(small, capture="counts")
    panel = panel_of(small)
    counts = panel.open_view.counts
    college = controller.snapshot.colleges[1].id
    counts.set_values(college, [1, 0, 0])
    counts.row(college)["save"].click()
    controller.undo()
    assert [s.value() for s in counts.row(college)["spins"]] == [0, 0, 0]
    assert "○ à saisir" in counts.row(college)["label"].text()
    assert "enregistrez de nouveau" in panel.open_view.message.text()
