"""The phone server: ``http.server.ThreadingHTTPServer`` around ``PhoneApp``.

The standard library's server does only basic checks (its documentation says so): sizes,
timeouts, the number of connections and the bound address are ours, here; every rule about
what a request may do is in ``app.PhoneApp``. The socket is bound to one address chosen by
the facilitator, never to every interface unless asked for explicitly.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from workshop.errors import WorkshopError
from workshop.remote import guard
from workshop.remote.app import PhoneApp, Request, Response, error
from workshop.remote.owner import RunOnOwner
from workshop.remote.page import load_page
from workshop.session import Changes

#: Answers after which the connection is closed: the client is not a well-behaved page.
_CLOSING = frozenset({400, 411, 413, 414, 421, 431, 500})


class NetworkError(WorkshopError):
    """The server could not listen on the chosen address."""


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "CharterWorkshop"
    sys_version = ""
    timeout = guard.SOCKET_TIMEOUT
    # An answer is two writes (head, then body): with Nagle's algorithm the body waits for
    # the phone's delayed ACK of the head, 40 ms or more on every answer.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """No access log: a path may carry a personal link."""

    def _send(self, response: Response, head_only: bool = False) -> None:
        if response.status in _CLOSING:
            self.close_connection = True
        self.send_response_only(response.status)
        self.send_header("Server", self.server_version)
        self.send_header("Date", self.date_time_string())
        if response.status != 304:
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers:
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        # Head and body in one write (one packet for a small answer, one system call):
        # http.server's end_headers would flush the head alone.
        head: list[bytes] = self._headers_buffer  # type: ignore[attr-defined]
        head.append(b"\r\n")
        if response.body and not head_only and response.status != 304:
            head.append(response.body)
        self.flush_headers()

    def _refuse(self, status: int, code: str, fr: str, en: str) -> None:
        self.close_connection = True
        self._send(self.server.app.handle_refusal(error(status, code, fr, en)))

    def handle_one_request(self) -> None:
        """Read one request within our limits, answer it through the app."""
        try:
            self.raw_requestline = self.rfile.readline(guard.MAX_PATH + 64)
            if not self.raw_requestline:
                self.close_connection = True
                return
            if len(self.raw_requestline) > guard.MAX_PATH + 32:
                self.requestline, self.request_version = "", "HTTP/1.1"
                self._refuse(414, "uri_too_long", "Adresse trop longue.", "Address too long.")
                return
            if not self.parse_request():  # answered by http.server (400, 431...)
                return
            if len(self.headers) > guard.MAX_HEADERS or (
                sum(len(k) + len(v) for k, v in self.headers.items()) > guard.MAX_HEADER_BYTES
            ):
                self._refuse(
                    431, "headers_too_large", "En-têtes trop grands.", "Headers too large."
                )
                return
            body = b""
            if self.command == "POST":
                length = self.headers.get("Content-Length")
                if self.headers.get("Transfer-Encoding") or length is None:
                    self._refuse(411, "length_required", "Longueur requise.", "Length required.")
                    return
                if not length.isdigit() or int(length) > guard.MAX_BODY:
                    self._refuse(413, "too_large", "Requête trop grande.", "Request too large.")
                    return
                body = self.rfile.read(int(length))
            request = Request(
                self.command,
                self.path,
                {k.lower(): v for k, v in self.headers.items()},
                body,
                self.client_address[0],
            )
            self._send(self.server.app.handle(request), head_only=self.command == "HEAD")
            self.wfile.flush()
        except (TimeoutError, ConnectionError, OSError):
            self.close_connection = True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (bad request line, too many headers), without HTML."""
        self.close_connection = True
        self.request_version = "HTTP/1.1"  # never an HTTP/0.9 answer without a status line
        if code == 431 or code == 414:
            refusal = error(code, "too_large", "Requête trop grande.", "Request too large.")
            with contextlib.suppress(OSError):
                self._send(self.server.app.handle_refusal(refusal))
            return
        with contextlib.suppress(OSError):
            self._send(
                self.server.app.handle_refusal(
                    error(code, "bad_request", "Requête invalide.", "Invalid request.")
                )
            )


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], app: PhoneApp) -> None:
        self.app = app
        self._slots = threading.BoundedSemaphore(guard.MAX_CONNECTIONS)
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):  # too many at once: close at once
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except Exception:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """No traceback on the console for a client's broken connection."""


class PhoneServer:
    """Serves the phone page and API on one address, in a background thread."""

    def __init__(
        self,
        run_on_owner: RunOnOwner,
        host: str,
        port: int = 0,
        *,
        on_changes: Callable[[Changes], None] | None = None,
        page: dict[str, tuple[str, bytes]] | None = None,
    ) -> None:
        self._run_on_owner = run_on_owner
        self._host, self._port = host, port
        self._on_changes = on_changes
        self._page = page
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.app: PhoneApp | None = None

    def start(self) -> None:
        """Bind and serve; NetworkError (one line, fr/en) if the address cannot be used."""
        if self._server is not None:
            return
        page = self._page if self._page is not None else load_page()
        app = PhoneApp(self._run_on_owner, self._host, self._port, on_changes=self._on_changes,
                       page=page)  # fmt: skip
        try:
            server = _Server((self._host, self._port), app)
        except (OSError, OverflowError) as exc:
            detail = getattr(exc, "strerror", None) or type(exc).__name__
            raise NetworkError(
                f"Impossible d’écouter sur {self._host}:{self._port} ({detail}).",
                f"Cannot listen on {self._host}:{self._port} ({detail}).",
            ) from None
        app.port = server.server_address[1]
        self.app, self._server = app, server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True,
            name="phone-server",
        )  # fmt: skip
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and close the socket (phones then see the page as offline)."""
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if thread is not None:
            thread.join(5)

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def address(self) -> tuple[str, int]:
        """(address, port) actually bound (the port is chosen by the system for port 0)."""
        if self.app is None:
            return self._host, self._port
        return self.app.host, self.app.port

    @property
    def base_url(self) -> str:
        host, port = self.address
        return f"http://{host}/" if port == 80 else f"http://{host}:{port}/"

    def join_url(self, token: str) -> str:
        """The personal link to print or show as a QR code."""
        return f"{self.base_url}j/{token}"

    def connected_phones(self) -> int:
        return 0 if self.app is None else self.app.connected_phones()

    def notify_changed(self) -> None:
        if self.app is not None:
            self.app.notify_changed()

    def __enter__(self) -> PhoneServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def free_port(host: str = "127.0.0.1") -> int:
    """A port free now on ``host`` (tests and rehearsals)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])
