"""Clause review: choosing clauses from the library, their variant, amendments and order."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from workshop import results
from workshop.clock import now
from workshop.errors import InvalidInput
from workshop.library import Clause, Library
from workshop.matrix import Position, nearest
from workshop.operations._common import exists, next_position, text
from workshop.session import CLAUSES, Changes, Session, inserted_id


def reference_position(conn: sqlite3.Connection) -> Position | None:
    """Where the group aims: the agreed target, else the diagnostic's suggestion, else none."""
    row = conn.execute("SELECT target_support, target_control FROM workshop").fetchone()
    target = Position(row[0], row[1]) if row and None not in (row[0], row[1]) else None
    answers = dict(conn.execute("SELECT criterion, score FROM diagnostic WHERE score IS NOT NULL"))
    return results.reference_position(target, answers)


def _preselect(conn: sqlite3.Connection, clause: Clause) -> str:
    reference = reference_position(conn)
    if reference is None:
        return clause.variants[0].key
    return nearest(reference, [(v.key, Position(v.support, v.control)) for v in clause.variants])


def _library_clause(library: Library, clause_key: str) -> Clause:
    try:
        return library.clause(clause_key)
    except KeyError:
        raise InvalidInput(
            f"Clause inconnue « {clause_key} » dans la bibliothèque.",
            f'Unknown clause "{clause_key}" in the library.',
        ) from None


def _insert_clause(
    conn: sqlite3.Connection, library: Library, clause: Clause, variant_key: str | None
) -> int:
    """Copy a library clause and its variants into the file; refuse one already reviewed."""
    if conn.execute("SELECT 1 FROM clauses WHERE library_key = ?", (clause.key,)).fetchone():
        raise InvalidInput(
            f"La clause « {clause.title} » est déjà dans la revue.",
            f'The clause "{clause.title}" is already in the review.',
        )
    chosen = variant_key or _preselect(conn, clause)
    cur = conn.execute(
        "INSERT INTO clauses (library_key, theme_key, theme_title, title, position,"
        " variant_key, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            clause.key,
            clause.theme,
            library.theme(clause.theme).title,
            clause.title,
            next_position(conn, "clauses"),
            chosen,
            next(v.text for v in clause.variants if v.key == chosen),
        ),
    )
    clause_id = inserted_id(cur)
    for position, v in enumerate(clause.variants, start=1):
        conn.execute(
            "INSERT INTO variants (clause_id, key, position, lean, label, support, control,"
            " text, rationale, legal_basis, justification, flags)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                clause_id,
                v.key,
                position,
                str(v.lean),
                v.label,
                v.support,
                v.control,
                v.text,
                v.rationale,
                json.dumps(list(v.legal_basis), ensure_ascii=False),
                v.justification,
                json.dumps(sorted(v.flags)),
            ),
        )
    return clause_id


def add_clause(
    session: Session, library: Library, clause_key: str, variant_key: str | None = None
) -> Changes:
    """Add a library clause to the review, with the variant nearest the target pre-selected.

    The clause and all its variants are copied into the workshop file, so that the file
    stays complete if the library changes or is not at hand.
    """
    clause = _library_clause(library, clause_key)
    if variant_key is not None and variant_key not in {v.key for v in clause.variants}:
        raise InvalidInput(
            f"Variante inconnue « {variant_key} » pour « {clause.title} ».",
            f'Unknown variant "{variant_key}" for "{clause.title}".',
        )
    return session.run(
        "add_clause",
        session.tr(f"Clause ajoutée : {clause.title}", f"Clause added: {clause.title}"),
        {CLAUSES},
        lambda conn: _insert_clause(conn, library, clause, variant_key),
    )


def add_clauses(session: Session, library: Library, clause_keys: Sequence[str]) -> Changes:
    """Add several library clauses at once, in the order given: one change, one undo.

    All or nothing: an unknown key or a clause already in the review refuses the whole
    selection, naming it. Returns the new clause ids in order.
    """
    if isinstance(clause_keys, str) or not all(isinstance(k, str) for k in clause_keys):
        raise InvalidInput("Clés de clauses invalides.", "Invalid clause keys.")
    keys = list(dict.fromkeys(clause_keys))  # a key picked twice is added once
    if not keys:
        raise InvalidInput("Aucune clause choisie.", "No clause chosen.")
    chosen = [_library_clause(library, key) for key in keys]
    if len(chosen) == 1:
        title = chosen[0].title
        summary = session.tr(f"Clause ajoutée : {title}", f"Clause added: {title}")
    else:
        n = len(chosen)
        summary = session.tr(f"{n} clauses ajoutées", f"{n} clauses added")
    return session.run(
        "add_clauses",
        summary,
        {CLAUSES},
        lambda conn: [_insert_clause(conn, library, clause, None) for clause in chosen],
    )


def _title(conn: sqlite3.Connection, clause_id: int) -> str:
    row = conn.execute("SELECT title FROM clauses WHERE id = ?", (clause_id,)).fetchone()
    return row[0] if row else f"#{clause_id}"


def _renumber(conn: sqlite3.Connection, ordered_ids: list[int]) -> None:
    for position, cid in enumerate(ordered_ids, start=1):
        conn.execute(
            "UPDATE clauses SET position = ? WHERE id = ? AND position IS NOT ?",
            (position, cid, position),
        )


def _ordered(conn: sqlite3.Connection) -> list[int]:
    return [r[0] for r in conn.execute("SELECT id FROM clauses ORDER BY position, id")]


