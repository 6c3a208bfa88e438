"""The ballot panel: switches between a round's rules, its capture and its outcome."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs, i18n
from ui.controller import WorkshopController
from ui.pages.ballot.open_view import OpenView, voter_card
from ui.pages.ballot.result_view import ResultView
from ui.pages.ballot.rounds_table import RoundsTable
from ui.pages.ballot.rules_form import SetupView
from ui.pages.ballot.secret_prompt import SecretPrompt
from ui.pages.ballot.widgets import scrolling
from ui.projection.room import room_state
from ui.style import OPEN_MARK, scaled_font
from workshop import results
from workshop import snapshot as snap
from workshop.errors import WorkshopError
from workshop.model import CaptureMode, Choice, Method, choices_for, label
from workshop.operations import ballots
from workshop.session import BALLOTS, Changes, Origin
from workshop.voting import RoundSettings

#: How the session words undo and redo events (French and English workshops).


class BallotPanel(QWidget):
    """Everything about the rounds of one clause: set-up, capture, outcome, history."""

    amend_requested = Signal(int)
    show_clause = Signal(int)

    def __init__(self, controller: WorkshopController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.clause_id: int | None = None
        self._new_round_for: int | None = None
        self._recorded: dict[int, set[int]] = {}  # ballot -> colleges typed (counts mode)
        # What this console recorded in this session, shown on the console only: the
        # snapshot hides an open round's votes and counts from every reader (projection,
        # exports, other pages), so the panel remembers what it typed itself. Dropped after
        # an undo or redo (it may no longer be true); empty after a restart; never filled
        # for a secret ballot.
        self._cast: dict[int, dict[int, Choice]] = {}  # ballot -> participant -> choice
        self._typed: dict[int, dict[int, dict[str, int]]] = {}  # ballot -> college -> counts
        self._running_clause: int | None = None
        self._ballot: snap.Ballot | None = None

        self.header = QLabel()
        self.header.setFont(scaled_font(self.font(), 1.2, True))
        self.header.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.setup = SetupView()
        self.open_view = OpenView()
        self.result = ResultView()
        self.stack = QStackedWidget()
        self.stack.addWidget(scrolling(self.setup))
        self.stack.addWidget(self.open_view)
        self.stack.addWidget(self.result)

        self.rounds_title = QLabel()
        self.rounds_title.setFont(scaled_font(self.font(), 1.0, True))
        self.rounds = RoundsTable()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.header)
        layout.addWidget(self.detail)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.rounds_title)
        layout.addWidget(self.rounds)

        self.prompt = SecretPrompt(self)

        self.setup.open_requested.connect(self.open_ballot)
        self.setup.show_running.connect(self._go_to_running)
        self.setup.back_to_result.connect(self._back_to_result)
        self.open_view.grid.clicked_voter.connect(self._voter_clicked)
        self.open_view.grid.activated.connect(self._voter_activated)
        self.open_view.grid.choice_key.connect(self.choose)
        self.open_view.counts.save_requested.connect(self.save_counts)
        self.open_view.close_button.clicked.connect(self.close_ballot)
        self.open_view.cancel_button.clicked.connect(self.cancel_ballot)
        self.result.add_remark.connect(self.add_reservation)
        self.result.amend_and_revote.connect(self._amend_and_revote)
        self.result.new_round.connect(lambda: self.request_new_round(self.clause_id))
        self.prompt.chosen.connect(self._secret_chosen)
        self.prompt.cancelled.connect(self._secret_cancelled)
        controller.changed.connect(self._history_moved)
        self.retranslate()
        self._add_keys()

    def _history_moved(self, changes: Changes) -> None:
        """After an undo or redo, which colleges are recorded is no longer known here.

        An open round's counts cannot be read back (that is the point), so the marks are
        dropped and the facilitator is told that recording a college again replaces it.
        """
        if BALLOTS not in changes.topics or changes.origin is Origin.OPERATION:
            return
        ballot = self._open_ballot() if self.controller.is_open else None
        if ballot is not None and self._cast.pop(ballot.id, None):
            self.refresh()
            self.open_view.message.setText(
                self.tr(
                    "After an undo the recorded choices are no longer shown: a voter's card only says whether they have voted."
                )
            )
        if ballot is not None:
            for college_id in self._typed.pop(ballot.id, {}):
                self.open_view.counts.forget_typed(college_id)
        if ballot is not None and self._recorded.pop(ballot.id, None):
            room_state(self.controller).set_counted(ballot.id, set())
            self.refresh()
            self.open_view.message.setText(
                self.tr(
                    "After an undo the recorded marks are cleared: record again any college you are unsure of (it replaces its numbers)."
                )
            )

    # -- reading -------------------------------------------------------------------------
    def _clause(self) -> snap.Clause | None:
        if not self.controller.is_open or self.clause_id is None:
            return None
        return next((c for c in self.controller.snapshot.clauses if c.id == self.clause_id), None)

    def _open_ballot(self) -> snap.Ballot | None:
        clause = self._clause()
        if clause is None:
            return None
        return next((b for b in clause.ballots if b.is_open), None)

    @property
    def mode(self) -> str:
        """'setup', 'open' or 'result': what the panel shows now."""
        return ("setup", "open", "result")[self.stack.currentIndex()]

    def _set_header(self, title: str, detail: str = "") -> None:
        self.header.setText(title)
        self.header.setVisible(bool(title))
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))

    def _show(self, view: QWidget) -> None:
        self.stack.setCurrentIndex((self.setup, self.open_view, self.result).index(view))

    # -- showing -------------------------------------------------------------------------
    def set_clause(self, clause_id: int | None) -> None:
        """Show the rounds of another clause (a secret prompt never follows the change)."""
        if clause_id != self.clause_id:
            self.prompt.clear()
            self._new_round_for = None
        self.clause_id = clause_id
        self.refresh()

    def request_new_round(self, clause_id: int | None) -> None:
        """Show the set-up of a new round for ``clause_id`` (after an amendment, a postponement)."""
        if clause_id is None:
            return
        self._new_round_for = clause_id
        if clause_id == self.clause_id:
            self.refresh()

    def refresh(self) -> None:
        """Redraw from the snapshot; results are read only for a closed round."""
        clause = self._clause()
        if clause is None:
            self._show_nothing()
            return
        shot = self.controller.snapshot
        open_ballot = next((b for b in clause.ballots if b.is_open), None)
        running = next(
            ((c.id, c.title) for c in shot.clauses for b in c.ballots if b.is_open), None
        )
        self._running_clause = running[0] if running else None
        if open_ballot is not None:
            self._new_round_for = None
            self._show_open(shot, clause, open_ballot)
        elif clause.last_closed is None or self._new_round_for == clause.id:
            self._show_setup(shot, clause, running[1] if running else None)
        else:
            self._show_result(shot, clause, clause.last_closed)
        self._fill_rounds(clause)

    def _show_nothing(self) -> None:
        self.prompt.clear()
        self.result.clear()
        self.open_view.counts.reset()
        self._ballot = None
        self._set_header("")
        self._show(self.setup)
        self.setup.setEnabled(False)
        self.rounds.setRowCount(0)

    def _show_setup(self, shot: snap.Snapshot, clause: snap.Clause, running: str | None) -> None:
        self.prompt.clear()
        self.result.clear()
        self.open_view.counts.reset()
        self._ballot = None
        self.setup.setEnabled(True)
        last = clause.ballots[-1] if clause.ballots else None
        w = shot.workshop
        settings = None
        if last is not None:
            try:
                settings = results.settings_of(last)
            except WorkshopError:
                settings = None  # an unreadable round: start again from the defaults
        if settings is None:
            try:
                settings = RoundSettings.defaults(
                    w.ballot_method,
                    w.ballot_capture,
                    w.ballot_abstentions_count,
                    w.ballot_double_majority,
                    w.ballot_quorum,
                )
            except WorkshopError:
                settings = RoundSettings()
        self.setup.set_chairs([(p.id, p.shown_name()) for p in shot.participants if p.present])
        round_number = (max(b.round for b in clause.ballots) if clause.ballots else 0) + 1
        self.setup.load((clause.id, round_number), settings)
        self.setup.set_state(running, clause.last_closed is not None)
        present = sum(1 for p in shot.participants if p.present)
        self._set_header(
            self.tr("Round {n}: how will the group decide?").format(n=round_number),
            self.tr(
                "Set the rule before opening the vote: {present} participants are present."
            ).format(present=present),
        )
        self._show(self.setup)

    def _show_open(self, shot: snap.Snapshot, clause: snap.Clause, ballot: snap.Ballot) -> None:
        self.result.clear()
        if self._ballot is None or self._ballot.id != ballot.id:
            self.open_view.message.setText("")  # nothing said about a previous round
        self._ballot = ballot
        lang = i18n.current()
        capture = CaptureMode(ballot.capture)
        method = Method(ballot.method)
        self._set_header(
            self.tr("{mark} Vote in progress — round {n}").format(mark=OPEN_MARK, n=ballot.round),
            f"{label(method, lang)} · {label(capture, lang)}",
        )
        view = self.open_view
        view.close_button.setText(self.tr("Close the vote…"))
        view.cancel_button.setText(self.tr("Cancel this round…"))
        if capture is CaptureMode.CODES:  # issue 15: phones only, no voter card ever turns
            from ui.pages.ballot.codes_round import show_codes_round

            self.prompt.clear()
            show_codes_round(view, self.controller, ballot)
        elif capture is CaptureMode.COUNTS:
            self.prompt.clear()
            view.body.setCurrentWidget(view.counts_scroll)
            view.set_choices(None, self.choose)
            present: dict[int, int] = {}
            for voter in ballot.voters:
                present[voter.college_id] = present.get(voter.college_id, 0) + 1
            colleges = [
                (c.id, c.name, c.colour, present[c.id]) for c in shot.colleges if c.id in present
            ]
            recorded = self._recorded.get(ballot.id, set())
            view.counts.build(ballot.id, method, colleges, recorded, self._typed.get(ballot.id))
            view.instructions.setText(
                self.tr(
                    "Count the raised cards, type each college's numbers and record them. Recorded numbers stay here, on this screen only, to check or correct until the vote closes; the projection never shows them."
                )
            )
            view.set_progress(
                self.tr("{done} of {n} colleges recorded").format(
                    done=len(recorded & set(present)), n=len(present)
                ),
                self.tr("{done} of {n} colleges recorded").format(
                    done=len(present), n=len(present)
                ),
            )
        else:
            view.counts.reset()
            view.body.setCurrentWidget(view.grid_scroll)
            secret = capture is CaptureMode.SECRET
            cast = {} if secret else self._cast.get(ballot.id, {})
            cards = [voter_card(shot, ballot, voter, cast, lang) for voter in ballot.voters]
            previous = view.grid.current()
            shown = () if secret else [label(c, lang) for c in choices_for(method)]
            view.grid.set_voters(cards, self.tr("✓ has voted"), self.tr("○ not voted yet"), shown)
            if secret:
                view.grid.set_current(None)
                view.set_choices(None, self.choose)
                hint = self.tr(
                    "Each voter in turn touches their name, then chooses on the private screen. Only the totals are kept."
                )
            else:
                view.set_choices(choices_for(method), self.choose)
                if previous is None or previous not in {c.participant_id for c in cards}:
                    view.grid.set_current(view.grid.next_waiting(None))
                hint = self.tr(
                    "Touch your name, then your choice. Keyboard: arrows or the first letters of a name, then 1, 2 or 3."
                )
            view.instructions.setText(hint)
            view.show_voted(ballot, sized=True)
        self._show(view)

    def update_voters(self, voters: tuple[tuple[int, int], ...]) -> bool:
        """After a vote: redraw those voters' cards and the progress line, nothing else.

        False when the panel cannot tell (another round on screen, counts, a voter it does
        not show): the caller then refreshes it whole.
        """
        shown = self._ballot
        if shown is None or self.mode != "open" or shown.capture == CaptureMode.COUNTS:
            return False
        if any(ballot_id != shown.id for ballot_id, _ in voters):
            return False
        ballot = self._open_ballot()
        if ballot is None or ballot.id != shown.id:
            return False
        self._ballot = ballot
        shot, lang = self.controller.snapshot, i18n.current()
        cast = {} if ballot.is_secret else self._cast.get(ballot.id, {})
        by_id = {v.participant_id: v for v in ballot.voters}
        for _, participant_id in voters:
            voter = by_id.get(participant_id)
            if voter is None:
                return False
            if not self.open_view.grid.update_card(voter_card(shot, ballot, voter, cast, lang)):
                return False
        self.open_view.show_voted(ballot)
        return True

    def _show_result(self, shot: snap.Snapshot, clause: snap.Clause, ballot: snap.Ballot) -> None:
        self.prompt.clear()
        self.open_view.counts.reset()
        self._ballot = ballot
        lang = i18n.current()
        self._set_header("")
        try:
            result = results.round_result(ballot, [c.id for c in shot.colleges])
        except WorkshopError as error:
            self.result.clear()
            self.result.sentence.setText(str(error))
        else:
            self.result.show_result(shot, result, lang)
        self.result.remark_button.setEnabled(ballot is clause.last_closed)
        self._show(self.result)

    def _fill_rounds(self, clause: snap.Clause) -> None:
        # One round is told by its result; the table earns its room from the second round.
        visible = (
            self.mode == "setup"
            and bool(clause.ballots)
            or (self.mode == "result" and len(clause.ballots) > 1)
        )
        self.rounds.fill(clause, visible)
        self.rounds_title.setVisible(visible)

    # -- actions -------------------------------------------------------------------------
    def open_ballot(self, settings: RoundSettings | None = None) -> bool:
        """Open a round on the current clause with the set-up's rules."""
        if self.clause_id is None:
            return False
        settings = settings if settings is not None else self.setup.settings()
        changes = self.controller.run(ballots.open_ballot, self.clause_id, settings)
        if changes is None:
            return False
        self._new_round_for = None
        self.open_view.grid.setFocus()
        return True

    def _voter_clicked(self, participant_id: int) -> None:
        ballot = self._open_ballot()
        if ballot is not None and ballot.capture == CaptureMode.SECRET:
            self._voter_activated(participant_id)

    def _voter_activated(self, participant_id: int) -> None:
        ballot = self._open_ballot()
        if ballot is None or ballot.capture != CaptureMode.SECRET:
            return
        voter = next((v for v in ballot.voters if v.participant_id == participant_id), None)
        if voter is None or voter.voted:
            return
        person = self.controller.snapshot.participant(participant_id)
        self.prompt.ask(
            participant_id, person.shown_name() if person else "", Method(ballot.method)
        )

    def choose(self, index: int) -> bool:
        """Record choice ``index`` (0, 1, 2) for the selected voter of a vote by name."""
        ballot = self._open_ballot()
        if ballot is None or ballot.capture != CaptureMode.NOMINATIVE:
            return False
        participant = self.open_view.grid.current()
        if participant is None:
            self.open_view.message.setText(self.tr("Touch a name first, then the choice."))
            return False
        choices = choices_for(Method(ballot.method))
        if not 0 <= index < len(choices):
            return False
        choice = choices[index]
        person = self.controller.snapshot.participant(participant)
        name = person.shown_name() if person else ""
        voter = next((v for v in ballot.voters if v.participant_id == participant), None)
        before = self._cast.get(ballot.id, {}).get(participant)
        lang = i18n.current()
        if voter is not None and voter.voted:
            if before is choice:
                self.open_view.message.setText(
                    self.tr("{name} has already voted « {choice} »: nothing changed.").format(
                        name=name, choice=label(choice, lang)
                    )
                )
                return False
            if before is not None:
                question = self.tr(
                    "{name} has already voted « {old} ». Change the vote to « {new} »?"
                ).format(name=name, old=label(before, lang), new=label(choice, lang))
            else:
                question = self.tr(
                    "{name} has already voted (the choice is not known here after an undo or a restart). Replace the vote with « {new} »?"
                ).format(name=name, new=label(choice, lang))
            if not dialogs.confirm(self, question):
                self.open_view.message.setText(self.tr("{name}: vote unchanged.").format(name=name))
                return False
        remark = None
        if choice in (Choice.RESERVATION, Choice.OBJECTION):
            remark = self._ask_reason(choice)
            if remark is None:
                return False
        # Noted before the run, so that the card redrawn on its change shows the choice;
        # put back if the vote is refused.
        recorded = self._cast.setdefault(ballot.id, {})
        recorded[participant] = choice
        changes = self.controller.run(
            ballots.cast_vote, ballot.id, participant, choice.value, remark
        )
        if changes is None:
            if before is None:
                recorded.pop(participant, None)
            else:
                recorded[participant] = before
            return False
        if voter is not None and voter.voted and before is not None:
            text = self.tr("{name}'s vote changed: {old} → {new}.").format(
                name=name, old=label(before, lang), new=label(choice, lang)
            )
        elif voter is not None and voter.voted:
            text = self.tr("{name}'s vote replaced: now {new}.").format(
                name=name, new=label(choice, lang)
            )
        else:
            text = self.tr("{name}: vote recorded.").format(name=name)
        self.open_view.message.setText(text)
        grid = self.open_view.grid
        grid.set_current(grid.next_waiting(participant))
        grid.setFocus()
        return True

    def _ask_reason(self, choice: Choice) -> str | None:
        if choice is Choice.OBJECTION:
            title = self.tr("Objection")
            prompt = self.tr("What is the objection? It will be recorded with the round.")
        else:
            title = self.tr("Reservation")
            prompt = self.tr("What is the reservation? It will be recorded with the round.")
        answer = dialogs.ask_reason(self, title, prompt)
        answer = (answer or "").strip()
        return answer or None

    def _secret_chosen(self, participant_id: int, choice: str) -> None:
        ballot = self._open_ballot()
        if ballot is None or ballot.capture != CaptureMode.SECRET:
            return
        remark = None
        ch = Choice(choice)
        if ch in (Choice.RESERVATION, Choice.OBJECTION):
            remark = self._ask_reason(ch)
            if remark is None:
                self.open_view.message.setText(self.tr("No vote recorded: the reason is needed."))
                return
        changes = self.controller.run(
            ballots.cast_secret, ballot.id, participant_id, choice, remark
        )
        if changes is not None:
            self.open_view.message.setText(self.tr("Secret vote recorded. Next voter, please."))
        self.open_view.grid.set_current(None)
        self.open_view.grid.setFocus()

    def _secret_cancelled(self) -> None:
        self.open_view.message.setText(self.tr("No vote recorded."))
        self.open_view.grid.set_current(None)

    def save_counts(self, college_id: int, counts: dict) -> bool:
        """Record one college's numbers; they stay in its fields (console only) to be checked
        or corrected until the vote closes."""
        ballot = self._open_ballot()
        if ballot is None:
            return False
        changes = self.controller.run(ballots.set_counts, ballot.id, college_id, counts)
        if changes is None:
            return False
        self._recorded.setdefault(ballot.id, set()).add(college_id)
        self._typed.setdefault(ballot.id, {})[college_id] = dict(counts)
        room_state(self.controller).set_counted(ballot.id, self._recorded[ballot.id])
        self.refresh()
        return True

    def close_ballot(self) -> bool:
        """Close the round after confirmation; only then are the results read."""
        ballot = self._open_ballot()
        if ballot is None:
            return False
        waiting = sum(1 for v in ballot.voters if not v.voted)
        question = self.tr("Close the vote? The result will be shown to everyone.")
        if ballot.capture not in (CaptureMode.COUNTS, CaptureMode.CODES) and waiting:
            question += " " + self.tr("{n} voter(s) have not voted yet.").format(n=waiting)
        if not dialogs.confirm(self, question):
            return False
        self.prompt.clear()
        return self.controller.run(ballots.close_ballot, ballot.id) is not None

    def cancel_ballot(self) -> bool:
        """Discard the open round (false start, wrong rules) after confirmation."""
        ballot = self._open_ballot()
        if ballot is None:
            return False
        if not dialogs.confirm(
            self, self.tr("Cancel this round? The votes already cast in it are discarded.")
        ):
            return False
        self.prompt.clear()
        return self.controller.run(ballots.cancel_ballot, ballot.id) is not None

    def add_reservation(self) -> bool:
        """A reservation recorded after the vote (it may change the outcome's label)."""
        clause = self._clause()
        ballot = clause.last_closed if clause else None
        if ballot is None:
            return False
        shot = self.controller.snapshot
        colleges = [] if ballot.is_secret else [(c.id, c.name) for c in shot.colleges]
        answer = dialogs.ask_remark(self, colleges)
        if not answer:
            return False
        text, college_id = answer
        return (
            self.controller.run(
                ballots.add_remark, ballot.id, Choice.RESERVATION.value, text, college_id=college_id
            )
            is not None
        )

    def _amend_and_revote(self) -> None:
        if self.clause_id is not None:
            self.amend_requested.emit(self.clause_id)

    def _go_to_running(self) -> None:
        if self._running_clause is not None:
            self.show_clause.emit(self._running_clause)

    def _back_to_result(self) -> None:
        self._new_round_for = None
        self.refresh()

    # -- layout and language ---------------------------------------------------------------
    def resizeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if self.prompt.isVisible():
            self.prompt.setGeometry(self.rect())
        super().resizeEvent(event)

    def retranslate(self) -> None:
        """Static texts, then everything built from the snapshot again."""
        self.rounds_title.setText(self.tr("Rounds on this clause"))
        self.setup.retranslate()
        self.result.retranslate()
        self.prompt.retranslate()
        self.open_view.counts.retranslate()
        if self.controller.is_open:
            self.refresh()

    # -- keyboard (issue 12): no dozen Tabs to open or close a vote -------------------------
    def _add_keys(self) -> None:
        """Shortcuts for the round's buttons (named in their tooltips); the voter grid and
        the secret prompt see the clicker's keys first (letters find a voter, Esc cancels)."""
        from ui.projection.keys import KEYS_FIRST
        from ui.shortcuts import button_shortcut

        button_shortcut(self.setup.open_button, "Ctrl+Return", "Ctrl+Enter")
        button_shortcut(self.open_view.close_button, "Ctrl+Shift+Return", "Ctrl+Shift+Enter")
        button_shortcut(self.open_view.cancel_button, "Ctrl+Shift+Del")
        self.open_view.grid.setProperty(KEYS_FIRST, True)
        self.prompt.setProperty(KEYS_FIRST, True)
