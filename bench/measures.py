"""The measures of ``make bench``; each returns raw samples, the runner summarises them.

Start-up and memory run in child processes (``bench.child``); open, vote and exports run
in one fresh worker process per size (``bench.worker``), with one offscreen console (main
window + projection) kept alive, as in the room. Every ``time.perf_counter`` pair brackets
exactly the work named, nothing else.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench import floors

REPO = Path(__file__).resolve().parent.parent


# -- start-up and memory, in child processes -----------------------------------------------
@dataclass
class ChildRun:
    seconds: float  # to the window's first paint (the console's frame, or the bare window)
    maxrss_kib: int  # when the workshop is shown (the bare window: when painted)
    loaded: float | None = None  # to the step page showing the workshop painted (app only)
    heavy: list[str] = field(default_factory=list)  # libraries loaded that need not be
    import_ms: float | None = None  # total import time (``-X importtime``), when asked


def child_env(workdir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(workdir / "child-config")  # never the user's settings
    env["CHARTER_WORKSHOP_HOME"] = str(workdir / "child-home")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    return env


def run_child(
    args: list[str], env: dict[str, str], timeout: float = 180, *, importtime: bool = False
) -> ChildRun:
    """Start ``python -m bench.child ARGS``; seconds from just before Popen to "painted"
    (and, for the console, to "loaded"); with ``importtime``, the imports' total time."""
    flags = ["-X", "importtime"] if importtime else []
    cmd = [sys.executable, *flags, "-m", "bench.child", *args]
    t0 = time.monotonic()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO, text=True
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise RuntimeError(f"start-up child timed out: {' '.join(args)}") from None
    stamps: dict[str, tuple[float, int]] = {}
    heavy: list[str] = []
    for line in out.splitlines():
        kind, _, rest = line.partition(" ")
        if kind in ("PAINTED", "LOADED"):
            stamp, rss, _modules = rest.split()
            stamps[kind] = (float(stamp) - t0, int(rss))
        elif kind == "MODULES":
            heavy = [name for name in rest.split(",") if name and name != "-"]
    if "PAINTED" not in stamps or (args[0] == "app" and "LOADED" not in stamps):
        tail = (err.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"start-up child failed ({proc.returncode}): {tail}")
    painted, rss = stamps["PAINTED"]
    loaded = stamps.get("LOADED")
    return ChildRun(
        painted,
        loaded[1] if loaded else rss,
        loaded[0] if loaded else None,
        heavy,
        import_total_ms(err) if importtime else None,
    )


def import_total_ms(stderr: str) -> float:
    """The total of ``-X importtime``'s top-level imports (their cumulative times)."""
    total_us = 0
    for line in stderr.splitlines():
        if not line.startswith("import time:"):
            continue
        _self, cumulative, name = line[len("import time:") :].split("|")
        if cumulative.strip().isdigit() and not name.startswith("  "):  # depth 0
            total_us += int(cumulative)
    return total_us / 1000


def imports(path: Path, workdir: Path, runs: int) -> tuple[list[ChildRun], list[ChildRun]]:
    """Import time of the console's start-up (``-X importtime``) and of the bare window."""
    env = child_env(workdir)
    target = workdir / f"imports-{path.name}"
    shutil.copy(path, target)
    app_runs, bare_runs = [], []
    for _ in range(runs):
        bare_runs.append(run_child(["bare"], env, importtime=True))
        app_runs.append(run_child(["app", str(target)], env, importtime=True))
    return app_runs, bare_runs


def startup(
    path: Path, workdir: Path, runs: int, *, warm: bool = True
) -> tuple[list[ChildRun], list[ChildRun]]:
    """(console with ``path`` open, bare window), alternated so that drift hits both."""
    env = child_env(workdir)
    target = workdir / f"startup-{path.name}"
    app_runs: list[ChildRun] = []
    bare_runs: list[ChildRun] = []
    shutil.copy(path, target)
    if warm:
        run_child(["bare"], env)  # warm the OS caches for both (PySide6 is shared)
        run_child(["app", str(target)], env)
    for _ in range(runs):
        bare_runs.append(run_child(["bare"], env))
        app_runs.append(run_child(["app", str(target)], env))
    return app_runs, bare_runs


