"""The console's phone server: started, stopped and fed from the GUI thread (issue 15).

``PhoneService`` holds the Qt-free ``PhoneServer`` (workshop/remote/), its owner
(``GuiOwner``: every request's work runs in the GUI thread, through the controller), the
laptop's keep-awake while a vote is open, and the personal links issued in this sitting
(in memory only, so their QR codes can be shown again; after a restart a link is reissued).

A phone's vote is committed inside its job; its ``Changes`` (initiator PHONE) are handed
to the controller right after the job, so the phone's acknowledgement does not wait for
the views, and every view refreshes exactly as for a vote typed on the console. Every
console change tells the server, so phones pick it up at their next poll.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from ui import dialogs
from ui.controller import WorkshopController
from ui.phones.owner import GuiOwner
from workshop.errors import WorkshopError
from workshop.operations import phones
from workshop.remote import KeepAwake, LanAddress, NetworkError, PhoneServer, lan_addresses
from workshop.session import Changes, coalesced

#: The port tried first: a printed card's address stays right from one day to the next.
DEFAULT_PORT = 8765
#: How often the console re-counts the connected phones (milliseconds).
COUNT_INTERVAL_MS = 2000


def cards_available() -> bool:
    """Whether this build has the card sheets, without importing them (nor reportlab)."""
    return importlib.util.find_spec("workshop.remote.cards") is not None


def cards_module() -> Any | None:
    """The printable card sheets (workshop/remote/cards.py), when this build has them."""
    if importlib.util.find_spec("workshop.remote.cards") is None:
        return None
    from workshop.remote import cards

    return cards


def code_progress(controller: WorkshopController, ballot_id: int) -> tuple[int, int]:
    """(codes that have voted, codes issued) in an open round by codes: safe to show."""
    return controller.code_progress(ballot_id)


class PhoneService(QObject):
    """Start/stop the phone server on a chosen LAN address; links, codes and card sheets."""

    changed = Signal()  # running, address, links or codes changed
    phones_changed = Signal(int)  # the count of connected phones

    def __init__(self, controller: WorkshopController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.owner = GuiOwner(controller.run_remote, parent=self)
        self.server: PhoneServer | None = None
        self.awake = KeepAwake()
        self.tokens: dict[int, str] = {}  # participant -> token issued in this sitting
        self.phones = 0
        self.list_addresses: Callable[[], list[LanAddress]] = lan_addresses
        self._pending: list[Changes] = []
        self._counter = QTimer(self)
        self._counter.setInterval(COUNT_INTERVAL_MS)
        self._counter.timeout.connect(self._count)
        controller.changed.connect(self._console_changed)
        controller.closed.connect(self._workshop_closed)

    # -- the server ----------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    @property
    def base_url(self) -> str:
        """The join address (the room's QR code), or "" while stopped."""
        return self.server.base_url if self.running else ""

    def join_url(self, token: str) -> str:
        return self.server.join_url(token) if self.running else ""

    def addresses(self) -> list[LanAddress]:
        """The LAN addresses phones can reach, best first (never 0.0.0.0)."""
        try:
            return self.list_addresses()
        except OSError:
            return []

    def start(self, host: str, port: int = DEFAULT_PORT) -> bool:
        """Serve the open workshop's phones on ``host``; on refusal say why (one line)."""
        if not self.controller.is_open:
            return False
        if self.controller.read_only:
            dialogs.show_error(
                self.controller.dialog_parent,
                self.tr("This workshop is open read-only: phones cannot vote in it."),
            )
            return False
        if self.running and self.server.address[0] == host:
            return True
        self.stop()
        self.owner.restart()
        error: NetworkError | None = None
        for attempt in dict.fromkeys((port, 0)):  # the usual port, else any free one
            server = PhoneServer(self.owner, host, attempt, on_changes=self._phone_changes)
            try:
                server.start()
            except NetworkError as exc:
                error = exc
                continue
            self.server = server
            break
        if self.server is None:
            dialogs.show_error(self.controller.dialog_parent, str(error))
            return False
        self._counter.start()
        self._keep_awake()
        self.changed.emit()
        return True

    def stop(self) -> None:
        """Stop serving: phones show « offline » and keep what they were filling in."""
        server, self.server = self.server, None
        self.owner.stop()  # release requests waiting for the GUI thread first
        if server is not None:
            server.stop()
        self._counter.stop()
        self.awake.stop()
        if server is not None:
            self.phones = 0
            self.phones_changed.emit(0)
            self.changed.emit()

    def _workshop_closed(self) -> None:
        self.stop()
        self.tokens.clear()
        self._pending.clear()

    def _count(self) -> None:
        n = self.server.connected_phones() if self.running else 0
        if n != self.phones:
            self.phones = n
            self.phones_changed.emit(n)

    # -- changes in both directions --------------------------------------------------------
    def _phone_changes(self, changes: Changes) -> None:
        """Inside a phone's job (GUI thread): the views hear of it right after the job."""
        self._pending.append(changes)
        if len(self._pending) == 1:
            QTimer.singleShot(0, self._flush)

    def _flush(self) -> None:
        pending, self._pending = self._pending, []
        for changes in coalesced(pending):  # a burst of votes: one refresh
            self.controller.broadcast(changes)

    def _console_changed(self, _changes: Changes) -> None:
        if self.server is not None:
            self.server.notify_changed()
        self._keep_awake()

    def vote_open(self) -> bool:
        if not self.controller.is_open:
            return False
        return any(b.is_open for c in self.controller.snapshot.clauses for b in c.ballots)

    def _keep_awake(self) -> None:
        """The laptop must not sleep while phones vote (best effort: the vote goes on)."""
        if self.running and self.vote_open():
            if not self.awake.active:
                self.awake.start()
        elif self.awake.active:
            self.awake.stop()

    # -- personal links ------------------------------------------------------------------
    def linked(self) -> set[int]:
        """The participants who hold a link (issued in this sitting or before)."""
        return self.controller.phone_credentials()[0]

    def link_url(self, participant_id: int) -> str:
        """The link issued in this sitting, "" when unknown here (reissue to see it)."""
        token = self.tokens.get(participant_id)
        return self.join_url(token) if token else ""

    def issue_link(self, participant_id: int) -> str:
        """Issue or reissue (the old link stops working) one link; its URL, "" if refused."""
        token = self.controller.run_with_value(phones.issue_link, participant_id)
        if token is None:
            return ""
        self.tokens[participant_id] = token
        self.changed.emit()
        return self.join_url(token)

    def issue_links(self, participant_ids: Sequence[int]) -> dict[int, str]:
        """Links for several participants at once (card sheets); their tokens."""
        tokens = self.controller.run_with_value(phones.issue_links, list(participant_ids))
        if not tokens:
            return {}
        self.tokens.update(tokens)
        self.changed.emit()
        return tokens

    def revoke_link(self, participant_id: int) -> bool:
        if self.controller.run(phones.revoke_link, participant_id) is None:
            return False
        self.tokens.pop(participant_id, None)
        self.changed.emit()
        return True

    # -- drawn codes ---------------------------------------------------------------------
    def code_counts(self) -> dict[int, int]:
        return self.controller.phone_credentials()[1]

    def draw_codes(self, college_id: int, n: int) -> list[str]:
        """A college's new set of ``n`` codes, replacing its earlier ones (the printed sheet
        is then exactly the valid set); [] when refused."""
        if self.code_counts().get(college_id):
            if self.controller.run(phones.revoke_codes, college_id) is None:
                return []
        codes = self.controller.run_with_value(phones.issue_codes, college_id, n)
        self.changed.emit()
        return codes or []

    def withdraw_codes(self, college_id: int) -> bool:
        done = self.controller.run(phones.revoke_codes, college_id) is not None
        self.changed.emit()
        return done

    # -- card sheets (workshop/remote/cards.py) ------------------------------------------
    def write_link_cards(self, path: str | Path, participant_ids: Sequence[int]) -> Path | None:
        """Reissue the links of ``participant_ids`` and write their card sheet (PDF)."""
        cards = cards_module()
        if cards is None or not self.running:
            return None
        tokens = self.issue_links(participant_ids)
        if not tokens:
            return None
        snap = self.controller.snapshot
        sheet = cards.link_cards(snap.participants, tokens, self.server.join_url)
        return self._written(
            lambda: cards.write_link_cards(
                path, sheet, title=snap.workshop.title, lang=snap.workshop.lang
            )
        )

    def write_code_cards(self, path: str | Path, codes: Mapping[str, Sequence[str]]) -> Path | None:
        """The drawn-code sheet of the codes just drawn (college name -> codes)."""
        cards = cards_module()
        if cards is None or not self.running:
            return None
        snap = self.controller.snapshot
        return self._written(
            lambda: cards.write_code_cards(
                path, codes, base_url=self.base_url, title=snap.workshop.title,
                lang=snap.workshop.lang,
            )
        )  # fmt: skip

    def _written(self, write: Callable[[], Path]) -> Path | None:
        try:
            return write()
        except (WorkshopError, OSError) as error:
            dialogs.show_error(self.controller.dialog_parent, str(error))
            return None
