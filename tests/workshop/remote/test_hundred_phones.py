"""100 simulated phones vote at once on loopback: by name, secretly by link, by codes.

Every acknowledged vote is in the file, a resubmission never counts twice, one person (or
one code) votes once per round, nothing readable tells a tally before the close, and a
closed secret round's rows follow fixed orders, never the order of voting.
"""

from __future__ import annotations

import json
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.workshop.remote.room import Phone, Room
from workshop.operations import ballots, phones
from workshop.session import Initiator

CHOICES = ("for", "against", "abstain")
PEOPLE = 100


@pytest.fixture
def room(memory_path):
    r = Room(memory_path / "room.charter", PEOPLE)
    yield r
    r.close()


def _all(fn, items):
    with ThreadPoolExecutor(max_workers=len(items)) as pool:
        return list(pool.map(fn, items))


def _open(room: Room, capture: str, **settings) -> int:
    cid = room.clause_id()
    return room.run(
        lambda s: ballots.open_ballot(s, cid, method="simple", capture=capture, **settings).value
    )


def _no_tally_anywhere(phone: Phone, before: bytes) -> None:
    """Every GET route of the server, while the vote is open: no figure of any round."""
    status, _, state = phone.get("/api/state")
    assert status == 200
    assert state == before  # the room's state does not move with the votes
    value = json.loads(state)
    assert value["result"] is None and "totals" not in state.decode()
    for path in ("/", "/healthz", "/api/me", "/static/app.js", "/api/results", "/api/tally"):
        _, _, body = phone.get(path)
        assert b'"totals"' not in body and b'"n":' not in body


def test_a_hundred_phones_vote_by_name_concurrently(room):
    links = room.links()
    server = room.start_server()
    ballot = _open(room, "nominative")
    people = sorted(links)
    phones_ = [Phone(server) for _ in people]
    assert _all(lambda i: phones_[i].join(links[people[i]]), range(PEOPLE)) == [303] * PEOPLE
    before = phones_[0].get("/api/state")[2]

    def act(i: int):
        phone = phones_[i]
        first = CHOICES[i % 3]
        status, ack, client_id = phone.vote(ballot, first)
        again = phone.vote(ballot, first, client_id=client_id)  # a retry after a lost answer
        final = first
        if i % 10 == 0:  # changes their mind before the close, as on the console
            final = CHOICES[(i + 1) % 3]
            changed = phone.vote(ballot, final)
            assert changed[0] == 200 and changed[1]["changed"] is True
        return status, ack, again, final

    results = _all(act, range(PEOPLE))
    for status, ack, (status2, ack2, _), _ in results:
        assert status == 200 and ack["recorded"] is True and ack["changed"] is False
        assert (status2, ack2) == (200, ack)  # the same acknowledgement, not a new vote
    _no_tally_anywhere(phones_[1], before)
    stored = room.run(
        lambda s: dict(s.conn.execute("SELECT participant_id, choice FROM votes").fetchall())
    )
    assert stored == {people[i]: results[i][3] for i in range(PEOPLE)}
    events = room.run(
        lambda s: s.conn.execute("SELECT count(*) FROM audit WHERE kind = 'vote'").fetchone()[0]
    )
    assert events == PEOPLE + PEOPLE // 10  # retries appended nothing
    me = phones_[0].get("/api/me")
    assert json.loads(me[2])["choice"] == results[0][3]
    room.run(lambda s: ballots.close_ballot(s, ballot))
    server.notify_changed()
    result = json.loads(phones_[2].get("/api/state")[2])["result"]
    expected = Counter(r[3] for r in results)
    assert {t["value"]: t["n"] for t in result["totals"]} == {c: expected[c] for c in CHOICES}
    status, body, _ = phones_[3].vote(ballot, "for")
    assert (status, body["error"]) == (409, "no_ballot")
    for p in phones_:
        p.close()


