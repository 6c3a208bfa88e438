"""The agenda's one clock model: the step on screen on the workshop day accumulates time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from workshop import snapshot, timing
from workshop.clock import fixed_clock
from workshop.operations import setup

PARIS = timezone(timedelta(hours=1))
PREP = datetime(2027, 3, 28, 14, 0, tzinfo=PARIS)
DAY = datetime(2027, 3, 31, 9, 0, tzinfo=PARIS)


def _times(session, now: datetime) -> dict[str, timing.StepTime]:
    snap = snapshot.load(session.conn, with_audit=False)
    return timing.step_times(snap.marks, snap.workshop.date, now.isoformat())


def _minutes(times: dict[str, timing.StepTime]) -> dict[str, float]:
    return {step: round(t.minutes, 2) for step, t in times.items()}


@pytest.fixture
def workshop(tmp_path):
    """Prepared three days before (steps clicked through), run on 31 March 2027."""
    with fixed_clock(PREP, step=timedelta(0)) as skip:
        s = setup.create(tmp_path / "a.charter", "Atelier", "ACME", "fr")
        setup.update_workshop(s, date="2027-03-31")
        setup.go_to_step(s, "diagnostic")  # rehearsing the next steps while preparing
        skip(timedelta(minutes=50))
        setup.go_to_step(s, "setup")
        skip(timedelta(minutes=40))
        setup.add_participant(s, "Łukasz Nguyễn-O’Brien", 1, "RH")
    yield s
    s.close()


def test_back_and_forth_adds_each_visit_and_excludes_preparation(workshop):
    s = workshop
    with fixed_clock(DAY, step=timedelta(0)) as skip:
        setup.add_participant(s, "Zoé « Zozo » Kowalczyk", 2, "CSE")  # the day begins
        skip(timedelta(minutes=3))
        setup.go_to_step(s, "diagnostic")
        skip(timedelta(minutes=20))
        setup.go_to_step(s, "matrix")
        skip(timedelta(minutes=30))
        setup.go_to_step(s, "diagnostic")  # back for a minute
        skip(timedelta(minutes=1))
        setup.go_to_step(s, "matrix")
        skip(timedelta(minutes=1))
        setup.go_to_step(s, "clauses")
        skip(timedelta(minutes=10))
        setup.end_workshop(s)
        skip(timedelta(minutes=45))  # after the end: counts for nothing
    times = _times(s, DAY + timedelta(hours=2))
    assert _minutes(times) == {"setup": 3, "diagnostic": 21, "matrix": 31, "clauses": 10}
    assert times["diagnostic"].visits == 2
    assert times["matrix"].visits == 2
    assert times["setup"].visits == 1
    assert times["diagnostic"].first_start == DAY.replace(tzinfo=None) + timedelta(minutes=3)


def test_the_open_step_runs_until_now_within_the_day(workshop):
    s = workshop
    with fixed_clock(DAY, step=timedelta(0)) as skip:
        setup.go_to_step(s, "diagnostic")
        skip(timedelta(minutes=5))
        setup.go_to_step(s, "matrix")
    times = _times(s, DAY + timedelta(minutes=17))
    assert _minutes(times) == {"diagnostic": 5, "matrix": 12}
    # The next day, an unclosed step stops at the last event recorded on the workshop day.
    assert _minutes(_times(s, DAY + timedelta(days=1))) == {"diagnostic": 5, "matrix": 0}


def test_undoing_a_step_change_goes_back_to_the_earlier_step(workshop):
    s = workshop
    with fixed_clock(DAY, step=timedelta(0)) as skip:
        setup.go_to_step(s, "diagnostic")
        skip(timedelta(minutes=4))
        setup.go_to_step(s, "matrix")  # a slip of the clicker
        skip(timedelta(minutes=1))
        s.undo()
        skip(timedelta(minutes=6))
        setup.end_workshop(s)
    assert _minutes(_times(s, DAY + timedelta(hours=1))) == {"diagnostic": 10, "matrix": 1}


def test_without_a_date_the_day_is_the_latest_step_change(tmp_path):
    with fixed_clock(PREP, step=timedelta(0)) as skip:
        s = setup.create(tmp_path / "b.charter", "Atelier", "ACME", "fr")
        setup.go_to_step(s, "diagnostic")
        skip(timedelta(minutes=30))
        setup.go_to_step(s, "setup")
    with fixed_clock(DAY, step=timedelta(0)) as skip:
        setup.go_to_step(s, "matrix")
        skip(timedelta(minutes=7))
        setup.end_workshop(s)
    snap = snapshot.load(s.conn, with_audit=False)
    assert timing.workshop_day(snap.workshop.date, snap.marks) == DAY.date()
    assert _minutes(_times(s, DAY + timedelta(hours=3))) == {"matrix": 7}
    s.close()


def test_the_rail_line_says_the_overrun():
    spent = timing.StepTime(47.4, 2, None, None)
    assert timing.rail_line(40, spent, "fr") == ("47 / 40 min — dépassement +7", True)
    assert timing.rail_line(40, None, "en") == ("40 min planned", False)


def test_malformed_timestamps_are_ignored():
    marks = (
        timing.Mark("not a time", "setup", "go_to_step"),
        timing.Mark("2027-03-31T09:00:00+01:00", "diagnostic", "go_to_step"),
        timing.Mark("2027-03-31T09:10:00+01:00", "diagnostic", "end_workshop"),
    )
    times = timing.step_times(marks, "2027-03-31", "2027-03-31T12:00:00+01:00")
    assert {k: v.minutes for k, v in times.items()} == {"diagnostic": 10}


def test_the_demo_rail_is_believable(tmp_path):
    from workshop import demo

    s = demo.build(tmp_path / "demo.charter", "fr")
    snap = snapshot.load(s.conn, with_audit=False)
    times = timing.step_times(snap.marks, snap.workshop.date, "2026-11-26T23:00:00+01:00")
    s.close()
    for item in snap.agenda:
        spent = times[item.step].minutes
        assert 0.6 * item.planned_minutes <= spent <= 1.2 * item.planned_minutes, item.step
