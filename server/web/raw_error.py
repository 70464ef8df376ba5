"""An error page for a request refused before Flask sees it (``server/worker.py``).

The worker judges raw bytes (the request line, perhaps not even whole, and what arrived of
the head): :func:`page_response` tells from them whether the request was for a web page
(a web path, and ``Accept`` ranking text/html above JSON; when the request line alone
arrived, cut short, the path decides) and, if so, gives the whole HTTP response carrying
a small HTML page in the user's language (``lang=`` in the URL, else the ``lang`` cookie,
else ``Accept-Language``, else Indonesian, as :mod:`server.web.i18n`). Machine paths
(``/api/``, ``/sparql``...) and clients that ask for JSON get None: the worker's JSON
error stays theirs.
"""

from __future__ import annotations

import re
from html import escape
from http import HTTPStatus

from werkzeug.datastructures import LanguageAccept, MIMEAccept
from werkzeug.http import parse_accept_header

from server.web.i18n import LANGUAGES, MESSAGES

MACHINE_PATHS = (b"/api/", b"/api", b"/sparql", b"/static/", b"/health")
_LANG = re.compile(rb"[?&]lang=(id|en)(?:&|$| )")
_COOKIE_LANG = re.compile(r"(?:^|;)\s*lang=(id|en)\b")
_KEYS = {413: "too_large_request", 414: "too_large_request", 431: "too_large_request"}


def page_response(status: int, head: bytes) -> bytes | None:
    """The whole HTTP response (connection closing) with an HTML error page for ``head``,
    the bytes received of the request, or None when it is not a web-page request."""
    line = head.split(b"\r\n", 1)[0]
    parts = line.split(b" ", 2)
    target = parts[1] if len(parts) > 1 else b""
    headers = head_fields(head)
    if not target.startswith(b"/") or target.startswith(MACHINE_PATHS):
        return None
    if b"\r\n" in head and not _wants_html(headers):
        return None
    lang = _language(target, headers)
    payload = _page(status, lang).encode("utf-8")
    head_lines = [
        f"HTTP/1.1 {status} {HTTPStatus(status).phrase}",
        "Content-Type: text/html; charset=utf-8",
        f"Content-Length: {len(payload)}",
        "Content-Language: " + lang,
        "Connection: close",
    ]
    return ("\r\n".join(head_lines) + "\r\n\r\n").encode("latin-1") + payload


def _wants_html(headers: dict[str, str]) -> bool:
    """``Accept`` ranks text/html above JSON (as :func:`server.web.wants_page`)."""
    accept = parse_accept_header(headers.get("accept", ""), MIMEAccept)
    return accept.best_match(["application/json", "text/html"]) == "text/html"


def head_fields(head: bytes) -> dict[str, str]:
    """The header fields that arrived whole (lower-case names); the request line skipped."""
    out: dict[str, str] = {}
    for raw in head.split(b"\r\n")[1:-1]:  # the last piece may be cut short
        name, sep, value = raw.partition(b":")
        if sep:
            out[name.strip().lower().decode("latin-1")] = value.strip().decode("latin-1")
    return out


def _language(target: bytes, headers: dict[str, str]) -> str:
    asked = _LANG.search(target + b" ")
    if asked:
        return asked[1].decode()
    cookie = _COOKIE_LANG.search(headers.get("cookie", ""))
    if cookie:
        return cookie[1]
    preferred = parse_accept_header(headers.get("accept-language", ""), LanguageAccept)
    return preferred.best_match(LANGUAGES, default="id")


def _page(status: int, lang: str) -> str:
    def say(key: str) -> str:
        pair = MESSAGES[key]
        return escape(pair[1] if lang == "en" else pair[0])

    message = say(_KEYS.get(status, "bad_request"))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{say('error')} — {say('site')}</title>"
        '<link rel="stylesheet" href="/static/site.css"></head>\n<body>'
        f'<main id="isi" class="wrap"><h1>{say("error")}</h1>'
        f'<p role="alert" class="alert">{message}</p>'
        f'<p><a href="/">{say("back_home")}</a></p></main>\n</body>\n</html>\n'
    )
