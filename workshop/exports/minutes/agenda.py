"""Section: the agenda, planned against the time really spent in each step."""

from __future__ import annotations

from reportlab.platypus import Flowable

from workshop import timing
from workshop.exports.minutes.context import Context, duration, enum_label
from workshop.exports.minutes.helpers import data_table, h1
from workshop.model import Step
from workshop.textfmt import clock, clock_span


def section(ctx: Context, number: int) -> list[Flowable]:
    """The agenda: planned times and durations beside the clock model the rail shows."""
    story: list[Flowable] = [h1(ctx, number, ctx.tr("Déroulé", "Agenda"))]
    rows = []
    for row in timing.agenda_rows(ctx.snap):
        planned = duration(row.planned_minutes, ctx.lang)
        slot = "—"
        if row.planned_start is not None:
            slot = clock_span(row.planned_start, row.planned_end, ctx.lang)
        if row.break_minutes:
            slot += ctx.tr(
                f"\npuis pause de {duration(row.break_minutes, 'fr')}",
                f"\nthen a break of {duration(row.break_minutes, 'en')}",
            )
        if row.spent is None:
            took, over = "—", "—"
        else:
            took = duration(row.spent.minutes, ctx.lang)
            if row.spent.visits > 1:
                took += ctx.tr(f" ({row.spent.visits} passages)", f" ({row.spent.visits} visits)")
            over = (
                f"+{duration(row.overrun_minutes, ctx.lang)}"
                if row.overrun_minutes > 0
                else ctx.tr("non", "none")
            )
        rows.append(
            [
                ctx.t(enum_label(Step, row.step, ctx.lang)),
                ctx.t(planned),
                ctx.t(slot),
                ctx.t(clock(row.actual_start, ctx.lang)),
                ctx.t(clock(row.actual_end, ctx.lang)),
                ctx.t(took),
                ctx.t(over),
            ]
        )
    header = [
        ctx.tr("Étape", "Step"),
        ctx.tr("Prévu", "Planned"),
        ctx.tr("Horaire prévu", "Planned time"),
        ctx.tr("Début", "Start"),
        ctx.tr("Fin", "End"),
        ctx.tr("Temps passé", "Time spent"),
        ctx.tr("Dépassement", "Overrun"),
    ]
    story.append(data_table(ctx, header, rows, [94, 56, 82, 42, 42, 94, 71]))
    story.append(
        ctx.p(
            ctx.t(
                ctx.tr(
                    "Début : première entrée dans l’étape le jour de l’atelier ; fin : dernière "
                    "sortie. Le temps passé est le temps où l’étape était à l’écran ce jour-là, "
                    "passages successifs additionnés ; la préparation des jours précédents ne "
                    "compte pas.",
                    "Start: first time the step began on the workshop day; end: last time it "
                    "ended. Time spent is the time the step was on screen that day, every visit "
                    "added up; preparation on earlier days does not count.",
                )
            ),
            "small",
        )
    )
    return story
