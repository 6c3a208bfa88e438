"""The workshop file's schema, built and upgraded with sqlite-utils Migrations.

``user_version`` counts the migrations applied, so a file made by a newer release (with more
migrations than we know) is recognised and refused instead of being damaged.
``workshopfile.apply_migrations`` runs all pending migrations in ONE transaction: a migration
only runs statements through ``db.execute`` (never ``executescript``, which commits, nor a
sqlite-utils helper that opens its own transaction such as ``table.transform``).
Tables are plain rowid tables: the undo log (see undo.py) relies on rowids.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

#: PRAGMA application_id of every workshop file: "CHRT" in ASCII.
APPLICATION_ID = 0x43485254

MIGRATIONS = Migrations("charter-workshop")


def _execute_each(db: Database, script: str) -> None:
    """Run a script's statements one by one, inside the caller's transaction.

    ``executescript`` would commit first, breaking the one-transaction migration.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement.strip().removesuffix(";"))
            statement = ""
    if statement.strip():
        raise ValueError("incomplete statement at the end of a migration script")


@MIGRATIONS()
def m001_initial(db: Database) -> None:
    """The first released schema."""
    _execute_each(
        db,
        """
        CREATE TABLE workshop (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            title TEXT NOT NULL,
            organisation TEXT NOT NULL,
            sector TEXT NOT NULL DEFAULT '',
            size_band TEXT,
            date TEXT,
            place TEXT NOT NULL DEFAULT '',
            facilitator TEXT NOT NULL DEFAULT '',
            lang TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
            charter_status TEXT NOT NULL DEFAULT 'guide',
            ballot_method TEXT NOT NULL DEFAULT 'simple',
            ballot_capture TEXT NOT NULL DEFAULT 'nominative',
            ballot_abstentions_count INTEGER NOT NULL DEFAULT 0,
            ballot_double_majority INTEGER,
            ballot_quorum INTEGER,
            target_support REAL,
            target_control REAL,
            current_step TEXT NOT NULL DEFAULT 'setup',
            created_at TEXT NOT NULL
        );
        CREATE TABLE agenda (
            step TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            planned_minutes INTEGER NOT NULL CHECK (planned_minutes >= 0),
            started_at TEXT,
            ended_at TEXT
        );
        CREATE TABLE colleges (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            colour TEXT NOT NULL,
            position INTEGER NOT NULL
        );
        CREATE TABLE participants (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            function TEXT NOT NULL DEFAULT '',
            college_id INTEGER NOT NULL REFERENCES colleges(id),
            present INTEGER NOT NULL DEFAULT 1,
            may_be_named INTEGER NOT NULL DEFAULT 1,
            pseudonym TEXT NOT NULL UNIQUE,
            position INTEGER NOT NULL
        );
        CREATE TABLE diagnostic (
            criterion TEXT PRIMARY KEY,
            score INTEGER CHECK (score BETWEEN 1 AND 5),
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE positions (
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            round TEXT NOT NULL,
            support REAL NOT NULL CHECK (support BETWEEN 0 AND 10),
            control REAL NOT NULL CHECK (control BETWEEN 0 AND 10),
            PRIMARY KEY (participant_id, round)
        );
        CREATE TABLE clauses (
            id INTEGER PRIMARY KEY,
            library_key TEXT NOT NULL,
            theme_key TEXT NOT NULL,
            theme_title TEXT NOT NULL,
            title TEXT NOT NULL,
            position INTEGER NOT NULL,
            variant_key TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE TABLE variants (
            clause_id INTEGER NOT NULL REFERENCES clauses(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            position INTEGER NOT NULL,
            lean TEXT NOT NULL,
            label TEXT NOT NULL,
            support REAL NOT NULL,
            control REAL NOT NULL,
            text TEXT NOT NULL,
            rationale TEXT NOT NULL DEFAULT '',
            legal_basis TEXT NOT NULL DEFAULT '[]',
            justification TEXT,
            flags TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (clause_id, key)
        );
        CREATE TABLE amendments (
            id INTEGER PRIMARY KEY,
            clause_id INTEGER NOT NULL REFERENCES clauses(id) ON DELETE CASCADE,
            before TEXT NOT NULL,
            after TEXT NOT NULL,
            college_id INTEGER REFERENCES colleges(id) ON DELETE SET NULL,
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE TABLE ballots (
            id INTEGER PRIMARY KEY,
            clause_id INTEGER NOT NULL REFERENCES clauses(id) ON DELETE CASCADE,
            round INTEGER NOT NULL,
            method TEXT NOT NULL,
            capture TEXT NOT NULL,
            abstentions_count INTEGER NOT NULL DEFAULT 0,
            double_majority INTEGER,
            quorum INTEGER,
            state TEXT NOT NULL DEFAULT 'open',
            variant_key TEXT NOT NULL,
            text TEXT NOT NULL,
            opened_at TEXT NOT NULL,
            closed_at TEXT,
            outcome TEXT,
            UNIQUE (clause_id, round)
        );
        CREATE TABLE ballot_voters (
            ballot_id INTEGER NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id),
            college_id INTEGER NOT NULL REFERENCES colleges(id),
            voted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (ballot_id, participant_id)
        );
        CREATE TABLE votes (
            ballot_id INTEGER NOT NULL,
            participant_id INTEGER NOT NULL,
            choice TEXT NOT NULL,
            PRIMARY KEY (ballot_id, participant_id),
            FOREIGN KEY (ballot_id, participant_id)
                REFERENCES ballot_voters(ballot_id, participant_id) ON DELETE CASCADE
        );
        CREATE TABLE ballot_counts (
            ballot_id INTEGER NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
            college_id INTEGER REFERENCES colleges(id),
            choice TEXT NOT NULL,
            n INTEGER NOT NULL CHECK (n >= 0)
        );
        CREATE UNIQUE INDEX ballot_counts_key
            ON ballot_counts (ballot_id, coalesce(college_id, 0), choice);
        CREATE TABLE remarks (
            id INTEGER PRIMARY KEY,
            ballot_id INTEGER NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('reservation', 'objection')),
            participant_id INTEGER REFERENCES participants(id),
            college_id INTEGER REFERENCES colleges(id),
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            audience TEXT NOT NULL DEFAULT '',
            owner TEXT NOT NULL DEFAULT '',
            due_date TEXT,
            position INTEGER NOT NULL
        );
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            step TEXT NOT NULL,
            kind TEXT NOT NULL,
            summary TEXT NOT NULL,
            topics TEXT NOT NULL DEFAULT '[]',
            target INTEGER,
            undo_sql TEXT,
            redo_sql TEXT
        );
        CREATE INDEX votes_by_ballot ON votes (ballot_id);
        CREATE INDEX ballots_by_clause ON ballots (clause_id);
        CREATE INDEX participants_by_college ON participants (college_id);
        """,
    )


