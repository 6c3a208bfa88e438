"""The rules form offers what the method registry allows; the result shows the new options."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tests.ui.ballot.test_panel import current_ballot, open_ballot, panel_of, voter_ids
from workshop import methods, results
from workshop.methods import Base, CaptureMode, Method, Option, QuorumOn
from workshop.model import Choice, Outcome


def choose(form, combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


@pytest.mark.parametrize("method", list(Method))
@pytest.mark.parametrize("capture", list(CaptureMode))
def test_the_form_shows_only_what_the_registry_allows(small, method, capture):
    form = panel_of(small).setup
    choose(form, form.method, method.value)
    choose(form, form.capture, capture.value)
    allowed = methods.allowed(method, capture)
    assert (not form.casting.isHidden()) is (Option.CASTING_VOTE in allowed)
    assert (not form.base.isHidden()) is (Option.BASE in allowed and len(methods.bases(method)) > 1)
    assert form.double_majority.isEnabled() is (Option.DOUBLE_MAJORITY in allowed)
    assert (not form.quorum_kind.isHidden()) is (Option.QUORUM in allowed)
    assert [form.base.itemData(i) for i in range(form.base.count())] == [
        b.value for b in methods.bases(method)
    ]
    form.casting.setChecked(True)
    form.abstentions.setChecked(True)
    settings = form.settings()
    settings.validate()  # whatever is ticked, the form never builds a refused setting
    assert (settings.chair is not None) is (Option.CASTING_VOTE in allowed)


def test_three_quarters_is_offered(small):
    form = panel_of(small).setup
    assert form.method.findData(Method.THREE_QUARTERS.value) >= 0
    assert "trois quarts" in form.method.itemText(form.method.findData("three_quarters"))


def test_quorum_as_a_fraction_counted_on_presence(small):
    form = panel_of(small).setup
    form.quorum_on.setChecked(True)
    form.quorum_kind.setCurrentIndex(form.QUORUM_FRACTION)
    assert not form.quorum_fraction.isHidden() and form.quorum.isHidden()
    choose(form, form.quorum_fraction, "3/4")
    choose(form, form.quorum_counted, QuorumOn.PRESENCE.value)
    quorum = form.settings().quorum
    assert quorum.fraction == Fraction(3, 4) and quorum.on is QuorumOn.PRESENCE
    choose(form, form.base, Base.REGISTERED.value)
    assert not form.abstentions.isEnabled()  # abstentions already count against
    assert form.settings().base is Base.REGISTERED


def test_the_result_shows_the_casting_vote(small, controller):
    panel = panel_of(small)
    form = panel.setup
    choose(form, form.method, "simple")
    choose(form, form.capture, "nominative")
    form.casting.setChecked(True)
    ids = [p.id for p in controller.snapshot.participants]
    choose(form, form.chair, ids[2])  # Chantal Roy chairs
    open_ballot(small)
    assert current_ballot(small).chair_id == ids[2]
    grid = panel.open_view.grid
    for pid, index in zip(voter_ids(small), (0, 1, 0, 1), strict=True):  # 2 for, 2 against
        grid.set_current(pid)
        assert panel.choose(index)
    panel.close_ballot()
    assert panel.mode == "result"
    assert current_ballot(small).outcome == Outcome.ADOPTED.value  # Chantal voted for
    assert "voix prépondérante" in panel.result.sentence.text()
    assert "Chantal Roy" in panel.result.sentence.text()
    table = panel.result.table
    last = [table.item(table.rowCount() - 1, c).text() for c in range(2)]
    assert "Chantal Roy" in last[0] and last[1] == "pour"
    assert "voix prépondérante" in panel.result.rules.text()


def test_the_result_says_why_a_college_was_left_out(small, controller):
    panel = panel_of(small)
    form = panel.setup
    choose(form, form.capture, "nominative")
    form.double_majority.setCurrentIndex(form.DM_ALL)
    open_ballot(small)
    grid = panel.open_view.grid
    for pid, index in zip(voter_ids(small), (0, 0, 2, 2), strict=True):  # college 2 abstains
        grid.set_current(pid)
        assert panel.choose(index)
    panel.close_ballot()
    rr = results.round_result(current_ballot(small))
    assert rr.result.excluded == {
        controller.snapshot.participants[2].college_id: "only_abstentions"
    }
    cells = [
        panel.result.table.item(r, panel.result.table.columnCount() - 1).text()
        for r in range(panel.result.table.rowCount())
    ]
    assert any("uniquement des abstentions" in c for c in cells)
    assert "Hors double majorité" in panel.result.sentence.text()
    assert rr.result.tally.count(Choice.ABSTAIN) == 2
