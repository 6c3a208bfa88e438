"""Floors: the same work done with the bare libraries, no app logic.

* commit: one INSERT + COMMIT with plain ``sqlite3`` and the workshop file's pragmas
  (``synchronous=EXTRA``; the ``commit_sync`` measure compares it with FULL);
* open: connect read-only and fetch every row of every table (what ``snapshot.load`` reads);
* DOCX: the paragraphs, tables (same rows, columns and cell texts) and comments of the
  app's document, written again directly with python-docx into its default template;
* PDF: the paragraphs and tables (same rows, columns and cell texts) of the app's story,
  laid out again directly with reportlab's platypus and its sample styles.

The structure of the app's output is read before (untimed); only the writing is timed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

# -- SQLite --------------------------------------------------------------------------------


class BareCommit:
    """A plain sqlite3 file with the workshop's pragmas; ``commit_one`` is the floor."""

    def __init__(self, path: Path, synchronous: str = "EXTRA") -> None:
        for leftover in (path, path.with_name(path.name + "-journal")):
            leftover.unlink(missing_ok=True)
        self.conn = sqlite3.connect(path)
        for pragma in (
            "PRAGMA foreign_keys = ON",
            "PRAGMA journal_mode = DELETE",
            f"PRAGMA synchronous = {synchronous}",
        ):
            self.conn.execute(pragma)
        self.conn.execute(
            "CREATE TABLE votes (id INTEGER PRIMARY KEY, ballot_id INTEGER NOT NULL,"
            " participant_id INTEGER NOT NULL, choice TEXT NOT NULL)"
        )
        self.conn.commit()
        self.n = 0

    def commit_one(self) -> None:
        self.n += 1
        self.conn.execute(
            "INSERT INTO votes (ballot_id, participant_id, choice) VALUES (?, ?, ?)",
            (1, self.n, "for"),
        )
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()


