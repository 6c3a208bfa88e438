"""Section: the audit log as a timeline, long runs of one kind folded.

A run of more than :data:`TIMELINE_RUN` events of one kind and step is one row: its count,
then its summaries in order (« 95 × RH 2 a voté · Juridique 1 a voté · … »). In a workshop
whose votes by name are in the annex (``vote_annex``, above its threshold of names), a run
of votes by name lists no names either: that list is the annex's record again (who was
called and what each chose, round by round), one name per vote, and as long as it. The row
keeps the count and the times of the first and last vote, and names those who voted more
than once in the run (« RH 2 (×2) »), which the annex, holding each person's last choice,
does not show. What such a row leaves out is the order in which people voted.
"""

from __future__ import annotations

import os
from collections import Counter
from itertools import groupby
from operator import attrgetter

from reportlab.platypus import Flowable

from workshop.exports.minutes import vote_annex
from workshop.exports.minutes.context import Context, enum_label
from workshop.exports.minutes.helpers import data_table, h1
from workshop.exports.minutes.layout import NBSP, RecordParagraph
from workshop.exports.pdf_fonts import FONT_BOLD, normalise, plain
from workshop.model import Step
from workshop.snapshot import Event
from workshop.textfmt import clock, parse_moment, short_date

# Consecutive audit events of one kind and step longer than this become one timeline row.
TIMELINE_RUN = 3


def _runs(events: list[Event]) -> list[list[Event]]:
    """Events grouped into rows: a run of more than TIMELINE_RUN events of one kind and
    step (15 × "RH 2 a voté") becomes one row, anything else stays one row per event."""
    rows: list[list[Event]] = []
    for _, group in groupby(events, key=attrgetter("kind", "step")):  # in C: 500 000 at XL
        run = list(group)
        if len(run) > TIMELINE_RUN:
            rows.append(run)
        else:
            rows += [[e] for e in run]
    return rows


def _tally(run: list[Event]) -> Counter[str]:
    """How many times each summary of a run occurs, normalised, in order of first sight
    (counted before normalising: a run of votes repeats a few summaries many times)."""
    tally: Counter[str] = Counter()
    for summary, n in Counter(e.summary for e in run).items():
        tally[normalise(summary)] += n
    return tally


def _run_summary(tally: Counter[str]) -> str:
    """Summaries of a run, in order, repeated ones counted and a shared "Label : " said once."""
    distinct = list(tally)
    prefix = os.path.commonprefix(distinct) if len(distinct) > 1 else ""
    cut = max(prefix.rfind(": "), prefix.rfind(NBSP + ":") + 1 if NBSP + ":" in prefix else -1)
    prefix = prefix[: cut + 2] if cut > 0 else ""
    if any(len(d) <= len(prefix) for d in distinct):
        prefix = ""
    pieces = [d[len(prefix) :] + (f" (×{tally[d]})" if tally[d] > 1 else "") for d in distinct]
    return prefix + " · ".join(pieces)


def _votes_in_annex(ctx: Context, tally: Counter[str]) -> str:
    """A run of votes by name when the names are in the annex: what the annex does not hold."""
    text = ctx.tr(
        "votes nominatifs enregistrés, les votants et leurs choix en annexe",
        "votes by name recorded, voters and their choices in the annex",
    )
    again = [f"{s} (×{n})" for s, n in tally.items() if n > 1]
    if again:
        text += ctx.tr(" ; plus d’un vote : ", "; more than one vote: ") + " · ".join(again)
    return text


def section(ctx: Context, number: int) -> list[Flowable]:
    story: list[Flowable] = [h1(ctx, number, ctx.tr("Chronologie", "Timeline"))]
    events = list(ctx.snap.audit)
    if not events:
        story.append(ctx.p(ctx.t(ctx.tr("Journal vide.", "Empty log."))))
        return story
    # The workshop day's events show their time only; those of other days their date too.
    first = parse_moment((ctx.snap.workshop.date or "")[:10]) or parse_moment(events[0].at)

    def when(value: str) -> str:
        t = parse_moment(value)
        if t is None:
            return "—"
        if first and t.date() == first.date():
            return clock(t, ctx.lang)
        return f"{short_date(t, ctx.lang)} {clock(t, ctx.lang)}"

    rows: list[list[object]] = []
    collapsed = False
    names_in_annex = vote_annex.in_annex(ctx.snap)
    for run in _runs(events):
        summary: object
        if len(run) == 1:
            time, summary = when(run[0].at), ctx.t(run[0].summary)
        else:
            collapsed = True
            first_at, last_at = when(run[0].at), when(run[-1].at)
            time = first_at if first_at == last_at else f"{first_at} – {last_at}"
            # the count as the paragraph's bullet, in bold: the run's text stays one plain
            # run, which reportlab breaks several times faster than mixed bold and regular
            tally = _tally(run)
            folded = (
                _votes_in_annex(ctx, tally)
                if names_in_annex and run[0].kind == "vote"
                else _run_summary(tally)
            )
            summary = RecordParagraph(
                ctx.t(folded),
                ctx.styles["cellrun"],
                bulletText=plain(f"{len(run)} ×", FONT_BOLD),
            )
        rows.append([ctx.t(time), ctx.t(enum_label(Step, run[0].step, ctx.lang)), summary])
    header = [ctx.tr("Heure", "Time"), ctx.tr("Étape", "Step"), ctx.tr("Événement", "Event")]
    story.append(data_table(ctx, header, rows, [0.13, 0.26, 0.61]))
    if collapsed:
        story.append(
            ctx.p(
                ctx.t(
                    ctx.tr(
                        f"Les suites de plus de {TIMELINE_RUN} événements du même type sont "
                        "regroupées sur une ligne, dans l’ordre.",
                        f"Runs of more than {TIMELINE_RUN} events of the same kind are grouped "
                        "on one row, in order.",
                    )
                ),
                "small",
            )
        )
    return story
