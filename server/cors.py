"""CORS headers, so browser tools (YASGUI and the like) can query the endpoint.

The endpoint is public and read-only and takes no credentials, so any origin may read it
(``CORS_ORIGIN``, ``*`` by default); preflight requests get the methods and headers a
SPARQL client sends.
"""

from __future__ import annotations

from flask import Flask, Response, request


def enable_cors(app: Flask) -> None:
    @app.after_request
    def _cors(response: Response) -> Response:
        origin = app.config["CORS_ORIGIN"]
        if not origin:
            return response
        response.headers["Access-Control-Allow-Origin"] = origin
        if origin != "*":
            response.vary.add("Origin")
        if request.method == "OPTIONS":
            response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = (
                request.headers.get("Access-Control-Request-Headers") or "Accept, Content-Type"
            )
            response.headers["Access-Control-Max-Age"] = "86400"
        else:
            response.headers["Access-Control-Expose-Headers"] = "Content-Type, Retry-After"
        return response
