"""Help ▸ About's facts are generated: the version from pyproject.toml, the libraries'
licences from their installed metadata, the fonts' from their own name tables."""

from __future__ import annotations

import tomllib
from email.message import Message
from importlib import metadata
from pathlib import Path

from workshop import about

ROOT = Path(__file__).resolve().parents[2]


def _meta(**fields: str | list[str]) -> Message:
    message = Message()
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            message[name.replace("_", "-")] = item
    return message


def test_the_version_is_pyproject_s():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert about.version() == project["version"]


def test_a_licence_comes_from_the_expression_then_a_short_field_then_the_classifiers():
    assert about.licence_of(_meta(License_Expression="MIT", License="BSD")) == "MIT"
    assert about.licence_of(_meta(License="BSD-3-Clause")) == "BSD-3-Clause"
    full_text = "Copyright (c) 2000 someone\n\nPermission is hereby granted, free of charge..."
    assert (
        about.licence_of(
            _meta(License=full_text, Classifier=["License :: OSI Approved :: BSD License"])
        )
        == "BSD License"
    )
    assert about.licence_of(_meta(License="UNKNOWN")) == ""
    assert about.licence_of(_meta()) == ""


def _dist_info(site: Path, name: str, version: str, *lines: str) -> None:
    folder = site / f"{name.replace('-', '_')}-{version}.dist-info"
    folder.mkdir(parents=True)
    text = f"Metadata-Version: 2.4\nName: {name}\nVersion: {version}\n" + "".join(
        line + "\n" for line in lines
    )
    (folder / "METADATA").write_text(text, encoding="utf-8")


def test_the_libraries_are_the_installed_runtime_dependencies_with_their_declared_licence(
    tmp_path, monkeypatch
):
    site = tmp_path / "site"
    _dist_info(
        site,
        "zz-app",
        "2.0",
        "License-Expression: MIT",
        "Requires-Dist: zz-lib>=1",
        "Requires-Dist: zz-test-tool; extra == 'test'",  # an extra is not shipped
        "Requires-Dist: zz-absent; python_version < '3'",  # not installed: skipped
    )
    _dist_info(site, "zz-lib", "1.4", "License: Apache License 2.0", "Requires-Dist: zz-deep")
    _dist_info(site, "zz_deep", "0.3", "Classifier: License :: OSI Approved :: ISC License (ISCL)")
    _dist_info(site, "zz-test-tool", "9.9", "License-Expression: GPL-3.0-only")
    monkeypatch.syspath_prepend(str(site))

    found = {c.name: (c.version, c.licence) for c in about.libraries("zz-app")}
    assert found.pop("Python")[1] == "PSF-2.0"
    assert found == {
        "zz-lib": ("1.4", "Apache License 2.0"),
        "zz_deep": ("0.3", "ISC License (ISCL)"),
    }


def test_the_app_s_libraries_match_their_metadata():
    listed = {c.name: c for c in about.libraries()}
    for name in ("python-docx", "reportlab", "sqlite-utils", "lxml"):
        dist = metadata.distribution(name)
        component = listed[dist.metadata["Name"]]
        assert component.version == dist.version
        assert component.licence == about.licence_of(dist.metadata) != ""
    pyside = next(c for c in listed.values() if c.name.lower().startswith("pyside6"))
    assert "LGPL-3.0" in pyside.licence
    assert "pip" not in {name.lower() for name in listed}  # declared by sqlite-utils, not shipped


def test_the_fonts_licences_come_from_the_fonts_themselves():
    fonts = {f.name: f for f in about.fonts()}
    assert set(fonts) == {"DejaVu Sans", "Noto Emoji"}
    assert "SIL Open Font License, Version 1.1" in fonts["Noto Emoji"].licence
    assert "LICENSE-NotoEmoji.txt" in fonts["Noto Emoji"].detail
    assert "public domain" in fonts["DejaVu Sans"].licence
    assert fonts["DejaVu Sans"].version == "2.37"
    assert "LICENSE-DejaVu.txt" in fonts["DejaVu Sans"].detail


def test_a_damaged_font_gives_no_names_rather_than_an_error():
    assert about.font_names(b"") == {}
    assert about.font_names(b"\x00\x01\x00\x00\x00\x01" + b"name" + b"\xff" * 12) == {}
