"""The JSON bundle: a whole workshop as one versioned JSON document, and back.

A bundle moves a workshop where a SQLite file cannot go (a diff, a review, another tool, a
support request) and archives it in a format readable without the app. The format is
documented in ``docs/bundle.md`` and described by ``resources/bundle.schema.json``.

Guarantees:

* export -> import -> export gives the same JSON text, byte for byte (``dumps_bundle``):
  row ids are kept, and the order of every list is the read model's (``snapshot.load``);
* the bundle is built from the read model, so the confidentiality rules apply: a secret
  ballot has only overall totals, and an open ballot carries nobody's choice, not even who
  has voted (after import its round restarts from zero);
* import refuses, with one bilingual line naming the JSON path of the first bad field,
  anything that does not validate, and leaves no file behind when it fails;
* import writes the audit timeline back as it was, without undo data and without adding an
  event of its own: the imported workshop starts with an empty undo history.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from fractions import Fraction
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, NoReturn

from workshop import limits, snapshot, undo, voting
from workshop.errors import BundleError, FileRefused, VoteError, WorkshopError
from workshop.jsonschema_lite import shown, validate
from workshop.methods import Base, QuorumOn
from workshop.model import BallotState, CaptureMode, Choice, Method, choices_for
from workshop.session import Session
from workshop.validate import validate_content
from workshop.workshopfile import WorkshopFile

#: The value of the top-level "format" field of every bundle.
FORMAT = "charter-workshop-bundle"
#: The bundle version this release writes and the newest it reads. Raise it (and document
#: the change in docs/bundle.md) whenever a field is added, removed or changes meaning.
VERSION = 2  # 2: a round's base, quorum kind, casting vote and members (issue 11)
#: The schema shipped as package data (``resources/bundle.schema.json``).
SCHEMA_RESOURCE = "bundle.schema.json"

#: The name errors use for a bundle given as a dict rather than a file.
DEFAULT_NAME = "bundle"


# -- export --------------------------------------------------------------------------------
def _conn(source: Session | WorkshopFile | sqlite3.Connection) -> sqlite3.Connection:
    if isinstance(source, Session):
        conn = source.file.conn
    elif isinstance(source, WorkshopFile):
        conn = source.conn
    else:
        conn = source
    if conn is None:
        raise WorkshopError("L’atelier est fermé.", "The workshop is closed.")
    return conn


def _members_out(text: str | None) -> list[dict[str, int]] | None:
    """A round's registered members per college (stored as JSON) as bundle rows."""
    if text is None:
        return None
    return [
        {"college_id": int(k), "n": n}
        for k, n in sorted(json.loads(text).items(), key=lambda i: int(i[0]))
    ]


def _ballot(b: snapshot.Ballot) -> dict[str, Any]:
    is_open = b.is_open
    return {
        "id": b.id,
        "round": b.round,
        "method": b.method,
        "capture": b.capture,
        "abstentions_count": b.abstentions_count,
        "double_majority": b.double_majority,
        "quorum": b.quorum,
        "base": b.base,
        "quorum_fraction": b.quorum_fraction,
        "quorum_on": b.quorum_on,
        "chair_id": b.chair_id,
        "members": _members_out(b.members),
        "state": b.state,
        "variant_key": b.variant_key,
        "text": b.text,
        "opened_at": b.opened_at,
        "closed_at": b.closed_at,
        "outcome": b.outcome,
        # While a vote runs, even who has voted stays out: the round restarts on import.
        "voters": [
            {
                "participant_id": v.participant_id,
                "college_id": v.college_id,
                "voted": False if is_open else v.voted,
            }
            for v in b.voters
        ],
        "votes": []
        if is_open
        else [{"participant_id": v.participant_id, "choice": v.choice} for v in b.votes],
        "counts": []
        if is_open
        else [{"college_id": c.college_id, "choice": c.choice, "n": c.n} for c in b.counts],
        "remarks": []
        if is_open
        else [
            {
                "id": r.id,
                "kind": r.kind,
                "participant_id": r.participant_id,
                "college_id": r.college_id,
                "text": r.text,
                "created_at": r.created_at,
            }
            for r in b.remarks
        ],
    }


