"""Fixtures for the console's phone side: a small workshop, the real server on loopback."""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Callable
from typing import Any

import pytest

from ui import dialogs
from workshop import snapshot as snap
from workshop.library import builtin_library
from workshop.operations import clauses, setup

PEOPLE = (
    ("Łukasz Nguyễn-O’Brien", 1),
    ("Bruno Martin", 1),
    ("Chantal Roy", 2),
    ("Didier Blanc", 2),
)


@pytest.fixture(autouse=True)
def _no_modals(monkeypatch):
    """Every confirmation says yes; no modal ever opens; info boxes are collected."""
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, _question: True)
    monkeypatch.setattr(dialogs, "show_info", lambda _parent, _message: None)


@pytest.fixture
def small(window, controller, tmp_path):
    """Four people in two colleges, one clause, on the clauses step; the server stopped after."""
    session = setup.create(tmp_path / "petit.charter", "Atelier", "Société", "fr")
    colleges = snap.load(session.conn).colleges
    for name, college in PEOPLE:
        setup.add_participant(session, name, colleges[college].id)
    clauses.add_clause(session, builtin_library("fr"), "ai-use")
    setup.go_to_step(session, "clauses")
    controller.adopt(session)
    page = window.pages["clauses"]
    page.tabs.setCurrentIndex(page.TAB_VOTE)
    yield window
    window.phones.stop()


class Phone:
    """One phone on a thread: its own cookies, requests made with http.client."""

    def __init__(self, base_url: str) -> None:
        hostport = base_url.removeprefix("http://").rstrip("/")
        self.host, port = hostport.rsplit(":", 1)
        self.port = int(port)
        self.origin = f"http://{hostport}"
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=15)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers |= {"Content-Type": "application/json", "Origin": self.origin}
        try:
            conn.request(method, path, body=data, headers=headers)
            response = conn.getresponse()
            raw = response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key] = rest.split(";", 1)[0]
            kind = response.getheader("Content-Type") or ""
            return response.status, json.loads(raw) if "json" in kind and raw else raw
        finally:
            conn.close()


def in_thread(qtbot, work: Callable[[], Any], timeout: int = 15000) -> Any:
    """Run ``work`` on a thread (a phone) while the GUI thread keeps serving; its result."""
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            out["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=timeout)
    if "error" in out:
        raise out["error"]
    return out["value"]
