"""A write the disk refuses loses nothing and explains itself, and the session carries on.

Real OS conditions, not mocks: a small tmpfs filled to the last byte (disk full), a folder
made immutable with ``chattr +i`` (read-only even for root, who ignores permission bits),
the workshop file deleted, renamed or replaced under the open session. Each test checks
the project's own error with its one-line message, that nothing acknowledged is lost (by
reopening the file), that the undo stacks did not move, and that the same session writes
again once the cause is gone.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.faults import DISK_FULL_EN, DISK_FULL_FR, MOVED_FR, fill, immutable, small_tmpfs
from workshop import snapshot
from workshop.errors import (
    DiskFull,
    FileBusy,
    FolderReadOnly,
    WorkshopError,
    WorkshopFileMoved,
    WriteFailed,
    write_failure,
)
from workshop.library import builtin_library
from workshop.operations import ballots, clauses, plan, setup
from workshop.session import Session


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MiB disk of its own, so that filling it up harms nobody."""
    with small_tmpfs(tmp_path / "disk") as disk:
        yield disk


def open_copy(template: Path, folder: Path) -> Session:
    path = folder / "atelier.charter"
    shutil.copy(template, path)
    return Session.open(path)


def votes_of(path: Path, ballot_id: int) -> dict[int, str]:
    with Session.open_readonly(path) as s:
        rows = s.conn.execute(
            "SELECT participant_id, choice FROM votes WHERE ballot_id = ?", (ballot_id,)
        ).fetchall()
        assert s.file.integrity_check() == []
    return dict(rows)


def new_nominative_ballot(session: Session) -> tuple[int, list[int]]:
    """A clause under a vote by name, and its voters."""
    lib = builtin_library("fr")
    taken = {c.library_key for c in snapshot.load(session.conn, with_audit=False).clauses}
    key = next(c.key for c in lib.clauses if c.key not in taken)
    cid = clauses.add_clause(session, lib, key).value
    bid = ballots.open_ballot(session, cid, method="simple", capture="nominative").value
    voters = [p for p, _ in ballots.who_voted(session.conn, bid)]
    return bid, voters


def test_disk_full_refuses_the_vote_and_undo_and_the_session_carries_on(small_disk, demo_template):
    session = open_copy(demo_template, small_disk)
    try:
        bid, voters = new_nominative_ballot(session)
        ballots.cast_vote(session, bid, voters[0], "for")  # acknowledged
        undo_label, redo_label = session.undo_label(), session.redo_label()
        filler = fill(small_disk)

        with pytest.raises(DiskFull) as info:
            ballots.cast_vote(session, bid, voters[1], "against")
        assert str(info.value) == DISK_FULL_FR
        assert info.value.message("en") == DISK_FULL_EN
        with pytest.raises(DiskFull):
            session.undo()
        assert not session.conn.in_transaction
        assert (session.undo_label(), session.redo_label()) == (undo_label, redo_label)
        assert dict(session.conn.execute("SELECT participant_id, choice FROM votes"
                                         " WHERE ballot_id = ?", (bid,)).fetchall()) == {
            voters[0]: "for"
        }  # fmt: skip

        filler.unlink()  # the cause is gone: the same session writes again
        ballots.cast_vote(session, bid, voters[1], "against")
        session.undo()  # undoes the vote just cast
        session.redo()
        ballots.cast_vote(session, bid, voters[2], "abstain")
    finally:
        session.close()
    assert votes_of(small_disk / "atelier.charter", bid) == {
        voters[0]: "for",
        voters[1]: "against",
        voters[2]: "abstain",
    }


