"""Tests of the one-line refusals a library file gets, naming the file and the entry."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.workshop.library.snippets import VALID, write
from workshop.errors import LibraryError
from workshop.library import load_library, validate_file

SECOND_THEME = """
[[themes]]
key = "t1"
title = "Autre"
description = "Autre."
"""

CLAUSE_BLOCK = VALID[VALID.index("[[clauses]]") :]


def sub(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    """A mutation of VALID that must find what it replaces."""

    def mutate(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, count)

    return mutate


def nth_line(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


SYNTAX_LINE = nth_line(VALID, 'title = "Clause"')
UTF8_LINE = nth_line(VALID, 'title = "Thème"')

CONTROL_VARIANT = VALID.index('key = "control"')


def in_control_variant(old: str, new: str) -> Callable[[str], str]:
    """Replace the first ``old`` after the start of the control variant."""

    def mutate(text: str) -> str:
        head, tail = text[:CONTROL_VARIANT], text[CONTROL_VARIANT:]
        assert old in tail, old
        return head + tail.replace(old, new, 1)

    return mutate


# (id, mutation of VALID, French fragments, English fragments)
INVALID_CASES: list[tuple[str, Callable[[str], str | bytes], list[str], list[str]]] = [
    (
        "not-utf8",
        lambda text: text.encode("latin-1"),
        ["UTF-8", f"ligne {UTF8_LINE}"],
        ["UTF-8", f"line {UTF8_LINE}"],
    ),
    (
        "toml-syntax",
        sub('title = "Clause"', 'title = "Clause'),
        ["erreur de syntaxe TOML", f"ligne {SYNTAX_LINE}"],
        ["TOML syntax error", f"line {SYNTAX_LINE}"],
    ),
    (
        "missing-library",
        sub('[library]\nlanguage = "fr"\nname = "Test"\nversion = 1\n', ""),
        ["section [library] manquante"],
        ["missing [library] section"],
    ),
    (
        "library-header-forgotten",
        sub("[library]\n", ""),
        ["section [library] manquante"],
        ["missing [library] section"],
    ),
    (
        "library-header-misspelt",
        sub("[library]", "[libary]"),
        ["champ inconnu « libary »", "vouliez-vous dire « library »"],
        ['unknown field "libary"', 'did you mean "library"'],
    ),
    (
        "library-not-a-table",
        sub('[library]\nlanguage = "fr"\nname = "Test"\nversion = 1\n', 'library = "fr"\n'),
        ["« library »", "table [library]"],
        ['"library"', "[library] table"],
    ),
    (
        "unknown-version",
        sub("version = 1", "version = 2"),
        ["section [library]", "version de format 2 inconnue"],
        ["[library] section", "unknown format version 2"],
    ),
    (
        "version-not-integer",
        sub("version = 1", 'version = "1"'),
        ["section [library]", "« version »", "un entier"],
        ["[library] section", '"version"', "an integer"],
    ),
    (
        "missing-version",
        sub("version = 1\n", ""),
        ["section [library]", "« version » manquant"],
        ["[library] section", 'missing field "version"'],
    ),
    (
        "unknown-language",
        sub('language = "fr"', 'language = "de"'),
        ["section [library]", "« language »", "« de »"],
        ["[library] section", '"language"', '"de"'],
    ),
    (
        "empty-name",
        sub('name = "Test"', 'name = "  "'),
        ["section [library]", "« name » vide"],
        ["[library] section", '"name" is empty'],
    ),
    (
        "unknown-library-field",
        sub("version = 1", "version = 1\nauthor = 'RH'"),
        ["section [library]", "champ inconnu « author »"],
        ["[library] section", 'unknown field "author"'],
    ),
    (
        "unknown-top-level",
        lambda text: text + "\n[extra]\nfoo = 1\n",
        ["champ inconnu « extra »"],
        ['unknown field "extra"'],
    ),
    (
        "themes-not-an-array",
        sub("[[themes]]", "[themes]"),
        ["« themes »", "liste de tables"],
        ['"themes"', "list of tables"],
    ),
    (
        "missing-theme-title",
        sub('title = "Thème"\n', ""),
        ["thème « t1 »", "« title » manquant"],
        ['theme "t1"', 'missing field "title"'],
    ),
    (
        "theme-description-wrong-type",
        sub('description = "Ce que le thème règle."', "description = 3"),
        ["thème « t1 »", "« description »", "un texte", "un entier"],
        ['theme "t1"', '"description"', "expected text", "found an integer"],
    ),
    (
        "theme-title-on-two-lines",
        sub('title = "Thème"', 'title = """Thème\nsuite"""'),
        ["thème « t1 »", "« title »", "une seule ligne"],
        ['theme "t1"', '"title"', "one line"],
    ),
    (
        "theme-key-not-a-key",
        sub('key = "t1"', 'key = "Thème 1"'),
        ["thème « Thème 1 »", "n’est pas une clé valide"],
        ['theme "Thème 1"', "is not a valid key"],
    ),
    (
        "duplicate-theme",
        lambda text: text + SECOND_THEME,
        ["thème « t1 »", "déjà utilisée"],
        ['theme "t1"', "already used"],
    ),
    (
        "clause-key-wrong-type",
        sub('key = "c1"', "key = 5"),
        ["clause n° 1", "« key »", "un texte"],
        ["clause #1", '"key"', "expected text"],
    ),
    (
        "duplicate-clause",
        lambda text: text + "\n" + CLAUSE_BLOCK,
        ["clause « c1 »", "déjà utilisée"],
        ['clause "c1"', "already used"],
    ),
    (
        "unknown-theme",
        sub('theme = "t1"', 'theme = "t9"'),
        ["clause « c1 »", "thème « t9 » inconnu"],
        ['clause "c1"', 'unknown theme "t9"'],
    ),
    (
        "missing-clause-title",
        sub('title = "Clause"\n', ""),
        ["clause « c1 »", "« title » manquant"],
        ['clause "c1"', 'missing field "title"'],
    ),
    (
        "no-clause",
        lambda text: text[: text.index("[[clauses]]")],
        ["aucune clause"],
        ["no clause"],
    ),
    (
        "variants-empty",
        lambda text: text[: text.index("[[clauses.variants]]")] + "variants = []\n",
        ["clause « c1 »", "aucune variante d’accompagnement"],
        ['clause "c1"', "no support-leaning variant"],
    ),
    (
        "no-control-variant",
        in_control_variant('lean = "control"', 'lean = "balanced"'),
        ["clause « c1 »", "aucune variante de contrôle"],
        ['clause "c1"', "no control-leaning variant"],
    ),
    (
        "no-support-variant",
        sub('lean = "support"', 'lean = "balanced"'),
        ["clause « c1 »", "aucune variante d’accompagnement"],
        ['clause "c1"', "no support-leaning variant"],
    ),
    (
        "duplicate-variant",
        in_control_variant('key = "control"', 'key = "support"'),
        ["clause « c1 »", "variante « support »", "déjà utilisée"],
        ['clause "c1"', 'variant "support"', "already used"],
    ),
    (
        "variant-key-not-a-key",
        sub('key = "support"', 'key = "Support!"'),
        ["clause « c1 »", "variante « Support! »", "clé valide"],
        ['clause "c1"', 'variant "Support!"', "valid key"],
    ),
    (
        "unknown-lean",
        sub('lean = "support"', 'lean = "neutral"'),
        ["variante « support »", "« lean »", "« neutral » inconnue"],
        ['variant "support"', '"lean"', 'unknown value "neutral"'],
    ),
    (
        "missing-label",
        sub('label = "Souple"\n', ""),
        ["variante « support »", "« label » manquant"],
        ['variant "support"', 'missing field "label"'],
    ),
    (
        "empty-text",
        sub('text = "Texte souple. Deuxième phrase."', 'text = """\n\n"""'),
        ["variante « support »", "« text » vide"],
        ['variant "support"', '"text" is empty'],
    ),
    (
        "missing-rationale",
        sub('rationale = "Raison souple."\n', ""),
        ["variante « support »", "« rationale » manquant"],
        ['variant "support"', 'missing field "rationale"'],
    ),
    (
        "coordinate-above-10",
        sub("support = 8", "support = 11"),
        ["variante « support »", "« support »", "11", "0 à 10"],
        ['variant "support"', '"support"', "11", "0..10"],
    ),
    (
        "coordinate-below-0",
        in_control_variant("support = 3", "support = -1"),
        ["variante « control »", "« support »", "-1", "0 à 10"],
        ['variant "control"', '"support"', "-1", "0..10"],
    ),
    (
        "coordinate-nan",
        in_control_variant("control = 8", "control = nan"),
        ["variante « control »", "« control »", "0 à 10"],
        ['variant "control"', '"control"', "0..10"],
    ),
    (
        "coordinate-string",
        sub("support = 8", 'support = "8"'),
        ["variante « support »", "« support »", "un nombre", "un texte"],
        ['variant "support"', '"support"', "a number", "found text"],
    ),
    (
        "coordinate-bool",
        sub("control = 2", "control = true"),
        ["variante « support »", "« control »", "un nombre", "un booléen"],
        ['variant "support"', '"control"', "a number", "a boolean"],
    ),
    (
        "missing-coordinate",
        sub("control = 2\n", ""),
        ["variante « support »", "« control » manquant"],
        ['variant "support"', 'missing field "control"'],
    ),
    (
        "coordinates-contradict-lean",
        sub("control = 2", "control = 9"),
        ["variante « support »", "incohérentes", "« support »"],
        ['variant "support"', "contradict", '"support"'],
    ),
    (
        "missing-justification",
        sub('justification = "But de la restriction."\n', ""),
        [
            "clause « c1 »",
            "variante « control »",
            "champ « justification » manquant",
            "variante de contrôle",
        ],
        [
            'clause "c1"',
            'variant "control"',
            'missing field "justification"',
            "control-leaning variant",
        ],
    ),
    (
        "empty-justification",
        sub('justification = "But de la restriction."', 'justification = ""'),
        ["variante « control »", "« justification » vide"],
        ['variant "control"', '"justification" is empty'],
    ),
    (
        "misspelt-justification",
        sub("justification =", "justifcation ="),
        ["variante « control »", "champ inconnu « justifcation »", "« justification »"],
        ['variant "control"', 'unknown field "justifcation"', '"justification"'],
    ),
    (
        "unknown-flag",
        sub('flags = ["sanctions"]', 'flags = ["spying"]'),
        ["variante « control »", "« flags »", "« spying » inconnue"],
        ['variant "control"', '"flags"', 'unknown value "spying"'],
    ),
    (
        "flags-not-a-list",
        sub('flags = ["sanctions"]', 'flags = "sanctions"'),
        ["variante « control »", "« flags »", "une liste de textes"],
        ['variant "control"', '"flags"', "a list of texts"],
    ),
    (
        "repeated-flag",
        sub('flags = ["sanctions"]', 'flags = ["sanctions", "sanctions"]'),
        ["variante « control »", "« flags »", "répétée"],
        ['variant "control"', '"flags"', "repeated"],
    ),
    (
        "legal-basis-not-a-list",
        sub(
            'legal_basis = ["Code du travail, art. L1121-1"]',
            'legal_basis = "Code du travail, art. L1121-1"',
        ),
        ["variante « support »", "« legal_basis »", "une liste de textes"],
        ['variant "support"', '"legal_basis"', "a list of texts"],
    ),
    (
        "legal-basis-item-not-text",
        sub('legal_basis = ["Code du travail, art. L1121-1"]', "legal_basis = [1121]"),
        ["variante « support »", "« legal_basis », élément n° 1", "un texte", "un entier"],
        ['variant "support"', '"legal_basis", item #1', "expected text", "an integer"],
    ),
    (
        "legal-basis-empty-item",
        sub('legal_basis = ["Code du travail, art. L1121-1"]', 'legal_basis = ["L1121-1", " "]'),
        ["variante « support »", "« legal_basis », élément n° 2", "vide"],
        ['variant "support"', '"legal_basis", item #2', "empty"],
    ),
    (
        "variant-not-a-table",
        lambda text: text[: text.index("[[clauses.variants]]")] + 'variants = ["support"]\n',
        ["clause « c1 »", "variante n° 1", "une table"],
        ['clause "c1"', "variant #1", "a table"],
    ),
]


def test_the_valid_snippet_is_valid(tmp_path: Path) -> None:
    library = load_library(write(tmp_path, VALID))
    assert [clause.key for clause in library.clauses] == ["c1"]
    variant = library.clause("c1").variant("control")
    assert variant.justification == "But de la restriction."
    assert variant.flags == frozenset({"sanctions"})
    assert variant.support == 3.0 and isinstance(variant.support, float)
    assert library.clause("c1").variant("support").legal_basis == ("Code du travail, art. L1121-1",)


@pytest.mark.parametrize(
    ("mutate", "fr_parts", "en_parts"),
    [case[1:] for case in INVALID_CASES],
    ids=[case[0] for case in INVALID_CASES],
)
def test_invalid_file_gives_one_line_error_naming_file_and_entry(
    tmp_path: Path,
    mutate: Callable[[str], str | bytes],
    fr_parts: list[str],
    en_parts: list[str],
) -> None:
    path = write(tmp_path, mutate(VALID))
    with pytest.raises(LibraryError) as caught:
        load_library(path)
    error = caught.value
    for message, parts in ((error.fr, fr_parts), (error.en, en_parts)):
        assert message.startswith(f"{path}: "), message
        assert "\n" not in message, message
        for part in parts:
            assert part in message, f"{part!r} not in {message!r}"


def test_error_message_follows_the_current_language(tmp_path: Path) -> None:
    from workshop.i18n import set_language

    path = write(tmp_path, VALID.replace("version = 1", "version = 7"))
    with pytest.raises(LibraryError) as caught:
        load_library(path)
    try:
        set_language("en")
        assert "unknown format version 7" in str(caught.value)
        set_language("fr")
        assert "version de format 7 inconnue" in str(caught.value)
    finally:
        set_language(None)


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    library = load_library(write(tmp_path, b"\xef\xbb\xbf" + VALID.encode("utf-8")))
    assert library.theme("t1").title == "Thème"


@pytest.mark.parametrize("function", [load_library, validate_file])
def test_missing_file_and_directory_give_library_error(tmp_path: Path, function) -> None:
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(LibraryError) as caught:
        function(missing)
    assert str(missing) in caught.value.fr and str(missing) in caught.value.en
    assert "introuvable" in caught.value.fr and "not found" in caught.value.en
    with pytest.raises(LibraryError) as caught:
        function(tmp_path)
    assert str(tmp_path) in caught.value.fr and str(tmp_path) in caught.value.en
    assert "dossier" in caught.value.fr and "folder" in caught.value.en
