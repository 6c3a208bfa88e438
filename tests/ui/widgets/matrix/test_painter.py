"""The matrix painter: what it draws from a scene, on any paint device, without a widget."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from ui import i18n
from ui.widgets.matrix.geometry import DrawnLabel, compute_geometry
from ui.widgets.matrix.painter import PaintState, paint_matrix
from ui.widgets.matrix.style import HIGH_CONTRAST_STYLE
from workshop.matrix import Position, Quadrant, quadrant_name
from workshop.matrix_scene import MatrixCentroid, MatrixPoint, MatrixScene

SIZE = (600, 600)


def _points() -> tuple[MatrixPoint, ...]:
    return (
        MatrixPoint(1, "Alice", "#E69F00", "Direction", Position(2.0, 8.0)),
        MatrixPoint(2, "Bob", "#56B4E9", "RH", Position(5.0, 5.0), Position(3.0, 3.0)),
        MatrixPoint(3, "Chloé", "#009E73", "Représentants du personnel", None),
    )


def _paint(scene, state=None, size=SIZE, area=None, style=None) -> tuple[list[DrawnLabel], QImage]:
    image = QImage(*size, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ff00ff"))
    painter = QPainter(image)
    try:
        kwargs = {"style": style} if style else {}
        drawn = paint_matrix(painter, area or QRectF(0, 0, *size), scene, state=state, **kwargs)
    finally:
        painter.end()
    return drawn, image


def _texts(drawn: list[DrawnLabel], kind: str | None = None) -> list[str]:
    return [d.text for d in drawn if kind is None or d.kind == kind]


def test_quadrant_names_axes_and_marks_are_drawn():
    scene = MatrixScene(
        points=_points(),
        centroids=(MatrixCentroid("RH", "#56B4E9", Position(5, 5), 1.0),),
        target=Position(7.5, 4.5),
        suggestion=Position(6.0, 6.0),
        highlighted=1,
    )
    drawn, _ = _paint(scene)
    assert sorted(_texts(drawn, "quadrant")) == sorted(quadrant_name(q, "fr") for q in Quadrant)
    assert _texts(drawn, "axis") == ["Accompagnement →", "Contrôle →"]
    assert _texts(drawn, "target") == ["Cible"]
    assert _texts(drawn, "suggestion") == ["Diagnostic"]
    assert _texts(drawn, "selected") == ["Alice (2,0\u00a0; 8,0)"]
    assert "Bob" in _texts(drawn, "point")
    assert "Chloé" not in _texts(drawn)  # not placed: not drawn
    i18n.install("en")
    drawn, _ = _paint(scene)
    assert "Trust and autonomy" in _texts(drawn, "quadrant")


def test_quadrant_names_sit_in_their_quadrants():
    drawn, _ = _paint(MatrixScene(points=_points()))
    middle = compute_geometry(*SIZE).plot.center()
    rects = {d.text: d.rect for d in drawn if d.kind == "quadrant"}
    lockdown = rects[quadrant_name(Quadrant.LOCKDOWN, "fr")]
    trust = rects[quadrant_name(Quadrant.TRUST, "fr")]
    framed = rects[quadrant_name(Quadrant.FRAMED, "fr")]
    assert lockdown.right() <= middle.x() and lockdown.bottom() <= middle.y()
    assert trust.left() >= middle.x() and trust.top() >= middle.y()
    assert framed.left() >= middle.x() and framed.bottom() <= middle.y()


def test_names_can_be_hidden():
    drawn, _ = _paint(MatrixScene(points=_points(), show_names=False, highlighted=2))
    assert _texts(drawn, "point") == []
    assert _texts(drawn, "selected") == []


def test_a_move_in_progress_is_drawn_where_it_goes():
    scene = MatrixScene(points=_points(), highlighted=2)
    state = PaintState(selected=2, pending=Position(8.0, 1.5), interactive=True)
    drawn, _ = _paint(scene, state)
    assert _texts(drawn, "selected") == ["Bob (8,0\u00a0; 1,5)"]
    aim = PaintState(pending_target=Position(6.5, 4.0), interactive=True)
    assert _texts(_paint(scene, aim)[0], "pending-target") == ["Cible (6,5\u00a0; 4,0)"]


def test_the_legend_lists_colleges_and_symbols():
    scene = MatrixScene(
        points=_points(),
        centroids=(MatrixCentroid("RH", "#56B4E9", Position(5, 5), 1.0),),
        target=Position(7.5, 4.5),
        show_arrows=True,
        show_legend=True,
    )
    drawn, _ = _paint(scene, size=(1920, 1080))
    assert _texts(drawn, "legend") == [
        "Direction",
        "RH",
        "Représentants du personnel",
        "Centre du collège (cercle\u00a0: dispersion)",
        "Cible",
        "Ouverture → clôture",
    ]


def test_a_small_preview_keeps_every_label_inside():
    scene = MatrixScene(
        points=(MatrixPoint(1, "Quelqu'un au coin", "#E69F00", "RH", Position(10, 10)),),
        target=Position(0, 0),
    )
    drawn, _ = _paint(scene, size=(220, 220))
    bounds = QRectF(0, 0, 220, 220)
    assert len(_texts(drawn, "quadrant")) == 4
    for label in drawn:
        assert bounds.adjusted(-1, -1, 1, 1).contains(label.rect), label


@pytest.mark.parametrize("crowd", [12, 40])
def test_crowded_names_never_overlap(crowd):
    points = tuple(
        MatrixPoint(i, f"Participant {i}", "#E69F00", "RH", Position(5 + (i % 4) * 0.1, 5))
        for i in range(crowd)
    )
    drawn, _ = _paint(MatrixScene(points=points))
    names = [d.rect for d in drawn if d.kind == "point"]
    assert 0 < len(names) < crowd  # some names give way, the dots stay
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            inter = a.intersected(b)
            assert inter.width() * inter.height() <= 0.3 * a.width() * a.height()


def test_paints_into_an_area_of_another_device():
    drawn, image = _paint(
        MatrixScene(target=Position(5, 5)),
        size=(800, 600),
        area=QRectF(200, 100, 400, 400),
        style=HIGH_CONTRAST_STYLE,
    )
    assert image.pixelColor(10, 10) == QColor("#ff00ff")  # outside the area: untouched
    assert image.pixelColor(400, 110) == QColor("#000000")  # the style's background
    assert len(_texts(drawn, "quadrant")) == 4
    assert all(QRectF(0, 0, 400, 400).adjusted(-1, -1, 1, 1).contains(d.rect) for d in drawn)
