"""Differential fuzzing of the worker's direct /sparql path (server/fastpath.py) against gunicorn.

The direct path reads requests from the bytes the worker holds, in front of a public endpoint:
it must never take a request that gunicorn's parser refuses or reads differently (request
smuggling, desync), must answer as gunicorn + Flask do, and must never raise. Hypothesis
writes raw requests — methods, targets (``/sparql``, ``/sparql/``, ``//sparql``,
``/SPARQL``, percent-encoded, absolute-form, fragments), versions, header names and values
with odd bytes (NUL, lone CR or LF, obs-fold, space before the colon, tabs, latin-1, empty,
long), repeated ``Content-Length``/``Content-Type``/``Host``, lengths with signs, zeros,
spaces, hex, superscript digits, thousands of digits, ``Transfer-Encoding`` and
``Connection`` variants, forwarded-scheme headers, bodies longer or shorter than their
length, pipelined requests behind them — and mutates them byte by byte. Properties:

A. whatever :meth:`SparqlFastPath.read` accepts, gunicorn's ``RequestParser`` (the limits
   of ``perwali serve``, fed as the worker feeds it, from a trusted proxy's address or
   another) accepts too, with the same method, target, version, headers, body, keep-alive
   and WSGI environ, and consumes every byte (a pipelined request would start at the same
   offset);
B. for such requests the direct path's response equals gunicorn + Flask's: status line,
   every header but ``Date``, body;
C. ``read`` never raises, on any bytes.

CI runs a bounded derandomized set (well under 60 s). Longer runs:
``FASTPATH_FUZZ_EXAMPLES=20000 FASTPATH_FUZZ_SEED=1 python3 -m pytest
tests/server/test_fastpath_fuzz.py`` (examples of property A; B and C get a share; without
a seed the run is derandomized, so vary the seed to explore further).
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from urllib.parse import quote, quote_plus

import pytest
from gunicorn.config import Config
from gunicorn.http import wsgi
from gunicorn.http.parser import RequestParser
from hypothesis import HealthCheck, given, note, seed, settings
from hypothesis import strategies as st

from server.cli import gunicorn_options
from server.fastpath import SparqlFastPath, parse_head, wants_close
from server.worker import HEAD_ALLOWANCE, examine

# --- settings ------------------------------------------------------------------------------

EXAMPLES = int(os.environ.get("FASTPATH_FUZZ_EXAMPLES", "0"))
SEED = os.environ.get("FASTPATH_FUZZ_SEED")


def fuzz(ci_examples: int, share: float = 1.0):
    """Bounded, reproducible Hypothesis settings (scaled up by FASTPATH_FUZZ_EXAMPLES)."""
    examples = max(ci_examples, int(EXAMPLES * share)) if EXAMPLES else ci_examples
    bounded = settings(
        max_examples=examples,
        deadline=None,
        derandomize=SEED is None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )

    def decorate(test):
        test = bounded(test)
        return seed(int(SEED))(test) if SEED is not None else test

    return decorate


# --- gunicorn, as perwali serve configures and feeds it ------------------------------------


def serve_config() -> Config:
    """gunicorn's settings as ``perwali serve`` sets them (the worker's limits included)."""
    cfg = Config()
    args = argparse.Namespace(host="127.0.0.1", port=8000, workers=2)
    for key, value in gunicorn_options(args, {"THREADS": 8, "QUERY_TIMEOUT": 10}).items():
        if value is not None:
            cfg.set(key, value)
    return cfg


CFG = serve_config()
SERVER_ADDRESS = ("127.0.0.1", 8000)
TRUSTED = ("127.0.0.1", 40000)  # in forwarded_allow_ips: the scheme headers count
OTHER = ("203.0.113.9", 40000)


class ClientSocket:
    """The client's socket once the worker has read the request: nothing more arrives."""

    def __init__(self):
        self.sent = bytearray()

    def recv(self, size: int) -> bytes:
        return b""

    def send(self, data: bytes) -> int:
        self.sent += data
        return len(data)

    def sendall(self, data: bytes) -> None:
        self.sent += data


def gunicorn_request(data: bytes, peer: tuple):
    """gunicorn's reading of ``data``, as the worker hands it over (unread into the
    connection's parser, then ``next(parser)``); raises what gunicorn raises."""
    sock = ClientSocket()
    parser = RequestParser(CFG, sock, peer)
    parser.unreader.unread(data)
    return next(parser), parser, sock


