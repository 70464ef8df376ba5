"""``/sparql`` served straight from the worker's request bytes, without Flask's machinery.

On a point lookup, gunicorn's request parser, its WSGI environ, Flask's request context,
routing, response object and header writing cost more CPU than the guard and the query
together. :class:`SparqlFastPath` serves the common requests directly: ``GET
/sparql?query=…`` and ``POST /sparql`` with a ``Content-Length`` body (``/sparql/`` too).
It reads a strict subset of HTTP/1.x, runs the same :func:`server.sparql.answer` as the
Flask view (same guard, same query process, same limits), and writes the response in one
``sendall``.

Anything outside that subset is left to gunicorn and Flask, which then read the request
as before: another path or method, a header line that is not plain ``name: value``, a
repeated header, ``Transfer-Encoding``, ``Expect``, ``Upgrade``, the forwarded-scheme
headers, a body that does not match its length, a header name with ``_``. Errors are
written by the app itself: the Flask error handlers and after-request hooks run on the
error, in a request context, so a refusal looks exactly as it does through Flask. A
successful answer carries the headers the app's after-request hooks give a ``/sparql``
answer (CORS, ``Vary``), learned once at start-up by running them on a probe answer. The
direct path is off when it cannot be exact: when the app has before-request or teardown
functions or routes ``/sparql`` elsewhere (:meth:`SparqlFastPath.for_app`), and, in the
worker, with an access log (gunicorn logs what it parsed), the PROXY protocol, TLS or a
``SCRIPT_NAME``.
"""

from __future__ import annotations

import io
import itertools
import re
import sys
import time
from dataclasses import dataclass
from email.utils import formatdate

from flask import Flask
from werkzeug.wrappers import Request

from server.sparql import answer, answer_response

ENDPOINT = "sparql.sparql"
METHODS = (b"GET", b"POST")
# no '#' in the target: gunicorn splits a fragment off, so such a request goes its way
_REQUEST_LINE = re.compile(rb"(GET|POST) ((/sparql/?)(?:\?([!\x24-~]*))?) HTTP/1\.([01])")
_TOKEN = rb"[!#$%&'*+\-.^`|~0-9A-Za-z]+"
_VALUE = rb"(?:[\x21-\x7e\x80-\xff](?:[ \t]*+[\x21-\x7e\x80-\xff])*+)?"
_HEADER = re.compile(rb"(" + _TOKEN + rb"):[ \t]*+(" + _VALUE + rb")[ \t]*+")
#: Headers whose presence sends a request down gunicorn's path: framing it reads itself, and
#: its ``secure_scheme_headers`` (defaults; ``perwali serve`` sets none), which from a trusted
#: peer set the URL scheme and, when two disagree, make gunicorn refuse the request.
_NOT_HERE = frozenset(
    {b"transfer-encoding", b"expect", b"upgrade", b"http2-settings", b"trailer"}
    | {b"x-forwarded-protocol", b"x-forwarded-proto", b"x-forwarded-ssl"}
)
#: More digits than any body we take: such a ``Content-Length`` is left to gunicorn (and
#: Python's ``int`` refuses strings of over 4,300 digits).
_MAX_LENGTH_DIGITS = 18


@dataclass(frozen=True)
class Head:
    """The parts of a request the direct path uses."""

    method: str
    target: str  # as sent: the path and "?query", if any (a "?" alone too)
    path: str  # /sparql or /sparql/
    query_string: str
    minor: int  # HTTP/1.minor
    headers: dict[str, str]  # lower-case name -> value (latin-1), each name once
    body: bytes


def parse_head(data: bytes, max_fields: int = 100, max_field_size: int = 8190) -> Head | None:
    """``data`` (one whole request) as a :class:`Head`, or None if it is outside the
    strict subset the direct path reads (gunicorn's parser then reads it, and refuses
    what passes its limits: ``max_fields`` header lines of ``max_field_size`` bytes, CRLF
    included)."""
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return None
    lines = data[:end].split(b"\r\n")
    line = _REQUEST_LINE.fullmatch(lines[0])
    if line is None or len(lines) - 1 > max_fields:
        return None
    headers: dict[str, str] = {}
    for raw in lines[1:]:
        # gunicorn counts the line's CRLF against its field size limit
        header = _HEADER.fullmatch(raw) if len(raw) + 2 <= max_field_size else None
        if header is None:
            return None
        name = header.group(1).lower()
        if name in _NOT_HERE or b"_" in name:
            return None
        key = name.decode("ascii")
        if key in headers:  # repeated: gunicorn's rules decide
            return None
        headers[key] = header.group(2).decode("latin-1")
    body = data[end + 4 :]
    length = headers.get("content-length")
    if length is None:
        if body:
            return None
    elif _length(length) != len(body):
        return None  # a pipelined request behind it, or a bad length: gunicorn decides
    return Head(
        method=line.group(1).decode("ascii"),
        target=line.group(2).decode("ascii"),
        path=line.group(3).decode("ascii"),
        query_string=(line.group(4) or b"").decode("ascii"),
        minor=int(line.group(5)),
        headers=headers,
        body=body,
    )


def _length(value: str) -> int | None:
    """A ``Content-Length`` of ASCII digits only (``'²'.isdigit()`` is true in Python), and
    not too many of them; else None."""
    if value.isascii() and value.isdigit() and len(value) <= _MAX_LENGTH_DIGITS:
        return int(value)
    return None


