"""Recording a lawyer's review: each chosen article's reviewed wording as an amendment.

Only when the facilitator asks (``charter-workshop review --record``, or the articles ticked
in File ▸ Import a review): one transaction, one audit event, one undo for the lot. Each
amendment is proposed by « Relecture juridique » (no college: see ``review.proposals``) and
its reason names the reviewer and carries their comments. All or nothing: an article whose
wording changed in the workshop since the export that was reviewed, or that is no longer
adopted, refuses the whole lot, naming it, so nothing is overwritten blindly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from workshop.errors import InvalidInput
from workshop.operations._common import text
from workshop.operations.clauses import record_amendment
from workshop.read_model import Clause
from workshop.review.proposals import State, reason, state_of
from workshop.review.reader import ReviewedClause
from workshop.session import CLAUSES, Changes, Initiator, Session
from workshop.snapshot import load


def record_review(
    session: Session,
    reviewed: Sequence[ReviewedClause],
    *,
    initiator: Initiator = Initiator.IMPORT,
) -> Changes:
    """Record each reviewed article's wording (every change accepted) as an amendment.

    Returns the new amendments' ids, in the order given.
    """
    chosen = list({r.clause_id: r for r in reviewed}.values())  # an article chosen twice: once
    if not chosen or not all(isinstance(r, ReviewedClause) for r in chosen):
        raise InvalidInput("Aucun article choisi.", "No article chosen.")
    lang = session.lang
    texts = [text(r.after, "Texte relu", "Reviewed wording") for r in chosen]
    reasons = [text(reason(r, lang), "Motif", "Reason", required=False) for r in chosen]

    def fn(conn: sqlite3.Connection) -> list[int]:
        clauses = {c.id: c for c in load(conn, with_audit=False).clauses}
        ids = []
        for item, new_text, why in zip(chosen, texts, reasons, strict=True):
            _refuse_unless_recordable(item, clauses.get(item.clause_id))
            ids.append(record_amendment(conn, item.clause_id, new_text, None, why))
        return ids

    n = len(chosen)
    refs = ", ".join(r.reference for r in chosen[:6]) + (" …" if n > 6 else "")
    summary = session.tr(
        f"Relecture juridique : {n} amendement{'s' if n > 1 else ''} ({refs})",
        f"Legal review: {n} amendment{'s' if n > 1 else ''} ({refs})",
    )
    return session.run("legal_review", summary, {CLAUSES}, fn, initiator=initiator)


def _refuse_unless_recordable(item: ReviewedClause, clause: Clause | None) -> None:
    state = state_of(item, clause)
    ref = item.reference
    if state is State.UNKNOWN:
        raise InvalidInput(
            f"{ref} : aucune clause de cet atelier ne porte cette référence.",
            f"{ref}: no clause of this workshop has this reference.",
        )
    if state is State.STALE:
        raise InvalidInput(
            f"{ref} : le texte a changé dans l’atelier depuis l’export relu ; "
            "rien n’a été enregistré.",
            f"{ref}: the wording changed in the workshop since the reviewed export; "
            "nothing was recorded.",
        )
    if state is State.RECORDED:
        raise InvalidInput(
            f"{ref} : déjà enregistré (le texte de l’atelier est le texte relu).",
            f"{ref}: already recorded (the workshop's wording is the reviewed one).",
        )
    if state is State.NOT_ADOPTED:
        raise InvalidInput(
            f"{ref} : la clause n’est plus adoptée ; rien n’a été enregistré.",
            f"{ref}: the clause is no longer adopted; nothing was recorded.",
        )
    if state is State.NO_WORDING:
        raise InvalidInput(
            f"{ref} : la relecture ne change pas le texte de l’article.",
            f"{ref}: the review does not change the article's wording.",
        )
