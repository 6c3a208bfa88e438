"""Guards of the phone server on a shared network: Host/Origin, failure limits, sizes.

The clock is injected, so the tests count failures without waiting.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

#: Failed links or codes a client may try in ``WINDOW`` seconds, then it waits.
MAX_FAILURES = 10
#: Failures from all clients together in ``WINDOW`` seconds (many addresses guessing).
MAX_FAILURES_ALL = 200
WINDOW = 60.0
#: Clients remembered at once (a flood of addresses cannot fill the memory).
MAX_CLIENTS = 4096

MAX_BODY = 8 * 1024
MAX_PATH = 512
MAX_HEADERS = 40
MAX_HEADER_BYTES = 8 * 1024
MAX_REASON = 2000
SOCKET_TIMEOUT = 10.0
MAX_CONNECTIONS = 256


class FailureLimiter:
    """Counts failed credentials per client in a sliding window; thread-safe."""

    def __init__(
        self,
        per_client: int = MAX_FAILURES,
        overall: int = MAX_FAILURES_ALL,
        window: float = WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._per_client = per_client
        self._overall = overall
        self._window = window
        self._clock = clock
        self._clients: dict[str, deque[float]] = {}
        self._all: deque[float] = deque()
        self._lock = threading.Lock()

    def _trim(self, times: deque[float], now: float) -> None:
        while times and times[0] <= now - self._window:
            times.popleft()

    def retry_after(self, client: str) -> int:
        """Seconds this client must wait before its next credential check (0: go ahead)."""
        now = self._clock()
        with self._lock:
            self._trim(self._all, now)
            waits = []
            if len(self._all) >= self._overall:
                waits.append(self._all[0] + self._window - now)
            times = self._clients.get(client)
            if times is not None:
                self._trim(times, now)
                if len(times) >= self._per_client:
                    waits.append(times[0] + self._window - now)
                elif not times:
                    del self._clients[client]
            return max(1, int(max(waits)) + 1) if waits else 0

    def failed(self, client: str) -> None:
        """Record one failed link, cookie or code from this client."""
        now = self._clock()
        with self._lock:
            times = self._clients.get(client)
            if times is None:
                if len(self._clients) >= MAX_CLIENTS:  # forget the oldest client
                    self._clients.pop(next(iter(self._clients)))
                times = self._clients[client] = deque()
            times.append(now)
            while len(times) > self._per_client:
                times.popleft()
            self._all.append(now)
            while len(self._all) > self._overall:
                self._all.popleft()


def expected_host(host: str, port: int) -> str:
    """The one ``Host`` header value the server answers to."""
    return host if port == 80 else f"{host}:{port}"


def host_ok(header: str | None, host: str, port: int) -> bool:
    """Whether ``Host`` names the bound address exactly (DNS rebinding: no other name)."""
    return header is not None and header.strip().lower() == expected_host(host, port).lower()


def origin_ok(header: str | None, host: str, port: int) -> bool:
    """Whether ``Origin`` is the page's own (CSRF: no other site may post)."""
    return header is not None and header.strip().lower() == (
        "http://" + expected_host(host, port).lower()
    )
