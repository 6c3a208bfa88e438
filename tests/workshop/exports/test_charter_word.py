"""The draft charter as a document a lawyer works in, read from its XML: list numbering on
the articles, bookmarks and REF fields, the contents field, Word 2013+ mode, track changes,
amendments as revisions, comments, placeholders, one id space, the stable references."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from lxml import etree

from tests.demo_files import copy_demo
from tests.workshop.exports.docx_reading import (
    NS,
    W,
    article_section,
    article_style_id,
    articles_with_references,
    comments,
    paragraph_text,
    part,
    texts,
)
from workshop import snapshot
from workshop.cli import main as cli_main
from workshop.exports.charter import revisions, write_charter
from workshop.exports.charter.builder import text_lines
from workshop.exports.charter.markup import clause_bookmark, heading_bookmark, iso_utc
from workshop.exports.common import ExportOptions
from workshop.exports.identifier import for_export
from workshop.library import builtin_library
from workshop.operations import ballots, clauses, setup
from workshop.references import article_numbers, reference
from workshop.session import Session

NB = "\u00a0"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("word")
    path = copy_demo(folder / "demo.charter", "fr")
    session = Session.open(path)
    snap = snapshot.load(session.conn)
    session.close()
    return snap, write_charter(snap, folder / "charte.docx")


@pytest.fixture(scope="module")
def demo_en(tmp_path_factory):
    folder = tmp_path_factory.mktemp("word_en")
    path = copy_demo(folder / "demo.charter", "en")
    session = Session.open(path)
    snap = snapshot.load(session.conn)
    session.close()
    return snap, write_charter(snap, folder / "charter.docx")


def _document(path):
    return part(path, "word/document.xml")


def _clause_range(body: etree._Element, name: str) -> list[etree._Element]:
    """The elements of the body between the bookmark ``name``'s start and end."""
    start = body.xpath(f"//w:bookmarkStart[@w:name='{name}']", namespaces=NS)
    assert len(start) == 1, name
    number = start[0].get(W + "id")
    inside, found = [], False
    for el in body.iter():
        if el is start[0]:
            found = True
        elif found and el.tag == W + "bookmarkEnd" and el.get(W + "id") == number:
            return inside
        elif found:
            inside.append(el)
    raise AssertionError(f"{name} is never closed")


# -- numbering ------------------------------------------------------------------------------
def test_articles_are_word_list_numbering_on_the_article_style(demo):
    snap, path = demo
    style_id = article_style_id(path)
    styles = part(path, "word/styles.xml")
    num_ids = styles.xpath(
        f"//w:style[@w:styleId='{style_id}']/w:pPr/w:numPr/w:numId/@w:val", namespaces=NS
    )
    assert len(num_ids) == 1  # the style carries the numbering, not each paragraph
    numbering = part(path, "word/numbering.xml")
    abstract = numbering.xpath(
        f"//w:num[@w:numId='{num_ids[0]}']/w:abstractNumId/@w:val", namespaces=NS
    )
    level = numbering.xpath(
        f"//w:abstractNum[@w:abstractNumId='{abstract[0]}']/w:lvl", namespaces=NS
    )
    assert len(level) == 1
    values = {child.tag[len(W) :]: child.get(W + "val") for child in level[0]}
    assert values["numFmt"] == "decimal" and values["start"] == "1"
    assert values["lvlText"] == "Article %1" and values["pStyle"] == style_id
    # every abstractNum before the first num (the schema's order)
    tags = [el.tag for el in numbering]
    assert max(i for i, t in enumerate(tags) if t == W + "abstractNum") < tags.index(W + "num")
    found = articles_with_references(path)
    adopted = [c for c in snap.clauses if c.adopted]
    assert [(title, ref) for _, title, ref in found] == [(c.title, reference(c)) for c in adopted]
    # no number typed in the text: « Article 3 » is Word's
    assert not any(re.match(r"Article \d", p) for p in article_section(path))


def test_article_numbers_are_the_shared_rule(demo):
    snap, path = demo
    numbers = article_numbers(snap)
    assert {ref: n for n, _, ref in articles_with_references(path)} == {
        reference(c): numbers[c.id] for c in snap.clauses if c.adopted
    }


# -- bookmarks, cross-references, contents ------------------------------------------------------
def test_each_article_has_its_bookmarks_and_its_reference(demo):
    snap, path = demo
    body = _document(path)
    names = body.xpath("//w:bookmarkStart/@w:name", namespaces=NS)
    assert len(names) == len(set(names))
    for clause in snap.clauses:
        ref = reference(clause)
        if not clause.adopted:
            assert clause_bookmark(ref) not in names
            continue
        inside = _clause_range(body, clause_bookmark(ref))
        text = "".join(el.text or "" for el in inside if el.tag == W + "t")
        assert text.startswith(f"— {clause.title}{NB}(réf. {ref})")
        assert text_lines(clause.text)[-1] in text  # the whole wording is inside
        heading = _clause_range(body, heading_bookmark(ref))
        assert "".join(el.text or "" for el in heading if el.tag == W + "t") == (
            f"— {clause.title}{NB}(réf. {ref})"
        )


