"""A college keeps its colour for its life; new ones take a free Okabe–Ito colour."""

from __future__ import annotations

from workshop import snapshot
from workshop.operations import roster, setup
from workshop.operations.setup import PALETTE
from workshop.roster import RosterRow

OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}


def colours(session) -> dict[str, str]:
    return {c.name: c.colour for c in snapshot.load(session.conn, with_audit=False).colleges}


def test_the_palette_is_okabe_ito_with_the_yellow_last():
    assert set(PALETTE) == OKABE_ITO
    assert PALETTE[-1] == "#F0E442"  # weak on white: taken only when the others are


def test_deleting_a_college_changes_no_other_colour_and_new_ones_differ(tmp_path):
    s = setup.create(tmp_path / "a.charter", "Atelier", "ACME", default_colleges=False)
    ids = [setup.add_college(s, name).value for name in ("RH", "CSE", "DSI", "Juridique")]
    before = colours(s)
    assert len(set(before.values())) == 4
    setup.remove_college(s, ids[1])
    after = colours(s)
    assert after == {k: v for k, v in before.items() if k != "CSE"}
    setup.add_college(s, "Managers")
    setup.add_college(s, "Salariés")
    now = colours(s)
    assert {k: now[k] for k in after} == after  # kept
    assert len(set(now.values())) == len(now)  # no two colleges share a colour
    s.close()


def test_imported_colleges_take_free_colours_too(tmp_path):
    s = setup.create(tmp_path / "b.charter", "Atelier", "ACME", default_colleges=False)
    first = setup.add_college(s, "RH").value
    setup.add_college(s, "CSE")
    setup.remove_college(s, first)
    roster.add_participants(s, [RosterRow(1, "Zoé", "", "Communication")], create_colleges=True)
    values = list(colours(s).values())
    assert len(set(values)) == len(values) == 2
    s.close()
