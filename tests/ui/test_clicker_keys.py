"""Clicker keys drive the projection from every kind of widget on every step page, except
text fields, which keep their keys (issue 12: PageDown in the clause list jumped six
clauses and B / F did nothing)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWidget,
)

from ui.projection.keys import typing
from ui.projection.window import BLACK, FROZEN, LIVE
from workshop.model import STEPS

PAGES = [s.value for s in STEPS]
TEXT_KINDS = {"line edit", "text edit"}


def _line_edit(w: QWidget) -> bool:
    parent = w.parentWidget()
    return (
        isinstance(w, QLineEdit)
        and not w.isReadOnly()
        and not isinstance(parent, (QAbstractSpinBox, QComboBox))
    )


KINDS = {
    "list": lambda w: isinstance(w, QListView),
    "table": lambda w: isinstance(w, QTableView),
    "tree": lambda w: isinstance(w, QTreeView),
    "button": lambda w: isinstance(w, (QPushButton, QToolButton)),
    "check box": lambda w: isinstance(w, QCheckBox),
    "combo": lambda w: isinstance(w, QComboBox) and not w.isEditable(),
    "line edit": _line_edit,
    "text edit": lambda w: isinstance(w, (QPlainTextEdit, QTextEdit)) and not w.isReadOnly(),
}


def _candidates(root: QWidget, kind: str) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if KINDS[kind](w)
        and w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]


def _states(page: QWidget):  # noqa: ANN202 - Iterator[None]
    """The page as shown, then each tab of each of its tab widgets."""
    yield
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            if tabs.isVisible() and tabs.isTabEnabled(index):
                tabs.setCurrentIndex(index)
                yield


@pytest.fixture
def console(window, controller, demo_path, qtbot, monkeypatch):
    controller.open(demo_path)
    window.resize(1900, 1000)  # wide enough for the clause list beside the clause
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    steps: list[int] = []
    monkeypatch.setattr(window.projection, "step", steps.append)  # the page stays put
    return window, steps


def _index(w: QWidget):  # noqa: ANN202
    if isinstance(w, QAbstractItemView):
        return w.currentIndex()
    if isinstance(w, QComboBox):
        return w.currentIndex()
    return None


def _text(w: QWidget) -> str:
    return w.text() if isinstance(w, QLineEdit) else w.toPlainText()


def check_widget(qtbot, window, steps: list[int], widget: QWidget, kind: str) -> None:
    projection = window.projection
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=1000)
    where = f"{kind} {type(widget).__name__} {widget.objectName() or widget.accessibleName()}"
    before_steps = len(steps)
    if kind in TEXT_KINDS:
        assert typing(widget)
        original = _text(widget)
        widget.selectAll()
        qtbot.keyClick(widget, Qt.Key.Key_B)
        qtbot.keyClick(widget, Qt.Key.Key_F)
        qtbot.keyClick(widget, Qt.Key.Key_PageDown)
        assert projection.window.mode == LIVE, where
        assert len(steps) == before_steps, where
        typed = _text(widget)
        checked = isinstance(widget, QLineEdit) and (widget.validator() or widget.inputMask())
        if not checked:
            assert "bf" in typed.lower(), (where, typed)  # the text got the keys
        if isinstance(widget, QLineEdit):
            widget.setText(original)
        else:
            widget.setPlainText(original)
        return
    assert not typing(widget), where
    index = _index(widget)
    qtbot.keyClick(widget, Qt.Key.Key_PageDown)
    assert steps[before_steps:] == [1], where
    qtbot.keyClick(widget, Qt.Key.Key_PageUp)
    assert steps[before_steps:] == [1, -1], where
    assert _index(widget) == index, f"{where}: the widget ate PageDown/PageUp"
    qtbot.keyClick(widget, Qt.Key.Key_B)
    assert projection.window.mode == BLACK, where
    qtbot.keyClick(widget, Qt.Key.Key_B)
    assert projection.window.mode == LIVE, where
    qtbot.keyClick(widget, Qt.Key.Key_F)
    assert projection.window.mode == FROZEN, where
    qtbot.keyClick(widget, Qt.Key.Key_F)
    assert projection.window.mode == LIVE, where
    assert _index(widget) == index, f"{where}: the widget ate B or F"


@pytest.mark.parametrize("step", PAGES)
def test_clicker_keys_from_every_kind_of_widget(console, qtbot, step):
    window, steps = console
    window.go_to(next(s for s in STEPS if s.value == step))
    page = window.pages[step]
    qtbot.waitUntil(page.isVisible)
    tested: dict[str, str] = {}
    for _ in _states(page):
        for kind in KINDS:
            if kind in tested:
                continue
            # the page's own widgets first, then the console's (step rail, projection dock)
            found = _candidates(page, kind) or _candidates(window, kind)
            if found:
                check_widget(qtbot, window, steps, found[0], kind)
                tested[kind] = type(found[0]).__name__
    # every page offers at least these, counting the console's rail and projection dock
    assert {"list", "button", "check box", "combo", "line edit"} <= set(tested), tested


def test_the_clause_list_no_longer_eats_page_down(console, qtbot):
    window, steps = console
    window.go_to(STEPS[3])
    page = window.pages["clauses"]
    clause_list = next(w for w in _candidates(page, "list"))
    clause_list.setCurrentIndex(clause_list.model().index(0, 0))
    check_widget(qtbot, window, steps, clause_list, "list")
    assert clause_list.currentIndex().row() == 0


def test_f5_projects_even_from_a_text_field_and_esc_stays_with_it(console, qtbot):
    window, _ = console
    field = window.projection_panel.message
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    qtbot.keyClick(field, Qt.Key.Key_F5)
    assert window.projection.projecting
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert window.projection.projecting  # Esc is the field's while typing
    window.rail.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.rail)
    qtbot.keyClick(window.rail, Qt.Key.Key_Escape)
    assert not window.projection.projecting


def test_space_stays_with_a_check_box_and_turns_the_page_where_unused(console, qtbot):
    window, steps = console
    box = window.projection_panel.contrast
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    ticked = box.isChecked()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() != ticked and steps == []
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Space)  # nothing uses it: next
    assert steps == [1]


def test_keys_in_a_dialog_are_the_dialogs(console, qtbot):
    from PySide6.QtWidgets import QDialog, QListWidget, QVBoxLayout

    window, steps = console
    dialog = QDialog(window)
    layout = QVBoxLayout(dialog)
    listing = QListWidget()
    listing.addItems([str(n) for n in range(30)])
    layout.addWidget(listing)
    dialog.setModal(True)
    dialog.show()
    qtbot.addWidget(dialog)
    listing.setFocus()
    listing.setCurrentRow(0)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is listing)
    qtbot.keyClick(listing, Qt.Key.Key_PageDown)
    qtbot.keyClick(listing, Qt.Key.Key_B)
    assert steps == [] and window.projection.window.mode == LIVE
    assert listing.currentRow() > 0
    dialog.close()


@pytest.mark.parametrize("column", ["NAME", "COLLEGE"])
def test_an_item_editor_open_in_a_table_keeps_its_keys(console, qtbot, column):
    from ui.models.participants import ParticipantsModel

    window, steps = console
    window.go_to(STEPS[0])
    setup = window.pages["setup"]
    setup.tabs.setCurrentIndex(2)
    table = setup.participants_tab.table
    table.setFocus()
    index = setup.participants_tab.participants.index(0, getattr(ParticipantsModel, column))
    table.setCurrentIndex(index)
    table.edit(index)
    qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.EditingState)
    editor = QApplication.focusWidget()
    assert editor is not table and table.isAncestorOf(editor)
    assert typing(editor)
    qtbot.keyClick(editor, Qt.Key.Key_B)
    qtbot.keyClick(editor, Qt.Key.Key_PageDown)
    assert window.projection.window.mode == LIVE and steps == []
    if isinstance(editor, QLineEdit):
        assert editor.text().lower().endswith("b")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # cancels the edit, does not stop projecting
    assert table.state() != QAbstractItemView.State.EditingState
    qtbot.keyClick(table, Qt.Key.Key_B)  # the table itself: the clicker's again
    assert window.projection.window.mode == BLACK
