"""Section: the agenda, planned against the time really spent in each step."""

from __future__ import annotations

from reportlab.platypus import Flowable

from workshop.exports.minutes.context import Context, duration, enum_label
from workshop.exports.minutes.helpers import data_table, h1
from workshop.model import Step
from workshop.textfmt import hhmm, parse_moment


def _time_in_steps(ctx: Context) -> dict[str, tuple[float, int]]:
    """Minutes spent in each step and number of visits, from the audit's step changes."""
    marks = [(e.step, parse_moment(e.at)) for e in ctx.snap.audit if e.kind == "go_to_step"]
    ends = [parse_moment(e.at) for e in ctx.snap.audit if e.kind == "end_workshop"]
    spent: dict[str, tuple[float, int]] = {}
    for i, (step, start) in enumerate(marks):
        stop = marks[i + 1][1] if i + 1 < len(marks) else (ends[-1] if ends else None)
        if start is None or stop is None or stop < start:
            continue
        minutes, visits = spent.get(step, (0.0, 0))
        if i > 0 and marks[i - 1][0] == step:  # a repeated step change is not a new visit
            visits -= 1
        spent[step] = (minutes + (stop - start).total_seconds() / 60, visits + 1)
    return spent


def section(ctx: Context, number: int) -> list[Flowable]:
    story: list[Flowable] = [h1(ctx, number, ctx.tr("Déroulé", "Agenda"))]
    spent = _time_in_steps(ctx)
    rows = []
    for item in ctx.snap.agenda:
        start, end = parse_moment(item.started_at), parse_moment(item.ended_at)
        actual: float | None = None
        visits = 1
        if item.step in spent:
            actual, visits = spent[item.step]
        elif start and end and end >= start:
            actual = (end - start).total_seconds() / 60
        if actual is None:
            took = "—" if start is None else ctx.tr("en cours", "in progress")
            over = "—"
        else:
            took = duration(actual, ctx.lang)
            if visits > 1:
                took += ctx.tr(f" ({visits} passages)", f" ({visits} visits)")
            overrun = round(actual) - item.planned_minutes
            over = f"+{duration(overrun, ctx.lang)}" if overrun > 0 else ctx.tr("non", "none")
        rows.append(
            [
                ctx.t(enum_label(Step, item.step, ctx.lang)),
                ctx.t(duration(item.planned_minutes, ctx.lang)),
                ctx.t(hhmm(item.started_at)),
                ctx.t(hhmm(item.ended_at)),
                ctx.t(took),
                ctx.t(over),
            ]
        )
    header = [
        ctx.tr("Étape", "Step"),
        ctx.tr("Prévu", "Planned"),
        ctx.tr("Début", "Start"),
        ctx.tr("Fin", "End"),
        ctx.tr("Temps passé", "Time spent"),
        ctx.tr("Dépassement", "Overrun"),
    ]
    story.append(data_table(ctx, header, rows, [0.3, 0.12, 0.1, 0.1, 0.22, 0.16]))
    story.append(
        ctx.p(
            ctx.t(
                ctx.tr(
                    "Début : première entrée dans l’étape ; fin : dernière sortie. Le temps "
                    "passé additionne les passages successifs dans l’étape.",
                    "Start: first time the step began; end: last time it ended. Time spent "
                    "adds up every visit to the step.",
                )
            ),
            "small",
        )
    )
    return story
