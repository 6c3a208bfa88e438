"""GDPR erasure (art. 17): a participant disappears from everything the application wrote.

What erasure does, in one non-undoable operation:

* the participant row becomes an anonymous shell: name and pseudonym become a fresh label
  (« Participant effacé 3 » / "Erased participant 3", never used before, unrelated to the
  old pseudonym), function empty, never named;
* their votes in ballots by name stay, attached to that shell with its college: every
  round's counts (per college, which a double majority needs) and stored outcome stay
  exactly as the minutes recorded them, but nothing links them to the person any more;
  their positions (positioning rounds) stay the same way;
* their own reservations and objections stay (they count in the outcome) but are reduced
  to « réserve d’un participant » / "a participant's reservation": no participant, no
  college, and the round's opening time instead of the time they were said;
* the old pseudonym is rewritten to the label in the audit timeline ("RH 2 voted"), and
  the exact name, wherever the facilitator typed it in a free text (an action's owner, a
  note, a reason), becomes the label too;
* every stored undo/redo statement is dropped (they may hold the old values): nothing
  before the erasure can be undone;
* the file is rebuilt (VACUUM) after the commit; ``secure_delete`` zeroes freed bytes.
  The rollback journals of the erasure and of the rebuild are kept (``PERSIST``) just long
  enough to be overwritten with zeros and synced, then deleted: the person's old pages do
  not linger in a deleted journal. (On SSDs and copy-on-write filesystems an overwrite may
  land elsewhere: full-disk encryption is the remedy against reading the raw disk.)
* the automatic migration backups beside the file (``NAME.vN-backup.charter``, older
  versions of this same workshop) get the same erasure, matched by id and by pseudonym or
  name (a homonym under another id is spared); a backup that cannot be erased in place
  (damaged, refused, locked) is overwritten with zeros and deleted, and the result says so.

Copies the application does not keep track of ("Save a copy", exported minutes, CSV,
bundles) cannot be reached: the result carries a message telling the facilitator to
delete or redo them by hand.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from workshop.errors import InvalidInput, WorkshopError
from workshop.operations._common import exists
from workshop.operations.secrecy import compact, scrubbed_journal
from workshop.schema import MIGRATIONS, OWN_TABLES
from workshop.session import ALL_TOPICS, Changes, Session
from workshop.workshopfile import check_file, connect

_LABEL = {"fr": "Participant effacé {n}", "en": "Erased participant {n}"}


@dataclass(frozen=True)
class Erasure:
    """What an erasure reached, for the message the facilitator sees."""

    label: str
    backups_erased: tuple[Path, ...] = ()
    backups_deleted: tuple[Path, ...] = ()
    copies_fr: str = field(
        default="Les copies faites auparavant (« Enregistrer une copie », comptes rendus, "
        "exports CSV ou JSON) ne sont pas suivies par l’application : supprimez-les ou "
        "refaites-les à la main."
    )
    copies_en: str = field(
        default="Copies made earlier (Save a copy, minutes, CSV or JSON exports) are not "
        "tracked by the application: delete or redo them by hand."
    )

    def message(self, lang: str = "fr") -> str:
        """One paragraph for the console: what was erased where, and what is left to do."""
        en = lang == "en"
        parts = [
            f"Personal data erased: the participant is now « {self.label} »."
            if en
            else f"Données personnelles effacées : le participant est désormais « {self.label} »."
        ]
        for path in self.backups_erased:
            parts.append(
                f"Also erased in the backup {path.name}."
                if en
                else f"Effacées aussi dans la sauvegarde {path.name}."
            )
        for path in self.backups_deleted:
            parts.append(
                f"The backup {path.name} could not be erased: it was deleted."
                if en
                else f"La sauvegarde {path.name} ne pouvait pas être effacée : elle a été supprimée."
            )
        parts.append(self.copies_en if en else self.copies_fr)
        return " ".join(parts)


def _label(conn: sqlite3.Connection, lang: str) -> str:
    """A label never used as a name or pseudonym in this file."""
    taken = {r[0] for r in conn.execute("SELECT pseudonym FROM participants")}
    taken |= {r[0] for r in conn.execute("SELECT name FROM participants")}
    n = 1
    pattern = _LABEL.get(lang, _LABEL["fr"])
    while pattern.format(n=n) in taken:
        n += 1
    return pattern.format(n=n)


def _pattern(words: str, *, number: bool) -> re.Pattern[str]:
    """``words`` as a whole: « RH 1 » must not match inside « RH 12 »."""
    tail = r"(?!\d)" if number else r"(?!\w)"
    return re.compile(r"(?<!\w)" + re.escape(words) + tail)


#: Tables whose texts are names, not prose: the erasure handles the person's own row, and
#: another participant called « Anne Martin » must stay whole when « Anne » is erased.
_NOT_PROSE = frozenset({"participants", "colleges", MIGRATIONS.migrations_table})


def _text_columns(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    tables = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        if r[0] in OWN_TABLES and r[0] not in _NOT_PROSE
    ]
    return [
        (table, col[1])
        for table in tables
        for col in conn.execute(f'PRAGMA table_info("{table}")')
        if col[2].upper() == "TEXT"
    ]


def _rewrite_text(
    conn: sqlite3.Connection, needles: list[tuple[str, re.Pattern[str]]], label: str
) -> None:
    """Replace each needle (a name, a pseudonym) by the label in every text we store."""
    for table, column in _text_columns(conn):
        for needle, pattern in needles:
            rows = conn.execute(
                f'SELECT rowid, "{column}" FROM "{table}" WHERE instr("{column}", ?) > 0',
                (needle,),
            ).fetchall()
            for rowid, value in rows:
                new = pattern.sub(label, value)
                if new != value:
                    conn.execute(
                        f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', (new, rowid)
                    )


def _erase_rows(
    conn: sqlite3.Connection, ids: list[int], name: str, pseudonym: str, label: str
) -> None:
    """The erasure itself, on any version of our schema (columns used exist since v1;
    phone links, since v6, are revoked where the table exists: an old card must not vote
    as « Participant effacé »)."""
    links = conn.execute(
        "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'phone_links'"
    ).fetchone()
    for pid in ids:
        if links:
            conn.execute("DELETE FROM phone_links WHERE participant_id = ?", (pid,))
        conn.execute(
            "UPDATE participants SET name = ?, pseudonym = ?, function = '', may_be_named = 0"
            " WHERE id = ?",
            (label, label, pid),
        )
        conn.execute(
            "UPDATE remarks SET participant_id = NULL, college_id = NULL, created_at ="
            " coalesce((SELECT opened_at FROM ballots b WHERE b.id = remarks.ballot_id),"
            " created_at) WHERE participant_id = ?",
            (pid,),
        )
    conn.execute(
        "UPDATE audit SET undo_sql = NULL, redo_sql = NULL"
        " WHERE undo_sql IS NOT NULL OR redo_sql IS NOT NULL"
    )
    needles = [(name, _pattern(name, number=False))]
    if pseudonym != name:
        needles.append((pseudonym, _pattern(pseudonym, number=True)))
    _rewrite_text(conn, needles, label)


def _delete_file(path: Path) -> None:
    with contextlib.suppress(OSError):
        with path.open("r+b") as fh:
            size = fh.seek(0, os.SEEK_END)
            fh.seek(0)
            fh.write(b"\0" * size)
            fh.flush()
            os.fsync(fh.fileno())
    with contextlib.suppress(OSError):
        path.unlink()


def migration_backups(path: Path) -> list[Path]:
    """The automatic backups ``NAME.vN-backup.charter`` written beside ``path`` when migrating."""
    pattern = re.compile(re.escape(path.stem) + r"\.v\d+-backup" + re.escape(path.suffix))
    try:
        names = sorted(os.listdir(path.parent))
    except OSError:
        return []
    return [
        path.with_name(n)
        for n in names
        if pattern.fullmatch(n) and path.with_name(n).is_file() and n != path.name
    ]


def _erase_in_backup(
    backup: Path, participant_id: int, name: str, pseudonym: str, label: str
) -> None:
    """The same erasure in an older copy of this workshop; raises if it cannot be done."""
    check_file(backup)
    conn = connect(backup)
    try:
        for pragma in (
            "PRAGMA foreign_keys = ON",
            "PRAGMA secure_delete = ON",
            "PRAGMA synchronous = EXTRA",
        ):
            conn.execute(pragma)
        with scrubbed_journal(conn, backup):
            ids = [
                r[0]
                for r in conn.execute(
                    # Same id and the same person: the pseudonym never changes, the name
                    # may have been corrected since; a homonym under another id is spared.
                    "SELECT id FROM participants WHERE id = ? AND (pseudonym = ? OR name = ?)",
                    (participant_id, pseudonym, name),
                )
            ]
            with conn:
                _erase_rows(conn, ids, name, pseudonym, label)
            conn.execute("VACUUM")
    finally:
        conn.close()


def forget_participant(session: Session, participant_id: int) -> Changes:
    """Erase a participant's personal data for good, here and in the migration backups.

    ``Changes.value`` is an ``Erasure`` whose ``message()`` tells the facilitator what was
    reached and that untracked copies must be handled by hand.
    """
    conn = session.conn
    exists(conn, "participants", participant_id, "Participant", "Participant")
    name, pseudonym = conn.execute(
        "SELECT name, pseudonym FROM participants WHERE id = ?", (participant_id,)
    ).fetchone()
    voting = conn.execute(
        "SELECT 1 FROM ballot_voters bv JOIN ballots b ON b.id = bv.ballot_id"
        " WHERE b.state = 'open' AND bv.participant_id = ?",
        (participant_id,),
    ).fetchone()
    if voting:
        raise InvalidInput(
            "Ce participant est votant du vote en cours : clôturez-le avant d’effacer ses données.",
            "This participant is a voter in the open vote: close it before erasing their data.",
        )
    label = _label(conn, session.lang)

    def fn(conn: sqlite3.Connection) -> None:
        _erase_rows(conn, [participant_id], name, pseudonym, label)

    with scrubbed_journal(conn, session.path):
        changes = session.run(
            "forget_participant",
            session.tr(
                f"Données personnelles effacées : {label}", f"Personal data erased: {label}"
            ),
            ALL_TOPICS,  # free texts anywhere may have named the person
            fn,
            undoable=False,
        )
        compact(session)
    erased: list[Path] = []
    deleted: list[Path] = []
    for backup in migration_backups(session.path):
        try:
            _erase_in_backup(backup, participant_id, name, pseudonym, label)
            erased.append(backup)
        except (WorkshopError, sqlite3.Error, OSError):
            _delete_file(backup)
            deleted.append(backup)
    result = Erasure(label, tuple(erased), tuple(deleted))
    return dataclasses.replace(changes, value=result)
