"""One parser for typed dates, French and English; what it cannot read it refuses."""

from __future__ import annotations

from datetime import date

import pytest

from workshop.dates import parse_date
from workshop.errors import InvalidInput
from workshop.operations import plan

MARCH_31 = date(2027, 3, 31)


@pytest.mark.parametrize(
    "typed",
    [
        "31/03/2027",
        "31-03-2027",
        "31.03.2027",
        " 31 / 03 / 2027 ",
        "31/03/27",
        "31 mars 2027",
        "31 MARS 2027",
        "mercredi 31 mars 2027",
        "2027-03-31",
        "31 March 2027",
        "March 31, 2027",
        "Mar 31 2027",
        "31st March 2027",
    ],
)
def test_march_31_in_every_usual_form(typed):
    assert parse_date(typed) == MARCH_31


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1er avril 2027", date(2027, 4, 1)),
        ("15 févr. 2027", date(2027, 2, 15)),  # what the plan table shows
        ("15 fevr 2027", date(2027, 2, 15)),
        ("3 déc. 2026", date(2026, 12, 3)),
        ("1st April 2027", date(2027, 4, 1)),
        ("2 sept. 2027", date(2027, 9, 2)),
        ("14 juil. 2027", date(2027, 7, 14)),
        ("29/02/2028", date(2028, 2, 29)),
    ],
)
def test_abbreviations_and_ordinals(typed, expected):
    assert parse_date(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "demain",
        "03/31/2027",  # month first: not guessed
        "31/02/2027",  # does not exist
        "29/02/2027",
        "31 ju 2027",  # June or July?
        "31 mars",  # which year?
        "2027-13-01",
        "31/03/2027 31/03/2027",
        "1" * 500,
        "３１/０３/２０２７x",
    ],
)
def test_what_cannot_be_read_is_refused(typed):
    assert parse_date(typed) is None


def test_the_operation_stores_iso_and_refuses_with_the_typed_text(session):
    aid = plan.add_action(session, "Former les managers", "training").value
    plan.update_action(session, aid, due_date="31/03/2027")
    row = session.conn.execute("SELECT due_date FROM actions WHERE id = ?", (aid,)).fetchone()
    assert row[0] == "2027-03-31"
    with pytest.raises(InvalidInput) as refused:
        plan.update_action(session, aid, due_date="31/13/2027")
    assert "« 31/13/2027 »" in refused.value.fr and '"31/13/2027"' in refused.value.en
    assert "\n" not in refused.value.fr
    row = session.conn.execute("SELECT due_date FROM actions WHERE id = ?", (aid,)).fetchone()
    assert row[0] == "2027-03-31"  # nothing lost
