"""PDF minutes beyond the demo: free-text names, an empty workshop, an open ballot, hostile
text that survives, the text pipeline."""

from __future__ import annotations

import dataclasses
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from tests.workshop.exports.pdf_reading import body, fonts_used, norm, pdf_text, section
from workshop import snapshot
from workshop.exports.common import ExportOptions
from workshop.exports.minutes import write_minutes
from workshop.exports.pdf_fonts import (
    EMOJI_FONT,
    FONT,
    FONT_ITALIC,
    SUBSTITUTE,
    markup,
    register_fonts,
    visual,
)
from workshop.library import builtin_library
from workshop.operations import ballots, clauses, plan, setup


def test_a_name_typed_in_free_text_is_replaced_when_anonymizing(tmp_path):
    session = setup.create(tmp_path / "a.charter", "Atelier", "ACME", "fr")
    setup.update_workshop(session, facilitator="Zoé Kowalczyk")  # also a participant
    pid = setup.add_participant(session, "Zoé Kowalczyk", 3, "Déléguée").value
    lib = builtin_library("fr")
    cid = clauses.add_clause(session, lib, "scope-platforms").value
    clauses.set_clause_note(session, cid, "Demande de zoé kowalczyk : revoir l’article.")
    snap = snapshot.load(session.conn)
    session.close()
    out = write_minutes(snap, tmp_path / "m.pdf", ExportOptions(anonymize=True))
    reader, pages = pdf_text(out)
    text = " ".join(pages)
    pseudonym = snap.participant(pid).pseudonym
    assert "kowalczyk" not in text.casefold()
    assert f"Demande de {pseudonym}" in text
    assert reader.metadata.author == "l’équipe d’animation"  # the facilitator is not named


def test_an_empty_workshop_still_exports(tmp_path):
    session = setup.create(tmp_path / "e.charter", "Atelier vide", "ACME", "fr")
    snap = snapshot.load(session.conn)
    session.close()
    snap = dataclasses.replace(snap, participants=(), positions=(), audit=())
    _, pages = pdf_text(write_minutes(snap, tmp_path / "m.pdf"))
    text = " ".join(pages)
    assert "Aucune clause examinée." in text and "Personne n’a été placé" in text
    assert "Aucune action prévue." in text and "Journal vide." in text
    assert f"page {len(pages)} / {len(pages)}" in pages[-1]


# -- an open ballot never shows its tallies -----------------------------------------------------
def test_open_ballot_is_shown_as_in_progress_without_counts(tmp_path):
    session = setup.create(tmp_path / "o.charter", "Atelier", "ACME", "fr")
    ids = [setup.add_participant(session, f"Personne {i}", 2 + i).value for i in range(3)]
    lib = builtin_library("fr")
    decided = clauses.add_clause(session, lib, "respect-people").value
    pending = clauses.add_clause(session, lib, "scope-platforms").value
    b = ballots.open_ballot(session, decided, method="consent", capture="nominative").value
    for pid in ids:
        ballots.cast_vote(session, b, pid, "consent")
    ballots.close_ballot(session, b)
    b = ballots.open_ballot(session, pending, method="simple", capture="nominative").value
    ballots.cast_vote(session, b, ids[0], "against", None)
    for pid in ids:  # a change of mind, then everybody for
        ballots.cast_vote(session, b, pid, "for")
    ballots.add_remark(session, b, "reservation", "Réserve secrète", participant_id=ids[1])
    snap = snapshot.load(session.conn)
    session.close()
    out = write_minutes(snap, tmp_path / "m.pdf")
    _, pages = pdf_text(out)
    text = " ".join(pages)
    title = next(c.title for c in snap.clauses if c.id == pending)
    art = section(text, f"C{pending} — {title}", "6. Synthèse des décisions")
    assert "Vote en cours" in art and "3 votes enregistrés sur 3 attendus" in art
    assert "3 pour" not in art and "voix pour" not in art and "Résultat" not in art
    assert "Total" not in art and "Votes nominatifs" not in art
    assert "Réserve secrète" not in text  # a remark would reveal a choice
    summary = section(text, "6. Synthèse des décisions", "7. Points ouverts")
    assert "vote en cours" in summary
    # The closed round of the other clause is reported in full.
    assert "Résultat : adoptée." in text and "Aucune objection sur 3 participants" in text


