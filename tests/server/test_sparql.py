"""The /sparql endpoint on both backends: protocol, formats, dataset, safety."""

from __future__ import annotations

import json
import threading
import time
from urllib.parse import quote

import pyoxigraph as ox
import pytest
import rdflib

from tests.server.conftest import WORKS

COUNT = "SELECT ?reg (COUNT(?p) AS ?n) { ?p a pw:Pasal ; pw:regulation ?reg } GROUP BY ?reg"
EXPECTED_COUNTS = {WORKS["palu-28-2023"]: 5, WORKS["cilegon-17-2023"]: 3}
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"
PROPERTY_PATH = (
    "SELECT (COUNT(*) AS ?n) "
    "{ ?a (<urn:x>|!<urn:x>)* ?b . ?c ?d ?e . ?f ?g ?h . ?i ?j ?k . ?l ?m ?n }"
)


def bindings(response):
    assert response.status_code == 200, response.data
    return json.loads(response.data)["results"]["bindings"]


def counts(response) -> dict[str, int]:
    return {row["reg"]["value"]: int(row["n"]["value"]) for row in bindings(response)}


def test_get_post_form_and_post_direct_agree(client):
    get = client.get("/sparql", query_string={"query": COUNT})
    form = client.post("/sparql", data={"query": COUNT})
    direct = client.post("/sparql", data=COUNT, content_type="application/sparql-query")
    assert counts(get) == counts(form) == counts(direct) == EXPECTED_COUNTS


def test_default_graph_is_the_union_unless_the_protocol_names_one(client):
    palu = WORKS["palu-28-2023"]
    query = "SELECT (COUNT(*) AS ?n) { ?p a pw:Pasal }"
    assert bindings(client.get("/sparql", query_string={"query": query}))[0]["n"]["value"] == "8"
    only_palu = client.get("/sparql", query_string={"query": query, "default-graph-uri": palu})
    assert bindings(only_palu)[0]["n"]["value"] == "5"
    named = client.get(
        "/sparql",
        query_string={"query": "SELECT ?g { GRAPH ?g { } }", "named-graph-uri": palu},
    )
    assert [row["g"]["value"] for row in bindings(named)] == [palu]


def test_from_a_graph_of_the_dataset(client):
    query = f"SELECT (COUNT(*) AS ?n) FROM <{WORKS['cilegon-17-2023']}> {{ ?p a pw:Pasal }}"
    assert bindings(client.get("/sparql", query_string={"query": query}))[0]["n"]["value"] == "3"


@pytest.mark.parametrize(
    ("accept", "media_type", "fmt"),
    [
        (
            "application/sparql-results+json",
            "application/sparql-results+json",
            ox.QueryResultsFormat.JSON,
        ),
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            ox.QueryResultsFormat.XML,
        ),
        ("text/csv", "text/csv", None),
        ("text/tab-separated-values", "text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ],
)
def test_select_formats(client, accept, media_type, fmt):
    response = client.get("/sparql", query_string={"query": COUNT}, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == media_type
    if fmt is None:  # CSV is lossy: pyoxigraph does not read it back
        lines = response.data.decode().splitlines()[1:]
        found = {reg: int(n) for reg, n in (line.split(",") for line in lines)}
    else:
        rows = ox.parse_query_results(response.data, format=fmt)
        found = {row["reg"].value: int(row["n"].value) for row in rows}
    assert found == EXPECTED_COUNTS


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
    ],
)
@pytest.mark.parametrize(
    "form", ["CONSTRUCT WHERE { ?p a pw:Pasal }", "DESCRIBE ?p { ?p a pw:Pasal }"]
)
def test_graph_formats(client, accept, rdflib_format, form):
    response = client.get("/sparql", query_string={"query": form}, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == accept
    graph = rdflib.Graph().parse(data=response.data, format=rdflib_format)
    pasal = rdflib.URIRef("https://w3id.org/perwali-kg/ontology#Pasal")
    assert len(set(graph.subjects(rdflib.RDF.type, pasal))) == 8


def test_ask_and_not_acceptable(client):
    ask = client.get("/sparql", query_string={"query": "ASK { ?p a pw:Pasal }"})
    assert ask.status_code == 200 and json.loads(ask.data)["boolean"] is True
    refused = client.get(
        "/sparql", query_string={"query": "ASK {}"}, headers={"Accept": "text/csv"}
    )
    assert (
        refused.status_code == 406 and "application/sparql-results+json" in refused.json["message"]
    )


def test_malformed_query_is_a_readable_400(client):
    response = client.get("/sparql", query_string={"query": "SELECT * { ?s ?p "})
    assert response.status_code == 400
    assert response.json["code"] == "malformed-query"
    assert response.json["message"].startswith("Kueri SPARQL tidak sah. Rincian: malformed query:")
    english = client.get(
        "/sparql",
        query_string={"query": "SELECT * { ?s ?p "},
        headers={"Accept-Language": "en-GB,en;q=0.9"},
    )
    assert english.json["message"].startswith("malformed query:")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (None, "Endpoint ini hanya-baca"),
        ("id", "Endpoint ini hanya-baca"),
        ("en", "this endpoint is read-only"),
        ("id;q=0.4, en;q=0.9", "this endpoint is read-only"),
        ("fr", "Endpoint ini hanya-baca"),
    ],
)
def test_messages_are_indonesian_unless_english_is_preferred(client, language, expected):
    headers = {"Accept-Language": language} if language else {}
    response = client.post("/sparql", data={"update": "CLEAR ALL"}, headers=headers)
    assert response.status_code == 403 and response.json["code"] == "read-only"
    assert response.json["message"].startswith(expected)


