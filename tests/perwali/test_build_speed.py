"""The build's write path (issue 7 item 7, build time): the store is loaded in the background
while the meaning of each regulation is extracted, and still holds exactly the dump.

The timings themselves are in ``bench/build_sizes.py``; these tests pin the correctness of
loading ahead: a regulation whose analysis fails leaves nothing behind, duplicates are
dropped, a failed staging leaves the current generation alone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

import perwali.build as build_module
from perwali.build import DEFAULT_CORPUS_DIR, build
from perwali.store import open_embedded, staged_generation, store_path

GRAPH = ox.NamedNode("https://example.org/g")
SMALL = ("padang-panjang-48-2024.txt", "palu-28-2023.txt")


def quad(n: int) -> ox.Quad:
    subject = ox.NamedNode(f"https://example.org/s/{n}")
    return ox.Quad(subject, ox.NamedNode("https://example.org/p"), ox.Literal(str(n)), GRAPH)


def store_quads(data: Path) -> set[ox.Quad]:
    return set(open_embedded(data))


def dump_quads(data: Path) -> list[ox.Quad]:
    return list(ox.parse(path=str(data / "graph.nq"), format=ox.RdfFormat.N_QUADS))


def test_loaded_ahead_and_added_quads_are_the_store_and_the_dump(tmp_path):
    with staged_generation(tmp_path) as writer:
        ahead = [quad(n) for n in range(50)]
        writer.load_ahead(ahead)
        writer.add([quad(n) for n in range(40, 120)])
        writer.add(ahead, loaded=True)
    expected = [quad(n) for n in range(40, 120)] + [quad(n) for n in range(40)]
    assert writer.count == 120
    assert dump_quads(tmp_path) == expected  # first occurrence kept, in order
    assert store_quads(tmp_path) == set(expected)


def test_discarded_quads_never_reach_the_store(tmp_path):
    with staged_generation(tmp_path) as writer:
        writer.load_ahead([quad(n) for n in range(100, 110)])
        writer.discard()
        writer.add([quad(n) for n in range(5)])
    assert store_quads(tmp_path) == {quad(n) for n in range(5)}
    assert dump_quads(tmp_path) == [quad(n) for n in range(5)]


def test_a_failure_while_staging_keeps_the_current_generation(tmp_path):
    with staged_generation(tmp_path) as writer:
        writer.add([quad(1)])
    before = store_path(tmp_path).resolve()
    with pytest.raises(RuntimeError), staged_generation(tmp_path) as writer:
        writer.load_ahead([quad(2)])
        raise RuntimeError("analysis broke")
    assert store_path(tmp_path).resolve() == before
    assert store_quads(tmp_path) == {quad(1)}
    staging = [p for p in (tmp_path / "generations").iterdir() if p.name.endswith(".partial")]
    assert staging == []


def test_a_regulation_whose_analysis_fails_leaves_no_quads(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in SMALL:
        shutil.copy(DEFAULT_CORPUS_DIR / name, corpus / name)
    real = build_module.regulation_meaning

    def failing_for_palu(regulation):
        if regulation.source_file.startswith("palu"):
            raise RuntimeError("spaCy broke")
        return real(regulation)

    monkeypatch.setattr(build_module, "regulation_meaning", failing_for_palu)
    report = build(corpus, tmp_path / "data")
    assert [name for name, _ in report.failures] == ["palu-28-2023.txt"]
    assert [r.source_file for r in report.regulations] == ["padang-panjang-48-2024.txt"]
    stored = store_quads(tmp_path / "data")
    dumped = dump_quads(tmp_path / "data")
    assert len(stored) == len(dumped) == report.quads
    assert {str(q) for q in stored if not _blank(q)} == {str(q) for q in dumped if not _blank(q)}
    assert not any("/id-palu/" in str(q.graph_name) for q in stored)


def _blank(q: ox.Quad) -> bool:
    return isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode)


def test_the_store_of_a_real_build_is_its_dump(built_data):
    stored = store_quads(built_data)
    dumped = dump_quads(built_data)
    assert len(stored) == len(dumped) > 30_000
    assert {str(q) for q in stored if not _blank(q)} == {str(q) for q in dumped if not _blank(q)}
