"""The diagnostic step: thirteen criteria that suggest where the charter should sit.

Concrete cases pin the criteria (the article's nine plus the author's four), the neutral
baseline and two companies a facilitator will recognise; Hypothesis properties check
that the suggestion stays on the matrix and that raising one score never moves the
position against that criterion's weights.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop import diagnostic
from workshop.diagnostic import (
    BASELINE,
    CRITERIA,
    CRITERIA_BY_KEY,
    NBSP,
    Contribution,
    Criterion,
    Suggestion,
    criterion,
    explain,
    size_score,
    strongest,
    suggested_position,
)
from workshop.errors import InvalidInput
from workshop.matrix import Position, Quadrant, quadrant_name, quadrant_of
from workshop.model import SizeBand

KEYS = [c.key for c in CRITERIA]
TEXT_FIELDS = [
    "title_fr",
    "title_en",
    "question_fr",
    "question_en",
    "low_fr",
    "low_en",
    "high_fr",
    "high_en",
    "rationale_fr",
    "rationale_en",
]

scores = st.one_of(st.none(), st.integers(min_value=1, max_value=5))
answer_sets = st.fixed_dictionaries({}, optional={key: scores for key in KEYS})

# A French retail bank: regulated, past incidents, large, staff rarely at ease online.
BANK = {
    "sector": 5,
    "speech_history": 5,
    "size": 5,
    "social_media_knowledge": 1,
    "digital_tools_adoption": 3,
    "it_access_policy": 4,
    "accompaniment_culture": 3,
    "social_media_maturity": 3,
    "speaking_up_culture": 2,
    "employee_maturity": 3,
    "union_relations": 4,
    "communication_strategy": 4,
    "social_media_strategy": 3,
}

# A 30-person digital-native start-up that already counts on its people online.
START_UP = {
    "sector": 2,
    "speech_history": 1,
    "size": 2,
    "social_media_knowledge": 5,
    "digital_tools_adoption": 5,
    "it_access_policy": 1,
    "accompaniment_culture": 3,
    "social_media_maturity": 5,
    "speaking_up_culture": 5,
    "employee_maturity": 4,
    "union_relations": None,
    "communication_strategy": 4,
    "social_media_strategy": 5,
}


# --- The criteria ---------------------------------------------------------------------


def test_thirteen_criteria_with_stable_keys_in_order() -> None:
    # The keys are stored in workshop files: renaming one loses the answers.
    assert KEYS == [
        "sector",
        "speech_history",
        "size",
        "social_media_knowledge",
        "digital_tools_adoption",
        "it_access_policy",
        "accompaniment_culture",
        "social_media_maturity",
        "speaking_up_culture",
        "employee_maturity",
        "union_relations",
        "communication_strategy",
        "social_media_strategy",
    ]
    assert len(set(KEYS)) == 13
    assert [c.order for c in CRITERIA] == list(range(1, 14))
    assert CRITERIA_BY_KEY == {c.key: c for c in CRITERIA}


def test_nine_from_the_article_then_four_from_the_comment() -> None:
    assert [c.source for c in CRITERIA] == ["article"] * 9 + ["comment"] * 4


@pytest.mark.parametrize("item", CRITERIA, ids=KEYS)
def test_every_text_is_filled_in_both_languages(item: Criterion) -> None:
    for field in TEXT_FIELDS:
        text = getattr(item, field)
        assert isinstance(text, str) and text.strip() == text and len(text) > 3, field
        assert "\n" not in text, field
    for stem in ("title", "question", "low", "high", "rationale"):
        fr, en = getattr(item, f"{stem}_fr"), getattr(item, f"{stem}_en")
        assert fr != en, stem
        assert getattr(item, stem)("fr") == fr and getattr(item, stem)() == fr
        assert getattr(item, stem)("en") == en
    assert item.question_fr.endswith(("?", ")")) and item.question_en.endswith(("?", ")"))
    assert item.low_fr != item.high_fr


@pytest.mark.parametrize("item", CRITERIA, ids=KEYS)
def test_every_criterion_moves_the_position(item: Criterion) -> None:
    assert item.support_weight or item.control_weight
    assert abs(item.support_weight) <= 0.5 and abs(item.control_weight) <= 0.5


def test_scales_are_concrete_at_both_ends() -> None:
    sector = CRITERIA_BY_KEY["sector"]
    for word in ("banque", "santé", "défense", "service public"):
        assert word in sector.high_fr
    assert "Aucun incident" in CRITERIA_BY_KEY["speech_history"].low_fr
    assert "répétés" in CRITERIA_BY_KEY["speech_history"].high_fr
    assert "5 000" in CRITERIA_BY_KEY["size"].high_fr
    assert "5,000" in CRITERIA_BY_KEY["size"].high_en


def test_weights_follow_the_article_and_the_domain_notes() -> None:
    w = {c.key: (c.support_weight, c.control_weight) for c in CRITERIA}
    # A regulated sector and a history of incidents: more accompaniment, more control.
    assert w["sector"][0] > 0 and w["sector"][1] > 0
    assert w["speech_history"][0] > 0 and w["speech_history"][1] > 0
    # Incidents come from unawareness more than malice: accompaniment first.
    assert w["speech_history"][0] > w["speech_history"][1]
    # Scales run toward "more knowledge" / "stronger culture": low scores call for more.
    assert w["social_media_knowledge"][0] < 0 and w["social_media_knowledge"][1] < 0
    assert w["accompaniment_culture"][0] < 0 and w["accompaniment_culture"][1] < 0
    # ... and "possibly" more control: accompaniment weighs more.
    for key in ("social_media_knowledge", "accompaniment_culture"):
        assert abs(w[key][0]) > abs(w[key][1])
    # Mature practices and a culture of speaking up allow less control.
    for key in ("social_media_maturity", "speaking_up_culture", "employee_maturity"):
        assert w[key][1] < 0
    # Tense union relations: more accompaniment, and only a light, justified control.
    assert w["union_relations"][0] > 0
    assert 0 <= w["union_relations"][1] < w["union_relations"][0]


def test_the_weight_table_in_the_docstring_matches_the_criteria() -> None:
    # The table is what the closing note and the reviewers read: it must not drift.
    rows = [line.split() for line in diagnostic.__doc__.splitlines() if line[:2].strip().isdigit()]
    assert len(rows) == 13
    for row, item in zip(rows, CRITERIA, strict=True):
        assert row[0] == str(item.order) and row[1] == f"{item.key}:"
        assert row[-3:] == [
            item.source,
            f"{item.support_weight:+.2f}",
            f"{item.control_weight:+.2f}",
        ]


def test_criterion_lookup() -> None:
    assert criterion("sector") is CRITERIA[0]
    with pytest.raises(InvalidInput) as caught:
        criterion("secteur")
    assert "secteur" in caught.value.fr and "secteur" in caught.value.en


def test_size_score_follows_the_size_bands() -> None:
    assert [size_score(band) for band in SizeBand] == [1, 2, 3, 4, 5]
    assert size_score(SizeBand.VERY_LARGE) == 5
    assert "1 à 10" in CRITERIA_BY_KEY["size"].low_fr


# --- The suggestion -------------------------------------------------------------------


def test_all_threes_give_the_baseline() -> None:
    s = suggested_position(dict.fromkeys(KEYS, 3))
    assert BASELINE == Position(5, 5)
    assert s.position == BASELINE
    assert s.answered == 13
    assert s.contributions == tuple(Contribution(key, 0.0, 0.0) for key in KEYS)
    assert s.quadrant is Quadrant.FRAMED  # 5 counts as high on both axes


@pytest.mark.parametrize("answers", [{}, dict.fromkeys(KEYS)], ids=["empty", "all-none"])
def test_nothing_answered_gives_the_baseline(answers: dict[str, int | None]) -> None:
    s = suggested_position(answers)
    assert s == Suggestion(BASELINE, 0, (), Quadrant.FRAMED)


def test_contributions_say_why() -> None:
    s = suggested_position({"speaking_up_culture": 5, "sector": 1, "size": None})
    assert s.answered == 2
    sector, speaking = CRITERIA_BY_KEY["sector"], CRITERIA_BY_KEY["speaking_up_culture"]
    # In the criteria's order, not the answers' order; unanswered ones are left out.
    assert s.contributions == (
        ("sector", -2 * sector.support_weight, -2 * sector.control_weight),
        ("speaking_up_culture", 2 * speaking.support_weight, 2 * speaking.control_weight),
    )
    expected = Position(
        5 + sum(c.d_support for c in s.contributions),
        5 + sum(c.d_control for c in s.contributions),
    )
    assert s.position.support == pytest.approx(expected.support)
    assert s.position.control == pytest.approx(expected.control)


def test_a_regulated_bank_with_incidents_needs_support_and_more_control() -> None:
    s = suggested_position(BANK)
    assert s.quadrant is Quadrant.FRAMED
    assert s.position.support >= 6.5
    assert s.position.control >= 6.5
    # The three facts alone already point there.
    core = suggested_position({"sector": 5, "speech_history": 5, "social_media_knowledge": 1})
    assert core.position.support > 5 and core.position.control > 5


def test_a_digital_native_start_up_lands_in_trust() -> None:
    s = suggested_position(START_UP)
    assert s.quadrant is Quadrant.TRUST
    assert s.position.support >= 6
    assert s.position.control <= 3
    # Mature practices and a culture of speaking up, nothing else said.
    core = suggested_position(
        {
            "social_media_knowledge": 5,
            "digital_tools_adoption": 5,
            "social_media_maturity": 5,
            "speaking_up_culture": 5,
        }
    )
    assert core.quadrant is Quadrant.TRUST


def test_the_bank_calls_for_more_control_than_the_start_up() -> None:
    bank, start_up = suggested_position(BANK), suggested_position(START_UP)
    assert bank.position.control - start_up.position.control >= 3


def test_extreme_answers_are_clamped_to_the_matrix() -> None:
    most_support = {c.key: (5 if c.support_weight > 0 else 1) for c in CRITERIA}
    least_support = {c.key: (1 if c.support_weight > 0 else 5) for c in CRITERIA}
    reach = 2 * sum(abs(c.support_weight) for c in CRITERIA)
    assert reach > 5  # the raw sums do leave the matrix...
    assert suggested_position(most_support).position.support == 10  # ... and are clamped
    assert suggested_position(least_support).position.support == 0


def test_control_extremes_stay_inside_the_matrix() -> None:
    # The diagnostic never suggests total control nor none at all: the room decides that.
    most_control = {c.key: (5 if c.control_weight > 0 else 1) for c in CRITERIA}
    least_control = {c.key: (1 if c.control_weight > 0 else 5) for c in CRITERIA}
    reach = 2 * sum(abs(c.control_weight) for c in CRITERIA)
    high = suggested_position(most_control).position.control
    low = suggested_position(least_control).position.control
    assert high == pytest.approx(5 + reach) and low == pytest.approx(5 - reach)
    assert 0 < low < 2 and 8 < high < 10


@given(answer_sets)
def test_the_suggestion_stays_on_the_matrix(answers: dict[str, int | None]) -> None:
    s = suggested_position(answers)
    assert 0 <= s.position.support <= 10 and 0 <= s.position.control <= 10
    assert s.quadrant is quadrant_of(s.position)
    assert s.answered == sum(v is not None for v in answers.values())
    assert s.answered == len(s.contributions)


@given(answer_sets)
def test_the_suggestion_is_deterministic_and_ignores_answer_order(
    answers: dict[str, int | None],
) -> None:
    reversed_answers = dict(reversed(list(answers.items())))
    assert suggested_position(answers) == suggested_position(dict(answers))
    assert suggested_position(reversed_answers) == suggested_position(answers)


@given(answer_sets, st.sampled_from(CRITERIA), st.integers(min_value=1, max_value=4))
def test_raising_one_score_moves_only_along_its_weights(
    answers: dict[str, int | None], item: Criterion, score: int
) -> None:
    before = suggested_position({**answers, item.key: score}).position
    after = suggested_position({**answers, item.key: score + 1}).position
    for axis, weight in (("support", item.support_weight), ("control", item.control_weight)):
        delta = getattr(after, axis) - getattr(before, axis)
        assert delta * weight >= 0 and (weight != 0 or delta == 0)
        # Away from the edges, one step moves by exactly the weight.
        if 0 < getattr(before, axis) < 10 and 0 < getattr(after, axis) < 10:
            assert delta == pytest.approx(weight, abs=1e-9)


@given(answer_sets, st.sampled_from(CRITERIA))
def test_answering_a_three_changes_nothing(answers: dict[str, int | None], item: Criterion) -> None:
    without = {k: v for k, v in answers.items() if k != item.key}
    assert suggested_position({**without, item.key: 3}).position == (
        suggested_position(without).position
    )


# --- Refused input --------------------------------------------------------------------


@pytest.mark.parametrize("value", [0, 6, -1, 3.0, 2.5, "3", True, False, [3], math.nan])
def test_invalid_scores_are_refused_naming_the_criterion(value: object) -> None:
    with pytest.raises(InvalidInput) as caught:
        suggested_position({"sector": 3, "union_relations": value})  # type: ignore[dict-item]
    error = caught.value
    assert "Relations avec les organisations syndicales" in error.fr
    assert "Relations with the unions" in error.en
    for message in (error.fr, error.en):
        assert "1" in message and "5" in message and "\n" not in message


@pytest.mark.parametrize("key", ["secteur", "Sector", "", 3, None])
def test_unknown_criteria_are_refused(key: object) -> None:
    with pytest.raises(InvalidInput) as caught:
        suggested_position({"sector": 3, key: 3})  # type: ignore[dict-item]
    assert repr(key) in caught.value.fr and repr(key) in caught.value.en


def test_an_unknown_key_is_refused_even_unanswered() -> None:
    with pytest.raises(InvalidInput):
        suggested_position({"taille": None})


# --- Explanation ----------------------------------------------------------------------


def test_explain_in_french() -> None:
    s = suggested_position(BANK)
    text = explain(s, "fr")
    lines = text.split("\n")
    assert 3 <= len(lines) <= 7
    assert lines[0].startswith(f"Position suggérée{NBSP}: accompagnement ")
    assert f"accompagnement {s.position.support:.1f}".replace(".", ",") in lines[0]
    assert f"contrôle {s.position.control:.1f}".replace(".", ",") in lines[0]
    assert "13 critères renseignés sur 13" in lines[0]
    assert quadrant_name(Quadrant.FRAMED, "fr") in lines[1]
    factor_lines = [line for line in lines if line.startswith("- ")]
    assert [line.split(NBSP)[0][2:] for line in factor_lines] == [
        CRITERIA_BY_KEY[c.key].title_fr for c in strongest(s)
    ]
    assert " :" not in text  # no breakable space before a colon in French


def test_explain_in_english() -> None:
    s = suggested_position(START_UP)
    text = explain(s, "en")
    assert text.startswith(
        f"Suggested position: support {s.position.support:.1f}/10, "
        f"control {s.position.control:.1f}/10 (12 of 13 criteria answered)."
    )
    assert "Quadrant: Trust and autonomy." in text
    assert "- Internal culture of speaking up: support +1.00, control -0.60" in text
    assert NBSP not in text


def test_strongest_picks_three_by_size_and_keeps_criteria_order_on_ties() -> None:
    s = suggested_position(START_UP)
    top = strongest(s)
    assert len(top) == 3
    sizes = [abs(c.d_support) + abs(c.d_control) for c in s.contributions]
    assert abs(top[0].d_support) + abs(top[0].d_control) == pytest.approx(max(sizes))
    # speaking up (1.6) beats maturity (1.4) and strategy (1.2)
    assert [c.key for c in top] == [
        "speaking_up_culture",
        "social_media_maturity",
        "social_media_strategy",
    ]
    # Equal pulls (0.4 + 0.6 and 0.6 + 0.4): the criterion listed first comes first,
    # whatever the order of the answers.
    tie = suggested_position({"speech_history": 5, "social_media_strategy": 3, "sector": 5})
    assert [c.key for c in strongest(tie)] == ["sector", "speech_history"]
    sizes = {c.key: abs(c.d_support) + abs(c.d_control) for c in tie.contributions}
    assert sizes["sector"] == sizes["speech_history"]


def test_explain_when_nothing_moved() -> None:
    none = explain(suggested_position({}), "fr")
    assert "Aucun critère renseigné" in none and "0 critère renseigné sur 13" in none
    threes = explain(suggested_position(dict.fromkeys(KEYS, 3)), "en")
    assert "middle of its scale" in threes
    assert "- " not in threes
    one = explain(suggested_position({"sector": 4}), "fr")
    assert "1 critère renseigné sur 13" in one


def test_the_set_up_suggests_the_company_size_score_only():
    assert diagnostic.suggested_scores("11-49") == {"size": 2}
    assert diagnostic.suggested_scores("5000+") == {"size": 5}
    assert diagnostic.suggested_scores(None) == {}
    assert diagnostic.suggested_scores("beaucoup") == {}  # a hostile band suggests nothing
