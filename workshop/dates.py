"""Reading a date as a person types it, in French or English: one parser for every field.

Accepted: ISO « 2027-03-31 »; day first with digits « 31/03/2027 », « 31-03-2027 »,
« 31.03.2027 » (a two-digit year is 20xx); the month in words, whole or abbreviated, with or
without accents, in French or English: « 31 mars 2027 », « 1er avril 2027 »,
« 15 févr. 2027 » (what the plan table shows), « 31 March 2027 », « March 31, 2027 »,
« 1st April 2027 »; a leading weekday is ignored. Anything else is refused rather than
guessed: « 03/31/2027 » is not read as 31 March, « 31/02/2027 » does not exist.
"""

from __future__ import annotations

import re
from datetime import date, time

from workshop.textfmt import MONTHS, fold

#: Longer text is not a date: refused before any work.
MAX_LENGTH = 40

_WEEKDAYS = frozenset(
    "lundi mardi mercredi jeudi vendredi samedi dimanche lun mar mer jeu ven sam dim "
    "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun".split()
)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})")
_DAY = re.compile(r"(\d{1,2})(?:er|re|st|nd|rd|th)?")
_YEAR = re.compile(r"\d{4}")


def _month(word: str) -> int | None:
    """The month a word names (≥ 3 letters of a French or English name), None if not one."""
    word = word.rstrip(".")
    if len(word) < 3:
        return None
    found = {
        number
        for names in MONTHS.values()
        for number, name in enumerate(names, start=1)
        if fold(name).startswith(word)
    }
    return found.pop() if len(found) == 1 else None


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str | None) -> date | None:
    """The date ``text`` says, or None when it says none unambiguously (see the module)."""
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_LENGTH:
        return None
    folded = " ".join(fold(text).replace(",", " ").split())
    if m := _ISO.fullmatch(folded):
        return _make(int(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC.fullmatch(folded):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        return _make(year, int(m[2]), int(m[1]))
    words = folded.split()
    if len(words) == 4 and words[0].rstrip(".") in _WEEKDAYS:
        words = words[1:]
    if len(words) != 3 or not _YEAR.fullmatch(words[2]):
        return None
    year = int(words[2])
    first, second = words[0], words[1]
    if (day := _DAY.fullmatch(first)) and (month := _month(second)):  # 31 mars 2027
        return _make(year, month, int(day[1]))
    if (month := _month(first)) and (day := _DAY.fullmatch(second)):  # March 31, 2027
        return _make(year, month, int(day[1]))
    return None


#: Examples for the refusal message: what a person may type.
EXAMPLES = "31/03/2027, 31 mars 2027, 2027-03-31"


_CLOCK = re.compile(r"(\d{1,2})\s*(?:[:h.]\s*(\d{2})?)?\s*(am|pm)?")


def parse_clock_time(text: str | None) -> time | None:
    """« 09:00 », « 9h », « 9 h 30 », « 14.15 », "9:30 am": a time of day; None if not one."""
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_LENGTH:
        return None
    m = _CLOCK.fullmatch(" ".join(text.strip().lower().split()))
    if m is None:
        return None
    hour, minute = int(m[1]), int(m[2] or 0)
    if m[3]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m[3] == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)
