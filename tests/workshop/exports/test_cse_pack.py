"""The CSE consultation pack: what it says per status and size band, the placeholders it
highlights, and the refusals."""

from __future__ import annotations

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX

from workshop import exports, snapshot
from workshop.errors import WorkshopError
from workshop.exports.common import ExportOptions
from workshop.exports.cse_pack import build_cse_pack, highlight_placeholders, pack
from workshop.exports.legal import legal_notes
from workshop.exports.legal.status import PLACEHOLDER_PATTERN
from workshop.library import builtin_library
from workshop.operations import ballots, clauses, setup


def adopt(session, key, variant):
    cid = clauses.add_clause(session, builtin_library("fr"), key, variant).value
    bid = ballots.open_ballot(session, cid, method="simple", capture="counts").value
    ballots.set_counts(session, bid, 1, {"for": 1})
    ballots.close_ballot(session, bid)


@pytest.fixture
def voter(session):
    return setup.add_participant(session, "Łukasz Nguyễn-O’Brien", 1).value


def content(session, lang="fr"):
    return pack(snapshot.load(session.conn), lang)


def steps(p):
    return " | ".join(f"{s.what} / {s.basis} / {s.when}" for s in p.steps)


def test_an_annex_gets_the_full_ri_timetable_with_placeholders(session, voter):
    setup.update_workshop(session, charter_status="annex_ri", size_band="50-249")
    p = content(session)
    timeline = steps(p)
    for placeholder in (
        "[date de l’avis du CSE]",
        "[date de dépôt au greffe]",
        "[date de la publicité]",
        "[date de communication à l’inspection du travail]",
        "[date d’entrée en vigueur]",
    ):
        assert placeholder in timeline
    assert "R1321-2" in timeline and "R1321-1" in timeline and "R1321-4" in timeline
    assert "au moins un mois" in timeline and "R1321-3" in timeline
    assert [g.title for g in p.grounds] == ["Avis sur l’adjonction au règlement intérieur"]
    checklist = " ".join(p.checklist)
    assert "L1321-2" in checklist and "deux exemplaires" in checklist.lower()
    assert "[canal interne de signalement]" in checklist  # 50+: internal procedure
    assert any("un mois" in line for line in p.status_lines)
    assert "L2312-15" in " ".join(p.note)


def test_a_guide_has_no_filing_and_no_invented_consultation(session, voter):
    setup.update_workshop(session, size_band="11-49")
    p = content(session)
    timeline = steps(p)
    assert "greffe" not in timeline and "inspecteur" not in timeline
    assert "Réunion du CSE" not in timeline
    (ground,) = p.grounds
    assert ground.title == "Aucune consultation obligatoire identifiée" and not ground.consult
    assert "L1321-5" in p.checklist[0]
    assert "L2312-15" not in " ".join(p.note)  # below 50: not the 50+ time limits
    assert not any("[canal interne" in item for item in p.checklist)


def test_monitoring_in_a_guide_depends_on_the_size_band(session, voter):
    adopt(session, "monitoring-scope", "control")
    setup.update_workshop(session, size_band="11-49")
    small = content(session)
    (ground,) = [g for g in small.grounds if "veille" in g.title]
    assert not ground.consult and "Sous 50 salariés" in ground.text
    assert "Réunion du CSE" not in steps(small)
    assert "[date d’information des salariés]" in steps(small)
    setup.update_workshop(session, size_band="250-4999")
    large = content(session)
    (ground,) = [g for g in large.grounds if "veille" in g.title]
    assert ground.consult and ground.clauses
    assert "L2312-38" in steps(large) and "[date de la réunion du CSE]" in steps(large)
    assert any("CSE consulté (art. L2312-38)" in item for item in large.checklist)


def test_an_annex_without_a_cse_says_if_there_is_one(session, voter):
    setup.update_workshop(session, charter_status="annex_ri", size_band="1-10")
    p = content(session, "en")
    assert "(if there is a CSE)" in steps(p)
    assert "Below 11 employees no CSE is required" in p.grounds[0].text
    assert "(if there is one)" in p.status_lines[0]


