"""``perwali build``: corpus folder -> parsed regulations -> their meaning -> quads -> store.

One bad file never stops the build: a file that is not a regular file, is larger than
the size limit, cannot be parsed, or makes any later stage fail is reported (file and
problem, in Indonesian) and skipped; the rest is built. The build holds the data folder's
lock from start to end and publishes a new store generation only once every quad is
written (see :mod:`perwali.store`).

The write path, one pass: the corpus is parsed; forked workers analyse the regulations
(a large one in parts, :mod:`extract.semantic_pool`) while this process makes the
structure quads; each regulation's quads, once its analysis is back, stream into the
store's bulk loader and ``graph.nq`` (:func:`perwali.store.write_generation`), whose worker
threads write the store's files beside the rest of the build. Python's cyclic garbage
collector is paused meanwhile (see :func:`_collector_paused`).
"""

from __future__ import annotations

import contextlib
import gc
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from extract import vocab
from extract.metadata import METADATA_FILENAME, load_metadata
from extract.model import Regulation
from extract.parse import DEFAULT_MAX_FILE_BYTES, ParseError, parse_file, read_source
from extract.semantic_pool import Blobs, SemanticPool
from extract.to_rdf import instrument_quads, regulation_quads
from perwali.store import PROJECT_ROOT, Dump, build_lock, quad_lines, write_generation

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


