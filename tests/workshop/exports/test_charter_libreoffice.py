"""The draft charter survives LibreOffice: converted to ODT it keeps every tracked change and
every comment, and rendered as text its articles carry Word's numbering and its REF fields
the right article numbers.

soffice takes seconds to start, so it runs once per conversion for the whole module, with a
private profile so that parallel runs do not share (and lock) one.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.demo_files import copy_demo
from tests.workshop.exports.docx_reading import NS, W, comments, part
from workshop import snapshot
from workshop.exports.charter import write_charter
from workshop.references import article_numbers, reference
from workshop.session import Session

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed: `make test` installs "
    "libreoffice-writer-nogui when run as root with apt-get",
)
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
NB = "\u00a0"


def _convert(source: Path, target_format: str, folder: Path, profile: Path) -> Path:
    result = subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target_format,
            "--outdir",
            str(folder),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    extension = target_format.split(":")[0]
    out = folder / f"{source.stem}.{extension}"
    assert result.returncode == 0 and out.exists(), result.stderr or result.stdout
    return out


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("libreoffice")
    path = copy_demo(folder / "demo.charter", "fr")
    session = Session.open(path)
    snap = snapshot.load(session.conn)
    session.close()
    docx_path = write_charter(snap, folder / "charte.docx")
    profile = folder / "profile"
    odt = _convert(docx_path, "odt", folder / "odt", profile)
    txt = _convert(docx_path, "txt:Text (encoded):UTF8", folder / "txt", profile)
    return snap, docx_path, odt, txt.read_text(encoding="utf-8-sig")


def _odt_content(odt: Path) -> etree._Element:
    with zipfile.ZipFile(odt) as z:
        return etree.fromstring(z.read("content.xml"))


def test_tracked_changes_survive_as_changed_regions(converted):
    _, docx_path, odt, _ = converted
    body = part(docx_path, "word/document.xml")
    revisions = body.xpath("//w:p/w:ins | //w:p/w:del", namespaces=NS)
    # the demo's three amendments, worked into the wording: words deleted and inserted
    assert len(revisions) >= 3 and {r.tag for r in revisions} == {
        f"{{{NS['w']}}}ins",
        f"{{{NS['w']}}}del",
    }
    regions = _odt_content(odt).findall(f".//{{{TEXT}}}changed-region")
    assert len(regions) == len(revisions)
    authors = {
        el.text for el in _odt_content(odt).iter("{http://purl.org/dc/elements/1.1/}creator")
    }
    assert {r.get(W + "author") for r in revisions} <= authors


def test_comments_survive_as_annotations(converted):
    _, docx_path, odt, _ = converted
    annotations = _odt_content(odt).findall(f".//{{{OFFICE}}}annotation")
    assert len(annotations) == len(comments(docx_path)) > 13  # provenance + reservations


def test_numbering_and_cross_references_as_libreoffice_renders_them(converted):
    snap, _, _, text = converted
    lines = [line.strip() for line in text.splitlines()]
    # after the contents (whose entries are typed text): the numbers are Word's numbering
    lines = lines[max(i for i, line in enumerate(lines) if line == "Préambule") :]
    numbers = article_numbers(snap)
    for clause in snap.clauses:
        if clause.adopted:
            heading = f"Article {numbers[clause.id]} — {clause.title}{NB}(réf. {reference(clause)})"
            assert heading in lines
    concerned = [line for line in lines if line.startswith(f"Clauses concernées{NB}:")]
    assert concerned and any("Article 11 — " in line for line in concerned)
    assert any(f"(annexe{NB}1)" in line for line in lines)
