"""The two ways a query is answered: the embedded store (through killable query processes)
or a SPARQL 1.1 server. Both take the same :class:`QueryJob` and return ``(media type,
body)``, apply the same time limit and result cap, and raise :class:`ApiError`.
"""

from __future__ import annotations

import itertools
import json
import logging
import threading
import time
from dataclasses import dataclass

import pyoxigraph as ox
from flask import after_this_request

from perwali.store import (
    EMBEDDED,
    RemoteError,
    RemoteTimeout,
    SparqlStore,
    StoreError,
    StoreSpec,
    store_path,
)
from server import results
from server.errors import ApiError
from server.executor import (
    ExecutorFailed,
    ExecutorPool,
    InWorkerRunner,
    QueryTimeout,
    exit_worker,
    too_large,
)
from server.guard import QueryFacts

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QueryJob:
    """A query that passed the guard, with the dataset the protocol asked for."""

    query: str
    facts: QueryFacts
    media_type: str
    default_graphs: tuple[str, ...] | None = None  # None: the protocol named no dataset
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Limits:
    timeout: float  # seconds per query
    max_results: int  # rows (SELECT) or triples (CONSTRUCT, DESCRIBE)
    max_response_bytes: int  # what we read from a SPARQL server


def timeout_error(limit: float) -> ApiError:
    return ApiError(
        503,
        "query-timeout",
        f"the query ran longer than the {limit:g} s limit of this endpoint and was stopped",
        headers={"Retry-After": "1"},
    )


class EmbeddedBackend:
    """The pyoxigraph store of a build, queried in :class:`ExecutorPool` processes."""

    def __init__(
        self,
        data_dir: str,
        limits: Limits,
        prefixes: dict,
        base_iri: str | None,
        *,
        pool_size: int = 1,
        sandbox: bool = True,
        memory_mb: int = 0,
        isolation: str = "process",
    ):
        path = store_path(data_dir)
        if not path.is_dir():
            raise StoreError(f"no graph in {data_dir}: run 'perwali build' first (or --store)")
        self.limits, self.prefixes, self.base_iri = limits, prefixes, base_iri
        if isolation == "worker":
            self.pool = InWorkerRunner(str(path), sandbox=sandbox)
        elif isolation == "process":
            self.pool = ExecutorPool(
                str(path), size=pool_size, sandbox=sandbox, memory_mb=memory_mb
            )
        else:
            raise StoreError(f"QUERY_ISOLATION must be 'process' or 'worker', not {isolation!r}")
        self._graphs: list[str] | None = None

    def start(self) -> None:
        self.pool.start()

    def graphs(self) -> list[str]:
        """The named graphs of the store (read once: the store is read-only)."""
        if self._graphs is None:
            self._graphs = self._run({"op": "graphs"})
        return self._graphs

    def execute(self, job: QueryJob) -> tuple[str, bytes]:
        return self._run(
            {
                "op": "query",
                "query": job.query,
                "prefixes": self.prefixes,
                "base_iri": self.base_iri,
                "union": not job.facts.has_dataset,
                "default_graphs": job.default_graphs,
                "named_graphs": job.named_graphs,
                "media_type": job.media_type,
                "max_results": self.limits.max_results,
            }
        )

    def _run(self, job: dict):
        try:
            reply = self.pool.run(job, self.limits.timeout)
        except QueryTimeout:
            if self.pool.exits_on_timeout:
                _exit_after_this_response()
            raise timeout_error(self.limits.timeout) from None
        except ExecutorFailed as error:
            log.error("query process failed: %s", error)
            raise ApiError(
                503, "store-unavailable", "the query could not be run; try again"
            ) from None
        if reply[0] == "error":
            _, status, code, message = reply
            raise ApiError(status, code, message)
        return reply[1]

    def close(self) -> None:
        self.pool.close()


def _exit_after_this_response() -> None:
    @after_this_request
    def _exit(response):
        response.call_on_close(exit_worker)
        return response


