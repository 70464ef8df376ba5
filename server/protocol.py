"""Reading a SPARQL 1.1 Protocol request: where the query is, which dataset it names.

The three query operations are ``GET ?query=``, ``POST`` form-encoded (``query=``) and
``POST`` with an ``application/sparql-query`` body (UTF-8); anything else is refused with
the status the Protocol asks for. Updates are refused whatever way they come.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Request

from server.errors import ApiError

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"

READ_ONLY = ApiError(403, "read-only", "this endpoint is read-only: SPARQL updates are refused")


@dataclass(frozen=True)
class ProtocolRequest:
    query: str | None  # None: no query was sent (a GET asks for the service description)
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    format: str | None  # the ``format``/``output`` parameter some clients send


def read_request(request: Request, max_bytes: int) -> ProtocolRequest:
    """The protocol fields of ``request``; raise :class:`ApiError` for a bad request."""
    if len(request.query_string) > max_bytes:
        raise ApiError(
            414, "request-too-large", f"the request URL is longer than {max_bytes} bytes"
        )
    if request.content_length is not None and request.content_length > max_bytes:
        raise ApiError(
            413, "request-too-large", f"the request body is larger than {max_bytes} bytes"
        )
    params = request.args
    queries = params.getlist("query")
    if request.method == "POST":
        media = request.mimetype
        if media == FORM:
            params = request.values  # the body's fields and the URL's
            queries = request.form.getlist("query") + request.args.getlist("query")
        elif media == QUERY_BODY:
            charset = request.mimetype_params.get("charset", "utf-8").lower()
            if charset not in ("utf-8", "utf8"):
                raise ApiError(415, "unsupported-charset", "a query body must be UTF-8")
            try:
                queries = [request.get_data(cache=False).decode("utf-8"), *queries]
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
    if "update" in params:
        raise READ_ONLY
    if len(queries) > 1:
        raise ApiError(400, "multiple-queries", "send exactly one query per request")
    if request.method == "POST" and not queries:
        raise ApiError(400, "missing-query", "the request has no query")
    return ProtocolRequest(
        query=queries[0] if queries else None,
        default_graphs=tuple(params.getlist("default-graph-uri")),
        named_graphs=tuple(params.getlist("named-graph-uri")),
        format=params.get("format") or params.get("output"),
    )


def refuse_jsonld_context(request: Request) -> None:
    """Refuse a request that names a JSON-LD context or frame to apply: it would have to
    be fetched. The endpoint writes JSON-LD with full IRIs and needs none."""
    asks_context = any(name in request.values for name in ("context", "jsonld-context", "frame"))
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
