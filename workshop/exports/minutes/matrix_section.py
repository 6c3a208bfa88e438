"""Section: the support/control matrix figure, target, charter position and moves."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer

from workshop.exports.common import adopted_position
from workshop.exports.common import target as target_position
from workshop.exports.minutes.context import Context, decimal
from workshop.exports.minutes.helpers import data_table, h1
from workshop.exports.minutes.layout import BODY_WIDTH, NBSP
from workshop.exports.pdf_matrix import matrix_drawing, placed_participants
from workshop.matrix import Position, quadrant_name, quadrant_of


def section(ctx: Context, number: int) -> list[Flowable]:
    story: list[Flowable] = [
        h1(ctx, number, ctx.tr("Matrice accompagnement / contrôle", "Support/control matrix"))
    ]
    drawing = matrix_drawing(ctx.snap, ctx.lang, BODY_WIDTH)
    caption = ctx.tr(
        "Chaque petit symbole est un participant, à sa position de clôture (ou d’ouverture s’il n’a "
        "été placé qu’une fois) ; la flèche part de sa position d’ouverture. Les grands "
        "symboles sont les centres de gravité des collèges.",
        "Each small symbol is a participant at their closing position (or opening position if placed "
        "only once); the arrow starts from their opening position. Large symbols are the "
        "colleges' centroids.",
    )
    story.append(KeepTogether([drawing, Spacer(1, 4), ctx.p(ctx.t(caption), "caption")]))
    lines = []
    goal = target_position(ctx.snap)
    if goal is not None:
        lines.append(
            ctx.tr(
                f"Cible du groupe{NBSP}: accompagnement {decimal(goal.support, 'fr')}, contrôle "
                f"{decimal(goal.control, 'fr')} ({quadrant_name(quadrant_of(goal), 'fr')}).",
                f"Group target: support {decimal(goal.support, 'en')}, control "
                f"{decimal(goal.control, 'en')} ({quadrant_name(quadrant_of(goal), 'en')}).",
            )
        )
    charter = adopted_position(ctx.snap)
    if charter is not None:
        lines.append(
            ctx.tr(
                f"Position de la charte (moyenne des variantes adoptées){NBSP}: accompagnement "
                f"{decimal(charter.support, 'fr')}, contrôle {decimal(charter.control, 'fr')} "
                f"({quadrant_name(quadrant_of(charter), 'fr')}).",
                f"Charter position (mean of the adopted variants): support "
                f"{decimal(charter.support, 'en')}, control {decimal(charter.control, 'en')} "
                f"({quadrant_name(quadrant_of(charter), 'en')}).",
            )
        )
    for line in lines:
        story.append(ctx.p(ctx.t(line)))
    people = placed_participants(ctx.snap)
    if people:
        rows = []
        for placed in people:
            person = ctx.snap.participant(placed.participant_id)

            def where(pos: Position | None) -> str:
                if pos is None:
                    return "—"
                return f"{decimal(pos.support, ctx.lang)} / {decimal(pos.control, ctx.lang)}"

            rows.append(
                [
                    ctx.t(ctx.name(person)),
                    ctx.t(ctx.college_name(placed.college_id)),
                    ctx.t(where(placed.opening)),
                    ctx.t(where(placed.closing)),
                ]
            )
        header = [
            ctx.tr("Participant", "Participant"),
            ctx.tr("Collège", "College"),
            ctx.tr("Ouverture (acc. / contr.)", "Opening (support / control)"),
            ctx.tr("Clôture (acc. / contr.)", "Closing (support / control)"),
        ]
        story.append(Spacer(1, 4))
        story.append(data_table(ctx, header, rows, [0.32, 0.28, 0.2, 0.2]))
    return story
