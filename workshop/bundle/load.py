"""Bundle reading: a file as JSON, bounded in size and depth, no duplicate keys or constants."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, NoReturn

from workshop import limits
from workshop.errors import BundleError
from workshop.jsonschema_lite import shown


class _JsonProblem(Exception):
    def __init__(self, fr: str, en: str) -> None:
        super().__init__(en)
        self.fr, self.en = fr, en


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _JsonProblem(f"clé {shown(key)} en double", f"duplicate key {shown(key)}")
        result[key] = value
    return result


def _no_constant(name: str) -> NoReturn:
    raise _JsonProblem(
        f"valeur {name} interdite (hors de la norme JSON)",
        f"value {name} is not allowed (not standard JSON)",
    )


def load_bundle(path: str | os.PathLike) -> Any:
    """Read a bundle file as JSON (UTF-8, a BOM tolerated); BundleError if it cannot be."""
    path = Path(path)
    name = path.name or str(path)
    try:
        if path.is_dir():
            raise BundleError(
                f"{name} : c’est un dossier, pas un fichier.",
                f"{name}: this is a folder, not a file.",
            )
        with path.open("rb") as fh:
            raw = fh.read(limits.MAX_BUNDLE_BYTES + 1)  # bounded before anything is parsed
    except FileNotFoundError:
        raise BundleError(f"{name} : fichier introuvable.", f"{name}: file not found.") from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise BundleError(
            f"{name} : lecture impossible ({reason}).", f"{name}: cannot be read ({reason})."
        ) from None
    if len(raw) > limits.MAX_BUNDLE_BYTES:
        mib = limits.MAX_BUNDLE_BYTES // (1024 * 1024)
        raise BundleError(
            f"{name} : fichier trop gros pour un bundle (plus de {mib} Mio).",
            f"{name}: file too big for a bundle (over {mib} MiB).",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BundleError(
            f"{name} : le fichier n’est pas encodé en UTF-8 (octet invalide ligne {line}).",
            f"{name}: the file is not UTF-8 encoded (invalid byte on line {line}).",
        ) from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
    except _JsonProblem as exc:
        raise BundleError(
            f"{name} : JSON refusé : {exc.fr}.", f"{name}: JSON refused: {exc.en}."
        ) from None
    except json.JSONDecodeError as exc:
        raise BundleError(
            f"{name} : JSON invalide ligne {exc.lineno}, colonne {exc.colno} ({exc.msg}).",
            f"{name}: invalid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg}).",
        ) from None
    except (ValueError, RecursionError) as exc:  # int digit limit, nesting too deep
        detail = " ".join(str(exc).split())[:80] or type(exc).__name__
        raise BundleError(
            f"{name} : JSON illisible ({detail}).", f"{name}: unreadable JSON ({detail})."
        ) from None
    if _depth(data) > limits.MAX_BUNDLE_DEPTH:
        raise BundleError(
            f"{name} : JSON trop imbriqué (plus de {limits.MAX_BUNDLE_DEPTH} niveaux).",
            f"{name}: JSON nested too deeply (over {limits.MAX_BUNDLE_DEPTH} levels).",
        )
    return data


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in ``value`` (iterative: no recursion to exhaust)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, level)
            if level > limits.MAX_BUNDLE_DEPTH:
                break
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, level + 1) for child in children)
    return deepest
