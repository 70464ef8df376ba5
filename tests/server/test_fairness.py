"""Slow queries cannot starve cheap ones (issue 7, item 4), on a real ``perwali serve``.

One gunicorn worker (the worst case: every request shares its threads and its pool of
query processes), a 3 s query limit, long queries (past 30 ms of CPU) bounded to 2 at
once and 1 per client.
The load figures themselves are in ``bench/load_fairness.py``.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
from urllib.parse import urlencode

import pytest

from perwali.store import load_into
from tests.server.conftest import running_server, sample_quads

# a cross product of six patterns: minutes on any store the tests build, whatever the load
HEAVY = (
    "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?x ?o . ?p ?q ?r }"
)
PATH = (
    "SELECT (COUNT(*) AS ?n) "
    "{ ?a (<urn:x:p>|!<urn:x:p>)* ?b . ?c ?d ?e . ?f ?g ?h . ?i ?j ?k . ?l ?m ?n . ?o ?q ?r }"
)
CHEAP = "SELECT ?l { <https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28/pasal/1> ?p ?l }"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("fairness")
    load_into(f"embedded:{data}", sample_quads())
    with running_server(
        f"embedded:{data}",
        QUERY_TIMEOUT=3,
        LONG_QUERY_SECONDS=0.03,
        LONG_QUERIES=2,
        LONG_QUERIES_PER_CLIENT=1,
    ) as running:
        yield running


def query(port: int, text: str, source: str = "127.0.0.1") -> tuple[int, dict, dict, float]:
    """GET one query from ``source``; return status, JSON body, headers and seconds."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=30, source_address=(source, 0)
    )
    started = time.monotonic()
    try:
        connection.request("GET", "/sparql?" + urlencode({"query": text}))
        response = connection.getresponse()
        body = json.loads(response.read())
        return response.status, body, dict(response.getheaders()), time.monotonic() - started
    finally:
        connection.close()


def in_background(port: int, text: str, source: str, results: list) -> threading.Thread:
    thread = threading.Thread(target=lambda: results.append(query(port, text, source)))
    thread.start()
    return thread


def test_cheap_queries_keep_flowing_beside_pathological_ones(server):
    """Two pathological queries from two clients run to the limit (503 query-timeout)
    while cheap lookups from a third keep being answered at once."""
    slow: list = []
    threads = [
        in_background(server.port, HEAVY, "127.0.0.2", slow),
        in_background(server.port, PATH, "127.0.0.3", slow),
    ]
    time.sleep(0.3)
    cheap = []
    while any(thread.is_alive() for thread in threads):
        status, _, _, seconds = query(server.port, CHEAP)
        cheap.append((status, seconds))
    for thread in threads:
        thread.join()
    assert [(s, b["code"]) for s, b, _, _ in slow] == [(503, "query-timeout")] * 2
    assert all(2.8 < seconds < 5 for _, _, _, seconds in slow)
    assert len(cheap) >= 10 and {status for status, _ in cheap} == {200}
    assert max(seconds for _, seconds in cheap) < 0.5


def test_long_queries_past_their_bounds_get_503_with_retry_after_at_once(server):
    """LONG_QUERIES=2 and LONG_QUERIES_PER_CLIENT=1: a client's second long query, and a
    third long query from anyone, are stopped as soon as they turn long, not at the limit."""
    first: list = []
    threads = [
        in_background(server.port, HEAVY, "127.0.0.4", first),
        in_background(server.port, HEAVY, "127.0.0.5", first),
    ]
    time.sleep(1.0)
    for source, reason in (("127.0.0.4", "this client"), ("127.0.0.6", "already running")):
        status, body, headers, seconds = query(server.port, HEAVY, source)
        assert status == 503 and body["code"] == "server-busy", body
        assert int(headers["Retry-After"]) >= 1 and seconds < 2.5
        assert reason in body["message"]
    assert query(server.port, CHEAP, "127.0.0.6")[0] == 200
    for thread in threads:
        thread.join()
    assert [body["code"] for _, body, _, _ in first] == ["query-timeout"] * 2
