"""The console's « Téléphones » panel: the server, its address and QR, links and codes.

The facilitator picks the room's network address (when the laptop has several), starts or
stops the server, reads the address in large text beside its QR code and the count of
connected phones, shows the « Rejoindre » slide, issues or reissues a participant's
personal link (its QR on demand), and draws the codes of a secret ballot by codes per
college, printed as card sheets. Every change goes through ``PhoneService`` (and so the
controller): this widget never touches the workshop file.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import dialogs
from ui.phones.qr import qr_image
from ui.phones.service import PhoneService, cards_available

QR_SIDE = 220  # pixels of the panel's QR code
PDF_FILTER = "PDF (*.pdf)"


def show_link(parent: QWidget, name: str, url: str) -> QDialog:
    """A personal link's QR code, large, to scan from the console's screen (not modal)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(dialog)
    who = QLabel(name)
    font = QFont(who.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    who.setFont(font)
    picture = QLabel()
    picture.setObjectName("linkQr")
    picture.setPixmap(QPixmap.fromImage(qr_image(url, 360)))
    address = QLabel(url)
    address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    for w in (who, picture, address):
        w.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(w)
    dialog.show()
    return dialog


def show_codes(parent: QWidget, title: str, text: str) -> QDialog:
    """Codes to copy when this build has no card sheets (not modal)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(dialog)
    box = QPlainTextEdit(text)
    box.setReadOnly(True)
    layout.addWidget(box)
    dialog.resize(420, 480)
    dialog.show()
    return dialog


class PhonesPanel(QWidget):
    """What the facilitator needs to let the room vote from their phones."""

    join_toggled = Signal(bool)

    def __init__(self, service: PhoneService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.qr_payload = ""  # what the QR shown encodes (the join address)
        self.link_dialog: QDialog | None = None

        self.address_box = QComboBox()
        self.address_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.address_box.setMinimumContentsLength(14)
        self.refresh_button = QPushButton("↻")
        self.refresh_button.clicked.connect(self.fill_addresses)
        self.start_button = QPushButton()
        self.start_button.setObjectName("phonesStart")
        self.start_button.clicked.connect(self._toggle)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.address = QLabel()
        self.address.setObjectName("phonesAddress")
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        big = QFont(self.address.font())
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        self.address.setFont(big)
        self.qr = QLabel()
        self.qr.setObjectName("phonesQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count = QLabel()
        self.count.setObjectName("phonesCount")
        self.join_button = QPushButton()
        self.join_button.setCheckable(True)
        self.join_button.toggled.connect(self.join_toggled)

        self.links_box = QGroupBox()
        self.people = QListWidget()
        self.people.setObjectName("phonesPeople")
        self.people.setMinimumHeight(160)
        self.people.itemDoubleClicked.connect(lambda _i: self.show_selected_link())
        self.show_link_button = QPushButton()
        self.show_link_button.clicked.connect(self.show_selected_link)
        self.reissue_button = QPushButton()
        self.reissue_button.clicked.connect(self.reissue_selected)
        self.withdraw_button = QPushButton()
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.link_cards_button = QPushButton()
        self.link_cards_button.clicked.connect(self.print_link_cards)
        links = QVBoxLayout(self.links_box)
        links.addWidget(self.people, 1)
        row = QHBoxLayout()
        row.addWidget(self.show_link_button)
        row.addWidget(self.reissue_button)
        links.addLayout(row)
        links.addWidget(self.withdraw_button)
        links.addWidget(self.link_cards_button)

        self.codes_box = QGroupBox()
        self.codes_note = QLabel()
        self.codes_note.setWordWrap(True)
        self.colleges = QTableWidget(0, 3)
        self.colleges.setObjectName("phonesColleges")
        self.colleges.verticalHeader().hide()
        self.colleges.horizontalHeader().setStretchLastSection(True)
        self.colleges.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.draw_button = QPushButton()
        self.draw_button.clicked.connect(self.draw_selected)
        self.withdraw_codes_button = QPushButton()
        self.withdraw_codes_button.clicked.connect(self.withdraw_selected_codes)
        codes = QVBoxLayout(self.codes_box)
        codes.addWidget(self.codes_note)
        codes.addWidget(self.colleges, 1)
        row = QHBoxLayout()
        row.addWidget(self.draw_button)
        row.addWidget(self.withdraw_codes_button)
        codes.addLayout(row)

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.address_box, 1)
        row.addWidget(self.refresh_button)
        layout.addLayout(row)
        layout.addWidget(self.start_button)
        layout.addWidget(self.state)
        layout.addWidget(self.address)
        layout.addWidget(self.qr)
        layout.addWidget(self.count)
        layout.addWidget(self.join_button)
        layout.addWidget(self.links_box, 2)
        layout.addWidget(self.codes_box, 1)

        service.changed.connect(self.refresh)
        service.phones_changed.connect(lambda _n: self._show_count())
        service.controller.changed.connect(self._workshop_changed)
        service.controller.opened.connect(self.refresh)
        service.controller.closed.connect(self.refresh)
        self.fill_addresses()
        self.retranslate()

    # -- the server ----------------------------------------------------------------------
    def fill_addresses(self) -> None:
        """The LAN addresses, best first; the running one stays selected."""
        current = self.service.server.address[0] if self.service.running else None
        self.address_box.clear()
        for found in self.service.addresses():
            self.address_box.addItem(f"{found.address} ({found.name})", found.address)
        if current is not None:
            index = self.address_box.findData(current)
            if index < 0:
                self.address_box.addItem(current, current)
                index = self.address_box.count() - 1
            self.address_box.setCurrentIndex(index)
        self.refresh()

    def chosen_address(self) -> str | None:
        return self.address_box.currentData()

    def _toggle(self) -> None:
        if self.service.running:
            self.service.stop()
            self.join_button.setChecked(False)
            return
        host = self.chosen_address()
        if host:
            self.service.start(host)

    def _workshop_changed(self, changes) -> None:  # noqa: ANN001 - Changes
        """People and colleges come and go; a phone vote changes nothing here."""
        from workshop.session import PARTICIPANTS

        if not changes.topics or PARTICIPANTS in changes.topics:
            self.refresh()

    def refresh(self) -> None:
        service = self.service
        running = service.running
        is_open = service.controller.is_open
        self.start_button.setText(self.tr("Stop the phone server") if running
                                  else self.tr("Start the phone server"))  # fmt: skip
        self.start_button.setEnabled(running or (is_open and self.address_box.count() > 0))
        self.address_box.setEnabled(not running)
        url = service.base_url
        if running:
            self.state.setText(self.tr("Phones on the same Wi-Fi join at:"))
        elif not is_open:
            self.state.setText(self.tr("Open a workshop to let phones vote."))
        elif self.address_box.count() == 0:
            self.state.setText(
                self.tr(
                    "No local network found: join the room's Wi-Fi (or a travel router), then refresh."
                )
            )
        else:
            self.state.setText(self.tr("Stopped: phones cannot vote."))
        self.address.setText(url.removeprefix("http://").rstrip("/") if url else "")
        self.address.setVisible(bool(url))
        if url != self.qr_payload:  # the address changed: the QR is drawn again
            self.qr_payload = url
            self.qr.setPixmap(QPixmap.fromImage(qr_image(url, QR_SIDE)) if url else QPixmap())
        self.qr.setVisible(bool(url))
        self.join_button.setEnabled(running)
        self._show_count()
        self._fill_people()
        self._fill_colleges()

    def _show_count(self) -> None:
        n = self.service.phones if self.service.running else 0
        self.count.setText(self.tr("Phones connected: %n", "", n))
        self.count.setVisible(self.service.running)

    # -- personal links ------------------------------------------------------------------
    def _fill_people(self) -> None:
        controller = self.service.controller
        selected = self.selected_participant()
        self.people.clear()
        if controller.is_open:
            linked = self.service.linked()
            for p in controller.snapshot.participants:
                mark = "✓ " if p.id in linked else "○ "
                item = QListWidgetItem(mark + p.shown_name())
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                self.people.addItem(item)
                if p.id == selected:
                    self.people.setCurrentItem(item)
        running = self.service.running
        for button in (self.show_link_button, self.reissue_button, self.link_cards_button):
            button.setEnabled(running and self.people.count() > 0)
        self.withdraw_button.setEnabled(self.people.count() > 0)
        self.link_cards_button.setVisible(cards_available())  # reportlab loads on use

    def selected_participant(self) -> int | None:
        item = self.people.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _name(self, participant_id: int) -> str:
        person = self.service.controller.snapshot.participant(participant_id)
        return person.shown_name() if person else ""

    def show_selected_link(self) -> None:
        """The QR of the selected person's link: the one issued in this sitting, else a new
        one (a link is never stored, so an old one cannot be shown again)."""
        pid = self.selected_participant()
        if pid is None or not self.service.running:
            return
        url = self.service.link_url(pid)
        if not url:
            if pid in self.service.linked() and not dialogs.confirm(
                self,
                self.tr(
                    "{name} already has a link, issued before: it cannot be shown again. Issue a new one (the old one stops working)?"
                ).format(name=self._name(pid)),
            ):
                return
            url = self.service.issue_link(pid)
        if url:
            self.link_dialog = show_link(self, self._name(pid), url)

    def reissue_selected(self) -> None:
        """A lost phone: a new link, and the old one (and its cookie) stops working."""
        pid = self.selected_participant()
        if pid is None or not self.service.running:
            return
        if not dialogs.confirm(
            self,
            self.tr("Issue a new link for {name}? The old link stops working at once.").format(
                name=self._name(pid)
            ),
        ):
            return
        url = self.service.issue_link(pid)
        if url:
            self.link_dialog = show_link(self, self._name(pid), url)

    def withdraw_selected(self) -> None:
        pid = self.selected_participant()
        if pid is not None and pid in self.service.linked():
            self.service.revoke_link(pid)

    def print_link_cards(self) -> None:
        """Everyone's links reissued and printed on a card sheet (PDF)."""
        controller = self.service.controller
        if not controller.is_open or not self.service.running:
            return
        people = [p.id for p in controller.snapshot.participants]
        if not people or not dialogs.confirm(
            self,
            self.tr(
                "Issue a new link for each of the {n} participants and print their cards? Earlier links and cards stop working."
            ).format(n=len(people)),
        ):
            return
        path = dialogs.ask_save_path(
            self, self.tr("Save the link cards as"), self.tr("link-cards.pdf"), PDF_FILTER
        )
        if path and self.service.write_link_cards(path, people) is not None:
            dialogs.show_info(self, self.tr("Cards written: {path}").format(path=path))

    # -- drawn codes ---------------------------------------------------------------------
    def _fill_colleges(self) -> None:
        controller = self.service.controller
        selected = self.selected_college()
        self.colleges.setRowCount(0)
        if not controller.is_open:
            return
        snap = controller.snapshot
        counts = self.service.code_counts()
        members: dict[int, int] = {}
        for p in snap.participants:
            members[p.college_id] = members.get(p.college_id, 0) + 1
        for college in snap.colleges:
            row = self.colleges.rowCount()
            self.colleges.insertRow(row)
            name = QTableWidgetItem(college.name)
            name.setData(Qt.ItemDataRole.UserRole, college.id)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            issued = QTableWidgetItem(str(counts.get(college.id, 0)))
            issued.setFlags(issued.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.colleges.setItem(row, 0, name)
            self.colleges.setItem(row, 1, issued)
            spin = QSpinBox()
            spin.setRange(1, 2000)
            spin.setValue(max(1, members.get(college.id, 0)))
            self.colleges.setCellWidget(row, 2, spin)
            if college.id == selected:
                self.colleges.selectRow(row)
        self.colleges.resizeColumnsToContents()
        running = self.service.running
        self.draw_button.setEnabled(running and self.colleges.rowCount() > 0)
        self.withdraw_codes_button.setEnabled(self.colleges.rowCount() > 0)

    def selected_college(self) -> int | None:
        row = self.colleges.currentRow()
        item = self.colleges.item(row, 0) if row >= 0 else None
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _wanted(self, college_id: int) -> int:
        for row in range(self.colleges.rowCount()):
            if self.colleges.item(row, 0).data(Qt.ItemDataRole.UserRole) == college_id:
                return self.colleges.cellWidget(row, 2).value()
        return 0

    def draw_selected(self) -> None:
        """New cards for the selected college (its earlier codes stop working), printed."""
        college_id = self.selected_college()
        if college_id is None or not self.service.running:
            return
        college = self.service.controller.snapshot.college(college_id)
        name = college.name if college else ""
        n = self._wanted(college_id)
        if not dialogs.confirm(
            self,
            self.tr(
                "Draw {n} new codes for {college}? Its earlier codes and cards stop working."
            ).format(n=n, college=name),
        ):
            return
        codes = self.service.draw_codes(college_id, n)
        if not codes:
            return
        if not cards_available():  # this build has no card sheets: the codes to copy
            self.link_dialog = show_codes(self, name, "\n".join(codes))
            return
        path = dialogs.ask_save_path(
            self, self.tr("Save the code cards as"), self.tr("code-cards.pdf"), PDF_FILTER
        )
        if path and self.service.write_code_cards(path, {name: codes}) is not None:
            dialogs.show_info(self, self.tr("Cards written: {path}").format(path=path))

    def withdraw_selected_codes(self) -> None:
        college_id = self.selected_college()
        if college_id is not None and self.service.code_counts().get(college_id):
            self.service.withdraw_codes(college_id)

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.refresh_button.setToolTip(self.tr("Look for the laptop's network addresses again"))
        self.address_box.setToolTip(self.tr("The network the phones are on"))
        self.join_button.setText(self.tr("Show the « Join » slide (J)"))
        self.links_box.setTitle(self.tr("Personal links"))
        self.links_box.setToolTip(self.tr("For votes by name and secret ballots by link"))
        self.show_link_button.setText(self.tr("Show QR"))
        self.reissue_button.setText(self.tr("Reissue"))
        self.reissue_button.setToolTip(self.tr("Lost phone: a new link; the old one stops working"))
        self.withdraw_button.setText(self.tr("Withdraw"))
        self.link_cards_button.setText(self.tr("Print everyone's link cards…"))
        self.codes_box.setTitle(self.tr("Drawn codes"))
        self.codes_note.setText(
            self.tr(
                "For a secret ballot by drawn codes: cards drawn from each college's envelope at the door, so nobody knows who holds which code. Draw them before opening the vote."
            )
        )
        self.colleges.setHorizontalHeaderLabels(
            [self.tr("College"), self.tr("Codes issued"), self.tr("New cards")]
        )
        self.draw_button.setText(self.tr("Draw and print…"))
        self.withdraw_codes_button.setText(self.tr("Withdraw codes"))
        self.refresh()
