"""Tests of extension libraries: loading against a base, merging, and validating them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.workshop.library.snippets import VALID, write
from workshop.errors import LibraryError
from workshop.library import builtin_library, extend, load_library, validate_file

EXTENSION = """\
[library]
language = "fr"
name = "Extension maison"
version = 1

[[themes]]
key = "scope"
title = "Périmètre (version maison)"
description = "Le périmètre, reformulé pour notre groupe."

[[themes]]
key = "house-telework"
title = "Télétravail"
description = "Les médias sociaux en télétravail."

[[clauses]]
key = "scope-platforms"
theme = "scope"
title = "Plateformes (version maison)"

[[clauses.variants]]
key = "support"
lean = "support"
label = "Maison souple"
support = 9
control = 1
text = "Texte maison souple. Deuxième phrase."
rationale = "Raison maison."

[[clauses.variants]]
key = "control"
lean = "control"
label = "Maison strict"
support = 2
control = 9
text = "Texte maison strict. Deuxième phrase."
rationale = "Raison maison."
justification = "But maison."

[[clauses]]
key = "house-personal-use"
theme = "personal-use"
title = "Usage en atelier"

[[clauses.variants]]
key = "support"
lean = "support"
label = "Souple"
support = 7
control = 2
text = "Texte. Deuxième phrase."
rationale = "Raison."

[[clauses.variants]]
key = "control"
lean = "control"
label = "Strict"
support = 2
control = 7
text = "Texte. Deuxième phrase."
rationale = "Raison."
justification = "But."

[[clauses]]
key = "house-telework-clause"
theme = "house-telework"
title = "Publier depuis chez soi"

[[clauses.variants]]
key = "support"
lean = "support"
label = "Souple"
support = 7
control = 2
text = "Texte. Deuxième phrase."
rationale = "Raison."

[[clauses.variants]]
key = "control"
lean = "control"
label = "Strict"
support = 2
control = 7
text = "Texte. Deuxième phrase."
rationale = "Raison."
justification = "But."
"""


def test_extension_adds_to_a_base_theme_and_replaces_entries(tmp_path: Path) -> None:
    base = builtin_library("fr")
    base_clause_keys = [clause.key for clause in base.clauses]
    path = write(tmp_path, EXTENSION, "ext.toml")

    extra = load_library(path, base)
    assert extra.source == str(path)
    merged = extend(base, extra)

    # Replaced entries keep their place; new ones follow.
    assert [clause.key for clause in merged.clauses] == [
        *base_clause_keys,
        "house-personal-use",
        "house-telework-clause",
    ]
    assert merged.clauses[0].title == "Plateformes (version maison)"
    assert merged.clause("scope-platforms").variant("support").text.startswith("Texte maison")
    assert merged.themes[0].title == "Périmètre (version maison)"
    assert merged.themes[-1].key == "house-telework"
    assert len(merged.themes) == len(base.themes) + 1
    # The new clause joins the base theme after the base's own clauses.
    assert merged.clauses_of("personal-use")[-1].key == "house-personal-use"
    assert merged.clauses_of("personal-use")[:-1] == base.clauses_of("personal-use")
    # The cached base library is untouched.
    assert builtin_library("fr").clause("scope-platforms").title != "Plateformes (version maison)"
    assert merged.language == "fr" and "builtin:fr" in merged.source


def test_extension_needs_its_base_for_base_themes(tmp_path: Path) -> None:
    path = write(tmp_path, EXTENSION, "ext.toml")
    with pytest.raises(LibraryError) as caught:
        load_library(path)  # no base: "personal-use" is unknown
    assert "house-personal-use" in caught.value.fr and "personal-use" in caught.value.en


def test_extension_must_speak_the_base_language(tmp_path: Path) -> None:
    path = write(tmp_path, EXTENSION.replace('language = "fr"', 'language = "en"'), "ext.toml")
    with pytest.raises(LibraryError) as caught:
        load_library(path, builtin_library("fr"))
    assert "ext.toml" in caught.value.en and '"en"' in caught.value.en
    with pytest.raises(LibraryError):
        extend(builtin_library("fr"), builtin_library("en"))


def test_extension_still_refuses_duplicates_within_itself(tmp_path: Path) -> None:
    text = EXTENSION + "\n" + EXTENSION[EXTENSION.index("[[clauses]]") :]
    with pytest.raises(LibraryError) as caught:
        load_library(write(tmp_path, text, "ext.toml"), builtin_library("fr"))
    assert "clause « scope-platforms »" in caught.value.fr


def test_validate_file_accepts_an_extension_of_the_builtin_library(tmp_path: Path) -> None:
    extra = validate_file(write(tmp_path, EXTENSION, "ext.toml"))
    assert [clause.key for clause in extra.clauses][-1] == "house-telework-clause"


def test_validate_file_reports_errors(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace('theme = "t1"', 'theme = "nowhere"'))
    with pytest.raises(LibraryError) as caught:
        validate_file(path)
    assert 'unknown theme "nowhere"' in caught.value.en
