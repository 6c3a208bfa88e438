"""Fuzzing bundles: a hostile JSON bundle is refused on one line and leaves nothing behind.

Each mutant of the demo workshop's bundle (keys deleted or added, values of the wrong type,
out of range, unknown, huge or dangling, list items dropped or repeated, random bytes,
truncation, a BOM, invalid UTF-8, UTF-16, deep nesting, another top level, duplicate keys,
NaN, huge integers) goes through ``charter-workshop import``: exit 0 or 1, exactly one line
on stderr when refused and no file at the target nor anywhere in its folder; an accepted
bundle gives a workshop that ``check`` accepts and that exports to DOCX, PDF, CSV and JSON.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.fuzzing import (
    Tally,
    demo_bytes,
    export_all,
    mutant_count,
    one_line_problem,
    run_cli,
    seed,
)
from workshop import bundle
from workshop.session import Session

HOSTILE: tuple[Any, ...] = (
    None,
    True,
    0,
    -1,
    1.5,
    10**30,
    2**63,
    -(2**63) - 1,
    "",
    "x" * 100_001,
    "zzz",
    "2026-01-01T10:00:00",
    "2026-02-30",
    "\ud800",
    "\u202e<script>",
    [],
    {},
    [[[[[]]]]],
    {"a": {"b": {"c": {}}}},
    999_999,
)


def _walk(rng: random.Random, data: Any) -> tuple[Any, Any]:
    """A random (container, key) inside ``data``, the deeper the likelier."""
    parent, key = data, rng.choice(list(data))
    while True:
        node = parent[key]
        if not isinstance(node, dict | list) or not node or rng.random() < 0.3:
            return parent, key
        parent = node
        key = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))


def _dumps(data: Any) -> bytes:
    try:
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: written as a \\u escape
        return json.dumps(data, indent=1).encode("utf-8")


def structural(rng: random.Random, text: str) -> tuple[str, bytes]:
    data = json.loads(text)
    parent, key = _walk(rng, data)
    op = rng.choice(("delete", "insert", "replace", "replace", "replace", "repeat", "drop"))
    if op == "delete" and isinstance(parent, dict):
        del parent[key]
    elif op == "insert" and isinstance(parent, dict):
        parent["unexpected"] = rng.choice(HOSTILE)
    elif op in ("repeat", "drop") and isinstance(parent, list):
        if op == "repeat":
            parent.append(parent[key])
        else:
            del parent[key]
    else:
        op = "replace"
        value = rng.choice(HOSTILE)
        parent[key] = value
        return f"{key!r} := {str(value)[:30]!r}", _dumps(data)
    return f"{op} {key!r}", _dumps(data)


def textual(rng: random.Random, text: str) -> tuple[str, bytes]:
    raw = text.encode("utf-8")
    op = rng.choice(
        ("flip", "truncate", "bom", "utf8", "utf16", "deep", "top", "dup", "nan", "bigint")
    )
    if op == "flip":
        buf = bytearray(raw)
        for _ in range(rng.choice((1, 3, 10))):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
        return "random bytes", bytes(buf)
    if op == "truncate":
        return "truncated", raw[: rng.randrange(len(raw))]
    if op == "bom":
        return "BOM", b"\xef\xbb\xbf" + raw
    if op == "utf8":
        i = raw.index(b'"title": "') + 10
        return "invalid UTF-8", raw[:i] + b"\xff\xfe" + raw[i:]
    if op == "utf16":
        return "UTF-16", text.encode("utf-16")
    if op == "deep":
        depth = rng.choice((20, 1000, 100_000))
        i = raw.index(b'"agenda": ') + 10
        return f"nested {depth} deep", raw[:i] + b"[" * depth + b"]" * depth + b", " + raw[i:]
    if op == "top":
        return "top level", rng.choice((b"[]", b"1", b"null", b'"x"', b"", b" "))
    if op == "dup":
        return "duplicate key", raw.replace(b"{", b'{"format": "x", ', 1)
    if op == "nan":
        return "NaN", raw.replace(b'"support": ', b'"support": NaN, "x": ', 1)
    return "huge integer", raw.replace(b'"version": 1', b'"version": ' + b"9" * 5000, 1)


MUTATORS: tuple[Callable[[random.Random, str], tuple[str, bytes]], ...] = (
    structural,
    structural,
    structural,
    textual,
)


@pytest.fixture(scope="module")
def demo_bundle(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("fuzz-bundle") / "demo.charter"
    path.write_bytes(demo_bytes())
    session = Session.open_readonly(path)
    try:
        return bundle.dumps_bundle(bundle.export_bundle(session))
    finally:
        session.close()


def _try(source: Path, label: str, work: Path, tally: Tally, seen: set[str]) -> None:
    target = work / "imported.charter"
    try:
        code, _, err = run_cli("import", source, target)
    except Exception as exc:
        tally.fail(label, f"import raised {type(exc).__name__}: {exc}")
        return
    problem = one_line_problem(code, err)
    if problem:
        tally.fail(label, f"import: {problem}")
    if code != 0:
        tally.refused += 1
        left = sorted(p.name for p in work.iterdir())
        if left:
            tally.fail(label, f"refused import left files behind: {left}")
        return
    tally.accepted += 1
    code, _, err = run_cli("check", target)
    if code != 0:
        tally.fail(label, f"imported, but check failed: {err.strip()}")
    problem = export_all(target, work, seen)
    if problem:
        tally.fail(label, f"imported, but {problem}")


def test_fuzzed_bundles_are_refused_on_one_line_or_fully_usable(
    demo_bundle: str, memory_path: Path
) -> None:
    rng = random.Random(seed())
    tally = Tally("bundles")
    source = memory_path / "bundle.json"
    seen: set[str] = set()
    for i in range(mutant_count()):
        label, data = rng.choice(MUTATORS)(rng, demo_bundle)
        source.write_bytes(data)
        work = memory_path / f"w{i}"
        work.mkdir()
        tally.tried += 1
        _try(source, f"#{i} {label}", work, tally, seen)
        for leftover in work.iterdir():
            leftover.unlink()
        work.rmdir()
    tally.report()
    assert not tally.failures, "\n".join(tally.failures[:20])
    assert tally.refused and tally.accepted  # both paths were exercised


def test_hostile_bundle_in_a_real_process(demo_bundle: str, tmp_path: Path) -> None:
    """A sample outside pytest's process: deep nesting and a too long name."""
    data = json.loads(demo_bundle)
    data["participants"][0]["name"] = "x" * 100_001
    for raw in (b"[" * 100_000 + b"]" * 100_000, _dumps(data)):
        source = tmp_path / "hostile.json"
        source.write_bytes(raw)
        target = tmp_path / "t.charter"
        result = subprocess.run(
            [sys.executable, "-m", "workshop", "import", str(source), str(target)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 1
        assert one_line_problem(1, result.stderr) is None, result.stderr
        assert sorted(p.name for p in tmp_path.iterdir()) == ["hostile.json"]
