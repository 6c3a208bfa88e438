"""Where an article comes from, as the lawyer reads it in a comment: library clause, variant
and text version, the legal bases the library cites, the amendments, the adopting vote."""

from __future__ import annotations

import hashlib
from collections.abc import Hashable

from workshop.errors import WorkshopError
from workshop.exports.charter.builder import Charter, format_date
from workshop.exports.common import clean
from workshop.model import label
from workshop.references import reference
from workshop.results import round_result
from workshop.review.proposer import LEGAL_REVIEW, is_legal_review
from workshop.snapshot import Clause
from workshop.textfmt import clock


def text_version(text: str) -> str:
    """A short fingerprint of the library text the workshop started from (« 3F9A-2C1B »):
    the library itself only has a format version, and this one changes with the words."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest().upper()
    return f"{digest[:4]}-{digest[4:8]}"


def amendment_author(charter: Charter, college_id: int | None, reason: str = "") -> str:
    """« Atelier — Représentants du personnel », « Atelier — Relecture juridique » for an
    amendment read back from a review, or « Atelier » when no college is known."""
    college = charter.snap.college(college_id)
    if is_legal_review(college_id, reason):
        return charter.t["author"].format(college=LEGAL_REVIEW[charter.lang])
    if college is None:
        return charter.t["workshop_author"]
    return charter.t["author"].format(college=clean(college.name))


def provenance(charter: Charter, clause: Clause, tracked: bool) -> list[str]:
    """The provenance comment's paragraphs."""
    t, lang = charter.t, charter.lang
    lines = [t["provenance_head"].format(ref=reference(clause))]
    variant = clause.variant
    if variant is not None:
        lines.append(
            t["provenance_library"].format(
                key=clean(clause.library_key),
                variant=clean(variant.key),
                label=clean(variant.label),
                lean=label(variant.lean, lang),
                version=text_version(variant.text),
            )
        )
        bases = [charter.typo(clean(b)) for b in variant.legal_basis if b.strip()]
        separator = " ; " if lang == "fr" else "; "
        lines.append(
            t["provenance_bases"].format(bases=separator.join(bases))
            if bases
            else t["provenance_no_basis"]
        )
    if clause.amendments:
        for amendment in clause.amendments:
            who = amendment_author(charter, amendment.college_id, amendment.reason)
            reason = clean(amendment.reason).strip()
            lines.append(
                t["provenance_amendment"].format(
                    who=who,
                    date=format_date(amendment.created_at, lang),
                    time=clock(amendment.created_at, lang),
                    reason=t["provenance_reason"].format(text=reason) if reason else "",
                )
            )
        lines.append(t["provenance_tracked"] if tracked else t["provenance_clean"])
    else:
        lines.append(t["provenance_unamended"])
    deciding = clause.last_closed
    if deciding is not None:
        try:
            result = round_result(deciding, [c.id for c in charter.snap.colleges])
            names: dict[Hashable, str] = {c.id: clean(c.name) for c in charter.snap.colleges}
            sentence = result.sentence(lang, names)
            rules = ", ".join(result.rules(lang))
        except (WorkshopError, ValueError):  # a round this release cannot read: say what is known
            sentence, rules = label(clause.status, lang) if clause.status else "—", "—"
        lines.append(
            t["provenance_vote"].format(
                round=deciding.round,
                date=format_date(deciding.closed_at, lang),
                time=clock(deciding.closed_at, lang),
                rules=rules,
                result=sentence,
            )
        )
    return lines
