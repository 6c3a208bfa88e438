"""The one clock model of the agenda: how long each step took, for the rail and the minutes.

The rule, read from the audit timeline (every event records the step on screen after it):

* **The step on screen accumulates time.** Between two moments of the timeline the time
  counts for the step that was on screen; going back to a step adds its new interval to the
  earlier ones; time spent on other steps never counts for it.
* **Only the workshop day counts.** The workshop day is ``workshop.date`` when set (the
  date on the convocation); otherwise the local date of the latest step change, or today
  by the clock when no step was ever changed. An interval counts only if it begins on that
  day: the days of preparation before the workshop (and any day after) never count, and
  the time between the last event of a preparation day and the first event of the workshop
  day is unknown, so it does not count either.
* **« Fin de l’atelier » stops the clock**, until the next step change or the next day.
* The last interval still open runs to *now* while now is within the workshop day; once the
  day is over it stops at the latest event recorded on that day.

Times are compared as the local wall-clock times the file stores. Undoing a step change is
a move back to the earlier step (the undo event records the step it restored).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from workshop import clock

if TYPE_CHECKING:
    from workshop.snapshot import Snapshot

#: The audit kinds that move or stop the clock.
STEP_CHANGE = "go_to_step"
END = "end_workshop"


@dataclass(frozen=True)
class Mark:
    """A moment of the audit timeline where the clock may change: the step on screen after it."""

    at: str
    step: str
    kind: str


@dataclass(frozen=True)
class StepTime:
    """The time a step took on the workshop day, its number of visits and first start."""

    minutes: float
    visits: int
    first_start: datetime | None
    last_end: datetime | None


def load_marks(conn: sqlite3.Connection) -> tuple[Mark, ...]:
    """The audit events that matter to the clock, without reading every event's summary.

    Kept: step changes and ends, every event where the step on screen differs from the
    previous one (an undo of a step change), the first event of each day (the day begins)
    and the latest event (the last moment known).
    """
    rows = conn.execute(
        "SELECT at, step, kind FROM ("
        " SELECT id, at, step, kind,"
        "  lag(step) OVER (ORDER BY id) AS prev_step,"
        "  lag(substr(at, 1, 10)) OVER (ORDER BY id) AS prev_day,"
        "  lead(id) OVER (ORDER BY id) AS next_id"
        " FROM audit)"
        " WHERE kind IN (?, ?) OR prev_step IS NOT step"
        " OR prev_day IS NOT substr(at, 1, 10) OR next_id IS NULL"
        " ORDER BY id",
        (STEP_CHANGE, END),
    ).fetchall()
    # a damaged file may hold anything in a column: such an event is not a moment
    return tuple(
        Mark(at, step, kind)
        for at, step, kind in rows
        if isinstance(at, str) and isinstance(step, str) and isinstance(kind, str)
    )


def _local(value: str | datetime | None) -> datetime | None:
    """A stored timestamp as naive local wall-clock time; None when absent or malformed."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    return value.replace(tzinfo=None)


def workshop_day(
    workshop_date: str | None, marks: Sequence[Mark], now: str | datetime | None = None
) -> date:
    """The day whose time counts (see the module's rule)."""
    if workshop_date:
        try:
            return date.fromisoformat(workshop_date[:10])
        except ValueError:
            pass
    for mark in reversed(marks):
        moment = _local(mark.at)
        if mark.kind == STEP_CHANGE and moment is not None:
            return moment.date()
    moment = _local(now if now is not None else clock.now())
    return moment.date() if moment is not None else date.today()


