"""Participant lists: parsing what spreadsheets and CSV exports really give, and adding a
whole list as one undoable change that refuses unknown colleges line by line."""

from __future__ import annotations

import dataclasses

import pytest

from workshop import snapshot
from workshop.errors import InvalidInput, WorkshopError
from workshop.operations import roster as roster_ops
from workshop.roster import RosterError, RosterRow, detect_delimiter, parse_rows, read_csv


def rows(text: str) -> list[tuple]:
    return [
        (r.line, r.name, r.function, r.college)
        if isinstance(r, RosterRow)
        else ("error", r.line, r.en)
        for r in parse_rows(text)
    ]


# -- parsing -------------------------------------------------------------------------------
def test_spreadsheet_copy_is_tab_separated():
    text = "Chloé Martin\tDirectrice de la communication\tCommunication\nNoé Petit\t\tSalariés\n"
    assert rows(text) == [
        (1, "Chloé Martin", "Directrice de la communication", "Communication"),
        (2, "Noé Petit", "", "Salariés"),
    ]


def test_unicode_names_are_kept_exactly():
    names = ["Łukasz Nguyễn-O’Brien", "يوسف الحداد", "田中 美咲 🌿", "Zoé « Zozo » Kowalczyk"]
    text = "\n".join(f"{n}\tfonction\tRH" for n in names)
    assert [r[1] for r in rows(text)] == names


def test_french_csv_with_bom_header_quotes_and_blank_lines():
    text = (
        "\ufeffNom;Fonction;Collège\r\n"
        "\r\n"
        '"Lefèvre; François";"Secrétaire du CSE";"Représentants du personnel"\r\n'
        '"Zoé ""Zozo"" Kowalczyk";Déléguée syndicale;Représentants du personnel\r\n'
        "   \r\n"
    )
    assert rows(text) == [
        (3, "Lefèvre; François", "Secrétaire du CSE", "Représentants du personnel"),
        (4, 'Zoé "Zozo" Kowalczyk', "Déléguée syndicale", "Représentants du personnel"),
    ]


def test_english_comma_csv_with_header():
    text = "Name,Function,College\nSophie Gauthier,Employment lawyer,Legal\n"
    assert rows(text) == [(2, "Sophie Gauthier", "Employment lawyer", "Legal")]


def test_header_may_reorder_columns_and_split_first_and_last_names():
    text = "Collège;Nom;Prénom;Courriel\nRH;Benali;Aïcha;a@example.org\n"
    assert rows(text) == [(2, "Aïcha Benali", "", "RH")]
    text = "First name\tLast name\tJob title\tGroup\nBjörn\tÅkesson\tCISO\tIT\n"
    assert rows(text) == [(2, "Björn Åkesson", "CISO", "IT")]


def test_no_header_means_name_function_college_and_extra_columns_are_ignored():
    assert rows("Noé Petit;Conseiller;Salariés;extra;more") == [
        (1, "Noé Petit", "Conseiller", "Salariés")
    ]


def test_a_list_of_names_only():
    assert rows("Noé Petit\nInès Ferreira\n") == [
        (1, "Noé Petit", "", ""),
        (2, "Inès Ferreira", "", ""),
    ]


def test_a_line_without_name_is_an_error_with_its_line_number():
    assert rows("Noé Petit\tx\tRH\n\tDirecteur\tRH\n") == [
        (1, "Noé Petit", "x", "RH"),
        ("error", 2, "Missing name."),
    ]


def test_a_pasted_paragraph_is_not_a_name():
    (error,) = parse_rows("x" * 300)
    assert isinstance(error, RosterError)
    assert "too long" in error.en


def test_quoted_cell_spanning_lines_keeps_the_next_line_numbers_right():
    text = 'A\t"fonction\nsur deux lignes"\tRH\nB\t\tRH\n'
    assert rows(text) == [
        (1, "A", "fonction\nsur deux lignes", "RH"),
        (3, "B", "", "RH"),
    ]


def test_empty_text_gives_no_rows():
    assert parse_rows("") == []
    assert parse_rows("\ufeff\n  \n\t\t\n") == []


def test_delimiter_detection_prefers_tab_then_semicolon():
    assert detect_delimiter("a\tb, c") == "\t"
    assert detect_delimiter("a;b, c") == ";"
    assert detect_delimiter("a,b") == ","
    assert detect_delimiter('"a;b",c') == ","


