"""Legal notes follow the charter's status, the size band and what was adopted."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop import snapshot
from workshop.exports.legal import (
    DISCLAIMER,
    PLACEHOLDERS,
    cover_status,
    cse_required,
    entry_into_force,
    legal_notes,
    ri_mandatory,
)
from workshop.exports.legal.catalogue import ALL_NOTES, markdown
from workshop.exports.legal.status import PLACEHOLDER_PATTERN
from workshop.library import builtin_library
from workshop.model import SizeBand
from workshop.operations import ballots, clauses, setup

DOC = Path(__file__).resolve().parents[3] / "docs" / "legal-notes.md"
ALWAYS = ["proportionality", "expression", "private_life", "loyalty", "whistleblowing"]


def adopt(session, key, variant, college=1, choice="for"):
    lib = builtin_library("fr")
    cid = clauses.add_clause(session, lib, key, variant).value
    bid = ballots.open_ballot(session, cid, method="simple", capture="counts").value
    ballots.set_counts(session, bid, college, {choice: 1})
    ballots.close_ballot(session, bid)
    return cid


def notes(session, lang="fr"):
    return {n.key: n for n in legal_notes(snapshot.load(session.conn), lang)}


def keys(session, lang="fr"):
    return [n.key for n in legal_notes(snapshot.load(session.conn), lang)]


@pytest.fixture
def voter(session):
    return setup.add_participant(session, "Chef", 1).value


def test_a_bare_guide_gets_the_general_notes_only(session):
    assert keys(session) == [
        "proportionality",
        "status_guide",
        "workforce_unknown",
        "expression",
        "private_life",
        "loyalty",
        "whistleblowing",
    ]


def test_the_annex_status_brings_the_ri_procedure_contents_and_mentions(session):
    setup.update_workshop(session, charter_status="annex_ri")
    found = notes(session)
    assert {"ri_procedure", "ri_contents", "ri_mentions", "evidence"} <= set(found)
    assert "status_guide" not in found
    procedure = found["ri_procedure"]
    for source in ("L1321-4", "R1321-1", "R1321-2", "R1321-3", "R1321-4"):
        assert source in procedure.basis
    assert "un mois" in procedure.text and "deux exemplaires" in procedure.text
    assert "avec l’avis du CSE" in procedure.text
    assert "L1321-3 1°–3°" in found["ri_contents"].basis
    assert "proportionnées" in found["ri_contents"].text
    assert "lanceurs d’alerte" in found["ri_mentions"].text
    assert "L1321-2" in found["ri_mentions"].basis


def test_sanctions_in_a_guide_say_misconduct_stays_sanctionable(session, voter):
    adopt(session, "respect-people", "control")
    found = notes(session)
    note = found["sanctions_without_annex"]
    assert note.clauses == ("Respect des collègues, des clients et des concurrents",)
    assert "restent sanctionnables" in note.text and "règlement intérieur existant" in note.text
    assert "rendre obligatoires les règles propres à la charte" in note.text
    assert "L1321-5" in note.basis
    # the wrong old wording is gone: a sanction does not need the charter to be annexed
    assert "n’est possible que si" not in note.text
    setup.update_workshop(session, charter_status="annex_ri")
    assert "sanctions_without_annex" not in keys(session)


@pytest.mark.parametrize(
    ("band", "key", "ri", "cse"),
    [
        (None, "workforce_unknown", None, None),
        (SizeBand.MICRO, "workforce_micro", False, False),
        (SizeBand.SMALL, "workforce_small", False, True),
        (SizeBand.MEDIUM, "workforce_50", True, True),
        (SizeBand.LARGE, "workforce_50", True, True),
        (SizeBand.VERY_LARGE, "workforce_50", True, True),
    ],
)
def test_thresholds_follow_the_size_band(session, band, key, ri, cse):
    setup.update_workshop(session, size_band=band.value if band else None)
    found = keys(session)
    workforce = [k for k in found if k.startswith("workforce_")]
    assert workforce == [key]
    assert ri_mandatory(band) is ri and cse_required(band) is cse


def test_the_workforce_notes_state_the_legal_steps(session):
    texts = {}
    for band in (SizeBand.MICRO, SizeBand.SMALL, SizeBand.MEDIUM):
        setup.update_workshop(session, size_band=band.value)
        (note,) = [n for k, n in notes(session).items() if k.startswith("workforce_")]
        texts[band] = note
    assert "moins de 11 salariés" in texts[SizeBand.MICRO].text
    assert "L1222-4" in texts[SizeBand.MICRO].basis
    assert "facultatif" in texts[SizeBand.SMALL].text
    assert "au moins 50 salariés" in texts[SizeBand.SMALL].text  # L2312-38 not owed below
    assert "douze mois consécutifs" in texts[SizeBand.MEDIUM].text
    assert "L1311-2" in texts[SizeBand.MEDIUM].basis
    assert "L2312-38" in texts[SizeBand.MEDIUM].basis


def test_monitoring_calls_for_information_cse_gdpr_dpia_and_special_data(session):
    setup.add_participant(session, "DSI", 5)
    adopt(session, "monitoring-scope", "control", college=5)
    found = notes(session, "en")
    title = "What the company watches, and what it does not"
    assert "L1222-4" in found["monitoring"].basis and "L2312-38" in found["monitoring"].basis
    assert found["monitoring"].clauses
    assert "art. 35" in found["dpia"].basis and "2018-327" in found["dpia"].basis
    assert "constant monitoring" in found["dpia"].text
    assert "art. 9" in found["special_categories"].basis
    assert "art. 21" in found["gdpr"].basis and "legitimate interests" in found["gdpr"].text
    assert "art. 6 (lawful basis)" in found["gdpr"].basis
    assert "19-12.058" in found["evidence"].basis and "20-20.648" in found["evidence"].basis
    assert title not in found["monitoring"].clauses  # the French title, adopted in French
    assert found["monitoring"].clauses == (
        "Ce que l’entreprise observe, et ce qu’elle n’observe pas",
    )


def test_a_rejected_clause_triggers_nothing(session):
    setup.add_participant(session, "DSI", 5)
    adopt(session, "monitoring-scope", "control", college=5, choice="against")
    found = keys(session)
    for key in ("monitoring", "dpia", "special_categories", "gdpr", "evidence"):
        assert key not in found


def test_image_rights_and_influence_only_when_their_clause_is_adopted(session, voter):
    assert "image_rights" not in keys(session) and "influence" not in keys(session)
    adopt(session, "image-consent", "support")
    found = notes(session)
    assert "Code civil, art. 9" in found["image_rights"].basis
    assert found["image_rights"].clauses == ("Photos et vidéos de collègues",)
    assert "influence" not in found
    adopt(session, "advocacy-programme", "support")
    influence = notes(session)["influence"]
    assert "2023-451" in influence.basis and "L121-1" in influence.basis
    assert "pratique commerciale trompeuse" in influence.text
    assert "incertain" in influence.text  # unsettled: the note says so


def test_new_tools_call_for_the_new_technology_consultation(session, voter):
    assert "new_technology" not in keys(session)
    adopt(session, "ai-use", "control")
    found = notes(session)
    assert found["new_technology"].basis.startswith("Code du travail, art. L2312-8")


def test_freedom_of_expression_rests_on_checked_sources(session):
    found = notes(session)
    expression = found["expression"]
    for source in ("L1121-1", "art. 10", "19-17.871", "L2281-1", "L1235-3-1"):
        assert source in expression.basis
    assert "injurieux, diffamatoires ou excessifs" in expression.text
    assert "est nul" in expression.text
    assert "16-11.690" in found["private_life"].basis
    assert "L1222-1" in found["loyalty"].basis
    en = notes(session, "en")["expression"]
    assert "insulting, defamatory or excessive" in en.text and "no. 19-17.871" in en.basis


def test_whistleblowing_note_gives_the_2022_definition_and_public_disclosure(session):
    for lang, words in (
        ("fr", ("sans contrepartie financière directe", "droit de l’Union européenne", "8 III")),
        ("en", ("without direct financial compensation", "European Union law", "8 III")),
    ):
        note = notes(session, lang)["whistleblowing"]
        for word in words:
            assert word in note.text, (lang, word)
        assert "2022-401" in note.basis and "2022-1284" in note.basis


def test_every_note_exists_in_both_languages_with_curly_apostrophes(session):
    for note in ALL_NOTES:
        for text in (note.fr, note.en, note.when_fr, note.when_en, *note.sources_en):
            assert "'" not in text, note.key
        assert note.fr != note.en and note.sources_fr and note.sources_en, note.key
    assert "'" not in DISCLAIMER["en"]


def test_the_documentation_page_is_what_the_exports_print():
    page = DOC.read_text(encoding="utf-8")
    assert page == markdown(), "run: python -m workshop.exports.legal.catalogue > " + str(DOC)
    for note in ALL_NOTES:
        assert f"`{note.key}`" in page


def test_the_cover_status_follows_status_and_band():
    guide = cover_status("guide", SizeBand.MEDIUM, "fr")
    assert len(guide) == 1 and "restent sanctionnables" in guide[0]
    annex = cover_status("annex_ri", SizeBand.MEDIUM, "fr")
    assert "avis du CSE" in annex[0] and "s’il en existe un" not in annex[0]
    assert annex[1] == entry_into_force("fr")
    assert "un mois" in annex[1] and PLACEHOLDERS["entry_into_force"][0] in annex[1]
    small = cover_status("annex_ri", SizeBand.MICRO, "en")
    assert "(if there is one)" in small[0] and "[date of entry into force]" in small[1]


def test_placeholders_are_all_found_by_the_pattern():
    for fr, en in PLACEHOLDERS.values():
        assert PLACEHOLDER_PATTERN.fullmatch(fr) and PLACEHOLDER_PATTERN.fullmatch(en)
