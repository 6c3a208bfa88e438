"""The document's header, footer and properties, with nothing a pseudonymised export must hide."""

from __future__ import annotations

from datetime import datetime

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH

from workshop.exports.charter.builder import VERSION, Charter
from workshop.exports.charter.markup import utc  # python-docx writes core dates with a Z
from workshop.exports.charter.ooxml import add_field, free_paragraph
from workshop.exports.common import clean
from workshop.snapshot import Snapshot

_PROPERTY_MAX = 255  # python-docx refuses longer core-property texts


def _property(text: str) -> str:
    text = clean(text).replace("\n", " ")
    return text if len(text) <= _PROPERTY_MAX else text[: _PROPERTY_MAX - 1] + "…"


def _created(snap: Snapshot) -> datetime:
    """When the draft was born: the workshop day, else when the workshop file was created."""
    w = snap.workshop
    for value in (w.date, w.created_at):
        if value:
            try:
                return utc(datetime.fromisoformat(value))
            except ValueError:
                continue
    return utc(datetime.now().astimezone())


def header_footer(charter: Charter) -> None:
    """Title and version in the header, « page X / Y » in the footer, after any letterhead."""
    section = charter.doc.sections[-1]
    header = free_paragraph(section.header)
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.add_run(charter.t["header"].format(title=charter.t["title"], version=VERSION))
    footer = free_paragraph(section.footer)
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(charter.t["footer_id"].format(code=charter.identifier.code))
    add_field(footer, "PAGE")
    footer.add_run(charter.t["of"])
    add_field(footer, "NUMPAGES")


def properties(charter: Charter) -> None:
    t, w = charter.t, charter.snap.workshop
    props = charter.doc.core_properties
    organisation = clean(w.organisation)
    props.title = _property(f"{t['title']} — {organisation}")
    props.subject = _property(t["subject"].format(title=clean(w.title)))
    author = charter.facilitator() or organisation
    props.author = _property(author)
    props.last_modified_by = _property(author)
    props.keywords = _property(t["keywords"].format(org=organisation))
    props.language = "en-GB" if charter.lang == "en" else "fr-FR"
    props.category = t["category"]
    props.comments = t["status_line"]
    props.content_status = t["content_status"]
    props.version = VERSION
    props.revision = 1
    props.created = _created(charter.snap)
    props.modified = utc(datetime.now().astimezone())
    props.identifier = charter.identifier.code  # replaces a template's own, which may name someone


# A template's own properties (custom, extended: « Company », « Manager ») may name someone.
_PROPERTY_PARTS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
)


def drop_template_properties(doc: DocxDocument) -> None:
    """Remove the template's custom and extended properties parts (pseudonymised export)."""
    rels = doc.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype in _PROPERTY_PARTS:
            del rels[r_id]
