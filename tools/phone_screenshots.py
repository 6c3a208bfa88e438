"""Screenshots of the phone page (issue 15) at a 390 × 844 viewport, French and English.

The demonstration workshop (French, then English) is served on loopback by the real phone
server, its session held by an owner thread as the console's would be; a headless
Chromium (tests/browser.py) joins by a participant's personal link, votes by name, sees
the receipt, then the result once the round is closed through the domain; then a consent
round on an amended clause (its diff), with a reservation typed. Writes docs/screenshots/phone-*.png.
Run: ``.venv/bin/python tools/phone_screenshots.py`` (needs chromium and chromedriver).
"""

from __future__ import annotations

import sys
import tempfile
import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import browser  # noqa: E402
from workshop import demo  # noqa: E402
from workshop.clock import fixed_clock  # noqa: E402
from workshop.operations import ballots, clauses, phones  # noqa: E402
from workshop.remote.owner import OwnerQueue  # noqa: E402
from workshop.remote.server import PhoneServer  # noqa: E402
from workshop.session import Session  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
WORDS = {
    "fr": {
        "reason": "D’accord sur le fond, mais qui valide un visuel en urgence, le soir ?",
        "added": " Les déclinaisons locales sont validées par la communication sous 48 h.",
    },
    "en": {
        "reason": "Fine in principle, but who approves an urgent visual in the evening?",
        "added": " Local versions are approved by communications within 48 hours.",
    },
}


class DemoRoom:
    """The demo workshop, its session owned by one thread that runs the server's jobs."""

    def __init__(self, path: Path, lang: str) -> None:
        self.owner = OwnerQueue(timeout=60)
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._main, args=(path, lang), daemon=True)
        self._thread.start()
        self._ready.wait(300)
        self.server = PhoneServer(self.owner, "127.0.0.1", 0)
        self.server.start()

    def _main(self, path: Path, lang: str) -> None:
        session = demo.build(path, lang)
        # The demo is dated; what follows happens later that day, on a fixed clock, so the
        # round voted here is the last one closed and the pictures do not change per run.
        last = session.conn.execute("SELECT max(at) FROM audit").fetchone()[0]
        start = datetime.fromisoformat(last) + timedelta(minutes=12)
        self._ready.set()
        try:
            with fixed_clock(start, timedelta(seconds=7)):
                self.owner.serve(session, self._stop, poll=0.05)
        finally:
            session.close()

    def run(self, fn: Any) -> Any:
        result = self.owner(fn)
        self.server.notify_changed()
        return result

    def close(self) -> None:
        self.server.stop()
        self._stop.set()
        self._thread.join(30)


def _pending_clause(s: Session) -> int:
    row = s.conn.execute(
        "SELECT id FROM clauses WHERE id NOT IN (SELECT clause_id FROM ballots) ORDER BY position"
    ).fetchone()
    return int(row[0])


def _postponed_clause(s: Session) -> tuple[int, str]:
    row = s.conn.execute(
        "SELECT c.id, c.text FROM clauses c JOIN ballots b ON b.clause_id = c.id"
        " WHERE b.outcome = 'postponed' ORDER BY c.position, b.id DESC"
    ).fetchone()
    return int(row[0]), str(row[1])


def _others_vote(s: Session, ballot: int, me: int, choices: tuple[str, ...]) -> None:
    voters = [
        pid
        for (pid,) in s.conn.execute(
            "SELECT participant_id FROM ballot_voters WHERE ballot_id = ? ORDER BY participant_id",
            (ballot,),
        )
        if pid != me
    ]
    for i, pid in enumerate(voters):
        ballots.cast_vote(s, ballot, pid, choices[i % len(choices)])


def shoot(lang: str, work: Path) -> list[Path]:
    room = DemoRoom(work / f"demo-{lang}.charter", lang)
    phone = browser.PhoneBrowser(pixel_ratio=2)
    written: list[Path] = []

    def save(name: str) -> None:
        path = OUT / f"phone-{name}-{lang}-390x844.png"
        phone.driver.save_screenshot(str(path))
        written.append(path)

    try:
        me = room.run(
            lambda s: s.conn.execute(
                "SELECT id FROM participants ORDER BY position LIMIT 1 OFFSET 1"
            ).fetchone()[0]
        )
        token = room.run(lambda s: phones.issue_link(s, me)[1])
        clause = room.run(_pending_clause)
        ballot = room.run(
            lambda s: ballots.open_ballot(s, clause, method="simple", capture="nominative").value
        )
        phone.driver.get(room.server.join_url(token))
        phone.wait_css(".choice")
        phone.choose("for")
        phone.top()  # what a participant sees first
        save("named-vote")
        phone.send()
        phone.show("#receipt")
        save("receipt")
        room.run(lambda s: _others_vote(s, ballot, me, ("for", "for", "against", "abstain")))
        room.run(lambda s: ballots.close_ballot(s, ballot))
        phone.wait_css(".result")
        phone.top()
        save("result")

        second, text = room.run(_postponed_clause)
        # the amendment replaces the last sentence: the diff shows a deletion and an addition
        amended = text.rstrip().rsplit(". ", 1)[0] + "." + WORDS[lang]["added"]
        room.run(lambda s: clauses.amend(s, second, amended))
        room.run(
            lambda s: ballots.open_ballot(s, second, method="consent", capture="nominative").value
        )
        phone.wait_css('.choice[data-value="reservation"]')
        phone.show(".diff ins")
        save("amendment")
        phone.choose("reservation")
        phone.wait_css("#reason").send_keys(WORDS[lang]["reason"])
        phone.driver.execute_script(
            "document.getElementById('choice-h').scrollIntoView({block: 'start'});"
            "window.scrollBy(0, -8)"
        )
        save("consent-reservation")
    finally:
        phone.quit()
        room.close()
    return written


def main() -> int:
    reason = browser.missing()
    if reason:
        print(f"phone screenshots skipped: {reason}")
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="charter-phone-shots-") as folder:
        for lang in ("fr", "en"):
            for path in shoot(lang, Path(folder)):
                print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
