"""WorkshopLock against real files and real processes: one writer per workshop file."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from workshop.errors import FileLocked, FileRefused
from workshop.i18n import set_language
from workshop.lock import WorkshopLock

REPO_ROOT = Path(__file__).resolve().parents[2]

# A child process that takes the lock, says so, and holds it until stdin gives a line.
HOLDER_SCRIPT = textwrap.dedent(
    """
    import sys
    from workshop.lock import WorkshopLock

    lock = WorkshopLock(sys.argv[1])
    lock.acquire()
    print("locked", flush=True)
    sys.stdin.readline()
    lock.release()
    """
)

# A child process that repeatedly takes and drops the lock and checks that nobody else
# is inside meanwhile (a marker file only the holder may create).
CONTENDER_SCRIPT = textwrap.dedent(
    """
    import os, sys, time
    from workshop.errors import FileLocked
    from workshop.lock import WorkshopLock

    path, marker, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    entered = 0
    for _ in range(rounds):
        lock = WorkshopLock(path)
        try:
            lock.acquire()
        except FileLocked:
            continue
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            print("overlap", flush=True)
            sys.exit(1)
        os.close(fd)
        entered += 1
        time.sleep(0.0005)
        os.remove(marker)
        lock.release()
    print(entered, flush=True)
    """
)

SpawnHolder = Callable[[Path], "subprocess.Popen[str]"]


@pytest.fixture
def permission_bits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Enforce POSIX write bits on os.open even for root, as an ordinary user meets them.

    CI runs as root, which ignores permission bits; without this the refusal paths for
    unwritable folders and lock files would never run there.
    """
    real_open = os.open

    def checked_open(path, flags, mode=0o777, *args, **kwargs):  # noqa: ANN001, ANN202
        writing = flags & (os.O_WRONLY | os.O_RDWR)
        if os.path.exists(path):
            if writing and not os.stat(path).st_mode & 0o200:
                raise PermissionError(errno.EACCES, "Permission denied", path)
        elif flags & os.O_CREAT:
            folder = os.path.dirname(os.path.abspath(path))
            if not os.stat(folder).st_mode & 0o200:
                raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, flags, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", checked_open)


needs_permissions = pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


@pytest.fixture(autouse=True)
def _reset_language() -> Iterator[None]:
    yield
    set_language(None)


@pytest.fixture
def workshop_path(tmp_path: Path) -> Path:
    path = tmp_path / "atelier.charter"
    path.write_bytes(b"")
    return path


@pytest.fixture
def spawn_holder() -> Iterator[SpawnHolder]:
    """Start child processes that hold the lock; make sure none outlives the test."""
    children: list[subprocess.Popen[str]] = []

    def spawn(path: Path) -> subprocess.Popen[str]:
        child = subprocess.Popen(
            [sys.executable, "-c", HOLDER_SCRIPT, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=_child_env(),
        )
        children.append(child)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "locked"
        return child

    yield spawn
    for child in children:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=10)
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()


def _let_go(child: subprocess.Popen[str]) -> None:
    """Ask a holder child to release and exit normally."""
    assert child.stdin is not None
    child.stdin.write("\n")
    child.stdin.flush()
    assert child.wait(timeout=10) == 0


def _messages(error: Exception) -> tuple[str, str]:
    assert isinstance(error, FileLocked | FileRefused)
    return error.message("fr"), error.message("en")


def _assert_one_line(*messages: str) -> None:
    for message in messages:
        assert message
        assert "\n" not in message and "\r" not in message, message


def test_acquire_writes_holder_info_and_release_removes_the_file(workshop_path: Path) -> None:
    lock = WorkshopLock(workshop_path)
    lock_file = Path(str(workshop_path) + ".lock")
    assert lock.lock_path == str(lock_file)
    assert not lock.locked

    lock.acquire()
    assert lock.locked
    info = json.loads(lock_file.read_text(encoding="utf-8"))
    assert info["pid"] == os.getpid()
    assert info["host"] == socket.gethostname()
    assert info["app"] == "charter-workshop"
    holder = lock.holder()
    assert holder is not None
    assert holder.pid == os.getpid() and holder.host == socket.gethostname()
    assert holder.started is not None

    lock.release()
    assert not lock.locked
    assert not lock_file.exists()
    assert lock.holder() is None
    lock.release()  # idempotent

    lock.acquire()  # and can be taken again
    assert lock_file.exists()
    lock.release()
    assert not lock_file.exists()


