"""The minutes' agenda reads the same clock model as the console's rail (workshop.timing)."""

from __future__ import annotations

from tests.workshop.exports.pdf_reading import body, norm, pdf_text
from workshop import snapshot, timing
from workshop.exports import run as run_export
from workshop.exports.minutes.context import duration
from workshop.session import Session


def test_the_minutes_print_the_time_the_rail_shows(demo_path, tmp_path):
    with Session.open_readonly(demo_path) as session:
        snap = snapshot.load(session.conn)
    rows = timing.agenda_rows(snap)
    reached = [row for row in rows if row.spent is not None]
    assert len(reached) >= 4
    out = tmp_path / "cr.pdf"
    run_export("minutes", snap, out)
    text = body(pdf_text(out)[1])
    for row in reached:
        assert norm(duration(row.spent.minutes, "fr")) in text
        rail, over = timing.rail_line(row.planned_minutes, row.spent, "fr")
        # the rail's « 37 / 40 min » and the minutes' « 37 min » are the same minutes
        assert rail.startswith(f"{round(row.spent.minutes)} / {row.planned_minutes} min")
        assert over == (row.overrun_minutes > 0)
    # the day starts at the planned time, with its breaks, beside what happened
    assert any(row.planned_start is not None for row in rows)
