"""Set-up: the workshop's details, agenda, colleges and participants (and their attendance)."""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from workshop.clock import now
from workshop.errors import InvalidInput
from workshop.model import (
    STEPS,
    CaptureMode,
    CharterStatus,
    Language,
    Method,
    SizeBand,
    Step,
    label,
)
from workshop.operations import erasure
from workshop.operations._common import (
    clock_time,
    enum,
    exists,
    iso_date,
    next_position,
    text,
    whole,
)
from workshop.palette import COLLEGE_COLOURS
from workshop.session import (
    AGENDA,
    COLLEGES,
    PARTICIPANTS,
    WORKSHOP,
    Changes,
    Session,
    inserted_id,
)
from workshop.workshopfile import WorkshopFile

#: The order new colleges take the Okabe–Ito palette (``workshop.palette``). A college's
#: colour is stored when it is created and kept for its life (deleting another changes nothing).
PALETTE = COLLEGE_COLOURS


def next_colour(conn: sqlite3.Connection) -> str:
    """The colour for a new college: the first palette colour no college has, else the
    least used one; computed from the colours in use, never from positions."""
    used: dict[str, int] = {}
    for (colour,) in conn.execute("SELECT colour FROM colleges"):
        used[str(colour).upper()] = used.get(str(colour).upper(), 0) + 1
    return min(PALETTE, key=lambda c: (used.get(c, 0), PALETTE.index(c)))


DEFAULT_COLLEGES = {
    "fr": (
        "Direction",
        "RH",
        "Représentants du personnel",
        "Communication",
        "DSI",
        "Juridique",
        "Managers",
        "Salariés",
    ),
    "en": (
        "Executive management",
        "HR",
        "Staff representatives",
        "Communications",
        "IT",
        "Legal",
        "Managers",
        "Employees",
    ),
}

#: Planned minutes per step for a one-day workshop.
DEFAULT_AGENDA = {
    Step.SETUP: 20,
    Step.DIAGNOSTIC: 40,
    Step.MATRIX: 30,
    Step.CLAUSES: 150,
    Step.PLAN: 45,
    Step.WRAPUP: 25,
}


def create(
    path: str | os.PathLike,
    title: str,
    organisation: str,
    lang: str = "fr",
    *,
    default_colleges: bool = True,
) -> Session:
    """Create a workshop file with its agenda and the default colleges."""
    title = text(title, "Titre", "Title")
    organisation = text(organisation, "Organisation", "Organisation")
    language = enum(Language, lang, "Langue", "Language")
    session = Session(WorkshopFile.create(path))

    def fn(conn: sqlite3.Connection) -> None:
        conn.execute(
            "INSERT INTO workshop (id, title, organisation, lang, created_at)"
            " VALUES (1, ?, ?, ?, ?)",
            (title, organisation, language.value, now()),
        )
        for position, step in enumerate(STEPS, start=1):
            conn.execute(
                "INSERT INTO agenda (step, position, planned_minutes) VALUES (?, ?, ?)",
                (step.value, position, DEFAULT_AGENDA[step]),
            )
        if default_colleges:
            for position, name in enumerate(DEFAULT_COLLEGES[language.value], start=1):
                conn.execute(
                    "INSERT INTO colleges (name, colour, position) VALUES (?, ?, ?)",
                    (name, PALETTE[(position - 1) % len(PALETTE)], position),
                )

    summary = "Atelier créé" if language is Language.FR else "Workshop created"
    session.run("create", summary, {WORKSHOP}, fn, undoable=False)
    return session


#: A break longer than this is no break (the schema's CHECK says the same).
MAX_BREAK_MINUTES = 600

