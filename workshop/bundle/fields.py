"""The field checks every bundle check uses: unique values, timestamps, dates, references."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, NoReturn

from workshop.errors import BundleError
from workshop.jsonschema_lite import shown


class FieldChecker:
    """One bundle's checks fail with a BundleError naming the bundle and the field's path."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, path: str, fr: str, en: str) -> NoReturn:
        raise BundleError(f"{self.name} : champ {path} : {fr}", f"{self.name}: field {path}: {en}")

    def unique(self, seen: set[Any], value: Any, path: str, what_fr: str, what_en: str) -> None:
        if value in seen:
            self.fail(
                path, f"{what_fr} {shown(value)} en double", f"duplicate {what_en} {shown(value)}"
            )
        seen.add(value)

    def timestamp(self, value: str | None, path: str) -> None:
        if value is None:
            return
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            self.fail(
                path, f"horodatage invalide {shown(value)}", f"invalid timestamp {shown(value)}"
            )
        if moment.utcoffset() is None:  # naive and aware times cannot be compared
            self.fail(
                path,
                f"horodatage sans fuseau horaire {shown(value)}",
                f"timestamp without a time zone {shown(value)}",
            )

    def day(self, value: str | None, path: str) -> None:
        if value is None:
            return
        try:
            date.fromisoformat(value)
        except ValueError:
            self.fail(path, f"date invalide {shown(value)}", f"invalid date {shown(value)}")

    def exists(
        self, ids: set[int], value: int | None, path: str, what_fr: str, what_en: str
    ) -> None:
        if value is not None and value not in ids:
            self.fail(path, f"{what_fr} {value} inexistant", f"no {what_en} with id {value}")