def parse_corpus(
    corpus_dir: Path, max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
) -> tuple[list[Regulation], list[tuple[str, str]]]:
    """Parse every ``*.txt`` in ``corpus_dir`` (sorted by name); collect failures."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise FileNotFoundError(f"folder korpus tidak ada: {corpus_dir}")
    _check_metadata_file(corpus_dir / METADATA_FILENAME, max_file_bytes)
    overrides = load_metadata(corpus_dir)
    regulations: list[Regulation] = []
    failures: list[tuple[str, str]] = []
    owners: dict[str, str] = {}
    for path in sorted(corpus_dir.glob("*.txt")):
        try:
            regulation = parse_file(path, overrides.get(path.name), max_bytes=max_file_bytes)
        except ParseError as error:
            failures.append((path.name, str(error)))
            continue
        except Exception as error:  # one bad file never stops the build
            failures.append((path.name, failure_message(path.name, "diurai", error)))
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


def _check_metadata_file(path: Path, max_bytes: int) -> None:
    """The overrides apply to every file, so a metadata file that is not a small regular
    file (a FIFO would hang, /dev/zero fill memory) stops the build as bad input."""
    if os.path.lexists(path):
        try:
            read_source(path, max_bytes)
        except ParseError as error:
            raise ValueError(f"{error}; build dibatalkan, data lama tidak diubah") from error


def failure_message(file_name: str, stage: str, error: BaseException) -> str:
    """An Indonesian one-liner for an unexpected error while a file was ``stage``."""
    if isinstance(error, RecursionError):
        problem = "strukturnya bersarang terlalu dalam"
    elif isinstance(error, MemoryError):
        problem = "memori tidak cukup"
    else:
        problem = f"galat tak terduga {type(error).__name__}: {str(error)[:200]}"
    return f"{file_name}: tidak dapat {stage} ({problem})"


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


def build(
    corpus_dir: Path,
    data_dir: Path,
    *,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    wait: float | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> BuildReport:
    """Parse the corpus and make its graph the current store generation of ``data_dir``.

    Holds the data folder's build lock throughout (``wait`` and ``on_wait`` as in
    :func:`perwali.store.build_lock`; :class:`perwali.store.BuildLocked` past ``wait``).
    Raise ValueError, leaving the store as it was, when no file could be built.
    """
    with build_lock(data_dir, wait=wait, on_wait=on_wait), _collector_paused():
        started = time.perf_counter()
        parsed, failures = parse_corpus(corpus_dir, max_file_bytes)
        if not parsed:
            raise _nothing_built(corpus_dir, failures)
        failed: dict[int, Exception] = {}  # index in ``parsed`` -> why it was left out
        with SemanticPool(parsed) as pool:
            while True:
                feed = _Feed(parsed, pool, failed, corpus_dir, failures)
                try:
                    count = write_generation(data_dir, feed)
                    break
                except _Restart as restart:  # rare: write the store again without it
                    failed[restart.index] = restart.error
        failures.extend(_analysis_failures(parsed, failed))
        return BuildReport(feed.built, failures, count, time.perf_counter() - started)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the build (and its forked workers).

    A build allocates millions of objects that live to its end and frees almost none in
    reference cycles (a 1 MB build collects a few thousand objects), so every full
    collection re-scans them all for nothing: a fifth of the CPU time of a 1 MB build.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Restart(Exception):
    """A regulation failed after some of its quads went to the store."""

    def __init__(self, index: int, error: Exception):
        super().__init__(index, error)
        self.index, self.error = index, error


class _Feed:
    """The quads of the graph for :func:`perwali.store.write_generation`.

    The store gets each regulation's structure quads at once, then the semantic quads
    of each part as its worker finishes it, so the bulk loader starts early; ``graph.nq``
    gets every regulation whole, in corpus order, once all its parts are back: structure,
    then norms, references, role mentions and topic tags (the order of the in-process
    path), then the instruments, the ontology and the shapes. A regulation whose analysis
    fails raises :class:`_Restart` (its structure is already in the store), and the build
    writes the store again without it, from the results the pool keeps.
    """

    def __init__(
        self,
        parsed: list[Regulation],
        pool: SemanticPool,
        failed: dict[int, Exception],
        corpus_dir: Path,
        failures: list[tuple[str, str]],
    ):
        self.parsed, self.pool, self.failed = parsed, pool, failed
        self.corpus_dir, self.failures = corpus_dir, failures
        self.built: list[Regulation] = []

    def __call__(self, dump: Dump) -> Iterator[ox.Quad]:
        structure: dict[int, list[bytes]] = {}  # N-Quads lines of each regulation's structure
        for index, regulation in enumerate(self.parsed):
            if index in self.failed:
                continue
            try:
                quads = regulation_quads(regulation)
            except Exception as error:  # one bad file never stops the build
                self.failed[index] = error
                continue
            structure[index] = quad_lines(quads)
            yield from _drain(quads)
        yield from self._semantics(structure, dump)
        if not self.built:
            failures = self.failures + _analysis_failures(self.parsed, self.failed)
            raise _nothing_built(self.corpus_dir, failures)
        for quads in (list(instrument_quads(self.built)), static_graph_quads()):
            dump.write_quads(quads)
            yield from _drain(quads)

    def _semantics(self, structure: dict[int, list[bytes]], dump: Dump) -> Iterator[ox.Quad]:
        """The semantic quads, part by part as they come; each regulation to the dump
        once it is complete and every one before it is written."""
        order = sorted(structure)
        arrived: dict[int, dict[int, Blobs]] = {index: {} for index in order}
        for index, number, result in self.pool.results(order):
            if isinstance(result, Exception):
                raise _Restart(index, result)
            for blob in result:
                yield from ox.parse(blob, format=ox.RdfFormat.N_QUADS, lenient=True)
            arrived[index][number] = result
            while order and len(arrived[order[0]]) == self.pool.part_count(order[0]):
                done = order.pop(0)
                self._write(done, structure.pop(done), arrived.pop(done), dump)

    def _write(self, index: int, structure: list[bytes], parts: dict[int, Blobs], dump: Dump):
        dump.write_lines(structure)
        blobs = [parts[number] for number in sorted(parts)]
        for kind in range(len(blobs[0])):
            for blob in blobs:
                dump.write_lines(blob[kind].split(b"\n")[:-1])
        self.built.append(self.parsed[index])


def _drain(items: list[ox.Quad]) -> Iterator[ox.Quad]:
    """Yield the items of ``items`` in order, dropping each from the list as it goes (so
    each can be freed once its consumer is done with it)."""
    items.reverse()
    while items:
        yield items.pop()


def _analysis_failures(
    parsed: list[Regulation], failed: dict[int, Exception]
) -> list[tuple[str, str]]:
    """(file, message) of each regulation left out because its analysis failed."""
    names = [(parsed[index].source_file, error) for index, error in sorted(failed.items())]
    return [(name, failure_message(name, "dianalisis", error)) for name, error in names]


def _nothing_built(corpus_dir: Path, failures: list[tuple[str, str]]) -> ValueError:
    return ValueError(
        f"tidak ada peraturan yang dapat dibaca di {corpus_dir}; data lama tidak diubah"
        + "".join(f"\n  {name}: {message}" for name, message in failures)
    )
