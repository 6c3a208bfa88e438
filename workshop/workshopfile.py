"""The workshop file: one SQLite database per workshop, checked before we trust it.

A file can come from anywhere (e-mail, USB stick, a colleague's newer release), so opening
inspects it read-only first and refuses, without touching it, anything that is not a sound
workshop of a version we know. See https://sqlite.org/appfileformat.html and the
"defense against the dark arts" section of https://sqlite.org/security.html.

Durability: ``journal_mode=DELETE`` keeps the workshop in one file (safe to e-mail or sync);
``synchronous=EXTRA`` makes every committed transaction survive a crash or power loss: at
FULL, SQLite does not sync the folder after deleting the journal, so a power cut just after a
commit could bring the journal back and roll the acknowledged transaction back
(https://sqlite.org/pragma.html#pragma_synchronous).

Trust: every connection is opened by ``connect()``, which sets ``trusted_schema=OFF`` before
anything is read, so SQL stored in a file's schema can never call a function with side
effects. The schema check is exact: the file's whole ``sqlite_schema`` (type, name, table
and normalised SQL of every table, index, trigger and view) must equal what our migrations
create for its version; the only other objects accepted are SQLite's statistics tables,
recognised by their exact name and SQL (``_SQLITE_OPTIONAL``), never by a name pattern.
Migrations from the file's version to ours run in one transaction with the ``user_version``
update, after a backup, so a crash at any moment leaves the old version or the new one.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
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


def connect(target: str | os.PathLike, *, readonly: bool = False) -> sqlite3.Connection:
    """Open a SQLite connection the only way this app does: schema never trusted.

    ``target`` is a path or ``":memory:"``; ``readonly`` opens the file with ``mode=ro``.
    ``trusted_schema=OFF`` and ``cell_size_check=ON`` are set before anything is read.
    """
    if readonly:
        conn = sqlite3.connect(Path(target).resolve().as_uri() + "?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(target)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA cell_size_check = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    """Pragmas every writing connection needs (durability, integrity, hostile files)."""
    for pragma in (
        "PRAGMA trusted_schema = OFF",
        "PRAGMA cell_size_check = ON",
        "PRAGMA foreign_keys = ON",
        "PRAGMA journal_mode = DELETE",
        "PRAGMA synchronous = EXTRA",
        "PRAGMA secure_delete = ON",
    ):
        conn.execute(pragma)


def _normalise_sql(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip().replace("( ", "(").replace(" )", ")")


SchemaObject = tuple[str, str, str, str]  # type, name, tbl_name, normalised SQL

#: SQLite's own objects that may appear in a sound file although our migrations do not
#: create them: the statistics tables ANALYZE or ``PRAGMA optimize`` write. Recognised by
#: exact name and exact SQL; anything else named like SQLite's is refused. Automatic indexes
#: (``sqlite_autoindex_<table>_<n>``) need no entry: our migrations create them, so they are
#: in ``expected_schema`` with their exact table and numbering.
_SQLITE_OPTIONAL: frozenset[SchemaObject] = frozenset(
    {
        ("table", "sqlite_stat1", "sqlite_stat1", "CREATE TABLE sqlite_stat1(tbl,idx,stat)"),
        (
            "table",
            "sqlite_stat4",
            "sqlite_stat4",
            "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)",
        ),
    }
)


def _schema_objects(conn: sqlite3.Connection) -> set[SchemaObject]:
    """Every row of the file's schema table, nothing filtered out."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM main.sqlite_schema").fetchall()
    return {(t, n, tn, _normalise_sql(s)) for t, n, tn, s in rows}


@cache
def expected_schema(version: int) -> frozenset[SchemaObject]:
    """The schema objects our migrations create up to ``version``, built in memory once."""
    conn = connect(":memory:")
    try:
        apply_migrations(conn, stop_at=version)
        return frozenset(_schema_objects(conn))
    finally:
        conn.close()


