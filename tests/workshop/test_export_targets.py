"""Exports never destroy a workshop, and a killed export leaves no temporary file behind.

Every export writes through ``exports.common.atomic_write``: a target that is the open
workshop file, its lock, its journal, its migration backup, or any path resolving to one
(symbolic link, hard link, ``..``, another case), or any workshop file at all, is refused
with one line before a byte is written.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workshop import bundle, snapshot
from workshop.errors import ExportRefused
from workshop.exports import common
from workshop.exports.csv_votes import write_votes
from workshop.operations import plan
from workshop.session import Session

FIXTURES = Path(__file__).parent.parent / "fixtures"


def folder_state(folder: Path) -> dict[str, bytes]:
    """Every file in the folder (hidden ones too) and its bytes."""
    return {
        p.name: (os.readlink(p).encode() if p.is_symlink() else p.read_bytes())
        for p in folder.iterdir()
        if p.is_symlink() or p.is_file()
    }


@pytest.fixture
def snap(session):
    plan.add_action(session, "Former les managers", "training")
    return snapshot.load(session.conn)


def assert_refused(write, target: Path, folder: Path, role_en: str) -> None:
    before = folder_state(folder)
    with pytest.raises(ExportRefused) as info:
        write(target)
    message = info.value.message("en")
    assert "\n" not in message and "\n" not in info.value.fr
    assert f"this is a workshop's {role_en}" in message
    assert folder_state(folder) == before  # nothing written, no temporary file left


def companions(session: Session) -> dict[str, Path]:
    path = session.path
    return {
        "file": path,
        "lock": path.with_name(path.name + ".lock"),
        "journal": path.with_name(path.name + "-journal"),
    }


@pytest.mark.parametrize("role", ["file", "lock", "journal"])
def test_export_onto_the_workshop_or_its_companions_is_refused(session, snap, role):
    target = companions(session)[role]
    role_en = {"file": "file", "lock": "lock", "journal": "journal"}[role]
    assert_refused(lambda t: write_votes(snap, t), target, session.path.parent, role_en)
    assert_refused(lambda t: bundle.write_bundle(session, t), target, session.path.parent, role_en)


def test_export_onto_the_migration_backup_is_refused(tmp_path):
    old = tmp_path / "ancien.charter"
    shutil.copy(FIXTURES / "v1.charter", old)
    with Session.open(old) as s:
        backup = tmp_path / "ancien.v1-backup.charter"
        assert backup.exists()
        snap = snapshot.load(s.conn)
        assert_refused(lambda t: write_votes(snap, t), backup, tmp_path, "migration backup")
        # Under an innocent name, a hard link to the backup is still the backup.
        link = tmp_path / "votes.csv"
        os.link(backup, link)
        assert_refused(lambda t: write_votes(snap, t), link, tmp_path, "migration backup")


def test_links_and_spellings_that_resolve_to_the_workshop_are_refused(session, snap, tmp_path):
    workshop = session.path
    symlink = tmp_path / "votes.csv"
    symlink.symlink_to(workshop.name)
    assert_refused(lambda t: write_votes(snap, t), symlink, tmp_path, "file")
    symlink.unlink()

    hardlink = tmp_path / "votes.csv"
    os.link(workshop, hardlink)
    assert_refused(lambda t: write_votes(snap, t), hardlink, tmp_path, "file")
    hardlink.unlink()

    lock_link = tmp_path / "verrou.csv"
    lock_link.symlink_to(workshop.name + ".lock")
    assert_refused(lambda t: write_votes(snap, t), lock_link, tmp_path, "lock")
    lock_link.unlink()

    (tmp_path / "sous-dossier").mkdir()
    dotted = tmp_path / "sous-dossier" / ".." / workshop.name
    assert_refused(lambda t: write_votes(snap, t), dotted, tmp_path, "file")
    upper = tmp_path / workshop.name.upper()  # the same file on a case-insensitive disk
    assert_refused(lambda t: write_votes(snap, t), upper, tmp_path, "file")
    journal_upper = tmp_path / (workshop.name + "-JOURNAL")
    assert_refused(lambda t: write_votes(snap, t), journal_upper, tmp_path, "journal")


def test_any_workshop_file_is_refused_whatever_its_name(session, snap, tmp_path):
    """A closed workshop renamed « votes.csv » (or open in another process) is not overwritten."""
    other = tmp_path / "votes.csv"
    shutil.copy(FIXTURES / "v1.charter", other)
    assert_refused(lambda t: write_votes(snap, t), other, tmp_path, "file")


def test_an_ordinary_target_is_written(session, snap, tmp_path):
    target = tmp_path / "votes.csv"
    target.write_text("ancien export", encoding="utf-8")
    write_votes(snap, target)
    assert target.read_text(encoding="utf-8") != "ancien export"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_save_a_copy_accepts_a_new_name_but_not_a_companion(session, tmp_path):
    common.check_target(tmp_path / "copie.charter", copy=True)
    for target in companions(session).values():
        with pytest.raises(ExportRefused):
            common.check_target(target, copy=True)
    with pytest.raises(ExportRefused):
        common.check_target(tmp_path / "atelier.v3-backup.charter", copy=True)


def test_cli_export_onto_its_own_file_is_refused_in_one_line(tmp_path):
    workshop = tmp_path / "atelier.charter"
    shutil.copy(FIXTURES / "v1.charter", workshop)
    before = folder_state(tmp_path)
    for option, target in (
        ("--csv", workshop),
        ("--json", workshop),
        ("--pdf", tmp_path / "atelier.charter.lock"),
        ("--docx", tmp_path / "atelier.charter-journal"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "workshop", "export", str(workshop), option, str(target)],
            capture_output=True,
            text=True,
            env={**os.environ, "CHARTER_LANG": "fr"},
        )
        assert done.returncode == 1, done.stderr
        assert done.stdout == ""
        assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
        assert "d’un atelier" in done.stderr
        assert folder_state(tmp_path) == before


# -- temporary files -----------------------------------------------------------------------
_SLOW_EXPORT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from workshop.exports.common import atomic_write

    def write(tmp: Path) -> None:
        tmp.write_bytes(b"half an export")
        print(tmp.name, flush=True)  # the parent kills us now
        time.sleep(600)

    atomic_write(Path(sys.argv[1]), write)
    """
)


