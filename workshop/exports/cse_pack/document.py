"""The CSE pack as a Word document: laid out with the charter's builder and template, every
placeholder highlighted so that nobody takes a blank for a formality done."""

from __future__ import annotations

import copy
import os
from datetime import datetime
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.shared import Cm
from docx.text.paragraph import Paragraph

from workshop.exports.charter.builder import Charter, format_date
from workshop.exports.charter.document import _empty_body, _load_template
from workshop.exports.charter.ooxml import add_field, free_paragraph, set_language
from workshop.exports.charter.properties import drop_template_properties
from workshop.exports.common import ExportOptions, atomic_write, language
from workshop.exports.cse_pack.content import Pack, pack
from workshop.exports.legal.status import PLACEHOLDER_PATTERN
from workshop.exports.names import ensure_filtered
from workshop.snapshot import Snapshot

BOX = "\u2610"  # ☐, a box to tick on paper

_WORDS = {
    "fr": {
        "working": "Document de travail — à compléter avant transmission au CSE",
        "status": "Statut envisagé de la charte : {status}.",
        "size": "Effectif de l’entreprise : {size}.",
        "issued": "Document établi le {date}",
        "warnings": "Points à régler avant la consultation",
        "note": "Note d’information au CSE",
        "grounds": "Motifs d’information et de consultation",
        "basis": "Fondement : ",
        "concerned": "Clauses concernées : ",
        "timetable": "Calendrier",
        "timetable_intro": "Les dates entre crochets, surlignées, sont à compléter ; aucune "
        "de ces formalités n’est accomplie par l’atelier.",
        "columns": ("Étape", "Fondement", "Date"),
        "checklist": "Liste de contrôle du dépôt",
        "legal": "Annexe — notes juridiques applicables",
        "footer": "Dossier CSE — page ",
        "of": " sur ",
    },
    "en": {
        "working": "Working document — to complete before it is sent to the CSE",
        "status": "Intended status of the charter: {status}.",
        "size": "Company workforce: {size}.",
        "issued": "Issued on {date}",
        "warnings": "To settle before the consultation",
        "note": "Information note for the CSE",
        "grounds": "Grounds for informing and consulting",
        "basis": "Basis: ",
        "concerned": "Clauses concerned: ",
        "timetable": "Timetable",
        "timetable_intro": "The dates in square brackets, highlighted, are to be filled in; "
        "the workshop accomplishes none of these formalities.",
        "columns": ("Step", "Basis", "Date"),
        "checklist": "Filing checklist",
        "legal": "Annex — applicable legal notes",
        "footer": "CSE pack — page ",
        "of": " of ",
    },
}


def highlight_placeholders(paragraph: Paragraph) -> int:
    """Split runs so that each « [placeholder] » is a run of its own, highlighted yellow.

    Returns how many were highlighted. Run properties (bold, italic, style) are copied to
    the pieces, so the paragraph keeps its formatting.
    """
    count = 0
    for run in list(paragraph.runs):
        text = run.text
        pieces = [p for p in PLACEHOLDER_PATTERN.split(text)]
        found = PLACEHOLDER_PATTERN.findall(text)
        if not found:
            continue
        parts: list[tuple[str, bool]] = []
        for i, piece in enumerate(pieces):
            if piece:
                parts.append((piece, False))
            if i < len(found):
                parts.append((found[i], True))
        anchor = run._r
        run.text = parts[0][0]
        if parts[0][1]:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            count += 1
        for piece, is_placeholder in parts[1:]:
            element = copy.deepcopy(run._r)
            anchor.addnext(element)
            anchor = element
            new = type(run)(element, paragraph)
            new.text = piece
            new.font.highlight_color = WD_COLOR_INDEX.YELLOW if is_placeholder else None
            count += is_placeholder
    return count


class _Pack(Charter):
    """The charter's builder (template styles with fallbacks), writing the pack's words."""

    def write(self, text: str, *styles: str, italic: bool = False) -> Paragraph:
        p = self.paragraph(self.typo(text), *styles, italic=italic)
        highlight_placeholders(p)
        return p


