"""The per-slide painters of the projected screen: welcome, criterion, clause, ballots, lists."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen

from ui.projection import fit
from ui.projection.canvas_base import CENTRE, RIGHT, CanvasBase, CellGrid
from ui.style import ROOM_CHOICES, ROOM_ON_COLOUR, ROOM_OUTCOMES
from ui.widgets.matrix.painter import paint_matrix
from workshop.model import Choice, Outcome


class SlidePainters(CanvasBase):
    """One method per kind of slide. Its words keep the « SlideCanvas » translation context."""

    def _welcome(self, p: QPainter, rect: QRectF, h: int) -> None:
        s = self.slide
        y = rect.top()
        y += self._block(p, QRectF(rect.left(), y, rect.width(), h * 0.24), s.title, h / 13,
                         kind="title", bold=True, max_lines=3, smallest=h / 24)  # fmt: skip
        y += h * 0.01
        y += self._block(p, QRectF(rect.left(), y, rect.width(), h * 0.1), s.subtitle, h / 26,
                         kind="subtitle", colour=self.theme.muted, max_lines=2)  # fmt: skip
        y += h * 0.03
        if not s.agenda:
            return
        line = min(h * 0.068, (rect.bottom() - y) / len(s.agenda))
        minutes_w = rect.width() * 0.18
        for item in s.agenda:
            marker = "▶ " if item.current else ""
            if item.current:
                p.fillRect(QRectF(rect.left(), y, rect.width(), line), QColor(self.theme.panel))
            inner = line * 0.9
            self._block(p, QRectF(rect.left() + h * 0.01, y, rect.width() - minutes_w, inner),
                        f"{marker}{item.label}", min(h / 24, inner * 0.8), kind="agenda",
                        bold=item.current, max_lines=1, middle=True,
                        colour=self.theme.accent if item.current else self.theme.text)  # fmt: skip
            self._block(p, QRectF(rect.right() - minutes_w, y, minutes_w - h * 0.01, inner),
                        f"{item.minutes} min", min(h / 30, inner * 0.8), kind="agenda",
                        colour=self.theme.muted, align=RIGHT, max_lines=1, middle=True)  # fmt: skip
            y += line

    def _criterion(self, p: QPainter, rect: QRectF, h: int) -> None:
        """Diagnostic: the criterion being scored, its scale, the emerging suggestion."""
        s = self.slide
        top = self._header(p, rect, h, s.title, s.subtitle)
        gap = h * 0.03
        left_w = rect.width() * 0.58 if self.matrix_scene is not None else rect.width()
        y = top
        if s.scale:
            # the two ends carry their meaning (two lines); 2, 3 and 4 are numbers only
            weights = [2.0 if " — " in t else 1.0 for t in s.scale]
            unit = min(h * 0.06, (rect.bottom() - top) * 0.64 / sum(weights))
            for n, (text, weight) in enumerate(zip(s.scale, weights, strict=True), start=1):
                cell = QRectF(rect.left(), y, left_w - gap, unit * weight - h * 0.006)
                chosen = s.score == n
                p.setPen(QPen(QColor(self.theme.accent if chosen else self.theme.muted), h * 0.003))
                p.setBrush(QColor(self.theme.panel) if chosen else Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(cell, h * 0.01, h * 0.01)
                badge = QRectF(cell.left(), cell.top(), unit * 1.6, cell.height())
                mark = f"{n} ✓" if chosen else f"{n}"
                self._block(p, badge, mark, unit * 0.75, kind="scale", bold=True,
                            align=CENTRE, max_lines=1, middle=True,
                            colour=self.theme.accent if chosen else self.theme.text)  # fmt: skip
                words = text.split(" — ", 1)[1] if " — " in text else ""
                if words:
                    self._block(p, cell.adjusted(badge.width(), h * 0.004, -h * 0.01, -h * 0.004),
                                words, h / 34, kind="scale", max_lines=2, middle=True)  # fmt: skip
                y += unit * weight
        y += h * 0.01
        for line in s.lines:
            y += self._block(p, QRectF(rect.left(), y, left_w - gap, rect.bottom() - y), line,
                             h / 32, kind="suggestion", colour=self.theme.muted,
                             bold=line is s.lines[0], max_lines=3)  # fmt: skip
            y += h * 0.01
        if self.matrix_scene is not None:
            area = QRectF(rect.left() + left_w, top, rect.width() - left_w, rect.bottom() - top)
            self.matrix_labels = paint_matrix(
                p, area, self.matrix_scene, self._matrix_style(h, area)
            )

    def _clause(self, p: QPainter, rect: QRectF, h: int) -> None:
        s = self.slide
        top = self._header(p, rect, h, s.title, s.subtitle)
        ballot_height = 0.0
        if s.ballot_state == "open":
            ballot_height = h * 0.45
        elif s.ballot_state == "closed":
            # The room has just read the text: the result takes the whole screen.
            ballot_height = rect.bottom() - top + h * 0.02
        text_rect = QRectF(rect.left(), top, rect.width(), rect.bottom() - top - ballot_height)
        if s.ballot_state == "closed":
            pass
        elif s.before:
            half = (text_rect.width() - h * 0.03) / 2
            left = QRectF(text_rect.left(), text_rect.top(), half, text_rect.height())
            right = QRectF(
                text_rect.left() + half + h * 0.03, text_rect.top(), half, text_rect.height()
            )
            self._labelled_text(
                p,
                left,
                h,
                QCoreApplication.translate("SlideCanvas", "Before"),
                s.before,
                muted=True,
            )
            self._labelled_text(
                p, right, h, QCoreApplication.translate("SlideCanvas", "After (amendment)"), s.text
            )
        elif not self.skipped(text_rect):  # a vote repaints the ballot band only
            self._fitted(p, text_rect, h, s.text, paged=True)
        if s.ballot_state:
            band = QRectF(rect.left(), rect.bottom() - ballot_height + h * 0.02, rect.width(),
                          ballot_height - h * 0.02)  # fmt: skip
            p.fillRect(band, QColor(self.theme.panel))
            inner = band.adjusted(h * 0.02, h * 0.015, -h * 0.02, -h * 0.015)
            if s.ballot_state == "open":
                self._ballot_open(p, inner, h)
            else:
                self._ballot_closed(p, inner, h)

    def _labelled_text(self, p: QPainter, rect: QRectF, h: int, caption: str, text: str,
                       muted: bool = False) -> None:  # fmt: skip
        used = self._block(p, QRectF(rect.left(), rect.top(), rect.width(), h * 0.05), caption,
                           h / 32, kind="caption", bold=True, colour=self.theme.accent,
                           max_lines=1)  # fmt: skip
        body = QRectF(rect.left(), rect.top() + used + h * 0.01, rect.width(),
                      rect.height() - used - h * 0.01)  # fmt: skip
        self._fitted(p, body, h, text, colour=self.theme.muted if muted else None)

    def _fitted(self, p: QPainter, rect: QRectF, h: int, text: str, *, colour: str | None = None,
                paged: bool = False) -> None:  # fmt: skip
        """Largest size that fits, down to a floor readable from the back; then pages."""
        floor = int(max(h / 30, self.smallest(h)))
        largest = max(floor, int(h / 14))
        width, height = int(rect.width()), int(rect.height())
        px = fit.fit_pixel_size(text, self.base_font, width, height, largest, floor)
        if px is None:
            font = self._font(floor)
            pages = fit.paginate(text, font, width, int(height - h * 0.05))
            if paged:
                self.page_count = len(pages)
                self.page = min(self.page, len(pages) - 1)
                text = pages[self.page]
                counter = f"{self.page + 1} / {len(pages)}"
                self._text(p, QRectF(rect.left(), rect.bottom() - h * 0.045, rect.width(), h * 0.045),
                           counter, self.smallest(h), colour=self.theme.muted,
                           flags=int(Qt.AlignmentFlag.AlignRight))  # fmt: skip
            else:
                text = pages[0] + " …"
            px = floor
        elif paged:
            self.page_count, self.page = 1, 0
        self._text(p, QRectF(rect.toRect()), text, px, colour=colour)

    def _ballot_open(self, p: QPainter, rect: QRectF, h: int) -> None:
        s = self.slide
        y = rect.top()
        heading = " · ".join(x for x in (*s.lines, s.ballot_method) if x)
        y += self._block(p, QRectF(rect.left(), y, rect.width(), h * 0.1), heading, h / 34,
                         kind="rule", bold=True, max_lines=2)  # fmt: skip
        voters = s.voters
        if not voters and not s.progress:
            return
        if s.progress:
            status = s.progress
        else:
            voted = sum(v.voted for v in voters)
            status = (
                QCoreApplication.translate("SlideCanvas", "%1 of %2 have voted")
                .replace("%1", str(voted))
                .replace("%2", str(len(voters)))
            )
        y += h * 0.005
        used = self._block(p, QRectF(rect.left(), y, rect.width(), h * 0.06), status, h / 30,
                           kind="status", colour=self.theme.text if s.progress else self.theme.muted,
                           bold=bool(s.progress), max_lines=1)  # fmt: skip
        status_rect = QRectF(rect.left(), y, rect.width(), used)
        y += used + h * 0.01
        area = QRectF(rect.left(), y, rect.width(), rect.bottom() - y)
        if not voters or area.height() <= 0:
            return
        floor = self.smallest(h)
        cell_min = floor * 1.35
        for columns in (3, 4, 5, 6, 8):
            if -(-len(voters) // columns) * cell_min <= area.height():
                break
        rows = max(1, -(-len(voters) // columns))
        cell_h = min(max(h * 0.055, cell_min), area.height() / rows)
        grid = CellGrid(area.left(), area.top(), area.width() / columns, cell_h, columns,
                        len(voters))  # fmt: skip
        cell_w = grid.width
        for i in grid.indexes(self.dirty):  # after a vote: its voter's cell and its neighbours
            v = voters[i]
            cell = grid.cell(i)
            p.setBrush(QColor(v.colour))
            p.setPen(Qt.PenStyle.NoPen)
            dot = cell_h * 0.45
            p.drawEllipse(QRectF(cell.left(), cell.center().y() - dot / 2, dot, dot))
            px = max(floor, min(h / 30, cell_h * 0.7))
            px = min(px, cell_h / 1.25)
            mark_w = px * 1.3
            # the mark is drawn apart from the name, so a right-to-left name cannot move it
            self._text(p, QRectF(cell.left() + dot * 1.4, cell.top(), mark_w, cell_h),
                       "✓" if v.voted else "…", px, bold=v.voted,
                       colour=self.theme.text if v.voted else self.theme.muted,
                       flags=int(Qt.AlignmentFlag.AlignVCenter))  # fmt: skip
            room_w = int(cell_w - dot * 1.6 - mark_w - h * 0.01)
            name = QFontMetrics(self._font(px, v.voted)).elidedText(
                v.label, Qt.TextElideMode.ElideRight, room_w
            )
            self._text(p, QRectF(cell.left() + dot * 1.4 + mark_w, cell.top(), room_w, cell_h),
                       name, px, bold=v.voted,
                       colour=self.theme.text if v.voted else self.theme.muted,
                       flags=int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft))  # fmt: skip
        self.keep_voter_boxes(status_rect, grid)

    def _outcome_badge(self, p: QPainter, rect: QRectF, h: int) -> float:
        """« ✓ ADOPTÉE », « ✗ REJETÉE », « ↻ REPORTÉE »: sign, word, colour and border style."""
        s = self.slide
        if not s.outcome:
            return 0.0
        try:
            mark = ROOM_OUTCOMES[Outcome(s.outcome_key)]
        except ValueError:
            mark = None
        text = f"{mark.sign} {s.outcome.upper()}" if mark else s.outcome.upper()
        font = self._font(10, True)
        fitted = fit.fit_block(text, font, int(rect.width() - h * 0.04), int(h * 0.07),
                               int(h / 20), int(max(h / 34, self.smallest(h))), 1)  # fmt: skip
        width = fitted.width + h * 0.04
        box = QRectF(rect.right() - width, rect.top(), width, fitted.height + h * 0.015)
        colour = QColor(mark.colour if mark else self.theme.accent)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(box, h * 0.01, h * 0.01)
        border = QPen(QColor(ROOM_ON_COLOUR), h * 0.004)
        if mark and mark.pattern == Qt.BrushStyle.Dense7Pattern:  # postponed: dashed border
            border.setStyle(Qt.PenStyle.DashLine)
        elif mark and mark.pattern == Qt.BrushStyle.BDiagPattern:  # rejected: double border
            p.setPen(QPen(QColor(ROOM_ON_COLOUR), h * 0.002))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(box.adjusted(h * 0.006, h * 0.006, -h * 0.006, -h * 0.006),
                              h * 0.006, h * 0.006)  # fmt: skip
        p.setPen(border)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(box, h * 0.01, h * 0.01)
        # a little slack: the box is as wide as the text, rounding must not elide it
        self._block(p, box.adjusted(h * 0.015, 0, -h * 0.015, 0), text, fitted.px, kind="outcome",
                    bold=True, colour=ROOM_ON_COLOUR, align=CENTRE, max_lines=1, middle=True,
                    smallest=fitted.px)  # fmt: skip
        return box.height()

    def _ballot_closed(self, p: QPainter, rect: QRectF, h: int) -> None:
        s = self.slide
        badge_h = self._outcome_badge(p, QRectF(rect.left() + rect.width() * 0.55, rect.top(),
                                                rect.width() * 0.45, h * 0.1), h)  # fmt: skip
        y = rect.top()
        y += self._block(p, QRectF(rect.left(), y, rect.width() * 0.55 - h * 0.02, h * 0.1),
                         s.ballot_method, h / 34, kind="method", colour=self.theme.muted,
                         max_lines=2)  # fmt: skip
        y = max(y, rect.top() + badge_h) + h * 0.01
        for line in s.why:
            y += self._block(p, QRectF(rect.left(), y, rect.width(), h * 0.1), line, h / 30,
                             kind="why", bold=line is not s.why[0], max_lines=2)  # fmt: skip
            y += h * 0.005
        bars = s.bars
        remarks = s.remarks[:3]
        remark_px = max(h / 34, self.smallest(h))
        notes_h = remark_px * 1.5 * len(remarks)
        y += h * 0.01
        area = QRectF(rect.left(), y, rect.width(), rect.bottom() - y - notes_h)
        if bars and area.height() > 0:
            self._bars(p, area, h)
        ny = rect.bottom() - notes_h
        for kind, note in remarks:
            mark = ROOM_CHOICES.get(Choice(kind)) if kind in set(Choice) else None
            swatch = QRectF(area.left(), ny + remark_px * 0.2, remark_px * 1.1, remark_px * 1.1)
            if mark:
                self._swatch(p, swatch, mark)
                self._text(p, swatch, mark.sign, remark_px * 0.8, bold=True, colour=ROOM_ON_COLOUR,
                           flags=int(Qt.AlignmentFlag.AlignCenter))  # fmt: skip
            self._block(p, QRectF(swatch.right() + h * 0.01, ny, area.right() - swatch.right(),
                                  remark_px * 1.45), note, remark_px, kind="remark",
                        bold=kind == Choice.OBJECTION, max_lines=1, middle=True)  # fmt: skip
            ny += remark_px * 1.5

    def _swatch(self, p: QPainter, rect: QRectF, mark) -> None:  # noqa: ANN001 - style.Mark
        """A colour patch with its pattern over it: the pattern tells the choice in grey too."""
        p.setPen(QPen(QColor(self.theme.text), 1))
        p.setBrush(QColor(mark.colour))
        p.drawRect(rect)
        if mark.pattern != Qt.BrushStyle.SolidPattern:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QBrush(QColor(0, 0, 0, 110), mark.pattern))
            p.drawRect(rect)

    def _bars(self, p: QPainter, area: QRectF, h: int) -> None:
        s = self.slide
        bars = s.bars
        floor = self.smallest(h)
        row = min(h * 0.075, area.height() / len(bars))
        px = max(floor, min(h / 30, row * 0.62))
        label_w = area.width() * 0.26
        most = max(1, max(sum(n for _, n in b.counts) for b in bars))
        marks = [ROOM_CHOICES.get(Choice(k)) for k in s.choice_keys if k in set(Choice)]
        metrics = QFontMetrics(self._font(px))

        def summary_of(bar) -> str:  # noqa: ANN001
            return "  ".join(
                f"{marks[j].sign if j < len(marks) and marks[j] else ''} {name} {n}".strip()
                for j, (name, n) in enumerate(bar.counts)
            )

        summary_w = max(metrics.horizontalAdvance(summary_of(b)) for b in bars)
        blocked = ROOM_OUTCOMES[Outcome.REJECTED]
        for i, bar in enumerate(bars):
            y = area.top() + i * row
            blocking = bar.label in s.blocked and i < len(bars) - 1
            if blocking:  # the college that blocked the double majority: framed, and « ✗ »
                p.setPen(QPen(QColor(blocked.colour), max(2.0, h * 0.004)))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(QRectF(area.left(), y + row * 0.04, area.width(), row * 0.92),
                                  h * 0.008, h * 0.008)  # fmt: skip
            name = f"{blocked.sign} {bar.label}" if blocking else bar.label
            shown = QFontMetrics(self._font(px, True)).elidedText(
                name, Qt.TextElideMode.ElideRight, int(label_w - h * 0.02)
            )
            self._text(p, QRectF(area.left(), y, label_w - h * 0.01, row), shown,
                       px, bold=i == len(bars) - 1 or blocking,
                       flags=int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight))  # fmt: skip
            x = area.left() + label_w
            full = max(0.0, area.width() - label_w - summary_w - h * 0.03)
            for j, (_name, n) in enumerate(bar.counts):
                width = full * n / most
                if width > 0:
                    mark = marks[j] if j < len(marks) else None
                    cell = QRectF(x, y + row * 0.15, width, row * 0.7)
                    if mark:
                        self._swatch(p, cell, mark)
                    x += width
            self._text(p, QRectF(x + h * 0.01, y, area.right() - x, row), summary_of(bar), px,
                       flags=int(Qt.AlignmentFlag.AlignVCenter))  # fmt: skip

    def _list(self, p: QPainter, rect: QRectF, h: int, lines: tuple[str, ...]) -> None:
        if not lines:
            return
        text = "\n".join(f"•  {line}" for line in lines)
        self._fitted(p, rect, h, text)
