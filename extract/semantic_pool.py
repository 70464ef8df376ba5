"""The semantic stage of a build in worker processes, beside the rest of the build.

``perwali build`` parses the corpus, then opens a :class:`SemanticPool` over the parsed
regulations: forked worker processes (they inherit the regulations and the spaCy
pipelines, loaded once before the fork) run :func:`extract.semantics.analyse` and
:func:`extract.semantic_rdf.semantic_quads`, a regulation at a time or, for a large one,
a :class:`~extract.provisions.Part` of it (about :data:`PART_CHARS`) at a time, and send
back the quads as N-Quads. Meanwhile the build process makes the structure quads and
loads the store (:mod:`perwali.build`). The quads are those of the in-process path, in
the same order: norms, references, role mentions, topic tags, each kind over the parts in
document order; N-Quads are read back without renaming blank nodes, and blank node labels
come from the operating system's randomness (:func:`extract.to_rdf.blank_node`), never
from a generator state the forked processes would share.

One worker (``PERWALI_BUILD_WORKERS=1``, a machine with one core, no ``fork``) means no
process at all: everything runs in the build process, as before. If a worker dies (the
pool breaks), the parts not yet back are analysed in the build process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import Final

import pyoxigraph as ox

from extract.model import Regulation
from extract.nlp import get_nlp
from extract.provisions import Part, split
from extract.refs_find import reference_pipeline
from extract.semantic_rdf import semantic_quads
from extract.semantics import analyse

#: A regulation with at least this many characters of text is analysed in parts, at
#: least one per worker (below it, the regulations themselves keep the workers busy) ...
SPLIT_CHARS: Final = 256 * 1024
#: ... and parts of at most about this many characters, so that the first come back (and
#: go to the store's loader) early.
PART_CHARS: Final = 1024 * 1024
#: Workers at most, whatever the number of cores.
MAX_WORKERS: Final = 4
WORKERS_VARIABLE: Final = "PERWALI_BUILD_WORKERS"

Blobs = tuple[bytes, bytes, bytes, bytes]  # N-Quads of norms, references, roles, topics

# The regulations of the build whose workers are being forked (they read them from the
# memory they inherit, so no regulation is ever pickled); empty otherwise.
_regulations: list[Regulation] = []
_fork_lock = threading.Lock()


def default_workers() -> int:
    """``PERWALI_BUILD_WORKERS`` if set, else the cores this process may use (at most
    :data:`MAX_WORKERS`); 1 where ``fork`` is not available."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    configured = os.environ.get(WORKERS_VARIABLE, "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    affinity = getattr(os, "sched_getaffinity", None)  # Linux; elsewhere all the cores
    cores = len(affinity(0)) if affinity else (os.cpu_count() or 1)
    return max(1, min(cores, MAX_WORKERS))