# -- hostile text -------------------------------------------------------------------------------
LONG = " ".join(["lorem ipsum dolor"] * 600)  # about 10,800 characters
REMARK = " ".join(["remarquable"] * 900)  # about 10,800 characters
HOSTILE_NAMES = [
    "<b>&amp;</b> Dupont",
    "a<b",
    '"Jean" l\'Écuyer & <i>fils</i>',
    "Zoé\x0b 🌿 Martin",
    "يوسف الحداد",
    "田中 美咲",
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    session = setup.create(base / "h.charter", "Atelier <b>&amp;</b> « 🚀 »", "ACME & <Co>", "fr")
    setup.update_workshop(session, place="Salle <&>\x0b", facilitator="Anim & <Co>")
    college = setup.add_college(session, "<i>Collège</i> & co 🙂").value
    ids = [
        setup.add_participant(session, name, 2 if i % 2 else college, "fonction <x>").value
        for i, name in enumerate(HOSTILE_NAMES)
    ]
    lib = builtin_library("fr")
    cid = clauses.add_clause(session, lib, "ip-brand").value
    clauses.amend(
        session,
        cid,
        'Début <b>&amp;</b> a<b "q" 🚀 يوسف\x0b fin.\n\n' + LONG + " " + "x" * 400,
        college_id=college,
        reason="Parce que <script> & \x0b « ok »",
    )
    b = ballots.open_ballot(session, cid, method="consent", capture="nominative").value
    for i, pid in enumerate(ids):
        if i == 0:
            ballots.cast_vote(session, b, pid, "objection", REMARK)
        else:
            ballots.cast_vote(session, b, pid, "consent")
    ballots.close_ballot(session, b)
    clauses.set_clause_note(session, cid, "Note\x0b avec <tag> & emoji 👍🏽")
    plan.add_action(session, "Action <b>gras</b> & 🚀", "training", audience="<tous>", owner="A&B")
    snap = snapshot.load(session.conn)
    session.close()
    # A clause title far longer than a page, as a snapshot could carry.
    first = dataclasses.replace(snap.clauses[0], title="Titre " + LONG)
    snap = dataclasses.replace(snap, clauses=(first,))
    out = write_minutes(snap, base / "hostile.pdf")
    reader, pages = pdf_text(out)
    return snap, reader, body(pages)


def test_hostile_text_is_printed_literally(hostile):
    _, _, text = hostile
    for name in HOSTILE_NAMES:
        expected = norm(name.replace("\x0b", ""))
        if name == "田中 美咲":
            expected = f"{SUBSTITUTE * 2} {SUBSTITUTE * 2}"
        elif "🌿" in name:
            expected = "Zoé"  # the emoji is drawn by the emoji font; see the font test
        assert expected in text, name
    for fragment in (
        "Atelier <b>&amp;</b>",
        "ACME & <Co>",
        "Salle <&>",
        'Début <b>&amp;</b> a<b "q"',
        "Parce que <script> &",
        "Note avec <tag> & emoji",
        "Action <b>gras</b> &",
        "<i>Collège</i> & co",
    ):
        assert fragment in text, fragment
    assert "\x0b" not in text


def test_ten_thousand_characters_in_a_clause_a_remark_and_a_title(hostile):
    _, reader, text = hostile
    assert len(LONG) > 10_000 and len(REMARK) > 10_000
    # The long wording (amendment), the long title (clause, summary, open points) and the
    # long objection (clause section and open points table). Rows taller than a page are
    # split and their cells interleave with the repeated headers, so count words.
    # A word broken at a line's end is hyphenated (« remar- quable »): count whole words and
    # the tails of broken ones (where a row is split, a tail is printed away from its head).
    tails = {"dolor": "dolor|lor", "remarquable": "remarquable|marquable|quable"}
    counted = {w: len(re.findall(rf"(?<!\w)(?:{t})\b", text)) for w, t in tails.items()}
    assert counted == {"dolor": 4 * 600, "remarquable": 2 * 900}
    assert "x" * 400 in text.replace(" ", "")
    assert len(reader.pages) > 10


def test_emoji_use_the_emoji_font_and_unknown_glyphs_a_visible_box(hostile):
    _, reader, text = hostile
    fonts = fonts_used(reader)
    assert any("NotoEmoji" in name for name in fonts), fonts
    assert all(fonts.values())
    assert SUBSTITUTE in text  # the CJK name
    # Emoji are drawn and can be copied back (a valid ToUnicode entry for U+1F680).
    assert "Action <b>gras</b> & 🚀" in text and "🌿" in text


# -- the text pipeline ---------------------------------------------------------------------------
def test_markup_escapes_and_picks_a_font_for_every_glyph():
    register_fonts()
    assert markup("<b>&amp;</b>\na<b") == "&lt;b&gt;&amp;amp;&lt;/b&gt;<br/>a&lt;b"
    assert markup("x\x0by\x00z") == "xyz"
    assert markup("🚀") == f'<font name="{EMOJI_FONT}">🚀</font>'
    assert markup("中") == SUBSTITUTE
    # DejaVu's oblique faces have no Arabic: those letters take the upright face.
    assert f'<font name="{FONT}">' in markup("يوسف", FONT_ITALIC)
    assert "<font" not in markup("Łukasz Nguyễn Παναγιώτης Смирнова", FONT_ITALIC)


def test_right_to_left_runs_are_joined_and_put_in_visual_order():
    assert visual("Vote de נועה כהן : pour") == "Vote de ןהכ\u00a0העונ : pour"
    assert visual("لا") == "\ufefb"  # lam-alef ligature
    shaped = visual("يوسف")
    assert shaped == "\ufef3\ufeee\ufeb3\ufed2"[::-1]  # initial, final, initial, final
    assert unicodedata.normalize("NFKC", shaped)[::-1] == "يوسف"
    assert visual("שלום (12:30)") == "(12:30)\u00a0םולש"  # numbers stay left to right
    assert visual("Nom (נועה כהן) ok") == "Nom (ןהכ\u00a0העונ) ok"
    assert visual("Łukasz") == "Łukasz"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_any_text_makes_a_valid_paragraph(text):
    register_fonts()
    for face in (FONT, FONT_ITALIC):
        para = Paragraph(markup(text, face))
        para.wrap(120, 1000)