def _fields(body: etree._Element) -> list[tuple[str, str]]:
    """(instruction, current result) of every complex field of the body."""
    found, stack = [], []
    for el in body.iter(W + "fldChar", W + "instrText", W + "t"):
        if el.tag == W + "fldChar":
            kind = el.get(W + "fldCharType")
            if kind == "begin":
                stack.append(["", "", False])
            elif kind == "separate":
                stack[-1][2] = True
            elif kind == "end":
                instruction, result, _ = stack.pop()
                found.append((instruction.strip(), result))
        elif stack and el.tag == W + "instrText":
            stack[-1][0] += el.text or ""
        elif stack and stack[-1][2]:
            stack[-1][1] += el.text or ""
    assert not stack
    return found


def test_cross_references_are_ref_fields_on_existing_bookmarks(demo):
    snap, path = demo
    body = _document(path)
    names = set(body.xpath("//w:bookmarkStart/@w:name", namespaces=NS))
    refs = [(i, r) for i, r in _fields(body) if i.startswith("REF ")]
    assert len(refs) >= 2
    numbers = article_numbers(snap)
    by_bookmark = {heading_bookmark(reference(c)): numbers[c.id] for c in snap.clauses if c.adopted}
    seen_article = seen_annex = False
    for instruction, result in refs:
        target = instruction.split()[1]
        assert target in names, instruction
        if target in by_bookmark:
            assert r"\r" in instruction.split()  # the paragraph's number
            assert result == f"Article {by_bookmark[target]}"  # filled in before any update
            seen_article = True
        else:
            assert target == "annex_1" and result == "1"
            seen_annex = True
    assert seen_article and seen_annex
    preamble = next(p for p in texts(path) if "plan d’accompagnement (annexe" in p)
    assert f"(annexe{NB}1)" in preamble


def test_contents_field_after_the_cover_with_links_to_the_headings(demo):
    _, path = demo
    body = _document(path)
    tocs = [i for i, _ in _fields(body) if i.startswith("TOC ")]
    assert tocs == [r'TOC \o "1-2" \h \z \u']
    paragraphs = body.find(W + "body").findall(W + "p")
    plain = [paragraph_text(p) for p in paragraphs]
    toc_at = next(
        i
        for i, p in enumerate(paragraphs)
        if p.xpath(".//w:instrText[contains(., 'TOC')]", namespaces=NS)
    )
    preamble = max(i for i, t in enumerate(plain) if t == "Préambule")  # the heading, not its entry
    assert plain.index("Sommaire") < toc_at < preamble
    assert plain.index("Document de travail — pour revue juridique") < toc_at  # after the cover
    names = set(body.xpath("//w:bookmarkStart/@w:name", namespaces=NS))
    anchors = body.xpath("//w:hyperlink/@w:anchor", namespaces=NS)
    assert anchors and set(anchors) <= names
    entries = [t for t in plain[toc_at:preamble] if t]
    assert "Article 11 — Ce que l’entreprise observe, et ce qu’elle n’observe pas (réf. C13)" in [
        e.replace(NB, " ") for e in entries
    ]


def test_settings_word_2013_mode_track_changes_and_fields_updated(demo):
    _, path = demo
    settings = part(path, "word/settings.xml")
    mode = settings.xpath("//w:compat/w:compatSetting[@w:name='compatibilityMode']", namespaces=NS)
    assert len(mode) == 1 and mode[0].get(W + "val") == "15"
    assert mode[0].get(W + "uri") == "http://schemas.microsoft.com/office/word"
    assert settings.find(W + "trackRevisions") is not None
    assert settings.find(W + "updateFields").get(W + "val") == "true"
    # in the schema's order: trackRevisions before defaultTabStop, updateFields before compat
    tags = [el.tag for el in settings]
    assert tags.index(W + "trackRevisions") < tags.index(W + "defaultTabStop")
    assert tags.index(W + "updateFields") < tags.index(W + "compat")


# -- amendments as tracked changes ----------------------------------------------------------------
def _revisions(elements) -> list[etree._Element]:
    return [el for el in elements if el.tag in (W + "ins", W + "del")]


