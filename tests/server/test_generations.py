"""One generation at a time (issue 7, item 9), on a real ``perwali serve`` with 2 workers.

Before: after a rebuild, running workers kept the old graph while a respawned worker (or
query process) opened the new one, so ``COUNT(*)`` alternated between them. Now the
master resolves the generation once and pins it; every worker and query process, also
those started after the rebuild, opens that folder, until a restart or a SIGHUP.
"""

from __future__ import annotations

import signal
import time

import psutil
import pyoxigraph as ox
import requests

from perwali.store import load_into, pinned_generations
from tests.server.conftest import running_server, sample_quads

COUNT = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"
# a cross product of six patterns: minutes on any store the tests build, whatever the load
HEAVY = (
    "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?x ?o . ?p ?q ?r }"
)


def extra(count: int) -> list[ox.Quad]:
    graph = ox.NamedNode("https://w3id.org/perwali-kg/eli/id-test/extra")
    return [
        ox.Quad(ox.NamedNode(f"urn:x:s{i}"), ox.NamedNode("urn:x:p"), ox.Literal(str(i)), graph)
        for i in range(count)
    ]


def counts(url: str, times: int) -> set[int]:
    """COUNT(*) asked ``times`` times, each on a new connection (so both workers answer)."""
    seen = set()
    for _ in range(times):
        response = requests.get(url, params={"query": COUNT}, timeout=30)
        assert response.status_code == 200, response.text
        seen.add(int(response.json()["results"]["bindings"][0]["n"]["value"]))
    return seen


def workers(server) -> list[psutil.Process]:
    return psutil.Process(server.process.pid).children()


def wait_until(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_a_running_server_keeps_its_generation_until_reloaded(tmp_path):
    data = tmp_path / "data"
    first = sample_quads()
    load_into(f"embedded:{data}", first)
    with running_server(f"embedded:{data}", workers=2, QUERY_TIMEOUT=1) as server:
        assert counts(server.url, 4) == {len(first)}
        pinned = pinned_generations(data)
        assert len(pinned) == 1
        load_into(f"embedded:{data}", first + extra(10))  # rebuild twice while it runs:
        load_into(f"embedded:{data}", first + extra(20))  # without the pin, pruned now
        assert pinned <= {path.name for path in (data / "generations").iterdir()}
        # new processes start after the rebuild: a replaced query process, a new worker
        slow = requests.get(server.url, params={"query": HEAVY}, timeout=30)
        assert slow.json()["code"] == "query-timeout"
        old_workers = workers(server)
        old_workers[0].send_signal(signal.SIGKILL)
        wait_until(lambda: len(workers(server)) == 2 and workers(server) != old_workers)
        assert counts(server.url, 30) == {len(first)}
        before_reload = workers(server)
        server.process.send_signal(signal.SIGHUP)  # reload: the newest generation, everywhere
        wait_until(lambda: counts(server.url, 1) == {len(first) + 20})
        wait_until(lambda: not set(workers(server)) & set(before_reload))
        assert counts(server.url, 30) == {len(first) + 20}
    assert pinned_generations(data) == set()  # unpinned on exit
