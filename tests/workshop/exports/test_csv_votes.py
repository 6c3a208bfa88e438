"""Votes CSV: Excel-friendly encoding, one row per choice or count, no leak, no formula."""

from __future__ import annotations

import csv
import io

import pytest

from workshop import snapshot
from workshop.errors import WorkshopError
from workshop.exports.common import ExportOptions
from workshop.exports.csv_votes import HEADERS, write_votes
from workshop.exports.identifier import of
from workshop.library import builtin_library
from workshop.operations import ballots, clauses, setup
from workshop.references import article_numbers, reference


@pytest.fixture
def voted(session):
    lib = builtin_library("fr")
    ids = [setup.add_participant(session, n, c).value for n, c in
           [("Łukasz Nguyễn-O’Brien", 2), ("=HYPERLINK(\"x\")", 3), ("Zoé", 3)]]  # fmt: skip
    c1 = clauses.add_clause(session, lib, "scope-platforms").value
    c2 = clauses.add_clause(session, lib, "respect-people").value
    c3 = clauses.add_clause(session, lib, "ip-brand").value
    c4 = clauses.add_clause(session, lib, "image-consent").value
    b = ballots.open_ballot(session, c1, capture="nominative").value
    for pid, choice in zip(ids, ["for", "against", "for"], strict=True):
        ballots.cast_vote(session, b, pid, choice)
    ballots.close_ballot(session, b)
    b = ballots.open_ballot(session, c2, capture="secret").value
    for pid in ids:
        ballots.cast_secret(session, b, pid, "for")
    ballots.close_ballot(session, b)
    b = ballots.open_ballot(session, c3, capture="counts").value
    ballots.set_counts(session, b, 3, {"for": 1, "against": 1})
    ballots.close_ballot(session, b)
    b = ballots.open_ballot(session, c4, capture="nominative").value
    ballots.cast_vote(session, b, ids[0], "for")  # left open
    return session


def read(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


COLUMNS = {name: i for i, name in enumerate(HEADERS["fr"])}


def col(row, name):
    return row[COLUMNS[name]]


def test_french_csv_for_excel(voted, tmp_path):
    snap = snapshot.load(voted.conn)
    out = write_votes(snap, tmp_path / "votes.csv")
    table = read(out)
    assert table[0] == list(HEADERS["fr"])
    body = table[1:]
    code = of(snap).code
    assert {r[-1] for r in body} == {code}  # every row says which export it belongs to
    refs = {c.position: reference(c) for c in snap.clauses}
    assert all(col(r, "Référence") == refs[int(col(r, "Ordre"))] for r in body)
    nominative = [r for r in body if col(r, "Recueil") == "vote nominatif" and r[0] == "1"]
    assert len(nominative) == 3
    assert {col(r, "Participant") for r in nominative} == {
        "Łukasz Nguyễn-O’Brien",
        '\'=HYPERLINK("x")',
        "Zoé",
    }
    secret = [r for r in body if col(r, "Recueil") == "vote secret"]
    assert [(col(r, "Collège"), col(r, "Choix"), col(r, "Nombre")) for r in secret] == [
        ("tous collèges", "pour", "3"),
        ("tous collèges", "contre", "0"),  # zeros are written, not left out
        ("tous collèges", "abstention", "0"),
    ]
    counts = [r for r in body if col(r, "Recueil") == "décompte par collège"]
    assert sorted((col(r, "Collège"), col(r, "Choix"), col(r, "Nombre")) for r in counts) == [
        ("RH", "abstention", "0"),  # present, nothing counted: zeros, not a missing college
        ("RH", "contre", "0"),
        ("RH", "pour", "0"),
        ("Représentants du personnel", "abstention", "0"),
        ("Représentants du personnel", "contre", "1"),
        ("Représentants du personnel", "pour", "1"),
    ]
    still_open = [r for r in body if r[0] == "4"]
    assert len(still_open) == 1
    assert still_open[0][7:13] == ["", "", "", "", "", "vote en cours"]


def test_article_numbers_are_the_charters(voted, tmp_path):
    snap = snapshot.load(voted.conn)
    body = read(write_votes(snap, tmp_path / "votes.csv"))[1:]
    numbers = article_numbers(snap)
    by_ref = {reference(c): str(numbers.get(c.id, "")) for c in snap.clauses}
    assert {col(r, "Référence"): col(r, "Article") for r in body} == by_ref
    assert set(by_ref.values()) - {""}  # some clause was adopted


def test_reasons_go_with_their_choice(session, tmp_path):
    lib = builtin_library("fr")
    a = setup.add_participant(session, "Ana", 2).value
    b = setup.add_participant(session, "Bo", 3).value
    clause = clauses.add_clause(session, lib, "scope-platforms").value
    ballot = ballots.open_ballot(session, clause, method="consent", capture="nominative").value
    ballots.cast_vote(session, ballot, a, "reservation", remark="Préciser « public » ; merci")
    ballots.cast_vote(session, ballot, b, "consent")
    ballots.close_ballot(session, ballot)
    body = read(write_votes(snapshot.load(session.conn), tmp_path / "v.csv"))[1:]
    reasons = {col(r, "Participant"): col(r, "Motif") for r in body}
    assert reasons == {"Ana": "Préciser « public » ; merci", "Bo": ""}


def test_anonymized_csv_has_no_names(voted, tmp_path):
    out = write_votes(snapshot.load(voted.conn), tmp_path / "v.csv", ExportOptions(anonymize=True))
    text = out.read_text(encoding="utf-8-sig")
    for name in ("Łukasz", "Zoé", "HYPERLINK"):
        assert name not in text
    assert "RH 1" in text


def test_english_csv_uses_commas(tmp_path):
    s = setup.create(tmp_path / "e.charter", "W", "O", "en")
    out = write_votes(snapshot.load(s.conn), tmp_path / "e.csv")
    assert (
        out.read_text(encoding="utf-8-sig")
        .splitlines()[0]
        .startswith("Order,Reference,Article,Clause,Round")
    )
    s.close()


def test_unwritable_target_is_one_line_and_keeps_the_old_file(voted, tmp_path, monkeypatch):
    target = tmp_path / "v.csv"
    target.write_text("ancien", encoding="utf-8")

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", refuse)
    with pytest.raises(WorkshopError) as info:
        write_votes(snapshot.load(voted.conn), target)
    assert "\n" not in str(info.value) and "écriture refusée" in str(info.value)
    assert target.read_text(encoding="utf-8") == "ancien"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []
