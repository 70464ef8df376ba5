"""One error contract for the API: a JSON body ``{"code": ..., "message": ...}``, the
message in Indonesian unless the client prefers English (:mod:`server.messages`).

Every refusal raises :class:`ApiError` (or a subclass); Werkzeug's HTTP errors (404, 405,
413, ...) are answered in the same shape; anything else is logged and answered as a bare
500 that never echoes the exception.
"""

from __future__ import annotations

import logging

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

from server.messages import localise

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error the client should see: HTTP ``status``, a stable ``code``, a message."""

    def __init__(self, status: int, code: str, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def error_response(status: int, code: str, message: str, headers: dict | None = None):
    """The JSON error; ``message`` (English) is given in the request's language."""
    response = jsonify(code=code, message=localise(code, message))
    response.status_code = status
    response.headers.update(headers or {})
    return response


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def _api_error(error: ApiError):
        from server.web import api_error_page, wants_page  # web paths: an HTML page

        if wants_page():
            return api_error_page(error)
        return error_response(error.status, error.code, error.message, error.headers)

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        from server.web import http_error_page, wants_page  # web paths: an HTML page

        if wants_page():
            return http_error_page(error)
        code = (error.name or "error").lower().replace(" ", "-")
        response = error_response(error.code or 500, code, error.description or error.name)
        if error.code == 405 and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response

    @app.errorhandler(Exception)
    def _internal_error(error: Exception):
        from server.web import internal_error_page, wants_page

        if wants_page():
            return internal_error_page(error)
        log.exception("unhandled error")
        return error_response(500, "internal-error", "internal server error; see the server log")
