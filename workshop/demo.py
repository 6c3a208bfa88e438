"""A realistic, deterministic demonstration workshop, built only through the operations.

A mutual insurer (a regulated sector) runs its one-day workshop: 16 participants in the
eight default colleges (names with accents and non-Latin scripts, two who did not consent
to be named, one who arrives late), a full diagnostic, opening and closing matrix
positions, a target, seventeen clauses decided with every method and capture mode
(amendments and re-votes, reservations, rejections, a postponement, a clause left open)
and an accompaniment plan. The clock is fixed, so two runs give the same file content.
"""

from __future__ import annotations

import os
import random
from datetime import datetime, timedelta, timezone

from workshop.clock import fixed_clock
from workshop.library import builtin_library
from workshop.operations import ballots, clauses, plan, positioning, setup
from workshop.session import Changes, Session

PARIS = timezone(timedelta(hours=1))
START = datetime(2026, 11, 26, 9, 0, tzinfo=PARIS)  # a Thursday before any export

# handle, name, function (fr, en), college index (1-based, default colleges), present, may be named
PEOPLE = (
    ("dg", "Hélène Marchand-Dubois", ("Directrice générale adjointe", "Deputy CEO"), 1, True, True),
    (
        "drh",
        "Łukasz Nguyễn-O’Brien",
        ("Directeur des ressources humaines", "HR director"),
        2,
        True,
        True,
    ),
    ("form", "Aïcha Benali", ("Responsable formation", "Head of training"), 2, True, True),
    ("cse", "François Lefèvre", ("Secrétaire du CSE", "CSE secretary"), 3, True, True),
    ("ds", "Zoé Kowalczyk", ("Déléguée syndicale", "Union delegate"), 3, True, False),
    ("elu", "يوسف الحداد", ("Élu du CSE", "Elected CSE member"), 3, True, True),
    (
        "dircom",
        "Chloé Martin",
        ("Directrice de la communication", "Communications director"),
        4,
        True,
        True,
    ),
    ("cm", "נועה כהן", ("Community manager", "Community manager"), 4, True, True),
    ("rssi", "Björn Åkesson", ("RSSI", "Chief information security officer"), 5, True, True),
    (
        "archi",
        "Παναγιώτης Ιωάννου",
        ("Architecte des outils collaboratifs", "Collaboration tools architect"),
        5,
        True,
        True,
    ),
    ("jur", "Sophie Gauthier", ("Juriste en droit social", "Employment lawyer"), 6, True, True),
    (
        "mgr1",
        "Jean-Noël Éluard",
        ("Directeur commercial régional", "Regional sales director"),
        7,
        True,
        True,
    ),
    ("mgr2", "Inès Ferreira", ("Responsable d’agence", "Branch manager"), 7, False, True),
    ("sal1", "Noé Petit", ("Conseiller clientèle", "Customer adviser"), 8, True, True),
    ("sal2", "Olga Смирнова", ("Gestionnaire sinistres", "Claims handler"), 8, True, False),
    ("sal3", "Maël O’Connor", ("Chargé de prévention", "Prevention officer"), 8, True, True),
)

# Opening stance of each college on the matrix (support, control).
STANCES = {1: (4.0, 7.0), 2: (6.0, 6.0), 3: (7.0, 2.5), 4: (8.0, 4.0), 5: (4.0, 8.0),
           6: (3.0, 8.5), 7: (5.0, 6.0), 8: (7.0, 3.0)}  # fmt: skip

TARGET = (7.5, 4.5)

DIAGNOSTIC = {  # criterion: (score, French note, English note)
    "sector": (
        4,
        "Assurance : communication commerciale encadrée (ACPR), données de santé.",
        "Insurance: regulated commercial communication (ACPR), health data.",
    ),
    "speech_history": (
        3,
        "Un bad buzz en 2024 : vidéo d’agence tournée sans autorisation.",
        "A social media storm in 2024: a branch video filmed without permission.",
    ),
    "size": (4, "1 800 salariés, 60 agences.", "1,800 employees, 60 branches."),
    "social_media_knowledge": (
        2,
        "Usages surtout personnels ; confusion public/privé.",
        "Mostly personal use; public and private often confused.",
    ),
    "digital_tools_adoption": (
        3,
        "Messagerie instantanée adoptée, réseau social interne peu animé.",
        "Instant messaging adopted, internal social network little used.",
    ),
    "it_access_policy": (
        3,
        "Accès ouvert au siège, filtré en agence.",
        "Open access at head office, filtered in branches.",
    ),
    "accompaniment_culture": (
        3,
        "Bonne culture de formation métier, rien sur le numérique.",
        "Good culture of job training, nothing on digital practices.",
    ),
    "social_media_maturity": (
        2,
        "Comptes institutionnels actifs, aucune parole salariée organisée.",
        "Active corporate accounts, no organised employee voice.",
    ),
    "speaking_up_culture": (
        3,
        "Baromètre social annuel ; critiques peu relayées.",
        "Annual staff survey; criticism seldom passed on.",
    ),
    "employee_maturity": (3, "Hétérogène selon les métiers.", "Uneven from one job to another."),
    "union_relations": (
        2,
        "Dialogue social régulier, accord télétravail signé en 2025.",
        "Regular social dialogue, remote-work agreement signed in 2025.",
    ),
    "communication_strategy": (
        3,
        "Plan stratégique présenté, peu décliné en agence.",
        "Strategic plan presented, little passed on in branches.",
    ),
    "social_media_strategy": (
        2,
        "Pas de stratégie d’employee advocacy.",
        "No employee advocacy strategy.",
    ),
}

