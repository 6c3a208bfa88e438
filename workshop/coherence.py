"""Does the charter hold together? Accompaniment suggestions and coherence alerts.

The founding article's point is that a charter without an accompaniment plan (training,
guides, ambassadors, referents) is a dead letter. This module turns the workshop's own
choices into advice the facilitator can show the room at the plan and wrap-up steps:

- ``suggest_actions``: accompaniment actions that the target position and the diagnostic
  call for, skipping the kinds already in the plan;
- ``alerts``: contradictions between what the group aimed for and what it adopted (the
  charter far from its target, a support-leaning target with no training, sanctions in a
  guide-only charter, control without justification...), loose ends (open points, an
  open vote, actions with no owner or date), and, when all is well, where the charter
  stands next to its target.

Plain data in, plain data out: no Qt, no I/O, so the CLI and the exports may use it too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from workshop.exports.common import adopted_position, open_points, target
from workshop.matrix import MIDLINE, Position, distance
from workshop.model import ActionKind, CharterStatus, Lean, Outcome
from workshop.results import reference_position
from workshop.snapshot import Clause, Snapshot, Variant

#: Beyond this distance (matrix points) the adopted charter is "far" from the target.
FAR_FROM_TARGET = 2.5
#: A diagnostic score at or below this is "low" (scores run 1–5, 3 is the middle).
LOW_SCORE = 2
#: Kinds of action that actually teach the charter; a support-leaning target needs one.
TEACHING_KINDS = frozenset({ActionKind.TRAINING, ActionKind.ELEARNING, ActionKind.GUIDE})
#: How many titles an alert names before it says "…".
MAX_NAMED = 3


class Severity(StrEnum):
    """How much an alert matters: fix before the charter leaves the room, or just know it."""

    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Suggestion:
    """An accompaniment action worth adding to the plan, and why."""

    key: str
    kind: ActionKind
    title: str
    audience: str
    why: str
    description: str


@dataclass(frozen=True)
class Alert:
    """A coherence problem in plain words; ``key`` is stable, ``text`` is for people."""

    severity: Severity
    key: str
    text: str


# -- suggestions ---------------------------------------------------------------------------
# key: kind, (title, audience, why, description) in French, then in English.
_SUGGESTIONS: dict[str, tuple[ActionKind, tuple[str, str, str, str], tuple[str, str, str, str]]] = {
    "training": (
        ActionKind.TRAINING,
        (
            "Formation pratique aux médias sociaux",
            "Tous les salariés",
            "La cible penche vers l’accompagnement : chacun doit savoir ce que la charte "
            "permet et comment prendre la parole sans risque.",
            "Une session courte en petit groupe : public ou privé, parler de son métier, "
            "réagir à une critique, à qui demander de l’aide.",
        ),
        (
            "Hands-on social media training",
            "All employees",
            "The target leans toward support: everyone should know what the charter allows "
            "and how to speak up safely.",
            "A short session in small groups: public or private, talking about one's job, "
            "answering criticism, whom to ask for help.",
        ),
    ),
    "training_before_use": (
        ActionKind.TRAINING,
        (
            "Formation avant l’usage des comptes professionnels",
            "Salariés qui s’expriment au nom de l’entreprise",
            "La cible prévoit beaucoup de contrôle : des règles qu’on n’a pas apprises "
            "ne sont pas appliquées, et ne peuvent pas être reprochées équitablement.",
            "Une formation suivie avant d’ouvrir ou d’animer un compte au nom de "
            "l’entreprise : règles de la charte, exemples, circuit de validation.",
        ),
        (
            "Training before using professional accounts",
            "Employees who speak for the company",
            "The target sets a high degree of control: rules nobody was taught are not "
            "followed, and cannot fairly be held against anyone.",
            "Training taken before opening or running an account on the company's behalf: "
            "the charter's rules, examples, the approval circuit.",
        ),
    ),
    "elearning": (
        ActionKind.ELEARNING,
        (
            "Module e-learning « Parler de son travail en ligne »",
            "Tous les salariés",
            "Un module en ligne touche aussi les équipes éloignées, en horaires décalés "
            "ou en agence, et sert de rappel à l’arrivée des nouveaux.",
            "Vingt minutes, à suivre sur le temps de travail, intégrées au parcours "
            "d’accueil des nouveaux arrivants.",
        ),
        (
            "E-learning module “Talking about your job online”",
            "All employees",
            "An online module also reaches remote, shift and branch teams, and serves as a "
            "reminder for newcomers.",
            "Twenty minutes, taken during working time, part of the onboarding path.",
        ),
    ),
    "guide": (
        ActionKind.GUIDE,
        (
            "Guide pratique et FAQ de la charte",
            "Tous les salariés",
            "Une charte ne vit que si on la comprend : un guide illustré répond aux "
            "questions concrètes que le texte ne règle pas.",
            "Des cas concrets (« puis-je… ? »), les bons réflexes, les contacts utiles ; "
            "publié sur l’intranet et mis à jour chaque année.",
        ),
        (
            "Practical guide and FAQ of the charter",
            "All employees",
            "A charter lives only if people understand it: an illustrated guide answers "
            "the practical questions the text leaves open.",
            "Concrete cases (“may I…?”), good habits, useful contacts; published on the "
            "intranet and updated every year.",
        ),
    ),
    "clear_guide": (
        ActionKind.GUIDE,
        (
            "Guide clair des règles, avec exemples",
            "Tous les salariés",
            "La cible prévoit beaucoup de contrôle : chaque règle doit être expliquée, "
            "avec sa raison et des exemples, pour être comprise et proportionnée.",
            "Chaque règle de la charte, sa justification et des exemples de ce qui est "
            "permis ou non ; à qui s’adresser en cas de doute.",
        ),
        (
            "A clear guide to the rules, with examples",
            "All employees",
            "The target sets a high degree of control: every rule must be explained, with "
            "its reason and examples, to be understood and proportionate.",
            "Each rule of the charter, its justification and examples of what is allowed "
            "or not; whom to ask when in doubt.",
        ),
    ),
    "referents": (
        ActionKind.REFERENT,
        (
            "Réseau de référents médias sociaux",
            "Chaque site et chaque service",
            "Avec une cible tournée vers l’accompagnement, chacun doit savoir à qui poser "
            "une question avant de publier, près de chez soi.",
            "Un ou deux volontaires formés par site ou service, joignables facilement, "
            "qui font remonter les questions fréquentes.",
        ),
        (
            "Network of social media referents",
            "Every site and department",
            "With a support-leaning target, everyone should know whom to ask before "
            "posting, close at hand.",
            "One or two trained volunteers per site or department, easy to reach, who "
            "pass frequent questions on.",
        ),
    ),
    "ambassadors": (
        ActionKind.AMBASSADORS,
        (
            "Programme d’ambassadeurs volontaires",
            "Salariés volontaires",
            "La cible mise sur la confiance : des salariés formés et équipés qui parlent de "
            "leur métier font vivre la charte mieux que toute règle.",
            "Volontariat réel, formation, contenus proposés, lien avec l’employeur indiqué "
            "dans les publications (loi 2023-451).",
        ),
        (
            "Volunteer ambassador programme",
            "Volunteer employees",
            "The target relies on trust: trained, equipped employees talking about their "
            "work bring the charter to life better than any rule.",
            "Real volunteering, training, content offered, the link with the employer "
            "disclosed in posts (loi 2023-451).",
        ),
    ),
    "managers_briefing": (
        ActionKind.OTHER,
        (
            "Réunion d’information des managers",
            "Managers",
            "La cible prévoit beaucoup de contrôle : les managers appliquent les règles "
            "au quotidien et doivent pouvoir les expliquer à leurs équipes.",
            "Les règles et leur raison, les situations délicates (demandes de connexion, "
            "critiques publiques), le circuit d’alerte ; avant le lancement.",
        ),
        (
            "Briefing for managers",
            "Managers",
            "The target sets a high degree of control: managers apply the rules day to "
            "day and must be able to explain them to their teams.",
            "The rules and their reason, delicate situations (connection requests, public "
            "criticism), the escalation path; before the launch.",
        ),
    ),
    "tool_adoption": (
        ActionKind.TOOL_ADOPTION,
        (
            "Accompagnement à la prise en main des outils numériques",
            "Salariés peu à l’aise avec les outils numériques",
            "Le diagnostic montre une faible adoption des outils numériques : sans cette "
            "base, la charte parle d’usages que beaucoup n’ont pas.",
            "Ateliers courts par petits groupes, tutoriels, aide de proximité ; "
            "consulter le CSE si de nouveaux outils sont introduits (art. L2312-8).",
        ),
        (
            "Help to get started with digital tools",
            "Employees less at ease with digital tools",
            "The diagnostic shows low adoption of digital tools: without that base, the "
            "charter talks about practices many people do not have.",
            "Short workshops in small groups, tutorials, help close at hand; consult the "
            "CSE if new tools are introduced (art. L2312-8).",
        ),
    ),
    "strategy_communication": (
        ActionKind.STRATEGY_COMMUNICATION,
        (
            "Présenter la stratégie de l’entreprise et la place de la charte",
            "Tous les salariés",
            "Le diagnostic montre une stratégie de communication peu connue : on ne peut "
            "pas relayer ni défendre ce qu’on ne connaît pas.",
            "Une présentation par la direction, relayée par les managers : où va "
            "l’entreprise, ce qu’elle attend de ses salariés en ligne, et pourquoi.",
        ),
        (
            "Presenting the company's strategy and the charter's place in it",
            "All employees",
            "The diagnostic shows a little-known communication strategy: people cannot "
            "relay or defend what they do not know.",
            "A presentation by management, passed on by managers: where the company is "
            "going, what it expects from its employees online, and why.",
        ),
    ),
}

_NO_REFERENCE_WHY = (
    "Aucune cible ni aucun diagnostic pour l’instant : toute charte a au moins besoin "
    "d’être expliquée et apprise.",
    "No target and no diagnostic yet: every charter at least needs to be explained and learnt.",
)


def _suggestion(key: str, lang: str, why: str | None = None) -> Suggestion:
    kind, fr, en = _SUGGESTIONS[key]
    title, audience, default_why, description = en if lang == "en" else fr
    return Suggestion(key, kind, title, audience, why or default_why, description)


def _scores(snapshot: Snapshot) -> dict[str, int]:
    return {a.criterion: a.score for a in snapshot.diagnostic if a.score is not None}


def reference(snapshot: Snapshot) -> Position | None:
    """Where the group aims: the agreed target, else the diagnostic's suggestion, else None.

    The same rule pre-selects clause variants, so the suggestions follow what the room saw.
    """
    return reference_position(target(snapshot), _scores(snapshot))


def _low(scores: dict[str, int], criterion: str) -> bool:
    score = scores.get(criterion)
    return score is not None and score <= LOW_SCORE


def _already_planned(suggestion: Suggestion, snapshot: Snapshot) -> bool:
    for action in snapshot.actions:
        if suggestion.kind != ActionKind.OTHER and action.kind == suggestion.kind:
            return True
        if action.title.strip().casefold() == suggestion.title.casefold():
            return True
        if (
            suggestion.key == "managers_briefing"
            and action.kind in (ActionKind.TRAINING, ActionKind.OTHER)
            and "manag" in action.audience.casefold()
        ):
            return True
    return False


def suggest_actions(snapshot: Snapshot, lang: str = "fr") -> list[Suggestion]:
    """Accompaniment actions the target and the diagnostic call for, not yet in the plan.

    A support-leaning target (support ≥ 5) calls for training, e-learning, a guide,
    referents and ambassadors; high control (≥ 5) for a clear guide, training before use
    and a managers' briefing; a low "digital_tools_adoption" score for help with the
    tools; a low "communication_strategy" score for presenting the strategy. With neither
    target nor diagnostic, a guide and a training are still suggested. One suggestion per
    kind at most; kinds already in the plan are skipped.
    """
    aim = reference(snapshot)
    scores = _scores(snapshot)
    keys: list[str] = []
    whys: dict[str, str] = {}
    if aim is None:
        keys += ["guide", "training"]
        why = _NO_REFERENCE_WHY[1] if lang == "en" else _NO_REFERENCE_WHY[0]
        whys = {"guide": why, "training": why}
    else:
        high_support = aim.support >= MIDLINE
        high_control = aim.control >= MIDLINE
        if high_control:
            keys += ["clear_guide", "training_before_use", "managers_briefing"]
        if high_support:
            keys += ["training", "elearning", "guide", "referents", "ambassadors"]
        if not high_support and not high_control:
            keys.append("guide")  # even a light charter must be explained
    if _low(scores, "digital_tools_adoption"):
        keys.append("tool_adoption")
    if _low(scores, "communication_strategy"):
        keys.append("strategy_communication")

    result: list[Suggestion] = []
    seen_kinds: set[ActionKind] = set()
    for key in keys:
        suggestion = _suggestion(key, lang, whys.get(key))
        if suggestion.kind != ActionKind.OTHER and suggestion.kind in seen_kinds:
            continue  # the control-side variant of this kind came first
        seen_kinds.add(suggestion.kind)
        if not _already_planned(suggestion, snapshot):
            result.append(suggestion)
    return result


# -- alerts --------------------------------------------------------------------------------
def _num(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text if lang == "en" else text.replace(".", ",")


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
    titles = [c.title for c, v in _adopted(snapshot) if "sanctions" in v.flags]
    if not titles:
        return None
    quoted = _quoted(titles, lang)
    text = (
        f"Adopted clauses provide for sanctions ({quoted}) while the charter is meant as a "
        "guide only: a sanction requires annexing the charter to the règlement intérieur "
        "(CSE opinion, filing; art. L1321-4). Choose one or the other."
        if lang == "en"
        else f"Des clauses adoptées prévoient des sanctions ({quoted}) alors que la charte "
        "est prévue comme simple guide : une sanction suppose de l’annexer au règlement "
        "intérieur (avis du CSE, dépôt ; art. L1321-4). Choisissez l’un ou l’autre."
    )
    return Alert(Severity.WARNING, "sanctions_in_guide", text)


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
    _sanctions_in_guide,
    _unjustified_control,
    _incomplete_actions,
    _open_points,
)


def alerts(snapshot: Snapshot, lang: str = "fr") -> list[Alert]:
    """Every coherence alert that applies, warnings first, in a stable order.

    Keys: open_vote, far_from_target (distance > 2.5) or on_target (info), no_training,
    sanctions_in_guide, unjustified_control, action_incomplete, open_points (info).
    """
    found = [alert for rule in _RULES if (alert := rule(snapshot, lang)) is not None]
    return sorted(found, key=lambda a: a.severity != Severity.WARNING)