def test_context_manager_releases_even_on_error(workshop_path: Path) -> None:
    with pytest.raises(ValueError), WorkshopLock(workshop_path) as lock:
        assert lock.locked
        raise ValueError("boom")
    assert not lock.locked
    assert not Path(str(workshop_path) + ".lock").exists()


def test_acquiring_the_same_object_twice_is_a_bug(workshop_path: Path) -> None:
    with WorkshopLock(workshop_path) as lock, pytest.raises(RuntimeError):
        lock.acquire()


def test_second_lock_in_same_process_is_refused(workshop_path: Path, tmp_path: Path) -> None:
    other_spelling = tmp_path / "sub" / ".." / workshop_path.name
    (tmp_path / "sub").mkdir()
    with WorkshopLock(workshop_path):
        for path in (workshop_path, other_spelling):
            second = WorkshopLock(path)
            with pytest.raises(FileLocked) as refused:
                second.acquire()
            assert not second.locked
            _assert_one_line(*_messages(refused.value))
        assert Path(str(workshop_path) + ".lock").exists()  # the refusal left it alone
    with WorkshopLock(other_spelling) as second:  # free again once released
        assert second.locked


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="symlinks")
def test_second_lock_through_a_symlink_is_refused(workshop_path: Path, tmp_path: Path) -> None:
    link = tmp_path / "lien.charter"
    link.symlink_to(workshop_path)
    with WorkshopLock(workshop_path), pytest.raises(FileLocked):
        WorkshopLock(link).acquire()


def test_lock_held_by_another_process_is_refused_with_its_details(
    workshop_path: Path, spawn_holder: SpawnHolder
) -> None:
    child = spawn_holder(workshop_path)
    lock = WorkshopLock(workshop_path)
    holder = lock.holder()
    assert holder is not None and holder.pid == child.pid

    with pytest.raises(FileLocked) as refused:
        lock.acquire()
    assert not lock.locked
    fr, en = _messages(refused.value)
    _assert_one_line(fr, en)
    for message in (fr, en):
        assert f"PID {child.pid}" in message
        assert socket.gethostname() in message
    assert fr.startswith("Ce fichier est déjà ouvert par un autre processus")
    assert en.startswith("This workshop is already open in another process")
    set_language("en")
    assert str(refused.value) == en
    set_language("fr")
    assert str(refused.value) == fr

    _let_go(child)
    assert not Path(lock.lock_path).exists()
    with lock:
        assert lock.holder().pid == os.getpid()


def test_lock_of_a_killed_process_is_taken_over(
    workshop_path: Path, spawn_holder: SpawnHolder
) -> None:
    child = spawn_holder(workshop_path)
    child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no cleanup runs
    child.wait(timeout=10)
    lock = WorkshopLock(workshop_path)
    lock_file = Path(lock.lock_path)
    assert lock_file.exists()  # stale: the file outlives its holder...
    stale = lock.holder()
    assert stale is not None and stale.pid == child.pid

    deadline = time.monotonic() + (5 if os.name == "nt" else 0)
    while True:  # ...but its OS lock does not (Windows may drop it a moment later)
        try:
            lock.acquire()
            break
        except FileLocked:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    try:
        holder = lock.holder()
        assert holder is not None and holder.pid == os.getpid()
        assert json.loads(lock_file.read_text(encoding="utf-8"))["pid"] == os.getpid()
    finally:
        lock.release()
    assert not lock_file.exists()