# (title, audience, owner) in French and English, kind, due date
ACTIONS = (
    (("Module e-learning « Parler de son métier en ligne »", "Tous les salariés", "RH — formation"),
     ("E-learning module “Talking about your job online”", "All employees", "HR — training"),
     "elearning", "2027-02-15"),
    (("Atelier pratique pour les managers : exemplarité et réseaux professionnels", "Managers", "RH — formation"),
     ("Hands-on workshop for managers: setting the example on professional networks", "Managers", "HR — training"),
     "training", "2027-03-01"),
    (("Guide illustré et FAQ de la charte sur l’intranet", "Tous les salariés", "Communication"),
     ("Illustrated guide and FAQ of the charter on the intranet", "All employees", "Communications"),
     "guide", "2027-01-31"),
    (("Programme d’ambassadeurs volontaires (20 personnes, contenus fournis)", "Volontaires", "Communication"),
     ("Volunteer ambassador programme (20 people, content provided)", "Volunteers", "Communications"),
     "ambassadors", "2027-04-01"),
    (("Référents médias sociaux dans chaque région", "Réseau d’agences", "Direction commerciale"),
     ("Social media referents in every region", "Branch network", "Sales management"),
     "referent", "2027-03-15"),
    (("Déploiement du réseau social interne en agence", "Agences", "DSI"),
     ("Roll-out of the internal social network in branches", "Branches", "IT"),
     "tool_adoption", "2027-05-01"),
    (("Présentation de la stratégie de marque employeur en convention annuelle", "Décideurs et managers", "Direction"),
     ("Presenting the employer-brand strategy at the annual convention", "Decision-makers and managers", "Executive management"),
     "strategy_communication", "2027-01-20"),
)  # fmt: skip


def _created(changes: Changes) -> int:
    """The id of the row an operation created (``Changes.value`` is typed loosely)."""
    if not isinstance(changes.value, int):
        raise TypeError(f"the operation created no row: {changes.value!r}")
    return changes.value


def _merged(text: str, old: str, new: str) -> str:
    """An amendment worked into the clause's wording, as a room writes one (not a sentence
    tacked on); fails loudly if the library's wording changed under the demo."""
    if text.count(old) != 1:
        raise ValueError(f"the demo's amendment no longer fits the library text: {old!r}")
    return text.replace(old, new)


def _open(session: Session, clause_id: int, **settings: str | int) -> int:
    return _created(ballots.open_ballot(session, clause_id, None, **settings))


def _by_name(session: Session, ballot_id: int, who: dict[str, int], choices: dict[str, str],
             default: str, remarks: dict[str, str] | None = None) -> None:  # fmt: skip
    """Everyone on the voter list votes ``default`` except those listed ("": stays silent)."""
    remarks = remarks or {}
    voters = [pid for pid, _ in ballots.who_voted(session.conn, ballot_id)]
    handles = {pid: h for h, pid in who.items()}
    for pid in voters:
        handle = handles[pid]
        if choices.get(handle) == "":
            continue
        ballots.cast_vote(
            session, ballot_id, pid, choices.get(handle, default), remarks.get(handle)
        )


def _secret(session: Session, ballot_id: int, who: dict[str, int], choices: dict[str, str],
            default: str, remarks: dict[str, str] | None = None) -> None:  # fmt: skip
    remarks = remarks or {}
    handles = {pid: h for h, pid in who.items()}
    for pid, _ in ballots.who_voted(session.conn, ballot_id):
        handle = handles[pid]
        ballots.cast_secret(
            session, ballot_id, pid, choices.get(handle, default), remarks.get(handle)
        )


