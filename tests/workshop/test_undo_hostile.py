"""The undo log's stored SQL is never trusted: hostile statements are never run.

At open they make their event a barrier (the file still opens, read-only or for writing,
byte-identical); at replay they are refused in one line before anything runs; and whatever
slips past the parser meets an authorizer that only allows row changes on our tables.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from tests import spoil
from workshop import undo
from workshop.errors import NothingToUndo
from workshop.operations import setup
from workshop.session import Session
from workshop.undo import UndoRefused

HOSTILE = {
    "attach": "ATTACH DATABASE '{dir}/stolen.db' AS x",
    "pragma": "PRAGMA writable_schema = ON",
    "drop": "DROP TABLE votes",
    "schema": "UPDATE sqlite_schema SET sql = 'x' WHERE name = 'votes'",
    "load_extension": "SELECT load_extension('{dir}/evil')",
    "writefile": "UPDATE participants SET \"name\"=writefile('{dir}/out', 'x') WHERE rowid=1",
    "function_in_value": 'UPDATE participants SET "name"=upper(name) WHERE rowid=1',
    "multi": "DELETE FROM participants WHERE rowid=1; DROP TABLE votes",
    "multi_after_ours": "DELETE FROM participants WHERE rowid=1;\nDROP TABLE votes",
    "not_our_table": "DELETE FROM audit WHERE rowid=1",
    "not_our_column": 'UPDATE participants SET "rowid"=5 WHERE rowid=1',
    "subquery": "DELETE FROM participants WHERE rowid=(SELECT max(id) FROM participants)",
    "comment": "DELETE FROM participants WHERE rowid=1 --",
    "transaction": "COMMIT",
    "quoted_table": 'DELETE FROM "participants" WHERE rowid=1',
    "unterminated": 'INSERT INTO colleges(rowid,"name") VALUES(9,\'x',
    "count_mismatch": 'INSERT INTO colleges(rowid,"name","colour") VALUES(9,\'x\')',
    "trailing_separator": "DELETE FROM participants WHERE rowid=1;\n",
    "bare_literal": "X'00'",
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def saved(tmp_path) -> Path:
    path = tmp_path / "w.charter"
    s = setup.create(path, "Atelier", "ACME")
    setup.add_participant(s, "Łukasz Nguyễn-O’Brien", 1, "DRH")
    setup.add_participant(s, "Zoé", 2)
    s.close()
    return path


def _table_count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("column", ["undo_sql", "redo_sql"])
def test_a_file_with_hostile_undo_sql_opens_safely_and_unchanged(saved, tmp_path, name, column):
    if column == "redo_sql":  # put the last operation on the redo stack first
        with Session.open(saved) as s:
            s.undo()
    spoil.undo_sql(saved, HOSTILE[name].format(dir=tmp_path), column=column)
    before, objects = digest(saved), _table_count(saved)
    with Session.open_readonly(saved) as ro:
        assert ro.conn.execute("SELECT count(*) FROM participants").fetchone()[0] >= 1
    with Session.open(saved) as s:
        # the hostile event became a barrier: nothing to run
        assert not (s.can_undo if column == "undo_sql" else s.can_redo)
        with pytest.raises(NothingToUndo):
            s.undo() if column == "undo_sql" else s.redo()
    assert digest(saved) == before
    assert _table_count(saved) == objects
    assert not any(p.name in ("stolen.db", "out") for p in tmp_path.iterdir())


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_undo_refuses_hostile_sql_written_after_open_and_touches_nothing(saved, tmp_path, name):
    s = Session.open(saved)
    try:
        assert s.can_undo
        # the log changes under the open session (another tool ignoring the lock)
        with s.file.transaction():
            s.conn.execute(
                "UPDATE audit SET undo_sql = ? WHERE id = ?",
                (HOSTILE[name].format(dir=tmp_path), s._stacks.undo[-1]),
            )
        before = digest(saved)
        with pytest.raises(UndoRefused) as info:
            s.undo()
        assert "\n" not in str(info.value)
        assert "Annulation refusée" in str(info.value)
        assert digest(saved) == before
        assert s.can_undo  # still there: the stacks did not move
        # the authorizer is gone: the session carries on normally
        setup.add_participant(s, "Après", 1)
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] >= 1
    finally:
        s.close()
    assert not any(p.name in ("stolen.db", "out") for p in tmp_path.iterdir())


@pytest.mark.parametrize(
    "statement",
    [
        "ATTACH DATABASE ':memory:' AS x",
        "PRAGMA writable_schema = ON",
        "DROP TABLE votes",
        "CREATE TABLE evil (x)",
        "UPDATE sqlite_schema SET sql = 'x' WHERE name = 'votes'",
        "SELECT load_extension('evil')",
        "UPDATE participants SET name = upper(name) WHERE id = 1",
        "DELETE FROM audit",
        "INSERT INTO _sqlite_migrations (name) VALUES ('x')",
        "SAVEPOINT x",
        "SELECT 1",
    ],
)
def test_the_authorizer_denies_everything_but_row_changes_on_our_tables(saved, statement):
    """Second line of defence, run without the parser in front of it."""
    s = Session.open(saved)
    try:
        before = digest(saved)
        with pytest.raises(UndoRefused), s.file.transaction():
            undo._run_guarded(s.conn, [statement])
        assert digest(saved) == before
        assert s.conn.execute("SELECT count(*) FROM audit").fetchone()[0] > 0  # removed after
        with s.file.transaction():  # and what our own triggers need is allowed
            undo._run_guarded(s.conn, ["DELETE FROM participants WHERE rowid=2"])
    finally:
        s.close()


def test_texts_holding_separators_quotes_and_newlines_undo_and_redo_exactly(saved):
    tricky = "Zoé ’ « O'Brien »;\nDROP TABLE votes;\n'' 🎉 שלום"
    with Session.open(saved) as s:
        setup.update_participant(s, 2, name=tricky)
        s.undo()
        assert s.conn.execute("SELECT name FROM participants WHERE id = 2").fetchone()[0] == "Zoé"
        s.redo()
        assert s.conn.execute("SELECT name FROM participants WHERE id = 2").fetchone()[0] == tricky
        setup.remove_participant(s, 2)
        s.undo()
        assert s.conn.execute("SELECT name FROM participants WHERE id = 2").fetchone()[0] == tricky
    with Session.open(saved) as s:  # still undoable after reopening: the log parses
        assert s.can_undo and s.can_redo
        s.redo()  # removes the participant again
        assert s.conn.execute("SELECT count(*) FROM participants WHERE id = 2").fetchone()[0] == 0
        s.undo()
        s.undo()  # the rename's redo
        assert s.conn.execute("SELECT name FROM participants WHERE id = 2").fetchone()[0] == "Zoé"


def test_every_statement_the_demo_workshop_recorded_parses(demo_path):
    """The parser accepts all our triggers write (reals, NULLs, texts, cascades)."""
    s = Session.open(demo_path)
    try:
        columns = undo._column_lookup(s.conn)
        texts = [
            t
            for row in s.conn.execute("SELECT undo_sql, redo_sql FROM audit")
            for t in row
            if t is not None
        ]
        assert texts
        assert sum(len(undo.parse(t, columns)) for t in texts) > len(texts)
    finally:
        s.close()


@pytest.mark.parametrize(
    "text",
    [
        'UPDATE positions SET "support"=1.0e+20,"control"=-3.25 WHERE rowid=1',
        "UPDATE workshop SET \"title\"='a;\nb''c' WHERE rowid=1",
        'INSERT INTO colleges(rowid,"name","colour","position") VALUES(3,\'x\',X\'00FF\',NULL)',
        "DELETE FROM votes WHERE rowid=-9223372036854775808",
    ],
)
def test_literal_shapes_quote_writes_are_accepted(saved, text):
    with Session.open_readonly(saved) as s:
        assert undo.parse(text, undo._column_lookup(s.conn)) == [text]


def test_install_tracks_only_our_tables_by_exact_name():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE participants (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("CREATE TABLE sqliteXnotes (x)")  # matches LIKE 'sqlite_%', not ours
    conn.execute("CREATE TABLE notes (x)")
    undo.install(conn)
    triggers = {r[0] for r in conn.execute("SELECT tbl_name FROM temp.sqlite_schema")}
    assert triggers == {"_undolog", "participants"}
    conn.close()
