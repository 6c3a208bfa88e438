"""`charter-workshop review FILE.charter REVIEWED.docx [--record [--only C4 …]]`.

Read-only by default: it lists the reviewer's changes and comments per article. With
``--record`` (the facilitator asks), each recordable article (``--only`` to choose some)
becomes an amendment proposed by « Relecture juridique » in one operation (one undo);
articles whose wording changed in the workshop since the export are flagged, never
recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from workshop.errors import InvalidInput
from workshop.i18n import get_language, tr
from workshop.review.proposals import LEGAL_REVIEW, proposals
from workshop.review.reader import read_review
from workshop.review.report import report, state_line


def run(
    workshop: str,
    reviewed: str,
    *,
    record: bool = False,
    only: Sequence[str] | None = None,
    echo: Callable[[str], object] = print,
) -> int:
    """List the review; record it when asked. Returns the exit code."""
    from workshop import snapshot
    from workshop.operations.review import record_review
    from workshop.session import Initiator, Session

    review = read_review(Path(reviewed))  # refused in one line before the workshop is opened
    session = Session.open(workshop) if record else Session.open_readonly(workshop)
    try:
        found = proposals(snapshot.load(session.conn, with_audit=False), review)
        wanted = {ref.strip().upper() for ref in only or ()}
        unknown = wanted - {p.reviewed.reference for p in found}
        if unknown:
            raise InvalidInput(
                f"Pas d’article relu avec la référence {', '.join(sorted(unknown))}.",
                f"No reviewed article with the reference {', '.join(sorted(unknown))}.",
            )
        for line in report(review, found):
            echo(line)
        chosen = [
            p for p in found if p.recordable and (not wanted or p.reviewed.reference in wanted)
        ]
        label = LEGAL_REVIEW[get_language()]
        if not record:
            if chosen:
                echo(
                    tr(
                        f"Rien n’est enregistré : --record enregistre {len(chosen)} "
                        f"amendement(s) proposé(s) par « {label} ».",
                        f"Nothing recorded: --record records {len(chosen)} amendment(s) "
                        f'proposed by "{label}".',
                    )
                )
            return 0
        for p in found:
            if wanted and p.reviewed.reference in wanted and not p.recordable:
                echo(tr(f"Non enregistré : {p.reviewed.reference}", f"Not recorded: "
                        f"{p.reviewed.reference}") + f" — {state_line(p)}")  # fmt: skip
        if not chosen:
            echo(tr("Aucun article à enregistrer.", "No article to record."))
            return 0
        changes = record_review(session, [p.reviewed for p in chosen], initiator=Initiator.CLI)
        echo(
            tr(
                f"Enregistré : {changes.summary} (annulable dans la console, Édition ▸ Annuler).",
                f"Recorded: {changes.summary} (can be undone in the console, Edit ▸ Undo).",
            )
        )
        return 0
    finally:
        session.close()
