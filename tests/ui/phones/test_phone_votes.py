"""A vote from a phone (the real server on loopback) lands like a console vote and
refreshes the console and the projected view; stopping the server; codes rounds."""

from __future__ import annotations

import re

import pytest

from tests.ui.phones.conftest import Phone, in_thread
from tests.ui.tally_patterns import TALLY_PATTERNS
from workshop.operations import ballots, phones
from workshop.session import BALLOTS, Initiator


def _clause_id(window) -> int:
    return window.controller.snapshot.clauses[0].id


def _open(window, **rules) -> int:
    controller = window.controller
    clause_id = _clause_id(window)
    controller.focus_clause(clause_id)
    return controller.run(ballots.open_ballot, clause_id, **rules).value


def _join(phone: Phone, url: str) -> None:
    status, _ = phone.request("GET", url.split(phone.origin, 1)[1])
    assert status == 303 and "cw_link" in phone.cookies


def _no_tally(text: str) -> None:
    for pattern in TALLY_PATTERNS:
        assert not pattern.search(text), text


def test_a_phone_vote_is_recorded_and_every_view_refreshes(small, qtbot):
    window = small
    controller, service = window.controller, window.phones
    ballot_id = _open(window, capture="nominative", method="simple")
    assert service.start("127.0.0.1", port=0)
    person = controller.snapshot.participants[0]
    url = service.issue_link(person.id)
    assert url.startswith(service.base_url + "j/")
    heard: list = []
    controller.changed.connect(heard.append)
    phone = Phone(service.base_url)

    def vote():
        _join(phone, url)
        status, state = phone.request("GET", "/api/state")
        assert status == 200 and state["ballot"]["id"] == ballot_id
        return phone.request(
            "POST", "/api/vote",
            {"client_id": "phone-test-0001-abcdef", "ballot_id": ballot_id, "choice": "for"},
        )  # fmt: skip

    status, answer = in_thread(qtbot, vote)
    assert status == 200 and answer["recorded"] is True
    # in the file, by the ordinary operation
    voted = dict(ballots.who_voted(controller.session.conn, ballot_id))
    assert voted[person.id] and sum(map(bool, voted.values())) == 1
    # the views heard of it as a phone's change
    qtbot.waitUntil(lambda: any(c.initiator is Initiator.PHONE for c in heard))
    phone_change = next(c for c in heard if c.initiator is Initiator.PHONE)
    assert BALLOTS in phone_change.topics
    # the console: the voter's card shows voted
    panel = window.pages["clauses"].ballot
    panel.set_clause(_clause_id(window))
    card = next(c for c in panel.open_view.grid._cards if c.participant_id == person.id)
    assert card.voted
    assert "1" in panel.open_view.progress.text()
    # the projected view: the voter is marked, the QR corner is there, no tally
    projection = window.projection
    slide = projection.slide()
    assert slide.ballot_state == "open"
    assert any(v.voted for v in slide.voters)
    projection.window.image(1280, 720)
    drawn = projection.window.canvas.drawn
    assert any(d.kind == "join-address" and d.text == service.base_url[7:-1] for d in drawn)
    _no_tally(slide.visible_text() + "\n" + "\n".join(d.text for d in drawn))


def test_a_vote_by_name_changed_from_the_phone_is_one_vote(small, qtbot):
    window = small
    controller, service = window.controller, window.phones
    ballot_id = _open(window, capture="nominative", method="simple")
    service.start("127.0.0.1", port=0)
    person = controller.snapshot.participants[1]
    url = service.issue_link(person.id)
    phone = Phone(service.base_url)

    def vote_twice():
        _join(phone, url)
        body = {"ballot_id": ballot_id}
        first = phone.request("POST", "/api/vote", body | {"client_id": "a" * 20, "choice": "for"})
        again = phone.request("POST", "/api/vote", body | {"client_id": "a" * 20, "choice": "for"})
        change = phone.request(
            "POST", "/api/vote", body | {"client_id": "b" * 20, "choice": "against"}
        )
        return first, again, change

    first, again, change = in_thread(qtbot, vote_twice)
    assert first[0] == again[0] == change[0] == 200
    assert change[1]["changed"] is True
    rows = controller.session.conn.execute(
        "SELECT choice FROM votes WHERE ballot_id = ?", (ballot_id,)
    ).fetchall()
    assert rows == [("against",)]


def test_a_reissued_link_refuses_the_old_one(small, qtbot):
    window = small
    service = window.phones
    ballot_id = _open(window, capture="nominative", method="simple")
    service.start("127.0.0.1", port=0)
    pid = window.controller.snapshot.participants[2].id
    old = service.issue_link(pid)
    new = service.issue_link(pid)
    assert old != new and service.link_url(pid) == new
    phone = Phone(service.base_url)

    def with_old():
        status, _ = phone.request("GET", old.split(phone.origin, 1)[1])
        return status

    assert in_thread(qtbot, with_old) == 404
    assert pid in service.linked()
    assert ballot_id


def test_stopping_the_server_closes_the_address(small, qtbot):
    window = small
    service = window.phones
    service.start("127.0.0.1", port=0)
    phone = Phone(service.base_url)
    assert in_thread(qtbot, lambda: phone.request("GET", "/healthz"))[0] == 200
    panel = window.phones_dock.panel
    assert panel.start_button.text() == panel.tr("Stop the phone server")
    panel.start_button.click()
    assert not service.running and service.base_url == ""
    assert window.projection.join_url == ""
    with pytest.raises(OSError):
        in_thread(qtbot, lambda: phone.request("GET", "/healthz"))
    assert not panel.qr.isVisible() and panel.address.text() == ""


def test_closing_the_workshop_stops_the_server(small):
    window = small
    service = window.phones
    service.start("127.0.0.1", port=0)
    window.controller.close()
    assert not service.running and service.tokens == {}


def test_a_codes_round_counts_codes_not_voters(small, qtbot, monkeypatch):
    window = small
    controller, service = window.controller, window.phones
    service.start("127.0.0.1", port=0)
    college = controller.snapshot.colleges[1]
    codes = service.draw_codes(college.id, 2)
    assert len(codes) == 2 and service.code_counts()[college.id] == 2
    ballot_id = _open(window, capture="codes", method="simple")
    panel = window.pages["clauses"].ballot
    panel.set_clause(_clause_id(window))
    assert re.search(r"\b0\b.*\b2\b", panel.open_view.progress.text())
    assert panel.open_view.choice_box.isHidden()
    phone = Phone(service.base_url)
    status, answer = in_thread(
        qtbot,
        lambda: phone.request(
            "POST", "/api/vote",
            {"client_id": "c" * 20, "ballot_id": ballot_id, "choice": "for", "code": codes[0]},
        ),
    )  # fmt: skip
    assert status == 200, answer
    assert phones.code_progress(controller.session.conn, ballot_id) == (1, 2)
    qtbot.waitUntil(lambda: bool(re.search(r"\b1\b.*\b2\b", panel.open_view.progress.text())))
    slide = window.projection.slide()
    assert slide.voters == () and slide.progress.startswith("1 code sur 2")
    _no_tally(slide.visible_text())
    # the console's close question does not count voters that a codes round never marks
    questions: list[str] = []
    from ui import dialogs

    monkeypatch.setattr(dialogs, "confirm", lambda _p, q: questions.append(q) or False)
    panel.close_ballot()
    assert questions == [panel.tr("Close the vote? The result will be shown to everyone.")]
