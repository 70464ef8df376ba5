"""The worker's direct /sparql path (server/fastpath.py) answers exactly as the Flask view.

Each request below is read by the direct path and answered by it, and sent to the same
app through Flask's test client: status, body and every header (but gunicorn's own
``Server``, ``Date`` and ``Connection``) must be equal. Requests outside the subset the
direct path reads must be left to gunicorn. A live server checks the wiring: keep-alive,
HTTP/1.0, errors.
"""

from __future__ import annotations

import json
import socket
from urllib.parse import quote

import pytest

from server.fastpath import SparqlFastPath, parse_head, wants_close
from tests.server.conftest import make_app, read_response, running_server
from tests.server.test_w3c_protocol import TESTS, Datasets

POINT = "SELECT ?l { ?p a pw:Pasal ; rdfs:label ?l } ORDER BY ?l LIMIT 3"
GOOD_GRAPH = "https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28"


def get(query: str | None = None, *headers: str, extra: str = "", version: str = "1.1") -> bytes:
    target = "/sparql"
    if query is not None:
        target += "?query=" + quote(query, safe="") + extra
    elif extra:
        target += "?" + extra.lstrip("&")
    lines = [f"GET {target} HTTP/{version}", "Host: 127.0.0.1", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def post(body: bytes, content_type: str, *headers: str) -> bytes:
    lines = [
        "POST /sparql HTTP/1.1",
        "Host: 127.0.0.1",
        f"Content-Type: {content_type}",
        f"Content-Length: {len(body)}",
        *headers,
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


SERVED = {
    "select json": get(POINT),
    "select csv": get(POINT, "Accept: text/csv"),
    "select xml": get(POINT, "Accept: application/sparql-results+xml"),
    "select tsv by format": get(POINT, extra="&format=tsv"),
    "ask": get("ASK { ?s ?p ?o }", "Accept: application/sparql-results+xml"),
    "construct turtle": get("CONSTRUCT { ?p a pw:Pasal } WHERE { ?p a pw:Pasal } LIMIT 2"),
    "construct json-ld": get(
        "CONSTRUCT { ?p a pw:Pasal } WHERE { ?p a pw:Pasal } LIMIT 2",
        "Accept: application/ld+json",
    ),
    "description": get(None, "Accept: text/turtle"),
    "trailing slash": get(POINT).replace(b"GET /sparql?", b"GET /sparql/?"),
    "dataset by protocol": get(
        "SELECT (COUNT(*) AS ?n) { ?p a pw:Pasal }", extra="&default-graph-uri=" + GOOD_GRAPH
    ),
    "http/1.0": get(POINT, version="1.0"),
    "malformed": get("SELECT ?x WHERE {"),
    "malformed, english": get("SELECT ?x WHERE {", "Accept-Language: en"),
    "service": get("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"),
    "update": get("INSERT DATA { <a:b> <a:c> <a:d> }"),
    "too complex": get("SELECT * " + "{" * 100 + "}" * 100),
    "ambiguous": get("SELECT (1<'>' AS ?x) {}"),
    "not acceptable": get(POINT, "Accept: image/png"),
    "bad url encoding": get(None, extra="query=%ff"),
    "two queries": get(POINT, extra="&query=ASK%7B%7D"),
    "bad graph iri": get(POINT, extra="&named-graph-uri=relative"),
    "foreign from": get("SELECT * FROM <http://example.org/g> { ?s ?p ?o }"),
    "json-ld context": get(
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1",
        "Accept: application/ld+json",
        extra="&context=http://example.org/c",
    ),
    "post direct": post(POINT.encode(), "application/sparql-query"),
    "post form": post(
        ("query=" + quote(POINT, safe="")).encode(), FORM := "application/x-www-form-urlencoded"
    ),
    "post form, no query": post(b"x=1", FORM),
    "post update": post(b"INSERT DATA {}", "application/sparql-update"),
    "post latin-1 body": post(b"SELECT * {} # \xe9", "application/sparql-query"),
    "post other charset": post(POINT.encode(), "application/sparql-query; charset=latin-1"),
    "post other media type": post(POINT.encode(), "text/plain"),
}

LEFT_TO_GUNICORN = {
    "head": b"HEAD /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n",
    "options": b"OPTIONS /sparql HTTP/1.1\r\nHost: x\r\nOrigin: http://a\r\n\r\n",
    "another path": b"GET /sparql/x?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n",
    "a look-alike path": b"GET /sparqlx HTTP/1.1\r\nHost: x\r\n\r\n",
    "an encoded path": b"GET /spar%71l HTTP/1.1\r\nHost: x\r\n\r\n",
    "a fragment": b"GET /sparql?query=ASK%7B%7D#x HTTP/1.1\r\nHost: x\r\n\r\n",
    "http/2.0": b"GET /sparql HTTP/2.0\r\nHost: x\r\n\r\n",
    "chunked": b"POST /sparql HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    "two content types": (
        b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}"
    ),
    "a header with _": b"GET /sparql HTTP/1.1\r\nX_Forwarded_For: 1.2.3.4\r\n\r\n",
    "a folded header": b"GET /sparql HTTP/1.1\r\nAccept: text/csv,\r\n text/tsv\r\n\r\n",
    "a header without colon": b"GET /sparql HTTP/1.1\r\nAccept text/csv\r\n\r\n",
    "a space before the colon": b"GET /sparql HTTP/1.1\r\nAccept : text/csv\r\n\r\n",
    "a control character": b"GET /sparql HTTP/1.1\r\nAccept: a\x01b\r\n\r\n",
    "bare LF": b"GET /sparql HTTP/1.1\nHost: x\n\n",
    "expect": (
        b"POST /sparql HTTP/1.1\r\nExpect: 100-continue\r\nContent-Type: application/"
        b"sparql-query\r\nContent-Length: 2\r\n\r\n{}"
    ),
    "a pipelined request behind": (
        b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: 2\r\n\r\n{}GET /sparql HTTP/1.1\r\n\r\n"
    ),
    "a body on a GET without length": b"GET /sparql HTTP/1.1\r\nHost: x\r\n\r\nxyz",
    "a bad length": b"POST /sparql HTTP/1.1\r\nContent-Length: +2\r\n\r\n{}",
    "too many headers": b"GET /sparql HTTP/1.1\r\n" + b"X-A: 1\r\n" * 101 + b"\r\n",
    "a header too long": b"GET /sparql HTTP/1.1\r\nX-A: " + b"a" * 8200 + b"\r\n\r\n",
    "no end of head": b"GET /sparql HTTP/1.1\r\nHost: x\r\n",
}

