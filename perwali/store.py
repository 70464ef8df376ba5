"""Where the graph lives: the embedded pyoxigraph store in the data folder, or a SPARQL server.

A build writes the whole dataset into a fresh store beside the old one and swaps it in
only when everything is written, so a failed build never leaves a half-written store and
never alters the one that was there.

A deployment that outgrows one process keeps the graph in any SPARQL 1.1 server instead
(``--store sparql:http://HOST:PORT/query``): :func:`load_into` loads it through the Graph
Store Protocol and :class:`SparqlStore` queries it.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pyoxigraph as ox
import requests

from extract.vocab import BASE

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_ROOT / "data"
STORE_DIRNAME = "store"
DUMP_FILENAME = "graph.nq"


class StoreError(RuntimeError):
    """The store is missing or cannot be opened."""


def store_path(data_dir: Path) -> Path:
    return Path(data_dir) / STORE_DIRNAME


def open_embedded(data_dir: Path, *, read_only: bool = True) -> ox.Store:
    """Open the embedded store of a build; raise :class:`StoreError` if there is none."""
    path = store_path(data_dir)
    if not path.is_dir():
        raise StoreError(f"no graph in {data_dir}: run 'perwali build' first (or pass --data DIR)")
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as error:
        raise StoreError(f"cannot open the store in {path}: {error}") from error


def write_embedded(data_dir: Path, quads: Iterable[ox.Quad]) -> int:
    """Replace the store of ``data_dir`` with ``quads``; return how many were written.

    Also dumps the dataset as N-Quads (``graph.nq``) for other tools.
    """
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    fresh = data_dir / (STORE_DIRNAME + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    store = ox.Store(str(fresh))
    store.bulk_extend(quads)
    store.flush()
    count = len(store)
    dump_tmp = data_dir / (DUMP_FILENAME + ".new")
    store.dump(str(dump_tmp), ox.RdfFormat.N_QUADS)
    del store  # release the RocksDB lock before the swap
    old = data_dir / (STORE_DIRNAME + ".old")
    shutil.rmtree(old, ignore_errors=True)
    target = store_path(data_dir)
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    dump_tmp.replace(data_dir / DUMP_FILENAME)
    shutil.rmtree(old, ignore_errors=True)
    return count


# --- store specifications and the external (SPARQL 1.1) backend ------------------------

EMBEDDED = "embedded"
SPARQL = "sparql"


@dataclass(frozen=True)
class StoreSpec:
    """Where the graph is: ``embedded`` (a pyoxigraph store in a data dir) or ``sparql``.

    >>> parse_store_spec("sparql:http://127.0.0.1:7878/query").gsp_url
    'http://127.0.0.1:7878/store'
    """

    kind: str  # EMBEDDED or SPARQL
    location: str  # the data dir (embedded) or the query endpoint URL (sparql)
    gsp_url: str | None = None  # Graph Store Protocol endpoint (sparql only)

    def __str__(self) -> str:
        return f"{self.kind}:{self.location}"


def parse_store_spec(
    spec: str | None, *, data_dir: Path | None = None, gsp_url: str | None = None
) -> StoreSpec:
    """Read a ``--store`` value: ``embedded``, ``embedded:DIR``, ``DIR`` or ``sparql:URL``.

    For ``sparql:URL`` the Graph Store Protocol endpoint defaults to the sibling ``store``
    of the query URL (the layout of the ``oxigraph`` server: ``/query`` and ``/store``);
    pass ``gsp_url`` for other servers (Fuseki: ``http://HOST:3030/DATASET/data``).
    """
    text = (spec or EMBEDDED).strip()
    if text.startswith(SPARQL + ":"):
        url = text[len(SPARQL) + 1 :]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise StoreError(f"--store {text!r}: expected sparql:http://HOST:PORT/PATH")
        return StoreSpec(SPARQL, url, gsp_url or urljoin(url, "store"))
    if text == EMBEDDED:
        return StoreSpec(EMBEDDED, str(Path(data_dir or DEFAULT_DATA_DIR)))
    if text.startswith(EMBEDDED + ":"):
        text = text[len(EMBEDDED) + 1 :]
    if "://" in text:
        raise StoreError(f"--store {text!r}: use sparql:URL for a SPARQL server")
    return StoreSpec(EMBEDDED, str(Path(text)))


class RemoteError(StoreError):
    """The SPARQL server answered with an error status."""

    def __init__(self, status: int, message: str):
        super().__init__(f"SPARQL server answered {status}: {message}")
        self.status = status
        self.message = message


class RemoteTimeout(StoreError):
    """The SPARQL server did not answer within the time limit."""


class SparqlStore:
    """Any SPARQL 1.1 server: queries via its query endpoint, loading via its Graph Store.

    The client never follows redirects and keeps one HTTP session per thread.
    """

    def __init__(self, query_url: str, gsp_url: str | None = None):
        self.query_url = query_url
        self.gsp_url = gsp_url or urljoin(query_url, "store")
        self._local = threading.local()

    @classmethod
    def from_spec(cls, spec: StoreSpec) -> SparqlStore:
        return cls(spec.location, spec.gsp_url)

    @property
    def session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
            session.trust_env = False  # no proxies from the environment
            session.max_redirects = 0
        return session

    def query(
        self,
        sparql: str,
        *,
        accept: str,
        default_graphs: Iterable[str] = (),
        named_graphs: Iterable[str] = (),
        timeout: float | None = None,
        max_bytes: int | None = None,
    ) -> tuple[str, bytes]:
        """POST ``sparql`` (form-encoded); return the media type and body of the answer.

        Raise :class:`RemoteTimeout` past ``timeout`` seconds, :class:`RemoteError` for an
        error status, and :class:`StoreError` when the answer exceeds ``max_bytes``.
        """
        form = [("query", sparql)]
        form += [("default-graph-uri", g) for g in default_graphs]
        form += [("named-graph-uri", g) for g in named_graphs]
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            with self.session.post(
                self.query_url,
                data=form,
                headers={"Accept": accept},
                timeout=timeout,
                stream=True,
                allow_redirects=False,
            ) as response:
                body = _read_capped(response, max_bytes, deadline)
        except requests.Timeout as error:
            raise RemoteTimeout(f"no answer from {self.query_url} in {timeout} s") from error
        except requests.RequestException as error:
            raise StoreError(f"cannot reach the SPARQL server {self.query_url}: {error}") from error
        if response.status_code >= 300:
            raise RemoteError(response.status_code, body.decode("utf-8", "replace")[:2000])
        media_type = response.headers.get("Content-Type", "").split(";")[0].strip()
        return media_type, body

    def named_graphs(self, timeout: float = 30) -> list[str]:
        """The IRIs of the server's named graphs, sorted."""
        _, body = self.query(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }",
            accept="application/sparql-results+json",
            timeout=timeout,
        )
        rows = json.loads(body)["results"]["bindings"]
        return sorted(row["g"]["value"] for row in rows if row["g"]["type"] == "uri")

    def put_graph(self, graph: str, ntriples: bytes, timeout: float = 300) -> None:
        """Replace the named graph ``graph`` with the N-Triples ``ntriples`` (GSP PUT)."""
        self._gsp("PUT", graph, ntriples, timeout)

    def delete_graph(self, graph: str, timeout: float = 300) -> None:
        """Drop the named graph ``graph`` (GSP DELETE); a missing graph is not an error."""
        self._gsp("DELETE", graph, None, timeout)

    def _gsp(self, method: str, graph: str, body: bytes | None, timeout: float) -> None:
        headers = {"Content-Type": "application/n-triples"} if body is not None else {}
        try:
            response = self.session.request(
                method,
                self.gsp_url,
                params={"graph": graph},
                data=body,
                headers=headers,
                timeout=timeout,
                allow_redirects=False,
            )
        except requests.RequestException as error:
            raise StoreError(f"cannot reach the graph store {self.gsp_url}: {error}") from error
        if response.status_code == 404 and method == "DELETE":
            return
        if response.status_code >= 300:
            raise RemoteError(response.status_code, response.text[:2000])


