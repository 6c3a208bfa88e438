"""The two views of a paragraph for the markup Word and LibreOffice write beyond a simple
insertion or deletion: a deleted paragraph mark, a move, a formatting change, a deletion
inside our own insertion, fields, a text box, the table of contents."""

from __future__ import annotations

from lxml import etree

from workshop.review.blocks import DELETED, FORMATTING, INSERTED, MOVED_FROM, MOVED_TO, read_blocks
from workshop.review.reader import _owners, _view

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LAWYER = 'w:author="Maître Dupont" w:date="2026-12-07T15:42:00Z"'
OURS = 'w:author="Atelier — RH" w:date="2026-11-26T09:53:45Z"'


def _blocks(body: str):
    root = etree.fromstring(f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
    return read_blocks(root)


def _run(text: str, deleted: bool = False) -> str:
    tag = "w:delText" if deleted else "w:t"
    return f'<w:r><{tag} xml:space="preserve">{text}</{tag}></w:r>'


def test_a_deleted_paragraph_mark_joins_two_paragraphs():
    blocks = _blocks(
        f'<w:p><w:pPr><w:rPr><w:del w:id="1" {LAWYER}/></w:rPr></w:pPr>{_run("Un.")}</w:p>'
        f"<w:p>{_run(' Deux.')}</w:p>"
    )
    assert _view(blocks, "before") == "Un.\n Deux."
    assert _view(blocks, "after") == "Un. Deux."
    assert [r.kind for r in blocks[0].revisions] == [DELETED]


def test_an_inserted_paragraph_mark_is_ours_or_the_lawyer_s():
    mark = f'<w:pPr><w:rPr><w:ins w:id="1" {OURS}/></w:rPr></w:pPr>'
    blocks = _blocks(f"<w:p>{mark}{_run('Un.')}</w:p><w:p>{_run('Deux.')}</w:p>")
    assert _view(blocks, "before") == _view(blocks, "after") == "Un.\nDeux."
    assert blocks[0].revisions == []  # ours: not reported


def test_a_move_reads_as_moved_away_and_moved_here():
    blocks = _blocks(
        f'<w:p><w:moveFrom w:id="1" {LAWYER}>{_run("Loin ", True)}</w:moveFrom>'
        f'{_run("ici")}<w:moveTo w:id="2" {LAWYER}>{_run(" loin")}</w:moveTo></w:p>'
    )
    assert _view(blocks, "before") == "Loin ici"
    assert _view(blocks, "after") == "ici loin"
    assert [(r.kind, r.text) for r in blocks[0].revisions] == [
        (MOVED_FROM, "Loin "),
        (MOVED_TO, " loin"),
    ]


def test_formatting_changes_do_not_touch_the_text():
    blocks = _blocks(
        "<w:p><w:pPr><w:jc w:val='both'/><w:pPrChange w:id='3' "
        f"{LAWYER}><w:pPr/></w:pPrChange></w:pPr>"
        "<w:r><w:rPr><w:b/><w:rPrChange w:id='4' "
        f"{LAWYER}><w:rPr/></w:rPrChange></w:rPr><w:t>Gras</w:t></w:r></w:p>"
    )
    assert _view(blocks, "before") == _view(blocks, "after") == "Gras"
    assert [(r.kind, r.text) for r in blocks[0].revisions] == [
        (FORMATTING, ""),
        (FORMATTING, "Gras"),
    ]


def test_the_lawyer_deleting_our_insertion():
    blocks = _blocks(
        f'<w:p>{_run("Texte.")}<w:ins w:id="1" {OURS}>{_run(" Ajout")}'
        f'<w:del w:id="2" {LAWYER}>{_run(" retiré", True)}</w:del>{_run(".")}</w:ins></w:p>'
    )
    assert _view(blocks, "before") == "Texte. Ajout retiré."
    assert _view(blocks, "after") == "Texte. Ajout."
    assert [(r.kind, r.author, r.text) for r in blocks[0].revisions] == [
        (DELETED, "Maître Dupont", " retiré")
    ]


def test_our_deletion_stays_deleted_and_the_lawyer_s_insertion_is_new():
    blocks = _blocks(
        f'<w:p><w:del w:id="1" {OURS}>{_run("Ancien ", True)}</w:del>{_run("texte")}'
        f'<w:ins w:id="2" {LAWYER}>{_run(" nouveau")}</w:ins></w:p>'
    )
    assert _view(blocks, "before") == "texte"
    assert _view(blocks, "after") == "texte nouveau"
    assert [r.kind for r in blocks[0].revisions] == [INSERTED]


def test_field_codes_and_vml_duplicates_are_not_text():
    blocks = _blocks(
        "<w:p><w:r><w:fldChar w:fldCharType='begin'/></w:r>"
        "<w:r><w:instrText> REF clause_C7_heading \\r \\h </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r>"
        f"{_run('Article 7')}<w:r><w:fldChar w:fldCharType='end'/></w:r>"
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<mc:Choice Requires='wps'>{_run(' (encadré)')}</mc:Choice>"
        f"<mc:Fallback>{_run(' (encadré)')}</mc:Fallback></mc:AlternateContent></w:p>"
    )
    assert _view(blocks, "after") == "Article 7 (encadré)"


def test_the_table_of_contents_never_names_an_article():
    blocks = _blocks(
        "<w:p><w:pPr><w:pStyle w:val='Contents2'/></w:pPr>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
        '<w:r><w:instrText> TOC \\o "1-2" </w:instrText></w:r>'
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r>"
        f"{_run('Article 1 — Titre (réf. C7)')}</w:p>"
        f"<w:p>{_run('Article 2 — Autre (réf. C8)')}"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r></w:p>"
        f"<w:p>{_run('Texte hors article.')}</w:p>"
        f"<w:p>{_run('— Titre (réf. C7)')}</w:p><w:p>{_run('Texte de l’article.')}</w:p>"
    )
    assert [b.contents_entry for b in blocks] == [True, True, False, False, False]
    assert _owners(blocks, {}) == [None, None, None, "C7", "C7"]


def test_a_heading_ends_the_article_found_by_its_reference():
    blocks = _blocks(
        f"<w:p>{_run('— Titre (réf. C7)')}</w:p><w:p>{_run('Texte.')}</w:p>"
        f"<w:p><w:pPr><w:pStyle w:val='Heading1'/></w:pPr>{_run('Annexe 1')}</w:p>"
        f"<w:p>{_run('Plan.')}</w:p>"
        f"<w:p><w:pPr><w:outlineLvl w:val='1'/></w:pPr>{_run('Notes')}</w:p>"
    )
    assert _owners(blocks, {"Heading1": 0}) == ["C7", "C7", None, None, None]
