"""The thirteen diagnostic criteria: each question, its 1–5 scale, its weights and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from workshop.errors import InvalidInput

Source = Literal["article", "comment"]

SCORE_MIN = 1
SCORE_MAX = 5
SCORE_MIDDLE = 3


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


def short_repr(value: object) -> str:
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
        got = short_repr(key)
        raise InvalidInput(
            f"Critère de diagnostic inconnu : {got}.",
            f"Unknown diagnostic criterion: {got}.",
        )
    return found
