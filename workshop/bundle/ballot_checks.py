"""The checks of a round beyond the schema: rules, state, voters, choices, counts, remarks."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from workshop import voting
from workshop.bundle.fields import FieldChecker
from workshop.errors import VoteError
from workshop.jsonschema_lite import shown
from workshop.methods import Base, QuorumOn
from workshop.model import BallotState, CaptureMode, Method, choices_for


class BallotChecker(FieldChecker):
    """A round's checks, against the ids the whole-bundle check has gathered so far."""

    colleges: set[int]
    participants: set[int]
    ballots: set[int]
    remarks: set[int]
    open_ballot: str | None

    def ballot(self, b: Mapping[str, Any], path: str) -> None:
        self.unique(self.ballots, b["id"], f"{path}.id", "id", "id")
        method = Method(b["method"])
        capture = CaptureMode(b["capture"])
        fraction = b.get("quorum_fraction")
        on = QuorumOn(b.get("quorum_on", QuorumOn.PARTICIPATION.value))
        quorum: voting.Quorum | int | None = b["quorum"]
        if fraction is not None:
            if b["quorum"] is not None:
                self.fail(
                    f"{path}.quorum_fraction",
                    "un quorum est soit un nombre, soit une fraction, pas les deux",
                    "a quorum is either a number or a fraction, not both",
                )
            quorum = voting.Quorum(fraction=Fraction(fraction), on=on)
        elif b["quorum"] is not None:
            quorum = voting.Quorum(count=b["quorum"], on=on)
        base = b.get("base")
        try:
            voting.BallotRules(
                method,
                b["abstentions_count"],
                b["double_majority"],
                quorum,
                None if base is None else Base(base),
                b.get("chair_id") is not None,
            ).validate()
        except (VoteError, ZeroDivisionError) as exc:
            fr, en = (exc.fr, exc.en) if isinstance(exc, VoteError) else ("quorum", "quorum")
            self.fail(path, fr.rstrip("."), en.rstrip("."))
        if capture is CaptureMode.SECRET and b["double_majority"] is not None:
            self.fail(
                f"{path}.double_majority",
                "pas de double majorité en vote secret (il n’y a pas de décompte par collège)",
                "no double majority in a secret ballot (there are no counts per college)",
            )
        self.timestamp(b["opened_at"], f"{path}.opened_at")
        self.timestamp(b["closed_at"], f"{path}.closed_at")
        is_open = b["state"] == BallotState.OPEN
        if is_open:
            if self.open_ballot is not None:
                self.fail(
                    f"{path}.state",
                    f"un seul vote peut être en cours (déjà {self.open_ballot})",
                    f"only one vote can be open (already {self.open_ballot})",
                )
            self.open_ballot = path
            for name in ("closed_at", "outcome"):
                if b[name] is not None:
                    self.fail(
                        f"{path}.{name}",
                        "doit être null pour un vote en cours",
                        "must be null for an open vote",
                    )
        else:
            for name in ("closed_at", "outcome"):
                if b[name] is None:
                    self.fail(
                        f"{path}.{name}", "manquant pour un vote clos", "missing for a closed vote"
                    )

        voters: dict[int, int] = {}
        per_college: dict[int, int] = {}
        for k, v in enumerate(b["voters"]):
            here = f"{path}.voters[{k}]"
            pid = v["participant_id"]
            self.exists(
                self.participants, pid, f"{here}.participant_id", "participant", "participant"
            )
            if pid in voters:
                self.fail(
                    f"{here}.participant_id", f"votant {pid} en double", f"duplicate voter {pid}"
                )
            self.exists(self.colleges, v["college_id"], f"{here}.college_id", "collège", "college")
            voters[pid] = v["college_id"]
            per_college[v["college_id"]] = per_college.get(v["college_id"], 0) + 1
            if is_open and v["voted"]:
                self.fail(
                    f"{here}.voted",
                    "vote en cours : un bundle ne dit pas qui a déjà voté (le tour reprend à zéro)",
                    "vote in progress: a bundle does not tell who has voted (the round restarts)",
                )

        self._round_options(b, path, capture, voters, per_college)
        allowed = {c.value for c in choices_for(method)}
        if b["votes"] and (is_open or capture is not CaptureMode.NOMINATIVE):
            why_fr = "vote en cours" if is_open else f"vote {capture.value}"
            why_en = "vote in progress" if is_open else f"{capture.value} vote"
            self.fail(
                f"{path}.votes[0]",
                f"{why_fr} : aucun choix individuel ne peut figurer dans le bundle",
                f"{why_en}: no individual choice may be in the bundle",
            )
        voted: set[int] = set()
        for k, v in enumerate(b["votes"]):
            here = f"{path}.votes[{k}]"
            pid = v["participant_id"]
            if pid not in voters:
                self.fail(
                    f"{here}.participant_id",
                    f"{pid} n’est pas votant de ce tour",
                    f"{pid} is not a voter of this round",
                )
            self.unique(
                voted, pid, f"{here}.participant_id", "vote du participant", "vote of participant"
            )
            self._choice(v["choice"], allowed, method, f"{here}.choice")

        if b["counts"] and (is_open or capture is CaptureMode.NOMINATIVE):
            why_fr = "vote en cours" if is_open else "vote nominatif"
            why_en = "vote in progress" if is_open else "vote by name"
            self.fail(f"{path}.counts[0]", f"{why_fr} : pas de décompte", f"{why_en}: no counts")
        counted: set[tuple[int | None, str]] = set()
        totals: dict[int | None, int] = {}
        for k, n in enumerate(b["counts"]):
            here = f"{path}.counts[{k}]"
            college = n["college_id"]
            if capture is CaptureMode.SECRET and college is not None:
                self.fail(
                    f"{here}.college_id",
                    "vote secret : seuls les totaux généraux sont gardés (null attendu)",
                    "secret ballot: only overall totals are kept (null expected)",
                )
            if capture in (CaptureMode.COUNTS, CaptureMode.CODES) and college not in per_college:
                self.fail(
                    f"{here}.college_id",
                    f"le collège {shown(college)} n’a aucun votant à ce tour",
                    f"college {shown(college)} has no voter in this round",
                )
            self._choice(n["choice"], allowed, method, f"{here}.choice")
            if (college, n["choice"]) in counted:
                self.fail(
                    here, "décompte en double pour ce choix", "duplicate count for this choice"
                )
            counted.add((college, n["choice"]))
            totals[college] = totals.get(college, 0) + n["n"]
            present = len(voters) if college is None else per_college.get(college, 0)
            if totals[college] > present:
                self.fail(
                    f"{here}.n",
                    f"{totals[college]} voix pour {present} votants",
                    f"{totals[college]} votes for {present} voters",
                )

        if b["remarks"] and is_open:
            self.fail(
                f"{path}.remarks[0]",
                "vote en cours : les remarques ne sont pas exportées",
                "vote in progress: remarks are not exported",
            )
        for k, r in enumerate(b["remarks"]):
            here = f"{path}.remarks[{k}]"
            self.unique(self.remarks, r["id"], f"{here}.id", "id", "id")
            if capture in (CaptureMode.SECRET, CaptureMode.CODES):
                for name in ("participant_id", "college_id"):
                    if r[name] is not None:
                        self.fail(
                            f"{here}.{name}",
                            "vote secret : une remarque n’est rattachée à personne (null attendu)",
                            "secret ballot: a remark is attached to nobody (null expected)",
                        )
            pid = r["participant_id"]
            if pid is not None and pid not in voters:
                self.fail(
                    f"{here}.participant_id",
                    f"{pid} n’est pas votant de ce tour",
                    f"{pid} is not a voter of this round",
                )
            self.exists(self.colleges, r["college_id"], f"{here}.college_id", "collège", "college")
            self.timestamp(r["created_at"], f"{here}.created_at")

    def _round_options(
        self,
        b: Mapping[str, Any],
        path: str,
        capture: CaptureMode,
        voters: Mapping[int, int],
        per_college: Mapping[int, int],
    ) -> None:
        """The chair holds a casting vote only as a voter, in a vote by name; members cover
        the voters of each college."""
        chair = b.get("chair_id")
        if chair is not None and (chair not in voters or capture is not CaptureMode.NOMINATIVE):
            self.fail(
                f"{path}.chair_id",
                f"{chair} doit être votant d’un vote nominatif pour avoir la voix prépondérante",
                f"{chair} must be a voter of a vote by name to hold the casting vote",
            )
        seen: set[int] = set()
        for k, m in enumerate(b.get("members") or ()):
            here = f"{path}.members[{k}]"
            college = m["college_id"]
            self.exists(self.colleges, college, f"{here}.college_id", "collège", "college")
            self.unique(seen, college, f"{here}.college_id", "collège", "college")
            if m["n"] < per_college.get(college, 0):
                self.fail(
                    f"{here}.n",
                    f"{m['n']} inscrits pour {per_college[college]} votants",
                    f"{m['n']} registered for {per_college[college]} voters",
                )

    def _choice(self, choice: str, allowed: set[str], method: Method, path: str) -> None:
        if choice not in allowed:
            expected = ", ".join(c.value for c in choices_for(method))
            self.fail(
                path,
                f"choix {shown(choice)} impossible pour la méthode {method.value} (attendu : {expected})",
                f"choice {shown(choice)} is not possible with method {method.value} (expected: {expected})",
            )