def test_disk_full_at_any_point_of_a_large_write_keeps_the_last_acknowledged_state(
    small_disk, demo_template
):
    """Leaving more or less room makes the write fail at different points (journal, pages
    that grow the file, commit): every time it is all or nothing."""
    session = open_copy(demo_template, small_disk)
    cid = snapshot.load(session.conn, with_audit=False).clauses[0].id
    acknowledged = snapshot.load(session.conn, with_audit=False).clauses[0].note
    refused = 0
    try:
        for i, leave in enumerate((0, 4096, 16384, 65536, 200_000, 500_000)):
            filler = fill(small_disk, leave)
            note = f"Note {i} « {'é' * 40_000} » {'œ' * 40_000}"
            try:
                clauses.set_clause_note(session, cid, note)
            except DiskFull:
                refused += 1
            else:
                acknowledged = note
            filler.unlink()
            stored = session.conn.execute("SELECT note FROM clauses WHERE id = ?", (cid,))
            assert stored.fetchone()[0] == acknowledged
        plan.add_action(session, "Après le disque plein", "training")
    finally:
        session.close()
    assert refused >= 1  # with nothing left free, the write cannot have passed
    with Session.open_readonly(small_disk / "atelier.charter") as s:
        assert s.file.integrity_check() == []
        snap = snapshot.load(s.conn, with_audit=False)
        assert next(c for c in snap.clauses if c.id == cid).note == acknowledged
        assert snap.actions[-1].title == "Après le disque plein"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="chattr is Linux only")
def test_read_only_folder_refuses_with_one_line_and_the_session_carries_on(tmp_path, demo_template):
    folder = tmp_path / "dossier"
    folder.mkdir()
    session = open_copy(demo_template, folder)
    try:
        action = plan.add_action(session, "Avant", "training").value  # acknowledged
        label = session.undo_label()
        reason = immutable(folder, True)
        if reason:
            pytest.skip(f"cannot make a folder read-only for root: {reason}")
        try:
            with pytest.raises(FolderReadOnly) as info:
                plan.add_action(session, "Pendant", "training")
            assert "\n" not in str(info.value)
            assert "lecture seule" in str(info.value) and "rien n’a été perdu" in str(info.value)
            with pytest.raises(FolderReadOnly):
                session.undo()
            assert session.undo_label() == label
        finally:
            immutable(folder, False)
        session.undo()  # the add of "Avant", as the stacks said
        session.redo()
        plan.add_action(session, "Après", "training")
    finally:
        session.close()
    with Session.open_readonly(folder / "atelier.charter") as s:
        titles = [a.title for a in snapshot.load(s.conn, with_audit=False).actions]
        assert s.file.integrity_check() == []
    assert "Pendant" not in titles
    assert titles[-2:] == ["Avant", "Après"]
    assert action


def test_deleted_file_is_reported_and_a_copy_saves_everything(tmp_path, demo_template):
    session = open_copy(demo_template, tmp_path)
    path = session.path
    try:
        plan.add_action(session, "Avant la suppression", "training")
        label = session.undo_label()
        path.unlink()
        with pytest.raises(WorkshopFileMoved) as info:
            plan.add_action(session, "Après la suppression", "training")
        assert str(info.value) == MOVED_FR
        with pytest.raises(WorkshopFileMoved):
            session.undo()
        assert session.undo_label() == label
        assert not path.exists()  # nothing was written in its place
        # What the console offers: a copy from the open connection (backup API).
        rescue = session.file.save_copy(tmp_path / "sauvé.charter")
    finally:
        session.close()
    with Session.open(rescue) as s:
        titles = [a.title for a in snapshot.load(s.conn, with_audit=False).actions]
        assert titles[-1] == "Avant la suppression"
        assert s.undo_label() == label  # the copy carries on where the session stood
        s.undo()


def test_renamed_file_is_reported_and_writing_resumes_when_it_is_back(tmp_path, demo_template):
    session = open_copy(demo_template, tmp_path)
    path = session.path
    elsewhere = tmp_path / "ailleurs.charter"
    try:
        os.rename(path, elsewhere)
        with pytest.raises(WorkshopFileMoved):
            plan.add_action(session, "Pendant", "training")
        os.rename(elsewhere, path)
        plan.add_action(session, "De retour", "training")
    finally:
        session.close()
    with Session.open_readonly(path) as s:
        titles = [a.title for a in snapshot.load(s.conn, with_audit=False).actions]
    assert "Pendant" not in titles and titles[-1] == "De retour"


