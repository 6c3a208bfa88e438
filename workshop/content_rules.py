"""The rules a workshop file's rows must follow, table by table, for workshop.validate.

One ``Col`` per column of the current schema (a test keeps them in step with the
migrations): its type, range, enumeration (from workshop.model), length (workshop.limits),
JSON shape or timestamp form, written once as a fast SQL test and once as an exact Python
check that names what is wrong. ``RELATIONS`` are the rules across rows (references the
schema does not declare, ballot coherence, confidentiality), each an SQL query returning
the first offending row. The values are those the operations write when typing.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from workshop import limits
from workshop.diagnostic import CRITERIA_BY_KEY
from workshop.jsonschema_lite import shown
from workshop.model import (
    ActionKind,
    BallotState,
    Base,
    CaptureMode,
    CharterStatus,
    Choice,
    Language,
    Lean,
    Method,
    Outcome,
    QuorumOn,
    Round,
    SizeBand,
    Step,
)

_I64 = (-(2**63), 2**63 - 1)
_ID = (1, 2**63 - 1)
# An ISO 8601 local time to the second with its offset, as clock.now() writes it.
_TIMESTAMP_GLOB = (
    "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]"
    "[+-][0-9][0-9]:[0-9][0-9]"
)
_DATE_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"


class Problem(Exception):
    """What is wrong with one value, in French and English."""

    def __init__(self, fr: str, en: str) -> None:
        super().__init__(en)
        self.fr, self.en = fr, en


# -- column rules ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Col:
    """One column's rule: a fast SQL test (true for a good value) and an exact Python one."""

    name: str
    kind: str  # int, bool, real, text, timestamp, date, json_list, sql
    low: float | None = None
    high: float | None = None
    null: bool = False
    enum: tuple[str, ...] = ()
    min_len: int = 0
    max_len: int = limits.MAX_TEXT
    key: bool = False  # a library key: a-z, 0-9 and "-"

    def bounds(self) -> tuple[float, float]:
        """The range of a numeric column: every int, bool and real rule has both ends."""
        if self.low is None or self.high is None:
            raise TypeError(f"{self.name}: a numeric rule needs both bounds")
        return self.low, self.high

    def sql(self) -> str:
        c = f'"{self.name}"'
        kind = self.kind
        if kind in ("int", "bool"):
            low, high = self.bounds()
            test = f"typeof({c}) = 'integer' AND {c} BETWEEN {int(low)} AND {int(high)}"
        elif kind == "real":
            low, high = self.bounds()
            test = f"typeof({c}) IN ('integer', 'real') AND {c} BETWEEN {low} AND {high}"
        elif kind == "timestamp":
            # Shape and ranges here; whether the day exists (no 02-30) is checked on the
            # distinct days (_check_distinct), far fewer than the rows.
            test = (
                f"typeof({c}) = 'text' AND {c} GLOB '{_TIMESTAMP_GLOB}'"
                f" AND substr({c}, 6, 5) BETWEEN '01-01' AND '12-31'"
                f" AND substr({c}, 12, 2) < '24' AND substr({c}, 15, 2) < '60'"
                f" AND substr({c}, 18, 2) < '60' AND substr({c}, 21, 2) < '24'"
                f" AND substr({c}, 24, 2) < '60'"
            )
        elif kind == "date":
            test = (
                f"typeof({c}) = 'text' AND {c} GLOB '{_DATE_GLOB}' AND date({c}, '+0 days') = {c}"
            )
        elif kind == "json_list":
            test = f"typeof({c}) = 'text'"  # the distinct values are parsed in Python
        else:  # text, sql
            test = f"typeof({c}) = 'text' AND length({c}) BETWEEN {self.min_len} AND {self.max_len}"
            if self.enum:
                test += " AND {} IN ({})".format(c, ", ".join(f"'{v}'" for v in self.enum))
            if self.key:
                test += f" AND {c} NOT GLOB '*[^a-z0-9-]*'"
        return f"({c} IS NULL OR ({test}))" if self.null else f"({c} IS NOT NULL AND {test})"

    def check(self, value: Any) -> None:
        """Raise Problem if ``value`` (as read, texts decoded) breaks the rule."""
        if value is None:
            if self.null:
                return
            raise Problem("valeur manquante (NULL)", "missing value (NULL)")
        kind = self.kind
        if kind in ("int", "bool"):
            if not isinstance(value, int):
                raise Problem(
                    f"entier attendu, lu {shown_value(value)}",
                    f"integer expected, read {shown_value(value)}",
                )
            low, high = self.bounds()
            if not low <= value <= high:
                raise Problem(
                    f"{value} hors limites ({int(low)} à {int(high)})",
                    f"{value} out of range ({int(low)} to {int(high)})",
                )
            return
        if kind == "real":
            if not isinstance(value, int | float) or not math.isfinite(value):
                raise Problem(
                    f"nombre attendu, lu {shown_value(value)}",
                    f"number expected, read {shown_value(value)}",
                )
            low, high = self.bounds()
            if not low <= value <= high:
                raise Problem(
                    f"{value} hors limites ({low:g} à {high:g})",
                    f"{value} out of range ({low:g} to {high:g})",
                )
            return
        if not isinstance(value, str):
            raise Problem(
                f"texte attendu, lu {shown_value(value)}",
                f"text expected, read {shown_value(value)}",
            )
        if kind == "timestamp":
            _timestamp(value)
        elif kind == "date":
            try:
                date.fromisoformat(value)
            except ValueError:
                raise Problem(
                    f"date invalide {shown_value(value)}", f"invalid date {shown_value(value)}"
                ) from None
            if len(value) != 10:
                raise Problem(
                    f"date invalide {shown_value(value)}", f"invalid date {shown_value(value)}"
                )
        elif kind == "json_list":
            json_list(value, self.max_len)
        else:
            if len(value) < self.min_len:
                raise Problem("ne peut pas être vide", "cannot be empty")
            if len(value) > self.max_len:
                raise Problem(
                    f"trop long ({len(value)} caractères, au plus {self.max_len})",
                    f"too long ({len(value)} characters, at most {self.max_len})",
                )
            if self.enum and value not in self.enum:
                raise Problem(
                    f"valeur inconnue {shown_value(value)} (attendu : {', '.join(self.enum)})",
                    f"unknown value {shown_value(value)} (expected: {', '.join(self.enum)})",
                )
            if self.key and (not value or any(ch not in _KEY_CHARS for ch in value)):
                raise Problem(
                    f"clé invalide {shown_value(value)}", f"invalid key {shown_value(value)}"
                )


