"""The charter's own words in French and English, and the principles for each quadrant."""

from __future__ import annotations

import re

from workshop.matrix import Quadrant


def nbsp(text: str) -> str:
    """French typography for our own texts: no-break spaces before : ; ! ? and inside « »."""
    text = re.sub(r" ([:;!?])", "\u00a0\\1", text)
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")


_FR: dict[str, str] = {
    "title": "Charte d’utilisation des médias sociaux — projet",
    "version_dated": "Version {version} — projet issu de l’atelier du {date}",
    "version": "Version {version} — projet issu de l’atelier",
    "issued": "Document établi le {date}",
    "status_line": "Document de travail — pour revue juridique",
    "intended": "Statut envisagé de la charte : {status}.",
    "workshop_line": "Atelier « {title} »",
    "facilitated": "Animation : {name}",
    "preamble": "Préambule",
    "purpose_1": "Les médias sociaux font partie de la vie professionnelle : chacun peut y "
    "parler de son métier, de ses collègues et de {org}. Cette charte a été écrite ensemble, "
    "clause par clause, {when}{who}.",
    "when_dated": "lors de l’atelier du {date}",
    "when": "en atelier",
    "who": ", par {n} participants issus des collèges suivants : {colleges}",
    "purpose_2": "Son objet est d’accompagner plutôt que de contrôler. Chaque service et chaque "
    "salarié est une voix légitime de l’entreprise : la charte donne à chacun des repères "
    "pour s’exprimer en confiance, rappelle les règles que la loi impose déjà et indique où "
    "trouver de l’aide.",
    "purpose_3": "Elle ne restreint les droits et libertés des salariés que lorsque la nature "
    "de la tâche le justifie et dans la mesure où la restriction est proportionnée au but "
    "recherché (Code du travail, art.\u00a0L1121-1). Elle ne limite ni le droit d’expression "
    "directe et collective des salariés sur leur travail, ni le droit de signaler une alerte.",
    "position": "Positionnement de la charte",
    "axes": "Sur la matrice accompagnement/contrôle, graduée de 0 à 10 sur chaque axe, ",
    "target": "les participants ont fixé comme cible un accompagnement de {s} et un contrôle "
    "de {c}, soit le quadrant « {name} ».",
    "no_target": "aucune cible n’a été fixée ; les clauses adoptées placent la charte à un "
    "accompagnement de {s} et un contrôle de {c}, soit le quadrant « {name} ».",
    "adopted_same": "Les clauses adoptées placent la charte à {s} en accompagnement et {c} en "
    "contrôle, dans le même quadrant.",
    "adopted_other": "Les clauses adoptées placent la charte à {s} en accompagnement et {c} en "
    "contrôle, dans le quadrant « {name} » : l’écart avec la cible est à examiner.",
    "no_position": "La position de la charte sur la matrice accompagnement/contrôle n’a pas été "
    "déterminée en atelier.",
    "principles": "Principes",
    "principles_intro": "Cette position se traduit par les principes suivants :",
    "plan_sentence": "La charte est indissociable de son plan d’accompagnement ({annex}) : "
    "{n} actions de formation, d’information et d’outillage pour que chacun se l’approprie.",
    "plan_sentence_1": "La charte est indissociable de son plan d’accompagnement ({annex}), "
    "pour que chacun se l’approprie.",
    "plan_missing": "La charte doit s’accompagner d’un plan d’accompagnement ({annex}), qui "
    "reste à définir.",
    "articles": "Articles",
    "no_article": "Aucune clause n’a encore été adoptée.",
    "article": "Article {n} — ",
    "justification": "Justification de la restriction : ",
    "reservation": "Réserve : {text}",
    "workshop_author": "Atelier",
    "reference": "(réf. {ref})",
    "contents": "Sommaire",
    "author": "Atelier — {college}",
    "provenance_author": "Atelier — provenance",
    "library_author": "Atelier — bibliothèque",
    "provenance_head": "Provenance de l’article (réf. {ref})",
    "provenance_library": "Bibliothèque : clause « {key} », variante « {variant} » ({label}, "
    "{lean}), version du texte {version}.",
    "provenance_bases": "Fondements cités : {bases}.",
    "provenance_no_basis": "Fondements cités : aucun dans la bibliothèque.",
    "provenance_unamended": "Texte de la bibliothèque, sans amendement.",
    "provenance_amendment": "Amendement proposé par {who}, le {date} à {time}{reason}.",
    "provenance_reason": " ; motif : « {text} »",
    "provenance_vote": "Adoptée au tour {round}, vote clos le {date} à {time} ({rules}) : {result}",
    "provenance_tracked": "Les amendements figurent en modifications suivies, au nom du "
    "collège qui les a proposés.",
    "provenance_clean": "Le texte adopté est reproduit tel quel (sans modifications suivies).",
    "timetable": "Étapes à venir (à compléter) :",
    "step_cse": "Avis du CSE : ",
    "step_inspection": "Communication à l’inspection du travail, avec l’avis du CSE : ",
    "step_greffe": "Dépôt au greffe du conseil de prud’hommes : ",
    "step_force": "Entrée en vigueur, au moins un mois après les formalités de dépôt et de "
    "publicité (art.\u00a0L1321-4) : ",
    "step_cse_guide": "Information ou consultation du CSE, si la charte met en place un "
    "dispositif de contrôle (art.\u00a0L2312-38) : ",
    "ph_cse": "[date de l’avis du CSE]",
    "ph_inspection": "[date de communication à l’inspection du travail]",
    "ph_greffe": "[date de dépôt au greffe]",
    "ph_force": "[date d’entrée en vigueur]",
    "identifier": "Identifiant d’export : {id}",
    "footer_id": "Document de travail · {code} — page ",
    "annex_plan": "Annexe 1 — Plan d’accompagnement",
    "plan_intro": "Actions décidées en atelier pour accompagner la mise en œuvre de la charte.",
    "plan_empty": "Aucune action n’a encore été décidée.",
    "annex_open": "Annexe 2 — Points ouverts",
    "open_intro": "Clauses examinées en atelier mais qui ne figurent pas dans le projet : "
    "rejetées, reportées ou pas encore décidées. Elles restent à trancher.",
    "open_empty": "Aucun point ouvert : toutes les clauses examinées ont été adoptées.",
    "theme_status": "Thème : {theme} — statut : {status}",
    "undecided": "non décidée",
    "reasons": "Motif :",
    "objection": "Objection ({who}) : {text}",
    "objection_anon": "Objection : {text}",
    "note": "Note : {text}",
    "never_voted": "Non soumise au vote.",
    "voting": "Vote en cours au moment de l’export.",
    "no_reason": "Aucun motif consigné.",
    "last_wording": "Dernière rédaction examinée :",
    "annex_people": "Annexe 3 — Participants à l’atelier",
    "people_intro": "Personnes ayant pris part à la rédaction, par collège.",
    "people_intro_anon": "Personnes ayant pris part à la rédaction, désignées par pseudonyme.",
    "people_empty": "Aucun participant enregistré.",
    "legal": "Points de vigilance juridique",
    "legal_intro": "À l’attention des juristes : cette section accompagne le projet et n’a pas "
    "vocation à figurer dans la charte définitive.",
    "basis": "Fondement : ",
    "concerned": "Clauses concernées : ",
    "header": "{title} · version {version}",
    "footer": "Document de travail — page ",
    "of": " / ",
    "keywords": "charte; médias sociaux; réseaux sociaux; projet; {org}",
    "subject": "Projet de charte issu de l’atelier « {title} »",
    "category": "Charte",
    "content_status": "Projet",
}