def test_read_csv_utf8_with_and_without_bom(tmp_path):
    for encoding in ("utf-8", "utf-8-sig"):
        path = tmp_path / f"{encoding}.csv"
        path.write_text("Nom;Fonction;Collège\nÉloïse Ñúñez;Juriste;Juridique\n", encoding=encoding)
        assert [(r.name, r.college) for r in read_csv(path)] == [("Éloïse Ñúñez", "Juridique")]


def test_read_csv_utf16_from_excel_unicode_text(tmp_path):
    path = tmp_path / "liste.txt"
    path.write_bytes(
        "Nom\tFonction\tCollège\nOlga Смирнова\tGestionnaire\tSalariés\n".encode("utf-16")
    )
    assert [r.name for r in read_csv(path)] == ["Olga Смирнова"]


def test_read_csv_refuses_non_utf8_and_missing_files_in_one_line(tmp_path):
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("Nom;Collège\nHélène;RH\n".encode("latin-1"))
    with pytest.raises(WorkshopError) as caught:
        read_csv(latin)
    assert "UTF-8" in str(caught.value) and "\n" not in str(caught.value)
    with pytest.raises(WorkshopError) as caught:
        read_csv(tmp_path / "absent.csv")
    assert "absent.csv" in str(caught.value)
    xlsx = tmp_path / "liste.xlsx"
    xlsx.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00")
    with pytest.raises(WorkshopError, match="CSV UTF-8"):
        read_csv(xlsx)
    with pytest.raises(WorkshopError):
        read_csv(tmp_path)


# -- the operation -------------------------------------------------------------------------
def audit_count(session) -> int:
    return session.conn.execute("SELECT count(*) FROM audit").fetchone()[0]


def people(session) -> list[tuple[str, str, str]]:
    snap = snapshot.load(session.conn, with_audit=False)
    return [(p.name, p.function, snap.college(p.college_id).name) for p in snap.participants]


def state(session):
    return dataclasses.replace(snapshot.load(session.conn, with_audit=False))


def test_adds_every_row_in_one_audit_event_matching_colleges_loosely(session):
    before = audit_count(session)
    text = (
        "Łukasz Nguyễn-O’Brien\tDRH\trh\n"
        "François Lefèvre\tSecrétaire du CSE\tREPRESENTANTS DU PERSONNEL\n"
        "يوسف الحداد\tÉlu\t  Représentants   du personnel \n"
    )
    changes = roster_ops.add_participants(session, parse_rows(text))
    assert audit_count(session) == before + 1
    assert changes.value == (3, 0)
    assert "3" in changes.summary and "Łukasz" not in changes.summary  # no names in the log
    assert people(session) == [
        ("Łukasz Nguyễn-O’Brien", "DRH", "RH"),
        ("François Lefèvre", "Secrétaire du CSE", "Représentants du personnel"),
        ("يوسف الحداد", "Élu", "Représentants du personnel"),
    ]
    pseudonyms = [p.pseudonym for p in snapshot.load(session.conn).participants]
    assert pseudonyms == ["RH 1", "Représentants du personnel 1", "Représentants du personnel 2"]


def test_unknown_college_refuses_the_whole_list_naming_the_line(session):
    before = state(session), audit_count(session)
    text = "Noé Petit\t\tSalariés\nChloé Martin\t\tComm\n"
    with pytest.raises(InvalidInput) as caught:
        roster_ops.add_participants(session, parse_rows(text))
    assert str(caught.value).startswith("Ligne 2 : Collège inconnu « Comm »")
    assert (state(session), audit_count(session)) == before


def _college_id(session, name):
    return next(c.id for c in snapshot.load(session.conn).colleges if c.name == name)


def test_an_unknown_college_can_be_mapped_to_an_existing_one(session):
    text = "Chloé Martin\t\tComm\nNoé Petit\t\tcomm\nZoé\t\tAmbassadeurs\n"
    unmapped = roster_ops.plan(session.conn, parse_rows(text))
    assert unmapped.unknown_colleges == ("Comm", "Ambassadeurs")
    communication = _college_id(session, "Communication")
    mapping = {"Comm": communication}
    planned = roster_ops.plan(session.conn, parse_rows(text), college_map=mapping)
    assert [r.line for r in planned.refused] == [3]
    assert planned.unknown_colleges == ("Comm", "Ambassadeurs")  # still offered for mapping
    # mapping wins over creating; the other unknown college is created
    changes = roster_ops.add_participants(
        session, parse_rows(text), college_map=mapping, create_colleges=True
    )
    assert changes.value == (3, 1)
    assert people(session)[-3:] == [
        ("Chloé Martin", "", "Communication"),
        ("Noé Petit", "", "Communication"),
        ("Zoé", "", "Ambassadeurs"),
    ]
    assert "Comm" not in [c.name for c in snapshot.load(session.conn).colleges]


