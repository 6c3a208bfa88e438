"""The texts that would give a tally away while a vote is open (shared by the UI tests)."""

from __future__ import annotations

import re

# "pour : 2", "pour 2", "for: 2", "2 pour", "2 voix pour", "2 votes for"…
TALLY_PATTERNS = (
    re.compile(
        r"\b(pour|contre|abstentions?|accords?|réserves?|objections?|for|against|abstain|"
        r"consents?|reservations?)\s*[:=]?\s*\d",
        re.IGNORECASE,
    ),
    re.compile(
        r"\d+\s*(voix\s*|votes?\s*)?(pour|contre|abstentions?|for|against|abstain)\b",
        re.IGNORECASE,
    ),
)
