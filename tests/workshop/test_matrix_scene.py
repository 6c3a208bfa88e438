"""The matrix scene: unit space, label placement, badges, and one scene for screen and PDF."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop import demo, snapshot
from workshop.matrix import MIDLINE, Position, Quadrant, quadrant_of
from workshop.matrix_scene import (
    GRID_LINES,
    LATEST,
    QUADRANT_CORNERS,
    TICKS,
    Box,
    MatrixCentroid,
    MatrixPoint,
    MatrixScene,
    college_badges,
    crowded,
    format_position,
    from_unit,
    label_candidates,
    legend_entries,
    moved,
    place_label,
    scene_from_snapshot,
    to_unit,
)
from workshop.snapshot import Placement


@pytest.fixture(scope="module")
def snap():
    shm = Path("/dev/shm")
    base = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
    folder = Path(tempfile.mkdtemp(prefix="charter-scene-", dir=base))
    try:
        session = demo.build(folder / "d.charter", "fr")
        yield snapshot.load(session.conn)
        session.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- unit space ------------------------------------------------------------------------------
def test_unit_space_runs_right_and_up_from_the_origin():
    assert to_unit(0, 0) == (0.0, 0.0)
    assert to_unit(10, 10) == (1.0, 1.0)
    assert to_unit(7.5, 2.5) == (0.75, 0.25)


@given(
    st.floats(min_value=0, max_value=10, allow_nan=False),
    st.floats(min_value=0, max_value=10, allow_nan=False),
)
def test_unit_round_trip_on_the_tenth_grid(support, control):
    s, c = round(support, 1), round(control, 1)
    assert from_unit(*to_unit(s, c)) == pytest.approx((s, c), abs=1e-9)


def test_from_unit_clamps_and_rounds():
    assert from_unit(-3, 4) == (0.0, 10.0)
    assert from_unit(0.75325, 0.2) == (7.5, 2.0)
    assert from_unit(0.75325, 0.2, precision=None)[0] == pytest.approx(7.5325)


def test_keyboard_moves_stay_on_the_matrix_and_the_grid():
    assert moved(Position(9.8, 0.2), 0.5, -0.5) == Position(10.0, 0.0)
    assert moved(Position(5.0, 5.0), 0.1, 0.0) == Position(5.1, 5.0)


def test_ticks_and_grid_lines():
    assert TICKS == tuple(float(i) for i in range(11))
    assert MIDLINE not in GRID_LINES and 0.0 not in GRID_LINES and 10.0 not in GRID_LINES
    assert len(GRID_LINES) == 8


def test_each_quadrant_is_named_in_its_own_corner():
    assert {q for q, _, _ in QUADRANT_CORNERS} == set(Quadrant)
    for quadrant, left, top in QUADRANT_CORNERS:
        corner = Position(0.5 if left else 9.5, 9.5 if top else 0.5)
        assert quadrant_of(corner) == quadrant


# -- labels ----------------------------------------------------------------------------------
def test_box_overlap():
    a = Box(0, 0, 10, 10)
    assert a.overlap(Box(5, 5, 10, 10)) == 25
    assert a.overlap(Box(10, 0, 5, 5)) == 0  # touching is not overlapping
    assert a.overlap(Box(20, 20, 1, 1)) == 0


def test_a_label_goes_right_unless_something_is_there():
    bounds = Box(0, 0, 200, 200)
    candidates = label_candidates(100, 100, 5, 30, 10)
    assert place_label(candidates, [], bounds) == (Box(105, 95, 30, 10), 0.0)
    taken = [Box(104, 90, 40, 20)]  # the right side is occupied: the label moves left
    best, cost = place_label(candidates, taken, bounds)
    assert best == Box(65, 95, 30, 10) and cost == 0.0


def test_a_label_stays_inside_the_bounds():
    bounds = Box(0, 0, 200, 200)
    best, cost = place_label(label_candidates(198, 100, 5, 30, 10), [], bounds)
    assert best.x + best.w <= 200 and cost == 0.0


def test_a_crowded_name_is_left_out():
    box = Box(0, 0, 30, 10)
    assert not crowded(0.0, box)
    assert crowded(0.31 * 300, box)


# -- badges and words --------------------------------------------------------------------------
def test_college_badges_are_short_and_unique():
    names = ["Direction", "RH", "Représentants du personnel", "Communication", "DSI", "Cadres"]
    badges = college_badges(names)
    assert badges["RH"] == "RH"
    assert badges["DSI"] == "DSI"
    assert badges["Représentants du personnel"] == "RP"
    assert badges["Communication"] == "C"
    assert badges["Cadres"] not in ("C", "")  # a clash takes more letters
    assert len(set(badges.values())) == len(names)


def test_badges_for_unusual_names():
    badges = college_badges(["Łukasz’s team", "يوسف", "", "Œuvre", "Œil"])
    assert all(badges.values()) and len(set(badges.values())) == 5


def test_positions_read_in_each_language():
    assert format_position(Position(7.5, 2.5), "fr") == "7,5\u00a0; 2,5"
    assert format_position(Position(7.5, 2.5), "en") == "7.5, 2.5"


def test_legend_entries_follow_what_the_scene_shows():
    points = (
        MatrixPoint(1, "A", "#111111", "RH", Position(2, 2), Position(1, 1)),
        MatrixPoint(2, "B", "#222222", "DSI"),
        MatrixPoint(3, "C", "#333333", "RH", Position(3, 3)),
    )
    assert legend_entries(MatrixScene(points=points)) == [("college", "RH"), ("college", "DSI")]
    full = MatrixScene(
        points=points,
        centroids=(MatrixCentroid("RH", "#111111", Position(2.5, 2.5)),),
        target=Position(5, 5),
        suggestion=Position(6, 6),
        show_arrows=True,
    )
    kinds = [k for k, _ in legend_entries(full)]
    assert kinds == ["college", "college", "centroid", "target", "suggestion", "arrow"]


# -- from a snapshot ---------------------------------------------------------------------------
def test_rounds_of_the_demo(snap):
    people = {p.id for p in snap.participants}
    opening = scene_from_snapshot(snap, "opening", show_arrows=True)
    closing = scene_from_snapshot(snap, "closing", show_arrows=True)
    latest = scene_from_snapshot(snap, LATEST, show_arrows=True)
    assert {p.id for p in latest.points} == people
    assert opening.arrows() == ()  # arrows need both rounds
    by_round = {(p.participant_id, p.round): Position(p.support, p.control) for p in snap.positions}
    for point in closing.points:
        assert point.position == by_round.get((point.id, "closing"))
    for point in latest.points:
        expected = by_round.get((point.id, "closing")) or by_round.get((point.id, "opening"))
        assert point.position == expected
    # Someone placed in one round only is on the minutes' figure, without an arrow.
    one_round = [p for p in latest.points if p.position and p.opening is None]
    assert one_round  # the demo has such people
    for p in one_round:
        assert None in (by_round.get((p.id, "closing")), by_round.get((p.id, "opening")))
    assert len(latest.arrows()) == len([p for p in closing.points if p.position and p.opening])


def test_pseudonyms_when_anonymised(snap):
    scene = scene_from_snapshot(snap, "closing", anonymize=True)
    assert [p.label for p in scene.points] == [p.pseudonym for p in snap.participants]


def test_positions_off_the_matrix_are_left_out_not_drawn_wrong(snap):
    """A damaged or hostile file: a coordinate of 42 or NaN never reaches a painter."""
    victim, other = snap.participants[0], snap.participants[1]
    positions = tuple(
        p for p in snap.positions if p.participant_id not in (victim.id, other.id)
    ) + (
        Placement(victim.id, "closing", 42.0, 5.0),
        Placement(other.id, "closing", float("nan"), 5.0),
    )
    workshop = replace(snap.workshop, target_support=-1.0, target_control=3.0)
    bad = replace(snap, positions=positions, workshop=workshop)
    scene = scene_from_snapshot(bad, LATEST)
    shown = {p.id: p.position for p in scene.points}
    assert shown[victim.id] is None and shown[other.id] is None
    assert scene.target is None
    assert all(0 <= c.position.support <= 10 for c in scene.centroids)


# -- one scene for the screen and the PDF ------------------------------------------------------
def _shapes(node):
    from reportlab.graphics.shapes import Group

    for child in node.getContents():
        yield child
        if isinstance(child, Group):
            yield from _shapes(child)


def test_the_pdf_figure_draws_the_scene_where_the_scene_says(snap):
    """Participants, centres and the target of the PDF sit at the scene's unit coordinates."""
    from reportlab.graphics.shapes import Rect

    from workshop.exports.pdf_matrix import figure_layout, figure_scene, matrix_drawing

    drawing = matrix_drawing(snap, "fr", 480)
    shapes = list(_shapes(drawing))
    frame = next(s for s in shapes if isinstance(s, Rect) and s.fillColor is None and s.width > 100)
    x0, y0, side = frame.x, frame.y, frame.width
    layout = figure_layout(snap, 480)
    assert (layout.x0, layout.y0, layout.side) == (x0, y0, side)

    def unit(m):
        return round((m.x - x0) / side, 6), round((m.y - y0) / side, 6)

    def expected(positions):
        return [tuple(round(v, 6) for v in to_unit(*_xy(p))) for p in positions]

    scene = figure_scene(snap)
    dots = [unit(m) for m in layout.marks if m.kind == "participant"]
    assert dots == expected(p.position for p in scene.placed()) and len(dots) > 10
    centres = [unit(m) for m in layout.marks if m.kind == "centroid"]
    assert centres == expected(c.position for c in scene.centroids)
    assert [unit(m) for m in layout.marks if m.kind == "target"] == expected([scene.target])


def test_the_console_and_the_minutes_agree_on_the_closing_round(snap):
    """Whoever has a closing position stands at the same place on screen and on paper."""
    from workshop.exports.pdf_matrix import figure_scene

    console = {p.id: p for p in scene_from_snapshot(snap, "closing").points if p.position}
    paper = {p.id: p for p in figure_scene(snap).points}
    assert console and all(paper[i].position == p.position for i, p in console.items())


def _xy(position: Position) -> tuple[float, float]:
    return position.support, position.control
