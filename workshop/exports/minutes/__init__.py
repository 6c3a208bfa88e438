"""The minutes of the workshop as a PDF, so nobody has to rebuild them by hand.

``document`` lays the pages out and writes the file; ``context`` holds what every section
reads; each section has its module (``attendance``, ``agenda``, ``diagnostic``,
``matrix_section``, ``clauses`` with ``rounds`` and ``amendments``, ``decisions``,
``open_points``, ``plan``, ``legal``, ``timeline``, ``signatures``) and they share
``helpers`` (headings, tables, bullets) and ``layout`` (page, colours, styles).

Built with reportlab's platypus from a :class:`~workshop.snapshot.Snapshot` only: open
ballots arrive without tallies, so the minutes cannot leak them, and results of closed
rounds are recomputed from the snapshot with :mod:`workshop.voting` (the same rules that
decided them). Every user string goes through :func:`pdf_fonts.markup` (escaped, control
characters dropped, glyphs the fonts lack replaced); every table repeats its header, has
explicit column widths, wraps text in Paragraphs and may split a row across pages, so a
10,000-character clause still prints. The file is written atomically.

Names: the minutes print the snapshot the name filter gave them (``names.ensure_filtered``,
applied by the export registry): pseudonymised, no participant name, function or
facilitator's name appears anywhere (text, metadata, outline); otherwise the participants
who did not consent to be named appear by pseudonym, without their function.
"""

from workshop.exports.minutes.context import RoundFigures, round_figures
from workshop.exports.minutes.document import write_minutes

__all__ = ["RoundFigures", "round_figures", "write_minutes"]
