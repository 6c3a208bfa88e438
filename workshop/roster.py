"""Reading a list of participants pasted from a spreadsheet or saved as a CSV file.

Facilitators receive the attendance list as a spreadsheet; copying its cells gives
tab-separated lines, and « Enregistrer sous CSV » gives ``;`` (French Excel) or ``,``
lines, with or without a BOM and a header. This module only turns that text into rows;
matching the college names to the workshop's colleges is the operation's job
(``workshop.operations.roster``), because it needs the open workshop.

Names are kept exactly as typed (accents, non-Latin scripts, apostrophes, emoji), only
trimmed of surrounding spaces, as everywhere else in the domain.
"""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from workshop import limits
from workshop.errors import WorkshopError
from workshop.i18n import get_language

#: A participant list is small; a bigger file is almost surely the wrong file.
MAX_FILE_BYTES = limits.MAX_ROSTER_BYTES
#: A longer "name" is a pasted paragraph, not a person.
MAX_NAME = limits.MAX_ROSTER_NAME
MAX_FIELD = limits.MAX_ROSTER_FIELD


@dataclass(frozen=True)
class RosterRow:
    """One participant to add, as read; ``line`` is where it starts in the source (1-based)."""

    line: int
    name: str
    function: str = ""
    college: str = ""


@dataclass(frozen=True)
class RosterError:
    """A line that cannot become a participant, and why (in both languages)."""

    line: int
    text: str
    fr: str
    en: str

    def message(self, lang: str | None = None) -> str:
        """The reason in the given (or current) language, without the line number."""
        return self.en if (lang or get_language()) == "en" else self.fr


# -- header detection ----------------------------------------------------------------------
def fold(value: str) -> str:
    """Case- and accent-insensitive key: « Représentants  du Personnel » ~ « representants du personnel »."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.replace("’", "'").split())


_NAME = {"nom", "name", "nom complet", "full name", "participant", "participante", "identite"}
_FIRST = {"prenom", "first name", "firstname", "given name", "forename"}
_LAST = {"nom de famille", "last name", "lastname", "surname", "family name"}
_FUNCTION = {
    "fonction",
    "function",
    "poste",
    "position",
    "role",
    "job",
    "job title",
    "intitule de poste",
    "titre",
    "title",
    "metier",
}
_COLLEGE = {
    "college",
    "colleges",
    "groupe",
    "group",
    "partie prenante",
    "stakeholder",
    "stakeholder group",
    "famille",
}
_HEADER_WORDS = _NAME | _FIRST | _LAST | _FUNCTION | _COLLEGE


@dataclass(frozen=True)
class _Columns:
    name: int | None = 0
    first: int | None = None
    last: int | None = None
    function: int | None = 1
    college: int | None = 2


def _header_columns(cells: list[str]) -> _Columns | None:
    """The column layout if ``cells`` is a header line (French or English), else None."""
    keys = [fold(c).rstrip(" :*") for c in cells]
    known = [k for k in keys if k in _HEADER_WORDS]
    if not known or len(known) < min(2, len([k for k in keys if k])):
        return None

    def find(words: set[str]) -> int | None:
        return next((i for i, k in enumerate(keys) if k in words), None)

    first = find(_FIRST)
    last = find(_LAST)
    name = find(_NAME)
    if first is not None and last is None and name is not None:
        # « Prénom ; Nom » : here « Nom » is the family name.
        last, name = name, None
    if name is None and first is None and last is None:
        return None
    return _Columns(
        name=name, first=first, last=last, function=find(_FUNCTION), college=find(_COLLEGE)
    )


# -- splitting -----------------------------------------------------------------------------
def _outside_quotes(line: str, char: str) -> int:
    count, quoted = 0, False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif c == char and not quoted:
            count += 1
    return count


def detect_delimiter(text: str) -> str:
    """Tab (a spreadsheet copy), else ``;`` (French CSV), else ``,``; tab when none is used."""
    lines = [line for line in text.splitlines() if line.strip()]
    for candidate in ("\t", ";", ","):
        if any(_outside_quotes(line, candidate) for line in lines):
            return candidate
    return "\t"


def _records(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """The records with the line each starts on; a quoted cell may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    records: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for cells in reader:
            records.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as error:  # a NUL byte, a field over the csv module's limit
        raise WorkshopError(
            f"Ligne {line} : lecture impossible ({error}).",
            f"Line {line}: cannot be read ({error}).",
        ) from None
    return records


