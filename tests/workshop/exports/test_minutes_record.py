"""The demo minutes as a record: metadata and XMP, bookmarks down to each clause, page breaks
that leave nothing alone at a page's foot, « (suite) » on continued tables, hyphenation."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape

import pypdf
import pytest

from tests.demo_files import copy_demo
from workshop import snapshot
from workshop.exports.common import ExportOptions
from workshop.exports.minutes import write_minutes
from workshop.session import Session


@pytest.fixture(scope="module", params=["fr", "en"])
def minutes(request, tmp_path_factory):
    lang = request.param
    base = tmp_path_factory.mktemp(f"record-{lang}")
    session = Session.open(copy_demo(base / "d.charter", lang))
    snap = snapshot.load(session.conn)
    session.close()
    out = write_minutes(snap, base / "m.pdf")
    return lang, snap, out


def _page_texts(path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


# -- metadata ----------------------------------------------------------------------------------
def test_info_and_xmp_carry_title_author_subject_keywords_language(minutes):
    lang, snap, out = minutes
    reader = pypdf.PdfReader(out)
    info, xmp = reader.metadata, reader.xmp_metadata
    tag = {"fr": "fr-FR", "en": "en-GB"}[lang]
    assert reader.trailer["/Root"]["/Lang"] == tag
    assert xmp is not None and xmp.dc_language == [tag]
    assert snap.workshop.title in info.title and xmp.dc_title["x-default"] == info.title
    assert info.author == snap.workshop.facilitator and xmp.dc_creator == [info.author]
    assert xmp.dc_description["x-default"] == info.subject
    assert "Mutuelle Hélios" in info.keywords and "Mutuelle Hélios" in xmp.dc_subject
    assert xmp.pdf_keywords == info.keywords
    assert info.creation_date <= info.modification_date
    assert xmp.xmp_create_date <= xmp.xmp_modify_date
    assert abs((xmp.xmp_create_date - info.creation_date.replace(tzinfo=None)).total_seconds()) < 1


def test_pseudonymised_minutes_name_no_author_in_info_nor_xmp(tmp_path):
    session = Session.open(copy_demo(tmp_path / "d.charter", "fr"))
    snap = snapshot.load(session.conn)
    session.close()
    out = write_minutes(snap, tmp_path / "p.pdf", ExportOptions(anonymize=True))
    reader = pypdf.PdfReader(out)
    facilitator = snap.workshop.facilitator
    assert facilitator not in reader.metadata.author
    assert facilitator not in reader.xmp_metadata.dc_creator[0]
    raw = out.read_bytes()
    assert facilitator.encode("utf-8") not in raw


def test_bookmarks_go_down_to_each_clause(minutes):
    _, snap, out = minutes
    reader = pypdf.PdfReader(out)
    top = [o for o in reader.outline if not isinstance(o, list)]
    children = [o for o in reader.outline if isinstance(o, list)]
    assert len(top) == 11 and len(children) >= 1
    # a clause is named by its reference, « C7 — Titre (article 3 de la charte) »
    reference = re.compile(r"C\d+ — ")
    clause_marks = [c.title for group in children for c in group if reference.match(c.title)]
    assert len(clause_marks) == len(snap.clauses)
    for clause, title in zip(snap.clauses, clause_marks, strict=True):
        assert title.startswith(f"C{clause.id} — {clause.title}")
    pages = [reader.get_destination_page_number(c) for group in children for c in group]
    assert pages == sorted(pages)
    # each clause's bookmark points at the page where its heading is printed
    texts = _page_texts(out)
    for group in children:
        for mark in group:
            assert mark.title[:25] in texts[reader.get_destination_page_number(mark)]


# -- page breaks ------------------------------------------------------------------------------
_FOOTER = re.compile(r"page \d+ / \d+")


def _body_lines(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [line for line in lines if not _FOOTER.search(line) and "Compte rendu —" not in line]


def test_no_heading_nor_lead_in_at_the_foot_of_a_page(minutes):
    lang, _, out = minutes
    lead = "Texte soumis au vote" if lang == "fr" else "Wording put to the vote"
    heading = re.compile(
        r"^(\d+\. |Article \d+ — |Tour \d+ — |Round \d+ — |Amendement |Amendment |Motif|Reason:)"
    )
    for number, text in enumerate(_page_texts(out)[1:-1], start=2):
        tail = _body_lines(text)[-2:]
        for line in tail:
            assert not line.startswith(lead), (number, line)
            assert not heading.match(line), (number, line)


_HEADER = {"fr": ["Heure", "Étape", "Événement"], "en": ["Time", "Step", "Event"]}


def test_a_continued_table_says_so_under_its_heading(minutes):
    lang, _, out = minutes
    word = "(suite)" if lang == "fr" else "(continued)"
    timeline = "10. Chronologie" if lang == "fr" else "10. Timeline"
    header = _HEADER[lang]
    texts = _page_texts(out)
    continued = [i for i, t in enumerate(texts) if f"{timeline} {word}" in t]
    assert continued, "the timeline spans several pages in the demo"
    for i in continued:
        lines = _body_lines(texts[i])
        # the page opens with the caption, then the repeated header row
        assert lines[0] == f"{timeline} {word}" and lines[1:4] == header, lines[:4]
    # the header row is repeated only at the top of a page: once per page of the table
    first = next(
        i for i, t in enumerate(texts) if t.lstrip().startswith(timeline) or f"\n{timeline}\n" in t
    )
    for i in range(first, continued[-1] + 1):
        rows = [line for line in _body_lines(texts[i]) if line == header[0]]
        assert len(rows) <= 1, (i, rows)


def test_no_timeline_row_is_split_across_pages(minutes):
    lang, snap, out = minutes
    caption = "10. Chronologie (suite)" if lang == "fr" else "10. Timeline (continued)"
    texts = _page_texts(out)
    time = re.compile(r"^\d{1,2} h \d{2}" if lang == "fr" else r"^\d{2}:\d{2}")  # textfmt.clock
    for text in texts:
        lines = _body_lines(text)
        if lines and lines[0] == caption:
            # after the caption and the header, the first line starts a row: its time
            assert lines[1:4] == _HEADER[lang] and time.match(lines[4]), lines[:5]


# -- hyphenation ------------------------------------------------------------------------------
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>'
)
_LETTER_END = re.compile(r"[^\W\d_]$")
_LOWER_START = re.compile(r"^[a-zà-ÿœ]")


# words of one or two letters that may start a line
_SHORT_WORDS = set(
    "a à y en et le la de du un il au ne on se ce sa si ou où ni l d "
    "of to in by is it an as at be or no we us so do up".split()
)


def _blocks(path) -> list[list[list[str]]]:
    """Each block of each page (poppler's -bbox-layout), as lines of words."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    html = subprocess.run(
        [tool, "-bbox-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    blocks = []
    for block in re.findall(r"<block .*?</block>", html, re.S):
        lines = [
            [unescape(w[3]) for w in _WORD.findall(line)]
            for line in re.findall(r"<line .*?</line>", block, re.S)
        ]
        blocks.append([line for line in lines if line])
    return blocks


def test_no_word_is_cut_without_a_hyphen(minutes):
    """A line that ends in the middle of a word without a hyphen, its end starting the next
    line: the two halves joined make a word the minutes print whole elsewhere."""
    _, _, out = minutes
    blocks = _blocks(out)
    whole = {w for block in blocks for line in block for w in line}
    cuts = []
    hyphenated = 0
    for block in blocks:
        for above, below in zip(block, block[1:], strict=False):
            head, tail = above[-1], below[0]
            if head.endswith("-") and len(head) > 2:
                hyphenated += 1
            elif _LETTER_END.search(head) and _LOWER_START.match(tail):
                stray = len(tail) <= 2 and tail.isalpha() and tail not in _SHORT_WORDS
                if head + tail in whole or stray:
                    cuts.append(f"{head}|{tail}")
    assert not cuts, cuts
    assert hyphenated > 0  # the narrow columns do break words, with a hyphen