@pytest.fixture(scope="module")
def backend() -> str:
    return "embedded"  # the parsing and the answer do not depend on the store


@pytest.fixture(scope="module")
def fast(app) -> SparqlFastPath:
    """The direct path as the worker builds it (gunicorn's header limits)."""
    path = SparqlFastPath.for_app(
        app, max_fields=CFG.limit_request_fields, max_field_size=CFG.limit_request_field_size
    )
    assert path is not None
    return path


# --- what the requests are made of ---------------------------------------------------------

POINT = "SELECT ?l { ?p a pw:Pasal ; rdfs:label ?l } ORDER BY ?l LIMIT 3"
QUERIES = [
    POINT,
    "ASK { ?s ?p ?o }",
    "CONSTRUCT { ?p a pw:Pasal } WHERE { ?p a pw:Pasal } LIMIT 2",
    "SELECT ?x WHERE {",
    "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "INSERT DATA { <a:b> <a:c> <a:d> }",
    "SELECT * {} # \u00e9",
]
PARAMETERS = [
    "format=tsv",
    "format=xml",
    "default-graph-uri=https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28",
    "named-graph-uri=relative",
    "query=%ff",
    "query=ASK%7B%7D",
    "context=http://example.org/c",
    "x",
    "",
]
ODD_BYTES = [b"\x00", b"\t", b"\r", b"\n", b" ", b"\x7f", b"\x80", b"\xb2", b"\xff", b"\x0b"]
ODD_BYTES += [b":", b"_", b"0", b"#", b"?", b"/", b"%", b",", b";", b'"', b"\\"]


@dataclass(frozen=True)
class Odds:
    """How odd a request is made: each part is odd one time in ``rate`` (0: never), and
    the part named ``focus`` one time in two. A request with rate 0 and a focus is valid but
    for one part: the odd parts are met alone too, not only beside others that make the
    request refused anyway."""

    rate: int = 0
    focus: str = ""


PARTS = (
    "method target query version space line-end header-count value content-type length "
    "length-count framing scheme any-bytes separator tail eol name obs-fold field-count field-size "
    "body pipelined leading"
).split()


def chance(draw, odds: Odds, part: str, scale: int = 1) -> bool:
    """Whether ``part`` of this request is odd."""
    if part == odds.focus and draw(st.booleans()):
        return True
    rate = odds.rate * scale
    return rate > 0 and draw(st.integers(0, rate - 1)) == 0


def one(draw, clean: list, odd: list, odds: Odds, part: str):
    """A clean choice for ``part``, or an odd one (see :class:`Odds`)."""
    if odd and chance(draw, odds, part):
        return draw(st.sampled_from(odd))
    return draw(st.sampled_from(clean))


def encode_query(draw, query: str) -> str:
    return draw(st.sampled_from([quote(query, safe=""), quote_plus(query), quote(query)]))


@st.composite
def query_strings(draw, odds: Odds) -> bytes | None:
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            parts.append("query=" + encode_query(draw, draw(st.sampled_from(QUERIES))))
        else:
            parts.append(draw(st.sampled_from(PARAMETERS)))
    if not parts and draw(st.booleans()):
        return None
    text = draw(st.sampled_from(["&", ";"])).join(parts).encode("ascii")
    if chance(draw, odds, "query"):
        text += draw(st.sampled_from([*ODD_BYTES, b"#frag", b"?", b"%", b"%2", b"a b"]))
    return text


