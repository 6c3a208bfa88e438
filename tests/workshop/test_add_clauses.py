"""Adding several library clauses at once: one change, one undo, all or nothing."""

from __future__ import annotations

import pytest

from workshop import snapshot
from workshop.errors import InvalidInput
from workshop.library import builtin_library
from workshop.operations import clauses


def keys(session) -> list[str]:
    return [c.library_key for c in snapshot.load(session.conn, with_audit=False).clauses]


def events(session) -> int:
    return session.conn.execute("SELECT count(*) FROM audit").fetchone()[0]


def test_several_clauses_in_one_change_and_one_undo(session):
    library = builtin_library("fr")
    before = events(session)
    changes = clauses.add_clauses(
        session, library, ["ai-use", "scope-platforms", "ai-use", "respect-people"]
    )
    assert keys(session) == ["ai-use", "scope-platforms", "respect-people"]  # given order, once
    assert len(changes.value) == 3
    assert events(session) == before + 1
    assert changes.summary == "3 clauses ajoutées"
    added = snapshot.load(session.conn, with_audit=False).clauses
    assert all(len(c.variants) >= 2 for c in added)  # variants copied as for one clause
    session.undo()
    assert keys(session) == []


def test_one_clause_already_in_the_review_refuses_the_whole_selection(session):
    library = builtin_library("fr")
    clauses.add_clause(session, library, "ai-use")
    before = keys(session), events(session)
    with pytest.raises(InvalidInput, match="déjà dans la revue"):
        clauses.add_clauses(session, library, ["scope-platforms", "ai-use"])
    with pytest.raises(InvalidInput, match="inconnue"):
        clauses.add_clauses(session, library, ["scope-platforms", "no-such-clause"])
    with pytest.raises(InvalidInput):
        clauses.add_clauses(session, library, [])
    with pytest.raises(InvalidInput):
        clauses.add_clauses(session, library, "ai-use")  # a string is not a list of keys
    with pytest.raises(InvalidInput):
        clauses.add_clauses(session, library, [3])
    assert (keys(session), events(session)) == before
