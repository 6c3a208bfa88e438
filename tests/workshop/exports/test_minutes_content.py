"""The minutes as the official record, their content: attendance times, one time per event, clean amended
texts, the co-design statement, who drafted them, « Fait à », the export identifier,
plurals, minus signs, « 1er » raised, French typography, English minutes in English.

Everything is read back from the PDF's text layer, as a reader searching the file would.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, timedelta, timezone

import pypdf
import pytest

from tests.demo_files import copy_demo, memory_folder
from tests.workshop.exports.pdf_reading import body, norm, pdf_text, section
from workshop import exports, snapshot, timing
from workshop.clock import fixed_clock
from workshop.exports.common import ExportOptions
from workshop.exports.identifier import of
from workshop.exports.minutes import write_minutes
from workshop.exports.minutes.attendance import presence
from workshop.library import builtin_library
from workshop.operations import ballots, clauses, setup
from workshop.session import Session
from workshop.textfmt import clock, clock_span, long_date

PARIS = timezone(timedelta(hours=1))
DAY = datetime(2027, 3, 31, 9, 0, 40, tzinfo=PARIS)  # seconds on purpose: they are dropped
NOTE = (
    "Attention: voir l'art. L1121-1, la loi n°2016-1691 et le «guide» ! "
    "Détails sur https://exemple.fr/a?b=1 à 10:38."
)


# -- a small workshop whose every moment is known ----------------------------------------
def _day(path, lang: str = "fr"):
    """A workshop day: a late arrival, a departure, a mistaken click undone, a walk-in, a
    round opened at 10:38:40, an amendment voted on, another left unvoted."""
    lib = builtin_library(lang)
    with fixed_clock(DAY, step=timedelta(0)) as skip:
        s = setup.create(path, "Atelier", "ACME", lang)
        setup.update_workshop(
            s, date="2027-03-31", place="Saint-Nazaire", facilitator="Camille Rousseau"
        )
        ada = setup.add_participant(s, "Ada Lovelace", 2, "DRH").value
        bob = setup.add_participant(s, "Bob Martin", 3, "Élu", present=False).value
        cyd = setup.add_participant(s, "Cyd Charisse", 4, "Com").value
        setup.go_to_step(s, "clauses")
        skip(timedelta(hours=1, minutes=12))  # 10:12:40
        setup.set_present(s, bob, True)
        setup.set_present(s, ada, False)  # a mistaken click...
        s.undo()  # ...undone at once
        skip(timedelta(minutes=18))  # 10:30:40: someone walks in
        dan = setup.add_participant(s, "Dan Brown", 5, "DSI").value
        skip(timedelta(minutes=8))  # 10:38:40
        first = clauses.add_clause(s, lib, "scope-platforms").value
        b = ballots.open_ballot(s, first, method="simple", capture="nominative").value
        for pid in (ada, bob, cyd, dan):
            ballots.cast_vote(s, b, pid, "against")
        skip(timedelta(minutes=2))
        ballots.close_ballot(s, b)  # 10:40:40
        text = s.conn.execute("SELECT text FROM clauses WHERE id = ?", (first,)).fetchone()[0]
        voted = text + " Amendement voté en séance."
        clauses.amend(s, first, voted, college_id=3, reason="Préciser.")
        b = ballots.open_ballot(s, first, method="simple", capture="nominative").value
        for pid in (ada, bob, cyd, dan):
            ballots.cast_vote(s, b, pid, "for")
        ballots.close_ballot(s, b)
        second = clauses.add_clause(s, lib, "respect-people").value
        text = s.conn.execute("SELECT text FROM clauses WHERE id = ?", (second,)).fetchone()[0]
        pending = text + " Amendement pas encore voté."
        clauses.amend(s, second, pending, reason="À revoir.")
        clauses.set_clause_note(s, second, NOTE)
        skip(timedelta(minutes=25))  # 11:05:40
        setup.set_present(s, cyd, False)
        setup.end_workshop(s)
    snap = snapshot.load(s.conn)
    s.close()
    return snap, {"ada": ada, "bob": bob, "cyd": cyd, "dan": dan}, (first, voted), (second, pending)


@pytest.fixture(scope="module")
def day_fr():
    folder = memory_folder("record")
    snap, who, voted, pending = _day(folder / "jour.charter")
    out = write_minutes(snap, folder / "cr.pdf")
    reader, pages = pdf_text(out)
    return snap, who, voted, pending, reader, pages, body(pages)


@pytest.fixture(scope="module")
def demo():
    folder = memory_folder("record-demo")
    found = {}
    for lang in ("fr", "en"):
        with Session.open_readonly(copy_demo(folder / f"{lang}.charter", lang)) as session:
            snap = snapshot.load(session.conn)
        out = write_minutes(snap, folder / f"{lang}.pdf")
        reader, pages = pdf_text(out)
        found[lang] = (snap, reader, pages, body(pages))
    return found


def _squeezed(text: str) -> str:
    """Text without spaces and hyphens: a long text compared whatever its line breaks."""
    return re.sub(r"[\s\-\u00ad\u2011]", "", norm(text))


def _attendance(text: str) -> str:
    return section(text, "1. Participants par collège", "2. Déroulé")


def _row(text: str, name: str) -> str:
    """The attendance row of ``name``: the text up to the next participant's row."""
    start = text.index(name)
    nexts = [text.find(n, start + 1) for n in ("Ada", "Bob", "Cyd", "Dan", "personnes pr")]
    return text[start : min(i for i in nexts if i > start)]