def test_replaced_file_is_reported_and_the_newcomer_left_untouched(tmp_path, demo_template):
    session = open_copy(demo_template, tmp_path)
    path = session.path
    try:
        other = tmp_path / "autre.charter"
        setup.create(other, "Un autre atelier", "ACME", "fr").close()
        before = other.read_bytes()
        os.replace(other, path)  # a sync client or a colleague put another file there
        with pytest.raises(WorkshopFileMoved):
            plan.add_action(session, "Pendant", "training")
        assert path.read_bytes() == before
    finally:
        session.close()


def test_sqlite_own_moved_detection_is_mapped_too(tmp_path, demo_template, monkeypatch):
    """Without our inode check, SQLite's SQLITE_READONLY_DBMOVED gives the same message."""
    session = open_copy(demo_template, tmp_path)
    try:
        session.path.unlink()
        monkeypatch.setattr(Session, "file_in_place", property(lambda self: True))
        with pytest.raises(WorkshopFileMoved) as info:
            plan.add_action(session, "Pendant", "training")
        cause = info.value.__cause__
        assert isinstance(cause, sqlite3.OperationalError)
        assert cause.sqlite_errorname == "SQLITE_READONLY_DBMOVED"
    finally:
        session.close()


def test_a_bug_is_not_disguised_as_a_disk_failure(session):
    """Only disk failures are translated: a constraint violation stays a bug, rolled back."""
    before = session.conn.execute("SELECT count(*) FROM audit").fetchone()[0]

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO actions (title) VALUES ('x')")
        conn.execute("INSERT INTO colleges (id, name) VALUES (1, 'doublon')")

    with pytest.raises(sqlite3.IntegrityError):
        session.run("bug", "bug", [], broken)
    assert session.conn.execute("SELECT count(*) FROM audit").fetchone()[0] == before
    assert session.conn.execute("SELECT count(*) FROM actions").fetchone()[0] == 0
    plan.add_action(session, "Ensuite", "training")


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), DiskFull),
        (OSError(errno.EROFS, "Read-only file system"), FolderReadOnly),
        (OSError(errno.ENOENT, "No such file"), WorkshopFileMoved),
    ],
)
def test_os_errors_map_to_their_cause(error, kind):
    failure = write_failure(error)
    assert type(failure) is kind
    assert isinstance(failure, WriteFailed) and isinstance(failure, WorkshopError)
    assert "\n" not in failure.fr and "\n" not in failure.en


def test_programming_errors_are_not_write_failures():
    assert write_failure(ValueError("x")) is None
    assert write_failure(sqlite3.ProgrammingError("closed")) is None


def test_cli_on_a_full_disk_says_one_line(small_disk):
    filler = fill(small_disk, leave=256 * 1024)  # room to create the file, not to fill it
    done = subprocess.run(
        [sys.executable, "-m", "workshop", "demo", str(small_disk / "demo.charter")],
        capture_output=True,
        text=True,
        env={**os.environ, "CHARTER_LANG": "fr"},
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1
    assert done.stderr == f"charter-workshop: {DISK_FULL_FR}\n"
    filler.unlink()


def test_a_file_busy_in_another_program_is_reported_and_the_session_carries_on(session):
    """Another program (a reader, a sync client) holds SQLite's lock on the file."""
    session.conn.execute("PRAGMA busy_timeout = 0")  # report at once instead of waiting 5 s
    other = sqlite3.connect(session.path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # it is writing: we can read, not write
        with pytest.raises(FileBusy) as info:
            plan.add_action(session, "Pendant", "training")
        assert "occupé par un autre programme" in str(info.value)
        other.execute("ROLLBACK")
    finally:
        other.close()
    plan.add_action(session, "Après", "training")
    titles = [a.title for a in snapshot.load(session.conn, with_audit=False).actions]
    assert titles == ["Après"]
