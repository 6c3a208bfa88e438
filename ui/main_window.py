"""The facilitator console: a step rail on the left, the current step's page on the right.

No "Save": every change is on disk when the screen shows it; the title shows the file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, QTimer
from PySide6.QtGui import QAction, QActionGroup, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from ui import dialogs, i18n
from ui.controller import WorkshopController, recent_files
from ui.help.menu import HelpMenu
from ui.widgets.loading import LoadingPage
from workshop.model import STEPS, Step, label

if TYPE_CHECKING:  # the pages and the domain are imported after the first paint
    from ui.pages.base import StepPage
    from workshop.session import Changes


def redo_shortcuts(platform: list[QKeySequence] | None = None) -> list[QKeySequence]:
    """The platform's Redo keys (``platform``, else Qt's) and Ctrl+Y, each once.

    A key listed twice on one action is an « ambiguous shortcut overload » and does nothing:
    on Linux the platform's Redo is Ctrl+Shift+Z alone, so [Ctrl+Shift+Z, Redo] was that,
    and Ctrl+Y (Windows' habit, which facilitators bring) was missing.
    """
    if platform is None:
        platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    keys: list[QKeySequence] = []
    for key in [*platform, QKeySequence("Ctrl+Y")]:
        if not key.isEmpty() and key not in keys:
            keys.append(key)
    return keys


PAGE_CLASSES = {
    "setup": ("ui.pages.setup", "SetupPage"),
    "diagnostic": ("ui.pages.diagnostic_page", "DiagnosticPage"),
    "matrix": ("ui.pages.matrix_page", "MatrixPage"),
    "clauses": ("ui.pages.clauses", "ClausesPage"),
    "plan": ("ui.pages.plan", "PlanPage"),
    "wrapup": ("ui.pages.wrapup_page", "WrapupPage"),
}


class LazyPages(Mapping[str, "StepPage"]):
    """The step pages, each imported and built the first time it is needed.

    Start-up then pays for the page on screen only; the others are built one per idle
    turn of the event loop after the first paint (``build_next``), so switching stays
    instant. Reading ``pages[step]`` builds it at once if needed.
    """

    def __init__(self, controller: WorkshopController, stack: QStackedWidget) -> None:
        self._controller = controller
        self._stack = stack
        self._built: dict[str, StepPage] = {}

    def __getitem__(self, step: str) -> StepPage:
        if step not in self._built:
            if step not in PAGE_CLASSES:
                raise KeyError(step)
            module, name = PAGE_CLASSES[step]
            page_class = getattr(__import__(module, fromlist=[name]), name)
            page = page_class(self._controller)
            self._stack.addWidget(page)
            self._built[step] = page
        return self._built[step]

    def __iter__(self):  # noqa: ANN204
        return iter(PAGE_CLASSES)

    def __len__(self) -> int:
        return len(PAGE_CLASSES)

    def built(self) -> list[StepPage]:
        return list(self._built.values())

    def build_next(self) -> bool:
        """Build one page not built yet; False when all are."""
        for step in PAGE_CLASSES:
            if step not in self._built:
                self[step]
                return True
        return False


class MainWindow(QMainWindow):
    """The operator's window.

    Built in two parts so that start-up paints at once: the frame (the step rail, the
    menus' titles, a loading page) and then, from ``complete``, everything that needs the
    domain (the welcome page, the projection and its dock, the menus' actions). ``frame_only``
    stops after the frame: ``ui.app`` paints it, then completes it and opens the file.
    """

    def __init__(self, controller: WorkshopController, *, frame_only: bool = False) -> None:
        super().__init__()
        self.controller = controller
        controller.dialog_parent = self
        self.setMinimumSize(QSize(1024, 640))
        self.completed = False
        self._after_paint: list[Callable[[], None]] = []

        self.rail = QListWidget()
        self.rail.setObjectName("stepRail")
        self.rail.setFixedWidth(300)
        self.rail.setSpacing(3)
        self.rail.setWordWrap(True)
        rail_font = QFont(self.rail.font())
        rail_font.setPointSizeF(rail_font.pointSizeF() * 1.15)
        self.rail.setFont(rail_font)
        for _ in STEPS:
            self.rail.addItem(QListWidgetItem())
        self.rail.currentRowChanged.connect(self._rail_moved)
        self.rail.itemClicked.connect(self._rail_clicked)

        self.stack = QStackedWidget()
        self.loading = LoadingPage()
        self.stack.addWidget(self.loading)
        self.pages = LazyPages(controller, self.stack)

        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.rail)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)

        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.edit_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        self.read_only_label = QLabel()
        self.read_only_label.setObjectName("readOnly")
        self.read_only_label.setStyleSheet("color: #A01818; font-weight: bold;")
        self.statusBar().addPermanentWidget(self.read_only_label)
        # After the first paint, build the other pages one per idle turn.
        self._builder = QTimer(self)
        self._builder.setInterval(0)
        self._builder.timeout.connect(self._build_one_page)
        self.rail.setEnabled(False)
        self.retranslate()
        if not frame_only:
            self.complete()

    def complete(self) -> None:
        """Build the rest of the console (once): what the frame's first paint did not wait for."""
        if self.completed:
            return
        # Qt's namespace of enums alone costs a bare window's paint: not before the first
        from PySide6.QtCore import Qt

        from ui.pages.welcome import WelcomePage
        from ui.projection.controller import ProjectionController
        from ui.projection.keys import ClickerKeys
        from ui.projection.panel import ProjectionPanel

        controller = self.controller
        self.welcome = WelcomePage(controller, self)
        self.stack.addWidget(self.welcome)
        self.projection = ProjectionController(controller, self)
        # The clicker's keys reach the projection from any widget but a text field.
        self.clicker = ClickerKeys(self, self.projection.handle_key, self.projection.wants_key)
        self.projection_panel = ProjectionPanel(self.projection)
        self.dock = QDockWidget(self)
        self.dock.setObjectName("projectionDock")
        self.dock.setWidget(self.projection_panel)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.rail.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._build_menus()
        from ui.phones import install_phones

        self.phones = install_phones(self)  # issue 15: the phone server's dock and hooks
        controller.changed.connect(self._on_changed)
        controller.opened.connect(self._on_opened)
        controller.closed.connect(self._on_closed)

        self.clock = QTimer(self)
        self.clock.setInterval(15_000)
        self.clock.timeout.connect(self._refresh_rail)
        self.clock.start()
        self.completed = True
        self.retranslate()
        self._on_closed()
        if self.isVisible():
            QTimer.singleShot(200, self._builder.start)

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt API)
        super().showEvent(event)
        if self.completed:
            QTimer.singleShot(200, self._builder.start)

    def paintEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt API)
        super().paintEvent(event)
        if self._after_paint:
            calls, self._after_paint = self._after_paint, []
            for call in calls:
                QTimer.singleShot(0, call)  # once this paint has reached the screen

    def after_first_paint(self, call: Callable[[], None]) -> None:
        """Run ``call`` once the window has been painted (start-up: read the file then)."""
        self._after_paint.append(call)

    @property
    def building_pages(self) -> bool:
        """Whether the other step pages are still being built in idle turns (start-up)."""
        return self._builder.isActive()

    def _build_one_page(self) -> None:
        if not self.isVisible():
            self._builder.stop()  # closed or hidden: nobody will switch pages
            return
        page_built = self.pages.build_next()
        if page_built:
            self.pages.built()[-1].retranslate()
        else:
            self._builder.stop()

    # -- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        self.act_new = self.file_menu.addAction("", self.welcome.new_workshop)
        self.act_new.setShortcut(QKeySequence.StandardKey.New)
        self.act_open = self.file_menu.addAction("", self.welcome.open_workshop)
        self.act_open.setShortcut(QKeySequence.StandardKey.Open)
        self.recent_menu = QMenu(self)
        self.file_menu.addMenu(self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.act_demo = self.file_menu.addAction("", self.welcome.open_demo)
        self.file_menu.addSeparator()
        self.act_copy = self.file_menu.addAction("", self.save_copy)
        self.act_import = self.file_menu.addAction("", self.welcome.import_bundle)
        self.act_review = self.file_menu.addAction("", self.import_review)
        self.act_export = self.file_menu.addAction("", self.show_exports)
        self.file_menu.addSeparator()
        self.act_close = self.file_menu.addAction("", self.controller.close)
        self.act_close.setShortcut(QKeySequence.StandardKey.Close)
        self.act_quit = self.file_menu.addAction("", self.close)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)

        self.act_undo = self.edit_menu.addAction("", self.controller.undo)
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = self.edit_menu.addAction("", self.controller.redo)
        self.act_redo.setShortcuts(redo_shortcuts())

        self.act_projection = self.dock.toggleViewAction()
        self.view_menu.addAction(self.act_projection)
        self.lang_menu = QMenu(self)
        self.view_menu.addMenu(self.lang_menu)
        group = QActionGroup(self)
        self.act_fr = QAction("Français", self, checkable=True)
        self.act_en = QAction("English", self, checkable=True)
        for act, code in ((self.act_fr, "fr"), (self.act_en, "en")):
            group.addAction(act)
            self.lang_menu.addAction(act)
            act.triggered.connect(lambda _=False, c=code: self.set_language(c))
        (self.act_en if i18n.current() == "en" else self.act_fr).setChecked(True)
        self.help = HelpMenu(self, self.menuBar())

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        items = recent_files()
        if not items:
            act = self.recent_menu.addAction(self.tr("(none)"))
            act.setEnabled(False)
        for path in items:
            self.recent_menu.addAction(Path(path).name, lambda p=path: self.controller.open(p))

    def set_language(self, lang: str) -> None:
        """Switch the UI language live (widgets receive LanguageChange)."""
        i18n.install(lang)
        from ui.controller import settings

        settings().setValue("language", lang)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.loading.retranslate()
        if not self.completed:
            self._refresh_rail()
            return
        self.dock.setWindowTitle(self.tr("Projected view"))
        self.act_new.setText(self.tr("&New workshop…"))
        self.act_open.setText(self.tr("&Open…"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.act_demo.setText(self.tr("Open the &demonstration workshop"))
        self.act_copy.setText(self.tr("&Save a copy as…"))
        self.act_import.setText(self.tr("&Import a bundle (JSON)…"))
        self.act_review.setText(self.tr("Import a re&view (DOCX)…"))
        self.act_export.setText(self.tr("&Export…"))
        self.act_close.setText(self.tr("&Close"))
        self.act_quit.setText(self.tr("&Quit"))
        self.lang_menu.setTitle(self.tr("&Language"))
        self.help.retranslate()
        self.projection_panel.retranslate()
        self.welcome.retranslate()
        for page in self.pages.built():
            page.retranslate()
        self._refresh_undo()
        self._refresh_rail()
        self._refresh_title()

    # -- state ---------------------------------------------------------------------------
    def _on_opened(self) -> None:
        self.rail.setEnabled(True)
        for act in (self.act_copy, self.act_export, self.act_review, self.act_close):
            act.setEnabled(True)
        step = self.controller.snapshot.workshop.current_step
        self._show_step(step)

    def _on_closed(self) -> None:
        self.statusBar().clearMessage()
        self.rail.setEnabled(False)
        for act in (self.act_copy, self.act_export, self.act_review, self.act_close):
            act.setEnabled(False)
        self.stack.setCurrentWidget(self.welcome)
        self._refresh_undo()
        self._refresh_rail()
        self._refresh_title()

    def _on_changed(self, changes: Changes) -> None:
        from workshop.session import AGENDA, WORKSHOP

        self._refresh_undo()
        if changes.summary:  # what was just done, undone or redone
            self.statusBar().showMessage(changes.summary)
        if not changes.topics or changes.topics & {AGENDA, WORKSHOP}:
            self._refresh_rail()
            self._refresh_title()
            if self.controller.is_open:
                self._show_step(self.controller.snapshot.workshop.current_step)

    def _show_step(self, step: str) -> None:
        index = [s.value for s in STEPS].index(step)
        self.stack.setCurrentWidget(self.pages[step])
        if self.rail.currentRow() != index:
            self.rail.blockSignals(True)
            self.rail.setCurrentRow(index)
            self.rail.blockSignals(False)

    def _rail_moved(self, row: int) -> None:
        if row < 0 or not self.controller.is_open:
            return
        step = STEPS[row].value
        if self.controller.read_only:
            self.stack.setCurrentWidget(self.pages[step])  # looking only: nothing written
            return
        current = self.controller.snapshot.workshop.current_step
        from workshop.operations import setup

        if current != step and self.controller.run(setup.go_to_step, step) is None:
            self._show_step(current)  # refused (a write failure...): the rail says the truth

    def _rail_clicked(self, item: QListWidgetItem) -> None:
        """Clicking the current step starts its clock if it never started (the first step
        of a workshop prepared days before: its clock starts when the day does)."""
        if not self.controller.is_open:
            return
        step = STEPS[self.rail.row(item)].value
        snap = self.controller.snapshot
        entry = next((a for a in snap.agenda if a.step == step), None)
        if step == snap.workshop.current_step and entry is not None and not entry.started_at:
            from workshop.operations import setup

            self.controller.run(setup.go_to_step, step)

    def go_to(self, step: Step) -> None:
        self.rail.setCurrentRow(list(STEPS).index(step))

    def _refresh_undo(self) -> None:
        session = self.controller.session
        undo_label = session.undo_label() if session else None
        redo_label = session.redo_label() if session else None
        writable = not self.controller.read_only
        self.act_undo.setEnabled(bool(undo_label) and writable)
        self.act_redo.setEnabled(bool(redo_label) and writable)
        self.act_undo.setText(self.tr("&Undo") + (f" — {undo_label}" if undo_label else ""))
        self.act_redo.setText(self.tr("&Redo") + (f" — {redo_label}" if redo_label else ""))

    def _refresh_rail(self) -> None:
        lang = i18n.current()
        if not self.controller.is_open:
            for row, step in enumerate(STEPS):
                self.rail.item(row).setText(f"{row + 1}. {label(step, lang)}")
            return
        from PySide6.QtCore import Qt

        from workshop.timing import rail_line, step_times

        snap = self.controller.snapshot
        agenda = {a.step: a for a in snap.agenda}
        spent = step_times(snap.marks, snap.workshop.date)
        for row, step in enumerate(STEPS):
            item = self.rail.item(row)
            name = f"{row + 1}. {label(step, lang)}"
            entry = agenda.get(step.value)
            if entry is None:
                item.setText(name)
                continue
            timing, over = rail_line(entry.planned_minutes, spent.get(step.value), lang)
            item.setText(f"{name}\n   {timing}" + ("  ⚠" if over else ""))
            item.setForeground(Qt.GlobalColor.darkRed if over else self.palette().text().color())

    def _refresh_title(self) -> None:
        path = self.controller.path
        read_only = self.tr("read-only") if self.controller.read_only else ""
        name = f"{path.name} ({read_only})" if path and read_only else path.name if path else ""
        self.setWindowTitle(f"{name} — Atelier Charte" if path else "Atelier Charte")
        self.read_only_label.setText(
            self.tr("Read-only: changes are refused (open a copy to change it)")
            if read_only
            else ""
        )

    # -- file actions --------------------------------------------------------------------
    def save_copy(self) -> None:
        if not self.controller.session:
            return
        target = dialogs.ask_save_path(
            self,
            self.tr("Save a copy as"),
            str(self.controller.path.with_name(self.controller.path.stem + "-copie.charter")),
        )
        if target:
            self.controller.save_copy(target)

    def import_review(self) -> None:
        """File ▸ Import a review: a lawyer's DOCX listed per article (ui/review_dialog)."""
        from ui.review_dialog import import_review

        import_review(self.controller, self)

    def show_exports(self) -> None:
        self._show_step(Step.WRAPUP.value)
        from workshop.operations import setup

        self.controller.run(setup.go_to_step, Step.WRAPUP.value)

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt API)
        """A key no widget used (Space outside a check box, list or table...): the clicker's."""
        if not self.completed or not self.clicker.unused(event):
            super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt API)
        self._builder.stop()
        if self.completed:
            self.clicker.remove()
            self.projection.close()
        self.controller.close()
        super().closeEvent(event)
