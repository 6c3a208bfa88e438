"""The README and the guides say only what exists: every `make` target and every
`charter-workshop` subcommand and option they show is checked against the Makefile and the
CLI's own argparse parser (workshop/cli.py), and both guides keep the same structure.

Commands from branches not merged yet are listed in ``UNMERGED``; the coordinator removes
each entry when its branch lands, so a command that never lands fails here.
"""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

from workshop.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
GUIDES = {lang: ROOT / "resources" / "guide" / f"guide-{lang}.md" for lang in ("fr", "en")}
DOCS = (README, *GUIDES.values())

#: Shown in the docs before their branch is merged: subcommand -> options it will add.
#: Empty while the docs show only what is on main; e.g. {"review": {"--record"}}.
UNMERGED: dict[str, set[str]] = {}

_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.DOTALL | re.MULTILINE)
_SPAN = re.compile(r"`([^`\n]+(?:\n[^`\n]+)*)`")
_TARGET = re.compile(r"^([A-Za-z][\w.-]*(?:[ \t]+[A-Za-z][\w.-]*)*)[ \t]*:(?!=)", re.MULTILINE)


def _code(text: str) -> tuple[list[str], list[str]]:
    """(fenced blocks' logical lines, inline code spans), comments after « # » dropped.

    A fenced line that starts with spaces and « [ » continues the command above it, as the
    README wraps long usage lines.
    """
    lines: list[str] = []
    for block in _FENCE.findall(text):
        for raw in block.splitlines():
            line = raw.split(" #", 1)[0].rstrip()
            if lines and re.match(r"\s+\[", line):
                lines[-1] += " " + line.strip()
            elif line.strip():
                lines.append(line.strip())
    spans = [" ".join(s.split()) for s in _SPAN.findall(_FENCE.sub("", text))]
    return lines, spans


def _install_options() -> set[str]:
    """The Linux install script's own options (``--prefix``), read from its ``case``."""
    script = (ROOT / "packaging" / "linux" / "install.sh").read_text(encoding="utf-8")
    return set(re.findall(r"^\s*(--[a-z-]+)\)", script, flags=re.MULTILINE))


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {o for action in parser._actions for o in action.option_strings}


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _commands(text: str) -> list[list[str]]:
    """Each `charter-workshop …` invocation shown, as its words after the program name."""
    lines, spans = _code(text)
    found = []
    for chunk in lines + spans:
        for part in re.split(r"(?:^|\s)charter-workshop(?=\s|$)", chunk)[1:]:
            words = shlex.split(part.replace("[", " ").replace("]", " ").replace("|", " "))
            found.append(words)
    return found


def _problems(words: list[str]) -> list[str]:
    """What in one invocation the CLI does not have (empty when everything exists)."""
    parser = build_parser()
    subs = _subparsers(parser)
    shown = " ".join(["charter-workshop", *words])
    if not words or words[0].startswith("-"):
        return [f"{shown}: {w}" for w in words if w.startswith("--") and w not in _options(parser)]
    name, rest = words[0], words[1:]
    if name.lower().endswith(".charter"):  # the bare file a double-click passes
        return []
    extra = UNMERGED.get(name, set())
    if name not in subs:
        return [] if name in UNMERGED else [f"{shown}: no subcommand {name!r}"]
    sub = subs[name]
    nested = _subparsers(sub)
    if nested and rest and not rest[0].startswith("-"):
        if rest[0] not in nested:
            return [f"{shown}: no subcommand {name} {rest[0]!r}"]
        sub = nested[rest[0]]
    known = _options(sub) | extra
    return [
        f"{shown}: no option {w}"
        for w in rest
        if w.startswith("--") and w.split("=")[0] not in known
    ]


def test_both_guides_have_the_same_structure():
    """The same `##` sections, each with as many `###` subsections, in French and English."""
    shapes = {}
    for lang, path in GUIDES.items():
        assert path.is_file(), path
        sections = re.split(r"^## ", path.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]
        shapes[lang] = [len(re.findall(r"^### ", s, flags=re.MULTILINE)) for s in sections]
    assert len(shapes["fr"]) >= 8
    assert shapes["fr"] == shapes["en"]


def test_every_make_target_the_readme_names_exists():
    targets = set()
    for line_targets in _TARGET.findall((ROOT / "Makefile").read_text(encoding="utf-8")):
        targets.update(line_targets.split())
    lines, spans = _code(README.read_text(encoding="utf-8"))
    named = {m for chunk in lines + spans for m in re.findall(r"(?:^|\s)make ([\w-]+)", chunk)}
    assert {"run", "test", "package", "package-smoke"} <= named  # the README's promises
    assert named - targets == set()


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_command_and_option_shown_exists(doc):
    text = doc.read_text(encoding="utf-8")
    commands = _commands(text)
    assert commands, f"{doc.name} shows no command"
    problems = [p for words in commands for p in _problems(words)]
    # A lone `--option` in the prose belongs to some subcommand.
    every = _options(build_parser()).union(*map(_options, _subparsers(build_parser()).values()))
    every |= set().union(*UNMERGED.values()) | _install_options()
    _, spans = _code(text)
    problems += [f"`{s}`" for s in spans if s.startswith("--") and s.split()[0] not in every]
    assert problems == []


def test_the_checks_refuse_what_does_not_exist():
    """The checker itself: an invented subcommand or option is caught, the real ones pass."""
    assert _problems(["export", "FILE", "--docx", "C.docx", "--cse-pack", "P.docx"]) == []
    assert _problems(["library", "validate", "PATH"]) == []
    assert _problems(["FILE.charter"]) == []
    assert _problems(["publish", "FILE"])
    assert _problems(["export", "FILE", "--odt", "C.odt"])
    assert _problems(["library", "check", "PATH"])
    assert _problems(["--colour"])
    assert _commands("run `charter-workshop demo X\n--lang en` then") == [
        ["demo", "X", "--lang", "en"]
    ]