# -- the in-process console ----------------------------------------------------------------
class Console:
    """One offscreen facilitator console: controller, main window, projection."""

    def __init__(self, workdir: Path) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ["CHARTER_WORKSHOP_HOME"] = str(workdir / "home")
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        self.app = QApplication.instance() or QApplication(["bench"])
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(workdir / "config")
        )
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        from ui import dialogs, i18n

        def refuse(_parent: object, message: str) -> None:  # a modal box would block the run
            raise RuntimeError(f"the app refused: {message}")

        dialogs.show_error = refuse
        i18n.install("fr")
        from ui.controller import WorkshopController
        from ui.main_window import MainWindow

        self.controller = WorkshopController()
        self.window = MainWindow(self.controller)
        self.window.resize(1280, 800)
        self.window.show()
        self.app.processEvents()

    def open(self, path: Path) -> None:
        if not self.controller.open(path):
            raise RuntimeError(f"cannot open {path}")
        self.app.processEvents()

    def close_file(self) -> None:
        self.window.projection.stop()
        self.controller.close()
        self.app.processEvents()


def open_domain(path: Path, runs: int) -> tuple[list[float], list[float]]:
    """Session.open + snapshot.load (what the console reads first), and the sqlite floor."""
    from workshop import snapshot
    from workshop.session import Session

    samples, floor = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        session = Session.open(path)
        snapshot.load(session.conn)
        samples.append(time.perf_counter() - t0)
        session.close()
        t0 = time.perf_counter()
        floors.read_everything(path)
        floor.append(time.perf_counter() - t0)
    return samples, floor