TARGETS = [b"/sparql", b"/sparql", b"/sparql", b"/sparql/"]
ODD_TARGETS = [
    b"//sparql",
    b"/SPARQL",
    b"/Sparql",
    b"/spar%71l",
    b"/sparql%2F",
    b"/sparql/x",
    b"/sparqlx",
    b"/./sparql",
    b"/sparql;x",
    b"http://127.0.0.1/sparql",
    b"HTTP://h/sparql",
    b"sparql",
    b"*",
    b"",
    b"/sparql ",
    b"/sparql\t",
]
VERSIONS = [b"HTTP/1.1", b"HTTP/1.1", b"HTTP/1.0"]
ODD_VERSIONS = [
    b"HTTP/0.9",
    b"HTTP/2.0",
    b"HTTP/1.2",
    b"HTTP/2",
    b"http/1.1",
    b"HTTP/1.1 ",
    b"HTTP/11",
    b"HTTP/1.01",
    b"HTTP/1.\xb9",
    b"HTTP/\xb9.1",
    b"",
    b"HTTP",
]
METHODS = [b"GET", b"POST"]
ODD_METHODS = [b"HEAD", b"PUT", b"OPTIONS", b"get", b"Post", b"GET ", b"GETX", b"G\x00ET", b""]
EOLS = [b"\r\n"]
ODD_EOLS = [b"\n", b"\r", b"\r\r\n", b"\n\r", b"\r\n\r\n"]
SEPARATORS = [b": ", b": ", b":", b":\t", b":  "]
ODD_SEPARATORS = [b" :", b"\t:", b" : ", b"::", b"", b":\x0b", b":\x00"]
TAILS = [b"", b"", b"", b" ", b"\t", b" \t"]
ODD_TAILS = [b"\x00", b"\x0b", b"\x0c", b"\r", b"\xa0", b"\x7f"]

LENGTH_FORMS = ["exact", "exact", "exact", "exact", "spaced", "zeros"]
ODD_LENGTH_FORMS = ["plus", "minus", "sign", "negative", "hex", "huge", "digits", "superscript"]
ODD_LENGTH_FORMS += ["list", "empty", "float", "underscore", "fullwidth"]


def length_value(form: str, size: int) -> bytes:
    """A ``Content-Length`` value for a body of ``size`` bytes in the given form."""
    text = {
        "exact": str(size),
        "spaced": f" {size} ",
        "zeros": f"00{size}",
        "plus": str(size + 1),
        "minus": str(size - 1),
        "sign": f"+{size}",
        "negative": f"-{size}",
        "hex": hex(size),
        "huge": "9" * 25,
        "digits": "0" * 4400 + str(size),  # over Python's 4,300-digit int() limit
        "superscript": "\u00b2",  # '²'.isdigit() is True, int('²') raises
        "list": f"{size}, {size}",
        "empty": "",
        "float": f"{size}.0",
        "underscore": f"{size}_0",
        "fullwidth": "\u00bd",
    }[form]
    return text.encode("latin-1")


def name_variant(draw, name: bytes, odds: Odds) -> bytes:
    clean = [name, name.lower(), name.upper()]
    odd = [name.replace(b"-", b"_"), name + b" ", b" " + name, name + b"\t", name[:-1] + b"\x00"]
    odd += [name + b"\xff", name.replace(b"-", b"")]
    return one(draw, clean, odd, odds, "name")


CONTENT_TYPES = [
    b"application/sparql-query",
    b"application/x-www-form-urlencoded",
    b"application/x-www-form-urlencoded; charset=utf-8",
    b"application/sparql-query; charset=latin-1",
    b"text/plain",
]
ODD_CONTENT_TYPES = [b"", b"multipart/form-data; boundary=x", b"APPLICATION/SPARQL-QUERY", b"*/*"]
VALUES = {
    b"Host": ([b"127.0.0.1", b"127.0.0.1:8000", b"example.org"], [b"", b"a b", b"h\xff", b"x:y:z"]),
    b"Accept": (
        [b"*/*", b"text/csv", b"application/sparql-results+xml", b"text/turtle", b"image/png"],
        [b"", b"text/csv;q=0", b"application/ld+json; profile=x", b"\xff"],
    ),
    b"Accept-Language": ([b"en", b"id", b"en-US,en;q=0.9"], [b"", b"*", b"EN"]),
    b"Origin": ([b"http://a.example", b"null"], [b""]),
    b"Connection": (
        [b"close", b"keep-alive", b"Close", b"Keep-Alive", b"upgrade"],
        [b"close, keep-alive", b"", b" close", b"closed"],
    ),
    b"X-Custom": ([b"1", b"a b", b"caf\xe9"], [b"\x01", b"a\x00b", b"x" * 9000]),
}
#: Headers that change how gunicorn frames or reads a request.
FRAMING = [
    (b"Transfer-Encoding", b"chunked"),
    (b"Transfer-Encoding", b" chunked"),
    (b"Transfer-Encoding", b"Chunked"),
    (b"Transfer-Encoding", b"x-chunked"),
    (b"Transfer-Encoding", b"gzip, chunked"),
    (b"Transfer-Encoding", b"identity"),
    (b"Expect", b"100-continue"),
    (b"Expect", b"nothing"),
    (b"Upgrade", b"h2c"),
    (b"HTTP2-Settings", b"AAMAAABkAARAAAAAAAIAAAAA"),
    (b"Trailer", b"X-A"),
    (b"TE", b"trailers"),
    (b"Content-Encoding", b"gzip"),
]
#: gunicorn reads these from a trusted peer (the URL scheme; two that disagree: 400).
SCHEME = [
    (b"X-Forwarded-Proto", b"https"),
    (b"X-Forwarded-Ssl", b"on"),
    (b"X-Forwarded-Protocol", b"ssl"),
    (b"X-Forwarded-Proto", b"http"),
    (b"X-Forwarded-Ssl", b"off"),
    (b"X-Forwarded-For", b"1.2.3.4"),
    (b"Forwarded", b"proto=https"),
    (b"Script-Name", b"/x"),
]


