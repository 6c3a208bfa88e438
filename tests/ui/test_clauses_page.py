"""The clause review page: picking clauses, their order, variants and amendments."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui import dialogs
from ui.pages.clauses_page import ClausesPage
from ui.widgets.clause_text import INSERT_STYLE, word_diff_html
from workshop.model import Outcome, Step, label
from workshop.operations import setup


@pytest.fixture
def page(window, controller, demo_path) -> ClausesPage:
    controller.open(demo_path)
    controller.run(setup.go_to_step, "clauses")
    page = window.pages["clauses"]
    assert isinstance(page, ClausesPage)
    assert window.stack.currentWidget() is page
    return page


def clause(controller, key: str):
    return next(c for c in controller.snapshot.clauses if c.library_key == key)


def plain(text: str) -> str:
    """Rich text views turn non-breaking spaces into spaces."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def list_texts(page: ClausesPage) -> list[str]:
    return [page.clause_list.item(i).text() for i in range(page.clause_list.count())]


def test_opens_on_the_clause_still_undecided(page, controller):
    ai = clause(controller, "ai-use")
    assert page.clause_id == ai.id
    assert page.title.text() == f"17. {ai.title}"
    assert page.text.clause_text() == ai.text
    assert page.heading.text() == label(Step.CLAUSES, "fr")


def test_list_says_each_status_in_words_and_marks(page, controller):
    texts = list_texts(page)
    assert len(texts) == 17
    assert texts[0].startswith("1. ") and "✓ adoptée" in texts[0]
    assert "✓ adoptée avec réserves" in texts[1]
    assert "✗ rejetée" in texts[9]
    assert "↻ reportée" in texts[7]
    assert "○ en attente" in texts[16]  # English source until Qt Linguist translates it
    assert label(Outcome.POSTPONED, "fr") in texts[15]


def test_add_a_clause_from_the_picker(page, controller, qtbot):
    page.library_button.click()
    assert page.right.currentWidget() is page.picker
    picker = page.picker
    picker.search.setText("hypertrucage")
    assert picker.shown_keys() == ["ai-synthetic"]
    assert picker.select("ai-synthetic")
    assert picker.add_button.isEnabled()
    assert "Représentations de personnes interdites" in picker.preview.toPlainText()
    qtbot.mouseClick(picker.add_button, Qt.MouseButton.LeftButton)
    added = clause(controller, "ai-synthetic")
    assert len(controller.snapshot.clauses) == 18
    assert page.clause_id == added.id
    assert not picker.add_button.isEnabled()  # already in the review now
    assert "✓" in picker.tree.currentItem().text()
    picker.close_button.click()
    assert page.right.currentWidget() is page.clause_view
    assert page.title.text().startswith("18. ")


def test_search_ignores_accents_and_theme_filter(page):
    page.show_picker()
    picker = page.picker
    picker.search.setText("DECONNEXION")
    assert picker.shown_keys() == ["disconnection-right"]
    picker.search.clear()
    picker.theme_combo.setCurrentIndex(picker.theme_combo.findData("scope"))
    assert picker.shown_keys() == ["scope-platforms", "scope-definitions"]
    assert not picker.select("ai-use")


def test_remove_asks_first(page, controller, monkeypatch):
    answers = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, q: answers.append(q) or False)
    ai = clause(controller, "ai-use")
    page.remove_button.click()
    assert len(controller.snapshot.clauses) == 17
    assert ai.title in answers[0]
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _q: True)
    page.remove_button.click()
    assert all(c.id != ai.id for c in controller.snapshot.clauses)
    assert page.clause_list.count() == 16


