"""Rounds CSV: one row per round with the figures the minutes state, nothing while open."""

from __future__ import annotations

import csv
import io

from workshop import exports, snapshot
from workshop.exports.common import ExportOptions
from workshop.exports.csv_rounds import HEADERS, write_rounds
from workshop.exports.identifier import of
from workshop.library import builtin_library
from workshop.operations import ballots, clauses, setup
from workshop.references import reference

COLUMNS = {name: i for i, name in enumerate(HEADERS["fr"])}


def read(path, delimiter=";"):
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=delimiter))


def col(row, name):
    return row[COLUMNS[name]]


def test_one_row_per_round_with_base_threshold_and_times(session, tmp_path):
    lib = builtin_library("fr")
    people = [setup.add_participant(session, f"P{i}", 2 + i % 2).value for i in range(9)]
    clause = clauses.add_clause(session, lib, "scope-platforms").value
    first = ballots.open_ballot(
        session, clause, method="two_thirds", capture="nominative", quorum=5
    ).value
    for pid, choice in zip(people, ["for"] * 5 + ["against"] * 4, strict=True):
        ballots.cast_vote(session, first, pid, choice)
    ballots.close_ballot(session, first)
    second = ballots.open_ballot(session, clause, capture="secret").value  # left open
    ballots.cast_secret(session, second, people[0], "for")
    snap = snapshot.load(session.conn)
    out = write_rounds(snap, tmp_path / "tours.csv")
    table = read(out)
    assert table[0] == list(HEADERS["fr"])
    closed, still_open = table[1:]
    assert col(closed, "Référence") == reference(snap.clauses[0])
    assert col(closed, "Tour") == "1" and col(still_open, "Tour") == "2"
    assert col(closed, "Taille de la base") == "9"
    assert col(closed, "Voix nécessaires") == "6"  # two thirds of 9 is 6, exactly
    assert col(closed, "Seuil exact") == "6"
    assert col(closed, "Voix favorables") == "5"
    assert (col(closed, "Quorum requis"), col(closed, "Quorum compté")) == ("5", "9")
    assert col(closed, "Quorum atteint") == "oui" and col(closed, "Présents") == "9"
    assert col(closed, "Résultat du tour") == "rejetée"
    assert col(closed, "Réserves") == "0" and col(closed, "Objections") == "0"
    assert col(closed, "Ouvert le")[:4] == snap.clauses[0].ballots[0].opened_at[:4]
    assert len(col(closed, "Clos le")) == len("2026-12-02 10:38")
    # an open round: settings and opening time, never a figure
    figures = [col(still_open, h) for h in HEADERS["fr"][7:17]]
    assert figures == [""] * 10 and col(still_open, "Clos le") == ""
    assert col(still_open, "Résultat du tour") == "vote en cours"
    assert {r[-1] for r in table[1:]} == {of(snap).code}


def test_decimal_comma_in_french_and_point_in_english(session, tmp_path):
    lib = builtin_library("fr")
    people = [setup.add_participant(session, f"P{i}", 2).value for i in range(9)]
    clause = clauses.add_clause(session, lib, "scope-platforms").value
    b = ballots.open_ballot(session, clause, method="simple", capture="nominative").value
    for pid in people:
        ballots.cast_vote(session, b, pid, "for")
    ballots.close_ballot(session, b)
    snap = snapshot.load(session.conn)
    fr = read(write_rounds(snap, tmp_path / "fr.csv"))[1]
    en = read(write_rounds(snap, tmp_path / "en.csv", ExportOptions(lang="en")), ",")[1]
    assert col(fr, "Seuil exact") == "4,5" and col(fr, "Voix nécessaires") == "5"
    assert en[COLUMNS["Seuil exact"]] == "4.5"


def test_registry_and_cli_write_the_rounds(session, tmp_path):
    from workshop.cli import main

    snap = snapshot.load(session.conn)
    out = exports.run("rounds", snap, tmp_path / "r.csv", ExportOptions(anonymize=True))
    assert read(out)[0] == list(HEADERS["fr"])
    assert exports.EXPORTS["rounds"].default_name(ExportOptions(), "fr", "atelier") == (
        "atelier-tours.csv"
    )
    path = session.path
    session.close()
    assert main(["export", str(path), "--rounds", str(tmp_path / "cli.csv")]) == 0
    assert read(tmp_path / "cli.csv")[0] == list(HEADERS["fr"])
