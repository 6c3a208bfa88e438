"""Coherence writes numbers through textfmt, keeping the one decimal its alerts always had."""

from workshop.coherence.alert_rules import _num
from workshop.textfmt import number


def test_alert_coordinates_keep_one_decimal_with_the_decimal_comma():
    assert _num(3, "fr") == "3,0"
    assert _num(2.5, "fr") == "2,5"
    assert _num(3, "en") == "3.0"
    assert _num(7.25, "en") == "7.2"  # round-half-even, as f"{x:.1f}" always did


def test_number_still_trims_a_whole_number_by_default():
    assert number(3.0) == "3"
    assert number(3.0, trim=False) == "3,0"
