"""What the projected view shows, as plain data built from a snapshot (no Qt here).

Every name on a slide goes through the exports' name filter (``workshop.exports.names``):
with names hidden (« Afficher les noms » unticked) it is pseudonymised, as an export is;
with names shown, people who refused to be named still appear by pseudonym only, in the
voter lists, the matrix and any free text (reservations, actions, the message to the room).

Building slides from ``snapshot.Snapshot`` is what makes the projection leak-proof: an open
ballot in a snapshot has no votes and no counts, so no slide can show a tally before the
vote is closed, and a secret ballot only ever has overall totals.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from workshop import diagnostic, results, voting
from workshop.errors import WorkshopError
from workshop.exports.common import target as target_position
from workshop.exports.names import NameFilter, name_filter
from workshop.matrix import Position, quadrant_name, quadrant_of
from workshop.model import CaptureMode, Choice, Outcome, Step, label
from workshop.snapshot import Ballot, Clause, Snapshot
from workshop.textfmt import long_date
from workshop.voting_words import casting_sentence


@dataclass(frozen=True)
class AgendaLine:
    label: str
    minutes: int
    current: bool


@dataclass(frozen=True)
class Bar:
    """One college's (or the whole room's) counts in a closed ballot."""

    label: str
    colour: str
    counts: tuple[tuple[str, int], ...]  # (choice label, n) in the method's choice order


@dataclass(frozen=True)
class Voter:
    label: str
    colour: str
    college: str
    voted: bool


@dataclass(frozen=True)
class Point:
    id: int
    label: str
    colour: str
    college: str
    position: Position
    opening: Position | None


@dataclass(frozen=True)
class Slide:
    """One screenful. ``kind`` says which view renders it."""

    kind: str  # welcome | matrix | clause | plan | wrapup | empty
    title: str
    subtitle: str = ""
    agenda: tuple[AgendaLine, ...] = ()
    text: str = ""
    before: str = ""  # amendment: previous wording (empty when none is proposed)
    ballot_state: str = ""  # "" | open | closed
    ballot_method: str = ""  # plain words
    voters: tuple[Voter, ...] = ()
    bars: tuple[Bar, ...] = ()
    outcome: str = ""
    points: tuple[Point, ...] = ()
    target: Position | None = None
    quadrant: str = ""
    lines: tuple[str, ...] = field(default=())
    outcome_key: str = ""  # Outcome value of a closed ballot: how the painter marks it
    choice_keys: tuple[str, ...] = ()  # Choice values, in the order of every bar's counts
    why: tuple[str, ...] = ()  # why the outcome: the rule line, the blocking college(s)
    remarks: tuple[tuple[str, str], ...] = ()  # (Choice value, text): objections, reservations
    progress: str = ""  # counts ballot: « 3 collèges sur 5 décomptés » (never the numbers)
    blocked: tuple[str, ...] = ()  # the colleges (bar labels) that blocked a double majority
    scale: tuple[str, ...] = ()  # diagnostic criterion: what 1 … 5 mean
    score: int | None = None  # diagnostic criterion: the score given, if any
    ballot_id: int | None = None  # the open ballot whose voters are shown (votes by name, secret)
    voter_ids: tuple[int, ...] = ()  # their participant ids, in the order of ``voters``

    def visible_text(self) -> str:
        """Every string the slide can put on screen (used by the leak tests)."""
        parts = [self.title, self.subtitle, self.text, self.before, self.ballot_method,
                 self.outcome, self.quadrant, *self.lines, *self.why, self.progress,
                 *(text for _kind, text in self.remarks), *self.scale]  # fmt: skip
        parts += [a.label for a in self.agenda]
        parts += [f"{v.label} {v.college} {'✓' if v.voted else ''}" for v in self.voters]
        parts += [f"{b.label} " + " ".join(f"{c} {n}" for c, n in b.counts) for b in self.bars]
        parts += [p.label for p in self.points]
        return "\n".join(p for p in parts if p)


def _t(lang: str, fr: str, en: str) -> str:
    return en if lang == "en" else fr


def method_in_plain_words(ballot: Ballot, lang: str) -> str:
    """« Vote à main levée par collège — majorité des deux tiers » for the back of the room.

    The words are ``results.describe_rules``'s, as in the minutes and the result view.
    """
    try:
        method, capture, *extra = results.describe_rules(ballot, lang)
    except WorkshopError:
        return ballot.method
    text = f"{capture.capitalize()} — {method}"
    return text + (" — " + ", ".join(extra) if extra else "")


def _names(snap: Snapshot, names: bool, lang: str) -> NameFilter:
    return name_filter(snap, pseudonymise=not names, lang=lang)


def _label(f: NameFilter, person) -> str:  # noqa: ANN001 - Participant | None
    if person is None:
        return "—"
    return person.pseudonym if person.id in f.hidden_ids else person.name


def room_message(snap: Snapshot, text: str, lang: str, *, names: bool = False) -> str:
    """The facilitator's message to the room, names filtered like every slide."""
    return _names(snap, names, lang).free(text)


