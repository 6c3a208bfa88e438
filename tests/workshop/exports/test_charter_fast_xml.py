"""The charter writes some OOXML directly, for speed (issue 16): each shortcut must give
exactly the XML python-docx's own API gives."""

from __future__ import annotations

import pytest
from docx import Document
from lxml import etree

from workshop.exports.charter.markup import Ids, add_comment
from workshop.exports.charter.ooxml import add_run, apply_style

TEXTS = ["", "mot", " espace avant", "après ", "\u00a0insécable\u00a0", "a\tb", "ligne\nsuivante",
         "fin\r", "Łukasz Nguyễn-O’Brien 🚀 « ok »", "  "]  # fmt: skip


def _xml(element) -> bytes:
    return etree.tostring(element)


@pytest.mark.parametrize("text", TEXTS)
def test_a_run_is_what_python_docx_writes(text):
    doc = Document()
    ours, theirs = doc.add_paragraph(), doc.add_paragraph()
    add_run(ours, text).bold = True
    theirs.add_run(text).bold = True
    assert _xml(ours._p) == _xml(theirs._p)


def test_a_style_is_set_as_python_docx_sets_it():
    doc = Document()
    style = doc.styles["Heading 2"]
    for make in (lambda p: None, lambda p: p.add_run("x"), lambda p: setattr(
        p.paragraph_format, "keep_with_next", True)):  # fmt: skip
        ours, theirs = doc.add_paragraph(), doc.add_paragraph()
        make(ours)
        make(theirs)
        apply_style(ours, style)
        theirs._p.style = style.style_id
        assert _xml(ours._p) == _xml(theirs._p)


@pytest.mark.parametrize(
    "paragraphs",
    [["Provenance", "Deuxième ligne", "Troisième\tavec tabulation"], ["a\nb", "c\nd"], [""],
     ["", "après un vide"], ["seul"]],
)  # fmt: skip
def test_a_comment_is_what_python_docx_writes(paragraphs):
    doc = Document()
    anchor = doc.add_paragraph("article")
    number = add_comment(doc, Ids(doc), anchor, anchor, paragraphs, "Atelier — RH", "AR",
                         "2026-12-02T10:38:00Z")  # fmt: skip
    ours = doc.comments._comments_elm[-1]
    reference = Document()
    comment = reference.comments.add_comment(text=paragraphs[0], author="Atelier — RH",
                                             initials="AR")  # fmt: skip
    for text in paragraphs[1:]:
        comment.add_paragraph(text)
    theirs = comment._comment_elm
    theirs.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}id", str(number))
    theirs.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}date",
               "2026-12-02T10:38:00Z")  # fmt: skip
    assert _xml(ours) == _xml(theirs)


def test_a_comment_without_date_is_dated_now_like_python_docx():
    doc = Document()
    anchor = doc.add_paragraph("article")
    add_comment(doc, Ids(doc), anchor, anchor, ["texte"], "Atelier", "A")
    date = doc.comments._comments_elm[-1].get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}date"
    )
    assert date and date.endswith("Z")
