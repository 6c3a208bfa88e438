"""Votes CSV: Excel-friendly encoding, one row per choice or count, no leak, no formula."""

from __future__ import annotations

import csv
import io

import pytest

from workshop import snapshot
from workshop.errors import WorkshopError
from workshop.exports.common import ExportOptions
from workshop.exports.csv_votes import write_votes
from workshop.library import builtin_library
from workshop.operations import ballots, clauses, setup


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


def test_french_csv_for_excel(voted, tmp_path):
    out = write_votes(snapshot.load(voted.conn), tmp_path / "votes.csv")
    table = read(out)
    assert table[0][0] == "Ordre" and table[0][-1] == "Résultat du tour"
    body = table[1:]
    nominative = [r for r in body if r[4] == "vote nominatif" and r[0] == "1"]
    assert len(nominative) == 3
    assert {r[6] for r in nominative} == {"Łukasz Nguyễn-O’Brien", '\'=HYPERLINK("x")', "Zoé"}
    secret = [r for r in body if r[4] == "vote secret"]
    assert secret == [secret[0]] and secret[0][5] == "tous collèges" and secret[0][6] == ""
    assert secret[0][7:9] == ["pour", "3"]
    counts = [r for r in body if r[4] == "décompte par collège"]
    assert sorted((r[5], r[7], r[8]) for r in counts) == [
        ("Représentants du personnel", "contre", "1"),
        ("Représentants du personnel", "pour", "1"),
    ]
    still_open = [r for r in body if r[0] == "4"]
    assert still_open == [[*still_open[0][:5], "", "", "", "", "vote en cours"]]


def test_anonymized_csv_has_no_names(voted, tmp_path):
    out = write_votes(snapshot.load(voted.conn), tmp_path / "v.csv", ExportOptions(anonymize=True))
    text = out.read_text(encoding="utf-8-sig")
    for name in ("Łukasz", "Zoé", "HYPERLINK"):
        assert name not in text
    assert "RH 1" in text


def test_english_csv_uses_commas(tmp_path):
    s = setup.create(tmp_path / "e.charter", "W", "O", "en")
    out = write_votes(snapshot.load(s.conn), tmp_path / "e.csv")
    assert out.read_text(encoding="utf-8-sig").splitlines()[0].startswith("Order,Clause,Round")
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
