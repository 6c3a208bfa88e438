"""Driving the console like a facilitator: clicks on the rail, the pages' buttons and lists.

Used by ``test_walkthrough.py``. Nothing here calls ``workshop.operations``: every change
goes through a widget (a click, a key, a value set in a field then committed as the field
commits it), and modal dialogs are the replaceable functions of ``ui.dialogs``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from tests.ui.tally_patterns import TALLY_PATTERNS
from ui import dialogs
from workshop.model import STEPS, Choice, Step, label

LEFT = Qt.MouseButton.LeftButton

# -- the confidentiality rule --------------------------------------------------------------
CHOICE_WORDS = {label(c, lang).lower() for c in Choice for lang in ("fr", "en")}
_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.StatusTipRole,
)


def _columns(model, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # QAbstractListModel keeps columnCount private: one column
        return 1


def _model_texts(view: QAbstractItemView) -> list[str]:
    """Every text an item view's model holds (cells, tooltips, headers), nested rows too."""
    model = view.model()
    if model is None:
        return []
    root = QModelIndex()
    found: list[str] = []
    for orientation, count in (
        (Qt.Orientation.Horizontal, _columns(model, root)),
        (Qt.Orientation.Vertical, model.rowCount(root)),
    ):
        for section in range(count):
            value = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                found.append(value)

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                for role in _ROLES:
                    value = model.data(index, role)
                    if isinstance(value, str):
                        found.append(value)
                if column == 0 and isinstance(view, QTreeView) and model.rowCount(index):
                    walk(index)

    walk(root)
    return found


def texts_of(root: QWidget, skip: Iterable[QWidget] = ()) -> list[str]:
    """Every text a widget tree holds: labels, buttons, fields, item models, menus, tips.

    ``skip`` widgets and what they hold are left out.
    """
    found: list[str] = []
    skip = tuple(skip)
    for widget in [root, *root.findChildren(QWidget)]:
        if any(widget is s or s.isAncestorOf(widget) for s in skip):
            continue
        found += [
            widget.toolTip(),
            widget.accessibleName(),
            widget.accessibleDescription(),
            widget.statusTip(),
            widget.whatsThis(),
            widget.windowTitle(),
        ]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit | QAbstractSpinBox):
            found.append(widget.text())
        if isinstance(widget, QLineEdit):
            found.append(widget.placeholderText())
        if isinstance(widget, QTextEdit | QPlainTextEdit):
            found.append(widget.toPlainText())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            found += [widget.tabText(i) for i in range(widget.count())]
            found += [widget.tabToolTip(i) for i in range(widget.count())]
        if isinstance(widget, QGroupBox):
            found.append(widget.title())
        if isinstance(widget, QMenu):
            found.append(widget.title())
        if isinstance(widget, QAbstractItemView):
            found += _model_texts(widget)
    for action in root.findChildren(QAction):
        found += [action.text(), action.toolTip(), action.statusTip()]
    return [t for t in found if t]


def console_record(window) -> tuple[QWidget, ...]:  # noqa: ANN001 - MainWindow
    """The console's own record of a vote by name: the voter cards and the line under them.

    They show each voter's choice as the console recorded it (issue 12); nothing else in the
    window, and nothing projected, may tie a name to a choice while the vote is open.
    """
    view = window.pages["clauses"].ballot.open_view
    return (view.grid, view.message)


def console_texts(window) -> list[str]:  # noqa: ANN001 - MainWindow
    """Every text of the console window but its own record of a vote by name."""
    return texts_of(window, console_record(window))


#: How many words apart a name and a choice word may be to read as « name: choice ».
NEAR = 4


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _name_near_choice(text: str, name: str) -> bool:
    """Whether, in one sentence or line, a choice word stands within NEAR words of ``name``.

    French sentences are full of « pour » (« Cliquez pour placer ») and a whole paragraph
    may name someone, so only closeness counts: « Łukasz : pour », « pour (Łukasz) ».
    """
    target = _words(name)
    if not target:
        return False
    for segment in re.split(r"[\n.;!?]+", text):
        words = _words(segment)
        for start in range(len(words) - len(target) + 1):
            if words[start : start + len(target)] != target:
                continue
            around = (
                words[max(0, start - NEAR) : start]
                + words[start + len(target) : start + len(target) + NEAR]
            )
            if set(around) & CHOICE_WORDS:
                return True
    return False


def tally_leaks(texts: Iterable[str], names: Iterable[str]) -> list[str]:
    """Texts that show a count per choice, or put a voter's name next to a choice word."""
    names = [n for n in names if n]
    leaks = []
    for text in texts:
        if any(pattern.search(text) for pattern in TALLY_PATTERNS):
            leaks.append(text)
        elif any(_name_near_choice(text, name) for name in names if name in text):
            leaks.append(text)
    return leaks


# -- clicking ------------------------------------------------------------------------------
def click(qtbot, widget: QWidget) -> None:
    """A left click in the middle of a button (or any widget)."""
    assert widget.isEnabled(), f"{widget!r} is disabled: {getattr(widget, 'text', str)()}"
    qtbot.mouseClick(widget, LEFT)


def click_list_item(qtbot, view: QListWidget, item: QListWidgetItem) -> None:
    """Click a list row where it is drawn (scrolled into view first)."""
    view.scrollToItem(item)
    rect = view.visualItemRect(item)
    assert rect.isValid() and not rect.isEmpty(), item.text()
    qtbot.mouseClick(view.viewport(), LEFT, pos=rect.center())


