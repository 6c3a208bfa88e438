"""Choosing clauses from the library: themes in charter order, a search, and a preview.

The picker only emits ``add_requested(key)``; the page runs the operation, so the picker
never changes the workshop itself. Clauses already in the review stay listed (greyed, with
a text mark) so the group sees the whole library and what it has already taken.
"""

from __future__ import annotations

import html
import unicodedata

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workshop.library import Clause, Library
from workshop.model import Lean, label

KEY_ROLE = Qt.ItemDataRole.UserRole


def fold(text: str) -> str:
    """Lower-case text without accents, so « debauche » finds « débauche »."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def clause_matches(clause: Clause, theme_title: str, query: str) -> bool:
    """Whether every word of ``query`` appears in the clause's title, theme or wordings."""
    words = fold(query).split()
    if not words:
        return True
    haystack = fold(
        " ".join(
            [clause.title, clause.key, theme_title]
            + [f"{v.label} {v.text} {v.rationale}" for v in clause.variants]
        )
    )
    return all(word in haystack for word in words)


def coordinates_text(support: float, control: float, lang: str) -> str:
    """« accompagnement 8 · contrôle 3 »: both axes named, never a bare pair of numbers."""

    def num(value: float) -> str:
        return f"{value:g}" if lang == "en" else f"{value:g}".replace(".", ",")

    return (
        f"{label(Lean.SUPPORT, lang)} {num(support)} · {label(Lean.CONTROL, lang)} {num(control)}"
    )


