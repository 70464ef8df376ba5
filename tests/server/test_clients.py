"""Real clients against a real server (``python -m server serve`` under gunicorn)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import rdflib
import requests
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

from tests.server.conftest import WORKS, free_port, wait_for

REPO = Path(__file__).resolve().parents[2]
COUNT = (
    "PREFIX pw: <https://w3id.org/perwali-kg/ontology#> "
    "SELECT ?reg (COUNT(?p) AS ?n) { ?p a pw:Pasal ; pw:regulation ?reg } "
    "GROUP BY ?reg ORDER BY ?reg"
)
EXPECTED = sorted([(WORKS["cilegon-17-2023"], 3), (WORKS["palu-28-2023"], 5)])


@pytest.fixture(scope="module")
def endpoint(store) -> str:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO), PERWALI_QUERY_TIMEOUT="2")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "server",
            "serve",
            "--store",
            store,
            "--port",
            str(port),
            "--workers",
            "1",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/health", seconds=30)
        yield f"http://127.0.0.1:{port}/sparql"
    finally:
        process.terminate()
        process.wait(timeout=20)


def wrapper(endpoint: str, fmt) -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint)
    client.setReturnFormat(fmt)
    return client


def test_sparqlwrapper_json(endpoint):
    client = wrapper(endpoint, JSON)
    client.setQuery(COUNT)
    rows = client.queryAndConvert()["results"]["bindings"]
    assert [(r["reg"]["value"], int(r["n"]["value"])) for r in rows] == EXPECTED


def test_sparqlwrapper_xml(endpoint):
    client = wrapper(endpoint, XML)
    client.setQuery(COUNT)
    document = client.queryAndConvert()
    values = [node.firstChild.data for node in document.getElementsByTagName("uri")]
    assert values == [reg for reg, _ in EXPECTED]


def test_sparqlwrapper_csv(endpoint):
    client = wrapper(endpoint, CSV)
    client.setQuery(COUNT)
    lines = client.queryAndConvert().decode().splitlines()
    assert lines == ["reg,n"] + [f"{reg},{n}" for reg, n in EXPECTED]


def test_sparqlwrapper_turtle_and_post(endpoint):
    client = wrapper(endpoint, TURTLE)
    client.setMethod("POST")
    client.setQuery(
        "PREFIX pw: <https://w3id.org/perwali-kg/ontology#> CONSTRUCT WHERE { ?p a pw:Pasal }"
    )
    graph = rdflib.Graph().parse(data=client.queryAndConvert(), format="turtle")
    assert len(graph) == 8


def test_rdflib_sparqlstore(endpoint):
    graph = rdflib.Graph(SPARQLStore(endpoint, returnFormat="json"))
    rows = graph.query(COUNT)
    assert [(str(reg), int(n)) for reg, n in rows] == EXPECTED


def test_raw_http(endpoint):
    answer = requests.get(
        endpoint, params={"query": COUNT}, headers={"Accept": "text/csv"}, timeout=10
    )
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("text/csv")
    refused = requests.post(endpoint, data={"update": "CLEAR ALL"}, timeout=10)
    assert refused.status_code == 403 and refused.json()["code"] == "read-only"
    description = requests.get(endpoint, timeout=10)
    assert description.headers["Content-Type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=description.content, format="turtle", publicID=endpoint)
    sd_endpoint = rdflib.URIRef("http://www.w3.org/ns/sparql-service-description#endpoint")
    assert (rdflib.URIRef(endpoint), sd_endpoint, rdflib.URIRef(endpoint)) in graph


def test_a_query_past_the_limit_is_stopped_and_the_server_keeps_serving(endpoint):
    """Under gunicorn the query runs in the worker, which answers 503 at the limit (2 s
    here) and then exits; the other worker serves meanwhile and gunicorn replaces it."""
    heavy = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o . ?q ?r ?s }"
    outcome = {}

    def run_heavy():
        started = time.monotonic()
        outcome["response"] = requests.get(endpoint, params={"query": heavy}, timeout=30)
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run_heavy)
    thread.start()
    time.sleep(0.3)
    served = []
    while thread.is_alive():
        served.append(requests.get(endpoint, params={"query": COUNT}, timeout=30).status_code)
        time.sleep(0.05)
    thread.join()
    assert outcome["response"].status_code == 503
    assert outcome["response"].json()["code"] == "query-timeout"
    assert 1.9 < outcome["seconds"] < 5
    assert served and set(served) == {200}
    for _ in range(5):
        assert requests.get(endpoint, params={"query": COUNT}, timeout=30).status_code == 200
