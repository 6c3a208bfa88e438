"""The amendments tab: the diff as you type, the history, and the domain's refusals."""

from __future__ import annotations

from tests.ui.clauses.helpers import clause
from ui.widgets.clause_text import INSERT_STYLE, word_diff_html


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


def test_proposed_by_is_reset_when_moving_to_another_clause(page, controller):
    page.tabs.setCurrentIndex(page.TAB_AMEND)
    editor = page.amend_editor
    editor.college.setCurrentIndex(editor.college.findText("Juridique"))
    page.select_clause(clause(controller, "ai-use").id)  # same clause: the choice stays
    assert editor.college.currentText() == "Juridique"
    page.select_clause(clause(controller, "ip-brand").id)
    assert editor.college.currentData() is None
    assert editor.college.currentIndex() == 0


def test_amend_and_revote_shows_the_objection_beside_the_editor(page, controller):
    ip = clause(controller, "ip-brand")  # postponed by an objection in the demo
    page.amend_and_revote(ip.id)
    editor = page.amend_editor
    assert page.tabs.currentIndex() == page.TAB_AMEND
    assert editor.remarks.isVisible() and editor.remarks_label.isVisible()
    assert editor.remarks_label.text() == editor.tr(
        "Objections and reservations of round {n}"
    ).format(n=1)
    shown = editor.remarks.toPlainText()
    assert "Le kit de marque n’existe pas encore" in shown
    assert "Prévoir des exemples de visuels autorisés." in shown
    # the objection first
    assert shown.index(editor.tr("Objection")) < shown.index(editor.tr("Reservation"))
    # a clause whose last round raised nothing shows no such box
    page.select_clause(clause(controller, "ai-use").id)
    assert not editor.remarks.isVisible()
