"""What goes into the frozen build and what is left out: one place, read by the spec and
by the tests (tests/test_packaging_bundle.py).

Kept in a module, not in the spec: the rules are tested without running PyInstaller, and
the spec stays a short list of steps.
"""

from __future__ import annotations

import fnmatch
import os
import re
import subprocess
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent

#: Files of resources/ that are sources of other files, not read at run time. Everything
#: else under resources/ is shipped, so a new folder (resources/phone/...) comes along.
SOURCE_ONLY = (
    "*.py",  # the package's __init__ (frozen as a module) and templates/make_template.py
    "*.pyc",
    "i18n/*.ts",  # Qt Linguist sources: the app loads the .qm compiled from them
)

#: Qt plugins the app never loads (paths under PySide6/Qt/plugins/). The console needs the
#: xcb and wayland platforms, offscreen (CI, headless smoke test), SVG images and icons,
#: input methods (compose, ibus: dead keys and accents), network information.
QT_PLUGINS_LEFT_OUT = (
    # patterns fit the three systems: libqvnc.so, qvnc.dll, libqvnc.dylib
    "platforms/*qeglfs.*",
    "platforms/*qlinuxfb.*",
    "platforms/*qminimal.*",
    "platforms/*qminimalegl.*",
    "platforms/*qvkkhrdisplay.*",
    "platforms/*qvnc.*",
    "platforms/*qdirect2d.*",
    "egldeviceintegrations/*",  # only for eglfs (embedded boards)
    "generic/*",  # evdev and tuio input: only for eglfs/linuxfb
    "tls/*",  # the phone server is plain HTTP on the room's network: no TLS in Qt
    "platformthemes/*qgtk3.*",  # pulls the host's whole GTK 3 (8 MB); Qt's own style
    "imageformats/*qgif.*",
    "imageformats/*qicns.*",
    "imageformats/*qico.*",
    "imageformats/*qjpeg.*",
    "imageformats/*qtga.*",
    "imageformats/*qtiff.*",
    "imageformats/*qwbmp.*",
    "imageformats/*qwebp.*",
    "wayland-shell-integration/*ivi-shell.*",  # cars' IVI compositors
    "wayland-shell-integration/*fullscreen-shell-v1.*",  # kiosks
)

#: Qt libraries only the plugins left out use.
QT_LIBS_LEFT_OUT = ("libQt6EglFSDeviceIntegration.so*", "libQt6EglFsKmsSupport.so*")

#: System libraries left to the target: every glibc desktop has them, and an older bundled
#: libstdc++ breaks the host's newer OpenGL drivers ("GLIBCXX_3.4.30 not found" in
#: swrast_dri.so); the build host's copy also raised the glibc needed to its own (2.36).
#: libexpat (fontconfig's parser, on every desktop) is Debian 12's, built to need glibc 2.36.
SYSTEM_LIBS_LEFT_OUT = ("libstdc++.so.6", "libgcc_s.so.1", "libexpat.so.1")

#: Qt's own translations the app loads (ui/i18n.py: qtbase_fr); the other 98 are left out.
QT_TRANSLATIONS_KEPT = ("qtbase_fr.qm",)

#: Python modules no code path imports; listed so no hook brings them in by accident.
PYTHON_EXCLUDES = (
    "tkinter",
    "_tkinter",
    "readline",  # interactive prompts only (and it brings libreadline)
    # Pillow (reportlab's image reader) without the codecs no export uses: AVIF alone is 5 MB
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingcms",
    "PIL._imagingtk",
    "PIL.ImageQt",
    "PIL.ImageTk",
    # python-docx uses lxml.etree only
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "pip",
    "setuptools",
)

#: Loaded with dlopen() by Qt's xcb library, so no dependency scan finds it; often missing
#: on desktops (Qt >= 6.5 refuses to start without it), so the bundle brings it, beside
#: libQt6XcbQpa whose RUNPATH ($ORIGIN) dlopen() searches.
DLOPENED_LIBS = ("libxcb-cursor.so.0",)
DLOPENED_DEST = "PySide6/Qt/lib"


def _matches(path: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(path, pattern) for pattern in patterns)


