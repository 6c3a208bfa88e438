"""A small valid library file and a way to write one, shared by the library tests."""

from __future__ import annotations

from pathlib import Path

VALID = """\
[library]
language = "fr"
name = "Test"
version = 1

[[themes]]
key = "t1"
title = "Thème"
description = "Ce que le thème règle."

[[clauses]]
key = "c1"
theme = "t1"
title = "Clause"

[[clauses.variants]]
key = "support"
lean = "support"
label = "Souple"
support = 8
control = 2
text = "Texte souple. Deuxième phrase."
rationale = "Raison souple."
legal_basis = ["Code du travail, art. L1121-1"]

[[clauses.variants]]
key = "control"
lean = "control"
label = "Strict"
support = 3
control = 8
text = "Texte strict. Deuxième phrase."
rationale = "Raison stricte."
justification = "But de la restriction."
flags = ["sanctions"]
"""


def write(tmp_path: Path, content: str | bytes, name: str = "lib.toml") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