def apply_migrations(conn: sqlite3.Connection, *, stop_at: int = SCHEMA_VERSION) -> None:
    """Apply our pending migrations up to version ``stop_at`` in ONE transaction.

    sqlite-utils' ``Migrations.apply`` commits each migration on its own; a crash between
    two of them would leave a file whose ``user_version`` no longer says what its schema
    is. Here every pending migration, its row in the migrations table and the
    ``user_version`` update commit together, or nothing does. A migration must therefore
    only run statements (``db.execute``): anything that commits (``executescript``,
    sqlite-utils helpers that open their own transaction) is caught and rolled back.
    """
    db = Database(conn, execute_plugins=False)
    if conn.in_transaction:
        raise RuntimeError("apply_migrations needs a connection outside any transaction")
    conn.execute("BEGIN IMMEDIATE")
    try:
        # user_version, which check_file matched against the exact schema, says where to
        # start; the migrations table's rows are a record only, never trusted for this.
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        MIGRATIONS.ensure_migrations_table(db)
        for migration in MIGRATIONS._migrations[current:stop_at]:
            migration.fn(db)
            if not conn.in_transaction:
                raise RuntimeError(f"migration {migration.name} committed on its own")
            conn.execute(
                f"INSERT OR REPLACE INTO {MIGRATIONS.migrations_table}"
                " (migration_set, name, applied_at) VALUES (?, ?, ?)",
                (MIGRATIONS.name, migration.name, datetime.now(UTC).isoformat(" ")),
            )
        conn.execute(f"PRAGMA user_version = {int(stop_at)}")
        if not conn.in_transaction:
            raise RuntimeError("the migrations did not run in one transaction")
        conn.commit()
    except BaseException:
        if conn.in_transaction:
            conn.rollback()
        raise


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
    try:
        conn = connect(path)
    except sqlite3.Error:
        return  # check_file reports the damage
    try:
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlite3.DatabaseError:
        pass  # check_file reports the damage
    finally:
        conn.close()


def check_file(path: str | os.PathLike) -> int:
    """Check a file without modifying it; return its schema version or raise FileRefused.

    Refuses: missing or not a regular file, empty, not SQLite, truncated or damaged
    (quick_check), another application's database, a newer version, any schema object
    (trigger, view, table, index) we did not create, and any of ours missing or altered.
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
    try:
        conn = connect(path, readonly=True)
    except sqlite3.Error as exc:
        raise _refuse(
            path, f"ouverture impossible ({exc}).", f"cannot be opened ({exc})."
        ) from None
    try:
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
    expected = expected_schema(version)
    extra = found - expected - _SQLITE_OPTIONAL
    if extra:
        kind, name, _, _ = sorted(extra)[0]
        raise _refuse(
            path,
            f"objet inattendu dans le fichier ({kind} « {_shown(name)} ») : "
            "ouverture refusée par sécurité.",
            f'unexpected object in the file ({kind} "{_shown(name)}"): refused for safety.',
        )
    missing = expected - found
    if missing:
        kind, name, _, _ = sorted(missing)[0]
        raise _refuse(
            path,
            f"objet absent ou modifié dans le fichier ({kind} « {_shown(name)} ») : "
            "ouverture refusée par sécurité.",
            f'missing or altered object in the file ({kind} "{_shown(name)}"): refused for safety.',
        )
    return version


def _shown(name: str | None) -> str:
    """An object name from the file, made safe for a one-line message."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(name))
    return text if len(text) <= 64 else text[:63] + "…"


_TMP_SUFFIX = ".charter-tmp"


def _atomic_backup(source: sqlite3.Connection, target: Path) -> None:
    """Write a consistent copy of ``source`` at ``target`` through a temporary file.

    The temporary file is named after the target (``.NAME.xxxx.charter-tmp``), so that the
    ones a killed copy left behind are recognised as ours and removed by the next copy to
    the same target.
    """
    target = Path(target)
    # A killed copy leaves its temporary file and, if it died mid-transaction, the
    # temporary file's journal (``…charter-tmp-journal``): both are ours.
    for stale in target.parent.glob(f".{glob.escape(target.name)}.*{_TMP_SUFFIX}*"):
        if stale.name.endswith((_TMP_SUFFIX, _TMP_SUFFIX + "-journal")):
            with contextlib.suppress(OSError):
                stale.unlink()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=_TMP_SUFFIX, dir=target.parent)
    os.close(fd)
    try:
        dest = connect(tmp)
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
            conn = connect(path)
            try:
                _configure(conn)
                lock.verify()  # the file exists now: lock its byte too (see lock.py)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                apply_migrations(conn)
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
            conn = connect(path)
            try:
                _configure(conn)
                lock.verify()  # still ours after the checks (see lock.py)
                if version < SCHEMA_VERSION:
                    backup = path.with_name(f"{path.stem}.v{version}-backup{path.suffix}")
                    _atomic_backup(conn, backup)
                    apply_migrations(conn)
            except BaseException:
                conn.close()
                raise
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
            disk = connect(path, readonly=True)
            conn = connect(":memory:")
            disk.backup(conn)
            disk.close()
            apply_migrations(conn)
        else:
            conn = connect(path, readonly=True)
        return cls(path, conn, None)

    # -- using ---------------------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self._lock is None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """One atomic, durable transaction (nested calls become savepoints)."""
        lock = self._lock
        if lock is None:  # read_only
            raise WorkshopError(
                "Ce fichier est ouvert en lecture seule.", "This file is open read-only."
            )
        if not self.conn.in_transaction:
            lock.verify()  # the lock file may have been deleted meanwhile
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
