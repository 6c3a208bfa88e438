"""The agenda's start time and breaks: the planned day, planned against actual, the bundle."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta, timezone

import pytest

from workshop import bundle, snapshot, timing
from workshop.clock import fixed_clock
from workshop.dates import parse_clock_time
from workshop.errors import BundleError, InvalidInput
from workshop.operations import setup

PARIS = timezone(timedelta(hours=1))
DAY = datetime(2027, 3, 31, 9, 0, tzinfo=PARIS)


def snap_of(session) -> snapshot.Snapshot:
    return snapshot.load(session.conn, with_audit=False)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("09:00", time(9)), ("9h", time(9)), ("9 h 30", time(9, 30)), ("14.15", time(14, 15))],
)
def test_clock_times_as_typed(typed, expected):
    assert parse_clock_time(typed) == expected


@pytest.mark.parametrize("typed", ["24:00", "9:75", "midi", "13 pm", "9h5", "1" * 100])
def test_unreadable_clock_times(typed):
    assert parse_clock_time(typed) is None


def test_start_time_and_breaks_give_the_planned_day(session):
    setup.update_workshop(session, start_time="8h30")
    setup.set_break_minutes(session, "diagnostic", 15)
    setup.set_break_minutes(session, "clauses", 60)  # lunch
    snap = snap_of(session)
    assert snap.workshop.start_time == "08:30"
    slots = {s.step: s for s in timing.planned_schedule(snap.workshop.start_time, snap.agenda)}
    # default plan: setup 20, diagnostic 40, matrix 30, clauses 150, plan 45, wrapup 25
    assert (slots["setup"].start, slots["setup"].end) == (time(8, 30), time(8, 50))
    assert (slots["diagnostic"].start, slots["diagnostic"].end) == (time(8, 50), time(9, 30))
    assert slots["matrix"].start == time(9, 45)  # after the 15 min break
    assert (slots["clauses"].start, slots["clauses"].end) == (time(10, 15), time(12, 45))
    assert slots["plan"].start == time(13, 45)  # after lunch
    assert slots["wrapup"].end == time(14, 55)
    session.undo()  # the lunch break goes, the afternoon moves back
    snap = snap_of(session)
    slots = {s.step: s for s in timing.planned_schedule(snap.workshop.start_time, snap.agenda)}
    assert slots["plan"].start == time(12, 45)


def test_without_a_start_time_the_plan_has_no_clock_times(session):
    snap = snap_of(session)
    assert snap.workshop.start_time is None
    assert all(s.start is None for s in timing.planned_schedule(None, snap.agenda))


def test_refusals_write_nothing(session):
    events = session.conn.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(InvalidInput, match="« 25h »"):
        setup.update_workshop(session, start_time="25h")
    with pytest.raises(InvalidInput):
        setup.set_break_minutes(session, "matrix", 601)
    with pytest.raises(InvalidInput):
        setup.set_break_minutes(session, "matrix", -5)
    with pytest.raises(InvalidInput):
        setup.set_break_minutes(session, "lunch", 60)
    assert session.conn.execute("SELECT count(*) FROM audit").fetchone()[0] == events


def test_agenda_rows_set_actual_beside_planned(tmp_path):
    with fixed_clock(DAY, step=timedelta(0)) as skip:
        s = setup.create(tmp_path / "a.charter", "Atelier", "ACME")
        setup.update_workshop(s, date="2027-03-31", start_time="09:00")
        setup.set_break_minutes(s, "diagnostic", 15)
        setup.go_to_step(s, "setup")
        skip(timedelta(minutes=25))
        setup.go_to_step(s, "diagnostic")
        skip(timedelta(minutes=40))
        setup.go_to_step(s, "matrix")
        skip(timedelta(minutes=5))
        setup.end_workshop(s)
    rows = {r.step: r for r in timing.agenda_rows(snap_of(s), "2027-03-31T18:00:00+01:00")}
    s.close()
    assert (rows["setup"].planned_start, rows["setup"].actual_start) == (time(9), time(9))
    assert rows["setup"].overrun_minutes == 5
    assert rows["diagnostic"].planned_start == time(9, 20)
    assert rows["diagnostic"].actual_start == time(9, 25)
    assert rows["diagnostic"].actual_end == time(10, 5)
    assert rows["matrix"].planned_start == time(10, 15)  # planned after the break
    assert rows["clauses"].spent is None and rows["clauses"].overrun_minutes == 0


def test_the_bundle_carries_them_and_older_bundles_still_import(session, tmp_path):
    setup.update_workshop(session, start_time="09:15")
    setup.set_break_minutes(session, "matrix", 20)
    data = bundle.export_bundle(session)
    assert data["workshop"]["start_time"] == "09:15"
    assert {a["step"]: a["break_minutes"] for a in data["agenda"]}["matrix"] == 20
    copy = bundle.import_bundle(json.loads(json.dumps(data)), tmp_path / "copie.charter")
    snap = snap_of(copy)
    copy.close()
    assert snap.workshop.start_time == "09:15"
    assert {a.step: a.break_minutes for a in snap.agenda}["matrix"] == 20
    older = json.loads(json.dumps(data))
    del older["workshop"]["start_time"]
    for item in older["agenda"]:
        del item["break_minutes"]
    old = bundle.import_bundle(older, tmp_path / "ancien.charter")
    snap = snap_of(old)
    old.close()
    assert snap.workshop.start_time is None and all(a.break_minutes == 0 for a in snap.agenda)


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("start_time", "25:00"),
        ("start_time", "9h"),
        ("start_time", 900),
        ("break_minutes", 601),
        ("break_minutes", -1),
    ],
)
def test_the_bundle_refuses_a_bad_start_time_or_break(session, tmp_path, where, value):
    data = json.loads(json.dumps(bundle.export_bundle(session)))
    if where == "start_time":
        data["workshop"]["start_time"] = value
    else:
        data["agenda"][0]["break_minutes"] = value
    target = tmp_path / "refus.charter"
    with pytest.raises(BundleError) as refused:
        bundle.import_bundle(data, target)
    assert f".{where}" in str(refused.value)  # names the field
    assert "\n" not in str(refused.value)
    assert not target.exists()
