"""Long titles and places wrap, then shrink, then elide at a word, 1280×720 to 4K (issue 12)."""

from __future__ import annotations

import pytest

from tests.ui.projection.helpers import SIZES, broken_words, outside_slide
from ui.projection import fit, slides
from ui.projection.canvas import SlideCanvas, render

LONG_TITLE = (
    "Charte d’utilisation des réseaux sociaux et de la communication numérique des salariés "
    "sur les comptes personnels et professionnels, version soumise au CSE"
)
LONG_PLACE = "Saint-Nazaire, Chantiers de l’Atlantique, salle des Commissions paritaires"


def _slide_kinds():
    return [
        slides.Slide("welcome", LONG_TITLE, f"Entreprise — 31 mars 2027 — {LONG_PLACE}",
                     agenda=(slides.AgendaLine("Préparation et accueil des participants", 30,
                                               True),)),
        slides.Slide("clause", f"12. {LONG_TITLE}", "Thème", text="Un texte."),
        slides.Slide("clause", f"12. {LONG_TITLE}", "Thème", text="Un texte.",
                     ballot_state="open", ballot_method=LONG_TITLE, lines=("Vote en cours",),
                     progress="3 collèges sur 5 décomptés"),
        slides.Slide("clause", f"12. {LONG_TITLE}", "Thème", ballot_state="closed",
                     ballot_method=LONG_TITLE, outcome="rejetée", outcome_key="rejected",
                     why=(LONG_TITLE, "Bloquée par : " + LONG_PLACE),
                     remarks=(("objection", "Objection : " + LONG_TITLE),),
                     bars=(slides.Bar("Ensemble", "#333333", (("pour", 3), ("contre", 4))),),
                     choice_keys=("for", "against")),
        slides.Slide("criterion", LONG_TITLE, LONG_TITLE, scale=("1 — " + LONG_TITLE, "2", "3",
                     "4", "5 — " + LONG_PLACE), lines=(LONG_TITLE,)),
        slides.Slide("plan", LONG_TITLE, LONG_PLACE, lines=("Relire",)),
        slides.Slide("wrapup", LONG_TITLE, LONG_PLACE, lines=("adoptée : 3",)),
        slides.Slide("matrix", LONG_TITLE, LONG_PLACE),
    ]  # fmt: skip


@pytest.mark.parametrize("size", SIZES)
def test_every_slide_kind_fits_long_french_titles(qapp, size):
    for slide in _slide_kinds():
        canvas = SlideCanvas()
        canvas.message = "Pause jusqu’à 14 h — reprise en salle des Commissions paritaires"
        canvas.timer_text = "12 / 30 min"
        canvas.set_slide(slide)
        render(canvas, *size)
        assert canvas.drawn, slide.kind
        assert outside_slide(canvas.drawn, *size) == [], slide.kind
        assert broken_words(canvas.drawn) == [], slide.kind
        title = next(d for d in canvas.drawn if d.kind == "title")
        assert " ".join(title.fitted.lines).replace(" …", "") in " ".join(LONG_TITLE.split()) or (
            slide.title.startswith("12.")
        )


def test_welcome_keeps_saint_nazaire_whole(qapp):
    canvas = SlideCanvas()
    canvas.set_slide(slides.Slide("welcome", "Atelier charte", f"Entreprise — {LONG_PLACE}"))
    for size in SIZES:
        render(canvas, *size)
        subtitle = next(d for d in canvas.drawn if d.kind == "subtitle")
        assert "Saint-Nazaire," in subtitle.fitted.text


def test_fit_block_wraps_then_shrinks_then_elides_at_a_word(qapp):
    from PySide6.QtGui import QFont

    font = QFont()
    short = fit.fit_block("Deux mots", font, 400, 100, 40, 10)
    assert short.px == 40 and short.lines == ("Deux mots",)
    wrapped = fit.fit_block(LONG_TITLE, font, 600, 200, 40, 10)
    assert len(wrapped.lines) > 1 and not wrapped.elided and wrapped.height <= 200
    cut = fit.fit_block(LONG_TITLE, font, 300, 30, 40, 16, max_lines=1)
    assert cut.elided and cut.lines[0].endswith(" …") and len(cut.lines) == 1
    assert broken_words([type("D", (), {"text": LONG_TITLE, "fitted": cut})()]) == []
