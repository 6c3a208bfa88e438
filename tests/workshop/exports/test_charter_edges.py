"""Draft charter DOCX beyond the demo: dates, hostile text, the default template, a long
organisation name, a vote in progress."""

from __future__ import annotations

import io
from importlib.resources import files

import docx
import pytest

from tests.workshop.exports.docx_reading import articles, comments, section, texts, xml_parts
from workshop import snapshot
from workshop.exports.charter import format_date, write_charter
from workshop.exports.common import clean
from workshop.library import builtin_library
from workshop.model import Outcome
from workshop.operations import ballots, clauses, setup

NB = "\u00a0"


def test_dates_in_each_language():
    assert format_date("2027-01-01", "fr") == f"1er{NB}janvier 2027"
    assert format_date("2027-01-01", "en") == "1 January 2027"
    assert format_date(None, "fr") == "—"


# -- hostile text, built with the operations ----------------------------------------------------
HOSTILE = (
    "Texte <b>&amp;</b> « guillemets » \"doubles\" 'simples' 🌿 يوسف الحداد\x0b suite\x01 fin."
    "\nSecond paragraphe & <script>"
)
LONG = ("Paragraphe très long. " * 500)[:10_000]


@pytest.fixture
def hostile(session):
    lib = builtin_library("fr")
    setup.update_workshop(session, organisation="ACME <b>&</b>\x0b Cie", facilitator="")
    a = setup.add_participant(session, "<b>Björn</b> & Co", 2).value
    b = setup.add_participant(session, "Zoé\x01 « Zozo »", 3).value
    c1 = clauses.add_clause(session, lib, "scope-platforms").value
    clauses.amend(session, c1, HOSTILE + "\n" + LONG)
    ballot = ballots.open_ballot(session, c1, method="consent", capture="nominative").value
    ballots.cast_vote(session, ballot, a, "consent")
    ballots.cast_vote(session, ballot, b, "reservation", "Réserve <i>&lt;</i> \x0b🌿 «\x01»")
    ballots.close_ballot(session, ballot)
    ballots.add_remark(session, ballot, "reservation", "Seconde réserve & <b>", college_id=2)
    c2 = clauses.add_clause(session, lib, "respect-people").value
    clauses.amend(session, c2, "Jamais votée \x0b <tag/> & 🌿")
    clauses.set_clause_note(session, c2, "Note \x01 <à revoir> & co")
    return session


def test_hostile_text_is_kept_minus_control_characters(hostile, tmp_path):
    snap = snapshot.load(hostile.conn)
    assert snap.clauses[0].status is Outcome.ADOPTED_WITH_RESERVATIONS
    out = write_charter(snap, tmp_path / "hostile.docx")
    paragraphs = texts(out)
    first, second = HOSTILE.split("\n")
    assert clean(first) == first.replace("\x0b", "").replace("\x01", "")
    assert clean(first) in paragraphs and clean(second) in paragraphs
    assert LONG in paragraphs and len(LONG) == 10_000
    assert "Jamais votée  <tag/> & 🌿" in paragraphs  # in the open points
    assert f"Note{NB}: Note  <à revoir> & co" in paragraphs
    found = [c for c in comments(out) if c["author"] != "Atelier — provenance"]
    assert [c["text"] for c in found] == [
        f"Réserve{NB}: Réserve <i>&lt;</i> 🌿 «»",
        f"Réserve{NB}: Seconde réserve & <b>",
    ]
    assert found[1]["author"] == "Atelier — RH"
    package = "\n".join(xml_parts(out).values())
    assert "\x0b" not in package and "\x01" not in package
    props = docx.Document(str(out)).core_properties
    assert props.title.endswith("ACME <b>&</b> Cie")
    assert props.author == "ACME <b>&</b> Cie"  # no facilitator: the organisation
    # no target and the charter's position comes from the adopted clauses
    assert any("aucune cible n’a été fixée" in p for p in paragraphs)


def test_default_template_styles():
    data = (files("resources") / "templates" / "charter.docx").read_bytes()
    doc = docx.Document(io.BytesIO(data))
    for name in ("Article", "Status Line", "Wording", "Table Text", "Note", "Heading 1", "Title"):
        assert doc.styles[name] is not None
    assert doc.styles["Charter Table"].type == docx.enum.style.WD_STYLE_TYPE.TABLE
    assert doc.styles["Normal"].font.size.pt == 11
    section = doc.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.left_margin.cm, 1) == 2.5


def test_long_organisation_name_fits_the_properties(session, tmp_path):
    setup.update_workshop(session, organisation="Groupe " + "très " * 80 + "long")
    out = write_charter(snapshot.load(session.conn), tmp_path / "c.docx")
    props = docx.Document(str(out)).core_properties
    assert len(props.title) <= 255 and props.title.endswith("…")
    assert props.author.startswith("Groupe très")


def test_a_vote_in_progress_is_an_open_point_without_its_remarks(session, tmp_path):
    lib = builtin_library("fr")
    who = setup.add_participant(session, "Zoé", 3).value
    clause = clauses.add_clause(session, lib, "monitoring-scope").value
    ballot = ballots.open_ballot(session, clause, method="consent", capture="nominative").value
    ballots.cast_vote(session, ballot, who, "objection", "Motif dit pendant le vote")
    out = write_charter(snapshot.load(session.conn), tmp_path / "c.docx")
    annex = section(texts(out), "Annexe 2 — Points ouverts", "Annexe 3 — Participants à l’atelier")
    assert f"Thème{NB}: Veille, surveillance et vie privée — statut{NB}: vote en cours" in annex
    assert "Vote en cours au moment de l’export." in annex
    assert articles(out) == []
    assert "Motif dit pendant le vote" not in "".join(xml_parts(out).values())