def read_floor(path: Path, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        floors.read_everything(path)
        samples.append(time.perf_counter() - t0)
    return samples


def open_console(console: Console, path: Path, runs: int) -> list[float]:
    """controller.open with the window alive, until the events it posted are processed."""
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        console.open(path)  # controller.open + processEvents (painted)
        samples.append(time.perf_counter() - t0)
        console.close_file()
    return samples


@dataclass
class VoteRun:
    samples: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    snapshot_load: list[float] = field(default_factory=list)  # part of each sample


def votes_domain(path: Path, n: int, floor_db: Path) -> VoteRun:
    """``n`` nominative votes through ``Session.run`` alone (no UI), against the floor."""
    from workshop.operations import ballots
    from workshop.session import Session

    session = Session.open(path)
    bare = floors.BareCommit(floor_db)
    run = VoteRun()
    try:
        clause = session.conn.execute(
            "SELECT id FROM clauses WHERE id NOT IN (SELECT clause_id FROM ballots)"
            " ORDER BY position DESC LIMIT 1"
        ).fetchone()[0]
        ballot: int | None = None
        pending: list[int] = []
        for i in range(n):
            if not pending:
                if ballot is not None:
                    ballots.close_ballot(session, ballot)
                ballot = ballots.open_ballot(
                    session, clause, method="simple", capture="nominative"
                ).value
                pending = [pid for pid, _ in ballots.who_voted(session.conn, ballot)]
            pid = pending.pop(0)
            t0 = time.perf_counter()
            ballots.cast_vote(session, ballot, pid, ("for", "against", "abstain")[i % 3])
            run.samples.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            bare.commit_one()
            run.floor.append(time.perf_counter() - t0)
    finally:
        bare.close()
        session.close()
    return run


def votes(console: Console, path: Path, n: int, floor_db: Path) -> VoteRun:
    """``n`` nominative votes through the console, each followed by processEvents.

    The console first finishes building its other step pages (start-up's idle work,
    a few hundred milliseconds at XL, done long before a round can be opened in the
    room). A round is opened (untimed) on the clause the workshop left undecided; when every
    voter has voted, the round is closed and another one opened (untimed). Each vote is
    interleaved with one bare INSERT + COMMIT in the same folder, so that disk drift hits
    both alike.
    """
    from workshop.operations import ballots

    app, controller = console.app, console.controller
    console.open(path)
    console.window.projection.start()  # the room sees the vote: the projected window paints
    app.processEvents()
    while console.window.building_pages:  # start-up's idle work (other step pages) is done
        app.processEvents()  # before the room votes: it is not a vote's time
    clause = next(c for c in reversed(controller.snapshot.clauses) if not c.ballots)
    bare = floors.BareCommit(floor_db)
    run = VoteRun()
    from workshop import snapshot

    real_load = snapshot.load
    loads: list[float] = []

    def timed_load(*args: object, **kwargs: object):  # noqa: ANN202 - a Snapshot
        t0 = time.perf_counter()
        try:
            return real_load(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            loads.append(time.perf_counter() - t0)

    snapshot.load = timed_load  # the console reads through the module: see how much it costs
    ballot: int | None = None
    pending: list[int] = []
    try:
        for i in range(n):
            if not pending:
                if ballot is not None:
                    controller.run(ballots.close_ballot, ballot)
                ballot = controller.run(
                    ballots.open_ballot, clause.id, method="simple", capture="nominative"
                ).value
                pending = [pid for pid, _ in ballots.who_voted(controller.session.conn, ballot)]
                app.processEvents()
            pid = pending.pop(0)
            choice = ("for", "against", "abstain")[i % 3]
            loads.clear()
            t0 = time.perf_counter()
            controller.run(ballots.cast_vote, ballot, pid, choice)
            app.processEvents()
            run.samples.append(time.perf_counter() - t0)
            run.snapshot_load.append(sum(loads))
            t0 = time.perf_counter()
            bare.commit_one()
            run.floor.append(time.perf_counter() - t0)
    finally:
        snapshot.load = real_load
        bare.close()
        console.close_file()
    return run


def commit_sync(workdir: Path, n: int) -> VoteRun:
    """The cost of ``synchronous=EXTRA``: ``n`` bare INSERT + COMMIT at EXTRA (the app's)
    against the same at FULL, alternated, in the same folder.

    EXTRA also syncs the folder after the journal is deleted, so that a power cut cannot
    bring the journal back and roll a committed transaction back.
    """
    extra = floors.BareCommit(workdir / "commit-extra.db", synchronous="EXTRA")
    full = floors.BareCommit(workdir / "commit-full.db", synchronous="FULL")
    run = VoteRun()
    try:
        for _ in range(n):
            t0 = time.perf_counter()
            extra.commit_one()
            run.samples.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            full.commit_one()
            run.floor.append(time.perf_counter() - t0)
    finally:
        extra.close()
        full.close()
    return run


# -- exports -------------------------------------------------------------------------------
@dataclass
class ExportRun:
    samples: list[float]
    floor: list[float]
    shape: dict[str, int]
    bytes: int


def load_snapshot(path: Path):  # noqa: ANN201 - workshop.snapshot.Snapshot
    from workshop import snapshot
    from workshop.session import Session

    session = Session.open_readonly(path)
    try:
        return snapshot.load(session.conn)
    finally:
        session.close()


def export(kind: str, snap: object, workdir: Path, stem: str, runs: int) -> ExportRun:
    """The app's export of ``snap`` against its floor, alternated, ``runs`` times each.

    The first run also records the structure the floor reproduces: for the PDF, a spy
    keeps the list of flowables handed to reportlab (a list copy: negligible); the DOCX is
    read back once the clock has stopped.
    """
    from workshop.exports.charter import write_charter
    from workshop.exports.minutes import write_minutes

    target = workdir / f"{stem}.{kind}"
    floor_target = workdir / f"{stem}-floor.{kind}"
    write_floor: Callable[[floors.Shape, Path], None] = (
        floors.write_docx_floor if kind == "docx" else floors.write_pdf_floor
    )
    samples, floor = [], []
    shape: floors.Shape | None = None
    for _ in range(runs):
        t0 = time.perf_counter()
        if kind == "pdf" and shape is None:
            shape = floors.pdf_shape(write_minutes, snap, target)
        elif kind == "pdf":
            write_minutes(snap, target)
        else:
            write_charter(snap, target)
        samples.append(time.perf_counter() - t0)
        if shape is None:
            shape = floors.docx_shape(target)
        t0 = time.perf_counter()
        write_floor(shape, floor_target)
        floor.append(time.perf_counter() - t0)
    assert shape is not None
    return ExportRun(samples, floor, shape.summary(), target.stat().st_size)


def warm_exports(workdir: Path) -> None:
    """Import the export libraries and register the PDF fonts before any timing."""
    from workshop.exports import charter, minutes, pdf_fonts  # noqa: F401

    pdf_fonts.register_fonts()
