"""Notes on the charter's status: the règlement intérieur (RI), its procedure, what it may
contain, the guide alternative, and the thresholds that depend on the workforce.

Checked against the Code du travail as consolidated on Légifrance: L1311-2 (RI from 50
employees, after 12 consecutive months), L1321-1 to L1321-5, R1321-1 (publicity), R1321-2
(filing with the greffe), R1321-3 (the month runs from the later of filing and
publicity), R1321-4 (two copies to the labour inspector), L2311-2 (CSE from 11 employees).
"""

from __future__ import annotations

from workshop.exports.legal.model import NoteText, same

CT = "Code du travail, art. "

PROPORTIONALITY = NoteText(
    "proportionality",
    "Toute restriction aux droits des personnes et aux libertés individuelles et collectives "
    "doit être justifiée par la nature de la tâche à accomplir et proportionnée au but "
    "recherché ; chaque clause de contrôle adoptée indique sa justification, à relire clause "
    "par clause.",
    "Any restriction of people’s rights and of individual and collective freedoms must be "
    "justified by the nature of the task to be performed and proportionate to the aim "
    "pursued; each adopted control-leaning clause states its justification, to be reread "
    "clause by clause.",
    *same(CT + "L1121-1"),
    "toujours",
    "always",
)

STATUS_GUIDE = NoteText(
    "status_guide",
    "Prévue comme guide pédagogique, la charte ne crée pas d’obligation nouvelle et ne fonde "
    "pas, à elle seule, une sanction. Les fautes commises en ligne restent sanctionnables sur "
    "le fondement de la loi, du contrat de travail et du règlement intérieur existant. Un "
    "document qui impose des obligations générales et permanentes en matière de discipline "
    "est une adjonction au règlement intérieur, quel que soit son titre, et suit la même "
    "procédure.",
    "Intended as a pedagogical guide, the charter creates no new obligation and does not, by "
    "itself, ground a sanction. Misconduct online remains sanctionable under the law, the "
    "employment contract and the existing règlement intérieur (work rules). A document that "
    "imposes general and permanent obligations on discipline is an addition to the "
    "règlement intérieur whatever its title, and follows the same procedure.",
    *same(CT + "L1321-1", CT + "L1321-5"),
    "statut « guide pédagogique »",
    "status “pedagogical guide”",
)

SANCTIONS_IN_GUIDE = NoteText(
    "sanctions_without_annex",
    "Des clauses adoptées annoncent des sanctions alors que la charte est prévue comme guide. "
    "Les fautes qu’elles visent (injure, harcèlement, divulgation d’un secret…) restent "
    "sanctionnables sur le fondement de la loi, du contrat de travail et du règlement "
    "intérieur existant, dans l’échelle des sanctions qu’il prévoit. Ce qui demande la "
    "procédure du règlement intérieur, c’est de rendre obligatoires les règles propres à la "
    "charte : les inscrire au règlement intérieur ou dans une note de service, après avis du "
    "CSE, ou les reformuler en recommandations.",
    "Adopted clauses announce sanctions while the charter is intended as a guide. The "
    "misconduct they target (insult, harassment, disclosure of a secret…) remains "
    "sanctionable under the law, the employment contract and the existing règlement "
    "intérieur, within the scale of sanctions it sets. What needs the règlement intérieur’s "
    "procedure is making the charter’s own rules binding: put them in the règlement "
    "intérieur or in a note de service (staff notice), after the CSE’s opinion, or reword "
    "them as recommendations.",
    *same(CT + "L1321-1 3°", CT + "L1321-4", CT + "L1321-5"),
    "statut « guide pédagogique » et une clause adoptée prévoit des sanctions",
    "status “pedagogical guide” and an adopted clause provides for sanctions",
)