# -- attendance ---------------------------------------------------------------------------
def test_attendance_gives_arrival_and_departure_times(day_fr):
    _, _, _, _, _, _, text = day_fr
    rows = _attendance(text)
    assert "Présence" in rows
    assert "arrivée à 10 h 12" in _row(rows, "Bob Martin")  # registered absent, came late
    assert "oui, départ à 11 h 05" in _row(rows, "Cyd Charisse")
    assert "arrivée à 10 h 30" in _row(rows, "Dan Brown")  # registered during the session
    ada = _row(rows, "Ada Lovelace")
    assert "oui" in ada and "départ" not in ada  # the undone click left no trace
    # Nobody is « Présent » or « Présente »: the model knows no gender.
    assert "Présent " not in rows and "Présente" not in rows
    assert "4 personnes présentes sur 4 inscrites" in rows
    assert "Pas de vote par procuration" in rows


def test_presence_follows_undo_and_redo(tmp_path):
    with fixed_clock(DAY, step=timedelta(0)) as skip:
        s = setup.create(tmp_path / "u.charter", "Atelier", "ACME", "fr")
        setup.update_workshop(s, date="2027-03-31")
        pid = setup.add_participant(s, "Ada Lovelace", 2, present=False).value
        skip(timedelta(minutes=30))
        setup.set_present(s, pid, True)
        s.undo()
        skip(timedelta(minutes=5))
        s.redo()  # the arrival again, at 09:35
        skip(timedelta(minutes=5))
        setup.set_present(s, pid, False)  # 09:40
        setup.set_present(s, pid, False)  # a second click changes nothing
    snap = snapshot.load(s.conn)
    s.close()
    day = presence(snap)[pid]
    assert not day.at_start and day.attended
    assert [(at[11:16], present) for at, present in day.changes] == [
        ("09:35", True),
        ("09:40", False),
    ]


def test_an_absent_participant_is_no_and_not_counted(tmp_path):
    s = setup.create(tmp_path / "a.charter", "Atelier", "ACME", "fr")
    setup.add_participant(s, "Ada Lovelace", 2)
    setup.add_participant(s, "Bob Martin", 2, present=False)
    snap = snapshot.load(s.conn)
    s.close()
    text = body(pdf_text(write_minutes(snap, tmp_path / "m.pdf"))[1])
    rows = _attendance(text)
    assert "RH — 1 personne présente sur 2" in rows
    assert "non" in _row(rows, "Bob Martin")


# -- one time per event ---------------------------------------------------------------------
def test_a_round_opened_at_10_38_40_is_10_h_38_everywhere(day_fr):
    _, _, _, _, _, _, text = day_fr
    clause = section(text, "5. Clauses, une par une", "6. Synthèse des décisions")
    assert "ouvert à 10 h 38, clos à 10 h 40" in clause
    timeline = section(text, "10. Chronologie", "11. Approbation")
    assert "10 h 38 Revue des clauses Vote ouvert" in timeline
    assert "10 h 39" not in text
    assert "Amendement par le collège Représentants du personnel (10 h 40)" in clause
    assert not re.search(r"\d:\d\d(?!\d)", text.replace("10:38.", ""))  # typed text aside


def test_the_demo_writes_every_time_one_way(demo):
    (snap_fr, _, _, fr), (snap_en, _, _, en) = demo["fr"], demo["en"]
    assert not re.search(r"\b\d{1,2}:\d\d\b", fr)  # never « 10:38 » in French
    assert re.search(r"\b\d{1,2} h \d\d\b", fr)
    assert not re.search(r"\b\d{1,2} h \d\d\b(?! min)", en)  # never « 10 h 38 » in English
    ballot = snap_en.clauses[0].ballots[0]
    opened, closed = clock(ballot.opened_at, "en"), clock(ballot.closed_at, "en")
    assert f"opened at {opened}, closed at {closed}" in en
    first = timing.agenda_rows(snap_fr)[0]
    agenda = section(fr, "2. Déroulé", "3. Diagnostic")
    planned = norm(clock_span(first.planned_start, first.planned_end, "fr"))
    assert f"{planned} {norm(clock(first.actual_start, 'fr'))}" in agenda


