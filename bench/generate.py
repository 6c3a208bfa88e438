"""Deterministic workshops of four sizes, built only through the operations, cached on disk.

S: 20 participants, 20 clauses, 1 round; M: 60, 40, 2; L: 100, 80, 3; XL: 500, 300, 5.
Every clause but the last is put to the vote ``rounds`` times (the rounds before the last
one are mostly rejected or postponed, the clause is amended, and voted on again); the last
clause is left undecided, as at the end of a real day, so that the vote benchmark has a
clause to open a round on. Methods and capture modes are cycled so that every pair occurs,
with double majorities, a quorum that is not met, reservations and objections with their
reasons, remarks added after a vote, late arrivals and an early departure, a full
diagnostic, both matrix rounds, a target and an accompaniment plan. The workshop ends on
the clauses step (the facilitator came back to the last clause).

For speed, and for the generator only, the session's connection runs with
``PRAGMA synchronous = OFF`` and ``journal_mode = MEMORY`` while the workshop is written
(one fsync, or one journal file created and deleted, per operation would make XL take
hours), then the app's settings are restored before the file is closed; the file is
written in memory (``/dev/shm``) where the system has it, then moved into the cache.
Files are cached under ``bench/.cache/`` keyed by :data:`GEN_VERSION` and the schema
version, written to a temporary name and renamed when complete, so an interrupted run
leaves no half workshop.
"""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

#: Bump when the generated content changes: cached files of other versions are ignored.
GEN_VERSION = 1

CACHE = Path(__file__).resolve().parent / ".cache"

START = datetime(2027, 3, 16, 9, 0, tzinfo=timezone(timedelta(hours=1)))
DAY_SECONDS = 7 * 3600  # the audit timeline spans about a working day whatever the size

METHODS = ("simple", "absolute", "two_thirds", "unanimity", "consent")
CAPTURES = ("nominative", "secret", "counts")

FIRST = ("Hélène", "Łukasz", "Aïcha", "François", "Zoé", "Chloé", "Björn", "Sophie", "Noé",
         "Inès", "Maël", "Olga", "Jean-Noël", "Yusuf", "Noa", "Παναγιώτης", "Camille", "Léa",
         "Thomas", "Nadia", "Pierre", "Fatou", "Mathéo", "Anaïs")  # fmt: skip
LAST = ("Marchand-Dubois", "Nguyễn-O’Brien", "Benali", "Lefèvre", "Kowalczyk", "Martin",
        "Åkesson", "Gauthier", "Éluard", "Ferreira", "Petit", "Смирнова", "O’Connor",
        "Al-Haddad", "Cohen", "Ιωάννου", "Rousseau", "Moreau", "Diallo", "Girard")  # fmt: skip
FUNCTIONS = ("Conseiller clientèle", "Responsable d’agence", "Juriste en droit social",
             "Chargée de communication", "Délégué syndical", "Architecte SI",
             "Gestionnaire sinistres", "Directrice régionale", "Élue du CSE",
             "Responsable formation")  # fmt: skip
ACTION_KINDS = ("training", "elearning", "guide", "ambassadors", "referent", "tool_adoption",
                "strategy_communication", "other")  # fmt: skip


@dataclass(frozen=True)
class Size:
    name: str
    participants: int
    clauses: int
    rounds: int
    actions: int

    def estimated_operations(self) -> int:
        """About how many operations (and clock readings) the workshop takes."""
        voters = self.participants
        per_round = voters * 2 // 3 + 8  # nominative and secret: one op per voter
        return voters * 3 + self.clauses * (self.rounds * per_round + 3) + self.actions + 60


SIZES: dict[str, Size] = {
    "S": Size("S", 20, 20, 1, 7),
    "M": Size("M", 60, 40, 2, 10),
    "L": Size("L", 100, 80, 3, 14),
    "XL": Size("XL", 500, 300, 5, 30),
}


