"""What an installed (non-editable) copy holds: every package, not only the top three."""

from __future__ import annotations

import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parent.parent


def test_every_folder_of_code_is_a_package_the_build_includes():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    found = set(find_packages(where=ROOT, include=include))
    folders = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for top in ("workshop", "ui")  # resources/ holds data (and a template script)
        for path in (ROOT / top).rglob("*.py")
        if "__pycache__" not in path.parts
    }
    # A folder of modules without __init__.py would be left out of the wheel.
    assert folders <= found, sorted(folders - found)
    assert {"workshop.exports.minutes", "workshop.exports.charter", "ui.pages.ballot"} <= found
