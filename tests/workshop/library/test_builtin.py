"""Tests of the shipped clause libraries: their content, their law and their look-ups."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workshop.errors import LibraryError
from workshop.library import FLAGS, Library, builtin_library, validate_file
from workshop.model import Lean

# The 26 themes of domain.md, section 2, in charter order.
THEME_KEYS = (
    "scope",
    "principles",
    "personal-use",
    "speaking",
    "spokespeople",
    "confidentiality",
    "respect",
    "intellectual-property",
    "image-rights",
    "professional-networks",
    "advocacy",
    "crisis",
    "regulated",
    "opinions",
    "security",
    "monitoring",
    "staff-representatives",
    "disconnection",
    "whistleblowing",
    "training",
    "managers",
    "recruitment",
    "departure",
    "generative-ai",
    "sanctions",
    "governance",
)

LANGS = ("fr", "en")


def all_variants(library: Library):
    for clause in library.clauses:
        for variant in clause.variants:
            yield clause, variant


@pytest.mark.parametrize("lang", LANGS)
def test_builtin_library_loads(lang: str) -> None:
    library = builtin_library(lang)
    assert library.language == lang
    assert library.source == f"builtin:{lang}"
    assert library.name
    assert builtin_library(lang) is library  # cached: parsed once per run


@pytest.mark.parametrize("lang", LANGS)
def test_builtin_library_covers_the_26_themes_in_order(lang: str) -> None:
    library = builtin_library(lang)
    assert tuple(theme.key for theme in library.themes) == THEME_KEYS
    assert len(library.clauses) >= 30
    for theme in library.themes:
        assert library.clauses_of(theme.key), f"theme {theme.key} has no clause"


@pytest.mark.parametrize("lang", LANGS)
def test_every_clause_has_a_support_and_a_control_variant(lang: str) -> None:
    for clause in builtin_library(lang).clauses:
        leans = [variant.lean for variant in clause.variants]
        assert Lean.SUPPORT in leans, clause.key
        assert Lean.CONTROL in leans, clause.key


@pytest.mark.parametrize("lang", LANGS)
def test_control_variants_are_justified_and_coordinates_match_the_lean(lang: str) -> None:
    for clause, variant in all_variants(builtin_library(lang)):
        where = f"{clause.key}/{variant.key}"
        assert 0 <= variant.support <= 10 and 0 <= variant.control <= 10, where
        if variant.lean is Lean.CONTROL:
            assert variant.justification, where
            assert variant.control > variant.support, where
        if variant.lean is Lean.SUPPORT:
            assert variant.support > variant.control, where
        assert variant.flags <= FLAGS, where


def test_french_and_english_libraries_are_parallel() -> None:
    fr, en = builtin_library("fr"), builtin_library("en")
    assert [t.key for t in fr.themes] == [t.key for t in en.themes]
    assert [c.key for c in fr.clauses] == [c.key for c in en.clauses]
    for fr_clause, en_clause in zip(fr.clauses, en.clauses, strict=True):
        assert fr_clause.theme == en_clause.theme, fr_clause.key
        assert len(fr_clause.variants) == len(en_clause.variants), fr_clause.key
        for a, b in zip(fr_clause.variants, en_clause.variants, strict=True):
            where = f"{fr_clause.key}/{a.key}"
            assert a.key == b.key, where
            assert a.lean == b.lean, where
            assert (a.support, a.control) == (b.support, b.control), where
            assert a.flags == b.flags, where
            assert a.legal_basis == b.legal_basis, where  # French references stay as they are
            assert (a.justification is None) == (b.justification is None), where
            assert a.text != b.text, f"{where}: English text not translated"


@pytest.mark.parametrize("lang", LANGS)
def test_variant_texts_are_two_to_six_sentences(lang: str) -> None:
    for clause, variant in all_variants(builtin_library(lang)):
        sentences = re.findall(r"[.!?…](?:\s|$)", variant.text)
        assert 2 <= len(sentences) <= 6, f"{clause.key}/{variant.key}: {len(sentences)}"


def test_french_texts_use_french_typography() -> None:
    library = builtin_library("fr")
    texts = [t.title for t in library.themes] + [t.description for t in library.themes]
    for clause, variant in all_variants(library):
        texts += [clause.title, variant.label, variant.text, variant.rationale]
        texts += [variant.justification or ""]
    for text in texts:
        assert "'" not in text, text  # typographic apostrophe
        assert '"' not in text, text  # guillemets
        assert not re.search(r" [:;?!»]|« ", text), text  # non-breaking spaces


WHISTLEBLOWING_WORDING = {
    "fr": ("ne restreint", "canal de signalement interne"),
    "en": ("restrict", "internal reporting channel"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_whistleblowing_clause_protects_alerts_and_names_the_channel(lang: str) -> None:
    library = builtin_library(lang)
    (clause,) = library.clauses_of("whistleblowing")
    for variant in clause.variants:
        for words in WHISTLEBLOWING_WORDING[lang]:
            assert words in variant.text, variant.key
        assert "whistleblowing" in variant.flags
        assert any("2016-1691" in ref for ref in variant.legal_basis)


@pytest.mark.parametrize(("lang", "word"), [("fr", r"consentement|accord"), ("en", r"consent")])
def test_image_rights_require_consent_in_every_variant(lang: str, word: str) -> None:
    for clause in builtin_library(lang).clauses_of("image-rights"):
        for variant in clause.variants:
            assert re.search(word, variant.text), f"{clause.key}/{variant.key}"


@pytest.mark.parametrize(("lang", "word"), [("fr", "lien avec"), ("en", "link with")])
def test_advocacy_requires_disclosing_the_link_with_the_employer(lang: str, word: str) -> None:
    clause = builtin_library(lang).clause("advocacy-programme")
    for variant in clause.variants:
        assert word in variant.text, variant.key
        assert any("2023-451" in ref for ref in variant.legal_basis), variant.key


@pytest.mark.parametrize("lang", LANGS)
def test_flags_agree_with_the_text_and_the_legal_basis(lang: str) -> None:
    sanction_word = "sanction"
    for clause, variant in all_variants(builtin_library(lang)):
        where = f"{clause.key}/{variant.key}"
        refs = " ".join(variant.legal_basis)
        # A monitoring variant needs prior information and CSE consultation, and says so.
        monitoring_refs = "L1222-4" in refs and "L2312-38" in refs
        assert ("monitoring" in variant.flags) == monitoring_refs, where
        if "sanctions" in variant.flags:
            assert sanction_word in variant.text.lower(), where
        if "new_technology" in variant.flags:
            assert "L2312-8" in refs, where


def test_lookups() -> None:
    library = builtin_library("fr")
    clause = library.clause("scope-platforms")
    assert clause.theme == "scope"
    assert clause.variant("control").lean is Lean.CONTROL
    assert library.theme("scope").title
    assert clause in library.clauses_of("scope")
    assert library.clauses_of("no-such-theme") == ()
    with pytest.raises(KeyError):
        library.clause("no-such-clause")
    with pytest.raises(KeyError):
        library.theme("no-such-theme")
    with pytest.raises(KeyError):
        clause.variant("no-such-variant")


def test_unknown_builtin_language() -> None:
    with pytest.raises(LibraryError):
        builtin_library("de")


def test_builtin_files_validate_as_files() -> None:
    root = Path(__file__).resolve().parents[3] / "resources" / "clauses"
    for lang in LANGS:
        library = validate_file(root / f"{lang}.toml")
        assert len(library.clauses) == len(builtin_library(lang).clauses)
