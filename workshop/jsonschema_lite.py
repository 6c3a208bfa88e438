"""A small JSON Schema validator: the subset the bundle schema uses, nothing more.

The app has no jsonschema dependency, and a user needs one message naming the first bad
field (``$.participants[3].college_id``), not a list of every failure. Supported keywords
(draft 2020-12 meaning): ``type`` (a name or a list, ``"null"`` for nullable),
``properties``, ``required``, ``additionalProperties`` (false or a schema), ``items``,
``enum``, ``minimum``, ``maximum``, ``pattern``, ``minLength``, ``maxLength``, ``maxItems``,
and ``$ref`` to
``#/$defs/...`` (or any local JSON pointer). Annotations (``title``, ``description``,
``$schema``, ``$id``, ``$comment``) are ignored.

Two deliberate strictnesses: ``integer`` refuses ``1.0`` (a JSON number written with a
fraction is a number, not a count), and ``number`` refuses NaN and the infinities, which
JSON cannot carry but Python's parser lets through.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

_TYPE_NAMES: dict[str, tuple[str, str]] = {
    "string": ("texte", "string"),
    "integer": ("entier", "integer"),
    "number": ("nombre", "number"),
    "boolean": ("booléen", "boolean"),
    "object": ("objet", "object"),
    "array": ("liste", "array"),
    "null": ("null", "null"),
}


@dataclass(frozen=True)
class SchemaViolation:
    """The first field that does not validate: its JSON path and what is wrong, fr and en."""

    path: str
    fr: str
    en: str


def child_path(path: str, key: str | int) -> str:
    """``$.a`` + ``b`` -> ``$.a.b``; + 3 -> ``$.a[3]``; odd keys are quoted: ``$["a b"]``."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    if _IDENTIFIER.fullmatch(key):
        return f"{path}.{key}"
    return f"{path}[{shown(key)}]"


