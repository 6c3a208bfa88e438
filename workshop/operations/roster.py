"""Adding a whole list of participants at once (pasted cells or a CSV file).

The list is checked as a whole first (``plan``, which writes nothing, so the console can
preview it), then added in one transaction with one audit event: a single undo takes the
whole list back, and a refused line leaves the workshop untouched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from workshop.errors import InvalidInput
from workshop.i18n import get_language
from workshop.operations._common import exists, next_position, text
from workshop.operations.setup import _new_pseudonym, next_colour
from workshop.roster import RosterError, RosterRow, fold
from workshop.session import COLLEGES, PARTICIPANTS, Changes, Session, inserted_id


@dataclass(frozen=True)
class PlannedRow:
    """A row that will be added, with the college it goes to (maybe one to create)."""

    row: RosterRow
    college_id: int | None  # None: a college created by this import
    college_name: str
    new_college: bool


@dataclass(frozen=True)
class Refusal:
    """A line that will not be added, and why."""

    line: int
    text: str
    fr: str
    en: str

    def message(self, lang: str | None = None) -> str:
        return self.en if (lang or get_language()) == "en" else self.fr


@dataclass(frozen=True)
class RosterPlan:
    """What adding a list would do: the rows added, the lines refused, the colleges created."""

    accepted: tuple[PlannedRow, ...]
    refused: tuple[Refusal, ...]
    new_colleges: tuple[str, ...]
    #: College names of the list that match no college (first spelling), mapped or not:
    #: what the preview offers to map onto an existing college.
    unknown_colleges: tuple[str, ...] = ()


def _refusal(row: RosterRow, fr: str, en: str) -> Refusal:
    raw = "\t".join(p for p in (row.name, row.function, row.college) if p)
    return Refusal(row.line, raw, fr, en)


def plan(
    conn: sqlite3.Connection,
    rows: Sequence[RosterRow | RosterError],
    *,
    create_colleges: bool = False,
    default_college_id: int | None = None,
    college_map: Mapping[str, int] | None = None,
) -> RosterPlan:
    """Match each row to a college (case- and accent-insensitively) without writing anything.

    ``college_map`` sends a college name of the list that matches none (« Comm ») to an
    existing college (« Communication »); it wins over creating the college. A row is
    refused when its college is unknown and neither mapped nor created, when it has no
    college and no default is given, or when the same person is already registered in that
    college or earlier in the list (pasting a list twice is the usual mistake).
    """
    colleges = conn.execute("SELECT id, name FROM colleges ORDER BY position, id").fetchall()
    by_key = {fold(name): (cid, name) for cid, name in colleges}
    by_id = {cid: (cid, name) for cid, name in colleges}
    mapped = {fold(name): by_id[cid] for name, cid in (college_map or {}).items() if cid in by_id}
    unknown: dict[str, str] = {}
    default = next(((cid, name) for cid, name in colleges if cid == default_college_id), None)
    seen: dict[tuple[str, str], int] = {}
    for name, college_id in conn.execute("SELECT name, college_id FROM participants"):
        seen[(fold(name), str(college_id))] = 0
    accepted: list[PlannedRow] = []
    refused: list[Refusal] = []
    created: dict[str, str] = {}
    for row in rows:
        if isinstance(row, RosterError):
            refused.append(Refusal(row.line, row.text, row.fr, row.en))
            continue
        key = fold(row.college)
        if not key:
            if default is None:
                refused.append(
                    _refusal(
                        row,
                        "Pas de collège : indiquez-le en troisième colonne.",
                        "No college: give it in the third column.",
                    )
                )
                continue
            college_id, college_name, new = default[0], default[1], False
        elif key in by_key:
            college_id, college_name = by_key[key]
            new = False
        elif key in mapped:
            unknown.setdefault(key, row.college)
            college_id, college_name = mapped[key]
            new = False
        elif create_colleges:
            unknown.setdefault(key, row.college)
            college_name = created.setdefault(key, row.college)
            college_id, new = None, True
        else:
            unknown.setdefault(key, row.college)
            refused.append(
                _refusal(
                    row,
                    f"Collège inconnu « {row.college} » : associez-le à un collège, corrigez-le"
                    " ou cochez « créer les collèges manquants ».",
                    f'Unknown college "{row.college}": map it to a college, correct it or tick'
                    ' "create missing colleges".',
                )
            )
            continue
        identity = (fold(row.name), str(college_id) if college_id is not None else "new:" + key)
        if identity in seen:
            earlier = seen[identity]
            refused.append(
                _refusal(
                    row,
                    f"Déjà inscrit dans ce collège (ligne {earlier})."
                    if earlier
                    else "Déjà inscrit dans ce collège.",
                    f"Already registered in this college (line {earlier})."
                    if earlier
                    else "Already registered in this college.",
                )
            )
            continue
        seen[identity] = row.line
        accepted.append(PlannedRow(row, college_id, college_name, new))
    # only colleges that at least one accepted row goes to are created
    used = {fold(p.college_name) for p in accepted if p.new_college}
    new_colleges = tuple(name for key, name in created.items() if key in used)
    return RosterPlan(tuple(accepted), tuple(refused), new_colleges, tuple(unknown.values()))


def add_participants(
    session: Session,
    rows: Sequence[RosterRow | RosterError],
    *,
    create_colleges: bool = False,
    default_college_id: int | None = None,
    college_map: Mapping[str, int] | None = None,
    present: bool = True,
    may_be_named: bool = True,
) -> Changes:
    """Add every row as a participant, all or nothing, as one undoable change.

    Any refused line (see ``plan``) refuses the whole list, naming the first such line, so
    the facilitator corrects the list rather than wondering who was left out.
    """
    if not rows:
        raise InvalidInput("Aucun participant à ajouter.", "No participant to add.")
    for row in rows:
        if isinstance(row, RosterRow):
            text(row.name, "Nom", "Name")
            text(row.function, "Fonction", "Function", required=False)
            text(row.college, "Collège", "College", required=False)
    if default_college_id is not None:
        exists(session.conn, "colleges", default_college_id, "Collège", "College")
    for name, college_id in (college_map or {}).items():
        text(name, "Collège", "College")
        exists(session.conn, "colleges", college_id, "Collège", "College")
    result = plan(
        session.conn,
        rows,
        create_colleges=create_colleges,
        default_college_id=default_college_id,
        college_map=college_map,
    )
    if result.refused:
        first = result.refused[0]
        raise InvalidInput(f"Ligne {first.line} : {first.fr}", f"Line {first.line}: {first.en}")

    def fn(conn: sqlite3.Connection) -> tuple[int, int]:
        new_ids: dict[str, int] = {}
        for name in result.new_colleges:
            cur = conn.execute(
                "INSERT INTO colleges (name, colour, position) VALUES (?, ?, ?)",
                (name, next_colour(conn), next_position(conn, "colleges")),
            )
            new_ids[fold(name)] = inserted_id(cur)
        for planned in result.accepted:
            college_id = (
                planned.college_id
                if planned.college_id is not None
                else new_ids[fold(planned.college_name)]
            )
            conn.execute(
                "INSERT INTO participants (name, function, college_id, present, may_be_named,"
                " pseudonym, position) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    planned.row.name.strip(),
                    planned.row.function.strip(),
                    college_id,
                    int(bool(present)),
                    int(bool(may_be_named)),
                    _new_pseudonym(conn, college_id),
                    next_position(conn, "participants"),
                ),
            )
        return len(result.accepted), len(new_ids)

    def summary(counts: tuple[int, int]) -> str:
        people, colleges = counts
        if colleges:
            return session.tr(
                f"Liste importée : {people} participant(s), {colleges} collège(s) créé(s)",
                f"List imported: {people} participant(s), {colleges} college(s) created",
            )
        return session.tr(
            f"Liste importée : {people} participant(s)",
            f"List imported: {people} participant(s)",
        )

    topics = {PARTICIPANTS, COLLEGES} if result.new_colleges else {PARTICIPANTS}
    return session.run("add_participants", summary, topics, fn)
