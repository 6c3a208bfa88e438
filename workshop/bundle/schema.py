"""The bundle's format name, version and JSON Schema (read from the package data)."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from workshop.errors import WorkshopError
from workshop.model import CaptureMode, Choice, Method

#: The value of the top-level "format" field of every bundle.
FORMAT = "charter-workshop-bundle"
#: The bundle version this release writes and the newest it reads. Raise it (and document
#: the change in docs/bundle.md) whenever a field is added, removed or changes meaning.
VERSION = 2  # 2: a round's base, quorum kind, casting vote and members (issue 11)
#: The schema shipped as package data (``resources/bundle.schema.json``).
SCHEMA_RESOURCE = "bundle.schema.json"

#: The name errors use for a bundle given as a dict rather than a file.
DEFAULT_NAME = "bundle"


@cache
def bundle_schema() -> dict[str, Any]:
    """The JSON Schema of the bundle, read once from the package data."""
    try:
        text = files("resources").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    except OSError:
        raise WorkshopError(
            f"{SCHEMA_RESOURCE} introuvable (installation incomplète).",
            f"{SCHEMA_RESOURCE} not found (incomplete installation).",
        ) from None
    schema = json.loads(text)
    # The vote vocabulary comes from the method registry: a new method needs no schema edit.
    defs = schema.get("$defs", {})
    for name, kind in (("method", Method), ("capture", CaptureMode), ("choice", Choice)):
        if name in defs:
            defs[name]["enum"] = [m.value for m in kind]
    return schema
