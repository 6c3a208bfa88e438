"""The step rail reads the one clock model: re-visits add up, preparation days do not count."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from workshop.clock import fixed_clock
from workshop.operations import setup

PARIS = timezone(timedelta(hours=1))
PREP = datetime(2027, 3, 28, 14, 0, tzinfo=PARIS)
DAY = datetime(2027, 3, 31, 9, 0, tzinfo=PARIS)


def test_rail_adds_up_visits_and_skips_preparation(window, controller, tmp_path):
    path = tmp_path / "jour.charter"
    with fixed_clock(PREP, step=timedelta(0)) as skip:
        s = setup.create(path, "Atelier", "ACME", "fr")
        setup.update_workshop(s, date="2027-03-31")
        setup.go_to_step(s, "matrix")  # preparing: looked at the matrix for an hour
        skip(timedelta(hours=1))
        setup.go_to_step(s, "setup")
        s.close()
    controller.open(path)
    with fixed_clock(DAY, step=timedelta(0)) as skip:
        controller.run(setup.update_workshop, place="Saint-Nazaire")  # the day begins
        skip(timedelta(minutes=3))
        for row, minutes in ((1, 16), (2, 15), (1, 1), (2, 1), (3, 4)):
            window.rail.setCurrentRow(row)
            skip(timedelta(minutes=minutes))
        window.rail.setCurrentRow(4)  # leaving the clauses step refreshes the rail
        texts = [window.rail.item(row).text() for row in range(6)]
    assert "3 / 20 min" in texts[0]  # Préparation: the three minutes of the day
    assert "17 / 40 min" in texts[1]  # diagnostic: 16 + 1
    assert "16 / 30 min" in texts[2]  # matrix: 15 + 1, the hour of preparation left out
    assert "4 / 150 min" in texts[3]
    assert "0 / 45 min" in texts[4]
    assert "prévues" in texts[5]
    assert "dépassement" not in "".join(texts)
