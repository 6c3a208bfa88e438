"""Keyboard shortcuts that press a button, and say so in its tooltip.

The facilitator opens and closes votes in front of the room: a dozen Tabs to reach the
button is too many. ``button_shortcut`` gives a button window-wide keys that work while
the button is visible and enabled (a hidden page's buttons never fire), and keeps its
tooltip « Open the vote (Ctrl+Enter) » in step with the button's text and the language.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton


def keys_text(keys: Sequence[QKeySequence]) -> str:
    """The first key as the user's system writes it (« Ctrl+Entrée » in French)."""
    return keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""


def tooltip_for(text: str, keys: Sequence[QKeySequence]) -> str:
    """« Open the vote (Ctrl+Return) » from a button's text (mnemonic and « … » dropped)."""
    label = text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("… .")
    shown = keys_text(keys)
    return f"{label} ({shown})" if label else shown


class _Tooltip(QObject):
    """Sets the button's tooltip again when its text or the language may have changed."""

    def __init__(self, button: QAbstractButton, keys: list[QKeySequence]) -> None:
        super().__init__(button)
        self._button = button
        self._keys = keys
        button.installEventFilter(self)
        self.update()

    def update(self) -> None:
        self._button.setToolTip(tooltip_for(self._button.text(), self._keys))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in (QEvent.Type.ToolTip, QEvent.Type.LanguageChange, QEvent.Type.Show):
            self.update()
        return False


def button_shortcut(button: QAbstractButton, *keys: str) -> QShortcut:
    """Keys (portable text, « Ctrl+Return ») that click ``button`` from anywhere in its
    window while it is visible and enabled; its tooltip names the first."""
    sequences = [QKeySequence(k) for k in keys]
    shortcut = QShortcut(button)
    shortcut.setKeys(sequences)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(button.click)
    _Tooltip(button, sequences)
    return shortcut
