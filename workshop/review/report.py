"""A review as lines to read: per article, a short « − supprimé / + inséré » diff of the
wording, a changed title, formatting changes and each comment; then what lies outside the
articles. The command line prints them; the console shows the same lines per article.
Texts follow the user's language (``workshop.i18n``), never the workshop's.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from workshop.exports.charter.revisions import tokens
from workshop.i18n import get_language, tr
from workshop.review.blocks import FORMATTING, MOVED_FROM, MOVED_TO
from workshop.review.comments import Comment
from workshop.review.proposals import LEGAL_REVIEW, Proposal, State
from workshop.review.reader import OutsideItem, Review, ReviewedClause
from workshop.textfmt import long_date

#: Quoted text is cut after this many characters (the whole text is in the document).
SHORT = 160


def short(text: str, limit: int = SHORT) -> str:
    """One line: paragraph breaks as « ¶ », cut with « … »."""
    line = " ¶ ".join(part.strip() for part in text.split("\n") if part.strip())
    line = " ".join(line.split(" "))
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def quoted(text: str) -> str:
    return tr(f"« {short(text)} »", f"“{short(text)}”")


def _slid(seq: list[str], start: int, end: int, limit: int) -> tuple[int, int]:
    """A pure insertion or deletion moved right while it reads the same and starts on a
    word or punctuation (« . Elle vise … échange » → « Elle vise … échange. »)."""
    while end < limit and seq[start] == seq[end] and not seq[start].isspace():
        start, end = start + 1, end + 1
    return start, end


def hunks(before: str, after: str) -> list[tuple[str, str]]:
    """(deleted, inserted) words of each change from ``before`` to ``after``, word by
    word; changes a single space apart are one."""
    old, new = tokens(before), tokens(after)
    codes = [c for c in SequenceMatcher(None, old, new, autojunk=False).get_opcodes()]
    changes = [c for c in codes if c[0] != "equal"]
    spans: list[tuple[int, int, int, int]] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(changes):
        following = changes[n + 1] if n + 1 < len(changes) else None
        if tag == "delete":
            i1, i2 = _slid(old, i1, i2, following[1] if following else len(old))
        elif tag == "insert":
            j1, j2 = _slid(new, j1, j2, following[3] if following else len(new))
        spans.append((i1, i2, j1, j2))
    out: list[list[str]] = []
    previous: tuple[int, int] | None = None
    for i1, i2, j1, j2 in spans:
        deleted, inserted = "".join(old[i1:i2]), "".join(new[j1:j2])
        if previous is not None and i1 - previous[0] == 1 and old[previous[0]].isspace():
            gap = old[previous[0]]
            out[-1][0] += gap + deleted
            out[-1][1] += gap + inserted
        else:
            out.append([deleted, inserted])
        previous = (i2, j2)
    return [(d.strip(), i.strip()) for d, i in out if d.strip() or i.strip()]


def _when(value: str) -> str:
    return long_date(value, get_language()) if value else ""


def comment_line(comment: Comment, on: str = "") -> str:
    who = comment.author or tr("(sans nom)", "(no name)")
    when = _when(comment.date)
    head = tr(f"commentaire de {who}", f"comment by {who}")
    if when:
        head += f" ({when})"
    if comment.reply_to:
        head += tr(f", en réponse à {comment.reply_to}", f", in reply to {comment.reply_to}")
    if comment.done:
        head += tr(", résolu", ", resolved")
    if on:
        head += tr(f" sur {quoted(on)}", f" on {quoted(on)}")
    return head + tr(f" : {quoted(comment.text)}", f": {quoted(comment.text)}")


def clause_lines(reviewed: ReviewedClause) -> list[str]:
    """What the reviewer did to one article."""
    lines = []
    authors = ", ".join(reviewed.authors)
    if authors:
        lines.append(tr(f"par {authors}", f"by {authors}"))
    if reviewed.title_changed:
        lines.append(
            tr(
                f"titre : {quoted(reviewed.title_before)} → {quoted(reviewed.title_after)}",
                f"title: {quoted(reviewed.title_before)} → {quoted(reviewed.title_after)}",
            )
        )
    moved = any(r.kind in (MOVED_FROM, MOVED_TO) for r in reviewed.revisions)
    for deleted, inserted in hunks(reviewed.before, reviewed.after):
        if deleted:
            lines.append(tr(f"− supprimé : {quoted(deleted)}", f"− deleted: {quoted(deleted)}"))
        if inserted:
            lines.append(tr(f"+ inséré : {quoted(inserted)}", f"+ inserted: {quoted(inserted)}"))
    if moved:
        lines.append(tr("(dont des passages déplacés)", "(some passages moved)"))
    formatting = [r for r in reviewed.revisions if r.kind == FORMATTING]
    if formatting:
        n = len(formatting)
        lines.append(
            tr(
                f"~ mise en forme modifiée ({n} fois), sans effet sur le texte",
                f"~ formatting changed ({n} times), the wording unaffected",
            )
        )
    lines.extend(comment_line(c) for c in reviewed.comments)
    return lines


def state_line(proposal: Proposal) -> str:
    label = LEGAL_REVIEW[get_language()]
    return {
        State.RECORDABLE: tr(
            f"→ peut être enregistré comme amendement proposé par « {label} »",
            f"→ can be recorded as an amendment proposed by “{label}”",
        ),
        State.RECORDED: tr(
            "(déjà enregistré : le texte de l’atelier est le texte relu)",
            "(already recorded: the workshop's wording is the reviewed one)",
        ),
        State.STALE: tr(
            "⚠ le texte a changé dans l’atelier depuis cet export : non enregistrable, "
            "à reprendre à la main",
            "⚠ the wording changed in the workshop since this export: not recordable, "
            "to be taken over by hand",
        ),
        State.UNKNOWN: tr(
            "⚠ aucune clause de cet atelier ne porte cette référence",
            "⚠ no clause of this workshop has this reference",
        ),
        State.NOT_ADOPTED: tr(
            "⚠ la clause n’est plus adoptée : non enregistrable",
            "⚠ the clause is no longer adopted: not recordable",
        ),
        State.NO_WORDING: tr(
            "(texte inchangé : rien à enregistrer)", "(wording unchanged: nothing to record)"
        ),
    }[proposal.state]


def heading(proposal: Proposal) -> str:
    ref = proposal.reviewed.reference
    if proposal.number is None:
        return f"{ref} — {proposal.title}"
    return tr(
        f"{ref} · article {proposal.number} — {proposal.title}",
        f"{ref} · article {proposal.number} — {proposal.title}",
    )


def outside_line(item: OutsideItem) -> str:
    if item.comment is not None:
        return comment_line(item.comment, item.context)
    revision = item.revision
    assert revision is not None
    words = {
        "inserted": tr("+ inséré", "+ inserted"),
        "deleted": tr("− supprimé", "− deleted"),
        MOVED_TO: tr("+ déplacé ici", "+ moved here"),
        MOVED_FROM: tr("− déplacé", "− moved away"),
        FORMATTING: tr("~ mise en forme", "~ formatting"),
    }[revision.kind]
    what = quoted(revision.text) if revision.text.strip() else "¶"
    by = tr(f"par {revision.author}", f"by {revision.author}")
    return tr(
        f"{words} {what} {by}, dans {quoted(item.context)}",
        f"{words} {what} {by}, in {quoted(item.context)}",
    )


def report(review: Review, found: list[Proposal]) -> list[str]:
    """Every line the command prints for a review, before anything is recorded."""
    n, m = len(found), len(review.outside)
    lines = [
        tr(
            f"Relecture « {review.name} » : {n} article{'s' if n > 1 else ''}, "
            f"{m} remarque{'s' if m > 1 else ''} hors article.",
            f'Review "{review.name}": {n} article{"s" if n != 1 else ""}, '
            f"{m} item{'s' if m != 1 else ''} outside articles.",
        )
    ]
    if not review.bookmarks and found:
        lines.append(
            tr(
                "(signets des articles absents : articles reconnus à leur référence visible)",
                "(article bookmarks missing: articles found by their visible reference)",
            )
        )
    for proposal in found:
        lines.append(heading(proposal))
        lines.extend("  " + line for line in clause_lines(proposal.reviewed))
        lines.append("  " + state_line(proposal))
    if review.outside:
        lines.append(tr("Hors article", "Outside articles"))
        lines.extend("  " + outside_line(item) for item in review.outside)
    return lines
