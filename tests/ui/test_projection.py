"""The projected view: lands on the projector, survives the cable, obeys the clicker keys,
never shows a tally during a vote, and fits long clauses at every resolution."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QCheckBox, QLineEdit

from ui.projection import slides
from ui.projection.canvas import SlideCanvas, render
from ui.projection.controller import ProjectionController
from ui.projection.window import BLACK, FROZEN, LIVE, WHITE
from workshop.operations import ballots, setup


@pytest.fixture
def projection(window, controller, demo_path):
    controller.open(demo_path)
    pc = ProjectionController(controller, window)
    yield pc
    pc.close()


def screens():
    return {s.name(): s for s in QGuiApplication.screens()}


def press(pc, key, text=""):
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
    return pc.handle_key(event)


def test_two_screens_are_configured():
    assert set(screens()) == {"laptop", "projector"}


def test_view_lands_full_screen_on_the_projector(projection, window):
    window.setScreen(screens()["laptop"])
    projection.start()
    assert projection.window.isVisible()
    assert projection.window.screen().name() == "projector"
    assert projection.window.geometry() == screens()["projector"].geometry()


def test_screen_removed_hides_and_added_brings_back(projection, window, monkeypatch):
    window.setScreen(screens()["laptop"])
    projection.start()
    projector = screens()["projector"]
    only_laptop = [screens()["laptop"]]
    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: only_laptop))
    projection._screen_removed(projector)
    assert not projection.window.isVisible()
    projection.screens_changed()  # debounced burst ends: still no projector
    assert not projection.window.isVisible()
    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: [*only_laptop, projector]))
    projection.watcher.screen_added(projector)
    projection.watcher.flush()
    assert projection.window.isVisible()
    assert projection.window.screen().name() == "projector"


def test_never_lands_on_the_operators_screen(projection, window, monkeypatch):
    laptop = screens()["laptop"]
    window.setScreen(laptop)
    monkeypatch.setattr(QGuiApplication, "screens", staticmethod(lambda: [laptop]))
    projection.projecting = True
    projection.screens_changed()
    assert not projection.window.isVisible()


def test_blank_white_freeze_and_back(projection):
    press(projection, Qt.Key.Key_B)
    assert projection.window.mode == BLACK
    assert projection.window.image(64, 36).pixelColor(10, 10).name() == "#000000"
    press(projection, Qt.Key.Key_B)
    assert projection.window.mode == LIVE
    press(projection, Qt.Key.Key_W)
    assert projection.window.mode == WHITE
    press(projection, Qt.Key.Key_Period)
    assert projection.window.mode == BLACK
    press(projection, Qt.Key.Key_F)
    assert projection.window.mode == FROZEN


def test_frozen_view_does_not_change_when_results_come_in(projection, controller):
    controller.run(setup.go_to_step, "clauses")
    last = controller.snapshot.clauses[-1]
    controller.focus_clause(last.id)
    ballot = controller.run(ballots.open_ballot, last.id, capture="nominative").value
    press(projection, Qt.Key.Key_F)
    before = projection.window.image(320, 180)
    for pid, _ in ballots.who_voted(controller.session.conn, ballot):
        controller.run(ballots.cast_vote, ballot, pid, "for")
    controller.run(ballots.close_ballot, ballot)
    assert projection.window.canvas.slide.ballot_state == "closed"  # live content moved on
    assert projection.window.image(320, 180) == before  # the room still sees the frozen image
    press(projection, Qt.Key.Key_F)
    assert projection.window.image(320, 180) != before


def test_f5_and_escape(projection):
    press(projection, Qt.Key.Key_F5)
    assert projection.projecting and projection.window.isVisible()
    press(projection, Qt.Key.Key_Escape)
    assert not projection.projecting and not projection.window.isVisible()


def test_next_and_previous_move_through_clauses_then_steps(projection, controller):
    controller.run(setup.go_to_step, "clauses")
    ids = [c.id for c in controller.snapshot.clauses]
    controller.focus_clause(ids[0])
    projection.refresh()
    press(projection, Qt.Key.Key_PageDown)
    assert controller.focused_clause == ids[1]
    press(projection, Qt.Key.Key_Left)
    assert controller.focused_clause == ids[0]
    controller.run(setup.go_to_step, "plan")
    press(projection, Qt.Key.Key_Space)
    assert controller.snapshot.workshop.current_step == "wrapup"
    press(projection, Qt.Key.Key_PageUp)
    assert controller.snapshot.workshop.current_step == "plan"


def test_keys_are_left_to_the_widget_that_uses_them(window, controller, demo_path, qtbot):
    controller.open(demo_path)
    projection = window.projection
    field = QLineEdit(window)
    field.show()
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_B)
    assert projection.window.mode == LIVE
    assert field.text() == "b"
    box = QCheckBox(window)
    box.show()
    box.setFocus()
    step = controller.snapshot.workshop.current_step
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    assert controller.snapshot.workshop.current_step == step  # Space did not turn the page


def test_unused_keys_reach_the_clicker(window, controller, demo_path, qtbot):
    controller.open(demo_path)
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert window.projection.window.mode == BLACK


TALLY = re.compile(r"\b(pour|contre|abstention|for|against|abstain)\b\s*:?\s*\d")


def test_open_ballot_shows_who_voted_never_what(projection, controller):
    controller.run(setup.go_to_step, "clauses")
    last = controller.snapshot.clauses[-1]
    controller.focus_clause(last.id)
    ballot = controller.run(ballots.open_ballot, last.id, capture="nominative").value
    voters = ballots.who_voted(controller.session.conn, ballot)
    for i, (pid, _) in enumerate(voters[:6]):
        controller.run(ballots.cast_vote, ballot, pid, ["for", "against", "abstain"][i % 3])
    slide = projection.window.canvas.slide
    assert slide.ballot_state == "open"
    assert sum(v.voted for v in slide.voters) == 6
    text = slide.visible_text()
    assert not TALLY.search(text)
    around = slide.visible_text().replace(slide.text, "").lower().split()
    assert not {"pour", "contre", "abstention"} & set(around)  # no choice next to any name
    assert slide.bars == () and slide.outcome == ""


def test_secret_ballot_result_has_totals_only(projection, controller):
    controller.run(setup.go_to_step, "clauses")
    snap = controller.snapshot
    secret = next(c for c in snap.clauses if c.ballots and c.ballots[-1].capture == "secret")
    controller.focus_clause(secret.id)
    slide = projection.window.canvas.slide
    assert slide.ballot_state == "closed"
    assert [b.label for b in slide.bars] == ["Ensemble"]
    assert slide.voters == ()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160)])
def test_long_clause_fits_then_pages(qapp, size):
    canvas = SlideCanvas()
    long_text = " ".join(["Les salariés restent libres de s’exprimer sur leur métier."] * 120)
    canvas.set_slide(slides.Slide("clause", "1. Une clause très longue", "Thème", text=long_text))
    render(canvas, *size)
    assert canvas.page_count > 1
    pages = canvas.page_count
    seen = set()
    for page in range(pages):
        canvas.page = page
        render(canvas, *size)
        seen.add(canvas.page)
    assert seen == set(range(pages))
    short = SlideCanvas()
    short.set_slide(slides.Slide("clause", "2. Courte", "Thème", text="Un texte court."))
    render(short, *size)
    assert short.page_count == 1


def _slides_text(projection, controller) -> str:
    """Every slide of every step and every clause, and the message to the room, as text."""
    from workshop.model import STEPS

    seen = []
    for step in STEPS:
        controller.run(setup.go_to_step, step.value)
        if step.value == "clauses":
            for c in controller.snapshot.clauses:
                controller.focus_clause(c.id)
                seen.append(projection.window.canvas.slide.visible_text())
        seen.append(projection.window.canvas.slide.visible_text())
        seen.append(projection.window.canvas.message)
    return "\n".join(seen)


def _name_words(people) -> set[str]:
    from workshop.exports.names import COMMON_WORDS
    from workshop.textfmt import fold

    words = set()
    for p in people:
        words.add(fold(p.name))
        words |= {w for w in re.split(r"[\s\-']+", fold(p.name)) if len(w) > 2}
    return words - COMMON_WORDS


def _shows(text: str, word: str) -> bool:
    from workshop.textfmt import fold

    return bool(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", fold(text)))


def test_with_names_hidden_no_slide_shows_a_name(projection, controller):
    """Issue 10: vote in progress (« Ont voté »), results, matrix, plan, message: no name."""
    from workshop.operations import plan

    people = controller.snapshot.participants
    named = next(p for p in people if p.may_be_named and p.name.isascii())
    refused = next(p for p in people if not p.may_be_named)
    controller.run(plan.add_action, f"Relire avec {named.name}", owner=refused.name.upper())
    last = controller.snapshot.clauses[-1]
    controller.run(ballots.open_ballot, last.id, capture="nominative")
    projection.set_message(f"Pause — {named.name} revient à 14 h")
    assert projection.show_names is False
    text = _slides_text(projection, controller)
    assert "Relire avec" in text and "Pause" in text  # the texts are on screen, filtered
    leaks = [w for w in _name_words(people) if _shows(text, w)]
    assert leaks == []
    assert named.pseudonym in text and refused.pseudonym in text
    # names shown: the people who refused to be named still never appear by name
    projection.set_show_names(True)
    text = _slides_text(projection, controller)
    assert _shows(text, named.name.casefold())
    assert [w for w in _name_words([refused]) if _shows(text, w)] == []


def test_the_matrix_slide_paints_the_console_scene_with_pseudonyms(projection, controller):
    """The projected matrix is the scene painted straight onto the canvas: no hidden widget,
    the same points as the console's closing round, pseudonyms until names are shown."""
    from PySide6.QtWidgets import QApplication

    from ui.widgets.matrix.widget import MatrixWidget
    from workshop.matrix_scene import scene_from_snapshot

    def _matrix_widgets() -> dict[int, MatrixWidget]:
        return {id(w): w for w in QApplication.allWidgets() if isinstance(w, MatrixWidget)}

    before = _matrix_widgets()
    controller.run(setup.go_to_step, "matrix")
    canvas = projection.window.canvas
    assert canvas.slide.kind == "matrix"
    projection.window.image(1920, 1080)
    snap = controller.snapshot
    console = scene_from_snapshot(snap, "closing", anonymize=True, show_arrows=True)
    assert canvas.matrix_scene.points == console.points
    assert canvas.matrix_scene.centroids == console.centroids
    # The console's matrix page may have been built; no widget was made to paint off screen.
    new = [w for key, w in _matrix_widgets().items() if key not in before]
    assert all(w.window() is projection.operator for w in new)
    shown = [d.text for d in canvas.matrix_labels if d.kind == "point"]
    assert shown and set(shown) <= {p.pseudonym for p in snap.participants}
    assert "Cible" in [d.text for d in canvas.matrix_labels if d.kind == "target"]
    projection.set_show_names(True)
    projection.window.image(1920, 1080)
    named = {p.name for p in snap.participants if p.may_be_named}
    assert {d.text for d in canvas.matrix_labels if d.kind == "point"} & named


def test_keys_in_the_projected_window_act_once(window, controller, demo_path, qtbot):
    """The console's filter leaves the projected window's keys to it (B toggles once)."""
    controller.open(demo_path)
    projection = window.projection
    projection.start()
    qtbot.keyClick(projection.window, Qt.Key.Key_B)
    assert projection.window.mode == BLACK
    qtbot.keyClick(projection.window, Qt.Key.Key_B)
    assert projection.window.mode == LIVE
    qtbot.keyClick(projection.window, Qt.Key.Key_Escape)
    assert not projection.projecting


def test_the_projected_timer_shows_the_rails_minutes(projection, controller):
    """One clock model: the projected « 12 / 40 min » is the console rail's figure."""
    from workshop.timing import step_times

    controller.run(setup.go_to_step, "clauses")
    snap = controller.snapshot
    spent = step_times(snap.marks, snap.workshop.date)["clauses"]
    planned = next(a.planned_minutes for a in snap.agenda if a.step == "clauses")
    assert projection._timer_text() == f"{round(spent.minutes)} / {planned} min"