def read_everything(path: Path) -> int:
    """Open read-only and fetch every row of every table; returns the number of rows."""
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table'"
                " AND name NOT IN ('sqlite_stat1', 'sqlite_stat4', 'sqlite_sequence')"
            )
        ]
        return sum(len(conn.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables)
    finally:
        conn.close()


# -- documents -----------------------------------------------------------------------------


@dataclass
class Shape:
    """What a document holds, in order: ("p", text) and ("table", rows of cell texts)."""

    blocks: list[tuple[str, object]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    page_breaks: int = 0

    @property
    def paragraphs(self) -> int:
        return sum(1 for kind, _ in self.blocks if kind == "p")

    @property
    def table_rows(self) -> int:
        return sum(len(rows) for kind, rows in self.blocks if kind == "table")  # type: ignore[arg-type]

    def summary(self) -> dict[str, int]:
        return {
            "paragraphs": self.paragraphs,
            "tables": sum(1 for kind, _ in self.blocks if kind == "table"),
            "table_rows": self.table_rows,
            "comments": len(self.comments),
        }


def docx_shape(path: Path) -> Shape:
    """Body paragraphs, tables and comments of a .docx file."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(str(path))
    shape = Shape()
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            shape.blocks.append(("p", Paragraph(child, doc).text))
        elif child.tag == qn("w:tbl"):
            table = Table(child, doc)
            shape.blocks.append(("table", [[c.text for c in row.cells] for row in table.rows]))
    shape.comments = [comment.text for comment in doc.comments]
    return shape


def write_docx_floor(shape: Shape, target: Path) -> None:
    """The same paragraphs, table rows and comments, with python-docx and nothing else."""
    from docx import Document

    doc = Document()
    first_runs = []
    for kind, content in shape.blocks:
        if kind == "p":
            p = doc.add_paragraph()
            run = p.add_run(content)  # type: ignore[arg-type]
            if len(first_runs) < max(1, len(shape.comments)):
                first_runs.append(run)
        else:
            rows = content  # type: ignore[assignment]
            cols = max((len(r) for r in rows), default=1)
            table = doc.add_table(rows=len(rows), cols=cols)
            for row, values in zip(table.rows, rows, strict=True):
                for cell, value in zip(row.cells, values, strict=False):
                    cell.text = value
    for i, text in enumerate(shape.comments):
        doc.add_comment(first_runs[i % len(first_runs)], text=text, author="Atelier")
    doc.save(str(target))


def pdf_shape(write: object, snap: object, target: Path) -> Shape:
    """Run the app's PDF export once and record the flowables it hands to reportlab."""
    from reportlab.platypus import doctemplate

    recorded: list[object] = []
    original = doctemplate.BaseDocTemplate.build

    def spy(self, flowables, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        recorded.append(list(flowables))
        return original(self, flowables, *args, **kwargs)

    doctemplate.BaseDocTemplate.build = spy
    try:
        write(snap, target)  # type: ignore[operator]
    finally:
        doctemplate.BaseDocTemplate.build = original
    shape = Shape()
    for story in recorded:
        for flowable in story:
            _walk(flowable, shape)
    return shape


def _cell_text(value: object) -> str:
    from reportlab.platypus import Paragraph

    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Paragraph):
        bullet = value.bulletText  # the timeline's « 95 × », drawn as a bullet
        text = value.getPlainText()
        return f"{bullet} {text}" if isinstance(bullet, str) and bullet else text
    if isinstance(value, list | tuple):
        return " ".join(_cell_text(v) for v in value)
    return ""


def _walk(flowable: object, shape: Shape) -> None:
    from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Table

    if isinstance(flowable, Paragraph):
        text = flowable.getPlainText()
        runs = flowable.bulletText  # a lead-in drawn as the bullet (minutes.helpers.headed)
        if isinstance(runs, list):
            text = "".join(run.text for run in runs) + " " + text
        shape.blocks.append(("p", text))
    elif isinstance(flowable, Table):
        rows = [[_cell_text(v) for v in row] for row in flowable._cellvalues]
        shape.blocks.append(("table", rows))
    elif isinstance(flowable, PageBreak):
        shape.page_breaks += 1
        shape.blocks.append(("break", None))
    elif isinstance(flowable, KeepTogether):
        for inner in flowable._content:
            _walk(inner, shape)
    else:
        for attr in ("_content", "_flowables"):
            inner = getattr(flowable, attr, None)
            if isinstance(inner, list | tuple):
                for item in inner:
                    _walk(item, shape)


def write_pdf_floor(shape: Shape, target: Path) -> None:
    """The same paragraphs and table rows laid out with reportlab's platypus only."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    # The app's Unicode TTF (registered by its first export) if present: names in any script
    # need it, so the floor pays for the same font; else reportlab's built-in Helvetica.
    font = "DejaVuSans" if "DejaVuSans" in pdfmetrics.getRegisteredFontNames() else "Helvetica"
    body = styles["BodyText"].clone("floor", fontName=font, fontSize=9.5, leading=12)
    small = body.clone("small", fontSize=8, leading=10)
    width = A4[0] - 4 * cm
    grid = TableStyle(
        [("GRID", (0, 0), (-1, -1), 0.25, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    )
    story: list[object] = []
    for kind, content in shape.blocks:
        if kind == "p":
            story.append(Paragraph(escape(content), body))  # type: ignore[arg-type]
        elif kind == "break":
            story.append(PageBreak())
        else:
            rows = content  # type: ignore[assignment]
            cols = max((len(r) for r in rows), default=1)
            data = [[Paragraph(escape(v), small) for v in r] + [""] * (cols - len(r)) for r in rows]
            story.append(
                Table(data, colWidths=[width / cols] * cols, repeatRows=1, style=grid, splitInRow=1)
            )
    doc = SimpleDocTemplate(
        str(target), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
        bottomMargin=2 * cm,
    )  # fmt: skip
    doc.build(story)
