"""The ballot panel: set up a round, capture the votes without any tally, show the outcome.

Confidentiality by construction (domain.md §4: results visible before the vote closes
anchor the group):

* while a round is open the panel reads only who has voted (an open ballot's snapshot
  carries no choices and no counts) and no widget ever keeps what a voter chose: choice
  buttons are not checkable, voter buttons say only « a voté », typed counts are cleared
  as soon as a college is recorded, and the secret prompt empties itself after each vote;
* result widgets are built from ``results.round_result`` only once the round is closed,
  and emptied whenever the panel shows something else.

Every change goes through ``controller.run``; the panel redraws from the ``changed`` signal
(through its page), so an undo of a vote shows at once.
"""

from ui.pages.ballot.panel import BallotPanel

__all__ = ["BallotPanel"]
