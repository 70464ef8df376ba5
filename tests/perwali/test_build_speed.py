"""Guards for making the build's write path faster (issue 7 item 7, build time).

The timings are in ``bench/build_sizes.py``. These tests pin what a faster write path must
keep: the store holds exactly the quads of ``graph.nq``, blank node labels included (a store
loaded by parsing N-Quads gets fresh blank nodes from pyoxigraph's parser, which split a
blank node shared by two loads), and the dump keeps the first of duplicate quads, in order.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from perwali.store import open_embedded, write_embedded

GRAPH = ox.NamedNode("https://example.org/g")
PREDICATE = ox.NamedNode("https://example.org/p")


def quad(n: int) -> ox.Quad:
    subject = ox.NamedNode(f"https://example.org/s/{n}")
    return ox.Quad(subject, PREDICATE, ox.Literal(str(n)), GRAPH)


def dump_quads(data: Path) -> list[ox.Quad]:
    return list(ox.parse(path=str(data / "graph.nq"), format=ox.RdfFormat.N_QUADS))


def test_duplicates_are_dropped_first_one_kept_in_order(tmp_path):
    quads = [quad(n) for n in range(40, 120)] + [quad(n) for n in range(50)]
    assert write_embedded(tmp_path, quads) == 120
    assert dump_quads(tmp_path) == [quad(n) for n in range(40, 120)] + [quad(n) for n in range(40)]
    assert set(open_embedded(tmp_path)) == set(quads)


def test_blank_nodes_keep_their_labels_in_the_store(tmp_path):
    blank = ox.BlankNode("e4b457221e69c14e842fbc7184496da3")
    quads = [
        ox.Quad(ox.NamedNode("https://example.org/s"), PREDICATE, blank, GRAPH),
        ox.Quad(blank, PREDICATE, ox.Literal("warning"), GRAPH),
    ]
    write_embedded(tmp_path, quads)
    assert set(open_embedded(tmp_path)) == set(quads)


def test_the_store_of_a_real_build_is_exactly_its_dump(built_data):
    stored = {str(q) for q in open_embedded(built_data)}
    dumped = [str(q) for q in dump_quads(built_data)]
    assert len(dumped) > 30_000
    assert any(text.startswith("_:") for text in dumped)  # blank nodes are compared too
    assert stored == set(dumped)
    assert len(stored) == len(dumped)
