"""The annexes: accompaniment plan, open points, participants, and the legal points to check."""

from __future__ import annotations

from docx.shared import Cm

from workshop.exports.charter.builder import Charter, format_date, text_lines
from workshop.exports.charter.markup import add_ref, annex_bookmark, bookmark_runs, heading_bookmark
from workshop.exports.charter.ooxml import add_run
from workshop.exports.common import clean, shown_name
from workshop.exports.common import open_points as clauses_left_open
from workshop.exports.legal import DISCLAIMER, legal_notes
from workshop.model import ActionKind, BallotState, Choice, label
from workshop.references import reference
from workshop.snapshot import Clause


def annex_heading(charter: Charter, number: int, key: str) -> None:
    """« Annexe 1 — Plan d’accompagnement », its number bookmarked for REF fields."""
    words, _, rest = charter.t[key].partition(" — ")
    word, _, digits = words.rpartition(" ")
    p = charter.heading(word + " ", new_page=True)
    bookmark_runs(charter.ids, annex_bookmark(number), p, digits)
    add_run(p, " — " + rest)
    if p.style is None or p.style.name == "Normal":
        for run in p.runs:
            run.bold = True


def plan(charter: Charter) -> None:
    t, lang = charter.t, charter.lang
    annex_heading(charter, 1, "annex_plan")
    if not charter.snap.actions:
        charter.paragraph(t["plan_empty"], "Normal")
        return
    charter.paragraph(t["plan_intro"], "Normal")
    rows = []
    for action in charter.snap.actions:
        rows.append(
            (
                (clean(action.title), clean(action.description)),
                (_kind_label(action.kind, lang),),
                (clean(action.audience) or "—",),
                (clean(action.owner) or "—",),
                (format_date(action.due_date, lang),),
            )
        )
    charter.table(charter.columns["plan_cols"], rows, (5.2, 2.9, 2.8, 2.9, 2.2))


def _kind_label(kind: str, lang: str) -> str:
    try:
        return label(ActionKind(kind), lang)
    except ValueError:
        return clean(kind)


def open_points(charter: Charter) -> None:
    t = charter.t
    annex_heading(charter, 2, "annex_open")
    points = clauses_left_open(charter.snap)
    if not points:
        charter.paragraph(t["open_empty"], "Normal")
        return
    charter.paragraph(t["open_intro"], "Normal")
    for clause in points:
        charter.heading(clean(clause.title), 2)
        # Keep the heading, status and reasons with the first line of the wording.
        charter.paragraph(
            t["theme_status"].format(
                theme=clean(clause.theme_title), status=status_label(charter, clause)
            ),
            "Note",
            "Normal",
        ).paragraph_format.keep_with_next = True
        charter.label(t["reasons"])
        for reason in reasons(charter, clause):
            charter.bullet(reason).paragraph_format.keep_with_next = True
        charter.label(t["last_wording"]).paragraph_format.space_before = Cm(0.25)
        for line in text_lines(clause.text):
            charter.paragraph(line, "Wording", "Quote", "Normal")


def status_label(charter: Charter, clause: Clause) -> str:
    if clause.status is not None:
        return label(clause.status, charter.lang)
    if any(b.is_open for b in clause.ballots):
        return label(BallotState.OPEN, charter.lang)
    return charter.t["undecided"]


def reasons(charter: Charter, clause: Clause) -> list[str]:
    """Why a clause is not in the charter: objections, the clause's note, or no vote."""
    t = charter.t
    reasons = []
    deciding = clause.last_closed
    if deciding is not None:
        for remark in deciding.remarks:
            if remark.kind != Choice.OBJECTION:
                continue
            who = charter.remark_college(remark)
            text = clean(remark.text)
            reasons.append(
                t["objection"].format(who=who, text=text)
                if who
                else t["objection_anon"].format(text=text)
            )
    if clause.note.strip():
        reasons.append(t["note"].format(text=" ".join(text_lines(clause.note))))
    if not clause.ballots:
        reasons.append(t["never_voted"])
    elif any(b.is_open for b in clause.ballots):
        reasons.append(t["voting"])  # what is said during a vote stays in the room
    return reasons or [t["no_reason"]]


def participants(charter: Charter) -> None:
    t = charter.t
    annex_heading(charter, 3, "annex_people")
    people = charter.snap.participants
    if not people:
        charter.paragraph(t["people_empty"], "Normal")
        return
    anonymize = charter.options.anonymize
    charter.paragraph(t["people_intro_anon" if anonymize else "people_intro"], "Normal")
    rows: list[tuple[tuple[str], ...]] = []
    for p in people:
        college = charter.snap.college(p.college_id)
        college_name = clean(college.name) if college else "—"
        name = clean(shown_name(p, charter.options))
        if anonymize:
            rows.append(((name,), (college_name,)))
        else:
            # Someone who did not consent is shown by pseudonym; their function would
            # give them away, so it is left out.
            function = clean(p.function) if p.may_be_named else ""
            rows.append(((name,), (function or "—",), (college_name,)))
    if anonymize:
        charter.table(charter.columns["people_cols_anon"], rows, (8.0, 8.0))
    else:
        charter.table(charter.columns["people_cols"], rows, (5.6, 5.6, 4.8))


def legal(charter: Charter) -> None:
    t = charter.t
    charter.heading(t["legal"], new_page=True)
    charter.paragraph(t["legal_intro"], "Note", "Normal", italic=True)
    by_title = {clean(c.title): c for c in charter.adopted}
    for note in legal_notes(charter.snap, charter.lang):
        text = charter.typo(note.text)
        charter.paragraph(text, "Normal").paragraph_format.keep_with_next = True
        basis = charter.paragraph("", "Note", "Normal")
        add_run(basis, t["basis"])
        add_run(basis, charter.typo(note.basis)).italic = True
        if note.clauses:
            basis.paragraph_format.space_after = Cm(0)
            concerned = charter.paragraph("", "Note", "Normal")
            add_run(concerned, t["concerned"])
            separator = " ; " if charter.lang == "fr" else "; "
            for index, title in enumerate(note.clauses):
                title = clean(title)
                if index:
                    add_run(concerned, separator)
                clause = by_title.get(title)
                if clause is None:
                    add_run(concerned, title)
                    continue
                ref = reference(clause)
                number = charter.t["article"].format(n=charter.numbers[clause.id])
                add_ref(concerned, heading_bookmark(ref), number.split(" — ")[0], number=True)
                add_run(concerned, f" — {title}")
    disclaimer = charter.paragraph("", "Note", "Normal")
    disclaimer.paragraph_format.space_before = Cm(0.4)
    run = add_run(disclaimer, charter.typo(DISCLAIMER[charter.lang]))
    run.italic = True
