"""Notes on speaking online: freedom of expression and its abuse, private life and audience,
evidence from private accounts, loyalty, image rights, commercial influence.

Case law is cited only where the reference was checked (date, chamber, number); where the
law is unsettled the note says so instead of asserting an answer.
"""

from __future__ import annotations

from workshop.exports.legal.model import NoteText, same

CT = "Code du travail, art. "

EXPRESSION = NoteText(
    "expression",
    "Sauf abus, le salarié jouit, dans l’entreprise et en dehors, de sa liberté "
    "d’expression, à laquelle seules des restrictions justifiées par la nature de la tâche et "
    "proportionnées au but recherché peuvent être apportées. L’abus s’entend, selon la "
    "formule habituelle de la Cour de cassation, de propos injurieux, diffamatoires ou "
    "excessifs ; une critique, même vive, n’en est pas un à elle seule. Le licenciement "
    "prononcé en raison de l’exercice non abusif de cette liberté est nul, même si d’autres "
    "griefs sont invoqués. Les opinions émises dans l’exercice du droit d’expression directe "
    "et collective sur le contenu et l’organisation du travail ne peuvent motiver ni sanction "
    "ni licenciement.",
    "Save for abuse, employees enjoy freedom of expression inside and outside the company, "
    "and only restrictions justified by the nature of the task and proportionate to the aim "
    "pursued may be placed on it. Abuse means, in the Cour de cassation’s usual wording, "
    "insulting, defamatory or excessive remarks (« propos injurieux, diffamatoires ou "
    "excessifs »); criticism, even sharp, is not abuse by itself. A dismissal for the "
    "non-abusive exercise of this freedom is null, even when other grounds are put forward. "
    "Opinions voiced in the exercise of the right of direct and collective expression about "
    "the content and organisation of work can ground neither a sanction nor a dismissal.",
    (
        CT + "L1121-1",
        "Convention européenne des droits de l’homme, art. 10",
        "Cass. soc., 16 févr. 2022, n° 19-17.871",
        "Cass. soc., 29 juin 2022, n° 20-16.060",
        CT + "L1235-3-1 (nullité)",
        CT + "L2281-1 et L2281-3",
        "Loi du 29 juillet 1881 (injure et diffamation publiques)",
    ),
    (
        CT + "L1121-1",
        "European Convention on Human Rights, art. 10",
        "Cass. soc., 16 Feb. 2022, no. 19-17.871",
        "Cass. soc., 29 June 2022, no. 20-16.060",
        CT + "L1235-3-1 (nullity)",
        CT + "L2281-1 and L2281-3",
        "Loi of 29 July 1881 (public insult and defamation)",
    ),
    "toujours",
    "always",
)

PRIVATE_LIFE = NoteText(
    "private_life",
    "Un motif tiré de la vie personnelle du salarié ne peut en principe fonder une sanction "
    "disciplinaire, sauf s’il constitue un manquement à une obligation issue du contrat de "
    "travail. L’audience compte : des propos tenus dans un groupe fermé de quelques membres "
    "choisis relèvent d’une conversation de nature privée et ne caractérisent pas une faute "
    "grave ; des propos accessibles à un cercle restreint de personnes choisies ne "
    "constituent pas une injure publique. La frontière entre privé et public est appréciée "
    "par le juge au cas par cas : la charte peut l’expliquer, non la fixer.",
    "A ground drawn from an employee’s personal life cannot, in principle, justify a "
    "disciplinary sanction, unless it breaches an obligation arising from the employment "
    "contract. The audience matters: remarks made in a closed group of a few chosen members "
    "are a private conversation and do not amount to serious misconduct; remarks open only "
    "to a restricted circle of chosen people are not a public insult. Where private ends "
    "and public begins is for the judge, case by case: the charter may explain it, not set it.",
    (
        "Code civil, art. 9",
        CT + "L1121-1",
        "Cass. soc., 12 sept. 2018, n° 16-11.690",
        "Cass. 1re civ., 10 avr. 2013, n° 11-19.530",
    ),
    (
        "Code civil, art. 9",
        CT + "L1121-1",
        "Cass. soc., 12 Sept. 2018, no. 16-11.690",
        "Cass. 1re civ., 10 Apr. 2013, no. 11-19.530",
    ),
    "toujours",
    "always",
)

EVIDENCE = NoteText(
    "evidence",
    "Une preuve tirée du compte privé d’un salarié peut être admise si sa production est "
    "indispensable à l’exercice du droit à la preuve et si l’atteinte à la vie privée est "
    "proportionnée au but poursuivi (Cass. soc., 30 sept. 2020 : publication d’un compte "
    "Facebook privé communiquée par une autre salariée). Depuis 2023, une preuve obtenue de "
    "manière déloyale n’est plus écartée d’office : le juge met en balance le droit à la "
    "preuve et les droits en présence (Ass. plén., 22 déc. 2023, à propos d’enregistrements "
    "clandestins). Aucune de ces décisions n’autorise l’employeur à rechercher des contenus "
    "dans les espaces privés de ses salariés : la charte ne doit pas le laisser entendre.",
    "Evidence taken from an employee’s private account may be admitted if producing it is "
    "indispensable to the right to evidence and the intrusion into private life is "
    "proportionate to the aim (Cass. soc., 30 Sept. 2020: a post from a private Facebook "
    "account passed on by another employee). Since 2023, evidence obtained unfairly is no "
    "longer excluded as a matter of course: the judge weighs the right to evidence against "
    "the rights at stake (Ass. plén., 22 Dec. 2023, on secret recordings). Neither decision "
    "allows an employer to search employees’ private spaces: the charter must not suggest it.",
    (
        "Cass. soc., 30 sept. 2020, n° 19-12.058",
        "Cass. ass. plén., 22 déc. 2023, n° 20-20.648",
        "Code civil, art. 9",
    ),
    (
        "Cass. soc., 30 Sept. 2020, no. 19-12.058",
        "Cass. ass. plén., 22 Dec. 2023, no. 20-20.648",
        "Code civil, art. 9",
    ),
    "une clause adoptée prévoit une veille ou des sanctions, ou statut « annexe au "
    "règlement intérieur »",
    "an adopted clause provides for monitoring or sanctions, or status “annex to the work rules”",
)