_EN: dict[str, str] = {
    "title": "Social media charter — draft",
    "version_dated": "Version {version} — draft from the workshop of {date}",
    "version": "Version {version} — draft from the workshop",
    "issued": "Issued on {date}",
    "status_line": "Working document — for legal review",
    "intended": "Intended status of the charter: {status}.",
    "workshop_line": "Workshop “{title}”",
    "facilitated": "Facilitated by {name}",
    "preamble": "Preamble",
    "purpose_1": "Social media are part of working life: anyone may talk there about their "
    "job, their colleagues and {org}. This charter was written together, clause by clause, "
    "{when}{who}.",
    "when_dated": "at the workshop of {date}",
    "when": "in a workshop",
    "who": ", by {n} participants from the following groups: {colleges}",
    "purpose_2": "Its purpose is to accompany rather than to control. Every department and "
    "every employee is a legitimate voice of the company: the charter gives everyone "
    "landmarks to speak with confidence, recalls the rules the law already sets and says "
    "where to find help.",
    "purpose_3": "It restricts employees’ rights and freedoms only where the nature of the "
    "task justifies it and as far as the restriction is proportionate to its aim (Code du "
    "travail, art.\u00a0L1121-1). It limits neither employees’ right to direct and collective "
    "expression about their work nor the right to blow the whistle.",
    "position": "Where the charter stands",
    "axes": "On the support/control matrix, graded from 0 to 10 on each axis, ",
    "target": "the participants set as their target a support of {s} and a control of {c}, "
    "in the “{name}” quadrant.",
    "no_target": "no target was set; the adopted clauses place the charter at a support of {s} "
    "and a control of {c}, in the “{name}” quadrant.",
    "adopted_same": "The adopted clauses place the charter at {s} in support and {c} in "
    "control, in the same quadrant.",
    "adopted_other": "The adopted clauses place the charter at {s} in support and {c} in "
    "control, in the “{name}” quadrant: the gap with the target needs a look.",
    "no_position": "The charter’s position on the support/control matrix was not set in the "
    "workshop.",
    "principles": "Guiding principles",
    "principles_intro": "This position translates into the following principles:",
    "plan_sentence": "The charter comes with its accompaniment plan ({annex}): {n} training, "
    "information and equipment actions so that everyone can make it their own.",
    "plan_sentence_1": "The charter comes with its accompaniment plan ({annex}), so that "
    "everyone can make it their own.",
    "plan_missing": "The charter must come with an accompaniment plan ({annex}), which is yet "
    "to be defined.",
    "articles": "Articles",
    "no_article": "No clause has been adopted yet.",
    "article": "Article {n} — ",
    "justification": "Why this restriction: ",
    "reservation": "Reservation: {text}",
    "workshop_author": "Workshop",
    "reference": "(ref. {ref})",
    "contents": "Contents",
    "author": "Workshop — {college}",
    "provenance_author": "Workshop — provenance",
    "library_author": "Workshop — library",
    "provenance_head": "Where this article comes from (ref. {ref})",
    "provenance_library": "Library: clause “{key}”, variant “{variant}” ({label}, {lean}), "
    "text version {version}.",
    "provenance_bases": "Bases cited: {bases}.",
    "provenance_no_basis": "Bases cited: none in the library.",
    "provenance_unamended": "Library text, not amended.",
    "provenance_amendment": "Amendment proposed by {who}, on {date} at {time}{reason}.",
    "provenance_reason": "; reason: “{text}”",
    "provenance_vote": "Adopted in round {round}, vote closed on {date} at {time} ({rules}): "
    "{result}",
    "provenance_tracked": "The amendments are shown as tracked changes, in the name of the "
    "group that proposed them.",
    "provenance_clean": "The adopted text is given as it is (no tracked changes).",
    "timetable": "Steps to come (to fill in):",
    "step_cse": "CSE’s opinion: ",
    "step_inspection": "Sent to the labour inspector, with the CSE’s opinion: ",
    "step_greffe": "Filed with the conseil de prud’hommes: ",
    "step_force": "Entry into force, at least one month after filing and publicity "
    "(art.\u00a0L1321-4): ",
    "step_cse_guide": "CSE informed or consulted, if the charter sets up any monitoring "
    "(art.\u00a0L2312-38): ",
    "ph_cse": "[date of the CSE’s opinion]",
    "ph_inspection": "[date sent to the labour inspector]",
    "ph_greffe": "[date of filing with the court clerk]",
    "ph_force": "[date of entry into force]",
    "identifier": "Export identifier: {id}",
    "footer_id": "Working document · {code} — page ",
    "annex_plan": "Annex 1 — Accompaniment plan",
    "plan_intro": "Actions decided in the workshop to accompany the charter’s roll-out.",
    "plan_empty": "No action has been decided yet.",
    "annex_open": "Annex 2 — Open points",
    "open_intro": "Clauses reviewed in the workshop that are not in the draft: rejected, "
    "postponed or not yet decided. They remain to be settled.",
    "open_empty": "No open point: every clause reviewed was adopted.",
    "theme_status": "Theme: {theme} — status: {status}",
    "undecided": "undecided",
    "reasons": "Reason:",
    "objection": "Objection ({who}): {text}",
    "objection_anon": "Objection: {text}",
    "note": "Note: {text}",
    "never_voted": "Not put to the vote.",
    "voting": "Vote in progress at the time of export.",
    "no_reason": "No reason recorded.",
    "last_wording": "Last wording reviewed:",
    "annex_people": "Annex 3 — Workshop participants",
    "people_intro": "People who took part in the drafting, by group.",
    "people_intro_anon": "People who took part in the drafting, by pseudonym.",
    "people_empty": "No participant registered.",
    "legal": "Legal points to check",
    "legal_intro": "For the lawyers: this section comes with the draft and is not meant to "
    "appear in the final charter.",
    "basis": "Basis: ",
    "concerned": "Clauses concerned: ",
    "header": "{title} · version {version}",
    "footer": "Working document — page ",
    "of": " / ",
    "keywords": "charter; social media; draft; {org}",
    "subject": "Draft charter from the workshop “{title}”",
    "category": "Charter",
    "content_status": "Draft",
}


