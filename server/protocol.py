"""Reading a SPARQL 1.1 Protocol request: where the query is, which dataset it names.

The three query operations are ``GET ?query=``, ``POST`` form-encoded (``query=``) and
``POST`` with an ``application/sparql-query`` body (UTF-8); anything else is refused with
the status the Protocol asks for. Updates are refused whatever way they come.

The URL and the body are read here from their raw bytes, not through Werkzeug's
forgiving parsers: a body is read to the byte cap and refused past it (a chunked body
too, which has no length to check beforehand), and percent-encoded bytes that are not
UTF-8 are refused rather than replaced.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

import pyoxigraph as ox
from flask import Request

from server.errors import ApiError
from server.messages import register_messages

register_messages(
    {
        "bad-url-encoding": "Parameter URL permintaan bukan UTF-8 yang sah. Rincian: {detail}",
        "bad-graph-iri": "IRI graf tidak sah. Rincian: {detail}",
    }
)

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"

READ_ONLY = ApiError(403, "read-only", "this endpoint is read-only: SPARQL updates are refused")

Params = list[tuple[str, str]]


@dataclass(frozen=True)
class ProtocolRequest:
    query: str | None  # None: no query was sent (a GET asks for the service description)
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    format: str | None  # the ``format``/``output`` parameter some clients send
    names: frozenset[str] = frozenset()  # every parameter name, of the URL and the form


def read_request(request: Request, max_bytes: int) -> ProtocolRequest:
    """The protocol fields of ``request``; raise :class:`ApiError` for a bad request."""
    raw_url = request.environ.get("QUERY_STRING", "").encode("latin-1")
    if len(raw_url) > max_bytes:
        raise ApiError(
            414, "request-too-large", f"the request URL is longer than {max_bytes} bytes"
        )
    params = parse_params(raw_url, "the request URL", "bad-url-encoding")
    queries = _values(params, "query")
    if request.method == "POST":
        media = request.mimetype
        if media == FORM:
            form = parse_params(read_body(request, max_bytes), "the form body")
            queries = _values(form, "query") + queries
            params = form + params
        elif media == QUERY_BODY:
            charset = request.mimetype_params.get("charset", "utf-8").lower()
            if charset not in ("utf-8", "utf8"):
                raise ApiError(415, "unsupported-charset", "a query body must be UTF-8")
            try:
                queries = [read_body(request, max_bytes).decode("utf-8"), *queries]
            except UnicodeDecodeError:
                raise ApiError(400, "bad-encoding", "the query body is not valid UTF-8") from None
        elif media == UPDATE_BODY:
            raise READ_ONLY
        else:
            raise ApiError(
                415,
                "unsupported-media-type",
                f"POST a query as {FORM} (query=...) or as {QUERY_BODY}, "
                f"not {media or 'a body without Content-Type'}",
            )
    if _values(params, "update"):
        raise READ_ONLY
    if len(queries) > 1:
        raise ApiError(400, "multiple-queries", "send exactly one query per request")
    if request.method == "POST" and not queries:
        raise ApiError(400, "missing-query", "the request has no query")
    fmt = _values(params, "format") or _values(params, "output")
    return ProtocolRequest(
        query=queries[0] if queries else None,
        default_graphs=_graph_iris(params, "default-graph-uri"),
        named_graphs=_graph_iris(params, "named-graph-uri"),
        format=fmt[0] if fmt and fmt[0] else None,
        names=frozenset(key for key, _ in params),
    )


def parse_params(raw: bytes, where: str, code: str = "bad-encoding") -> Params:
    """``name=value&...`` pairs, percent-decoded as UTF-8; 400 ``code`` if they are not."""
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError:
        raise ApiError(400, code, f"{where} has bytes that are not ASCII") from None
    try:
        return parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise ApiError(400, code, f"{where} has percent-encoded bytes that are not UTF-8") from None


def read_body(request: Request, max_bytes: int) -> bytes:
    """The request body, read to at most ``max_bytes``; 413 past it, chunked or not."""
    environ = request.environ
    length = request.content_length
    if length is not None and length > max_bytes:
        raise _body_too_large(max_bytes)
    if length is None and not environ.get("wsgi.input_terminated"):
        return b""  # neither a length nor a terminated stream: WSGI says there is no body
    stream = environ["wsgi.input"]
    wanted = max_bytes + 1 if length is None else length
    chunks, size = [], 0
    while size < wanted:
        chunk = stream.read(wanted - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > max_bytes:
        raise _body_too_large(max_bytes)
    return b"".join(chunks)


def _body_too_large(max_bytes: int) -> ApiError:
    return ApiError(413, "request-too-large", f"the request body is larger than {max_bytes} bytes")


def _values(params: Params, name: str) -> list[str]:
    return [value for key, value in params if key == name]


def _graph_iris(params: Params, name: str) -> tuple[str, ...]:
    """The IRIs given as ``name``; each must be an absolute IRI (400 ``bad-graph-iri``)."""
    graphs = tuple(_values(params, name))
    for graph in graphs:
        try:
            ox.NamedNode(graph)
        except ValueError as error:
            raise ApiError(
                400, "bad-graph-iri", f"{name} <{graph}> is not an absolute IRI: {error}"
            ) from None
    return graphs


def refuse_jsonld_context(request: Request, names: frozenset[str] = frozenset()) -> None:
    """Refuse a request that names a JSON-LD context or frame to apply: it would have to
    be fetched. The endpoint writes JSON-LD with full IRIs and needs none. ``names`` are
    the request's parameter names (:attr:`ProtocolRequest.names`)."""
    asks_context = bool(names & {"context", "jsonld-context", "frame"})
    link = request.headers.get("Link", "")
    asks_context |= "json-ld#context" in link
    for accepted in request.headers.get("Accept", "").split(","):
        media, _, params = accepted.partition(";")
        if media.strip().lower() == "application/ld+json" and "profile" in params:
            profiles = params.partition("profile=")[2].strip().strip('"').split()
            asks_context |= any(not p.startswith("http://www.w3.org/ns/json-ld#") for p in profiles)
    if asks_context:
        raise ApiError(
            400,
            "fetch-refused",
            "remote JSON-LD contexts and frames are never fetched: "
            "JSON-LD is written with full IRIs",
        )