_WORKSHOP_FIELDS: dict[str, tuple[str, str]] = {
    "title": ("Titre", "Title"),
    "organisation": ("Organisation", "Organisation"),
    "sector": ("Secteur", "Sector"),
    "size_band": ("Taille", "Size"),
    "date": ("Date", "Date"),
    "place": ("Lieu", "Place"),
    "facilitator": ("Animateur", "Facilitator"),
    "lang": ("Langue", "Language"),
    "charter_status": ("Statut de la charte", "Charter status"),
    "ballot_method": ("Mode de décision par défaut", "Default decision method"),
    "ballot_capture": ("Mode de recueil par défaut", "Default capture mode"),
    "ballot_abstentions_count": ("Abstentions comptées", "Abstentions count"),
    "ballot_double_majority": ("Double majorité", "Double majority"),
    "ballot_quorum": ("Quorum", "Quorum"),
    "start_time": ("Heure de début", "Start time"),
}


def _clean_workshop_field(name: str, value: Any) -> Any:
    fr, en = _WORKSHOP_FIELDS[name]
    if name in ("title", "organisation"):
        return text(value, fr, en)
    if name in ("sector", "place", "facilitator"):
        return text(value, fr, en, required=False)
    if name == "size_band":
        return None if value in (None, "") else enum(SizeBand, value, fr, en).value
    if name == "date":
        return iso_date(value, fr, en)
    if name == "start_time":
        return clock_time(value, fr, en)
    if name == "lang":
        return enum(Language, value, fr, en).value
    if name == "charter_status":
        return enum(CharterStatus, value, fr, en).value
    if name == "ballot_method":
        return enum(Method, value, fr, en).value
    if name == "ballot_capture":
        return enum(CaptureMode, value, fr, en).value
    if name == "ballot_abstentions_count":
        if not isinstance(value, bool):
            raise InvalidInput(f"« {fr} » : oui ou non.", f'"{en}": yes or no.')
        return int(value)
    # double majority and quorum: None (off) or a whole number
    return None if value is None else whole(value, fr, en)


def _check_ballot_defaults(conn: sqlite3.Connection) -> None:
    """Refuse default settings that opening a ballot would refuse later, in the room."""
    from workshop.voting import BallotRules

    method, capture, abstentions, double, quorum = conn.execute(
        "SELECT ballot_method, ballot_capture, ballot_abstentions_count,"
        " ballot_double_majority, ballot_quorum FROM workshop"
    ).fetchone()
    if double is not None and capture == CaptureMode.SECRET:
        raise InvalidInput(
            "La double majorité demande un décompte par collège : impossible en vote secret.",
            "A double majority needs counts per college: impossible with a secret ballot.",
        )
    BallotRules(Method(method), bool(abstentions), double, quorum).validate()


def update_workshop(session: Session, **fields: Any) -> Changes:
    """Change the workshop's details or default ballot settings."""
    unknown = set(fields) - set(_WORKSHOP_FIELDS)
    if unknown:
        name = sorted(unknown)[0]
        raise InvalidInput(f"Champ inconnu « {name} ».", f'Unknown field "{name}".')
    clean = {name: _clean_workshop_field(name, value) for name, value in fields.items()}
    if not clean:
        raise InvalidInput("Aucun changement demandé.", "No change requested.")

    def fn(conn: sqlite3.Connection) -> None:
        assignments = ", ".join(f"{name} = ?" for name in clean)
        conn.execute(f"UPDATE workshop SET {assignments} WHERE id = 1", tuple(clean.values()))
        if any(name.startswith("ballot_") for name in clean):
            _check_ballot_defaults(conn)

    names = ", ".join(session.tr(_WORKSHOP_FIELDS[n][0], _WORKSHOP_FIELDS[n][1]) for n in clean)
    return session.run(
        "update_workshop",
        session.tr(f"Atelier modifié : {names}", f"Workshop changed: {names}"),
        {WORKSHOP},
        fn,
    )


