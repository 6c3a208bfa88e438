"""The minutes, the result view and the projected slide show the same figures for a round."""

from __future__ import annotations

import re
from pathlib import Path

from tests.ui.ballot.test_panel import current_ballot, open_ballot, panel_of, voter_ids
from tests.workshop.exports.pdf_reading import pdf_text
from ui.projection import slides
from workshop import results
from workshop.exports.minutes import write_minutes
from workshop.model import label

WORKSHOP = Path(__file__).resolve().parents[3] / "workshop"
UI = WORKSHOP.parent / "ui"


def squeeze(text: str) -> str:
    """Text without any space nor hyphen: PDF extraction breaks lines and spaces where it
    likes, and the minutes hyphenate a word broken at a line's end."""
    return re.sub(r"[\s-]+", "", text)


def test_minutes_result_view_and_slide_agree(small, controller, tmp_path):
    panel = panel_of(small)
    form = panel.setup
    form.capture.setCurrentIndex(form.capture.findData("nominative"))
    form.double_majority.setCurrentIndex(form.DM_ALL)
    form.casting.setChecked(True)
    ids = [p.id for p in controller.snapshot.participants]
    form.chair.setCurrentIndex(form.chair.findData(ids[0]))
    open_ballot(small)
    grid = panel.open_view.grid
    for pid, index in zip(voter_ids(small), (0, 1, 2, 2), strict=True):  # a tie; college 2 abstains
        grid.set_current(pid)
        assert panel.choose(index)
    panel.close_ballot()
    shot = controller.full_snapshot()
    ballot = current_ballot(small)
    rr = results.round_result(ballot, [c.id for c in shot.colleges])
    assert rr.result.casting_vote is not None and rr.result.excluded
    names = {c.id: c.name for c in shot.colleges}
    chair = shot.participant(ids[0]).shown_name()
    sentence = rr.sentence("fr", names, chair)

    # the result view
    assert panel.result.sentence.text() == sentence
    table = panel.result.table
    shown = {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 4)]
        for r in range(table.rowCount())
    }
    for line in rr.colleges:
        if line.tally.present:
            figures = [str(line.tally.count(c)) for c in rr.choices]
            assert shown[names[line.college_id]] == figures
    assert shown["Tous les collèges"] == [str(rr.result.tally.count(c)) for c in rr.choices]

    # the projected slide
    slide = slides.clause(shot, small.current_clause().id, "fr", names=True)
    bars = {b.label: [n for _, n in b.counts] for b in slide.bars}
    for line in rr.colleges:
        if line.tally.present:
            assert bars[names[line.college_id]] == [line.tally.count(c) for c in rr.choices]
    assert bars["Ensemble"] == [rr.result.tally.count(c) for c in rr.choices]
    assert [c for c, _ in slide.bars[0].counts] == [label(c, "fr") for c in rr.choices]
    assert any("voix prépondérante" in line for line in slide.why)  # drawn under the rule

    # the minutes
    _, pages = pdf_text(write_minutes(shot, tmp_path / "cr.pdf"))
    text = squeeze(" ".join(pages))
    assert squeeze(sentence) in text
    assert squeeze("non comptée : uniquement des abstentions") in text


def test_one_tally_computation():
    """Only results.py builds tallies and decides a round; every reader goes through it."""
    pattern = re.compile(r"\b(decide|tally_choices|tally_counts)\(|voting\.Tally\(")
    allowed = {WORKSHOP / "voting.py", WORKSHOP / "results.py"}
    found = [
        f"{path.relative_to(WORKSHOP.parent)}:{n}"
        for root in (WORKSHOP, UI)
        for path in sorted(root.rglob("*.py"))
        if path not in allowed
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []
