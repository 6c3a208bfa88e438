"""The sizes the app accepts, in one place: when typing, when opening a file, when importing.

A file or bundle from elsewhere is hostile until checked, and a value the app would not let
a facilitator type must not get in through a file either: the same numbers bound the
operations (``workshop.operations._common``), the roster import (``workshop.roster``), the
check of a file's content (``workshop.validate``) and the bundle (``workshop.bundle`` and
``resources/bundle.schema.json``, kept equal by a test).

Counts are generous: a real workshop day has tens of participants and clauses, and the
benchmark's extra-large workshop (500 participants, 300 clauses, 5 rounds, half a million
events) stays well inside them. The counts an operation can grow one by one (colleges,
participants, clauses, actions) are enforced when adding; the others (rounds, amendments,
remarks, events) cannot be reached in a day and are bounds on files only.
"""

from __future__ import annotations

#: Characters in any text typed or stored (a name, a title, a clause, a remark...).
MAX_TEXT = 100_000
#: Characters in a name read from a roster file: a longer "name" is a pasted paragraph.
MAX_ROSTER_NAME = 200
#: Characters in a function or college read from a roster file.
MAX_ROSTER_FIELD = 500
#: Bytes of a roster file: a participant list is small.
MAX_ROSTER_BYTES = 2_000_000

#: Rows per table of a workshop (file and bundle).
MAX_COLLEGES = 100
MAX_PARTICIPANTS = 5_000
MAX_CLAUSES = 2_000
MAX_VARIANTS_PER_CLAUSE = 50
MAX_ROUNDS_PER_CLAUSE = 100
MAX_AMENDMENTS = 100_000
MAX_REMARKS = 1_000_000
MAX_ACTIONS = 2_000
MAX_AUDIT_EVENTS = 10_000_000
#: A clause's legal bases and flags (JSON lists in the file).
MAX_LIST_ITEMS = 100

#: Bytes of a JSON bundle read by ``import`` (the benchmark's XL workshop is under half).
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
#: Nesting of a bundle's JSON values (a bundle is six levels deep).
MAX_BUNDLE_DEPTH = 16

#: The tables whose rows an operation adds one by one, with their bound (see next_position).
TABLE_LIMITS: dict[str, int] = {
    "colleges": MAX_COLLEGES,
    "participants": MAX_PARTICIPANTS,
    "clauses": MAX_CLAUSES,
    "actions": MAX_ACTIONS,
    "amendments": MAX_AMENDMENTS,
    "remarks": MAX_REMARKS,
    "audit": MAX_AUDIT_EVENTS,
}
