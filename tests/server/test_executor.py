"""The query processes: a query past the limit is killed; SERVICE cannot leave the box."""

from __future__ import annotations

import socket
import threading
import time

import psutil
import pytest

from perwali.store import load_into, store_path
from server.executor import ExecutorPool, QueryTimeout, isolate_network
from tests.server.conftest import sample_quads

HEAVY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"


def job(query: str) -> dict:
    return {
        "op": "query",
        "query": query,
        "prefixes": {},
        "base_iri": None,
        "union": True,
        "default_graphs": None,
        "named_graphs": (),
        "media_type": "application/sparql-results+json",
        "max_results": 100,
    }


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> str:
    data = tmp_path_factory.mktemp("data")
    load_into(f"embedded:{data}", sample_quads())
    return str(store_path(data))


def test_a_query_past_the_limit_is_killed_and_replaced(store_dir):
    pool = ExecutorPool(store_dir, size=1)
    try:
        pool.start()
        assert pool.run(job("ASK {}"), timeout=30)[0] == "ok"
        (pid,) = pool.pids()
        started = time.monotonic()
        with pytest.raises(QueryTimeout):
            pool.run(job(HEAVY), timeout=0.5)
        assert time.monotonic() - started < 1.5
        assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
        assert pool.replaced == 1 and pool.pids() != [pid]
        assert (
            pool.run(job("ASK { ?s ?p ?o }"), timeout=30)[1][1] == b'{"head": {}, "boolean": true}'
        )
    finally:
        pool.close()


def _listener():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(1)
    hits = []

    def accept():
        try:
            connection, _ = server.accept()
            hits.append(connection.recv(100))
            connection.close()
        except OSError:
            pass

    thread = threading.Thread(target=accept)
    thread.start()
    return server, thread, hits


def test_service_cannot_reach_the_network_even_past_the_guard(store_dir):
    """The guard refuses SERVICE; the sandbox is the second line: the query process has no
    network, so a SERVICE that reached pyoxigraph (which would send it) goes nowhere."""
    pool = ExecutorPool(store_dir, size=1, sandbox=True)
    server, thread, hits = _listener()
    port = server.getsockname()[1]
    try:
        pool.start()
        reply = pool.run(
            job(f"SELECT * {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"), 10
        )
        thread.join()
        if not pool._idle[0].info["sandboxed"]:
            pytest.skip("this kernel does not allow network namespaces; the guard alone refuses")
        assert hits == [] and reply[0] == "error"
    finally:
        server.close()
        pool.close()


def test_isolate_network_is_harmless_to_call_in_a_child():
    import multiprocessing

    context = multiprocessing.get_context("fork")
    process = context.Process(target=isolate_network)
    process.start()
    process.join(10)
    assert process.exitcode == 0
