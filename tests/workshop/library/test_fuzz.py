"""Never a traceback: whatever a library file holds, the only failure is a LibraryError."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.workshop.library.snippets import VALID
from workshop.errors import LibraryError
from workshop.library import parse_library

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
