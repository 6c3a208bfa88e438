"""The console under write failures: one clear message, views as they were, work goes on.

Real conditions as in tests/workshop/test_write_failures.py: a full tmpfs, a deleted file.
Dialogs go through ``ui.dialogs`` (replaced here), so nothing modal blocks the test.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.faults import DISK_FULL_FR, MOVED_FR, fill, small_tmpfs
from workshop.model import STEPS
from workshop.session import Session


def _other_row(controller) -> int:
    current = controller.snapshot.workshop.current_step
    return next(i for i, s in enumerate(STEPS) if s.value != current)


def _rail_row(controller) -> int:
    return [s.value for s in STEPS].index(controller.snapshot.workshop.current_step)


@pytest.fixture
def small_disk(tmp_path):
    with small_tmpfs(tmp_path / "disk") as disk:
        yield disk


def test_disk_full_shows_one_line_and_the_console_stays_usable(
    window, controller, demo_template, small_disk, errors
):
    path = small_disk / "atelier.charter"
    shutil.copy(demo_template, path)
    assert controller.open(path)
    step = controller.snapshot.workshop.current_step
    page = window.stack.currentWidget()
    undo_text = window.act_undo.text()
    filler = fill(small_disk)

    window.rail.setCurrentRow(_other_row(controller))
    assert errors == [DISK_FULL_FR]
    assert controller.snapshot.workshop.current_step == step
    assert window.stack.currentWidget() is page  # the views stay as they were
    assert window.rail.currentRow() == _rail_row(controller)
    if window.act_undo.isEnabled():
        window.act_undo.trigger()
        assert errors == [DISK_FULL_FR, DISK_FULL_FR]
    assert window.act_undo.text() == undo_text

    filler.unlink()
    errors.clear()
    window.rail.setCurrentRow(_other_row(controller))
    assert errors == []
    assert controller.snapshot.workshop.current_step != step
    assert window.stack.currentWidget() is window.pages[controller.snapshot.workshop.current_step]
    moved_to = controller.snapshot.workshop.current_step
    controller.close()
    with Session.open_readonly(path) as s:
        assert s.conn.execute("SELECT current_step FROM workshop").fetchone()[0] == moved_to


def test_deleted_file_offers_a_copy_and_carries_on_in_it(
    window, controller, demo_path, errors, monkeypatch, tmp_path
):
    from ui import dialogs

    asked: list[str] = []
    rescue = tmp_path / "sauvé.charter"

    def ask_save_path(_parent, title, suggested="", _filter=""):
        asked.append(suggested)
        return str(rescue)

    monkeypatch.setattr(dialogs, "ask_save_path", ask_save_path)
    assert controller.open(demo_path)
    step = controller.snapshot.workshop.current_step
    demo_path.unlink()

    window.rail.setCurrentRow(_other_row(controller))
    assert errors == [MOVED_FR]
    assert asked == [str(demo_path.with_name("demo-copie.charter"))]
    assert controller.path == rescue
    assert window.windowTitle().startswith("sauvé.charter")
    assert controller.snapshot.workshop.current_step == step  # the copy is the open state

    window.rail.setCurrentRow(_other_row(controller))  # and work goes on in the copy
    assert errors == [MOVED_FR]
    moved_to = controller.snapshot.workshop.current_step
    assert moved_to != step
    controller.close()
    with Session.open_readonly(rescue) as s:
        assert s.conn.execute("SELECT current_step FROM workshop").fetchone()[0] == moved_to


def test_declining_the_copy_keeps_the_workshop_open_and_asks_again(
    window, controller, demo_path, errors, monkeypatch
):
    from ui import dialogs

    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_a, **_k: None)
    assert controller.open(demo_path)
    demo_path.unlink()
    for _ in range(2):
        window.rail.setCurrentRow(_other_row(controller))
    assert errors == [MOVED_FR, MOVED_FR]
    assert controller.is_open and controller.path == demo_path


def test_save_a_copy_onto_the_lock_is_refused_and_the_lock_untouched(
    window, controller, demo_path, errors, monkeypatch
):
    from ui import dialogs

    lock = demo_path.with_name(demo_path.name + ".lock")
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_a, **_k: str(lock))
    assert controller.open(demo_path)
    before = lock.read_bytes()
    window.save_copy()
    assert len(errors) == 1 and "\n" not in errors[0] and "le verrou d’un atelier" in errors[0]
    assert lock.read_bytes() == before


def test_an_export_onto_the_open_workshop_fails_with_one_line(qtbot, controller, demo_path):
    from ui.export_worker import VOTES, ExportRunner
    from workshop.exports.common import ExportOptions

    assert controller.open(demo_path)
    before = Path(demo_path).read_bytes()
    runner = ExportRunner()
    with qtbot.waitSignal(runner.failed, timeout=20000) as blocker:
        assert runner.start(VOTES, controller.full_snapshot(), demo_path, ExportOptions())
    key, message = blocker.args
    assert key == "votes" and "\n" not in message and "le fichier d’un atelier" in message
    assert Path(demo_path).read_bytes() == before
    runner.wait()


def test_a_file_locked_by_another_program_even_for_reading_is_one_line(
    window, controller, demo_path, errors
):
    """An exclusive lock also stops the reads an operation makes before its transaction."""
    import sqlite3

    assert controller.open(demo_path)
    step = controller.snapshot.workshop.current_step
    controller.session.conn.execute("PRAGMA busy_timeout = 0")  # at once, not after 5 s
    other = sqlite3.connect(demo_path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        window.rail.setCurrentRow(_other_row(controller))
        assert len(errors) == 1 and "occupé par un autre programme" in errors[0]
        assert window.rail.currentRow() == _rail_row(controller)
        other.execute("ROLLBACK")
    finally:
        other.close()
    window.rail.setCurrentRow(_other_row(controller))
    assert len(errors) == 1
    assert controller.snapshot.workshop.current_step != step
