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


def test_jobs_posted_together_run_in_the_gui_thread_under_one_commit(qtbot, demo_path):
    import time

    from tests.workshop.test_write_failures import new_nominative_ballot
    from workshop.operations import ballots
    from workshop.session import Session

    session = Session.open(demo_path)
    try:
        bid, voters = new_nominative_ballot(session)
        commits: list[str] = []
        session.conn.set_trace_callback(
            lambda sql: commits.append(sql) if sql.upper().startswith("COMMIT") else None
        )
        owner = GuiOwner(lambda fn: fn(session), timeout=30)
        answers: list[object] = []

        def phone(voter: int) -> None:
            answers.append(owner(lambda s: ballots.cast_vote(s, bid, voter, "for").event_id))

        threads = [threading.Thread(target=phone, args=(v,)) for v in voters[:3]]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 5
        while len(owner._waiting) < 3 and time.monotonic() < deadline:
            time.sleep(0.001)  # the GUI thread is busy: the three jobs wait together
        qtbot.waitUntil(lambda: len(answers) == 3, timeout=5000)
        for thread in threads:
            thread.join(5)
        assert len(commits) == 1
        done = session.conn.execute("SELECT count(*) FROM votes WHERE ballot_id = ?", (bid,))
        assert done.fetchone()[0] == 3
    finally:
        session.close()