class SparqlBackend:
    """Any SPARQL 1.1 server. Its default graph is made the union of its named graphs by
    naming them all as ``default-graph-uri`` (portable: no server setting needed)."""

    GRAPH_CACHE_SECONDS = 30.0

    def __init__(self, spec: StoreSpec, limits: Limits, prefixes: dict, base_iri: str | None):
        self.store = SparqlStore.from_spec(spec)
        self.limits, self.prefixes, self.base_iri = limits, prefixes, base_iri
        self._graphs: tuple[float, list[str]] | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        pass

    def graphs(self) -> list[str]:
        with self._lock:
            cached = self._graphs
        if cached and time.monotonic() - cached[0] < self.GRAPH_CACHE_SECONDS:
            return cached[1]
        try:
            graphs = self.store.named_graphs(timeout=self.limits.timeout)
        except StoreError as error:
            raise _unavailable(error) from None
        with self._lock:
            self._graphs = (time.monotonic(), graphs)
        return graphs

    def _text(self, job: QueryJob) -> str:
        """The query with our predeclared prefixes and base, kept on its first line so the
        server's error positions still point at the client's lines."""
        head = [f"BASE <{self.base_iri}>"] if self.base_iri else []
        head += [
            f"PREFIX {p}: <{iri}>"
            for p, iri in self.prefixes.items()
            if p not in job.facts.prefixes
        ]
        return " ".join(head) + " " + job.query

    def execute(self, job: QueryJob) -> tuple[str, bytes]:
        if job.default_graphs is not None:
            default, named = job.default_graphs, job.named_graphs
        elif job.facts.has_dataset:
            default, named = (), ()
        else:
            default = named = tuple(self.graphs())
        graph_kind = job.facts.form in ("CONSTRUCT", "DESCRIBE")
        accept = "application/n-triples" if graph_kind else results.JSON
        try:
            media, body = self.store.query(
                self._text(job),
                accept=accept,
                default_graphs=default,
                named_graphs=named,
                timeout=self.limits.timeout,
                max_bytes=self.limits.max_response_bytes,
            )
        except RemoteTimeout:
            raise timeout_error(self.limits.timeout) from None
        except RemoteError as error:
            if error.status == 400:
                raise ApiError(
                    400, "malformed-query", f"malformed query: {error.message}"
                ) from None
            raise _unavailable(error) from None
        except StoreError as error:
            raise _unavailable(error) from None
        return self._rewrite(job, media, body)

    def _rewrite(self, job: QueryJob, media: str, body: bytes) -> tuple[str, bytes]:
        limit = self.limits.max_results
        if media == "application/n-triples":
            triples = list(
                itertools.islice(ox.parse(body, format=ox.RdfFormat.N_TRIPLES), limit + 1)
            )
            if len(triples) > limit:
                raise ApiError(422, "result-too-large", str(too_large(limit)))
            media_type = (
                job.media_type if job.media_type in results.GRAPH_FORMATS else results.TURTLE
            )
            return media_type, results.write_graph(triples, media_type, self.prefixes)
        doc = json.loads(body)
        if "boolean" in doc:
            media_type = (
                job.media_type if job.media_type in results.BOOLEAN_WRITERS else results.JSON
            )
            return media_type, results.BOOLEAN_WRITERS[media_type](doc["boolean"])
        rows = doc["results"]["bindings"]
        if len(rows) > limit:
            raise ApiError(422, "result-too-large", str(too_large(limit)))
        media_type = job.media_type if job.media_type in results.SOLUTION_WRITERS else results.JSON
        return media_type, results.SOLUTION_WRITERS[media_type](doc["head"]["vars"], rows)

    def close(self) -> None:
        pass


def _unavailable(error: Exception) -> ApiError:
    log.error("SPARQL server error: %s", error)
    return ApiError(502, "store-unavailable", "the SPARQL server behind this endpoint failed")


def open_backend(spec: StoreSpec, config) -> EmbeddedBackend | SparqlBackend:
    """The backend for ``spec``, with limits and settings from the Flask ``config``."""
    limits = Limits(
        timeout=float(config["QUERY_TIMEOUT"]),
        max_results=int(config["MAX_RESULTS"]),
        max_response_bytes=int(config["MAX_RESPONSE_BYTES"]),
    )
    prefixes, base = dict(config["PREFIXES"]), config["BASE_IRI"] or None
    if spec.kind == EMBEDDED:
        return EmbeddedBackend(
            spec.location,
            limits,
            prefixes,
            base,
            pool_size=int(config["EXECUTORS"]),
            sandbox=bool(config["SANDBOX"]),
            memory_mb=int(config["QUERY_MEMORY_MB"]),
            isolation=str(config["QUERY_ISOLATION"]),
        )
    return SparqlBackend(spec, limits, prefixes, base)