TEXTS: dict[str, dict[str, str]] = {
    "fr": {k: nbsp(v) for k, v in _FR.items()},
    "en": _EN,
}

# Table header rows, apart from the sentences so that each mapping has one type.
_FR_COLUMNS: dict[str, tuple[str, ...]] = {
    "plan_cols": ("Action", "Type", "Public", "Pilote", "Échéance"),
    "people_cols": ("Nom", "Fonction", "Collège"),
    "people_cols_anon": ("Pseudonyme", "Collège"),
}
_EN_COLUMNS: dict[str, tuple[str, ...]] = {
    "plan_cols": ("Action", "Kind", "Audience", "Owner", "Due"),
    "people_cols": ("Name", "Function", "Group"),
    "people_cols_anon": ("Pseudonym", "Group"),
}
COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {k: tuple(map(nbsp, v)) for k, v in _FR_COLUMNS.items()},
    "en": _EN_COLUMNS,
}


PRINCIPLES: dict[Quadrant, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Quadrant.TRUST: (
        (
            "Chaque salarié est libre de parler de son métier et de l’entreprise ; la charte "
            "l’y aide plutôt qu’elle ne l’encadre.",
            "Les règles sont peu nombreuses et s’en tiennent à ce que la loi et le respect des "
            "personnes imposent.",
            "L’entreprise forme, outille et soutient ceux qui prennent la parole, à commencer "
            "par les volontaires.",
            "En cas de doute ou de maladresse, chacun sait vers qui se tourner, sans crainte "
            "d’être sanctionné pour une erreur de bonne foi.",
        ),
        (
            "Every employee is free to talk about their job and the company; the charter helps "
            "them do so rather than fencing them in.",
            "Rules are few and keep to what the law and respect for people require.",
            "The company trains, equips and backs those who speak up, volunteers first.",
            "In doubt or after a blunder, everyone knows whom to turn to, without fear of a "
            "sanction for an honest mistake.",
        ),
    ),
    Quadrant.FRAMED: (
        (
            "Des règles claires, chacune justifiée par un but précis et proportionnée à ce but.",
            "Chaque règle s’accompagne d’une formation, d’exemples et d’un interlocuteur "
            "identifié.",
            "Les dispositifs de contrôle sont connus de tous avant leur mise en œuvre, et le CSE "
            "est consulté.",
            "La charte est revue chaque année avec les représentants du personnel.",
        ),
        (
            "Clear rules, each justified by a precise aim and proportionate to it.",
            "Every rule comes with training, examples and a named contact.",
            "Monitoring devices are made known to everyone before they are used, and the CSE "
            "is consulted.",
            "The charter is reviewed every year with the staff representatives.",
        ),
    ),
    Quadrant.LOCKDOWN: (
        (
            "La protection de l’entreprise prime : la parole en son nom est réservée à des "
            "personnes désignées.",
            "Chaque interdiction est justifiée, proportionnée et portée à la connaissance de "
            "tous avant de s’appliquer.",
            "Des règles sans accompagnement restent lettre morte : une information claire et "
            "un interlocuteur sont prévus au minimum.",
        ),
        (
            "Protecting the company comes first: speaking in its name is kept to designated "
            "people.",
            "Every ban is justified, proportionate and made known to all before it applies.",
            "Rules without accompaniment stay a dead letter: clear information and a contact "
            "person are the minimum.",
        ),
    ),
    Quadrant.LAISSEZ_FAIRE: (
        (
            "La charte s’en tient au droit commun : liberté d’expression, respect des "
            "personnes, confidentialité.",
            "Chacun reste responsable de ce qu’il publie, sans procédure ni validation préalable.",
            "Les questions se traitent au cas par cas avec la communication ou les ressources "
            "humaines.",
        ),
        (
            "The charter keeps to the general law: freedom of expression, respect for people, "
            "confidentiality.",
            "Everyone remains responsible for what they post, with no procedure or prior approval.",
            "Questions are handled case by case with communications or HR.",
        ),
    ),
}
