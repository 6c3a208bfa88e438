"""Draft charter DOCX of the demo workshop: articles, reservations as comments, annexes,
properties, privacy, atomic writing, templates."""

from __future__ import annotations

import errno
import hashlib
import re
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from tests.demo_files import copy_demo
from tests.workshop.exports.docx_reading import (
    HEADING,
    article_section,
    articles,
    comments,
    reservations,
    section,
    texts,
    xml_parts,
)
from workshop import snapshot
from workshop.errors import WorkshopError
from workshop.exports.charter import write_charter
from workshop.exports.common import ExportOptions
from workshop.exports.legal import DISCLAIMER, legal_notes
from workshop.session import Session

NB = "\u00a0"


# -- fixtures and readers ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo_fr(tmp_path_factory):
    path = copy_demo(tmp_path_factory.mktemp("demo_fr") / "demo.charter", "fr")
    session = Session.open(path)
    yield path, snapshot.load(session.conn), session
    session.close()


@pytest.fixture(scope="module")
def demo_en(tmp_path_factory):
    path = copy_demo(tmp_path_factory.mktemp("demo_en") / "demo.charter", "en")
    session = Session.open(path)
    yield path, snapshot.load(session.conn), session
    session.close()


@pytest.fixture(scope="module")
def charter_fr(demo_fr, tmp_path_factory):
    _, snap, _ = demo_fr
    return write_charter(snap, tmp_path_factory.mktemp("out") / "charte.docx")


# -- the demo workshop -------------------------------------------------------------------------
def test_articles_are_the_adopted_clauses_numbered_continuously(demo_fr, charter_fr):
    _, snap, _ = demo_fr
    adopted = [c for c in snap.clauses if c.adopted]
    assert len(adopted) == 13  # the demo decides 17 clauses: 13 adopted, 4 left open
    found = articles(charter_fr)
    assert [n for n, _ in found] == list(range(1, len(adopted) + 1))
    assert [title for _, title in found] == [c.title for c in adopted]
    body = "\n".join(article_section(charter_fr))
    for clause in adopted:
        assert clause.text in body, clause.title
    for clause in snap.clauses:
        if not clause.adopted:
            assert clause.text not in body, clause.title


def test_articles_are_grouped_under_one_heading_per_theme(demo_fr, charter_fr):
    _, snap, _ = demo_fr
    doc = docx.Document(str(charter_fr))
    themes = []
    for clause in snap.clauses:
        if clause.adopted and clause.theme_title not in themes:
            themes.append(clause.theme_title)
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    start = headings.index(themes[0])
    assert headings[start : start + len(themes)] == themes
    styles = {p.style.name for p in doc.paragraphs if HEADING.match(p.text)}
    assert styles == {"Article"}


def test_one_comment_per_reservation_anchored_on_its_article(demo_fr, charter_fr):
    _, snap, _ = demo_fr
    expected = reservations(snap)
    assert len(expected) == 4
    found = [c for c in comments(charter_fr) if c["text"].startswith(f"Réserve{NB}:")]
    assert len(found) == len(expected)
    by_id = {c.id: c for c in snap.clauses}
    for (clause_id, text), comment in zip(expected, found, strict=True):
        clause = by_id[clause_id]
        assert text in comment["text"]
        assert comment["anchor"].startswith(f"— {clause.title}{NB}(réf. C{clause_id})")
        assert clause.text in comment["anchor"]
    # « Atelier — » and the college, or the workshop for a secret ballot's reservation;
    # never a person, never a bare college name a reader could take for the legal team
    assert [c["author"] for c in found] == [
        "Atelier — Juridique",
        "Atelier — Représentants du personnel",
        "Atelier — Représentants du personnel",
        "Atelier",
    ]
    assert found[1]["initials"] == "RP"
    # the postponed clause's reservation is not a comment: it is not in the charter
    assert not any("visuels autorisés" in c["text"] for c in found)


