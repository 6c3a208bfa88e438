"""French typography for exported text: the rules, what they leave alone, and their laws
(idempotent; letters and digits never changed), plus the plural and time helpers."""

from __future__ import annotations

import re
from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.textfmt import clock, clock_span, counted, plural, short_date
from workshop.typography import (
    MINUS,
    NBSP,
    NNBSP,
    english,
    for_export,
    french,
    minus_signs,
    superscript_ordinals,
)


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Attention: voir", f"Attention{NNBSP}: voir"),
        ("Attention : voir", f"Attention{NNBSP}: voir"),
        (f"Attention{NBSP}: voir", f"Attention{NNBSP}: voir"),
        ("Vraiment?", f"Vraiment{NNBSP}?"),
        ("Quoi ?!", f"Quoi{NNBSP}?!"),
        ("un; deux", f"un{NNBSP}; deux"),
        ("Stop!", f"Stop{NNBSP}!"),
        ("«guide»", f"«{NNBSP}guide{NNBSP}»"),
        ("« guide »", f"«{NNBSP}guide{NNBSP}»"),
        ("le «guide» ?", f"le «{NNBSP}guide{NNBSP}»{NNBSP}?"),
        ("loi n° 2016-1691", f"loi n°{NBSP}2016-1691"),
        ("loi n°2016-1691", f"loi n°{NBSP}2016-1691"),
        ("l'art. L1121-1", f"l'art.{NBSP}L1121-1"),
        ("Art. 9 du Code civil", f"Art.{NBSP}9 du Code civil"),
        ("§ 3", f"§{NBSP}3"),
    ],
)
def test_french_spacing(typed, printed):
    assert french(typed) == printed


@pytest.mark.parametrize(
    "typed",
    [
        "https://exemple.fr/a?b=1:c",
        "voir www.exemple.fr/?q=1!",
        "écrire à jean.dupont@exemple.fr",
        "à 10:38 précises",
        "à 10:38:40",
        "C:\\Dossiers",
        "ratio 1:2",
        "(?)",
        "?id=3",
        "ligne\n: suite",
        "le départ (à partir de l'article)",
        "nos clients",  # « nos » is a word, not « n° »
        "la partie. 3 points",
        "שלום?",  # Hebrew takes no space before its punctuation
    ],
)
def test_what_french_spacing_leaves_alone(typed):
    assert french(typed) == typed


def test_english_is_left_as_typed_and_minus_signs_are_real_in_both():
    assert for_export("Note: see https://x.org/?a=1 now!", "en") == (
        "Note: see https://x.org/?a=1 now!"
    )
    assert for_export("support -0.50", "en") == f"support {MINUS}0.50"
    assert for_export("accompagnement -0,50 : net", "fr") == (
        f"accompagnement {MINUS}0,50{NNBSP}: net"
    )


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("-0,50", f"{MINUS}0,50"),
        ("(-2)", f"({MINUS}2)"),
        ("écart de -3 points", f"écart de {MINUS}3 points"),
        ("2016-1691", "2016-1691"),
        ("L1121-1", "L1121-1"),
        ("2026-12-03", "2026-12-03"),
        ("T-1", "T-1"),
        ("- une liste", "- une liste"),
        ("https://x.fr/a-1", "https://x.fr/a-1"),
    ],
)
def test_minus_signs(typed, printed):
    assert minus_signs(typed) == printed


def test_first_of_the_month_is_raised():
    def wrap(n: str, s: str) -> str:
        return f"{n}<super>{s}</super>"

    assert superscript_ordinals("le 1er mars", wrap) == "le 1<super>er</super> mars"
    assert superscript_ordinals(f"1er{NBSP}avril, la 1re fois", wrap) == (
        f"1<super>er</super>{NBSP}avril, la 1<super>re</super> fois"
    )
    for left in ("21er", "1erable", "x1er", "1,1er"):
        assert superscript_ordinals(left, wrap) == left
    once = superscript_ordinals("1er", wrap)
    assert superscript_ordinals(once, wrap) == once


# -- laws ------------------------------------------------------------------------------------
# Text made of what the rules look at, mixed with anything.
_PIECES = st.sampled_from(
    [" ", NBSP, NNBSP, "\u2009", "\n", ":", ";", "!", "?", "«", "»", "-", "n°", "art.", "§",
     "https://", "www.", "@", ".", ",", "(", ")", "1", "10:38", "a", "é", "L1121-1", "'"]
)  # fmt: skip
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=30).map("".join)


def _bare(text: str) -> str:
    """What the rules may not change: everything but spaces, with minus signs as hyphens and
    English quotes as guillemets."""
    return re.sub(r"\s", "", text).replace(MINUS, "-").replace("“", "«").replace("”", "»")


@given(_TEXT, st.sampled_from(["fr", "en"]))
def test_typography_is_idempotent(text, lang):
    once = for_export(text, lang)
    assert for_export(once, lang) == once


@given(_TEXT, st.sampled_from(["fr", "en"]))
def test_typography_never_changes_letters_or_digits(text, lang):
    out = for_export(text, lang)
    assert _bare(out) == _bare(text)
    assert [c for c in out if c.isalnum()] == [c for c in text if c.isalnum()]


@given(_TEXT)
def test_english_only_gets_minus_signs_and_quotes(text):
    assert for_export(text, "en") == english(minus_signs(text))
    assert english(text).count("“") == english(text).count("”")


def test_french_quoted_in_english_takes_english_quotes():
    assert english("remarks (« propos injurieux »)") == "remarks (“propos injurieux”)"
    assert english("«publicité» or « collaboration »") == "“publicité” or “collaboration”"
    assert english("a lone « mark") == "a lone « mark"


# -- plurals and times ---------------------------------------------------------------------
def test_plurals_follow_each_language():
    assert [counted(n, "clause adoptée", "clauses adoptées") for n in (0, 1, 2)] == [
        "0 clause adoptée",
        "1 clause adoptée",
        "2 clauses adoptées",
    ]
    assert [counted(n, "clause", lang="en") for n in (0, 1, 2)] == [
        "0 clauses",
        "1 clause",
        "2 clauses",
    ]
    assert plural(3, "réserve") == "réserves" and plural(1, "has", "have", "en") == "has"


def test_clock_reads_times_of_day_and_spans():
    assert clock(time(9, 5, 59), "fr") == f"9{NBSP}h{NBSP}05"
    assert clock(time(9, 5, 59), "en") == "09:05"
    assert clock_span("2027-03-31T10:38:40", "2027-03-31T10:38:59", "fr") == f"10{NBSP}h{NBSP}38"
    assert clock_span(time(9), time(9, 20), "en") == "09:00 – 09:20"
    assert short_date("2027-03-01T10:00:00", "fr") == f"1{NBSP}mars"
    assert short_date("2027-12-03", "en") == "3 Dec"
