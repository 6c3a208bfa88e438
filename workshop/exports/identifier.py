"""One export identifier, so a reader knows which documents belong together.

The minutes, the draft charter, the votes CSV and the JSON bundle exported from the same
workshop state print the same identifier: a short fingerprint of the state (every recorded
fact, the audit trail included) and the moment of its last change. Exports never change
the workshop, so exporting one document after another keeps the identifier; any change
in between gives a new one. The fingerprint is taken before the name filter, so a
pseudonymised document carries the identifier of the state it was made from; a
fingerprint reveals nothing of what it was computed from.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace

# the unconverted bundle: its enumerations are str, which json writes as their value
from workshop.bundle.export import _bundle_of
from workshop.exports.common import ExportOptions
from workshop.read_model import Snapshot
from workshop.textfmt import clock, long_date, parse_moment

# Crockford's base 32: no I, L, O or U, so a code read aloud or retyped is not misread.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


@dataclass(frozen=True)
class ExportId:
    """« 7F3K-9Q2M » and the moment of the state it fingerprints (ISO, local time)."""

    code: str
    at: str

    def text(self, lang: str = "fr") -> str:
        """« 7F3K-9Q2M du 2 décembre 2026, 10 h 42 » / "7F3K-9Q2M of 2 December 2026, 10:42"."""
        when = f"{long_date(self.at, lang)}, {clock(self.at, lang)}"
        return f"{self.code} of {when}" if lang == "en" else f"{self.code} du {when}"


def _code(digest: bytes) -> str:
    value = int.from_bytes(digest[:5], "big")  # 40 bits: 8 characters of base 32
    chars = "".join(_ALPHABET[(value >> shift) & 31] for shift in range(35, -1, -5))
    return f"{chars[:4]}-{chars[4:]}"


def fingerprint(snap: Snapshot) -> bytes:
    """SHA-256 of the bundle's content: sorted keys, compact separators.

    The bundle's file form (``dumps_bundle``) is indented, which only Python's slow JSON
    encoder writes; the compact form holds the same facts in the same order and is
    written by the C encoder, several times faster (this runs at every export). The
    snapshot's enumerations are ``str`` subclasses: both encoders write their value.
    """
    text = json.dumps(
        _bundle_of(snap), ensure_ascii=False, sort_keys=True, separators=(",", ":"),
        allow_nan=False,
    )  # fmt: skip
    return hashlib.sha256(text.encode("utf-8")).digest()


def of(snap: Snapshot) -> ExportId:
    """The identifier of ``snap``'s state (load it with its audit trail)."""
    digest = fingerprint(snap)
    moments = [(m, e.at) for e in snap.audit if (m := parse_moment(e.at)) is not None]
    last = max(moments)[1] if moments else snap.workshop.created_at
    return ExportId(_code(digest), last)


def stamped(options: ExportOptions, snap: Snapshot) -> ExportOptions:
    """``options`` carrying the identifier of ``snap`` (before any name filter)."""
    return options if options.identifier else replace(options, identifier=of(snap))


def for_export(snap: Snapshot, options: ExportOptions) -> ExportId:
    """The identifier a writer prints: the one stamped by the registry, else ``snap``'s."""
    return options.identifier if isinstance(options.identifier, ExportId) else of(snap)
