"""The phone API as a pure function from a parsed request to a response (no sockets).

``PhoneApp.handle`` applies every rule of docs/phone-api.md: Host and Origin, sizes,
failure limits, cookies, idempotent submissions, no tally while a ballot is open, no stack
trace in any answer. Everything touching the workshop is a function handed to
``run_on_owner``; the server (``server.py``) only parses bytes into a ``Request`` and writes
the ``Response`` back.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from workshop.errors import InvalidInput, VoteError, WorkshopError, WriteFailed
from workshop.operations import phones
from workshop.remote import guard, state
from workshop.remote.credentials import receipt, valid_token
from workshop.remote.owner import OwnerUnavailable, RunOnOwner
from workshop.session import Changes, Session

LINK_COOKIE = "cw_link"
DEVICE_COOKIE = "cw_device"
LINK_MAX_AGE = 2 * 24 * 3600
#: A phone counts as connected while it polled in the last this many seconds.
CONNECTED_WINDOW = 20.0
#: The room's state is recomputed at most this often unless a change is notified.
STATE_TTL = 1.0
MAX_DEVICES = 10_000
MAX_REMEMBERED = 20_000  # acknowledged submissions kept for idempotent retries

CLIENT_ID_RE = re.compile(r"[A-Za-z0-9_-]{16,64}")
VOTE_FIELDS = frozenset({"client_id", "ballot_id", "choice", "reason", "code"})

SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("Cache-Control", "no-store"),
    ("Pragma", "no-cache"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self';"
        " frame-ancestors 'none'",
    ),
)

_NOT_FOUND_HTML = (
    "<!doctype html><html lang=fr><meta charset=utf-8><title>Atelier Charte</title>"
    "<p lang=fr>Lien inconnu ou remplacé : demandez-en un nouveau.</p>"
    "<p lang=en>Unknown or replaced link: ask for a new one.</p></html>"
).encode()

_PLACEHOLDER = (
    "<!doctype html><html lang=fr><meta charset=utf-8><title>Atelier Charte</title>"
    "<p>Page du téléphone absente. / Phone page missing.</p></html>"
).encode()


@dataclass(frozen=True)
class Request:
    """One HTTP request as the server parsed it; header names in lower case."""

    method: str
    target: str
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    client: str = "127.0.0.1"


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = "application/json; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)

    def json(self) -> Any:
        return json.loads(self.body)


def _json(status: int, value: object, headers: list[tuple[str, str]] | None = None) -> Response:
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    return Response(status, body, headers=headers or [])


def error(status: int, code: str, fr: str, en: str, **extra: str) -> Response:
    """A JSON refusal: a code the page switches on, and the message in both languages."""
    headers = [(k.replace("_", "-").title(), v) for k, v in extra.items()]
    return _json(status, {"error": code, "message": {"fr": fr, "en": en}}, headers)


def _from(exc: WorkshopError, status: int, code: str) -> Response:
    return error(status, code, exc.fr, exc.en)


def cookies(header: str | None) -> dict[str, str]:
    """The request's cookies (first value of each name), read strictly."""
    found: dict[str, str] = {}
    for part in (header or "").split(";")[:50]:
        name, sep, value = part.strip().partition("=")
        if sep and name and name not in found:
            found[name] = value.strip().strip('"')
    return found


def _cookie(name: str, value: str, max_age: int) -> tuple[str, str]:
    return (
        "Set-Cookie",
        f"{name}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}",
    )


