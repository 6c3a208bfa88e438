"""``worddiff.opcodes`` gives difflib's opcodes (``SequenceMatcher(None, a, b,
autojunk=False)``) item for item: on random sequences, small alphabets (many ties), long
ones, and word tokens of amended texts."""

from __future__ import annotations

import random
from difflib import SequenceMatcher

import pytest

from workshop.exports.charter.revisions import tokens
from workshop.worddiff import matching_blocks, opcodes


def _difflib(a, b):
    return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def _edited(rng: random.Random, a: list[int], alphabet: int) -> list[int]:
    b = list(a)
    for _ in range(rng.randrange(0, 6)):
        at = rng.randrange(len(b) + 1)
        roll = rng.random()
        if roll < 0.4:
            b[at:at] = [rng.randrange(alphabet) for _ in range(rng.randrange(1, 8))]
        elif roll < 0.8:
            del b[at : at + rng.randrange(1, 8)]
        else:
            b[at : at + 2] = [rng.randrange(alphabet)]
    return b


@pytest.mark.parametrize("seed", range(4))
def test_same_opcodes_as_difflib_on_random_sequences(seed):
    rng = random.Random(seed)
    for _ in range(1500):
        alphabet = rng.choice([1, 2, 3, 5, 10, 50])
        a = [rng.randrange(alphabet) for _ in range(rng.randrange(0, 50))]
        if rng.random() < 0.6:
            b = _edited(rng, a, alphabet)
        else:
            b = [rng.randrange(alphabet) for _ in range(rng.randrange(0, 50))]
        assert opcodes(a, b) == _difflib(a, b), (a, b)


def test_same_opcodes_on_long_sequences_where_difflib_would_autojunk():
    rng = random.Random(7)
    for _ in range(40):
        alphabet = rng.choice([3, 20, 400])
        a = [rng.randrange(alphabet) for _ in range(rng.randrange(200, 900))]
        b = _edited(rng, a, alphabet) if rng.random() < 0.7 else a[::-1]
        assert opcodes(a, b) == _difflib(a, b)


def test_same_opcodes_on_amended_words():
    before = tokens(
        "Chacun peut parler de son métier, de ses collègues et de l’entreprise.\n"
        "Les informations confidentielles restent confidentielles ; en cas de doute, "
        "on demande au service communication."
    )
    after = tokens(
        "Chacun peut parler de son travail et de l’entreprise, avec discernement.\n"
        "Les informations confidentielles restent confidentielles ; en cas de doute, "
        "chacun peut demander conseil au service communication ou à son manager."
    )
    assert opcodes(before, after) == _difflib(before, after)
    assert opcodes(after, before) == _difflib(after, before)
    assert opcodes(before, before) == [("equal", 0, len(before), 0, len(before))]


def test_empty_sides_and_blocks():
    assert opcodes([], []) == _difflib([], [])
    assert opcodes(["a"], []) == [("delete", 0, 1, 0, 0)]
    assert opcodes([], ["a"]) == [("insert", 0, 0, 0, 1)]
    a, b = list("abxcd"), list("abcyd")
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    assert matching_blocks(a, b) == [tuple(m) for m in blocks]
