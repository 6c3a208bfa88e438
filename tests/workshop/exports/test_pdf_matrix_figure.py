"""The minutes' matrix figure: college markers distinct, labels that never meet, the target
under the participants, colours from the shared Okabe–Ito palette, a complete legend."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from reportlab.graphics.shapes import Circle, Group, Polygon, String

from tests.demo_files import copy_demo
from workshop import palette, snapshot
from workshop.exports.pdf_matrix import Mark, figure_layout, marker, matrix_drawing
from workshop.matrix_scene import MARKERS, Box, college_markers, place_labels
from workshop.operations import setup
from workshop.session import Session


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = copy_demo(tmp_path_factory.mktemp("matrix") / "d.charter", "fr")
    session = Session.open(path)
    snap = snapshot.load(session.conn)
    session.close()
    return snap


def _walk(node):
    for child in node.getContents():
        yield child
        if isinstance(child, Group):
            yield from _walk(child)


def _overlapping(boxes: list[Box]) -> list[tuple[int, int]]:
    return [
        (i, j) for (i, a), (j, b) in itertools.combinations(enumerate(boxes), 2) if a.overlap(b)
    ]


def test_each_college_has_its_own_marker_shape():
    names = [f"Collège {i}" for i in range(10)]
    markers = college_markers(names)
    first = [markers[n] for n in names[: len(MARKERS)]]
    assert len({shape for shape, _ in first}) == len(MARKERS) and all(f for _, f in first)
    # past eight colleges the shapes come back hollow: still no two alike
    assert len(set(markers.values())) == len(names)


def test_the_marker_shapes_draw_differently():
    outlines = set()
    for shape in MARKERS:
        drawn = marker(shape, 0, 0, 4, None)
        if isinstance(drawn, Circle):
            outlines.add("circle")
        else:
            assert isinstance(drawn, Polygon)
            outlines.add(tuple(round(v, 1) for v in drawn.points))
    assert len(outlines) == len(MARKERS)


def test_demo_colleges_use_the_shared_okabe_ito_palette(demo):
    layout = figure_layout(demo, 480)
    colours = {m.colour.upper() for m in layout.marks if m.kind == "participant"}
    assert colours <= set(palette.COLLEGE_COLOURS)
    assert set(palette.COLLEGE_COLOURS) == set(palette.OKABE_ITO.values())


def test_college_labels_never_overlap_in_the_demo(demo):
    layout = figure_layout(demo, 480)
    boxes = [label.box for label in layout.labels]
    assert len(boxes) == len(demo.colleges)
    assert not _overlapping(boxes)
    plot = Box(layout.x0, layout.y0, layout.side, layout.side)
    assert all(b.overlap(plot) == pytest.approx(b.w * b.h) for b in boxes)  # inside the plot


def _crowded(demo) -> snapshot.Snapshot:
    """Every participant at the same place: every college centre on one point."""
    positions = tuple(dataclasses.replace(p, support=6.0, control=6.0) for p in demo.positions)
    return dataclasses.replace(demo, positions=positions)


def test_labels_of_centres_on_one_point_still_never_overlap(demo):
    layout = figure_layout(_crowded(demo), 480)
    boxes = [label.box for label in layout.labels]
    assert len(boxes) == len(demo.colleges) and not _overlapping(boxes)


def test_place_labels_is_deterministic_and_avoids_marks():
    obstacles = [Box(48, 48, 4, 4)]
    anchors = [(50.0, 50.0)] * 5
    sizes = [(12.0, 8.0)] * 5
    bounds = Box(0, 0, 200, 200)
    first = place_labels(anchors, sizes, obstacles, bounds)
    assert first == place_labels(anchors, sizes, obstacles, bounds)
    assert not _overlapping(first)
    assert all(b.overlap(obstacles[0]) == 0 for b in first)


def test_the_target_is_drawn_under_the_participants(demo):
    layout = figure_layout(demo, 480)
    target = next(m for m in layout.marks if m.kind == "target")
    shapes = list(_walk(matrix_drawing(demo, "fr", 480)))
    # the target's ring: unfilled, its radius; the participants: filled, theirs
    ring = next(
        i
        for i, s in enumerate(shapes)
        if isinstance(s, Circle) and s.fillColor is None and s.r == target.r
    )
    participants = [m for m in layout.marks if m.kind == "participant"]
    first_participant = min(
        i
        for i, s in enumerate(shapes)
        if any(_at(s, m) for m in participants) and getattr(s, "fillColor", None) is not None
    )
    assert ring < first_participant


def _at(shape, m: Mark) -> bool:
    """The shape is this participant's marker: same kind, centre and size."""
    expected = marker(m.shape, m.x, m.y, m.r, None)
    if isinstance(shape, Circle) and isinstance(expected, Circle):
        return (shape.cx, shape.cy, shape.r) == (expected.cx, expected.cy, expected.r)
    if isinstance(shape, Polygon) and isinstance(expected, Polygon):
        return list(shape.points) == list(expected.points)
    return False


def test_the_legend_lists_every_college_and_symbol_in_english(demo):
    texts = {s.text for s in _walk(matrix_drawing(demo, "en", 480)) if isinstance(s, String)}
    for college in demo.colleges:
        assert any(t.startswith(college.name) for t in texts), college.name
    for symbol in (
        "participant (college's shape)",
        "opening → closing",
        "college centroid, with its badge",
        "group target",
        "adopted charter",
    ):
        assert symbol in texts


def test_a_college_added_in_the_session_gets_the_next_palette_colour(tmp_path):
    session = setup.create(tmp_path / "c.charter", "Atelier", "ACME", "fr")
    snap = snapshot.load(session.conn)
    used = {c.colour.upper() for c in snap.colleges}
    new = setup.add_college(session, "Nouveau collège").value
    colour = snapshot.load(session.conn).college(new).colour.upper()
    session.close()
    assert colour in palette.COLLEGE_COLOURS
    assert colour not in used or len(used) >= len(palette.COLLEGE_COLOURS)