def welcome(snap: Snapshot, lang: str, *, names: bool = False) -> Slide:
    f = _names(snap, names, lang)
    w = snap.workshop
    agenda = tuple(
        AgendaLine(label(Step(a.step), lang), a.planned_minutes, a.step == w.current_step)
        for a in snap.agenda
    )
    when = long_date(w.date, lang) if w.date else ""
    subtitle = " — ".join(p for p in (w.organisation, when, f.free(w.place)) if p)
    return Slide("welcome", f.free(w.title), subtitle, agenda=agenda)


def matrix(snap: Snapshot, lang: str, *, names: bool = False) -> Slide:
    """Everyone's position (closing when placed, else opening), the target, the quadrant."""
    f = _names(snap, names, lang)
    colleges = {c.id: c for c in snap.colleges}
    by_round: dict[str, dict[int, Position]] = {"opening": {}, "closing": {}}
    for p in snap.positions:
        by_round.setdefault(p.round, {})[p.participant_id] = Position(p.support, p.control)
    points = []
    for person in snap.participants:
        closing = by_round["closing"].get(person.id)
        opening = by_round["opening"].get(person.id)
        where = closing or opening
        if where is None:
            continue
        college = colleges.get(person.college_id)
        points.append(
            Point(
                person.id,
                _label(f, person),
                college.colour if college else "#777777",
                college.name if college else "",
                where,
                opening if closing else None,
            )
        )
    target = target_position(snap)
    quadrant = quadrant_name(quadrant_of(target), lang) if target else ""
    return Slide(
        "matrix",
        label(Step.MATRIX, lang),
        quadrant and _t(lang, f"Cible : {quadrant}", f"Target: {quadrant}"),
        points=tuple(points),
        target=target,
        quadrant=quadrant,
    )


def _bars(snap: Snapshot, rr: results.RoundResult, lang: str) -> tuple[Bar, ...]:
    """One bar per college that had voters, then the room: ``round_result``'s own figures."""
    order = rr.choices
    bars = []
    for line in rr.colleges:  # in the workshop's college order; none for a secret ballot
        if line.tally.present == 0:
            continue
        college = snap.college(line.college_id)
        bars.append(
            Bar(
                college.name if college else "",
                college.colour if college else "#777777",
                tuple((label(c, lang), line.tally.count(c)) for c in order),
            )
        )
    total = rr.result.tally
    bars.append(
        Bar(
            _t(lang, "Ensemble", "Everyone"),
            "#333333",
            tuple((label(c, lang), total.count(c)) for c in order),
        )
    )
    return tuple(bars)


