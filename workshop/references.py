"""One stable reference per clause, and the charter's article numbers, used everywhere.

The minutes, the draft charter, the votes CSV and the lawyer's review all name a clause by
its reference « C7 »: built from the clause's row id, it never changes when clauses are
reordered, rejected or added, unlike a position or an article number. The charter numbers
only the adopted clauses (« article 3 »); ``article_numbers`` is the one rule for that
number, so the minutes and the CSV can print it beside the reference.
"""

from __future__ import annotations

import re

from workshop.read_model import Clause, Snapshot

_REFERENCE = re.compile(r"C([1-9][0-9]{0,8})")


def reference(clause: Clause) -> str:
    """« C7 »: the clause's stable reference."""
    return f"C{clause.id}"


def parse_reference(text: str) -> int | None:
    """The clause id of a reference read back from elsewhere (« C7 » → 7), or None.

    Text from a reviewed document is untrusted: only the exact shape is accepted.
    """
    match = _REFERENCE.fullmatch(text.strip())
    return int(match.group(1)) if match else None


def article_numbers(snap: Snapshot) -> dict[int, int]:
    """Clause id → article number in the draft charter (adopted clauses, agenda order)."""
    adopted = [c for c in snap.clauses if c.adopted]
    return {clause.id: number for number, clause in enumerate(adopted, start=1)}
