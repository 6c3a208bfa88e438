"""The JSON bundle: exact round trip, confidentiality, and one clear line for a bad bundle.

The round trip is checked on workshops that Hypothesis builds through the real operations
(arbitrary Unicode, every ballot method and capture mode, votes, closed or open rounds,
undo), so that whatever a facilitator can do survives export -> import -> export byte for
byte.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.demo_files import memory_folder
from workshop import bundle, diagnostic, snapshot
from workshop.bundle import (
    FORMAT,
    VERSION,
    bundle_schema,
    check_bundle,
    dumps_bundle,
    export_bundle,
    import_bundle,
    load_bundle,
    write_bundle,
)
from workshop.clock import fixed_clock
from workshop.errors import BundleError, FileRefused, WorkshopError
from workshop.i18n import set_language
from workshop.jsonschema_lite import child_path, validate
from workshop.library import FLAGS, builtin_library
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
    choices_for,
)
from workshop.operations import ballots, clauses, plan, positioning, setup
from workshop.operations._common import without_controls
from workshop.schema import OWN_TABLES
from workshop.session import Session
from workshop.workshopfile import WorkshopFile

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
START = datetime(2026, 12, 3, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def text_of(source: Session) -> str:
    return dumps_bundle(export_bundle(source))


def fast(session: Session) -> Session:
    """Skip fsync in generated workshops: durability is not what these tests are about."""
    session.conn.execute("PRAGMA synchronous = OFF")
    return session


def without_open_rounds(snap: snapshot.Snapshot) -> snapshot.Snapshot:
    """What an import must give back: open rounds restart (nobody has voted, no remark)."""

    def ballot(b: snapshot.Ballot) -> snapshot.Ballot:
        if not b.is_open:
            return b
        voters = tuple(dataclasses.replace(v, voted=False) for v in b.voters)
        return dataclasses.replace(b, voters=voters, votes=(), counts=(), remarks=())

    return dataclasses.replace(
        snap,
        clauses=tuple(
            dataclasses.replace(c, ballots=tuple(ballot(b) for b in c.ballots))
            for c in snap.clauses
        ),
    )


# -- generated workshops ------------------------------------------------------------------
SPECIAL_TEXTS = (
    "Zoé « Zozo » O’Brien",
    "يوسف الحداد",
    "שלום עולם",
    "👩🏽‍💻 Dév 🚀🇫🇷",
    "\"double\" and 'single' quotes",
    "<b>Björn</b> & Co <&>",
    "bidi \u202eevil\u202c \u200f",
    "e\u0301 vs é",
    "田中 美咲",
    "back\\slash \\n not a newline",
    "line one\nline two\ttab",
    "nul\x00byte",
)

free_text = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12)
# What a text field keeps: control characters never enter the file (operations._common).
texts = st.one_of(st.sampled_from(SPECIAL_TEXTS), free_text).filter(
    lambda s: without_controls(s).strip() != ""
)
maybe_text = st.one_of(st.just(""), texts)
colours = st.from_regex(r"#[0-9a-fA-F]{6}", fullmatch=True)
coordinates = st.floats(min_value=0, max_value=10, allow_nan=False)
iso_dates = st.dates().map(lambda d: d.isoformat())


def attempt(operation: Any, *args: Any, **kwargs: Any) -> Any:
    """Run an operation a user may have had refused (duplicate name, closed vote...)."""
    try:
        return operation(*args, **kwargs)
    except WorkshopError:
        return None


def ids(session: Session, table: str) -> list[int]:
    return [r[0] for r in session.conn.execute(f"SELECT id FROM {table} ORDER BY id")]


@st.composite
def workshop_details(draw: st.DrawFn, session: Session) -> None:
    fields = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "sector": maybe_text,
                "size_band": st.sampled_from([None, *SizeBand]).map(lambda v: v and v.value),
                "date": st.none() | iso_dates,
                "place": maybe_text,
                "facilitator": maybe_text,
                "charter_status": st.sampled_from([s.value for s in CharterStatus]),
                "ballot_method": st.sampled_from([m.value for m in Method]),
                "ballot_capture": st.sampled_from([c.value for c in CaptureMode]),
                "ballot_abstentions_count": st.booleans(),
                "ballot_double_majority": st.none() | st.integers(0, 2),
                "ballot_quorum": st.none() | st.integers(0, 4),
            },
        )
    )
    if fields:
        attempt(setup.update_workshop, session, **fields)


@st.composite
def people(draw: st.DrawFn, session: Session, default_colleges: bool) -> None:
    for _ in range(draw(st.integers(0 if default_colleges else 1, 3))):
        attempt(setup.add_college, session, draw(texts), draw(st.none() | colours))
    if not ids(session, "colleges"):
        setup.add_college(session, "Collège")
    for _ in range(draw(st.integers(1, 6))):
        attempt(
            setup.add_participant,
            session,
            draw(texts),
            draw(st.sampled_from(ids(session, "colleges"))),
            draw(maybe_text),
            present=draw(st.sampled_from([True, True, False])),
            may_be_named=draw(st.booleans()),
        )
    if draw(st.booleans()):
        college = draw(st.sampled_from(ids(session, "colleges")))
        attempt(setup.update_college, session, college, name=draw(texts))


@st.composite
def diagnostic_and_matrix(draw: st.DrawFn, session: Session) -> None:
    keys = [c.key for c in diagnostic.CRITERIA]
    for key in draw(st.lists(st.sampled_from(keys), unique=True, max_size=4)):
        positioning.set_score(session, key, draw(st.none() | st.integers(1, 5)))
        if draw(st.booleans()):
            positioning.set_note(session, key, draw(maybe_text))
    participants = ids(session, "participants")
    for _ in range(draw(st.integers(0, 4))):
        if participants:
            positioning.place(
                session,
                draw(st.sampled_from(participants)),
                draw(st.sampled_from([r.value for r in Round])),
                draw(coordinates),
                draw(coordinates),
            )
    if draw(st.booleans()):
        positioning.set_target(session, draw(coordinates), draw(coordinates))


@st.composite
def review(draw: st.DrawFn, session: Session) -> None:
    library = builtin_library("fr")
    keys = draw(
        st.lists(
            st.sampled_from([c.key for c in library.clauses]), unique=True, min_size=1, max_size=3
        )
    )
    for key in keys:
        variants = [v.key for v in library.clause(key).variants]
        clauses.add_clause(session, library, key, draw(st.none() | st.sampled_from(variants)))
    college_ids = ids(session, "colleges")
    for clause_id in ids(session, "clauses"):
        if draw(st.booleans()):
            key = session.conn.execute(
                "SELECT library_key FROM clauses WHERE id = ?", (clause_id,)
            ).fetchone()[0]
            variants = [v.key for v in library.clause(key).variants]
            clauses.choose_variant(session, clause_id, draw(st.sampled_from(variants)))
        for _ in range(draw(st.integers(0, 2))):
            attempt(
                clauses.amend,
                session,
                clause_id,
                draw(texts),
                college_id=draw(st.none() | st.sampled_from(college_ids)),
                reason=draw(maybe_text),
            )
        if draw(st.booleans()):
            clauses.set_clause_note(session, clause_id, draw(maybe_text))
        for _ in range(draw(st.integers(1, 2))):
            draw(ballot_round(session, clause_id))


def _remark(draw: st.DrawFn, choice: Choice) -> str | None:
    return draw(texts) if choice in (Choice.RESERVATION, Choice.OBJECTION) else None


@st.composite
def ballot_round(draw: st.DrawFn, session: Session, clause_id: int) -> None:
    """Open a round with drawn settings, capture choices, then close, cancel or leave it open."""
    participants = ids(session, "participants")
    if participants and draw(st.booleans()):
        setup.set_present(session, draw(st.sampled_from(participants)), draw(st.booleans()))
    if participants and draw(st.booleans()):
        attempt(
            setup.update_participant,
            session,
            draw(st.sampled_from(participants)),
            college_id=draw(st.sampled_from(ids(session, "colleges"))),
        )
    if draw(st.integers(0, 4)) == 0:  # the workshop's defaults, which may not fit
        opened = attempt(ballots.open_ballot, session, clause_id)
    else:
        method = draw(st.sampled_from(list(Method)))
        capture = draw(st.sampled_from(list(CaptureMode)))
        majority = method is not Method.CONSENT
        opened = attempt(
            ballots.open_ballot,
            session,
            clause_id,
            method=method.value,
            capture=capture.value,
            abstentions_count=draw(st.booleans()) if majority else False,
            double_majority=draw(st.none() | st.integers(0, 2))
            if majority and capture is not CaptureMode.SECRET
            else None,
            quorum=draw(st.none() | st.integers(0, 4)),
        )
    if opened is None:
        return
    ballot_id = opened.value
    method, capture = session.conn.execute(
        "SELECT method, capture FROM ballots WHERE id = ?", (ballot_id,)
    ).fetchone()
    choices = st.sampled_from(choices_for(Method(method)))
    voters = [pid for pid, _ in ballots.who_voted(session.conn, ballot_id)]
    for pid in voters:
        if draw(st.integers(0, 3)) == 0:  # did not vote
            continue
        choice = draw(choices)
        if capture == CaptureMode.NOMINATIVE:
            ballots.cast_vote(session, ballot_id, pid, choice, _remark(draw, choice))
            if draw(st.booleans()):  # a change of mind
                again = draw(choices)
                ballots.cast_vote(session, ballot_id, pid, again, _remark(draw, again))
        elif capture == CaptureMode.SECRET:
            ballots.cast_secret(session, ballot_id, pid, choice, _remark(draw, choice))
    if capture == CaptureMode.COUNTS:
        for college, present in ballots.present_by_college(session.conn, ballot_id).items():
            numbers = draw(
                st.dictionaries(choices.map(str), st.integers(0, present), min_size=1, max_size=3)
            )
            attempt(ballots.set_counts, session, ballot_id, college, numbers)
    secret = capture == CaptureMode.SECRET
    if draw(st.booleans()):
        attempt(
            ballots.add_remark,
            session,
            ballot_id,
            draw(st.sampled_from(["reservation", "objection"])),
            draw(texts),
            college_id=None
            if secret
            else draw(st.none() | st.sampled_from(ids(session, "colleges"))),
            participant_id=None if secret else draw(st.none() | st.sampled_from(voters)),
        )
    ending = draw(st.sampled_from(["close", "close", "open", "cancel"]))
    if ending == "close":
        ballots.close_ballot(session, ballot_id)
        if draw(st.booleans()):
            ballots.add_remark(session, ballot_id, "reservation", draw(texts))
    elif ending == "cancel":
        ballots.cancel_ballot(session, ballot_id)


@st.composite
def accompaniment(draw: st.DrawFn, session: Session) -> None:
    for _ in range(draw(st.integers(0, 3))):
        plan.add_action(
            session,
            draw(texts),
            draw(st.sampled_from([k.value for k in ActionKind])),
            description=draw(maybe_text),
            audience=draw(maybe_text),
            owner=draw(maybe_text),
            due_date=draw(st.none() | iso_dates),
        )
    for step in draw(st.lists(st.sampled_from([s.value for s in Step]), max_size=3)):
        setup.go_to_step(session, step)
    if draw(st.booleans()):
        setup.end_workshop(session)


@st.composite
def workshops(draw: st.DrawFn, directory: Path) -> Session:
    """A workshop built through the operations, as a facilitator could have left it."""
    default_colleges = draw(st.booleans())
    session = fast(
        setup.create(
            directory / "original.charter",
            draw(texts),
            draw(texts),
            draw(st.sampled_from([lang.value for lang in Language])),
            default_colleges=default_colleges,
        )
    )
    try:
        draw(workshop_details(session))
        draw(people(session, default_colleges))
        draw(diagnostic_and_matrix(session))
        draw(review(session))
        draw(accompaniment(session))
        for _ in range(draw(st.integers(0, 3))):
            attempt(session.undo)
        for _ in range(draw(st.integers(0, 2))):
            attempt(session.redo)
    except BaseException:
        session.close()
        raise
    return session


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_export_import_export_is_identical(data):
    directory = memory_folder("roundtrip")  # dozens of workshops: in memory, no fsync cost
    original = data.draw(workshops(directory), label="workshop")
    try:
        first = text_of(original)
        path = write_bundle(original, directory / "bundle.json")
        assert path.read_bytes() == first.encode("utf-8")
        events = original.conn.execute("SELECT count(*) FROM audit").fetchone()[0]

        imported = import_bundle(path, directory / "imported.charter")
        try:
            assert text_of(imported) == first
            assert snapshot.load(imported.conn) == without_open_rounds(snapshot.load(original.conn))
            assert not imported.can_undo and not imported.can_redo
            assert imported.conn.execute(
                "SELECT count(*), count(undo_sql), count(redo_sql) FROM audit"
            ).fetchone() == (events, 0, 0)
            assert imported.file.integrity_check() == []
        finally:
            imported.close()
        # From the dict as well as from the file.
        again = import_bundle(json.loads(first), directory / "again.charter")
        try:
            assert text_of(again) == first
        finally:
            again.close()
    finally:
        original.close()


# -- a small, fixed workshop for the other tests ------------------------------------------
def build_small(path: Path) -> Session:
    """Five participants, three clauses decided by name, by counts and in secret, one open."""
    library = builtin_library("fr")
    keys = [c.key for c in library.clauses[:4]]
    with fixed_clock(START):
        s = fast(setup.create(path, "Atelier « test »", "ACME & Cie", "fr"))
        who = [
            setup.add_participant(s, name, college, "fonction").value
            for name, college in [
                ("Łukasz Nguyễn-O’Brien", 1),
                ("Zoé Kowalczyk", 2),
                ("يوسف الحداد", 2),
                ("田中 美咲 🌿", 3),
                ("<b>Björn</b> & Co", 4),
            ]
        ]
        positioning.set_score(s, "sector", 4)
        positioning.place(s, who[0], "opening", 3.5, 7)
        positioning.set_target(s, 7.5, 4.5)
        ids_ = [clauses.add_clause(s, library, key).value for key in keys]
        clauses.amend(s, ids_[0], "Texte amendé « ensemble ».", college_id=2, reason="clarté")

        b = ballots.open_ballot(s, ids_[0], method="simple", capture="nominative").value
        for pid, choice in zip(who, ["for", "for", "against", "abstain", "for"], strict=True):
            ballots.cast_vote(s, b, pid, choice)
        ballots.close_ballot(s, b)
        ballots.add_remark(s, b, "reservation", "À revoir", participant_id=who[1], college_id=2)

        b = ballots.open_ballot(s, ids_[1], method="consent", capture="secret").value
        for pid in who[:4]:
            ballots.cast_secret(s, b, pid, "consent")
        ballots.cast_secret(s, b, who[4], "reservation", "Former d’abord")
        ballots.close_ballot(s, b)

        b = ballots.open_ballot(s, ids_[2], method="two_thirds", capture="counts").value
        ballots.set_counts(s, b, 1, {"for": 1})
        ballots.set_counts(s, b, 2, {"for": 1, "against": 1})
        ballots.close_ballot(s, b)

        b = ballots.open_ballot(s, ids_[3], method="simple", capture="nominative").value
        ballots.cast_vote(s, b, who[0], "against")
        plan.add_action(s, "Formation", "training", due_date="2027-01-15")
    return s


@pytest.fixture(scope="module")
def small_bundle(tmp_path_factory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("small") / "small.charter"
    with build_small(path) as session:
        return export_bundle(session)


def test_small_bundle_shape(small_bundle):
    assert small_bundle["format"] == FORMAT == "charter-workshop-bundle"
    assert small_bundle["version"] == VERSION == 2
    assert "_sqlite_migrations" not in json.dumps(small_bundle)
    nominative, secret, counts, running = (c["ballots"][0] for c in small_bundle["clauses"])
    assert [v["choice"] for v in nominative["votes"]] == ["for", "for", "against", "abstain", "for"]
    assert nominative["remarks"][0]["participant_id"] is not None
    # A closed secret ballot: overall totals only, no votes, remarks attached to nobody.
    assert secret["votes"] == []
    assert {c["college_id"] for c in secret["counts"]} == {None}
    assert secret["remarks"] and all(
        r["participant_id"] is None and r["college_id"] is None for r in secret["remarks"]
    )
    assert counts["votes"] == [] and {c["college_id"] for c in counts["counts"]} == {1, 2}
    assert running["state"] == BallotState.OPEN
    assert [e["kind"] for e in small_bundle["audit"]][:2] == ["create", "add_participant"]
    assert set(small_bundle["audit"][0]) == {"id", "at", "step", "kind", "summary"}


def test_an_open_ballot_carries_no_vote(tmp_path):
    """Votes cast by name in an open round never reach the bundle, nor who has voted."""
    library = builtin_library("fr")
    with fast(setup.create(tmp_path / "o.charter", "Atelier", "ACME")) as s:
        who = [setup.add_participant(s, f"P{i}", 1 + i % 3).value for i in range(4)]
        clause = clauses.add_clause(s, library, library.clauses[0].key).value
        b = ballots.open_ballot(s, clause, method="consent", capture="nominative").value
        ballots.cast_vote(s, b, who[0], "consent")
        ballots.cast_vote(s, b, who[1], "objection", "SECRET-OBJECTION-MOTIVE")
        ballots.cast_vote(s, b, who[2], "reservation", "SECRET-RESERVATION-MOTIVE")
        data = export_bundle(s)
        text = dumps_bundle(data)
    (ballot,) = data["clauses"][0]["ballots"]
    assert ballot["state"] == "open"
    assert ballot["votes"] == [] and ballot["counts"] == [] and ballot["remarks"] == []
    assert [v["voted"] for v in ballot["voters"]] == [False] * 4
    assert '"choice"' not in text and '"voted": true' not in text
    assert "SECRET-" not in text
    # After import the round restarts from zero and can be voted again.
    with import_bundle(data, tmp_path / "i.charter") as imported:
        assert ballots.who_voted(imported.conn, b) == [(pid, False) for pid in who]
        ballots.cast_vote(imported, b, who[0], "consent")
        ballots.close_ballot(imported, b)


def test_import_of_an_open_round_with_choices_is_refused(small_bundle, tmp_path):
    data = copy.deepcopy(small_bundle)
    ballot = data["clauses"][3]["ballots"][0]
    ballot["votes"] = [{"participant_id": ballot["voters"][0]["participant_id"], "choice": "for"}]
    target = tmp_path / "t.charter"
    with pytest.raises(BundleError) as info:
        import_bundle(data, target)
    assert "$.clauses[3].ballots[0].votes[0]" in info.value.fr
    assert not target.exists()


# -- invalid bundles ----------------------------------------------------------------------
def _set(path: str, value: Any) -> Any:
    """A mutation setting a field given by a dotted path with [index] parts."""

    def mutate(data: dict[str, Any]) -> dict[str, Any]:
        parts = path.replace("[", ".").replace("]", "").split(".")
        node: Any = data
        for part in parts[:-1]:
            node = node[int(part)] if part.isdigit() else node[part]
        last = parts[-1]
        if value is _DELETE:
            del node[last]
        else:
            node[int(last) if last.isdigit() else last] = value
        return data

    return mutate


_DELETE = object()
B0 = "clauses[0].ballots[0]"  # the closed ballot by name
SECRET = "clauses[1].ballots[0]"
COUNTS = "clauses[2].ballots[0]"
OPEN = "clauses[3].ballots[0]"


def _reopen(data: dict[str, Any]) -> dict[str, Any]:
    """Make the closed ballot by name open again, beside the round already open."""
    ballot = data["clauses"][0]["ballots"][0]
    ballot.update(state="open", closed_at=None, outcome=None, votes=[], remarks=[])
    for voter in ballot["voters"]:
        voter["voted"] = False
    return data


INVALID = [
    # (id, mutation of a valid bundle, JSON path the message must name)
    ("wrong type", _set("participants[3].college_id", "2"), "$.participants[3].college_id"),
    ("bool is no integer", _set("colleges[0].id", True), "$.colleges[0].id"),
    ("float is no integer", _set("colleges[0].position", 1.5), "$.colleges[0].position"),
    ("missing field", _set("workshop.title", _DELETE), "$.workshop.title"),
    ("missing list", _set("audit", _DELETE), "$.audit"),
    ("empty name", _set("participants[0].name", ""), "$.participants[0].name"),
    ("unknown field", _set("colleges[2].nickname", "x"), "$.colleges[2].nickname"),
    ("odd unknown key", _set("workshop.a b", 1), '$.workshop["a b"]'),
    ("bad enum", _set(f"{B0}.method", "plurality"), f"$.{B0}.method"),
    ("bad choice", _set(f"{B0}.votes[1].choice", "consent"), f"$.{B0}.votes[1].choice"),
    ("null not allowed", _set("workshop.lang", None), "$.workshop.lang"),
    ("out of range", _set("positions[0].support", 10.5), "$.positions[0].support"),
    ("negative count", _set(f"{COUNTS}.counts[0].n", -1), f"$.{COUNTS}.counts[0].n"),
    ("bad colour", _set("colleges[0].colour", "red"), "$.colleges[0].colour"),
    ("bad date", _set("actions[0].due_date", "2026-02-30"), "$.actions[0].due_date"),
    ("date newline", _set("actions[0].due_date", "2026-02-03\n"), "$.actions[0].due_date"),
    ("bad timestamp", _set("audit[1].at", "2026-13-45T99:00:00"), "$.audit[1].at"),
    ("dangling college", _set("participants[1].college_id", 999), "$.participants[1].college_id"),
    (
        "dangling voter",
        _set(f"{B0}.voters[2].participant_id", 999),
        f"$.{B0}.voters[2].participant_id",
    ),
    (
        "vote of no voter",
        _set(f"{B0}.votes[0].participant_id", 999),
        f"$.{B0}.votes[0].participant_id",
    ),
    ("unknown variant", _set("clauses[1].variant_key", "nope"), "$.clauses[1].variant_key"),
    ("ballot variant", _set(f"{B0}.variant_key", "nope"), f"$.{B0}.variant_key"),
    ("duplicate id", _set("colleges[1].id", 1), "$.colleges[1].id"),
    ("duplicate name", _set("colleges[1].name", "direction"), "$.colleges[1].name"),
    (
        "secret by college",
        _set(f"{SECRET}.counts[0].college_id", 1),
        f"$.{SECRET}.counts[0].college_id",
    ),
    (
        "secret named remark",
        _set(f"{SECRET}.remarks[0].participant_id", 1),
        f"$.{SECRET}.remarks[0].participant_id",
    ),
    ("too many counted", _set(f"{COUNTS}.counts[0].n", 9), f"$.{COUNTS}.counts[0].n"),
    ("open who voted", _set(f"{OPEN}.voters[0].voted", True), f"$.{OPEN}.voters[0].voted"),
    ("two open rounds", _reopen, f"$.{OPEN}.state"),
    ("newer version", _set("version", VERSION + 1), "$.version"),
    ("version zero", _set("version", 0), "$.version"),
    ("other format", _set("format", "something-else"), "$.format"),
    ("not an object", lambda data: [data], "$"),
]


@pytest.mark.parametrize(("mutate", "path"), [c[1:] for c in INVALID], ids=[c[0] for c in INVALID])
def test_invalid_bundle_names_the_field_and_leaves_no_file(small_bundle, tmp_path, mutate, path):
    data = mutate(copy.deepcopy(small_bundle))
    target = tmp_path / "t.charter"
    with pytest.raises(BundleError) as info:
        import_bundle(data, target)
    error = info.value
    assert path in error.fr and path in error.en, error.en
    assert error.fr != error.en
    assert "\n" not in error.fr and "\n" not in error.en
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


BAD_TEXTS = [
    ("not JSON", "{not json", "ligne 1, colonne 2", "line 1, column 2"),
    ("truncated", '{"format": "charter-workshop-bundle",\n  "version": ', "ligne 2", "line 2"),
    ("empty file", "", "ligne 1", "line 1"),
    ("NaN", '{"a": NaN}', "NaN", "NaN"),
    ("duplicate key", '{"format": 1, "format": 2}', '"format"', '"format"'),
    ("not an object", "[1, 2]", "champ $ : objet attendu", "field $: object expected"),
]


@pytest.mark.parametrize(
    ("text", "fr", "en"), [c[1:] for c in BAD_TEXTS], ids=[c[0] for c in BAD_TEXTS]
)
def test_bad_json_file_is_one_line(tmp_path, text, fr, en):
    source = tmp_path / "bundle.json"
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "t.charter"
    with pytest.raises(BundleError) as info:
        import_bundle(source, target)
    assert info.value.fr.startswith("bundle.json : ") and fr in info.value.fr
    assert info.value.en.startswith("bundle.json: ") and en in info.value.en
    assert not target.exists()


def test_message_format_in_both_languages(small_bundle, tmp_path):
    data = _set("participants[3].college_id", "x")(copy.deepcopy(small_bundle))
    source = tmp_path / "bundle.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BundleError) as info:
        import_bundle(source, tmp_path / "t.charter")
    assert info.value.fr == "bundle.json : champ $.participants[3].college_id : entier attendu"
    set_language("en")
    assert str(info.value) == "bundle.json: field $.participants[3].college_id: integer expected"


def test_newer_version_asks_for_an_update(small_bundle):
    with pytest.raises(BundleError) as info:
        check_bundle({**small_bundle, "version": 7, "something_new": []})
    assert "plus récente" in info.value.fr and "newer version" in info.value.en


def test_unreadable_files(tmp_path):
    with pytest.raises(BundleError, match="introuvable"):
        load_bundle(tmp_path / "missing.json")
    with pytest.raises(BundleError, match="dossier"):
        load_bundle(tmp_path)
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{\n"a": "é"}'.encode("latin-1"))
    with pytest.raises(BundleError, match="UTF-8.*ligne 2"):
        load_bundle(latin1)
    surrogate = tmp_path / "s.json"
    surrogate.write_text('{"format": "\\ud800"}', encoding="utf-8")
    with pytest.raises(BundleError, match=r"\$\.format"):
        import_bundle(surrogate, tmp_path / "t.charter")
    huge = tmp_path / "huge.json"
    huge.write_text('{"version": ' + "9" * 5000 + "}", encoding="utf-8")
    with pytest.raises(BundleError):
        load_bundle(huge)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(BundleError):
        load_bundle(deep)
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf{}")
    assert load_bundle(bom) == {}


def test_huge_integer_is_refused_not_overflowed(small_bundle, tmp_path):
    data = _set("colleges[0].position", 2**70)(copy.deepcopy(small_bundle))
    with pytest.raises(BundleError, match=r"\$\.colleges\[0\]\.position"):
        import_bundle(data, tmp_path / "t.charter")
    data = _set("positions[0].support", float("inf"))(copy.deepcopy(small_bundle))
    with pytest.raises(BundleError, match=r"\$\.positions\[0\]\.support"):
        import_bundle(data, tmp_path / "t.charter")


def test_existing_target_is_refused_and_untouched(small_bundle, tmp_path):
    target = tmp_path / "t.charter"
    target.write_bytes(b"precious")
    with pytest.raises(FileRefused, match="existe déjà"):
        import_bundle(small_bundle, target)
    assert target.read_bytes() == b"precious"


def test_database_failure_leaves_no_file(small_bundle, tmp_path, monkeypatch):
    def broken(conn: sqlite3.Connection, data: Any) -> None:
        conn.execute("INSERT INTO colleges (id, name, colour, position) VALUES (1, 'x', 'y', 1)")
        raise sqlite3.IntegrityError("simulated")

    monkeypatch.setattr(bundle.importer, "_insert", broken)
    target = tmp_path / "t.charter"
    with pytest.raises(BundleError, match="simulated"):
        import_bundle(small_bundle, target)
    assert list(tmp_path.iterdir()) == []
    # The lock was released: the same target can be created at once.
    WorkshopFile.create(target).close()


def test_import_adds_no_event_and_nothing_to_undo(small_bundle, tmp_path):
    with import_bundle(small_bundle, tmp_path / "i.charter") as s:
        assert export_bundle(s)["audit"] == small_bundle["audit"]
        assert not s.can_undo and not s.can_redo
        # The next operation is recorded after the imported timeline and can be undone.
        plan.add_action(s, "Nouvelle action")
        assert s.can_undo
        s.undo()
        assert export_bundle(s)["actions"] == small_bundle["actions"]


def test_reopened_import_ending_with_an_undo_has_nothing_to_redo(small_bundle, tmp_path):
    data = copy.deepcopy(small_bundle)
    last = data["audit"][-1]
    data["audit"].append({**last, "id": last["id"] + 1, "kind": "undo", "summary": "Annulation"})
    path = tmp_path / "i.charter"
    import_bundle(data, path).close()
    with Session.open(path) as s:
        assert not s.can_undo and not s.can_redo


def test_release_1_file_round_trips(tmp_path):
    """A file written by release format 1 (no agenda, no clause note) exports and imports."""
    copy_ = tmp_path / "v1.charter"
    copy_.write_bytes((FIXTURES / "v1.charter").read_bytes())
    with Session.open_readonly(copy_) as s:
        first = text_of(s)
    with import_bundle(json.loads(first), tmp_path / "i.charter") as imported:
        assert text_of(imported) == first


# -- the schema ---------------------------------------------------------------------------
def _props(*path: str) -> dict[str, Any]:
    node = bundle_schema()
    for part in path:
        node = node["properties"][part] if part != "[]" else node["items"]
    return node


def _enum(node: dict[str, Any]) -> list[Any]:
    if "$ref" in node:
        node = bundle_schema()["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return [v for v in node["enum"] if v is not None]


def test_schema_enums_match_the_model():
    assert _enum(_props("workshop", "lang")) == [m.value for m in Language]
    assert _enum(_props("workshop", "size_band")) == [m.value for m in SizeBand]
    assert _enum(_props("workshop", "charter_status")) == [m.value for m in CharterStatus]
    assert _enum(_props("workshop", "current_step")) == [m.value for m in Step]
    assert _enum(_props("workshop", "ballot_method")) == [m.value for m in Method]
    assert _enum(_props("workshop", "ballot_capture")) == [m.value for m in CaptureMode]
    assert _enum(_props("positions", "[]", "round")) == [m.value for m in Round]
    assert _enum(_props("actions", "[]", "kind")) == [m.value for m in ActionKind]
    assert _enum(_props("diagnostic", "[]", "criterion")) == [c.key for c in diagnostic.CRITERIA]
    variant = _props("clauses", "[]", "variants", "[]")
    assert _enum(variant["properties"]["lean"]) == [m.value for m in Lean]
    assert _enum(variant["properties"]["flags"]["items"]) == sorted(FLAGS)
    ballot = _props("clauses", "[]", "ballots", "[]")
    assert _enum(ballot["properties"]["state"]) == [m.value for m in BallotState]
    assert _enum(ballot["properties"]["outcome"]) == [m.value for m in Outcome]
    assert _enum(ballot["properties"]["votes"]["items"]["properties"]["choice"]) == [
        m.value for m in Choice
    ]


def test_schema_covers_every_column(tmp_path):
    """A new column (a migration) must show up in the bundle, or be knowingly left out."""
    where = {
        "workshop": (("workshop",), {"id"}),
        "agenda": (("agenda", "[]"), set()),
        "colleges": (("colleges", "[]"), set()),
        "participants": (("participants", "[]"), set()),
        "diagnostic": (("diagnostic", "[]"), set()),
        "positions": (("positions", "[]"), set()),
        "clauses": (("clauses", "[]"), set()),
        "variants": (("clauses", "[]", "variants", "[]"), {"clause_id"}),
        "amendments": (("clauses", "[]", "amendments", "[]"), {"clause_id"}),
        "ballots": (("clauses", "[]", "ballots", "[]"), {"clause_id"}),
        "ballot_voters": (("clauses", "[]", "ballots", "[]", "voters", "[]"), {"ballot_id"}),
        "votes": (("clauses", "[]", "ballots", "[]", "votes", "[]"), {"ballot_id"}),
        "ballot_counts": (("clauses", "[]", "ballots", "[]", "counts", "[]"), {"ballot_id"}),
        "remarks": (("clauses", "[]", "ballots", "[]", "remarks", "[]"), {"ballot_id"}),
        "actions": (("actions", "[]"), set()),
        "audit": (("audit", "[]"), {"topics", "target", "undo_sql", "redo_sql"}),
    }
    # Phone credentials (m006) are knowingly left out: hashes of secrets for this room's
    # phones, and which codes voted in an open round; a bundle never carries them.
    phones = {"phone_links", "phone_codes", "code_votes"}
    assert set(where) == OWN_TABLES - {"_sqlite_migrations"} - phones
    with WorkshopFile.create(tmp_path / "c.charter") as file:
        for table, (path, left_out) in where.items():
            columns = {r[1] for r in file.conn.execute(f"PRAGMA table_info({table})")}
            assert columns - left_out <= set(_props(*path)["properties"]), table


def test_schema_file_is_package_data():
    pyproject = Path(__file__).resolve().parents[3] / "pyproject.toml"
    assert '"bundle.schema.json"' in pyproject.read_text(encoding="utf-8")


# -- the validator ------------------------------------------------------------------------
def test_validator_subset():
    schema = {
        "type": "object",
        "required": ["a"],
        "additionalProperties": False,
        "properties": {
            "a": {"type": "array", "items": {"$ref": "#/$defs/n"}},
            "b": {"type": ["string", "null"], "pattern": "^x+$", "minLength": 2},
        },
        "$defs": {"n": {"type": "integer", "minimum": 0, "maximum": 3}},
    }
    assert validate({"a": [0, 3], "b": None}, schema) is None
    assert validate({"a": [0, 3], "b": "xx"}, schema) is None
    assert validate({}, schema).path == "$.a"
    assert validate({"a": [1, 4]}, schema).path == "$.a[1]"
    assert validate({"a": [1.0]}, schema).en == "integer expected"
    assert validate({"a": [], "b": 3}, schema).en == "string or null expected"
    assert validate({"a": [], "b": "x"}, schema).path == "$.b"
    assert validate({"a": [], "b": "xx\n"}, schema).en.startswith("invalid format")
    assert validate({"a": [], "é": 1}, schema).path == '$["é"]'
    assert child_path("$", "ok_1") == "$.ok_1" and child_path("$.x", 0) == "$.x[0]"


def test_export_of_a_closed_file_is_a_clear_error(tmp_path):
    s = setup.create(tmp_path / "c.charter", "T", "O")
    s.close()
    with pytest.raises(WorkshopError):
        export_bundle(s)
