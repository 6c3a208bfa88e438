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


def test_tab_goes_from_score_to_score_and_the_note_is_one_key_away(page, qtbot):
    keys = [c.key for c in diagnostic.CRITERIA]
    first, second = page.rows[keys[0]], page.rows[keys[1]]
    first.scale.setFocus()
    qtbot.waitUntil(first.scale.hasFocus)
    qtbot.keyClick(first.scale, Qt.Key.Key_Tab)
    assert second.scale.hasFocus()  # one Tab per criterion, not through the note
    qtbot.keyClick(second.scale, Qt.Key.Key_Backtab)
    assert first.scale.hasFocus()
    qtbot.keyClick(first.scale, Qt.Key.Key_Down)  # into the note
    assert first.note.hasFocus()
    qtbot.keyClick(first.note, Qt.Key.Key_Up)  # back to the score
    assert first.scale.hasFocus()
    qtbot.keyClick(first.scale, Qt.Key.Key_F2)
    assert first.note.hasFocus()
    qtbot.keyClick(first.note, Qt.Key.Key_Tab)  # from the note, on to the next score
    assert second.scale.hasFocus()


def test_company_size_is_suggested_from_the_set_up_until_kept(page, controller, qtbot):
    from workshop.operations import positioning, setup

    row = page.rows["size"]
    controller.run(positioning.set_score, "size", None)
    assert controller.snapshot.workshop.size_band == "250-4999"
    assert row.scale.score() is None  # a suggestion is not an answer
    assert row.scale.suggested() == diagnostic.size_score("250-4999") == 4
    assert row.scale.buttons[3].property("suggested") is True
    assert row.suggestion_note.isVisible() and "4" in row.suggestion_note.text()
    assert _answer(controller, "size").score is None  # not stored by itself
    controller.run(setup.update_workshop, size_band="5000+")  # the set-up changes: it follows
    assert row.scale.suggested() == 5
    row.scale.setFocus()
    qtbot.keyClick(row.scale, Qt.Key.Key_Return)  # the facilitator keeps it
    assert _answer(controller, "size").score == 5
    assert row.scale.suggested() is None and not row.suggestion_note.isVisible()
    controller.run(positioning.set_score, "size", 2)  # another score wins, of course
    assert row.scale.score() == 2 and row.scale.suggested() is None


def test_no_suggestion_without_a_size_band(page, controller):
    from workshop.operations import positioning, setup

    controller.run(positioning.set_score, "size", None)
    controller.run(setup.update_workshop, size_band=None)
    row = page.rows["size"]
    assert row.scale.suggested() is None and not row.suggestion_note.isVisible()
