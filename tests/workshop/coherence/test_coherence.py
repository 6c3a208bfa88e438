"""Coherence: accompaniment suggestions and alerts, rule by rule, on small workshops."""

from __future__ import annotations

import dataclasses

import pytest

from workshop import coherence, snapshot
from workshop.coherence import Severity
from workshop.library import builtin_library
from workshop.model import ActionKind
from workshop.operations import ballots, clauses, plan, positioning, setup


@pytest.fixture
def voter(session):
    """One present participant in college 1, so that ballots can open."""
    return setup.add_participant(session, "Alex", 1).value


def add(session, key, variant):
    return clauses.add_clause(session, builtin_library("fr"), key, variant).value


def decide(session, clause_id, choice="for", **settings):
    bid = ballots.open_ballot(session, clause_id, method="simple", capture="counts", **settings)
    ballots.set_counts(session, bid.value, 1, {choice: 1})
    ballots.close_ballot(session, bid.value)


def adopt(session, key, variant):
    cid = add(session, key, variant)
    decide(session, cid)
    return cid


def snap(session):
    return snapshot.load(session.conn)


def alert_keys(session, lang="fr"):
    return [a.key for a in coherence.alerts(snap(session), lang)]


def alert(session, key, lang="fr"):
    found = [a for a in coherence.alerts(snap(session), lang) if a.key == key]
    assert found, f"no {key} alert"
    return found[0]


def kinds(session, lang="fr"):
    return [s.kind for s in coherence.suggest_actions(snap(session), lang)]


# -- suggestions ---------------------------------------------------------------------------
def test_support_leaning_target_calls_for_the_whole_accompaniment(session):
    positioning.set_target(session, 8, 2)
    assert kinds(session) == [
        ActionKind.TRAINING,
        ActionKind.ELEARNING,
        ActionKind.GUIDE,
        ActionKind.REFERENT,
        ActionKind.AMBASSADORS,
    ]
    keys = [s.key for s in coherence.suggest_actions(snap(session))]
    assert "managers_briefing" not in keys and "training_before_use" not in keys


def test_high_control_target_calls_for_a_clear_guide_training_before_use_and_managers(session):
    positioning.set_target(session, 3, 8)
    suggestions = coherence.suggest_actions(snap(session), "en")
    assert [s.key for s in suggestions] == [
        "clear_guide",
        "training_before_use",
        "managers_briefing",
    ]
    assert ActionKind.AMBASSADORS not in {s.kind for s in suggestions}
    briefing = suggestions[2]
    assert briefing.audience == "Managers" and "control" in briefing.why


def test_framed_target_keeps_one_suggestion_per_kind_control_side_first(session):
    positioning.set_target(session, 7, 7)
    suggestions = coherence.suggest_actions(snap(session))
    found = [s.kind for s in suggestions if s.kind != ActionKind.OTHER]
    assert len(found) == len(set(found))
    assert {"clear_guide", "training_before_use", "ambassadors"} <= {s.key for s in suggestions}
    assert "guide" not in {s.key for s in suggestions}


def test_low_digital_adoption_calls_for_tool_adoption(session):
    positioning.set_target(session, 3, 3)
    positioning.set_score(session, "digital_tools_adoption", 3)
    assert ActionKind.TOOL_ADOPTION not in kinds(session)
    positioning.set_score(session, "digital_tools_adoption", 2)
    assert ActionKind.TOOL_ADOPTION in kinds(session)


def test_weak_communication_strategy_calls_for_communicating_it(session):
    positioning.set_target(session, 3, 3)
    positioning.set_score(session, "communication_strategy", 4)
    assert ActionKind.STRATEGY_COMMUNICATION not in kinds(session)
    positioning.set_score(session, "communication_strategy", 1)
    assert ActionKind.STRATEGY_COMMUNICATION in kinds(session)


def test_kinds_already_in_the_plan_are_skipped(session):
    positioning.set_target(session, 8, 2)
    plan.add_action(session, "Formation maison", "training")
    plan.add_action(session, "Réseau", "referent")
    found = kinds(session)
    assert ActionKind.TRAINING not in found and ActionKind.REFERENT not in found
    assert ActionKind.GUIDE in found


def test_managers_briefing_is_skipped_when_managers_are_already_trained(session):
    positioning.set_target(session, 3, 8)
    plan.add_action(session, "Atelier exemplarité", "other", audience="Managers de proximité")
    assert "managers_briefing" not in [s.key for s in coherence.suggest_actions(snap(session))]


def test_suggestions_speak_the_language_asked(session):
    positioning.set_target(session, 8, 2)
    fr = coherence.suggest_actions(snap(session), "fr")[0]
    en = coherence.suggest_actions(snap(session), "en")[0]
    assert fr.kind == en.kind and fr.title != en.title
    assert en.audience == "All employees" and fr.audience == "Tous les salariés"
    assert fr.why and en.why and fr.description


def test_without_target_the_diagnostic_decides_and_without_either_the_basics(session):
    assert kinds(session) == [ActionKind.GUIDE, ActionKind.TRAINING]
    # a diagnostic pointing to high support (open culture, defined strategies)
    for key in ("speaking_up_culture", "social_media_strategy", "social_media_maturity"):
        positioning.set_score(session, key, 5)
    assert ActionKind.AMBASSADORS in kinds(session)