@st.composite
def header_lines(draw, body: bytes, method: bytes, odds: Odds) -> list[bytes]:
    """The header lines of a request with ``body``, in a drawn order."""
    fields: list[tuple[bytes, bytes]] = []
    for name in (b"Host", b"Accept", b"Accept-Language", b"Origin", b"Connection", b"X-Custom"):
        times = one(draw, [0, 1], [2], odds, "header-count")
        for _ in range(times):
            fields.append((name, one(draw, *VALUES[name], odds, "value")))
    if method == b"POST" or draw(st.integers(0, 5)) == 0:
        for _ in range(one(draw, [1], [0, 2], odds, "header-count")):
            kind = one(draw, CONTENT_TYPES, ODD_CONTENT_TYPES, odds, "content-type")
            fields.append((b"Content-Type", kind))
    if body or method == b"POST" or draw(st.booleans()):
        for _ in range(one(draw, [1], [0, 2], odds, "length-count")):
            form = one(draw, LENGTH_FORMS, ODD_LENGTH_FORMS, odds, "length")
            fields.append((b"Content-Length", length_value(form, len(body))))
    if odds.rate or odds.focus:
        for _ in range(one(draw, [0], [1, 2], odds, "framing")):
            fields.append(draw(st.sampled_from(FRAMING)))
        for _ in range(one(draw, [0], [1, 2], odds, "scheme")):
            fields.append(draw(st.sampled_from(SCHEME)))
        if chance(draw, odds, "any-bytes", 2):  # a name or value of any bytes
            token = st.binary(max_size=12)
            fields.append((draw(token), draw(st.binary(max_size=20))))
    fields = draw(st.permutations(fields))
    lines = []
    for name, value in fields:
        separator = one(draw, SEPARATORS, ODD_SEPARATORS, odds, "separator")
        tail = one(draw, TAILS, ODD_TAILS, odds, "tail") + one(draw, EOLS, ODD_EOLS, odds, "eol")
        line = name_variant(draw, name, odds) + separator + value + tail
        if chance(draw, odds, "obs-fold", 3):
            line += draw(st.sampled_from([b" ", b"\t"])) + b"more\r\n"
        lines.append(line)
    if chance(draw, odds, "field-count", 4):
        count = draw(st.integers(94, CFG.limit_request_fields + 1)) - len(lines)
        lines += [b"X-N: 1\r\n"] * count
    if chance(draw, odds, "field-size", 4):
        limit = CFG.limit_request_field_size
        # (integers() leans to its lower bound: the sizes at the edge come first here)
        size = draw(st.sampled_from([limit - 1, limit, limit - 2, limit + 1, limit - 3]))
        lines.append(b"X-Long: " + b"v" * (size - 8) + b"\r\n")
    return lines


@st.composite
def bodies(draw, method: bytes, odds: Odds) -> bytes:
    if method != b"POST" and draw(st.integers(0, 4)) > 0:
        return b""
    query = draw(st.sampled_from(QUERIES))
    choices = [
        query.encode("utf-8"),
        ("query=" + encode_query(draw, query)).encode("ascii"),
        b"x=1",
        b"",
    ]
    if chance(draw, odds, "body"):
        choices = [query.encode("latin-1", "replace"), draw(st.binary(max_size=40))]
    return draw(st.sampled_from(choices))


