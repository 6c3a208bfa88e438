"""The phone API's refusals, on the pure request handler (no sockets): foreign Host and
Origin, sizes, methods, paths, revoked links, rate limits, idempotency, headers."""

from __future__ import annotations

import json

import pytest

from workshop.library import builtin_library
from workshop.operations import ballots, clauses, phones, setup
from workshop.remote import guard
from workshop.remote.app import PhoneApp, Request
from workshop.remote.credentials import new_token, normalise_code, token_hash

HOST, PORT = "192.168.1.20", 8765
ORIGIN = f"http://{HOST}:{PORT}"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def room(session):
    setup.add_participant(session, "Łukasz Nguyễn-O’Brien", 1)
    setup.add_participant(session, "يوسف الحداد", 2)
    lib = builtin_library("fr")
    clauses.add_clause(session, lib, lib.clauses[0].key)
    ids = [r[0] for r in session.conn.execute("SELECT id FROM participants ORDER BY position")]
    _, tokens = phones.issue_links(session, ids)
    clock = Clock()
    app = PhoneApp(lambda fn: fn(session), HOST, PORT, clock=clock,
                   limiter=guard.FailureLimiter(clock=clock))  # fmt: skip
    return session, app, [tokens[i] for i in ids], clock


def req(method="GET", target="/", *, host=f"{HOST}:{PORT}", body=b"", client="192.168.1.50",
        **headers):  # fmt: skip
    sent = {"host": host} if host is not None else {}
    sent.update({k.replace("_", "-"): v for k, v in headers.items()})
    return Request(method, target, sent, body, client)


def vote(app, token, ballot_id, choice="for", client_id="c" * 20, **more):
    body = json.dumps({"client_id": client_id, "ballot_id": ballot_id, "choice": choice, **more})
    return app.handle(
        req("POST", "/api/vote", body=body.encode(), origin=ORIGIN,
            content_type="application/json", cookie=f"cw_link={token}")
    )  # fmt: skip


def _open(session, capture="nominative"):
    cid = session.conn.execute("SELECT id FROM clauses").fetchone()[0]
    return ballots.open_ballot(session, cid, method="simple", capture=capture).value


def test_foreign_host_and_origin_are_refused(room):
    session, app, tokens, _ = room
    ballot = _open(session)
    for host in ("evil.example", f"{HOST}", f"attacker.{HOST}:{PORT}", None, "127.0.0.1:8765"):
        assert app.handle(req(host=host)).status == 421  # DNS rebinding lands here
    body = json.dumps({"client_id": "x" * 20, "ballot_id": ballot, "choice": "for"}).encode()
    common = {"body": body, "content_type": "application/json", "cookie": f"cw_link={tokens[0]}"}
    assert app.handle(req("POST", "/api/vote", **common)).status == 403  # no Origin
    for origin in ("http://evil.example", "null", f"https://{HOST}:{PORT}", f"http://{HOST}"):
        assert app.handle(req("POST", "/api/vote", origin=origin, **common)).status == 403
    form = dict(common, content_type="application/x-www-form-urlencoded")
    assert app.handle(req("POST", "/api/vote", origin=ORIGIN, **form)).status == 415
    assert session.conn.execute("SELECT count(*) FROM votes").fetchone()[0] == 0
    assert vote(app, tokens[0], ballot).status == 200


def test_sizes_methods_and_paths_are_refused_without_a_trace(room):
    session, app, tokens, _ = room
    ballot = _open(session)
    big = json.dumps({"client_id": "x" * 20, "ballot_id": ballot, "choice": "for",
                      "reason": "é" * 9000}).encode()  # fmt: skip
    r = app.handle(req("POST", "/api/vote", body=big, origin=ORIGIN,
                       content_type="application/json", cookie=f"cw_link={tokens[0]}"))  # fmt: skip
    assert r.status == 413
    assert app.handle(req(target="/" + "a" * 600)).status == 414
    assert app.handle(req("DELETE", "/api/vote")).status == 405
    assert app.handle(req("POST", "/api/state", origin=ORIGIN)).status == 405
    for path in ("/static/../workshop/cli.py", "/static/", "/static/.hidden", "/etc/passwd",
                 "/static/%2e%2e/app.js", "/static/index.html", "/api", "/j/"):  # fmt: skip
        response = app.handle(req(target=path))
        assert response.status == 404, path
        assert b"Traceback" not in response.body
    for bad in (
        b"{",
        b"[]",
        b'{"client_id": 1}',
        b'{"x": 1}',
        "\ud800".encode("utf-8", "surrogatepass"),
    ):
        r = app.handle(req("POST", "/api/vote", body=bad, origin=ORIGIN,
                           content_type="application/json", cookie=f"cw_link={tokens[0]}"))  # fmt: skip
        assert r.status == 400 and r.json()["error"] == "bad_request"
    assert vote(app, tokens[0], ballot, client_id="short").status == 400
    assert vote(app, tokens[0], True).status == 400


def test_every_answer_carries_the_security_headers_and_a_bug_shows_no_trace(room):
    session, app, _, _ = room
    for response in (app.handle(req()), app.handle(req(host="x")), app.handle(req(target="/nope"))):
        headers = dict(response.headers)
        assert headers["Cache-Control"] == "no-store"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["Referrer-Policy"] == "no-referrer"

    def broken(fn):
        raise RuntimeError("secret detail /home/facilitator")

    app.run_on_owner = broken
    response = app.handle(req(target="/api/state"))
    assert response.status == 500
    assert b"secret detail" not in response.body and b"Traceback" not in response.body


