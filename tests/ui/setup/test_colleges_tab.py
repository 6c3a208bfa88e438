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


def test_a_college_keeps_its_colour_when_another_is_removed(
    window, controller, monkeypatch, tmp_path
):
    from workshop.model import Step
    from workshop.operations import setup

    session = setup.create(tmp_path / "c.charter", "Atelier", "ACME", default_colleges=False)
    for name in ("RH", "CSE", "DSI"):
        setup.add_college(session, name)
    controller.adopt(session)
    window.go_to(Step.SETUP)
    tab = window.pages["setup"].colleges_tab
    tree = tab.colleges_tree

    def shown():
        return {
            tree.topLevelItem(r).text(0): tree.topLevelItem(r).toolTip(0)
            for r in range(tree.topLevelItemCount())
        }

    before = shown()
    tree.setCurrentItem(tree.topLevelItem(1))  # CSE
    tab.remove_college_button.click()
    assert shown() == {k: v for k, v in before.items() if k != "CSE"}
    monkeypatch.setattr(dialogs, "ask_text", lambda *_a, **_k: "Managers")
    tab.add_college_button.click()
    colours = [c.colour for c in controller.snapshot.colleges]
    assert len(set(colours)) == 3  # the new college shares no colour
    assert shown()["RH"] == before["RH"] and shown()["DSI"] == before["DSI"]