PIPELINED = [
    b"GET /sparql HTTP/1.1\r\nHost: x\r\n\r\n",
    b"POST /sparql HTTP/1.1\r\nContent-Length: 5\r\n\r\nASK{}",
    b"GET /admin HTTP/1.1\r\n\r\n",
    b"x",
    b"\r\n",
    b"0\r\n\r\n",
]


@st.composite
def raw_requests(draw, allow_odd: bool = True, mutate: bool = True) -> bytes:
    """The bytes of one request (perhaps with more behind it)."""
    odds = Odds()
    if allow_odd:
        odds = Odds(draw(st.sampled_from([0, 0, 8, 20, 60])), draw(st.sampled_from(PARTS)))
    method = one(draw, METHODS, ODD_METHODS, odds, "method")
    target = one(draw, TARGETS, ODD_TARGETS, odds, "target")
    query = draw(query_strings(odds))
    if query is not None:
        target += b"?" + query
    version = one(draw, VERSIONS, ODD_VERSIONS, odds, "version")
    space = one(draw, [b" "], [b"  ", b"\t", b"\x0b"], odds, "space")
    body = draw(bodies(method, odds))
    data = method + space + target + b" " + version + one(draw, EOLS, ODD_EOLS, odds, "line-end")
    data += b"".join(draw(header_lines(body, method, odds)))
    data += one(draw, EOLS, ODD_EOLS, odds, "eol") + body
    if chance(draw, odds, "pipelined"):
        data += draw(st.sampled_from(PIPELINED))
    if chance(draw, odds, "leading", 4):
        data = draw(st.sampled_from([b"\r\n", b"\n", b" "])) + data  # before the request line
    if mutate:
        data = draw(mutated(data))
    return data


@st.composite
def mutated(draw, data: bytes) -> bytes:
    """``data`` with up to three byte-level edits (insert, replace, delete, duplicate)."""
    data = bytearray(data)
    for _ in range(draw(st.sampled_from([0, 0, 0, 0, 1, 1, 2, 3]))):
        at = draw(st.integers(0, len(data)))
        byte = draw(st.one_of(st.sampled_from(ODD_BYTES), st.binary(min_size=1, max_size=1)))
        kind = draw(st.sampled_from(["insert", "replace", "delete", "duplicate"]))
        if kind == "insert":
            data[at:at] = byte
        elif kind == "replace":
            data[at : at + 1] = byte
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 4))]
        else:
            end = draw(st.integers(at, min(len(data), at + 40)))
            data[at:at] = data[at:end]
    return bytes(data)


# --- property A: no desync -----------------------------------------------------------------

#: The WSGI environ keys the answer can depend on (SERVER_NAME/PORT aside: gunicorn takes
#: them from the listening socket, the direct path from ``Host``; no answer reads them).
ENVIRON_KEYS = (
    "REQUEST_METHOD",
    "SCRIPT_NAME",
    "PATH_INFO",
    "QUERY_STRING",
    "RAW_URI",
    "SERVER_PROTOCOL",
    "REMOTE_ADDR",
    "wsgi.url_scheme",
)


def check_same_reading(fast: SparqlFastPath, data: bytes, peer: tuple) -> None:
    """Property A for ``data``: if the direct path takes it, gunicorn reads it the same."""
    head = fast.read(data)
    if head is None:
        return
    note(f"direct path took {data!r}")
    try:
        request, parser, sock = gunicorn_request(data, peer)
        body = request.body.read()
    except Exception as error:  # any refusal is the failure
        pytest.fail(f"the direct path took a request gunicorn refuses ({error!r}): {data!r}")
    assert (request.method, request.path, request.query) == (
        head.method,
        head.path,
        head.query_string,
    )
    assert request.fragment == ""
    assert request.version == (1, head.minor)
    gunicorn_headers = [(name.lower(), value) for name, value in request.headers]
    assert sorted(gunicorn_headers) == sorted(head.headers.items())
    assert body == head.body
    assert parser.unreader.take_buffered() == b"", "gunicorn stopped before the end"
    assert request.should_close() == wants_close(head)
    assert sock.sent == b""  # no 100 Continue or anything else written
    # the environ the app sees, apart from the body stream
    request, _, _ = gunicorn_request(data, peer)
    _, environ = wsgi.create(request, ClientSocket(), peer, SERVER_ADDRESS, CFG)
    ours = fast._environ(head, peer)
    for key in ENVIRON_KEYS:
        assert ours.get(key) == environ.get(key), key
    ours_http = {k: v for k, v in ours.items() if k.startswith(("HTTP_", "CONTENT_"))}
    theirs_http = {k: v for k, v in environ.items() if k.startswith(("HTTP_", "CONTENT_"))}
    assert ours_http == theirs_http


