"""Per-name votes of a very large workshop: one compact annex grid instead of a list of
names under each round.

Under each nominative round the minutes list who chose what (``rounds.nominative_detail``).
That is one name per voter and per round: 250 000 names for 500 people over 500 rounds,
most of the minutes' pages and most of their layout time. Above :data:`THRESHOLD` names
in all, the rounds say « see the annex, column 17 » and the annex holds the same record
as a grid: one line per person, one column per nominative round, one sign per vote
(:data:`SIGNS`), so a vote costs one character instead of a name. Nothing is left out:
every person's choice in every nominative round is still in the minutes, and a round's
figures stay in its own counts table. The timeline's runs of votes by name, the same list of
names again, then keep their count, times and repeated voters only (``timeline``).

Limits: names longer than the name column are cut with « … » (the attendance list prints
them whole); the signs of a line are drawn as one string, which needs signs of one width
(DejaVu Sans draws all of :data:`SIGNS` 0.838 em wide).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from workshop.exports.minutes.context import Context
from workshop.exports.minutes.layout import BODY_WIDTH, MUTED, NBSP, RULE
from workshop.exports.pdf_fonts import FONT, plain
from workshop.model import CaptureMode, Choice, label
from workshop.references import reference
from workshop.snapshot import Ballot, Snapshot

#: Names listed under the rounds, in all the nominative rounds, above which they move to
#: the annex (L, 100 people × 240 rounds, lists about 8 000; XL, 500 × 1 500, 250 000).
THRESHOLD = 20_000

#: One sign per choice; « ⊘ »: called to vote, did not; blank: not called (absent).
SIGNS = {
    Choice.FOR: "+",
    Choice.AGAINST: "−",
    Choice.ABSTAIN: "=",
    Choice.CONSENT: "✓",
    Choice.RESERVATION: "±",
    Choice.OBJECTION: "✗",
}
NO_VOTE = "⊘"
UNKNOWN = "#"  # a choice this release does not know (a file from a newer one)
_CHOICES = frozenset(c.value for c in Choice)
SIZE = 6.0  # points, names and signs
CELL = 6.2  # points per column
LINE = 7.6  # points per line
NAME_WIDTH = 118.0
HEADER = 12.0
_CACHE = "_vote_annex_columns"


def nominative_rounds(snap: Snapshot) -> list[Ballot]:
    """The closed nominative rounds that have voters, in the order the minutes print them."""
    return [
        b
        for c in snap.clauses
        for b in c.ballots
        if b.capture == CaptureMode.NOMINATIVE and not b.is_open and b.voters
    ]


def columns(snap: Snapshot) -> dict[int, int]:
    """Ballot id → its column in the annex (from 1), or an empty dict when the names stay
    under their rounds. Computed once per snapshot (the rounds ask for each ballot)."""
    cached = vars(snap).get(_CACHE)
    if cached is None:
        rounds = nominative_rounds(snap)
        names = sum(len(b.voters) for b in rounds)
        cached = {b.id: n for n, b in enumerate(rounds, start=1)} if names > THRESHOLD else {}
        vars(snap)[_CACHE] = cached  # frozen dataclass: its __dict__ is a plain cache here
    return cached


def in_annex(snap: Snapshot) -> bool:
    """Whether this workshop's per-name votes are in the annex rather than under each round."""
    return bool(columns(snap))


def reference_line(ctx: Context, ballot: Ballot) -> Paragraph | None:
    """What a round says instead of its list of names: where they are in the annex."""
    column = columns(ctx.snap).get(ballot.id)
    if column is None:
        return None
    text = ctx.tr(
        f"Votes nominatifs{NBSP}: en annexe, colonne {column}.",
        f"Votes by name: in the annex, column {column}.",
    )
    return ctx.p(ctx.t(text), "meta")


class VoteGrid(Flowable):
    """Lines of (name, signs), the column numbers above; splits between lines."""

    def __init__(self, rows: Sequence[tuple[str, str]], first: int, count: int) -> None:
        super().__init__()
        self.rows = list(rows)
        self.first, self.count = first, count  # column numbers first .. first + count - 1

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = BODY_WIDTH, HEADER + LINE * len(self.rows)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        fit = int((available_height - HEADER) // LINE)
        if fit < 5 or fit >= len(self.rows):
            return [] if fit < 5 else [self]
        return [
            VoteGrid(self.rows[:fit], self.first, self.count),
            VoteGrid(self.rows[fit:], self.first, self.count),
        ]

    def draw(self) -> None:
        canv = self.canv
        top = self.height
        sign_width = stringWidth("+", FONT, SIZE)
        canv.saveState()
        canv.setFillColor(MUTED)
        canv.setFont(FONT, 4.6)
        for k in range(self.count):
            number = self.first + k
            if number == self.first or number % 5 == 0:
                x = NAME_WIDTH + k * CELL + CELL / 2
                canv.drawCentredString(x, top - HEADER + 4, str(number))
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.25)
        for k in range(self.count + 1):
            if (self.first + k - 1) % 5 == 0 or k == self.count:
                x = NAME_WIDTH + k * CELL
                canv.line(x, 0, x, top - HEADER + 2)
        canv.setFillColor("#1F1F1F")
        for i, (name, signs) in enumerate(self.rows):
            y = top - HEADER - LINE * (i + 1) + 2
            canv.setFont(FONT, SIZE)
            canv.drawString(0, y, name)
            text = canv.beginText()
            text.setFont(FONT, SIZE)
            text.setCharSpace(CELL - sign_width)
            start = 0
            for segment in signs.split(" "):  # blanks (not called) are skipped, not drawn
                if segment:
                    x = NAME_WIDTH + start * CELL + (CELL - sign_width) / 2
                    text.setTextOrigin(x, y)
                    text.textOut(segment)
                start += len(segment) + 1
            text.setCharSpace(0)  # a text-state setting: it would outlast this line
            canv.drawText(text)
            if (i + 1) % 5 == 0:
                canv.line(0, y - 2, NAME_WIDTH + self.count * CELL, y - 2)
        canv.restoreState()


