"""GDPR erasure: the person leaves no trace in the file, its journal or the migration backup.

Raw bytes are searched for the UTF-8 name, each of its words, the function and the old
pseudonym; the workshop's record (votes, counts, outcomes, reservations) stays whole.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from workshop import snapshot
from workshop.errors import InvalidInput
from workshop.library import builtin_library
from workshop.operations import ballots, clauses, erasure, plan, positioning, secrecy, setup
from workshop.session import Session

FIXTURE = Path(__file__).parent.parent / "fixtures" / "v1.charter"
NAME = "Łukasz Nguyễn-O’Brien"
FUNCTION = "Délégué syndical CGT"


def traces(data: bytes, name: str, *whole: str) -> list[str]:
    """The name, each part of it, and the ``whole`` strings found in raw bytes (UTF-8)."""
    parts = {name, *whole} | {p for p in name.replace("-", " ").split() if len(p) >= 3}
    return sorted(p for p in parts if p.encode() in data)


def _college(session: Session, name: str) -> int:
    return session.conn.execute("SELECT id FROM colleges WHERE name = ?", (name,)).fetchone()[0]


@pytest.fixture
def workshop(tmp_path):
    """A workshop where the person voted by name (with a reservation) and in secret."""
    s = setup.create(tmp_path / "rgpd.charter", "Atelier", "ACME", "fr")
    lib = builtin_library("fr")
    rh, rp = _college(s, "RH"), _college(s, "Représentants du personnel")
    person = setup.add_participant(s, NAME, rp, FUNCTION).value
    others = [setup.add_participant(s, n, c).value for n, c in (("Anne Martin", rh), ("Bo", rp))]
    setup.update_participant(s, person, function=FUNCTION + " (suppléant)")  # undo data
    positioning.place(s, person, "opening", 2, 8)
    plan.add_action(s, "Former les managers", owner=NAME)
    cid = clauses.add_clause(s, lib, lib.clauses[0].key).value
    named = ballots.open_ballot(s, cid, method="consent").value
    ballots.cast_vote(s, named, person, "reservation", "Je préfère « 30 jours »")
    ballots.cast_vote(s, named, others[0], "consent")
    ballots.cast_vote(s, named, others[1], "objection", "Non")
    ballots.close_ballot(s, named)
    secret = ballots.open_ballot(s, cid, method="consent", capture="secret").value
    for pid in [person, *others]:
        ballots.cast_secret(s, secret, pid, "consent")
    ballots.close_ballot(s, secret)
    pseudonym = setup.pseudonym_of(s.conn, person)
    yield s, person, others, named, pseudonym
    s.close()


def test_erasure_keeps_the_record_and_drops_every_link(workshop):
    s, person, others, named, pseudonym = workshop
    before = ballots.compute_result(s.conn, named)
    votes_before = s.conn.execute("SELECT choice FROM votes ORDER BY participant_id").fetchall()
    changes = setup.forget_participant(s, person)
    result = changes.value
    assert result.label == "Participant effacé 1"
    assert not s.can_undo
    who = snapshot.load(s.conn).participant(person)
    assert (who.name, who.pseudonym, who.function, who.may_be_named) == (
        result.label,
        result.label,
        "",
        False,
    )
    # Votes and outcomes stay exactly as the minutes recorded them.
    assert ballots.compute_result(s.conn, named) == before
    assert (
        s.conn.execute("SELECT choice FROM votes ORDER BY participant_id").fetchall()
        == votes_before
    )
    # Their reservation stays (it counts) but belongs to nobody and has no time of its own.
    opened = s.conn.execute("SELECT opened_at FROM ballots WHERE id = ?", (named,)).fetchone()[0]
    reservation = s.conn.execute(
        "SELECT participant_id, college_id, created_at FROM remarks WHERE text LIKE 'Je préfère%'"
    ).fetchone()
    assert reservation == (None, None, opened)
    # Other people are untouched.
    other = s.conn.execute("SELECT participant_id FROM remarks WHERE text = 'Non'").fetchone()
    assert other == (others[1],)
    assert snapshot.load(s.conn).participant(others[0]).name == "Anne Martin"
    summaries = [r[0] for r in s.conn.execute("SELECT summary FROM audit")]
    assert not any(pseudonym in line for line in summaries)
    assert f"{result.label} a voté" in summaries
    owner = s.conn.execute("SELECT owner FROM actions").fetchone()[0]
    assert owner == result.label
    assert "supprimez-les" in result.message("fr") and "by hand" in result.message("en")


def test_erased_person_leaves_no_byte_in_the_file_nor_a_journal(workshop):
    s, person, _, _, pseudonym = workshop
    path = s.path
    assert traces(path.read_bytes(), NAME, FUNCTION, pseudonym)  # the test can see them
    setup.forget_participant(s, person)
    assert not path.with_name(path.name + "-journal").exists()
    s.close()
    assert traces(path.read_bytes(), NAME, FUNCTION, pseudonym) == []


def test_the_journals_are_zeroed_before_being_deleted(workshop, monkeypatch):
    s, person, _, _, _ = workshop
    journal = s.path.with_name(s.path.name + "-journal")
    held: list[bytes] = []
    zeroed: list[bytes] = []
    compact, zero = erasure.compact, secrecy._zero_journal

    def before_compact(session: Session) -> bool:
        held.append(journal.read_bytes())  # the erasure's own journal, kept (PERSIST)
        return compact(session)

    def after_zero(database: Path) -> None:
        zero(database)
        zeroed.append(journal.read_bytes())

    monkeypatch.setattr(erasure, "compact", before_compact)
    monkeypatch.setattr(secrecy, "_zero_journal", after_zero)
    setup.forget_participant(s, person)
    assert traces(held[0], NAME)  # without the scrub, these bytes would linger on disk
    assert zeroed and zeroed[0] and zeroed[0] == b"\0" * len(zeroed[0])
    assert not journal.exists()


def test_a_voter_of_the_open_vote_cannot_be_erased_yet(workshop):
    s, person, _, _, _ = workshop
    cid = s.conn.execute("SELECT id FROM clauses").fetchone()[0]
    ballots.open_ballot(s, cid)
    before = s.path.read_bytes()
    with pytest.raises(InvalidInput, match="clôturez"):
        setup.forget_participant(s, person)
    assert s.path.read_bytes() == before


def test_pseudonym_rewrite_does_not_touch_a_longer_one(tmp_path):
    s = setup.create(tmp_path / "p.charter", "Atelier", "ACME", "fr")
    rh = _college(s, "RH")
    ids = [setup.add_participant(s, f"Personne {i}", rh).value for i in range(11)]
    assert setup.pseudonym_of(s.conn, ids[10]) == "RH 11"
    setup.forget_participant(s, ids[0])  # « RH 1 »
    summaries = [r[0] for r in s.conn.execute("SELECT summary FROM audit")]
    assert "Participant ajouté : RH 11" in summaries
    assert "Participant ajouté : RH 1" not in summaries
    s.close()


def test_erasure_after_a_migration_reaches_the_backup(tmp_path):
    path = tmp_path / "ancien.charter"
    shutil.copyfile(FIXTURE, path)
    s = Session.open(path)  # migrates, writing ancien.v1-backup.charter first
    backup = tmp_path / "ancien.v1-backup.charter"
    assert erasure.migration_backups(path) == [backup]
    assert traces(backup.read_bytes(), NAME)
    result = setup.forget_participant(s, 1).value
    s.close()
    assert result.backups_erased == (backup,) and result.backups_deleted == ()
    assert "ancien.v1-backup.charter" in result.message("fr")
    for raw in (path.read_bytes(), backup.read_bytes()):
        assert traces(raw, NAME, "RH 1") == []
    assert not backup.with_name(backup.name + "-journal").exists()
    # The backup is still a sound workshop of its version, with the other person intact.
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT id, name FROM participants ORDER BY id").fetchall() == [
        (1, result.label),
        (2, "Zoé Kowalczyk"),
    ]
    conn.close()


def test_a_backup_that_cannot_be_erased_is_deleted_and_reported(tmp_path):
    s = setup.create(tmp_path / "w.charter", "Atelier", "ACME", "fr")
    pid = setup.add_participant(s, NAME, _college(s, "RH")).value
    bogus = tmp_path / "w.v1-backup.charter"
    bogus.write_bytes(b"not a database " + NAME.encode())
    unrelated = tmp_path / "w2.v1-backup.charter"
    unrelated.write_bytes(NAME.encode())
    result = setup.forget_participant(s, pid).value
    s.close()
    assert result.backups_deleted == (bogus,)
    assert not bogus.exists()
    assert unrelated.exists()  # another workshop's file: not ours to touch
    assert "supprimée" in result.message("fr")


def test_erasure_revokes_the_persons_phone_link(workshop):
    from workshop.operations import phones
    from workshop.remote.state import person_for_token

    s, person, others, _, _ = workshop
    _, tokens = phones.issue_links(s, [person, *others])
    assert person_for_token(s, tokens[person]) is not None
    erasure.forget_participant(s, person)
    assert person not in phones.linked_participants(s.conn)
    assert person_for_token(s, tokens[person]) is None  # the old card no longer votes
    assert {p.participant_id for p in [person_for_token(s, tokens[o]) for o in others] if p} == set(
        others
    )
