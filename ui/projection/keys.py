"""Clicker keys from anywhere in the console: one application-level event filter.

A presenter clicker sends PageDown / PageUp (sometimes → / ←), B or . (black), W, F, F5
and Esc to whichever widget has the focus. Lists and tables would eat them (PageDown
jumps seven rows, B finds a name), so the filter takes them first, before any widget
or shortcut, everywhere in the console window and its projection dock, except:

* while typing in a text field (a line edit, a text editor, an editable combo box, a
  spin or date box, an item editor open in a table): the field gets the key. F5 alone,
  which no text field uses, still starts projecting;
* in a widget that declares it uses the key while focused (``claims_key(event)``, as
  the matrix and the diagnostic scale do) or that asks for keys first (the property
  ``KEYS_FIRST``, as the ballot's voter grid and the secret prompt do): it sees the key
  first, and what it leaves still reaches the clicker (``MainWindow.keyPressEvent``);
* in a dialog or an open menu or drop-down list (Esc closes those).

Space is the keyboard's, not the clicker's: a focused check box, button, list or table
uses it (tick, press, arrival or departure of a participant); only when no widget uses it
does it turn the page, like any key nothing used. Up and Down are never clicker keys.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ui.projection.controller import NEXT_KEYS, PREVIOUS_KEYS

#: The keys the filter takes from any widget (Space is not one: see the module's doc).
CLICKER_KEYS = (
    NEXT_KEYS
    | PREVIOUS_KEYS
    | {
        Qt.Key.Key_B,
        Qt.Key.Key_Period,
        Qt.Key.Key_W,
        Qt.Key.Key_F,
        Qt.Key.Key_F5,
        Qt.Key.Key_Escape,
    }
) - {Qt.Key.Key_Space}
#: A widget with this property set to True sees the clicker keys first (keys it ignores
#: still reach the clicker).
KEYS_FIRST = "clickerKeysFirst"

_CHORDS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def _ancestors(widget: QWidget | None):  # noqa: ANN202 - Iterator[QWidget]
    while widget is not None:
        yield widget
        widget = widget.parentWidget()


def typing(widget: QWidget | None) -> bool:
    """True while ``widget`` (the focus) is where text is typed: keys are the text's."""
    for index, w in enumerate(_ancestors(widget)):
        if isinstance(w, QLineEdit) and not w.isReadOnly():
            return True
        if isinstance(w, (QTextEdit, QPlainTextEdit)) and not w.isReadOnly():
            return True
        if isinstance(w, QAbstractSpinBox) and not w.isReadOnly():
            return True
        if isinstance(w, QComboBox) and w.isEditable():
            return True
        if (
            index > 0
            and isinstance(w, QAbstractItemView)
            and w.state() == QAbstractItemView.State.EditingState
        ):
            return True  # the focus is an item editor open in a table or a list
        if w.isWindow():
            break
    return False


def keeps_keys(widget: QWidget | None, event: QKeyEvent) -> bool:
    """True when the focus (or a widget around it) wants to see this key first."""
    for w in _ancestors(widget):
        if w.property(KEYS_FIRST):
            return True
        claims = getattr(w, "claims_key", None)
        if callable(claims) and claims(event):
            return True
        if w.isWindow():
            break
    return False


def is_clicker_key(event: QKeyEvent) -> bool:
    """A key a clicker sends, without Ctrl, Alt or Meta."""
    return not (event.modifiers() & _CHORDS) and event.key() in CLICKER_KEYS


class ClickerKeys(QObject):
    """Gives the clicker keys to the projection from anywhere in ``console``.

    ``apply(event)`` runs a key (True when it did something); ``wants(event)`` says
    whether it would (Esc only while projecting), so that a shortcut is never blocked
    for a key the projection would not use.
    """

    def __init__(
        self,
        console: QWidget,
        apply: Callable[[QKeyEvent], bool],
        wants: Callable[[QKeyEvent], bool],
    ) -> None:
        super().__init__(console)
        self.console = console
        self._apply = apply
        self._wants = wants
        QApplication.instance().installEventFilter(self)

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _in_console(self, widget: QWidget) -> bool:
        window = widget.window()
        if window is self.console:
            return True
        return isinstance(window, QDockWidget) and window.parentWidget() is self.console

    def takes(self, watched: QObject, event: QKeyEvent) -> bool:
        """Whether this key, arriving at ``watched``, is the clicker's before any widget's."""
        if not isinstance(watched, QWidget) or not is_clicker_key(event):
            return False
        focus = QApplication.focusWidget()
        if focus is not None and watched is not focus:
            return False  # decided where the key first arrived (this is its propagation)
        if QApplication.activePopupWidget() is not None:
            return False
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self.console:
            return False
        if not self._in_console(watched) or not self._wants(event):
            return False
        if event.key() == Qt.Key.Key_F5:
            return True
        return not typing(watched) and not keeps_keys(watched, event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            return self.takes(watched, event) and self._apply(event)
        if kind == QEvent.Type.ShortcutOverride and self.takes(watched, event):
            event.accept()  # no shortcut and no widget takes it: the KeyPress comes to us
            return True
        return False

    def unused(self, event: QKeyEvent) -> bool:
        """A key no widget used reached the console window: the clicker's unless typed."""
        if typing(QApplication.focusWidget()):
            return False
        return self._apply(event)
