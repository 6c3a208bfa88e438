"""The clause review page: where it opens, the library picker, an empty review, the language."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.clauses.helpers import clause
from workshop.model import Step, label
from workshop.operations import setup


def test_opens_on_the_clause_still_undecided(page, controller):
    ai = clause(controller, "ai-use")
    assert page.clause_id == ai.id
    assert page.title.text() == f"17. {ai.title}"
    assert page.text.clause_text() == ai.text
    assert page.heading.text() == label(Step.CLAUSES, "fr")


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


def test_several_clauses_are_added_at_once_in_one_undo(page, controller, qtbot):
    page.library_button.click()
    picker = page.picker
    picker.theme_combo.setCurrentIndex(picker.theme_combo.findData("scope"))
    assert picker.shown_keys() == ["scope-platforms", "scope-definitions"]
    picker.search.clear()
    picker.theme_combo.setCurrentIndex(0)
    wanted = ["scope-definitions", "ai-synthetic", "disconnection-right"]
    # Ctrl+click as the facilitator would, plus one already in the review (ignored)
    picker.select(wanted[0])
    for key in (*wanted[1:], "scope-platforms"):
        item = next(
            picker.tree.item(i)
            for i in range(picker.tree.count())
            if picker.tree.item(i).data(Qt.ItemDataRole.UserRole) == key
        )
        picker.tree.scrollToItem(item)
        rect = picker.tree.visualItemRect(item)
        qtbot.mouseClick(
            picker.tree.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            rect.center(),
        )
    assert sorted(picker.selected_keys()) == sorted(wanted)
    assert "3" in picker.add_button.text()
    events = len(controller.full_snapshot().audit)
    qtbot.mouseClick(picker.add_button, Qt.MouseButton.LeftButton)
    keys = [c.library_key for c in controller.snapshot.clauses]
    assert len(keys) == 20 and set(wanted) <= set(keys)
    assert len(controller.full_snapshot().audit) == events + 1  # one change
    assert page.clause_id in {clause(controller, k).id for k in wanted}
    controller.undo()  # one undo takes the three back
    assert len(controller.snapshot.clauses) == 17
    assert not set(wanted) & {c.library_key for c in controller.snapshot.clauses}


def test_search_ignores_accents_and_theme_filter(page):
    page.show_picker()
    picker = page.picker
    picker.search.setText("DECONNEXION")
    assert picker.shown_keys() == ["disconnection-right"]
    picker.search.clear()
    picker.theme_combo.setCurrentIndex(picker.theme_combo.findData("scope"))
    assert picker.shown_keys() == ["scope-platforms", "scope-definitions"]
    assert not picker.select("ai-use")


def test_language_switch_retranslates_the_page(page, window):
    window.set_language("en")
    assert page.heading.text() == "Clause review"
    assert "✓ adopted" in page.left.clause_list.item(0).text()
    window.set_language("fr")
    assert page.heading.text() == "Revue des clauses"


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


def test_every_part_of_the_split_page_still_speaks_french(page):
    """Each part kept its Linguist context (the list keeps « ClausesPage »'s): French applies."""
    assert page.tabs.tabText(page.TAB_VARIANTS) == "Variantes"  # ClausesPage
    assert page.left.add_button.text() == "＋ Ajouter des clauses de la bibliothèque"
    assert page.left.up_button.accessibleName() == "Monter"
    assert page.left.list_title.text().startswith("Clauses de la charte")
    assert page.amend_editor.save_button.text() == "Enregistrer l’amendement"  # AmendEditor
    assert page.variants.apply_button.text() == "Reprendre le texte de cette variante"
