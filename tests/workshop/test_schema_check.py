"""The schema check is exact: every object of a file's sqlite_schema is ours or SQLite's own.

Hostile objects imitate SQLite's names (``LIKE 'sqlite_%'`` matches ``sqliteXspy``: ``_`` is a
wildcard), missing objects and altered SQL are refused too, in one line, file untouched.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from tests import spoil
from workshop import workshopfile
from workshop.errors import FileRefused
from workshop.operations import setup
from workshop.schema import SCHEMA_VERSION
from workshop.session import Session
from workshop.workshopfile import WorkshopFile, check_file, expected_schema


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def saved(tmp_path) -> Path:
    path = tmp_path / "w.charter"
    s = setup.create(path, "Atelier", "ACME")
    setup.add_participant(s, "Łukasz Nguyễn-O’Brien", 1, "DRH")
    s.close()
    return path


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (spoil.lookalike_trigger, "trigger « sqliteXspy »"),
        (spoil.sqlite_named_trigger, "trigger « sqlite_x »"),
        (spoil.stat1_view, "view « sqlite_stat1 »"),
        (spoil.stat1_hostile_sql, "table « sqlite_stat1 »"),
        (spoil.sequence_table, "table « sqlite_sequence »"),
        (spoil.missing_index, "index « remarks_by_ballot »"),
        (spoil.changed_default, "table « workshop »"),
        # SQLite's own schema loader already refuses automatic indexes it did not make
        # (orphan index), so these reach the "damaged" refusal.
        (spoil.fake_autoindex, "endommagé"),
        (spoil.renumbered_autoindex, "endommagé"),
    ],
)
def test_hostile_or_missing_schema_objects_are_refused_untouched(saved, damage, expected):
    damage(saved)
    before = digest(saved)
    for opener in (Session.open, Session.open_readonly, check_file):
        with pytest.raises(FileRefused) as info:
            opener(saved)
        message = str(info.value)
        assert expected in message
        assert "\n" not in message
        assert digest(saved) == before
    assert not Path(str(saved) + ".lock").exists()


def test_english_message_names_the_missing_object(saved):
    from workshop.i18n import set_language

    spoil.missing_index(saved)
    set_language("en")
    with pytest.raises(FileRefused, match='missing or altered object .*"remarks_by_ballot"'):
        check_file(saved)


def test_sqlites_statistics_table_is_accepted(saved):
    spoil.real_stat1(saved)
    conn = sqlite3.connect(saved)
    assert conn.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'").fetchone()
    conn.close()
    assert check_file(saved) == SCHEMA_VERSION
    Session.open(saved).close()


def test_the_expected_schema_lists_sqlites_automatic_indexes_exactly():
    names = {name for _, name, _, _ in expected_schema(SCHEMA_VERSION)}
    assert "sqlite_autoindex_colleges_1" in names  # colleges.name UNIQUE
    assert "sqlite_autoindex_votes_1" in names
    assert not any(n.startswith("sqlite_autoindex_clauses") for n in names)  # rowid pk only


def test_every_connection_distrusts_the_schema(saved, tmp_path):
    ro = WorkshopFile.open_readonly(saved)
    rw = WorkshopFile.open(saved)
    mem = workshopfile.connect(":memory:")
    try:
        for conn in (ro.conn, rw.conn, mem):
            assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    finally:
        ro.close()
        rw.close()
        mem.close()


def test_no_module_opens_sqlite_without_the_helper():
    """Every connection goes through workshopfile.connect (trusted_schema=OFF first)."""
    root = Path(workshopfile.__file__).parent
    offenders = [
        f"{path.relative_to(root)}:{n}"
        for path in root.rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "sqlite3.connect(" in line and path.name != "workshopfile.py"
    ]
    assert offenders == []
    source = Path(workshopfile.__file__).read_text(encoding="utf-8")
    assert source.count("sqlite3.connect(") == 2  # both inside connect()
