"""The phone page in a real browser (Debian's headless Chromium, through selenium).

The server runs in-process on loopback around a workshop whose session lives in its own
owner thread (``Room``, as the console's GUI thread would hold it); the ballots are opened
and closed through the domain, as the console does. The phone joins by its personal URL,
votes, sees the receipt, then the result after the close.
"""

from __future__ import annotations

import re
import time

import pytest

from tests import browser
from tests.workshop.remote.room import Room
from workshop.library import builtin_library
from workshop.operations import ballots, clauses, phones

REASON = "Préciser « congés » : les astreintes ? 🙂"

pytestmark = pytest.mark.skipif(browser.missing() is not None, reason=str(browser.missing()))


@pytest.fixture
def room(memory_path):
    r = Room(memory_path / "page.charter", people=4)
    r.start_server()
    yield r
    r.close()


@pytest.fixture
def phone():
    b = browser.PhoneBrowser(pixel_ratio=1)
    yield b
    b.quit()


def _open(room: Room, method: str = "simple", capture: str = "nominative") -> int:
    cid = room.clause_id()
    ballot = room.run(lambda s: ballots.open_ballot(s, cid, method=method, capture=capture).value)
    room.server.notify_changed()
    return ballot


def _close(room: Room, ballot: int) -> None:
    room.run(lambda s: ballots.close_ballot(s, ballot))
    room.server.notify_changed()


def _join(room: Room, phone: browser.PhoneBrowser) -> tuple[int, str]:
    """Join by the first participant's personal URL; (participant id, their name)."""
    pid = room.participants()[0][0]
    token = room.run(lambda s: phones.issue_link(s, pid)[1])
    phone.driver.get(room.server.join_url(token))
    name = room.run(
        lambda s: s.conn.execute("SELECT name FROM participants WHERE id = ?", (pid,)).fetchone()[0]
    )
    return pid, name


def _audit_votes(room: Room) -> int:
    """Votes recorded, by name or secret: one audit event each."""
    return room.run(
        lambda s: s.conn.execute(
            "SELECT count(*) FROM audit WHERE kind IN ('vote', 'secret_vote')"
        ).fetchone()[0]
    )


def test_join_by_link_vote_see_the_receipt_then_the_result(room, phone):
    ballot = _open(room)  # open before the phone joins: a late joiner lands on it
    pid, name = _join(room, phone)
    assert phone.driver.current_url == room.server.base_url  # the token left the address
    phone.wait_css(".choice")
    assert phone.text("#identity") == f"Vous votez en tant que {name}"
    title = room.run(lambda s: s.conn.execute("SELECT title FROM clauses").fetchone()[0])
    assert title in phone.text("#ballot-h")
    assert "Vote nominatif" in phone.text(".how")
    labels = [b.text for b in phone.all(".choice .label")]
    assert labels == ["pour", "contre", "abstention"]
    assert not phone.all(".count")  # no tally while the vote is open

    phone.choose("for")
    assert phone.attr('.choice[data-value="for"]', "aria-pressed") == "true"
    assert phone.attr('.choice[data-value="against"]', "aria-pressed") == "false"
    receipt = phone.send()
    assert re.fullmatch(r"✓ Vote enregistré à \d{1,2} h \d{2}, code [0-9A-Z]{4}\.", receipt)
    assert phone.text("#status") == receipt.removeprefix("✓ ")  # said to screen readers
    stored = room.run(
        lambda s: s.conn.execute(
            "SELECT choice FROM votes WHERE ballot_id = ? AND participant_id = ?", (ballot, pid)
        ).fetchall()
    )
    assert stored == [("for",)]
    assert "votre vote actuel" in phone.text('.choice[data-value="for"]')

    phone.choose("against")  # a vote by name can be changed until the close
    assert phone.send().startswith("✓ Vote modifié, enregistré à ")
    assert _audit_votes(room) == 2

    _close(room, ballot)
    phone.wait_css(".result")
    rows = phone.counts()
    assert rows == {"pour": "0", "contre": "1", "abstention": "0"}
    assert phone.text("#status") == "Vote clos : le résultat est affiché."
    assert phone.all(".outcome")[0].text.split()[0] in {"✓", "✗", "–"}  # not colour alone


