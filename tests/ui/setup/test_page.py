"""The set-up page as a whole: its tabs speak the chosen language."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui import dialogs
from workshop import roster


def test_language_switch_retranslates_the_page(page, window):
    window.set_language("en")
    assert page.heading.text() == "Set-up"
    assert page.workshop_tab.method_combo.currentText() == "simple majority of votes cast"
    assert page.participants_tab.participants.headerData(0, Qt.Orientation.Horizontal) == "Name"
    window.set_language("fr")
    assert page.heading.text() == "Préparation"
    assert page.workshop_tab.method_combo.currentText() == "majorité simple des suffrages exprimés"


def test_every_tab_of_the_split_page_still_speaks_french(page, monkeypatch):
    """The tabs kept the « SetupPage » Linguist context, so the French catalogue applies."""
    assert page.tabs.tabText(0) == "A&telier et ordre du jour"  # SetupPage itself
    assert page.workshop_tab.ballot_box.title() == "Règles de vote par défaut"
    assert (
        page.workshop_tab.abstentions_box.text() == "compter les abstentions dans la base de calcul"
    )
    assert page.colleges_tab.add_college_button.text() == "Ajouter un collège…"
    assert page.participants_tab.paste_button.text() == "Coller une liste"
    seen = []

    def preview(dialog) -> bool:
        seen.append(dialog.refused_label.text())
        seen.append(dialog.buttons.button(dialog.buttons.StandardButton.Ok).text())
        return False

    monkeypatch.setattr(dialogs, "exec_roster_preview", preview)
    page.participants_tab.add_rows(roster.parse_rows("Zoé Ngọc\tRH\tDirection\n"))
    assert seen == ["Lignes qui ne seront pas ajoutées\u00a0:", "Ajouter ces participants (1)"]
