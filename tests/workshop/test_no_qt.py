"""The domain package never imports Qt: it must run in the CLI, in CI and in exports."""

import pkgutil
import subprocess
import sys

import workshop


def test_importing_every_workshop_module_loads_no_qt():
    modules = [m.name for m in pkgutil.walk_packages(workshop.__path__, "workshop.")]
    modules = [m for m in modules if m != "workshop.__main__"]
    assert "workshop.operations.ballots" in modules  # the walk really found the package
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'PyQt')))\n"
        "print(','.join(qt))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_domain_never_imports_the_ui():
    """Not at import time, and not lazily inside a function either (the launcher is in ui/)."""
    import re
    from pathlib import Path

    root = Path(workshop.__file__).parent
    pattern = re.compile(r"^\s*(from|import)\s+ui(\.|\s|$)", re.MULTILINE)
    offenders = [
        str(path.relative_to(root.parent))
        for path in root.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    modules = [m.name for m in pkgutil.walk_packages(workshop.__path__, "workshop.")]
    modules = [m for m in modules if m != "workshop.__main__"]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(','.join(sorted(m for m in sys.modules if m == 'ui' or m.startswith('ui.'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
