"""Widgets never reach into the workshop's connection or file: the controller offers reads
and runs operations (one transaction, one audit event, ``Changes``)."""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"
REACH = re.compile(r"\.(conn|file|db)\b(?!\w)")


def test_no_module_of_ui_but_the_controller_touches_the_connection_or_the_file():
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "controller.py" and path.parent == UI:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if REACH.search(code):
                offenders.append(f"{path.relative_to(UI.parent)}:{number}: {line.strip()}")
    assert offenders == []
