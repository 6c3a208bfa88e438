"""The template, the order of the parts, and writing the file atomically."""

from __future__ import annotations

import io
import os
from importlib.resources import files
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from workshop.errors import WorkshopError
from workshop.exports import without_audit
from workshop.exports.charter import annexes, articles, contents, cover, properties
from workshop.exports.charter.builder import Charter
from workshop.exports.charter.ooxml import set_language
from workshop.exports.charter.properties import drop_template_properties
from workshop.exports.charter.wordsetup import word_settings
from workshop.exports.common import ExportOptions, atomic_write, language
from workshop.exports.identifier import stamped
from workshop.exports.names import ensure_filtered, is_filtered
from workshop.snapshot import Snapshot


def _load_template(template: str | os.PathLike | None) -> DocxDocument:
    """Our template, or the facilitator's; a .dotx or a non-Word file is a one-line error."""
    if template is None:
        data = (files("resources") / "templates" / "charter.docx").read_bytes()
        return Document(io.BytesIO(data))
    path = Path(template)
    name = path.name
    try:
        data = path.read_bytes()
    except OSError:
        raise WorkshopError(
            f"Modèle « {name} » introuvable ou illisible.",
            f'Template "{name}" not found or unreadable.',
        ) from None
    try:
        doc = Document(io.BytesIO(data))
    except Exception as exc:  # a foreign file can fail in the zip, OPC or XML layer
        if "template" in str(exc).lower() or path.suffix.lower() in (".dotx", ".dotm"):
            raise WorkshopError(
                f"Modèle « {name} » : c’est un modèle Word (.dotx) ; ouvrez-le dans Word et "
                "enregistrez-le en document .docx.",
                f'Template "{name}": this is a Word template (.dotx); open it in Word and save '
                "it as a .docx document.",
            ) from None
        raise WorkshopError(
            f"Modèle « {name} » : ce n’est pas un document Word (.docx).",
            f'Template "{name}": this is not a Word document (.docx).',
        ) from None
    return doc


def _empty_body(doc: DocxDocument) -> None:
    """Drop a template's sample content, keeping its page setup (the last sectPr)."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    body.get_or_add_sectPr()
    # comments anchored on that content would be orphans (and hold ids of their own)
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/comments") and not rel.is_external:
            element = rel.target_part.element
            for comment in list(element):
                element.remove(comment)


def _build(charter: Charter) -> None:
    """The parts of the document, in order."""
    set_language(charter.doc, charter.lang)
    word_settings(charter.doc)
    cover.cover(charter)
    contents.place(charter)
    cover.preamble(charter)
    articles.article_list(charter)
    annexes.plan(charter)
    annexes.open_points(charter)
    annexes.participants(charter)
    annexes.legal(charter)
    contents.fill(charter)
    properties.header_footer(charter)
    properties.properties(charter)


def build_charter(
    snap: Snapshot,
    options: ExportOptions = ExportOptions(),
    template: str | os.PathLike | None = None,
) -> DocxDocument:
    """The charter as an in-memory python-docx document (for tests and previews)."""
    doc = _load_template(template)
    _empty_body(doc)
    options = stamped(options, snap)  # the identifier of the state, before the name filter
    if not is_filtered(snap, pseudonymise=options.anonymize):
        snap = without_audit(snap)  # the charter prints none of it: not filtered for nothing
    snap = ensure_filtered(snap, pseudonymise=options.anonymize, lang=language(snap, options))
    _build(Charter(snap, options, doc))
    if options.anonymize:
        drop_template_properties(doc)
    return doc


def write_charter(
    snap: Snapshot,
    target: str | os.PathLike,
    options: ExportOptions = ExportOptions(),
    template: str | os.PathLike | None = None,
) -> Path:
    """Write the draft charter DOCX atomically; returns its path.

    The whole document is built before anything touches the disk, so a bad template or a
    bug leaves no file behind, and the workshop is only read.
    """
    doc = build_charter(snap, options, template)
    return atomic_write(target, lambda path: doc.save(str(path)))