RI_PROCEDURE = NoteText(
    "ri_procedure",
    "Adjonction au règlement intérieur, la charte ne peut être introduite qu’après avis du "
    "CSE. Elle indique sa date d’entrée en vigueur, postérieure d’au moins un mois à la "
    "dernière des deux formalités : dépôt au greffe du conseil de prud’hommes et publicité. "
    "Elle est portée, par tout moyen, à la connaissance des personnes ayant accès aux lieux "
    "de travail et aux locaux où se fait l’embauche, et communiquée en deux exemplaires à "
    "l’inspecteur du travail, avec l’avis du CSE, en même temps qu’elle fait l’objet de la "
    "publicité. La même procédure vaut pour toute modification ou tout retrait.",
    "As an addition to the règlement intérieur (work rules), the charter may be introduced "
    "only after the CSE’s opinion. It states its date of entry into force, at least one "
    "month after the later of two formalities: filing with the registry (greffe) of the "
    "conseil de prud’hommes, and publicity. It is brought, by any means, to the knowledge of "
    "the people who have access to the workplaces and to the premises where hiring takes "
    "place, and sent in two copies to the labour inspector, with the CSE’s opinion, at the "
    "same time as it is made public. The same procedure applies to any change or withdrawal.",
    (
        CT + "L1321-4",
        CT + "L1321-5",
        CT + "R1321-1 (publicité)",
        CT + "R1321-2 (dépôt au greffe)",
        CT + "R1321-3 (point de départ du délai d’un mois)",
        CT + "R1321-4 (communication à l’inspecteur du travail)",
    ),
    (
        CT + "L1321-4",
        CT + "L1321-5",
        CT + "R1321-1 (publicity)",
        CT + "R1321-2 (filing with the greffe)",
        CT + "R1321-3 (when the one-month delay starts)",
        CT + "R1321-4 (sending to the labour inspector)",
    ),
    "statut « annexe au règlement intérieur »",
    "status “annex to the work rules”",
)

RI_CONTENTS = NoteText(
    "ri_contents",
    "Le règlement intérieur fixe exclusivement les mesures de santé et de sécurité et les "
    "règles générales et permanentes de discipline, dont la nature et l’échelle des "
    "sanctions : les clauses d’accompagnement (formation, référents, programme ambassadeurs) "
    "ont plutôt leur place dans un guide joint. Il ne peut contenir ni dispositions "
    "contraires à la loi ou aux accords collectifs, ni restrictions aux droits des personnes "
    "et aux libertés individuelles et collectives qui ne seraient pas justifiées par la "
    "nature de la tâche à accomplir ni proportionnées au but recherché, ni dispositions "
    "discriminatoires.",
    "The règlement intérieur sets only health and safety measures and the general and "
    "permanent rules on discipline, including the nature and scale of sanctions: the "
    "accompaniment clauses (training, referents, ambassador programme) rather belong in an "
    "attached guide. It may contain neither provisions contrary to the law or to collective "
    "agreements, nor restrictions of people’s rights and of individual and collective "
    "freedoms that the nature of the task does not justify or that are disproportionate to "
    "the aim pursued, nor discriminatory provisions.",
    *same(CT + "L1321-1", CT + "L1321-3 1°–3°"),
    "statut « annexe au règlement intérieur »",
    "status “annex to the work rules”",
)

RI_MENTIONS = NoteText(
    "ri_mentions",
    "Le règlement intérieur rappelle les droits de la défense des salariés, les dispositions "
    "relatives aux harcèlements moral et sexuel et aux agissements sexistes, et l’existence "
    "du dispositif de protection des lanceurs d’alerte prévu par la loi n° 2016-1691 : "
    "vérifier que le règlement existant contient ces mentions avant d’y ajouter la charte.",
    "The règlement intérieur recalls employees’ rights of defence, the provisions on moral "
    "and sexual harassment and sexist conduct, and the existence of the whistleblower "
    "protection scheme of loi 2016-1691: check that the existing règlement contains these "
    "mentions before adding the charter to it.",
    *same(CT + "L1321-2 1°–3°"),
    "statut « annexe au règlement intérieur »",
    "status “annex to the work rules”",
)

WORKFORCE_UNKNOWN = NoteText(
    "workforce_unknown",
    "L’effectif n’est pas renseigné dans l’atelier, or plusieurs obligations en dépendent : "
    "CSE à partir de 11 salariés ; règlement intérieur obligatoire dans les entreprises et "
    "établissements d’au moins 50 salariés, au terme de douze mois consécutifs au-dessus du "
    "seuil ; à partir de 50 salariés, consultation du CSE sur les moyens de contrôle de "
    "l’activité et sur les nouvelles technologies, et procédure interne de recueil des "
    "alertes. Renseigner la taille pour des notes adaptées.",
    "The workforce is not entered in the workshop, yet several obligations depend on it: a "
    "CSE from 11 employees; a règlement intérieur mandatory in companies and establishments "
    "of at least 50 employees, after twelve consecutive months above the threshold; from 50 "
    "employees, consultation of the CSE on means of monitoring employees’ activity and on "
    "new technologies, and an internal whistleblowing procedure. Enter the size for notes "
    "that fit.",
    (
        CT + "L2311-2",
        CT + "L1311-2",
        CT + "L2312-8",
        CT + "L2312-38",
        "Loi n° 2016-1691, art. 8 I B",
    ),
    (
        CT + "L2311-2",
        CT + "L1311-2",
        CT + "L2312-8",
        CT + "L2312-38",
        "Loi 2016-1691, art. 8 I B",
    ),
    "taille de l’entreprise non renseignée",
    "company size not entered",
)

