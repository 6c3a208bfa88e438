"""Issue 10: no name, function or facilitator's name leaks from a pseudonymised export.

A bundle whose free texts name participants in every way people type them (full name,
surname alone, first name alone, no accents, other case, ’ or ', hyphenated parts, RTL
names, names inside « ») is imported; every output of the registry is then searched, on
folded text (accents and case away), for every name, every function and the facilitator.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pypdf
import pytest

from tests.demo_files import copy_demo
from workshop import bundle, exports, snapshot
from workshop.exports.common import ExportOptions
from workshop.exports.names import COMMON_WORDS, PARTICLES, filtered_snapshot
from workshop.session import Session
from workshop.textfmt import fold

PSEUDO = ExportOptions(anonymize=True)
FACILITATOR = "Camille Rousseau"

# Free texts that name people; the surname-alone, first-name-alone, accentless, upper-case,
# straight-apostrophe and RTL forms are all there.
MENTIONS = [
    "Demandé par HELENE MARCHAND-DUBOIS et « Benali ».",
    "voir avec Gauthier, puis avec sophie gauthier",
    "Mael O'Connor est d’accord ; O’Connor aussi",
    "Dubois a rappelé l’avis de Marchand",
    "يوسف الحداد a voté, comme נועה כהן",
    "olga смирнова et bjorn akesson, et Björn",
    "Note de Camille Rousseau, et de Rousseau seule",
    "proposé par Zoé (déléguée syndicale) et François Lefevre",
    "à voir avec Noé Petit et Inès",
    "écrire à Marc Durand, marc.durand@example.org ou 06 12 34 56 78",
]


def _inject(data: dict) -> dict:
    """The demo bundle with names typed into every kind of free text."""
    texts = iter(MENTIONS * 20)
    data["workshop"]["place"] = "Lyon, bureau de Sophie Gauthier"
    for d in data["diagnostic"][:3]:
        d["note"] = next(texts)
    for c in data["clauses"]:
        c["note"] = next(texts)
        for a in c["amendments"]:
            a["reason"] = next(texts)
        for b in c["ballots"]:
            for r in b["remarks"]:
                r["text"] = next(texts)
    for a in data["actions"]:
        a["owner"] = "Sophie Gauthier"
        a["description"] = next(texts)
    for e in data["audit"][:5]:
        e["summary"] = next(texts)
    return data


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """(snapshot of the imported workshop, folder, path of the workshop file)."""
    folder = tmp_path_factory.mktemp("pseudo")
    source = Session.open(copy_demo(folder / "demo.charter", "fr"))
    data = _inject(bundle.export_bundle(source))
    source.close()
    path = folder / "named.charter"
    session = bundle.import_bundle(data, path)
    snap = snapshot.load(session.conn)
    session.close()
    assert snap.workshop.facilitator == FACILITATOR
    return snap, folder, path


def _forbidden(snap: snapshot.Snapshot) -> list[str]:
    """Folded names and name words that must appear nowhere (common words checked apart)."""
    found = set()
    for name in [p.name for p in snap.participants] + [FACILITATOR]:
        words = fold(name).split()
        found.add(" ".join(words))
        for word in words:
            for part in re.split(r"['\-]", word) + word.split("-"):
                if len(part) >= 3 and part not in COMMON_WORDS and part not in PARTICLES:
                    found.add(part)
    return sorted(found)


def _assert_no_name(text: str, snap: snapshot.Snapshot, where: str) -> None:
    folded = fold(text)
    for token in _forbidden(snap):
        assert not re.search(rf"(?<!\w){re.escape(token)}(?!\w)", folded), (where, token)
    # common-word surnames typed capitalised mid-sentence are gone too
    for phrase in ("avis de Marchand", "avec Noé Petit", "Noé", "example.org", "06 12 34"):
        assert phrase not in text, (where, phrase)


def _function_counts(text: str, snap: snapshot.Snapshot) -> dict[str, int]:
    folded = fold(text)
    return {
        p.function: len(re.findall(rf"(?<!\w){re.escape(fold(p.function))}(?!\w)", folded))
        for p in snap.participants
        if p.function
    }


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return "\n".join(
            z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels"))
        )


def _pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    meta = reader.metadata or {}
    pages = [page.extract_text() for page in reader.pages]
    return "\n".join(pages + [str(v) for v in meta.values()])


def _read(key: str, path: Path) -> str:
    if key == "charter":
        return _docx_text(path)
    if key == "minutes":
        return _pdf_text(path)
    return path.read_text(encoding="utf-8-sig")


def _control(snap: snapshot.Snapshot) -> snapshot.Snapshot:
    """The same workshop with nobody's function: what the app and the library print anyway."""
    from dataclasses import replace

    return replace(snap, participants=tuple(replace(p, function="") for p in snap.participants))


