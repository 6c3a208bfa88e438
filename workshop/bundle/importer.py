"""Bundle import: check, insert every row with its id into a hidden file, then publish it."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from workshop import undo
from workshop.bundle.checks import check_bundle
from workshop.bundle.load import load_bundle
from workshop.bundle.schema import DEFAULT_NAME
from workshop.errors import BundleError, FileRefused
from workshop.methods import QuorumOn
from workshop.session import Session
from workshop.validate import validate_content
from workshop.workshopfile import WorkshopFile


def _insert(conn: sqlite3.Connection, data: Mapping[str, Any]) -> None:
    """Write every row of a checked bundle with its id (inside the caller's transaction)."""
    w = data["workshop"]
    conn.execute(
        "INSERT INTO workshop (id, title, organisation, sector, size_band, date, place,"
        " facilitator, lang, charter_status, ballot_method, ballot_capture,"
        " ballot_abstentions_count, ballot_double_majority, ballot_quorum, target_support,"
        " target_control, current_step, created_at, start_time)"
        " VALUES (1, :title, :organisation, :sector, :size_band, :date, :place, :facilitator,"
        " :lang, :charter_status, :ballot_method, :ballot_capture, :ballot_abstentions_count,"
        " :ballot_double_majority, :ballot_quorum, :target_support, :target_control,"
        " :current_step, :created_at, :start_time)",
        {
            **w,
            "ballot_abstentions_count": int(w["ballot_abstentions_count"]),
            "start_time": w.get("start_time"),  # bundles made before it was planned
        },
    )
    conn.executemany(
        "INSERT INTO agenda (step, position, planned_minutes, started_at, ended_at,"
        " break_minutes)"
        " VALUES (:step, :position, :planned_minutes, :started_at, :ended_at, :break_minutes)",
        [{"break_minutes": 0, **item} for item in data["agenda"]],
    )
    conn.executemany(
        "INSERT INTO colleges (id, name, colour, position) VALUES (:id, :name, :colour, :position)",
        data["colleges"],
    )
    conn.executemany(
        "INSERT INTO participants (id, name, function, college_id, present, may_be_named,"
        " pseudonym, position) VALUES (:id, :name, :function, :college_id, :present,"
        " :may_be_named, :pseudonym, :position)",
        [
            {**p, "present": int(p["present"]), "may_be_named": int(p["may_be_named"])}
            for p in data["participants"]
        ],
    )
    conn.executemany(
        "INSERT INTO diagnostic (criterion, score, note) VALUES (:criterion, :score, :note)",
        data["diagnostic"],
    )
    conn.executemany(
        "INSERT INTO positions (participant_id, round, support, control)"
        " VALUES (:participant_id, :round, :support, :control)",
        data["positions"],
    )
    for c in data["clauses"]:
        conn.execute(
            "INSERT INTO clauses (id, library_key, theme_key, theme_title, title, position,"
            " variant_key, text, note) VALUES (:id, :library_key, :theme_key, :theme_title,"
            " :title, :position, :variant_key, :text, :note)",
            {k: v for k, v in c.items() if k not in ("variants", "amendments", "ballots")},
        )
        for v in c["variants"]:
            conn.execute(
                "INSERT INTO variants (clause_id, key, position, lean, label, support, control,"
                " text, rationale, legal_basis, justification, flags) VALUES (?, ?, ?, ?, ?, ?,"
                " ?, ?, ?, ?, ?, ?)",
                (
                    c["id"],
                    v["key"],
                    v["position"],
                    v["lean"],
                    v["label"],
                    v["support"],
                    v["control"],
                    v["text"],
                    v["rationale"],
                    # Encoded as clauses.add_clause encodes them.
                    json.dumps(v["legal_basis"], ensure_ascii=False),
                    v["justification"],
                    json.dumps(v["flags"]),
                ),
            )
        conn.executemany(
            "INSERT INTO amendments (id, clause_id, before, after, college_id, reason, created_at)"
            " VALUES (:id, :clause_id, :before, :after, :college_id, :reason, :created_at)",
            [{**a, "clause_id": c["id"]} for a in c["amendments"]],
        )
        for b in c["ballots"]:
            _insert_ballot(conn, c["id"], b)
    conn.executemany(
        "INSERT INTO actions (id, title, description, kind, audience, owner, due_date, position)"
        " VALUES (:id, :title, :description, :kind, :audience, :owner, :due_date, :position)",
        data["actions"],
    )
    conn.executemany(
        "INSERT INTO audit (id, at, step, kind, summary, undo_sql, redo_sql)"
        " VALUES (:id, :at, :step, :kind, :summary, NULL, NULL)",
        data["audit"],
    )


def _insert_ballot(conn: sqlite3.Connection, clause_id: int, b: Mapping[str, Any]) -> None:
    conn.execute(
        "INSERT INTO ballots (id, clause_id, round, method, capture, abstentions_count,"
        " double_majority, quorum, state, variant_key, text, opened_at, closed_at, outcome,"
        " base, quorum_fraction, quorum_on, chair_id, members)"
        " VALUES (:id, :clause_id, :round, :method, :capture, :abstentions_count,"
        " :double_majority, :quorum, :state, :variant_key, :text, :opened_at, :closed_at,"
        " :outcome, :base, :quorum_fraction, :quorum_on, :chair_id, :members)",
        {
            **{k: v for k, v in b.items() if k not in ("voters", "votes", "counts", "remarks")},
            "clause_id": clause_id,
            "abstentions_count": int(b["abstentions_count"]),
            # round options (bundle version 2); a version 1 bundle keeps today's rules
            "base": b.get("base"),
            "quorum_fraction": b.get("quorum_fraction"),
            "quorum_on": b.get("quorum_on", QuorumOn.PARTICIPATION.value),
            "chair_id": b.get("chair_id"),
            "members": None
            if b.get("members") is None
            else json.dumps({str(m["college_id"]): m["n"] for m in b["members"]}),
        },
    )
    conn.executemany(
        "INSERT INTO ballot_voters (ballot_id, participant_id, college_id, voted)"
        " VALUES (?, ?, ?, ?)",
        [(b["id"], v["participant_id"], v["college_id"], int(v["voted"])) for v in b["voters"]],
    )
    conn.executemany(
        "INSERT INTO votes (ballot_id, participant_id, choice) VALUES (?, ?, ?)",
        [(b["id"], v["participant_id"], v["choice"]) for v in b["votes"]],
    )
    conn.executemany(
        "INSERT INTO ballot_counts (ballot_id, college_id, choice, n) VALUES (?, ?, ?, ?)",
        [(b["id"], n["college_id"], n["choice"], n["n"]) for n in b["counts"]],
    )
    conn.executemany(
        "INSERT INTO remarks (id, ballot_id, kind, participant_id, college_id, text, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r["id"],
                b["id"],
                r["kind"],
                r["participant_id"],
                r["college_id"],
                r["text"],
                r["created_at"],
            )
            for r in b["remarks"]
        ],
    )


