"""The printable card sheets: personal links (QR + name + URL) and drawn codes per college."""

from __future__ import annotations

import re
import secrets

import pytest
from pypdf import PdfReader

from workshop.errors import WorkshopError
from workshop.read_model import Participant
from workshop.remote import cards
from workshop.remote.cards import LinkCard, link_cards, write_code_cards, write_link_cards

BASE = "http://192.168.1.20:8765/"
NAMES = ["Łukasz Nguyễn-O’Brien", "Sophie Gauthier", "Zoé Œuvray", "Jean Martin"]


def _person(pid: int, name: str, pseudonym: str, *, named: bool = True) -> Participant:
    return Participant(
        id=pid,
        name=name,
        function="Déléguée syndicale",
        college_id=1,
        present=True,
        may_be_named=named,
        pseudonym=pseudonym,
        position=10 - pid,  # the roster's order is not the ids' order
    )


def _join(token: str) -> str:
    return f"{BASE}j/{token}"


def _pages(path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def qr_payloads(monkeypatch):
    """Every string the sheets hand to segno, in drawing order."""
    seen: list[str] = []
    real = cards.segno.make

    def recording(content, *args, **kwargs):
        seen.append(content)
        return real(content, *args, **kwargs)

    monkeypatch.setattr(cards.segno, "make", recording)
    return seen


def test_each_link_card_encodes_exactly_its_link_and_prints_it_with_the_name(tmp_path, qr_payloads):
    tokens = [secrets.token_urlsafe(16) for _ in NAMES]
    sheet = [LinkCard(name, _join(token)) for name, token in zip(NAMES, tokens, strict=True)]
    out = write_link_cards(tmp_path / "links.pdf", sheet, title="Charte « 2027 »", lang="fr")

    assert qr_payloads == [_join(token) for token in tokens]
    (text,) = _pages(out)
    flat = _squeezed(text)
    for card in sheet:
        assert _squeezed(card.url) in flat  # written out for a phone without a scanner
        assert _squeezed(card.name) in flat
    assert "Personnel : ne le prêtez pas." in text


def test_link_cards_follow_the_roster_and_skip_people_without_a_fresh_link():
    people = [
        _person(1, "Sophie Gauthier", "RH 1"),
        _person(2, "Łukasz Nguyễn-O’Brien", "CSE 1"),
        _person(3, "Zoé Œuvray", "IT 1"),
    ]
    tokens = {1: "a" * 22, 2: "b" * 22}
    got = link_cards(people, tokens, _join)
    assert got == [
        LinkCard("Łukasz Nguyễn-O’Brien", _join("b" * 22)),  # position 8 before 9
        LinkCard("Sophie Gauthier", _join("a" * 22)),
    ]


def test_pseudonymised_sheet_prints_pseudonyms_and_no_name_nor_function(tmp_path):
    people = [_person(i, name, f"CSE {i}") for i, name in enumerate(NAMES, start=1)]
    tokens = {p.id: secrets.token_urlsafe(16) for p in people}
    sheet = link_cards(people, tokens, _join, pseudonymise=True)
    assert [c.name for c in sheet] == ["CSE 4", "CSE 3", "CSE 2", "CSE 1"]
    (text,) = _pages(write_link_cards(tmp_path / "p.pdf", sheet, title="Charte", lang="en"))
    for card in sheet:  # the random tokens could contain anything
        text = text.replace(card.url.rpartition("/")[2], "")
    for name in NAMES:
        for word in re.split(r"[\s\-’]+", name):
            assert word not in text
    assert "Déléguée" not in text
    assert all(f"CSE {i}" in text for i in range(1, 5))
    assert "Personal: do not lend it." in text


def test_a_person_who_refused_to_be_named_gets_their_pseudonym_even_unpseudonymised():
    people = [_person(1, "Sophie Gauthier", "RH 1", named=False), _person(2, "Jean Martin", "RH 2")]
    got = link_cards(people, {1: "a" * 22, 2: "b" * 22}, _join)
    assert [c.name for c in got] == ["Jean Martin", "RH 1"]


def test_nine_link_cards_take_two_pages(tmp_path):
    sheet = [LinkCard(f"Personne {i}", _join(secrets.token_urlsafe(16))) for i in range(9)]
    pages = _pages(write_link_cards(tmp_path / "l.pdf", sheet, title="T", lang="fr"))
    assert len(pages) == 2
    assert "Personne 8" in pages[1] and "Personne 8" not in pages[0]


def _code() -> str:
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(3))


