"""The cover page: title, organisation, the workshop at a glance, what the record is."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from workshop.exports.identifier import for_export
from workshop.exports.minutes.attendance import people_present, presence
from workshop.exports.minutes.context import Context, enum_label
from workshop.exports.minutes.layout import BODY_WIDTH, RULE
from workshop.exports.pdf_fonts import FONT
from workshop.model import CharterStatus, SizeBand
from workshop.textfmt import long_date, plural

#: What the workshop is not: a record the CSE and a lawyer file must say so.
CO_DESIGN = {
    "fr": "Cet atelier est une étape de co-construction : il prépare un projet de charte. Il "
    "ne tient pas lieu de l’information ni de la consultation du CSE, qui restent à conduire "
    "lorsque la charte les requiert (annexe au règlement intérieur, dispositif de contrôle de "
    "l’activité des salariés). Les votes consignés ici expriment la position des participants "
    "à l’atelier ; ils ne valent ni accord collectif ni avis du CSE.",
    "en": "This workshop is a co-design step: it prepares a draft charter. It does not stand "
    "in for informing and consulting the CSE (works council), which remains to be done where "
    "the charter requires it (annex to the work rules, monitoring of employees' activity). "
    "The votes recorded here express the positions of the workshop's participants; they are "
    "neither a collective agreement nor the CSE's opinion.",
}


def drafted_by(ctx: Context) -> str:
    """Who drafted the minutes: the facilitator (« l’équipe d’animation » when pseudonymised)."""
    facilitator = ctx.scrub(ctx.snap.workshop.facilitator).strip()
    if ctx.options.anonymize or not facilitator:
        who = facilitator or ctx.tr("l’animation de l’atelier", "the workshop's facilitation")
    else:
        who = facilitator + ctx.tr(" (animation)", " (facilitator)")
    return who + ctx.tr(
        ", à partir du journal horodaté de l’atelier", ", from the workshop's time-stamped log"
    )


def identifier_text(ctx: Context) -> str:
    """« 7F3K-9Q2M du 3 décembre 2026, 13 h 58 »: the state these minutes were made from."""
    return for_export(ctx.snap, ctx.options).text(ctx.lang)


def footer_text(ctx: Context) -> str:
    """Every page's footer: the export identifier first (never cut), then the title."""
    title = ctx.scrub(ctx.snap.workshop.title) or ctx.tr("Atelier", "Workshop")
    code = for_export(ctx.snap, ctx.options).code
    return f"{code} · {ctx.tr('Compte rendu', 'Minutes')} — {title}"


def page(ctx: Context) -> list[Flowable]:
    w = ctx.snap.workshop
    registered = len(ctx.snap.participants)
    came = sum(1 for d in presence(ctx.snap).values() if d.attended)
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
            people_present(ctx, came, registered)
            + ctx.tr(f" {plural(registered, 'inscrite', 'inscrites')}", " registered"),
        ),
        (
            ctx.tr("Clauses examinées", "Clauses reviewed"),
            str(len(ctx.snap.clauses)),
        ),
        (ctx.tr("Compte rendu rédigé par", "Minutes drafted by"), drafted_by(ctx)),
        (ctx.tr("Identifiant d’export", "Export identifier"), identifier_text(ctx)),
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
        Spacer(1, 0.6 * cm),
        ctx.p(ctx.t(CO_DESIGN["en" if ctx.en else "fr"]), "box"),
        ctx.p(
            ctx.t(
                ctx.tr(
                    "Le projet de charte, le fichier des votes et l’export JSON faits à partir du "
                    "même état de l’atelier portent le même identifiant d’export.",
                    "The draft charter, the votes file and the JSON export made from the same "
                    "state of the workshop carry the same export identifier.",
                )
            ),
            "small",
        ),
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