def click_cell(qtbot, view: QAbstractItemView, index: QModelIndex) -> None:
    """Click a table cell (near its right edge: a check box cell toggles anywhere in it)."""
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid() and not rect.isEmpty()
    qtbot.mouseClick(view.viewport(), LEFT, pos=QPoint(rect.right() - 4, rect.center().y()))


def rail_to(qtbot, window, step: Step) -> QWidget:
    """Click a step in the rail, as the facilitator moves the workshop on."""
    item = window.rail.item(list(STEPS).index(step))
    click_list_item(qtbot, window.rail, item)
    page = window.pages[step.value]
    assert window.stack.currentWidget() is page
    assert window.controller.snapshot.workshop.current_step == step.value
    return page


def choose(combo: QComboBox, data: object) -> None:
    """Pick an entry of a combo box as a user does (the combo emits ``activated``)."""
    index = combo.findData(data)
    assert index >= 0, (data, [combo.itemData(i) for i in range(combo.count())])
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def type_and_commit(qtbot, edit: QLineEdit, text: str) -> None:
    """Type a text into a field and press Return (texts with any script)."""
    edit.setFocus()
    edit.selectAll()
    edit.del_()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:  # QTest types ASCII only (it aborts on « ’ »): paste the text instead
        edit.insert(text)
    assert edit.text() == text
    qtbot.keyClick(edit, Qt.Key.Key_Return)


# -- set-up --------------------------------------------------------------------------------
def new_workshop(qtbot, window, monkeypatch, path: Path, title: str, organisation: str) -> None:
    """Welcome page, « New workshop », the dialog answered at once."""
    assert window.stack.currentWidget() is window.welcome
    monkeypatch.setattr(
        dialogs, "ask_new_workshop", lambda _parent: (str(path), title, organisation, "fr")
    )
    click(qtbot, window.welcome.new_button)
    assert window.controller.is_open
    assert window.stack.currentWidget() is window.pages["setup"]


def add_person(qtbot, setup_page, name: str, function: str, college: str) -> None:
    """The entry row of the participants tab: name, function, college, Return."""
    tab = setup_page.participants_tab
    index = tab.new_college.findText(college)
    assert index >= 0, college
    tab.new_college.setCurrentIndex(index)
    tab.new_name.setFocus()
    tab.new_name.setText(name)
    tab.new_function.setText(function)
    qtbot.keyClick(tab.new_function, Qt.Key.Key_Return)
    assert tab.new_name.text() == "", "the entry row is cleared after adding"


def paste_people(qtbot, setup_page, monkeypatch, rows: list[tuple[str, str, str]]) -> list:
    """Copy cells from a spreadsheet, « Paste a list », accept the preview."""
    previews = []

    def accept(dialog) -> bool:
        previews.append((len(dialog.plan.accepted), len(dialog.plan.refused)))
        return True

    monkeypatch.setattr(dialogs, "exec_roster_preview", accept)
    QGuiApplication.clipboard().setText("".join("\t".join(r) + "\n" for r in rows))
    click(qtbot, setup_page.participants_tab.paste_button)
    return previews


# -- clauses and votes ---------------------------------------------------------------------
def show_clause_list(qtbot, clauses_page) -> None:
    """The list folds away on a narrow page: unfold it with its toggle."""
    if not clauses_page.list_toggle.isChecked():
        click(qtbot, clauses_page.list_toggle)
    assert clauses_page.left.isVisible()


def select_clause(qtbot, clauses_page, title: str) -> None:
    show_clause_list(qtbot, clauses_page)
    lst = clauses_page.left.clause_list
    item = next(
        lst.item(i) for i in range(lst.count()) if lst.item(i).text().split("\n")[0].endswith(title)
    )
    click_list_item(qtbot, lst, item)
    assert clauses_page.current_clause().title == title


def picker_item(picker, key: str) -> QListWidgetItem:
    tree = picker.tree
    return next(
        tree.item(i)
        for i in range(tree.count())
        if tree.item(i).data(Qt.ItemDataRole.UserRole) == key
    )


def open_vote(qtbot, clauses_page, method: str, capture: str) -> None:
    """Vote tab, choose the rule and the capture, « Open the vote »."""
    clauses_page.tabs.setCurrentIndex(clauses_page.TAB_VOTE)
    panel = clauses_page.ballot
    assert panel.mode == "setup"
    form = panel.setup
    form.method.setCurrentIndex(form.method.findData(method))
    form.capture.setCurrentIndex(form.capture.findData(capture))
    click(qtbot, form.open_button)
    assert panel.mode == "open"


def voter_ids_by_name(panel) -> dict[str, int]:
    return {card.name: card.participant_id for card in panel.open_view.grid.cards()}


def vote_by_name(qtbot, panel, participant_id: int, choice_index: int) -> None:
    """Touch the voter's button, then the choice's button."""
    grid = panel.open_view.grid
    click(qtbot, grid.button(participant_id))
    assert grid.current() == participant_id
    click(qtbot, panel.open_view.choice_buttons[choice_index])


def has_voted(panel, participant_id: int) -> bool:
    return next(c.voted for c in panel.open_view.grid.cards() if c.participant_id == participant_id)
