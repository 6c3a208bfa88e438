"""The built-in library as a labour lawyer would read it: control variants a lawyer could
defend, whistleblowing as the 2022 law defines it, no fact stated as done or unsourced, and
the English typography."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from workshop.library import builtin_library

LANGS = ("fr", "en")

#: Wording that goes beyond the abuse test, chills the right of expression (L2281-1) or
#: redefines « public » for disciplinary purposes (that is for the judge).
BEYOND_THE_LAW = {
    "fr": (
        r"dénigr",
        r"considérée? comme publi",
        r"trouvent leur place dans les espaces",
        r"a été soumise à l’avis",  # a formality stated as done
        r"accusée de surveiller",  # an unsourced fact
    ),
    "en": (
        r"disparag",
        r"considered public",
        r"belong in the forums",
        r"was submitted to the works council",
        r"was accused of watching",
    ),
}


def texts(lang: str) -> list[tuple[str, str]]:
    library = builtin_library(lang)
    found = []
    for clause in library.clauses:
        for v in clause.variants:
            where = f"{clause.key}/{v.key}"
            found += [(where, v.text), (where, v.rationale), (where, v.justification or "")]
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_no_variant_goes_beyond_what_the_law_allows(lang: str) -> None:
    for where, text in texts(lang):
        for pattern in BEYOND_THE_LAW[lang]:
            assert not re.search(pattern, text, re.IGNORECASE), (where, pattern)


@pytest.mark.parametrize(
    ("lang", "abuse", "advice"),
    [
        ("fr", "injurieux, diffamatoires ou excessifs", "un conseil, non une obligation"),
        ("en", "insulting, defamatory or excessive", "advice, not an obligation"),
    ],
)
def test_the_loyalty_variant_keeps_to_the_abuse_test(lang: str, abuse: str, advice: str) -> None:
    clause = builtin_library(lang).clause("principles-expression")
    support, control = clause.variant("support"), clause.variant("control")
    assert abuse in control.text and advice in control.text
    assert any("art. 10" in ref for ref in control.legal_basis)
    # the contrast stays: the control variant still leans toward control
    assert control.control > control.support and control.control > support.control


@pytest.mark.parametrize(("lang", "judge"), [("fr", "c’est le juge"), ("en", "the judge decides")])
def test_the_audience_variant_leaves_public_to_the_judge(lang: str, judge: str) -> None:
    clause = builtin_library(lang).clause("respect-audience")
    control = clause.variant("control")
    assert judge in control.text and "sanctions" in control.flags
    assert control.control > clause.variant("support").control


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "fr",
            (
                "sans contrepartie financière directe",
                "droit de l’Union européenne",
                "de la loi ou du règlement",
                "divulgation publique",
            ),
        ),
        (
            "en",
            (
                "without direct financial compensation",
                "European Union law",
                "of the law or of regulations",
                "Public disclosure",
            ),
        ),
    ],
)
def test_the_whistleblowing_support_variant_gives_the_legal_definition(lang, words) -> None:
    variant = builtin_library(lang).clause("whistleblowing-alert").variant("support")
    for word in words:
        assert word.lower() in variant.text.lower(), word
    refs = " ".join(variant.legal_basis)
    assert "art. 6 et 8" in refs and "2022-401" in refs and "2022-1284" in refs


@pytest.mark.parametrize(
    ("lang", "placeholders"),
    [
        ("fr", ("[date de l’avis du CSE]", "[date d’entrée en vigueur]")),
        ("en", ("[date of the CSE’s opinion]", "[date of entry into force]")),
    ],
)
def test_the_annex_variant_leaves_the_formalities_to_fill_in(lang, placeholders) -> None:
    text = builtin_library(lang).clause("sanctions-status").variant("control").text
    for placeholder in placeholders:
        assert placeholder in text


@pytest.mark.parametrize("lang", LANGS)
def test_the_seed_examples_are_presented_as_the_seed_examples(lang: str) -> None:
    library = builtin_library(lang)
    founding = "article fondateur" if lang == "fr" else "founding article"
    for key in ("monitoring-scope", "crisis-response"):
        assert founding in library.clause(key).variant("support").rationale, key


@pytest.mark.parametrize("name", ["en.toml", "fr.toml"])
def test_no_straight_apostrophe_anywhere_in_the_library_files(name: str) -> None:
    """Prose and comments alike: the files use ’ only (TOML strings here are all "…")."""
    text = (files("resources") / "clauses" / name).read_text(encoding="utf-8")
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if "'" in line]
    assert not lines, f"{name}: straight apostrophe on lines {lines[:10]}"
