"""A very large workshop's votes by name go to one compact annex (issue 16): every
person's choice in every nominative round is still in the minutes, one sign per vote."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from tests.demo_files import copy_demo
from tests.workshop.exports.pdf_reading import pdf_text
from workshop import snapshot
from workshop.exports.common import ExportOptions
from workshop.exports.minutes import document, layout, vote_annex, write_minutes
from workshop.exports.minutes.context import Context
from workshop.exports.names import ensure_filtered
from workshop.model import Choice
from workshop.session import Session


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = copy_demo(tmp_path_factory.mktemp("annex") / "d.charter", "fr")
    session = Session.open_readonly(path)
    try:
        return snapshot.load(session.conn)
    finally:
        session.close()


def _ctx(snap, lang="fr", anonymize=False) -> Context:
    snap = ensure_filtered(snap, pseudonymise=anonymize, lang=lang)
    return Context(snap, ExportOptions(anonymize=anonymize), lang, layout.styles())


def _plain(flowables) -> str:
    return " ".join(f.getPlainText() for f in flowables if isinstance(f, Paragraph))


def test_below_the_threshold_names_stay_under_their_rounds(demo):
    rounds = vote_annex.nominative_rounds(demo)
    assert rounds and sum(len(b.voters) for b in rounds) <= vote_annex.THRESHOLD
    ctx = _ctx(demo)
    assert not vote_annex.in_annex(ctx.snap)
    assert vote_annex.section(ctx) == []
    text = _plain(document._story(ctx))
    assert "Votes nominatifs" in text and "en annexe, colonne" not in text


def test_above_the_threshold_every_vote_is_one_sign_in_the_annex(demo, monkeypatch):
    monkeypatch.setattr(vote_annex, "THRESHOLD", 0)
    ctx = _ctx(demo)
    rounds = vote_annex.nominative_rounds(ctx.snap)
    where = vote_annex.columns(ctx.snap)
    assert sorted(where.values()) == list(range(1, len(rounds) + 1))
    story = document._story(ctx)
    text = _plain(story)
    flat = text.replace("\u00a0", " ")
    # no list of names left under a round: each mention points at the annex
    assert flat.count("Votes nominatifs :") == flat.count("Votes nominatifs : en annexe") > 0
    for ballot in rounds:
        assert f"colonne {where[ballot.id]}." in text.replace("\u00a0", " ")
    grids = [f for f in story if isinstance(f, vote_annex.VoteGrid)]
    assert grids
    by_name: dict[str, str] = {}
    for grid in grids:
        for name, signs in grid.rows:
            by_name[name] = by_name.get(name, "") + signs.ljust(grid.count)
    # every vote of every nominative round, read back from the grid
    for n, ballot in enumerate(rounds):
        choice_of = {v.participant_id: v.choice for v in ballot.votes}
        for voter in ballot.voters:
            person = ctx.snap.participant(voter.participant_id)
            choice = choice_of.get(voter.participant_id)
            expected = vote_annex.SIGNS[Choice(choice)] if choice else vote_annex.NO_VOTE
            assert by_name[vote_annex._cut(ctx.name(person))][n] == expected
    assert len(set(vote_annex.SIGNS.values()) | {vote_annex.NO_VOTE}) == 7


def test_the_annex_prints_and_reads_back(demo, monkeypatch, tmp_path):
    monkeypatch.setattr(vote_annex, "THRESHOLD", 0)
    out = write_minutes(demo, tmp_path / "cr.pdf")
    _, pages = pdf_text(out)
    text = " ".join(pages)
    assert "Annexe — votes nominatifs" in text
    assert "en annexe, colonne 1" in text.replace("\u00a0", " ")
    assert "appelé à voter" in text


def test_pseudonymised_annex_shows_pseudonyms_only(demo, monkeypatch):
    monkeypatch.setattr(vote_annex, "THRESHOLD", 0)
    ctx = _ctx(demo, anonymize=True)
    names = {name for g in vote_annex.section(ctx) if isinstance(g, vote_annex.VoteGrid)
             for name, _ in g.rows}  # fmt: skip
    assert names
    for p in demo.participants:
        assert p.name not in names


def test_a_long_name_is_cut_to_its_column():
    long = "Łukasz Nguyễn-O’Brien de la Fontaine-Montmorency " * 3
    cut = vote_annex._cut(long)
    assert cut.endswith("…") and len(cut) < len(long)
    assert vote_annex._cut("Anna") == "Anna"


def test_a_grid_splits_between_lines():
    grid = vote_annex.VoteGrid([(f"P{i}", "+−") for i in range(200)], 1, 2)
    first, rest = grid.split(layout.BODY_WIDTH, 400)
    assert len(first.rows) + len(rest.rows) == 200 and first.rows[0][0] == "P0"
    assert grid.split(layout.BODY_WIDTH, 20) == []


def _timeline_runs(ctx) -> list[str]:
    from workshop.exports.minutes import timeline

    table = next(f for f in timeline.section(ctx, 10) if isinstance(f, layout.RecordTable))
    return [
        f"{cell.bulletText} {cell.getPlainText()}"
        for row in table._cellvalues[1:]
        for cell in row[2:]
        if isinstance(cell, Paragraph) and cell.bulletText
    ]


def test_above_the_threshold_the_timeline_lists_no_voter_twice_over(demo, monkeypatch):
    from workshop.exports.minutes import timeline

    vote_runs = [
        run
        for run in timeline._runs(list(demo.audit))
        if len(run) > timeline.TIMELINE_RUN and run[0].kind == "vote"
    ]
    assert vote_runs, "the demo has runs of votes by name"
    below = _timeline_runs(_ctx(demo))
    assert any("a voté" in row for row in below)
    monkeypatch.setattr(vote_annex, "THRESHOLD", 0)
    above = _timeline_runs(_ctx(demo))
    assert len(above) == len(below)
    folded = [row for row in above if "votes nominatifs enregistrés" in row]
    assert len(folded) == len(vote_runs)
    for row, run in zip(folded, vote_runs, strict=True):
        assert row.startswith(f"{len(run)} ×")
        repeated = {e.summary for e in run if [x.summary for x in run].count(e.summary) > 1}
        assert ("plus d’un vote" in row) == bool(repeated)
        assert all(name in row for name in repeated)
        if not repeated:
            assert "a voté" not in row
