"""The « Collèges » tab: add, rename, recolour, remove, with counts in words."""

from __future__ import annotations

from ui import dialogs


def test_colleges_add_rename_recolour_and_remove(page, controller, monkeypatch, errors):
    monkeypatch.setattr(dialogs, "ask_text", lambda *_a, **_k: "Ambassadeurs")
    page.colleges_tab.add_college_button.click()
    names = [c.name for c in controller.snapshot.colleges]
    assert names[-1] == "Ambassadeurs"
    assert page.colleges_tab.colleges_tree.currentItem().text(0) == "Ambassadeurs"

    monkeypatch.setattr(dialogs, "ask_text", lambda *_a, **_k: "Relais")
    page.colleges_tab.rename_college_button.click()
    assert controller.snapshot.colleges[-1].name == "Relais"

    monkeypatch.setattr(dialogs, "ask_colour", lambda *_a: "#112233")
    page.colleges_tab.colour_college_button.click()
    assert controller.snapshot.colleges[-1].colour == "#112233"

    page.colleges_tab.remove_college_button.click()
    assert "Relais" not in [c.name for c in controller.snapshot.colleges]

    page.colleges_tab.colleges_tree.setCurrentItem(page.colleges_tab.colleges_tree.topLevelItem(0))
    page.colleges_tab.remove_college_button.click()
    assert errors == ["Ce collège a des participants ou des votes : déplacez-les d’abord."]


def test_colleges_show_counts_as_text_next_to_the_colour(page):
    item = page.colleges_tab.colleges_tree.topLevelItem(2)
    assert (item.text(0), item.text(1), item.text(2)) == ("Représentants du personnel", "3", "3")
    assert not item.icon(0).isNull()
