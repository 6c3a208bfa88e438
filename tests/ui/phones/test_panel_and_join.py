"""The Phones panel (addresses, QR, count, links, codes) and the projected Join slide."""

from __future__ import annotations

from PySide6.QtCore import Qt

import ui.phones.qr as qr
from tests.ui.phones.conftest import Phone, in_thread
from tests.ui.tally_patterns import TALLY_PATTERNS
from ui.projection.join import shown_address
from workshop.operations import ballots
from workshop.remote import LanAddress

ROOM = [LanAddress("wlan0", "192.168.1.20"), LanAddress("eth0", "10.0.0.5")]


def _panel(window):
    return window.phones_dock.panel


def test_the_panel_lists_every_lan_address_and_never_all_interfaces(small):
    window = small
    window.phones.list_addresses = lambda: list(ROOM)
    panel = _panel(window)
    panel.fill_addresses()
    found = [panel.address_box.itemData(i) for i in range(panel.address_box.count())]
    assert found == ["192.168.1.20", "10.0.0.5"]
    assert "0.0.0.0" not in found
    assert panel.start_button.isEnabled()
    window.phones.list_addresses = lambda: []
    panel.fill_addresses()
    assert panel.address_box.count() == 0 and not panel.start_button.isEnabled()
    assert panel.state.text() == panel.tr(
        "No local network found: join the room's Wi-Fi (or a travel router), then refresh."
    )


def test_the_qr_encodes_the_address_and_is_drawn_again_when_it_changes(small, monkeypatch):
    window = small
    made: list[str] = []
    real = qr.segno.make
    monkeypatch.setattr(qr.segno, "make", lambda data, **kw: made.append(data) or real(data, **kw))
    qr.modules.cache_clear()
    window.phones.list_addresses = lambda: [LanAddress("lo", "127.0.0.1"),
                                            LanAddress("lo2", "127.0.0.2")]  # fmt: skip
    panel = _panel(window)
    panel.fill_addresses()
    panel.start_button.click()
    service = window.phones
    assert service.running and service.server.address[0] == "127.0.0.1"
    first = service.base_url
    assert made[-1] == first == panel.qr_payload
    pixmap = panel.qr.pixmap()
    assert not pixmap.isNull() and pixmap.width() == pixmap.height() > 100
    assert panel.address.text() == shown_address(first)
    # another address: the server moves, the console's and the room's QR follow it
    panel.start_button.click()  # stop
    panel.address_box.setCurrentIndex(1)
    panel.start_button.click()
    second = service.base_url
    assert second.startswith("http://127.0.0.2:") and made[-1] == second == panel.qr_payload
    assert window.projection.join_url == second
    qr.modules.cache_clear()


def test_the_count_of_connected_phones(small, qtbot):
    window = small
    service = window.phones
    service.start("127.0.0.1", port=0)
    panel = _panel(window)
    phones = [Phone(service.base_url) for _ in range(3)]
    for phone in phones:
        assert in_thread(qtbot, lambda p=phone: p.request("GET", "/api/state"))[0] == 200
    service._count()  # the 2-second timer's work, without the wait
    assert service.phones == 3
    assert panel.count.text() == panel.tr("Phones connected: %n", "", 3)
    status = window.statusBar().findChild(type(panel.count), "phonesStatus")
    assert status.text() == status.tr("Phones: %n", "", 3) and status.isVisible()


def test_a_personal_link_on_demand_and_reissued(small, monkeypatch):
    window = small
    service = window.phones
    service.start("127.0.0.1", port=0)
    shown: list[tuple[str, str]] = []
    import ui.phones.panel as panel_module

    monkeypatch.setattr(panel_module, "show_link", lambda _p, name, url: shown.append((name, url)))
    panel = _panel(window)
    panel.refresh()
    person = window.controller.snapshot.participants[0]
    panel.people.setCurrentRow(0)
    panel.show_link_button.click()
    assert shown[-1][0] == person.shown_name() == "Łukasz Nguyễn-O’Brien"
    first = shown[-1][1]
    assert first.startswith(service.base_url + "j/")
    panel.show_link_button.click()  # the same link again, not a new one
    assert shown[-1][1] == first
    assert panel.people.item(0).text().startswith("✓")
    panel.reissue_button.click()
    assert shown[-1][1] != first and service.link_url(person.id) == shown[-1][1]
    panel.withdraw_button.click()
    assert person.id not in service.linked()
    assert panel.people.item(0).text().startswith("○")


