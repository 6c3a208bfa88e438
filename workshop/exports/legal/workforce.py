"""Workforce thresholds, read from the workshop's size band (``model.SizeBand``).

French labour law counts in steps: a CSE from 11 employees (L2311-2), a mandatory
règlement intérieur and the CSE's consultations on monitoring (L2312-38) and new
technologies (L2312-8) from 50 (L1311-2; the L2312-8 to L2312-84 section is the CSE of
companies of at least 50). The bands' bounds fall on those steps, so a band answers each
question; no band (size not entered) answers « unknown » (None).
"""

from __future__ import annotations

from workshop.exports.legal.model import NoteText
from workshop.exports.legal.rules import (
    WORKFORCE_50,
    WORKFORCE_MICRO,
    WORKFORCE_SMALL,
    WORKFORCE_UNKNOWN,
)
from workshop.model import SizeBand

_AT_LEAST_50 = frozenset({SizeBand.MEDIUM, SizeBand.LARGE, SizeBand.VERY_LARGE})


def _band(value: SizeBand | str | None) -> SizeBand | None:
    """The band, or None when not entered or not one this release knows."""
    if value is None or value == "":
        return None
    try:
        return SizeBand(value)
    except ValueError:
        return None


def ri_mandatory(band: SizeBand | str | None) -> bool | None:
    """Must the company have a règlement intérieur (50+, L1311-2)? None if unknown."""
    b = _band(band)
    return None if b is None else b in _AT_LEAST_50


def cse_required(band: SizeBand | str | None) -> bool | None:
    """Must a CSE be set up (11+, L2311-2)? None if unknown."""
    b = _band(band)
    return None if b is None else b is not SizeBand.MICRO


def cse_consulted_on_monitoring(band: SizeBand | str | None) -> bool | None:
    """Is the CSE consulted on monitoring and new technologies (50+, L2312-38, L2312-8)?"""
    return ri_mandatory(band)  # the same step: 50 employees


def workforce_note(band: SizeBand | str | None) -> NoteText:
    """The note on thresholds that fits the band (or says the size is missing)."""
    b = _band(band)
    if b is None:
        return WORKFORCE_UNKNOWN
    if b is SizeBand.MICRO:
        return WORKFORCE_MICRO
    if b is SizeBand.SMALL:
        return WORKFORCE_SMALL
    return WORKFORCE_50
