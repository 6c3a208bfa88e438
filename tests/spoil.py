"""Ways to damage a workshop file, shared by the file and CLI tests."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from workshop.schema import SCHEMA_VERSION


def _execute(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def empty(path: Path) -> None:
    path.write_bytes(b"")


def short_header(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00abc")


def foreign(path: Path) -> None:
    """Replace the file with another application's SQLite database."""
    path.unlink(missing_ok=True)
    _execute(path, "CREATE TABLE notes (x)", "INSERT INTO notes VALUES (1)")


def newer(path: Path) -> None:
    _execute(path, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")


def trigger(path: Path) -> None:
    _execute(
        path,
        "CREATE TRIGGER spy AFTER INSERT ON participants BEGIN UPDATE workshop SET title = 'x'; END",
    )


def view(path: Path) -> None:
    _execute(path, "CREATE VIEW v AS SELECT * FROM participants")
