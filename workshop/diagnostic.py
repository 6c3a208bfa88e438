"""The diagnostic step: 13 criteria scored 1–5 suggest where the charter should sit.

The founding article lists nine criteria to weigh before writing a charter, and its
author’s reply in the comments adds four; the product asks all thirteen. Each is scored
from 1 to 5, where **5 always means "more" of what the title names** (more regulated,
more incidents, bigger, more knowledge, more tools, stricter filtering, tenser union
relations...), so nobody has to remember which way a scale runs: the weights carry the
meaning, and a negative weight reads "the more of it, the less is needed".

The suggestion starts from the neutral centre (5, 5) and moves, for each answered
criterion, by ``(score - 3) × weight`` on each axis; unanswered criteria move nothing.
The result is clamped to [0, 10]. A weight is thus the number of matrix points one step
above the middle of the scale adds (negative: removes); a score of 5 moves twice that.
Support weights are larger than control weights, as the article asks the company to
"accompany rather than limit and control": answers can push support to either edge,
while control stays between 1.2 and 8.8 (total or no control is for the room to decide).

Three families, following the article and the domain notes (§3, "The two axes"):

- exposure (sector, history, size, IT filtering, tense union relations): more is at
  stake, so more accompaniment and more framing;
- readiness (knowledge, tools, accompaniment culture, employees' maturity): where it is
  low, the charter’s programme must accompany (and frame a little) more; where it is
  high, less of both is needed;
- openness and ambition (maturity of the company’s social media actions, culture of
  speaking up, communication and social media strategies): the company wants its
  employees to speak, so it accompanies them as ambassadors and controls less.

======================================  =========  =======  =======
criterion (score 5 means...)            source     support  control
======================================  =========  =======  =======
1  sector: highly regulated/exposed     article    +0.20    +0.30
2  speech_history: repeated incidents   article    +0.30    +0.20
3  size: 5,000 employees or more        article    +0.10    +0.10
4  social_media_knowledge: high         article    -0.30    -0.10
5  digital_tools_adoption: high         article    -0.10    -0.05
6  it_access_policy: sites blocked      article    +0.10    +0.20
7  accompaniment_culture: strong        article    -0.20    -0.05
8  social_media_maturity: mature        article    +0.50    -0.20
9  speaking_up_culture: open            article    +0.50    -0.30
10 employee_maturity: mature            comment    -0.10    -0.20
11 union_relations: tense               comment    +0.30    +0.05
12 communication_strategy: clear        comment    +0.30    -0.05
13 social_media_strategy: defined       comment    +0.50    -0.10
======================================  =========  =======  =======

Known limit, on purpose: the model is linear, so a company that is exposed, closed to
speaking up and without any strategy is pulled toward the lock-down quadrant. That is the
trap the article warns about; the quadrant’s description says so to the room.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple

from workshop.errors import InvalidInput
from workshop.matrix import (
    MIDLINE,
    Position,
    Quadrant,
    quadrant_description,
    quadrant_name,
    quadrant_of,
)
from workshop.model import SizeBand

Source = Literal["article", "comment"]

SCORE_MIN = 1
SCORE_MAX = 5
SCORE_MIDDLE = 3
BASELINE = Position(MIDLINE, MIDLINE)

NBSP = "\u00a0"  # espace insécable, before ':' in French (as in workshop.voting)
NNBSP = "\u202f"  # espace fine insécable, before ';', '?' and '!'


@dataclass(frozen=True)
class Criterion:
    """One diagnostic question, its 1–5 scale and its pull on the two axes.

    ``low_*`` says what a score of 1 means and ``high_*`` what 5 means; the weights are
    matrix points per step above 3 (see the module docstring), ``rationale_*`` says why.
    """

    key: str
    order: int
    title_fr: str
    title_en: str
    question_fr: str
    question_en: str
    low_fr: str
    low_en: str
    high_fr: str
    high_en: str
    source: Source
    support_weight: float
    control_weight: float
    rationale_fr: str
    rationale_en: str

    def title(self, lang: str = "fr") -> str:
        """The criterion’s title in French or English."""
        return self.title_en if lang == "en" else self.title_fr

    def question(self, lang: str = "fr") -> str:
        """The question the facilitator asks the room."""
        return self.question_en if lang == "en" else self.question_fr

    def low(self, lang: str = "fr") -> str:
        """What a score of 1 means."""
        return self.low_en if lang == "en" else self.low_fr

    def high(self, lang: str = "fr") -> str:
        """What a score of 5 means."""
        return self.high_en if lang == "en" else self.high_fr

    def rationale(self, lang: str = "fr") -> str:
        """Why the criterion pulls the way its weights say."""
        return self.rationale_en if lang == "en" else self.rationale_fr


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        key="sector",
        order=1,
        title_fr="Secteur d’activité",
        title_en="Sector of activity",
        question_fr="À quel point le secteur de l’entreprise est-il réglementé ou exposé "
        "publiquement ?",
        question_en="How regulated or publicly exposed is the company’s sector?",
        low_fr="Secteur peu exposé, sans règles sur la communication (artisanat, services "
        "locaux, industrie sans marque grand public).",
        low_en="Little exposed, no rules on communication (crafts, local services, "
        "industry without a consumer brand).",
        high_fr="Secteur très réglementé ou très exposé : banque, assurance, santé, "
        "pharmacie, défense, service public, société cotée.",
        high_en="Highly regulated or exposed: banking, insurance, health, pharmaceuticals, "
        "defence, public service, listed company.",
        source="article",
        support_weight=0.2,
        control_weight=0.3,
        rationale_fr="Les obligations du secteur (communication réglementée, secret, "
        "neutralité du service public) imposent des règles, qu’il faut aussi expliquer.",
        rationale_en="Sector obligations (regulated communication, secrecy, public-service "
        "neutrality) impose rules, which must also be explained.",
    ),
    Criterion(
        key="speech_history",
        order=2,
        title_fr="Historique des prises de parole des employés",
        title_en="History of employees' public speech",
        question_fr="Des publications de salariés sur internet ont-elles déjà posé "
        "problème à l’entreprise ?",
        question_en="Have employees' posts online already caused the company trouble?",
        low_fr="Aucun incident connu.",
        low_en="No known incident.",
        high_fr="Incidents publics répétés : bad buzz, fuite d’informations, procédure "
        "disciplinaire ou reprise dans la presse.",
        high_en="Repeated public incidents: bad buzz, leaks, disciplinary action or press "
        "coverage.",
        source="article",
        support_weight=0.3,
        control_weight=0.2,
        rationale_fr="Les dérapages viennent surtout d’une méconnaissance du danger plutôt "
        "que d’une volonté de nuire : d’abord accompagner, puis encadrer.",
        rationale_en="Incidents mostly come from not seeing the danger rather than from "
        "intent to harm: accompany first, then frame.",
    ),
    Criterion(
        key="size",
        order=3,
        title_fr="Taille de l’entreprise",
        title_en="Company size",
        question_fr="Combien de salariés compte l’entreprise ? (1 : 1 à 10 ; 2 : 11 à 49 ; "
        "3 : 50 à 249 ; 4 : 250 à 4 999 ; 5 : 5 000 et plus)",
        question_en="How many employees does the company have? (1: 1 to 10; 2: 11 to 49; "
        "3: 50 to 249; 4: 250 to 4,999; 5: 5,000 or more)",
        low_fr="1 à 10 salariés.",
        low_en="1 to 10 employees.",
        high_fr="5 000 salariés et plus.",
        high_en="5,000 employees or more.",
        source="article",
        support_weight=0.1,
        control_weight=0.1,
        rationale_fr="Plus l’entreprise est grande, plus l’écart entre décideurs et "
        "opérationnels se creuse, et plus un programme et des règles formels sont utiles.",
        rationale_en="The bigger the company, the wider the gap between decision-makers and "
        "operational staff, and the more a formal programme and formal rules help.",
    ),
    Criterion(
        key="social_media_knowledge",
        order=4,
        title_fr="Connaissance des médias sociaux par les collaborateurs",
        title_en="Employees' knowledge of social media",
        question_fr="En général, les collaborateurs savent-ils qui peut lire ce qu’ils "
        "publient et comment régler leur confidentialité ?",
        question_en="In general, do employees know who can read what they post and how to "
        "set their privacy?",
        low_fr="La plupart l’ignorent : confusion entre public et privé, paramètres jamais réglés.",
        low_en="Most do not: public and private are confused, settings never adjusted.",
        high_fr="La plupart maîtrisent audience, confidentialité et risques ; beaucoup ont "
        "une présence professionnelle en ligne.",
        high_en="Most master audience, privacy and risks; many have a professional presence "
        "online.",
        source="article",
        support_weight=-0.3,
        control_weight=-0.1,
        rationale_fr="Une faible connaissance appelle d’abord de la formation, et un peu "
        "d’encadrement ; des collaborateurs avertis ont besoin de moins des deux.",
        rationale_en="Low knowledge calls for training first, and a little framing; "
        "well-informed employees need less of both.",
    ),
    Criterion(
        key="digital_tools_adoption",
        order=5,
        title_fr="Adoption des outils numériques en interne",
        title_en="Internal adoption of digital tools",
        question_fr="Quelle place ont les outils collaboratifs (réseau social d’entreprise, "
        "messagerie instantanée, intranet participatif) dans le travail de tous les jours ?",
        question_en="What part do collaborative tools (enterprise social network, instant "
        "messaging, participative intranet) play in everyday work?",
        low_fr="Le courriel et le papier dominent ; les outils collaboratifs sont absents "
        "ou délaissés.",
        low_en="E-mail and paper dominate; collaborative tools are absent or left unused.",
        high_fr="Les outils collaboratifs sont utilisés chaque jour par presque tous les services.",
        high_en="Collaborative tools are used every day by nearly every department.",
        source="article",
        support_weight=-0.1,
        control_weight=-0.05,
        rationale_fr="Sans adoption, il faut accompagner les usages et en expliquer le "
        "bénéfice métier ; des équipes déjà à l’aise ont moins besoin d’aide et de règles.",
        rationale_en="Without adoption, usage must be accompanied and its business benefit "
        "explained; teams already at ease need less help and fewer rules.",
    ),
    Criterion(
        key="it_access_policy",
        order=6,
        title_fr="Politique de la DSI sur l’accès aux sites sociaux",
        title_en="IT department’s policy on access to social sites",
        question_fr="Depuis le lieu de travail, les sites sociaux sont-ils accessibles sur "
        "les postes et appareils de l’entreprise ?",
        question_en="From work, can social sites be reached on the company’s computers and "
        "devices?",
        low_fr="Accès libre pour tous.",
        low_en="Open access for everyone.",
        high_fr="Sites sociaux bloqués ou filtrés pour presque tous les salariés.",
        high_en="Social sites blocked or filtered for nearly all employees.",
        source="article",
        support_weight=0.1,
        control_weight=0.2,
        rationale_fr="Le filtrage est un contrôle déjà en place, avec lequel la charte doit "
        "être cohérente ou que l’atelier doit discuter ; privés d’accès, les salariés "
        "apprennent seuls sur leur téléphone.",
        rationale_en="Filtering is a control already in place, which the charter must match "
        "or the workshop must question; cut off at work, employees learn alone on their "
        "phones.",
    ),
    Criterion(
        key="accompaniment_culture",
        order=7,
        title_fr="Culture d’accompagnement de l’entreprise",
        title_en="The company’s culture of accompaniment",
        question_fr="Quand un nouvel outil ou un nouvel usage arrive, comment l’entreprise "
        "accompagne-t-elle ses salariés ?",
        question_en="When a new tool or practice arrives, how does the company accompany its "
        "employees?",
        low_fr="Peu ou pas de formation : chacun se débrouille seul.",
        low_en="Little or no training: everyone copes alone.",
        high_fr="Formation, tutorat, référents et intégration accompagnent chaque changement.",
        high_en="Training, mentoring, referents and onboarding come with every change.",
        source="article",
        support_weight=-0.2,
        control_weight=-0.05,
        rationale_fr="Là où l’accompagnement manque, le programme de la charte doit le "
        "construire ; là où il existe, il porte la charte et les règles comptent moins.",
        rationale_en="Where accompaniment is lacking, the charter’s programme must build it; "
        "where it exists, it carries the charter and rules matter less.",
    ),
    Criterion(
        key="social_media_maturity",
        order=8,
        title_fr="Maturité des actions de l’entreprise sur les médias sociaux",
        title_en="Maturity of the company’s social media actions",
        question_fr="Où en est l’entreprise dans sa propre présence sur les médias sociaux ?",
        question_en="How far along is the company’s own presence on social media?",
        low_fr="Aucune présence officielle, ou des comptes ouverts puis laissés à l’abandon.",
        low_en="No official presence, or accounts opened and then left idle.",
        high_fr="Présence établie et animée, procédure de crise éprouvée, programme "
        "d’ambassadeurs.",
        high_en="Established, active presence, tested crisis procedure, ambassador programme.",
        source="article",
        support_weight=0.5,
        control_weight=-0.2,
        rationale_fr="Une entreprise mûre peut outiller et associer ses collaborateurs "
        "(ambassadeurs) et s’appuyer sur ses procédures plutôt que sur des interdits.",
        rationale_en="A mature company can equip and involve its employees (ambassadors) and "
        "rely on its procedures rather than on bans.",
    ),
    Criterion(
        key="speaking_up_culture",
        order=9,
        title_fr="Culture interne de la prise de parole",
        title_en="Internal culture of speaking up",
        question_fr="En interne, les salariés peuvent-ils s’exprimer librement, y compris "
        "pour critiquer ?",
        question_en="Inside the company, can employees speak freely, criticism included?",
        low_fr="Communication descendante ; la critique ouverte est mal vue ou risquée.",
        low_en="Top-down communication; open criticism is frowned upon or risky.",
        high_fr="Expression encouragée : espaces d’échange, questions à la direction, "
        "critiques entendues et suivies d’effet.",
        high_en="Speaking up is encouraged: discussion spaces, questions to management, "
        "criticism heard and acted on.",
        source="article",
        support_weight=0.5,
        control_weight=-0.3,
        rationale_fr="Là où la parole circule, la charte peut faire confiance et équiper "
        "ceux qui s’expriment plutôt que d’interdire.",
        rationale_en="Where people already speak up, the charter can trust them and equip "
        "them rather than forbid.",
    ),
    Criterion(
        key="employee_maturity",
        order=10,
        title_fr="Maturité des collaborateurs",
        title_en="Maturity of employees",
        question_fr="Les collaborateurs font-ils preuve d’autonomie et de discernement sur "
        "ce qui peut se dire de leur travail ?",
        question_en="Do employees show autonomy and judgement about what may be said of "
        "their work?",
        low_fr="Discernement peu acquis : vie privée et vie professionnelle souvent "
        "mêlées, peu d’autonomie.",
        low_en="Judgement not yet acquired: private and professional life often mixed, "
        "little autonomy.",
        high_fr="Collaborateurs autonomes et responsables, qui savent ce qui peut se dire "
        "et demandent en cas de doute.",
        high_en="Autonomous, responsible employees who know what may be said and ask when "
        "in doubt.",
        source="comment",
        support_weight=-0.1,
        control_weight=-0.2,
        rationale_fr="Des collaborateurs mûrs ont besoin de moins de règles et d’un peu "
        "moins d’accompagnement de base.",
        rationale_en="Mature employees need fewer rules and slightly less basic accompaniment.",
    ),
    Criterion(
        key="union_relations",
        order=11,
        title_fr="Relations avec les organisations syndicales",
        title_en="Relations with the unions",
        question_fr="Comment qualifier le dialogue social avec les représentants du "
        "personnel ? (sans réponse s’il n’y en a pas)",
        question_en="How would you describe social dialogue with the staff representatives? "
        "(leave unanswered if there are none)",
        low_fr="Dialogue apaisé et constructif, accords signés régulièrement.",
        low_en="Calm, constructive dialogue; agreements signed regularly.",
        high_fr="Relations tendues : conflit ouvert, contentieux ou campagnes syndicales "
        "publiques contre la direction.",
        high_en="Tense relations: open conflict, litigation or public union campaigns "
        "against management.",
        source="comment",
        support_weight=0.3,
        control_weight=0.05,
        rationale_fr="Un climat tendu appelle plus d’explication et de concertation ; tout "
        "contrôle doit y être justifié, proportionné (L1121-1) et soumis au CSE "
        "(L2312-38), d’où un poids faible sur le contrôle.",
        rationale_en="A tense climate calls for more explanation and consultation; any "
        "control must then be justified, proportionate (L1121-1) and put to the CSE "
        "(L2312-38), hence a small weight on control.",
    ),
    Criterion(
        key="communication_strategy",
        order=12,
        title_fr="Stratégie de communication",
        title_en="Communication strategy",
        question_fr="L’entreprise a-t-elle une stratégie de communication claire et connue "
        "des salariés ?",
        question_en="Does the company have a clear communication strategy that employees know?",
        low_fr="Pas de stratégie formalisée ; les salariés ignorent les messages clés.",
        low_en="No formal strategy; employees do not know the key messages.",
        high_fr="Stratégie formalisée et partagée, avec des messages que les salariés "
        "peuvent relayer.",
        high_en="A formal, shared strategy, with messages employees can relay.",
        source="comment",
        support_weight=0.3,
        control_weight=-0.05,
        rationale_fr="Une stratégie claire donne aux salariés de quoi comprendre et relayer : "
        "la charte peut encourager plutôt que restreindre.",
        rationale_en="A clear strategy gives employees something to understand and relay: "
        "the charter can encourage rather than restrict.",
    ),
    Criterion(
        key="social_media_strategy",
        order=13,
        title_fr="Stratégie sur les médias sociaux",
        title_en="Social media strategy",
        question_fr="L’entreprise a-t-elle défini ce qu’elle attend des médias sociaux et la "
        "place qu’y tiennent ses salariés ?",
        question_en="Has the company defined what it expects from social media and what "
        "part its employees play there?",
        low_fr="Aucune stratégie : la présence, s’il y en a une, est improvisée.",
        low_en="No strategy: presence, if any, is improvised.",
        high_fr="Stratégie définie qui associe les salariés : parole encouragée, contenus "
        "fournis, ambassadeurs.",
        high_en="A defined strategy that involves employees: speaking encouraged, content "
        "provided, ambassadors.",
        source="comment",
        support_weight=0.5,
        control_weight=-0.1,
        rationale_fr="Une stratégie qui compte sur les salariés demande de les équiper et de "
        "les former, et laisse moins de place aux interdits.",
        rationale_en="A strategy that relies on employees means equipping and training them, "
        "and leaves less room for bans.",
    ),
)

CRITERIA_BY_KEY: dict[str, Criterion] = {c.key: c for c in CRITERIA}

_SIZE_SCORES: dict[SizeBand, int] = {band: i for i, band in enumerate(SizeBand, start=1)}


def _short_repr(value: object) -> str:
    """A one-line, bounded repr of a refused value for error messages."""
    try:
        text = repr(value)
    except ValueError:  # ints beyond Python's digit limit refuse to print
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 40 else text[:37] + "..."


def criterion(key: str) -> Criterion:
    """The criterion with this key, or InvalidInput naming the unknown key."""
    found = CRITERIA_BY_KEY.get(key) if isinstance(key, str) else None
    if found is None:
        got = _short_repr(key)
        raise InvalidInput(
            f"Critère de diagnostic inconnu : {got}.",
            f"Unknown diagnostic criterion: {got}.",
        )
    return found


def size_score(band: SizeBand) -> int:
    """The 'size' score (1–5) of a company size band, to pre-fill it from the set-up."""
    return _SIZE_SCORES[SizeBand(band)]


def suggested_scores(size_band: str | None) -> dict[str, int]:
    """Scores the set-up already tells, offered on unanswered criteria: the company size.

    A suggestion only, never stored by itself: the facilitator keeps it (a click, a key,
    Enter) or picks another score, and only then does it count in the suggested position,
    the minutes and the bundle. The band can still change in the set-up meanwhile.
    """
    try:
        return {"size": size_score(SizeBand(size_band))} if size_band else {}
    except ValueError:
        return {}


def _checked_score(item: Criterion, value: object) -> int | None:
    """The score as an int 1–5, None if unanswered, else InvalidInput naming the criterion."""
    if value is None:
        return None
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        score = int(value)  # exact for an Integral
        if SCORE_MIN <= score <= SCORE_MAX:
            return score
    got = _short_repr(value)
    raise InvalidInput(
        f"Critère « {item.title_fr} » : la note doit être un entier de 1 à 5 (reçu : {got}).",
        f'Criterion "{item.title_en}": the score must be a whole number from 1 to 5 (got {got}).',
    )


class Contribution(NamedTuple):
    """How far one answered criterion moved the suggestion, before clamping."""

    key: str
    d_support: float
    d_control: float


@dataclass(frozen=True)
class Suggestion:
    """Where the diagnostic suggests the charter should sit, and why.

    ``contributions`` lists every answered criterion in the criteria’s order (a score of 3
    contributes zero); ``answered`` is how many were answered.
    """

    position: Position
    answered: int
    contributions: tuple[Contribution, ...]
    quadrant: Quadrant


def suggested_position(answers: Mapping[str, int | None]) -> Suggestion:
    """The matrix position the diagnostic answers point to (see the module docstring).

    Deterministic and monotone: raising one score moves the position only in the
    direction of that criterion’s weights. Missing keys and None mean "not answered".
    """
    scores: dict[str, int] = {}
    for key, value in answers.items():
        item = criterion(key)
        score = _checked_score(item, value)
        if score is not None:
            scores[item.key] = score
    contributions = tuple(
        Contribution(
            item.key,
            (scores[item.key] - SCORE_MIDDLE) * item.support_weight,
            (scores[item.key] - SCORE_MIDDLE) * item.control_weight,
        )
        for item in CRITERIA
        if item.key in scores
    )
    # fsum: exactly rounded, so the result does not depend on floating-point order.
    support = math.fsum([BASELINE.support, *(c.d_support for c in contributions)])
    control = math.fsum([BASELINE.control, *(c.d_control for c in contributions)])
    position = Position.clamped(support, control)
    return Suggestion(position, len(contributions), contributions, quadrant_of(position))


def _number(value: float, lang: str, signed: bool = False) -> str:
    """1 decimal for coordinates, 2 signed decimals for moves (weights go by 0.05)."""
    text = f"{value:+.2f}" if signed else f"{value:.1f}"
    if text in ("+0.00", "-0.00"):
        text = "0.00"
    return text if lang == "en" else text.replace(".", ",")


def strongest(suggestion: Suggestion, count: int = 3) -> tuple[Contribution, ...]:
    """The contributions that moved the position most (|Δsupport| + |Δcontrol|).

    Zero contributions are left out; ties keep the criteria’s order.
    """
    moving = [c for c in suggestion.contributions if c.d_support or c.d_control]
    # Rounded so that float noise (0.3 + 0.3 vs 0.4 + 0.2) never overrides criteria order.
    moving.sort(key=lambda c: round(abs(c.d_support) + abs(c.d_control), 9), reverse=True)
    return tuple(moving[:count])


def explain(suggestion: Suggestion, lang: str = "fr") -> str:
    """A few plain-text lines for the facilitator and the minutes: where, and why.

    The suggested coordinates, the quadrant with its description, then the three
    criteria that moved the position most. French text gets no-break spaces before
    ':' and ';' like the rest of the minutes.
    """
    en = lang == "en"
    p = suggestion.position
    total = len(CRITERIA)
    q = suggestion.quadrant
    if en:
        lines = [
            f"Suggested position: support {_number(p.support, lang)}/10, "
            f"control {_number(p.control, lang)}/10 "
            f"({suggestion.answered} of {total} criteria answered).",
            f"Quadrant: {quadrant_name(q, lang)}. {quadrant_description(q, lang)}",
        ]
    else:
        answered_fr = "critère renseigné" if suggestion.answered <= 1 else "critères renseignés"
        lines = [
            f"Position suggérée : accompagnement {_number(p.support, lang)}/10, "
            f"contrôle {_number(p.control, lang)}/10 "
            f"({suggestion.answered} {answered_fr} sur {total}).",
            f"Quadrant : {quadrant_name(q, lang)}. {quadrant_description(q, lang)}",
        ]
    top = strongest(suggestion)
    if suggestion.answered == 0:
        lines.append(
            "No criterion answered: neutral position by default."
            if en
            else "Aucun critère renseigné : position neutre par défaut."
        )
    elif not top:
        lines.append(
            "Every answered criterion is in the middle of its scale: neutral position."
            if en
            else "Tous les critères renseignés sont au milieu de l’échelle : position neutre."
        )
    else:
        lines.append("Strongest factors:" if en else "Principaux facteurs :")
        for c in top:
            name = CRITERIA_BY_KEY[c.key].title(lang)
            ds = _number(c.d_support, lang, signed=True)
            dc = _number(c.d_control, lang, signed=True)
            lines.append(
                f"- {name}: support {ds}, control {dc}"
                if en
                else f"- {name} : accompagnement {ds}, contrôle {dc}"
            )
    text = "\n".join(lines)
    return text if en else _french_spacing(text)


def _french_spacing(text: str) -> str:
    """No-break spaces before French high punctuation, so a ':' never starts a line."""
    for mark, space in ((":", NBSP), (";", NNBSP), ("?", NNBSP), ("!", NNBSP)):
        text = text.replace(f" {mark}", f"{space}{mark}")
    return text