def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, destination folder) for every shipped file of resources/."""
    base = root / "resources"
    found = []
    for path in sorted(base.rglob("*")):
        relative = path.relative_to(base).as_posix()
        if not path.is_file() or "__pycache__" in path.parts or _matches(relative, SOURCE_ONLY):
            continue
        found.append((str(path), str(PurePosixPath("resources", relative).parent)))
    return found


def _qt_relative(dest: str) -> str | None:
    """The part of a destination path under PySide6/Qt/, or None."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    for index in range(len(parts) - 1):
        if parts[index] == "PySide6" and parts[index + 1] == "Qt":
            return "/".join(parts[index + 2 :])
    return None


def keep(dest: str) -> bool:
    """False for a Qt plugin, library or translation the app never loads, or a system
    library left to the target."""
    relative = _qt_relative(dest)
    if relative is None:
        return not (_top_level(dest) and dest in SYSTEM_LIBS_LEFT_OUT)
    if relative.startswith("plugins/"):
        return not _matches(relative.removeprefix("plugins/"), QT_PLUGINS_LEFT_OUT)
    if relative.startswith("lib/"):
        return not _matches(relative.removeprefix("lib/"), QT_LIBS_LEFT_OUT)
    if relative.startswith("translations/"):
        return relative.removeprefix("translations/") in QT_TRANSLATIONS_KEPT
    return True


def metadata_kept(dest: str) -> bool:
    """False for the metadata of a distribution the bundle does not ship (see
    workshop.about.NOT_SHIPPED): About lists what is really there."""
    from workshop.about import NOT_SHIPPED

    name = PurePosixPath(dest.replace("\\", "/")).parts[0]
    match = re.match(r"(.+?)-\d[^-]*\.(dist|egg)-info$", name)
    return not (match and re.sub(r"[-_.]+", "-", match.group(1)).lower() in NOT_SHIPPED)


def _needed(path: str) -> set[str]:
    """The sonames ``path`` needs, transitively, as the loader would resolve them (ldd)."""
    out = subprocess.run(["ldd", path], capture_output=True, text=True, check=False).stdout
    return {line.split()[0] for line in out.splitlines() if "=>" in line}


def _top_level(dest: str) -> bool:
    return "/" not in dest.replace("\\", "/")


def prune_libraries(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Drop the top-level system libraries that only left-out plugins needed.

    PyInstaller collects a plugin's dependencies before the spec filters the plugin out
    (the GTK theme plugin brought cairo, pango, gdk...). Everything in a subfolder (Qt,
    extension modules) and libpython stay; another top-level
    library stays when something kept needs it, directly or not (ldd is transitive).
    """

    def anchored(dest: str, kind: str) -> bool:
        # a top-level extension module (_rl_accel.abi3.so) is Python code, not a library
        return kind == "EXTENSION" or not _top_level(dest) or dest.startswith("libpython")

    needed: set[str] = set()
    for dest, src, kind in binaries:
        if anchored(dest, kind):
            needed |= _needed(src)
    return [e for e in binaries if anchored(e[0], e[2]) or e[0] in needed]


#: ldconfig's name for this machine's architecture.
_ARCH = {"x86_64": "x86-64", "aarch64": "AArch64"}


def dlopened_libraries() -> list[tuple[str, str]]:
    """(path, folder) for each of DLOPENED_LIBS found on the build host (ldconfig's cache)."""
    import platform

    arch = _ARCH.get(platform.machine(), "")
    out = subprocess.run(
        ["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=False
    ).stdout
    found = []
    for name in DLOPENED_LIBS:
        for line in out.splitlines():
            soname, _, path = line.strip().partition(" => ")
            if soname.startswith(name + " ") and arch in soname and Path(path).is_file():
                found.append((path, DLOPENED_DEST))
                break
    return found


Entry = tuple[str, str, str]


def without_dangling_links(entries: list[Entry], kept: set[str]) -> list[Entry]:
    """Drop PyInstaller's SYMLINK entries (libQt6Gui.so.6 -> PySide6/Qt/lib/...) whose
    target was left out."""
    result = []
    for dest, src, kind in entries:
        if kind == "SYMLINK":
            target = os.path.normpath(os.path.join(os.path.dirname(dest), src))
            if target.replace("\\", "/") not in kept:
                continue
        result.append((dest, src, kind))
    return result


def select(binaries: list[Entry], datas: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """The spec's one call: every rule above applied to PyInstaller's collected files."""
    binaries = prune_libraries([b for b in binaries if keep(b[0])])
    datas = [d for d in datas if keep(d[0])]
    kept = {d[0].replace("\\", "/") for d in binaries + datas if d[2] != "SYMLINK"}
    return without_dangling_links(binaries, kept), without_dangling_links(datas, kept)
