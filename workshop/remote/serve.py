"""``charter-workshop serve FILE``: the phone server without the console (rehearsals, tests).

The main thread owns the session and runs the server's jobs (``OwnerQueue``); the laptop is
kept awake while a round is open; Ctrl-C stops cleanly.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from workshop.errors import InvalidInput
from workshop.i18n import tr
from workshop.remote.awake import KeepAwake
from workshop.remote.network import lan_addresses
from workshop.remote.owner import OwnerQueue
from workshop.remote.server import PhoneServer
from workshop.session import Session

DEFAULT_PORT = 8765


def choose_host(host: str | None) -> str:
    """The address given, else the first LAN address; never every interface by default."""
    if host:
        return host
    found = lan_addresses()
    if not found:
        raise InvalidInput(
            "Aucune adresse sur un réseau local : branchez le Wi-Fi, ou --host 127.0.0.1 "
            "pour une répétition sur cette machine.",
            "No address on a local network: join the Wi-Fi, or --host 127.0.0.1 to "
            "rehearse on this machine.",
        )
    return found[0].address


def serve(
    path: str,
    host: str | None = None,
    port: int = DEFAULT_PORT,
    *,
    issue_links: bool = False,
    cards: dict[str, Any] | None = None,
    out: Callable[[str], None] = print,
    stop: threading.Event | None = None,
) -> int:
    """Serve FILE's phones until Ctrl-C (or ``stop``); 0 when stopped cleanly."""
    address = choose_host(host)
    stop = stop or threading.Event()
    session = Session.open(path)
    owner = OwnerQueue()
    server = PhoneServer(owner, address, port)
    awake = KeepAwake()
    try:
        server.start()
        out(tr(f"Serveur des téléphones : {server.base_url}", f"Phone server: {server.base_url}"))
        if issue_links:
            from workshop.operations import phones

            people = session.conn.execute(
                "SELECT id, name FROM participants ORDER BY position, id"
            ).fetchall()
            if people:
                _, tokens = phones.issue_links(session, [pid for pid, _ in people])
                for pid, name in people:
                    out(f"  {name} : {server.join_url(tokens[pid])}")
        if cards:  # printed once the address is known: the cards carry the real one
            from workshop.remote.cards import print_cards

            for sheet in print_cards(session, server.join_url, server.base_url, **cards):
                out(tr(f"Cartes écrites : {sheet}", f"Cards written: {sheet}"))
        out(tr("Ctrl-C pour arrêter.", "Ctrl-C to stop."))

        def tick(s: Session) -> None:
            server.notify_changed()  # nothing else changes the file here but phones
            is_open = s.conn.execute("SELECT 1 FROM ballots WHERE state = 'open'").fetchone()
            if is_open and not awake.active:
                awake.start()
            elif not is_open and awake.active:
                awake.stop()

        owner.serve(session, stop, poll=0.5, tick=tick)
    except KeyboardInterrupt:  # Ctrl-C at any moment once serving began, even before the loop
        out(tr("Arrêt du serveur.", "Server stopped."))
    finally:
        owner.stop()
        server.stop()
        awake.stop()
        session.close()
    return 0