def _clause(c: snapshot.Clause) -> dict[str, Any]:
    return {
        "id": c.id,
        "library_key": c.library_key,
        "theme_key": c.theme_key,
        "theme_title": c.theme_title,
        "title": c.title,
        "position": c.position,
        "variant_key": c.variant_key,
        "text": c.text,
        "note": c.note,
        "variants": [
            {
                "key": v.key,
                "position": v.position,
                "lean": v.lean,
                "label": v.label,
                "support": v.support,
                "control": v.control,
                "text": v.text,
                "rationale": v.rationale,
                "legal_basis": list(v.legal_basis),
                "justification": v.justification,
                "flags": list(v.flags),
            }
            for v in c.variants
        ],
        "amendments": [
            {
                "id": a.id,
                "before": a.before,
                "after": a.after,
                "college_id": a.college_id,
                "reason": a.reason,
                "created_at": a.created_at,
            }
            for a in c.amendments
        ],
        "ballots": [_ballot(b) for b in c.ballots],
    }


def export_bundle(source: Session | WorkshopFile | sqlite3.Connection) -> dict[str, Any]:
    """The whole workshop as a bundle (plain JSON values), built from the read model.

    Going through ``snapshot.load`` means the bundle can never hold what no view may show:
    an open ballot's choices and counts, or who voted what in a secret ballot.
    """
    return bundle_of(snapshot.load(_conn(source)))


