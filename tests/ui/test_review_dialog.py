"""File ▸ Import a review…: the reviewed articles listed, nothing ticked, the ticked ones
recorded through the controller as one operation (one undo); a hostile file refused in one
line."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from tests.workshop.review import scenario
from ui import dialogs, review_dialog
from workshop import snapshot
from workshop.review import read_review
from workshop.review.proposals import wording


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> scenario.Scenario:
    return scenario.build(tmp_path_factory.mktemp("review_ui"))


@pytest.fixture
def opened(built, controller, tmp_path):
    path = tmp_path / "atelier.charter"
    shutil.copy(built.workshop, path)
    assert controller.open(path)
    return controller


def _texts(controller, built) -> tuple[str, str]:
    by_id = {c.id: c for c in controller.snapshot.clauses}
    return (
        wording(by_id[int(built.deleted_ref[1:])].text),
        wording(by_id[int(built.inserted_ref[1:])].text),
    )


def test_lists_per_article_nothing_ticked(qtbot, opened, built):
    dialog = review_dialog.ReviewDialog(opened, read_review(built.reviewed))
    qtbot.addWidget(dialog)
    tree = dialog.tree
    assert tree.topLevelItemCount() == 3  # two articles, then what is outside them
    refs = [tree.topLevelItem(i).text(0) for i in range(2)]
    assert refs == [built.deleted_ref, built.inserted_ref]
    inserted = tree.topLevelItem(1)
    lines = [inserted.child(i).text(1) for i in range(inserted.childCount())]
    assert f"+ inséré : « {scenario.INSERTED.strip()} »" in lines
    assert any(scenario.COMMENT in line for line in lines)
    outside = tree.topLevelItem(2)
    assert outside.childCount() == 1 and scenario.COVER_COMMENT in outside.child(0).text(1)
    for i in range(2):
        assert tree.topLevelItem(i).checkState(0) == Qt.CheckState.Unchecked
    assert dialog.chosen() == [] and not dialog.record_button.isEnabled()
    dialog.tick(built.inserted_ref)
    assert [r.reference for r in dialog.chosen()] == [built.inserted_ref]
    assert dialog.record_button.isEnabled()


def test_a_stale_article_cannot_be_ticked(qtbot, opened, built):
    from workshop.operations import clauses as clause_ops

    clause_id = int(built.deleted_ref[1:])
    text = next(c.text for c in opened.snapshot.clauses if c.id == clause_id)
    assert opened.run(clause_ops.amend, clause_id, text + " Ajout en séance.")
    dialog = review_dialog.ReviewDialog(opened, read_review(built.reviewed))
    qtbot.addWidget(dialog)
    item = dialog.tree.topLevelItem(0)
    assert not item.flags() & Qt.ItemFlag.ItemIsUserCheckable
    dialog.tick(built.deleted_ref)
    assert dialog.chosen() == []
    assert item.text(2) == "changed in the workshop since this export: not recordable"


def test_import_records_the_ticked_articles_and_undo_reverts(
    qtbot, opened, built, monkeypatch, errors
):
    before = _texts(opened, built)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_: str(built.reviewed))

    def tick_both(dialog):
        dialog.tick(built.deleted_ref)
        dialog.tick(built.inserted_ref)
        return True

    monkeypatch.setattr(review_dialog, "run_modal", tick_both)
    seen = []
    opened.changed.connect(seen.append)
    assert review_dialog.import_review(opened, None)
    assert errors == []
    assert _texts(opened, built) == (built.deleted_after, built.inserted_after)
    [changes] = seen
    assert changes.initiator.value == "import"
    assert changes.summary.startswith("Relecture juridique : 2 amendements")
    opened.undo()
    assert _texts(opened, built) == before


def test_closing_the_dialog_records_nothing(qtbot, opened, built, monkeypatch):
    before = _texts(opened, built)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_: str(built.reviewed))

    def tick_and_close(dialog):
        dialog.tick(built.inserted_ref)
        return False

    monkeypatch.setattr(review_dialog, "run_modal", tick_and_close)
    assert not review_dialog.import_review(opened, None)
    assert _texts(opened, built) == before


def test_a_hostile_file_is_one_line(qtbot, opened, tmp_path, monkeypatch, errors):
    bad = tmp_path / "relue.docx"
    bad.write_bytes(b"PK\x03\x04 not really")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_: str(bad))
    monkeypatch.setattr(review_dialog, "run_modal", lambda _d: pytest.fail("no dialog"))
    assert not review_dialog.import_review(opened, None)
    assert errors == ["relue.docx : ce n’est pas un document Word (.docx) lisible."]
    assert bad.read_bytes() == b"PK\x03\x04 not really"


def test_the_file_menu_offers_it_once_a_workshop_is_open(qtbot, window, built, tmp_path,
                                                         monkeypatch):  # fmt: skip
    assert not window.act_review.isEnabled()
    path = tmp_path / "atelier.charter"
    shutil.copy(built.workshop, path)
    assert window.controller.open(path)
    assert window.act_review.isEnabled()
    assert window.act_review in window.file_menu.actions()
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_: str(built.reviewed))
    shown = []

    def look(dialog):
        shown.append(dialog.tree.topLevelItemCount())
        return False

    monkeypatch.setattr(review_dialog, "run_modal", look)
    window.act_review.trigger()
    assert shown == [3]
    snap = snapshot.load(window.controller.session.conn)
    assert not any(a.reason.startswith("Relecture") for c in snap.clauses for a in c.amendments)