@MIGRATIONS()
def m002_clause_status_note(db: Database) -> None:
    """A facilitator's note per clause: why it was postponed or rejected, for the open points."""
    db.execute("ALTER TABLE clauses ADD COLUMN note TEXT NOT NULL DEFAULT ''")


@MIGRATIONS()
def m003_remarks_index(db: Database) -> None:
    """Each vote looks up the voter's remark: without an index that scans every remark."""
    db.execute("CREATE INDEX remarks_by_ballot ON remarks (ballot_id, participant_id)")


@MIGRATIONS()
def m004_round_options(db: Database) -> None:
    """A round's base, quorum kind, casting vote and registered members (issue 11).

    Defaults keep older rounds as they were decided: the method's own base, a head-count
    quorum on participation, no casting vote, registered members unknown (= present).
    ``members`` is a JSON object {college id: registered members} taken when the round opened.
    """
    db.execute("ALTER TABLE ballots ADD COLUMN base TEXT")
    db.execute("ALTER TABLE ballots ADD COLUMN quorum_fraction TEXT")
    db.execute("ALTER TABLE ballots ADD COLUMN quorum_on TEXT NOT NULL DEFAULT 'participation'")
    db.execute("ALTER TABLE ballots ADD COLUMN chair_id INTEGER")
    db.execute("ALTER TABLE ballots ADD COLUMN members TEXT")


@MIGRATIONS()
def m005_agenda_start_time_and_breaks(db: Database) -> None:
    """The day's planned start time (HH:MM) and the break after each step, so the agenda
    plans clock times and the minutes can set the actual times beside them."""
    db.execute("ALTER TABLE workshop ADD COLUMN start_time TEXT")
    db.execute(
        "ALTER TABLE agenda ADD COLUMN break_minutes INTEGER NOT NULL DEFAULT 0"
        " CHECK (break_minutes BETWEEN 0 AND 600)"
    )


@MIGRATIONS()
def m006_phone_credentials(db: Database) -> None:
    """Phones vote over the room's network (issue 15): only hashes of the credentials.

    ``phone_links``: the hash of each participant's personal link (a reissue replaces it).
    ``phone_codes``: the hash of each drawn code and its college, nothing about its holder.
    ``code_votes``: while a round by codes is open, whether each code has voted in it;
    inserted for every code when the round opens, flipped in place, deleted at closing.
    """
    _execute_each(
        db,
        """
        CREATE TABLE phone_links (
            participant_id INTEGER PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
            token_hash TEXT NOT NULL UNIQUE
        );
        CREATE TABLE phone_codes (
            id INTEGER PRIMARY KEY,
            college_id INTEGER NOT NULL REFERENCES colleges(id) ON DELETE CASCADE,
            code_hash TEXT NOT NULL UNIQUE
        );
        CREATE INDEX phone_codes_by_college ON phone_codes (college_id);
        CREATE TABLE code_votes (
            ballot_id INTEGER NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
            code_id INTEGER NOT NULL REFERENCES phone_codes(id) ON DELETE CASCADE,
            voted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (ballot_id, code_id)
        );
        """,
    )


#: The number of migrations this release knows; stored in PRAGMA user_version.
SCHEMA_VERSION = len(MIGRATIONS._migrations)

#: Schema objects that are ours besides the tables: anything else in a file is refused.
OWN_TABLES = frozenset(
    {
        "workshop",
        "agenda",
        "colleges",
        "participants",
        "diagnostic",
        "positions",
        "clauses",
        "variants",
        "amendments",
        "ballots",
        "ballot_voters",
        "votes",
        "ballot_counts",
        "remarks",
        "actions",
        "audit",
        "phone_links",
        "phone_codes",
        "code_votes",
        MIGRATIONS.migrations_table,
    }
)
