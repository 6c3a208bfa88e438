"""Section: who came, college by college, with arrival and departure times.

Presence is stored as one flag per participant (``participants.present``); each arrival or
departure marked during the day is one audit event (``operations.setup.set_present``:
kind ``attendance``, « Arrivée : RH 2 » / « Départ : RH 2 », the pseudonym, never the
name), undone or redone like any operation. :func:`presence` reads them back, so the
record says « arrivée à 12 h 07 » where the timeline used to be the only trace.

The model knows nothing of a participant's gender, so no word here agrees with one: the
column is « Présence » with « oui », « non » or the times, and the counts are of
« personnes présentes ». The app has no proxy voting; the section says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable

from workshop.exports.minutes.context import Context
from workshop.exports.minutes.helpers import data_table, h1
from workshop.exports.minutes.layout import GROUP_BG
from workshop.exports.pdf_fonts import FONT_BOLD
from workshop.snapshot import Participant, Snapshot
from workshop.textfmt import clock, counted, parse_moment, plural

# The summaries ``set_present`` and ``add_participant`` write, in either language of the
# workshop (audit summaries follow the workshop's language at the time), and the words
# ``Session.undo`` / ``redo`` put before the summary they revert or apply again.
_MARK = re.compile(r"(?P<kind>Arrivée|Arrived|Départ|Left)\s*:\s*(?P<who>.+)")
_ARRIVED = ("Arrivée", "Arrived")
_ADDED = re.compile(r"(?:Participant ajouté|Participant added)\s*:\s*(?P<who>.+)")
_UNDO = re.compile(r"(?:Annulation|Undo)\s*:\s*(?P<rest>.+)")
_REDO = re.compile(r"(?:Rétablissement|Redo)\s*:\s*(?P<rest>.+)")


@dataclass(frozen=True)
class Presence:
    """A participant's day: present when it began, then each change with its time."""

    at_start: bool
    changes: tuple[tuple[str, bool], ...]  # (ISO time, present after the change)
    registered_at: str | None = None  # registered during the day, present from then on

    @property
    def attended(self) -> bool:
        """Came at some point of the day."""
        return self.at_start or self.registered_at is not None or any(p for _, p in self.changes)


def _day(snap: Snapshot) -> date | None:
    moment = parse_moment((snap.workshop.date or "")[:10])
    if moment is None and snap.audit:
        moment = parse_moment(snap.audit[-1].at)
    return moment.date() if moment else None


def _mark(summary: str) -> tuple[str, bool] | None:
    match = _MARK.fullmatch(summary.strip())
    return (match.group("who").strip(), match.group("kind") in _ARRIVED) if match else None


def presence(snap: Snapshot) -> dict[int, Presence]:
    """Each participant's presence on the workshop day, from the audit trail.

    An undo cancels the latest change it names and a redo brings it back at its own time;
    changes on other days only set the state the day starts with. A participant registered
    after the preparation step on the day, and present, arrived then (a walk-in).
    """
    ids = {p.pseudonym: p.id for p in snap.participants}
    day = _day(snap)
    active: dict[int, list[tuple[str, bool]]] = {}
    added: dict[int, tuple[str, str]] = {}  # id -> (time, step)
    for event in snap.audit:
        if event.kind == "attendance" and (mark := _mark(event.summary)):
            if mark[0] in ids:
                active.setdefault(ids[mark[0]], []).append((event.at, mark[1]))
        elif event.kind == "add_participant" and (match := _ADDED.fullmatch(event.summary)):
            who = ids.get(match.group("who").strip())
            if who is not None:
                added[who] = (event.at, event.step)
        elif event.kind in ("undo", "redo"):
            found = (_UNDO if event.kind == "undo" else _REDO).fullmatch(event.summary.strip())
            mark = _mark(found.group("rest")) if found else None
            if mark is None or mark[0] not in ids:
                continue
            changes = active.setdefault(ids[mark[0]], [])
            if event.kind == "redo":
                changes.append((event.at, mark[1]))
                continue
            for i in range(len(changes) - 1, -1, -1):
                if changes[i][1] == mark[1]:
                    del changes[i]
                    break

    def on_day(at: str) -> bool:
        moment = parse_moment(at)
        return day is None or (moment is not None and moment.date() == day)

    result: dict[int, Presence] = {}
    for p in snap.participants:
        today: list[tuple[str, bool]] = []
        for at, present in active.get(p.id, []):
            if on_day(at) and (not today or today[-1][1] != present):
                today.append((at, present))
        at_start = (not today[0][1]) if today else p.present
        registered = None
        walk_in = added.get(p.id)
        if walk_in and walk_in[1] != "setup" and on_day(walk_in[0]) and at_start:
            registered, at_start = walk_in[0], False
        result[p.id] = Presence(at_start, tuple(today), registered)
    return result


