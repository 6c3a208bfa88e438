"""The content check of workshop files (workshop/validate.py) and the limits it shares.

Each hostile value is written into a copy of the demo workshop with SQLite's own checks
switched off, as a file crafted elsewhere would be; opening, checking and exporting must
refuse it with one line naming the table, row and field, and leave the file unchanged.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.fuzzing import demo_bytes, one_line_problem, run_cli
from workshop import bundle, limits, snapshot
from workshop.errors import FileRefused, InvalidInput
from workshop.operations import setup
from workshop.session import Session
from workshop.validate import ROW_LIMITS, TABLES, validate_file


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("validate") / "demo.charter"
    path.write_bytes(demo_bytes())
    return path


def _hostile(source: Path, target: Path, *statements: str) -> Path:
    shutil.copy(source, target)
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    for statement in statements:
        conn.execute(statement)
    conn.close()
    return target


CASES = [
    # (statement, words the English refusal must contain)
    ("UPDATE participants SET name = CAST(x'ff41' AS TEXT) WHERE id = 1", "participants #1", "name", "UTF-8"),
    ("UPDATE variants SET legal_basis = '{bad' WHERE rowid = 1", "variants #1", "legal_basis", "JSON"),
    ("UPDATE variants SET flags = '\"text\"' WHERE rowid = 1", "variants #1", "flags", "list"),
    ("UPDATE audit SET topics = '[1]' WHERE id = 1", "audit #1", "topics", "list"),
    ("UPDATE participants SET present = 'yes' WHERE id = 1", "participants #1", "present", "integer"),
    ("UPDATE participants SET present = 2 WHERE id = 1", "participants #1", "present", "range"),
    ("UPDATE ballots SET method = 'dictator' WHERE id = 1", "ballots #1", "method", "unknown value"),
    ("UPDATE ballots SET capture = 'telepathy' WHERE id = 1", "ballots #1", "capture", "unknown"),
    ("UPDATE ballots SET state = 'paused' WHERE id = 1", "ballots #1", "state", "unknown"),
    ("UPDATE variants SET lean = 'left' WHERE rowid = 1", "variants #1", "lean", "unknown"),
    ("UPDATE actions SET kind = 'party' WHERE rowid = 1", "actions #1", "kind", "unknown"),
    ("UPDATE workshop SET current_step = 'lunch'", "workshop #1", "current_step", "unknown"),
    ("UPDATE ballots SET opened_at = '2026-01-01T10:00:00' WHERE id = 1", "opened_at", "time zone"),
    ("UPDATE ballots SET opened_at = 'soon' WHERE id = 1", "ballots #1", "opened_at", "invalid"),
    ("UPDATE agenda SET started_at = '2026-02-30T10:00:00+01:00' WHERE rowid = 1", "agenda #1", "started_at", "invalid"),
    ("UPDATE actions SET due_date = '2026-13-01' WHERE rowid = 1", "actions #1", "due_date", "invalid"),
    ("UPDATE positions SET support = 1e999 WHERE rowid = 1", "positions #1", "support", "number"),
    ("UPDATE positions SET control = -1 WHERE rowid = 1", "positions #1", "control", "range"),
    ("UPDATE ballot_counts SET n = -3 WHERE rowid = 1", "ballot_counts #1", "n", "range"),
    ("UPDATE workshop SET target_support = 'x'", "workshop #1", "target_support", "number"),
    ("UPDATE clauses SET title = '' WHERE id = 1", "clauses #1", "title", "cannot be empty"),
    ("UPDATE clauses SET title = printf('%.*c', 100001, 'x') WHERE id = 1", "clauses #1", "title", "too long"),
    ("UPDATE participants SET name = printf('%.*c', 100001, 'x') WHERE id = 1", "participants #1", "name", "100000"),
    ("UPDATE colleges SET name = x'4142' WHERE id = 1", "colleges #1", "name", "text expected"),
    ("UPDATE colleges SET name = x'00ff' WHERE id = 1", "colleges #1", "name", "UTF-8"),
    ("UPDATE colleges SET colour = 'red!!!!' WHERE id = 1", "colleges #1", "colour"),
    ("DELETE FROM workshop", "workshop row is missing"),
    ("DELETE FROM clauses WHERE id = (SELECT clause_id FROM ballots WHERE id = 1)", "ballots #1", "missing clauses"),
    ("DELETE FROM variants WHERE rowid = (SELECT v.rowid FROM variants v JOIN clauses c ON c.id = v.clause_id AND v.key = c.variant_key LIMIT 1)", "variant"),
    ("UPDATE ballots SET state = 'open', closed_at = NULL, outcome = NULL", "only one vote can be open"),
    ("UPDATE ballots SET closed_at = NULL WHERE id = 1", "ballots #1", "disagree"),
    ("UPDATE votes SET choice = 'consent' WHERE rowid = (SELECT v.rowid FROM votes v JOIN ballots b ON b.id = v.ballot_id WHERE b.method != 'consent' LIMIT 1)", "votes", "individual choice"),
    ("UPDATE workshop SET target_control = NULL", "target"),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c[0][:60] for c in CASES])
def test_hostile_content_is_refused_on_open_check_and_export(demo_file, tmp_path, case):
    statement, *words = case
    path = _hostile(demo_file, tmp_path / "hostile.charter", statement)
    before = path.read_bytes()
    with pytest.raises(FileRefused) as refused:
        validate_file(path)
    message = refused.value.message("en")
    assert "\n" not in message and message.startswith("hostile.charter: ")
    for word in words:
        assert word in message
    with pytest.raises(FileRefused):
        Session.open(path)
    for argv in (("check", path), ("export", path, "--csv", tmp_path / "o.csv")):
        code, _, err = run_cli(*argv)
        assert code == 1 and one_line_problem(code, err) is None, err
    assert not (tmp_path / "o.csv").exists()
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-journal").exists()


def test_the_demo_and_an_older_format_pass(demo_file):
    validate_file(demo_file, full=True)
    validate_file(Path(__file__).parents[1] / "fixtures" / "v1.charter", full=True)


def test_every_column_of_the_schema_has_a_rule(demo_file):
    conn = sqlite3.connect(demo_file)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}
    for table in tables - {"_sqlite_migrations"}:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        assert [c.name for c in TABLES[table]] == columns, table
    conn.close()


def test_too_many_rows_are_refused(demo_file, tmp_path, monkeypatch):
    monkeypatch.setitem(ROW_LIMITS, "participants", 3)
    with pytest.raises(FileRefused) as refused:
        validate_file(demo_file)
    assert "(participants: 16 rows, at most 3)" in refused.value.message("en")


def test_snapshot_turns_whatever_slips_through_into_one_refusal(demo_file, tmp_path):
    """The last resort: a read model fed a damaged file raises FileRefused, not KeyError."""
    path = _hostile(demo_file, tmp_path / "d.charter", "DELETE FROM workshop")
    conn = sqlite3.connect(path)
    with pytest.raises(FileRefused, match="d.charter"):
        snapshot.load(conn)
    conn.execute("UPDATE variants SET flags = '\"abc\"'")  # not a list: no tuple of letters
    conn.commit()
    with pytest.raises(FileRefused):
        snapshot.load(conn)
    conn.close()


def test_adding_past_a_limit_is_refused_when_typing(tmp_path, monkeypatch):
    monkeypatch.setitem(limits.TABLE_LIMITS, "participants", 2)
    session = setup.create(tmp_path / "w.charter", "Atelier", "ACME", "fr")
    try:
        college = session.conn.execute("SELECT min(id) FROM colleges").fetchone()[0]
        setup.add_participant(session, "Zoé", college)
        setup.add_participant(session, "Łukasz Nguyễn-O’Brien", college)
        with pytest.raises(InvalidInput, match="2 participants au plus"):
            setup.add_participant(session, "Noa", college)
    finally:
        session.close()


def test_the_bundle_schema_carries_the_same_limits():
    schema = bundle.bundle_schema()
    props = schema["properties"]
    clause = props["clauses"]["items"]["properties"]
    ballot = clause["ballots"]["items"]["properties"]
    assert schema["$defs"]["name"]["maxLength"] == limits.MAX_TEXT
    assert schema["$defs"]["text"]["maxLength"] == limits.MAX_TEXT
    assert props["participants"]["maxItems"] == limits.MAX_PARTICIPANTS
    assert props["colleges"]["maxItems"] == limits.MAX_COLLEGES
    assert props["clauses"]["maxItems"] == limits.MAX_CLAUSES
    assert props["actions"]["maxItems"] == limits.MAX_ACTIONS
    assert props["audit"]["maxItems"] == limits.MAX_AUDIT_EVENTS
    assert clause["variants"]["maxItems"] == limits.MAX_VARIANTS_PER_CLAUSE
    assert clause["ballots"]["maxItems"] == limits.MAX_ROUNDS_PER_CLAUSE
    assert clause["amendments"]["maxItems"] == limits.MAX_AMENDMENTS
    assert ballot["voters"]["maxItems"] == limits.MAX_PARTICIPANTS
    assert ballot["remarks"]["maxItems"] == limits.MAX_REMARKS


def _demo_bundle(demo_file: Path) -> dict:
    session = Session.open_readonly(demo_file)
    try:
        return bundle.export_bundle(session)
    finally:
        session.close()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["participants"][0].update(name="x" * 100_001), "$.participants[0].name"),
        (lambda d: d["clauses"][0].update(title="x" * 100_001), "too long"),
        (lambda d: d["clauses"][0].update(text="x" * 100_001), "$.clauses[0].text"),
        (lambda d: d["audit"][0].update(at="2026-12-03T09:00:00"), "time zone"),
        (lambda d: d["participants"].extend([d["participants"][0]] * 5_001), "too many items"),
    ],
)
def test_bundle_over_a_limit_is_refused_without_a_file(demo_file, tmp_path, change, words):
    data = _demo_bundle(demo_file)
    change(data)
    source = tmp_path / "b.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = run_cli("--lang-ui", "en", "import", source, tmp_path / "t.charter")
    assert code == 1 and one_line_problem(code, err) is None, err
    assert words in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json"]


def test_bundle_size_and_depth_are_bounded_before_use(tmp_path, monkeypatch):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 40 + "]" * 40)
    with pytest.raises(bundle.BundleError, match="imbriqué"):
        bundle.load_bundle(deep)
    monkeypatch.setattr(limits, "MAX_BUNDLE_BYTES", 1024 * 1024)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (1024 * 1024 + 1))
    with pytest.raises(bundle.BundleError, match="trop gros"):
        bundle.load_bundle(big)


def test_import_checks_the_written_rows_with_the_open_rules(demo_file, tmp_path, monkeypatch):
    """What import accepts always opens: a rule only the file check knows refuses import."""
    data = _demo_bundle(demo_file)
    monkeypatch.setitem(ROW_LIMITS, "actions", 1)
    with pytest.raises(bundle.BundleError, match="actions"):
        bundle.import_bundle(data, tmp_path / "t.charter")
    assert list(tmp_path.iterdir()) == []
