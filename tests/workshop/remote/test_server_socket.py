"""The socket layer's own refusals (before the app): sizes, lengths, headers, Host."""

from __future__ import annotations

import socket

import pytest

from tests.workshop.remote.room import Phone, Room


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    room = Room(tmp_path_factory.mktemp("socket") / "room.charter", 4)
    server = room.start_server()
    yield server
    room.close()


def _raw(server, data: bytes) -> bytes:
    host, port = server.address
    with socket.create_connection((host, port), timeout=10) as s:
        s.sendall(data)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)


def _status(reply: bytes) -> int:
    return int(reply.split(b" ", 2)[1])


def test_oversized_and_unsized_bodies_are_refused_unread(served):
    host, port = served.address
    head = f"POST /api/vote HTTP/1.1\r\nHost: {host}:{port}\r\nOrigin: http://{host}:{port}\r\n"
    head += "Content-Type: application/json\r\n"
    assert _status(_raw(served, (head + "Content-Length: 9000000\r\n\r\n").encode())) == 413
    assert _status(_raw(served, (head + "Content-Length: -1\r\n\r\n").encode())) == 413
    assert _status(_raw(served, (head + "\r\n").encode())) == 411
    chunked = head + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
    assert _status(_raw(served, chunked.encode())) == 411


def test_long_lines_many_headers_and_foreign_hosts_are_refused(served):
    host, port = served.address
    reply = _raw(served, b"GET /" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert _status(reply) == 414
    many = "".join(f"X-{i}: {i}\r\n" for i in range(60))
    reply = _raw(served, f"GET / HTTP/1.1\r\nHost: {host}:{port}\r\n{many}\r\n".encode())
    assert _status(reply) == 431
    reply = _raw(served, b"GET / HTTP/1.1\r\nHost: rebound.example\r\n\r\n")
    assert _status(reply) == 421
    reply = _raw(served, b"garbage\r\n\r\n")
    assert _status(reply) == 400 and b"Traceback" not in reply
    phone = Phone(served)
    status, headers, body = phone.get("/")
    assert status == 200 and headers["server"] == "CharterWorkshop"
    assert b"/static/app.js" in body  # the packaged page, from resources/phone/
    status, headers, _ = phone.get("/static/app.js")
    assert status == 200 and headers["content-type"].startswith("text/javascript")
    phone.close()
