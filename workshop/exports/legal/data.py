"""Notes on monitoring, personal data, new tools and whistleblowing.

Sources checked: Code du travail L1222-4, L2312-8, L2312-38; GDPR art. 5, 6, 9, 13, 21,
30, 35; CNIL délibération n° 2018-327 of 11 October 2018 (processing that needs a DPIA,
among which the constant monitoring of employees' activity) and n° 2019-160 of 21 November
2019 (staff management); loi 2016-1691 art. 6 and 8 as amended by loi 2022-401; décret
2022-1284 of 3 October 2022.
"""

from __future__ import annotations

from workshop.exports.legal.model import NoteText, same

CT = "Code du travail, art. "

MONITORING = NoteText(
    "monitoring",
    "Aucune information concernant personnellement un salarié ne peut être collectée par un "
    "dispositif qui n’a pas été porté préalablement à sa connaissance : les dispositifs de "
    "veille ou de filtrage prévus sont présentés aux salariés avant leur mise en œuvre. Dans "
    "les entreprises d’au moins 50 salariés, le CSE est informé et consulté au préalable sur "
    "les moyens ou techniques permettant un contrôle de l’activité des salariés. Chaque "
    "dispositif reste soumis au contrôle de proportionnalité.",
    "No information concerning an employee personally may be collected by a device that was "
    "not brought to their knowledge beforehand: the monitoring or filtering devices provided "
    "for are presented to employees before they are used. In companies of at least 50 "
    "employees, the CSE is informed and consulted beforehand on the means or techniques that "
    "allow employees’ activity to be monitored. Each device remains subject to the "
    "proportionality test.",
    *same(CT + "L1222-4", CT + "L2312-38", CT + "L1121-1"),
    "une clause adoptée prévoit une veille ou un filtrage (indicateur « monitoring »)",
    "an adopted clause provides for monitoring or filtering (flag “monitoring”)",
)

GDPR = NoteText(
    "gdpr",
    "Chaque traitement de données personnelles prévu (veille, plateforme, recrutement, "
    "images) repose sur une base légale : pour un employeur, le plus souvent l’intérêt "
    "légitime, le consentement d’un salarié étant rarement libre. Il est inscrit au registre "
    "des traitements ; les personnes en sont informées ; seules les données nécessaires sont "
    "collectées, et conservées pour une durée limitée. Lorsque le traitement repose sur "
    "l’intérêt légitime, les personnes peuvent s’y opposer pour des raisons tenant à leur "
    "situation particulière. Repères : le référentiel de la CNIL sur la gestion du personnel "
    "et ses recommandations sur la surveillance au travail.",
    "Each processing of personal data provided for (monitoring, platform, recruitment, "
    "images) needs a lawful basis: for an employer, usually legitimate interests, since an "
    "employee’s consent is seldom free. It is entered in the record of processing "
    "activities; the people concerned are informed; only the data needed are collected, and "
    "kept for a limited time. Where processing rests on legitimate interests, people may "
    "object to it on grounds relating to their particular situation. Pointers: the CNIL’s "
    "reference framework on staff management and its recommendations on monitoring at work.",
    (
        "RGPD, art. 6 (base légale)",
        "RGPD, art. 5, 13 et 30 (minimisation, information, registre)",
        "RGPD, art. 21 (droit d’opposition)",
        "CNIL, délibération n° 2019-160 du 21 nov. 2019 (référentiel « gestion du personnel »)",
    ),
    (
        "GDPR, art. 6 (lawful basis)",
        "GDPR, art. 5, 13 and 30 (minimisation, information, record)",
        "GDPR, art. 21 (right to object)",
        "CNIL, délibération 2019-160 of 21 Nov. 2019 (reference framework on staff management)",
    ),
    "une clause adoptée traite des données personnelles ou prévoit une veille (indicateurs "
    "« personal_data » ou « monitoring »)",
    "an adopted clause processes personal data or provides for monitoring (flags "
    "“personal_data” or “monitoring”)",
)

DPIA = NoteText(
    "dpia",
    "Une veille qui porte sur les publications des salariés, ou un outil qui mesure leur "
    "activité, peut exiger une analyse d’impact relative à la protection des données avant "
    "sa mise en œuvre : la liste de la CNIL y soumet les traitements ayant pour finalité de "
    "surveiller de manière constante l’activité des employés. À apprécier pour chaque "
    "dispositif adopté, avec le délégué à la protection des données s’il y en a un.",
    "Monitoring that covers employees’ posts, or a tool that measures their activity, may "
    "require a data protection impact assessment before it is used: the CNIL’s list includes "
    "processing whose purpose is the constant monitoring of employees’ activity. To be "
    "assessed for each device adopted, with the data protection officer if there is one.",
    (
        "RGPD, art. 35",
        "CNIL, délibération n° 2018-327 du 11 oct. 2018 (liste des traitements soumis à "
        "analyse d’impact)",
    ),
    (
        "GDPR, art. 35",
        "CNIL, délibération 2018-327 of 11 Oct. 2018 (list of processing that requires an "
        "impact assessment)",
    ),
    "une clause adoptée prévoit une veille ou un filtrage (indicateur « monitoring »)",
    "an adopted clause provides for monitoring or filtering (flag “monitoring”)",
)