def step_times(
    marks: Sequence[Mark],
    workshop_date: str | None,
    now: str | datetime | None = None,
) -> dict[str, StepTime]:
    """Time spent in each step on the workshop day, from the audit timeline's marks."""
    current = _local(now if now is not None else clock.now())
    day = workshop_day(workshop_date, marks, now)
    day_end = datetime.combine(day + timedelta(days=1), time())
    points = [(moment, m) for m in marks if (moment := _local(m.at)) is not None]
    last_known = max((moment for moment, _ in points if moment.date() == day), default=None)
    spent: dict[str, list] = {}
    previous_step: str | None = None
    stopped = False
    for i, (start, mark) in enumerate(points):
        if i and points[i - 1][0].date() != start.date():
            stopped = False  # a new day: yesterday's « Fin de l’atelier » no longer holds
        if mark.kind == END:
            stopped = True
        elif mark.kind == STEP_CHANGE:
            stopped = False
        if i + 1 < len(points):
            stop = points[i + 1][0]
        elif current is not None and current.date() == day:
            stop = current
        else:
            stop = last_known if last_known is not None else start
        stop = min(stop, day_end)
        last = i + 1 == len(points)  # the step on screen now counts from 0 min
        counted = not stopped and start.date() == day and (stop > start or last and stop == start)
        if counted:
            entry = spent.setdefault(mark.step, [0.0, 0, start, stop])
            entry[0] += (stop - start).total_seconds() / 60
            if previous_step != mark.step:
                entry[1] += 1
            entry[3] = stop
        previous_step = mark.step if counted else None
    result = {step: StepTime(m, max(v, 1), s, e) for step, (m, v, s, e) in spent.items()}
    return result


@dataclass(frozen=True)
class PlannedSlot:
    """Where a step sits in the planned day: its start, its end, the break after it."""

    step: str
    start: time | None
    end: time | None
    planned_minutes: int
    break_minutes: int


def _clock_time(value: str | None) -> time | None:
    if not value:
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        return None


def planned_schedule(start_time: str | None, agenda: Iterable[object]) -> list[PlannedSlot]:
    """The planned day: each step starts when the one before and its break end.

    ``agenda`` items carry ``step``, ``planned_minutes`` and ``break_minutes`` (the pause
    that follows the step). Without a start time the slots have no clock times.
    """
    begin = _clock_time(start_time)
    moment = datetime.combine(date(2000, 1, 1), begin) if begin is not None else None
    slots = []
    for item in agenda:
        planned = int(getattr(item, "planned_minutes", 0))
        pause = int(getattr(item, "break_minutes", 0) or 0)
        if moment is None:
            slots.append(PlannedSlot(item.step, None, None, planned, pause))  # type: ignore[attr-defined]
            continue
        end = moment + timedelta(minutes=planned)
        slots.append(PlannedSlot(item.step, moment.time(), end.time(), planned, pause))  # type: ignore[attr-defined]
        moment = end + timedelta(minutes=pause)
    return slots


@dataclass(frozen=True)
class AgendaRow:
    """One step of the agenda, planned against actual: what the minutes print."""

    step: str
    planned_minutes: int
    break_minutes: int
    planned_start: time | None  # None without a start time for the day
    planned_end: time | None
    spent: StepTime | None  # None: not reached on the workshop day

    @property
    def actual_start(self) -> time | None:
        return self.spent.first_start.time() if self.spent and self.spent.first_start else None

    @property
    def actual_end(self) -> time | None:
        return self.spent.last_end.time() if self.spent and self.spent.last_end else None

    @property
    def overrun_minutes(self) -> int:
        """Whole minutes beyond the plan (0 when within it or not reached)."""
        return max(0, round(self.spent.minutes) - self.planned_minutes) if self.spent else 0


def agenda_rows(snap: Snapshot, now: str | datetime | None = None) -> list[AgendaRow]:
    """The agenda planned (start time, durations, breaks) beside what the clock measured.

    For the minutes' agenda section: one row per step, in the agenda's order.
    """
    spent = step_times(snap.marks, snap.workshop.date, now)
    return [
        AgendaRow(
            slot.step,
            slot.planned_minutes,
            slot.break_minutes,
            slot.start,
            slot.end,
            spent.get(slot.step),
        )
        for slot in planned_schedule(snap.workshop.start_time, snap.agenda)
    ]


def rail_line(planned: int, spent: StepTime | None, lang: str) -> tuple[str, bool]:
    """« 12 / 40 min » (and the overrun) for the rail, and whether the step runs over."""
    if spent is None:
        return (f"{planned} min prévues" if lang == "fr" else f"{planned} min planned"), False
    elapsed = round(spent.minutes)
    over = elapsed > planned
    text = f"{elapsed} / {planned} min"
    if over:
        text += (
            f" — dépassement +{elapsed - planned}"
            if lang == "fr"
            else f" — over by {elapsed - planned}"
        )
    return text, over
