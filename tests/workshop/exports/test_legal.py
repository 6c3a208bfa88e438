"""Legal notes follow the charter's status and the flags of what was adopted."""

from __future__ import annotations

from workshop import snapshot
from workshop.exports.legal import legal_notes
from workshop.library import builtin_library
from workshop.operations import ballots, clauses, setup


def adopt(session, key, variant, college=1):
    lib = builtin_library("fr")
    cid = clauses.add_clause(session, lib, key, variant).value
    bid = ballots.open_ballot(session, cid, method="simple", capture="counts").value
    ballots.set_counts(session, bid, college, {"for": 1})
    ballots.close_ballot(session, bid)
    return cid


def keys(session, lang="fr"):
    return [n.key for n in legal_notes(snapshot.load(session.conn), lang)]


def test_baseline_notes_only(session):
    assert keys(session) == ["proportionality", "whistleblowing", "expression"]


def test_sanctions_in_a_guide_are_flagged_and_annex_needs_filing(session):
    setup.add_participant(session, "Chef", 1)
    adopt(session, "respect-people", "control")
    assert "sanctions_without_annex" in keys(session)
    setup.update_workshop(session, charter_status="annex_ri")
    found = keys(session)
    assert "annex_ri" in found and "sanctions_without_annex" not in found


def test_monitoring_calls_for_prior_information_and_gdpr(session):
    setup.add_participant(session, "DSI", 5)
    adopt(session, "monitoring-scope", "support", college=5)
    notes = {n.key: n for n in legal_notes(snapshot.load(session.conn), "en")}
    assert "L1222-4" in notes["monitoring"].basis
    assert notes["monitoring"].clauses and "gdpr" in notes


def test_rejected_clauses_trigger_nothing(session):
    setup.add_participant(session, "DSI", 5)
    lib = builtin_library("fr")
    cid = clauses.add_clause(session, lib, "monitoring-scope", "control").value
    bid = ballots.open_ballot(session, cid, method="simple", capture="counts").value
    ballots.set_counts(session, bid, 5, {"against": 1})
    ballots.close_ballot(session, bid)
    assert "monitoring" not in keys(session)
