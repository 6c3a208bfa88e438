"""Render the screenshots in docs/screenshots/ from the demo workshop (`make screenshots`).

The projected view is rendered for welcome, matrix, a clause during a vote and a closed
result, at 1280×720 and 1920×1080; the console at 1280×800. Offscreen: no display needed.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZES = ((1280, 720), (1920, 1080))


PDF_PAGES = (1, 2, 4, 5, 7, 14)
DOCX_PAGES = (1, 2, 3, 8)


def export_pages(path: Path, work: Path) -> None:
    """Pages of the demo's minutes (PDF) and draft charter (DOCX via LibreOffice) as PNG."""
    import subprocess

    from workshop import snapshot
    from workshop.exports.charter import write_charter
    from workshop.exports.minutes import write_minutes
    from workshop.session import Session

    with Session.open_readonly(path) as session:
        snap = snapshot.load(session.conn)
    pdf, docx = work / "compte-rendu.pdf", work / "projet-de-charte.docx"
    write_minutes(snap, pdf)
    write_charter(snap, docx)
    if not shutil.which("pdftoppm"):
        print("pdftoppm not found (Debian: poppler-utils): export pages skipped")
        return
    for page in PDF_PAGES:
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(OUT / f"minutes-page-{page}")], check=True)  # fmt: skip
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        print("soffice not found (Debian: libreoffice-writer-nogui): DOCX pages skipped")
        return
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(work), str(docx)],
                   check=True, capture_output=True)  # fmt: skip
    for page in DOCX_PAGES:
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page),
                        "-singlefile", str(work / "projet-de-charte.pdf"),
                        str(OUT / f"charter-page-{page}")], check=True)  # fmt: skip


def main() -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ui import i18n
    from ui.controller import WorkshopController
    from ui.main_window import MainWindow
    from workshop import demo
    from workshop.operations import ballots, setup

    i18n.install("fr")
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp())
    try:
        path = work / "demo.charter"
        demo.build(path, "fr").close()
        controller = WorkshopController()
        window = MainWindow(controller)
        window.resize(1280, 800)
        window.show()
        controller.open(path)
        projection = window.projection

        def shoot(name: str) -> None:
            app.processEvents()
            for w, h in SIZES:
                projection.window.image(w, h).save(str(OUT / f"projected-{name}-{w}x{h}.png"))

        controller.run(setup.go_to_step, "setup")
        shoot("welcome")
        controller.run(setup.go_to_step, "matrix")
        shoot("matrix")
        controller.run(setup.go_to_step, "clauses")
        snap = controller.snapshot
        decided = next(
            c for c in snap.clauses if c.ballots and c.ballots[-1].capture == "nominative"
        )
        controller.focus_clause(decided.id)
        shoot("result")
        pending = next(c for c in snap.clauses if not c.ballots)
        controller.focus_clause(pending.id)
        ballot = controller.run(ballots.open_ballot, pending.id, capture="nominative").value
        for pid, _ in ballots.who_voted(controller.session.conn, ballot)[:9]:
            controller.run(ballots.cast_vote, ballot, pid, "for")
        shoot("vote")
        app.processEvents()
        for lang in ("fr", "en"):
            window.set_language(lang)
            for step in ("setup", "diagnostic", "matrix", "clauses", "plan", "wrapup"):
                controller.run(setup.go_to_step, step)
                app.processEvents()
                window.grab().save(str(OUT / f"console-{step}-{lang}.png"))
        window.set_language("fr")
        controller.close()
        export_pages(path, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
