"""The wrap-up page: decisions, coherence alerts, and exports written off the GUI thread."""

from __future__ import annotations

import csv
import threading
import types
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ui import dialogs, export_worker
from ui.pages.wrapup_page import ROUNDS, STATUS, TITLE, WrapupPage
from workshop.exports import csv_votes
from workshop.operations import ballots, plan, setup


@pytest.fixture
def page(window, controller, demo_path) -> WrapupPage:
    controller.open(demo_path)
    page = window.pages["wrapup"]
    assert isinstance(page, WrapupPage)
    assert window.stack.currentWidget() is page  # the demo ends on the wrap-up
    return page


@pytest.fixture
def save_to(monkeypatch):
    """Answer the save dialog with a chosen path, and remember what it was asked."""
    asked: list[tuple[str, str]] = []

    def choose(path):
        def ask(_parent, title, suggested="", filter=""):
            asked.append((suggested, filter))
            return str(path)

        monkeypatch.setattr(dialogs, "ask_save_path", ask)
        return asked

    return choose


@pytest.fixture
def opened(monkeypatch):
    """Record what would be handed to the desktop instead of launching anything."""
    calls: list[Path] = []
    monkeypatch.setattr(export_worker, "open_path", lambda path: calls.append(Path(path)))
    return calls


def alert_keys(page):
    return [page.alerts.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.alerts.count())]


def test_decisions_summary_lists_every_clause_with_its_status(page, controller):
    snap = controller.snapshot
    tree = page.decisions
    assert tree.topLevelItemCount() == len(snap.clauses) == 17
    first, fourth = tree.topLevelItem(0), tree.topLevelItem(3)
    assert first.text(0) == "1" and first.text(TITLE) == snap.clauses[0].title
    assert first.text(STATUS) == "adoptée"
    assert fourth.text(STATUS) == "adoptée" and fourth.text(ROUNDS) == "2"  # re-voted
    assert tree.topLevelItem(7).text(STATUS) == "reportée"
    assert tree.topLevelItem(9).text(STATUS) == "rejetée"
    assert tree.topLevelItem(16).text(STATUS) == page.tr("not decided")
    assert tree.topLevelItem(16).text(ROUNDS) == "0"
    assert "13" in page.summary.text() and "17" in page.summary.text()


def test_demo_alerts_have_an_icon_and_words(page):
    assert alert_keys(page) == ["on_target", "open_points"]
    for i in range(page.alerts.count()):
        item = page.alerts.item(i)
        assert not item.icon().isNull() and item.text()
        assert item.data(Qt.ItemDataRole.AccessibleTextRole).endswith(item.text())
    assert page.alerts.item(1).text().startswith("4 clauses restent ouvertes")


def test_alerts_and_decisions_follow_changes(page, controller):
    action = controller.snapshot.actions[0]
    controller.run(plan.update_action, action.id, owner="")
    assert "action_incomplete" in alert_keys(page)
    assert alert_keys(page)[0] == "action_incomplete"  # warnings first
    clause = controller.snapshot.clauses[16]
    controller.run(ballots.open_ballot, clause.id, method="simple", capture="counts")
    assert "open_vote" in alert_keys(page)
    assert page.decisions.topLevelItem(16).text(STATUS) == page.tr("vote in progress")


def test_exporting_votes_writes_the_file_off_the_gui_thread(
    page, qtbot, tmp_path, save_to, monkeypatch
):
    target = tmp_path / "votes.csv"
    asked = save_to(target)
    ran: dict[str, object] = {}
    release = threading.Event()
    real = csv_votes.write_votes

    def slow_write(snap, path, options):
        ran["thread"] = threading.get_ident()
        ran["options"] = options
        release.wait(10)  # held until the test, on the GUI thread, lets it go
        return real(snap, path, options)

    monkeypatch.setattr(csv_votes, "write_votes", slow_write)
    qtbot.mouseClick(page.votes_button, Qt.MouseButton.LeftButton)
    # the export is running, and the GUI thread is free: it shows the busy state
    qtbot.waitUntil(lambda: "thread" in ran)
    assert not page.progress.isHidden() and not page.votes_button.isEnabled()
    assert not target.exists()
    release.set()
    qtbot.waitUntil(lambda: page.open_file_button.isVisible(), timeout=10_000)
    assert target.exists()
    assert ran["thread"] != threading.main_thread().ident
    assert ran["options"].anonymize is False
    assert page.progress.isHidden() and page.votes_button.isEnabled()
    assert str(target) in page.status.text()
    with target.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh, delimiter=";"))
    assert table[0][0] == "Ordre" and len(table) > 20
    assert asked[0][1] == "CSV (*.csv)" and asked[0][0].endswith("demo-votes.csv")


