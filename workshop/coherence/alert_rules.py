"""Coherence alerts: contradictions between the aim and the adopted charter, loose ends."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from workshop.coherence import status_rules
from workshop.coherence.model import FAR_FROM_TARGET, MAX_NAMED, TEACHING_KINDS, Alert, Severity
from workshop.exports.common import adopted_position, open_points, target
from workshop.matrix import MIDLINE, distance
from workshop.model import CharterStatus, Lean, Outcome
from workshop.snapshot import Clause, Snapshot, Variant
from workshop.textfmt import number


def _num(value: float, lang: str) -> str:
    """One decimal always (« 3,0 »), so that two coordinates read alike."""
    return number(value, lang, trim=False)


def _quoted(titles: Sequence[str], lang: str) -> str:
    shown = list(titles[:MAX_NAMED])
    if lang == "en":
        text = ", ".join(f"“{t}”" for t in shown)
    else:
        text = ", ".join(f"« {t} »" for t in shown)
    return text + (", …" if len(titles) > MAX_NAMED else "")


def _is_control_leaning(variant: Variant) -> bool:
    """Control-leaning by its declared lean or by its coordinates (imported data may differ)."""
    return variant.lean == Lean.CONTROL or variant.control > variant.support


def _adopted(snapshot: Snapshot) -> Iterable[tuple[Clause, Variant]]:
    for clause in snapshot.clauses:
        variant = clause.variant
        if clause.adopted and variant is not None:
            yield clause, variant


def _position_vs_target(snapshot: Snapshot, lang: str) -> Alert | None:
    aim, charter = target(snapshot), adopted_position(snapshot)
    if aim is None or charter is None:
        return None
    gap = distance(aim, charter)
    n = lambda v: _num(v, lang)  # noqa: E731
    if gap <= FAR_FROM_TARGET:
        text = (
            f"The adopted clauses put the charter at {n(charter.support)} on support and "
            f"{n(charter.control)} on control, close to the group's target "
            f"({n(aim.support)}, {n(aim.control)})."
            if lang == "en"
            else f"Les clauses adoptées placent la charte à {n(charter.support)} en "
            f"accompagnement et {n(charter.control)} en contrôle, près de la cible du groupe "
            f"({n(aim.support)} ; {n(aim.control)})."
        )
        return Alert(Severity.INFO, "on_target", text)
    d_support = charter.support - aim.support
    d_control = charter.control - aim.control
    if lang == "en":
        moves = []
        if abs(d_support) >= 1:
            moves.append("less support" if d_support < 0 else "more support")
        if abs(d_control) >= 1:
            moves.append("more control" if d_control > 0 else "less control")
        tail = f" The charter offers {' and '.join(moves)} than intended." if moves else ""
        text = (
            f"The adopted clauses put the charter at {n(charter.support)} on support and "
            f"{n(charter.control)} on control, far from the group's target "
            f"({n(aim.support)} on support, {n(aim.control)} on control): "
            f"{n(gap)} points apart on a scale of 10.{tail}"
        )
    else:
        moves = []
        if abs(d_support) >= 1:
            moves.append("moins accompagnante" if d_support < 0 else "plus accompagnante")
        if abs(d_control) >= 1:
            moves.append("plus contrôlante" if d_control > 0 else "moins contrôlante")
        tail = f" La charte est {' et '.join(moves)} que prévu." if moves else ""
        text = (
            f"Les clauses adoptées placent la charte à {n(charter.support)} en "
            f"accompagnement et {n(charter.control)} en contrôle, loin de la cible du groupe "
            f"({n(aim.support)} en accompagnement, {n(aim.control)} en contrôle) : "
            f"{n(gap)} points d’écart sur une échelle de 10.{tail}"
        )
    return Alert(Severity.WARNING, "far_from_target", text)


def _no_teaching(snapshot: Snapshot, lang: str) -> Alert | None:
    aim = target(snapshot)
    if aim is None or aim.support < MIDLINE:
        return None
    if any(a.kind in TEACHING_KINDS for a in snapshot.actions):
        return None
    s = _num(aim.support, lang)
    text = (
        f"The target leans toward support ({s} out of 10), but the plan has no training, "
        "e-learning or guide: without accompaniment, the charter will remain a dead letter."
        if lang == "en"
        else f"La cible penche vers l’accompagnement ({s} sur 10), mais le plan ne prévoit "
        "ni formation, ni e-learning, ni guide : sans accompagnement, la charte restera "
        "lettre morte."
    )
    return Alert(Severity.WARNING, "no_training", text)


def _open_vote(snapshot: Snapshot, lang: str) -> Alert | None:
    titles = [c.title for c in snapshot.clauses if any(b.is_open for b in c.ballots)]
    if not titles:
        return None
    text = (
        f"A vote is still open on {_quoted(titles, lang)}: close or cancel it before "
        "exporting, or its result will be missing."
        if lang == "en"
        else f"Un vote est encore ouvert sur {_quoted(titles, lang)} : clôturez-le ou "
        "annulez-le avant d’exporter, sinon son résultat manquera."
    )
    return Alert(Severity.WARNING, "open_vote", text)


def _unjustified_control(snapshot: Snapshot, lang: str) -> Alert | None:
    titles = [
        c.title
        for c, v in _adopted(snapshot)
        if _is_control_leaning(v) and not (v.justification or "").strip()
    ]
    if not titles:
        return None
    count, quoted = len(titles), _quoted(titles, lang)
    if lang == "en":
        head = (
            "1 adopted clause leans toward control"
            if count == 1
            else f"{count} adopted clauses lean toward control"
        )
        text = (
            f"{head} with no stated justification ({quoted}): any restriction must be "
            "justified by the task and proportionate (Code du travail, art. L1121-1)."
        )
    else:
        head = (
            "1 clause adoptée penche vers le contrôle"
            if count == 1
            else f"{count} clauses adoptées penchent vers le contrôle"
        )
        text = (
            f"{head} sans justification écrite ({quoted}) : toute restriction doit être "
            "justifiée par la tâche et proportionnée (Code du travail, art. L1121-1)."
        )
    return Alert(Severity.WARNING, "unjustified_control", text)


def _sanctions_in_guide(snapshot: Snapshot, lang: str) -> Alert | None:
    if snapshot.workshop.charter_status == CharterStatus.ANNEX_RI:
        return None
    titles = [c.title for c in status_rules.binding_rules(snapshot)]
    if not titles:
        return None
    quoted = _quoted(titles, lang)
    text = (
        f"Adopted clauses provide for sanctions ({quoted}) while the charter is intended as "
        "a guide. Misconduct remains sanctionable under the law, the contract and the "
        "existing règlement intérieur; what needs the règlement intérieur’s procedure (CSE "
        "opinion, filing, publicity; art. L1321-4 and L1321-5) is making the charter’s own "
        "rules binding. Put those rules in an addition to the règlement intérieur or a note "
        "de service and keep the rest as a guide, or reword them as recommendations."
        if lang == "en"
        else f"Des clauses adoptées prévoient des sanctions ({quoted}) alors que la charte "
        "est prévue comme guide. Les fautes restent sanctionnables sur le fondement de la "
        "loi, du contrat et du règlement intérieur existant ; ce qui demande la procédure "
        "du règlement intérieur (avis du CSE, dépôt, publicité ; art. L1321-4 et L1321-5), "
        "c’est de rendre obligatoires les règles propres à la charte. Inscrivez ces règles "
        "dans une adjonction au règlement intérieur ou une note de service et gardez le "
        "reste en guide, ou reformulez-les en recommandations."
    )
    return Alert(Severity.WARNING, "sanctions_in_guide", text)


def _status_contradiction(snapshot: Snapshot, lang: str) -> Alert | None:
    return status_rules.status_contradiction(snapshot, lang, _quoted)


def _incomplete_actions(snapshot: Snapshot, lang: str) -> Alert | None:
    missing: list[str] = []
    for action in snapshot.actions:
        no_owner, no_date = not action.owner.strip(), not action.due_date
        if not (no_owner or no_date):
            continue
        if lang == "en":
            what = (
                "no owner, no due date"
                if no_owner and no_date
                else "no owner"
                if no_owner
                else "no due date"
            )
        else:
            what = (
                "ni responsable ni échéance"
                if no_owner and no_date
                else "sans responsable"
                if no_owner
                else "sans échéance"
            )
        missing.append(f"{action.title} ({what})")
    if not missing:
        return None
    count, quoted = len(missing), _quoted(missing, lang)
    if lang == "en":
        head = "1 plan action lacks" if count == 1 else f"{count} plan actions lack"
        text = (
            f"{head} an owner or a due date: {quoted}. An action nobody carries, with no "
            "date, is unlikely to happen."
        )
    else:
        head = "1 action du plan n’a pas" if count == 1 else f"{count} actions du plan n’ont pas"
        text = (
            f"{head} de responsable ou d’échéance : {quoted}. Une action sans porteur ni "
            "date a peu de chances d’aboutir."
        )
    return Alert(Severity.WARNING, "action_incomplete", text)


def _open_points(snapshot: Snapshot, lang: str) -> Alert | None:
    points = open_points(snapshot)
    if not points:
        return None
    rejected = sum(1 for c in points if c.status == Outcome.REJECTED)
    postponed = sum(1 for c in points if c.status == Outcome.POSTPONED)
    undecided = len(points) - rejected - postponed
    parts: list[str] = []
    if lang == "en":
        for n, word in (
            (rejected, "rejected"),
            (postponed, "postponed"),
            (undecided, "not decided yet"),
        ):
            if n:
                parts.append(f"{n} {word}")
        head = "1 clause remains open" if len(points) == 1 else f"{len(points)} clauses remain open"
        tail = "It will not" if len(points) == 1 else "They will not"
        text = f"{head}: {', '.join(parts)}. {tail} be part of the charter."
    else:
        for n, one, many in (
            (rejected, "rejetée", "rejetées"),
            (postponed, "reportée", "reportées"),
            (undecided, "pas encore décidée", "pas encore décidées"),
        ):
            if n:
                parts.append(f"{n} {one if n == 1 else many}")
        head = (
            "1 clause reste ouverte"
            if len(points) == 1
            else f"{len(points)} clauses restent ouvertes"
        )
        tail = "Elle ne figurera" if len(points) == 1 else "Elles ne figureront"
        text = f"{head} : {', '.join(parts)}. {tail} pas dans la charte."
    return Alert(Severity.INFO, "open_points", text)


_RULES = (
    _open_vote,
    _position_vs_target,
    _no_teaching,
    _status_contradiction,
    _sanctions_in_guide,
    _unjustified_control,
    _incomplete_actions,
    _open_points,
)


def alerts(snapshot: Snapshot, lang: str = "fr") -> list[Alert]:
    """Every coherence alert that applies, warnings first, in a stable order.

    Keys: open_vote, far_from_target (distance > 2.5) or on_target (info), no_training,
    status_contradiction, sanctions_in_guide, unjustified_control, action_incomplete,
    open_points (info).
    """
    found = [alert for rule in _RULES if (alert := rule(snapshot, lang)) is not None]
    return sorted(found, key=lambda a: a.severity != Severity.WARNING)