def _plain(value: Any) -> Any:
    """Plain JSON values: the snapshot's enumerations become their stored strings."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def bundle_of(snap: snapshot.Snapshot) -> dict[str, Any]:
    """The bundle of a snapshot (the pseudonymised JSON export passes a filtered one)."""
    return _plain(_bundle_of(snap))


def _bundle_of(snap: snapshot.Snapshot) -> dict[str, Any]:
    w = snap.workshop
    return {
        "format": FORMAT,
        "version": VERSION,
        "workshop": {
            "title": w.title,
            "organisation": w.organisation,
            "sector": w.sector,
            "size_band": w.size_band,
            "date": w.date,
            "place": w.place,
            "facilitator": w.facilitator,
            "lang": w.lang,
            "charter_status": w.charter_status,
            "ballot_method": w.ballot_method,
            "ballot_capture": w.ballot_capture,
            "ballot_abstentions_count": w.ballot_abstentions_count,
            "ballot_double_majority": w.ballot_double_majority,
            "ballot_quorum": w.ballot_quorum,
            "target_support": w.target_support,
            "target_control": w.target_control,
            "current_step": w.current_step,
            "created_at": w.created_at,
            "start_time": w.start_time,
        },
        "agenda": [
            {
                "step": a.step,
                "position": a.position,
                "planned_minutes": a.planned_minutes,
                "started_at": a.started_at,
                "ended_at": a.ended_at,
                "break_minutes": a.break_minutes,
            }
            for a in snap.agenda
        ],
        "colleges": [
            {"id": c.id, "name": c.name, "colour": c.colour, "position": c.position}
            for c in snap.colleges
        ],
        "participants": [
            {
                "id": p.id,
                "name": p.name,
                "function": p.function,
                "college_id": p.college_id,
                "present": p.present,
                "may_be_named": p.may_be_named,
                "pseudonym": p.pseudonym,
                "position": p.position,
            }
            for p in snap.participants
        ],
        "diagnostic": [
            {"criterion": d.criterion, "score": d.score, "note": d.note} for d in snap.diagnostic
        ],
        "positions": [
            {
                "participant_id": p.participant_id,
                "round": p.round,
                "support": p.support,
                "control": p.control,
            }
            for p in snap.positions
        ],
        "clauses": [_clause(c) for c in snap.clauses],
        "actions": [
            {
                "id": a.id,
                "title": a.title,
                "description": a.description,
                "kind": a.kind,
                "audience": a.audience,
                "owner": a.owner,
                "due_date": a.due_date,
                "position": a.position,
            }
            for a in snap.actions
        ],
        "audit": [
            {"id": e.id, "at": e.at, "step": e.step, "kind": e.kind, "summary": e.summary}
            for e in snap.audit
        ],
    }


def dumps_bundle(bundle: Mapping[str, Any]) -> str:
    """The canonical text of a bundle: what ``export --json`` prints and files contain.

    Sorted keys, two-space indent, UTF-8 characters as they are and a final newline, so
    that the same workshop always gives the same bytes (diffable, comparable).
    """
    return json.dumps(bundle, ensure_ascii=False, indent=2, sort_keys=True, allow_nan=False) + "\n"


def write_bundle(
    source: Session | WorkshopFile | sqlite3.Connection, path: str | os.PathLike
) -> Path:
    """Write the workshop's bundle to ``path`` (UTF-8, "\\n" line ends), atomically.

    Through ``exports.common.atomic_write``: never over a workshop file or its companions.
    """
    from workshop.exports.common import atomic_write

    data = dumps_bundle(export_bundle(source)).encode("utf-8")
    return atomic_write(Path(path), lambda tmp: tmp.write_bytes(data))


# -- reading and validating ----------------------------------------------------------------
class _JsonProblem(Exception):
    def __init__(self, fr: str, en: str) -> None:
        super().__init__(en)
        self.fr, self.en = fr, en


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _JsonProblem(f"clé {shown(key)} en double", f"duplicate key {shown(key)}")
        result[key] = value
    return result


def _no_constant(name: str) -> NoReturn:
    raise _JsonProblem(
        f"valeur {name} interdite (hors de la norme JSON)",
        f"value {name} is not allowed (not standard JSON)",
    )


def load_bundle(path: str | os.PathLike) -> Any:
    """Read a bundle file as JSON (UTF-8, a BOM tolerated); BundleError if it cannot be."""
    path = Path(path)
    name = path.name or str(path)
    try:
        if path.is_dir():
            raise BundleError(
                f"{name} : c’est un dossier, pas un fichier.",
                f"{name}: this is a folder, not a file.",
            )
        with path.open("rb") as fh:
            raw = fh.read(limits.MAX_BUNDLE_BYTES + 1)  # bounded before anything is parsed
    except FileNotFoundError:
        raise BundleError(f"{name} : fichier introuvable.", f"{name}: file not found.") from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise BundleError(
            f"{name} : lecture impossible ({reason}).", f"{name}: cannot be read ({reason})."
        ) from None
    if len(raw) > limits.MAX_BUNDLE_BYTES:
        mib = limits.MAX_BUNDLE_BYTES // (1024 * 1024)
        raise BundleError(
            f"{name} : fichier trop gros pour un bundle (plus de {mib} Mio).",
            f"{name}: file too big for a bundle (over {mib} MiB).",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BundleError(
            f"{name} : le fichier n’est pas encodé en UTF-8 (octet invalide ligne {line}).",
            f"{name}: the file is not UTF-8 encoded (invalid byte on line {line}).",
        ) from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
    except _JsonProblem as exc:
        raise BundleError(
            f"{name} : JSON refusé : {exc.fr}.", f"{name}: JSON refused: {exc.en}."
        ) from None
    except json.JSONDecodeError as exc:
        raise BundleError(
            f"{name} : JSON invalide ligne {exc.lineno}, colonne {exc.colno} ({exc.msg}).",
            f"{name}: invalid JSON at line {exc.lineno}, column {exc.colno} ({exc.msg}).",
        ) from None
    except (ValueError, RecursionError) as exc:  # int digit limit, nesting too deep
        detail = " ".join(str(exc).split())[:80] or type(exc).__name__
        raise BundleError(
            f"{name} : JSON illisible ({detail}).", f"{name}: unreadable JSON ({detail})."
        ) from None
    if _depth(data) > limits.MAX_BUNDLE_DEPTH:
        raise BundleError(
            f"{name} : JSON trop imbriqué (plus de {limits.MAX_BUNDLE_DEPTH} niveaux).",
            f"{name}: JSON nested too deeply (over {limits.MAX_BUNDLE_DEPTH} levels).",
        )
    return data


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in ``value`` (iterative: no recursion to exhaust)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, level)
            if level > limits.MAX_BUNDLE_DEPTH:
                break
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, level + 1) for child in children)
    return deepest


@cache
def bundle_schema() -> dict[str, Any]:
    """The JSON Schema of the bundle, read once from the package data."""
    try:
        text = files("resources").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    except OSError:
        raise WorkshopError(
            f"{SCHEMA_RESOURCE} introuvable (installation incomplète).",
            f"{SCHEMA_RESOURCE} not found (incomplete installation).",
        ) from None
    schema = json.loads(text)
    # The vote vocabulary comes from the method registry: a new method needs no schema edit.
    defs = schema.get("$defs", {})
    for name, kind in (("method", Method), ("capture", CaptureMode), ("choice", Choice)):
        if name in defs:
            defs[name]["enum"] = [m.value for m in kind]
    return schema


def _ascii_lower(value: str) -> str:
    """SQLite's lower(): only A-Z change, as in the operations' duplicate-name check."""
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in value)


class _Checker:
    """The checks beyond the schema: references, uniqueness, confidentiality, coherence."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, path: str, fr: str, en: str) -> NoReturn:
        raise BundleError(f"{self.name} : champ {path} : {fr}", f"{self.name}: field {path}: {en}")

    def unique(self, seen: set[Any], value: Any, path: str, what_fr: str, what_en: str) -> None:
        if value in seen:
            self.fail(
                path, f"{what_fr} {shown(value)} en double", f"duplicate {what_en} {shown(value)}"
            )
        seen.add(value)

    def timestamp(self, value: str | None, path: str) -> None:
        if value is None:
            return
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            self.fail(
                path, f"horodatage invalide {shown(value)}", f"invalid timestamp {shown(value)}"
            )
        if moment.utcoffset() is None:  # naive and aware times cannot be compared
            self.fail(
                path,
                f"horodatage sans fuseau horaire {shown(value)}",
                f"timestamp without a time zone {shown(value)}",
            )

    def day(self, value: str | None, path: str) -> None:
        if value is None:
            return
        try:
            date.fromisoformat(value)
        except ValueError:
            self.fail(path, f"date invalide {shown(value)}", f"invalid date {shown(value)}")

    def exists(
        self, ids: set[int], value: int | None, path: str, what_fr: str, what_en: str
    ) -> None:
        if value is not None and value not in ids:
            self.fail(path, f"{what_fr} {value} inexistant", f"no {what_en} with id {value}")

    # -- the whole bundle ------------------------------------------------------------------
    def check(self, data: Mapping[str, Any]) -> None:
        w = data["workshop"]
        self.day(w["date"], "$.workshop.date")
        self.timestamp(w["created_at"], "$.workshop.created_at")
        if (w["target_support"] is None) != (w["target_control"] is None):
            self.fail(
                "$.workshop.target_control",
                "la cible a deux coordonnées (ou aucune)",
                "the target has both coordinates (or none)",
            )

        steps: set[str] = set()
        for i, item in enumerate(data["agenda"]):
            path = f"$.agenda[{i}]"
            self.unique(steps, item["step"], f"{path}.step", "étape", "step")
            self.timestamp(item["started_at"], f"{path}.started_at")
            self.timestamp(item["ended_at"], f"{path}.ended_at")

        self.colleges: set[int] = set()
        names: set[str] = set()
        for i, c in enumerate(data["colleges"]):
            path = f"$.colleges[{i}]"
            self.unique(self.colleges, c["id"], f"{path}.id", "id", "id")
            self.unique(
                names, _ascii_lower(c["name"]), f"{path}.name", "nom de collège", "college name"
            )

        self.participants: set[int] = set()
        pseudonyms: set[str] = set()
        for i, p in enumerate(data["participants"]):
            path = f"$.participants[{i}]"
            self.unique(self.participants, p["id"], f"{path}.id", "id", "id")
            self.exists(self.colleges, p["college_id"], f"{path}.college_id", "collège", "college")
            self.unique(pseudonyms, p["pseudonym"], f"{path}.pseudonym", "pseudonyme", "pseudonym")

        criteria: set[str] = set()
        for i, d in enumerate(data["diagnostic"]):
            self.unique(
                criteria, d["criterion"], f"$.diagnostic[{i}].criterion", "critère", "criterion"
            )

        placed: set[tuple[int, str]] = set()
        for i, p in enumerate(data["positions"]):
            path = f"$.positions[{i}]"
            self.exists(
                self.participants,
                p["participant_id"],
                f"{path}.participant_id",
                "participant",
                "participant",
            )
            if (p["participant_id"], p["round"]) in placed:
                self.fail(
                    path,
                    "participant déjà placé pour ce tour",
                    "participant already placed for this round",
                )
            placed.add((p["participant_id"], p["round"]))

        clause_ids: set[int] = set()
        library_keys: set[str] = set()
        self.amendments: set[int] = set()
        self.ballots: set[int] = set()
        self.remarks: set[int] = set()
        self.open_ballot: str | None = None
        for i, c in enumerate(data["clauses"]):
            self.clause(c, f"$.clauses[{i}]", clause_ids, library_keys)

        actions: set[int] = set()
        for i, a in enumerate(data["actions"]):
            path = f"$.actions[{i}]"
            self.unique(actions, a["id"], f"{path}.id", "id", "id")
            self.day(a["due_date"], f"{path}.due_date")

        events: set[int] = set()
        for i, e in enumerate(data["audit"]):
            path = f"$.audit[{i}]"
            self.unique(events, e["id"], f"{path}.id", "id", "id")
            self.timestamp(e["at"], f"{path}.at")

    def clause(self, c: Mapping[str, Any], path: str, ids: set[int], keys: set[str]) -> None:
        self.unique(ids, c["id"], f"{path}.id", "id", "id")
        self.unique(keys, c["library_key"], f"{path}.library_key", "clause", "clause")
        variants: set[str] = set()
        for j, v in enumerate(c["variants"]):
            self.unique(variants, v["key"], f"{path}.variants[{j}].key", "variante", "variant")
        if c["variant_key"] not in variants:
            self.fail(
                f"{path}.variant_key",
                f"variante {shown(c['variant_key'])} absente de la clause",
                f"variant {shown(c['variant_key'])} is not one of the clause's variants",
            )
        for j, a in enumerate(c["amendments"]):
            here = f"{path}.amendments[{j}]"
            self.unique(self.amendments, a["id"], f"{here}.id", "id", "id")
            self.exists(self.colleges, a["college_id"], f"{here}.college_id", "collège", "college")
            self.timestamp(a["created_at"], f"{here}.created_at")
        rounds: set[int] = set()
        for j, b in enumerate(c["ballots"]):
            here = f"{path}.ballots[{j}]"
            self.unique(rounds, b["round"], f"{here}.round", "tour", "round")
            if b["variant_key"] not in variants:
                self.fail(
                    f"{here}.variant_key",
                    f"variante {shown(b['variant_key'])} absente de la clause",
                    f"variant {shown(b['variant_key'])} is not one of the clause's variants",
                )
            self.ballot(b, here)

    def ballot(self, b: Mapping[str, Any], path: str) -> None:
        self.unique(self.ballots, b["id"], f"{path}.id", "id", "id")
        method = Method(b["method"])
        capture = CaptureMode(b["capture"])
        fraction = b.get("quorum_fraction")
        on = QuorumOn(b.get("quorum_on", QuorumOn.PARTICIPATION.value))
        quorum: voting.Quorum | int | None = b["quorum"]
        if fraction is not None:
            if b["quorum"] is not None:
                self.fail(
                    f"{path}.quorum_fraction",
                    "un quorum est soit un nombre, soit une fraction, pas les deux",
                    "a quorum is either a number or a fraction, not both",
                )
            quorum = voting.Quorum(fraction=Fraction(fraction), on=on)
        elif b["quorum"] is not None:
            quorum = voting.Quorum(count=b["quorum"], on=on)
        base = b.get("base")
        try:
            voting.BallotRules(
                method,
                b["abstentions_count"],
                b["double_majority"],
                quorum,
                None if base is None else Base(base),
                b.get("chair_id") is not None,
            ).validate()
        except (VoteError, ZeroDivisionError) as exc:
            fr, en = (exc.fr, exc.en) if isinstance(exc, VoteError) else ("quorum", "quorum")
            self.fail(path, fr.rstrip("."), en.rstrip("."))
        if capture is CaptureMode.SECRET and b["double_majority"] is not None:
            self.fail(
                f"{path}.double_majority",
                "pas de double majorité en vote secret (il n’y a pas de décompte par collège)",
                "no double majority in a secret ballot (there are no counts per college)",
            )
        self.timestamp(b["opened_at"], f"{path}.opened_at")
        self.timestamp(b["closed_at"], f"{path}.closed_at")
        is_open = b["state"] == BallotState.OPEN
        if is_open:
            if self.open_ballot is not None:
                self.fail(
                    f"{path}.state",
                    f"un seul vote peut être en cours (déjà {self.open_ballot})",
                    f"only one vote can be open (already {self.open_ballot})",
                )
            self.open_ballot = path
            for name in ("closed_at", "outcome"):
                if b[name] is not None:
                    self.fail(
                        f"{path}.{name}",
                        "doit être null pour un vote en cours",
                        "must be null for an open vote",
                    )
        else:
            for name in ("closed_at", "outcome"):
                if b[name] is None:
                    self.fail(
                        f"{path}.{name}", "manquant pour un vote clos", "missing for a closed vote"
                    )

        voters: dict[int, int] = {}
        per_college: dict[int, int] = {}
        for k, v in enumerate(b["voters"]):
            here = f"{path}.voters[{k}]"
            pid = v["participant_id"]
            self.exists(
                self.participants, pid, f"{here}.participant_id", "participant", "participant"
            )
            if pid in voters:
                self.fail(
                    f"{here}.participant_id", f"votant {pid} en double", f"duplicate voter {pid}"
                )
            self.exists(self.colleges, v["college_id"], f"{here}.college_id", "collège", "college")
            voters[pid] = v["college_id"]
            per_college[v["college_id"]] = per_college.get(v["college_id"], 0) + 1
            if is_open and v["voted"]:
                self.fail(
                    f"{here}.voted",
                    "vote en cours : un bundle ne dit pas qui a déjà voté (le tour reprend à zéro)",
                    "vote in progress: a bundle does not tell who has voted (the round restarts)",
                )

        self._round_options(b, path, capture, voters, per_college)
        allowed = {c.value for c in choices_for(method)}
        if b["votes"] and (is_open or capture is not CaptureMode.NOMINATIVE):
            why_fr = "vote en cours" if is_open else f"vote {capture.value}"
            why_en = "vote in progress" if is_open else f"{capture.value} vote"
            self.fail(
                f"{path}.votes[0]",
                f"{why_fr} : aucun choix individuel ne peut figurer dans le bundle",
                f"{why_en}: no individual choice may be in the bundle",
            )
        voted: set[int] = set()
        for k, v in enumerate(b["votes"]):
            here = f"{path}.votes[{k}]"
            pid = v["participant_id"]
            if pid not in voters:
                self.fail(
                    f"{here}.participant_id",
                    f"{pid} n’est pas votant de ce tour",
                    f"{pid} is not a voter of this round",
                )
            self.unique(
                voted, pid, f"{here}.participant_id", "vote du participant", "vote of participant"
            )
            self._choice(v["choice"], allowed, method, f"{here}.choice")

        if b["counts"] and (is_open or capture is CaptureMode.NOMINATIVE):
            why_fr = "vote en cours" if is_open else "vote nominatif"
            why_en = "vote in progress" if is_open else "vote by name"
            self.fail(f"{path}.counts[0]", f"{why_fr} : pas de décompte", f"{why_en}: no counts")
        counted: set[tuple[int | None, str]] = set()
        totals: dict[int | None, int] = {}
        for k, n in enumerate(b["counts"]):
            here = f"{path}.counts[{k}]"
            college = n["college_id"]
            if capture is CaptureMode.SECRET and college is not None:
                self.fail(
                    f"{here}.college_id",
                    "vote secret : seuls les totaux généraux sont gardés (null attendu)",
                    "secret ballot: only overall totals are kept (null expected)",
                )
            if capture is CaptureMode.COUNTS and college not in per_college:
                self.fail(
                    f"{here}.college_id",
                    f"le collège {shown(college)} n’a aucun votant à ce tour",
                    f"college {shown(college)} has no voter in this round",
                )
            self._choice(n["choice"], allowed, method, f"{here}.choice")
            if (college, n["choice"]) in counted:
                self.fail(
                    here, "décompte en double pour ce choix", "duplicate count for this choice"
                )
            counted.add((college, n["choice"]))
            totals[college] = totals.get(college, 0) + n["n"]
            present = len(voters) if college is None else per_college.get(college, 0)
            if totals[college] > present:
                self.fail(
                    f"{here}.n",
                    f"{totals[college]} voix pour {present} votants",
                    f"{totals[college]} votes for {present} voters",
                )

        if b["remarks"] and is_open:
            self.fail(
                f"{path}.remarks[0]",
                "vote en cours : les remarques ne sont pas exportées",
                "vote in progress: remarks are not exported",
            )
        for k, r in enumerate(b["remarks"]):
            here = f"{path}.remarks[{k}]"
            self.unique(self.remarks, r["id"], f"{here}.id", "id", "id")
            if capture is CaptureMode.SECRET:
                for name in ("participant_id", "college_id"):
                    if r[name] is not None:
                        self.fail(
                            f"{here}.{name}",
                            "vote secret : une remarque n’est rattachée à personne (null attendu)",
                            "secret ballot: a remark is attached to nobody (null expected)",
                        )
            pid = r["participant_id"]
            if pid is not None and pid not in voters:
                self.fail(
                    f"{here}.participant_id",
                    f"{pid} n’est pas votant de ce tour",
                    f"{pid} is not a voter of this round",
                )
            self.exists(self.colleges, r["college_id"], f"{here}.college_id", "collège", "college")
            self.timestamp(r["created_at"], f"{here}.created_at")

    def _round_options(
        self,
        b: Mapping[str, Any],
        path: str,
        capture: CaptureMode,
        voters: Mapping[int, int],
        per_college: Mapping[int, int],
    ) -> None:
        """The chair holds a casting vote only as a voter, in a vote by name; members cover
        the voters of each college."""
        chair = b.get("chair_id")
        if chair is not None and (chair not in voters or capture is not CaptureMode.NOMINATIVE):
            self.fail(
                f"{path}.chair_id",
                f"{chair} doit être votant d’un vote nominatif pour avoir la voix prépondérante",
                f"{chair} must be a voter of a vote by name to hold the casting vote",
            )
        seen: set[int] = set()
        for k, m in enumerate(b.get("members") or ()):
            here = f"{path}.members[{k}]"
            college = m["college_id"]
            self.exists(self.colleges, college, f"{here}.college_id", "collège", "college")
            self.unique(seen, college, f"{here}.college_id", "collège", "college")
            if m["n"] < per_college.get(college, 0):
                self.fail(
                    f"{here}.n",
                    f"{m['n']} inscrits pour {per_college[college]} votants",
                    f"{m['n']} registered for {per_college[college]} voters",
                )

    def _choice(self, choice: str, allowed: set[str], method: Method, path: str) -> None:
        if choice not in allowed:
            expected = ", ".join(c.value for c in choices_for(method))
            self.fail(
                path,
                f"choix {shown(choice)} impossible pour la méthode {method.value} (attendu : {expected})",
                f"choice {shown(choice)} is not possible with method {method.value} (expected: {expected})",
            )