def test_pseudonymise_reaches_the_export_and_the_suffix_is_added(page, qtbot, tmp_path, save_to):
    save_to(tmp_path / "votes-anonymes")
    page.pseudonymise.setChecked(True)
    qtbot.mouseClick(page.votes_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "votes-anonymes.csv"
    qtbot.waitUntil(written.exists, timeout=10_000)
    qtbot.waitUntil(lambda: not page.runner.busy)
    text = written.read_text(encoding="utf-8-sig")
    assert "Zoé Kowalczyk" not in text and "Hélène Marchand-Dubois" not in text
    assert "Direction 1" in text


def test_a_failing_export_shows_the_one_line_message(page, qtbot, tmp_path, save_to, errors):
    save_to(tmp_path / "missing" / "votes.csv")
    qtbot.mouseClick(page.votes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert len(errors) == 1 and "\n" not in errors[0]
    assert "n’existe pas" in errors[0]
    assert page.status.text() == errors[0]
    assert page.open_file_button.isHidden() and page.votes_button.isEnabled()


def test_cancelled_save_dialog_exports_nothing(page, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args, **kwargs: None)
    page.votes_button.click()
    assert not page.runner.busy and page.progress.isHidden()


def test_open_file_and_folder_go_through_the_replaceable_function(
    page, qtbot, tmp_path, save_to, opened
):
    save_to(tmp_path / "votes.csv")
    page.votes_button.click()
    qtbot.waitUntil(lambda: page.open_file_button.isVisible(), timeout=10_000)
    qtbot.mouseClick(page.open_file_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path / "votes.csv", tmp_path]


@pytest.mark.parametrize(
    ("button", "module", "function", "name"),
    [
        ("charter_button", "workshop.exports.charter", "write_charter", "charte.docx"),
        ("minutes_button", "workshop.exports.minutes", "write_minutes", "cr.pdf"),
    ],
)
def test_docx_and_pdf_buttons_use_the_same_worker(
    page, qtbot, tmp_path, save_to, monkeypatch, button, module, function, name
):
    """Stand-in export modules: the page's path, not the other exports, is under test."""
    asked = save_to(tmp_path / name)
    calls = []

    def write(snap, path, options):
        calls.append((threading.get_ident(), snap.workshop.title, options.anonymize))
        Path(path).write_bytes(b"x")
        return Path(path)

    monkeypatch.setitem(
        __import__("sys").modules, module, types.SimpleNamespace(**{function: write})
    )
    page.pseudonymise.setChecked(True)
    getattr(page, button).click()
    qtbot.waitUntil(lambda: page.open_file_button.isVisible(), timeout=10_000)
    assert (tmp_path / name).exists()
    assert calls[0][0] != threading.main_thread().ident and calls[0][2] is True
    assert asked[0][1].endswith(f"(*{Path(name).suffix})")


def test_an_unexpected_export_error_is_one_line_too(
    page, qtbot, tmp_path, save_to, errors, monkeypatch
):
    save_to(tmp_path / "votes.csv")

    def broken(snap, path, options):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(csv_votes, "write_votes", broken)
    page.votes_button.click()
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert len(errors) == 1 and "\n" not in errors[0] and "RuntimeError: boom" in errors[0]


@pytest.mark.parametrize(
    ("button", "module", "suffix"),
    [
        ("charter_button", "workshop.exports.charter", ".docx"),
        ("minutes_button", "workshop.exports.minutes", ".pdf"),
        ("cse_pack_button", "workshop.exports.cse_pack", ".docx"),
    ],
)
def test_real_docx_and_pdf_exports_when_present(
    page, qtbot, tmp_path, save_to, errors, button, module, suffix
):
    pytest.importorskip(module)
    target = tmp_path / f"export{suffix}"
    save_to(target)
    getattr(page, button).click()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=60_000)
    assert errors == [] and target.exists() and target.stat().st_size > 0


def test_language_switch_retranslates(page, window):
    window.set_language("en")
    assert page.heading.text() == "Wrap-up and exports"
    assert page.decisions.topLevelItem(0).text(STATUS) == "adopted"
    assert page.alerts.item(1).text().startswith("4 clauses remain open")
    window.set_language("fr")
    assert page.decisions.topLevelItem(0).text(STATUS) == "adoptée"


def test_rail_leads_to_the_page(window, controller, demo_path):
    controller.open(demo_path)
    controller.run(setup.go_to_step, "plan")
    window.rail.setCurrentRow(5)
    assert window.stack.currentWidget() is window.pages["wrapup"]


def test_a_pseudonymised_export_first_shows_the_texts_that_may_name_someone(
    page, controller, qtbot, tmp_path, save_to, monkeypatch
):
    """Issue 10: the facilitator reviews them; cancelling exports nothing, accepting does."""
    from workshop.operations import clauses

    first = controller.snapshot.clauses[0]
    controller.run(clauses.set_clause_note, first.id, "Voir Marc Durand, marc@example.org")
    reviewed: list[list[str]] = []
    answer = {"export": False}

    def review(_parent, lines):
        reviewed.append(lines)
        return answer["export"]

    monkeypatch.setattr(dialogs, "review_pseudonymisation", review)
    asked = save_to(tmp_path / "v.csv")
    page.votes_button.click()  # not pseudonymised: no review
    qtbot.waitUntil(lambda: (tmp_path / "v.csv").exists() and not page.runner.busy)
    assert reviewed == [] and asked[0][0].endswith("demo-votes.csv")
    page.pseudonymise.setChecked(True)
    save_to(tmp_path / "p.csv")
    page.votes_button.click()
    assert len(reviewed) == 1 and not (tmp_path / "p.csv").exists()
    lines = reviewed[0]
    assert any("Marc Durand" in line for line in lines)
    assert any("e-mail" in line for line in lines)
    answer["export"] = True
    asked = save_to(tmp_path / "p.csv")
    page.votes_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "p.csv").exists() and not page.runner.busy)
    assert asked[-1][0].endswith("votes-pseudonymise.csv")  # no name in the default file name
    text = (tmp_path / "p.csv").read_text(encoding="utf-8-sig")
    assert not [p.name for p in controller.snapshot.participants if p.name in text]
