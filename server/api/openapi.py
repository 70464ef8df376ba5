"""``GET /api/openapi.json``: the OpenAPI 3.1 description of every route under ``/api/``.

It is assembled from the modules of :data:`server.api.API_MODULES` that are present: each
module's ``OPENAPI_PATHS`` (path items) and, optionally, ``OPENAPI_COMPONENTS`` (named
schemas it refers to as ``#/components/schemas/<Name>``), plus the shared components
here (the ``Error`` schema of the project's error contract, the ``Accept-Language``
parameter). Two conventions are applied while merging, so modules may leave them out: an
error response (4xx, 5xx) without ``content`` answers the ``Error`` schema (every error of
the API does), and an operation without ``operationId`` gets one from its method and path.
``tests/server/test_openapi.py`` checks the description against the app's real routes.
"""

from __future__ import annotations

import importlib
import importlib.util

from flask import Blueprint, jsonify, request

bp = Blueprint("api_openapi", __name__)

ERROR_SCHEMA = {
    "type": "object",
    "description": "Every error: a stable code and a message, Indonesian unless the client "
    "sends Accept-Language: en.",
    "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
    "required": ["code", "message"],
}
ACCEPT_LANGUAGE = {
    "name": "Accept-Language",
    "in": "header",
    "required": False,
    "description": "Messages are Indonesian by default; 'en' gives English.",
    "schema": {"type": "string", "example": "en"},
}
INFO = {
    "title": "perwali-kg API",
    "version": "1.0.0",
    "description": "Citations, questions, comparisons and linked data over Indonesian "
    "municipal regulations (Peraturan Wali Kota) on Sistem Kerja ASN. Every route answers "
    "JSON; errors follow {code, message}; inputs are size-limited and each request is "
    "time-limited. The SPARQL 1.1 endpoint is at /sparql (not described here).",
}


def _modules():
    from server.api import API_MODULES

    for name in API_MODULES:
        if importlib.util.find_spec(name) is not None:
            yield importlib.import_module(name)


def openapi_document(server_url: str | None = None) -> dict:
    """The whole OpenAPI 3.1 document."""
    paths: dict = {}
    schemas: dict = {"Error": ERROR_SCHEMA}
    for module in _modules():
        for path, item in getattr(module, "OPENAPI_PATHS", {}).items():
            for method, operation in item.items():
                paths.setdefault(path, {})[method] = _completed(path, method, operation)
        schemas.update(getattr(module, "OPENAPI_COMPONENTS", {}))
    paths["/api/openapi.json"] = OWN_PATH
    document = {
        "openapi": "3.1.0",
        "info": INFO,
        "paths": dict(sorted(paths.items())),
        "components": {
            "schemas": schemas,
            "parameters": {"AcceptLanguage": ACCEPT_LANGUAGE},
        },
    }
    if server_url:
        document["servers"] = [{"url": server_url}]
    return document


def _completed(path: str, method: str, operation: dict) -> dict:
    """The operation with the shared conventions filled in (a copy; modules keep theirs)."""
    operation = dict(operation)
    if "operationId" not in operation:
        words = [w for w in path.removeprefix("/api/").replace(".", "-").split("/") if w]
        operation["operationId"] = method + "".join(w.title().replace("-", "") for w in words)
    responses = {}
    for status, response in operation.get("responses", {}).items():
        if str(status)[0] in "45" and "content" not in response:
            response = {**response, "content": {"application/json": {"schema": ERROR_REF}}}
        responses[str(status)] = response
    operation["responses"] = responses
    return operation


ERROR_REF = {"$ref": "#/components/schemas/Error"}


@bp.get("/api/openapi.json")
def api_openapi():
    return jsonify(openapi_document(request.host_url.rstrip("/")))


OWN_PATH = {
    "get": {
        "summary": "This description (OpenAPI 3.1)",
        "operationId": "openapi",
        "responses": {
            "200": {
                "description": "The OpenAPI document.",
                "content": {"application/json": {"schema": {"type": "object"}}},
            }
        },
    }
}
