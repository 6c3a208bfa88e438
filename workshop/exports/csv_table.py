"""How every CSV export is written: one convention for spreadsheets, in one place.

Excel with a French locale expects ``;`` and reads UTF-8 only with a byte-order mark, so a
French workshop gets both; decimals take the decimal comma there. Cells that a spreadsheet
would run as a formula (``=``, ``+``, ``-``, ``@``) are defused with a quote. Every row
ends with the export identifier, so a table cut out of the file still says where it came
from (``identifier``).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

from workshop.exports.common import atomic_write, clean
from workshop.textfmt import number, parse_moment


def cell(value: object) -> str:
    """A cell's text: control characters out, a leading formula character defused."""
    text = clean(str(value)) if value is not None else ""
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


def decimal(value: Fraction | float | int, lang: str) -> str:
    """« 4,5 » in a French table, "4.5" in an English one; whole numbers stay whole."""
    return number(float(value), lang, decimals=2)


def moment(value: str | None) -> str:
    """« 2026-12-02 10:38 »: a date and time every spreadsheet reads, seconds dropped
    like everywhere else (``textfmt.clock``); empty when unknown."""
    parsed = parse_moment(value)
    return parsed.strftime("%Y-%m-%d %H:%M") if parsed else ""


def write_table(target: str | os.PathLike, table: Sequence[Sequence[str]], lang: str) -> Path:
    """Write ``table`` atomically (UTF-8 with BOM; ``;`` for French workshops)."""

    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh, delimiter=";" if lang == "fr" else ",").writerows(table)

    return atomic_write(target, write)
