"""The diagnostic step on the demo workshop: scores, notes, the live suggestion, the target."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workshop import diagnostic
from workshop.model import Step


@pytest.fixture
def page(window, controller, demo_path, qtbot):
    controller.open(demo_path)
    window.go_to(Step.DIAGNOSTIC)
    page = window.pages["diagnostic"]
    assert window.stack.currentWidget() is page
    qtbot.waitExposed(page)
    return page


def _answer(controller, key: str):
    return next((a for a in controller.snapshot.diagnostic if a.criterion == key), None)


def test_every_criterion_has_a_row_with_its_texts(page):
    assert list(page.rows) == [c.key for c in diagnostic.CRITERIA]
    row = page.rows["sector"]
    criterion = diagnostic.CRITERIA_BY_KEY["sector"]
    assert criterion.title("fr") in row.title.text()
    assert row.question.text() == criterion.question("fr")
    assert criterion.low("fr") in row.ends.text() and criterion.high("fr") in row.ends.text()
    assert row.scale.score() == _answer(page.controller, "sector").score


def test_clicking_a_score_records_it_and_moves_the_suggestion(page, controller):
    before_label = page.suggestion_label.text()
    before = page.suggestion().position
    row = page.rows["social_media_maturity"]  # demo: 2; weights +0.5 support, -0.2 control
    row.scale.buttons[4].click()
    assert _answer(controller, "social_media_maturity").score == 5
    assert row.scale.score() == 5
    after = page.suggestion().position
    assert after.support == pytest.approx(before.support + 1.5)
    assert after.control == pytest.approx(before.control - 0.6)
    assert page.suggestion_label.text() != before_label
    assert page.matrix.scene().suggestion == after
    controller.undo()
    assert _answer(controller, "social_media_maturity").score == 2
    assert page.suggestion_label.text() == before_label


def test_keys_one_to_five_on_a_focused_row(page, controller, qtbot):
    scale = page.rows["sector"].scale
    scale.setFocus()
    qtbot.keyClick(scale, Qt.Key.Key_1)
    assert _answer(controller, "sector").score == 1
    qtbot.keyClick(scale, Qt.Key.Key_Right)  # not the projector's "next": the scale's +1
    assert _answer(controller, "sector").score == 2
    assert controller.snapshot.workshop.current_step == "diagnostic"
    qtbot.keyClick(scale, Qt.Key.Key_Delete)
    assert _answer(controller, "sector").score is None


def test_clicking_the_chosen_score_again_clears_it(page, controller):
    row = page.rows["size"]
    chosen = row.scale.score()
    row.scale.buttons[chosen - 1].click()
    assert _answer(controller, "size").score is None
    assert not any(b.isChecked() for b in row.scale.buttons)


def test_note_is_saved_when_editing_finishes(page, controller, qtbot):
    row = page.rows["union_relations"]
    row.note.setFocus()
    row.note.setText("Climat apaisé depuis l'accord de 2025.")  # keyClicks is ASCII only
    assert _answer(controller, "union_relations").note != "Climat apaisé depuis l'accord de 2025."
    qtbot.keyClick(row.note, Qt.Key.Key_Return)
    assert _answer(controller, "union_relations").note == "Climat apaisé depuis l'accord de 2025."
    events = len(controller.full_snapshot().audit)
    row.note.editingFinished.emit()  # unchanged: no new event
    assert len(controller.full_snapshot().audit) == events


def test_adopt_the_suggestion_as_target(page, controller):
    suggestion = page.suggestion().position
    info = controller.snapshot.workshop
    assert (info.target_support, info.target_control) != pytest.approx(
        (suggestion.support, suggestion.control)
    )
    assert page.adopt_button.isEnabled()
    page.adopt_button.click()
    info = controller.snapshot.workshop
    assert (info.target_support, info.target_control) == pytest.approx(
        (suggestion.support, suggestion.control), abs=0.01
    )
    assert not page.adopt_button.isEnabled()  # already the target
    assert page.matrix.scene().target.support == pytest.approx(suggestion.support, abs=0.01)


def test_explanation_and_preview_are_shown(page):
    assert page.explain_label.text().startswith("Quadrant")
    page.matrix.grab()
    assert len(page.matrix.drawn_labels("quadrant")) == 4
    assert page.matrix.drawn_labels("suggestion") == ["Diagnostic"]
    assert page.matrix.drawn_labels("target") == ["Cible"]


def test_language_switch(page, window):
    window.set_language("en")
    criterion = diagnostic.CRITERIA_BY_KEY["sector"]
    assert criterion.title("en") in page.rows["sector"].title.text()
    assert page.suggestion_label.text().startswith("Suggested position")
    assert page.adopt_button.text() == "Adopt as the target"