def test_code_cards_show_the_codes_per_college_and_nothing_else(tmp_path, qr_payloads):
    codes = {"Direction": [_code() for _ in range(3)], "CSE « élus »": [_code() for _ in range(12)]}
    out = write_code_cards(tmp_path / "codes.pdf", codes, base_url=BASE, title="Charte", lang="fr")
    pages = _pages(out)
    # each college on its own pages (one envelope each): 3 cards, then 10 + 2
    assert len(pages) == 3
    assert all(code in pages[0] for code in codes["Direction"])
    assert all(code in pages[1] + pages[2] for code in codes["CSE « élus »"])
    assert "CSE" not in pages[0] and "Direction" not in pages[1] + pages[2]
    # every QR is the room's address, never anything personal
    assert qr_payloads == [BASE] * 15
    # Take away what every card prints (college, instructions, the address, the codes):
    # nothing is left, so no name and no other text can be on a code card.
    words = cards._WORDS["fr"]
    fixed = [
        words["how"].format(url=BASE),
        words["college"].format(college="Direction"),
        words["college"].format(college="CSE « élus »"),
        words["codes_header"].format(college="Direction", n=3),
        words["codes_header"].format(college="CSE « élus »", n=12),
        *(words["page"].format(page=n) for n in (1, 2, 3)),
        *codes["Direction"],
        *codes["CSE « élus »"],
    ]
    rest = _squeezed("".join(pages))
    for text in sorted(fixed, key=len, reverse=True):
        rest = rest.replace(_squeezed(text), "")
    assert rest == ""


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "http://192.168.1.20:8765/j/<script>",
        "http://192.168.1.20:8765/j/" + "a" * 200,
        "file:///etc/passwd",
    ],
)
def test_a_hostile_address_is_refused_and_nothing_is_written(tmp_path, url):
    target = tmp_path / "x.pdf"
    with pytest.raises(WorkshopError) as refused:
        write_link_cards(target, [LinkCard("A", url)], title="T", lang="fr")
    assert "refusée" in refused.value.fr and "refused" in refused.value.en
    with pytest.raises(WorkshopError):
        write_code_cards(target, {"A": [_code()]}, base_url=url, title="T", lang="fr")
    assert not target.exists()


@pytest.mark.parametrize("code", ["7F3K-Q9XM", "7f3k-q9xm-2pda", "7F3K-Q9XM-2PDA<b>", ""])
def test_a_malformed_code_is_refused(tmp_path, code):
    with pytest.raises(WorkshopError):
        write_code_cards(tmp_path / "c.pdf", {"A": [code]}, base_url=BASE, title="T", lang="en")
    assert not (tmp_path / "c.pdf").exists()


def test_no_card_or_too_many_cards_is_refused(tmp_path, monkeypatch):
    with pytest.raises(WorkshopError, match="Aucune carte"):
        write_link_cards(tmp_path / "e.pdf", [], title="T", lang="fr")
    with pytest.raises(WorkshopError, match="Aucune carte"):
        write_code_cards(tmp_path / "e.pdf", {"A": []}, base_url=BASE, title="T", lang="fr")
    monkeypatch.setattr(cards, "MAX_CARDS", 2)
    sheet = [LinkCard("A", _join("a" * 22))] * 3
    with pytest.raises(WorkshopError, match="Trop de cartes"):
        write_link_cards(tmp_path / "m.pdf", sheet, title="T", lang="fr")
    assert not (tmp_path / "e.pdf").exists() and not (tmp_path / "m.pdf").exists()


