"""A workshop open in another window: open a copy, open it read-only, or cancel (issue 12:
a second instance only had OK). `make run` with the demo already open opens a copy."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtWidgets import QMessageBox

from ui import dialogs
from workshop.operations import setup
from workshop.session import Session


def digest(path) -> str:  # noqa: ANN001
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def held(demo_path):
    """The demo held open for writing elsewhere (the lock refuses a second writer)."""
    other = Session.open(demo_path)
    yield other
    other.close()


@pytest.fixture
def answer(monkeypatch):
    asked: list[str] = []

    def reply(value: str) -> None:
        def ask(_parent, message: str) -> str:
            asked.append(message)
            return value

        monkeypatch.setattr(dialogs, "ask_locked", ask)

    reply.asked = asked
    return reply


def test_open_a_copy_beside_the_locked_file(window, controller, demo_path, held, answer, errors):
    answer("copy")
    before = digest(demo_path)
    assert controller.open(demo_path)
    assert "déjà ouvert" in answer.asked[0]  # the message says why it is asked
    assert controller.path == demo_path.with_name("demo-copie.charter")
    assert not controller.read_only
    assert (
        controller.snapshot.workshop.title
        == held.conn.execute("SELECT title FROM workshop").fetchone()[0]
    )
    assert controller.run(setup.update_workshop, title="Dans la copie") is not None
    assert digest(demo_path) == before  # the original is untouched
    assert window.windowTitle().startswith("demo-copie.charter")
    controller.close()
    answer("copy")
    assert controller.open(demo_path)  # a second copy never overwrites the first
    assert controller.path.name == "demo-copie-2.charter"
    assert errors == []


def test_read_only_refuses_every_change_clearly(
    window, controller, demo_path, held, answer, errors
):
    answer("readonly")
    before = digest(demo_path)
    assert controller.open(demo_path)
    assert controller.read_only and controller.path == demo_path
    assert window.tr("read-only") in window.windowTitle()
    assert window.read_only_label.text()
    assert controller.run(setup.update_workshop, title="Interdit") is None
    assert errors and ("lecture seule" in errors[-1] or "read-only" in errors[-1])
    assert not window.act_undo.isEnabled() and not window.act_redo.isEnabled()
    assert controller.undo() is None
    # looking at another step writes nothing and asks nothing
    shown = len(errors)
    window.rail.setCurrentRow(4)
    assert window.stack.currentWidget() is window.pages["plan"]
    assert len(errors) == shown
    assert digest(demo_path) == before
    controller.close()
    assert not window.read_only_label.text()


def test_cancel_opens_nothing(window, controller, demo_path, held, answer, errors):
    answer("cancel")
    assert not controller.open(demo_path)
    assert not controller.is_open
    assert not demo_path.with_name("demo-copie.charter").exists()
    assert errors == []


def test_a_damaged_file_is_refused_before_any_copy(controller, tmp_path, answer, errors):
    bad = tmp_path / "abîmé.charter"
    bad.write_bytes(b"not a workshop")
    holder = __import__("workshop.lock", fromlist=["WorkshopLock"]).WorkshopLock(bad)
    holder.acquire()
    try:
        answer("copy")
        assert not controller.open(bad)
        assert errors  # one line saying why
        assert not (tmp_path / "abîmé-copie.charter").exists()
    finally:
        holder.release()
    assert bad.read_bytes() == b"not a workshop"


def test_the_question_offers_copy_read_only_and_cancel(qapp):
    box, buttons = dialogs.locked_box(None, "Ce fichier est déjà ouvert par un autre processus.")
    assert set(buttons) == {"copy", "readonly", "cancel"}
    assert box.defaultButton() is buttons["copy"]
    assert box.escapeButton() is buttons["cancel"]
    assert box.buttonRole(buttons["cancel"]) == QMessageBox.ButtonRole.RejectRole
    assert "déjà ouvert" in box.text()
    box.deleteLater()


def test_make_run_with_the_demo_open_opens_a_copy(demo_template, tmp_path, monkeypatch, capsys):
    import shutil

    from workshop import cli
    from workshop.paths import demo_path

    monkeypatch.setenv("CHARTER_WORKSHOP_HOME", str(tmp_path / "home"))
    path = demo_path("fr")
    shutil.copy(demo_template, path)
    other = Session.open(path)  # the console already has it
    try:
        assert cli.main(["run", "--no-gui"]) == 0
    finally:
        other.close()
    out = capsys.readouterr().out
    copy = path.with_name("atelier-demo-copie.charter")
    assert "déjà ouvert" in out and str(copy) in out
    assert copy.exists()