def test_a_killed_export_leaves_a_temporary_that_the_next_export_removes(snap, tmp_path):
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "votes.csv"
    child = subprocess.Popen(
        [sys.executable, "-c", _SLOW_EXPORT, str(target)], stdout=subprocess.PIPE, text=True
    )
    try:
        temp_name = child.stdout.readline().strip()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    left = out / temp_name
    assert left.exists() and not target.exists()
    assert temp_name.startswith(".votes.csv.charter-export-") and temp_name.endswith(".tmp")

    # Neighbours that are not ours, or not stale, stay.
    foreign = out / ".votes.csv.autre.tmp"
    foreign.write_text("pas à nous", encoding="utf-8")
    alive = out / temp_name.replace(f"-{child.pid}-", f"-{os.getppid()}-")
    alive.write_text("un export en cours ailleurs", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("ne pas suivre", encoding="utf-8")
    link = out / temp_name.replace(".tmp", "x.tmp")
    link.symlink_to(secret)

    write_votes(snap, out / "autre.csv")  # any export to that folder tidies it
    assert not left.exists()
    assert foreign.exists() and alive.exists() and link.is_symlink() and secret.exists()
    assert (out / "autre.csv").exists()
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [foreign.name, alive.name, link.name, "autre.csv"]
    )


def test_a_failed_export_leaves_no_temporary(tmp_path):
    def boom(tmp: Path) -> None:
        tmp.write_bytes(b"partial")
        raise RuntimeError("export bug")

    with pytest.raises(RuntimeError):
        common.atomic_write(tmp_path / "x.csv", boom)
    assert list(tmp_path.iterdir()) == []


def test_our_own_temporaries_from_a_previous_process_with_our_pid_are_stale(tmp_path):
    """A PID is reused: a temporary bearing ours that no export of ours is writing is stale."""
    prefix = common._temp_prefix(tmp_path / "x.csv")
    stale = tmp_path / f"{prefix}abcd1234.tmp"
    stale.write_bytes(b"left by an earlier process")
    assert common.clean_stale_temporaries(tmp_path) == [stale]


def test_a_fifo_target_is_not_opened_to_look_inside(snap, tmp_path):
    """Checking whether a target is a workshop never opens a FIFO (that would block)."""
    fifo = tmp_path / "votes.csv"
    os.mkfifo(fifo)
    write_votes(snap, fifo)
    assert fifo.is_file()
