"""Who proposes an amendment read back from a lawyer's review: one name, one rule.

The amendment has no college (« Relecture juridique » is none); its reason starts with the
label, which is how the next draft charter signs its tracked changes « Atelier —
Relecture juridique » (ours, so the next review does not take them for the lawyer's).
"""

from __future__ import annotations

LEGAL_REVIEW = {"fr": "Relecture juridique", "en": "Legal review"}


def is_legal_review(college_id: int | None, reason: str) -> bool:
    """Whether a recorded amendment came from a review (no college, the label first)."""
    text = reason.lstrip()
    return college_id is None and any(text.startswith(label) for label in LEGAL_REVIEW.values())