def _discard(file: WorkshopFile) -> None:
    """Close a half-made workshop and remove it, so that a failed import leaves nothing."""
    path = file.path
    file.close()
    for leftover in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _exists_refusal(target: Path) -> FileRefused:
    return FileRefused(
        f"{target.name} : un fichier de ce nom existe déjà ; choisissez un autre nom.",
        f"{target.name}: a file with this name already exists; choose another name.",
    )


def _publish(built: Path, target: Path) -> None:
    """Give the finished workshop its name, never replacing a file that appeared meanwhile."""
    try:
        os.link(built, target)  # fails if the target exists: no overwrite, no race
    except FileExistsError:
        raise _exists_refusal(target) from None
    except OSError:  # no hard links here (some network or FAT folders)
        if target.exists():
            raise _exists_refusal(target) from None
        os.replace(built, target)
        return
    built.unlink()


def import_bundle(
    source: Mapping[str, Any] | str | os.PathLike, target_path: str | os.PathLike
) -> Session:
    """Create a new workshop file at ``target_path`` from a bundle (a dict or a file path).

    Everything is checked before a file is created; every row is then written with its id
    in one transaction, into a hidden file next to the target, and checked again as a file
    (workshop.validate, the rules of ``open``), so that what import accepts always opens.
    Only a complete, checked workshop gets the target's name: a failure, even a crash,
    never leaves a half-written file there (an existing file is never touched). The
    timeline comes back without undo data, so the new workshop has nothing to undo or redo.
    """
    if isinstance(source, str | os.PathLike):
        name = Path(source).name or DEFAULT_NAME
        data = load_bundle(source)
    else:
        name, data = DEFAULT_NAME, source
    check_bundle(data, name)
    target = Path(target_path)
    if target.exists():
        raise _exists_refusal(target)
    built = target.with_name(f".{target.name}.{os.getpid()}.importing")
    file = WorkshopFile.create(built)
    try:
        with file.transaction():
            _insert(file.conn, data)
            validate_content(file.conn, Path(name))
        file.close()
        _publish(built, target)
    except FileRefused as exc:
        _discard(file)
        raise BundleError(exc.fr, exc.en) from None
    except (sqlite3.Error, OverflowError, UnicodeError, ValueError) as exc:
        _discard(file)
        detail = " ".join(str(exc).split())[:120]
        raise BundleError(
            f"{name} : bundle refusé par la base de données ({detail}).",
            f"{name}: bundle refused by the database ({detail}).",
        ) from None
    except BaseException:
        _discard(file)
        raise
    session = Session.open(target)
    # The timeline carries no undo SQL, so nothing can be undone or redone. Reset the
    # stacks explicitly: UndoStacks.from_log still turns a trailing "undo"/"redo" event
    # without SQL into a stack entry (a no-op "redo" would be offered).
    session._stacks = undo.UndoStacks()
    return session