def part_count(size: int, workers: int) -> int:
    """How many parts to analyse a regulation of ``size`` characters in."""
    if size < SPLIT_CHARS:
        return 1
    return max(workers, -(-size // PART_CHARS))


def part_quads(regulation: Regulation, part: Part | None = None) -> Blobs:
    """The semantic quads of ``regulation`` (or of ``part`` of it), one N-Quads text per
    kind: norms, references, role mentions, topic tags."""
    found = analyse(regulation, part)
    kinds = (
        semantic_quads(regulation, norms=found.norms),
        semantic_quads(regulation, references=found.references),
        semantic_quads(regulation, roles=found.roles),
        semantic_quads(regulation, topics=found.topics),
    )
    return tuple(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) for quads in kinds)  # type: ignore[return-value]


def _worker_task(index: int, part: Part) -> Blobs:
    return part_quads(_regulations[index], part)


def _read(blobs: list[Blobs]) -> list[ox.Quad]:
    """The quads of the parts of one regulation, kind by kind, parts in order."""
    return [
        quad
        for kind in range(len(blobs[0]))
        for blob in blobs
        for quad in ox.parse(blob[kind], format=ox.RdfFormat.N_QUADS, lenient=True)
    ]


class SemanticPool:
    """Semantic quads of each of ``regulations``, computed ahead in worker processes.

    Use as a context manager. :meth:`results` gives each part's quads as it comes back;
    :meth:`semantic_quads` a whole regulation's. Results are kept, so asking again (a
    build writing its store again) costs nothing.
    """

    def __init__(self, regulations: list[Regulation], workers: int | None = None):
        self.regulations = regulations
        self.workers = default_workers() if workers is None else workers
        self._executor: ProcessPoolExecutor | None = None
        self._parts: dict[int, list[Part | None]] = {}
        self._futures: dict[tuple[int, int], Future[Blobs]] = {}
        self._done: dict[tuple[int, int], Blobs | Exception] = {}

    def __enter__(self) -> SemanticPool:
        if self.workers > 1:
            self._start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            failed = exc_info[0] is not None
            if failed:  # the build is being abandoned: do not wait for work nobody reads
                for process in list(getattr(executor, "_processes", {}).values()):
                    process.terminate()
            executor.shutdown(wait=True, cancel_futures=failed)
        self._futures.clear()

    def _start(self) -> None:
        global _regulations
        get_nlp(), reference_pipeline()  # loaded once, before the fork, for every worker
        context = multiprocessing.get_context("fork")
        with _fork_lock:  # every worker forks at the first submit, seeing these regulations
            _regulations = list(self.regulations)
            self._executor = ProcessPoolExecutor(self.workers, mp_context=context)
            self._submit()
            _regulations = []

    def _submit(self) -> None:
        assert self._executor is not None
        for index, regulation in enumerate(self.regulations):
            size = sum(len(unit.text) for unit in regulation.units())
            parts = split(regulation, part_count(size, self.workers))
            self._parts[index] = list(parts)
            for number, part in enumerate(parts):
                future = self._executor.submit(_worker_task, index, part)
                self._futures[index, number] = future

    def part_count(self, index: int) -> int:
        """How many parts ``regulations[index]`` is analysed in."""
        return len(self._parts.get(index, [None]))

    def results(self, indices: list[int]) -> Iterator[tuple[int, int, Blobs | Exception]]:
        """``(regulation index, part number, result)`` for every part of the regulations
        at ``indices``, in the order the workers finish them (in order without workers).
        The result is the part's N-Quads per kind (see :func:`part_quads`), or the
        exception its analysis raised."""
        keys = [(index, number) for index in indices for number in range(self.part_count(index))]
        waiting = {self._futures[key]: key for key in keys if key in self._futures}
        ready = [key for key in keys if key not in self._futures or self._futures[key].done()]
        for key in ready:
            yield (*key, self._result(key))
        for future in as_completed([f for f, key in waiting.items() if key not in ready]):
            key = waiting[future]
            yield (*key, self._result(key))

    def _result(self, key: tuple[int, int]) -> Blobs | Exception:
        if key not in self._done:
            self._done[key] = self._compute(key)
        return self._done[key]

    def _compute(self, key: tuple[int, int]) -> Blobs | Exception:
        index, number = key
        future = self._futures.get(key)
        try:
            if future is not None:
                try:
                    return future.result()
                except BrokenProcessPool:
                    pass  # a worker died: analyse here
            part = self._parts[index][number] if index in self._parts else None
            return part_quads(self.regulations[index], part)
        except Exception as error:  # reported by the caller; one file never stops a build
            return error

    def semantic_quads(self, index: int) -> list[ox.Quad]:
        """The semantic quads of ``regulations[index]``, as
        :func:`extract.semantic_rdf.semantic_quads` gives them; raise what its analysis
        raised."""
        found = sorted(self.results([index]))
        for _, _, result in found:
            if isinstance(result, Exception):
                raise result
        return _read([result for _, _, result in found])  # type: ignore[misc]
