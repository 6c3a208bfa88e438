"""Migrations are atomic: a kill at any moment leaves a file that opens, old version or new.

A subprocess opens (so migrates) a copy of the committed v1 fixture with every step made
slow (the backup, its temporary copy and each migration sleep), and prints a marker as it enters each step. We
SIGKILL it at a seeded random step plus a random delay, many times, each time on a fresh
copy; then the file must pass the read-only check as version 1 or the current version
(never in between: the exact schema check would see a half-migrated schema), and a normal
open must migrate it to the current version with its data and integrity intact.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workshop import workshopfile
from workshop.schema import MIGRATIONS, SCHEMA_VERSION
from workshop.workshopfile import WorkshopFile, check_file

FIXTURES = Path(__file__).parent.parent / "fixtures"
STEP_SECONDS = 0.15

MIGRATOR = r"""
import sys, time
from workshop import workshopfile as wf
from workshop.schema import MIGRATIONS

step = float(sys.argv[2])
on_file = False
backup = wf._atomic_backup

def slow_backup(conn, target):
    global on_file
    on_file = True
    print("backup", flush=True)
    time.sleep(step)
    backup(conn, target)

wf._atomic_backup = slow_backup
connect = wf.connect

def slow_connect(target, **kwargs):
    conn = connect(target, **kwargs)
    if str(target).endswith(".charter-tmp"):  # the backup's temporary file exists now
        print("copying", flush=True)
        time.sleep(step)
    return conn

wf.connect = slow_connect
for m in MIGRATIONS._migrations:
    def slow(db, fn=m.fn, name=m.name):
        if on_file:
            print("migrate " + name, flush=True)
            time.sleep(step)
        fn(db)
        if on_file:
            time.sleep(step)
    m.fn = slow
print("ready", flush=True)
f = wf.WorkshopFile.open(sys.argv[1])
print("open", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX; Windows kill is TerminateProcess")
def test_a_migration_killed_at_any_moment_leaves_the_old_or_the_new_version(tmp_path):
    pending = [m.name for m in MIGRATIONS._migrations][1:]  # what a v1 file needs
    markers = ["ready", "backup", "copying", *(f"migrate {name}" for name in pending), "open"]
    rng = random.Random(20261201)
    seen: dict[int, int] = {}
    for round_ in range(14):
        path = tmp_path / f"round{round_}.charter"
        shutil.copy(FIXTURES / "v1.charter", path)
        marker = markers[round_ % len(markers)] if round_ < len(markers) else rng.choice(markers)
        child = subprocess.Popen(
            [sys.executable, "-c", MIGRATOR, str(path), str(STEP_SECONDS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            while (line := child.stdout.readline().strip()) != marker:
                assert line, f"migrator ended before {marker!r}: {child.stderr.read()}"
            time.sleep(rng.uniform(0, 2 * STEP_SECONDS))
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=10)
        assert child.returncode == -signal.SIGKILL

        # What a crash left: recover the journal as the app does, then the file must pass
        # the exact check as one whole version.
        workshopfile._recover(path)
        version = check_file(path)
        assert version in (1, SCHEMA_VERSION), f"half-migrated after a kill at {marker}"
        seen[version] = seen.get(version, 0) + 1
        with WorkshopFile.open(path) as f:
            assert f.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            assert f.integrity_check() == []
            names = [r[0] for r in f.conn.execute("SELECT name FROM participants ORDER BY id")]
            assert names == ["Łukasz Nguyễn-O’Brien", "Zoé Kowalczyk"]
        assert check_file(path) == SCHEMA_VERSION
        backup = path.with_name(f"{path.stem}.v1-backup{path.suffix}")
        assert check_file(backup) == 1
        # a copy killed mid-way left a temporary file: the next backup removed it
        assert not list(tmp_path.glob(f".{backup.name}.*")), f"leftover after {marker}"
    # kills inside the migrations left version 1, kills after it the current one
    assert seen.get(1) and seen.get(SCHEMA_VERSION)


def test_a_failing_migration_rolls_every_migration_back(tmp_path, monkeypatch):
    path = tmp_path / "old.charter"
    shutil.copy(FIXTURES / "v1.charter", path)
    last = MIGRATIONS._migrations[-1]

    def broken(db):
        raise RuntimeError("boom")

    monkeypatch.setattr(last, "fn", broken)
    with pytest.raises(RuntimeError, match="boom"):
        WorkshopFile.open(path)
    assert check_file(path) == 1  # m002 was applied in the same transaction: rolled back
    assert not Path(str(path) + ".lock").exists()


def test_a_migration_that_commits_on_its_own_is_caught(tmp_path, monkeypatch):
    path = tmp_path / "old.charter"
    shutil.copy(FIXTURES / "v1.charter", path)
    last = MIGRATIONS._migrations[-1]

    def commits(db):
        db.conn.executescript("CREATE TABLE sneaky (x)")  # sqlite3 commits first

    monkeypatch.setattr(last, "fn", commits)
    with pytest.raises(RuntimeError, match="committed on its own"):
        WorkshopFile.open(path)


def test_migrations_start_from_user_version_not_from_the_migrations_table(tmp_path):
    """A v1 file whose migrations table claims more than its schema has still migrates."""
    import sqlite3

    path = tmp_path / "old.charter"
    shutil.copy(FIXTURES / "v1.charter", path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            (MIGRATIONS.name, MIGRATIONS._migrations[1].name, "2026-01-01"),
        )
    conn.close()
    assert check_file(path) == 1
    with WorkshopFile.open(path) as f:
        assert f.conn.execute("SELECT count(*) FROM clauses WHERE note = ''").fetchone() == (0,)
    assert check_file(path) == SCHEMA_VERSION


def test_a_killed_copys_temporary_file_and_its_journal_are_both_removed(tmp_path):
    """The next copy to a target removes what a killed one left: the file and its journal."""
    from workshop.workshopfile import _atomic_backup, connect

    source = connect(":memory:")
    source.execute("CREATE TABLE t (x)")
    target = tmp_path / "w.v1-backup.charter"
    left = [
        tmp_path / f".{target.name}.k1ll3d.charter-tmp",
        tmp_path / f".{target.name}.k1ll3d.charter-tmp-journal",
    ]
    for path in left:
        path.write_bytes(b"left by a killed copy")
    neighbour = tmp_path / f".{target.name}.notes.txt"
    neighbour.write_text("not ours")
    _atomic_backup(source, target)
    assert target.exists()
    assert not any(path.exists() for path in left)
    assert neighbour.exists()