WORKFORCE_MICRO = NoteText(
    "workforce_micro",
    "Avec moins de 11 salariés, l’entreprise n’est tenue d’avoir ni CSE ni règlement "
    "intérieur. Si elle en adopte un, ou une note de service imposant des obligations "
    "générales et permanentes de discipline, les règles du règlement intérieur s’appliquent : "
    "dépôt, publicité, communication à l’inspecteur du travail et délai d’un mois. "
    "L’information préalable des salariés sur tout dispositif de contrôle s’applique quel "
    "que soit l’effectif.",
    "With fewer than 11 employees, the company need have neither a CSE nor a règlement "
    "intérieur. If it adopts one, or a note de service imposing general and permanent "
    "obligations on discipline, the règlement intérieur’s rules apply: filing, publicity, "
    "sending to the labour inspector and the one-month delay. Informing employees "
    "beforehand of any monitoring device applies whatever the workforce.",
    *same(CT + "L1311-2", CT + "L2311-2", CT + "L1321-5", CT + "L1222-4"),
    "taille 1 à 10 salariés",
    "size 1 to 10 employees",
)

WORKFORCE_SMALL = NoteText(
    "workforce_small",
    "Entre 11 et 49 salariés, un CSE est mis en place (effectif atteint pendant douze mois "
    "consécutifs) ; le règlement intérieur reste facultatif, mais s’il existe ou s’il est "
    "créé, l’avis du CSE est requis avant d’y ajouter la charte. Les consultations sur les "
    "moyens de contrôle de l’activité (L2312-38) et sur les nouvelles technologies "
    "(L2312-8) relèvent du CSE des entreprises d’au moins 50 salariés ; l’information "
    "préalable des salariés (L1222-4) s’applique en tout cas.",
    "Between 11 and 49 employees, a CSE is set up (workforce reached for twelve consecutive "
    "months); a règlement intérieur remains optional, but if one exists or is created, the "
    "CSE’s opinion is required before the charter is added to it. Consultations on means of "
    "monitoring activity (L2312-38) and on new technologies (L2312-8) belong to the CSE of "
    "companies of at least 50 employees; informing employees beforehand (L1222-4) applies "
    "in any case.",
    *same(CT + "L2311-2", CT + "L1311-2", CT + "L1321-4", CT + "L1222-4"),
    "taille 11 à 49 salariés",
    "size 11 to 49 employees",
)

WORKFORCE_50 = NoteText(
    "workforce_50",
    "Avec au moins 50 salariés, le règlement intérieur est obligatoire, au terme de douze "
    "mois consécutifs au-dessus du seuil, qui s’apprécie par entreprise ou par "
    "établissement ; le CSE est informé et consulté avant l’introduction de moyens ou "
    "techniques de contrôle de l’activité des salariés et de nouvelles technologies ; une "
    "procédure interne de recueil et de traitement des signalements d’alerte doit exister.",
    "With at least 50 employees, a règlement intérieur is mandatory, after twelve "
    "consecutive months above the threshold, assessed per company or per establishment; the "
    "CSE is informed and consulted before means or techniques of monitoring employees’ "
    "activity, or new technologies, are introduced; an internal procedure for receiving and "
    "handling whistleblowing reports must exist.",
    (
        CT + "L1311-2",
        CT + "L2312-8",
        CT + "L2312-38",
        "Loi n° 2016-1691, art. 8 I B",
        "Décret n° 2022-1284 du 3 octobre 2022",
    ),
    (
        CT + "L1311-2",
        CT + "L2312-8",
        CT + "L2312-38",
        "Loi 2016-1691, art. 8 I B",
        "Décret 2022-1284 of 3 October 2022",
    ),
    "taille 50 salariés ou plus",
    "size 50 employees or more",
)
