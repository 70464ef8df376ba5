"""The ``/sparql`` blueprint: the SPARQL 1.1 Protocol, thin over the guard and a backend.

:func:`answer` does the protocol's work on a Werkzeug request and returns the media type
and body; the Flask view wraps it, and so does the worker's direct path
(:mod:`server.fastpath`), which serves ``/sparql`` without Flask's request machinery:
both give the same answers and the same errors.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from flask import Blueprint, Response, current_app, request
from werkzeug.wrappers import Request

from server.backends import QueryJob
from server.description import RELATIVE_FORMATS, write_description
from server.errors import ApiError
from server.guard import Limits, check_graph_iri, check_query, inspect_query
from server.negotiation import KIND_OF_FORM, MEDIA_TYPES, negotiate
from server.protocol import read_request, refuse_jsonld_context

bp = Blueprint("sparql", __name__)


def get_backend():
    """The store backend opened by :func:`server.app.create_app`."""
    return current_app.extensions["perwali.backend"]


@bp.route("/sparql", methods=["GET", "POST"], strict_slashes=False)
def sparql() -> Response:
    media_type, body = answer(request, current_app.config, get_backend())
    return answer_response(body, media_type)


def answer(req: Request, config: Mapping, backend) -> tuple[str, bytes]:
    """The answer to a ``/sparql`` request: ``(media type, body)``; raise :class:`ApiError`
    for anything refused or failed (the caller writes the JSON error)."""
    deadline = time.monotonic() + float(config["QUERY_TIMEOUT"])  # the guard's time counts
    protocol = read_request(req, int(config["MAX_REQUEST_BYTES"]))
    accept = req.headers.get("Accept")
    if protocol.query is None:
        return _describe(backend.graphs(), config, accept)
    facts = inspect_query(protocol.query, config["PREFIXES"], Limits.from_config(config))
    check_query(facts, backend.graphs())
    for name, graphs in (
        ("default-graph-uri", protocol.default_graphs),
        ("named-graph-uri", protocol.named_graphs),
    ):
        for graph in graphs:
            check_graph_iri(graph, (), name)
    kind = KIND_OF_FORM.get(facts.form or "", "tabular")
    media_type = negotiate(accept, kind, protocol.format)
    if media_type is None:
        raise ApiError(
            406,
            "not-acceptable",
            f"a {facts.form} query can be answered in: {', '.join(MEDIA_TYPES[kind])}",
        )
    if media_type == "application/ld+json":
        refuse_jsonld_context(req, protocol.names)
    dataset_given = bool(protocol.default_graphs or protocol.named_graphs)
    job = QueryJob(
        query=protocol.query,
        facts=facts,
        media_type=media_type,
        default_graphs=protocol.default_graphs if dataset_given else None,
        named_graphs=protocol.named_graphs,
    )
    return backend.execute(job, deadline, req.remote_addr or "")


def answer_response(body: bytes, media_type: str) -> Response:
    """The Flask response carrying an answer (the after-request hooks add CORS)."""
    response = Response(body, content_type=f"{media_type}; charset=utf-8")
    response.headers["Vary"] = "Accept"
    return response


def _describe(graphs: list[str], config: Mapping, accept: str | None) -> tuple[str, bytes]:
    public_url = config["PUBLIC_URL"] or None
    offered = None if public_url else RELATIVE_FORMATS
    media_type = negotiate(accept, "graph", offered=offered) or "text/turtle"
    return media_type, write_description(public_url, graphs, config["PREFIXES"], media_type)