def test_open_points_annex_lists_what_is_not_in_the_charter(charter_fr):
    annex = section(
        texts(charter_fr), "Annexe 2 — Points ouverts", "Annexe 3 — Participants à l’atelier"
    )
    text = "\n".join(annex)
    for title in (
        "Logo, marques et visuels de l’entreprise",
        "Profil et intitulé de poste",
        "Portée de la charte",
        "Publier avec l’aide de l’IA générative",
    ):
        assert title in annex
    assert f"statut{NB}: reportée" in text and f"statut{NB}: rejetée" in text
    assert f"statut{NB}: non décidée" in text
    assert "Le kit de marque n’existe pas encore" in text  # the objection
    assert "Objection (Communication)" in text
    assert "Quorum non atteint" in text  # the clause's note
    assert "Non soumise au vote." in text
    assert "Prévoir des exemples de visuels autorisés." not in text  # a reservation, not a reason


def test_plan_table_one_row_per_action_with_repeated_header(demo_fr, charter_fr):
    _, snap, _ = demo_fr
    doc = docx.Document(str(charter_fr))
    table = next(t for t in doc.tables if t.cell(0, 0).text == "Action")
    assert len(table.rows) == len(snap.actions) + 1 == 8
    assert [c.text for c in table.rows[0].cells] == [
        "Action",
        "Type",
        "Public",
        "Pilote",
        "Échéance",
    ]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [r.cells[0].text for r in table.rows[1:]] == [a.title for a in snap.actions]
    first = table.rows[1].cells
    assert first[1].text == "e-learning"
    assert first[4].text == f"15{NB}février 2027"


def test_footer_has_page_and_numpages_fields(charter_fr):
    footers = [v for k, v in xml_parts(charter_fr).items() if k.startswith("word/footer")]
    joined = "".join(footers)
    assert re.search(r"<w:instrText[^>]*>\s*PAGE\s*</w:instrText>", joined)
    assert re.search(r"<w:instrText[^>]*>\s*NUMPAGES\s*</w:instrText>", joined)
    headers = "".join(v for k, v in xml_parts(charter_fr).items() if k.startswith("word/header"))
    assert "Charte d’utilisation des médias sociaux — projet · version 0.1" in headers


def test_core_properties(charter_fr):
    props = docx.Document(str(charter_fr)).core_properties
    assert props.title == "Charte d’utilisation des médias sociaux — projet — Mutuelle Hélios"
    assert props.author == "Camille Rousseau"  # the facilitator
    assert props.language == "fr-FR"
    assert props.created.date() == date(2026, 11, 26)
    assert "médias sociaux" in props.keywords and "Mutuelle Hélios" in props.keywords
    assert props.subject.startswith("Projet de charte")


def test_cover_preamble_and_french_typography(charter_fr):
    paragraphs = texts(charter_fr)
    assert paragraphs.count("Charte d’utilisation des médias sociaux — projet") == 1
    assert f"Version 0.1 — projet issu de l’atelier du 26{NB}novembre 2026" in paragraphs
    assert "Document de travail — pour revue juridique" in paragraphs
    doc = docx.Document(str(charter_fr))
    status = next(
        p for p in doc.paragraphs if p.text == "Document de travail — pour revue juridique"
    )
    assert status.style.name == "Status Line"
    assert f"Statut envisagé de la charte{NB}: annexe au règlement intérieur." in paragraphs
    preamble = "\n".join(section(paragraphs, "Préambule", "Champ d’application et définitions"))
    assert "accompagner plutôt que de contrôler" in preamble
    assert (
        f"accompagnement de 7,5 et un contrôle de 4,5, soit le quadrant «{NB}Confiance et autonomie{NB}»"
        in preamble
    )
    assert "c’est le terrain des ambassadeurs" in preamble  # the quadrant's description
    assert f"(annexe{NB}1)" in preamble  # « 1 » is a REF field
    # our French texts never leave an ordinary space before a colon or semicolon
    ours = [p for p in paragraphs if p.startswith(("Motif", "Thème", "Fondement", "Statut"))]
    assert ours and not any(re.search(r" [:;]", p[:30]) for p in ours)


def plain(text: str) -> str:
    """Undo the document's typography, to compare with the app's raw texts."""
    return text.replace(NB, " ").replace("’", "'")


