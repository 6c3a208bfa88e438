"""The command line: exit codes, one-line errors, demo/check/export/import round trip."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import spoil
from tests.demo_files import memory_folder
from workshop.cli import main


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "workshop", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "CHARTER_LANG": "fr", **(env or {})},
    )


@pytest.fixture(scope="module")
def demo_file() -> Path:
    path = memory_folder("cli") / "d.charter"  # in memory: the demo's fsyncs cost nothing
    result = run("demo", str(path))
    assert result.returncode == 0, result.stderr
    return path


def test_demo_then_check_exits_0(demo_file):
    result = run("check", str(demo_file))
    assert result.returncode == 0, result.stderr
    assert "intègre" in result.stdout
    assert "16 participants" in result.stdout


def test_json_round_trip_is_identical(demo_file, tmp_path):
    first = tmp_path / "a.json"
    assert run("export", str(demo_file), "--json", str(first)).returncode == 0
    imported = tmp_path / "i.charter"
    result = run("import", str(first), str(imported))
    assert result.returncode == 0, result.stderr
    second = tmp_path / "b.json"
    assert run("export", str(imported), "--json", str(second)).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    data = json.loads(first.read_text(encoding="utf-8"))
    assert data["format"] == "charter-workshop-bundle"


@pytest.mark.parametrize(
    "damage", [spoil.truncate, spoil.random_bytes, spoil.foreign, spoil.newer, spoil.trigger]
)
def test_check_refuses_bad_files_in_one_line_without_touching_them(demo_file, tmp_path, damage):
    path = tmp_path / "bad.charter"
    path.write_bytes(demo_file.read_bytes())
    damage(path)
    before = path.read_bytes()
    result = run("check", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["new"])
    assert info.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2


def test_new_refuses_existing_file_and_bad_values(tmp_path, capsys):
    path = tmp_path / "n.charter"
    assert main(["new", str(path), "--title", "Atelier « charte »", "--organisation", "ACME"]) == 0
    assert main(["new", str(path), "--title", "T", "--organisation", "O"]) == 1
    assert "existe déjà" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "m.charter"), "--title", "  ", "--organisation", "O"]) == 1
    assert "ne peut pas être vide" in capsys.readouterr().err


def test_import_of_a_bad_bundle_is_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["import", str(bad), str(tmp_path / "x.charter")]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.charter").exists()


def test_library_validate(tmp_path, capsys):
    import importlib.resources

    builtin = importlib.resources.files("resources") / "clauses" / "fr.toml"
    assert main(["library", "validate", str(builtin)]) == 0
    assert "bibliothèque valide" in capsys.readouterr().out
    broken = tmp_path / "lib.toml"
    broken.write_text(
        '[library]\nlanguage = "fr"\nname = "x"\nversion = 1\n[[themes]]\n', encoding="utf-8"
    )
    assert main(["library", "validate", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "lib.toml" in err and len(err.strip().splitlines()) == 1


def test_english_messages(tmp_path, capsys):
    assert main(["--lang-ui", "en", "check", str(tmp_path / "none.charter")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_run_creates_the_demo_in_the_data_folder(memory_path):
    result = run("run", "--no-gui", env={"CHARTER_WORKSHOP_HOME": str(memory_path)})
    assert result.returncode == 0, result.stderr
    assert (memory_path / "atelier-demo.charter").exists()
    assert str(memory_path) in result.stdout
    again = run("run", "--no-gui", env={"CHARTER_WORKSHOP_HOME": str(memory_path)})
    assert again.returncode == 0 and "Atelier de démonstration :" in again.stdout
