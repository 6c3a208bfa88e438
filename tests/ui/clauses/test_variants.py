"""The variants tab: a variant is previewed, then applied; leaving an amended wording asks first."""

from __future__ import annotations

from tests.ui.clauses.helpers import clause, plain
from ui import dialogs


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