class PhoneApp:
    """The phone API's rules and memory (devices seen, acknowledged submissions)."""

    def __init__(
        self,
        run_on_owner: RunOnOwner,
        host: str,
        port: int,
        *,
        on_changes: Callable[[Changes], None] | None = None,
        page: Mapping[str, tuple[str, bytes]] | None = None,
        limiter: guard.FailureLimiter | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.run_on_owner = run_on_owner
        self.host, self.port = host, port
        self.on_changes = on_changes
        self.page = dict(page or {})
        self.limiter = limiter or guard.FailureLimiter(clock=clock)
        self.clock = clock
        self._lock = threading.Lock()
        self._devices: OrderedDict[str, float] = OrderedDict()
        self._acks: OrderedDict[str, tuple[str, Response]] = OrderedDict()
        self._inflight: dict[str, threading.Event] = {}
        self._generation = 0
        self._state: tuple[int, float, str, bytes] | None = None  # gen, at, etag, body
        self._state_lock = threading.Lock()

    def handle_refusal(self, response: Response) -> Response:
        """A refusal made before parsing (by the server layer), with the same headers."""
        response.headers.extend(SECURITY_HEADERS)
        return response

    # -- what the console asks ----------------------------------------------------------
    def notify_changed(self) -> None:
        """Something changed in the workshop: the next poll recomputes the state."""
        with self._lock:
            self._generation += 1

    def connected_phones(self) -> int:
        """Devices that polled within ``CONNECTED_WINDOW`` seconds."""
        since = self.clock() - CONNECTED_WINDOW
        with self._lock:
            return sum(1 for seen in self._devices.values() if seen >= since)

    # -- the entry point ----------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        """Answer one request; never raises, never shows a stack trace."""
        try:
            response = self._route(request)
        except Exception:  # a bug: say so plainly, reveal nothing
            response = error(500, "internal", "Erreur interne.", "Internal error.")
        response.headers.extend(SECURITY_HEADERS)
        return response

    def _route(self, request: Request) -> Response:
        if len(request.target) > guard.MAX_PATH:
            return error(414, "uri_too_long", "Adresse trop longue.", "Address too long.")
        if not guard.host_ok(request.headers.get("host"), self.host, self.port):
            return error(421, "bad_host", "Adresse inconnue.", "Unknown address.")
        path = request.target.split("?", 1)[0].split("#", 1)[0]
        method = "GET" if request.method == "HEAD" else request.method
        routes: dict[str, tuple[str, Callable[[Request], Response]]] = {
            "/": ("GET", self._index),
            "/api/state": ("GET", self._state_route),
            "/api/me": ("GET", self._me),
            "/api/vote": ("POST", self._vote),
            "/api/leave": ("POST", self._leave),
            "/healthz": ("GET", lambda _: _json(200, {"ok": True})),
        }
        if path in routes:
            allowed, handler = routes[path]
        elif path.startswith("/j/"):
            allowed, handler = "GET", lambda r: self._join(r, path[3:])
        elif path.startswith("/static/"):
            allowed, handler = "GET", lambda r: self._static(path[8:])
        else:
            return error(404, "not_found", "Introuvable.", "Not found.")
        if method != allowed:
            allow = "GET, HEAD" if allowed == "GET" else allowed
            return error(
                405, "method_not_allowed", "Méthode refusée.", "Method not allowed.", allow=allow
            )
        if method == "POST":
            refused = self._post_checks(request)
            if refused is not None:
                return refused
        return handler(request)

    def _post_checks(self, request: Request) -> Response | None:
        if not guard.origin_ok(request.headers.get("origin"), self.host, self.port):
            return error(403, "bad_origin", "Origine refusée.", "Origin refused.")
        kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if kind != "application/json":
            return error(415, "bad_content_type", "JSON attendu.", "JSON expected.")
        if len(request.body) > guard.MAX_BODY:
            return error(413, "too_large", "Requête trop grande.", "Request too large.")
        return None

    # -- page ---------------------------------------------------------------------------
    def _index(self, _: Request) -> Response:
        kind, data = self.page.get("index.html", ("text/html; charset=utf-8", _PLACEHOLDER))
        return Response(200, data, kind)

    def _static(self, name: str) -> Response:
        found = self.page.get(name) if name != "index.html" else None
        if found is None:
            return error(404, "not_found", "Introuvable.", "Not found.")
        return Response(200, found[1], found[0])

    # -- credentials ----------------------------------------------------------------------
    def _limited(self, client: str) -> Response | None:
        wait = self.limiter.retry_after(client)
        if wait:
            return error(
                429,
                "rate_limited",
                "Trop d’essais : patientez une minute.",
                "Too many attempts: wait a minute.",
                retry_after=str(wait),
            )
        return None

    def _person(self, token: str) -> state.Person | None:
        return self.run_on_owner(lambda s: state.person_for_token(s, token))

    def _join(self, request: Request, raw: str) -> Response:
        limited = self._limited(request.client)
        if limited is not None:
            return limited
        token = valid_token(raw)
        if token is None or self._person(token) is None:
            self.limiter.failed(request.client)
            return Response(404, _NOT_FOUND_HTML, "text/html; charset=utf-8")
        return Response(
            303, b"", headers=[("Location", "/"), _cookie(LINK_COOKIE, token, LINK_MAX_AGE)]
        )

    def _me(self, request: Request) -> Response:
        raw = cookies(request.headers.get("cookie")).get(LINK_COOKIE)
        if raw is None:
            return error(401, "no_link", "Aucun lien personnel.", "No personal link.")
        limited = self._limited(request.client)
        if limited is not None:
            return limited
        token = valid_token(raw)

        def read(session: Session) -> dict[str, Any] | None:
            person = None if token is None else state.person_for_token(session, token)
            return None if person is None else state.my_state(session, person)

        mine = self.run_on_owner(read)
        if mine is None:
            self.limiter.failed(request.client)
            response = error(
                401, "link_revoked", "Lien inconnu ou remplacé.", "Unknown or replaced link."
            )
            response.headers.append(_cookie(LINK_COOKIE, "", 0))
            return response
        return _json(200, mine)

    def _leave(self, _: Request) -> Response:
        return _json(200, {"left": True}, [_cookie(LINK_COOKIE, "", 0)])

    # -- the room's state ---------------------------------------------------------------
    def _seen(self, request: Request) -> list[tuple[str, str]]:
        device = cookies(request.headers.get("cookie")).get(DEVICE_COOKIE)
        headers = []
        if device is None or valid_token(device) is None:
            device = secrets.token_urlsafe(16)
            headers.append(_cookie(DEVICE_COOKIE, device, LINK_MAX_AGE))
        with self._lock:
            self._devices[device] = self.clock()
            self._devices.move_to_end(device)
            while len(self._devices) > MAX_DEVICES:
                self._devices.popitem(last=False)
        return headers

    def current_state(self) -> tuple[str, bytes]:
        """(etag, JSON body) of the room's state, recomputed once for all phones."""
        with self._lock:
            generation = self._generation
        cached = self._state
        now = self.clock()
        if cached and cached[0] == generation and now - cached[1] < STATE_TTL:
            return cached[2], cached[3]
        with self._state_lock:  # one recomputation, however many phones poll
            cached = self._state
            if cached and cached[0] == generation and self.clock() - cached[1] < STATE_TTL:
                return cached[2], cached[3]
            value = self.run_on_owner(state.public_state)
            plain = json.dumps(value, ensure_ascii=False, sort_keys=True).encode()
            version = hashlib.sha256(plain).hexdigest()[:16]
            value["version"] = version
            body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
            self._state = (generation, now, f'"{version}"', body)
            return self._state[2], body

    def _state_route(self, request: Request) -> Response:
        headers = self._seen(request)
        etag, body = self.current_state()
        headers.append(("ETag", etag))
        if request.headers.get("if-none-match", "").strip() == etag:
            return Response(304, b"", headers=headers)
        return Response(200, body, headers=headers)

    # -- voting -------------------------------------------------------------------------
    def _parse_vote(self, body: bytes) -> dict[str, Any] | Response:
        bad = error(400, "bad_request", "Requête invalide.", "Invalid request.")
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return bad
        if not isinstance(data, dict) or not set(data) <= VOTE_FIELDS:
            return bad
        client_id, ballot_id = data.get("client_id"), data.get("ballot_id")
        choice, reason, code = data.get("choice"), data.get("reason"), data.get("code")
        if not (isinstance(client_id, str) and CLIENT_ID_RE.fullmatch(client_id)):
            return bad
        if not isinstance(ballot_id, int) or isinstance(ballot_id, bool) or ballot_id < 1:
            return bad
        if not isinstance(choice, str) or not 0 < len(choice) <= 32:
            return bad
        if reason is not None and (not isinstance(reason, str) or len(reason) > guard.MAX_REASON):
            return bad
        if code is not None and (not isinstance(code, str) or len(code) > 40):
            return bad
        return data

    def _vote(self, request: Request) -> Response:
        data = self._parse_vote(request.body)
        if isinstance(data, Response):
            return data
        client_id: str = data["client_id"]
        token = cookies(request.headers.get("cookie")).get(LINK_COOKIE)
        code = data.get("code")
        if code is None and token is None:
            return error(401, "no_link", "Aucun lien personnel.", "No personal link.")
        credential = hashlib.sha256(f"{code or ''}\0{token or ''}".encode()).hexdigest()
        while True:  # one submission at a time per client id; retries get the first answer
            with self._lock:
                known = self._acks.get(client_id)
                if known is not None:
                    if known[0] != credential:
                        return error(400, "bad_request", "Requête invalide.", "Invalid request.")
                    return Response(known[1].status, known[1].body)
                running = self._inflight.get(client_id)
                if running is None:
                    self._inflight[client_id] = threading.Event()
                    break
            running.wait(guard.SOCKET_TIMEOUT)
        try:
            response = self._record(request, data, token, code)
            if response.status == 200:
                with self._lock:
                    self._acks[client_id] = (credential, response)
                    while len(self._acks) > MAX_REMEMBERED:
                        self._acks.popitem(last=False)
            return response
        finally:
            with self._lock:
                self._inflight.pop(client_id).set()

    def _record(
        self, request: Request, data: dict[str, Any], token: str | None, code: str | None
    ) -> Response:
        limited = self._limited(request.client)
        if limited is not None:
            return limited
        checked = None if token is None else valid_token(token)

        def cast(session: Session) -> state.Recorded:
            recorded = state.vote(
                session,
                data["ballot_id"],
                data["choice"],
                data.get("reason"),
                token=checked if token is not None else None,
                code=code,
            )
            if self.on_changes is not None:
                self.on_changes(recorded.changes)
            return recorded

        try:
            if token is not None and checked is None and code is None:
                raise state.LinkRefused("Lien inconnu ou remplacé.", "Unknown or replaced link.")
            recorded: state.Recorded = self.run_on_owner(cast)
        except state.LinkRefused as exc:
            self.limiter.failed(request.client)
            response = _from(exc, 401, "link_revoked")
            response.headers.append(_cookie(LINK_COOKIE, "", 0))
            return response
        except phones.CodeRefused as exc:
            self.limiter.failed(request.client)
            return _from(exc, 401, "bad_code")
        except state.NoBallot as exc:
            return _from(exc, 409, "no_ballot")
        except state.BallotChanged as exc:
            return _from(exc, 409, "ballot_changed")
        except phones.AlreadyVoted as exc:
            return _from(exc, 409, "already_voted")
        except state.NotAVoter as exc:
            return _from(exc, 409, "not_a_voter")
        except VoteError as exc:
            return _from(exc, 409, "vote_refused")
        except InvalidInput as exc:
            return _from(exc, 422, "invalid")
        except WriteFailed as exc:
            return _from(exc, 503, "not_recorded")
        except OwnerUnavailable as exc:
            return _from(exc, 503, "busy")
        except WorkshopError as exc:
            return _from(exc, 422, "invalid")
        self.notify_changed()
        at = recorded.at[11:16]
        return _json(
            200,
            {
                "recorded": True,
                "ballot_id": recorded.ballot_id,
                "at": at,
                "receipt": receipt(data["client_id"]),
                "changed": recorded.changed,
            },
        )