def test_consent_with_a_reservation_typed_on_the_phone_keeps_it_through_polls(room, phone):
    ballot = _open(room, method="consent")
    pid, _ = _join(room, phone)
    phone.wait_css(".choice")
    assert [b.text for b in phone.all(".choice .label")] == ["accord", "réserve", "objection"]
    assert not phone.all("#reason")
    phone.choose("reservation")
    field = phone.wait_css("#reason")
    assert field.get_attribute("required") is not None
    assert phone.css('label[for="reason"]').text == "Votre raison (obligatoire)"

    phone.click("#send")  # no reason yet: refused on the phone, nothing sent
    phone.wait(lambda _d: phone.text("#status") == "Écrivez votre raison avant d’envoyer.")
    assert _audit_votes(room) == 0

    phone.type("#reason", REASON)
    room.server.notify_changed()  # the room's state changes while the person types
    room.run(lambda s: clauses.add_clause(s, builtin_library("fr"), _second_clause()))
    time.sleep(3)  # at least one poll arrives
    assert phone.attr("#reason", "value") == REASON
    phone.choose("consent")  # back and forth keeps what was typed
    phone.choose("reservation")
    assert phone.attr("#reason", "value") == REASON
    assert phone.send().startswith("✓ Vote enregistré à ")
    remark = room.run(
        lambda s: s.conn.execute(
            "SELECT kind, text FROM remarks WHERE ballot_id = ? AND participant_id = ?",
            (ballot, pid),
        ).fetchall()
    )
    assert remark == [("reservation", REASON)]


def _second_clause() -> str:
    return builtin_library("fr").clauses[1].key


def test_a_lost_connection_is_retried_with_the_same_submission(room, phone):
    ballot = _open(room, capture="secret")
    pid, _ = _join(room, phone)
    phone.wait_css(".choice")
    assert "Vote secret" in phone.text(".how")
    phone.choose("abstain")
    phone.driver.set_network_conditions(offline=True, latency=0, throughput=0)
    phone.click("#send")
    phone.wait(lambda _d: "nouvel essai" in phone.text("#status"))
    assert _audit_votes(room) == 0
    phone.driver.set_network_conditions(offline=False, latency=0, throughput=1_000_000)
    phone.driver.execute_script("window.dispatchEvent(new Event('online'))")
    receipt = str(phone.wait_css("#receipt:not([hidden]) .receipt-main").text)
    assert receipt.startswith("✓ Vote enregistré à ")
    assert "Ce vote est définitif." in phone.text("#receipt")
    assert _audit_votes(room) == 1
    voted = room.run(lambda s: ballots.who_voted(s.conn, ballot))
    assert (pid, True) in voted
    assert not phone.all(".choice")  # a secret vote is final: no second ballot paper


def test_the_switch_shows_the_page_in_english_and_remembers_it(room, phone):
    _open(room)
    _join(room, phone)
    phone.wait_css(".choice")
    assert phone.driver.execute_script("return document.documentElement.lang") == "fr"
    phone.switch("en")
    assert phone.text("#choice-h") == "Your choice"
    assert phone.attr('.lang-btn[data-lang="en"]', "aria-pressed") == "true"
    assert phone.text(".choice .label") == "pour"  # the workshop's own words stay as given
    assert phone.attr(".choice .label", "lang") == "fr"
    phone.driver.refresh()
    phone.wait_css(".choice")
    assert phone.driver.execute_script("return document.documentElement.lang") == "en"
    assert phone.text("#send") == "Send my vote"


def test_accessible_buttons_and_zoom(room, phone):
    _open(room)
    _join(room, phone)
    phone.wait_css(".choice")
    viewport = phone.attr('meta[name="viewport"]', "content")
    assert "user-scalable" not in viewport and "maximum-scale" not in viewport
    buttons = phone.all("button")
    assert buttons and all(b.tag_name == "button" and b.text.strip() for b in buttons)
    for button in buttons:  # touch targets of at least 44 × 44 CSS pixels
        size = button.size
        assert size["height"] >= 44 and size["width"] >= 44, button.text
    status = phone.css("#status")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    group = phone.css(".choices")
    assert group.get_attribute("role") == "group"
    assert phone.css("#" + group.get_attribute("aria-labelledby")).text == "Votre choix"


