"""Diagnostic answers, matrix positions and the agreed target."""

from __future__ import annotations

import sqlite3

from workshop import diagnostic
from workshop.errors import InvalidInput
from workshop.model import Round, label
from workshop.operations._common import coordinate, enum, exists, text
from workshop.operations.setup import pseudonym_of
from workshop.session import DIAGNOSTIC, POSITIONS, WORKSHOP, Changes, Session
from workshop.textfmt import number

_CRITERIA = {c.key: c for c in diagnostic.CRITERIA}


def _criterion(key: str) -> diagnostic.Criterion:
    if key not in _CRITERIA:
        raise InvalidInput(f"Critère inconnu « {key} ».", f'Unknown criterion "{key}".')
    return _CRITERIA[key]


def set_score(session: Session, criterion: str, score: int | None) -> Changes:
    """Score a diagnostic criterion from 1 to 5 (None clears it)."""
    crit = _criterion(criterion)
    if score is not None and (isinstance(score, bool) or score not in (1, 2, 3, 4, 5)):
        raise InvalidInput(
            f"« {crit.title_fr} » : la note va de 1 à 5 (reçu {score}).",
            f'"{crit.title_en}": the score goes from 1 to 5 (got {score}).',
        )

    def fn(conn: sqlite3.Connection) -> None:
        conn.execute(
            "INSERT INTO diagnostic (criterion, score) VALUES (?, ?)"
            " ON CONFLICT (criterion) DO UPDATE SET score = excluded.score",
            (crit.key, score),
        )

    return session.run(
        "diagnostic_score",
        session.tr(
            f"Diagnostic : {crit.title_fr} = {score}", f"Diagnostic: {crit.title_en} = {score}"
        ),
        {DIAGNOSTIC},
        fn,
    )


def set_note(session: Session, criterion: str, note: str) -> Changes:
    """Record the discussion behind a criterion's score."""
    crit = _criterion(criterion)
    note = text(note, "Note", "Note", required=False)

    def fn(conn: sqlite3.Connection) -> None:
        conn.execute(
            "INSERT INTO diagnostic (criterion, note) VALUES (?, ?)"
            " ON CONFLICT (criterion) DO UPDATE SET note = excluded.note",
            (crit.key, note),
        )

    return session.run(
        "diagnostic_note",
        session.tr(
            f"Diagnostic : note sur {crit.title_fr}", f"Diagnostic: note on {crit.title_en}"
        ),
        {DIAGNOSTIC},
        fn,
    )


def place(
    session: Session, participant_id: int, round: str, support: float, control: float
) -> Changes:
    """Put a participant on the matrix for a round (opening or closing)."""
    rnd = enum(Round, round, "Tour", "Round")
    s = coordinate(support, "Accompagnement", "Support")
    c = coordinate(control, "Contrôle", "Control")

    def fn(conn: sqlite3.Connection) -> None:
        exists(conn, "participants", participant_id, "Participant", "Participant")
        conn.execute(
            "INSERT INTO positions (participant_id, round, support, control) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (participant_id, round) DO UPDATE"
            " SET support = excluded.support, control = excluded.control",
            (participant_id, rnd.value, s, c),
        )

    who = pseudonym_of(session.conn, participant_id)
    name = label(rnd, session.lang)
    return session.run(
        "place",
        session.tr(f"Matrice ({name}) : {who} placé", f"Matrix ({name}): {who} placed"),
        {POSITIONS},
        fn,
    )


def clear_position(session: Session, participant_id: int, round: str) -> Changes:
    """Take a participant off the matrix for a round."""
    rnd = enum(Round, round, "Tour", "Round")

    def fn(conn: sqlite3.Connection) -> None:
        conn.execute(
            "DELETE FROM positions WHERE participant_id = ? AND round = ?",
            (participant_id, rnd.value),
        )

    who = pseudonym_of(session.conn, participant_id)
    name = label(rnd, session.lang)
    return session.run(
        "unplace",
        session.tr(f"Matrice ({name}) : {who} retiré", f"Matrix ({name}): {who} removed"),
        {POSITIONS},
        fn,
    )


def set_target(session: Session, support: float | None, control: float | None) -> Changes:
    """Record the position the group agreed to aim for (None, None clears it)."""
    if support is None and control is None:
        s = c = None
    else:
        s = coordinate(support, "Accompagnement", "Support")
        c = coordinate(control, "Contrôle", "Control")

    def fn(conn: sqlite3.Connection) -> None:
        conn.execute(
            "UPDATE workshop SET target_support = ?, target_control = ? WHERE id = 1", (s, c)
        )

    summary = (
        session.tr(
            f"Cible : accompagnement {number(s, 'fr', 2)}, contrôle {number(c, 'fr', 2)}",
            f"Target: support {number(s, 'en', 2)}, control {number(c, 'en', 2)}",
        )
        if s is not None and c is not None  # both set, or both cleared
        else session.tr("Cible effacée", "Target cleared")
    )
    return session.run("set_target", summary, {WORKSHOP, POSITIONS}, fn)
