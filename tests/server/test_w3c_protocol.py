"""The W3C SPARQL 1.1 Protocol test suite, replayed against the app on both backends.

Each ``mf:ProtocolTest`` of the manifest becomes one test: its HTTP requests are sent in
order and each response is checked against ``mf:expectedStatus`` (and the format and
boolean, when given). The data files are loaded as the named graphs the manifest names
(``ut:graphData``) into a throwaway store. The update tests are expected to fail: the
endpoint is read-only by design, so it refuses their updates (``xfail`` with the reason;
the ``bad_update_*`` tests, which expect a refusal, run and pass).

The suite lives outside the repository (``../shared/w3c-sparql11-protocol`` from its root);
``PERWALI_W3C_PROTOCOL_DIR`` points elsewhere.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS

from tests.server.conftest import make_app, store_for

SUITE = Path(
    os.environ.get(
        "PERWALI_W3C_PROTOCOL_DIR",
        Path(__file__).resolve().parents[2] / ".." / "shared" / "w3c-sparql11-protocol",
    )
)
MANIFEST = SUITE / "manifest.ttl"
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"

READ_ONLY_REASON = "the endpoint is read-only by design: SPARQL updates are refused (403)"
FORMAT_TYPES = {
    "boolean": {"application/sparql-results+json", "application/sparql-results+xml"},
    "tabular": {
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    },
    "RDF": {"text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"},
}


def load_manifest() -> list[dict]:
    graph = rdflib.Graph().parse(MANIFEST, format="turtle", publicID=MANIFEST.as_uri())
    manifest = next(graph.subjects(RDF.type, MF.Manifest))
    tests = []
    for entry in Collection(graph, graph.value(manifest, MF.entries)):
        data = {}
        for item in graph.objects(entry, UT.graphData):
            data[str(graph.value(item, RDFS.label))] = Path(
                urlsplit(str(graph.value(item, UT.graph))).path
            )
        requests = []
        action = graph.value(entry, MF.action)
        for node in Collection(graph, graph.value(action, HT.requests)):
            body = graph.value(node, HT.body)
            headers = {}
            header_list = graph.value(node, HT.headers)
            if header_list is not None:
                for header in Collection(graph, header_list):
                    headers[str(graph.value(header, HT.fieldName))] = str(
                        graph.value(header, HT.fieldValue)
                    )
            response = graph.value(node, HT.resp)
            boolean = graph.value(response, MF.expectedBoolean)
            requests.append(
                {
                    "method": str(graph.value(node, HT.methodName)),
                    "path": str(graph.value(node, HT.absolutePath)),
                    "headers": headers,
                    "body": None if body is None else str(graph.value(body, CNT.chars)),
                    "encoding": None
                    if body is None
                    else str(graph.value(body, CNT.characterEncoding)),
                    "statuses": {
                        str(s)[len(HTS)] for s in graph.objects(response, MF.expectedStatus)
                    },
                    "format": str(graph.value(response, MF.expectedFormat) or "") or None,
                    "boolean": None if boolean is None else boolean.toPython(),
                }
            )
        name = str(entry).rpartition("#")[2]
        tests.append(
            {
                "id": name,
                "name": str(graph.value(entry, MF.name)),
                "data": data,
                "requests": requests,
            }
        )
    return tests


TESTS = load_manifest() if MANIFEST.is_file() else []


def params():
    if not TESTS:
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"no W3C suite at {SUITE}"))]
    out = []
    for test in TESTS:
        marks = (
            [pytest.mark.xfail(reason=READ_ONLY_REASON, strict=True, raises=AssertionError)]
            if test["id"].startswith("update_")
            else []
        )
        out.append(pytest.param(test, id=test["id"], marks=marks))
    return out


class Datasets:
    """Stores holding the graphs each test names, built on first use, one app per store."""

    def __init__(self, backend: str, tmp_factory, sparql_url: str | None):
        self.backend, self.tmp_factory, self.sparql_url = backend, tmp_factory, sparql_url
        self.apps: dict[frozenset, object] = {}
        self.loaded: frozenset | None = None

    def app_for(self, data: dict[str, Path]):
        key = frozenset(data.items())
        if key not in self.apps or (self.backend == "sparql" and self.loaded != key):
            quads = []
            for graph, path in data.items():
                triples = ox.parse(path=str(SUITE / path.name), format=ox.RdfFormat.N_TRIPLES)
                quads += [
                    ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph)) for t in triples
                ]
            store = store_for(self.backend, quads, self.tmp_factory.mktemp("w3c"), self.sparql_url)
            self.loaded = key
            if key not in self.apps:
                self.apps[key] = make_app(store, EXECUTORS=1, QUERY_TIMEOUT=10.0)
        return self.apps[key]

    def close(self):
        for app in self.apps.values():
            app.extensions["perwali.backend"].close()


@pytest.fixture(scope="module")
def datasets(backend, tmp_path_factory, request):
    url = request.getfixturevalue("sparql_server_url") if backend == "sparql" else None
    datasets = Datasets(backend, tmp_path_factory, url)
    yield datasets
    datasets.close()


@pytest.mark.parametrize("test", params())
def test_protocol(datasets, test):
    client = datasets.app_for(test["data"]).test_client()
    for step in test["requests"]:
        path = step["path"]
        assert path.startswith("/sparql/")
        kwargs = {"method": step["method"], "headers": dict(step["headers"])}
        content_type = kwargs["headers"].pop("content-type", None)
        if step["body"] is not None:
            kwargs["data"] = step["body"].encode(step["encoding"] or "utf-8")
        if content_type:
            kwargs["content_type"] = content_type
        response = client.open(path, **kwargs)
        assert response.status_code // 100 in {int(s) for s in step["statuses"]}, (
            f"{test['name']}: {response.status_code} {response.data[:300]!r}"
        )
        if step["format"]:
            assert response.mimetype in FORMAT_TYPES[step["format"]]
        if step["boolean"] is not None:
            assert read_boolean(response) is step["boolean"]
        if step["format"] == "RDF":
            ox.parse(response.data, format=ox.RdfFormat.from_media_type(response.mimetype))


def read_boolean(response) -> bool:
    if response.mimetype == "application/sparql-results+json":
        return json.loads(response.data)["boolean"]
    return bool(ox.parse_query_results(response.data, format=ox.QueryResultsFormat.XML))