def test_service_description(client):
    """Without PUBLIC_URL the endpoint names itself ``<>``: it resolves to the URL the
    client fetched (here http://localhost/sparql), whatever the Host header said."""
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    graph = rdflib.Graph().parse(
        data=response.data, format="turtle", publicID="http://localhost/sparql"
    )
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    endpoint = rdflib.URIRef("http://localhost/sparql")
    assert (endpoint, sd.endpoint, endpoint) in graph
    assert (
        endpoint,
        sd.resultFormat,
        rdflib.URIRef("http://www.w3.org/ns/formats/SPARQL_Results_CSV"),
    ) in graph
    names = {str(o) for o in graph.objects(None, sd.name)}
    assert set(WORKS.values()) <= names
    prefixes = {str(o) for o in graph.objects(None, rdflib.SH.prefix)}
    assert {"pw", "eli", "skos"} <= prefixes


def test_cors(client):
    preflight = client.options(
        "/sparql",
        headers={
            "Origin": "http://yasgui.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    answer = client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Origin": "http://y"})
    assert answer.headers["Access-Control-Allow-Origin"] == "*"


# --- safety ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "request_args",
    [
        {"method": "GET", "query_string": {"update": "CLEAR ALL"}},
        {"method": "POST", "data": {"update": "DROP ALL"}},
        {"method": "POST", "data": "CLEAR ALL", "content_type": "application/sparql-update"},
        {"method": "GET", "query_string": {"query": "CLEAR ALL"}},
        {"method": "POST", "data": {"query": "LOAD <http://example.org/x.ttl>"}},
        {
            "method": "POST",
            "data": "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
            "content_type": "application/sparql-query",
        },
    ],
)
def test_read_only(client, request_args):
    response = client.open("/sparql", **request_args)
    assert response.status_code == 403 and response.json["code"] == "read-only"
    assert bindings(client.get("/sparql", query_string={"query": "SELECT * { ?s ?p ?o } LIMIT 1"}))


