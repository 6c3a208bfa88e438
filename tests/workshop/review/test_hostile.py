"""A reviewed document is hostile input: refused in one line (exit 1), the file untouched,
the workshop untouched, nothing executed nor fetched."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.workshop.review import scenario
from workshop.cli import main
from workshop.errors import FileRefused
from workshop.review import package, read_review

XXE = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    b'<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"&lol2;</w:comments>"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> scenario.Scenario:
    return scenario.build(tmp_path_factory.mktemp("review_hostile"))


def _rewrite(source: Path, target: Path, replace: dict[str, bytes | None], extra=()) -> Path:
    """A copy of ``source`` with members replaced (None: removed) or added."""
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name in z.namelist():
            if name in replace:
                if replace[name] is not None:
                    out.writestr(name, replace[name])
            else:
                out.writestr(name, z.read(name))
        for name, data in extra:
            out.writestr(name, data)
    return target


def _not_a_zip(built, folder):
    path = folder / "relue.docx"
    path.write_text("Ceci n’est pas un document Word.", encoding="utf-8")
    return path


def _bomb(built, folder):
    zeros = b"\0" * (package.MAX_PART_BYTES + 1)
    return _rewrite(built.reviewed, folder / "bombe.docx", {}, [("word/media/zeros.bin", zeros)])


def _many(built, folder):
    extra = [(f"word/media/{n}.xml", b"<a/>") for n in range(package.MAX_MEMBERS + 1)]
    return _rewrite(built.reviewed, folder / "milliers.docx", {}, extra)


def _xxe(built, folder):
    return _rewrite(built.reviewed, folder / "xxe.docx", {"word/document.xml": XXE})


def _xxe_utf16(built, folder):
    data = XXE.replace(b'encoding="UTF-8"', b'encoding="UTF-16"').decode().encode("utf-16")
    return _rewrite(built.reviewed, folder / "xxe16.docx", {"word/document.xml": data})


def _laughs(built, folder):
    return _rewrite(built.reviewed, folder / "rires.docx", {"word/comments.xml": LAUGHS})


def _no_document(built, folder):
    return _rewrite(built.reviewed, folder / "vide.docx", {"word/document.xml": None})


def _strict(built, folder):
    with zipfile.ZipFile(built.reviewed) as z:
        data = z.read("word/document.xml").replace(
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        )
    return _rewrite(built.reviewed, folder / "strict.docx", {"word/document.xml": data})


def _docm(built, folder):
    path = folder / "relue.docm"
    shutil.copy(built.reviewed, path)
    return path


def _vba(built, folder):
    with zipfile.ZipFile(built.reviewed) as z:
        types = z.read("[Content_Types].xml").replace(
            b"</Types>",
            b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
            b"</Types>",
        )
    return _rewrite(
        built.reviewed,
        folder / "macros.docx",
        {"[Content_Types].xml": types},
        [("word/vbaProject.bin", b"Attribute VB_Name")],
    )


CASES = {
    "not a zip": (_not_a_zip, "ce n’est pas un document Word (.docx) lisible."),
    "zip bomb": (_bomb, "archive trop volumineuse une fois décompressée (bombe zip ?)"),
    "too many members": (_many, "trop d’éléments dans l’archive"),
    "XXE": (_xxe, "XML avec DTD ou entités refusé (word/document.xml)."),
    "XXE in UTF-16": (_xxe_utf16, "XML avec DTD ou entités refusé (word/document.xml)."),
    "billion laughs": (_laughs, "XML avec DTD ou entités refusé (word/comments.xml)."),
    "no document.xml": (_no_document, "document Word incomplet"),
    "Strict Open XML": (_strict, "format non pris en charge (Strict Open XML ?)"),
    ".docm": (_docm, "document avec macros refusé"),
    "VBA project": (_vba, "document avec macros refusé"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_refused_in_one_line_file_untouched(built, tmp_path, capsys, case):
    make, message = CASES[case]
    hostile = make(built, tmp_path)
    workshop = tmp_path / "atelier.charter"
    shutil.copy(built.workshop, workshop)
    digests = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (hostile, workshop)]
    assert main(["review", str(workshop), str(hostile), "--record"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"charter-workshop: {hostile.name} : ")
    assert message in lines[0]
    assert "root:" not in captured.err  # /etc/passwd never read into anything
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in (hostile, workshop)] == digests
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([hostile.name, workshop.name])


def test_english_refusal(built, tmp_path, capsys):
    hostile = _xxe(built, tmp_path)
    with pytest.raises(FileRefused) as caught:
        read_review(hostile)
    assert caught.value.message("en") == (
        "xxe.docx: XML with a DTD or entities refused (word/document.xml)."
    )


def test_a_missing_file_is_one_line(tmp_path, built, capsys):
    assert main(["review", str(built.workshop), str(tmp_path / "absent.docx")]) == 1
    assert capsys.readouterr().err == (
        "charter-workshop: absent.docx : fichier introuvable ou illisible.\n"
    )
