"""The laptop's addresses on the room's network: up, not loopback, private IPv4.

The standard library cannot list interfaces' addresses on macOS and Windows, and the usual
tricks fail where it matters (``gethostbyname(gethostname())`` gives 127.0.0.1; a UDP
socket "towards" a public address fails on a network without gateway, such as a travel
router): ``ifaddr`` (MIT, pure Python, no dependencies) asks the system (getifaddrs,
GetAdaptersAddresses). The server binds to ONE of these, never to 0.0.0.0 by default.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

_LINK_LOCAL = ipaddress.ip_network("169.254.0.0/16")
#: Interfaces the room's phones cannot reach: containers, VPNs, virtual machines.
_VIRTUAL_PREFIXES = ("docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "tun", "tap", "utun")


@dataclass(frozen=True)
class LanAddress:
    """One address a phone on the same network can reach; ``name`` for the facilitator."""

    name: str
    address: str


def usable(address: str) -> bool:
    """A private IPv4 address that is neither loopback nor link-local (169.254/16)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return (
        ip.version == 4
        and ip.is_private
        and not ip.is_loopback
        and not ip.is_unspecified
        and ip not in _LINK_LOCAL
    )


def _is_down(name: str) -> bool:
    """Linux says whether an interface is down; elsewhere an address means it is up."""
    state = Path("/sys/class/net", name, "operstate")
    try:
        return state.read_text().strip() == "down"
    except OSError:
        return False


def lan_addresses() -> list[LanAddress]:
    """Usable addresses, physical-looking interfaces first, then by name."""
    import ifaddr

    found: list[LanAddress] = []
    for adapter in ifaddr.get_adapters():
        name = adapter.nice_name or adapter.name
        if _is_down(str(adapter.name)):
            continue
        for ip in adapter.ips:
            if isinstance(ip.ip, str) and usable(ip.ip):
                found.append(LanAddress(str(name), ip.ip))
    found = list(dict.fromkeys(found))
    found.sort(key=lambda a: (a.name.lower().startswith(_VIRTUAL_PREFIXES), a.name, a.address))
    return found
