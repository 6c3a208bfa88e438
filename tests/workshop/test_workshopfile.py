"""The workshop file: pragmas, refusals that leave the file untouched, migration, lock, copy."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests import spoil
from workshop.errors import FileLocked, FileRefused
from workshop.operations import setup
from workshop.schema import APPLICATION_ID, SCHEMA_VERSION
from workshop.session import Session
from workshop.workshopfile import WorkshopFile, check_file

FIXTURES = Path(__file__).parent.parent / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def saved(tmp_path) -> Path:
    """A closed workshop file with some content."""
    path = tmp_path / "w.charter"
    s = setup.create(path, "Atelier", "ACME")
    setup.add_participant(s, "Łukasz Nguyễn-O’Brien", 1, "DRH")
    s.close()
    return path


def test_new_file_has_our_identity_and_durable_pragmas(tmp_path):
    s = setup.create(tmp_path / "a.charter", "Atelier", "ACME")
    conn = s.conn
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 3  # EXTRA: syncs the folder too
    assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    s.close()


def test_changes_are_on_disk_when_the_operation_returns(saved):
    s = Session.open(saved)
    setup.add_participant(s, "Zoé", 2)
    # another connection sees it at once, while the session is still open
    other = sqlite3.connect(saved)
    assert other.execute("SELECT count(*) FROM participants").fetchone()[0] == 2
    other.close()
    s.close()


def test_create_refuses_an_existing_file(saved):
    before = digest(saved)
    with pytest.raises(FileRefused, match="existe déjà"):
        WorkshopFile.create(saved)
    assert digest(saved) == before


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (spoil.truncate, "tronqué ou endommagé"),
        (spoil.random_bytes, "pas un fichier d’atelier"),
        (spoil.empty, "vide"),
        (spoil.short_header, "tronqué"),
        (spoil.newer, "version plus récente"),
        (spoil.trigger, "trigger « spy »"),
        (spoil.view, "view « v »"),
    ],
)
def test_refused_files_are_left_byte_for_byte_unchanged(saved, damage, expected):
    damage(saved)
    before = digest(saved)
    with pytest.raises(FileRefused) as info:
        Session.open(saved)
    message = str(info.value)
    assert expected in message
    assert "\n" not in message
    assert message.startswith("w.charter")
    assert digest(saved) == before
    assert not Path(str(saved) + ".lock").exists()  # a refused open leaves no lock behind
    assert not Path(str(saved) + "-journal").exists()


def test_a_foreign_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    spoil.foreign(path)
    before = digest(path)
    with pytest.raises(FileRefused, match="autre application"):
        Session.open(path)
    assert digest(path) == before


def test_missing_file_and_directory_are_refused(tmp_path):
    with pytest.raises(FileRefused, match="n’existe pas"):
        check_file(tmp_path / "nope.charter")
    with pytest.raises(FileRefused, match="pas un fichier"):
        check_file(tmp_path)


def test_english_messages(saved):
    from workshop.i18n import set_language

    spoil.newer(saved)
    set_language("en")
    with pytest.raises(FileRefused, match="made by a newer version"):
        Session.open(saved)


def test_migrating_a_version_1_file_backs_it_up_first(tmp_path):
    path = tmp_path / "old.charter"
    shutil.copy(FIXTURES / "v1.charter", path)
    original = digest(path)
    assert check_file(path) == 1
    s = Session.open(path)
    assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    # data kept, new column present
    assert s.conn.execute("SELECT title FROM workshop").fetchone()[0] == "Atelier v1"
    names = [r[0] for r in s.conn.execute("SELECT name FROM participants ORDER BY id")]
    assert names == ["Łukasz Nguyễn-O’Brien", "Zoé Kowalczyk"]
    assert s.conn.execute("SELECT note FROM clauses").fetchall() == []
    s.close()
    backup = tmp_path / "old.v1-backup.charter"
    assert backup.exists()
    assert check_file(backup) == 1
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT count(*) FROM participants").fetchone()[0] == 2
    conn.close()
    assert digest(path) != original
    # the migrated file passes our own schema comparison
    assert check_file(path) == SCHEMA_VERSION


def test_read_only_open_of_an_old_file_does_not_write(tmp_path):
    path = tmp_path / "old.charter"
    shutil.copy(FIXTURES / "v1.charter", path)
    before = digest(path)
    s = Session.open_readonly(path)
    assert s.conn.execute("SELECT count(*) FROM participants").fetchone()[0] == 2
    s.close()
    assert digest(path) == before
    assert not (tmp_path / "old.v1-backup.charter").exists()


def test_second_writer_in_the_same_process_is_refused(saved):
    s = Session.open(saved)
    with pytest.raises(FileLocked):
        Session.open(saved)
    s.close()
    Session.open(saved).close()  # released on close


def test_second_writer_process_is_refused_with_its_pid(saved):
    code = (
        "import sys\n"
        "from workshop.session import Session\n"
        f"s = Session.open({str(saved)!r})\n"
        "print('ready', flush=True)\n"
        "sys.stdin.readline()\n"
        "s.close()\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline().strip() == "ready"
        with pytest.raises(FileLocked) as info:
            Session.open(saved)
        assert str(child.pid) in str(info.value)
    finally:
        child.stdin.write("\n")
        child.stdin.flush()
        child.wait(timeout=10)
    Session.open(saved).close()


def test_save_copy_uses_a_consistent_backup(saved, tmp_path):
    s = Session.open(saved)
    target = tmp_path / "copie.charter"
    s.file.save_copy(target)
    s.close()
    assert check_file(target) == SCHEMA_VERSION
    copy = Session.open(target)
    assert (
        copy.conn.execute("SELECT name FROM participants").fetchone()[0] == "Łukasz Nguyễn-O’Brien"
    )
    copy.close()


def test_integrity_check_of_a_sound_file_is_empty(saved):
    s = Session.open(saved)
    assert s.file.integrity_check() == []
    s.close()
