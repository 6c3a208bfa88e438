"""PDF minutes of the demo workshop: every name and clause printed, sections, metadata,
nothing leaked, the matrix figure, atomic writing."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.demo_files import copy_demo
from tests.workshop.exports.pdf_reading import fonts_used, pdf_text, section
from workshop import snapshot
from workshop.errors import WorkshopError
from workshop.exports.common import ExportOptions
from workshop.exports.minutes import document, round_figures, write_minutes
from workshop.model import Outcome
from workshop.session import Session


# -- the demonstration workshop, built once -------------------------------------------------
@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """Where the demo workshops are built: in memory (/dev/shm) when the system has it,
    since every operation fsyncs the workshop file and two demos would eat the time budget."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        path = Path(tempfile.mkdtemp(prefix="charter-pdf-", dir=shm))
        yield path
        shutil.rmtree(path, ignore_errors=True)
    else:
        yield tmp_path_factory.mktemp("demo")


@pytest.fixture(scope="module")
def demo_fr(workdir):
    path = copy_demo(workdir / "d.charter", "fr")
    session = Session.open(path)
    snap = snapshot.load(session.conn)
    session.close()
    return path, snap


@pytest.fixture(scope="module")
def minutes_fr(demo_fr, tmp_path_factory):
    _, snap = demo_fr
    out = write_minutes(snap, tmp_path_factory.mktemp("pdf") / "compte-rendu.pdf")
    reader, pages = pdf_text(out)
    return snap, reader, pages, " ".join(pages)


def test_every_shown_name_and_clause_title_is_printed(minutes_fr):
    snap, _, _, text = minutes_fr
    shown = [p.shown_name() for p in snap.participants]
    assert "Łukasz Nguyễn-O’Brien" in shown and "يوسف الحداد" in shown and "נועה כהן" in shown
    for name in shown:
        assert name in text, name
    for clause in snap.clauses:
        assert clause.title in text, clause.title
    # Participants who did not consent are printed by pseudonym only.
    hidden = [p for p in snap.participants if not p.may_be_named]
    assert hidden
    for p in hidden:
        assert p.name not in text and p.pseudonym in text


def test_page_x_of_y_on_every_page(minutes_fr):
    _, _, pages, _ = minutes_fr
    n = len(pages)
    assert n > 5
    for number, page in enumerate(pages, start=1):
        assert f"page {number} / {n}" in page
    assert pages[0].count("page 1 / ") == 1 and f"page {n} / {n}" in pages[-1]


def test_text_is_set_in_embedded_dejavu_only(minutes_fr):
    _, reader, _, _ = minutes_fr
    fonts = fonts_used(reader)
    assert fonts and all(fonts.values()), fonts  # every font embedded
    assert all(re.fullmatch(r"/[A-Z]{6}\+DejaVuSans(-\w+)?", name) for name in fonts), fonts
    assert not any("Helvetica" in name or "Times" in name for name in fonts)


def test_metadata_and_outline(minutes_fr):
    snap, reader, _, _ = minutes_fr
    meta = reader.metadata
    assert snap.workshop.title in meta.title and meta.title.startswith("Compte rendu")
    assert meta.author == "Camille Rousseau"
    assert "Mutuelle Hélios" in meta.subject
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"
    sections = [o for o in reader.outline if not isinstance(o, list)]  # clauses nest under 5.
    titles = [o.title for o in sections]
    assert titles[0] == "1. Participants par collège" and titles[-1] == "11. Approbation"
    pages = [reader.get_destination_page_number(o) for o in sections]
    assert pages == sorted(pages) and pages[-1] == len(reader.pages) - 1


def test_sections_in_order_with_french_headings(minutes_fr):
    _, _, pages, text = minutes_fr
    assert pages[0].startswith("Compte rendu")
    headings = [
        "1. Participants par collège",
        "2. Déroulé",
        "3. Diagnostic",
        "4. Matrice accompagnement / contrôle",
        "5. Clauses, une par une",
        "6. Synthèse des décisions",
        "7. Points ouverts",
        "8. Plan d’accompagnement",
        "9. Notes juridiques",
        "10. Chronologie",
        "11. Approbation",
    ]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "Verrouillage" in text and "Confiance et autonomie" in text  # matrix quadrants
    assert "Pour le collège Représentants du personnel" in text
    # (a word hyphenated at a line's end reads « ju- ridique » in the text layer)
    assert "ne constituent pas un avis juridique" in re.sub(r"(\w)- (\w)", r"\1\2", text)
    agenda = section(text, "2. Déroulé", "3. Diagnostic")
    assert "+4 min" in agenda  # clause review: 2 h 34 (lunch included) for 2 h 30 planned


