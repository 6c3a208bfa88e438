"""Participants vote from their phones over the room's network (issue 15); no Qt here.

The contract (HTTP routes, JSON, cookies, errors, limits, and the Python interface the Qt
adapter calls) is ``docs/phone-api.md``. The server never touches a ``Session`` from its
own threads: every read and every vote is a function of the session handed to an injected
``run_on_owner(fn)``, which runs it in the thread that owns the session (the GUI thread in
the console, the main thread in ``charter-workshop serve``) and returns its result or
raises what it raised.

Modules: ``credentials`` (tokens, codes, hashes), ``state`` (reads and votes on the
session), ``app`` (request → response, no sockets), ``guard`` (Host/Origin, limits),
``server`` (ThreadingHTTPServer), ``owner`` (run_on_owner for ``serve``), ``network``
(LAN addresses), ``awake`` (keep the laptop awake), ``page`` (resources/phone/). The names
below are imported on first use, so that the domain can use ``credentials`` cheaply.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "PhoneServer": "workshop.remote.server",
    "NetworkError": "workshop.remote.server",
    "OwnerQueue": "workshop.remote.owner",
    "OwnerUnavailable": "workshop.remote.owner",
    "lan_addresses": "workshop.remote.network",
    "LanAddress": "workshop.remote.network",
    "KeepAwake": "workshop.remote.awake",
    "issue_link": "workshop.operations.phones",
    "issue_links": "workshop.operations.phones",
    "revoke_link": "workshop.operations.phones",
    "linked_participants": "workshop.operations.phones",
    "issue_codes": "workshop.operations.phones",
    "revoke_codes": "workshop.operations.phones",
    "code_counts": "workshop.operations.phones",
    "code_progress": "workshop.operations.phones",
    "cast_code": "workshop.operations.phones",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(name)
    return getattr(import_module(module), name)
