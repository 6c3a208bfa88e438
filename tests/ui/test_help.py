"""Help ▸ Guide opens the guide in the UI language; Help ▸ About shows generated facts."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from ui.help import guide as guide_module
from workshop import about
from workshop.paths import data_dir

ROOT = Path(__file__).resolve().parents[2]


def _title(lang: str) -> str:
    text = (files("resources") / "guide" / f"guide-{lang}.md").read_text(encoding="utf-8")
    return text.splitlines()[0].lstrip("# ").strip()


def test_guide_opens_in_french_then_follows_the_ui_language(window, qtbot):
    window.help.act_guide.trigger()
    guide = window.help.guide
    qtbot.waitUntil(guide.isVisible)
    assert guide.shown_file == "guide-fr.md"
    assert _title("fr") in guide.browser.toPlainText()
    window.set_language("en")
    assert guide.shown_file == "guide-en.md"
    assert _title("en") in guide.browser.toPlainText()
    assert _title("fr") not in guide.browser.toPlainText()


def test_guide_reopened_after_a_language_change_while_hidden(window, qtbot):
    window.help.show_guide()
    window.help.guide.hide()
    window.set_language("en")
    window.help.show_guide()
    assert window.help.guide.shown_file == "guide-en.md"


def test_a_missing_guide_says_so_instead_of_an_empty_window(window, qtbot, monkeypatch):
    monkeypatch.setattr(guide_module, "guide_file", lambda lang: None)
    window.help.show_guide()
    assert window.help.guide.shown_file is None
    assert window.help.guide.browser.toPlainText().strip() != ""


def test_the_guide_falls_back_to_the_other_language(monkeypatch, tmp_path):
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "guide-fr.md").write_text("# Guide\n", encoding="utf-8")
    monkeypatch.setattr(guide_module, "files", lambda _package: tmp_path)
    assert guide_module.guide_file("en").name == "guide-fr.md"
    assert guide_module.guide_file("fr").name == "guide-fr.md"


def test_docs_guides_are_the_packaged_ones():
    """docs/guide-XX.md link to resources/guide/ (what the app opens, frozen or not): an
    edit made in docs/ reaches the app. A regular file there would drift: this fails."""
    for lang in ("fr", "en"):
        doc = ROOT / "docs" / f"guide-{lang}.md"
        assert doc.resolve() == (ROOT / "resources" / "guide" / f"guide-{lang}.md").resolve()


def test_about_lists_the_generated_facts(window, qtbot, english_ui):
    window.help.act_about.trigger()
    dialog = window.help.about
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.text.toPlainText()
    assert about.version() in text
    libraries = about.libraries()
    assert len(libraries) > 8
    for component in libraries + about.fonts():
        assert component.name in text
        assert component.licence in text
    assert str(data_dir()) in text
    from ui.help.about import settings_location

    assert settings_location() in text
    assert "Where files live" in text


def test_help_menu_is_in_the_menu_bar(window, english_ui):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-1] == "&Help"
    assert window.help.act_guide.shortcut().toString() == "F1"