def test_each_round_with_counts_outcome_and_explanation(minutes_fr):
    _, _, _, text = minutes_fr
    art4 = section(text, "C4 — Se présenter", "C5 — Parler")
    assert "Tour 1" in art4 and "Tour 2" in art4 and "Amendement" in art4
    assert "Résultat : rejetée." in art4 and "Résultat : adoptée." in art4
    assert "chacun reste libre de ne pas mentionner son employeur." in art4
    assert "Ne pas imposer la mention de l’employeur." in art4  # the amendment's reason
    assert "4 voix pour sur 14 suffrages exprimés" in art4
    # Per-college counts: the staff representatives voted 3 against in round 1.
    assert "Représentants du personnel 0 3 0 0 3" in art4


def test_secret_ballot_shows_totals_only_and_never_attributes(minutes_fr):
    _, _, _, text = minutes_fr
    art7 = section(text, "C7 —", "C8 —")
    assert "Total (vote secret) 14 1 1 0 16" in art7
    assert "Votes nominatifs" not in art7
    for college in ("Direction", "Juridique", "Salariés"):
        assert f"{college} " not in art7.split("Total (vote secret)")[0].split("Tour 1")[1]
    art15 = section(text, "C15 —", "C16 —")
    assert "Réserve — anonyme (vote secret)" in art15
    assert "Noé Petit" not in art15 and "Salariés 1" not in art15
    art2 = section(text, "C2 —", "C3 —")
    assert "Réserve — Sophie Gauthier (Juridique)" in art2  # by name: attributed


def test_summary_and_open_points(minutes_fr):
    _, _, _, text = minutes_fr
    summary = section(text, "6. Synthèse des décisions", "7. Points ouverts")
    assert (
        "13 clauses adoptées sur 17, dont 4 avec réserves ; 1 rejetée, 2 reportées, 1 non décidée."
        in summary
    )
    assert "non soumise au vote" in summary
    points = section(text, "7. Points ouverts", "8. Plan d’accompagnement")
    assert "Le kit de marque n’existe pas encore" in points
    assert "Quorum non atteint" in points
    assert "Signaler une alerte" not in points  # adopted


def test_recomputed_results_match_the_stored_outcomes(demo_fr):
    _, snap = demo_fr
    rounds = [b for c in snap.clauses for b in c.ballots]
    assert rounds
    for ballot in rounds:
        figures = round_figures(ballot)
        assert figures is not None
        assert figures.result.outcome == Outcome(ballot.outcome)
        assert (not figures.colleges) == ballot.is_secret


def test_anonymized_minutes_print_no_name_anywhere(demo_fr, tmp_path):
    _, snap = demo_fr
    out = write_minutes(snap, tmp_path / "anonyme.pdf", ExportOptions(anonymize=True))
    reader, pages = pdf_text(out)
    text = " ".join(pages)
    meta = " ".join(str(v) for v in reader.metadata.values())
    outline = " ".join(
        o.title for entry in reader.outline for o in (entry if isinstance(entry, list) else [entry])
    )
    raw = out.read_bytes()
    for p in snap.participants:
        assert p.pseudonym in text
        for piece in [p.name, *p.name.split()]:
            if len(piece) > 3:
                assert piece not in text, piece
                assert piece not in meta and piece not in outline, piece
        assert p.name.encode("utf-16-be") not in raw  # metadata strings are UTF-16
    assert "Version pseudonymisée" in text


