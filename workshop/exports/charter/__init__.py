"""The draft charter as a Word document, for the lawyers' review.

``document`` loads the template, orders the parts and writes the file; ``builder`` holds
the document being built (styles with fallbacks, paragraphs, tables); the parts are
``cover`` (cover with the steps to come, preamble), ``contents`` (the TOC field),
``articles`` (articles, their tracked changes from ``revisions`` and their comments from
``provenance``), ``annexes`` and ``properties`` (header, footer, core properties);
``texts`` holds the words; ``ooxml``, ``markup`` (one id space, bookmarks, comments, REF
fields, placeholders) and ``wordsetup`` (numbering, settings) what python-docx does not offer.

What the workshop produced becomes a document a lawyer can annotate: a cover that says it
is a working draft, a preamble drawn from the workshop (purpose, position on the
support/control matrix, principles), the adopted clauses as numbered articles grouped by
theme, reservations as Word comments on their article, then the accompaniment plan, the
open points, the participants and the legal points to check.

Only the snapshot is read, so exporting never changes the workshop. The document is built
in memory and written through ``common.atomic_write``: a failure leaves no partial file.
Articles are numbered by Word list numbering bound to the Article style (ours, built on
the template's Heading 2 when the template has none), so a lawyer who adds or moves an
article gets the others and the REF cross-references renumbered.
"""

from workshop.exports.charter.builder import format_date
from workshop.exports.charter.document import build_charter, write_charter

__all__ = ["build_charter", "format_date", "write_charter"]
