"""GuiOwner: a phone request's work runs in the GUI thread, or the phone hears « busy »."""

from __future__ import annotations

import threading

import pytest

from tests.ui.phones.conftest import in_thread
from ui.phones.owner import GuiOwner
from workshop.errors import InvalidInput
from workshop.remote import OwnerUnavailable


def test_the_work_runs_in_the_gui_thread_with_the_session(qtbot):
    gui = threading.get_ident()
    owner = GuiOwner(lambda fn: fn("the session"))
    callers: list[int] = []

    def phone():
        callers.append(threading.get_ident())
        return owner(lambda s: (threading.get_ident(), s))

    seen = in_thread(qtbot, phone)
    assert seen == (gui, "the session")
    assert callers and callers[0] != gui  # asked from another thread, run in the GUI's


def test_an_error_of_the_work_is_raised_in_the_request_thread(qtbot):
    owner = GuiOwner(lambda fn: fn(None))

    def refuse(_s):
        raise InvalidInput("Refusé.", "Refused.")

    with pytest.raises(InvalidInput):
        in_thread(qtbot, lambda: owner(refuse))


def test_a_busy_gui_thread_times_out_cleanly_and_the_job_never_runs(qtbot):
    ran: list[str] = []
    owner = GuiOwner(lambda fn: fn(None), timeout=0.2)
    out: dict[str, BaseException] = {}

    def phone() -> None:
        try:
            owner(lambda _s: ran.append("ran"))
        except OwnerUnavailable as exc:
            out["error"] = exc

    thread = threading.Thread(target=phone)
    thread.start()
    thread.join(5)  # the GUI thread is busy (here: joining), the queued job waits
    assert isinstance(out.get("error"), OwnerUnavailable)
    qtbot.wait(50)  # now the event loop runs the queued call: it is skipped
    assert ran == []


def test_stopping_releases_the_waiting_requests_and_refuses_new_ones(qtbot):
    owner = GuiOwner(lambda fn: fn(None), timeout=30)
    out: dict[str, BaseException] = {}
    started = threading.Event()

    def phone() -> None:
        started.set()
        try:
            owner(lambda _s: "late")
        except OwnerUnavailable as exc:
            out["error"] = exc

    thread = threading.Thread(target=phone)
    thread.start()
    started.wait(5)
    thread.join(0.2)
    owner.stop()
    thread.join(5)
    assert not thread.is_alive() and isinstance(out.get("error"), OwnerUnavailable)
    with pytest.raises(OwnerUnavailable):
        in_thread(qtbot, lambda: owner(lambda _s: "refused"))
    owner.restart()
    assert in_thread(qtbot, lambda: owner(lambda _s: "again")) == "again"


def test_called_from_the_gui_thread_it_runs_at_once():
    owner = GuiOwner(lambda fn: fn("s"))
    assert owner(lambda s: s + "!") == "s!"
