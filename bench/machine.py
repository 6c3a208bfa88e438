"""The machine a run measured: CPU, cores, versions, and the disk of the folder used."""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
from pathlib import Path


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _mount(folder: Path) -> dict[str, str]:
    """Device, filesystem and mount point holding ``folder`` (longest /proc/mounts prefix)."""
    folder = folder.resolve()
    best = {"device": "?", "filesystem": "?", "mount_point": "/"}
    try:
        lines = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return best
    length = -1
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        device, point, fstype = parts[0], parts[1].replace("\\040", " "), parts[2]
        if (str(folder) == point or str(folder).startswith(point.rstrip("/") + "/")) and len(
            point
        ) > length:
            length = len(point)
            best = {"device": device, "filesystem": fstype, "mount_point": point}
    name = Path(best["device"]).name
    rotational = Path(f"/sys/class/block/{name}/queue/rotational")
    if rotational.exists():
        best["rotational"] = rotational.read_text().strip()
    return best


def describe(folder: Path) -> dict[str, object]:
    import docx  # noqa: F401  (version below)
    import PySide6
    import reportlab
    from PySide6.QtCore import qVersion

    try:
        from importlib.metadata import version

        docx_version = version("python-docx")
    except Exception:  # noqa: BLE001 - informative only
        docx_version = "?"
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gib": _memory_gib(),
        "os": f"{platform.system()} {platform.release()}",
        "python": sys.version.split()[0],
        "pyside6": PySide6.__version__,
        "qt": qVersion(),
        "sqlite": sqlite3.sqlite_version,
        "python_docx": docx_version,
        "reportlab": reportlab.Version,
        "folder": str(folder),
        "disk": _mount(folder),
        "qpa": os.environ.get("QT_QPA_PLATFORM", ""),
    }


def _memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None
