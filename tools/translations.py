"""Refresh the Qt Linguist files and build the .qm catalogues.

    python tools/translations.py          # lupdate + fill English + lrelease
    python tools/translations.py --check  # exit 1 if a message is unfinished

The UI's source strings are English. ``charter_en.ts`` is made complete by copying each
source into its translation (so "no unfinished entry in either language" holds and
plural forms work); ``charter_fr.ts`` is translated by hand in Qt Linguist or an editor.
The .qm files are committed, so running the app never needs the Linguist tools.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGS = ("fr", "en")
BIN = Path(sys.executable).parent


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def ts_path(lang: str, folder: Path = I18N) -> Path:
    return folder / f"charter_{lang}.ts"


def lupdate(folder: Path = I18N) -> None:
    for lang in LANGS:
        subprocess.run(
            [str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources(),
             "-target-language", lang, "-ts", str(ts_path(lang, folder))],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip


def fill_english() -> None:
    """English is the source language: every translation is its source."""
    path = ts_path("en")
    tree = ET.parse(path)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for _ in range(2):
                form = ET.SubElement(translation, "numerusform")
                form.text = source
        else:
            translation.text = source
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def unfinished(lang: str, folder: Path = I18N) -> list[str]:
    """Sources whose translation is missing or marked unfinished."""
    tree = ET.parse(ts_path(lang, folder))
    missing = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            missing.append(message.findtext("source") or "")
            continue
        forms = translation.findall("numerusform")
        texts = [f.text for f in forms] if forms else [translation.text]
        if not all(t and t.strip() for t in texts):
            missing.append(message.findtext("source") or "")
    return missing


def lrelease() -> None:
    for lang in LANGS:
        subprocess.run(
            [str(BIN / "pyside6-lrelease"), "-silent", str(ts_path(lang)),
             "-qm", str(I18N / f"charter_{lang}.qm")],
            check=True,
        )  # fmt: skip


def main(argv: list[str]) -> int:
    if "--check" in argv:
        # Run lupdate on copies: a string added to the code but never extracted into the
        # catalogue would otherwise pass unnoticed (and show in English in the French UI).
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            for lang in LANGS:
                shutil.copy(ts_path(lang), ts_path(lang, folder))
            lupdate(folder)
            problems = {lang: unfinished(lang, folder) for lang in ("fr",)}
        for lang, missing in problems.items():
            for source in missing:
                print(f"{lang}: unfinished: {source}")
        return 1 if any(problems.values()) else 0
    lupdate()
    fill_english()
    lrelease()
    for lang in LANGS:
        print(f"{ts_path(lang).name}: {len(unfinished(lang))} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
