"""The variants tab: preview each variant of a clause and switch its wording."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ui import dialogs, i18n
from ui.pages.ballot.widgets import CardButton
from ui.pages.clause_picker import coordinates_text
from ui.style import LEAN_COLOURS, scaled_font
from ui.widgets.clause_text import word_diff_html
from workshop import snapshot as snap
from workshop.model import Lean, label
from workshop.operations import clauses as clause_ops

if TYPE_CHECKING:
    from ui.pages.clauses.page import ClausesPage


class VariantSwitch(QWidget):
    """A segmented control over the clause's variants, with what each one means.

    Touching a segment previews the variant (rationale, legal basis, justification, text);
    « Use this variant » switches the clause's wording, so comparing costs nothing.
    """

    def __init__(self, page: ClausesPage) -> None:
        super().__init__()
        self.page = page
        self.segments_row = QHBoxLayout()
        self.segments_row.setSpacing(8)
        self.segments: dict[str, CardButton] = {}
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setFont(scaled_font(self.details.font(), 1.1))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.apply_button = QPushButton()
        self.apply_button.setMinimumHeight(40)
        self.apply_button.clicked.connect(self.apply)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.segments_row)
        layout.addWidget(self.details, 1)
        layout.addLayout(bottom)
        self.clause: snap.Clause | None = None
        self.preview_key: str | None = None
        self.locked = False

    def show_clause(self, clause: snap.Clause | None, locked: bool) -> None:
        """Show ``clause``'s variants; ``locked`` while a vote runs on it."""
        keys = [v.key for v in clause.variants] if clause else []
        if self.clause is None or clause is None or self.clause.id != clause.id:
            self.preview_key = clause.variant_key if clause else None
        if list(self.segments) != keys:
            for button in self.segments.values():
                self.segments_row.removeWidget(button)
                button.hide()
                button.deleteLater()
            self.segments = {}
            for key in keys:
                button = CardButton()
                button.setCheckable(True)
                button.clicked.connect(lambda _=False, k=key: self.preview(k))
                self.segments_row.addWidget(button)
                self.segments[key] = button
        self.clause, self.locked = clause, locked
        if clause is not None and self.preview_key not in keys:
            self.preview_key = clause.variant_key
        self._redraw()

    def preview(self, key: str) -> None:
        self.preview_key = key
        self._redraw()

    def _redraw(self) -> None:
        clause = self.clause
        if clause is None:
            self.details.clear()
            self.apply_button.setEnabled(False)
            return
        lang = i18n.current()
        for variant in clause.variants:
            button = self.segments[variant.key]
            lean = Lean(variant.lean)
            lines = [
                (variant.label, 1.15, True),
                (self.tr("Leaning: {lean}").format(lean=label(lean, lang)), 0.95, False),
                (
                    self.tr("Position: {coordinates}").format(
                        coordinates=coordinates_text(variant.support, variant.control, lang)
                    ),
                    0.95,
                    False,
                ),
            ]
            if variant.key == clause.variant_key:
                lines.append((self.tr("✓ current wording"), 1.0, True))
            button.set_lines(lines)
            button.set_colours(LEAN_COLOURS[lean], None)
            button.setChecked(variant.key == self.preview_key)
        variant = next((v for v in clause.variants if v.key == self.preview_key), None)
        self.details.setHtml(self._details_html(clause, variant, lang) if variant else "")
        amended = clause.variant is not None and clause.text != clause.variant.text
        notes = []
        if self.locked:
            notes.append(self.tr("The wording cannot change while the vote is open."))
        elif amended:
            notes.append(self.tr("The current wording is amended: switching variant replaces it."))
        self.note.setText(" ".join(notes))
        self.apply_button.setEnabled(
            not self.locked and variant is not None and variant.key != clause.variant_key
        )

    def _details_html(self, clause: snap.Clause, variant: snap.Variant, lang: str) -> str:
        lean = Lean(variant.lean)
        why = self.tr("Why a group would choose it:")
        justified = self.tr("Justification of the restriction (proportionate to its aim, L1121-1):")
        unjustified = self.tr("No justification is stated for this restriction.")
        basis = self.tr("Legal basis (pointers for the lawyers, not legal advice):")
        attention = self.tr("Points of attention:")
        changes = self.tr("Changes from the current wording:")
        parts = [
            f"<h3>{html.escape(variant.label)} — {html.escape(label(lean, lang))}</h3>",
            f"<p><b>{html.escape(why)}</b> {html.escape(variant.rationale)}</p>",
        ]
        if variant.justification:
            parts.append(
                f"<p><b>{html.escape(justified)}</b> {html.escape(variant.justification)}</p>"
            )
        elif lean is Lean.CONTROL:
            parts.append(f"<p><b>⚠ {html.escape(unjustified)}</b></p>")
        if variant.legal_basis:
            items = "; ".join(html.escape(b) for b in variant.legal_basis)
            parts.append(f"<p><b>{html.escape(basis)}</b> {items}</p>")
        flags = [self._flag_text(f) for f in variant.flags]
        if flags:
            parts.append(f"<p><b>{html.escape(attention)}</b> {html.escape('; '.join(flags))}</p>")
        if variant.key != clause.variant_key:
            parts.append(
                f"<p><b>{html.escape(changes)}</b></p>"
                f"<p>{word_diff_html(clause.text, variant.text)}</p>"
            )
        return "".join(parts)

    def _flag_text(self, flag: str) -> str:
        texts = {
            "monitoring": self.tr("monitoring: employees informed beforehand, CSE consulted"),
            "sanctions": self.tr(
                "sanctions: binding only through the work rules procedure (CSE opinion, filing)"
            ),
            "personal_data": self.tr("personal data: GDPR applies"),
            "new_technology": self.tr("new tools: CSE consulted"),
            "whistleblowing": self.tr("whistleblowing: a lawful alert can never be restricted"),
        }
        return texts.get(flag, flag)

    def apply(self) -> None:
        """Switch the clause to the previewed variant (confirmed when it drops an amendment)."""
        clause, key = self.clause, self.preview_key
        if clause is None or key is None or key == clause.variant_key or self.locked:
            return
        amended = clause.variant is not None and clause.text != clause.variant.text
        if amended and not dialogs.confirm(
            self,
            self.tr(
                "The wording was amended. Replace it with this variant's text? The amendment history is kept."
            ),
        ):
            return
        self.page.controller.run(clause_ops.choose_variant, clause.id, key)

    def retranslate(self) -> None:
        self.apply_button.setText(self.tr("Use this variant's wording"))
        self._redraw()