def test_every_amended_adopted_clause_is_tracked_changes_by_its_college(demo):
    snap, path = demo
    body = _document(path)
    amended = [c for c in snap.clauses if c.adopted and c.text != c.variant.text]
    assert len(amended) == 3  # the demo amends three clauses, all adopted in the end
    for clause in snap.clauses:
        if not clause.adopted:
            continue
        inside = _clause_range(body, clause_bookmark(reference(clause)))
        found = _revisions(inside)
        if clause not in amended:
            assert found == [], clause.title
            continue
        college = snap.college(clause.amendments[-1].college_id).name
        assert found and {r.get(W + "author") for r in found} == {f"Atelier — {college}"}
        assert {r.get(W + "date") for r in found} == {iso_utc(clause.last_closed.closed_at)}
        assert all(
            re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", r.get(W + "date")) for r in found
        )
        # accepting every change gives the adopted text, rejecting them the library's
        paragraphs = [p for p in inside if p.tag == W + "p"]
        owner = inside[0].getparent()
        wording = [owner.getnext(), *[p for p in paragraphs]]  # the paragraphs after the heading
        accepted = "\n".join(paragraph_text(p) for p in wording if p is not None)
        original = "\n".join(paragraph_text(p, "original") for p in wording if p is not None)
        assert "\n".join(text_lines(clause.text)) in accepted
        assert "\n".join(text_lines(clause.variant.text)) in original
        assert "\n".join(text_lines(clause.text)) not in original


def test_clean_text_option_writes_no_revision(demo, tmp_path):
    snap, _ = demo
    out = write_charter(snap, tmp_path / "propre.docx", ExportOptions(tracked_changes=False))
    body = _document(out)
    assert body.xpath("//w:ins | //w:del", namespaces=NS) == []
    section = "\n".join(article_section(out))
    for clause in snap.clauses:
        if clause.adopted:
            assert clause.text in section
    settings = part(out, "word/settings.xml")
    assert settings.find(W + "trackRevisions") is not None  # the lawyer's edits still tracked


def test_cli_clean_text_flag(demo, tmp_path):
    demo_path = copy_demo(tmp_path / "demo.charter", "fr")
    out = tmp_path / "c.docx"
    assert cli_main(["export", str(demo_path), "--docx", str(out), "--clean-text"]) == 0
    assert _document(out).xpath("//w:ins | //w:del", namespaces=NS) == []
    assert cli_main(["export", str(demo_path), "--docx", str(out)]) == 0
    assert _document(out).xpath("//w:ins", namespaces=NS)


@pytest.fixture
def amended(session):
    """A restrictive variant amended twice by two colleges (a deletion, a replacement, a new
    paragraph), then adopted."""
    lib = builtin_library("fr")
    who = setup.add_participant(session, "Zoé", 2).value
    clause_id = clauses.add_clause(session, lib, "monitoring-scope", "control").value
    text = snapshot.load(session.conn).clauses[0].text
    words = text.split(" ")
    first = " ".join(words[:3] + words[5:])  # two words deleted
    clauses.amend(session, clause_id, first, college_id=2, reason="Trop large")
    second = first.replace(words[2], "«\u00a0remplacé\u00a0»", 1) + "\nUn paragraphe ajouté."
    clauses.amend(session, clause_id, second, college_id=3)
    ballot = ballots.open_ballot(session, clause_id, method="consent", capture="nominative").value
    ballots.cast_vote(session, ballot, who, "consent")
    ballots.close_ballot(session, ballot)
    return snapshot.load(session.conn)


def test_each_change_carries_the_college_whose_amendment_made_it(amended, tmp_path):
    snap = amended
    clause = snap.clauses[0]
    assert clause.adopted and len(clause.amendments) == 2
    out = write_charter(snap, tmp_path / "c.docx")
    body = _document(out)
    found = _revisions(_clause_range(body, clause_bookmark(reference(clause))))
    first, second = (snap.college(a.college_id).name for a in clause.amendments)
    authors = Counter((r.tag[len(W) :], r.get(W + "author")) for r in found)
    assert authors[("del", f"Atelier — {first}")] >= 1  # the two words
    assert authors[("ins", f"Atelier — {second}")] >= 2  # « remplacé », the new paragraph
    deleted = "".join(t.text for r in found if r.tag == W + "del" for t in r.iter(W + "delText"))
    words = clause.variant.text.split(" ")
    assert " ".join(words[3:5]) in deleted
    # the new paragraph's mark is itself an insertion, so rejecting it joins nothing
    marks = body.xpath("//w:pPr/w:rPr/w:ins", namespaces=NS)
    assert [m.get(W + "author") for m in marks] == [f"Atelier — {second}"]
    # inserted and deleted runs are runs like the others, with the paragraph's style
    assert all(r.find(W + "r") is not None for r in found if r.getparent().tag == W + "p")
    assert "Un paragraphe ajouté." in texts(out)