def test_joining_swaps_the_link_for_a_strict_cookie_and_a_reissue_revokes_it(room):
    session, app, tokens, _ = room
    r = app.handle(req(target=f"/j/{tokens[0]}"))
    assert r.status == 303 and dict(r.headers)["Location"] == "/"
    cookie = dict(r.headers)["Set-Cookie"]
    assert f"cw_link={tokens[0]}" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert token_hash(tokens[0]) in {
        h for (h,) in session.conn.execute("SELECT token_hash FROM phone_links")
    }
    stored = session.conn.execute("SELECT * FROM phone_links").fetchall()
    assert all(tokens[0] not in str(row) for row in stored)  # only its hash is stored
    pid = session.conn.execute("SELECT id FROM participants ORDER BY position").fetchone()[0]
    _, fresh = phones.issue_link(session, pid)
    ballot = _open(session)
    old = vote(app, tokens[0], ballot)
    assert old.status == 401 and old.json()["error"] == "link_revoked"
    assert app.handle(req(target=f"/j/{tokens[0]}")).status == 404
    me = app.handle(req(target="/api/me", cookie=f"cw_link={tokens[0]}"))
    assert me.status == 401 and "Max-Age=0" in dict(me.headers)["Set-Cookie"]
    assert vote(app, fresh, ballot, client_id="d" * 20).status == 200
    assert session.conn.execute("SELECT count(*) FROM votes").fetchone()[0] == 1


def test_failed_links_and_codes_are_rate_limited_per_client(room):
    session, app, tokens, clock = room
    for _ in range(guard.MAX_FAILURES):
        assert app.handle(req(target=f"/j/{new_token()}")).status == 404
    limited = app.handle(req(target=f"/j/{tokens[0]}"))  # even the right link now waits
    assert limited.status == 429 and int(dict(limited.headers)["Retry-After"]) >= 1
    other = app.handle(req(target=f"/j/{tokens[0]}", client="192.168.1.51"))
    assert other.status == 303  # another phone is not punished
    clock.now += guard.WINDOW + 1
    assert app.handle(req(target=f"/j/{tokens[0]}")).status == 303
    colleges = [c for (c,) in session.conn.execute("SELECT id FROM colleges ORDER BY id")]
    _, codes = phones.issue_codes(session, colleges[0], 3)
    ballot = _open(session, "codes")
    for i in range(guard.MAX_FAILURES):
        r = vote(app, "", ballot, client_id=f"guess{i:020d}", code="0000-0000-0000")
        assert r.status == 401 and r.json()["error"] == "bad_code"
    r = vote(app, "", ballot, client_id="right" * 4, code=codes[0])
    assert r.status == 429
    clock.now += guard.WINDOW + 1
    assert vote(app, "", ballot, client_id="right" * 4, code=codes[0]).status == 200


def test_a_resubmission_is_acknowledged_once_and_never_counted_twice(room):
    session, app, tokens, _ = room
    ballot = _open(session, "secret")
    first = vote(app, tokens[0], ballot, "against", client_id="k" * 22)
    again = vote(app, tokens[0], ballot, "against", client_id="k" * 22)
    assert first.status == again.status == 200 and first.body == again.body
    other = vote(app, tokens[0], ballot, "for", client_id="m" * 22)
    assert other.status == 409 and other.json()["error"] == "already_voted"
    stolen = vote(app, tokens[1], ballot, "against", client_id="k" * 22)  # another credential
    assert stolen.status == 400
    counts = session.conn.execute("SELECT sum(n) FROM ballot_counts").fetchone()[0]
    assert counts == 1


def test_no_tally_through_any_route_while_open_then_the_result(room):
    session, app, tokens, _ = room
    ballot = _open(session)
    vote(app, tokens[0], ballot, "for")
    vote(app, tokens[1], ballot, "against", client_id="z" * 20)
    state = app.handle(req(target="/api/state"))
    assert state.json()["result"] is None and state.json()["ballot"]["id"] == ballot
    assert b'"n"' not in state.body and b"totals" not in state.body
    ballots.close_ballot(session, ballot)
    app.notify_changed()
    result = app.handle(req(target="/api/state")).json()["result"]
    assert {t["value"]: t["n"] for t in result["totals"]} == {"for": 1, "against": 1, "abstain": 0}


def test_a_304_when_nothing_changed(room):
    _, app, _, _ = room
    first = app.handle(req(target="/api/state"))
    etag = dict(first.headers)["ETag"]
    assert app.handle(req(target="/api/state", if_none_match=etag)).status == 304


def test_codes_are_forgiving_to_type_and_stored_only_as_hashes(room):
    session, _, _, _ = room
    college = session.conn.execute("SELECT id FROM colleges LIMIT 1").fetchone()[0]
    _, codes = phones.issue_codes(session, college, 5)
    code = codes[0]
    assert normalise_code(code.lower().replace("-", "  ").replace("0", "o")) == code.replace(
        "-", ""
    )
    assert normalise_code("UUUU-UUUU-UUUU") is None and normalise_code("abc") is None
    dumped = "\n".join(str(r) for r in session.conn.iterdump())
    assert not any(c.replace("-", "") in dumped or c in dumped for c in codes)
    ballot = _open(session, "codes")
    with pytest.raises(phones.VoteError):
        phones.issue_codes(session, college, 1)  # not while a round by codes is open
    ballots.cancel_ballot(session, ballot)
    assert session.conn.execute("SELECT count(*) FROM code_votes").fetchone()[0] == 0