def test_odd_holder_info_still_gives_one_line_messages(
    workshop_path: Path, spawn_holder: SpawnHolder
) -> None:
    child = spawn_holder(workshop_path)
    lock = WorkshopLock(workshop_path)
    lock_file = Path(lock.lock_path)
    # The lock is advisory for content: overwrite the child's info with hostile text.
    hostile = {
        "app": "charter-workshop",
        "pid": child.pid,
        "host": "evil\nhost\r\u2028x",
        "user": "ana\n\tbob" + "z" * 500,
        "started": "2001-02-03T04:05:06+00:00",
    }
    with open(lock_file, "r+b") as file:
        file.truncate(0)
        file.write(json.dumps(hostile).encode())
    with pytest.raises(FileLocked) as refused:
        lock.acquire()
    fr, en = _messages(refused.value)
    _assert_one_line(fr, en)
    assert "evil host x" in fr and "evil host x" in en
    assert len(en) < 300
    assert "2001" in fr and "2001" in en  # not today: the date is given too

    with open(lock_file, "r+b") as file:  # no readable info at all
        file.truncate(0)
    with pytest.raises(FileLocked) as refused:
        lock.acquire()
    fr, en = _messages(refused.value)
    _assert_one_line(fr, en)
    assert fr == (
        "Ce fichier est déjà ouvert par un autre processus. Fermez-le là-bas ou ouvrez une copie."
    )
    assert en == "This workshop is already open in another process. Close it there or open a copy."


def test_processes_contending_never_hold_the_lock_together(
    workshop_path: Path, tmp_path: Path
) -> None:
    """Acquire/release in a tight loop from several processes: the lock file is created
    and removed constantly, which is where a lock on a just-deleted file would slip in."""
    marker = tmp_path / "inside"
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CONTENDER_SCRIPT, str(workshop_path), str(marker), "300"],
            stdout=subprocess.PIPE,
            text=True,
            env=_child_env(),
        )
        for _ in range(4)
    ]
    outputs = [child.communicate(timeout=120)[0].strip() for child in children]
    assert all(child.returncode == 0 for child in children), outputs
    assert sum(int(out) for out in outputs) > 0
    assert not Path(str(workshop_path) + ".lock").exists()


