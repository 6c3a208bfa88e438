"""A room for the phone tests: a workshop whose session lives in its own owner thread,
served on loopback, and simulated phones speaking HTTP to it."""

from __future__ import annotations

import http.client
import json
import secrets
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workshop.library import builtin_library
from workshop.operations import clauses, phones, roster, setup
from workshop.remote.owner import OwnerQueue
from workshop.remote.server import PhoneServer
from workshop.roster import RosterRow
from workshop.session import Session

COLLEGES = ("RH", "CSE")


class Room:
    """An owner thread holding the Session (as the console's GUI thread would)."""

    def __init__(self, path: Path, people: int = 100) -> None:
        self.owner = OwnerQueue(timeout=30)
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._main, args=(path, people), daemon=True)
        self._thread.start()
        self._ready.wait(60)
        if self._error is not None:
            raise self._error
        self.server: PhoneServer | None = None

    def _main(self, path: Path, people: int) -> None:
        try:
            session = setup.create(path, "Atelier « téléphones »", "ACME", "fr")
            rows = [
                RosterRow(i + 1, f"Łukasz Nguyễn-O’Brien {i}", "", COLLEGES[i % 2])
                for i in range(people)
            ]
            roster.add_participants(session, rows, create_colleges=True)
            lib = builtin_library("fr")
            clauses.add_clause(session, lib, lib.clauses[0].key)
        except BaseException as exc:
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        try:
            self.owner.serve(session, self._stop, poll=0.05)
        finally:
            session.close()

    def run(self, fn: Callable[[Session], Any]) -> Any:
        return self.owner(fn)

    def start_server(self, **kwargs: Any) -> PhoneServer:
        self.server = PhoneServer(self.owner, "127.0.0.1", 0, **kwargs)
        self.server.start()
        return self.server

    def close(self) -> None:
        if self.server is not None:
            self.server.stop()
        self._stop.set()
        self._thread.join(30)

    # -- helpers run on the session -----------------------------------------------------
    def participants(self) -> list[tuple[int, int]]:
        return self.run(
            lambda s: s.conn.execute(
                "SELECT id, college_id FROM participants ORDER BY position"
            ).fetchall()
        )

    def clause_id(self) -> int:
        return self.run(lambda s: s.conn.execute("SELECT id FROM clauses").fetchone()[0])

    def college_ids(self) -> dict[str, int]:
        return self.run(lambda s: dict(s.conn.execute("SELECT name, id FROM colleges")))

    def links(self) -> dict[int, str]:
        ids = [pid for pid, _ in self.participants()]
        return self.run(lambda s: phones.issue_links(s, ids)[1])


class Phone:
    """One simulated phone: its own connection and cookie jar."""

    def __init__(self, server: PhoneServer, host_header: str | None = None) -> None:
        self.host, self.port = server.address
        self.host_header = host_header or f"{self.host}:{self.port}"
        self.origin = f"http://{self.host}:{self.port}"
        self.cookies: dict[str, str] = {}
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], bytes]:
        sent = {"Host": self.host_header}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            sent["Content-Length"] = str(len(body))
        sent.update(headers or {})
        for attempt in range(2):
            try:
                self.conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
                for k, v in sent.items():
                    self.conn.putheader(k, v)
                self.conn.endheaders(body)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (ConnectionError, http.client.HTTPException):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                if attempt:
                    raise
        got = {k.lower(): v for k, v in response.getheaders()}
        for raw in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = raw.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in raw:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return response.status, got, data

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        return self.request("GET", path)

    def post(self, path: str, value: object, **headers: str) -> tuple[int, Any]:
        body = json.dumps(value).encode()
        sent = {"Origin": self.origin, "Content-Type": "application/json"}
        sent.update(headers)
        status, _, data = self.request("POST", path, body, sent)
        return status, json.loads(data) if data else None

    def join(self, token: str) -> int:
        status, _, _ = self.get(f"/j/{token}")
        return status

    def vote(self, ballot_id: int, choice: str, **extra: object) -> tuple[int, Any, str]:
        client_id = extra.pop("client_id", None) or secrets.token_urlsafe(16)
        status, body = self.post(
            "/api/vote", {"client_id": client_id, "ballot_id": ballot_id, "choice": choice, **extra}
        )
        return status, body, str(client_id)

    def close(self) -> None:
        self.conn.close()