def test_legal_notes_section(demo_fr, charter_fr):
    _, snap, _ = demo_fr
    notes = [plain(p) for p in section(texts(charter_fr), "Points de vigilance juridique", None)]
    for note in legal_notes(snap, "fr"):
        assert plain(note.text) in notes
        assert plain(f"Fondement : {note.basis}") in notes
    assert plain(DISCLAIMER["fr"]) in notes
    assert any("Clauses concernées" in p and "Article 11 — " in p for p in notes)  # REF result
    doc = docx.Document(str(charter_fr))
    runs = [r for p in doc.paragraphs for r in p.runs if r.text == "Code du travail, art. L1121-1"]
    assert runs and all(r.italic for r in runs)
    # the app's texts get French typography too: no ordinary space before a semicolon
    legal = section(texts(charter_fr), "Points de vigilance juridique", None)
    assert not any(" ;" in p for p in legal)


def test_participants_by_name_only_with_consent(demo_fr, tmp_path):
    _, snap, _ = demo_fr
    out = write_charter(snap, tmp_path / "c.docx")
    package = "\n".join(xml_parts(out).values())
    for p in snap.participants:
        if p.may_be_named:
            assert p.name in package
        else:
            assert p.name not in package
            assert p.pseudonym in package


def test_anonymized_package_holds_no_participant_name(demo_fr, tmp_path):
    _, snap, _ = demo_fr
    out = write_charter(snap, tmp_path / "anonyme.docx", ExportOptions(anonymize=True))
    parts = xml_parts(out)
    assert "word/comments.xml" in parts and "docProps/core.xml" in parts
    for name, xml in parts.items():
        for p in snap.participants:
            assert p.name not in xml, (name, p.pseudonym)
        assert "Secrétaire du CSE" not in xml and "Déléguée syndicale" not in xml  # functions
    document = parts["word/document.xml"]
    for p in snap.participants:
        assert p.pseudonym in document
    # the facilitator is not named either (issue 10): « l’équipe d’animation »
    assert docx.Document(str(out)).core_properties.author == "l’équipe d’animation"
    assert not any("Camille Rousseau" in xml for xml in parts.values())


def test_exporting_does_not_change_the_workshop(demo_fr, tmp_path):
    path, _, session = demo_fr
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    write_charter(snapshot.load(session.conn), tmp_path / "c.docx")
    write_charter(snapshot.load(session.conn), tmp_path / "a.docx", ExportOptions(anonymize=True))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_english_workshop(demo_en, tmp_path):
    _, snap, _ = demo_en
    out = write_charter(snap, tmp_path / "charter.docx")
    doc = docx.Document(str(out))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    for expected in (
        "Preamble",
        "Where the charter stands",
        "Guiding principles",
        "Annex 1 — Accompaniment plan",
        "Annex 2 — Open points",
        "Annex 3 — Workshop participants",
        "Legal points to check",
    ):
        assert expected in headings
    assert not any("Annexe" in h or "Préambule" in h for h in headings)
    paragraphs = texts(out)
    assert "Social media charter — draft" in paragraphs
    assert "Version 0.1 — draft from the workshop of 26 November 2026" in paragraphs
    assert "Working document — for legal review" in paragraphs
    assert [n for n, _ in articles(out)] == list(range(1, 14))
    assert doc.core_properties.language == "en-GB"
    reservations_en = [c for c in comments(out) if c["text"].startswith("Reservation: ")]
    assert reservations_en[-1]["author"] == "Workshop"
    assert "Workshop — provenance" in {c["author"] for c in comments(out)}
    plan = next(t for t in doc.tables if t.cell(0, 0).text == "Action")
    assert plan.cell(1, 4).text == "15 February 2027"


def test_language_option_overrides_the_workshop(demo_fr, tmp_path):
    _, snap, _ = demo_fr
    out = write_charter(snap, tmp_path / "c.docx", ExportOptions(lang="en"))
    assert "Preamble" in texts(out)


# -- atomic writing -----------------------------------------------------------------------------
def _broken_save(self, path):
    Path(path).write_bytes(b"PK\x03\x04 half a file")
    raise RuntimeError("disk unplugged")


def test_failed_save_leaves_no_file(demo_fr, tmp_path, monkeypatch):
    _, snap, _ = demo_fr
    monkeypatch.setattr(docx.document.Document, "save", _broken_save)
    with pytest.raises(RuntimeError):
        write_charter(snap, tmp_path / "c.docx")
    assert list(tmp_path.iterdir()) == []