@fuzz(1000)
@given(data=raw_requests(), peer=st.sampled_from([TRUSTED, OTHER]))
def test_what_the_direct_path_takes_gunicorn_reads_the_same(fast, data, peer):
    check_same_reading(fast, data, peer)


@fuzz(800, share=0.5)
@given(data=raw_requests(mutate=False), peer=st.sampled_from([TRUSTED, OTHER]))
def test_structural_variants_are_read_the_same(fast, data, peer):
    """Without byte edits: more requests that differ from a valid one in one part only."""
    check_same_reading(fast, data, peer)


@fuzz(300, share=0.25)
@given(data=raw_requests(allow_odd=False, mutate=True), peer=st.sampled_from([TRUSTED, OTHER]))
def test_near_valid_requests_are_read_the_same(fast, data, peer):
    """Clean requests with byte edits: most are taken, so the edits meet the accepted space."""
    check_same_reading(fast, data, peer)


# --- property B: same answer ---------------------------------------------------------------


def split_response(raw: bytes) -> tuple[str, list[tuple[str, str]], bytes]:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = []
    for line in lines[1:]:
        name, _, value = line.partition(": ")
        if name.lower() != "date":
            headers.append((name.lower(), value))
    return lines[0], sorted(headers), body


def through_gunicorn_and_flask(app, data: bytes, peer: tuple) -> bytes:
    """The bytes gunicorn writes for ``data`` answered by the Flask app (as its threaded
    worker's ``handle_request`` does, keep-alive allowed)."""
    request, _, _ = gunicorn_request(data, peer)
    sock = ClientSocket()
    response, environ = wsgi.create(request, sock, peer, SERVER_ADDRESS, CFG)
    result = app(environ, response.start_response)
    try:
        for chunk in result:
            response.write(chunk)
        response.close()
    finally:
        if hasattr(result, "close"):
            result.close()
    return bytes(sock.sent)


def check_same_answer(fast: SparqlFastPath, app, data: bytes, peer: tuple) -> None:
    head = fast.read(data)
    if head is None:
        return
    status_head, body, keep_alive = fast.respond(head, peer, True)
    ours = split_response(status_head + body)
    theirs = split_response(through_gunicorn_and_flask(app, data, peer))
    assert ours[0] == theirs[0], data
    assert ours[1] == theirs[1], data
    assert ours[2] == theirs[2], data
    assert ("connection", "keep-alive" if keep_alive else "close") in ours[1]


@fuzz(80, share=0.05)
@given(data=raw_requests(allow_odd=False, mutate=False), peer=st.sampled_from([TRUSTED, OTHER]))
def test_the_direct_answer_is_gunicorn_and_flasks(fast, app, data, peer):
    check_same_answer(fast, app, data, peer)


@fuzz(100, share=0.05)
@given(data=raw_requests(mutate=False), peer=st.sampled_from([TRUSTED, OTHER]))
def test_odd_requests_taken_get_gunicorn_and_flasks_answer(fast, app, data, peer):
    check_same_answer(fast, app, data, peer)


# --- property C: never crash ---------------------------------------------------------------


@fuzz(600, share=0.5)
@given(data=st.one_of(raw_requests(), st.binary(max_size=300)))
def test_read_never_raises(fast, data):
    head = fast.read(data)
    assert head is None or head.method in ("GET", "POST")


# --- regressions (each found by the properties above) --------------------------------------


def regression(content_length: bytes, body: bytes = b"{}") -> bytes:
    return (
        b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: " + content_length + b"\r\n\r\n" + body
    )


