"""``perwali build``: corpus folder -> parsed regulations -> their meaning -> quads -> store.

A file that cannot be parsed is reported and skipped; the rest of the build goes on. The
store is replaced only once every quad is written.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from extract import vocab
from extract.metadata import load_metadata
from extract.model import Regulation
from extract.parse import ParseError, parse_file
from extract.semantic_rdf import semantic_quads
from extract.semantics import analyse
from extract.to_rdf import instrument_quads, regulation_quads
from perwali.store import PROJECT_ROOT, write_embedded

DEFAULT_CORPUS_DIR = PROJECT_ROOT / "corpus"
ONTOLOGY_FILE = PROJECT_ROOT / "ontology" / "perwali.ttl"
SHAPES_DIR = PROJECT_ROOT / "shapes"


@dataclass
class BuildReport:
    """What a build did: the regulations parsed, the files skipped and why, the size."""

    regulations: list[Regulation] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file name, message)
    quads: int = 0
    seconds: float = 0.0


def parse_corpus(corpus_dir: Path) -> tuple[list[Regulation], list[tuple[str, str]]]:
    """Parse every ``*.txt`` in ``corpus_dir`` (sorted by name); collect failures."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"folder korpus tidak ada: {corpus_dir}")
    overrides = load_metadata(corpus_dir)
    regulations: list[Regulation] = []
    failures: list[tuple[str, str]] = []
    owners: dict[str, str] = {}
    for path in sorted(corpus_dir.glob("*.txt")):
        try:
            regulation = parse_file(path, overrides.get(path.name))
        except ParseError as error:
            failures.append((path.name, str(error)))
            continue
        if regulation.id in owners:
            failures.append(
                (
                    path.name,
                    f"{path.name}: id {regulation.id} sudah dipakai oleh {owners[regulation.id]}",
                )
            )
            continue
        owners[regulation.id] = path.name
        regulations.append(regulation)
    return regulations, failures


def static_graph_quads() -> list[ox.Quad]:
    """The ontology and the SHACL shapes, each in its own named graph, when present."""
    quads: list[ox.Quad] = []
    sources = [(ONTOLOGY_FILE, vocab.ONTOLOGY_GRAPH)]
    sources += [(path, vocab.SHAPES_GRAPH) for path in sorted(SHAPES_DIR.glob("*.ttl"))]
    for path, graph in sources:
        if path.exists():
            graph_node = ox.NamedNode(graph)
            for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
                quads.append(ox.Quad(triple.subject, triple.predicate, triple.object, graph_node))
    return quads


def build(corpus_dir: Path, data_dir: Path) -> BuildReport:
    """Parse the corpus and replace the store in ``data_dir`` with its graph."""
    started = time.perf_counter()
    regulations, failures = parse_corpus(corpus_dir)
    if not regulations:
        raise ValueError(
            f"tidak ada peraturan yang dapat dibaca di {corpus_dir}; data lama tidak diubah"
            + "".join(f"\n  {name}: {message}" for name, message in failures)
        )
    quads: list[ox.Quad] = []
    for regulation in regulations:
        quads.extend(regulation_quads(regulation))
        found = analyse(regulation)
        quads.extend(
            semantic_quads(regulation, found.norms, found.references, found.roles, found.topics)
        )
    quads.extend(instrument_quads(regulations))
    quads.extend(static_graph_quads())
    count = write_embedded(data_dir, quads)
    return BuildReport(regulations, failures, count, time.perf_counter() - started)