def test_a_mapping_to_a_college_that_does_not_exist_is_refused(session):
    before = state(session), audit_count(session)
    with pytest.raises(InvalidInput):
        roster_ops.add_participants(
            session, parse_rows("Chloé\t\tComm\n"), college_map={"Comm": 999}
        )
    with pytest.raises(InvalidInput):
        roster_ops.add_participants(session, parse_rows("Chloé\t\tComm\n"), college_map={"": 1})
    assert (state(session), audit_count(session)) == before


def test_create_colleges_creates_each_missing_college_once(session):
    text = "A\t\tAmbassadeurs\nB\t\tambassadeurs\nC\t\tRH\n"
    changes = roster_ops.add_participants(session, parse_rows(text), create_colleges=True)
    assert changes.value == (3, 1)
    assert "colleges" in changes.topics
    assert people(session) == [
        ("A", "", "Ambassadeurs"),
        ("B", "", "Ambassadeurs"),
        ("C", "", "RH"),
    ]
    colleges = snapshot.load(session.conn).colleges
    assert [c.name for c in colleges].count("Ambassadeurs") == 1


def test_undo_takes_the_whole_list_back_at_once(session):
    before = state(session)
    roster_ops.add_participants(
        session, parse_rows("A\t\tNouveaux\nB\t\tRH\nC\t\tNouveaux\n"), create_colleges=True
    )
    assert len(people(session)) == 3
    session.undo()
    assert state(session) == before
    session.redo()
    assert [p[0] for p in people(session)] == ["A", "B", "C"]


def test_rows_without_college_need_a_default(session):
    with pytest.raises(InvalidInput, match="Ligne 1 : Pas de collège"):
        roster_ops.add_participants(session, parse_rows("Noé Petit\n"))
    roster_ops.add_participants(session, parse_rows("Noé Petit\nInès\n"), default_college_id=2)
    assert people(session) == [("Noé Petit", "", "RH"), ("Inès", "", "RH")]


def test_pasting_the_same_list_twice_is_refused(session):
    text = "Noé Petit\t\tRH\n"
    roster_ops.add_participants(session, parse_rows(text))
    with pytest.raises(InvalidInput, match="Déjà inscrit"):
        roster_ops.add_participants(session, parse_rows(text))
    with pytest.raises(InvalidInput, match="Ligne 2 : Déjà inscrit dans ce collège \\(ligne 1\\)"):
        roster_ops.add_participants(session, parse_rows("Inès\t\tRH\ninès\t\trh\n"))


def test_plan_previews_without_writing(session):
    before = state(session), audit_count(session)
    items = parse_rows("A\t\tRH\n\tx\tRH\nB\t\tInconnu\nC\n")
    plan = roster_ops.plan(session.conn, items)
    assert [p.row.name for p in plan.accepted] == ["A"]
    assert [(r.line, r.en.split(":")[0]) for r in plan.refused] == [
        (2, "Missing name."),
        (3, 'Unknown college "Inconnu"'),
        (4, "No college"),
    ]
    plan = roster_ops.plan(session.conn, items, create_colleges=True, default_college_id=1)
    assert [p.row.name for p in plan.accepted] == ["A", "B", "C"]
    assert plan.new_colleges == ("Inconnu",)
    assert (state(session), audit_count(session)) == before


def test_empty_list_and_parse_errors_are_refused(session):
    with pytest.raises(InvalidInput):
        roster_ops.add_participants(session, [])
    with pytest.raises(InvalidInput, match="Ligne 1 : Nom manquant"):
        roster_ops.add_participants(session, [RosterError(1, "", "Nom manquant.", "Missing name.")])
    with pytest.raises(InvalidInput):
        roster_ops.add_participants(session, [RosterRow(1, "A", "", "RH")], default_college_id=999)


def test_english_messages(session):
    from workshop.i18n import set_language

    set_language("en")
    with pytest.raises(InvalidInput) as caught:
        roster_ops.add_participants(session, parse_rows("A\t\tNope\n"))
    assert str(caught.value).startswith('Line 1: Unknown college "Nope"')
