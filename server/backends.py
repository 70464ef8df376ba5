"""The two ways a query is answered: the embedded store (through killable query processes)
or a SPARQL 1.1 server. Both take the same :class:`QueryJob` and return ``(media type,
body)``, apply the same time limit and result cap, and raise :class:`ApiError`.
"""

from __future__ import annotations

import itertools
import json
import logging
import math
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from perwali import store as store_module
from perwali.store import (
    EMBEDDED,
    STORE_DIRNAME,
    RemoteError,
    RemoteTimeout,
    RemoteTooLarge,
    SparqlStore,
    StoreError,
    StoreSpec,
    store_path,
)
from server import results
from server.errors import ApiError
from server.executor import (
    ChildSettings,
    ExecutorFailed,
    ExecutorPool,
    PoolBusy,
    QueryTimeout,
    response_too_large,
    too_large,
)
from server.guard import QueryFacts
from server.messages import register_messages

log = logging.getLogger(__name__)

register_messages(
    {
        "response-too-large": (
            "Jawaban kueri melampaui batas ukuran endpoint ini; tidak ada yang dipotong: "
            "pilih nilai yang lebih sedikit atau lebih pendek, atau gunakan LIMIT dan OFFSET. "
            "Rincian: {detail}"
        ),
        "query-memory": (
            "Kueri memerlukan memori melebihi batas endpoint ini dan dihentikan. Rincian: {detail}"
        ),
        "server-busy": (
            "Terlalu banyak kueri panjang sedang berjalan; coba lagi nanti "
            "(lihat Retry-After). Rincian: {detail}"
        ),
    }
)


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
    timeout: float  # seconds per query, from the request's arrival to the last byte written
    max_results: int  # rows (SELECT) or triples (CONSTRUCT, DESCRIBE)
    max_response_bytes: int  # bytes of an answer (and of what we read from a SPARQL server)


def timeout_error(limit: float) -> ApiError:
    return ApiError(
        503,
        "query-timeout",
        f"the query ran longer than the {limit:g} s limit of this endpoint and was stopped",
        headers={"Retry-After": "1"},
    )


def _remaining(deadline: float | None, limits: Limits) -> float:
    if deadline is None:
        return limits.timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise timeout_error(limits.timeout)
    return left


def current_generation(data_dir: str | Path) -> Path | None:
    """The generation folder the data dir's ``store`` link points at now, or None for a
    data dir written before generations (its ``store`` is a plain folder)."""
    path = store_path(Path(data_dir))
    if path.is_dir() and not path.is_symlink():
        return None
    return Path(store_module.current_generation(Path(data_dir)))


def store_folder(data_dir: str | Path, generation: str | Path | None) -> Path:
    """The store to open: the one of ``generation``, else the data dir's plain store."""
    if generation:
        return Path(generation) / STORE_DIRNAME
    return store_path(Path(data_dir))


@dataclass(frozen=True)
class PoolSettings:
    """How the query processes of one web worker are run (settings of ``server/app.py``)."""

    size: int = 8
    warm: int = 2
    long_after: float = 0.1
    long_slots: int = 4
    long_per_client: int = 2
    sandbox: bool = True
    memory_mb: int = 1024


