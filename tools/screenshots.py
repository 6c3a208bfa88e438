"""Render the screenshots in docs/screenshots/ from the demo workshop (`make screenshots`).

The projected view is rendered for welcome (and a long title and place), the diagnostic
criterion, the matrix, a clause during a vote, a counts round in progress, a closed result,
a result blocked by one college and a consent round postponed by an objection, a vote with
the phones' QR code and the « Rejoindre » slide, at 1280×720 and 1920×1080; the console at
1280×800 (each step, and the Phones dock). Offscreen: no display needed.
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


LONG_TITLE = (
    "Charte d’utilisation des réseaux sociaux et de la communication numérique des salariés "
    "sur les comptes personnels et professionnels"
)
LONG_PLACE = "Saint-Nazaire, Chantiers de l’Atlantique, salle des Commissions paritaires"


def long_title(controller) -> None:  # noqa: ANN001 - WorkshopController
    """A long French title and a long place on the welcome slide (undone afterwards)."""
    from workshop.operations import setup

    controller.run(setup.update_workshop, title=LONG_TITLE, place=LONG_PLACE)


def blocked_by_one_college(controller, clause_id: int) -> None:  # noqa: ANN001
    """A simple majority with a majority needed in every college, one college against."""
    from workshop.operations import ballots

    ballot = controller.run(
        ballots.open_ballot, clause_id, capture="nominative", method="simple", double_majority=0
    ).value
    voters = next(c for c in controller.snapshot.clauses if c.id == clause_id).ballots[-1].voters
    blocker = voters[0].college_id
    for v in voters:
        choice = "against" if v.college_id == blocker else "for"
        controller.run(ballots.cast_vote, ballot, v.participant_id, choice)
    controller.run(ballots.close_ballot, ballot)


def counts_in_progress(controller, window, clause_id: int) -> None:  # noqa: ANN001
    """A new round by counts, three colleges typed in through the console's ballot panel."""
    from workshop.operations import ballots

    controller.run(ballots.open_ballot, clause_id, capture="counts", method="simple")
    voters = next(c for c in controller.snapshot.clauses if c.id == clause_id).ballots[-1].voters
    colleges = list(dict.fromkeys(v.college_id for v in voters))
    panel = window.pages["clauses"].ballot
    panel.clause_id = clause_id
    for college in colleges[:3]:
        panel.save_counts(college, {"for": 1})


def phones_states(controller, window, shoot) -> None:  # noqa: ANN001
    """Issue 15: a vote with the phones' QR corner, the Join slide, the console's Phones dock."""
    from PySide6.QtWidgets import QApplication

    from workshop.operations import ballots, setup
    from workshop.remote import lan_addresses

    controller.run(setup.go_to_step, "clauses")
    service = window.phones
    found = lan_addresses()
    service.start(found[0].address if found else "127.0.0.1")
    for c in controller.snapshot.clauses:
        for b in c.ballots:
            if b.is_open:
                controller.run(ballots.cancel_ballot, b.id)
    clause = controller.focused_clause
    ballot = controller.run(ballots.open_ballot, clause, capture="nominative").value
    voters = ballots.who_voted(controller.session.conn, ballot)
    for pid, _ in voters[:5]:
        controller.run(ballots.cast_vote, ballot, pid, "for")
    shoot("vote-phones")
    window.projection.show_join(True)
    shoot("join")
    window.projection.show_join(False)
    for pid, _ in voters[:4]:
        service.issue_link(pid)
    window.phones_dock.show()
    window.phones_dock.raise_()
    QApplication.processEvents()
    window.grab().save(str(OUT / "console-phones-fr.png"))
    window.phones_dock.hide()
    window.dock.raise_()
    controller.run(ballots.cancel_ballot, ballot)
    service.stop()


def main() -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ui import i18n
    from ui.controller import WorkshopController
    from ui.main_window import MainWindow
    from ui.projection.room import room_state
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
        long_title(controller)
        shoot("long-title")
        controller.undo()
        controller.run(setup.go_to_step, "diagnostic")
        room_state(controller).set_criterion("sector")
        shoot("diagnostic-criterion")
        room_state(controller).set_criterion(None)
        controller.run(setup.go_to_step, "matrix")
        shoot("matrix")
        controller.run(setup.go_to_step, "clauses")
        snap = controller.snapshot
        decided = next(
            c for c in snap.clauses if c.ballots and c.ballots[-1].capture == "nominative"
        )
        controller.focus_clause(decided.id)
        shoot("result")
        objected = next(
            c for c in snap.clauses if c.ballots and c.ballots[-1].outcome == "postponed"
            and any(r.kind == "objection" for r in c.ballots[-1].remarks)
        )  # fmt: skip
        controller.focus_clause(objected.id)
        shoot("consent-objection")
        pending = next(c for c in snap.clauses if not c.ballots)
        controller.focus_clause(pending.id)
        ballot = controller.run(ballots.open_ballot, pending.id, capture="nominative").value
        for pid, _ in ballots.who_voted(controller.session.conn, ballot)[:9]:
            controller.run(ballots.cast_vote, ballot, pid, "for")
        shoot("vote")
        controller.run(ballots.cancel_ballot, ballot)
        blocked_by_one_college(controller, pending.id)
        shoot("result-blocked")
        counts_in_progress(controller, window, pending.id)
        shoot("counts-progress")
        app.processEvents()
        for lang in ("fr", "en"):
            window.set_language(lang)
            for step in ("setup", "diagnostic", "matrix", "clauses", "plan", "wrapup"):
                controller.run(setup.go_to_step, step)
                app.processEvents()
                window.grab().save(str(OUT / f"console-{step}-{lang}.png"))
        window.set_language("fr")
        phones_states(controller, window, shoot)
        controller.close()
        export_pages(path, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