def _cut(name: str) -> str:
    """The name as drawn in the name column, cut with « … » when too long."""
    text = plain(name)
    if stringWidth(text, FONT, SIZE) <= NAME_WIDTH - 4:
        return text
    while len(text) > 1 and stringWidth(text + "…", FONT, SIZE) > NAME_WIDTH - 4:
        text = text[:-1]
    return text.rstrip() + "…"


def _count(n: int, lang: str) -> str:
    return f"{n:,}".replace(",", "," if lang == "en" else NBSP)


def section(ctx: Context) -> list[Flowable]:
    """The annex: how to read it, the rounds of each column, then the grid in bands."""
    where = columns(ctx.snap)
    if not where:
        return []
    rounds = nominative_rounds(ctx.snap)
    title = ctx.tr("Annexe — votes nominatifs", "Annex — votes by name")
    heading = ctx.p(ctx.t(title), "h1")
    heading._outline = title  # type: ignore[attr-defined]  # the PDF outline (_Doc)
    story: list[Flowable] = [heading]
    total, limit = _count(sum(len(b.voters) for b in rounds), ctx.lang), _count(THRESHOLD, ctx.lang)
    story.append(
        ctx.p(
            ctx.t(
                ctx.tr(
                    f"Cet atelier compte {total} votes nominatifs, plus de {limit} : au lieu "
                    "de la liste des noms sous chaque tour, ils sont réunis ici, une ligne par "
                    "personne, une colonne par tour nominatif, un signe par vote. Les "
                    "décomptes de chaque tour restent dans son tableau.",
                    f"This workshop has {total} votes by name, more than {limit}: instead of "
                    "the list of names under each round, they are gathered here, one line per "
                    "person, one column per round by name, one sign per vote. Each round's "
                    "counts stay in its own table.",
                )
            )
        )
    )
    signs = [f"{sign} {label(choice, ctx.lang)}" for choice, sign in SIGNS.items()]
    signs.append(ctx.tr(f"{NO_VOTE} appelé à voter, sans vote", f"{NO_VOTE} called, no vote"))
    signs.append(ctx.tr("vide : non appelé (absent)", "blank: not called (absent)"))
    story.append(ctx.p(ctx.t(ctx.tr("Signes : ", "Signs: ") + " ; ".join(signs)), "meta"))
    clause_of = {b.id: c for c in ctx.snap.clauses for b in c.ballots}
    word = ctx.tr("tour", "round")
    key = " · ".join(
        f"{where[b.id]}{NBSP}=" + NBSP + f"{reference(clause_of[b.id])}{NBSP}{word}{NBSP}{b.round}"
        for b in rounds
    )
    story.append(ctx.p(ctx.tr("<b>Colonnes</b> : ", "<b>Columns</b>: ") + ctx.t(key), "small"))
    story += grids(ctx, rounds)
    return story


def grids(ctx: Context, rounds: Sequence[Ballot]) -> list[Flowable]:
    """The grid in bands of as many columns as the page width holds."""
    per_band = max(1, int((BODY_WIDTH - NAME_WIDTH) // CELL))
    called = {v.participant_id for b in rounds for v in b.voters}
    people = [p for p in ctx.snap.participants if p.id in called]
    story: list[Flowable] = []
    for start in range(0, len(rounds), per_band):
        band = rounds[start : start + per_band]
        signs: dict[int, list[str]] = {p.id: [" "] * len(band) for p in people}
        for k, ballot in enumerate(band):
            choice_of = {v.participant_id: v.choice for v in ballot.votes}
            for voter in ballot.voters:
                choice = choice_of.get(voter.participant_id)
                line = signs.get(voter.participant_id)
                if line is not None:
                    line[k] = (
                        SIGNS[Choice(choice)]
                        if choice in _CHOICES
                        else UNKNOWN
                        if choice
                        else NO_VOTE
                    )
        rows = [(_cut(ctx.name(p)), "".join(signs[p.id]).rstrip()) for p in people]
        story.append(VoteGrid(rows, start + 1, len(band)))
    return story