class EmbeddedBackend:
    """The pyoxigraph store of a build, queried in :class:`ExecutorPool` processes.

    It opens one generation of the store (``generation``, else the data dir's current one)
    and keeps it: query processes started later, after a rebuild, open the same folder
    (``perwali serve`` pins it, so that no build prunes it meanwhile).
    """

    def __init__(
        self,
        data_dir: str,
        limits: Limits,
        prefixes: dict,
        base_iri: str | None,
        *,
        pool: PoolSettings | None = None,
        generation: str | None = None,
    ):
        if generation is None and store_path(Path(data_dir)).is_symlink():
            generation = current_generation(data_dir)
        folder = store_folder(data_dir, generation)
        if not folder.is_dir():
            raise StoreError(f"no graph in {data_dir}: run 'perwali build' first (or --store)")
        self.generation = folder
        self.limits, self.prefixes, self.base_iri = limits, prefixes, base_iri
        pool = pool or PoolSettings()
        child = ChildSettings(
            store_dir=str(folder),
            sandbox=pool.sandbox,
            memory_mb=pool.memory_mb,
            prefixes=tuple(prefixes.items()),
            base_iri=base_iri,
            max_results=limits.max_results,
            max_bytes=limits.max_response_bytes,
        )
        self.pool = ExecutorPool(
            child,
            size=pool.size,
            warm=pool.warm,
            long_after=pool.long_after,
            long_slots=pool.long_slots,
            long_per_client=pool.long_per_client,
        )
        self._graphs: list[str] | None = None

    def start(self) -> None:
        self.pool.start()

    def graphs(self) -> list[str]:
        """The named graphs of the store (read once: the store is read-only)."""
        if self._graphs is None:
            self._graphs = self._run({"op": "graphs"}, None, "")
        return self._graphs

    def execute(
        self, job: QueryJob, deadline: float | None = None, client: str = ""
    ) -> tuple[str, bytes]:
        """Answer ``job`` by ``deadline`` (``time.monotonic()``; default: the limit from
        now); ``client`` (its address) bounds the long queries one client may run."""
        request = {
            "op": "query",
            "query": job.query,
            "union": not job.facts.has_dataset,
            "default_graphs": job.default_graphs,
            "named_graphs": job.named_graphs,
            "media_type": job.media_type,
        }
        return self._run(request, deadline, client)

    def _run(self, job: dict, deadline: float | None, client: str):
        try:
            reply = self.pool.run(job, _remaining(deadline, self.limits), client)
        except QueryTimeout:
            raise timeout_error(self.limits.timeout) from None
        except PoolBusy as error:
            raise busy_error(str(error), self.limits.timeout) from None
        except ExecutorFailed as error:
            if error.out_of_memory:
                raise ApiError(
                    503,
                    "query-memory",
                    "the query needed more memory than this endpoint allows and was stopped",
                ) from None
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


def busy_error(reason: str, limit: float) -> ApiError:
    return ApiError(
        503,
        "server-busy",
        f"too many long queries are running ({reason}); try again later",
        headers={"Retry-After": str(max(1, math.ceil(limit)))},
    )


#: How much larger than our answer a SPARQL server's may be (its JSON names every term's
#: type; N-Triples repeats subjects): what we read is capped at this times our cap.
REMOTE_OVERHEAD = 4


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

    def execute(
        self, job: QueryJob, deadline: float | None = None, client: str = ""
    ) -> tuple[str, bytes]:
        """Answer ``job`` by ``deadline``; the SPARQL server must stop its own work (give it
        a time limit): past ours we stop waiting. ``client`` is unused here."""
        if job.default_graphs is not None:
            default, named = job.default_graphs, job.named_graphs
        elif job.facts.has_dataset:
            default, named = (), ()
        else:
            default = named = tuple(self.graphs())
        graph_kind = job.facts.form in ("CONSTRUCT", "DESCRIBE")
        accept = "application/n-triples" if graph_kind else results.JSON
        cap = self.limits.max_response_bytes
        try:
            media, body = self.store.query(
                self._text(job),
                accept=accept,
                default_graphs=default,
                named_graphs=named,
                timeout=_remaining(deadline, self.limits),
                max_bytes=cap * REMOTE_OVERHEAD if cap else None,
            )
        except RemoteTimeout:
            raise timeout_error(self.limits.timeout) from None
        except RemoteError as error:
            if error.status == 400:
                raise ApiError(
                    400, "malformed-query", f"malformed query: {error.message}"
                ) from None
            raise _unavailable(error) from None
        except RemoteTooLarge:
            raise ApiError(422, "response-too-large", str(response_too_large(cap))) from None
        except StoreError as error:
            raise _unavailable(error) from None
        media_type, answer = self._rewrite(job, media, body)
        if cap and len(answer) > cap:
            raise ApiError(422, "response-too-large", str(response_too_large(cap)))
        if deadline is not None and time.monotonic() > deadline:
            raise timeout_error(self.limits.timeout)
        return media_type, answer

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
    if spec.kind != EMBEDDED:
        return SparqlBackend(spec, limits, prefixes, base)
    pool = PoolSettings(
        size=int(config["EXECUTORS"]),
        warm=int(config["WARM_EXECUTORS"]),
        long_after=float(config["LONG_QUERY_SECONDS"]),
        long_slots=int(config["LONG_QUERIES"]),
        long_per_client=int(config["LONG_QUERIES_PER_CLIENT"]),
        sandbox=bool(config["SANDBOX"]),
        memory_mb=int(config["QUERY_MEMORY_MB"]),
    )
    generation = config.get("GENERATION") or None
    return EmbeddedBackend(spec.location, limits, prefixes, base, pool=pool, generation=generation)
