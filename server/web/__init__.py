"""The web pages for drafters and HR staff: Flask + Jinja, Bahasa Indonesia by default.

``bp`` holds the page routes (Beranda ``/``, ``/cari``, ``/tanya``, ``/validasi``,
``/kueri``); the regulation and provision pages are the HTML answers of the linked-data
IRIs (``server.linked_data`` calls :func:`server.web.units.html_page`). Views are thin
adapters over ``capabilities/``; every string is in :mod:`server.web.i18n`.
"""

from __future__ import annotations

from flask import Blueprint, render_template, request
from werkzeug.exceptions import HTTPException

from server.errors import ApiError
from server.messages import localise
from server.web.i18n import current_language, long_date, remember_language, translate

bp = Blueprint("web", __name__)


@bp.app_context_processor
def _globals() -> dict:
    return {
        "t": translate,
        "lang": current_language(),
        "lang_url": lang_url,
        "long_date": long_date,
    }


def lang_url(lang: str) -> str:
    """The current page in ``lang`` (the other query parameters kept)."""
    args = request.args.to_dict()
    args["lang"] = lang
    from urllib.parse import urlencode

    return request.path + "?" + urlencode(args)


@bp.after_app_request
def _remember_language(response):
    """Only for web pages: /sparql and /api/ skip re-reading the query string."""
    if request.path.startswith(MACHINE_PATHS):
        return response
    return remember_language(response)


def error_page(status: int, message_key: str, detail: str | None = None):
    """An HTML error page in the user's language (never a traceback)."""
    body = render_template("error.html", message=translate(message_key), detail=detail)
    return body, status


#: paths answered for programs, whose errors stay JSON (server.errors)
MACHINE_PATHS = ("/api/", "/api", "/sparql", "/static/", "/health")


def wants_page() -> bool:
    """Whether this request's error should be an HTML page: a web path (not /api/, /sparql,
    /static/, /health) asked for by an HTML client (``Accept`` prefers text/html to JSON)."""
    if request.path.startswith(MACHINE_PATHS):
        return False
    accept = request.accept_mimetypes
    return accept.best_match(["application/json", "text/html"]) == "text/html"


@bp.errorhandler(HTTPException)
def http_error_page(error: HTTPException):
    """An HTTP error (404, 405, 413, 414, ...) as a page in the user's language."""
    status = error.code or 500
    if status in (413, 414):  # validasi answers its own upload limit
        return error_page(status, "too_large_request")
    key = {404: "page_not_found", 500: "internal"}.get(status, "bad_request")
    response = error_page(status, key)
    if status == 405 and error.valid_methods:
        return (*response, {"Allow": ", ".join(error.valid_methods)})
    return response


@bp.errorhandler(ApiError)
def api_error_page(error: ApiError):
    """A refusal from a capability behind a page (busy, over time, bad input) keeps its
    status and headers (``Retry-After``), its message in the page's language."""
    message = localise(error.code, error.message, current_language())
    body = render_template("error.html", message=message)
    return body, error.status, error.headers


@bp.errorhandler(Exception)
def internal_error_page(error: Exception):
    """Any other failure: logged, and a page that never shows the exception."""
    import logging

    logging.getLogger(__name__).exception("web page failed")
    return error_page(500, "internal")


from server.web import pages, validation  # noqa: E402,F401  (routes register on bp)
