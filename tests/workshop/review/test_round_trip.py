"""A review round trip: the demo charter exported, edited as Word writes a lawyer's review,
read back to the right clauses with the right texts; the workshop's own revisions and
comments never reported as the lawyer's; the same after LibreOffice saves it, and when
the bookmarks are gone."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from tests.workshop.review import scenario
from tests.workshop.review.word_edits import LAWYER, W, WordReview
from workshop.review import read_review
from workshop.review.reader import Review

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> scenario.Scenario:
    return scenario.build(tmp_path_factory.mktemp("review"))


def _by_ref(review: Review) -> dict:
    return {c.reference: c for c in review.clauses}


def _check(review: Review, s: scenario.Scenario) -> None:
    clauses = _by_ref(review)
    assert set(clauses) == {s.deleted_ref, s.inserted_ref}
    deleted = clauses[s.deleted_ref]
    assert deleted.before == s.deleted_before
    assert deleted.after == s.deleted_after
    assert [r.kind for r in deleted.revisions] == ["deleted"]
    assert [c.text for c in deleted.comments] == [scenario.REPLY]
    assert deleted.comments[0].reply_to == "Atelier — provenance"

    inserted = clauses[s.inserted_ref]
    assert inserted.before == s.inserted_before
    assert inserted.after == s.inserted_after
    assert sorted(r.kind for r in inserted.revisions) == ["deleted", "inserted"]
    assert [c.text for c in inserted.comments] == [scenario.COMMENT]
    for clause in clauses.values():
        assert {r.author for r in clause.revisions} == {LAWYER}
        assert {c.author for c in clause.comments} == {LAWYER}
        assert not clause.title_changed

    assert [(o.comment.text, o.comment.author) for o in review.outside if o.comment] == [
        (scenario.COVER_COMMENT, LAWYER)
    ]
    assert s.cover_words in review.outside[0].context
    assert all(o.comment for o in review.outside)  # no revision outside the articles


def test_the_lawyer_s_changes_read_back_to_their_clauses(built):
    assert scenario.lawyer_authors(built.reviewed) == 6  # 3 revisions, 3 comments
    review = read_review(built.reviewed)
    assert review.bookmarks
    _check(review, built)


def test_the_export_alone_holds_nothing_of_the_lawyer_s(built):
    """Our tracked changes (« Atelier — <collège> ») and comments (provenance, library,
    reservations) are in the export: none of them is reported."""
    with zipfile.ZipFile(built.exported) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    assert body.xpath("//w:ins", namespaces={"w": W[1:-1]})  # the test means something
    review = read_review(built.exported)
    assert review.empty, review


def test_without_bookmarks_the_visible_references_decide(built, tmp_path):
    edited = WordReview(built.reviewed)
    for el in list(edited.document.iter(W + "bookmarkStart", W + "bookmarkEnd")):
        el.getparent().remove(el)
    review = read_review(edited.save(tmp_path / "sans-signets.docx"))
    assert not review.bookmarks
    _check(review, built)


def test_a_bookmark_left_open_stops_at_the_next_heading(built, tmp_path):
    """LibreOffice writes a bookmark over several paragraphs twice and never closes the
    first: what follows the article is not part of it."""
    edited = WordReview(built.reviewed)
    for el in list(edited.document.iter(W + "bookmarkEnd")):
        el.getparent().remove(el)
    _check(read_review(edited.save(tmp_path / "signets-ouverts.docx")), built)


@pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed: `make test` installs "
    "libreoffice-writer-nogui when run as root with apt-get",
)
def test_after_libreoffice_saves_it(built, tmp_path):
    out = tmp_path / "lo"
    result = subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(built.reviewed),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    saved = out / built.reviewed.name
    assert result.returncode == 0 and saved.exists(), result.stderr or result.stdout
    review = read_review(saved)
    clauses = _by_ref(review)
    assert set(clauses) == {built.deleted_ref, built.inserted_ref}
    assert clauses[built.deleted_ref].after == built.deleted_after
    assert clauses[built.inserted_ref].before == built.inserted_before
    assert clauses[built.inserted_ref].after == built.inserted_after
    assert [c.text for c in clauses[built.inserted_ref].comments] == [scenario.COMMENT]
    # LibreOffice keeps no reply threads: the reply reads as a comment of its own, still
    # on its article, and ours stay ours
    assert [c.text for c in clauses[built.deleted_ref].comments] == [scenario.REPLY]
    assert [o.comment.text for o in review.outside if o.comment] == [scenario.COVER_COMMENT]


def test_an_english_charter_by_its_visible_references(tmp_path):
    """« (ref. C7) » in an English charter; our « Workshop — … » authors are ours too."""
    from tests.demo_files import copy_demo
    from workshop import snapshot
    from workshop.exports.charter import write_charter
    from workshop.references import reference
    from workshop.review.proposals import wording
    from workshop.session import Session

    with Session.open_readonly(copy_demo(tmp_path / "demo.charter", "en")) as session:
        snap = snapshot.load(session.conn)
    exported = write_charter(snap, tmp_path / "charter.docx")
    assert read_review(exported).empty
    clause = next(c for c in snap.clauses if c.adopted and c.amendments)
    words = wording(clause.text).split("\n")[0].split(". ")[0].split(" ", 2)[1]
    edited = WordReview(exported)
    edited.delete(words, within=f"clause_{reference(clause)}", author="Legal team")
    for el in list(edited.document.iter(W + "bookmarkStart", W + "bookmarkEnd")):
        el.getparent().remove(el)
    review = read_review(edited.save(tmp_path / "reviewed.docx"))
    [found] = review.clauses
    assert found.reference == reference(clause)
    assert found.before == wording(clause.text)
    assert found.after == wording(clause.text).replace(words, "", 1)
    assert found.authors == ("Legal team",)