@pytest.mark.parametrize("key", ["charter", "minutes", "votes", "bundle"])
def test_a_pseudonymised_export_names_nobody(imported, key):
    snap, folder, _ = imported
    export = exports.EXPORTS[key]
    out = exports.run(key, snap, folder / f"pseudo{export.suffix}", PSEUDO)
    text = _read(key, out)
    _assert_no_name(text, snap, key)
    # the facilitator appears as the facilitation team where they were named
    if key in ("charter", "minutes"):
        assert "l’équipe d’animation" in text
    if key in ("minutes", "bundle"):  # the free texts are there, filtered
        flat = " ".join(text.split())
        gauthier = next(p for p in snap.participants if p.name == "Sophie Gauthier")
        assert f"voir avec {gauthier.pseudonym}, puis avec {gauthier.pseudonym}" in flat
        assert "[e-mail masqué]" in flat and "[téléphone masqué]" in flat
    # functions: never more often than the app's and the library's own wording prints them
    control = exports.run(key, _control(snap), folder / f"control{export.suffix}", PSEUDO)
    allowed = _function_counts(_read(key, control), snap)
    for function, n in _function_counts(text, snap).items():
        assert n <= allowed[function], (key, function, n, allowed[function])
    # the pseudonyms are what stands in
    assert any(p.pseudonym in text for p in snap.participants)


def test_the_pdf_and_docx_metadata_name_nobody(imported):
    import docx

    snap, folder, _ = imported
    pdf = exports.run("minutes", snap, folder / "m.pdf", PSEUDO)
    meta = pypdf.PdfReader(pdf).metadata
    fields = [meta.author, meta.creator, meta.title, meta.subject, meta.get("/Keywords", "")]
    _assert_no_name(" ".join(str(f or "") for f in fields), snap, "pdf metadata")
    assert meta.author == "l’équipe d’animation"
    out = exports.run("charter", snap, folder / "c.docx", PSEUDO)
    props = docx.Document(str(out)).core_properties
    values = [props.author, props.last_modified_by, props.title, props.subject, props.keywords,
              props.comments, props.identifier, props.category]  # fmt: skip
    _assert_no_name(" ".join(v or "" for v in values), snap, "docx properties")
    assert props.author == props.last_modified_by == "l’équipe d’animation"