def clause(
    snap: Snapshot, clause_id: int | None, lang: str, *, names: bool = False,
    counted: Mapping[int, frozenset[int]] | None = None,
) -> Slide:  # fmt: skip
    """The clause, large; during a vote who has voted; after it the result."""
    f = _names(snap, names, lang)
    charter = f.charter
    found: Clause | None = next((c for c in snap.clauses if c.id == clause_id), None)
    if found is None:
        found = next((c for c in snap.clauses if c.status is None), None)
    if found is None:
        return Slide("empty", label(Step.CLAUSES, lang))
    number = [c.id for c in snap.clauses].index(found.id) + 1
    title = f"{number}. {charter(found.title)}"
    text = charter(found.text)
    latest = found.ballots[-1] if found.ballots else None
    before = ""
    if found.amendments and (latest is None or latest.text != found.text):
        before = charter(found.amendments[-1].before)
    if latest is None or (not latest.is_open and latest.text != found.text):
        return Slide("clause", title, found.theme_title, text=text, before=before)
    method = method_in_plain_words(latest, lang)
    counted_colleges = (counted or {}).get(latest.id, frozenset())
    if latest.is_open:
        colleges = {c.id: c for c in snap.colleges}
        voters = []
        for v in latest.voters:
            person = snap.participant(v.participant_id)
            college = colleges.get(v.college_id)
            voters.append(
                Voter(
                    _label(f, person),
                    college.colour if college else "#777777",
                    college.name if college else "",
                    v.voted,
                )
            )
        counted = latest.capture == CaptureMode.COUNTS
        progress = ""
        ids = tuple(v.participant_id for v in latest.voters)
        if counted:
            voters, progress = _counts_progress(snap, latest, counted_colleges, lang)
            ids = ()
        return Slide(
            "clause",
            title,
            found.theme_title,
            text=text,
            ballot_state="open",
            ballot_method=method,
            voters=tuple(voters),
            progress=progress,
            ballot_id=None if counted else latest.id,
            voter_ids=ids,
            lines=(
                _t(
                    lang,
                    f"Vote en cours — tour {latest.round}",
                    f"Vote in progress — round {latest.round}",
                ),
            ),
        )
    outcome = label(Outcome(latest.outcome), lang) if latest.outcome else ""
    try:
        rr = results.round_result(latest, [c.id for c in snap.colleges])
    except WorkshopError:
        rr = None
    why, blocked = _explained(snap, rr, lang) if rr is not None else ((), ())
    extra: tuple[str, ...] = ()
    if rr is not None and rr.result.casting_vote is not None:
        chair = snap.participant(rr.settings.chair)
        extra = (casting_sentence(rr.result.casting_vote, lang, _label(f, chair)),)
    return Slide(
        "clause",
        title,
        found.theme_title,
        text=text,
        ballot_state="closed",
        ballot_method=method,
        bars=_bars(snap, rr, lang) if rr is not None else (),
        outcome=outcome,
        outcome_key=latest.outcome or "",
        choice_keys=tuple(c.value for c in rr.choices) if rr is not None else (),
        why=why + extra,
        blocked=blocked,
        remarks=_remarks(latest, f, lang),
    )


def with_votes(slide: Slide, ballot: Ballot) -> Slide | None:
    """``slide`` after votes in ``ballot``, which it shows open: only who has voted moved
    (names, colours and everything else stay). None when the slide must be built again."""
    if slide.ballot_id != ballot.id or not ballot.is_open or slide.ballot_state != "open":
        return None
    if slide.voter_ids != tuple(v.participant_id for v in ballot.voters):
        return None
    voters = tuple(
        shown if shown.voted == v.voted else replace(shown, voted=v.voted)
        for shown, v in zip(slide.voters, ballot.voters, strict=True)
    )
    return replace(slide, voters=voters)


def _remarks(ballot: Ballot, f: NameFilter, lang: str) -> tuple[tuple[str, str], ...]:
    """Objections first (they decided a postponement), then reservations; text filtered."""
    words = {
        Choice.OBJECTION: _t(lang, "Objection", "Objection"),
        Choice.RESERVATION: _t(lang, "Réserve", "Reservation"),
    }
    colon = ": " if lang == "en" else " : "
    out = []
    for kind in (Choice.OBJECTION, Choice.RESERVATION):
        for r in ballot.remarks:
            if r.kind == kind and r.text.strip():
                out.append((kind.value, f"{words[kind]}{colon}{f.free(r.text)}"))
    return tuple(out)


def _counts_progress(
    snap: Snapshot, ballot: Ballot, counted: frozenset[int], lang: str
) -> tuple[list[Voter], str]:
    """The colleges of a counts ballot, each marked recorded or not: never their numbers."""
    present: list[int] = []
    for v in ballot.voters:
        if v.college_id not in present:
            present.append(v.college_id)
    order = [c.id for c in snap.colleges]
    present.sort(key=lambda cid: order.index(cid) if cid in order else len(order))
    done = [cid for cid in present if cid in counted]
    chips = []
    for cid in present:
        college = snap.college(cid)
        chips.append(
            Voter(
                college.name if college else "—",
                college.colour if college else "#777777",
                "",
                cid in counted,
            )
        )
    n, k = len(present), len(done)
    if lang == "en":
        text = f"{k} of {n} {'college' if n == 1 else 'colleges'} counted"
    else:
        # « 3 collèges sur 5 décomptés », « 1 collège sur 5 décompté »: agreement with k
        noun, done_word = ("collège", "décompté") if k <= 1 else ("collèges", "décomptés")
        text = f"{k} {noun} sur {n} {done_word}"
    return chips, text


def why_lines(snap: Snapshot, ballot: Ballot, lang: str) -> tuple[str, ...]:
    """Why a closed ballot ended as it did (see ``_explained``)."""
    if ballot.is_open or not ballot.outcome:
        return ()
    try:
        rr = results.round_result(ballot, [c.id for c in snap.colleges])
    except WorkshopError:
        return ()
    return _explained(snap, rr, lang)[0]


