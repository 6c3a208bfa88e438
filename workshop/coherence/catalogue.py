"""The catalogue of accompaniment actions coherence may suggest, in French and English."""

from __future__ import annotations

from workshop.model import ActionKind

# key: kind, (title, audience, why, description) in French, then in English.
SUGGESTIONS: dict[str, tuple[ActionKind, tuple[str, str, str, str], tuple[str, str, str, str]]] = {
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

NO_REFERENCE_WHY = (
    "Aucune cible ni aucun diagnostic pour l’instant : toute charte a au moins besoin "
    "d’être expliquée et apprise.",
    "No target and no diagnostic yet: every charter at least needs to be explained and learnt.",
)