def test_reorder_with_buttons_and_alt_arrows(page, controller, qtbot):
    ai = clause(controller, "ai-use")
    page.up_button.click()
    ids = [c.id for c in controller.snapshot.clauses]
    assert ids.index(ai.id) == 15
    assert page.clause_list.currentItem().text().startswith("16. ")
    page.clause_list.setFocus()
    qtbot.keyClick(page.clause_list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [c.id for c in controller.snapshot.clauses].index(ai.id) == 14
    qtbot.keyClick(page.clause_list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [c.id for c in controller.snapshot.clauses].index(ai.id) == 15
    page.down_button.click()
    assert controller.snapshot.clauses[-1].id == ai.id
    assert not page.down_button.isEnabled()


def test_previous_and_next_follow_the_charter_order(page, controller):
    page.prev_button.click()
    assert page.clause_id == controller.snapshot.clauses[15].id
    page.next_button.click()
    assert page.clause_id == controller.snapshot.clauses[16].id
    assert not page.next_button.isEnabled()


def test_variant_switch_previews_then_applies(page, controller):
    ai = clause(controller, "ai-use")
    page.tabs.setCurrentIndex(page.TAB_VARIANTS)
    switch = page.variants
    assert set(switch.segments) == {"support", "control"}
    support = switch.segments["support"].text()
    assert "Usage accompagné" in support and "✓ rédaction actuelle" in support
    assert "accompagnement 8 · contrôle 3" in support
    assert not switch.apply_button.isEnabled()
    switch.segments["control"].click()
    details = plain(switch.details.toPlainText())
    control = next(v for v in ai.variants if v.key == "control")
    assert control.justification and plain(control.justification) in details
    assert plain(control.rationale) in details
    assert switch.apply_button.isEnabled()
    switch.apply_button.click()
    now = clause(controller, "ai-use")
    assert now.variant_key == "control"
    assert now.text == control.text
    assert page.text.clause_text() == control.text
    assert "✓ rédaction actuelle" in switch.segments["control"].text()


def test_switching_away_from_an_amended_wording_is_confirmed(page, controller, monkeypatch):
    ai = clause(controller, "ai-use")
    page.amend_editor.editor.setPlainText(ai.text + " Ajout.")
    assert page.amend_editor.save()
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, q: asked.append(q) or False)
    page.variants.preview("control")
    page.variants.apply()
    assert asked and clause(controller, "ai-use").variant_key == "support"


def test_amend_shows_the_diff_then_the_history(page, controller):
    ai = clause(controller, "ai-use")
    page.tabs.setCurrentIndex(page.TAB_AMEND)
    editor = page.amend_editor
    assert editor.draft() == ai.text
    assert not editor.save_button.isEnabled()
    new_text = ai.text.replace("Relisez", "Relisez toujours") + " Les référents aident."
    editor.editor.setPlainText(new_text)
    assert INSERT_STYLE in editor.diff.html()
    assert "toujours" in editor.diff.browser.toPlainText()
    assert "Mots ajoutés" in editor.note.text()
    editor.college.setCurrentIndex(editor.college.findText("Juridique"))
    editor.reason.setText("Préciser la vérification.")
    assert editor.save_button.isEnabled()
    editor.save_button.click()
    now = clause(controller, "ai-use")
    assert now.text == new_text
    assert "\xa0" in ai.text and "\xa0" in now.text  # French typography survives editing
    assert len(now.amendments) == 1
    assert now.amendments[0].reason == "Préciser la vérification."
    history = editor.history.toPlainText()
    assert "Amendement 1" in history and "Juridique" in history
    assert "toujours" in history
    assert page.tabs.tabText(page.TAB_AMEND) == "Amendements (1)"
    assert "amendée" in page.meta.text()
    assert editor.reason.text() == ""


def test_an_unchanged_amendment_is_refused_by_the_domain(page, controller, errors):
    editor = page.amend_editor
    editor.editor.setPlainText(editor.draft() + "   ")
    assert not editor.save_button.isEnabled()
    assert not editor.save()  # called anyway: the domain says why
    assert errors == ["L’amendement ne change pas le texte."]


def test_word_diff_marks_insertions_and_deletions_without_colour_alone():
    html = word_diff_html("Les salariés peuvent publier.", "Les salariés doivent publier <vite>.")
    assert "text-decoration: line-through" in html and "peuvent" in html
    assert "text-decoration: underline" in html and "doivent" in html
    assert "&lt;vite&gt;" in html  # texts are escaped


def test_language_switch_retranslates_the_page(page, window):
    window.set_language("en")
    assert page.heading.text() == "Clause review"
    assert "✓ adopted" in page.clause_list.item(0).text()
    window.set_language("fr")
    assert page.heading.text() == "Revue des clauses"


def test_undo_restores_a_removed_clause(page, controller, monkeypatch):
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _q: True)
    page.remove_button.click()
    assert page.clause_list.count() == 16
    controller.undo()
    assert page.clause_list.count() == 17


def test_an_empty_review_invites_to_open_the_library(window, controller, tmp_path):
    session = setup.create(tmp_path / "vide.charter", "Atelier", "Société", "fr")
    controller.adopt(session)
    controller.run(setup.go_to_step, "clauses")
    page = window.pages["clauses"]
    assert page.right.currentWidget() is page.empty_view
    page.empty_add.click()
    assert page.right.currentWidget() is page.picker
    assert page.picker.select("scope-platforms")
    page.picker.add_button.click()
    assert [c.library_key for c in controller.snapshot.clauses] == ["scope-platforms"]