def _cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()


def _row(line: int, cells: list[str], columns: _Columns) -> RosterRow | RosterError:
    raw = "\t".join(cells).strip()
    name = _cell(cells, columns.name)
    if not name:
        name = " ".join(p for p in (_cell(cells, columns.first), _cell(cells, columns.last)) if p)
    function = _cell(cells, columns.function)
    college = _cell(cells, columns.college)
    if not name:
        return RosterError(line, raw, "Nom manquant.", "Missing name.")
    if len(name) > MAX_NAME:
        return RosterError(
            line,
            raw[:80] + "…",
            f"Nom trop long (plus de {MAX_NAME} caractères) : est-ce bien une liste de personnes ?",
            f"Name too long (over {MAX_NAME} characters): is this really a list of people?",
        )
    if len(function) > MAX_FIELD or len(college) > MAX_FIELD:
        return RosterError(
            line,
            raw[:80] + "…",
            f"Fonction ou collège trop long (plus de {MAX_FIELD} caractères).",
            f"Function or college too long (over {MAX_FIELD} characters).",
        )
    return RosterRow(line, name, function, college)


def parse_rows(text: str) -> list[RosterRow | RosterError]:
    """Rows of name, function, college from pasted cells or CSV text.

    Tolerates a BOM, blank lines, quotes, Windows line ends, a header line in French or
    English (which may also reorder the columns, or split first and last names); without a
    header the columns are name, function, college, and further columns are ignored.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    delimiter = detect_delimiter(text)
    records = [
        (line, cells) for line, cells in _records(text, delimiter) if any(c.strip() for c in cells)
    ]
    if not records:
        return []
    columns = _header_columns(records[0][1])
    if columns is not None:
        records = records[1:]
    else:
        columns = _Columns()
    return [_row(line, cells, columns) for line, cells in records]


def decode(data: bytes, name: str = "") -> str:
    """UTF-8 text (with or without BOM; UTF-16 with a BOM, as Excel's « texte Unicode »)."""
    where = f"{name} : " if name else ""
    where_en = f"{name}: " if name else ""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise WorkshopError(
            f"{where}ce fichier n’est pas en UTF-8 (octet illisible en position {error.start}) :"
            " enregistrez-le en « CSV UTF-8 ».",
            f"{where_en}this file is not UTF-8 (unreadable byte at position {error.start}):"
            ' save it as "CSV UTF-8".',
        ) from None


def read_csv(path: str | os.PathLike) -> list[RosterRow | RosterError]:
    """Read a participant list file; an unreadable or non-UTF-8 file is one clear line."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise WorkshopError(
                f"{path.name} : fichier trop gros pour une liste de participants"
                f" ({size // 1000} ko).",
                f"{path.name}: too big for a participant list ({size // 1000} kB).",
            )
        data = path.read_bytes()
    except IsADirectoryError:
        raise WorkshopError(
            f"{path.name} : c’est un dossier, pas un fichier.",
            f"{path.name}: this is a folder, not a file.",
        ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise WorkshopError(
            f"{path.name} : lecture impossible ({reason}).",
            f"{path.name}: cannot be read ({reason}).",
        ) from None
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise WorkshopError(
            f"{path.name} : ce n’est pas un fichier texte (un classeur .xlsx ?) :"
            " enregistrez-le en « CSV UTF-8 ».",
            f'{path.name}: this is not a text file (an .xlsx workbook?): save it as "CSV UTF-8".',
        )
    return parse_rows(decode(data, path.name))