def test_failed_save_keeps_the_previous_file(demo_fr, tmp_path, monkeypatch):
    _, snap, _ = demo_fr
    target = tmp_path / "c.docx"
    target.write_bytes(b"previous version")
    monkeypatch.setattr(docx.document.Document, "save", _broken_save)
    with pytest.raises(RuntimeError):
        write_charter(snap, target)
    assert target.read_bytes() == b"previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["c.docx"]


def test_read_only_folder_is_one_clear_line(demo_fr, tmp_path, monkeypatch):
    _, snap, _ = demo_fr

    def refuse(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr("os.replace", refuse)
    with pytest.raises(WorkshopError) as caught:
        write_charter(snap, tmp_path / "c.docx")
    message = str(caught.value)
    assert "\n" not in message and "c.docx" in message and "écriture refusée" in message
    assert list(tmp_path.iterdir()) == []


# -- templates ---------------------------------------------------------------------------------
def test_facilitator_template_keeps_its_letterhead(demo_fr, tmp_path):
    _, snap, _ = demo_fr
    template = docx.Document()  # python-docx's stock template: no "Article" style
    template.sections[0].header.paragraphs[0].text = "MUTUELLE HÉLIOS — 12 quai Perrache, Lyon"
    template.add_paragraph("Texte d’exemple du modèle")
    template.save(tmp_path / "maison.docx")
    out = write_charter(snap, tmp_path / "c.docx", template=tmp_path / "maison.docx")
    headers = "".join(v for k, v in xml_parts(out).items() if k.startswith("word/header"))
    assert "MUTUELLE HÉLIOS — 12 quai Perrache, Lyon" in headers
    assert "Charte d’utilisation des médias sociaux — projet · version 0.1" in headers
    assert "Texte d’exemple du modèle" not in texts(out)
    assert [n for n, _ in articles(out)] == list(range(1, 14))
    doc = docx.Document(str(out))
    # our numbered Article style, built on the template's own Heading 2 (its look kept)
    found = {
        (p.style.name, p.style.base_style.name) for p in doc.paragraphs if HEADING.match(p.text)
    }
    assert found == {("Article", "Heading 2")}


def test_template_missing_our_styles_falls_back(demo_fr, tmp_path):
    _, snap, _ = demo_fr
    template = docx.Document()
    styles = template.styles.element
    for name in ("Heading 2", "List Bullet", "Title", "Subtitle", "Table Grid"):
        styles.remove(template.styles[name].element)
    # a character style that happens to be called "Article" must not be used for paragraphs
    template.styles.add_style("Article", docx.enum.style.WD_STYLE_TYPE.CHARACTER)
    template.save(tmp_path / "pauvre.docx")
    out = write_charter(snap, tmp_path / "c.docx", template=tmp_path / "pauvre.docx")
    doc = docx.Document(str(out))
    found = [p for p in doc.paragraphs if HEADING.match(p.text)]
    # "Article" is taken by the character style: ours is "Charter Article", on Heading 1
    assert len(found) == 13 and {p.style.name for p in found} == {"Charter Article"}
    assert found[0].style.base_style.name == "Heading 1"
    assert [n for n, _ in articles(out)] == list(range(1, 14))
    assert any(p.text.startswith("•" + NB) for p in doc.paragraphs)  # bullets by hand


def test_dotx_or_foreign_template_is_one_line_error(demo_fr, tmp_path):
    _, snap, _ = demo_fr
    docx.Document().save(tmp_path / "modele.docx")
    with zipfile.ZipFile(tmp_path / "modele.docx") as z:
        items = {n: z.read(n) for n in z.namelist()}
    items["[Content_Types].xml"] = items["[Content_Types].xml"].replace(
        b"document.main+xml", b"template.main+xml"
    )
    with zipfile.ZipFile(tmp_path / "modele.dotx", "w") as z:
        for n, data in items.items():
            z.writestr(n, data)
    (tmp_path / "notes.docx").write_text("pas un document Word")
    for template, words in (
        ("modele.dotx", ".dotx"),
        ("notes.docx", "pas un document Word"),
        ("absent.docx", "introuvable"),
    ):
        with pytest.raises(WorkshopError) as caught:
            write_charter(snap, tmp_path / "c.docx", template=tmp_path / template)
        assert words in str(caught.value) and "\n" not in str(caught.value)
    assert not (tmp_path / "c.docx").exists()
