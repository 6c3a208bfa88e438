"""The time stamped on events; replaceable so that the demo workshop is deterministic."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

_clock: Callable[[], datetime] | None = None


def now() -> str:
    """Local time, ISO 8601 to the second, as stored in the workshop file."""
    moment = _clock() if _clock is not None else datetime.now().astimezone()
    return moment.isoformat(timespec="seconds")


@contextlib.contextmanager
def fixed_clock(
    start: datetime, step: timedelta = timedelta(seconds=20)
) -> Iterator[Callable[[timedelta], None]]:
    """A clock that starts at ``start`` and advances by ``step`` at each reading.

    Yields a function to jump ahead (a coffee break, lunch).
    """
    global _clock
    state = {"t": start}

    def read() -> datetime:
        value = state["t"]
        state["t"] = value + step
        return value

    def skip(delta: timedelta) -> None:
        state["t"] = state["t"] + delta

    previous, _clock = _clock, read
    try:
        yield skip
    finally:
        _clock = previous