# -- alerts --------------------------------------------------------------------------------
def test_charter_far_from_target_is_said_with_both_positions(session, voter):
    positioning.set_target(session, 8, 2)
    adopt(session, "scope-platforms", "control")  # (3, 7)
    found = alert(session, "far_from_target")
    assert found.severity is Severity.WARNING
    assert "3,0 en accompagnement et 7,0 en contrôle" in found.text
    assert "8,0 en accompagnement, 2,0 en contrôle" in found.text
    assert "moins accompagnante et plus contrôlante" in found.text
    english = alert(session, "far_from_target", "en").text
    assert "3.0 on support" in english and "8.0 on support" in english


def test_charter_near_target_gives_no_far_alert(session, voter):
    positioning.set_target(session, 8, 3)
    adopt(session, "scope-platforms", "support")  # (8, 3)
    assert "far_from_target" not in alert_keys(session)
    assert alert(session, "on_target").severity is Severity.INFO


def test_rejected_clauses_do_not_move_the_charter(session, voter):
    positioning.set_target(session, 8, 2)
    cid = add(session, "scope-platforms", "control")
    decide(session, cid, "against")
    keys = alert_keys(session)
    assert "far_from_target" not in keys and "on_target" not in keys


def test_support_leaning_target_without_training_guide_or_elearning(session):
    positioning.set_target(session, 6, 5)
    plan.add_action(session, "Ambassadeurs", "ambassadors", owner="Com", due_date="2027-01-01")
    assert "lettre morte" in alert(session, "no_training").text
    plan.add_action(session, "FAQ", "guide", owner="Com", due_date="2027-01-01")
    assert "no_training" not in alert_keys(session)


def test_control_leaning_target_does_not_require_training(session):
    positioning.set_target(session, 4.9, 8)
    assert "no_training" not in alert_keys(session)


def test_open_points_are_counted_by_kind(session, voter):
    adopt(session, "scope-platforms", "support")
    decide(session, add(session, "ip-brand", "support"), "against")  # rejected
    # postponed: nobody takes part in a round with a quorum of one (an impossible quorum
    # is now refused at opening)
    bid = ballots.open_ballot(session, add(session, "image-consent", "support"), quorum=1)
    ballots.close_ballot(session, bid.value)
    add(session, "ai-use", "support")  # never voted
    found = alert(session, "open_points")
    assert found.severity is Severity.INFO
    assert found.text.startswith("3 clauses restent ouvertes : 1 rejetée, 1 reportée, 1 pas")
    assert alert(session, "open_points", "en").text.startswith("3 clauses remain open")


def test_no_open_points_when_everything_is_adopted(session, voter):
    adopt(session, "scope-platforms", "support")
    assert "open_points" not in alert_keys(session)


def test_a_vote_still_open_is_flagged(session, voter):
    cid = add(session, "ip-brand", "support")
    ballot = ballots.open_ballot(session, cid, method="simple", capture="counts").value
    found = alert(session, "open_vote")
    assert found.severity is Severity.WARNING and "ouvert" in found.text
    ballots.close_ballot(session, ballot)
    assert "open_vote" not in alert_keys(session)


def test_control_leaning_variant_without_justification(session, voter):
    adopt(session, "scope-platforms", "control")
    base = snap(session)
    assert "unjustified_control" not in [a.key for a in coherence.alerts(base)]
    # as an imported library might provide: the same variant with no justification
    clause = base.clauses[0]
    bare = tuple(
        dataclasses.replace(v, justification=None) if v.key == "control" else v
        for v in clause.variants
    )
    imported = dataclasses.replace(base, clauses=(dataclasses.replace(clause, variants=bare),))
    found = [a for a in coherence.alerts(imported) if a.key == "unjustified_control"]
    assert found and "L1121-1" in found[0].text and clause.title in found[0].text


def test_sanctions_in_a_guide_only_charter(session, voter):
    adopt(session, "respect-people", "control")  # carries the "sanctions" flag
    assert "règlement intérieur" in alert(session, "sanctions_in_guide").text
    setup.update_workshop(session, charter_status="annex_ri")
    assert "sanctions_in_guide" not in alert_keys(session)


def test_actions_without_owner_or_due_date(session):
    aid = plan.add_action(session, "Guide", "guide").value
    found = alert(session, "action_incomplete")
    assert "1 action du plan" in found.text and "Guide (ni responsable ni échéance)" in found.text
    plan.update_action(session, aid, owner="Communication")
    assert "Guide (sans échéance)" in alert(session, "action_incomplete").text
    plan.update_action(session, aid, due_date="2027-03-01")
    assert "action_incomplete" not in alert_keys(session)


def test_warnings_come_before_information(session, voter):
    positioning.set_target(session, 8, 2)
    add(session, "ai-use", "support")
    found = coherence.alerts(snap(session))
    severities = [a.severity for a in found]
    assert severities == sorted(severities, key=lambda s: s != Severity.WARNING)
    assert found[0].severity is Severity.WARNING and found[-1].key == "open_points"


def test_demo_workshop_is_coherent_but_for_its_open_points(demo_path):
    from workshop.session import Session

    with Session.open(demo_path) as session:
        data = snap(session)
    assert [a.key for a in coherence.alerts(data)] == ["on_target", "open_points"]
    assert coherence.suggest_actions(data) == []  # its plan covers every kind suggested