def go_to_step(session: Session, step: str) -> Changes:
    """Move the workshop to a step, timing it: the step starts, the previous one ends."""
    target = enum(Step, step, "Étape", "Step")

    def fn(conn: sqlite3.Connection) -> None:
        current = conn.execute("SELECT current_step FROM workshop").fetchone()[0]
        stamp = now()
        if current != target.value:
            conn.execute("UPDATE agenda SET ended_at = ? WHERE step = ?", (stamp, current))
        conn.execute(
            "UPDATE agenda SET started_at = coalesce(started_at, ?), ended_at = NULL"
            " WHERE step = ?",
            (stamp, target.value),
        )
        conn.execute("UPDATE workshop SET current_step = ? WHERE id = 1", (target.value,))

    name = label(target, session.lang)
    return session.run(
        "go_to_step", session.tr(f"Étape : {name}", f"Step: {name}"), {WORKSHOP, AGENDA}, fn
    )


def end_workshop(session: Session) -> Changes:
    """Close the current step's timing at the end of the day."""

    def fn(conn: sqlite3.Connection) -> None:
        current = conn.execute("SELECT current_step FROM workshop").fetchone()[0]
        conn.execute("UPDATE agenda SET ended_at = ? WHERE step = ?", (now(), current))

    return session.run(
        "end_workshop", session.tr("Fin de l’atelier", "End of the workshop"), {AGENDA}, fn
    )


