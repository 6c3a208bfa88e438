"""The support/control matrix: what the room sees when participants place themselves.

Concrete cases pin the boundaries (5 counts as high, ties go to the first variant);
Hypothesis properties check that the statistics behave as a facilitator expects (the
centre of a group lies among its members, the order of clicks does not matter).
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.errors import InvalidInput
from workshop.matrix import (
    CollegeStats,
    GroupStats,
    Movement,
    Position,
    Quadrant,
    centroid,
    distance,
    group_stats,
    mean_position,
    movement,
    movements,
    nearest,
    quadrant_description,
    quadrant_name,
    quadrant_of,
    spread,
)

coordinates = st.floats(min_value=0, max_value=10, allow_nan=False)
positions = st.builds(Position, coordinates, coordinates)


# --- Position -------------------------------------------------------------------------


def test_position_accepts_the_whole_range_and_stores_floats() -> None:
    assert Position(0, 10) == Position(0.0, 10.0)
    p = Position(5, Fraction(1, 2))
    assert type(p.support) is float and type(p.control) is float
    assert p == Position(5.0, 0.5)


@pytest.mark.parametrize(
    "support, control, axis",
    [
        (-0.01, 5, "support"),
        (10.01, 5, "support"),
        (5, -1, "control"),
        (5, 11, "control"),
        (math.inf, 5, "support"),
        (5, -math.inf, "control"),
        (math.nan, 5, "support"),
        (5, math.nan, "control"),
        (True, 5, "support"),
        (5, False, "control"),
        ("5", 5, "support"),
        (None, 5, "support"),
        (Decimal("5"), 5, "support"),
        (10**400, 5, "support"),
        pytest.param(5, 10**5000, "control", id="too-many-digits-to-print"),
    ],
)
def test_position_refuses_what_is_not_a_coordinate(
    support: object, control: object, axis: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        Position(support, control)  # type: ignore[arg-type]
    error = caught.value
    for message in (error.fr, error.en):
        assert message and "\n" not in message and len(message) < 200
        assert "0" in message and "10" in message
    # The message names the faulty axis in each language.
    fr_axis, en_axis = (
        ("accompagnement", "support") if axis == "support" else ("contrôle", "control")
    )
    assert fr_axis in error.fr and en_axis in error.en
    other_fr = "contrôle" if axis == "support" else "accompagnement"
    assert other_fr not in error.fr


def test_position_is_frozen() -> None:
    p = Position(1, 2)
    with pytest.raises(AttributeError):
        p.support = 3  # type: ignore[misc]


def test_clamped_brings_coordinates_back_into_range_but_still_refuses_nan() -> None:
    assert Position.clamped(-3, 12.5) == Position(0, 10)
    assert Position.clamped(4.2, 7) == Position(4.2, 7)
    with pytest.raises(InvalidInput):
        Position.clamped(math.nan, 5)
    with pytest.raises(InvalidInput):
        Position.clamped(True, 5)  # type: ignore[arg-type]


# --- Quadrants ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "support, control, expected",
    [
        (5, 5, Quadrant.FRAMED),  # the exact centre counts as high on both axes
        (4.99, 5, Quadrant.LOCKDOWN),
        (5, 4.99, Quadrant.TRUST),
        (4.99, 4.99, Quadrant.LAISSEZ_FAIRE),
        (0, 0, Quadrant.LAISSEZ_FAIRE),
        (0, 10, Quadrant.LOCKDOWN),
        (10, 0, Quadrant.TRUST),
        (10, 10, Quadrant.FRAMED),
    ],
)
def test_quadrant_boundaries(support: float, control: float, expected: Quadrant) -> None:
    assert quadrant_of(Position(support, control)) is expected


def test_quadrant_names_in_both_languages() -> None:
    assert [quadrant_name(q) for q in Quadrant] == [
        "Laisser-faire",
        "Verrouillage",
        "Confiance et autonomie",
        "Cadre accompagné",
    ]
    assert [quadrant_name(q, "en") for q in Quadrant] == [
        "Laissez-faire",
        "Lock-down",
        "Trust and autonomy",
        "Accompanied framework",
    ]


def test_quadrant_values_are_stable() -> None:
    assert [q.value for q in Quadrant] == ["laissez_faire", "lockdown", "trust", "framed"]


@pytest.mark.parametrize("quadrant", list(Quadrant))
def test_quadrant_descriptions_are_one_sentence_per_language(quadrant: Quadrant) -> None:
    fr = quadrant_description(quadrant, "fr")
    en = quadrant_description(quadrant, "en")
    assert fr != en
    for text in (fr, en):
        assert text.endswith(".") and text.count(". ") == 0 and "\n" not in text
    assert quadrant_description(quadrant) == fr  # French unless English is asked for


def test_lockdown_description_carries_the_seed_warning() -> None:
    assert "inutile" in quadrant_description(Quadrant.LOCKDOWN, "fr")
    assert "useless" in quadrant_description(Quadrant.LOCKDOWN, "en")
    assert "ambassadeurs" in quadrant_description(Quadrant.TRUST, "fr")


# --- Distance, centroid, spread -------------------------------------------------------


def test_distance() -> None:
    assert distance(Position(0, 0), Position(3, 4)) == 5
    assert distance(Position(3, 4), Position(0, 0)) == 5
    assert distance(Position(2, 2), Position(2, 2)) == 0


def test_centroid_of_known_sets() -> None:
    assert centroid([]) is None
    assert centroid(iter([])) is None
    assert centroid([Position(2, 7)]) == Position(2, 7)
    corners = [Position(0, 0), Position(10, 0), Position(0, 10), Position(10, 10)]
    assert centroid(corners) == Position(5, 5)
    assert centroid([Position(1, 2), Position(3, 8), Position(8, 5)]) == Position(4, 5)


def test_spread_of_known_sets() -> None:
    assert spread([]) == 0
    assert spread([Position(3, 3)]) == 0
    assert spread([Position(3, 3), Position(3, 3)]) == 0
    # Both points are 5 away from their centroid (3, 4).
    assert spread([Position(0, 0), Position(6, 8)]) == pytest.approx(5)
    corners = [Position(0, 0), Position(10, 0), Position(0, 10), Position(10, 10)]
    assert spread(corners) == pytest.approx(math.sqrt(50))
    # Root-mean-square, not mean: distances 0, 0, 0 and 4 from the centroid (1, 1)...
    cluster = [Position(0, 1), Position(0, 1), Position(0, 1), Position(4, 1)]
    # ... are 1, 1, 1, 3 → sqrt((1 + 1 + 1 + 9) / 4) = sqrt(3), whereas the mean is 1.5.
    assert spread(cluster) == pytest.approx(math.sqrt(3))


def test_mean_position_is_the_charters_position() -> None:
    assert mean_position([]) is None
    adopted = [Position(8, 2), Position(6, 6), Position(7, 4)]
    assert mean_position(adopted) == Position(7, 4)


@given(st.lists(positions, min_size=1, max_size=30))
def test_centroid_lies_inside_the_bounding_box(points: list[Position]) -> None:
    c = centroid(points)
    assert c is not None
    assert min(p.support for p in points) <= c.support <= max(p.support for p in points)
    assert min(p.control for p in points) <= c.control <= max(p.control for p in points)


@given(positions, st.integers(min_value=1, max_value=20))
def test_centroid_of_identical_points_is_that_point(point: Position, n: int) -> None:
    assert centroid([point] * n) == point


@given(st.lists(positions, max_size=30), st.randoms(use_true_random=False))
def test_spread_is_non_negative_and_ignores_order(points: list[Position], rnd) -> None:
    shuffled = list(points)
    rnd.shuffle(shuffled)
    s = spread(points)
    assert 0 <= s <= 10 * math.sqrt(2)
    # math.fsum is exactly rounded, so the order of clicks cannot change a single bit.
    assert spread(shuffled) == s
    assert centroid(shuffled) == centroid(points)


# --- nearest --------------------------------------------------------------------------


def test_nearest_picks_the_closest_candidate() -> None:
    variants = [("a", Position(9, 1)), ("b", Position(5, 5)), ("c", Position(2, 9))]
    assert nearest(Position(6, 4), variants) == "b"
    assert nearest(Position(10, 0), variants) == "a"
    assert nearest(Position(1, 10), variants) == "c"


def test_nearest_breaks_ties_by_order() -> None:
    left, right = ("left", Position(4, 5)), ("right", Position(6, 5))
    assert nearest(Position(5, 5), [left, right]) == "left"
    assert nearest(Position(5, 5), [right, left]) == "right"


def test_nearest_treats_float_noise_as_a_tie() -> None:
    # 0.2 and 0.4 are both 0.1 from 0.3 for the room, not for floating point:
    target, left, right = Position(0.3, 5), ("left", Position(0.2, 5)), ("right", Position(0.4, 5))
    assert distance(target, left[1]) < distance(target, right[1])
    # ... yet the first listed still wins, whichever it is.
    assert nearest(target, [right, left]) == "right"
    assert nearest(target, [left, right]) == "left"


def test_nearest_with_one_candidate_and_with_none() -> None:
    assert nearest(Position(0, 0), [("only", Position(10, 10))]) == "only"
    with pytest.raises(ValueError):
        nearest(Position(0, 0), [])


@given(positions, st.lists(positions, min_size=1, max_size=10))
def test_nearest_is_never_beaten(target: Position, points: list[Position]) -> None:
    candidates = list(enumerate(points))
    chosen = nearest(target, candidates)
    best = min(distance(target, p) for p in points)
    assert distance(target, points[chosen]) <= best + 1e-9
    # Any earlier candidate is strictly farther: the first of the tied ones wins.
    for i in range(chosen):
        assert distance(target, points[i]) > distance(target, points[chosen]) - 1e-9


# --- group statistics -----------------------------------------------------------------


def test_group_stats_per_college_and_whole_group() -> None:
    placed = {
        "alice": ("RH", Position(6, 6)),
        "bruno": ("IRP", Position(9, 1)),
        "chloé": ("RH", Position(8, 6)),
        "david": ("DSI", Position(2, 9)),
        "emma": ("IRP", Position(7, 1)),
    }
    stats = group_stats(placed)
    assert isinstance(stats, GroupStats)
    assert stats.count == 5
    assert stats.centroid == Position(6.4, 4.6)
    assert stats.spread == pytest.approx(spread([p for _, p in placed.values()]))
    # Colleges in the order they first appear.
    assert [c.college for c in stats.colleges] == ["RH", "IRP", "DSI"]
    assert stats.college("RH") == CollegeStats("RH", 2, Position(7, 6), 1.0)
    assert stats.college("IRP") == CollegeStats("IRP", 2, Position(8, 1), 1.0)
    assert stats.college("DSI") == CollegeStats("DSI", 1, Position(2, 9), 0.0)
    assert stats.college("Direction") is None


def test_group_stats_of_nobody() -> None:
    stats = group_stats({})
    assert stats == GroupStats(0, None, 0.0, ())


@given(
    st.dictionaries(
        st.integers(min_value=0, max_value=50),
        st.tuples(st.sampled_from(["RH", "IRP", "DSI", "Com"]), positions),
        max_size=20,
    )
)
def test_group_stats_counts_add_up(placed: dict[int, tuple[str, Position]]) -> None:
    stats = group_stats(placed)
    assert stats.count == len(placed)
    assert sum(c.count for c in stats.colleges) == len(placed)
    for c in stats.colleges:
        members = [p for college, p in placed.values() if college == c.college]
        assert c.centroid == centroid(members)
        assert c.spread == spread(members)


# --- movement -------------------------------------------------------------------------


def test_movement_from_opening_to_closing() -> None:
    m = movement(Position(2, 8), Position(5, 4))
    assert m == Movement(3.0, -4.0, 5.0)
    assert movement(Position(3, 3), Position(3, 3)) == Movement(0.0, 0.0, 0.0)


def test_movements_only_for_participants_placed_in_both_rounds() -> None:
    opening = {"a": Position(1, 1), "b": Position(5, 5), "c": Position(9, 9)}
    closing = {"c": Position(9, 6), "a": Position(4, 5), "d": Position(0, 0)}
    moved = movements(opening, closing)
    assert list(moved) == ["a", "c"]
    assert moved["a"] == Movement(3.0, 4.0, 5.0)
    assert moved["c"] == Movement(0.0, -3.0, 3.0)
