"""The cover page: title, organisation and the workshop at a glance."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from workshop.exports.minutes.context import Context, enum_label
from workshop.exports.minutes.layout import BODY_WIDTH, RULE
from workshop.exports.pdf_fonts import FONT
from workshop.model import CharterStatus, SizeBand
from workshop.textfmt import long_date


def page(ctx: Context) -> list[Flowable]:
    w = ctx.snap.workshop
    present = sum(1 for p in ctx.snap.participants if p.present)
    rows = [
        (ctx.tr("Date", "Date"), long_date(w.date, ctx.lang)),
        (ctx.tr("Lieu", "Place"), ctx.scrub(w.place) or "—"),
        (ctx.tr("Animation", "Facilitator"), ctx.scrub(w.facilitator) or "—"),
        (ctx.tr("Secteur", "Sector"), ctx.scrub(w.sector) or "—"),
        (
            ctx.tr("Effectif", "Size"),
            enum_label(SizeBand, w.size_band, ctx.lang) if w.size_band else "—",
        ),
        (
            ctx.tr("Statut visé de la charte", "Intended status of the charter"),
            enum_label(CharterStatus, w.charter_status, ctx.lang),
        ),
        (
            ctx.tr("Participants", "Participants"),
            ctx.tr(
                f"{present} présents sur {len(ctx.snap.participants)} inscrits",
                f"{present} present out of {len(ctx.snap.participants)} registered",
            ),
        ),
        (
            ctx.tr("Clauses examinées", "Clauses reviewed"),
            str(len(ctx.snap.clauses)),
        ),
    ]
    table = Table(
        [[ctx.p(ctx.t(k), "cellbold"), ctx.p(ctx.t(v), "cell")] for k, v in rows],
        colWidths=[BODY_WIDTH * 0.32, BODY_WIDTH * 0.68],
        hAlign="LEFT",
        splitInRow=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONT", (0, 0), (-1, -1), FONT, 8.4),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    story: list[Flowable] = [
        Spacer(1, 3 * cm),
        ctx.p(ctx.t(ctx.tr("Compte rendu", "Minutes")), "cover_kicker"),
        ctx.p(ctx.t(w.title or ctx.tr("Atelier", "Workshop")), "cover_title"),
        ctx.p(ctx.t(w.organisation), "cover_org"),
        table,
        Spacer(1, 1 * cm),
    ]
    if ctx.options.anonymize:
        story.append(
            ctx.p(
                ctx.t(
                    ctx.tr(
                        "Version pseudonymisée : les participants sont désignés par leur "
                        "pseudonyme.",
                        "Pseudonymised version: participants are referred to by pseudonym.",
                    )
                ),
                "small",
            )
        )
    else:
        story.append(
            ctx.p(
                ctx.t(
                    ctx.tr(
                        "Les participants qui n’ont pas consenti à être nommés sont désignés "
                        "par leur pseudonyme.",
                        "Participants who did not agree to be named are referred to by pseudonym.",
                    )
                ),
                "small",
            )
        )
    story.append(PageBreak())
    return story