def cache_dir() -> Path:
    from workshop.schema import SCHEMA_VERSION

    return CACHE / f"gen-v{GEN_VERSION}-schema{SCHEMA_VERSION}"


def synthetic_library(n: int, lang: str = "fr"):  # noqa: ANN201 - workshop.library.Library
    """The builtin library, with clauses cloned under new keys until it holds ``n``."""
    from workshop.library import builtin_library

    base = builtin_library(lang)
    if n <= len(base.clauses):
        return base
    clauses = list(base.clauses)
    copy = 2
    while len(clauses) < n:
        for clause in base.clauses:
            if len(clauses) >= n:
                break
            clauses.append(
                dataclasses.replace(
                    clause, key=f"{clause.key}-{copy}", title=f"{clause.title} ({copy})"
                )
            )
        copy += 1
    return dataclasses.replace(base, clauses=tuple(clauses), source=f"bench:{lang}:{n}")


def _choice(rng: random.Random, method: str, final: bool) -> str:
    """A voter's choice: the rounds before the last lean against, the last one for."""
    x = rng.random()
    if method == "consent":
        if final:
            return "consent" if x < 0.93 else "reservation"
        return "objection" if x < 0.05 else ("reservation" if x < 0.2 else "consent")
    if method == "unanimity" and final:
        return "for" if x < 0.96 else "abstain"
    if final:
        return "for" if x < 0.78 else ("against" if x < 0.9 else "abstain")
    return "for" if x < 0.3 else ("against" if x < 0.88 else "abstain")


REMARKS = {
    "reservation": "Préciser les exemples concrets dans le guide pratique.",
    "objection": "La clause renvoie à un document qui n’existe pas encore.",
}