class ClausePicker(QWidget):
    """The library, by theme, with a search field and a preview of the current clause.

    Several clauses can be selected (Ctrl/Shift+click, Shift+arrows) and added at once.
    """

    #: The keys to add, in the library's order: one or several.
    add_requested = Signal(list)
    close_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library: Library | None = None
        self._taken: set[str] = set()
        self._lang = "fr"

        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close_requested)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.close_button)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill)
        self.theme_combo = QComboBox()
        self.theme_combo.currentIndexChanged.connect(self._fill)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.theme_combo, 1)

        # A list with theme headings rather than a tree: list items wrap long titles.
        self.tree = QListWidget()
        self.tree.setWordWrap(True)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tree_font = QFont(self.tree.font())
        tree_font.setPointSizeF(tree_font.pointSizeF() * 1.1)
        self.tree.setFont(tree_font)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.currentItemChanged.connect(self._show_preview)
        self.tree.itemSelectionChanged.connect(self._update_add_button)
        self.tree.itemActivated.connect(lambda _item: self._add())

        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self.empty_note = QLabel()
        self.empty_note.setWordWrap(True)
        self.empty_note.hide()
        self.add_button = QPushButton()
        self.add_button.setMinimumHeight(44)
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(lambda: self._add())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.add_button)
        self.retranslate()

    # -- data ----------------------------------------------------------------------------
    def set_library(self, library: Library, taken: set[str], lang: str) -> None:
        """Show ``library``; ``taken`` are the keys already in the review."""
        changed = library is not self._library or lang != self._lang
        self._library, self._taken, self._lang = library, set(taken), lang
        if changed:
            self._fill_themes()
        self._fill()

    def selected_key(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(KEY_ROLE) if item is not None else None

    def selected_keys(self) -> list[str]:
        """The selected clauses not yet in the review, in the order the list shows them."""
        keys = [
            self.tree.item(i).data(KEY_ROLE)
            for i in range(self.tree.count())
            if self.tree.item(i).isSelected()
        ]
        return [key for key in keys if key and key not in self._taken]

    def select_keys(self, keys: list[str]) -> None:
        """Select these clauses (those shown), the first one current."""
        wanted = set(keys)
        self.tree.clearSelection()
        first = True
        for i in range(self.tree.count()):
            item = self.tree.item(i)
            if item.data(KEY_ROLE) in wanted:
                if first:
                    self.tree.setCurrentItem(item)
                    first = False
                item.setSelected(True)

    def select(self, key: str) -> bool:
        """Make the clause ``key`` current (False when it is filtered out)."""
        for i in range(self.tree.count()):
            if self.tree.item(i).data(KEY_ROLE) == key:
                self.tree.setCurrentRow(i)
                return True
        return False

    def shown_keys(self) -> list[str]:
        """The clauses the list shows now, in order (themes left out)."""
        keys = [self.tree.item(i).data(KEY_ROLE) for i in range(self.tree.count())]
        return [key for key in keys if key]

    def _fill_themes(self) -> None:
        current = self.theme_combo.currentData()
        self.theme_combo.blockSignals(True)
        self.theme_combo.clear()
        self.theme_combo.addItem(self.tr("All themes"), None)
        if self._library is not None:
            for number, theme in enumerate(self._library.themes, start=1):
                self.theme_combo.addItem(f"{number}. {theme.title}", theme.key)
        index = self.theme_combo.findData(current)
        self.theme_combo.setCurrentIndex(max(0, index))
        self.theme_combo.blockSignals(False)

    def _fill(self) -> None:
        library = self._library
        selected = self.selected_key()
        self.tree.blockSignals(True)
        self.tree.clear()
        shown = 0
        if library is not None:
            only = self.theme_combo.currentData()
            query = self.search.text()
            for number, theme in enumerate(library.themes, start=1):
                if only and theme.key != only:
                    continue
                matches = [
                    c
                    for c in library.clauses_of(theme.key)
                    if clause_matches(c, theme.title, query)
                ]
                if not matches:
                    continue
                heading = QListWidgetItem(f"{number}. {theme.title}")
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                bold = QFont(self.tree.font())
                bold.setBold(True)
                heading.setFont(bold)
                self.tree.addItem(heading)
                for clause in matches:
                    item = QListWidgetItem(self._clause_line(clause))
                    item.setData(KEY_ROLE, clause.key)
                    if clause.key in self._taken:
                        item.setForeground(self.palette().placeholderText())
                    self.tree.addItem(item)
                    shown += 1
        self.tree.blockSignals(False)
        self.empty_note.setVisible(library is not None and shown == 0)
        if not (selected and self.select(selected)):
            self._show_preview(self.tree.currentItem())

    def _clause_line(self, clause: Clause) -> str:
        if clause.key in self._taken:
            return "    " + self.tr("✓ {title} (already in the review)").format(title=clause.title)
        return f"    {clause.title}"

    # -- preview and adding --------------------------------------------------------------
    def _show_preview(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        key = item.data(KEY_ROLE) if item is not None else None
        if key is None or self._library is None:
            hint = self.tr("Select a clause to read it.")
            self.preview.setHtml(f"<p>{html.escape(hint)}</p>")
            self._update_add_button()
            return
        clause = self._library.clause(key)
        theme = self._library.theme(clause.theme)
        parts = [
            f"<h2>{html.escape(clause.title)}</h2>",
            f"<p><i>{html.escape(theme.title)}</i> — {html.escape(theme.description)}</p>",
        ]
        for variant in clause.variants:
            parts.append(
                f"<h3>{html.escape(variant.label)} "
                f"<small>({html.escape(label(variant.lean, self._lang))} · "
                f"{html.escape(coordinates_text(variant.support, variant.control, self._lang))})"
                f"</small></h3>"
                f"<p>{html.escape(variant.text)}</p>"
            )
        self.preview.setHtml("".join(parts))
        self._update_add_button()

    def _update_add_button(self) -> None:
        """« Add this clause » or « Add the 3 selected clauses », enabled when there is any."""
        keys = self.selected_keys()
        current = self.selected_key()
        if not keys and current and current not in self._taken and not self.tree.selectedItems():
            keys = [current]  # a current item without selection (set by keyboard or code)
        self.add_button.setEnabled(bool(keys))
        if len(keys) > 1:
            self.add_button.setText(
                self.tr("Add the %1 selected clauses to the review").replace("%1", str(len(keys)))
            )
        else:
            self.add_button.setText(self.tr("Add this clause to the review"))

    def _add(self) -> None:
        keys = self.selected_keys()
        current = self.selected_key()
        if not keys and current and current not in self._taken and not self.tree.selectedItems():
            keys = [current]
        if keys:
            self.add_requested.emit(keys)

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Texts of the picker; clause texts come from the library, in its own language."""
        self.title.setText(self.tr("Add clauses from the library"))
        self.close_button.setText(self.tr("Back to the clause"))
        self.search.setPlaceholderText(self.tr("Search a word in the titles and wordings…"))
        self._update_add_button()
        self.empty_note.setText(self.tr("No clause matches this search."))
        if self.theme_combo.count():
            self.theme_combo.setItemText(0, self.tr("All themes"))
        self._fill()
