"""Section: who came, college by college."""

from __future__ import annotations

from reportlab.platypus import Flowable

from workshop.exports.minutes.context import Context
from workshop.exports.minutes.helpers import data_table, h1
from workshop.exports.minutes.layout import GROUP_BG
from workshop.exports.pdf_fonts import FONT_BOLD


def section(ctx: Context, number: int) -> list[Flowable]:
    story: list[Flowable] = [
        h1(ctx, number, ctx.tr("Participants par collège", "Attendance by college"))
    ]
    rows: list[list[object]] = []
    extra: list[tuple] = []
    known = {c.id for c in ctx.snap.colleges}
    groups: list[tuple[int | None, str]] = [(c.id, ctx.scrub(c.name)) for c in ctx.snap.colleges]
    if any(p.college_id not in known for p in ctx.snap.participants):
        groups.append((None, ctx.tr("Sans collège", "No college")))
    for college_id, name in groups:
        members = [
            p
            for p in ctx.snap.participants
            if (p.college_id == college_id if college_id is not None else p.college_id not in known)
        ]
        present = sum(1 for p in members if p.present)
        row = len(rows) + 1
        rows.append(
            [
                ctx.p(
                    ctx.t(name, FONT_BOLD)
                    + ctx.t(
                        ctx.tr(
                            f" — {present} présent{'s' if present > 1 else ''} sur {len(members)}",
                            f" — {present} present out of {len(members)}",
                        )
                    ),
                    "cellbold",
                ),
                "",
                "",
            ]
        )
        extra += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), GROUP_BG)]
        if not members:
            rows.append([ctx.t(ctx.tr("(aucun participant)", "(no participant)")), "", ""])
        for p in members:
            rows.append(
                [
                    ctx.t(ctx.name(p)),
                    ctx.t(ctx.scrub(p.function) or "—"),
                    ctx.t(
                        ctx.tr("Présent", "Present") if p.present else ctx.tr("Absent", "Absent")
                    ),
                ]
            )
    header = [
        ctx.tr("Nom", "Name"),
        ctx.tr("Fonction", "Function"),
        ctx.tr("Présence", "Attendance"),
    ]
    story.append(data_table(ctx, header, rows, [0.4, 0.45, 0.15], extra))
    return story
