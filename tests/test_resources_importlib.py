"""Resources are read through importlib.resources only: a path built from __file__ breaks
in the frozen build (modules live in an archive there) and in a zipped install."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATH_BASED = re.compile(
    r"__file__"
    r"|(Path|os\.path\.\w+)\(.*[\"']resources[\"']"
    r"|/\s*[\"']resources[\"']"
    r"|sys\._MEIPASS"
)


def test_no_module_of_the_app_builds_a_resource_path_from_its_own_location():
    offenders = []
    for top in ("workshop", "ui"):
        for path in sorted((ROOT / top).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("#", 1)[0]
                if PATH_BASED.search(code):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_pattern_catches_the_usual_ways():
    for line in (
        'Path(__file__).parent / "resources"',
        'os.path.join(os.path.dirname(x), "resources", "fonts")',
        'base / "resources" / "i18n"',
        "root = sys._MEIPASS",
    ):
        assert PATH_BASED.search(line), line
    assert not PATH_BASED.search('files("resources") / "fonts"')
