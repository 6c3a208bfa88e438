"""The read model's records: what a snapshot of a workshop holds (loaded by workshop.snapshot)."""

from dataclasses import dataclass, field
from functools import cached_property

from workshop import timing
from workshop.model import (
    ActionKind,
    BallotState,
    Base,
    CaptureMode,
    CharterStatus,
    Choice,
    Language,
    Lean,
    Method,
    Outcome,
    QuorumOn,
    Round,
    SizeBand,
    Step,
)


@dataclass(frozen=True)
class WorkshopInfo:
    title: str
    organisation: str
    sector: str
    size_band: SizeBand | None
    date: str | None
    place: str
    facilitator: str
    lang: Language
    charter_status: CharterStatus
    ballot_method: Method
    ballot_capture: CaptureMode
    ballot_abstentions_count: bool
    ballot_double_majority: int | None
    ballot_quorum: int | None
    target_support: float | None
    target_control: float | None
    current_step: Step
    created_at: str
    #: The planned start of the day, « 09:00 »; None when not planned.
    start_time: str | None = None


@dataclass(frozen=True)
class AgendaItem:
    step: str
    position: int
    planned_minutes: int
    started_at: str | None
    ended_at: str | None
    #: The planned break after this step, in minutes.
    break_minutes: int = 0


@dataclass(frozen=True)
class College:
    id: int
    name: str
    colour: str
    position: int


@dataclass(frozen=True)
class Participant:
    id: int
    name: str
    function: str
    college_id: int
    present: bool
    may_be_named: bool
    pseudonym: str
    position: int

    def shown_name(self, anonymize: bool = False) -> str:
        """The name to print: the pseudonym when exports are pseudonymised or consent is missing."""
        return self.pseudonym if anonymize or not self.may_be_named else self.name


@dataclass(frozen=True)
class DiagnosticAnswer:
    criterion: str
    score: int | None
    note: str


@dataclass(frozen=True)
class Placement:
    participant_id: int
    round: Round
    support: float
    control: float


@dataclass(frozen=True)
class Variant:
    key: str
    position: int
    lean: Lean
    label: str
    support: float
    control: float
    text: str
    rationale: str
    legal_basis: tuple[str, ...]
    justification: str | None
    flags: tuple[str, ...]


@dataclass(frozen=True)
class Amendment:
    id: int
    before: str
    after: str
    college_id: int | None
    reason: str
    created_at: str


@dataclass(frozen=True)
class Remark:
    id: int
    kind: Choice
    participant_id: int | None
    college_id: int | None
    text: str
    created_at: str


@dataclass(frozen=True)
class Voter:
    participant_id: int
    college_id: int
    voted: bool


@dataclass(frozen=True)
class Vote:
    participant_id: int
    choice: Choice


@dataclass(frozen=True)
class Count:
    college_id: int | None  # None: overall total (secret ballot)
    choice: Choice
    n: int


@dataclass(frozen=True)
class Ballot:
    id: int
    round: int
    method: Method
    capture: CaptureMode
    abstentions_count: bool
    double_majority: int | None
    quorum: int | None
    state: BallotState
    variant_key: str
    text: str
    opened_at: str
    closed_at: str | None
    outcome: Outcome | None
    voters: tuple[Voter, ...]
    votes: tuple[Vote, ...]  # empty while open
    counts: tuple[Count, ...]  # empty while open
    remarks: tuple[Remark, ...]
    # Round options of schema m004; ``results`` reads them (fraction, members: as stored).
    base: Base | None = None
    quorum_fraction: str | None = None  # "n/d"
    quorum_on: QuorumOn = QuorumOn.PARTICIPATION
    chair_id: int | None = None
    members: str | None = None  # JSON {college id: registered members} at opening

    @property
    def is_open(self) -> bool:
        return self.state == BallotState.OPEN

    @property
    def is_secret(self) -> bool:
        return self.capture in (CaptureMode.SECRET, CaptureMode.CODES)


@dataclass(frozen=True)
class Clause:
    id: int
    library_key: str
    theme_key: str
    theme_title: str
    title: str
    position: int
    variant_key: str
    text: str
    note: str
    variants: tuple[Variant, ...]
    amendments: tuple[Amendment, ...]
    ballots: tuple[Ballot, ...]

    @property
    def variant(self) -> Variant | None:
        return next((v for v in self.variants if v.key == self.variant_key), None)

    @property
    def last_closed(self) -> Ballot | None:
        closed = [b for b in self.ballots if not b.is_open]
        return closed[-1] if closed else None

    @property
    def status(self) -> Outcome | None:
        """The outcome of the latest closed round; None while undecided."""
        last = self.last_closed
        if last is None or last.outcome is None or last.outcome not in Outcome._value2member_map_:
            return None  # undecided (or an outcome this release does not know)
        return Outcome(last.outcome)

    @property
    def adopted(self) -> bool:
        return self.status in (Outcome.ADOPTED, Outcome.ADOPTED_WITH_RESERVATIONS)


@dataclass(frozen=True)
class Action:
    id: int
    title: str
    description: str
    kind: ActionKind
    audience: str
    owner: str
    due_date: str | None
    position: int


@dataclass(frozen=True)
class Event:
    id: int
    at: str
    step: str
    kind: str
    summary: str


@dataclass(frozen=True)
class Snapshot:
    workshop: WorkshopInfo
    agenda: tuple[AgendaItem, ...]
    colleges: tuple[College, ...]
    participants: tuple[Participant, ...]
    diagnostic: tuple[DiagnosticAnswer, ...]
    positions: tuple[Placement, ...]
    clauses: tuple[Clause, ...]
    actions: tuple[Action, ...]
    audit: tuple[Event, ...] = field(default=())
    #: The audit timeline’s moments the agenda clock reads (timing.py); a view of the audit,
    #: left out of comparisons like the audit is when not loaded.
    marks: tuple[timing.Mark, ...] = field(default=(), compare=False)

    @cached_property
    def _colleges_by_id(self) -> dict[int, College]:
        return {c.id: c for c in self.colleges}

    @cached_property
    def _participants_by_id(self) -> dict[int, Participant]:
        return {p.id: p for p in self.participants}

    def college(self, college_id: int | None) -> College | None:
        return self._colleges_by_id.get(college_id)  # type: ignore[arg-type]

    def participant(self, participant_id: int | None) -> Participant | None:
        return self._participants_by_id.get(participant_id)  # type: ignore[arg-type]
