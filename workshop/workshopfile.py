"""The workshop file: one SQLite database per workshop, checked before we trust it.

A file can come from anywhere (e-mail, USB stick, a colleague's newer release), so opening
inspects it read-only first and refuses, without touching it, anything that is not a sound
workshop of a version we know. See https://sqlite.org/appfileformat.html and the
"defense against the dark arts" section of https://sqlite.org/security.html.

Durability: ``journal_mode=DELETE`` keeps the workshop in one file (safe to e-mail or sync);
``synchronous=FULL`` makes every committed transaction survive a crash or power loss.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from sqlite_utils import Database

from workshop.errors import FileRefused, WorkshopError
from workshop.lock import WorkshopLock
from workshop.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from workshop.validate import validate_file

SUFFIX = ".charter"
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _refuse(path: Path, fr: str, en: str) -> FileRefused:
    return FileRefused(f"{path.name} : {fr}", f"{path.name}: {en}")


def _configure(conn: sqlite3.Connection) -> None:
    """Pragmas every writing connection needs (durability, integrity, hostile files)."""
    for pragma in (
        "PRAGMA trusted_schema = OFF",
        "PRAGMA cell_size_check = ON",
        "PRAGMA foreign_keys = ON",
        "PRAGMA journal_mode = DELETE",
        "PRAGMA synchronous = FULL",
        "PRAGMA secure_delete = ON",
    ):
        conn.execute(pragma)


def _normalise_sql(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip().replace("( ", "(").replace(" )", ")")


def _schema_objects(conn: sqlite3.Connection) -> set[tuple[str, str, str]]:
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return {(t, n, _normalise_sql(s)) for t, n, s in rows}


@cache
def expected_schema(version: int) -> frozenset[tuple[str, str, str]]:
    """The schema objects our migrations create up to ``version``, built in memory once."""
    conn = sqlite3.connect(":memory:")
    db = Database(conn, execute_plugins=False)
    names = [m.name for m in MIGRATIONS._migrations]
    stop = names[version] if version < len(names) else None
    MIGRATIONS.apply(db, stop_before=stop)
    objects = frozenset(_schema_objects(conn))
    conn.close()
    return objects


def _hot_journal(path: Path) -> bool:
    journal = path.with_name(path.name + "-journal")
    return journal.exists() and journal.stat().st_size > 0


def _recover(path: Path) -> None:
    """Let SQLite roll back the journal a crashed writer left (we hold the lock).

    Only done for a file whose header says it is ours; the rollback restores the last
    committed state, which is what the file means.
    """
    with path.open("rb") as fh:
        header = fh.read(100)
    if (
        not header.startswith(_SQLITE_MAGIC)
        or int.from_bytes(header[68:72], "big") != APPLICATION_ID
    ):
        return  # check_file will refuse it without touching it
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlite3.DatabaseError:
        pass  # check_file reports the damage
    finally:
        conn.close()


def check_file(path: str | os.PathLike) -> int:
    """Check a file without modifying it; return its schema version or raise FileRefused.

    Refuses: missing or not a regular file, empty, not SQLite, truncated or damaged
    (quick_check), another application's database, a newer version, and any schema object
    (trigger, view, table, index) we did not create.
    """
    path = Path(path)
    if not path.exists():
        raise _refuse(path, "ce fichier n’existe pas.", "this file does not exist.")
    if not path.is_file():
        raise _refuse(path, "ce n’est pas un fichier.", "this is not a file.")
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise _refuse(
            path, f"lecture impossible ({exc.strerror}).", f"cannot be read ({exc.strerror})."
        ) from None
    if not header:
        raise _refuse(path, "le fichier est vide.", "the file is empty.")
    if not header.startswith(_SQLITE_MAGIC):
        raise _refuse(
            path,
            "ce n’est pas un fichier d’atelier (format inconnu).",
            "this is not a workshop file (unknown format).",
        )
    if len(header) < 100:
        raise _refuse(
            path, "le fichier est tronqué ou endommagé.", "the file is truncated or damaged."
        )
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise _refuse(
            path,
            "c’est une base SQLite d’une autre application, pas un atelier.",
            "this is another application's SQLite database, not a workshop.",
        )
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise _refuse(
            path, f"ouverture impossible ({exc}).", f"cannot be opened ({exc})."
        ) from None
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA cell_size_check = ON")
        try:
            check = conn.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError:
            check = [("damaged",)]
        if check != [("ok",)] and _hot_journal(path):
            raise _refuse(
                path,
                "une écriture a été interrompue (arrêt brutal) : ouvrez l’atelier dans "
                "l’application pour le récupérer.",
                "a write was interrupted (crash): open the workshop in the application to recover it.",
            )
        if check != [("ok",)]:
            raise _refuse(
                path, "le fichier est tronqué ou endommagé.", "the file is truncated or damaged."
            )
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise _refuse(
                path,
                "c’est une base SQLite d’une autre application, pas un atelier.",
                "this is another application's SQLite database, not a workshop.",
            )
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise _refuse(
                path,
                f"créé par une version plus récente d’Atelier Charte (format {version}, "
                f"cette version lit jusqu’au format {SCHEMA_VERSION}). Mettez l’application à jour.",
                f"made by a newer version of Charter Workshop (format {version}; this version "
                f"reads up to format {SCHEMA_VERSION}). Please update the application.",
            )
        if version < 1:
            raise _refuse(
                path,
                "format d’atelier inconnu (version 0).",
                "unknown workshop format (version 0).",
            )
        found = _schema_objects(conn)
    except sqlite3.DatabaseError as exc:
        raise _refuse(
            path,
            f"le fichier est endommagé ({exc}).",
            f"the file is damaged ({exc}).",
        ) from None
    finally:
        conn.close()
    extra = found - expected_schema(version)
    if extra:
        kind, name, _ = sorted(extra)[0]
        raise _refuse(
            path,
            f"objet inattendu dans le fichier ({kind} « {name} ») : ouverture refusée par sécurité.",
            f'unexpected object in the file ({kind} "{name}"): refused for safety.',
        )
    return version


def _atomic_backup(source: sqlite3.Connection, target: Path) -> None:
    """Write a consistent copy of ``source`` at ``target`` through a temporary file."""
    target = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
        finally:
            dest.close()
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class WorkshopFile:
    """An open, locked, writable workshop file; every change is committed when it returns."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock: WorkshopLock | None) -> None:
        self.path = path
        self.conn = conn
        self.db = Database(conn, execute_plugins=False)
        self._lock = lock

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike) -> WorkshopFile:
        """Create a new, empty workshop file (refuses to overwrite an existing file)."""
        path = Path(path)
        if path.exists():
            raise _refuse(
                path,
                "un fichier de ce nom existe déjà ; choisissez un autre nom.",
                "a file with this name already exists; choose another name.",
            )
        if not path.parent.is_dir():
            raise _refuse(
                path,
                f"le dossier « {path.parent} » n’existe pas.",
                f'the folder "{path.parent}" does not exist.',
            )
        lock = WorkshopLock(path)
        lock.acquire()
        try:
            conn = sqlite3.connect(path)
            try:
                _configure(conn)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db = Database(conn, execute_plugins=False)
                MIGRATIONS.apply(db)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            except BaseException:
                conn.close()
                with contextlib.suppress(OSError):
                    path.unlink()
                raise
        except sqlite3.Error as exc:
            lock.release()
            raise _refuse(
                path, f"création impossible ({exc}).", f"cannot be created ({exc})."
            ) from None
        except BaseException:
            lock.release()
            raise
        return cls(path, conn, lock)

    @classmethod
    def open(cls, path: str | os.PathLike) -> WorkshopFile:
        """Open an existing workshop for writing: check, lock, back up and migrate if older."""
        path = Path(path)
        lock = WorkshopLock(path)
        lock.acquire()
        try:
            if path.is_file() and _hot_journal(path):
                _recover(path)
            version = check_file(path)
            validate_file(path)  # every row, before anything reads or migrates it
            if not os.access(path, os.W_OK):
                raise _refuse(
                    path,
                    "le fichier est en lecture seule ; enregistrez-en une copie.",
                    "the file is read-only; save a copy of it.",
                )
            conn = sqlite3.connect(path)
            _configure(conn)
            if version < SCHEMA_VERSION:
                backup = path.with_name(f"{path.stem}.v{version}-backup{path.suffix}")
                _atomic_backup(conn, backup)
                MIGRATIONS.apply(Database(conn, execute_plugins=False))
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            lock.release()
            raise
        return cls(path, conn, lock)

    @classmethod
    def open_readonly(cls, path: str | os.PathLike) -> WorkshopFile:
        """Open a checked file without locking or writing (check, export of a copy)."""
        path = Path(path)
        version = check_file(path)
        validate_file(path)  # every row, before anything reads it
        if version < SCHEMA_VERSION:
            # Migrate an in-memory copy so that readers only know the current schema.
            disk = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
            conn = sqlite3.connect(":memory:")
            disk.backup(conn)
            disk.close()
            MIGRATIONS.apply(Database(conn, execute_plugins=False))
        else:
            conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        conn.execute("PRAGMA trusted_schema = OFF")
        return cls(path, conn, None)

    # -- using ---------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self._lock is None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """One atomic, durable transaction (nested calls become savepoints)."""
        if self.read_only:
            raise WorkshopError(
                "Ce fichier est ouvert en lecture seule.", "This file is open read-only."
            )
        with self.db.atomic():
            yield self.db

    def save_copy(self, target: str | os.PathLike) -> Path:
        """Write a consistent copy elsewhere with SQLite's backup API (never a raw file copy)."""
        target = Path(target)
        if target.resolve() == self.path.resolve():
            raise WorkshopError(
                "La copie doit porter un autre nom que l’atelier ouvert.",
                "The copy must have another name than the open workshop.",
            )
        try:
            _atomic_backup(self.conn, target)
        except OSError as exc:
            raise WorkshopError(
                f"{target.name} : copie impossible ({exc.strerror}).",
                f"{target.name}: cannot write the copy ({exc.strerror}).",
            ) from None
        return target

    def integrity_check(self) -> list[str]:
        """Full integrity check; an empty list means sound."""
        rows = [r[0] for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
        fk = self.conn.execute("PRAGMA foreign_key_check").fetchall()
        problems = [] if rows == ["ok"] else rows
        problems += [f"foreign key: {r}" for r in fk]
        return problems

    def close(self) -> None:
        """Close the connection and release the lock (idempotent)."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None  # type: ignore[assignment]
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> WorkshopFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