def shown(value: Any, limit: int = 60) -> str:
    """A value as it may appear in a one-line message: JSON, shortened."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = type(value).__name__
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _is_type(value: Any, name: str) -> bool:
    if name == "null":
        return value is None
    if name == "boolean":
        return isinstance(value, bool)
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        if isinstance(value, bool):
            return False
        if isinstance(value, int):
            return True
        return isinstance(value, float) and math.isfinite(value)
    if name == "string":
        return isinstance(value, str)
    if name == "array":
        return isinstance(value, list)
    if name == "object":
        return isinstance(value, Mapping) and all(isinstance(k, str) for k in value)
    raise ValueError(f"unsupported schema type {name!r}")


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    # ECMA-262 "$" (no multiline flag) matches only at the very end; Python's matches
    # before a final newline too, so a trailing "$" becomes "\Z".
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


def _resolve(root: Mapping[str, Any], ref: str) -> Mapping[str, Any]:
    if not ref.startswith("#"):
        raise ValueError(f"only local $ref are supported, not {ref!r}")
    node: Any = root
    parts = ref[1:].split("/")[1:] if ref != "#" else []
    for raw in parts:
        part = raw.replace("~1", "/").replace("~0", "~")
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def validate(instance: Any, schema: Mapping[str, Any], path: str = "$") -> SchemaViolation | None:
    """The first violation of ``schema`` by ``instance`` (document order), or None."""
    return _Validator(schema).check(instance, schema, path)


class _Validator:
    def __init__(self, root: Mapping[str, Any]) -> None:
        self.root = root

    def check(self, value: Any, schema: Mapping[str, Any], path: str) -> SchemaViolation | None:
        if "$ref" in schema:
            problem = self.check(value, _resolve(self.root, schema["$ref"]), path)
            if problem:
                return problem
        if "type" in schema:
            names = [schema["type"]] if isinstance(schema["type"], str) else list(schema["type"])
            if not any(_is_type(value, name) for name in names):
                return self._wrong_type(value, names, path)
        if "enum" in schema and not any(
            type(value) is type(allowed) and value == allowed for allowed in schema["enum"]
        ):
            allowed = ", ".join(shown(a) for a in schema["enum"])
            return SchemaViolation(
                path,
                f"valeur {shown(value)} inconnue (attendu : {allowed})",
                f"unknown value {shown(value)} (expected: {allowed})",
            )
        if isinstance(value, str):
            return self._string(value, schema, path)
        if _is_type(value, "number"):
            return self._number(value, schema, path)
        if isinstance(value, list):
            if len(value) > schema.get("maxItems", len(value)):
                n = schema["maxItems"]
                return SchemaViolation(
                    path,
                    f"trop d’éléments ({len(value)}, au plus {n})",
                    f"too many items ({len(value)}, at most {n})",
                )
            if "items" in schema:
                for index, item in enumerate(value):
                    problem = self.check(item, schema["items"], child_path(path, index))
                    if problem:
                        return problem
            return None
        if isinstance(value, Mapping):
            return self._object(value, schema, path)
        return None

    @staticmethod
    def _wrong_type(value: Any, names: list[str], path: str) -> SchemaViolation:
        if isinstance(value, float) and not math.isfinite(value) and "number" in names:
            return SchemaViolation(
                path, "nombre fini attendu (ni NaN ni infini)", "finite number expected"
            )
        fr = " ou ".join(_TYPE_NAMES[n][0] for n in names)
        en = " or ".join(_TYPE_NAMES[n][1] for n in names)
        agreed = "attendue" if names == ["array"] else "attendu"  # « une liste »
        return SchemaViolation(path, f"{fr} {agreed}", f"{en} expected")

    @staticmethod
    def _string(value: str, schema: Mapping[str, Any], path: str) -> SchemaViolation | None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return SchemaViolation(
                path,
                "texte invalide (demi-paire de substitution UTF-16 isolée)",
                "invalid text (lone UTF-16 surrogate)",
            )
        if len(value) < schema.get("minLength", 0):
            if schema["minLength"] == 1:
                return SchemaViolation(path, "ne peut pas être vide", "cannot be empty")
            n = schema["minLength"]
            return SchemaViolation(
                path, f"au moins {n} caractères attendus", f"at least {n} characters expected"
            )
        if len(value) > schema.get("maxLength", len(value)):
            n = schema["maxLength"]
            return SchemaViolation(
                path,
                f"trop long ({len(value)} caractères, au plus {n})",
                f"too long ({len(value)} characters, at most {n})",
            )
        if "pattern" in schema and not _compiled(schema["pattern"]).search(value):
            return SchemaViolation(
                path,
                f"format invalide {shown(value)} (motif {schema['pattern']})",
                f"invalid format {shown(value)} (pattern {schema['pattern']})",
            )
        return None

    @staticmethod
    def _number(value: float, schema: Mapping[str, Any], path: str) -> SchemaViolation | None:
        if "minimum" in schema and value < schema["minimum"]:
            low = schema["minimum"]
            return SchemaViolation(
                path,
                f"{shown(value)} trop petit (minimum {low})",
                f"{shown(value)} is too small (minimum {low})",
            )
        if "maximum" in schema and value > schema["maximum"]:
            high = schema["maximum"]
            return SchemaViolation(
                path,
                f"{shown(value)} trop grand (maximum {high})",
                f"{shown(value)} is too large (maximum {high})",
            )
        return None

    def _object(
        self, value: Mapping[str, Any], schema: Mapping[str, Any], path: str
    ) -> SchemaViolation | None:
        for name in schema.get("required", ()):
            if name not in value:
                return SchemaViolation(child_path(path, name), "manquant", "missing")
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for name, item in value.items():
            here = child_path(path, name)
            if name in properties:
                problem = self.check(item, properties[name], here)
            elif extra is False:
                return SchemaViolation(here, "champ inconnu", "unknown field")
            elif isinstance(extra, Mapping):
                problem = self.check(item, extra, here)
            else:
                problem = None
            if problem:
                return problem
        return None