def _read_capped(
    response: requests.Response, max_bytes: int | None, deadline: float | None
) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_content(chunk_size=65536):
        size += len(chunk)
        if max_bytes is not None and size > max_bytes:
            raise StoreError(f"the SPARQL server's answer exceeds {max_bytes} bytes")
        if deadline is not None and time.monotonic() > deadline:
            raise requests.Timeout("reading the answer took too long")
        chunks.append(chunk)
    return b"".join(chunks)


def load_into(
    store: str | StoreSpec,
    source: Iterable[ox.Quad] | Path | str,
    *,
    data_dir: Path | None = None,
    prune_prefix: str | None = BASE,
) -> int:
    """Load a dataset into the store named by ``store``; return how many quads were loaded.

    ``source`` is an iterable of quads or the path of an N-Quads file (``data/graph.nq``).
    An embedded store is replaced as a whole (:func:`write_embedded` into ``data_dir``, or
    the dir named in the spec). A SPARQL server gets each named graph replaced by a Graph
    Store Protocol ``PUT``; its named graphs under ``prune_prefix`` that the dataset no
    longer has are deleted (``None`` prunes every other graph, ``""`` none). Quads in the
    default graph are refused there: the endpoint's default graph is the union of the
    named graphs.

    >>> load_into("sparql:http://127.0.0.1:7878/query", Path("data/graph.nq"))  # doctest: +SKIP
    """
    spec = store if isinstance(store, StoreSpec) else parse_store_spec(store, data_dir=data_dir)
    quads: Iterable[ox.Quad]
    if isinstance(source, str | Path):
        quads = ox.parse(path=str(source), format=ox.RdfFormat.N_QUADS)
    else:
        quads = source
    if spec.kind == EMBEDDED:
        return write_embedded(Path(spec.location), quads)
    graphs: dict[str, list[ox.Triple]] = {}
    for quad in quads:
        if not isinstance(quad.graph_name, ox.NamedNode):
            raise StoreError(f"quad outside a named graph cannot be loaded: {quad}")
        graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
    remote = SparqlStore.from_spec(spec)
    for graph, triples in graphs.items():
        remote.put_graph(graph, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
    if prune_prefix != "":
        for graph in remote.named_graphs():
            if graph not in graphs and graph.startswith(prune_prefix or ""):
                remote.delete_graph(graph)
    return sum(len(triples) for triples in graphs.values())
