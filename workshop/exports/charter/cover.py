"""The cover page and the preamble: purpose, position on the matrix, principles."""

from __future__ import annotations

from datetime import datetime

from docx.shared import Cm

from workshop.exports.charter.builder import VERSION, Charter, coordinate, format_date
from workshop.exports.charter.markup import add_placeholder, add_ref, annex_bookmark
from workshop.exports.charter.ooxml import add_run
from workshop.exports.charter.texts import PRINCIPLES, nbsp
from workshop.exports.common import adopted_position, clean
from workshop.exports.common import target as target_position
from workshop.exports.legal import cover_status
from workshop.matrix import Position, Quadrant, quadrant_description, quadrant_name, quadrant_of
from workshop.model import CharterStatus, label


def cover(charter: Charter) -> None:
    t, w = charter.t, charter.snap.workshop
    organisation = charter.paragraph(clean(w.organisation), "Subtitle", "Normal")
    organisation.paragraph_format.space_before = Cm(5)
    charter.paragraph(t["title"], "Title", "Heading 1")
    when = charter.workshop_date()
    version = (
        t["version_dated"].format(version=VERSION, date=format_date(when, charter.lang))
        if when
        else t["version"].format(version=VERSION)
    )
    charter.paragraph(version, "Subtitle", "Normal")
    today = datetime.now().astimezone().date()
    charter.paragraph(t["issued"].format(date=format_date(today, charter.lang)), "Normal")
    status = charter.paragraph(t["status_line"], "Status Line", "Subtitle", "Normal")
    if status.style is None or status.style.name in ("Normal", "Subtitle"):
        status.runs[0].bold = True
    charter_status = _charter_status(w.charter_status)
    charter.paragraph(
        t["intended"].format(status=label(charter_status, charter.lang)), "Normal"
    ).runs[0].bold = True
    for line in cover_status(charter_status, w.size_band, charter.lang):
        charter.paragraph(charter.typo(line), "Normal")
    details = [t["workshop_line"].format(title=clean(w.title))]
    if w.place:
        details.append(clean(w.place))
    facilitator = charter.facilitator()
    if facilitator:
        details.append(t["facilitated"].format(name=facilitator))
    meta = charter.paragraph(" · ".join(details), "Note", "Normal")
    meta.paragraph_format.space_before = Cm(1)
    charter.paragraph(
        t["identifier"].format(id=charter.identifier.text(charter.lang)), "Note", "Normal"
    )
    timetable(charter, charter_status)


def timetable(charter: Charter, status: CharterStatus) -> None:
    """The steps still to come, each date a highlighted placeholder: the workshop cannot
    know them, and the cover must never read as if they were done."""
    t = charter.t
    charter.label(t["timetable"]).paragraph_format.space_before = Cm(0.6)
    steps: tuple[tuple[str, str], ...]
    if status is CharterStatus.ANNEX_RI:
        steps = (
            ("step_cse", "ph_cse"),
            ("step_inspection", "ph_inspection"),
            ("step_greffe", "ph_greffe"),
            ("step_force", "ph_force"),
        )
    else:
        steps = (("step_cse_guide", "ph_cse"),)
    for step, placeholder in steps:
        p = charter.paragraph(t[step], "Note", "Normal")
        p.paragraph_format.space_after = Cm(0.05)
        add_placeholder(p, t[placeholder])


def preamble(charter: Charter) -> None:
    t, lang = charter.t, charter.lang
    charter.heading(t["preamble"], new_page=True)
    when = charter.workshop_date()
    who = ""
    people = charter.snap.participants
    if people:
        college_ids = {p.college_id for p in people}
        names = [clean(c.name) for c in charter.snap.colleges if c.id in college_ids]
        who = t["who"].format(n=len(people), colleges=", ".join(names))
    charter.paragraph(
        t["purpose_1"].format(
            org=clean(charter.snap.workshop.organisation),
            when=t["when_dated"].format(date=format_date(when, lang)) if when else t["when"],
            who=who,
        ),
        "Normal",
    )
    charter.paragraph(t["purpose_2"], "Normal")
    charter.paragraph(t["purpose_3"], "Normal")

    charter.heading(t["position"], 2)
    goal, reached = target_position(charter.snap), adopted_position(charter.snap)
    reference = goal or reached
    if reference is None:
        charter.paragraph(t["no_position"], "Normal")
    else:
        quadrant = quadrant_of(reference)
        key = "target" if goal is not None else "no_target"
        charter.paragraph(
            t["axes"] + t[key].format(**coordinates(charter, reference, quadrant)), "Normal"
        )
        charter.paragraph(charter.typo(quadrant_description(quadrant, lang)), "Wording", "Normal")
        if goal is not None and reached is not None:
            same = quadrant_of(reached) == quadrant
            charter.paragraph(
                t["adopted_same" if same else "adopted_other"].format(
                    **coordinates(charter, reached, quadrant_of(reached))
                ),
                "Normal",
            )
        charter.heading(t["principles"], 2)
        charter.paragraph(t["principles_intro"], "Normal")
        fr, en = PRINCIPLES[quadrant]
        for principle in en if lang == "en" else fr:
            charter.bullet(principle if lang == "en" else nbsp(principle))
    actions = len(charter.snap.actions)
    key = "plan_sentence" if actions > 1 else "plan_sentence_1" if actions == 1 else "plan_missing"
    before, after = t[key].format(n=actions, annex="\ue000").split("\ue000")
    p = charter.paragraph(f"{before}{charter.annex_word()}\u00a0", "Normal")
    add_ref(p, annex_bookmark(1), "1")
    add_run(p, after)


def coordinates(charter: Charter, position: Position, quadrant: Quadrant) -> dict[str, str]:
    return {
        "s": coordinate(position.support, charter.lang),
        "c": coordinate(position.control, charter.lang),
        "name": charter.typo(quadrant_name(quadrant, charter.lang)),
    }


def _charter_status(value: str) -> CharterStatus:
    try:
        return CharterStatus(value)
    except ValueError:
        return CharterStatus.GUIDE