@pytest.mark.parametrize(
    ("params", "code"),
    [
        (
            {"query": "SELECT * { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"},
            "service-refused",
        ),
        (
            {"query": "SELECT * { SERVICE SILENT <http://example.org/> { ?s ?p ?o } }"},
            "service-refused",
        ),
        ({"query": "SELECT * FROM <http://example.org/data.ttl> { ?s ?p ?o }"}, "fetch-refused"),
        ({"query": "SELECT * FROM NAMED <https://example.org/g> { ?s ?p ?o }"}, "fetch-refused"),
        ({"query": "SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }"}, "fetch-refused"),
        (
            {"query": "SELECT * { ?s ?p ?o }", "default-graph-uri": "file:///etc/passwd"},
            "fetch-refused",
        ),
        (
            {"query": "CONSTRUCT WHERE { ?s ?p ?o }", "context": "http://example.org/ctx.jsonld"},
            "fetch-refused",
        ),
    ],
)
def test_no_outbound_fetching(client, params, code):
    headers = {"Accept": "application/ld+json"} if "context" in params else {}
    response = client.get("/sparql", query_string=params, headers=headers)
    assert response.status_code == 400, response.data
    assert response.json["code"] == code and response.json["message"]


def test_jsonld_context_by_link_header_or_profile_is_refused(client):
    query = {"query": "CONSTRUCT WHERE { ?s ?p ?o }"}
    link = '<http://example.org/ctx.jsonld>; rel="http://www.w3.org/ns/json-ld#context"'
    for headers in (
        {"Accept": "application/ld+json", "Link": link},
        {"Accept": 'application/ld+json;profile="http://example.org/ctx.jsonld"'},
    ):
        response = client.get("/sparql", query_string=query, headers=headers)
        assert response.status_code == 400 and response.json["code"] == "fetch-refused"


def test_result_cap_is_explicit(client):
    # 8 Pasal x 8 Pasal x 3 = 192 rows > MAX_RESULTS = 100
    query = "SELECT * { ?a a pw:Pasal . ?b a pw:Pasal . VALUES ?x { 1 2 3 } }"
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 422 and response.json["code"] == "result-too-large"
    assert "100" in response.json["message"] and "LIMIT" in response.json["message"]
    limited = client.get("/sparql", query_string={"query": query + " LIMIT 100"})
    assert len(bindings(limited)) == 100
    construct = client.get(
        "/sparql",
        query_string={
            "query": "CONSTRUCT { ?a <urn:x> ?x } "
            "WHERE { ?a a pw:Pasal VALUES ?x { 1 2 3 4 5 6 7 8 9 10 11 12 13 } }"
        },
    )
    assert construct.status_code == 422


def test_request_size_cap(client):
    big = "SELECT * { ?s ?p ?o } #" + "x" * 5000
    assert (
        client.post("/sparql", data=big, content_type="application/sparql-query").status_code == 413
    )
    assert client.post("/sparql", data={"query": big}).status_code == 413
    response = client.get("/sparql?query=" + quote(big))
    assert response.status_code == 414 and response.json["code"] == "request-too-large"


@pytest.mark.parametrize(
    "query", [CROSS_PRODUCT, PROPERTY_PATH], ids=["cross-product", "property-path"]
)
def test_pathological_query_is_stopped_while_others_are_served(app, query):
    outcome = {}

    def heavy():
        started = time.monotonic()
        outcome["response"] = app.test_client().get("/sparql", query_string={"query": query})
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=heavy)
    thread.start()
    time.sleep(0.2)
    served = []
    while thread.is_alive():
        started = time.monotonic()
        response = app.test_client().get("/sparql", query_string={"query": COUNT})
        served.append((response.status_code, time.monotonic() - started))
    thread.join()
    response = outcome["response"]
    assert response.status_code == 503 and response.json["code"] == "query-timeout"
    assert 0.9 < outcome["seconds"] < 3.0  # QUERY_TIMEOUT is 1 s
    assert served and all(status == 200 for status, _ in served)
    assert max(seconds for _, seconds in served) < 0.9
    # the endpoint is still whole afterwards
    assert (
        counts(app.test_client().get("/sparql", query_string={"query": COUNT})) == EXPECTED_COUNTS
    )


def test_errors_share_one_contract(client):
    for response in (
        client.get("/nowhere"),
        client.put("/sparql"),
        client.post("/sparql", data="ASK {}", content_type="text/plain"),
    ):
        # every error has these two; a 404 may add "suggestions" (server/linked_data.py)
        assert response.is_json and {"code", "message"} <= set(response.json)
        assert set(response.json) <= {"code", "message", "suggestions"}