def check_bundle(data: Any, name: str = DEFAULT_NAME) -> None:
    """Refuse, with a BundleError naming the first bad field's JSON path, a bad bundle.

    The format name and version are checked first, so that a newer bundle is refused as
    newer (update the app) rather than as malformed; then the JSON Schema; then what a
    schema cannot say (references, uniqueness, confidentiality).
    """
    if not isinstance(data, Mapping):
        problem = validate(data, {"type": "object"})
        assert problem is not None
        raise BundleError(f"{name} : champ $ : {problem.fr}", f"{name}: field $: {problem.en}")
    fmt = data.get("format")
    if "format" in data and fmt != FORMAT:
        raise BundleError(
            f"{name} : champ $.format : ce n’est pas un bundle d’Atelier Charte (format {shown(fmt)}).",
            f"{name}: field $.format: not a Charter Workshop bundle (format {shown(fmt)}).",
        )
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise BundleError(
            f"{name} : champ $.version : bundle créé par une version plus récente d’Atelier Charte "
            f"(version {shown(version)} ; cette version lit jusqu’à la version {VERSION}). "
            "Mettez l’application à jour.",
            f"{name}: field $.version: bundle made by a newer version of Charter Workshop "
            f"(version {shown(version)}; this version reads up to version {VERSION}). "
            "Please update the application.",
        )
    problem = validate(data, bundle_schema())
    if problem is not None:
        raise BundleError(
            f"{name} : champ {problem.path} : {problem.fr}",
            f"{name}: field {problem.path}: {problem.en}",
        )
    _Checker(name).check(data)


# -- import --------------------------------------------------------------------------------
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