def _counts(session: Session, ballot_id: int, per_college: dict[int, dict[str, int]]) -> None:
    for college, numbers in per_college.items():
        ballots.set_counts(session, ballot_id, college, numbers)


#: The clauses reviewed, in order; the comments in ``build`` say how each is decided.
CLAUSES = (
    "scope-platforms",
    "principles-purpose",
    "personal-use-access",
    "speaking-identity",
    "spokespeople-official",
    "confidentiality-information",
    "respect-people",
    "ip-brand",
    "image-consent",
    "pro-networks-profile",
    "advocacy-programme",
    "crisis-response",
    "monitoring-scope",
    "whistleblowing-alert",
    "training-programme",
    "sanctions-status",
    "ai-use",
)


def build(path: str | os.PathLike, lang: str = "fr") -> Session:
    """Create the demonstration workshop at ``path`` and return it open."""
    fr = lang == "fr"
    library = builtin_library(lang)
    rng = random.Random(2011)
    # 15 s per recorded action: with the skips below each step takes about its planned time.
    with fixed_clock(START, step=timedelta(seconds=15)) as skip:
        session = setup.create(
            path,
            "Charte des médias sociaux — atelier de co-construction"
            if fr
            else "Social media charter — co-design workshop",
            "Mutuelle Hélios",
            lang,
        )
        setup.update_workshop(
            session,
            sector="Assurance et mutuelle" if fr else "Insurance (mutual)",
            size_band="250-4999",
            date="2026-11-26",
            start_time="09:00",
            place="Lyon, salle Confluence" if fr else "Lyon, Confluence room",
            facilitator="Camille Rousseau",
            charter_status="annex_ri",
        )
        college_ids = [
            c[0] for c in session.conn.execute("SELECT id FROM colleges ORDER BY position")
        ]
        who: dict[str, int] = {}
        for handle, name, function, college, present, named in PEOPLE:
            changes = setup.add_participant(
                session,
                name,
                college_ids[college - 1],
                function[0] if fr else function[1],
                present=present,
                may_be_named=named,
            )
            who[handle] = _created(changes)

        # Diagnostic
        setup.go_to_step(session, "setup")
        skip(timedelta(minutes=15))
        setup.go_to_step(session, "diagnostic")
        for key, (score, note_fr, note_en) in DIAGNOSTIC.items():
            positioning.set_score(session, key, score)
            positioning.set_note(session, key, note_fr if fr else note_en)
        skip(timedelta(minutes=30))

        # Matrix: opening stances, closing positions drawn toward the target
        setup.go_to_step(session, "matrix")
        for handle, _, _, college, present, _ in PEOPLE:
            if not present:
                continue
            s, c = STANCES[college]
            s0 = min(10, max(0, s + rng.uniform(-1.2, 1.2)))
            c0 = min(10, max(0, c + rng.uniform(-1.2, 1.2)))
            positioning.place(session, who[handle], "opening", s0, c0)
        positioning.set_target(session, *TARGET)
        skip(timedelta(minutes=25))

        # Clauses
        setup.go_to_step(session, "clauses")
        ids = [_created(clauses.add_clause(session, library, key)) for key in CLAUSES]
        col = {i + 1: cid for i, cid in enumerate(college_ids)}
        # 1 simple majority by name: adopted
        b = _open(session, ids[0], method="simple", capture="nominative")
        _by_name(session, b, who, {"jur": "abstain", "rssi": "against"}, "for")
        ballots.close_ballot(session, b)
        # 2 consent by name: adopted with a reservation
        b = _open(session, ids[1], method="consent", capture="nominative")
        _by_name(session, b, who, {"jur": "reservation"}, "consent",
                 {"jur": "Dire quelles règles deviennent obligatoires par l’annexe au règlement intérieur."
                  if fr else "Say which rules become binding through the work-rules annex."})  # fmt: skip
        ballots.close_ballot(session, b)
        # 3 two-thirds by raised cards: adopted
        b = _open(session, ids[2], method="two_thirds", capture="counts")
        _counts(session, b, {col[1]: {"for": 1}, col[2]: {"for": 2}, col[3]: {"for": 2, "against": 1},
                             col[4]: {"for": 2}, col[5]: {"against": 1, "abstain": 1},
                             col[6]: {"for": 1}, col[7]: {"for": 1}, col[8]: {"for": 3}})  # fmt: skip
        ballots.close_ballot(session, b)
        # 4 simple by name: rejected, amended, adopted in round 2
        b = _open(session, ids[3], method="simple", capture="nominative")
        _by_name(session, b, who, {"dg": "for", "jur": "for", "rssi": "for", "mgr1": "for",
                                   "drh": "abstain"}, "against")  # fmt: skip
        ballots.close_ballot(session, b)
        text = session.conn.execute("SELECT text FROM clauses WHERE id = ?", (ids[3],)).fetchone()[
            0
        ]
        clauses.amend(
            session,
            ids[3],
            _merged(
                text,
                "sans être obligatoire." if fr else "but it is not compulsory.",
                "sans être obligatoire : chacun reste libre de ne pas mentionner son employeur."
                if fr
                else "but it is not compulsory: everyone remains free not to name their employer.",
            ),
            college_id=col[3],
            reason="Ne pas imposer la mention de l’employeur."
            if fr
            else "Do not force people to name their employer.",
        )
        b = _open(session, ids[3], method="simple", capture="nominative")
        _by_name(session, b, who, {"ds": "abstain"}, "for")
        ballots.close_ballot(session, b)
        # 5 absolute majority of those present, by name: adopted
        b = _open(session, ids[4], method="absolute", capture="nominative")
        _by_name(session, b, who, {"cse": "against", "ds": "against", "sal2": "abstain"}, "for")
        ballots.close_ballot(session, b)
        # 6 unanimity by cards: rejected; amended; consent by name: adopted with reservations
        b = _open(session, ids[5], method="unanimity", capture="counts")
        _counts(session, b, {col[1]: {"for": 1}, col[2]: {"for": 2}, col[3]: {"for": 2, "against": 1},
                             col[4]: {"for": 2}, col[5]: {"for": 2}, col[6]: {"for": 1},
                             col[7]: {"for": 1}, col[8]: {"for": 3}})  # fmt: skip
        ballots.close_ballot(session, b)
        text = session.conn.execute("SELECT text FROM clauses WHERE id = ?", (ids[5],)).fetchone()[
            0
        ]
        clauses.amend(
            session,
            ids[5],
            _merged(
                text,
                "présente des exemples concrets par métier."
                if fr
                else "gives concrete examples for each line of work.",
                "présente des exemples concrets par métier, revus chaque année avec les "
                "représentants du personnel."
                if fr
                else "gives concrete examples for each line of work, reviewed every year with "
                "the staff representatives.",
            ),
            college_id=col[2],
            reason="Rendre la règle compréhensible." if fr else "Make the rule understandable.",
        )
        b = _open(session, ids[5], method="consent", capture="nominative")
        _by_name(session, b, who, {"cse": "reservation"}, "consent",
                 {"cse": "Le guide devra être présenté au CSE." if fr
                  else "The guide must be presented to the CSE."})  # fmt: skip
        ballots.close_ballot(session, b)

        # Lunch; the late manager arrives.
        skip(timedelta(minutes=60))
        setup.set_present(session, who["mgr2"], True)

        # 7 secret ballot, simple majority: adopted
        b = _open(session, ids[6], method="simple", capture="secret")
        _secret(session, b, who, {"rssi": "abstain", "jur": "against"}, "for")
        ballots.close_ballot(session, b)
        # 8 consent by name: an objection → postponed
        b = _open(session, ids[7], method="consent", capture="nominative")
        _by_name(session, b, who, {"dircom": "objection", "cm": "reservation"}, "consent",
                 {"dircom": "Le kit de marque n’existe pas encore : impossible d’y renvoyer." if fr
                  else "The brand kit does not exist yet: the clause cannot refer to it.",
                  "cm": "Prévoir des exemples de visuels autorisés." if fr
                  else "Give examples of allowed visuals."})  # fmt: skip
        ballots.close_ballot(session, b)
        clauses.set_clause_note(
            session,
            ids[7],
            "À reprendre quand le kit de marque sera publié (T1 2027)."
            if fr
            else "To resume once the brand kit is published (Q1 2027).",
        )
        # 9 two-thirds, secret: adopted
        b = _open(session, ids[8], method="two_thirds", capture="secret")
        _secret(session, b, who, {"mgr1": "against", "dg": "against", "sal3": "abstain"}, "for")
        ballots.close_ballot(session, b)
        # 10 simple by cards: rejected
        b = _open(session, ids[9], method="simple", capture="counts")
        _counts(session, b, {col[1]: {"for": 1}, col[2]: {"against": 2}, col[3]: {"against": 3},
                             col[4]: {"for": 2}, col[5]: {"abstain": 2}, col[6]: {"for": 1},
                             col[7]: {"against": 2}, col[8]: {"against": 3}})  # fmt: skip
        ballots.close_ballot(session, b)
        clauses.set_clause_note(
            session,
            ids[9],
            "Rejetée : la mention obligatoire du poste paraît intrusive."
            if fr
            else "Rejected: a compulsory job title seemed intrusive.",
        )
        # 11 simple by name with a majority in every college: adopted, reservation after
        b = _open(session, ids[10], method="simple", capture="nominative", double_majority=0)
        _by_name(session, b, who, {"ds": "against", "sal2": "abstain"}, "for")
        ballots.close_ballot(session, b)
        ballots.add_remark(
            session,
            b,
            "reservation",
            "Le volontariat doit être réel : aucun objectif chiffré par salarié."
            if fr
            else "Volunteering must be real: no individual targets.",
            college_id=col[3],
        )
        # 12 absolute by cards: adopted
        b = _open(session, ids[11], method="absolute", capture="counts")
        _counts(session, b, {col[1]: {"for": 1}, col[2]: {"for": 2}, col[3]: {"for": 3},
                             col[4]: {"for": 2}, col[5]: {"for": 1, "abstain": 1}, col[6]: {"for": 1},
                             col[7]: {"for": 2}, col[8]: {"for": 2, "against": 1}})  # fmt: skip
        ballots.close_ballot(session, b)
        # 13 absolute with a majority in every college, by name: fails in one college;
        # amended, then adopted
        b = _open(session, ids[12], method="absolute", capture="nominative", double_majority=0)
        _by_name(session, b, who, {"cse": "against", "ds": "against", "elu": "abstain"}, "for")
        ballots.close_ballot(session, b)
        text = session.conn.execute("SELECT text FROM clauses WHERE id = ?", (ids[12],)).fetchone()[
            0
        ]
        clauses.amend(
            session,
            ids[12],
            _merged(
                text,
                "ont été présentés au CSE et sont décrits sur l’intranet."
                if fr
                else "were presented to the works council (CSE) and are described on the intranet.",
                "sont présentés au CSE avant la mise en service et décrits sur l’intranet ; "
                "les représentants du personnel sont associés à leur bilan annuel."
                if fr
                else "are presented to the works council (CSE) before the tool is used and "
                "described on the intranet; staff representatives take part in its yearly "
                "review.",
            ),
            college_id=col[3],
            reason="Associer le CSE." if fr else "Involve the CSE.",
        )
        b = _open(session, ids[12], method="absolute", capture="nominative", double_majority=0)
        _by_name(session, b, who, {"ds": "abstain"}, "for")
        ballots.close_ballot(session, b)
        # 14 unanimity by name: adopted
        b = _open(session, ids[13], method="unanimity", capture="nominative")
        _by_name(session, b, who, {}, "for")
        ballots.close_ballot(session, b)
        # 15 consent, secret: adopted with a reservation
        b = _open(session, ids[14], method="consent", capture="secret")
        _secret(session, b, who, {"sal1": "reservation"}, "consent",
                {"sal1": "Prévoir le temps de formation sur le temps de travail." if fr
                 else "Training must happen during working time."})  # fmt: skip
        ballots.close_ballot(session, b)
        # 16 two-thirds with a quorum of 14 taking part: 4 stay silent, postponed
        b = _open(session, ids[15], method="two_thirds", capture="nominative", quorum=14)
        _by_name(session, b, who, dict.fromkeys(list(who)[:4], ""), "for")
        skip(timedelta(seconds=80))  # the four silent ones took as long as four votes
        ballots.close_ballot(session, b)
        clauses.set_clause_note(
            session,
            ids[15],
            "Quorum non atteint : à revoir en séance plénière."
            if fr
            else "Quorum not reached: to be reviewed in a plenary session.",
        )
        # 17 left open for the next session (no vote)

        # Closing positions on the matrix
        setup.go_to_step(session, "matrix")
        for handle, _, _, college, _, _ in PEOPLE:
            s, c = STANCES[college]
            s1 = s + 0.6 * (TARGET[0] - s) + rng.uniform(-0.6, 0.6)
            c1 = c + 0.6 * (TARGET[1] - c) + rng.uniform(-0.6, 0.6)
            positioning.place(
                session, who[handle], "closing", min(10, max(0, s1)), min(10, max(0, c1))
            )

        # Accompaniment plan
        setup.go_to_step(session, "plan")
        for fr_fields, en_fields, kind, due in ACTIONS:
            title, audience, owner = fr_fields if fr else en_fields
            plan.add_action(session, title, kind, audience=audience, owner=owner, due_date=due)
        skip(timedelta(minutes=30))
        setup.go_to_step(session, "wrapup")
        skip(timedelta(minutes=20))
        setup.end_workshop(session)
    return session