def test_lock_on_a_file_removed_meanwhile_is_not_kept(
    workshop_path: Path, spawn_holder: SpawnHolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race the contention test can only hope to hit, made to happen: between our
    open and our lock, the holder releases (removing the file) and another process takes
    a new lock file. Our lock on the removed file must not count."""
    import workshop.lock as lock_module

    real_try_os_lock = lock_module._try_os_lock
    children: list[subprocess.Popen[str]] = []

    def release_then_lock(fd: int) -> bool:
        if not children:
            os.remove(str(workshop_path) + ".lock")
            children.append(spawn_holder(workshop_path))
        return real_try_os_lock(fd)

    monkeypatch.setattr(lock_module, "_try_os_lock", release_then_lock)
    Path(str(workshop_path) + ".lock").write_text("")  # a stale file is what we open first
    lock = WorkshopLock(workshop_path)
    with pytest.raises(FileLocked) as refused:
        lock.acquire()
    assert f"PID {children[0].pid}" in str(refused.value)
    assert not lock.locked


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    lock = WorkshopLock(tmp_path / "absent" / "atelier.charter")
    with pytest.raises(FileRefused) as refused:
        lock.acquire()
    assert not lock.locked
    _assert_one_line(*_messages(refused.value))


@needs_permissions
@pytest.mark.usefixtures("permission_bits")
def test_unwritable_folder_is_refused(workshop_path: Path) -> None:
    folder = workshop_path.parent
    folder.chmod(0o555)
    try:
        lock = WorkshopLock(workshop_path)
        with pytest.raises(FileRefused) as refused:
            lock.acquire()
        assert not isinstance(refused.value, FileLocked)
        fr, en = _messages(refused.value)
        _assert_one_line(fr, en)
        assert "écriture" in fr and "not writable" in en
    finally:
        folder.chmod(0o755)
    with lock:  # the refusal left nothing behind in this process
        assert lock.locked


@needs_permissions
@pytest.mark.usefixtures("permission_bits")
def test_unwritable_stale_lock_file_is_replaced(workshop_path: Path) -> None:
    lock = WorkshopLock(workshop_path)
    lock_file = Path(lock.lock_path)
    lock_file.write_text('{"app": "charter-workshop", "pid": 1, "host": "ailleurs"}')
    lock_file.chmod(0o444)  # as if left by another user
    with lock:
        assert lock.holder().pid == os.getpid()
    assert not lock_file.exists()


@needs_permissions
@pytest.mark.usefixtures("permission_bits")
def test_unwritable_lock_file_held_by_another_process_is_refused(
    workshop_path: Path, spawn_holder: SpawnHolder
) -> None:
    child = spawn_holder(workshop_path)
    lock = WorkshopLock(workshop_path)
    Path(lock.lock_path).chmod(0o444)
    with pytest.raises(FileLocked) as refused:
        lock.acquire()
    assert f"PID {child.pid}" in str(refused.value)
    _let_go(child)


# -- a deleted lock file -------------------------------------------------------------------

needs_ofd = pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="the workshop byte lock uses Linux OFD locks; elsewhere verify() protects writes",
)


def _delete_lock_file(path: Path) -> None:
    Path(str(path) + ".lock").unlink()


@needs_ofd
def test_deleting_the_lock_file_does_not_let_another_process_in(
    workshop_path: Path, spawn_holder: SpawnHolder
) -> None:
    child = spawn_holder(workshop_path)
    _delete_lock_file(workshop_path)
    lock = WorkshopLock(workshop_path)
    with pytest.raises(FileLocked) as refused:
        lock.acquire()
    _assert_one_line(*_messages(refused.value))
    assert not lock.locked
    assert not Path(lock.lock_path).exists()  # the refused one removed the file it made
    _let_go(child)
    with lock:
        assert lock.holder().pid == os.getpid()


@needs_ofd
def test_deleting_the_lock_file_does_not_let_a_second_lock_in_this_process(
    workshop_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop import lock as lock_module

    first = WorkshopLock(workshop_path)
    first.acquire()
    try:
        _delete_lock_file(workshop_path)
        monkeypatch.setattr(lock_module, "_held_paths", set())  # only the OS lock is left
        with pytest.raises(FileLocked):
            WorkshopLock(workshop_path).acquire()
    finally:
        first.release()


def test_a_writer_whose_lock_file_was_deleted_recreates_it_before_writing(
    tmp_path: Path, spawn_holder: SpawnHolder
) -> None:
    from workshop.operations import setup
    from workshop.session import Session

    path = tmp_path / "w.charter"
    setup.create(path, "Atelier", "ACME").close()
    session = Session.open(path)
    try:
        _delete_lock_file(path)
        setup.add_participant(session, "Zoé", 1)  # verify() runs before the write
        lock = WorkshopLock(path)
        assert lock.holder() is not None and lock.holder().pid == os.getpid()
        child = subprocess.run(
            [sys.executable, "-c", HOLDER_SCRIPT, str(path)],
            capture_output=True,
            text=True,
            env=_child_env(),
            timeout=30,
        )
        assert child.returncode == 1
        assert f"PID {os.getpid()}" in child.stderr.strip().splitlines()[-1]
    finally:
        session.close()
    assert not Path(str(path) + ".lock").exists()


@needs_ofd
def test_a_writer_process_keeps_the_workshop_after_its_lock_file_is_deleted(
    tmp_path: Path,
) -> None:
    import hashlib

    from workshop.operations import setup
    from workshop.session import Session

    path = tmp_path / "w.charter"
    setup.create(path, "Atelier", "ACME").close()
    code = (
        "import sys\n"
        "from workshop.session import Session\n"
        f"s = Session.open({str(path)!r})\n"
        "print('ready', flush=True)\n"
        "sys.stdin.readline()\n"
        "s.close()\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=_child_env(),
    )
    try:
        assert child.stdout.readline().strip() == "ready"
        with Session.open_readonly(path) as reader:  # the byte lock leaves readers alone
            assert reader.conn.execute("SELECT title FROM workshop").fetchone()[0] == "Atelier"
        _delete_lock_file(path)
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        with pytest.raises(FileLocked) as refused:
            Session.open(path)
        _assert_one_line(*_messages(refused.value))
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before
        assert not Path(str(path) + ".lock").exists()
    finally:
        child.stdin.write("\n")
        child.stdin.flush()
        child.wait(timeout=10)
    Session.open(path).close()