# -- serve --cards / --code-cards ------------------------------------------------------------
ROSTER = [("Łukasz Nguyễn-O’Brien", "RH"), ("Sophie Gauthier", "CSE"), ("Zoé Œuvray", "CSE")]


@pytest.fixture
def workshop_file(memory_path):
    from workshop.operations import roster, setup
    from workshop.roster import RosterRow

    path = memory_path / "cards.charter"
    session = setup.create(path, "Charte « 2027 »", "ACME", "fr")
    rows = [RosterRow(i + 1, name, "", college) for i, (name, college) in enumerate(ROSTER)]
    roster.add_participants(session, rows, create_colleges=True)
    session.close()
    return path


def _serve_once(path, **cards_options):
    """``serve`` bound on loopback, stopped as soon as the cards are written."""
    import threading

    from workshop.remote.serve import serve

    lines: list[str] = []
    stop = threading.Event()
    stop.set()
    serve(str(path), "127.0.0.1", 0, cards=cards_options, out=lines.append, stop=stop)
    return lines


def test_serve_prints_fresh_link_cards_and_the_old_links_stop_working(workshop_file, tmp_path):
    from workshop.operations import phones
    from workshop.session import Session

    with Session.open(workshop_file) as session:
        first = session.conn.execute("SELECT id FROM participants").fetchone()[0]
        _, old = phones.issue_link(session, first)
    lines = _serve_once(workshop_file, links=tmp_path / "links.pdf", pseudonymise=False)
    assert f"Cartes écrites : {tmp_path / 'links.pdf'}" in lines
    base = next(line for line in lines if line.startswith("Serveur")).split(" : ")[1]
    (text,) = _pages(tmp_path / "links.pdf")
    flat = _squeezed(text)
    assert all(_squeezed(name) in flat for name, _ in ROSTER)
    assert flat.count(_squeezed(base + "j/")) == len(ROSTER)  # the bound address and port
    with Session.open(workshop_file) as session:
        assert phones.participant_for_token(session.conn, old) is None  # reissued
        assert len(phones.linked_participants(session.conn)) == len(ROSTER)


def test_serve_prints_code_cards_as_many_as_each_college_has_members(workshop_file, tmp_path):
    from workshop.operations import phones
    from workshop.session import Session

    _serve_once(workshop_file, codes=tmp_path / "codes.pdf")
    pages = _pages(tmp_path / "codes.pdf")
    assert len(pages) == 2  # one page per college
    assert len(re.findall(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", pages[0])) == 1  # RH
    assert len(re.findall(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", pages[1])) == 2  # CSE
    assert not any(_squeezed(name) in _squeezed("".join(pages)) for name, _ in ROSTER)
    _serve_once(workshop_file, codes=tmp_path / "again.pdf")  # a new set replaces the old
    with Session.open(workshop_file) as session:
        colleges = dict(session.conn.execute("SELECT name, id FROM colleges"))
        counts = phones.code_counts(session.conn)
    assert counts == {colleges["RH"]: 1, colleges["CSE"]: 2}


def test_cli_refuses_a_missing_folder_before_replacing_any_link(workshop_file, tmp_path, capsys):
    from workshop.cli import main
    from workshop.operations import phones
    from workshop.session import Session

    target = tmp_path / "no-such-folder" / "links.pdf"
    code = main(["serve", str(workshop_file), "--host", "127.0.0.1", "--port", "0",
                 "--cards", str(target)])  # fmt: skip
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert (
        err.startswith("charter-workshop: Dossier introuvable pour les cartes") and "\n" not in err
    )
    with Session.open(workshop_file) as session:
        assert phones.linked_participants(session.conn) == set()