def wants_close(head: Head) -> bool:
    """Whether the client asked to close the connection after this request (gunicorn's
    rule: the first ``Connection`` header decides; HTTP/1.0 closes by default)."""
    connection = head.headers.get("connection", "").strip(" \t").lower()
    if connection == "close":
        return True
    if connection == "keep-alive":
        return False
    return head.minor == 0


class _Clock:
    """The ``Date`` header, formatted once per second."""

    def __init__(self):
        self.second = -1
        self.text = ""

    def date(self) -> str:
        now = int(time.time())
        if now != self.second:
            self.text, self.second = formatdate(now, usegmt=True), now
        return self.text


class SparqlFastPath:
    """Answers ``/sparql`` requests from their bytes (see the module's docstring)."""

    def __init__(
        self,
        app: Flask,
        server_name: str = "gunicorn",
        max_fields: int = 100,
        max_field_size: int = 8190,
    ):
        self.app = app
        self.max_fields, self.max_field_size = max_fields, max_field_size
        self.config = app.config
        self.backend = app.extensions["perwali.backend"]
        self.server_name = server_name
        self.clock = _Clock()
        self.answer_headers = {method: self._learn_headers(method) for method in ("GET", "POST")}

    @classmethod
    def for_app(cls, app, **settings) -> SparqlFastPath | None:
        """The direct path for ``app``, or None where it could not answer exactly as the
        app does (not our app, hooks that run on every request, ``/sparql`` routed
        elsewhere)."""
        if not isinstance(app, Flask) or "perwali.backend" not in app.extensions:
            return None
        if any(app.before_request_funcs.values()) or any(app.teardown_request_funcs.values()):
            return None
        if any(app.url_value_preprocessors.values()):
            return None
        adapter = app.url_map.bind("localhost")
        for path, method in itertools.product(("/sparql", "/sparql/"), ("GET", "POST")):
            try:
                endpoint, _ = adapter.match(path, method)
            except Exception:  # any routing outcome but ours: no direct path
                return None
            if endpoint != ENDPOINT:
                return None
        return cls(app, **settings)

    def _learn_headers(self, method: str) -> list[tuple[str, str]]:
        """The headers the app's after-request hooks give an answer to ``method``."""
        with self.app.test_request_context("/sparql", method=method):
            probe = self.app.process_response(answer_response(b"", "text/plain"))
        skip = {"content-type", "content-length"}
        return [(name, value) for name, value in probe.headers.items() if name.lower() not in skip]

    def read(self, data: bytes) -> Head | None:
        """The request ``data`` if this path serves it; None leaves it to gunicorn."""
        return parse_head(data, self.max_fields, self.max_field_size)

    def respond(
        self, head: Head, client: tuple | str, keep_alive: bool
    ) -> tuple[bytes, bytes, bool]:
        """The response to a request :meth:`read` accepted, as its head and its body, and
        whether the connection stays open (``keep_alive`` False: the worker closes it
        anyway)."""
        keep_alive = keep_alive and not wants_close(head)
        environ = self._environ(head, client)
        request = Request(environ)
        try:
            media_type, body = answer(request, self.config, self.backend)
        except Exception as error:  # the app's own handlers answer it
            status, headers, body = self._error(environ, error)
        else:
            status = "200 OK"
            headers = [
                ("Content-Type", f"{media_type}; charset=utf-8"),
                ("Content-Length", str(len(body))),
                *self.answer_headers[head.method],
            ]
        return self._head(head, status, headers, keep_alive), body, keep_alive

    def _environ(self, head: Head, client: tuple | str) -> dict:
        address = client[0] if isinstance(client, tuple) else str(client or "")
        environ = {
            "REQUEST_METHOD": head.method,
            "SCRIPT_NAME": "",
            "PATH_INFO": head.path,
            "QUERY_STRING": head.query_string,
            "RAW_URI": head.target,
            "SERVER_PROTOCOL": f"HTTP/1.{head.minor}",
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "80",
            "REMOTE_ADDR": address,
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(head.body),
            "wsgi.input_terminated": True,
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        for name, value in head.headers.items():
            key = name.upper().replace("-", "_")
            if key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
                environ[key] = value
            else:
                environ["HTTP_" + key] = value
        if "HTTP_HOST" in environ:
            host, _, port = environ["HTTP_HOST"].rpartition(":")
            if host and port.isdigit():
                environ["SERVER_NAME"], environ["SERVER_PORT"] = host, port
            else:
                environ["SERVER_NAME"] = environ["HTTP_HOST"]
        return environ

    def _error(self, environ: dict, error: Exception) -> tuple[str, list, bytes]:
        """The app's own response to ``error``: its error handlers, then its after-request
        hooks, in a request context (as Flask would have answered)."""
        app = self.app
        with app.request_context(environ):
            try:
                response = app.finalize_request(app.handle_user_exception(error))
            except Exception as unhandled:  # as Flask: a bare 500
                response = app.finalize_request(
                    app.handle_exception(unhandled), from_error_handler=True
                )
            body = b"".join(response.iter_encoded())
            headers = [
                (name, value)
                for name, value in response.get_wsgi_headers(environ).items()
                if name.lower() != "content-length"
            ]
        headers.append(("Content-Length", str(len(body))))
        return response.status, headers, body

    def _head(self, head: Head, status: str, headers: list, keep_alive: bool) -> bytes:
        lines = [
            f"HTTP/1.{head.minor} {status}",
            f"Server: {self.server_name}",
            f"Date: {self.clock.date()}",
            f"Connection: {'keep-alive' if keep_alive else 'close'}",
            *(f"{name}: {value}" for name, value in headers),
        ]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
