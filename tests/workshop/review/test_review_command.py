"""`charter-workshop review`: the listing per clause, read-only by default; `--record` makes
amendments proposed by « Relecture juridique » through one operation, which undo reverts;
a clause changed in the workshop since the export is flagged, never recorded."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from tests.workshop.review import scenario
from workshop import snapshot
from workshop.cli import main
from workshop.errors import InvalidInput
from workshop.operations import clauses as clause_ops
from workshop.operations.review import record_review
from workshop.review import read_review
from workshop.review.proposals import State, proposals, wording
from workshop.review.report import hunks, short
from workshop.session import Initiator, Session


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> scenario.Scenario:
    return scenario.build(tmp_path_factory.mktemp("review_cli"))


@pytest.fixture
def workshop(built, tmp_path):
    path = tmp_path / "atelier.charter"
    shutil.copy(built.workshop, path)
    return path


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _ids(ref: str) -> int:
    return int(ref[1:])


def test_lists_per_clause_and_records_nothing(built, workshop, capsys):
    before = _digest(workshop), _digest(built.reviewed)
    assert main(["review", str(workshop), str(built.reviewed)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Relecture « charte-relue.docx » : 2 articles, 1 remarque hors article."
    deleted = next(i for i, line in enumerate(out) if line.startswith(built.deleted_ref + " · "))
    inserted = next(i for i, line in enumerate(out) if line.startswith(built.inserted_ref + " · "))
    assert f"  − supprimé : « {short(built.deleted_words)} »" in out[deleted:inserted]
    assert f"  + inséré : « {scenario.INSERTED.strip()} »" in out[inserted:]
    assert any(scenario.COMMENT in line for line in out[inserted:])
    assert "Hors article" in out
    assert any(scenario.COVER_COMMENT in line and "sur « " in line for line in out)
    assert out[-1].startswith("Rien n’est enregistré : --record enregistre 2 amendement")
    assert (_digest(workshop), _digest(built.reviewed)) == before


def test_the_short_diff_is_the_lawyer_s_words(built):
    assert hunks(built.deleted_before, built.deleted_after) == [(built.deleted_words, "")]
    found = hunks(built.inserted_before, built.inserted_after)
    assert ("", scenario.INSERTED.strip()) in found
    assert len(found) == 2 and found[1][1] == ""


def test_record_makes_amendments_and_undo_reverts_them(built, workshop, capsys):
    assert main(["review", str(workshop), str(built.reviewed), "--record"]) == 0
    out = capsys.readouterr().out
    assert "Enregistré : Relecture juridique : 2 amendements" in out
    session = Session.open(workshop)
    try:
        snap = snapshot.load(session.conn)
        by_id = {c.id: c for c in snap.clauses}
        for ref, after in (
            (built.deleted_ref, built.deleted_after),
            (built.inserted_ref, built.inserted_after),
        ):
            clause = by_id[_ids(ref)]
            assert wording(clause.text) == after
            amendment = clause.amendments[-1]
            assert amendment.college_id is None
            assert amendment.reason.startswith("Relecture juridique (Maître Dupont)")
        assert scenario.COMMENT in by_id[_ids(built.inserted_ref)].amendments[-1].reason
        events = session.conn.execute(
            "SELECT count(*) FROM audit WHERE kind = 'legal_review'"
        ).fetchone()[0]
        assert events == 1
        assert (
            session.undo_label()
            == f"Relecture juridique : 2 amendements ({built.deleted_ref}, {built.inserted_ref})"
        )
        session.undo()
        snap = snapshot.load(session.conn)
        by_id = {c.id: c for c in snap.clauses}
        assert wording(by_id[_ids(built.deleted_ref)].text) == built.deleted_before
        assert wording(by_id[_ids(built.inserted_ref)].text) == built.inserted_before
        assert all(
            not a.reason.startswith("Relecture juridique")
            for c in snap.clauses
            for a in c.amendments
        )
    finally:
        session.close()


def test_a_clause_changed_since_the_export_is_flagged_not_recorded(built, workshop, capsys):
    with Session.open(workshop) as session:
        clause_id = _ids(built.inserted_ref)
        text = session.conn.execute("SELECT text FROM clauses WHERE id = ?", (clause_id,))
        clause_ops.amend(session, clause_id, text.fetchone()[0] + " Ajout en séance.")
    assert main(["review", str(workshop), str(built.reviewed), "--record"]) == 0
    out = capsys.readouterr().out
    assert "⚠ le texte a changé dans l’atelier depuis cet export" in out
    assert "Relecture juridique : 1 amendement (" + built.deleted_ref + ")" in out
    with Session.open_readonly(workshop) as session:
        clause = next(c for c in snapshot.load(session.conn).clauses if c.id == clause_id)
        assert clause.text.endswith(" Ajout en séance.")
        assert not clause.amendments[-1].reason.startswith("Relecture juridique")
    # run again: the recorded one is said to be, nothing is recorded twice
    assert main(["review", str(workshop), str(built.reviewed), "--record"]) == 0
    out = capsys.readouterr().out
    assert "(déjà enregistré : le texte de l’atelier est le texte relu)" in out
    assert "Aucun article à enregistrer." in out


def test_the_operation_refuses_a_stale_article_whole(built, workshop):
    review = read_review(built.reviewed)
    with Session.open(workshop) as session:
        clause_id = _ids(built.deleted_ref)
        clause_ops.amend(session, clause_id, "Un tout autre texte.")
        found = {p.reviewed.reference: p for p in proposals(snapshot.load(session.conn), review)}
        assert found[built.deleted_ref].state is State.STALE
        assert found[built.inserted_ref].state is State.RECORDABLE
        count = session.conn.execute("SELECT count(*) FROM amendments").fetchone()[0]
        with pytest.raises(InvalidInput, match="le texte a changé dans l’atelier"):
            record_review(session, list(review.clauses))
        assert session.conn.execute("SELECT count(*) FROM amendments").fetchone()[0] == count
        changes = record_review(session, [found[built.inserted_ref].reviewed])
        assert changes.initiator is Initiator.IMPORT and changes.value and len(changes.value) == 1


def test_only_chooses_articles(built, workshop, capsys):
    assert main(["review", str(workshop), str(built.reviewed), "--record", "--only",
                 built.inserted_ref.lower()]) == 0  # fmt: skip
    assert f"1 amendement ({built.inserted_ref})" in capsys.readouterr().out
    assert main(["review", str(workshop), str(built.reviewed), "--only", "C999"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["charter-workshop: Pas d’article relu avec la référence C999."]


def test_english_listing(built, workshop, capsys):
    assert main(["--lang-ui", "en", "review", str(workshop), str(built.reviewed)]) == 0
    out = capsys.readouterr().out
    assert out.startswith('Review "charte-relue.docx": 2 articles, 1 item outside articles.')
    assert f"  + inserted: “{scenario.INSERTED.strip()}”" in out
    assert "Outside articles" in out
