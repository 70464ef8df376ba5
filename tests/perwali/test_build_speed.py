"""Guards for making the build faster (issue 7 item 7, build time).

The timings are in ``bench/build_sizes.py``. These tests pin what a faster build must
keep: the store holds exactly the quads of ``graph.nq``, blank node labels included (a store
loaded by parsing N-Quads gets fresh blank nodes from pyoxigraph's parser, which split a
blank node shared by two loads), and the dump keeps the first of duplicate quads, in order;
the semantic stage gives the same quads whether a regulation is analysed whole in the
build process or in parts by forked workers, and a worker that fails or dies costs only
its own file, or nothing.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from extract import semantic_pool
from extract.provisions import split
from extract.semantic_pool import SemanticPool
from extract.semantics import analyse
from perwali.build import DEFAULT_CORPUS_DIR, build
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


def canonical(quads: list[ox.Quad]) -> bytes:
    """N-Quads of ``quads`` in order, blank nodes renamed by first occurrence (their labels
    are random per run)."""
    names: dict[bytes, bytes] = {}

    def rename(match: re.Match) -> bytes:
        return names.setdefault(match[1], b"_:b%d" % len(names))

    return re.sub(rb"_:([0-9A-Za-z]+)", rename, ox.serialize(quads, format=ox.RdfFormat.N_QUADS))


def test_the_parts_of_a_regulation_give_the_analysis_of_the_whole(corpus):
    for regulation in corpus.values():
        whole = analyse(regulation)
        parts = split(regulation, 3)
        assert len(parts) == 3 and parts[0].first and parts[-1].last
        assert [part.start for part in parts[1:]] == [part.stop for part in parts[:-1]]
        found = [analyse(regulation, part) for part in parts]
        for kind in ("roles", "norms", "references", "topics"):
            joined = [item for result in found for item in getattr(result, kind)]
            assert joined == getattr(whole, kind), (regulation.id, kind)
            assert joined, (regulation.id, kind)


def test_forked_workers_give_the_quads_of_the_build_process(corpus, monkeypatch):
    monkeypatch.setattr(semantic_pool, "SPLIT_CHARS", 0)  # every regulation in parts
    regulations = list(corpus.values())
    with SemanticPool(regulations, workers=1) as alone:
        expected = [alone.semantic_quads(i) for i in range(len(regulations))]
    ox.BlankNode()  # pyoxigraph's own label generator, now started, is inherited by a fork
    with SemanticPool(regulations, workers=2) as pool:
        assert pool._futures  # the work really went to the workers
        got = [pool.semantic_quads(i) for i in range(len(regulations))]
    assert [canonical(quads) for quads in got] == [canonical(quads) for quads in expected]
    # no two workers (or parts) drew the same blank node label: none merged across them
    assert canonical([q for quads in got for q in quads]) == canonical(
        [q for quads in expected for q in quads]
    )
    assert all(len(quads) > 1000 for quads in got)


@pytest.fixture
def two_files(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("padang-panjang-48-2024.txt", "palu-28-2023.txt", "metadata.toml"):
        shutil.copy(DEFAULT_CORPUS_DIR / name, folder / name)
    return folder


def test_a_failure_in_a_worker_skips_only_its_file(two_files, tmp_path, monkeypatch):
    monkeypatch.setenv(semantic_pool.WORKERS_VARIABLE, "2")
    real = semantic_pool.analyse

    def failing(regulation, part=None):
        if regulation.id == "palu-28-2023":
            raise RecursionError("deep")
        return real(regulation, part)

    monkeypatch.setattr(semantic_pool, "analyse", failing)  # the forked workers inherit it
    report = build(two_files, tmp_path / "data")
    assert [r.id for r in report.regulations] == ["padang-panjang-48-2024"]
    assert report.failures == [
        (
            "palu-28-2023.txt",
            "palu-28-2023.txt: tidak dapat dianalisis (strukturnya bersarang terlalu dalam)",
        )
    ]


def test_a_dead_worker_costs_nothing(two_files, tmp_path, monkeypatch):
    monkeypatch.setenv(semantic_pool.WORKERS_VARIABLE, "1")
    alone = build(two_files, tmp_path / "alone")
    monkeypatch.setenv(semantic_pool.WORKERS_VARIABLE, "2")
    real, parent = semantic_pool.analyse, os.getpid()

    def dying(regulation, part=None):
        if os.getpid() != parent:
            os._exit(1)  # a worker killed (out of memory, a signal): the pool breaks
        return real(regulation, part)

    monkeypatch.setattr(semantic_pool, "analyse", dying)
    report = build(two_files, tmp_path / "data")
    assert not report.failures
    assert [r.id for r in report.regulations] == [r.id for r in alone.regulations]
    assert report.quads == alone.quads
    dumped = canonical(dump_quads(tmp_path / "data"))
    assert dumped == canonical(dump_quads(tmp_path / "alone"))


def test_a_build_whose_every_analysis_fails_changes_nothing(two_files, tmp_path, monkeypatch):
    monkeypatch.setenv(semantic_pool.WORKERS_VARIABLE, "2")

    def failing(regulation, part=None):
        raise MemoryError

    monkeypatch.setattr(semantic_pool, "analyse", failing)
    with pytest.raises(ValueError) as raised:
        build(two_files, tmp_path / "data")
    message = str(raised.value)
    assert "data lama tidak diubah" in message
    assert "palu-28-2023.txt: tidak dapat dianalisis (memori tidak cukup)" in message
    assert not (tmp_path / "data" / "store").exists()
