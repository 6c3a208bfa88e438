"""From a path or text to a TOML table, refusing unreadable, non-UTF-8 or malformed files."""

from __future__ import annotations

import os
import re
import tomllib
from typing import Any

from workshop.errors import LibraryError
from workshop.library.refusals import _one_line

_TOML_POSITION_RE = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")  # tolerate the BOM some Windows editors add
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise LibraryError(
            f"{source}: le fichier n’est pas encodé en UTF-8 (octet invalide ligne {line}) ; "
            "enregistrez-le en UTF-8",
            f"{source}: the file is not UTF-8 encoded (invalid byte on line {line}); "
            "save it as UTF-8",
        ) from None


def _read(path: str | os.PathLike[str]) -> tuple[bytes, str]:
    source = os.fspath(path)
    try:
        with open(path, "rb") as handle:
            return handle.read(), source
    except FileNotFoundError:
        raise LibraryError(f"{source}: fichier introuvable", f"{source}: file not found") from None
    except IsADirectoryError:
        raise LibraryError(
            f"{source}: c’est un dossier, pas un fichier de bibliothèque",
            f"{source}: this is a folder, not a library file",
        ) from None
    except (OSError, ValueError) as error:  # ValueError: a NUL byte in the path
        reason = _one_line(getattr(error, "strerror", None) or str(error))
        if os.path.isdir(source):  # Windows reports a folder as "permission denied"
            raise LibraryError(
                f"{source}: c’est un dossier, pas un fichier de bibliothèque",
                f"{source}: this is a folder, not a library file",
            ) from None
        raise LibraryError(
            f"{source}: lecture impossible ({reason})", f"{source}: cannot be read ({reason})"
        ) from None


def _load_toml(text: str, source: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_POSITION_RE.search(message)
        detail = _one_line(message[: match.start()] if match else message)
        if match and match.group(1):
            line, column = match.group(1), match.group(2)
            where_fr = f"ligne {line}, colonne {column}"
            where_en = f"line {line}, column {column}"
        elif match:
            where_fr, where_en = "à la fin du fichier", "at the end of the file"
        else:
            where_fr = where_en = ""
        raise LibraryError(
            f"{source}: erreur de syntaxe TOML {where_fr} ({detail})".replace("  ", " "),
            f"{source}: TOML syntax error {where_en} ({detail})".replace("  ", " "),
        ) from None
    except RecursionError:
        raise LibraryError(
            f"{source}: erreur de syntaxe TOML (imbrication trop profonde)",
            f"{source}: TOML syntax error (nesting too deep)",
        ) from None