def remove_clause(session: Session, clause_id: int) -> Changes:
    """Take a clause out of the review (with its amendments and ballots)."""
    title = _title(session.conn, clause_id)

    def fn(conn: sqlite3.Connection) -> None:
        exists(conn, "clauses", clause_id, "Clause", "Clause")
        if conn.execute(
            "SELECT 1 FROM ballots WHERE clause_id = ? AND state = 'open'", (clause_id,)
        ).fetchone():
            raise InvalidInput(
                "Un vote est en cours sur cette clause : clôturez-le ou annulez-le d’abord.",
                "A vote is open on this clause: close or cancel it first.",
            )
        conn.execute("DELETE FROM clauses WHERE id = ?", (clause_id,))
        _renumber(conn, _ordered(conn))

    return session.run(
        "remove_clause",
        session.tr(f"Clause retirée : {title}", f"Clause removed: {title}"),
        {CLAUSES},
        fn,
    )


def move_clause(session: Session, clause_id: int, new_index: int) -> Changes:
    """Move a clause to a place in the order (0 = first; beyond the end = last)."""
    title = _title(session.conn, clause_id)

    def fn(conn: sqlite3.Connection) -> None:
        exists(conn, "clauses", clause_id, "Clause", "Clause")
        order = [c for c in _ordered(conn) if c != clause_id]
        index = max(0, min(int(new_index), len(order)))
        order.insert(index, clause_id)
        _renumber(conn, order)

    return session.run(
        "move_clause",
        session.tr(f"Clause déplacée : {title}", f"Clause moved: {title}"),
        {CLAUSES},
        fn,
    )


def _no_open_ballot(conn: sqlite3.Connection, clause_id: int) -> None:
    if conn.execute(
        "SELECT 1 FROM ballots WHERE clause_id = ? AND state = 'open'", (clause_id,)
    ).fetchone():
        raise InvalidInput(
            "Le texte ne peut pas changer pendant un vote : clôturez-le d’abord.",
            "The wording cannot change during a vote: close it first.",
        )


def choose_variant(session: Session, clause_id: int, variant_key: str) -> Changes:
    """Switch to another variant; the clause's wording becomes that variant's text."""
    title = _title(session.conn, clause_id)

    def fn(conn: sqlite3.Connection) -> None:
        exists(conn, "clauses", clause_id, "Clause", "Clause")
        _no_open_ballot(conn, clause_id)
        row = conn.execute(
            "SELECT text FROM variants WHERE clause_id = ? AND key = ?", (clause_id, variant_key)
        ).fetchone()
        if row is None:
            raise InvalidInput(
                f"Variante inconnue « {variant_key} ».", f'Unknown variant "{variant_key}".'
            )
        conn.execute(
            "UPDATE clauses SET variant_key = ?, text = ? WHERE id = ?",
            (variant_key, row[0], clause_id),
        )

    return session.run(
        "choose_variant",
        session.tr(f"Variante « {variant_key} » : {title}", f'Variant "{variant_key}": {title}'),
        {CLAUSES},
        fn,
    )


def amend(
    session: Session,
    clause_id: int,
    new_text: str,
    *,
    college_id: int | None = None,
    reason: str = "",
) -> Changes:
    """Record an amendment: the new wording, who proposed it and why (history is kept)."""
    new_text = text(new_text, "Nouveau texte", "New wording")
    reason = text(reason, "Motif", "Reason", required=False)
    title = _title(session.conn, clause_id)

    def fn(conn: sqlite3.Connection) -> int:
        return record_amendment(conn, clause_id, new_text, college_id, reason)

    return session.run(
        "amend", session.tr(f"Amendement : {title}", f"Amendment: {title}"), {CLAUSES}, fn
    )


def record_amendment(
    conn: sqlite3.Connection, clause_id: int, new_text: str, college_id: int | None, reason: str
) -> int:
    """The amendment's row and the clause's new wording, inside an operation's transaction
    (``amend``, or the import of a legal review); refuses an unchanged wording."""
    exists(conn, "clauses", clause_id, "Clause", "Clause")
    _no_open_ballot(conn, clause_id)
    if college_id is not None:
        exists(conn, "colleges", college_id, "Collège", "College")
    before = conn.execute("SELECT text FROM clauses WHERE id = ?", (clause_id,)).fetchone()[0]
    if before == new_text:
        raise InvalidInput(
            "L’amendement ne change pas le texte.", "The amendment does not change the wording."
        )
    cur = conn.execute(
        "INSERT INTO amendments (clause_id, before, after, college_id, reason, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (clause_id, before, new_text, college_id, reason, now()),
    )
    conn.execute("UPDATE clauses SET text = ? WHERE id = ?", (new_text, clause_id))
    return inserted_id(cur)


def set_clause_note(session: Session, clause_id: int, note: str) -> Changes:
    """The facilitator's note on a clause (why it was postponed, what remains to settle)."""
    note = text(note, "Note", "Note", required=False)
    title = _title(session.conn, clause_id)

    def fn(conn: sqlite3.Connection) -> None:
        exists(conn, "clauses", clause_id, "Clause", "Clause")
        conn.execute("UPDATE clauses SET note = ? WHERE id = ?", (note, clause_id))

    return session.run(
        "clause_note", session.tr(f"Note : {title}", f"Note: {title}"), {CLAUSES}, fn
    )
