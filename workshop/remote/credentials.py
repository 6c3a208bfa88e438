"""Personal links and drawn codes: how they are made, read back and hashed.

Pure functions, no storage: the file keeps only the digests (``workshop.operations.phones``).
A link token is 128 random bits; a drawn code is 60 random bits in Crockford base 32,
forgiving to type. Both are hashed with a purpose prefix, so a link can never pass as a
code. Random tokens of this size need no slow hash: there is nothing to guess a dictionary
from, and guessing online is rate-limited.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

#: A link token as ``secrets.token_urlsafe(16)`` writes it: 22 characters, 128 bits.
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{22}")
#: Crockford's base 32 (no I, L, O, U).
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12  # 60 bits
_CODE_FIX = str.maketrans({"O": "0", "I": "1", "L": "1"})
_SEPARATORS = re.compile(r"[\s\-‐‑–—_.]+")


def new_token() -> str:
    """A fresh personal-link token (128 random bits)."""
    return secrets.token_urlsafe(16)


def token_hash(token: str) -> str:
    """The digest stored for a link token."""
    return hashlib.sha256(b"cw-link:" + token.encode("ascii")).hexdigest()


def valid_token(value: object) -> str | None:
    """``value`` if it has the exact form of a token, else None (hostile input)."""
    if isinstance(value, str) and TOKEN_RE.fullmatch(value):
        return value
    return None


def new_code() -> str:
    """A fresh drawn code, printed in three groups: ``7F3K-Q9XM-2PDA``."""
    raw = "".join(secrets.choice(CROCKFORD) for _ in range(CODE_LENGTH))
    return format_code(raw)


def format_code(raw: str) -> str:
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise_code(value: object) -> str | None:
    """The code's 12 characters, however typed (case, spaces, dashes, O/0, I/L/1), or None."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    raw = _SEPARATORS.sub("", value).upper().translate(_CODE_FIX)
    if len(raw) != CODE_LENGTH or any(c not in CROCKFORD for c in raw):
        return None
    return raw


def code_hash(normalised: str) -> str:
    """The digest stored for a drawn code (from ``normalise_code``)."""
    return hashlib.sha256(b"cw-code:" + normalised.encode("ascii")).hexdigest()


def same_digest(a: str, b: str) -> bool:
    """Constant-time comparison of two digests."""
    return hmac.compare_digest(a.encode("ascii"), b.encode("ascii"))


def receipt(client_id: str) -> str:
    """Four characters the phone shows with its acknowledgement (never stored)."""
    digest = hashlib.sha256(b"cw-receipt:" + client_id.encode("ascii")).digest()
    n = int.from_bytes(digest[:3], "big")
    return "".join(CROCKFORD[(n >> (5 * i)) & 31] for i in range(4))