# -- clean texts ----------------------------------------------------------------------------
def test_every_amended_clause_ends_with_its_clean_text(day_fr):
    snap, _, (first, voted), (second, pending), _, _, text = day_fr
    clauses_text = section(text, "5. Clauses, une par une", "6. Synthèse des décisions")
    assert "ci-dessus" not in clauses_text
    one = section(clauses_text, f"C{first} —", f"C{second} —")
    after_redline = one[one.index("Modifications (ajouts soulignés") :]
    assert "Tour 2" in after_redline
    assert _squeezed(voted) in _squeezed(after_redline[after_redline.index("Texte soumis") :])
    two = clauses_text[clauses_text.index(f"C{second} —") :]
    clean = two[two.index("Texte amendé, version propre :") :]
    assert _squeezed(pending) in _squeezed(clean)


def test_the_demo_prints_each_amended_clause_clean(demo):
    snap, _, _, text = demo["fr"]
    amended = [c for c in snap.clauses if c.amendments]
    assert len(amended) >= 3
    order = list(snap.clauses)
    for clause in amended:
        start = text.index(f"C{clause.id} — {clause.title}")
        following = order[order.index(clause) + 1 :]
        end = text.index(f"C{following[0].id} — " if following else "6. Synthèse des décisions")
        part = text[start:end]
        after = part[part.rindex("Modifications (ajouts soulignés") :]
        marks = [
            m for m in ("Texte soumis au vote :", "Texte amendé, version propre :") if m in after
        ]
        assert marks, clause.title
        clean = after[min(after.index(m) for m in marks) :]
        assert _squeezed(clause.text) in _squeezed(clean), clause.title
    assert "le texte amendé ci-dessus" not in text


# -- what the record says of itself ---------------------------------------------------------
def test_disclaimer_drafter_and_fait_a(day_fr, demo):
    _, _, _, _, _, pages, text = day_fr
    assert "étape de co-construction" in pages[0]
    assert "ne valent ni accord collectif ni avis du CSE" in norm(pages[0])
    assert "Compte rendu rédigé par Camille Rousseau (animation)" in pages[0]
    approval = text[text.index("11. Approbation") :]
    assert "Fait à Saint-Nazaire, le 31 mars 2027." in approval
    assert "Compte rendu rédigé par Camille Rousseau (animation)" in approval
    assert "Pour le collège RH" in approval
    snap, _, _, en = demo["en"]
    assert "This workshop is a co-design step" in en
    day = long_date(snap.workshop.date, "en")
    assert f"Done at {snap.workshop.place}, on {day}." in en and snap.workshop.place


def test_pseudonymised_minutes_name_the_facilitation_team(day_fr, tmp_path):
    snap = day_fr[0]
    out = write_minutes(snap, tmp_path / "p.pdf", ExportOptions(anonymize=True))
    text = body(pdf_text(out)[1])
    assert "Camille" not in text and "Rousseau" not in text
    assert "Compte rendu rédigé par l’équipe d’animation, à partir du journal" in text


def test_the_identifier_is_on_the_cover_and_every_page(day_fr, tmp_path):
    snap, _, _, _, _, pages, _ = day_fr
    code = of(snap).code
    assert f"Identifiant d’export {code} du 31 mars 2027, 11 h 05" in pages[0]
    assert all(page.count(code) >= 1 for page in pages)
    # Pseudonymised, directly or through the registry: the identifier of the same state.
    direct = write_minutes(snap, tmp_path / "d.pdf", ExportOptions(anonymize=True))
    registry = exports.run("minutes", snap, tmp_path / "r.pdf", ExportOptions(anonymize=True))
    for out in (direct, registry):
        assert code in pdf_text(out)[1][0]


# -- plurals, minus signs, superscripts ---------------------------------------------------
def test_plurals_are_written_out(demo):
    (snap, _, pages, fr), en = demo["fr"], demo["en"][3]
    assert "(s)" not in fr and "(s)" not in en
    assert re.search(r"\d+ clauses adoptées sur \d+, dont \d+ avec réserves ; \d+ rejetée", fr)
    assert re.search(r"\d+ of \d+ clauses adopted, \d+ of them with reservations; \d+ rej", en)
    n = len(snap.participants)
    assert f"{n} personnes présentes sur {n} inscrites" in pages[0]
    assert "— 2 personnes présentes sur 2" in fr and "— 1 personne présente sur 1" in fr


def test_the_summary_counts_in_words(day_fr):
    text = day_fr[6]
    assert "1 clause adoptée sur 2 ; 1 non décidée." in text


