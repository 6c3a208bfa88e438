"""Lists every key the console answers to in its current state, to find collisions.

Qt answers « Ambiguous shortcut overload » and does nothing when two shortcuts match the
same key at once (a menu's Alt+A and a tab's Alt+A; Ctrl+Shift+Z given twice to Redo).
What can match at once: everything visible in one window (menu bar titles, QAction and
QShortcut keys, the '&' mnemonics of buttons, tab bars, group boxes and labels with a
buddy), plus the clicker keys the console's event filter reserves; within an open menu,
its items' mnemonic letters.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)

from ui.projection.keys import CLICKER_KEYS

_LOCAL = (Qt.ShortcutContext.WidgetShortcut, Qt.ShortcutContext.WidgetWithChildrenShortcut)


@dataclass(frozen=True)
class Binding:
    """One key, where it is answered (``scope``) and by what."""

    scope: str
    key: str
    source: str
    owner: QWidget | None = None  # for widget-local shortcuts: the widget they need focus in
    local: bool = False

    def __str__(self) -> str:
        return f"{self.scope:<28} {self.key:<22} {self.source}"


def _key(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText).upper()


def _mnemonic(text: str) -> str:
    return _key(QKeySequence.mnemonic(text)) if text else ""


def _plain(text: str) -> str:
    return text.replace("\n", " ")[:40]


def bindings(window: QWidget, scope: str) -> list[Binding]:
    """Every key ``window`` answers to now (visible widgets only)."""
    found: list[Binding] = []

    def add(key: str, source: str, owner: QWidget | None = None, local: bool = False) -> None:
        if key:
            found.append(Binding(scope, key, source, owner, local))

    for key in sorted(CLICKER_KEYS):
        add(_key(QKeySequence(key)), "clicker key (ui/projection/keys.py)")
    for bar in window.findChildren(QMenuBar):
        for action in bar.actions():
            add(_mnemonic(action.text()), f"menu « {_plain(action.text())} »")
    seen_actions: set[int] = set()
    for action in window.findChildren(QAction):
        if id(action) in seen_actions:
            continue
        seen_actions.add(id(action))
        for sequence in action.shortcuts():
            context = action.shortcutContext()
            add(_key(sequence), f"action « {_plain(action.text())} »", local=context in _LOCAL)
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parentWidget() if hasattr(shortcut, "parentWidget") else None
        parent = parent or shortcut.parent()
        if isinstance(parent, QWidget) and not parent.isVisible():
            continue
        local = shortcut.context() in _LOCAL
        for sequence in shortcut.keys():
            add(_key(sequence), f"shortcut on {type(parent).__name__}", parent, local)
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or isinstance(widget, QMenu):
            continue
        if isinstance(widget, QAbstractButton):
            add(_mnemonic(widget.text()), f"button « {_plain(widget.text())} »")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                text = widget.tabText(index)
                add(_mnemonic(text), f"tab « {_plain(text)} »")
        elif isinstance(widget, QGroupBox):
            add(_mnemonic(widget.title()), f"group « {_plain(widget.title())} »")
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            add(_mnemonic(widget.text()), f"label « {_plain(widget.text())} »")
    for menu in window.findChildren(QMenu):
        title = _plain(menu.title()) or type(menu).__name__
        for action in menu.actions():
            if action.isSeparator():
                continue
            letter = _mnemonic(action.text()).replace("ALT+", "")
            source = f"item « {_plain(action.text())} » of menu « {title} »"
            add(letter, source, local=True, owner=menu)
    return found


def _apart(a: Binding, b: Binding) -> bool:
    """Two widget-local shortcuts in widgets that never hold the focus together."""
    if not (a.local and b.local) or a.owner is None or b.owner is None:
        return False
    if isinstance(a.owner, QMenu) or isinstance(b.owner, QMenu):
        return a.owner is not b.owner  # a menu's letters only meet the same menu's
    return not (a.owner.isAncestorOf(b.owner) or b.owner.isAncestorOf(a.owner))


def collisions(found: list[Binding]) -> list[tuple[Binding, Binding]]:
    """Pairs of bindings of the same key that can match at the same time."""
    pairs = []
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if a.key != b.key or _apart(a, b):
                continue
            menu_item = isinstance(a.owner, QMenu) or isinstance(b.owner, QMenu)
            if menu_item and not (isinstance(a.owner, QMenu) and isinstance(b.owner, QMenu)):
                continue  # a letter inside an open menu never meets the window's keys
            pairs.append((a, b))
    return pairs


def report(found: list[Binding], pairs: list[tuple[Binding, Binding]]) -> str:
    lines = ["Collisions:"]
    lines += [f"  {a.key}: {a.source}  ×  {b.source}   [{a.scope}]" for a, b in pairs]
    lines += ["", "Every key in these states:"]
    lines += [f"  {b}" for b in sorted(found, key=lambda b: (b.scope, b.key, b.source))]
    return "\n".join(lines)
