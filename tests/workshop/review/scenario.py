"""The review round trip's scenario: the demo charter exported, then reviewed as Word saves it.

Maître Dupont deletes a sentence of one article (whose provenance comment, ours, he answers)
and, in an amended article, inserts a sentence, deletes words of the workshop's own tracked
insertion, and comments; then comments on the cover. ``expected`` says what each article
must read back as.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tests.demo_files import copy_demo
from tests.workshop.review.word_edits import LAWYER, NS, W, WordReview
from workshop import snapshot
from workshop.exports.charter import write_charter
from workshop.read_model import Clause
from workshop.references import reference
from workshop.review.proposals import wording
from workshop.session import Session

INSERTED = " Le salarié peut demander conseil au service juridique."
COMMENT = "Préciser « salarié de l’entreprise » : 45 € ? œuvre, Łukasz Nguyễn-O’Brien 🙂"
COVER_COMMENT = "Vérifier la raison sociale exacte."
REPLY = "D’accord avec la provenance ; à vérifier."


@dataclass
class Scenario:
    workshop: Path
    exported: Path
    reviewed: Path
    deleted_ref: str
    inserted_ref: str
    deleted_before: str
    deleted_after: str
    deleted_words: str
    inserted_before: str
    inserted_after: str
    cover_words: str


def _sentence_bounds(line: str) -> tuple[int, int]:
    """Where the second sentence of ``line`` starts (its leading space) and ends."""
    i = line.index(". ") + 1
    j = line.index(". ", i + 1) + 1
    return i, j


def _first_unique_cover_text(review: WordReview) -> str:
    texts = [t.text or "" for t in review.document.iter(W + "t")]
    return next(t for t in texts[:40] if len(t) > 12 and sum(t in x for x in texts) == 1)


def _ours_inserted(review: WordReview, clause_ref: str) -> str:
    """The first words of the workshop's own tracked insertion in that article."""
    for t in review.document.iter(W + "t"):
        ins = next(t.iterancestors(W + "ins"), None)
        if ins is not None and ins.get(W + "author", "").startswith("Atelier — "):
            if review._inside(t, f"clause_{clause_ref}"):
                words = (t.text or "").split(" ")
                return " ".join(words[:4])
    raise AssertionError("no tracked insertion of ours in " + clause_ref)


def _provenance_comment(review: WordReview, title: str) -> str:
    for comment in review.comments.iter(W + "comment"):
        text = "".join(comment.itertext())
        if comment.get(W + "author") == "Atelier — provenance" and title in text:
            return comment.get(W + "id")
    raise AssertionError("no provenance comment")


def build(folder: Path) -> Scenario:
    workshop = copy_demo(folder / "demo.charter", "fr")
    session = Session.open_readonly(workshop)
    snap = snapshot.load(session.conn)
    session.close()
    exported = write_charter(snap, folder / "charte.docx")
    adopted = [c for c in snap.clauses if c.adopted]
    plain: Clause = next(c for c in adopted if not c.amendments and c.text.count(". ") >= 2)
    amended: Clause = next(c for c in adopted if c.amendments and ". " in c.text)
    review = WordReview(exported)

    line = wording(plain.text).split("\n")[0]
    i, j = _sentence_bounds(line)
    sentence = line[i:j]
    review.delete(sentence, within=f"clause_{reference(plain)}")
    parent = _provenance_comment(review, f"(réf. {reference(plain)})")
    review.comment(plain.title, REPLY, within=f"clause_{reference(plain)}", reply_to=parent)

    first = wording(amended.text).split("\n")[0]
    first_sentence = first[: first.index(". ") + 1]
    ours = _ours_inserted(review, reference(amended))
    review.insert(first_sentence, INSERTED, within=f"clause_{reference(amended)}")
    review.delete(ours, within=f"clause_{reference(amended)}")
    review.comment(first_sentence[:20], COMMENT, within=f"clause_{reference(amended)}")

    cover = _first_unique_cover_text(review)
    review.comment(cover, COVER_COMMENT)
    reviewed = review.save(folder / "charte-relue.docx")
    before = wording(amended.text)
    return Scenario(
        workshop=workshop,
        exported=exported,
        reviewed=reviewed,
        deleted_ref=reference(plain),
        inserted_ref=reference(amended),
        deleted_before=wording(plain.text),
        deleted_after=wording(plain.text).replace(sentence, "", 1),
        deleted_words=sentence.strip(),
        inserted_before=before,
        inserted_after=before.replace(first_sentence, first_sentence + INSERTED, 1).replace(
            ours, "", 1
        ),
        cover_words=cover,
    )


def lawyer_authors(document: Path) -> int:
    """How many revisions and comments in the package name the lawyer (a sanity check)."""
    import zipfile

    with zipfile.ZipFile(document) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        comments = etree.fromstring(z.read("word/comments.xml"))
    marks = body.xpath("//w:ins|//w:del", namespaces=NS)
    return sum(m.get(W + "author") == LAWYER for m in marks) + sum(
        c.get(W + "author") == LAWYER for c in comments.iter(W + "comment")
    )