def set_break_minutes(session: Session, step: str, minutes: int) -> Changes:
    """Plan a break after a step (0: none); the planned day's clock times follow."""
    target = enum(Step, step, "Étape", "Step")
    minutes = whole(minutes, "Pause", "Break")
    if minutes > MAX_BREAK_MINUTES:
        raise InvalidInput(
            f"« Pause » : {MAX_BREAK_MINUTES} minutes au plus.",
            f'"Break": at most {MAX_BREAK_MINUTES} minutes.',
        )

    def fn(conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE agenda SET break_minutes = ? WHERE step = ?", (minutes, target.value))

    return session.run(
        "plan_break",
        session.tr(
            f"Pause après {label(target, 'fr')} : {minutes} min",
            f"Break after {label(target, 'en')}: {minutes} min",
        ),
        {AGENDA},
        fn,
    )


def set_planned_minutes(session: Session, step: str, minutes: int) -> Changes:
    """Plan how long a step should take."""
    target = enum(Step, step, "Étape", "Step")
    minutes = whole(minutes, "Durée prévue", "Planned duration")

    def fn(conn: sqlite3.Connection) -> None:
        conn.execute(
            "UPDATE agenda SET planned_minutes = ? WHERE step = ?", (minutes, target.value)
        )

    return session.run(
        "plan_step",
        session.tr(
            f"Durée prévue : {label(target, 'fr')} = {minutes} min",
            f"Planned: {label(target, 'en')} = {minutes} min",
        ),
        {AGENDA},
        fn,
    )


# -- colleges ------------------------------------------------------------------------------
def _colour(value: str) -> str:
    value = text(value, "Couleur", "Colour")
    if (
        len(value) != 7
        or value[0] != "#"
        or any(c not in "0123456789abcdefABCDEF" for c in value[1:])
    ):
        raise InvalidInput(
            f"Couleur invalide « {value} » (attendu #RRVVBB).",
            f'Invalid colour "{value}" (expected #RRGGBB).',
        )
    return value.upper()


def _unique_college_name(conn: sqlite3.Connection, name: str, college_id: int | None) -> None:
    row = conn.execute(
        "SELECT id FROM colleges WHERE lower(name) = lower(?) AND id IS NOT ?", (name, college_id)
    ).fetchone()
    if row:
        raise InvalidInput(
            f"Le collège « {name} » existe déjà.", f'The college "{name}" already exists.'
        )


def add_college(session: Session, name: str, colour: str | None = None) -> Changes:
    """Add a stakeholder group; its colour comes from the palette unless given."""
    name = text(name, "Nom du collège", "College name")
    chosen = _colour(colour) if colour is not None else None

    def fn(conn: sqlite3.Connection) -> int:
        _unique_college_name(conn, name, None)
        cur = conn.execute(
            "INSERT INTO colleges (name, colour, position) VALUES (?, ?, ?)",
            (name, chosen or next_colour(conn), next_position(conn, "colleges")),
        )
        return inserted_id(cur)

    return session.run(
        "add_college",
        session.tr(f"Collège ajouté : {name}", f"College added: {name}"),
        {COLLEGES},
        fn,
    )


def update_college(
    session: Session, college_id: int, *, name: str | None = None, colour: str | None = None
) -> Changes:
    """Rename a college or change its colour (pseudonyms already given stay stable)."""
    new_name = text(name, "Nom du collège", "College name") if name is not None else None
    new_colour = _colour(colour) if colour is not None else None

    def fn(conn: sqlite3.Connection) -> None:
        exists(conn, "colleges", college_id, "Collège", "College")
        if new_name is not None:
            _unique_college_name(conn, new_name, college_id)
            conn.execute("UPDATE colleges SET name = ? WHERE id = ?", (new_name, college_id))
        if new_colour is not None:
            conn.execute("UPDATE colleges SET colour = ? WHERE id = ?", (new_colour, college_id))

    return session.run(
        "update_college",
        session.tr("Collège modifié", "College changed"),
        {COLLEGES, PARTICIPANTS},
        fn,
    )


def remove_college(session: Session, college_id: int) -> Changes:
    """Remove an empty college; one with participants is refused (move them first)."""

    def fn(conn: sqlite3.Connection) -> None:
        exists(conn, "colleges", college_id, "Collège", "College")
        used = conn.execute(
            "SELECT (SELECT count(*) FROM participants WHERE college_id = :c)"
            " + (SELECT count(*) FROM ballot_voters WHERE college_id = :c)"
            " + (SELECT count(*) FROM ballot_counts WHERE college_id = :c)"
            " + (SELECT count(*) FROM remarks WHERE college_id = :c)",
            {"c": college_id},
        ).fetchone()[0]
        if used:
            raise InvalidInput(
                "Ce collège a des participants ou des votes : déplacez-les d’abord.",
                "This college has participants or votes: move them first.",
            )
        conn.execute("DELETE FROM colleges WHERE id = ?", (college_id,))

    return session.run(
        "remove_college", session.tr("Collège supprimé", "College removed"), {COLLEGES}, fn
    )


# -- participants --------------------------------------------------------------------------
def _new_pseudonym(conn: sqlite3.Connection, college_id: int) -> str:
    """« RH 2 »: the college's name and the next free number in it; never reused."""
    college = conn.execute("SELECT name FROM colleges WHERE id = ?", (college_id,)).fetchone()[0]
    number = 1
    taken = {r[0] for r in conn.execute("SELECT pseudonym FROM participants")}
    while f"{college} {number}" in taken:
        number += 1
    return f"{college} {number}"


def pseudonym_of(conn: sqlite3.Connection, participant_id: int) -> str:
    row = conn.execute(
        "SELECT pseudonym FROM participants WHERE id = ?", (participant_id,)
    ).fetchone()
    return row[0] if row else f"#{participant_id}"


def add_participant(
    session: Session,
    name: str,
    college_id: int,
    function: str = "",
    *,
    present: bool = True,
    may_be_named: bool = True,
) -> Changes:
    """Register a participant; a stable pseudonym (« RH 2 ») is given at once."""
    name = text(name, "Nom", "Name")
    function = text(function, "Fonction", "Function", required=False)

    def fn(conn: sqlite3.Connection) -> int:
        exists(conn, "colleges", college_id, "Collège", "College")
        pseudonym = _new_pseudonym(conn, college_id)
        cur = conn.execute(
            "INSERT INTO participants (name, function, college_id, present, may_be_named,"
            " pseudonym, position) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                name,
                function,
                college_id,
                int(bool(present)),
                int(bool(may_be_named)),
                pseudonym,
                next_position(conn, "participants"),
            ),
        )
        return inserted_id(cur)

    def summary(participant_id: int) -> str:
        who = pseudonym_of(session.conn, participant_id)
        return session.tr(f"Participant ajouté : {who}", f"Participant added: {who}")

    return session.run("add_participant", summary, {PARTICIPANTS}, fn)


