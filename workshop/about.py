"""What the app is made of: its version and the licences of what it ships (Help ▸ About).

Generated, never typed by hand: the libraries from the installed distributions' metadata
(``importlib.metadata``, which the frozen build carries too), the fonts from their own
``name`` table in ``resources/fonts``. The version has one source of truth: pyproject.toml.
"""

from __future__ import annotations

import platform
import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from importlib.resources import files

DISTRIBUTION = "charter-workshop"

#: Declared by a dependency (sqlite-utils lists pip) but never imported by the app, and left
#: out of the frozen build: listing them would claim we ship them.
NOT_SHIPPED = frozenset({"pip", "setuptools", "wheel"})

#: A ``License`` field longer than this is the licence's full text, not its name.
_SHORT = 60


@dataclass(frozen=True)
class Component:
    """One thing the app ships: a library or a font, with its licence."""

    name: str
    version: str
    licence: str
    detail: str = ""  # where the full text is (a file, an address)


def version() -> str:
    """The app's version, from its installed metadata (pyproject.toml's ``version``)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # running from a tree that was never installed
        return "0+unknown"


def app_licence() -> str:
    """The app's own licence, from the same metadata (pyproject.toml's ``license``)."""
    try:
        return licence_of(metadata.metadata(DISTRIBUTION))
    except metadata.PackageNotFoundError:
        return "MIT"


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    values = meta.get_all(name) or []
    return str(values[0]).strip() if values else ""


def licence_of(meta: metadata.PackageMetadata) -> str:
    """The licence a distribution declares: ``License-Expression`` (PEP 639), else a short
    ``License`` field, else its « License :: » classifiers; "" when it states none."""
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    field = _field(meta, "License")
    if field.upper() == "UNKNOWN":  # what old setuptools wrote for "not given"
        field = ""
    if field and "\n" not in field and len(field) <= _SHORT:
        return field
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    if classifiers:
        return " / ".join(classifiers)
    return field.splitlines()[0][:_SHORT].strip() if field else ""


def _requirement_names(dist: metadata.Distribution) -> Iterable[str]:
    for requirement in dist.requires or []:
        if "extra ==" in requirement.replace('"', "").replace("'", ""):
            continue  # an optional extra ([test], [package]): not shipped
        match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
        if match:
            yield match.group(0)


def shipped_distributions(root: str = DISTRIBUTION) -> list[metadata.Distribution]:
    """The app's distribution and every runtime dependency installed, recursively.

    A requirement whose marker excludes this Python is simply not installed, so it is
    skipped without evaluating markers (the runtime has no ``packaging``).
    """
    found: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = _key(name)
        if key in found or key in NOT_SHIPPED:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[key] = dist
        todo.extend(_requirement_names(dist))
    return sorted(found.values(), key=lambda d: _key(d.metadata["Name"]))


def libraries(root: str = DISTRIBUTION) -> list[Component]:
    """Python and the libraries the app ships, with the licence each declares."""
    items = [Component("Python", platform.python_version(), "PSF-2.0")]
    for dist in shipped_distributions(root):
        meta = dist.metadata
        if _key(meta["Name"]) == _key(root):
            continue
        items.append(Component(meta["Name"], dist.version, licence_of(meta)))
    return items


# -- fonts ----------------------------------------------------------------------------------
#: OpenType ``name`` table entries: copyright, family, version, licence, licence address.
_COPYRIGHT, _FAMILY, _VERSION, _LICENCE, _LICENCE_URL = 0, 1, 5, 13, 14


def font_names(data: bytes) -> dict[int, str]:
    """The Windows-English (or Mac-Roman) strings of a TrueType font's ``name`` table.

    Bounded reads: a damaged font gives {} instead of an exception.
    """
    try:
        (tables,) = struct.unpack_from(">H", data, 4)
        for index in range(min(tables, 64)):
            tag, _sum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
            if tag != b"name":
                continue
            _fmt, count, strings = struct.unpack_from(">HHH", data, offset)
            names: dict[int, str] = {}
            for record in range(min(count, 1024)):
                platform_id, encoding, language, name_id, length, at = struct.unpack_from(
                    ">HHHHHH", data, offset + 6 + 12 * record
                )
                start = offset + strings + at
                raw = data[start : start + length]
                if platform_id == 3 and encoding in (1, 10) and language == 0x409:
                    names[name_id] = raw.decode("utf-16-be", "replace")
                elif platform_id == 1 and encoding == 0:
                    names.setdefault(name_id, raw.decode("latin-1"))
            return names
    except struct.error:
        pass
    return {}


def _opening(text: str, at_least: int = 60) -> str:
    """The licence's first sentences, up to ``at_least`` characters (« Fonts are (c)
    Bitstream (see below). » alone says too little)."""
    line = " ".join(text.split())
    end = 0
    while end < at_least:
        stop = line.find(". ", end)
        if stop < 0:
            return line
        end = stop + 1
    return line[:end]


def fonts() -> list[Component]:
    """Each font family in resources/fonts, with the licence its own file declares."""
    folder = files("resources") / "fonts"
    families: dict[str, Component] = {}
    licence_files = sorted(p.name for p in folder.iterdir() if p.name.startswith("LICENSE"))
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.lower().endswith((".ttf", ".otf")):
            continue
        names = font_names(entry.read_bytes())
        family = names.get(_FAMILY, entry.name)
        if family in families:
            continue
        stem = family.replace(" ", "")
        text_file = next((f for f in licence_files if f[8:-4] and stem.startswith(f[8:-4])), "")
        where = ", ".join(x for x in (names.get(_LICENCE_URL, ""), text_file) if x)
        families[family] = Component(
            family,
            names.get(_VERSION, "").removeprefix("Version ").strip(),
            _opening(names.get(_LICENCE, "") or names.get(_COPYRIGHT, "")),
            where,
        )
    return list(families.values())
