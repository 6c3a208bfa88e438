"""An amendment read back from a review is signed « Atelier — Relecture juridique » in the
next draft charter: ours, so the next review does not take it for the lawyer's."""

from __future__ import annotations

from tests.workshop.exports.docx_reading import W, part
from workshop import snapshot
from workshop.exports.charter import write_charter
from workshop.library import builtin_library
from workshop.operations import ballots, clauses, setup
from workshop.review.authors import is_ours
from workshop.review.proposer import is_legal_review


def test_the_next_charter_signs_a_legal_review_amendment_as_the_workshops(session, tmp_path):
    people = [setup.add_participant(session, f"P{i}", 2).value for i in range(3)]
    clause = clauses.add_clause(session, builtin_library("fr"), "scope-platforms").value
    text = session.conn.execute("SELECT text FROM clauses WHERE id = ?", (clause,)).fetchone()[0]
    clauses.amend(session, clause, text + " Sauf dispositions légales contraires.",
                  reason="Relecture juridique (Maître Dupont) : préciser")  # fmt: skip
    ballot = ballots.open_ballot(session, clause, capture="nominative").value
    for pid in people:
        ballots.cast_vote(session, ballot, pid, "for")
    ballots.close_ballot(session, ballot)
    out = write_charter(snapshot.load(session.conn), tmp_path / "c.docx")
    body = part(out, "word/document.xml")
    authors = {el.get(W + "author") for el in body.iter(W + "ins", W + "del")}
    assert authors == {"Atelier — Relecture juridique"}
    assert all(is_ours(a) for a in authors)


def test_only_a_collegeless_amendment_with_the_label_is_a_legal_review():
    assert is_legal_review(None, "Relecture juridique (Maître Dupont)")
    assert is_legal_review(None, "Legal review: fine")
    assert not is_legal_review(3, "Relecture juridique")
    assert not is_legal_review(None, "Préciser la relecture juridique")