def test_real_minus_signs_and_no_duplicated_label(demo):
    fr, en = demo["fr"][3], demo["en"][3]
    assert re.search(r"accompagnement −\d,\d\d", fr) and not re.search(r"ment -\d", fr)
    assert re.search(r"support −\d\.\d\d", en) and not re.search(r"support -\d", en)
    assert "Position suggérée : Position suggérée" not in fr
    assert "Suggested position Suggested position" not in en.replace(":", "")
    assert re.search(r"Position suggérée Accompagnement \d+,\d/10", fr)


def test_first_of_the_month_has_its_letters_raised(demo):
    _, reader, _, text = demo["fr"]
    assert "1er mars 2027" in text.replace("1 er", "1er")
    raised = []
    for page in reader.pages:
        runs: list[tuple[str, float]] = []

        def visit(t, cm, tm, font, size, runs=runs):
            runs.append((t, size))

        page.extract_text(visitor_text=visit)
        raised += [
            (before, after)
            for before, after in zip(runs, runs[1:], strict=False)
            if before[0].endswith("1") and after[0].startswith("er")
        ]
    assert raised and all(after[1] < before[1] for before, after in raised)


# -- typography of text typed in the room ---------------------------------------------------
def test_french_typography_of_typed_text_in_the_pdf(day_fr):
    snap, *_ = day_fr
    text = day_fr[6]
    # Typed without the spaces French wants; printed with them (no-break ones: see below).
    assert "Attention : voir l'art. L1121-1, la loi n° 2016-1691 et le « guide » !" in text
    assert "https://exemple.fr/a?b=1 à 10:38." in text  # an address and a time: as typed
    stored = next(c.note for c in snap.clauses if c.note)
    assert stored == NOTE  # what is stored is not changed


def test_the_spaces_typography_adds_never_break_a_line():
    from reportlab.platypus import Paragraph

    from workshop.exports.minutes.context import Context
    from workshop.exports.minutes.layout import styles
    from workshop.exports.pdf_fonts import register_fonts

    register_fonts()
    ctx = Context(None, ExportOptions(), "fr", styles())  # type: ignore[arg-type]
    made = ctx.t(NOTE)
    assert "art.\u00a0L1121-1" in made and "n°\u00a02016-1691" in made
    assert "Attention\u00a0:" in made and "«\u00a0guide\u00a0»\u00a0!" in made
    for width in range(140, 420, 3):  # wider than the longest word, so words stay whole
        para = Paragraph(made, ctx.styles["body"])
        para.wrap(width, 10_000)
        lines = ["".join(w for w in line[1]) for line in para.blPara.lines]
        for line in lines:
            assert not line.startswith((":", "!", "»", "L1121", "2016")), (width, lines)
            assert not line.endswith(("«", "art.", "n°")), (width, lines)


def test_english_minutes_keep_typed_english_as_typed(tmp_path):
    s = setup.create(tmp_path / "e.charter", "Workshop", "ACME", "en")
    cid = clauses.add_clause(s, builtin_library("en"), "scope-platforms").value
    clauses.set_clause_note(s, cid, "Note: see https://example.com/a?b=1 now!")
    snap = snapshot.load(s.conn)
    s.close()
    raw = " ".join(
        p.extract_text() for p in pypdf.PdfReader(write_minutes(snap, tmp_path / "m.pdf")).pages
    )
    assert "Note: see https://example.com/a?b=1 now!" in raw


# -- English minutes are in English ---------------------------------------------------------
#: Words the app would write if a French string leaked into the English minutes.
FRENCH_TELLS = (
    "le", "la", "les", "des", "et", "sur", "pour", "avec", "dont", "aucune", "oui", "non",
    "présent", "présente", "présents", "personnes", "inscrites", "arrivée", "départ", "Fait",
    "Tour", "Texte", "Résultat", "collège", "voix", "Réf", "Présence", "Amendement", "Motif",
    "rédigé", "Identifiant", "procuration", "ouvert", "clos", "adoptée", "rejetée", "reportée",
)  # fmt: skip


FRENCH_NAMES = ("Code du travail", "Code de la consommation", "Code civil", "(règlement intérieur)")


def test_english_minutes_have_no_french_from_the_app(demo):
    snap, _, _, _ = demo["en"]
    # The demo's diagnostic notes are typed in French (the demo's business, not the app's).
    snap = dataclasses.replace(
        snap, diagnostic=tuple(dataclasses.replace(a, note="") for a in snap.diagnostic)
    )
    folder = memory_folder("record-en")
    text = body(pdf_text(write_minutes(snap, folder / "en.pdf"))[1])
    # French names of French legal sources stay French in English (their official titles).
    for name in FRENCH_NAMES:
        text = text.replace(name, "")
    found = [w for w in FRENCH_TELLS if re.search(rf"(?<![\w’'-]){w}(?![\w’'-])", text)]
    assert not found, found
    assert "«" not in text and "»" not in text
    assert not re.search(r"\d h \d\d(?! min)", text)