GUNICORN_HEADERS = {"server", "date", "connection"}


@pytest.fixture(scope="module")
def fast(app) -> SparqlFastPath:
    path = SparqlFastPath.for_app(app)
    assert path is not None
    return path


def split_head(head: bytes) -> tuple[str, str, dict[str, str]]:
    lines = head.decode("latin-1").split("\r\n")
    assert lines[-2:] == ["", ""]
    version, _, status = lines[0].partition(" ")
    headers: dict[str, str] = {}
    for line in lines[1:-2]:
        name, _, value = line.partition(": ")
        assert name.lower() not in headers, f"{name} twice"
        headers[name.lower()] = value
    return version, status, headers


def through_flask(client, data: bytes):
    head = parse_head(data)
    headers = {name: value for name, value in head.headers.items() if name != "content-length"}
    content_type = headers.pop("content-type", None)
    return client.open(
        head.path,
        method=head.method,
        query_string=head.query_string,
        headers=headers,
        data=head.body,
        content_type=content_type,
    )


@pytest.mark.parametrize("name", SERVED)
def test_the_direct_path_answers_as_flask(fast, client, name):
    data = SERVED[name]
    request = fast.read(data)
    assert request is not None, "the direct path must serve this request"
    head, body, keep_alive = fast.respond(request, ("127.0.0.1", 4000), True)
    version, status, headers = split_head(head)
    expected = through_flask(client, data)
    assert status == expected.status
    assert body == expected.data
    assert int(headers["content-length"]) == len(body)
    flask_headers = {name.lower(): value for name, value in expected.headers.items()}
    assert {k: v for k, v in headers.items() if k not in GUNICORN_HEADERS} == flask_headers
    assert headers["server"] == "gunicorn"
    assert version == ("HTTP/1.0" if name == "http/1.0" else "HTTP/1.1")
    assert keep_alive is (name != "http/1.0")
    assert headers["connection"] == ("keep-alive" if keep_alive else "close")


def test_the_answers_cover_successes_and_refusals(fast):
    statuses = set()
    for data in SERVED.values():
        head, _, _ = fast.respond(fast.read(data), "127.0.0.1", True)
        statuses.add(int(split_head(head)[1].split()[0]))
    assert {200, 400, 403, 406, 415} <= statuses


@pytest.mark.parametrize("name", LEFT_TO_GUNICORN)
def test_requests_outside_the_subset_are_left_to_gunicorn(name):
    assert parse_head(LEFT_TO_GUNICORN[name]) is None


@pytest.mark.parametrize(
    ("connection", "version", "closes"),
    [
        (None, "1.1", False),
        ("close", "1.1", True),
        ("Close", "1.1", True),
        (None, "1.0", True),
        ("keep-alive", "1.0", False),
        ("upgrade", "1.1", False),
    ],
)
def test_keep_alive_follows_gunicorn(connection, version, closes):
    headers = [f"Connection: {connection}"] if connection else []
    assert wants_close(parse_head(get(POINT, *headers, version=version))) is closes


