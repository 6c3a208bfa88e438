"""What the frozen build takes (packaging/bundle_contents.py, read by the spec), checked
without running PyInstaller; `make package-smoke` checks the built bundle itself."""

from __future__ import annotations

import fnmatch
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_contents as contents  # noqa: E402

SPEC = (ROOT / "packaging" / "charter-workshop.spec").read_text(encoding="utf-8")


def test_the_spec_takes_its_lists_from_bundle_contents():
    assert "contents.resource_datas(ROOT)" in SPEC
    assert "contents.select(a.binaries, a.datas)" in SPEC
    assert "excludes=list(contents.PYTHON_EXCLUDES)" in SPEC
    assert 'collect_submodules("workshop")' in SPEC and 'collect_submodules("ui")' in SPEC


def test_every_file_of_resources_is_shipped_or_is_a_source():
    shipped = {Path(src).resolve() for src, _dest in contents.resource_datas(ROOT)}
    left_out = []
    for path in (ROOT / "resources").rglob("*"):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(ROOT / "resources").as_posix()
        if path.resolve() in shipped:
            continue
        assert any(fnmatch.fnmatch(relative, p) for p in contents.SOURCE_ONLY), relative
        left_out.append(relative)
    # each Qt Linguist source left out has its compiled catalogue shipped
    for source in (r for r in left_out if r.endswith(".ts")):
        assert (ROOT / "resources" / source).with_suffix(".qm").resolve() in shipped
    assert {"guide/guide-fr.md", "guide/guide-en.md", "templates/charter.docx"} <= {
        Path(src).resolve().relative_to((ROOT / "resources").resolve()).as_posix()
        for src, _dest in contents.resource_datas(ROOT)
    }


def test_a_new_resource_folder_comes_along_without_editing_the_spec(tmp_path):
    phone = tmp_path / "resources" / "phone"
    phone.mkdir(parents=True)
    (phone / "index.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "resources" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "resources" / "__pycache__").mkdir()
    (tmp_path / "resources" / "__pycache__" / "x.pyc").write_bytes(b"")
    assert contents.resource_datas(tmp_path) == [(str(phone / "index.html"), "resources/phone")]


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/qjpeg.dll", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
        ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/translations/qtbase_fr.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_help_fr.qm", False),
        ("libstdc++.so.6", False),
        ("libexpat.so.1", False),
        ("libpython3.11.so.1.0", True),
        ("resources/i18n/charter_fr.qm", True),
    ],
)
def test_what_is_kept_and_left_out(dest, kept):
    assert contents.keep(dest) is kept


def test_links_to_left_out_files_go_with_them():
    entries = [
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6EglFsKmsSupport.so.6", "PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/venv/libQt6Gui.so.6", "BINARY"),
    ]
    kept = {"PySide6/Qt/lib/libQt6Gui.so.6"}
    assert contents.without_dangling_links(entries, kept) == [entries[0], entries[2]]


def test_metadata_of_what_is_not_shipped_is_left_out():
    assert not contents.metadata_kept("pip-23.2.1.dist-info")
    assert not contents.metadata_kept("pip-23.2.1.dist-info/METADATA")
    assert contents.metadata_kept("python_docx-1.2.0.dist-info")
    assert contents.metadata_kept("charter_workshop.egg-info")


def test_the_linux_desktop_entry_and_mime_type_agree():
    desktop = (ROOT / "packaging" / "linux" / "charter-workshop.desktop.in").read_text("utf-8")
    mime = (ROOT / "packaging" / "linux" / "charter-workshop-mime.xml").read_text("utf-8")
    assert "MimeType=application/x-charter-workshop;" in desktop
    assert re.search(r"^Exec=@EXEC@ gui %f$", desktop, re.M)
    assert 'type="application/x-charter-workshop"' in mime and 'pattern="*.charter"' in mime
    from workshop.schema import APPLICATION_ID

    assert f'value="0x{APPLICATION_ID:08X}"' in mime  # the magic is the files' application_id


def test_a_top_level_extension_module_survives_the_pruning():
    """reportlab's C speedups (_rl_accel.abi3.so) sit at the top like a system library but
    are an extension module: pruning by ldd must keep them."""
    entries = [("_rl_accel.abi3.so", "/nonexistent/_rl_accel.abi3.so", "EXTENSION"),
               ("libcairo.so.2", "/nonexistent/libcairo.so.2", "BINARY")]  # fmt: skip
    kept = contents.prune_libraries(entries)
    assert [e[0] for e in kept] == ["_rl_accel.abi3.so"]
