"""``python -m bench.phone_client``: 100 phones, in a process of their own, on loopback.

Phones are other machines: their requests must not share the server's interpreter (and
its GIL), or the measure would time the phones as much as the server. One thread drives
every phone's keep-alive connection with a selector: it sends all the requests of a
round at once, then stamps each answer the moment its last byte arrives, so a phone's
time is from its request sent to its acknowledgement read, with no thread scheduling of
ours inside.

Reads one JSON object on stdin (``host``, ``port``, ``ballot``, ``tokens``, ``rounds``)
and writes ``{"votes": [...], "floor": [...]}`` (seconds) on stdout.
"""

from __future__ import annotations

import json
import secrets
import selectors
import socket
import sys
import time


def _request(method: str, path: str, host: str, body: bytes = b"", **headers: str) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    if method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


class _Reply:
    """Bytes of one answer as they arrive; ``done`` once its body is complete."""

    def __init__(self) -> None:
        self.data = b""
        self.status = 0
        self.expected: int | None = None

    def feed(self, chunk: bytes) -> bool:
        self.data += chunk
        if self.expected is None:
            head, sep, _ = self.data.partition(b"\r\n\r\n")
            if not sep:
                return False
            lines = head.decode("latin-1").split("\r\n")
            self.status = int(lines[0].split()[1])
            length = 0
            for line in lines[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            self.expected = len(head) + 4 + length
        return len(self.data) >= self.expected


def _round(socks: list[socket.socket], payloads: list[bytes]) -> list[float]:
    """Send every payload at once; each phone's seconds from its send to its answer."""
    selector = selectors.DefaultSelector()
    sent: dict[int, float] = {}
    elapsed: dict[int, float] = {}
    replies = {i: _Reply() for i in range(len(socks))}
    for i, sock in enumerate(socks):
        selector.register(sock, selectors.EVENT_READ, i)
    for i, sock in enumerate(socks):
        sent[i] = time.perf_counter()
        sock.sendall(payloads[i])
    while len(elapsed) < len(socks):
        for key, _ in selector.select(timeout=120):
            i = key.data
            chunk = key.fileobj.recv(65536)  # type: ignore[union-attr]
            if not chunk:
                raise RuntimeError(f"phone {i}: connection closed")
            if replies[i].feed(chunk):
                elapsed[i] = time.perf_counter() - sent[i]
                selector.unregister(key.fileobj)
                if replies[i].status != 200:
                    raise RuntimeError(f"phone {i}: HTTP {replies[i].status}")
                replies[i] = _Reply()
    selector.close()
    return [elapsed[i] for i in range(len(socks))]


def main() -> int:
    job = json.load(sys.stdin)
    host, port, tokens = job["host"], int(job["port"]), job["tokens"]
    where = f"{host}:{port}"
    socks = []
    for _ in tokens:
        sock = socket.create_connection((host, port), timeout=120)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        socks.append(sock)
    health = [_request("GET", "/healthz", where)] * len(socks)
    _round(socks, health)  # untimed: phones in the room already have the page open
    votes: list[float] = []
    floor: list[float] = []
    for k in range(int(job["rounds"])):
        floor += _round(socks, health)
        payloads = []
        for i, token in enumerate(tokens):
            body = json.dumps(
                {
                    "client_id": secrets.token_urlsafe(16),
                    "ballot_id": job["ballot"],
                    "choice": ("for", "against", "abstain")[(i + k) % 3],
                }
            ).encode()
            payloads.append(
                _request(
                    "POST",
                    "/api/vote",
                    where,
                    body,
                    Origin=f"http://{where}",
                    Content_Type="application/json",
                    Cookie=f"cw_link={token}",
                )  # fmt: skip
            )
        votes += _round(socks, payloads)
    for sock in socks:
        sock.close()
    json.dump({"votes": votes, "floor": floor}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
