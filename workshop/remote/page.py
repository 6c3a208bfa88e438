"""The phone page's files, served from the packaged ``resources/phone/`` folder.

Only the folder's own files, by exact flat name and known extension, are ever served: a
request's path is looked up in a dictionary built from the folder's listing, never joined
to a file-system path, so there is no traversal and no directory listing.
"""

from __future__ import annotations

import re
from importlib.resources import files
from types import MappingProxyType

NAME_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
CONTENT_TYPES = MappingProxyType(
    {
        ".html": "text/html; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".svg": "image/svg+xml",
        ".png": "image/png",
        ".woff2": "font/woff2",
        ".json": "application/json; charset=utf-8",
        ".ico": "image/x-icon",
        ".txt": "text/plain; charset=utf-8",
    }
)
#: A page file larger than this is not served (the page is small; a stray file is not).
MAX_FILE = 2 * 1024 * 1024


def _extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:] if dot > 0 else ""


def load_page(package: str = "resources", folder: str = "phone") -> dict[str, tuple[str, bytes]]:
    """Every servable file of the page folder: name → (content type, bytes)."""
    found: dict[str, tuple[str, bytes]] = {}
    root = files(package).joinpath(folder)
    if not root.is_dir():
        return found
    for entry in root.iterdir():
        name = entry.name
        kind = CONTENT_TYPES.get(_extension(name))
        if kind is None or not NAME_RE.fullmatch(name) or not entry.is_file():
            continue
        data = entry.read_bytes()
        if len(data) <= MAX_FILE:
            found[name] = (kind, data)
    return found