def presence_text(ctx: Context, day: Presence) -> str:
    """« oui », « non », « arrivée à 12 h 07 », « oui, départ à 15 h 10, retour à 15 h 40 »."""
    words: list[str] = []
    if day.at_start:
        words.append(ctx.tr("oui", "yes"))
    arrivals = 0
    if day.registered_at is not None:
        arrivals = 1
        words.append(ctx.tr("arrivée à ", "arrived at ") + clock(day.registered_at, ctx.lang))
    for at, present in day.changes:
        when = clock(at, ctx.lang)
        if present:
            first = arrivals == 0 and not day.at_start
            words.append(
                ctx.tr("arrivée à ", "arrived at ") + when
                if first
                else ctx.tr("retour à ", "back at ") + when
            )
            arrivals += 1
        else:
            words.append(ctx.tr("départ à ", "left at ") + when)
    return ", ".join(words) if words else ctx.tr("non", "no")


def people_present(ctx: Context, present: int, registered: int) -> str:
    """« 3 personnes présentes sur 4 », "3 present out of 4" (no gender to agree with)."""
    if ctx.en:
        return f"{present} present out of {registered}"
    return (
        f"{counted(present, 'personne présente', 'personnes présentes')} sur {registered}"
        if present
        else f"aucune personne présente sur {registered}"
    )


def section(ctx: Context, number: int) -> list[Flowable]:
    story: list[Flowable] = [
        h1(ctx, number, ctx.tr("Participants par collège", "Attendance by college"))
    ]
    days = presence(ctx.snap)
    rows: list[list[object]] = []
    extra: list[tuple] = []
    known = {c.id for c in ctx.snap.colleges}
    groups: list[tuple[int | None, str]] = [(c.id, ctx.scrub(c.name)) for c in ctx.snap.colleges]
    if any(p.college_id not in known for p in ctx.snap.participants):
        groups.append((None, ctx.tr("Sans collège", "No college")))
    for college_id, name in groups:
        members: list[Participant] = [
            p
            for p in ctx.snap.participants
            if (p.college_id == college_id if college_id is not None else p.college_id not in known)
        ]
        came = sum(1 for p in members if days[p.id].attended)
        row = len(rows) + 1
        rows.append(
            [
                ctx.p(
                    ctx.t(name, FONT_BOLD) + ctx.t(" — " + people_present(ctx, came, len(members))),
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
                    ctx.t(presence_text(ctx, days[p.id])),
                ]
            )
    header = [
        ctx.tr("Nom", "Name"),
        ctx.tr("Fonction", "Function"),
        ctx.tr("Présence", "Attendance"),
    ]
    story.append(data_table(ctx, header, rows, [0.36, 0.4, 0.24], extra))
    total = len(ctx.snap.participants)
    came = sum(1 for d in days.values() if d.attended)
    story.append(
        ctx.p(
            ctx.t(
                ctx.tr(
                    f"{people_present(ctx, came, total)} "
                    f"{plural(total, 'inscrite', 'inscrites')}. Heures d’arrivée et de départ "
                    "telles que notées dans l’atelier. Pas de vote par procuration : seules "
                    "les personnes présentes votent.",
                    f"{people_present(ctx, came, total)} registered. Arrival and departure "
                    "times as marked in the workshop. No proxy voting: only those present vote.",
                )
            ),
            "small",
        )
    )
    return story
