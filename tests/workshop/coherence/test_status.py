"""The chosen status against the adopted text: the contradiction alert and its suggested split."""

from __future__ import annotations

import pytest

from workshop import coherence, snapshot
from workshop.library import builtin_library
from workshop.operations import ballots, clauses, setup


@pytest.fixture
def voter(session):
    return setup.add_participant(session, "Alex", 1).value


def adopt(session, key, variant, choice="for"):
    cid = clauses.add_clause(session, builtin_library("fr"), key, variant).value
    bid = ballots.open_ballot(session, cid, method="simple", capture="counts").value
    ballots.set_counts(session, bid, 1, {choice: 1})
    ballots.close_ballot(session, bid)
    return cid


def found(session, key, lang="fr"):
    return [a for a in coherence.alerts(snapshot.load(session.conn), lang) if a.key == key]


def test_an_annex_whose_text_says_it_creates_no_obligation_is_flagged(session, voter):
    setup.update_workshop(session, charter_status="annex_ri")
    adopt(session, "sanctions-status", "support")  # « n’ajoute aucune obligation ni sanction »
    adopt(session, "respect-people", "control")  # a rule carrying sanctions
    (alert,) = found(session, "status_contradiction")
    assert alert.severity == coherence.Severity.WARNING
    assert "« Portée de la charte »" in alert.text and "ne crée ni obligation" in alert.text
    # the suggested split names the binding rules and the way to make them binding
    assert "« Respect des collègues, des clients et des concurrents »" in alert.text
    assert "note de service" in alert.text and "L1321-5" in alert.text
    assert "guide pédagogique" in alert.text
    (en,) = found(session, "status_contradiction", "en")
    assert "contradicts the chosen status" in en.text and "Suggested split" in en.text


def test_a_guide_whose_text_declares_itself_annexed_is_flagged(session, voter):
    adopt(session, "sanctions-status", "control")
    (alert,) = found(session, "status_contradiction")
    assert "la déclare annexée" in alert.text
    assert "Aucune autre clause adoptée ne prévoit de sanction" in alert.text
    assert not found(session, "sanctions_in_guide")  # the status clause is not a rule


@pytest.mark.parametrize(
    ("status", "variant"),
    [("annex_ri", "control"), ("guide", "support"), ("guide", "balanced")],
)
def test_no_alert_when_text_and_status_agree(session, voter, status, variant):
    setup.update_workshop(session, charter_status=status)
    adopt(session, "sanctions-status", variant)
    adopt(session, "respect-people", "support")
    assert not found(session, "status_contradiction")


def test_a_rejected_status_clause_contradicts_nothing(session, voter):
    setup.update_workshop(session, charter_status="annex_ri")
    adopt(session, "sanctions-status", "support", choice="against")
    assert not found(session, "status_contradiction")


def test_sanctions_in_a_guide_say_what_needs_the_procedure(session, voter):
    adopt(session, "respect-people", "control")
    (alert,) = found(session, "sanctions_in_guide")
    assert "restent sanctionnables" in alert.text
    assert "rendre obligatoires les règles propres à la charte" in alert.text
    (en,) = found(session, "sanctions_in_guide", "en")
    assert "remains sanctionable" in en.text and "making the charter’s own rules binding" in en.text
