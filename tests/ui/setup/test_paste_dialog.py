"""Lists pasted or imported: a preview of what is added and refused, then one change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.ui.setup.helpers import audit_size
from ui import dialogs


def test_pasting_three_lines_adds_three_participants_in_one_change(page, controller, monkeypatch):
    previews = []

    def accept(dialog):
        previews.append(dialog)
        return True

    monkeypatch.setattr(dialogs, "exec_roster_preview", accept)
    QGuiApplication.clipboard().setText(
        "Łukasz Nowak\tStagiaire RH\trh\n"
        "田中 美咲 🌿\tCommunity manager\tCommunication\n"
        "Ana Lúcia\t\tsalaries\n"
    )
    before_people, before_events = len(controller.snapshot.participants), audit_size(controller)
    page.participants_tab.paste_button.click()
    assert len(previews) == 1 and len(previews[0].plan.accepted) == 3
    names = [p.name for p in controller.snapshot.participants]
    assert len(names) == before_people + 3
    assert names[-3:] == ["Łukasz Nowak", "田中 美咲 🌿", "Ana Lúcia"]
    assert audit_size(controller) == before_events + 1
    assert page.participants_tab.participants.rowCount() == before_people + 3
    controller.undo()
    assert len(controller.snapshot.participants) == before_people
    assert page.participants_tab.participants.rowCount() == before_people


def test_ctrl_v_in_the_table_pastes_too(page, controller, monkeypatch, qtbot):
    monkeypatch.setattr(dialogs, "exec_roster_preview", lambda _d: True)
    QGuiApplication.clipboard().setText("Nouvelle Personne\t\tDSI\n")
    page.participants_tab.table.setFocus()
    qtbot.keyClick(page.participants_tab.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert controller.snapshot.participants[-1].name == "Nouvelle Personne"


def test_cancelled_preview_adds_nothing(page, controller, monkeypatch):
    monkeypatch.setattr(dialogs, "exec_roster_preview", lambda _d: False)
    QGuiApplication.clipboard().setText("Personne\t\tRH\n")
    page.participants_tab.paste_button.click()
    assert len(controller.snapshot.participants) == 16


def test_csv_import_previews_refused_lines_and_can_create_colleges(
    page, controller, monkeypatch, tmp_path
):
    path = tmp_path / "liste.csv"
    path.write_text(
        "Nom;Fonction;Collège\nA;;RH\n;sans nom;RH\nB;;Ambassadeurs\n", encoding="utf-8-sig"
    )
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_a: str(path))
    seen = {}

    def preview(dialog):
        seen["first"] = (len(dialog.plan.accepted), [r.line for r in dialog.plan.refused])
        assert dialog.refused_table.rowCount() == 2
        dialog.create_box.setChecked(True)
        seen["then"] = (len(dialog.plan.accepted), [r.line for r in dialog.plan.refused])
        return True

    monkeypatch.setattr(dialogs, "exec_roster_preview", preview)
    page.participants_tab.import_button.click()
    assert seen == {"first": (1, [3, 4]), "then": (2, [3])}
    assert [p.name for p in controller.snapshot.participants][-2:] == ["A", "B"]
    assert "Ambassadeurs" in [c.name for c in controller.snapshot.colleges]


def test_unreadable_csv_shows_one_line(page, controller, monkeypatch, tmp_path, errors):
    path = tmp_path / "latin.csv"
    path.write_bytes("Hélène;;RH\n".encode("latin-1"))
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *_a: str(path))
    page.participants_tab.import_button.click()
    assert len(errors) == 1 and "UTF-8" in errors[0]


def test_an_unknown_college_is_mapped_to_an_existing_one_in_the_preview(
    page, controller, monkeypatch
):
    QGuiApplication.clipboard().setText("Aïcha Benali-Laurent\t\tComm\nPaulo Ngata\t\tDSI\n")
    seen = {}

    def preview(dialog):
        seen["offered"] = list(dialog.map_combos)
        seen["before"] = [r.line for r in dialog.plan.refused]
        combo = dialog.map_combos["Comm"]
        combo.setCurrentIndex(combo.findText("Communication"))  # as the facilitator picks it
        seen["after"] = [r.line for r in dialog.plan.refused]
        seen["shown"] = dialog.accepted_table.item(0, 3).text()
        return True

    monkeypatch.setattr(dialogs, "exec_roster_preview", preview)
    colleges = len(controller.snapshot.colleges)
    page.participants_tab.paste_button.click()
    assert seen == {"offered": ["Comm"], "before": [1], "after": [], "shown": "Communication"}
    snap = controller.snapshot
    aicha = next(p for p in snap.participants if p.name == "Aïcha Benali-Laurent")
    assert snap.college(aicha.college_id).name == "Communication"
    assert len(snap.colleges) == colleges  # nothing created
