"""The minutes' text layer holds the text as typed: right-to-left names in logical order,
Arabic base letters (not presentation forms), emoji; read back by pdftotext and pypdf."""

from __future__ import annotations

import re
import shutil
import subprocess

import pypdf
import pytest

from workshop import snapshot
from workshop.exports.minutes import write_minutes
from workshop.exports.pdf_fonts import markup, register_fonts, visual
from workshop.exports.pdf_text import RTL_SPACE, for_text_layer
from workshop.library import builtin_library
from workshop.operations import clauses, setup

NAMES = [
    "يوسف الحداد",  # Arabic, joined letters
    "علاء الدين",  # Arabic with the lam-alef ligature
    "נועה כהן",  # Hebrew
    "Łukasz Nguyễn-O’Brien",
    "Zoé 🚀 Martin",
]
MIXED = "Demande de علاء الدين et de נועה כהן : revoir l’article 🙂"
# poppler wraps each right-to-left run in embedding marks (invisible, ignored by search)
_EMBEDDING = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")


@pytest.fixture(scope="module")
def minutes(tmp_path_factory):
    base = tmp_path_factory.mktemp("rtl")
    session = setup.create(base / "r.charter", "Atelier", "ACME", "fr")
    for i, name in enumerate(NAMES):
        setup.add_participant(session, name, 2 + i % 3, "Élu")
    cid = clauses.add_clause(session, builtin_library("fr"), "scope-platforms").value
    clauses.set_clause_note(session, cid, MIXED)
    snap = snapshot.load(session.conn)
    session.close()
    return write_minutes(snap, base / "m.pdf")


def _pdftotext(path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run([tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return _EMBEDDING.sub("", done.stdout.decode("utf-8"))


def _pypdf(path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


READERS = {"pdftotext": lambda path: _pdftotext(path), "pypdf": lambda path: _pypdf(path)}


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("name", NAMES)
def test_each_name_is_found_as_typed(minutes, reader, name):
    assert name in READERS[reader](minutes), name


@pytest.mark.parametrize("reader", READERS)
def test_no_presentation_form_nor_private_code_reaches_the_text_layer(minutes, reader):
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufefc\ue000-\uf8ff]", READERS[reader](minutes))


def _in_order(text: str, parts: list[str]) -> bool:
    at = 0
    for part in parts:
        at = text.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


@pytest.mark.parametrize("reader", READERS)
def test_a_mixed_french_and_right_to_left_line_reads_in_logical_order(minutes, reader):
    # Both readers give every run in logical order and the runs in the order typed. Both
    # move the space (pypdf also the colon) that follows a right-to-left run to its other
    # side: their own bidi passes count neutral characters after a run as part of it.
    parts = ["Demande de", "علاء الدين", "et de", "נועה כהן", "revoir l’article 🙂"]
    text = READERS[reader](minutes)
    assert _in_order(text, parts)
    if reader == "pdftotext":  # poppler keeps the line whole, spaces aside
        squeeze = re.compile(r"\s+")
        assert squeeze.sub("", MIXED) in squeeze.sub("", text)


def test_the_page_still_draws_joined_letters_in_visual_order():
    register_fonts()
    drawn = markup("يوسف الحداد")
    # the presentation forms are drawn right to left, the space unbreakable (no whitespace)
    assert drawn == visual("يوسف الحداد", RTL_SPACE)
    assert " " not in drawn and "\u00a0" not in drawn
    # the lam-alef ligature is drawn once, after (left of it) its zero-width alef glyph
    shaped = for_text_layer(visual("لا"))
    assert len(shaped) == 2 and shaped[1] == "\ufefb"
