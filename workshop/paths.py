"""Where the app keeps its files on each system (without Qt, so the CLI can use it)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR = "charter-workshop"


def data_dir() -> Path:
    """The user's data folder for the app, created if missing.

    Linux: $XDG_DATA_HOME/charter-workshop (~/.local/share/...); macOS: ~/Library/Application
    Support/Charter Workshop; Windows: %APPDATA%\\Charter Workshop. CHARTER_WORKSHOP_HOME
    overrides it (tests, portable installs).
    """
    override = os.environ.get("CHARTER_WORKSHOP_HOME")
    if override:
        path = Path(override)
    elif sys.platform == "win32":
        path = (
            Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
            / "Charter Workshop"
        )
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / "Charter Workshop"
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        path = Path(base) / APP_DIR
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_path(lang: str = "fr") -> Path:
    """Where `make run` keeps the demonstration workshop."""
    name = "atelier-demo.charter" if lang == "fr" else "demo-workshop.charter"
    return data_dir() / name