def build(size: Size, path: Path, *, progress: Callable[[str], None] | None = None) -> None:
    """Write the ``size`` workshop at ``path`` (which must not exist)."""
    from workshop import diagnostic
    from workshop.clock import fixed_clock
    from workshop.operations import ballots, clauses, plan, positioning, setup

    say = progress or (lambda _msg: None)
    rng = random.Random(f"bench-{size.name}-{GEN_VERSION}")
    library = synthetic_library(size.clauses)
    theme_order = {t.key: i for i, t in enumerate(library.themes)}
    chosen = sorted(
        library.clauses[: size.clauses],
        key=lambda c: (theme_order.get(c.theme, 0), library.clauses.index(c)),
    )
    step = timedelta(seconds=max(0.001, DAY_SECONDS / size.estimated_operations()))
    with fixed_clock(START, step) as skip:
        session = setup.create(
            path, f"Charte des médias sociaux — atelier {size.name}", "Mutuelle Hélios", "fr"
        )
        conn: sqlite3.Connection = session.conn
        conn.execute("PRAGMA synchronous = OFF")  # generator only: see the module docstring
        conn.execute("PRAGMA journal_mode = MEMORY")
        try:
            setup.update_workshop(
                session,
                sector="Assurance et mutuelle",
                size_band="250-4999",
                date="2027-03-16",
                place="Lyon, salle Confluence",
                facilitator="Camille Rousseau",
                charter_status="annex_ri",
            )
            colleges = [r[0] for r in conn.execute("SELECT id FROM colleges ORDER BY position")]
            # -- participants: some absent at the start, some who do not consent to be named
            say(f"{size.name}: participants")
            people: list[int] = []
            late: list[int] = []
            for i in range(size.participants):
                absent = i % 20 == 7
                pid = setup.add_participant(
                    session,
                    f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}",
                    colleges[(i * 5 + i // 8) % len(colleges)],
                    FUNCTIONS[i % len(FUNCTIONS)],
                    present=not absent,
                    may_be_named=i % 9 != 4,
                ).value
                people.append(pid)
                if absent:
                    late.append(pid)
            setup.go_to_step(session, "setup")
            skip(timedelta(minutes=15))
            # -- diagnostic
            setup.go_to_step(session, "diagnostic")
            for n, criterion in enumerate(diagnostic.CRITERIA):
                positioning.set_score(session, criterion.key, 1 + (n * 3) % 5)
                positioning.set_note(session, criterion.key, f"Constat n° {n + 1} de l’atelier.")
            skip(timedelta(minutes=30))
            # -- matrix, opening round
            setup.go_to_step(session, "matrix")
            present = set(people) - set(late)
            for pid in people:
                if pid in present:
                    positioning.place(session, pid, "opening", rng.uniform(1, 9), rng.uniform(1, 9))
            positioning.set_target(session, 7.5, 4.5)
            skip(timedelta(minutes=25))
            # -- clauses
            setup.go_to_step(session, "clauses")
            say(f"{size.name}: {len(chosen)} clauses")
            ids = [clauses.add_clause(session, library, c.key).value for c in chosen]
            college_of = dict(conn.execute("SELECT id, college_id FROM participants"))
            for i, clause_id in enumerate(ids[:-1]):  # the last clause is left undecided
                if i == len(ids) // 3 and late:
                    for pid in late:  # they arrive after lunch
                        setup.set_present(session, pid, True)
                    skip(timedelta(minutes=60))
                if i == 2 * len(ids) // 3:
                    setup.set_present(session, people[1], False)  # someone leaves early
                if i % 4 == 1:
                    _amend(session, clauses, conn, clause_id, colleges[i % len(colleges)], 0)
                method = METHODS[i % len(METHODS)]
                capture = CAPTURES[(i // len(METHODS)) % len(CAPTURES)]
                settings: dict[str, object] = {}
                if capture != "secret" and method != "consent" and i % 7 == 3:
                    settings["double_majority"] = 0
                if method not in ("consent", "absolute") and i % 11 == 5:
                    settings["abstentions_count"] = True  # absolute: they already count
                for r in range(size.rounds):
                    final = r == size.rounds - 1
                    short = final and i % 23 == 11  # everybody present is needed: not met
                    if short:
                        settings["quorum"] = conn.execute(
                            "SELECT count(*) FROM participants WHERE present = 1"
                        ).fetchone()[0]
                    ballot = ballots.open_ballot(
                        session, clause_id, method=method, capture=capture, **settings
                    ).value
                    settings.pop("quorum", None)
                    voters = [pid for pid, _ in ballots.who_voted(conn, ballot)]
                    if short:
                        voters = voters[1:]  # one stays silent: postponed
                    _vote(session, ballots, rng, ballot, voters, college_of, method, capture, final)
                    ballots.close_ballot(session, ballot)
                    if final and i % 6 == 2 and method != "consent":
                        ballots.add_remark(
                            session,
                            ballot,
                            "reservation",
                            REMARKS["reservation"],
                            college_id=None if capture == "secret" else colleges[i % 8],
                        )
                    if not final:
                        _amend(session, clauses, conn, clause_id, colleges[r % 8], r + 1)
                if i % 10 == 9:
                    clauses.set_clause_note(
                        session, clause_id, "À revoir avec le service juridique."
                    )
                if i % 20 == 0:
                    say(f"{size.name}: clause {i + 1}/{len(ids) - 1}")
            # -- matrix, closing round
            setup.go_to_step(session, "matrix")
            for pid in people:
                positioning.place(session, pid, "closing", rng.uniform(5, 9), rng.uniform(2, 6))
            # -- accompaniment plan
            setup.go_to_step(session, "plan")
            for n in range(size.actions):
                plan.add_action(
                    session,
                    f"Action d’accompagnement n° {n + 1} : former et outiller les équipes",
                    ACTION_KINDS[n % len(ACTION_KINDS)],
                    description="Sessions courtes, exemples tirés de la charte adoptée.",
                    audience="Tous les salariés" if n % 2 else "Managers",
                    owner="RH — formation" if n % 3 else "Communication",
                    due_date=f"2027-{4 + n % 8:02d}-{1 + n % 28:02d}",
                )
            setup.go_to_step(session, "wrapup")
            skip(timedelta(minutes=20))
            setup.go_to_step(session, "clauses")  # back to the clause left undecided
        finally:
            conn.execute("PRAGMA journal_mode = DELETE")  # the app's settings again
            conn.execute("PRAGMA synchronous = EXTRA")
            session.close()


def _amend(session, clauses, conn, clause_id: int, college: int, n: int) -> None:  # noqa: ANN001
    before = conn.execute("SELECT text FROM clauses WHERE id = ?", (clause_id,)).fetchone()[0]
    clauses.amend(
        session,
        clause_id,
        before + f" Précision apportée en séance (amendement {n + 1}).",
        college_id=college,
        reason="Rendre la règle plus claire pour tous.",
    )


def _vote(session, ballots, rng, ballot, voters, college_of, method, capture, final) -> None:  # noqa: ANN001
    if capture == "counts":
        per_college: dict[int, dict[str, int]] = {}
        for pid in voters:
            choice = _choice(rng, method, final)
            counts = per_college.setdefault(college_of[pid], {})
            counts[choice] = counts.get(choice, 0) + 1
        for college, counts in sorted(per_college.items()):
            ballots.set_counts(session, ballot, college, counts)
        return
    from workshop.operations import secrecy

    cast = ballots.cast_vote if capture == "nominative" else ballots.cast_secret
    # The round's votes as phones cast them at once: one group, one commit, and for a
    # secret round one journal scrub and one rebuild (VACUUM) instead of one per vote,
    # which made XL's 250 000 secret votes take days.
    with secrecy.grouped(session):
        for pid in voters:
            choice = _choice(rng, method, final)
            cast(session, ballot, pid, choice, REMARKS.get(choice))
    session.conn.execute("PRAGMA journal_mode = MEMORY")  # a secret round ends in DELETE


def workshop(name: str, *, progress: Callable[[str], None] | None = None) -> Path:
    """The cached file of size ``name``, generated first if missing."""
    size = SIZES[name]
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.charter"
    if path.exists():
        return path
    shm = Path("/dev/shm")
    scratch = shm if shm.is_dir() and os.access(shm, os.W_OK) else folder
    tmp = scratch / f".charter-bench-{name}.{os.getpid()}.charter"
    for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
        leftover.unlink(missing_ok=True)
    t0 = time.perf_counter()
    try:
        build(size, tmp, progress=progress)
        staged = folder / f".{name}.{os.getpid()}.charter"
        shutil.move(tmp, staged)  # across file systems: a copy, then renamed into place
        os.replace(staged, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if progress:
        progress(f"{name}: generated in {time.perf_counter() - t0:.1f} s")
    return path


def counts(path: Path) -> dict[str, int]:
    """What a workshop file holds, for the tables (read-only)."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:

        def one(sql: str) -> int:
            return int(conn.execute(sql).fetchone()[0])

        return {
            "participants": one("SELECT count(*) FROM participants"),
            "clauses": one("SELECT count(*) FROM clauses"),
            "ballots": one("SELECT count(*) FROM ballots"),
            "votes": one("SELECT count(*) FROM ballot_voters WHERE voted = 1")
            + one(
                "SELECT coalesce(sum(n), 0) FROM ballot_counts"
                " WHERE ballot_id IN (SELECT id FROM ballots WHERE capture = 'counts')"
            ),
            "amendments": one("SELECT count(*) FROM amendments"),
            "audit_events": one("SELECT count(*) FROM audit"),
            "bytes": path.stat().st_size,
        }
    finally:
        conn.close()


if __name__ == "__main__":
    import sys

    for arg in sys.argv[1:] or ["S"]:
        p = workshop(arg, progress=print)
        print(p, counts(p))
