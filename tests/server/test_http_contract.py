"""Every request gets the JSON error contract and the right status (issue 7, item 5).

The cases gunicorn itself sees first (chunked bodies, long request lines, malformed
heads, slow clients) run against a real ``perwali serve``; the rest go through the app.
"""

from __future__ import annotations

import socket
import time
from urllib.parse import quote

import pytest
import rdflib
import requests

from server.worker import COMPLETE, MORE, examine
from tests.server.conftest import make_app, raw_request, read_response, running_server
from tests.server.test_executor import doubling

CAP = 65_536
SELECT_LABELS = "SELECT ?l { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }"


def post(body: bytes, headers: str = "") -> bytes:
    head = "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
    return (head + headers + "\r\n").encode() + body


def chunked(text: str, size: int = 10_000) -> bytes:
    data = text.encode()
    parts = [data[i : i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"


def get(query: str) -> bytes:
    return f"GET /sparql?query={quote(query)} HTTP/1.1\r\nHost: x\r\n\r\n".encode()


def assert_json_error(response, status: int, code: str) -> None:
    assert response.status == status, response.body[:300]
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["code"] == code and response.json()["message"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from perwali.store import load_into
    from tests.server.conftest import sample_quads

    data = tmp_path_factory.mktemp("contract")
    load_into(f"embedded:{data}", sample_quads())
    with running_server(
        f"embedded:{data}", QUERY_TIMEOUT=2, CLIENT_TIMEOUT=1.5, CLIENT_CONNECTIONS=6
    ) as running:
        yield running


# --- bodies and request lines, through gunicorn --------------------------------------


def test_an_oversized_chunked_body_is_413_not_cut(server):
    """Today's bug: the body was cut at 65,536 bytes and the shortened query ran."""
    query = "ASK {} #" + "a" * (CAP - 8)  # a whole query in the first 65,536 bytes
    response = raw_request(
        server.port, post(chunked(query + "x" * 5000), "Transfer-Encoding: chunked\r\n")
    )
    assert_json_error(response, 413, "request-too-large")
    form = "query=" + quote("ASK {}") + "&x=" + "a" * CAP
    head = "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n"
    data = b"POST /sparql HTTP/1.1\r\nHost: x\r\n" + head.encode() + b"\r\n" + chunked(form)
    assert_json_error(raw_request(server.port, data), 413, "request-too-large")


def test_a_chunked_body_under_the_cap_is_read_whole(server):
    query = "ASK { ?s ?p ?o } #" + "a" * 30_000
    response = raw_request(
        server.port, post(chunked(query, 1000), "Transfer-Encoding: chunked\r\n")
    )
    assert response.status == 200 and response.json() == {"head": {}, "boolean": True}


def test_a_body_over_the_cap_by_content_length_is_413_before_it_is_sent(server):
    data = post(b"", f"Content-Length: {CAP + 1}\r\n")  # the body never comes
    assert_json_error(raw_request(server.port, data), 413, "request-too-large")


@pytest.mark.parametrize("length", [10_000, 60_000])
def test_get_urls_up_to_the_documented_cap_are_served(server, length):
    """gunicorn answered HTML 414 past 8,190 bytes although the cap is 64 KiB."""
    response = raw_request(server.port, get("ASK {} #" + "a" * length))
    assert response.status == 200 and response.json()["boolean"] is True


@pytest.mark.parametrize("length", [66_000, 100_000, 1_000_000])
def test_get_urls_past_the_cap_are_json_414(server, length):
    assert_json_error(
        raw_request(server.port, get("ASK {} #" + "a" * length)), 414, "request-too-large"
    )


@pytest.mark.parametrize(
    "head",
    [
        "Content-Type: application/sparql-query\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n",
        "Content-Type: application/sparql-query\r\nContent-Length: 6\r\n"
        "Transfer-Encoding: chunked\r\n",
        "Content-Type: application/sparql-query\r\nContent-Length: 6\r\nContent-Length: 7\r\n",
    ],
    ids=["two-content-types", "length-and-chunked", "two-lengths"],
)
def test_heads_gunicorn_refuses_are_json_400(server, head):
    data = f"POST /sparql HTTP/1.1\r\nHost: x\r\n{head}\r\nASK {{}}".encode()
    assert_json_error(raw_request(server.port, data), 400, "bad-request")


@pytest.mark.parametrize(
    ("data", "status"),
    [
        (b"GET /sparql HTTP/1.1\nHost: x\n\n", 400),  # bare LF
        (b"G@T /sparql HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (b"GET /health HTTP/1.1\r\nHost: x\r\nX-A: " + b"a" * 9000 + b"\r\n\r\n", 431),
        (b"POST /sparql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 400),
    ],
    ids=["bare-lf", "bad-method", "long-header", "unknown-coding"],
)
def test_other_malformed_requests_get_json(server, data, status):
    response = raw_request(server.port, data)
    assert response.status == status and response.headers["content-type"] == "application/json"
    assert response.json()["code"] in ("bad-request", "headers-too-large")


def test_a_route_that_declared_a_larger_body_gets_it_through_the_worker(server):
    text = "é" * 40_000  # 40,000 characters (the route takes 64,000), 80,000 bytes
    head = "POST /api/cite/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
    data = f"{head}Content-Length: {2 * len(text)}\r\n\r\n{text}".encode()
    response = raw_request(server.port, data)
    assert response.status == 200, response.body[:300]
    assert response.json() == {"count": 0, "citations": []}
    over = head + f"Content-Length: {CAP + 1}\r\n\r\n"  # another path keeps the cap
    assert_json_error(
        raw_request(server.port, over.replace("/api/cite/extract", "/sparql").encode()),
        413,
        "request-too-large",
    )


def test_a_large_answer_on_a_kept_alive_connection_reaches_a_slow_reader_whole(server):
    # the second request comes through the event loop, which leaves the socket non-blocking
    big = doubling(19)  # one value of 4 MiB: more than the socket's send buffer
    with socket.create_connection(("127.0.0.1", server.port), 10) as sock:
        sock.sendall(get("ASK {}"))
        assert read_response(sock).status == 200
        time.sleep(0.1)  # past the answering thread's wait for a next request
        sock.sendall(get(big))
        time.sleep(0.3)  # a slow reader: the server's send buffer fills
        response = read_response(sock)
        assert response.status == 200
        assert len(response.body) == int(response.headers["content-length"]) > 4 * 2**20


def test_expect_100_continue_and_pipelining(server):
    with socket.create_connection(("127.0.0.1", server.port), 10) as sock:
        sock.sendall(post(b"", "Content-Length: 6\r\nExpect: 100-continue\r\n"))
        assert sock.recv(100).startswith(b"HTTP/1.1 100 Continue\r\n\r\n")
        sock.sendall(b"ASK {}")
        assert read_response(sock).json()["boolean"] is True
        sock.sendall(get("ASK {}") + get("ASK { ?s ?p ?o }"))  # two requests at once
        assert read_response(sock).status == read_response(sock).status == 200


def test_two_responses_read_at_once_are_both_returned():
    """The test reader keeps what it read past one response: pipelined answers arriving in
    one segment (as the server may send them) are two responses, not one and a hang."""
    ours, theirs = socket.socketpair()
    with ours, theirs:
        answer = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
        theirs.sendall(answer + answer.replace(b"200 OK", b"404 Not Found"))
        ours.settimeout(2)
        assert read_response(ours).body == b"ok"
        assert read_response(ours).status == 404


# --- slow and idle clients -------------------------------------------------------------


def test_idle_and_slow_clients_hold_no_thread_and_are_timed_out(server):
    """Half-open connections (a request line, part of a body, nothing) never reach a
    thread: a cheap query is answered at once beside them, and each gets a JSON 408 (or,
    having sent nothing, is closed) after CLIENT_TIMEOUT (1.5 s here)."""
    sockets = [socket.create_connection(("127.0.0.1", server.port), 10) for _ in range(5)]
    sockets[0].sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\n")
    sockets[1].sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n")
    sockets[2].sendall(post(b"ASK", "Content-Length: 6\r\n"))
    sockets[3].sendall(post(b"3\r\nASK\r\n", "Transfer-Encoding: chunked\r\n"))
    try:
        time.sleep(0.2)
        started = time.monotonic()
        answer = requests.get(server.url, params={"query": "ASK {}"}, timeout=10)
        assert answer.status_code == 200 and time.monotonic() - started < 1.0
        for sock in sockets[:4]:
            assert_json_error(read_response(sock), 408, "request-timeout")
        assert sockets[4].recv(100) == b""  # sent nothing: closed without an answer
    finally:
        for sock in sockets:
            sock.close()


def test_connections_per_client_address_are_capped(server):
    """CLIENT_CONNECTIONS=6 here: a 7th connection from one address is refused with a JSON
    503; another address is still served."""
    sockets = [
        socket.create_connection(("127.0.0.1", server.port), 10, ("127.0.0.7", 0)) for _ in range(6)
    ]
    try:
        time.sleep(0.2)
        refused = raw_request(server.port, get("ASK {}"), source="127.0.0.7")
        assert_json_error(refused, 503, "too-many-connections")
        assert raw_request(server.port, get("ASK {}"), source="127.0.0.8").status == 200
    finally:
        for sock in sockets:
            sock.close()
    time.sleep(0.3)
    assert raw_request(server.port, get("ASK {}"), source="127.0.0.7").status == 200


# --- through the app (both backends) ---------------------------------------------------


@pytest.mark.parametrize("iri", ["relative/graph", "http://a b/", "", "<http://x/>"])
@pytest.mark.parametrize("name", ["default-graph-uri", "named-graph-uri"])
def test_a_bad_graph_iri_is_400_not_500(client, name, iri):
    for response in (
        client.get("/sparql", query_string={"query": "ASK {}", name: iri}),
        client.post("/sparql", data={"query": "ASK {}", name: iri}),
    ):
        assert response.status_code == 400 and response.json["code"] == "bad-graph-iri"


def test_invalid_utf8_in_a_url_or_form_is_400_not_replaced(client):
    response = client.get("/sparql?query=ASK%20%7B%7D%20%23%FF")
    assert response.status_code == 400 and response.json["code"] == "bad-url-encoding"
    response = client.get("/sparql?query=ASK%20%7B%7D&default-graph-uri=http://x/%C3%28")
    assert response.status_code == 400 and response.json["code"] == "bad-url-encoding"
    response = client.post(
        "/sparql",
        data=b"query=ASK%20%7B%7D%20%23%FF",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400 and response.json["code"] == "bad-encoding"
    ok = client.get("/sparql?query=ASK%20%7B%7D%20%23%C3%A9")  # é, well encoded
    assert ok.status_code == 200


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
        ("application/n-triples", "turtle"),  # cannot hold <>: written in Turtle
    ],
)
def test_the_host_header_is_never_written_into_the_description(client, accept, fmt):
    response = client.get("/sparql", headers={"Host": "evil.example", "Accept": accept})
    assert response.status_code == 200 and b"evil.example" not in response.data
    graph = rdflib.Graph().parse(
        data=response.data, format=fmt, publicID="https://endpoint.example/sparql"
    )
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert rdflib.URIRef("https://endpoint.example/sparql") in set(graph.subjects(sd.endpoint))


def test_a_public_url_names_the_endpoint(store):
    app = make_app(store, PUBLIC_URL="https://data.example/sparql")
    try:
        response = app.test_client().get(
            "/sparql", headers={"Host": "evil.example", "Accept": "application/n-triples"}
        )
        assert response.mimetype == "application/n-triples"
        assert b"<https://data.example/sparql>" in response.data
        assert b"evil.example" not in response.data
    finally:
        app.extensions["perwali.backend"].close()


def test_answers_are_capped_in_bytes(store):
    app = make_app(store, MAX_RESPONSE_BYTES=300)
    try:
        client = app.test_client()
        small = client.get("/sparql", query_string={"query": SELECT_LABELS + " LIMIT 2"})
        assert small.status_code == 200
        big = client.get("/sparql", query_string={"query": SELECT_LABELS})
        assert big.status_code == 422 and big.json["code"] == "response-too-large"
    finally:
        app.extensions["perwali.backend"].close()


def test_examine_tells_whole_requests_from_partial_ones():
    head = b"POST / HTTP/1.1\r\nHost: x\r\n"
    assert examine(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", 100, 50) == COMPLETE
    assert examine(b"GET / HTTP/1.1\r\nHost: x\r\n", 100, 50) == MORE
    assert examine(head + b"Content-Length: 5\r\n\r\nab", 100, 50) == MORE
    assert examine(head + b"Content-Length: 5\r\n\r\nabcde", 100, 50) == COMPLETE
    assert examine(head + b"Content-Length: 51\r\n\r\n", 100, 50).status == 413
    body = b"Transfer-Encoding: chunked\r\n\r\n"
    assert examine(head + body + b"3\r\nabc\r\n", 100, 50) == MORE
    assert examine(head + body + b"3\r\nabc\r\n0\r\n\r\n", 100, 50) == COMPLETE
    assert examine(head + body + b"20\r\n" + b"a" * 32 + b"\r\n20\r\n", 100, 50).status == 413
    assert examine(head + body + b"zz\r\n", 100, 50) == COMPLETE  # gunicorn refuses it
    assert examine(b"GET /" + b"a" * 200, 100, 50).status == 414
    assert examine(b"GET / HTTP/1.1\r\nX: " + b"a" * 200, 100, 50).status == 431


def test_uploads_pass_the_worker_within_a_memory_budget(tmp_path):
    """The upload routes declare 20 MB: the worker lets such bodies through (they were
    413 under ``perwali serve``), but holds at most ``LARGE_BODIES_BYTES`` of them at once."""
    from perwali.store import load_into
    from tests.server.conftest import sample_quads

    load_into(f"embedded:{tmp_path}", sample_quads())
    budget = 300_000
    upload = "# " + "x" * 150_000 + "\n<urn:a> <urn:b> <urn:c> .\n"
    head = "POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: text/turtle\r\nContent-Length: {n}\r\n\r\n"
    with running_server(
        f"embedded:{tmp_path}", CLIENT_TIMEOUT=5, LARGE_BODIES_BYTES=budget
    ) as running:
        for path in ("/api/validate?regulation=palu-28-2023", "/validasi"):
            data = head.format(path=path, n=len(upload)).encode() + upload.encode()
            response = raw_request(running.port, data)
            assert response.status != 413, response.body[:300]  # the view's own answer
        held = head.format(path="/api/validate", n=250_000).encode() + b"x" * 200_000
        with socket.create_connection(("127.0.0.1", running.port), 10) as slow:
            slow.sendall(held)  # incomplete: the worker holds 200,000 bytes of it
            time.sleep(0.3)
            response = raw_request(running.port, held + b"x" * 50_000)
            assert_json_error(response, 503, "uploads-busy")
            assert response.headers["retry-after"] == "1"
        alone = head.format(path="/api/validate", n=250_000).encode() + b"x" * 250_000
        assert raw_request(running.port, alone).status != 503  # the budget is free again


def test_the_worker_refuses_in_the_language_the_client_prefers(server):
    """The worker's own refusals (before Flask) read ``Accept-Language`` as the API does."""
    head = "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: {n}\r\n"
    for language, words in (("", "terlalu besar"), ("Accept-Language: en\r\n", "larger than")):
        data = (head.format(n=CAP + 1) + language + "\r\n").encode()
        response = raw_request(server.port, data)
        assert_json_error(response, 413, "request-too-large")
        assert words in response.json()["message"]
