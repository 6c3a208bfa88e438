"""Stable clause references and article numbers: one rule for every document."""

from __future__ import annotations

from dataclasses import replace

from tests.demo_files import copy_demo
from workshop import snapshot
from workshop.references import article_numbers, parse_reference, reference
from workshop.session import Session


def _demo(tmp_path):
    session = Session.open_readonly(copy_demo(tmp_path / "d.charter", "fr"))
    try:
        return snapshot.load(session.conn)
    finally:
        session.close()


def test_reference_is_the_row_id_and_survives_reordering(tmp_path):
    snap = _demo(tmp_path)
    refs = {c.id: reference(c) for c in snap.clauses}
    assert all(ref == f"C{cid}" for cid, ref in refs.items())
    reordered = replace(snap, clauses=tuple(reversed(snap.clauses)))
    assert {c.id: reference(c) for c in reordered.clauses} == refs


def test_article_numbers_count_adopted_clauses_in_agenda_order(tmp_path):
    snap = _demo(tmp_path)
    numbers = article_numbers(snap)
    adopted = [c.id for c in snap.clauses if c.adopted]
    assert adopted and len(adopted) < len(snap.clauses)  # the demo rejects or postpones some
    assert list(numbers) == adopted
    assert list(numbers.values()) == list(range(1, len(adopted) + 1))
    assert not set(numbers) & {c.id for c in snap.clauses if not c.adopted}


def test_parse_reference_accepts_only_the_exact_shape():
    assert parse_reference("C7") == 7
    assert parse_reference(" C12 ") == 12
    for bad in ("C0", "c7", "C07", "C7a", "7", "C", "C1234567890", "Ｃ7", "C٧"):
        assert parse_reference(bad) is None, bad