def test_a_phone_without_a_link_or_with_a_replaced_one_is_told_what_to_do(room, phone):
    _open(room)
    phone.driver.get(room.server.base_url)
    notice = phone.wait_css(".notice")
    assert "scannez le code QR de votre carte personnelle" in notice.text
    assert not phone.all(".choice")
    pid, _ = _join(room, phone)
    phone.wait_css(".choice")
    room.run(lambda s: phones.issue_link(s, pid))  # reissued: the phone's link is revoked
    phone.driver.refresh()
    notice = phone.wait_css(".notice")
    assert "Ce lien a été remplacé" in notice.text
    phone.driver.get(room.server.base_url + "j/" + "A" * 22)
    assert "Lien inconnu" in phone.driver.page_source


LOSE_FIRST_ANSWER = """
window.sentIds = [];
const realFetch = window.fetch;
let lose = 1;
window.fetch = async function (url, options) {
  if (url === "/api/vote") window.sentIds.push(JSON.parse(options.body).client_id);
  const response = await realFetch(url, options);
  if (url === "/api/vote" && lose-- > 0) throw new TypeError("the answer was lost");
  return response;
};
"""


def test_an_answer_lost_on_the_way_back_is_resent_with_the_same_id_and_counted_once(room, phone):
    ballot = _open(room)
    pid, _ = _join(room, phone)
    phone.wait_css(".choice")
    phone.driver.execute_script(LOSE_FIRST_ANSWER)  # the vote arrives, its answer does not
    phone.choose("for")
    assert phone.send().startswith("✓ Vote enregistré à ")
    sent = phone.driver.execute_script("return window.sentIds")
    assert len(sent) == 2 and sent[0] == sent[1]  # the retry is the same submission
    assert _audit_votes(room) == 1
    stored = room.run(
        lambda s: s.conn.execute(
            "SELECT choice FROM votes WHERE ballot_id = ? AND participant_id = ?", (ballot, pid)
        ).fetchall()
    )
    assert stored == [("for",)]
    phone.choose("against")  # a new submission gets a new id
    phone.send()
    assert phone.driver.execute_script("return window.sentIds")[2] != sent[0]


def test_a_drawn_code_votes_without_any_link_and_the_result_follows(room, phone):
    college = room.college_ids()["RH"]
    codes = room.run(lambda s: phones.issue_codes(s, college, 2)[1])
    ballot = _open(room, capture="codes")
    phone.driver.get(room.server.base_url)  # no personal link: the card's code is enough
    phone.wait_css(".choice")
    assert phone.attr("#identity", "hidden") is not None
    assert "Vote secret par code" in phone.text(".how")
    phone.choose("for")
    phone.click("#send")
    phone.wait(lambda _d: phone.text("#status") == "Tapez le code de votre carte avant d’envoyer.")
    phone.css("#code").send_keys(" " + codes[0].lower().replace("-", " ") + " ")  # forgiving
    assert phone.send().startswith("✓ Vote enregistré à ")
    assert not phone.all(".choice")  # final
    _close(room, ballot)
    phone.wait_css(".result")
    rows = phone.counts()
    assert rows["pour"] == "1"


def test_an_amendment_shows_once_with_removals_and_additions_marked_not_only_by_colour(room, phone):
    cid = room.clause_id()
    before = room.run(
        lambda s: s.conn.execute("SELECT text FROM clauses WHERE id = ?", (cid,)).fetchone()[0]
    )
    kept, _, last = before.rstrip().rpartition(" ")
    after = f"{kept} « télétravail » inclus."
    room.run(lambda s: clauses.amend(s, cid, after))
    _open(room)
    _join(room, phone)
    diff = phone.wait_css(".diff")
    assert not phone.all(".clause-text")  # the amended wording is shown once
    shown = phone.driver.execute_script(  # what is seen, without the screen-reader words
        "return [...document.querySelectorAll('.diff del, .diff ins')].map(e => [...e.childNodes]"
        ".filter(n => n.nodeType === 3).map(n => n.textContent).join(''))"
    )
    assert shown == [last.rstrip("."), "« télétravail » inclus"]  # the final « . » is kept
    markers = [m.get_attribute("textContent") for m in phone.all(".diff .sr")]
    assert markers == ["[suppression : ", " ]", "[ajout : ", " ]"]  # said by screen readers
    styles = phone.driver.execute_script(
        "return [...document.querySelectorAll('.diff del, .diff ins')]"
        ".map(e => getComputedStyle(e).textDecorationLine)"
    )
    assert styles == ["line-through", "underline"]
    assert diff.get_attribute("textContent").replace("[suppression : ", "").count(kept) == 1