def test_a_template_s_custom_and_company_properties_are_dropped(imported, tmp_path):
    import docx

    snap, folder, _ = imported
    template = tmp_path / "t.docx"
    docx.Document().save(str(template))
    with zipfile.ZipFile(template) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["docProps/custom.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.'
        b'org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"'
        b' pid="2" name="Owner"><vt:lpwstr>Sophie Gauthier</vt:lpwstr></property></Properties>'
    )
    rels = parts["_rels/.rels"].decode()
    parts["_rels/.rels"] = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
    ).encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>",
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.custom-properties+xml"/></Types>',
    ).encode()
    with zipfile.ZipFile(template, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    normal = exports.run("charter", snap, tmp_path / "n.docx", ExportOptions(), template=template)
    assert "Sophie Gauthier" in _docx_text(normal)  # the template's property, kept normally
    out = exports.run("charter", snap, tmp_path / "p.docx", PSEUDO, template=template)
    _assert_no_name(_docx_text(out), snap, "templated docx")


def test_the_pseudonymised_bundle_still_imports(imported, tmp_path):
    snap, folder, _ = imported
    out = exports.run("bundle", snap, tmp_path / "p.json", PSEUDO)
    data = json.loads(out.read_text(encoding="utf-8"))
    bundle.check_bundle(data)
    assert all(p["function"] == "" and p["name"] == p["pseudonym"] for p in data["participants"])
    again = bundle.import_bundle(data, tmp_path / "again.charter")
    again.close()


def test_the_complete_backup_is_not_filtered(imported, tmp_path):
    snap, _, _ = imported
    out = exports.run("bundle", snap, tmp_path / "full.json", ExportOptions())
    assert "Sophie Gauthier" in out.read_text(encoding="utf-8")


def test_a_normal_export_hides_only_who_refused_and_never_their_function(imported, tmp_path):
    snap, _, _ = imported
    refused = [p for p in snap.participants if not p.may_be_named]
    named = [p for p in snap.participants if p.may_be_named]
    assert refused and named
    for key in ("charter", "minutes", "votes"):
        out = exports.run(key, snap, tmp_path / f"n{exports.EXPORTS[key].suffix}")
        text = _read(key, out)
        folded = fold(text)
        for p in refused:
            assert fold(p.name) not in folded, (key, p.pseudonym)
            assert fold(p.function) not in folded, (key, p.pseudonym)
        if key == "minutes":
            assert all(p.name in " ".join(text.split()) for p in named if p.name.isascii())
            assert FACILITATOR in text


def test_a_first_name_that_is_a_common_word_keeps_the_charter_text(tmp_path):
    """« Rose » and « Claire » as words: untouched in a normal export; in a pseudonymised one
    only a capitalised mid-sentence « Rose » is taken for the name (see names.py)."""
    from workshop.library import builtin_library
    from workshop.operations import clauses, setup

    session = setup.create(tmp_path / "r.charter", "Atelier", "ACME", "fr")
    setup.add_participant(session, "Rose Martin", 1, "Juriste")
    setup.add_participant(session, "Claire Dubreuil", 2, "DRH")
    cid = clauses.add_clause(session, builtin_library("fr"), "scope-platforms").value
    wording = "Claire et précise, la règle reste claire ; la rose des vents. Voir Rose."
    clauses.amend(session, cid, wording)
    snap = snapshot.load(session.conn)
    session.close()
    normal = filtered_snapshot(snap, pseudonymise=False)
    assert normal.clauses[0].text == wording
    text = " ".join(_pdf_text(exports.run("minutes", snap, tmp_path / "n.pdf")).split())
    assert "Claire et précise, la règle reste claire ; la rose des vents. Voir Rose." in text
    pseudo = filtered_snapshot(snap, pseudonymise=True).clauses[0].text
    rose = snap.participants[0].pseudonym
    assert pseudo == f"Claire et précise, la règle reste claire ; la rose des vents. Voir {rose}."


def test_the_cli_warns_on_stderr_and_still_exports(imported, tmp_path):
    snap, _, path = imported
    out = tmp_path / "m.csv"
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "export", str(path), "--csv", str(out),
         "--pseudonymise"],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.exists()
    warnings = result.stderr.splitlines()
    assert warnings and all(line.startswith("Attention : ") for line in warnings)
    assert any("deux mots en capitale" in line and "Marc Durand" in line for line in warnings)
    assert any("adresse e-mail" in line for line in warnings)
    assert any("téléphone" in line for line in warnings)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        _assert_no_name("\n".join(";".join(r) for r in csv.reader(fh, delimiter=";")), snap, "cli")
    # the former flag is an alias
    again = subprocess.run(
        [sys.executable, "-m", "workshop", "export", str(path), "--csv", str(tmp_path / "a.csv"),
         "--anonymize"],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert again.returncode == 0 and (tmp_path / "a.csv").exists()
    assert "--anonymize" not in subprocess.run(
        [sys.executable, "-m", "workshop", "export", "--help"],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    ).stdout  # fmt: skip


def test_default_file_names_name_nobody(imported):
    snap, _, _ = imported
    for key, export in exports.EXPORTS.items():
        name = export.default_name(PSEUDO, "fr", "atelier-sophie-gauthier")
        assert "sophie" not in name and name.endswith(export.suffix), key
        assert export.default_name(ExportOptions(), "fr", "atelier").startswith("atelier-")
