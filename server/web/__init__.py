"""The web pages for drafters and HR staff: Flask + Jinja, Bahasa Indonesia by default.

``bp`` holds the page routes (Beranda ``/``, ``/cari``, ``/tanya``, ``/validasi``,
``/kueri``); the regulation and provision pages are the HTML answers of the linked-data
IRIs (``server.linked_data`` calls :func:`server.web.units.html_page`). Views are thin
adapters over ``capabilities/``; every string is in :mod:`server.web.i18n`.
"""

from __future__ import annotations

from flask import Blueprint, render_template, request
from werkzeug.exceptions import HTTPException

from server.web.i18n import current_language, remember_language, translate

bp = Blueprint("web", __name__)


@bp.app_context_processor
def _globals() -> dict:
    return {"t": translate, "lang": current_language(), "lang_url": lang_url}


def lang_url(lang: str) -> str:
    """The current page in ``lang`` (the other query parameters kept)."""
    args = request.args.to_dict()
    args["lang"] = lang
    from urllib.parse import urlencode

    return request.path + "?" + urlencode(args)


bp.after_app_request(remember_language)


def error_page(status: int, message_key: str, detail: str | None = None):
    """An HTML error page in the user's language (never a traceback)."""
    body = render_template("error.html", message=translate(message_key), detail=detail)
    return body, status


@bp.errorhandler(HTTPException)
def _http_error(error: HTTPException):
    key = {404: "page_not_found", 413: "too_large"}.get(error.code or 500, "bad_request")
    if key == "too_large":
        return error_page(413, "bad_request", translate("too_large", limit=20))
    return error_page(error.code or 500, key)


@bp.errorhandler(Exception)
def _internal(error: Exception):
    import logging

    logging.getLogger(__name__).exception("web page failed")
    return error_page(500, "internal")


from server.web import pages, validation  # noqa: E402,F401  (routes register on bp)