NUMERIC = frozenset({"int", "bool", "real"})
_KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def shown_value(value: Any) -> str:
    """A value as a refusal may quote it: short, and bytes by their size."""
    if isinstance(value, bytes):
        return f"<{len(value)} octets / bytes>"
    return shown(value, 40)


def _timestamp(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise Problem(
            f"horodatage invalide {shown_value(value)}", f"invalid timestamp {shown_value(value)}"
        ) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise Problem(
            f"horodatage sans fuseau horaire {shown_value(value)}",
            f"timestamp without a time zone {shown_value(value)}",
        )
    return moment


def json_list(value: str, max_len: int) -> None:
    try:
        items = json.loads(value, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise Problem(
            f"JSON invalide {shown_value(value)}", f"invalid JSON {shown_value(value)}"
        ) from None
    if not isinstance(items, list) or len(items) > limits.MAX_LIST_ITEMS:
        raise Problem(
            f"liste JSON de textes attendue, lu {shown_value(value)}",
            f"JSON list of texts expected, read {shown_value(value)}",
        )
    for item in items:
        if not isinstance(item, str) or len(item) > max_len:
            raise Problem(
                f"liste JSON de textes attendue, lu {shown_value(value)}",
                f"JSON list of texts expected, read {shown_value(value)}",
            )


def _no_constant(name: str) -> None:
    raise ValueError(name)


def _values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(m.value for m in enum)


def _id(name: str, null: bool = False) -> Col:
    return Col(name, "int", *_ID, null=null)


def _int(name: str, low: int = 0, high: int = _I64[1], null: bool = False) -> Col:
    return Col(name, "int", low, high, null=null)


def _bool(name: str) -> Col:
    return Col(name, "bool", 0, 1)


def _text(name: str, *, min_len: int = 0, null: bool = False, enum: Sequence[str] = ()) -> Col:
    return Col(name, "text", null=null, min_len=min_len, enum=tuple(enum))


def _key(name: str) -> Col:
    return Col(name, "text", min_len=1, key=True)


def _coord(name: str, null: bool = False) -> Col:
    return Col(name, "real", 0.0, 10.0, null=null)


def _ts(name: str, null: bool = False) -> Col:
    return Col(name, "timestamp", null=null)


_STEPS = _values(Step)
_CHOICES = _values(Choice)

#: Every column of every table of the current schema, with its rule.
TABLES: dict[str, tuple[Col, ...]] = {
    "workshop": (
        _int("id", 1, 1),
        _text("title", min_len=1),
        _text("organisation", min_len=1),
        _text("sector"),
        _text("size_band", null=True, enum=_values(SizeBand)),
        Col("date", "date", null=True),
        _text("place"),
        _text("facilitator"),
        _text("lang", enum=_values(Language)),
        _text("charter_status", enum=_values(CharterStatus)),
        _text("ballot_method", enum=_values(Method)),
        _text("ballot_capture", enum=_values(CaptureMode)),
        _bool("ballot_abstentions_count"),
        _int("ballot_double_majority", null=True),
        _int("ballot_quorum", null=True),
        _coord("target_support", null=True),
        _coord("target_control", null=True),
        _text("current_step", enum=_STEPS),
        _ts("created_at"),
        Col("start_time", "text", null=True, min_len=5, max_len=5),  # HH:MM, read leniently
    ),
    "agenda": (
        _text("step", enum=_STEPS),
        _int("position", *_I64),
        _int("planned_minutes", 0, 100_000),
        _ts("started_at", null=True),
        _ts("ended_at", null=True),
        _int("break_minutes", 0, 600),
    ),
    "colleges": (
        _id("id"),
        _text("name", min_len=1),
        Col("colour", "text", min_len=7, max_len=7),
        _int("position", *_I64),
    ),
    "participants": (
        _id("id"),
        _text("name", min_len=1),
        _text("function"),
        _id("college_id"),
        _bool("present"),
        _bool("may_be_named"),
        _text("pseudonym", min_len=1),
        _int("position", *_I64),
    ),
    "diagnostic": (
        _text("criterion", enum=tuple(CRITERIA_BY_KEY)),
        _int("score", 1, 5, null=True),
        _text("note"),
    ),
    "positions": (
        _id("participant_id"),
        _text("round", enum=_values(Round)),
        _coord("support"),
        _coord("control"),
    ),
    "clauses": (
        _id("id"),
        _key("library_key"),
        _key("theme_key"),
        _text("theme_title", min_len=1),
        _text("title", min_len=1),
        _int("position", *_I64),
        _key("variant_key"),
        _text("text", min_len=1),
        _text("note"),
    ),
    "variants": (
        _id("clause_id"),
        _key("key"),
        _int("position", *_I64),
        _text("lean", enum=_values(Lean)),
        _text("label", min_len=1),
        _coord("support"),
        _coord("control"),
        _text("text", min_len=1),
        _text("rationale"),
        Col("legal_basis", "json_list"),
        _text("justification", null=True),
        Col("flags", "json_list"),
    ),
    "amendments": (
        _id("id"),
        _id("clause_id"),
        _text("before"),
        _text("after", min_len=1),
        _id("college_id", null=True),
        _text("reason"),
        _ts("created_at"),
    ),
    "ballots": (
        _id("id"),
        _id("clause_id"),
        _int("round", 1, limits.MAX_ROUNDS_PER_CLAUSE),
        _text("method", enum=_values(Method)),
        _text("capture", enum=_values(CaptureMode)),
        _bool("abstentions_count"),
        _int("double_majority", null=True),
        _int("quorum", null=True),
        _text("state", enum=_values(BallotState)),
        _key("variant_key"),
        _text("text", min_len=1),
        _ts("opened_at"),
        _ts("closed_at", null=True),
        _text("outcome", null=True, enum=_values(Outcome)),
        # round options (schema m004); their meaning is checked by validate._check_rules
        _text("base", null=True, enum=_values(Base)),
        _text("quorum_fraction", null=True),
        _text("quorum_on", enum=_values(QuorumOn)),
        _id("chair_id", null=True),
        _text("members", null=True),
    ),
    "ballot_voters": (
        _id("ballot_id"),
        _id("participant_id"),
        _id("college_id"),
        _bool("voted"),
    ),
    "votes": (_id("ballot_id"), _id("participant_id"), _text("choice", enum=_CHOICES)),
    "ballot_counts": (
        _id("ballot_id"),
        _id("college_id", null=True),
        _text("choice", enum=_CHOICES),
        _int("n", 0, limits.MAX_PARTICIPANTS),
    ),
    "remarks": (
        _id("id"),
        _id("ballot_id"),
        _text("kind", enum=(Choice.RESERVATION.value, Choice.OBJECTION.value)),
        _id("participant_id", null=True),
        _id("college_id", null=True),
        _text("text", min_len=1),
        _ts("created_at"),
    ),
    # phone credentials (schema m006): lowercase hexadecimal SHA-256 digests
    "phone_links": (_id("participant_id"), _key("token_hash")),
    "phone_codes": (_id("id"), _id("college_id"), _key("code_hash")),
    "code_votes": (_id("ballot_id"), _id("code_id"), _bool("voted")),
    "actions": (
        _id("id"),
        _text("title", min_len=1),
        _text("description"),
        _text("kind", enum=_values(ActionKind)),
        _text("audience"),
        _text("owner"),
        Col("due_date", "date", null=True),
        _int("position", *_I64),
    ),
    "audit": (
        _id("id"),
        _ts("at"),
        _text("step", enum=_STEPS),
        _text("kind", min_len=1, enum=()),
        _text("summary"),
        Col("topics", "json_list", max_len=100),
        _int("target", *_I64, null=True),
        Col("undo_sql", "sql", null=True, max_len=2**31 - 1),
        Col("redo_sql", "sql", null=True, max_len=2**31 - 1),
    ),
}

#: How many rows each table may hold (beyond these, a file is not a workshop we can show).
ROW_LIMITS: dict[str, int] = {
    "workshop": 1,
    "agenda": len(Step),
    "colleges": limits.MAX_COLLEGES,
    "participants": limits.MAX_PARTICIPANTS,
    "diagnostic": len(CRITERIA_BY_KEY),
    "positions": limits.MAX_PARTICIPANTS * len(Round),
    "clauses": limits.MAX_CLAUSES,
    "variants": limits.MAX_CLAUSES * limits.MAX_VARIANTS_PER_CLAUSE,
    "amendments": limits.MAX_AMENDMENTS,
    "ballots": limits.MAX_CLAUSES * limits.MAX_ROUNDS_PER_CLAUSE,
    "remarks": limits.MAX_REMARKS,
    "actions": limits.MAX_ACTIONS,
    "audit": limits.MAX_AUDIT_EVENTS,
}

#: Rules across rows: (table named in the message, SQL giving the first bad row's key, fr, en).
RELATIONS: tuple[tuple[str, str, str, str], ...] = (
    (
        "clauses",
        "SELECT c.id FROM clauses c WHERE NOT EXISTS (SELECT 1 FROM variants v"
        " WHERE v.clause_id = c.id AND v.key = c.variant_key) LIMIT 1",
        "la variante choisie n’existe pas",
        "the chosen variant does not exist",
    ),
    (
        "clauses",
        "SELECT clause_id FROM variants GROUP BY clause_id"
        f" HAVING count(*) > {limits.MAX_VARIANTS_PER_CLAUSE} LIMIT 1",
        f"plus de {limits.MAX_VARIANTS_PER_CLAUSE} variantes",
        f"more than {limits.MAX_VARIANTS_PER_CLAUSE} variants",
    ),
    (
        "ballots",
        "SELECT b.id FROM ballots b WHERE NOT EXISTS (SELECT 1 FROM variants v"
        " WHERE v.clause_id = b.clause_id AND v.key = b.variant_key) LIMIT 1",
        "la variante votée n’existe pas",
        "the variant voted on does not exist",
    ),
    (
        "ballots",
        "SELECT id FROM ballots WHERE (state = 'open') != (closed_at IS NULL)"
        " OR (state = 'open') != (outcome IS NULL) LIMIT 1",
        "état, clôture et résultat incohérents",
        "state, closing time and outcome disagree",
    ),
    (
        "ballots",
        "SELECT id FROM ballots WHERE state = 'open' ORDER BY id LIMIT 1 OFFSET 1",
        "un seul vote peut être en cours",
        "only one vote can be open",
    ),
    (
        "ballots",
        "SELECT id FROM ballots WHERE capture = 'secret' AND double_majority IS NOT NULL LIMIT 1",
        "pas de double majorité en vote secret",
        "no double majority in a secret ballot",
    ),
    (
        "votes",
        "SELECT v.ballot_id FROM votes v JOIN ballots b ON b.id = v.ballot_id"
        " WHERE b.capture != 'nominative'"
        " OR (b.method = 'consent') != (v.choice IN ('consent', 'reservation', 'objection'))"
        " LIMIT 1",
        "choix individuel impossible pour ce tour (mode ou méthode)",
        "individual choice not possible in this round (capture or method)",
    ),
    (
        "ballot_counts",
        "SELECT n.ballot_id FROM ballot_counts n JOIN ballots b ON b.id = n.ballot_id"
        " WHERE b.capture = 'nominative'"
        " OR (b.capture = 'secret') != (n.college_id IS NULL)"
        " OR (b.method = 'consent') != (n.choice IN ('consent', 'reservation', 'objection'))"
        " LIMIT 1",
        "décompte impossible pour ce tour (mode, collège ou méthode)",
        "count not possible in this round (capture, college or method)",
    ),
    (
        "ballot_counts",
        "SELECT n.ballot_id FROM ballot_counts n GROUP BY n.ballot_id, n.college_id"
        " HAVING sum(n.n) > (SELECT count(*) FROM ballot_voters bv WHERE bv.ballot_id ="
        " n.ballot_id AND (n.college_id IS NULL OR bv.college_id = n.college_id)) LIMIT 1",
        "plus de voix que de votants",
        "more votes than voters",
    ),
    (
        "code_votes",
        "SELECT v.ballot_id FROM code_votes v JOIN ballots b ON b.id = v.ballot_id"
        " WHERE b.capture != 'codes' OR b.state != 'open' LIMIT 1",
        "marque de vote par code hors d’un vote par codes en cours",
        "code vote mark outside an open ballot by codes",
    ),
    (
        "remarks",
        "SELECT r.id FROM remarks r JOIN ballots b ON b.id = r.ballot_id"
        " WHERE (b.capture IN ('secret', 'codes') AND (r.participant_id IS NOT NULL"
        " OR r.college_id IS NOT NULL)) OR (r.participant_id IS NOT NULL AND NOT EXISTS"
        " (SELECT 1 FROM ballot_voters bv WHERE bv.ballot_id = r.ballot_id"
        " AND bv.participant_id = r.participant_id)) LIMIT 1",
        "remarque rattachée à une personne impossible",
        "remark attached to a person it cannot be",
    ),
    (
        "clauses",
        "SELECT clause_id FROM ballots GROUP BY clause_id"
        f" HAVING count(*) > {limits.MAX_ROUNDS_PER_CLAUSE} LIMIT 1",
        f"plus de {limits.MAX_ROUNDS_PER_CLAUSE} tours de vote",
        f"more than {limits.MAX_ROUNDS_PER_CLAUSE} ballot rounds",
    ),
    (
        "colleges",
        "SELECT min(id) FROM colleges GROUP BY lower(name) HAVING count(*) > 1 LIMIT 1",
        "nom de collège en double",
        "duplicate college name",
    ),
    (
        "colleges",
        "SELECT id FROM colleges WHERE colour NOT GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]"
        "[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]' LIMIT 1",
        "couleur invalide (#RRGGBB attendu)",
        "invalid colour (#RRGGBB expected)",
    ),
    (
        "workshop",
        "SELECT id FROM workshop WHERE (target_support IS NULL) != (target_control IS NULL)",
        "la cible a deux coordonnées (ou aucune)",
        "the target has both coordinates (or none)",
    ),
)
