"""The query processes: demoted when long, killed at the limit, capped in memory and bytes;
SERVICE cannot leave the box."""

from __future__ import annotations

import os
import socket
import threading
import time

import psutil
import pytest

from perwali.store import load_into, store_path
from server.executor import (
    ChildSettings,
    ExecutorPool,
    PoolBusy,
    QueryTimeout,
    cpu_seconds,
    isolate_network,
)
from tests.server.conftest import sample_quads

# a cross product of six patterns: minutes on any store the tests build, whatever the load
HEAVY = (
    "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?x ?o . ?p ?q ?r }"
)
ASK = "ASK { ?s ?p ?o }"


def doubling(times: int) -> str:
    """One row whose value doubles ``times`` times: 8 bytes · 2^times (issue 7, item 5)."""
    binds = " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(times))
    return f'SELECT ?x{times} WHERE {{ BIND("abcdefgh" AS ?x0) {binds} }}'


def job(query: str) -> dict:
    return {
        "op": "query",
        "query": query,
        "union": True,
        "default_graphs": None,
        "named_graphs": (),
        "media_type": "application/sparql-results+json",
    }


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> str:
    data = tmp_path_factory.mktemp("data")
    load_into(f"embedded:{data}", sample_quads())
    return str(store_path(data).resolve())


def make_pool(store_dir: str, **options) -> ExecutorPool:
    settings = {"memory_mb": 1024, "max_bytes": 32 * 2**20, "max_results": 100}
    settings.update({k: options.pop(k) for k in list(options) if k in settings})
    return ExecutorPool(ChildSettings(store_dir, **settings), **options)


def test_a_query_past_the_limit_is_killed_and_replaced(store_dir):
    pool = make_pool(store_dir, size=1, warm=1)
    try:
        pool.start()
        assert pool.run(job("ASK {}"), timeout=30)[0] == "ok"
        (pid,) = pool.pids()
        started = time.monotonic()
        with pytest.raises(QueryTimeout):
            pool.run(job(HEAVY), timeout=0.8)
        assert time.monotonic() - started < 1.8
        assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
        assert pool.replaced == 1 and pool.pids() != [pid]
        assert pool.run(job(ASK), timeout=30)[1][1] == b'{"head": {}, "boolean": true}'
    finally:
        pool.close()


def test_a_pool_used_in_a_forked_child_starts_its_own_processes(store_dir):
    pool = make_pool(store_dir, size=1, warm=1)
    try:
        pool.start()
        (parent_pid,) = pool.pids()
        inherited = list(pool._idle)
        pool._pid = -1  # as after a fork: the processes and the slots are the parent's
        assert pool.run(job(ASK), timeout=30)[0] == "ok"
        assert pool.run(job(ASK), timeout=30)[0] == "ok"  # its slot was given back
        assert pool._pid == os.getpid() and pool.pids() != [parent_pid]
    finally:
        pool.close()
        for executor in inherited:
            executor.kill()


def test_a_cheap_query_keeps_its_process_at_normal_priority(store_dir):
    pool = make_pool(store_dir, size=1, warm=1)
    try:
        pool.start()
        (pid,) = pool.pids()
        for _ in range(20):
            assert pool.run(job(ASK), timeout=30)[0] == "ok"
        assert pool.pids() == [pid] and os.getpriority(os.PRIO_PROCESS, pid) == 0
        assert pool.replaced == 0
    finally:
        pool.close()


def test_a_long_query_is_demoted_to_the_lowest_priority(store_dir):
    """After ``long_after`` seconds of CPU the process drops to nice 19 (all its threads),
    and it is replaced once the query ends (it cannot be promoted back)."""
    pool = make_pool(store_dir, size=2, warm=1, long_after=0.05, long_slots=1)
    outcome = {}

    def heavy():
        try:
            pool.run(job(HEAVY), timeout=3)
        except QueryTimeout:
            outcome["timeout"] = True

    try:
        pool.start()
        (pid,) = pool.pids()
        thread = threading.Thread(target=heavy)
        thread.start()
        niceness = 0
        deadline = time.monotonic() + 2.5
        while niceness == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
            threads = os.listdir(f"/proc/{pid}/task")
            niceness = min(os.getpriority(os.PRIO_PROCESS, int(t)) for t in threads)
        assert niceness == 19
        assert cpu_seconds(pid) >= 0.05
        thread.join()
        assert outcome == {"timeout": True} and pid not in pool.pids()
    finally:
        pool.close()


def expect_timeout(pool: ExecutorPool, timeout: float, client: str) -> None:
    with pytest.raises(QueryTimeout):
        pool.run(job(HEAVY), timeout, client)


def test_long_queries_past_the_bound_are_refused_at_once(store_dir):
    """One long slot: a second long query is stopped after ``long_after`` with PoolBusy
    (503 + Retry-After), not after the whole limit; so is a client over its share."""
    pool = make_pool(store_dir, size=3, warm=1, long_after=0.05, long_slots=1)
    first = threading.Thread(target=expect_timeout, args=(pool, 3, ""))
    try:
        pool.start()
        first.start()
        time.sleep(0.5)
        started = time.monotonic()
        with pytest.raises(PoolBusy, match="long queries are already running"):
            pool.run(job(HEAVY), timeout=3, client="other")
        assert time.monotonic() - started < 1.5
        assert pool.run(job(ASK), timeout=3)[0] == "ok"  # cheap ones still run
        first.join()
    finally:
        pool.close()
    per_client = make_pool(store_dir, size=3, long_after=0.05, long_slots=4, long_per_client=1)
    first = threading.Thread(target=expect_timeout, args=(per_client, 2, "a"))
    try:
        first.start()
        time.sleep(0.5)
        with pytest.raises(PoolBusy, match="this client"):
            per_client.run(job(HEAVY), timeout=2, client="a")
        with pytest.raises(QueryTimeout):  # another client still gets a long slot
            per_client.run(job(HEAVY), timeout=1, client="b")
        first.join()
    finally:
        per_client.close()


def test_memory_and_bytes_are_capped(store_dir):
    """The CONCAT-doubling query: 2^23 · 8 bytes (a 64 MB row) is refused for its size;
    2^26 · 8 (a 512 MB value) exceeds the 1024 MB address space: the process dies, the
    caller learns it quickly and a fresh process serves the next query."""
    pool = make_pool(store_dir, size=1, warm=1, long_after=30)
    try:
        pool.start()
        started = time.monotonic()
        reply = pool.run(job(doubling(23)), timeout=30)
        assert reply[:3] == ("error", 422, "response-too-large")
        with pytest.raises(Exception) as failure:
            pool.run(job(doubling(26)), timeout=30)
        assert getattr(failure.value, "out_of_memory", False), failure.value
        assert time.monotonic() - started < 20
        assert pool.run(job(ASK), timeout=30)[0] == "ok"
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
    pool = make_pool(store_dir, size=1, warm=1)
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
