"""An open round by drawn codes (issue 15) on the console: phones only, no voter card.

Nobody's card ever turns in such a round (a code names nobody), so the panel shows how
many of the college's drawn codes have voted, as ``code_progress`` reads it, and the room's
address for the phones; nothing is typed here and no choice is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.controller import WorkshopController
from ui.pages.ballot.open_view import OpenView
from workshop import snapshot as snap


def show_codes_round(view: OpenView, controller: WorkshopController, ballot: snap.Ballot) -> None:
    """Fill the open view for a round by codes: instructions and codes voted / issued."""
    from ui.phones.service import code_progress

    view.counts.reset()
    view.body.setCurrentWidget(view.grid_scroll)
    view.grid.set_voters([], "", "")
    view.set_choices(None, lambda _i: None)
    view.instructions.setText(
        QCoreApplication.translate(
            "CodesRound",
            "Secret ballot by drawn codes: people vote on their phones with the code they drew. Nothing is typed here; only each college's totals are kept.",  # noqa: E501 (one literal for lupdate)
        )
    )
    voted, issued = code_progress(controller, ballot.id)
    view.progress.setText(
        QCoreApplication.translate(
            "CodesRound", "{voted} of {issued} codes have voted\n({n} voters present)"
        ).format(voted=voted, issued=issued, n=len(ballot.voters))
    )