def test_the_worker_may_close_anyway(fast):
    _, _, keep_alive = fast.respond(fast.read(get(POINT)), "127.0.0.1", False)
    assert keep_alive is False


def test_no_direct_path_beside_a_before_request_hook(store):
    app = make_app(store)
    try:
        assert SparqlFastPath.for_app(app) is not None
        app.before_request(lambda: None)
        assert SparqlFastPath.for_app(app) is None
        assert SparqlFastPath.for_app(object()) is None
    finally:
        app.extensions["perwali.backend"].close()


def exchange(sock: socket.socket, data: bytes):
    sock.sendall(data)
    return read_response(sock)


def test_a_live_server_serves_directly_with_keep_alive(store):
    with running_server(store, EXECUTORS=2) as server:
        with socket.create_connection(("127.0.0.1", server.port), 30) as sock:
            first = exchange(sock, SERVED["select json"])
            second = exchange(sock, SERVED["service"])
            third = exchange(sock, SERVED["post direct"])
            fourth = exchange(sock, LEFT_TO_GUNICORN["options"])  # gunicorn's path
            fifth = exchange(sock, SERVED["select csv"])
        assert first.status == 200 and first.headers["connection"] == "keep-alive"
        assert len(json.loads(first.body)["results"]["bindings"]) == 3
        assert first.headers["access-control-allow-origin"] == "*"
        assert first.headers["vary"] == "Accept"
        assert second.status == 400 and second.json()["code"] == "service-refused"
        assert second.headers["access-control-allow-origin"] == "*"
        assert third.body == first.body
        assert fourth.status == 200 and "POST" in fourth.headers["access-control-allow-methods"]
        assert fifth.status == 200 and fifth.headers["content-type"].startswith("text/csv")
        with socket.create_connection(("127.0.0.1", server.port), 30) as sock:
            old = exchange(sock, SERVED["http/1.0"])
            assert old.headers["connection"] == "close"
            assert sock.recv(1) == b""  # closed after the answer
        assert old.status == 200 and old.body == first.body


@pytest.mark.parametrize("origin", ["https://tool.example", ""])
def test_the_learned_headers_follow_the_cors_setting(store, origin):
    app = make_app(store, CORS_ORIGIN=origin)
    try:
        fast, client = SparqlFastPath.for_app(app), app.test_client()
        for name in ("select json", "service", "post form"):
            head, body, _ = fast.respond(fast.read(SERVED[name]), "127.0.0.1", True)
            headers = split_head(head)[2]
            expected = through_flask(client, SERVED[name])
            flask_headers = {name.lower(): value for name, value in expected.headers.items()}
            assert {k: v for k, v in headers.items() if k not in GUNICORN_HEADERS} == flask_headers
            assert body == expected.data
            assert headers.get("access-control-allow-origin") == (origin or None)
    finally:
        app.extensions["perwali.backend"].close()


W3C_TESTS = [pytest.param(test, id=test["id"]) for test in TESTS] or [
    pytest.param(None, marks=pytest.mark.skip(reason="no W3C protocol suite"))
]


def w3c_bytes(step: dict) -> bytes:
    headers = dict(step["headers"])
    body = b""
    if step["body"] is not None:
        body = step["body"].encode(step["encoding"] or "utf-8")
        headers["Content-Length"] = str(len(body))
    lines = [f"{step['method']} {step['path']} HTTP/1.1", "Host: 127.0.0.1"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


@pytest.fixture(scope="module")
def w3c_datasets(backend, tmp_path_factory, request):
    url = request.getfixturevalue("sparql_server_url") if backend == "sparql" else None
    datasets = Datasets(backend, tmp_path_factory, url)
    yield datasets
    datasets.close()


@pytest.mark.parametrize("test", W3C_TESTS)
def test_the_w3c_protocol_requests_get_the_flask_answers(w3c_datasets, test):
    """The W3C suite's requests (``/sparql/``, every method and body) through both paths."""
    app = w3c_datasets.app_for(test["data"])
    fast, client = SparqlFastPath.for_app(app), app.test_client()
    for step in test["requests"]:
        data = w3c_bytes(step)
        request = fast.read(data)
        if step["method"] not in ("GET", "POST"):
            assert request is None  # gunicorn and Flask answer it (405)
            continue
        assert request is not None, step
        head, body, _ = fast.respond(request, "127.0.0.1", True)
        _, status, headers = split_head(head)
        expected = through_flask(client, data)
        assert status == expected.status
        assert body == expected.data
        flask_headers = {name.lower(): value for name, value in expected.headers.items()}
        assert {k: v for k, v in headers.items() if k not in GUNICORN_HEADERS} == flask_headers
