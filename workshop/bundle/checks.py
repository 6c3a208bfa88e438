"""Bundle checks: format, version, schema, then what a schema cannot say (references...)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workshop.bundle.ballot_checks import BallotChecker
from workshop.bundle.schema import DEFAULT_NAME, FORMAT, VERSION, bundle_schema
from workshop.errors import BundleError
from workshop.jsonschema_lite import shown, validate


def _ascii_lower(value: str) -> str:
    """SQLite's lower(): only A-Z change, as in the operations' duplicate-name check."""
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in value)


class _Checker(BallotChecker):
    """The checks beyond the schema: references, uniqueness, confidentiality, coherence."""

    # -- the whole bundle ------------------------------------------------------------------
    def check(self, data: Mapping[str, Any]) -> None:
        w = data["workshop"]
        self.day(w["date"], "$.workshop.date")
        self.timestamp(w["created_at"], "$.workshop.created_at")
        if (w["target_support"] is None) != (w["target_control"] is None):
            self.fail(
                "$.workshop.target_control",
                "la cible a deux coordonnées (ou aucune)",
                "the target has both coordinates (or none)",
            )

        steps: set[str] = set()
        for i, item in enumerate(data["agenda"]):
            path = f"$.agenda[{i}]"
            self.unique(steps, item["step"], f"{path}.step", "étape", "step")
            self.timestamp(item["started_at"], f"{path}.started_at")
            self.timestamp(item["ended_at"], f"{path}.ended_at")

        self.colleges: set[int] = set()
        names: set[str] = set()
        for i, c in enumerate(data["colleges"]):
            path = f"$.colleges[{i}]"
            self.unique(self.colleges, c["id"], f"{path}.id", "id", "id")
            self.unique(
                names, _ascii_lower(c["name"]), f"{path}.name", "nom de collège", "college name"
            )

        self.participants: set[int] = set()
        pseudonyms: set[str] = set()
        for i, p in enumerate(data["participants"]):
            path = f"$.participants[{i}]"
            self.unique(self.participants, p["id"], f"{path}.id", "id", "id")
            self.exists(self.colleges, p["college_id"], f"{path}.college_id", "collège", "college")
            self.unique(pseudonyms, p["pseudonym"], f"{path}.pseudonym", "pseudonyme", "pseudonym")

        criteria: set[str] = set()
        for i, d in enumerate(data["diagnostic"]):
            self.unique(
                criteria, d["criterion"], f"$.diagnostic[{i}].criterion", "critère", "criterion"
            )

        placed: set[tuple[int, str]] = set()
        for i, p in enumerate(data["positions"]):
            path = f"$.positions[{i}]"
            self.exists(
                self.participants,
                p["participant_id"],
                f"{path}.participant_id",
                "participant",
                "participant",
            )
            if (p["participant_id"], p["round"]) in placed:
                self.fail(
                    path,
                    "participant déjà placé pour ce tour",
                    "participant already placed for this round",
                )
            placed.add((p["participant_id"], p["round"]))

        clause_ids: set[int] = set()
        library_keys: set[str] = set()
        self.amendments: set[int] = set()
        self.ballots: set[int] = set()
        self.remarks: set[int] = set()
        self.open_ballot: str | None = None
        for i, c in enumerate(data["clauses"]):
            self.clause(c, f"$.clauses[{i}]", clause_ids, library_keys)

        actions: set[int] = set()
        for i, a in enumerate(data["actions"]):
            path = f"$.actions[{i}]"
            self.unique(actions, a["id"], f"{path}.id", "id", "id")
            self.day(a["due_date"], f"{path}.due_date")

        events: set[int] = set()
        for i, e in enumerate(data["audit"]):
            path = f"$.audit[{i}]"
            self.unique(events, e["id"], f"{path}.id", "id", "id")
            self.timestamp(e["at"], f"{path}.at")

    def clause(self, c: Mapping[str, Any], path: str, ids: set[int], keys: set[str]) -> None:
        self.unique(ids, c["id"], f"{path}.id", "id", "id")
        self.unique(keys, c["library_key"], f"{path}.library_key", "clause", "clause")
        variants: set[str] = set()
        for j, v in enumerate(c["variants"]):
            self.unique(variants, v["key"], f"{path}.variants[{j}].key", "variante", "variant")
        if c["variant_key"] not in variants:
            self.fail(
                f"{path}.variant_key",
                f"variante {shown(c['variant_key'])} absente de la clause",
                f"variant {shown(c['variant_key'])} is not one of the clause's variants",
            )
        for j, a in enumerate(c["amendments"]):
            here = f"{path}.amendments[{j}]"
            self.unique(self.amendments, a["id"], f"{here}.id", "id", "id")
            self.exists(self.colleges, a["college_id"], f"{here}.college_id", "collège", "college")
            self.timestamp(a["created_at"], f"{here}.created_at")
        rounds: set[int] = set()
        for j, b in enumerate(c["ballots"]):
            here = f"{path}.ballots[{j}]"
            self.unique(rounds, b["round"], f"{here}.round", "tour", "round")
            if b["variant_key"] not in variants:
                self.fail(
                    f"{here}.variant_key",
                    f"variante {shown(b['variant_key'])} absente de la clause",
                    f"variant {shown(b['variant_key'])} is not one of the clause's variants",
                )
            self.ballot(b, here)


def check_bundle(data: Any, name: str = DEFAULT_NAME) -> None:
    """Refuse, with a BundleError naming the first bad field's JSON path, a bad bundle.

    The format name and version are checked first, so that a newer bundle is refused as
    newer (update the app) rather than as malformed; then the JSON Schema; then what a
    schema cannot say (references, uniqueness, confidentiality).
    """
    if not isinstance(data, Mapping):
        problem = validate(data, {"type": "object"})
        assert problem is not None
        raise BundleError(f"{name} : champ $ : {problem.fr}", f"{name}: field $: {problem.en}")
    fmt = data.get("format")
    if "format" in data and fmt != FORMAT:
        raise BundleError(
            f"{name} : champ $.format : ce n’est pas un bundle d’Atelier Charte (format {shown(fmt)}).",
            f"{name}: field $.format: not a Charter Workshop bundle (format {shown(fmt)}).",
        )
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise BundleError(
            f"{name} : champ $.version : bundle créé par une version plus récente d’Atelier Charte "
            f"(version {shown(version)} ; cette version lit jusqu’à la version {VERSION}). "
            "Mettez l’application à jour.",
            f"{name}: field $.version: bundle made by a newer version of Charter Workshop "
            f"(version {shown(version)}; this version reads up to version {VERSION}). "
            "Please update the application.",
        )
    problem = validate(data, bundle_schema())
    if problem is not None:
        raise BundleError(
            f"{name} : champ {problem.path} : {problem.fr}",
            f"{name}: field {problem.path}: {problem.en}",
        )
    _Checker(name).check(data)
