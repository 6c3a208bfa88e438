"""The name filter on its own: how names are found in free texts, and what is left alone."""

from __future__ import annotations

import pytest

from workshop.exports.names import NameFilter
from workshop.snapshot import Participant
from workshop.textfmt import fold, fold_with_map, original_span

PEOPLE = (
    Participant(1, "Sophie Gauthier", "Déléguée syndicale", 1, True, True, "RP 1", 1),
    Participant(2, "Karim Benali", "DRH", 2, True, False, "RH 1", 2),
    Participant(3, "Rose Martin", "Juriste", 2, True, True, "RH 2", 3),
    Participant(4, "Łukasz Nguyễn-O’Brien", "Chef de projet", 3, True, True, "DSI 1", 4),
    Participant(5, "نور الهدى", "Community manager", 3, True, True, "DSI 2", 5),
    Participant(6, "Sophie Durand", "", 4, True, True, "M 1", 6),
)


def pseudo(text: str) -> str:
    return NameFilter(PEOPLE, "Claire Dubois", pseudonymise=True, lang="fr").free(text)


def normal(text: str) -> str:
    return NameFilter(PEOPLE, "Claire Dubois", pseudonymise=False, lang="fr").free(text)


def test_folding_keeps_a_map_back_to_the_original():
    text = "Voir Ł. NGUYỄN\u200f-O’BRIEN"
    folded, where = fold_with_map(text)
    assert folded == "voir l. nguyen-o'brien"
    start = folded.index("nguyen")
    assert text[slice(*original_span(text, where, start, len(folded)))] == "NGUYỄN\u200f-O’BRIEN"
    assert fold("Straße ÆSOP œuvre") == "strasse aesop oeuvre"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("demandé par SOPHIE GAUTHIER", "demandé par RP 1"),  # case
        ("voir avec Benali", "voir avec RH 1"),  # surname alone
        ("karim benali, Benali Karim", "RH 1, RH 1"),  # either order
        ("Mme Gauthier et S. Gauthier", "RP 1 et RP 1"),  # civility, initial
        ("« Benali »", "« RH 1 »"),  # inside guillemets
        ("lukasz nguyen-o'brien, O'Brien, Nguyen", "DSI 1, DSI 1, DSI 1"),  # accents, ’/'
        ("نور\u200f الهدى est là", "DSI 2 est là"),  # RTL, with a bidi mark typed in
        ("Benalix et Gauthiers", "Benalix et Gauthiers"),  # word boundaries
        ("la déléguée syndicale", "la RP 1"),  # a function, replaced in free text
        ("demander à Claire Dubois", "demander à l’équipe d’animation"),  # the facilitator
        ("Sophie a dit", "[nom masqué] a dit"),  # a first name two people share
        (
            "écrire à k.benali@acme.fr, 06 12 34 56 78",
            "écrire à [e-mail masqué], [téléphone masqué]",
        ),
    ],
)
def test_pseudonymised_free_text(text, expected):
    assert pseudo(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("une rose, la règle est claire", "une rose, la règle est claire"),  # lower case words
        ("Rose a demandé. Claire et nette.", "Rose a demandé. Claire et nette."),  # sentence start
        ("voir avec Rose", "voir avec RH 2"),  # capitalised mid-sentence: the name
        ("Rose Martin a dit", "RH 2 a dit"),  # the full name, always
    ],
)
def test_a_first_name_that_is_a_common_word(text, expected):
    assert pseudo(text) == expected


def test_a_normal_export_hides_only_who_refused():
    assert normal("Karim Benali et Sophie Gauthier, le DRH") == "RH 1 et Sophie Gauthier, le RH 1"
    assert normal("Claire Dubois, 06 12 34 56 78") == "Claire Dubois, 06 12 34 56 78"


def test_a_named_person_s_full_name_is_never_cut_by_a_hidden_one_s_first_name():
    claire = Participant(8, "Claire Petit", "", 1, True, False, "RP 2", 8)
    f = NameFilter((*PEOPLE, claire), "Claire Dubois", pseudonymise=False, lang="fr")
    assert f.free("Claire Dubois et voir Claire") == "Claire Dubois et voir RP 2"
    assert f.free("Karim Benali, Sophie Gauthier") == "RH 1, Sophie Gauthier"


def test_charter_wording_is_left_alone_unless_pseudonymised():
    f = NameFilter(PEOPLE, "Claire Dubois", pseudonymise=False, lang="fr")
    assert f.charter("Le DRH informe Karim Benali.") == "Le DRH informe Karim Benali."
    g = NameFilter(PEOPLE, "Claire Dubois", pseudonymise=True, lang="fr")
    # names go, roles stay: a charter names roles (« le DRH »)
    assert g.charter("Le DRH informe Karim Benali.") == "Le DRH informe RH 1."


def test_an_erased_participant_is_not_matched_by_their_pseudonym():
    erased = Participant(7, "RH 3", "", 2, False, False, "RH 3", 7)
    f = NameFilter((*PEOPLE, erased), "", pseudonymise=True, lang="fr")
    assert f.free("Les RH ont parlé ; RH 3 aussi") == "Les RH ont parlé ; RH 3 aussi"


def test_a_writer_called_directly_is_filtered_once_and_in_the_asked_mode(demo_path):
    from workshop import snapshot
    from workshop.exports.names import ensure_filtered, filtered_snapshot, is_filtered
    from workshop.session import Session

    session = Session.open(demo_path)
    snap = snapshot.load(session.conn)
    session.close()
    assert not is_filtered(snap)
    normal = ensure_filtered(snap, pseudonymise=False)
    assert is_filtered(normal) and ensure_filtered(normal, pseudonymise=False) is normal
    named = [p for p in normal.participants if p.may_be_named]
    assert named and all(p.name != p.pseudonym for p in named)
    pseudo = ensure_filtered(normal, pseudonymise=True)  # pseudonymised on top, not skipped
    assert all(p.name == p.pseudonym and p.function == "" for p in pseudo.participants)
    assert pseudo == filtered_snapshot(snap, pseudonymise=True)


def test_the_review_lists_what_may_still_name_someone(tmp_path):
    from workshop import snapshot
    from workshop.exports.names import suspects
    from workshop.library import builtin_library
    from workshop.operations import clauses, plan, setup

    session = setup.create(tmp_path / "s.charter", "Atelier", "ACME", "fr")
    setup.add_participant(session, "Sophie Gauthier", 1, "Juriste")
    setup.add_participant(session, "Rose Martin", 2, "DRH")
    cid = clauses.add_clause(session, builtin_library("fr"), "scope-platforms").value
    clauses.set_clause_note(session, cid, "Demander à Jean Gauthier. Rose a validé.")
    plan.add_action(session, "Relance", owner="Marc Durand, 01 23 45 67 89, m.d@acme.fr")
    plan.add_action(session, "Diffusion", owner="Ressources humaines")  # nothing to report
    snap = snapshot.load(session.conn)
    session.close()
    found = {(s.kind, s.where) for s in suspects(snap)}
    assert found == {
        ("adjacent", "Clause 1 — note"),  # « Jean » beside a known surname
        ("initial", "Clause 1 — note"),  # « Rose » starting a sentence, left as is
        ("pair", "Action 1 — responsable"),
        ("phone", "Action 1 — responsable"),
        ("email", "Action 1 — responsable"),
    }
    lines = [s.line("fr") for s in suspects(snap)]
    assert all("\n" not in line for line in lines)
    assert any(line.startswith("Action 1 — responsable : adresse e-mail") for line in lines)
