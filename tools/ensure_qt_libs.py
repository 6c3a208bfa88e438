"""Make sure Qt's xcb platform plugin can load on this Linux desktop, before `make run`.

PySide6 wheels bundle Qt but not the X11/xcb system libraries its xcb plugin links to; a
fresh Debian or Ubuntu often lacks some (libxcb-cursor0 since Qt 6.5). Without them Qt
aborts with "could not load the Qt platform plugin". This script runs `ldd` on the plugin,
maps the missing libraries to Debian packages and installs them (as root, or with sudo),
or stops with the one command to run. It does nothing on Windows, macOS, or when
QT_QPA_PLATFORM selects another platform.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# soname prefix -> Debian/Ubuntu package
PACKAGES = {
    "libxcb-cursor.so": "libxcb-cursor0",
    "libxcb-icccm.so": "libxcb-icccm4",
    "libxcb-keysyms.so": "libxcb-keysyms1",
    "libxcb-image.so": "libxcb-image0",
    "libxcb-render-util.so": "libxcb-render-util0",
    "libxcb-xkb.so": "libxcb-xkb1",
    "libxcb-shape.so": "libxcb-shape0",
    "libxcb-randr.so": "libxcb-randr0",
    "libxcb-xfixes.so": "libxcb-xfixes0",
    "libxcb-sync.so": "libxcb-sync1",
    "libxcb-shm.so": "libxcb-shm0",
    "libxcb-render.so": "libxcb-render0",
    "libxcb-xinerama.so": "libxcb-xinerama0",
    "libxcb-xinput.so": "libxcb-xinput0",
    "libxcb-util.so": "libxcb-util1",
    "libxcb-glx.so": "libxcb-glx0",
    "libxcb.so": "libxcb1",
    "libX11-xcb.so": "libx11-xcb1",
    "libX11.so": "libx11-6",
    "libxkbcommon-x11.so": "libxkbcommon-x11-0",
    "libxkbcommon.so": "libxkbcommon0",
    "libEGL.so": "libegl1",
    "libGL.so": "libgl1",
    "libOpenGL.so": "libopengl0",
    "libfontconfig.so": "libfontconfig1",
    "libfreetype.so": "libfreetype6",
    "libdbus-1.so": "libdbus-1-3",
    "libglib-2.0.so": "libglib2.0-0",
    "libgthread-2.0.so": "libglib2.0-0",
    "libSM.so": "libsm6",
    "libICE.so": "libice6",
}


def plugin() -> Path | None:
    try:
        import PySide6  # noqa: PLC0415 - only to find the files; no QApplication
    except ImportError:
        return None
    found = list(Path(PySide6.__file__).parent.glob("Qt/plugins/platforms/libqxcb.so"))
    return found[0] if found else None


#: Loaded with dlopen() by the plugin, so ldd does not list them.
DLOPENED = ("libxcb-cursor.so.0",)


def _known_to_loader() -> str:
    if shutil.which("ldconfig") or Path("/sbin/ldconfig").exists():
        exe = shutil.which("ldconfig") or "/sbin/ldconfig"
        return subprocess.run([exe, "-p"], capture_output=True, text=True, check=False).stdout
    return ""


def missing_libraries(path: Path) -> list[str]:
    out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False).stdout
    missing = {line.split()[0] for line in out.splitlines() if "not found" in line}
    known = _known_to_loader()
    if known:
        missing |= {name for name in DLOPENED if name not in known}
    return sorted(missing)


def package_for(soname: str) -> str | None:
    for prefix, package in PACKAGES.items():
        if soname.startswith(prefix):
            return package
    return None


def main() -> int:
    if not sys.platform.startswith("linux"):
        return 0
    if os.environ.get("QT_QPA_PLATFORM", "xcb").split(":")[0] not in ("", "xcb"):
        return 0
    if not os.environ.get("DISPLAY") and os.environ.get("WAYLAND_DISPLAY"):
        return 0  # Wayland session: Qt uses its wayland plugin
    qxcb = plugin()
    if qxcb is None or shutil.which("ldd") is None:
        return 0
    missing = missing_libraries(qxcb)
    if not missing:
        return 0
    packages = sorted({package_for(m) or m for m in missing})
    unknown = [m for m in missing if package_for(m) is None]
    command = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    if shutil.which("apt-get") and not unknown:
        if os.geteuid() == 0:
            prefix: list[str] = []
        elif shutil.which("sudo"):
            prefix = ["sudo"]
        else:
            prefix = None  # type: ignore[assignment]
        if prefix is not None:
            print("Qt needs system libraries: " + " ".join(packages), flush=True)
            subprocess.run([*prefix, "apt-get", "update", "-qq"], check=False)
            result = subprocess.run([*prefix, *command], check=False)
            if result.returncode == 0 and not missing_libraries(qxcb):
                return 0
    sys.stderr.write(
        "Qt cannot start: missing system libraries ("
        + ", ".join(missing)
        + "). Run: sudo "
        + " ".join(command)
        + "\n"
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
