"""The clause list: each status in words and marks, removal, order, previous and next."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.clauses.helpers import clause, list_texts
from ui import dialogs
from workshop.model import Outcome, label


def test_list_says_each_status_in_words_and_marks(page, controller):
    texts = list_texts(page)
    assert len(texts) == 17
    assert texts[0].startswith("1. ") and "✓ adoptée" in texts[0]
    assert "✓ adoptée avec réserves" in texts[1]
    assert "✗ rejetée" in texts[9]
    assert "↻ reportée" in texts[7]
    assert "○ en attente" in texts[16]  # English source until Qt Linguist translates it
    assert label(Outcome.POSTPONED, "fr") in texts[15]


def test_remove_asks_first(page, controller, monkeypatch):
    answers = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, q: answers.append(q) or False)
    ai = clause(controller, "ai-use")
    page.left.remove_button.click()
    assert len(controller.snapshot.clauses) == 17
    assert ai.title in answers[0]
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _q: True)
    page.left.remove_button.click()
    assert all(c.id != ai.id for c in controller.snapshot.clauses)
    assert page.left.clause_list.count() == 16


def test_reorder_with_buttons_and_alt_arrows(page, controller, qtbot):
    ai = clause(controller, "ai-use")
    page.left.up_button.click()
    ids = [c.id for c in controller.snapshot.clauses]
    assert ids.index(ai.id) == 15
    assert page.left.clause_list.currentItem().text().startswith("16. ")
    page.left.clause_list.setFocus()
    qtbot.keyClick(page.left.clause_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [c.id for c in controller.snapshot.clauses].index(ai.id) == 14
    qtbot.keyClick(page.left.clause_list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [c.id for c in controller.snapshot.clauses].index(ai.id) == 15
    page.left.down_button.click()
    assert controller.snapshot.clauses[-1].id == ai.id
    assert not page.left.down_button.isEnabled()


def test_previous_and_next_follow_the_charter_order(page, controller):
    page.prev_button.click()
    assert page.clause_id == controller.snapshot.clauses[15].id
    page.next_button.click()
    assert page.clause_id == controller.snapshot.clauses[16].id
    assert not page.next_button.isEnabled()


def test_undo_restores_a_removed_clause(page, controller, monkeypatch):
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _q: True)
    page.left.remove_button.click()
    assert page.left.clause_list.count() == 16
    controller.undo()
    assert page.left.clause_list.count() == 17
