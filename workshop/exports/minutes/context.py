"""What every section reads: the snapshot, language, styles, and each round's figures."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from workshop import voting
from workshop.errors import WorkshopError
from workshop.exports.common import ExportOptions
from workshop.exports.minutes.layout import NBSP
from workshop.exports.pdf_fonts import FONT, markup, normalise
from workshop.model import CaptureMode, Choice, Method, label
from workshop.snapshot import Ballot, Participant, Snapshot

# A space before French high punctuation or a closing guillemet must not break the line.
_FRENCH_SPACES = re.compile(r"[ \u202f]([:;!?»])")


# -- recomputing a round's result from the snapshot -------------------------------------------
@dataclass(frozen=True)
class RoundFigures:
    """Everything the minutes print about a closed round, recomputed from the snapshot."""

    rules: voting.BallotRules
    overall: voting.Tally
    per_college: dict[int, voting.Tally] | None  # None for a secret ballot (totals only)
    result: voting.Result


def round_figures(ballot: Ballot) -> RoundFigures | None:
    """The tallies and result of a closed round; None while it is open or if inconsistent.

    ``operations.ballots.compute_result`` reads the database; the minutes work from a
    snapshot, so this redoes the same steps with the snapshot's voters, votes and counts.
    """
    if ballot.is_open:
        return None
    try:
        rules = voting.BallotRules(
            Method(ballot.method),
            ballot.abstentions_count,
            ballot.double_majority,
            ballot.quorum,
        )
        present = Counter(v.college_id for v in ballot.voters)
        capture = CaptureMode(ballot.capture)
        per_college: dict[int, voting.Tally] | None
        if capture is CaptureMode.NOMINATIVE:
            college_of = {v.participant_id: v.college_id for v in ballot.voters}
            entries = [
                (college_of[v.participant_id], Choice(v.choice))
                for v in ballot.votes
                if v.participant_id in college_of
            ]
            overall, per_college = voting.tally_choices(entries, dict(present))
        elif capture is CaptureMode.COUNTS:
            counts: dict[int, dict[Choice, int]] = {}
            for c in ballot.counts:
                if c.college_id is not None:
                    counts.setdefault(c.college_id, {})[Choice(c.choice)] = c.n
            overall, per_college = voting.tally_counts(counts, dict(present))
        else:
            totals: dict[Choice, int] = {}
            for c in ballot.counts:
                if c.college_id is None:
                    totals[Choice(c.choice)] = totals.get(Choice(c.choice), 0) + c.n
            overall, per_college = voting.Tally(totals, sum(present.values())), None
        reservations = 0
        if rules.method is not Method.CONSENT:
            reservations = sum(1 for r in ballot.remarks if r.kind == Choice.RESERVATION)
        result = voting.decide(rules, overall, per_college, reservations=reservations)
    except (WorkshopError, ValueError, KeyError):
        return None
    return RoundFigures(rules, overall, per_college, result)


def decimal(value: float, lang: str) -> str:
    """One decimal always (« 7,0 »), as the tables align on it."""
    text = f"{value:.1f}"
    return text if lang == "en" else text.replace(".", ",")


def duration(n: float, lang: str) -> str:
    n = round(n)
    if n >= 60:
        h, m = divmod(n, 60)
        return f"{h}{NBSP}h{NBSP}{m:02d}"
    return f"{n}{NBSP}min"


def enum_label(enum_cls: type, value: str | None, lang: str) -> str:
    """Label of a stored enumeration value; the raw value when it is unknown."""
    try:
        return label(enum_cls(value), lang)
    except ValueError:
        return value or "—"


def explain(figures: RoundFigures, lang: str) -> str:
    try:
        return voting.explain(figures.result, figures.rules, lang)
    except (WorkshopError, ValueError, KeyError):
        return ""


@dataclass
class Context:
    """What every section needs: the snapshot, the language, styles and the name filter."""

    snap: Snapshot
    options: ExportOptions
    lang: str
    styles: dict[str, ParagraphStyle] = field(default_factory=dict)

    @property
    def en(self) -> bool:
        return self.lang == "en"

    def tr(self, fr: str, en: str) -> str:
        return en if self.en else fr

    def scrub(self, text: object) -> str:
        """Free text, normalised (names were filtered in the snapshot: ``names``)."""
        return normalise(text)

    def t(self, text: object, face: str = FONT) -> str:
        """User text as Paragraph markup, names filtered, French spacing kept unbreakable."""
        s = self.scrub(text)
        if not self.en:
            s = _FRENCH_SPACES.sub(lambda m: NBSP + m.group(1), s).replace("« ", "«" + NBSP)
        return markup(s, face)

    def p(self, text: str, style: str = "body") -> Paragraph:
        """A Paragraph from markup already made safe."""
        return Paragraph(text, self.styles[style])

    def name(self, participant: Participant | None) -> str:
        if participant is None:
            return "—"
        return participant.shown_name(self.options.anonymize)

    def college_name(self, college_id: int | None) -> str:
        college = self.snap.college(college_id)
        return self.scrub(college.name) if college else "—"