REGRESSIONS = {
    # '²'.isdigit() is True in Python, int('²') raises: the thread died, no answer
    "superscript length": regression(b"\xb2"),
    # int() refuses over 4,300 digits: the thread died; gunicorn answers 400
    "a length of 4,401 digits": regression(b"0" * 4400 + b"2"),
    # gunicorn counts the CRLF in its 8,190-byte field limit: 431 there, 200 here
    "a header line of 8,189 bytes": (
        b"GET /sparql HTTP/1.1\r\nX-Long: " + b"v" * (8189 - 8) + b"\r\n\r\n"
    ),
    # from a trusted proxy, two scheme headers that disagree: gunicorn refuses (400)
    "scheme headers that disagree": (
        b"GET /sparql HTTP/1.1\r\nX-Forwarded-Proto: https\r\nX-Forwarded-Ssl: off\r\n\r\n"
    ),
    # from a trusted proxy, the URL scheme is https for gunicorn and Flask
    "a forwarded scheme": b"GET /sparql HTTP/1.1\r\nX-Forwarded-Proto: https\r\n\r\n",
}


@pytest.mark.parametrize("name", REGRESSIONS)
def test_found_requests_are_left_to_gunicorn(fast, name):
    data = REGRESSIONS[name]
    assert fast.read(data) is None
    check_same_reading(fast, data, TRUSTED)


def test_the_event_loop_survives_a_length_of_thousands_of_digits():
    """Found by the same generators run through the worker's framing: one such request
    killed a live worker with its connections and query processes (``int()`` refuses over
    4,300 digits). Leading zeros alone are still a small length."""
    for digits in (b"1" * 5000, b"9" * 19, b"65537"):
        data = b"POST /sparql HTTP/1.1\r\nContent-Length: " + digits + b"\r\n\r\n"
        verdict = examine(data, 65_536 + HEAD_ALLOWANCE, 65_536)
        assert verdict.status == 413, digits[:20]
    zeros = b"POST /sparql HTTP/1.1\r\nContent-Length: " + b"0" * 5000 + b"3\r\n\r\nabc"
    assert examine(zeros, 65_536 + HEAD_ALLOWANCE, 65_536).complete


def test_the_largest_header_line_gunicorn_takes_is_taken():
    """The field-size fix is exact: 8,188 bytes plus CRLF is gunicorn's limit."""
    data = b"GET /sparql HTTP/1.1\r\nX-Long: " + b"v" * (8188 - 8) + b"\r\n\r\n"
    head = parse_head(data, CFG.limit_request_fields, CFG.limit_request_field_size)
    assert head is not None and len(head.headers["x-long"]) == 8180
    request, _, _ = gunicorn_request(data, TRUSTED)
    assert dict(request.headers)["X-LONG"] == head.headers["x-long"]


def test_the_generators_reach_the_accepted_space(fast):
    """Guard against a fuzzer that only ever makes refused requests: a fixed sample of each
    generator has requests the direct path takes (and refuses)."""
    odd = sample_taken(fast, raw_requests())
    assert 0.1 * len(odd) <= sum(odd) < len(odd)
    clean = sample_taken(fast, raw_requests(allow_odd=False, mutate=False))
    assert sum(clean) >= 0.6 * len(clean)


def sample_taken(fast: SparqlFastPath, strategy) -> list[bool]:
    """Whether the direct path takes each of 150 derandomized examples of ``strategy``."""
    taken: list[bool] = []

    @settings(max_examples=150, derandomize=True, database=None, deadline=None)
    @given(strategy)
    def collect(data):
        taken.append(fast.read(data) is not None)

    collect()
    return taken


def test_every_scheme_header_gunicorn_reads_is_left_to_it():
    """The direct path knows gunicorn's ``secure_scheme_headers`` by name: they must be the
    ones ``perwali serve``'s gunicorn reads (from a trusted peer)."""
    for name, value in CFG.secure_scheme_headers.items():
        data = f"GET /sparql HTTP/1.1\r\n{name.title()}: {value}\r\n\r\n".encode()
        assert parse_head(data) is None, name
    assert parse_head(b"GET /sparql HTTP/1.1\r\nX-Forwarded-For: 1.2.3.4\r\n\r\n") is not None


def test_gunicorn_is_the_python_parser_with_serve_limits():
    """The reference is the parser the worker uses (no C parser installed in its place)."""
    assert CFG.limit_request_line == 0 and CFG.limit_request_fields == 100
    assert CFG.limit_request_field_size == 8190
    request, _, _ = gunicorn_request(b"GET /sparql HTTP/1.1\r\n\r\n", TRUSTED)
    assert request._use_fast is False
