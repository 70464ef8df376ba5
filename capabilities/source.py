"""Where a capability reads the graph: the embedded store or any SPARQL 1.1 server.

Capabilities never open stores themselves; they are handed a :class:`GraphSource`. Indexes
a capability builds from the graph (citations, BM25, alignments) are cached per source
and per ``generation`` (the build they were read from), so a rebuild is picked up and
nothing stale is served.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from perwali.read import PREFIXES
from perwali.store import EMBEDDED, SparqlStore, StoreSpec, open_embedded, store_path

T = TypeVar("T")


class GraphSource(Protocol):
    """Read access to the dataset (default graph = union of the named graphs)."""

    #: identifies the build being read; changes when the graph is rebuilt
    generation: str

    def select(self, query: str) -> list[dict[str, str]]:
        """Rows of plain string values of a SELECT (the project prefixes predeclared)."""
        ...


class EmbeddedSource:
    """The pyoxigraph store of a build folder, opened read-only."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.store = open_embedded(self.data_dir)
        self.generation = _generation_of(self.data_dir)

    def select(self, query: str) -> list[dict[str, str]]:
        solutions = self.store.query(PREFIXES + query, use_default_graph_as_union=True)
        names = [variable.value for variable in solutions.variables]
        return [
            {name: row[name].value for name in names if row[name] is not None} for row in solutions
        ]


class RemoteSource:
    """Any SPARQL 1.1 server (``--store sparql:URL``)."""

    def __init__(self, spec: StoreSpec, timeout: float = 10.0):
        self.client = SparqlStore.from_spec(spec)
        self.timeout = timeout
        self.graphs = self.client.named_graphs(timeout=timeout)
        self.generation = f"sparql:{spec.location}:{len(self.graphs)}"

    def select(self, query: str) -> list[dict[str, str]]:
        _, body = self.client.query(
            PREFIXES + query,
            accept="application/sparql-results+json",
            default_graphs=self.graphs,
            timeout=self.timeout,
        )
        bindings = json.loads(body)["results"]["bindings"]
        return [{name: cell["value"] for name, cell in row.items()} for row in bindings]


def open_source(spec: StoreSpec) -> GraphSource:
    """The source a store spec names (see :func:`perwali.store.parse_store_spec`)."""
    if spec.kind == EMBEDDED:
        return EmbeddedSource(Path(spec.location))
    return RemoteSource(spec)


def _generation_of(data_dir: Path) -> str:
    path = store_path(data_dir)
    try:
        return f"{path.resolve()}:{path.stat().st_mtime_ns}"
    except OSError:
        return str(path)


_cache: dict[tuple[str, str], Any] = {}
_cache_lock = threading.Lock()


def is_cached(source: GraphSource, name: str) -> bool:
    """Whether :func:`cached` holds ``name`` for this source's generation (no work to do)."""
    with _cache_lock:
        return (source.generation, name) in _cache


def cached(source: GraphSource, name: str, build: Callable[[GraphSource], T]) -> T:
    """``build(source)``, computed once per source generation and ``name``."""
    key = (source.generation, name)
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    value = build(source)
    with _cache_lock:
        stale = [k for k in _cache if k[1] == name and k[0] != source.generation]
        for k in stale:
            del _cache[k]
        _cache[key] = value
    return value