def test_a_hundred_phones_vote_secretly_by_link(room):
    links = room.links()
    seen = []
    server = room.start_server(on_changes=seen.append)
    ballot = _open(room, "secret")
    people = sorted(links)
    phones_ = [Phone(server) for _ in people]
    _all(lambda i: phones_[i].join(links[people[i]]), range(PEOPLE))
    before = phones_[0].get("/api/state")[2]

    def act(i: int):
        phone = phones_[i]
        status, ack, client_id = phone.vote(ballot, CHOICES[i % 3])
        again = phone.vote(ballot, CHOICES[i % 3], client_id=client_id)
        twice = phone.vote(ballot, CHOICES[(i + 1) % 3])  # a second vote: refused
        return status, ack, again, twice

    results = _all(act, range(PEOPLE))
    for status, ack, (status2, ack2, _), (status3, refusal, _) in results:
        assert status == 200 and (status2, ack2) == (200, ack)
        assert (status3, refusal["error"]) == (409, "already_voted")
    assert len(seen) == PEOPLE and {c.initiator for c in seen} == {Initiator.PHONE}
    _no_tally_anywhere(phones_[1], before)
    assert json.loads(phones_[0].get("/api/me")[2])["choice"] is None  # never returned
    room.run(lambda s: ballots.close_ballot(s, ballot))

    def stored(s):
        conn = s.conn
        return {
            "counts": conn.execute(
                "SELECT rowid, college_id, choice, n FROM ballot_counts ORDER BY rowid"
            ).fetchall(),
            "voters": conn.execute(
                "SELECT bv.rowid, bv.participant_id, bv.voted, p.position FROM ballot_voters bv"
                " JOIN participants p ON p.id = bv.participant_id ORDER BY bv.rowid"
            ).fetchall(),
            "times": conn.execute(
                "SELECT DISTINCT a.at = b.opened_at FROM audit a, ballots b"
                " WHERE a.kind = 'secret_vote'"
            ).fetchall(),
            "votes": conn.execute("SELECT count(*) FROM votes").fetchone()[0],
        }

    rows = room.run(stored)
    expected = Counter(CHOICES[i % 3] for i in range(PEOPLE))
    assert [(c, ch, n) for _, c, ch, n in rows["counts"]] == [
        (None, ch, expected[ch]) for ch in CHOICES
    ]  # every acknowledged vote, in the fixed order of the choices
    positions = [r[3] for r in rows["voters"]]
    assert positions == sorted(positions) and all(r[2] == 1 for r in rows["voters"])
    assert rows["times"] == [(1,)]  # every secret vote's event has the round's opening time
    assert rows["votes"] == 0  # nobody's choice is stored
    for p in phones_:
        p.close()


def test_a_hundred_phones_vote_by_drawn_codes_with_a_double_majority(room):
    colleges = room.college_ids()
    codes = {
        name: room.run(lambda s, c=colleges[name]: phones.issue_codes(s, c, PEOPLE // 2)[1])
        for name in ("RH", "CSE")
    }
    server = room.start_server()
    ballot = _open(room, "codes", double_majority=0)
    cards = [(name, code) for name in ("RH", "CSE") for code in codes[name]]
    phones_ = [Phone(server) for _ in cards]  # no link: a drawn card is all they have
    # RH all for; CSE 20 for, 30 against: 70 for overall, but CSE blocks the double majority
    choice_of = {("RH", i): "for" for i in range(50)}
    choice_of |= {("CSE", i): "for" if i < 20 else "against" for i in range(50)}
    before = phones_[0].get("/api/state")[2]
    assert json.loads(before)["ballot"]["credential"] == "code"

    def act(i: int):
        name, code = cards[i]
        phone = phones_[i]
        choice = choice_of[name, i % 50]
        typed = code.lower().replace("-", " ") if i % 2 else code  # forgiving typing
        status, ack, client_id = phone.vote(ballot, choice, code=typed)
        again = phone.vote(ballot, choice, code=typed, client_id=client_id)
        reuse = phone.vote(ballot, choice, code=code)  # the same card again
        return status, ack, again, reuse

    results = _all(act, range(len(cards)))
    for status, ack, (status2, ack2, _), (status3, refusal, _) in results:
        assert status == 200 and (status2, ack2) == (200, ack)
        assert (status3, refusal["error"]) == (409, "already_voted")
    _no_tally_anywhere(phones_[1], before)
    room.run(lambda s: ballots.close_ballot(s, ballot))

    def stored(s):
        conn = s.conn
        return (
            conn.execute(
                "SELECT c.name, n.choice, n.n FROM ballot_counts n"
                " JOIN colleges c ON c.id = n.college_id ORDER BY n.rowid"
            ).fetchall(),
            conn.execute("SELECT count(*) FROM code_votes").fetchone()[0],
            conn.execute("SELECT outcome FROM ballots WHERE id = ?", (ballot,)).fetchone()[0],
        )

    counts, marks, outcome = room.run(stored)
    assert sorted(counts) == [("CSE", "against", 30), ("CSE", "for", 20), ("RH", "for", 50)]
    assert marks == 0  # which codes voted is forgotten at the close
    assert outcome == "rejected"  # adopted overall, blocked by one college
    server.notify_changed()  # what the console's adapter does after each of its changes
    result = json.loads(phones_[0].get("/api/state")[2])["result"]
    assert "double majorité" in result["sentence"]
    assert {t["value"]: t["n"] for t in result["totals"]} == {
        "for": 70,
        "against": 30,
        "abstain": 0,
    }
    for p in phones_:
        p.close()