def test_matrix_figure_draws_every_participant_and_distinct_markers(demo_fr):
    from reportlab.graphics.shapes import Group, String

    from workshop.exports.pdf_matrix import figure_layout, matrix_drawing, placed_participants

    _, snap = demo_fr

    def walk(node):
        for child in node.getContents():
            yield child
            if isinstance(child, Group):
                yield from walk(child)

    layout = figure_layout(snap, 480)
    placed = placed_participants(snap)
    kinds = [m.kind for m in layout.marks]
    assert kinds.count("participant") == len(placed)
    assert kinds.count("centroid") == len({p.college_id for p in placed})
    assert kinds.count("target") == 1 and kinds.count("charter") == 1
    # one marker shape per college, the same for its participants and its centre
    shapes = {m.college: m.shape for m in layout.marks if m.kind == "participant"}
    assert len(set(shapes.values())) == len(shapes) == len(snap.colleges)
    assert all(shapes[m.college] == m.shape for m in layout.marks if m.kind == "centroid")
    texts = {s.text for s in walk(matrix_drawing(snap, "fr", 480)) if isinstance(s, String)}
    assert {"Verrouillage", "Cadre accompagné", "Laisser-faire", "Confiance et autonomie"} <= texts
    assert {"Accompagnement →", "Contrôle →", "0", "5", "10", "cible du groupe"} <= texts
    assert {"charte adoptée", "ouverture → clôture", "centre du collège, avec son sigle"} <= texts
    for college in snap.colleges:  # the legend names every college with its badge
        badge = layout.badges[college.name]
        assert college.name in texts or f"{college.name} ({badge})" in texts
        assert badge in texts  # on its centre
    drawing = matrix_drawing(snap, "fr", 480)
    assert all(s.fontName.startswith("DejaVuSans") for s in walk(drawing) if isinstance(s, String))


# -- writing the file ----------------------------------------------------------------------------
def test_a_failed_build_leaves_no_file_and_the_old_one_intact(demo_fr, tmp_path, monkeypatch):
    _, snap = demo_fr
    target = tmp_path / "cr.pdf"
    target.write_bytes(b"previous minutes")

    def boom(*args, **kwargs):
        raise RuntimeError("layout failed")

    monkeypatch.setattr(document, "_build", boom)
    with pytest.raises(RuntimeError):
        write_minutes(snap, target)
    assert target.read_bytes() == b"previous minutes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cr.pdf"]
    with pytest.raises(RuntimeError):
        write_minutes(snap, tmp_path / "new.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cr.pdf"]


def test_a_locked_target_gives_one_clear_line(demo_fr, tmp_path, monkeypatch):
    _, snap = demo_fr
    target = tmp_path / "cr.pdf"
    target.write_bytes(b"open in a viewer")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(WorkshopError) as info:
        write_minutes(snap, target)
    assert "\n" not in str(info.value) and "cr.pdf" in str(info.value)
    assert target.read_bytes() == b"open in a viewer"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cr.pdf"]


def test_exporting_leaves_the_workshop_file_byte_identical(demo_fr, tmp_path):
    path, _ = demo_fr
    session = Session.open(path)
    try:
        files = sorted(path.parent.iterdir())
        before = {f.name: f.read_bytes() for f in files}
        write_minutes(snapshot.load(session.conn), tmp_path / "cr.pdf")
        assert {f.name: f.read_bytes() for f in sorted(path.parent.iterdir())} == before
    finally:
        session.close()


def test_english_minutes_have_english_headings(workdir, tmp_path):
    session = Session.open(copy_demo(workdir / "en.charter", "en"))
    snap = snapshot.load(session.conn)
    session.close()
    out = write_minutes(snap, tmp_path / "minutes.pdf")
    reader, pages = pdf_text(out)
    text = " ".join(pages)
    assert pages[0].startswith("Minutes")
    for heading in (
        "1. Attendance by college",
        "2. Agenda",
        "4. Support/control matrix",
        "5. Clause by clause",
        "6. Decisions summary",
        "7. Open points",
        "8. Accompaniment plan",
        "9. Legal notes",
        "10. Timeline",
        "11. Approval",
        "For the college",
        "Wording put to the vote:",
        "Outcome: adopted.",
    ):
        assert heading in text, heading
    assert "Compte rendu" not in text and "Résultat" not in text
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert f"page {len(pages)} / {len(pages)}" in pages[-1]
