"""The accompaniment plan: training, guides, ambassadors... without which a charter is dead."""

from __future__ import annotations

import sqlite3

from workshop.errors import InvalidInput
from workshop.model import ActionKind
from workshop.operations._common import enum, exists, iso_date, next_position, text
from workshop.session import ACTIONS, Changes, Session, inserted_id

_FIELDS = {
    "title": ("Intitulé", "Title"),
    "description": ("Description", "Description"),
    "kind": ("Type", "Kind"),
    "audience": ("Public", "Audience"),
    "owner": ("Responsable", "Owner"),
    "due_date": ("Échéance", "Due date"),
}


def _clean(name: str, value: object) -> object:
    fr, en = _FIELDS[name]
    if name == "title":
        return text(value, fr, en)
    if name == "kind":
        return enum(ActionKind, value, fr, en).value
    if name == "due_date":
        return iso_date(value, fr, en)
    return text(value, fr, en, required=False)


def add_action(
    session: Session,
    title: str,
    kind: str = "other",
    *,
    description: str = "",
    audience: str = "",
    owner: str = "",
    due_date: str | None = None,
) -> Changes:
    """Add an action to the plan."""
    values = {
        "title": _clean("title", title),
        "description": _clean("description", description),
        "kind": _clean("kind", kind),
        "audience": _clean("audience", audience),
        "owner": _clean("owner", owner),
        "due_date": _clean("due_date", due_date),
    }

    def fn(conn: sqlite3.Connection) -> int:
        cur = conn.execute(
            "INSERT INTO actions (title, description, kind, audience, owner, due_date, position)"
            " VALUES (:title, :description, :kind, :audience, :owner, :due_date, :position)",
            {**values, "position": next_position(conn, "actions")},
        )
        return inserted_id(cur)

    title_ = values["title"]
    return session.run(
        "add_action",
        session.tr(f"Action ajoutée : {title_}", f"Action added: {title_}"),
        {ACTIONS},
        fn,
    )


def update_action(session: Session, action_id: int, **fields: object) -> Changes:
    """Change an action's fields."""
    unknown = set(fields) - set(_FIELDS)
    if unknown:
        name = sorted(unknown)[0]
        raise InvalidInput(f"Champ inconnu « {name} ».", f'Unknown field "{name}".')
    clean = {name: _clean(name, value) for name, value in fields.items()}

    def fn(conn: sqlite3.Connection) -> None:
        exists(conn, "actions", action_id, "Action", "Action")
        if clean:
            sets = ", ".join(f"{n} = ?" for n in clean)
            conn.execute(f"UPDATE actions SET {sets} WHERE id = ?", (*clean.values(), action_id))

    return session.run(
        "update_action", session.tr("Action modifiée", "Action changed"), {ACTIONS}, fn
    )


def remove_action(session: Session, action_id: int) -> Changes:
    """Remove an action from the plan."""

    def fn(conn: sqlite3.Connection) -> None:
        exists(conn, "actions", action_id, "Action", "Action")
        conn.execute("DELETE FROM actions WHERE id = ?", (action_id,))

    return session.run(
        "remove_action", session.tr("Action retirée", "Action removed"), {ACTIONS}, fn
    )


def move_action(session: Session, action_id: int, new_index: int) -> Changes:
    """Move an action to a place in the plan (0 = first; beyond the end = last)."""

    def fn(conn: sqlite3.Connection) -> None:
        exists(conn, "actions", action_id, "Action", "Action")
        order = [
            r[0]
            for r in conn.execute("SELECT id FROM actions ORDER BY position, id")
            if r[0] != action_id
        ]
        order.insert(max(0, min(int(new_index), len(order))), action_id)
        for position, aid in enumerate(order, start=1):
            conn.execute(
                "UPDATE actions SET position = ? WHERE id = ? AND position IS NOT ?",
                (position, aid, position),
            )

    return session.run("move_action", session.tr("Action déplacée", "Action moved"), {ACTIONS}, fn)
