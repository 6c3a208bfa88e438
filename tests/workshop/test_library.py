"""Tests of the clause library: the shipped content and the validation of library files."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.errors import LibraryError
from workshop.library import (
    FLAGS,
    Library,
    builtin_library,
    extend,
    load_library,
    parse_library,
    validate_file,
)
from workshop.model import Lean

# The 26 themes of domain.md, section 2, in charter order.
THEME_KEYS = (
    "scope",
    "principles",
    "personal-use",
    "speaking",
    "spokespeople",
    "confidentiality",
    "respect",
    "intellectual-property",
    "image-rights",
    "professional-networks",
    "advocacy",
    "crisis",
    "regulated",
    "opinions",
    "security",
    "monitoring",
    "staff-representatives",
    "disconnection",
    "whistleblowing",
    "training",
    "managers",
    "recruitment",
    "departure",
    "generative-ai",
    "sanctions",
    "governance",
)

LANGS = ("fr", "en")


def all_variants(library: Library):
    for clause in library.clauses:
        for variant in clause.variants:
            yield clause, variant


# ---------------------------------------------------------------------------
# The shipped libraries


@pytest.mark.parametrize("lang", LANGS)
def test_builtin_library_loads(lang: str) -> None:
    library = builtin_library(lang)
    assert library.language == lang
    assert library.source == f"builtin:{lang}"
    assert library.name
    assert builtin_library(lang) is library  # cached: parsed once per run


@pytest.mark.parametrize("lang", LANGS)
def test_builtin_library_covers_the_26_themes_in_order(lang: str) -> None:
    library = builtin_library(lang)
    assert tuple(theme.key for theme in library.themes) == THEME_KEYS
    assert len(library.clauses) >= 30
    for theme in library.themes:
        assert library.clauses_of(theme.key), f"theme {theme.key} has no clause"


@pytest.mark.parametrize("lang", LANGS)
def test_every_clause_has_a_support_and_a_control_variant(lang: str) -> None:
    for clause in builtin_library(lang).clauses:
        leans = [variant.lean for variant in clause.variants]
        assert Lean.SUPPORT in leans, clause.key
        assert Lean.CONTROL in leans, clause.key


@pytest.mark.parametrize("lang", LANGS)
def test_control_variants_are_justified_and_coordinates_match_the_lean(lang: str) -> None:
    for clause, variant in all_variants(builtin_library(lang)):
        where = f"{clause.key}/{variant.key}"
        assert 0 <= variant.support <= 10 and 0 <= variant.control <= 10, where
        if variant.lean is Lean.CONTROL:
            assert variant.justification, where
            assert variant.control > variant.support, where
        if variant.lean is Lean.SUPPORT:
            assert variant.support > variant.control, where
        assert variant.flags <= FLAGS, where


def test_french_and_english_libraries_are_parallel() -> None:
    fr, en = builtin_library("fr"), builtin_library("en")
    assert [t.key for t in fr.themes] == [t.key for t in en.themes]
    assert [c.key for c in fr.clauses] == [c.key for c in en.clauses]
    for fr_clause, en_clause in zip(fr.clauses, en.clauses, strict=True):
        assert fr_clause.theme == en_clause.theme, fr_clause.key
        assert len(fr_clause.variants) == len(en_clause.variants), fr_clause.key
        for a, b in zip(fr_clause.variants, en_clause.variants, strict=True):
            where = f"{fr_clause.key}/{a.key}"
            assert a.key == b.key, where
            assert a.lean == b.lean, where
            assert (a.support, a.control) == (b.support, b.control), where
            assert a.flags == b.flags, where
            assert a.legal_basis == b.legal_basis, where  # French references stay as they are
            assert (a.justification is None) == (b.justification is None), where
            assert a.text != b.text, f"{where}: English text not translated"


@pytest.mark.parametrize("lang", LANGS)
def test_variant_texts_are_two_to_six_sentences(lang: str) -> None:
    for clause, variant in all_variants(builtin_library(lang)):
        sentences = re.findall(r"[.!?…](?:\s|$)", variant.text)
        assert 2 <= len(sentences) <= 6, f"{clause.key}/{variant.key}: {len(sentences)}"


def test_french_texts_use_french_typography() -> None:
    library = builtin_library("fr")
    texts = [t.title for t in library.themes] + [t.description for t in library.themes]
    for clause, variant in all_variants(library):
        texts += [clause.title, variant.label, variant.text, variant.rationale]
        texts += [variant.justification or ""]
    for text in texts:
        assert "'" not in text, text  # typographic apostrophe
        assert '"' not in text, text  # guillemets
        assert not re.search(r" [:;?!»]|« ", text), text  # non-breaking spaces


WHISTLEBLOWING_WORDING = {
    "fr": ("ne restreint", "canal de signalement interne"),
    "en": ("restrict", "internal reporting channel"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_whistleblowing_clause_protects_alerts_and_names_the_channel(lang: str) -> None:
    library = builtin_library(lang)
    (clause,) = library.clauses_of("whistleblowing")
    for variant in clause.variants:
        for words in WHISTLEBLOWING_WORDING[lang]:
            assert words in variant.text, variant.key
        assert "whistleblowing" in variant.flags
        assert any("2016-1691" in ref for ref in variant.legal_basis)


@pytest.mark.parametrize(("lang", "word"), [("fr", r"consentement|accord"), ("en", r"consent")])
def test_image_rights_require_consent_in_every_variant(lang: str, word: str) -> None:
    for clause in builtin_library(lang).clauses_of("image-rights"):
        for variant in clause.variants:
            assert re.search(word, variant.text), f"{clause.key}/{variant.key}"


@pytest.mark.parametrize(("lang", "word"), [("fr", "lien avec"), ("en", "link with")])
def test_advocacy_requires_disclosing_the_link_with_the_employer(lang: str, word: str) -> None:
    clause = builtin_library(lang).clause("advocacy-programme")
    for variant in clause.variants:
        assert word in variant.text, variant.key
        assert any("2023-451" in ref for ref in variant.legal_basis), variant.key


@pytest.mark.parametrize("lang", LANGS)
def test_flags_agree_with_the_text_and_the_legal_basis(lang: str) -> None:
    sanction_word = "sanction"
    for clause, variant in all_variants(builtin_library(lang)):
        where = f"{clause.key}/{variant.key}"
        refs = " ".join(variant.legal_basis)
        # A monitoring variant needs prior information and CSE consultation, and says so.
        monitoring_refs = "L1222-4" in refs and "L2312-38" in refs
        assert ("monitoring" in variant.flags) == monitoring_refs, where
        if "sanctions" in variant.flags:
            assert sanction_word in variant.text.lower(), where
        if "new_technology" in variant.flags:
            assert "L2312-8" in refs, where


def test_lookups() -> None:
    library = builtin_library("fr")
    clause = library.clause("scope-platforms")
    assert clause.theme == "scope"
    assert clause.variant("control").lean is Lean.CONTROL
    assert library.theme("scope").title
    assert clause in library.clauses_of("scope")
    assert library.clauses_of("no-such-theme") == ()
    with pytest.raises(KeyError):
        library.clause("no-such-clause")
    with pytest.raises(KeyError):
        library.theme("no-such-theme")
    with pytest.raises(KeyError):
        clause.variant("no-such-variant")


def test_unknown_builtin_language() -> None:
    with pytest.raises(LibraryError):
        builtin_library("de")


def test_builtin_files_validate_as_files() -> None:
    root = Path(__file__).resolve().parents[2] / "resources" / "clauses"
    for lang in LANGS:
        library = validate_file(root / f"{lang}.toml")
        assert len(library.clauses) == len(builtin_library(lang).clauses)


# ---------------------------------------------------------------------------
# Validation of library files

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

SECOND_THEME = """
[[themes]]
key = "t1"
title = "Autre"
description = "Autre."
"""

CLAUSE_BLOCK = VALID[VALID.index("[[clauses]]") :]


def write(tmp_path: Path, content: str | bytes, name: str = "lib.toml") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


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


# ---------------------------------------------------------------------------
# Never a traceback: whatever the file holds, the only failure is a LibraryError.

ODD_VALUES = ['""', "0", "true", "[]", "{}", "1979-05-27", '"x y"', "-1", "nan", '[1, "a"]']


def parse_or_library_error(text: str) -> None:
    try:
        parse_library(text, "fuzz.toml")
    except LibraryError as error:
        assert "\n" not in error.fr and "\n" not in error.en
        assert error.fr.startswith("fuzz.toml: ") and error.en.startswith("fuzz.toml: ")


def test_every_value_replaced_by_an_odd_one_gives_library_error_or_library() -> None:
    lines = VALID.splitlines()
    for index, line in enumerate(lines):
        if " = " not in line:
            continue
        name = line.split(" = ", 1)[0]
        for value in ODD_VALUES:
            mutated = [*lines[:index], f"{name} = {value}", *lines[index + 1 :]]
            parse_or_library_error("\n".join(mutated))


def test_every_line_removed_gives_library_error_or_library() -> None:
    lines = VALID.splitlines()
    for index in range(len(lines)):
        parse_or_library_error("\n".join(lines[:index] + lines[index + 1 :]))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]{}=\"'#.,-_ \n\tabcxyz019éé«»")), max_size=80))
def test_arbitrary_text_gives_library_error_or_library(text: str) -> None:
    parse_or_library_error(text)


# ---------------------------------------------------------------------------
# Extension libraries

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
