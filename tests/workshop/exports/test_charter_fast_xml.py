"""The charter's direct XML writers give the elements python-docx's own setters give: a
comment parsed from one text is the comment built element by element, whatever its
characters; table rows likewise."""

from __future__ import annotations

import io
from importlib.resources import files

import pytest
from docx import Document
from lxml import etree

from workshop.exports.charter import markup
from workshop.exports.charter.ooxml import plain

TEXTS = [
    ["Provenance (réf. C7)", "Amendement « a & b » <c> ; motif : \"x\" 'y'"],
    ["  leading and trailing  ", "—", "]]> &amp; literal"],
    ["first\nsecond line\nthird", "later"],
    ["", "after an empty first"],
    ["tab\there"],
    ["   "],
    ["a"],
    [],
]


def _template():
    return Document(io.BytesIO((files("resources") / "templates" / "charter.docx").read_bytes()))


@pytest.mark.parametrize("paragraphs", TEXTS)
@pytest.mark.parametrize(
    ("author", "initials"), [("Atelier — RH", "AR"), ('Dit "Q" & <co>\tx\ny', ""), ("", "A")]
)
def test_a_comment_parsed_from_text_is_the_comment_built_by_elements(paragraphs, author, initials):
    doc = _template()
    built = markup._new_comment(doc, 7, author, initials, "2026-12-03T09:38:00Z")
    markup._comment_text(built, paragraphs)
    text = markup._comment_xml(7, author, initials, "2026-12-03T09:38:00Z", paragraphs)
    all_plain = all(plain(t) for t in [*paragraphs[:1], *paragraphs[1:]] if t)
    if text is None:
        assert not all_plain or any("\n" in t for t in paragraphs[:1])
        return
    parsed = markup.parse_xml(text)
    built.addnext(parsed)  # the same ancestors, so the same namespaces in scope
    assert etree.tostring(parsed) == etree.tostring(built)


ROWS = [
    [("Jean « JD » Dupont", "Chef & <co>"), ("",), ("  RH  ",)],
    [("a",), ("b", "c", "d"), ()],
    [("", "only the second"), ("—",), ("]]>",)],
]


@pytest.mark.parametrize("style_id", ["TableText", None])
def test_table_rows_parsed_from_text_are_the_rows_built_by_elements(style_id):
    from workshop.exports.charter.ooxml import body_row, body_rows

    twips = ["2948", "1644", "1588"]
    tbl = markup.parse_xml(f"<w:tbl {markup.nsdecls('w')}/>")
    parsed = body_rows(ROWS, twips, style_id)
    assert len(parsed) == len(ROWS)  # the fast path: every line is plain
    for row, tr in zip(ROWS, parsed, strict=True):
        built = body_row(row, twips, style_id)
        tbl.append(built)
        tbl.append(tr)
        assert etree.tostring(tr) == etree.tostring(built)
    tabbed = [[("tab\there",), ("x",), ("y",)]]
    assert etree.tostring(body_rows(tabbed, twips, style_id)[0]) == etree.tostring(
        body_row(tabbed[0], twips, style_id)
    )


@pytest.mark.parametrize("style_id", ["Normal", None])
@pytest.mark.parametrize("date", ["2026-12-03T09:38:00Z", None])
def test_tracked_changes_parsed_from_text_are_the_ones_built_by_elements(style_id, date):
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph

    from workshop.exports.charter.ooxml import apply_style
    from workshop.exports.charter.revisions import changes, write, write_xml

    library = "Chacun « parle » de\tson métier & <co>.\n  Deux espaces.\nFin ]]>"
    steps = [
        ("Chacun parle de son travail & <co>.\n  Deux espaces.\nFin ]]> ajout", 'Atelier "RH"'),
        ("Chacun parle de son travail.\nFin ]]> ajout\nNouvelle ligne", "Atelier — DSI"),
    ]
    pieces = changes(library, steps)
    doc = _template()
    style = doc.styles["Normal"] if style_id else None

    def new_paragraph():
        p = Paragraph(OxmlElement("w:p"), None)
        if style is not None:
            apply_style(p, style)
        doc.element.body.append(p._p)
        return p

    class Counter:
        def __init__(self):
            self.n = 0

        def next(self):
            self.n += 1
            return self.n

    built = write(pieces, new_paragraph, Counter(), date)  # type: ignore[arg-type]
    body = markup.parse_xml(write_xml(pieces, Counter(), date, style_id))  # type: ignore[arg-type]
    parsed = list(body)
    assert len(parsed) == len(built)
    marks = body.xpath("./w:p/w:pPr/w:rPr/*")
    assert {etree.QName(m).localname for m in marks} == {"ins", "del"}  # paragraph marks too
    for p, element in zip(built, parsed, strict=True):
        p._p.addnext(element)  # the same ancestors, so the same namespaces in scope
        assert etree.tostring(element) == etree.tostring(p._p)


def test_changes_code_each_text_once_and_replay_the_same():
    from workshop.exports.charter.revisions import Piece, changes, merged, replay, tokens

    library = "Chacun parle de son métier.\nLes règles restent les règles."
    steps = [
        ("Chacun parle de son travail.\nLes règles restent les règles.", "A"),
        ("Chacun parle.\nLes règles, les règles, restent.\nAjout.", "B"),
        ("Chacun parle de son métier.\nAjout.", "C"),
    ]
    pieces = [Piece(t) for t in tokens(library)]
    for after, author in steps:
        pieces = replay(pieces, after, author)
    assert changes(library, steps) == merged(pieces)