def test_justification_of_a_restriction_is_a_comment_not_body_text(amended, tmp_path):
    clause = amended.clauses[0]
    out = write_charter(amended, tmp_path / "c.docx")
    justification = clause.variant.justification
    assert justification and not any(justification in p for p in texts(out))
    found = [c for c in comments(out) if justification in c["text"]]
    assert len(found) == 1 and found[0]["author"] == "Atelier — bibliothèque"
    assert found[0]["anchor"].startswith(f"— {clause.title}")


def test_replay_attributes_each_word_and_takes_back_earlier_insertions():
    pieces = revisions.changes("a b c", [("a X b c", "P"), ("a b d", "Q")])
    assert revisions.accepted(pieces) == "a b d"
    assert revisions.original(pieces) == "a b c"
    kinds = [(p.kind, p.text.strip(), p.author) for p in pieces if p.kind != "same"]
    assert ("del", "c", "Q") in kinds and ("ins", "d", "Q") in kinds
    assert not any("X" in text for _, text, _ in kinds)  # P's insertion, taken back by Q


# -- comments, ids, placeholders, identifier ---------------------------------------------------------
def test_each_article_has_a_provenance_comment(demo):
    snap, path = demo
    found = [c for c in comments(path) if c["author"] == "Atelier — provenance"]
    adopted = [c for c in snap.clauses if c.adopted]
    assert len(found) == len(adopted)
    for clause, comment in zip(adopted, found, strict=True):
        text = comment["text"]
        assert comment["anchor"] == f"— {clause.title}{NB}(réf. {reference(clause)})"
        assert f"(réf. {reference(clause)})" in text
        assert (
            f"«{NB}{clause.library_key}{NB}»" in text and f"«{NB}{clause.variant_key}{NB}»" in text
        )
        for basis in clause.variant.legal_basis:
            assert basis.replace("'", "’") in text.replace(NB, " ")
        assert f"Adoptée au tour {clause.last_closed.round}" in text
        assert "adoptée" in text.lower().split("adoptée au tour")[1]  # the result sentence
    amended = next(c for c in found if "Amendement proposé par" in c["text"])
    assert "Atelier — " in amended["text"] and "motif" in amended["text"]


def test_ids_of_comments_revisions_and_bookmarks_are_one_space(demo):
    _, path = demo
    body = _document(path)
    ids: dict[str, list[str]] = {}
    for kind, xpath in (
        ("bookmark", "//w:bookmarkStart/@w:id"),
        ("revision", "//w:ins/@w:id | //w:del/@w:id"),
        ("comment", "//w:commentRangeStart/@w:id"),
    ):
        ids[kind] = body.xpath(xpath, namespaces=NS)
    comment_ids = part(path, "word/comments.xml").xpath("//w:comment/@w:id", namespaces=NS)
    assert sorted(comment_ids) == sorted(ids["comment"])
    assert sorted(body.xpath("//w:commentReference/@w:id", namespaces=NS)) == sorted(comment_ids)
    assert sorted(body.xpath("//w:bookmarkEnd/@w:id", namespaces=NS)) == sorted(ids["bookmark"])
    every = [value for values in ids.values() for value in values]
    assert all(ids.values()) and len(every) == len(set(every))


def test_placeholders_are_highlighted_never_stated_as_done(demo, demo_en):
    for (_, path), wanted in (
        (demo, ["[date de l’avis du CSE]", "[date de dépôt au greffe]"]),
        (demo_en, ["[date of the CSE’s opinion]", "[date of filing with the court clerk]"]),
    ):
        body = _document(path)
        highlighted = [
            "".join(r.itertext())
            for r in body.iter(W + "r")
            if r.xpath("w:rPr/w:highlight/@w:val", namespaces=NS) == ["yellow"]
        ]
        for placeholder in wanted:
            assert placeholder in highlighted


def test_export_identifier_on_the_cover_footer_and_properties(demo):
    snap, path = demo
    identifier = for_export(snap, ExportOptions())
    assert f"Identifiant d’export{NB}: {identifier.text('fr')}" in texts(path)
    with_parts = [part(path, "docProps/core.xml")]
    assert identifier.code in etree.tostring(with_parts[0], encoding=str)
    import zipfile

    with zipfile.ZipFile(path) as z:
        footers = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))
    assert identifier.code in footers


def test_english_charter_words(demo_en):
    snap, path = demo_en
    found = articles_with_references(path)
    assert [ref for _, _, ref in found] == [reference(c) for c in snap.clauses if c.adopted]
    authors = {c["author"] for c in comments(path)}
    assert "Workshop — provenance" in authors
    body = _document(path)
    assert {r.get(W + "author") for r in _revisions(body.iter())} <= {
        f"Workshop — {c.name}" for c in snap.colleges
    }
    assert "Contents" in texts(path)
