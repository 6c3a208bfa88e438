"""Build the frozen app with PyInstaller and, on Linux, the .tar.gz to install it.

    python packaging/build.py            # dist/charter-workshop/ and, on Linux, the tarball
    python packaging/build.py --report   # only the figures of an existing build

Prints the build time, the bundle's size, its largest parts and (Linux) the newest glibc
symbol version it needs, and writes them to dist/bundle-report.txt.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "charter-workshop.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "charter-workshop"
NAME = "charter-workshop"


def run_pyinstaller() -> float:
    """Build dist/charter-workshop/; returns the seconds it took."""
    start = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
            str(SPEC),
        ],
        cwd=ROOT,
        check=True,
    )
    return time.monotonic() - start


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def largest_parts(bundle: Path, count: int = 8) -> list[tuple[str, int]]:
    internal = bundle / "_internal"
    children = [p for p in internal.iterdir() if not p.is_symlink()]
    qt = internal / "PySide6" / "Qt"
    if qt.is_dir():
        children += [p for p in qt.iterdir() if not p.is_symlink()]
    parts = [(p.relative_to(bundle).as_posix(), size_of(p)) for p in children]
    parts = [p for p in parts if p[0] != "_internal/PySide6"]
    return sorted(parts, key=lambda p: -p[1])[:count]


def _is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def newest_glibc(bundle: Path) -> tuple[str, str]:
    """The highest GLIBC_x.y symbol version any ELF file of the bundle needs, and the file."""
    elves = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and _is_elf(p)]
    best: tuple[tuple[int, ...], str] = ((0,), "")
    for start in range(0, len(elves), 64):
        chunk = elves[start : start + 64]
        out = subprocess.run(
            ["objdump", "-T", *map(str, chunk)], capture_output=True, text=True, check=False
        ).stdout
        current = ""
        for line in out.splitlines():
            if line.endswith("file format elf64-x86-64") or ":     file format" in line:
                current = line.split(":")[0]
            for found in re.findall(r"GLIBC_(\d+(?:\.\d+)+)", line):
                version = tuple(int(x) for x in found.split("."))
                if version > best[0]:
                    best = (version, current)
    where = Path(best[1]).relative_to(bundle).as_posix() if best[1] else ""
    return ".".join(map(str, best[0])), where


def tarball(version: str) -> Path:
    """dist/charter-workshop-VERSION-linux-ARCH.tar.gz: the bundle and the install scripts."""
    import platform

    top = f"{NAME}-{version}-linux-{platform.machine()}"
    target = DIST / f"{top}.tar.gz"
    linux = ROOT / "packaging" / "linux"

    def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(BUNDLE, f"{top}/{NAME}", filter=clean)
        for script in ("install.sh", "uninstall.sh"):
            archive.add(linux / script, f"{top}/{script}", filter=clean)
        for shared in (f"{NAME}.desktop.in", f"{NAME}-mime.xml"):
            archive.add(linux / shared, f"{top}/share/{shared}", filter=clean)
        archive.add(linux / "README.txt", f"{top}/README.txt", filter=clean)
    return target


def mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="only report on dist/")
    parser.add_argument("--no-tarball", action="store_true")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from workshop.about import version

    lines = []
    if not args.report:
        seconds = run_pyinstaller()
        lines.append(f"build time: {seconds:.0f} s (PyInstaller, {os.cpu_count()} cores)")
    if not (BUNDLE / NAME).exists() and not (BUNDLE / f"{NAME}.exe").exists():
        sys.stderr.write(f"build.py: no bundle in {BUNDLE}\n")
        return 1
    files = sum(1 for p in BUNDLE.rglob("*") if p.is_file())
    lines.append(f"bundle: {BUNDLE.relative_to(ROOT)}: {mb(size_of(BUNDLE))}, {files} files")
    lines += [f"  {mb(size):>9}  {name}" for name, size in largest_parts(BUNDLE)]
    if sys.platform.startswith("linux"):
        glibc, where = newest_glibc(BUNDLE)
        lines.append(f"needs glibc >= {glibc} (newest GLIBC_ symbol version, in {where})")
        if not args.report and not args.no_tarball:
            target = tarball(version())
            lines.append(f"tarball: {target.relative_to(ROOT)}: {mb(size_of(target))}")
    report = "\n".join(lines)
    print(report)
    (DIST / "bundle-report.txt").write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