def test_a_contradictory_status_is_put_first_to_settle(session, voter):
    setup.update_workshop(session, charter_status="annex_ri")
    adopt(session, "sanctions-status", "support")
    p = content(session)
    assert p.warnings and "contredit le statut choisi" in p.warnings[0]
    adopt_coherent = content(session, "en")
    assert "contradicts the chosen status" in adopt_coherent.warnings[0]


def test_the_document_highlights_every_placeholder_and_carries_the_notes(session, voter):
    setup.update_workshop(session, charter_status="annex_ri", size_band="50-249")
    adopt(session, "image-consent", "control")
    snap = snapshot.load(session.conn)
    doc = build_cse_pack(snap)
    paragraphs = list(doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += cell.paragraphs
    highlighted = [
        r.text
        for p in paragraphs
        for r in p.runs
        if r.font.highlight_color == WD_COLOR_INDEX.YELLOW
    ]
    assert "[date de l’avis du CSE]" in highlighted and "[date de dépôt au greffe]" in highlighted
    for p in paragraphs:
        for run in p.runs:
            for found in PLACEHOLDER_PATTERN.findall(run.text):
                assert run.font.highlight_color == WD_COLOR_INDEX.YELLOW, found
    assert all(PLACEHOLDER_PATTERN.fullmatch(text) for text in highlighted)
    text = "\n".join(p.text for p in paragraphs).replace("\u00a0", " ")
    assert "Dossier de consultation du CSE" in text and "Calendrier" in text
    assert "Étape" in text and "Liste de contrôle du dépôt" in text and "☐" in text
    for note in legal_notes(snap, "fr"):
        assert note.text.replace("\u00a0", " ")[:60] in text, note.key
    assert "Photos et vidéos de collègues" in text  # the image-rights note names its clause
    assert doc.core_properties.language == "fr-FR"


def test_the_pack_names_no_participant(session, voter, tmp_path):
    snap = snapshot.load(session.conn)
    out = exports.run("cse_pack", snap, tmp_path / "pack.docx")
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Łukasz" not in text and "ACME" in text
    assert exports.EXPORTS["cse_pack"].default_name(ExportOptions(), "en") == "cse-pack.docx"


def test_highlighting_keeps_the_run_formatting():
    document = docx.Document()
    paragraph = document.add_paragraph()
    run = paragraph.add_run("Avis rendu le [date de l’avis du CSE], puis dépôt le [date].")
    run.bold = True
    assert highlight_placeholders(paragraph) == 2
    texts = [(r.text, r.bold, r.font.highlight_color) for r in paragraph.runs]
    assert texts == [
        ("Avis rendu le ", True, None),
        ("[date de l’avis du CSE]", True, WD_COLOR_INDEX.YELLOW),
        (", puis dépôt le ", True, None),
        ("[date]", True, WD_COLOR_INDEX.YELLOW),
        (".", True, None),
    ]


def test_a_bad_template_is_one_line_and_writes_nothing(session, tmp_path):
    bad = tmp_path / "modele.docx"
    bad.write_text("not a word file", encoding="utf-8")
    snap = snapshot.load(session.conn)
    target = tmp_path / "pack.docx"
    with pytest.raises(WorkshopError) as caught:
        exports.run("cse_pack", snap, target, template=bad)
    assert "\n" not in str(caught.value) and "modele.docx" in str(caught.value)
    assert not target.exists()


def test_the_workshop_file_is_never_overwritten(session):
    snap = snapshot.load(session.conn)
    before = session.path.read_bytes()
    with pytest.raises(WorkshopError):
        exports.run("cse_pack", snap, session.path)
    assert session.path.read_bytes() == before


def test_the_cli_writes_the_pack(tmp_path):
    import subprocess
    import sys

    s = setup.create(tmp_path / "a.charter", "Atelier", "ACME", "en")
    s.close()
    out = tmp_path / "pack.docx"
    done = subprocess.run(
        [sys.executable, "-m", "workshop", "export", str(tmp_path / "a.charter")]
        + ["--cse-pack", str(out)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "CSE consultation pack" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