LOYALTY = NoteText(
    "loyalty",
    "Le contrat de travail s’exécute de bonne foi : l’obligation de loyauté peut fonder des "
    "règles sur la confidentialité ou sur la parole au nom de l’entreprise, mais elle ne "
    "supprime pas la liberté d’expression, et une critique qui n’est pas abusive ne la "
    "méconnaît pas. Une clause qui invoquerait la loyauté pour interdire toute critique "
    "publique de l’entreprise serait difficile à défendre.",
    "The employment contract is performed in good faith: the duty of loyalty may ground "
    "rules on confidentiality or on speaking for the company, but it does not remove freedom "
    "of expression, and criticism that is not abusive does not breach it. A clause invoking "
    "loyalty to forbid any public criticism of the company would be hard to defend.",
    *same(CT + "L1222-1", CT + "L1121-1"),
    "toujours",
    "always",
)

IMAGE_RIGHTS = NoteText(
    "image_rights",
    "Photos et vidéos : chacun a droit au respect de sa vie privée et de son image ; "
    "l’accord de la personne est requis pour diffuser une image qui permet de l’identifier, "
    "il vaut pour l’usage convenu et peut être retiré. Publiée sur un compte de l’entreprise, "
    "l’image est aussi une donnée personnelle : le consentement d’un salarié à son employeur "
    "est rarement libre au sens du RGPD, d’où l’intérêt d’un refus sans conséquence et d’un "
    "retrait simple.",
    "Photos and videos: everyone has a right to respect for their private life and their "
    "image; the person’s consent is needed to publish an image in which they can be "
    "identified, it covers the agreed use and may be withdrawn. Published on a company "
    "account, the image is also personal data: an employee’s consent to their employer is "
    "seldom free in the GDPR’s sense, hence a refusal without consequence and an easy "
    "withdrawal.",
    (
        "Code civil, art. 9",
        "RGPD, art. 6 et 7",
        "CEPD, lignes directrices 05/2020 sur le consentement",
    ),
    (
        "Code civil, art. 9",
        "GDPR, art. 6 and 7",
        "EDPB, Guidelines 05/2020 on consent",
    ),
    "une clause adoptée du thème « Droit à l’image et vie privée des collègues »",
    "an adopted clause of the theme “Image rights and colleagues’ privacy”",
)

INFLUENCE = NoteText(
    "influence",
    "Programme ambassadeurs : la loi n° 2023-451 encadre l’influence commerciale et impose "
    "d’afficher clairement le caractère commercial d’une publication (« publicité » ou "
    "« collaboration commerciale »). Que des salariés volontaires, non rémunérés par "
    "publication, relèvent de sa définition (personnes qui mobilisent leur notoriété « à "
    "titre onéreux ») est incertain et à vérifier. En tout état de cause, dissimuler "
    "l’intention commerciale d’un message ou laisser croire qu’un salarié s’exprime en simple "
    "consommateur peut constituer une pratique commerciale trompeuse : les ambassadeurs "
    "indiquent leur lien avec l’entreprise, et la participation reste volontaire.",
    "Ambassador programme: loi 2023-451 regulates commercial influence and requires the "
    "commercial nature of a post to be shown clearly (« publicité » or « collaboration "
    "commerciale »). Whether volunteer employees, not paid per post, fall within its "
    "definition (people who use their reputation « à titre onéreux », for consideration) is "
    "uncertain and to be checked. In any case, hiding a message’s commercial intent or "
    "letting it seem that an employee speaks as a mere consumer may be a misleading "
    "commercial practice: ambassadors disclose their link with the company, and taking part "
    "stays voluntary.",
    (
        "Loi n° 2023-451 du 9 juin 2023, art. 1er (définition) et 5 (mention)",
        "Code de la consommation, art. L121-1 et suivants (pratiques commerciales "
        "trompeuses, notamment L121-3 et L121-4)",
        CT + "L1121-1",
    ),
    (
        "Loi 2023-451 of 9 June 2023, art. 1 (definition) and 5 (disclosure)",
        "Code de la consommation, art. L121-1 ff. (misleading commercial practices, in "
        "particular L121-3 and L121-4)",
        CT + "L1121-1",
    ),
    "une clause adoptée du thème « Salariés ambassadeurs »",
    "an adopted clause of the theme “Employee advocacy”",
)
