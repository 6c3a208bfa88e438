"""A clause's wording shown large enough to read from the back of the room, and its diffs.

The projector mirrors the operator's window, so the text under discussion is the biggest
thing on the page. Amendments are shown as a word-level before/after diff: insertions are
underlined and deletions struck through (and coloured, but never by colour alone, so the
diff survives a washed-out projector and colour-vision deficiencies).
"""

from __future__ import annotations

import difflib
import html
import re
from functools import lru_cache

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

#: Words and the whitespace between them, kept as separate tokens so the diff can be
#: rendered back to exactly the original texts.
_TOKEN_RE = re.compile(r"\s+|[^\s]+")

INSERT_STYLE = (
    "text-decoration: underline; font-weight: 600; color: #0B4F2C; background-color: #D8F0DF;"
)
DELETE_STYLE = "text-decoration: line-through; color: #7A1010; background-color: #F8DCDC;"


def tokens(text: str) -> list[str]:
    """Split a text into words and runs of whitespace (joining them gives the text back)."""
    return _TOKEN_RE.findall(text)


def _span(words: list[str], style: str) -> str:
    """Marked words; the spaces around them stay unmarked (an underlined blank reads badly)."""
    text = "".join(words)
    core = text.strip()
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    body = html.escape(core).replace("\n", "<br>")
    return f'{html.escape(lead)}<span style="{style}">{body}</span>{html.escape(trail)}'


@lru_cache(maxsize=512)
def word_diff_html(before: str, after: str) -> str:
    """An HTML fragment of ``after`` with the words removed from ``before`` struck through.

    Whitespace-only changes are not shown as edits: what a group votes on is the words.
    Memoised: the page redraws after every vote, and difflib is the costly part.
    """
    old, new = tokens(before), tokens(after)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    parts: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(html.escape("".join(new[j1:j2])).replace("\n", "<br>"))
            continue
        removed, added = old[i1:i2], new[j1:j2]
        if op in ("delete", "replace") and "".join(removed).strip():
            parts.append(_span(removed, DELETE_STYLE))
            if op == "replace":
                parts.append(" ")
        elif op in ("delete", "replace"):
            parts.append(" ")
        if op in ("insert", "replace") and "".join(added).strip():
            parts.append(_span(added, INSERT_STYLE))
        elif op == "insert":
            parts.append(html.escape("".join(added)))
    return "".join(parts)


def diff_counts(before: str, after: str) -> tuple[int, int]:
    """How many words an amendment adds and removes (for a one-line summary)."""
    old = [t for t in tokens(before) if t.strip()]
    new = [t for t in tokens(after) if t.strip()]
    added = removed = 0
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            removed += i2 - i1
        if op in ("insert", "replace"):
            added += j2 - j1
    return added, removed


def _scaled(font: QFont, factor: float) -> QFont:
    scaled = QFont(font)
    size = scaled.pointSizeF() if scaled.pointSizeF() > 0 else 10.0
    scaled.setPointSizeF(size * factor)
    return scaled


class ClauseText(QTextBrowser):
    """The clause's wording in a large, high-contrast, read-only text area."""

    def __init__(self, parent: QWidget | None = None, scale: float = 1.6) -> None:
        super().__init__(parent)
        self.setObjectName("clauseText")
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setFrameShape(QTextBrowser.Shape.StyledPanel)
        self.setFont(_scaled(self.font(), scale))
        self.document().setDocumentMargin(14)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._text = ""

    def set_clause_text(self, text: str) -> None:
        """Show ``text`` (plain text; line breaks kept). The same text is not re-laid out,
        so a vote does not reset the reader's scroll position."""
        if text == self._text and self.document().toPlainText():
            return
        self._text = text
        self.setPlainText(text)

    def clause_text(self) -> str:
        return self._text


class DiffView(QWidget):
    """Before/after view of an amendment, with a legend that says what the marks mean."""

    def __init__(self, parent: QWidget | None = None, scale: float = 1.25) -> None:
        super().__init__(parent)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.browser = QTextBrowser()
        self.browser.setReadOnly(True)
        self.browser.setOpenLinks(False)
        self.browser.setFont(_scaled(self.browser.font(), scale))
        self.browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.legend)
        layout.addWidget(self.browser, 1)
        self._before = ""
        self._after = ""
        self.retranslate()

    def set_texts(self, before: str, after: str) -> None:
        """Show the word-level diff from ``before`` to ``after``."""
        self._before, self._after = before, after
        self.browser.setHtml(word_diff_html(before, after))

    def html(self) -> str:
        return word_diff_html(self._before, self._after)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The legend names both marks, so the meaning never relies on colour."""
        added = self.tr("Underlined: added")
        removed = self.tr("Struck through: removed")
        self.legend.setText(
            f'<span style="{INSERT_STYLE}">{html.escape(added)}</span>'
            f" &nbsp;·&nbsp; "
            f'<span style="{DELETE_STYLE}">{html.escape(removed)}</span>'
        )
