"""How numbers, dates and times are written for people, in French and English.

French: « 1er décembre 2026 », decimal comma « 7,5 », no-break space before « : ».
"""

from __future__ import annotations

from datetime import date, datetime

NBSP = "\u00a0"

MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip


def parse_moment(value: str | None) -> datetime | None:
    """An ISO timestamp or date from the file, or None when absent or malformed."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def long_date(value: str | date | datetime | None, lang: str = "fr") -> str:
    """« 3 décembre 2026 », "3 December 2026"; "—" when unknown; the raw text if unparsable."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        moment = parse_moment(value[:10] if len(value) >= 10 else value)
        if moment is None:
            return value
        value = moment.date()
    elif isinstance(value, datetime):
        value = value.date()
    month = MONTHS["en" if lang == "en" else "fr"][value.month - 1]
    if lang == "en":
        return f"{value.day} {month} {value.year}"
    day = "1er" if value.day == 1 else str(value.day)
    return f"{day}{NBSP}{month} {value.year}"


def hhmm(value: str | None) -> str:
    """« 14:05 » from an ISO timestamp; "—" when absent."""
    moment = parse_moment(value)
    return moment.strftime("%H:%M") if moment else "—"


def number(value: float, lang: str = "fr", decimals: int = 1) -> str:
    """« 7,5 » / "7.5"; a whole number loses its ".0"."""
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if lang == "en" else text.replace(".", ",")