def _explained(
    snap: Snapshot, rr: results.RoundResult, lang: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Why a closed ballot ended as it did, in the domain's own words (``round_result``).

    The rule line (« 5 voix pour sur 9 suffrages exprimés ; seuil des deux tiers : 6 ;
    rejetée ») and, when the double majority failed, the college(s) that blocked it: the
    same result the minutes and the console's result view read.
    """
    names_of = {c.id: c.name for c in snap.colleges}
    text = rr.sentence(lang, names_of)
    # The sentence is « <rule line>. <full count>. »: the bars already show the count.
    rule = re.split(r"\.\s+(?=Décompte|Count)", text, maxsplit=1)[0].rstrip(".")
    lines = [rule]
    names: list[str] = []
    if voting.DOUBLE_MAJORITY_FAILED in rr.result.reasons:
        blocked = []
        for cid, decision in rr.result.colleges.items():
            if decision.passed:
                continue
            name = names_of.get(cid, "—")  # type: ignore[call-overload]
            names.append(name)
            if lang == "en":
                blocked.append(f"{name} ({decision.votes} for, {decision.needed} needed)")
            else:
                blocked.append(f"{name} ({decision.votes} pour, {decision.needed} requis)")
        if blocked:
            lines.append(_t(lang, "Bloquée par : ", "Blocked by: ") + ", ".join(blocked))
    return tuple(lines), tuple(names)


def plan(snap: Snapshot, lang: str, *, names: bool = False) -> Slide:
    f = _names(snap, names, lang)
    lines = tuple(
        f"{f.free(a.title)} — {f.free(a.owner)}" + (f" ({a.due_date})" if a.due_date else "")
        for a in snap.actions
    )
    return Slide("plan", label(Step.PLAN, lang), lines=lines)


def wrapup(snap: Snapshot, lang: str, *, names: bool = False) -> Slide:
    counts: dict[str, int] = {}
    for c in snap.clauses:
        key = label(c.status, lang) if c.status else _t(lang, "en attente", "pending")
        counts[key] = counts.get(key, 0) + 1
    lines = tuple(f"{k} : {n}" if lang == "fr" else f"{k}: {n}" for k, n in counts.items())
    title = _names(snap, names, lang).free(snap.workshop.title)
    return Slide("wrapup", label(Step.WRAPUP, lang), title, lines=lines)


def for_step(
    snap: Snapshot, step: str, lang: str, *, clause_id: int | None = None, names: bool = False,
    criterion: str | None = None, counted: Mapping[int, frozenset[int]] | None = None,
) -> Slide:  # fmt: skip
    """The slide of a workshop step (``criterion``, ``counted``: what the console knows)."""
    if step == Step.DIAGNOSTIC:
        return diagnostic_slide(snap, criterion, lang)
    if step == Step.MATRIX:
        return matrix(snap, lang, names=names)
    if step == Step.CLAUSES:
        return clause(snap, clause_id, lang, names=names, counted=counted)
    if step == Step.PLAN:
        return plan(snap, lang, names=names)
    if step == Step.WRAPUP:
        return wrapup(snap, lang, names=names)
    return welcome(snap, lang, names=names)


def diagnostic_slide(snap: Snapshot, criterion_key: str | None, lang: str) -> Slide:
    """The criterion the room is scoring, its 1–5 scale, and where the answers point so far.

    Without a focused criterion (the facilitator is elsewhere on the page), only the
    emerging suggestion is shown. No name ever appears: the diagnostic is about the company.
    """
    answers = {
        a.criterion: a.score
        for a in snap.diagnostic
        if a.criterion in diagnostic.CRITERIA_BY_KEY and a.score is not None
    }
    suggestion = diagnostic.suggested_position(answers)
    first, _, rest = diagnostic.explain(suggestion, lang).partition("\n")
    quadrant = rest.split("\n", 1)[0]
    item = diagnostic.CRITERIA_BY_KEY.get(criterion_key or "")
    total = len(diagnostic.CRITERIA)
    if item is None:
        return Slide(
            "criterion", label(Step.DIAGNOSTIC, lang),
            _t(lang, f"{len(answers)} critères sur {total} renseignés",
               f"{len(answers)} of {total} criteria answered"),
            lines=(first, quadrant),
        )  # fmt: skip
    scale = tuple(
        f"{n} — {item.low(lang)}" if n == 1 else f"{n} — {item.high(lang)}" if n == 5 else str(n)
        for n in range(1, 6)
    )
    return Slide(
        "criterion",
        f"{item.order}/{total}. {item.title(lang)}",
        item.question(lang),
        lines=(first, quadrant),
        scale=scale,
        score=answers.get(item.key),
    )