def _cover(doc: _Pack, content: Pack, words: dict) -> None:
    first = doc.write(content.organisation or "—", "Subtitle", "Normal")
    first.paragraph_format.space_before = Cm(4)
    doc.write(content.title, "Title", "Heading 1")
    doc.write(content.subtitle, "Subtitle", "Normal")
    today = datetime.now().astimezone().date()
    doc.write(words["issued"].format(date=format_date(today, doc.lang)), "Normal")
    status = doc.write(words["working"], "Status Line", "Subtitle", "Normal")
    if status.style is None or status.style.name in ("Normal", "Subtitle"):
        status.runs[0].bold = True
    doc.write(words["status"].format(status=content.status), "Normal").runs[0].bold = True
    doc.write(words["size"].format(size=content.size), "Normal")
    for line in content.status_lines:
        doc.write(line, "Normal")


def _body(doc: _Pack, content: Pack, words: dict) -> None:
    if content.warnings:
        doc.heading(doc.typo(words["warnings"]), new_page=True)
        for text in content.warnings:
            doc.write(text, "Normal")
    doc.heading(doc.typo(words["note"]), new_page=not content.warnings)
    for text in content.note:
        doc.write(text, "Normal")
    doc.heading(doc.typo(words["grounds"]), 2)
    for ground in content.grounds:
        doc.label(doc.typo(ground.title))
        doc.write(ground.text, "Normal")
        basis = doc.write(words["basis"] + ground.basis, "Note", "Normal", italic=True)
        if ground.clauses:
            basis.paragraph_format.space_after = Cm(0)
            joined = ("; " if doc.lang == "en" else " ; ").join(ground.clauses)
            doc.write(words["concerned"] + joined, "Note", "Normal")

    doc.heading(doc.typo(words["timetable"]), new_page=True)
    doc.write(words["timetable_intro"], "Note", "Normal", italic=True)
    rows = [((doc.typo(s.what),), (doc.typo(s.basis),), (s.when,)) for s in content.steps]
    table = doc.table([doc.typo(c) for c in words["columns"]], rows, (8.0, 4.6, 4.4))
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                highlight_placeholders(paragraph)

    doc.heading(doc.typo(words["checklist"]), 2)
    for item in content.checklist:
        doc.write(f"{BOX}\u00a0{item}", "Normal")

    doc.heading(doc.typo(words["legal"]), new_page=True)
    for note in content.notes:
        doc.write(note.text, "Normal").paragraph_format.keep_with_next = True
        basis = doc.write(words["basis"] + note.basis, "Note", "Normal", italic=True)
        if note.clauses:
            basis.paragraph_format.space_after = Cm(0)
            joined = ("; " if doc.lang == "en" else " ; ").join(note.clauses)
            doc.write(words["concerned"] + joined, "Note", "Normal")
    doc.write(content.disclaimer, "Note", "Normal", italic=True)


def _properties(doc: _Pack, content: Pack, words: dict) -> None:
    section = doc.doc.sections[-1]
    footer = free_paragraph(section.footer)
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(words["footer"])
    add_field(footer, "PAGE")
    footer.add_run(words["of"])
    add_field(footer, "NUMPAGES")
    props = doc.doc.core_properties
    props.title = f"{content.title} — {content.organisation}"[:255]
    props.subject = content.subtitle
    props.language = "en-GB" if doc.lang == "en" else "fr-FR"
    props.comments = words["working"]
    props.author = content.organisation[:255]
    props.last_modified_by = content.organisation[:255]


def build_cse_pack(
    snap: Snapshot,
    options: ExportOptions = ExportOptions(),
    template: str | os.PathLike | None = None,
) -> DocxDocument:
    """The CSE pack as an in-memory python-docx document (for tests and previews)."""
    docx = _load_template(template)
    _empty_body(docx)
    snap = ensure_filtered(snap, pseudonymise=options.anonymize, lang=language(snap, options))
    doc = _Pack(snap, options, docx)
    words = _WORDS[doc.lang]
    content = pack(snap, doc.lang)
    set_language(docx, doc.lang)
    _cover(doc, content, words)
    _body(doc, content, words)
    _properties(doc, content, words)
    if options.anonymize:
        drop_template_properties(docx)
    return docx


def write_cse_pack(
    snap: Snapshot,
    target: str | os.PathLike,
    options: ExportOptions = ExportOptions(),
    template: str | os.PathLike | None = None,
) -> Path:
    """Write the CSE pack DOCX atomically; returns its path. Only the snapshot is read."""
    doc = build_cse_pack(snap, options, template)
    return atomic_write(target, lambda path: doc.save(str(path)))
