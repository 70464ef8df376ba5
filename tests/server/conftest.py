"""Fixtures for the endpoint: a small dataset, both backends, the app and its client.

The external backend is the ``oxigraph`` server named by ``PERWALI_TEST_SPARQL_URL``
(``.ci/run`` starts one); without it, a server is started here on a free loopback port.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests

from extract.vocab import PW, RDFS
from perwali.store import SparqlStore, load_into
from server.app import create_app

REPO = Path(__file__).resolve().parents[2]
SPARQL_URL_VARIABLE = "PERWALI_TEST_SPARQL_URL"
BACKENDS = ["embedded", "sparql"]

WORKS = {  # regulation id -> (work IRI, number of Pasal) of a small stand-in dataset
    "palu-28-2023": "https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28",
    "cilegon-17-2023": "https://w3id.org/perwali-kg/eli/id-cilegon/perwal/2023/17",
}
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def sample_quads() -> list[ox.Quad]:
    """Two regulations with a few Pasal each, in one named graph per regulation."""
    quads = []
    for count, (reg_id, work) in zip((5, 3), WORKS.items(), strict=True):
        graph = ox.NamedNode(work)
        quads.append(ox.Quad(graph, ox.NamedNode(PW + "regulationId"), ox.Literal(reg_id), graph))
        for number in range(1, count + 1):
            unit = ox.NamedNode(f"{work}/pasal/{number}")
            label = ox.Literal(f"Pasal {number}", language="id")
            quads += [
                ox.Quad(unit, ox.NamedNode(RDF_TYPE), ox.NamedNode(PW + "Pasal"), graph),
                ox.Quad(unit, ox.NamedNode(PW + "regulation"), graph, graph),
                ox.Quad(unit, ox.NamedNode(RDFS + "label"), label, graph),
            ]
    return quads


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            requests.get(url, timeout=2)
            return
        except (requests.ConnectionError, requests.Timeout):  # not listening, or no worker yet
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not come up in {seconds} s")


@pytest.fixture(scope="session")
def sparql_server_url(tmp_path_factory) -> str:
    """The query URL of an oxigraph server on 127.0.0.1 (from the env or started here)."""
    url = os.environ.get(SPARQL_URL_VARIABLE)
    if url:
        yield url
        return
    if shutil.which("oxigraph") is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    command = ["oxigraph", "serve", "--location", str(location)]
    process = subprocess.Popen(
        [*command, "--bind", f"127.0.0.1:{port}", "--timeout-s", "5"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/")
        yield f"http://127.0.0.1:{port}/query"
    finally:
        process.kill()
        process.wait()


def replace_remote_dataset(query_url: str, quads: list[ox.Quad]) -> None:
    """Make the server hold exactly ``quads``: drop all its graphs, then load."""
    remote = SparqlStore(query_url)
    for graph in remote.named_graphs():
        remote.delete_graph(graph)
    load_into(f"sparql:{query_url}", quads, prune_prefix="")


def store_for(backend: str, quads: list[ox.Quad], tmp: Path, sparql_url: str | None) -> str:
    """A store spec holding ``quads`` for ``backend``."""
    if backend == "embedded":
        load_into(f"embedded:{tmp}", quads)
        return f"embedded:{tmp}"
    replace_remote_dataset(sparql_url, quads)
    return f"sparql:{sparql_url}"


def make_app(store: str, **config):
    settings = {
        "TESTING": True,
        "STORE": store,
        "QUERY_TIMEOUT": 1.0,
        "MAX_RESULTS": 100,
        "MAX_REQUEST_BYTES": 4096,
        "EXECUTORS": 2,
    }
    settings.update(config)
    return create_app(settings)


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def store(backend, tmp_path_factory, request) -> str:
    """A store spec for the sample dataset, on the module's backend."""
    url = request.getfixturevalue("sparql_server_url") if backend == "sparql" else None
    return store_for(backend, sample_quads(), tmp_path_factory.mktemp("store"), url)


@pytest.fixture(scope="module")
def app(store):
    app = make_app(store)
    yield app
    app.extensions["perwali.backend"].close()


@pytest.fixture()
def client(app):
    return app.test_client()


@dataclass
class Server:
    """A running ``python -m server serve`` (gunicorn) on a loopback port."""

    process: subprocess.Popen
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql"


@contextlib.contextmanager
def running_server(store: str, *, workers: int = 1, **settings) -> Iterator[Server]:
    """Serve ``store`` with ``perwali serve``; ``settings`` become ``PERWALI_*`` variables.

    The server's log goes to stderr when ``PERWALI_TEST_SERVER_LOG`` is set."""
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.update({f"PERWALI_{name}": str(value) for name, value in settings.items()})
    output = None if os.environ.get("PERWALI_TEST_SERVER_LOG") else subprocess.DEVNULL
    command = [sys.executable, "-m", "server", "serve", "--store", store]
    command += ["--port", str(port), "--workers", str(workers)]
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=output, stderr=output)
    try:
        wait_for(f"http://127.0.0.1:{port}/health", seconds=60)
        yield Server(process, port)
    finally:
        process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown (on_exit still runs)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class RawResponse:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> dict:
        return json.loads(self.body)


#: bytes read from a socket past the response returned: the start of the next one, when a
#: server answers pipelined requests faster than they are read
_UNREAD: weakref.WeakKeyDictionary[socket.socket, bytes] = weakref.WeakKeyDictionary()


def read_response(sock: socket.socket) -> RawResponse:
    """One HTTP/1.1 response read from ``sock`` (with a Content-Length), skipping 1xx."""
    data = _UNREAD.pop(sock, b"")
    while True:
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError(f"closed after {data!r}")
            data += chunk
        head, _, data = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        if status >= 200:
            break
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(data) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    if data[length:]:
        _UNREAD[sock] = data[length:]
    return RawResponse(status, headers, data[:length])


def raw_request(port: int, data: bytes, *, source: str = "127.0.0.1", timeout=30) -> RawResponse:
    """Send the bytes ``data`` as they are; return the response."""
    with socket.create_connection(("127.0.0.1", port), timeout, (source, 0)) as sock:
        sock.sendall(data)
        return read_response(sock)
