"""``difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()``, the same opcodes,
found by string search instead of difflib's pure-Python table of matches.

difflib finds each matching block as the longest run of equal items, the one starting
first in ``a`` and then first in ``b`` among the longest, then recurses on both sides;
with no junk and no autojunk that choice is all there is to it. Its search visits every
pair of equal items: on a clause's word tokens, every pair of spaces and of common words,
so an amended text of 200 words costs thousands of dictionary look-ups per block.

Here each distinct item becomes one character, both sequences become strings, and the
longest match is grown with ``str.find`` (C): a run of ``a`` starting at ``i`` that occurs
in ``b`` keeps occurring when shortened, so the longest one from each ``i`` is found by
doubling then halving its length, and only a start that beats the best so far is
searched further. The blocks, their order and the opcodes are difflib's (the tests
compare both on random and real texts).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from itertools import chain, count

Opcode = tuple[str, int, int, int, int]


def _as_strings(a: Sequence[Hashable], b: Sequence[Hashable]) -> tuple[str, str]:
    codes = dict(zip(dict.fromkeys(chain(a, b)), map(chr, count()), strict=False))
    code = codes.__getitem__
    return "".join(map(code, a)), "".join(map(code, b))


def _longest(a: str, b: str, alo: int, ahi: int, blo: int, bhi: int) -> tuple[int, int, int]:
    """difflib's ``find_longest_match`` without junk: the longest common run of
    ``a[alo:ahi]`` and ``b[blo:bhi]``, first in ``a`` then first in ``b``; (alo, blo, 0)
    when there is none."""
    best, besti = 0, alo
    find = b.find
    limit = min(ahi - alo, bhi - blo)
    for i in range(alo, ahi):
        room = min(ahi - i, limit)
        if room <= best:
            break  # no later start can hold a longer run
        if find(a[i : i + best + 1], blo, bhi) < 0:
            continue
        found, step = best + 1, 1  # a[i:i+found] occurs in b; a[i:i+missing] does not
        missing = room + 1
        while found + step < missing:
            if find(a[i : i + found + step], blo, bhi) >= 0:
                found += step
                step *= 2
            else:
                missing = found + step
                break
        while missing - found > 1:
            middle = (found + missing) // 2
            if find(a[i : i + middle], blo, bhi) >= 0:
                found = middle
            else:
                missing = middle
        best, besti = found, i
    if not best:
        return alo, blo, 0
    return besti, find(a[besti : besti + best], blo, bhi), best


class Codes(dict[Hashable, str]):
    """One character per distinct item, given on first sight: sequences coded with the
    same ``Codes`` compare as their items do (``encode``)."""

    def __missing__(self, item: Hashable) -> str:
        code = self[item] = chr(len(self))
        return code


def encode(items: Sequence[Hashable], codes: Codes) -> str:
    return "".join(map(codes.__getitem__, items))


def matching_blocks(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[tuple[int, int, int]]:
    """``SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()``."""
    return coded_blocks(*_as_strings(a, b))


def coded_blocks(sa: str, sb: str) -> list[tuple[int, int, int]]:
    """``matching_blocks`` of two sequences coded by ``encode`` with the same ``Codes``."""
    la, lb = len(sa), len(sb)
    queue = [(0, la, 0, lb)]
    blocks = []
    while queue:
        alo, ahi, blo, bhi = queue.pop()
        i, j, k = x = _longest(sa, sb, alo, ahi, blo, bhi)
        if k:
            blocks.append(x)
            if alo < i and blo < j:
                queue.append((alo, i, blo, j))
            if i + k < ahi and j + k < bhi:
                queue.append((i + k, ahi, j + k, bhi))
    blocks.sort()
    # adjacent blocks as one, as difflib merges them
    i1 = j1 = k1 = 0
    merged = []
    for i2, j2, k2 in blocks:
        if i1 + k1 == i2 and j1 + k1 == j2:
            k1 += k2
        else:
            if k1:
                merged.append((i1, j1, k1))
            i1, j1, k1 = i2, j2, k2
    if k1:
        merged.append((i1, j1, k1))
    merged.append((la, lb, 0))
    return merged


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Opcode]:
    """``SequenceMatcher(None, a, b, autojunk=False).get_opcodes()``."""
    return coded_opcodes(*_as_strings(a, b))


def coded_opcodes(sa: str, sb: str) -> list[Opcode]:
    """``opcodes`` of two sequences coded by ``encode`` with the same ``Codes`` (a chain
    of texts is then coded once each, not once per pair)."""
    i = j = 0
    answer: list[Opcode] = []
    for ai, bj, size in coded_blocks(sa, sb):
        tag = ""
        if i < ai and j < bj:
            tag = "replace"
        elif i < ai:
            tag = "delete"
        elif j < bj:
            tag = "insert"
        if tag:
            answer.append((tag, i, ai, j, bj))
        i, j = ai + size, bj + size
        if size:
            answer.append(("equal", ai, i, bj, j))
    return answer
