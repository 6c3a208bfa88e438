"""A read review set against the workshop as it is now: what could become an amendment.

An article the reviewer changed can be recorded as an amendment proposed by « Relecture
juridique » / "Legal review" (``operations.review``), only when the facilitator asks, and
only if its wording in the workshop is still the one the reviewer saw: the document's
original view (the reviewer's changes rejected) must be today's wording as the charter
prints it. Otherwise the clause changed in the workshop since that export, and recording
the reviewed text would silently undo that change: it is flagged instead. An amendment
records wording only: a changed title, a formatting change or a comment is listed, never
recorded.

« Relecture juridique » is no college: the amendment is stored without a proposing college
(the model allows it, as for an amendment whose college was later removed) and its reason
says who reviewed it, so nothing in the roster, the double majority or the matrix changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from workshop.exports.charter.builder import text_lines
from workshop.exports.charter.revisions import normalised
from workshop.read_model import Clause, Snapshot
from workshop.references import article_numbers
from workshop.review.proposer import LEGAL_REVIEW
from workshop.review.reader import Review, ReviewedClause

#: The reason stored with such an amendment (comments included) stays short.
MAX_REASON = 2_000


class State(StrEnum):
    """What can be done with a reviewed article."""

    RECORDABLE = "recordable"  # its wording changed, and the workshop's is the one reviewed
    RECORDED = "recorded"  # the workshop's wording is already the reviewed one
    STALE = "stale"  # the clause changed in the workshop since that export
    UNKNOWN = "unknown"  # no such clause in this workshop (removed, or another workshop's)
    NOT_ADOPTED = "not_adopted"  # the clause is no longer adopted (a later round)
    NO_WORDING = "no_wording"  # only comments, a title or formatting: nothing to record


@dataclass(frozen=True)
class Proposal:
    """A reviewed article and what the workshop knows of it now."""

    reviewed: ReviewedClause
    state: State
    title: str  # the clause's title in the workshop (the document's if unknown)
    number: int | None  # its article number in a charter exported now

    @property
    def recordable(self) -> bool:
        return self.state is State.RECORDABLE


def wording(text: str) -> str:
    """A clause's wording as the charter prints it (one line per paragraph): what the
    reviewed document's views are compared with."""
    return normalised(text, text_lines)


def state_of(reviewed: ReviewedClause, clause: Clause | None) -> State:
    """The one rule for whether a reviewed article can be recorded (see the docstring)."""
    if clause is None:
        return State.UNKNOWN
    if not reviewed.text_changed or not reviewed.after.strip():
        return State.NO_WORDING
    current = wording(clause.text)
    if current == reviewed.after:
        return State.RECORDED
    if current != reviewed.before:
        return State.STALE
    if not clause.adopted:
        return State.NOT_ADOPTED
    return State.RECORDABLE


def proposals(snap: Snapshot, review: Review) -> list[Proposal]:
    """Each reviewed article, in the document's order, with its state."""
    by_id = {c.id: c for c in snap.clauses}
    numbers = article_numbers(snap)
    found = []
    for reviewed in review.clauses:
        clause = by_id.get(reviewed.clause_id)
        found.append(
            Proposal(
                reviewed,
                state_of(reviewed, clause),
                clause.title if clause else reviewed.title_before,
                numbers.get(reviewed.clause_id),
            )
        )
    return found


def reason(reviewed: ReviewedClause, lang: str) -> str:
    """« Relecture juridique (Maître Dupont) : <their comments> », bounded."""
    label = LEGAL_REVIEW["en" if lang == "en" else "fr"]
    authors = ", ".join(reviewed.authors)
    text = f"{label} ({authors})" if authors else label
    remarks = [" ".join(c.text.split()) for c in reviewed.comments if c.text.strip()]
    if remarks:
        english = lang == "en"
        text += (": " if english else " : ") + ("; " if english else " ; ").join(remarks)
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 1] + "…"