def update_participant(
    session: Session,
    participant_id: int,
    *,
    name: str | None = None,
    function: str | None = None,
    college_id: int | None = None,
    may_be_named: bool | None = None,
) -> Changes:
    """Correct a participant's details (their pseudonym does not change)."""
    new_name = text(name, "Nom", "Name") if name is not None else None
    new_function = (
        text(function, "Fonction", "Function", required=False) if function is not None else None
    )

    def fn(conn: sqlite3.Connection) -> None:
        exists(conn, "participants", participant_id, "Participant", "Participant")
        if new_name is not None:
            conn.execute(
                "UPDATE participants SET name = ? WHERE id = ?", (new_name, participant_id)
            )
        if new_function is not None:
            conn.execute(
                "UPDATE participants SET function = ? WHERE id = ?", (new_function, participant_id)
            )
        if college_id is not None:
            exists(conn, "colleges", college_id, "Collège", "College")
            conn.execute(
                "UPDATE participants SET college_id = ? WHERE id = ?", (college_id, participant_id)
            )
        if may_be_named is not None:
            conn.execute(
                "UPDATE participants SET may_be_named = ? WHERE id = ?",
                (int(bool(may_be_named)), participant_id),
            )

    pseudonym = pseudonym_of(session.conn, participant_id)
    return session.run(
        "update_participant",
        session.tr(f"Participant modifié : {pseudonym}", f"Participant changed: {pseudonym}"),
        {PARTICIPANTS},
        fn,
    )


def set_present(session: Session, participant_id: int, present: bool) -> Changes:
    """Mark arrival or departure during the day; open ballots keep their voter list."""

    def fn(conn: sqlite3.Connection) -> None:
        exists(conn, "participants", participant_id, "Participant", "Participant")
        conn.execute(
            "UPDATE participants SET present = ? WHERE id = ?", (int(bool(present)), participant_id)
        )

    pseudonym = pseudonym_of(session.conn, participant_id)
    summary = (
        session.tr(f"Arrivée : {pseudonym}", f"Arrived: {pseudonym}")
        if present
        else session.tr(f"Départ : {pseudonym}", f"Left: {pseudonym}")
    )
    return session.run("attendance", summary, {PARTICIPANTS}, fn)


def remove_participant(session: Session, participant_id: int) -> Changes:
    """Remove a participant who has not taken part in a ballot (else: mark them absent)."""

    def fn(conn: sqlite3.Connection) -> None:
        exists(conn, "participants", participant_id, "Participant", "Participant")
        took_part = conn.execute(
            "SELECT (SELECT count(*) FROM ballot_voters WHERE participant_id = :p)"
            " + (SELECT count(*) FROM remarks WHERE participant_id = :p)",
            {"p": participant_id},
        ).fetchone()[0]
        if took_part:
            raise InvalidInput(
                "Ce participant figure dans un scrutin : marquez-le absent plutôt que de le supprimer.",
                "This participant is on a ballot's voter list: mark them absent instead.",
            )
        conn.execute("DELETE FROM participants WHERE id = ?", (participant_id,))

    pseudonym = pseudonym_of(session.conn, participant_id)
    return session.run(
        "remove_participant",
        session.tr(f"Participant retiré : {pseudonym}", f"Participant removed: {pseudonym}"),
        {PARTICIPANTS},
        fn,
    )


def forget_participant(session: Session, participant_id: int) -> Changes:
    """Erase a participant's personal data (GDPR art. 17); see ``erasure`` for what it reaches."""
    return erasure.forget_participant(session, participant_id)
