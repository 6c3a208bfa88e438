"""One round of a clause: settings, wording, counts, outcome, remarks."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from workshop import results, voting
from workshop.errors import WorkshopError
from workshop.exports.minutes import vote_annex
from workshop.exports.minutes.context import (
    Context,
    RoundFigures,
    enum_label,
    explain,
    round_figures,
)
from workshop.exports.minutes.helpers import bold, data_table, headed
from workshop.exports.minutes.layout import GROUP_BG, NBSP
from workshop.exports.pdf_fonts import FONT, FONT_BOLD, FONT_ITALIC, normalise
from workshop.model import BallotState, CaptureMode, Choice, Method, Outcome, choices_for, label
from workshop.results import CollegeLine
from workshop.snapshot import Ballot, Remark
from workshop.textfmt import clock, plural


def remark_author(ctx: Context, ballot: Ballot, remark: Remark) -> str:
    """Who made a remark, as the minutes may say it: never anyone for a secret ballot."""
    if ballot.is_secret:
        return ctx.tr("anonyme (vote secret)", "anonymous (secret ballot)")
    if remark.participant_id is not None:
        person = ctx.snap.participant(remark.participant_id)
        who = ctx.name(person)
        if person is not None:
            who += f" ({ctx.college_name(person.college_id)})"
        return who
    if remark.college_id is not None:
        return ctx.tr("collège ", "college ") + ctx.college_name(remark.college_id)
    return ctx.tr("non attribuée", "not attributed")


def remarks(ctx: Context, ballot: Ballot, kinds: tuple[str, ...]) -> list[Flowable]:
    story: list[Flowable] = []
    for remark in ballot.remarks:
        if remark.kind not in kinds:
            continue
        kind = enum_label(Choice, remark.kind, ctx.lang).capitalize()
        head = f"{kind} — {remark_author(ctx, ballot, remark)}{ctx.tr(NBSP + ':', ':')}"
        text = ctx.t(remark.text)
        inline = f"{bold(ctx, head + ' ')}{text}"
        story.append(headed(ctx, head, text, inline, "bullet", space=FONT_BOLD))
    return story


def counts_table(ctx: Context, ballot: Ballot, figures: RoundFigures) -> Table:
    """Counts per college and overall, as ``results.round_result`` has them; a secret ballot
    has its totals only. A college left out of a double majority says why."""
    choices = figures.choices
    double = figures.double_majority
    header = [ctx.tr("Collège", "College")]
    header += [label(c, ctx.lang).capitalize() for c in choices]
    header += [ctx.tr("Sans vote", "No vote"), ctx.tr("Présents", "Present")]
    if double:
        header.append(ctx.tr("Majorité du collège", "College majority"))

    def row(name: str, tally: voting.Tally, bold: bool, line: CollegeLine | None) -> list[object]:
        face = FONT_BOLD if bold else FONT  # the total's row: bold_rows below
        numbers = [tally.count(c) for c in choices] + [tally.did_not_vote, tally.present]
        cells: list[object] = [ctx.t(name, face)]
        cells += [str(n) for n in numbers]  # digits: their own markup, no typography
        if double:
            if line is None:
                ok = figures.result.colleges_passed
                text = f"{ok} / {len(figures.result.colleges)}"
            elif line.decision is not None:
                reached = line.decision.passed
                text = (
                    ctx.tr("atteinte", "reached")
                    if reached
                    else ctx.tr("non atteinte", "not reached")
                )
            elif line.excluded:
                text = ctx.tr("non comptée : ", "not counted: ") + line.excluded_words(ctx.lang)
            else:
                text = "—"
            cells.append(ctx.t(text, face))
        return cells

    rows = []
    for line in figures.colleges:
        if line.tally.present == 0 and not (double and line.excluded):
            continue  # nobody of this college was expected in this round
        rows.append(row(ctx.college_name(line.college_id), line.tally, False, line))
    total_name = (
        ctx.tr("Total (vote secret)", "Total (secret ballot)")
        if ballot.is_secret
        else ctx.tr("Total", "Total")
    )
    rows.append(row(total_name, figures.result.tally, True, None))
    numbers = len(choices) + 2
    widths = [0.22] + [0.13] * numbers + ([0.13] if double else [])
    if not double:
        widths[0] = 0.35
    numeric = tuple(range(1, len(widths)))
    extra = [("BACKGROUND", (0, len(rows)), (-1, len(rows)), GROUP_BG)]
    return data_table(ctx, header, rows, widths, extra, numeric=numeric, bold_rows=(len(rows) - 1,))


def nominative_detail(ctx: Context, ballot: Ballot) -> Paragraph | None:
    """Who chose what in a vote by name (names, or pseudonyms where required)."""
    if ballot.capture != CaptureMode.NOMINATIVE or not ballot.voters:
        return None
    choice_of = {v.participant_id: v.choice for v in ballot.votes}
    try:
        order = [c.value for c in choices_for(Method(ballot.method))]
    except ValueError:
        order = []
    groups: dict[str | None, list[str]] = {key: [] for key in order}
    for voter in ballot.voters:
        choice = choice_of.get(voter.participant_id)
        groups.setdefault(choice, []).append(ctx.name(ctx.snap.participant(voter.participant_id)))
    colon = ctx.tr(NBSP + ":", ":")
    parts = []
    for given, names in groups.items():
        if not names:
            continue
        key = enum_label(Choice, given, ctx.lang) if given else ctx.tr("sans vote", "no vote")
        parts.append(f"{bold(ctx, key + colon)} {ctx.t(', '.join(names))}")
    title = ctx.t(ctx.tr("Votes nominatifs", "Votes by name") + colon, FONT_ITALIC)
    return ctx.p(f"<i>{title}</i> " + ctx.tr(NBSP + "; ", "; ").join(parts), "meta")


def ballot_settings(ctx: Context, ballot: Ballot) -> str:
    """When the round ran, then its options as ``results.describe_rules`` words them."""
    opened, closed = clock(ballot.opened_at, ctx.lang), clock(ballot.closed_at, ctx.lang)
    when = ctx.tr(f"ouvert à {opened}", f"opened at {opened}")
    if ballot.closed_at:
        when += ctx.tr(f", clos à {closed}", f", closed at {closed}")
    settings = [when]
    try:
        settings += results.describe_rules(ballot, ctx.lang)[2:]  # method, capture: in the head
    except (WorkshopError, ValueError, KeyError):
        pass  # unreadable options: the head still names the method
    chair = ctx.snap.participant(ballot.chair_id) if ballot.chair_id is not None else None
    if chair is not None:
        settings.append(ctx.tr("présidence : ", "chair: ") + ctx.name(chair))
    return " · ".join(settings)


def ballot_block(ctx: Context, ballot: Ballot, shown: tuple[str, str] | None) -> list[Flowable]:
    """One round: settings, wording, then tallies and outcome, or « vote en cours ».

    ``shown`` is the wording printed just before and where it came from ("round" or
    "amendment"), so the same long text is not printed twice in a row.
    """
    method = enum_label(Method, ballot.method, ctx.lang)
    capture = enum_label(CaptureMode, ballot.capture, ctx.lang)
    head = ctx.tr(f"Tour {ballot.round}", f"Round {ballot.round}") + f" — {method}, {capture}"
    story: list[Flowable] = [ctx.p(ctx.t(head), "h3")]
    story.append(ctx.p(ctx.t(ballot_settings(ctx, ballot)), "meta"))
    if shown is not None and shown[1] == "round" and normalise(shown[0]) == normalise(ballot.text):
        same = ctx.tr(
            "Texte soumis au vote : inchangé depuis le tour précédent.",
            "Wording put to the vote: unchanged since the previous round.",
        )
        story.append(ctx.p(ctx.t(same), "meta"))
    else:
        story.append(
            ctx.p(ctx.t(ctx.tr("Texte soumis au vote :", "Wording put to the vote:")), "meta")
        )
        story.append(ctx.p(ctx.t(ballot.text), "quote"))
    colon = ctx.tr(NBSP + ": ", ": ")
    if ballot.is_open:
        # The snapshot carries no tally for an open round; remarks would reveal choices.
        voted = sum(1 for v in ballot.voters if v.voted)
        story.append(
            ctx.p(
                f"{bold(ctx, label(BallotState.OPEN, ctx.lang).capitalize())} — "
                + ctx.t(
                    ctx.tr(
                        f"résultats publiés seulement à la clôture ; {voted} "
                        f"{plural(voted, 'vote enregistré', 'votes enregistrés')} sur "
                        f"{len(ballot.voters)} {plural(len(ballot.voters), 'attendu')}.",
                        f"results are published only when the vote closes; {voted} of "
                        f"{len(ballot.voters)} {plural(len(ballot.voters), 'vote', lang='en')} "
                        "recorded.",
                    )
                )
            )
        )
        return story
    outcome = enum_label(Outcome, ballot.outcome, ctx.lang) if ballot.outcome else "—"
    figures = round_figures(ballot, [c.id for c in ctx.snap.colleges])
    if figures is None:
        story.append(
            ctx.p(
                f"{bold(ctx, ctx.tr('Résultat', 'Outcome') + colon + outcome)}"
                + ctx.t(ctx.tr(" (décompte non recalculable).", " (count cannot be recomputed)."))
            )
        )
        story += remarks(ctx, ballot, (Choice.OBJECTION, Choice.RESERVATION))
        return story
    if not ballot.outcome:
        outcome = label(figures.result.outcome, ctx.lang)
    head = ctx.tr("Résultat", "Outcome") + colon + outcome + "."
    sentence = ctx.t(explain(ctx, figures))
    result = headed(ctx, head, sentence, f"{bold(ctx, head)} {sentence}")
    # The counts and their outcome on one page (moved whole when they do not fit).
    story.append(KeepTogether([counts_table(ctx, ballot, figures), Spacer(1, 4), result]))
    detail = (  # names in the annex above vote_annex.THRESHOLD
        vote_annex.reference_line(ctx, ballot)
        if vote_annex.in_annex(ctx.snap)
        else nominative_detail(ctx, ballot)
    )
    if detail is not None:
        story.append(detail)
    story += remarks(ctx, ballot, (Choice.OBJECTION, Choice.RESERVATION))
    return story