def test_drawn_codes_per_college_without_card_sheets(small, monkeypatch):
    window = small
    service = window.phones
    service.start("127.0.0.1", port=0)
    import ui.phones.panel as panel_module

    listed: list[str] = []
    monkeypatch.setattr(panel_module, "cards_available", lambda: False)
    monkeypatch.setattr(panel_module, "show_codes", lambda _p, _t, text: listed.append(text))
    panel = _panel(window)
    panel.refresh()
    panel.colleges.selectRow(1)
    college = window.controller.snapshot.colleges[1]
    assert panel.colleges.cellWidget(1, 2).value() == 2  # its members, the most that can vote
    panel.draw_button.click()
    assert len(listed[-1].splitlines()) == 2
    assert service.code_counts() == {college.id: 2}
    assert panel.colleges.item(1, 1).text() == "2"
    panel.colleges.selectRow(1)
    panel.draw_button.click()  # a new set replaces the old: exactly the printed ones count
    assert service.code_counts() == {college.id: 2}
    assert set(listed[-1].splitlines()).isdisjoint(listed[-2].splitlines())


def test_drawn_codes_are_printed_through_the_card_sheets_when_present(small, monkeypatch, tmp_path):
    window = small
    service = window.phones
    service.start("127.0.0.1", port=0)
    written: list = []

    class Cards:  # the card-sheet module's interface (workshop/remote/cards.py)
        @staticmethod
        def write_code_cards(path, codes, *, base_url, title, lang):
            written.append((path, dict(codes), base_url, title, lang))
            return path

    import ui.phones.panel as panel_module
    import ui.phones.service as service_module
    from ui import dialogs

    monkeypatch.setattr(panel_module, "cards_available", lambda: True)
    monkeypatch.setattr(service_module, "cards_module", lambda: Cards)
    target = str(tmp_path / "codes.pdf")
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *_a: target)
    panel = _panel(window)
    panel.refresh()
    panel.colleges.selectRow(1)
    panel.draw_button.click()
    college = window.controller.snapshot.colleges[1]
    assert written and written[0][0] == target and written[0][2] == service.base_url
    assert list(written[0][1]) == [college.name] and len(written[0][1][college.name]) == 2


def test_the_join_slide_shows_the_address_and_the_j_key_toggles_it(small, qtbot):
    window = small
    service = window.phones
    projection = window.projection
    projection.show_join(True)
    assert projection.slide().kind != "join" and not projection.showing_join  # stopped
    service.start("127.0.0.1", port=0)
    panel = _panel(window)
    panel.join_button.click()
    slide = projection.slide()
    assert slide.kind == "join" and slide.text == service.base_url
    projection.window.image(1280, 720)
    drawn = projection.window.canvas.drawn
    address = [d for d in drawn if d.kind == "join-address"]
    assert address and address[0].text == shown_address(service.base_url)
    assert address[0].fitted.px >= 720 / 20  # large: read from the back of the room
    qtbot.keyClick(projection.window, Qt.Key.Key_J)
    assert projection.slide().kind != "join" and not panel.join_button.isChecked()
    qtbot.keyClick(projection.window, Qt.Key.Key_J)
    assert projection.slide().kind == "join" and panel.join_button.isChecked()
    service.stop()
    assert projection.slide().kind != "join"


def test_no_tally_on_the_projection_while_a_vote_is_open(small, qtbot):
    window = small
    controller, service = window.controller, window.phones
    clause_id = controller.snapshot.clauses[0].id
    controller.focus_clause(clause_id)
    ballot = controller.run(ballots.open_ballot, clause_id, capture="nominative").value
    service.start("127.0.0.1", port=0)
    for person in controller.snapshot.participants[:3]:
        controller.run(ballots.cast_vote, ballot, person.id, "for")
    projection = window.projection
    texts = []
    for join in (False, True):
        projection.show_join(join)
        slide = projection.slide()
        projection.window.image(1280, 720)
        texts.append(slide.visible_text())
        texts += [d.text for d in projection.window.canvas.drawn]
    joined = "\n".join(texts)
    assert shown_address(service.base_url) in joined
    for pattern in TALLY_PATTERNS:
        assert not pattern.search(joined), joined
