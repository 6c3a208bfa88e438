"""The export identifier: same state, same identifier, in every document; any change, new."""

from __future__ import annotations

import json
import re
from dataclasses import replace

from tests.demo_files import copy_demo
from workshop import exports, snapshot
from workshop.exports.common import ExportOptions
from workshop.exports.identifier import ExportId, for_export, of
from workshop.session import Session
from workshop.textfmt import clock

CODE = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")


def _demo(tmp_path):
    tmp_path.mkdir(parents=True, exist_ok=True)
    session = Session.open_readonly(copy_demo(tmp_path / "d.charter", "fr"))
    try:
        return snapshot.load(session.conn)
    finally:
        session.close()


def test_same_state_same_identifier_and_the_last_change_as_its_moment(tmp_path):
    snap = _demo(tmp_path)
    first, again = of(snap), of(_demo(tmp_path / "again"))
    assert first == again
    assert CODE.fullmatch(first.code)
    assert first.at == max(snap.audit, key=lambda e: e.at).at


def test_any_change_gives_another_identifier(tmp_path):
    snap = _demo(tmp_path)
    renamed = replace(snap, workshop=replace(snap.workshop, title=snap.workshop.title + "."))
    fewer = replace(snap, clauses=snap.clauses[:-1])
    assert len({of(snap).code, of(renamed).code, of(fewer).code}) == 3


def test_while_a_round_runs_who_has_voted_leaves_it_unchanged(tmp_path):
    from workshop.model import BallotState

    snap = _demo(tmp_path)
    clause = next(c for c in snap.clauses if c.ballots and c.ballots[-1].voters)
    running = replace(clause.ballots[-1], state=BallotState.OPEN)
    voted = replace(running, voters=tuple(replace(v, voted=not v.voted) for v in running.voters))

    def with_ballot(ballot):
        changed = replace(clause, ballots=(*clause.ballots[:-1], ballot))
        return replace(snap, clauses=tuple(changed if c is clause else c for c in snap.clauses))

    assert of(with_ballot(running)).code == of(with_ballot(voted)).code  # as in the bundle
    assert of(with_ballot(running)).code != of(snap).code
    closed = replace(voted, state=clause.ballots[-1].state)
    assert of(with_ballot(closed)).code != of(snap).code


def test_the_registry_stamps_the_unfiltered_state_into_pseudonymised_exports(tmp_path):
    snap = _demo(tmp_path)
    out = exports.run("bundle", snap, tmp_path / "p.json", ExportOptions(anonymize=True))
    data = json.loads(out.read_text("utf-8"))
    assert data["export"] == {"id": of(snap).code, "at": of(snap).at}
    complete = exports.run("bundle", snap, tmp_path / "c.json")
    assert json.loads(complete.read_text("utf-8"))["export"] == data["export"]


def test_the_bundle_with_its_identifier_still_imports(tmp_path):
    from workshop.bundle import import_bundle

    snap = _demo(tmp_path)
    out = exports.run("bundle", snap, tmp_path / "c.json")
    session = import_bundle(out, tmp_path / "back.charter")
    try:
        assert of(snapshot.load(session.conn)).code  # a state that loads
    finally:
        session.close()


def test_a_writer_called_directly_computes_its_own():
    stamped = ExportId("0000-0000", "2026-12-02T10:38:40")
    assert for_export(None, ExportOptions(identifier=stamped)) is stamped  # type: ignore[arg-type]


def test_text_uses_the_one_time_rule():
    export_id = ExportId("7F3K-9Q2M", "2026-12-02T10:38:40")
    assert export_id.text("fr") == "7F3K-9Q2M du 2\u00a0décembre 2026, 10\u00a0h\u00a038"
    assert export_id.text("en") == "7F3K-9Q2M of 2 December 2026, 10:38"
    assert clock("2026-12-02T09:05:59", "fr") == "9\u00a0h\u00a005"
    assert clock(None) == "—"


def test_the_moment_is_the_latest_whatever_the_offsets_and_malformed_ones(tmp_path):
    snap = _demo(tmp_path)
    stamps = [
        "2026-12-02T10:38:40+01:00",
        "2026-12-02T10:00:00+00:00",  # 11:00 in Paris: the latest
        "2026-12-02T10:59:59.5+01:00",
        "2026-13-02T23:59:59+01:00",  # malformed, the greatest text of its tail
        "",
    ]
    events = tuple(replace(e, at=at) for e, at in zip(snap.audit, stamps, strict=False))
    assert of(replace(snap, audit=events)).at == "2026-12-02T10:00:00+00:00"
    assert of(replace(snap, audit=events[:1] + events[3:])).at == "2026-12-02T10:38:40+01:00"
    assert of(replace(snap, audit=())).at == snap.workshop.created_at


def test_the_charter_gets_no_audit_trail_but_the_identifier_of_the_whole_state(tmp_path):
    from workshop.exports.charter import build_charter

    snap = _demo(tmp_path)
    assert snap.audit
    assert exports.prepare(exports.EXPORTS["charter"], snap, ExportOptions()).audit == ()
    assert exports.prepare(exports.EXPORTS["minutes"], snap, ExportOptions()).audit
    doc = build_charter(snap)
    assert doc.core_properties.identifier == of(snap).code


def test_a_change_in_any_table_gives_another_identifier(tmp_path):
    snap = _demo(tmp_path)
    clause = next(c for c in snap.clauses if c.ballots and c.ballots[-1].voters)
    ballot = clause.ballots[-1]
    voter = ballot.voters[0]

    def with_ballot(b):
        changed = replace(clause, ballots=(*clause.ballots[:-1], b))
        return replace(snap, clauses=tuple(changed if c is clause else c for c in snap.clauses))

    variants = [
        replace(snap, audit=(replace(snap.audit[0], summary=snap.audit[0].summary + "."),)
                + snap.audit[1:]),
        replace(snap, audit=snap.audit[1:]),
        with_ballot(replace(ballot, voters=(replace(voter, voted=not voter.voted),)
                            + ballot.voters[1:])),
        with_ballot(replace(ballot, text=ballot.text + " ")),
        replace(snap, participants=(replace(snap.participants[0], college_id=-1),)
                + snap.participants[1:]),
    ]  # fmt: skip
    codes = {of(s).code for s in variants}
    assert len(codes) == len(variants) and of(snap).code not in codes
