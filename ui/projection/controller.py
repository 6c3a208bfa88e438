"""Runs the projection: which slide, which screen, which mode, and the clicker keys.

Keys work from either window, like a presentation clicker: PageDown / Right / Space =
next, PageUp / Left = previous, B or . = black, W = white, F = freeze, F5 = start
projecting, Esc = stop projecting. In the console they reach the projection from any
widget but a text field (ui/projection/keys.py says exactly when); Space still ticks a
focused check box or marks an arrival in the participants' table.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, Qt
from PySide6.QtWidgets import QWidget

from ui import i18n
from ui.controller import WorkshopController, settings
from ui.projection import room, slides
from ui.projection.canvas import HIGH_CONTRAST, LIGHT
from ui.projection.screens import ScreenWatcher, projector_screen
from ui.projection.window import BLACK, FROZEN, LIVE, WHITE, ProjectedWindow
from workshop.model import STEPS
from workshop.operations import setup
from workshop.session import BALLOTS, Changes
from workshop.timing import step_times

NEXT_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space}
PREVIOUS_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left}


class ProjectionController(QObject):
    """Keeps the projected window in step with the workshop and the screens."""

    state_changed = Signal()

    def __init__(self, controller: WorkshopController, operator: QWidget) -> None:
        super().__init__(operator)
        self.controller = controller
        self.operator = operator
        self.window = ProjectedWindow()
        self.window.key_pressed.connect(self.handle_key)
        self.projecting = False
        self.show_names = False
        self.message = ""
        self.high_contrast = False
        self.preferred_screen = str(settings().value("projector_screen", "") or "") or None
        self.room_depth = _stored_depth()
        self.room = room.room_state(controller)
        self.room.changed.connect(self.refresh)
        self.watcher = ScreenWatcher(self)
        self.watcher.changed.connect(self.screens_changed)
        app = QGuiApplication.instance()
        app.screenRemoved.connect(self._screen_removed)
        controller.changed.connect(self._on_changed)
        controller.focus_changed.connect(lambda _c: self.refresh())
        controller.closed.connect(self.refresh)
        self.ticker = QTimer(self)
        self.ticker.setInterval(20_000)
        self.ticker.timeout.connect(self.refresh)
        self.ticker.start()
        self.refresh()

    # -- content -------------------------------------------------------------------------
    def slide(self) -> slides.Slide:
        if not self.controller.is_open:
            return slides.Slide("empty", "Atelier Charte")
        snap = self.controller.snapshot
        return slides.for_step(
            snap,
            snap.workshop.current_step,
            i18n.current(),
            clause_id=self.controller.focused_clause,
            names=self.show_names,
            criterion=self.room.criterion,
            counted=self._counted(snap),
        )

    def _counted(self, snap) -> dict[int, frozenset[int]]:  # noqa: ANN001 - Snapshot
        """Which colleges the ballot panel has recorded, for the open ballots only."""
        return {b.id: self.room.counted(b.id) for c in snap.clauses for b in c.ballots if b.is_open}

    def set_room_depth(self, metres: int) -> None:
        """The room's depth (« salle de 10 m »): the smallest text grows to be read from the back."""
        low, high = room.DEPTH_RANGE_M
        self.room_depth = max(low, min(high, int(metres)))
        settings().setValue("room_depth_m", self.room_depth)
        self.refresh()

    def image_width_m(self) -> float:
        """The projected picture's width: the projector screen's, if it tells a believable one."""
        screen = self.target_screen()
        return room.image_width_m(screen.physicalSize().width() if screen is not None else None)

    def depth_too_large(self) -> bool:
        return room.too_deep(self.room_depth, 16 / 9, self.image_width_m())

    def refresh(self) -> None:
        """Rebuild the slide from the workshop (unless frozen, the window repaints)."""
        canvas = self.window.canvas
        slide = self.slide()
        canvas.set_slide(slide)
        canvas.message = (
            slides.room_message(
                self.controller.snapshot, self.message, i18n.current(), names=self.show_names
            )
            if self.controller.is_open
            else self.message
        )
        canvas.theme = HIGH_CONTRAST if self.high_contrast else LIGHT
        canvas.smallest_fraction = room.smallest_text_fraction(
            self.room_depth, 16 / 9, self.image_width_m()
        )
        if slide.kind == "matrix":
            self._update_matrix()
        elif slide.kind == "criterion":
            self._update_suggestion()
        canvas.timer_text = self._timer_text()
        self.window.update()
        self.state_changed.emit()

    def _update_matrix(self) -> None:
        """The same picture as the console's matrix, painted into the projected canvas."""
        from ui.widgets.matrix.style import HIGH_CONTRAST_STYLE, LIGHT_STYLE
        from workshop.matrix_scene import scene_from_snapshot

        snap = self.controller.snapshot
        closing = any(p.round == "closing" for p in snap.positions)
        scene = scene_from_snapshot(
            snap,
            "closing" if closing else "opening",
            anonymize=not self.show_names,
            show_names=True,
            show_arrows=closing,
            with_suggestion=snap.workshop.current_step == "diagnostic",
            show_legend=True,
        )
        theme = HIGH_CONTRAST if self.high_contrast else LIGHT
        base = HIGH_CONTRAST_STYLE if self.high_contrast else LIGHT_STYLE
        canvas = self.window.canvas
        canvas.matrix_style = replace(base, background=theme.background, text=theme.text)
        canvas.matrix_scene = scene

    def _update_suggestion(self) -> None:
        """Diagnostic: the target and the emerging suggested position, as on the console."""
        from ui.widgets.matrix.style import HIGH_CONTRAST_STYLE, LIGHT_STYLE
        from workshop import diagnostic
        from workshop.matrix import Position
        from workshop.matrix_scene import MatrixScene

        snap = self.controller.snapshot
        answers = {
            a.criterion: a.score
            for a in snap.diagnostic
            if a.criterion in diagnostic.CRITERIA_BY_KEY and a.score is not None
        }
        info = snap.workshop
        target = (
            Position(info.target_support, info.target_control)
            if info.target_support is not None and info.target_control is not None
            else None
        )
        suggestion = diagnostic.suggested_position(answers).position
        theme = HIGH_CONTRAST if self.high_contrast else LIGHT
        base = HIGH_CONTRAST_STYLE if self.high_contrast else LIGHT_STYLE
        canvas = self.window.canvas
        canvas.matrix_style = replace(base, background=theme.background, text=theme.text)
        canvas.matrix_scene = MatrixScene(target=target, suggestion=suggestion)

    def _on_changed(self, changes: Changes) -> None:
        if changes.voters and changes.topics == {BALLOTS} and self._show_votes(changes.voters):
            return
        self.refresh()

    def _show_votes(self, voters: tuple[tuple[int, int], ...]) -> bool:
        """A vote on the round the room is watching: its voters' marks and the count line
        change, nothing else (no slide rebuilt, no names filtered again, the rest of the
        picture not repainted). False when the slide must be built again."""
        canvas = self.window.canvas
        ballot_id = canvas.slide.ballot_id
        if ballot_id is None or any(b != ballot_id for b, _ in voters):
            return False
        snap = self.controller.snapshot
        ballot = next((b for c in snap.clauses for b in c.ballots if b.id == ballot_id), None)
        slide = slides.with_votes(canvas.slide, ballot) if ballot is not None else None
        if slide is None:
            return False
        self.window.show_slide(slide)
        self.state_changed.emit()
        return True

    def _timer_text(self) -> str:
        if not self.controller.is_open:
            return ""
        snap = self.controller.snapshot
        entry = next((a for a in snap.agenda if a.step == snap.workshop.current_step), None)
        if entry is None or entry.ended_at:
            return ""
        # The console rail's clock (one model: workshop.timing), not the first start.
        spent = step_times(snap.marks, snap.workshop.date).get(entry.step)
        if spent is None:
            return ""
        return f"{round(spent.minutes)} / {entry.planned_minutes} min"

    def set_message(self, text: str) -> None:
        """The message to the room; shown through the name filter (see ``refresh``)."""
        self.message = text.strip()
        self.refresh()

    def set_show_names(self, names: bool) -> None:
        self.show_names = names
        self.refresh()

    def set_high_contrast(self, on: bool) -> None:
        self.high_contrast = on
        self.refresh()

    # -- screens -------------------------------------------------------------------------
    def operator_screen(self):  # noqa: ANN201 - QScreen | None
        return self.operator.screen() if self.operator else QGuiApplication.primaryScreen()

    def target_screen(self):  # noqa: ANN201 - QScreen | None
        return projector_screen(self.operator_screen(), self.preferred_screen)

    def start(self) -> None:
        """F5: full screen on the projector, or a movable preview window with one screen."""
        self.projecting = True
        screen = self.target_screen()
        if screen is not None:
            self.window.show_on(screen)
        else:
            self.window.show_as_window()
        self.refresh()

    def stop(self) -> None:
        """Esc: stop projecting."""
        self.projecting = False
        self.window.hide()
        self.state_changed.emit()

    def choose_screen(self, name: str) -> None:
        """The facilitator picked the projector's screen in the console."""
        self.preferred_screen = name
        settings().setValue("projector_screen", name)
        if self.projecting:
            self.start()

    def _screen_removed(self, screen) -> None:  # noqa: ANN001 - QScreen
        # Not debounced: hide at once, before Qt moves the window onto the operator's screen.
        if self.window.isVisible() and self.window.screen() in (screen, None):
            self.window.hide()
        elif self.window.isVisible() and self.target_screen() is None:
            self.window.hide()

    def screens_changed(self) -> None:
        """After a burst of screen changes: return to the projector, or stay hidden."""
        if not self.projecting:
            return
        screen = self.target_screen()
        if screen is None:
            self.window.hide()  # never on the operator's screen showing results
        else:
            self.window.show_on(screen)
        self.state_changed.emit()

    # -- keys ----------------------------------------------------------------------------
    def handle_key(self, event: QKeyEvent) -> bool:
        """Apply a clicker key; True when it was one."""
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        key = event.key()
        if key in NEXT_KEYS:
            self.step(+1)
        elif key in PREVIOUS_KEYS:
            self.step(-1)
        elif key in (Qt.Key.Key_B, Qt.Key.Key_Period):
            self.window.set_mode(LIVE if self.window.mode == BLACK else BLACK)
        elif key == Qt.Key.Key_W:
            self.window.set_mode(LIVE if self.window.mode == WHITE else WHITE)
        elif key == Qt.Key.Key_F:
            self.window.set_mode(LIVE if self.window.mode == FROZEN else FROZEN)
        elif key == Qt.Key.Key_F5:
            self.start()
        elif key == Qt.Key.Key_Escape and self.projecting:
            self.stop()
        else:
            return False
        self.state_changed.emit()
        return True

    def wants_key(self, event: QKeyEvent) -> bool:
        """Whether ``handle_key`` would use this key now (Esc only while projecting)."""
        return event.key() != Qt.Key.Key_Escape or self.projecting

    def step(self, direction: int) -> None:
        """Next or previous: the page of a long clause, then the clause, then the step."""
        if not self.controller.is_open:
            return
        canvas = self.window.canvas
        if canvas.slide.kind == "clause":
            page = canvas.page + direction
            if 0 <= page < canvas.page_count:
                canvas.page = page
                self.window.update()
                return
            snap = self.controller.snapshot
            ids = [c.id for c in snap.clauses]
            current = self.controller.focused_clause
            if current not in ids:
                current = canvas_clause_id(snap, canvas.slide)
            if current in ids:
                index = ids.index(current) + direction
                if 0 <= index < len(ids):
                    self.controller.focus_clause(ids[index])
                    canvas.page = 0 if direction > 0 else 10_000
                    self.refresh()
                    return
        steps = [s.value for s in STEPS]
        index = steps.index(self.controller.snapshot.workshop.current_step) + direction
        if 0 <= index < len(steps):
            self.controller.run(setup.go_to_step, steps[index])

    def close(self) -> None:
        self.ticker.stop()
        self.window.close()


def _stored_depth() -> int:
    try:
        value = int(settings().value("room_depth_m", room.DEFAULT_DEPTH_M))
    except (TypeError, ValueError):
        value = room.DEFAULT_DEPTH_M
    low, high = room.DEPTH_RANGE_M
    return max(low, min(high, value))


def canvas_clause_id(snap, slide) -> int | None:  # noqa: ANN001
    """The id of the clause a slide shows (its title starts with its number)."""
    try:
        number = int(slide.title.split(".", 1)[0])
    except ValueError:
        return None
    return snap.clauses[number - 1].id if 0 < number <= len(snap.clauses) else None