SPECIAL_CATEGORIES = NoteText(
    "special_categories",
    "Les publications peuvent révéler des opinions politiques, des convictions religieuses, "
    "une appartenance syndicale ou des données de santé, dont le traitement est en principe "
    "interdit. Un outil de veille est réglé pour ne pas collecter ni conserver ces "
    "informations ; l’exception des données manifestement rendues publiques par la personne "
    "est d’interprétation stricte et ne se présume pas.",
    "Posts may reveal political opinions, religious beliefs, trade union membership or "
    "health data, whose processing is in principle prohibited. A monitoring tool is set up "
    "so as not to collect or keep them; the exception for data manifestly made public by the "
    "person is read narrowly and cannot be presumed.",
    ("RGPD, art. 9",),
    ("GDPR, art. 9",),
    "une clause adoptée prévoit une veille ou un filtrage (indicateur « monitoring »)",
    "an adopted clause provides for monitoring or filtering (flag “monitoring”)",
)

NEW_TECHNOLOGY = NoteText(
    "new_technology",
    "L’introduction des nouveaux outils prévus par la charte (plateforme, outil d’IA, outil "
    "de veille) relève, dans les entreprises d’au moins 50 salariés, de l’information et de "
    "la consultation du CSE sur les nouvelles technologies, en plus de celle sur les moyens "
    "de contrôle lorsque ces outils permettent de suivre l’activité des salariés.",
    "Introducing the new tools the charter provides for (platform, AI tool, monitoring "
    "tool) calls, in companies of at least 50 employees, for informing and consulting the "
    "CSE on new technologies, in addition to the consultation on means of monitoring when "
    "those tools allow employees’ activity to be followed.",
    *same(CT + "L2312-8", CT + "L2312-38"),
    "une clause adoptée introduit un outil (indicateur « new_technology »)",
    "an adopted clause introduces a tool (flag “new_technology”)",
)

WHISTLEBLOWING = NoteText(
    "whistleblowing",
    "La charte ne peut restreindre une alerte. Est lanceur d’alerte la personne physique qui "
    "signale ou divulgue, sans contrepartie financière directe et de bonne foi, des "
    "informations portant sur un crime, un délit, une menace ou un préjudice pour l’intérêt "
    "général, ou sur une violation, ou une tentative de dissimulation d’une violation, d’un "
    "engagement international de la France, du droit de l’Union européenne, de la loi ou du "
    "règlement ; si les informations n’ont pas été obtenues dans le cadre de ses activités "
    "professionnelles, elle doit en avoir eu personnellement connaissance. Le signalement "
    "peut être interne ou adressé directement à une autorité externe. La divulgation "
    "publique, par exemple sur un média social, n’est protégée que dans les cas de "
    "l’article 8 III : après un signalement externe resté sans mesure appropriée dans le "
    "délai, en cas de danger grave et imminent (pour des informations obtenues dans un cadre "
    "professionnel, de danger imminent ou manifeste pour l’intérêt général), ou lorsque "
    "saisir l’autorité exposerait à des représailles ou ne permettrait pas de remédier "
    "efficacement aux faits. La charte nomme le canal interne.",
    "The charter may not restrict an alert. A whistleblower is a natural person who reports "
    "or discloses, without direct financial compensation and in good faith, information on "
    "a crime, an offence, a threat or harm to the public interest, or on a violation, or an "
    "attempt to conceal a violation, of an international commitment of France, of European "
    "Union law, of the law or of regulations; if the information was not obtained in the "
    "course of their professional activities, they must have had personal knowledge of it. "
    "A report may be internal or made directly to an external authority. Public disclosure, "
    "on social media for instance, is protected only in the cases of article 8 III: after an "
    "external report with no appropriate measure within the time limit, in case of grave and "
    "imminent danger (for information obtained in a professional context, imminent or "
    "manifest danger to the public interest), or when referring to the authority would "
    "expose the person to retaliation or would not effectively remedy the facts. The "
    "charter names the internal channel.",
    (
        "Loi n° 2016-1691 du 9 déc. 2016, art. 6 et 8, modifiée par la loi n° 2022-401 du "
        "21 mars 2022",
        "Décret n° 2022-1284 du 3 oct. 2022 (procédures de signalement, autorités externes)",
    ),
    (
        "Loi 2016-1691 of 9 Dec. 2016, art. 6 and 8, as amended by loi 2022-401 of 21 March 2022",
        "Décret 2022-1284 of 3 Oct. 2022 (reporting procedures, external authorities)",
    ),
    "toujours",
    "always",
)
