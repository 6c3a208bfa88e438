"""The content check of a workshop file: every row of every table, before anything reads it.

The schema check (workshopfile.check_file) proves the tables are ours; it says nothing of
what they hold. SQLite does not type columns (a TEXT where an INTEGER is declared is
stored as it is), a file edited elsewhere can carry invalid UTF-8, malformed JSON, unknown
enumeration values, numbers out of range, texts of any size, dangling references or naive
timestamps next to aware ones. Any of these, met later by a view or an export, would be a
traceback; here it is one line, ``FileRefused``, naming the table, the row and the field,
and the file is left as it was (everything here only reads).

Speed matters: a file is checked at every open. Each table is checked by one SQL query
that returns only the rows breaking a rule (none, for a sound file), and only those rows
are looked at in Python to say what is wrong. Texts are decoded once, in C, by reading
them. The rules are those the operations apply when typing (workshop.limits,
workshop.model), so a file the app wrote always passes.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from workshop import limits, voting
from workshop.diagnostic import CRITERIA_BY_KEY
from workshop.errors import FileRefused, VoteError
from workshop.jsonschema_lite import shown
from workshop.model import (
    ActionKind,
    BallotState,
    CaptureMode,
    CharterStatus,
    Choice,
    Language,
    Lean,
    Method,
    Outcome,
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


class _Problem(Exception):
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

    def sql(self) -> str:
        c = f'"{self.name}"'
        kind = self.kind
        if kind in ("int", "bool"):
            test = f"typeof({c}) = 'integer' AND {c} BETWEEN {int(self.low)} AND {int(self.high)}"
        elif kind == "real":
            test = f"typeof({c}) IN ('integer', 'real') AND {c} BETWEEN {self.low} AND {self.high}"
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
        """Raise _Problem if ``value`` (as read, texts decoded) breaks the rule."""
        if value is None:
            if self.null:
                return
            raise _Problem("valeur manquante (NULL)", "missing value (NULL)")
        kind = self.kind
        if kind in ("int", "bool"):
            if not isinstance(value, int):
                raise _Problem(
                    f"entier attendu, lu {_shown(value)}", f"integer expected, read {_shown(value)}"
                )
            if not self.low <= value <= self.high:  # type: ignore[operator]
                raise _Problem(
                    f"{value} hors limites ({int(self.low)} à {int(self.high)})",
                    f"{value} out of range ({int(self.low)} to {int(self.high)})",
                )
            return
        if kind == "real":
            if not isinstance(value, int | float) or not math.isfinite(value):
                raise _Problem(
                    f"nombre attendu, lu {_shown(value)}", f"number expected, read {_shown(value)}"
                )
            if not self.low <= value <= self.high:  # type: ignore[operator]
                raise _Problem(
                    f"{value} hors limites ({self.low:g} à {self.high:g})",
                    f"{value} out of range ({self.low:g} to {self.high:g})",
                )
            return
        if not isinstance(value, str):
            raise _Problem(
                f"texte attendu, lu {_shown(value)}", f"text expected, read {_shown(value)}"
            )
        if kind == "timestamp":
            _timestamp(value)
        elif kind == "date":
            try:
                date.fromisoformat(value)
            except ValueError:
                raise _Problem(
                    f"date invalide {_shown(value)}", f"invalid date {_shown(value)}"
                ) from None
            if len(value) != 10:
                raise _Problem(f"date invalide {_shown(value)}", f"invalid date {_shown(value)}")
        elif kind == "json_list":
            _json_list(value, self.max_len)
        else:
            if len(value) < self.min_len:
                raise _Problem("ne peut pas être vide", "cannot be empty")
            if len(value) > self.max_len:
                raise _Problem(
                    f"trop long ({len(value)} caractères, au plus {self.max_len})",
                    f"too long ({len(value)} characters, at most {self.max_len})",
                )
            if self.enum and value not in self.enum:
                raise _Problem(
                    f"valeur inconnue {_shown(value)} (attendu : {', '.join(self.enum)})",
                    f"unknown value {_shown(value)} (expected: {', '.join(self.enum)})",
                )
            if self.key and (not value or any(ch not in _KEY_CHARS for ch in value)):
                raise _Problem(f"clé invalide {_shown(value)}", f"invalid key {_shown(value)}")


_NUMERIC = frozenset({"int", "bool", "real"})
_KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def _shown(value: Any) -> str:
    if isinstance(value, bytes):
        return f"<{len(value)} octets / bytes>"
    return shown(value, 40)


def _timestamp(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _Problem(
            f"horodatage invalide {_shown(value)}", f"invalid timestamp {_shown(value)}"
        ) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise _Problem(
            f"horodatage sans fuseau horaire {_shown(value)}",
            f"timestamp without a time zone {_shown(value)}",
        )
    return moment


def _json_list(value: str, max_len: int) -> None:
    try:
        items = json.loads(value, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise _Problem(f"JSON invalide {_shown(value)}", f"invalid JSON {_shown(value)}") from None
    if not isinstance(items, list) or len(items) > limits.MAX_LIST_ITEMS:
        raise _Problem(
            f"liste JSON de textes attendue, lu {_shown(value)}",
            f"JSON list of texts expected, read {_shown(value)}",
        )
    for item in items:
        if not isinstance(item, str) or len(item) > max_len:
            raise _Problem(
                f"liste JSON de textes attendue, lu {_shown(value)}",
                f"JSON list of texts expected, read {_shown(value)}",
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
    ),
    "agenda": (
        _text("step", enum=_STEPS),
        _int("position", *_I64),
        _int("planned_minutes", 0, 100_000),
        _ts("started_at", null=True),
        _ts("ended_at", null=True),
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
_RELATIONS: tuple[tuple[str, str, str, str], ...] = (
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
        "remarks",
        "SELECT r.id FROM remarks r JOIN ballots b ON b.id = r.ballot_id"
        " WHERE (b.capture = 'secret' AND (r.participant_id IS NOT NULL"
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


# -- the check -------------------------------------------------------------------------------
def _refusal(path: Path, where_fr: str, where_en: str, fr: str, en: str) -> FileRefused:
    return FileRefused(
        f"{path.name} : contenu refusé ({where_fr} : {fr}).",
        f"{path.name}: content refused ({where_en}: {en}).",
    )


def _where(table: str, key: object, column: str | None = None) -> tuple[str, str]:
    row = f"{table} n° {key}" if key is not None else table
    row_en = f"{table} #{key}" if key is not None else table
    if column is None:
        return row, row_en
    return f"{row}, champ « {column} »", f'{row_en}, field "{column}"'


def _fetch(conn: sqlite3.Connection, sql: str, *params: object) -> list[tuple]:
    return conn.execute(sql, params).fetchall()


def _check_table(conn: sqlite3.Connection, path: Path, table: str, cols: tuple[Col, ...]) -> None:
    # A file of an older format lacks the columns later migrations add: check what it has.
    present = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    cols = tuple(c for c in cols if c.name in present)
    names = ", ".join(f'"{c.name}"' for c in cols)
    (count,) = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
    if count > ROW_LIMITS.get(table, count):
        raise _refusal(
            path,
            *_where(table, None),
            f"{count} lignes, au plus {ROW_LIMITS[table]}",
            f"{count} rows, at most {ROW_LIMITS[table]}",
        )
    # Reading a text decodes it: each text column, concatenated, is decoded once in C, so
    # invalid UTF-8 is found at a low cost (and located row by row only when there is some).
    texts = [f"group_concat(\"{c.name}\", '')" for c in cols if c.kind not in _NUMERIC]
    if texts:
        try:
            conn.execute(f"SELECT {', '.join(texts)} FROM {table}").fetchone()
        except (sqlite3.OperationalError, UnicodeDecodeError):
            _find_bad_text(conn, path, table, cols)
    _check_distinct(conn, path, table, cols)
    where = " AND ".join(c.sql() for c in cols)
    bad = conn.execute(f"SELECT rowid, {names} FROM {table} WHERE NOT ({where})")
    for row in bad:
        for col, value in zip(cols, row[1:], strict=True):
            try:
                col.check(value)
            except _Problem as problem:
                raise _refusal(
                    path, *_where(table, row[0], col.name), problem.fr, problem.en
                ) from None


def _check_distinct(
    conn: sqlite3.Connection, path: Path, table: str, cols: tuple[Col, ...]
) -> None:
    """The checks too slow for every row, done once per distinct value: days, JSON lists."""
    for col in cols:
        if col.kind in ("timestamp", "date"):
            part = f'substr("{col.name}", 1, 10)'
        elif col.kind == "json_list":
            part = f'"{col.name}"'
        else:
            continue
        values = conn.execute(
            f"SELECT DISTINCT {part} FROM {table} WHERE typeof(\"{col.name}\") = 'text'"
        )
        for (value,) in values.fetchall():
            try:
                if col.kind == "json_list":
                    _json_list(value, col.max_len)
                else:
                    date.fromisoformat(value)
            except ValueError:
                problem = _Problem(
                    f"date invalide {_shown(value)}", f"invalid date {_shown(value)}"
                )
            except _Problem as exc:
                problem = exc
            else:
                continue
            (rowid,) = conn.execute(
                f"SELECT rowid FROM {table} WHERE {part} = ? LIMIT 1", (value,)
            ).fetchone()
            raise _refusal(path, *_where(table, rowid, col.name), problem.fr, problem.en)


def _find_bad_text(conn: sqlite3.Connection, path: Path, table: str, cols: tuple[Col, ...]) -> None:
    factory = conn.text_factory
    conn.text_factory = bytes
    try:
        names = ", ".join(f'"{c.name}"' for c in cols)
        for row in conn.execute(f"SELECT rowid, {names} FROM {table}"):
            for col, value in zip(cols, row[1:], strict=True):
                if isinstance(value, bytes):
                    try:
                        value.decode("utf-8")
                    except UnicodeDecodeError:
                        raise _refusal(
                            path,
                            *_where(table, row[0], col.name),
                            "texte qui n’est pas de l’UTF-8 valide",
                            "text that is not valid UTF-8",
                        ) from None
    finally:
        conn.text_factory = factory
    raise _refusal(path, *_where(table, None), "texte illisible", "unreadable text")


def _check_rules(conn: sqlite3.Connection, path: Path) -> None:
    """Ballot settings that voting.BallotRules refuses (few rows: done in Python)."""
    rows = [
        ("workshop", 1, *r)
        for r in _fetch(
            conn,
            "SELECT ballot_method,"
            " ballot_abstentions_count, ballot_double_majority, ballot_quorum FROM workshop",
        )
    ]
    rows += [("ballots", *r) for r in _fetch(conn, "SELECT id, method, abstentions_count,"
             " double_majority, quorum FROM ballots")]  # fmt: skip
    for table, key, method, abstentions, double, quorum in rows:
        try:
            voting.BallotRules(Method(method), bool(abstentions), double, quorum).validate()
        except VoteError as exc:
            raise _refusal(
                path, *_where(table, key), exc.fr.rstrip("."), exc.en.rstrip(".")
            ) from None


def _check_foreign_keys(conn: sqlite3.Connection, path: Path) -> None:
    row = conn.execute("PRAGMA foreign_key_check").fetchone()
    if row is not None:
        table, rowid, parent, _ = row
        raise _refusal(
            path,
            *_where(table, rowid),
            f"référence vers {parent} inexistante",
            f"reference to a missing {parent} row",
        )


def validate_content(conn: sqlite3.Connection, path: str | Path, *, full: bool = False) -> None:
    """Refuse, with one FileRefused line, a file whose rows are not what the app writes.

    ``full`` adds SQLite's complete ``integrity_check`` (``check`` and ``export`` run it;
    opening relies on the ``quick_check`` already done by ``check_file``). Only reads.
    """
    path = Path(path)
    try:
        if full:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check(1)").fetchall()]
            if result != ["ok"]:
                detail = " ".join(str(result[0]).split())[:120]
                raise FileRefused(
                    f"{path.name} : intégrité compromise ({detail}).",
                    f"{path.name}: integrity check failed ({detail}).",
                )
        (rows,) = conn.execute("SELECT count(*) FROM workshop").fetchone()
        if rows != 1:
            raise _refusal(
                path,
                *_where("workshop", None),
                "la ligne de l’atelier manque",
                "the workshop row is missing",
            )
        for table, cols in TABLES.items():
            _check_table(conn, path, table, cols)
        _check_foreign_keys(conn, path)
        for table, sql, fr, en in _RELATIONS:
            found = conn.execute(sql).fetchone()
            if found is not None:
                raise _refusal(path, *_where(table, found[0]), fr, en)
        _check_rules(conn, path)
    except FileRefused:
        raise
    except (sqlite3.Error, UnicodeError, ValueError, TypeError, OverflowError) as exc:
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise FileRefused(
            f"{path.name} : le fichier est endommagé ({detail}).",
            f"{path.name}: the file is damaged ({detail}).",
        ) from None


def validate_file(path: str | Path, *, full: bool = False) -> None:
    """``validate_content`` on a read-only connection of its own (the file is not changed)."""
    path = Path(path)
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise FileRefused(
            f"{path.name} : ouverture impossible ({exc}).",
            f"{path.name}: cannot be opened ({exc}).",
        ) from None
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        validate_content(conn, path, full=full)
    finally:
        conn.close()


def guarded(path: str | Path, fn: Callable[[], Any]) -> Any:
    """Run a reader of the file; turn what a damaged file can raise into one FileRefused."""
    try:
        return fn()
    except FileRefused:
        raise
    except (sqlite3.Error, UnicodeError, ValueError, TypeError, KeyError, IndexError,
            OverflowError, AttributeError) as exc:  # fmt: skip
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        name = Path(path).name
        raise FileRefused(
            f"{name} : contenu illisible ({detail}).", f"{name}: unreadable content ({detail})."
        ) from None
