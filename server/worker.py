"""The gunicorn worker of ``perwali serve``: threads that only ever see whole requests.

gunicorn's threaded worker (``gthread``) hands a connection to a thread as soon as its
first byte arrives; a client that then sends nothing more (a request line, no end of the
headers) holds that thread until it gives up, so a few idle connections stop a server.
:class:`RequestWorker` reads each request in its event loop instead, without blocking:
the head, then the body (``Content-Length`` or chunked), all within ``CLIENT_TIMEOUT``
seconds and ``MAX_REQUEST_BYTES`` (a route may declare a larger body cap:
:func:`server.api.common.body_limit`). Only a complete request reaches a thread. Past either
bound the client gets the endpoint's JSON error (408, 413, 414, 431) and the connection
is closed; so do the requests gunicorn's own parser refuses (400, 501...), which it
would answer in HTML. Each client address may hold ``CLIENT_CONNECTIONS`` connections
per worker; a thread never blocks more than ``CLIENT_TIMEOUT`` on a client that does not
read its answer (``SO_SNDTIMEO``).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import select
import selectors
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus

from gunicorn.http import errors as http_errors
from gunicorn.workers.gthread import TConn, ThreadWorker
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from server.api.common import body_limit
from server.fastpath import SparqlFastPath
from server.messages import localise, register_messages
from server.web.raw_error import head_fields, page_response

register_messages(
    {
        "request-timeout": "Permintaan tidak terkirim utuh dalam batas waktu. Rincian: {detail}",
        "headers-too-large": "Kepala permintaan terlalu besar. Rincian: {detail}",
        "bad-request": "Permintaan HTTP tidak sah. Rincian: {detail}",
        "too-many-connections": "Terlalu banyak koneksi dari alamat ini. Rincian: {detail}",
        "not-implemented": "Tidak didukung oleh server ini. Rincian: {detail}",
        "uploads-busy": "Terlalu banyak unggahan besar sedang diterima; coba lagi sebentar "
        "lagi. Rincian: {detail}",
    }
)

#: Room for the headers beside a request line as long as the URL cap.
HEAD_ALLOWANCE = 16 * 1024
RECV_SIZE = 64 * 1024
#: How long a thread that answered on a kept-alive connection waits for the next request
#: before handing the connection back to the event loop.
KEEP_ALIVE_WAIT_MS = 2
#: Answers up to this size are sent with their head in one call.
SMALL_RESPONSE = 256 * 1024
#: Bytes a worker holds at most for bodies over ``MAX_REQUEST_BYTES`` being read at once
#: (uploads to the routes that declared a larger cap: 20 MB each); past it, 503 with
#: ``Retry-After``, so that many slow uploads cannot exhaust its memory
#: (setting ``LARGE_BODIES_BYTES``).
LARGE_BODIES_BYTES = 64 * 1024 * 1024  # the default of server.app.DEFAULTS


@dataclass(frozen=True)
class Verdict:
    """What :func:`examine` makes of the bytes received so far."""

    complete: bool = False
    status: int = 0  # an error to answer at once (0: none)
    code: str = ""
    message: str = ""
    expects_continue: bool = False


MORE = Verdict()
COMPLETE = Verdict(complete=True)


def refuse(status: int, code: str, message: str) -> Verdict:
    return Verdict(status=status, code=code, message=message)


def examine(data: bytes, max_head: int, max_body: int) -> Verdict:
    """Whether ``data`` holds a whole HTTP/1.x request, needs more bytes, or is refused.

    Anything odd (a bare LF, two lengths, a length and chunked, a bad chunk size) counts as
    complete: gunicorn's parser then refuses it with the precise reason.
    """
    end = data.find(b"\r\n\r\n")
    eol = data.find(b"\r\n")
    if (eol if eol >= 0 else len(data)) > max_head:
        return refuse(414, "request-too-large", f"the request line is longer than {max_head} bytes")
    if (end if end >= 0 else len(data)) > max_head:
        return refuse(431, "headers-too-large", f"the request head is larger than {max_head} bytes")
    if end < 0:
        return COMPLETE if b"\n" in data.replace(b"\r\n", b"") else MORE
    lengths, codings, expects = [], [], False
    for line in data[:end].split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == b"content-length":
            lengths.append(value)
        elif name == b"transfer-encoding":
            codings.append(value)
        elif name == b"expect" and value == b"100-continue":
            expects = True
    body = end + 4
    if codings:
        if lengths or len(codings) > 1 or codings[0] != b"chunked":
            return COMPLETE
        return _chunked(data, body, max_body, expects)
    if not lengths:
        return COMPLETE
    if len(lengths) > 1 or not lengths[0].isdigit():
        return COMPLETE
    digits = lengths[0].lstrip(b"0")
    # compare digit counts first: int() of over 4,300 digits raises, here in the event loop
    if len(digits) > len(str(max_body)) or int(digits or b"0") > max_body:
        return _body_too_large(max_body)
    size = int(digits or b"0")
    if len(data) - body >= size:
        return COMPLETE
    return Verdict(expects_continue=expects and len(data) == body)


def _chunked(data: bytes, pos: int, max_body: int, expects: bool) -> Verdict:
    total = 0
    while True:
        eol = data.find(b"\r\n", pos)
        if eol < 0:
            if len(data) - pos > 1024:  # no chunk-size line is that long
                return COMPLETE
            return Verdict(expects_continue=expects and pos == len(data))
        try:
            size = int(data[pos:eol].split(b";")[0].strip(), 16)
        except ValueError:
            return COMPLETE
        if size == 0:  # the last chunk; then trailer fields and an empty line
            if data.find(b"\r\n\r\n", eol) >= 0:
                return COMPLETE
            return COMPLETE if len(data) - eol > HEAD_ALLOWANCE else MORE
        total += size
        if total > max_body:
            return _body_too_large(max_body)
        pos = eol + 2 + size + 2
        if pos > len(data):
            return MORE


def _body_too_large(limit: int) -> Verdict:
    return refuse(413, "request-too-large", f"the request body is larger than {limit} bytes")


def _strip_expect(data: bytearray) -> bytearray:
    """``data`` without its ``Expect`` header (we answered it: gunicorn must not again)."""
    end = data.find(b"\r\n\r\n")
    lines = bytes(data[:end]).split(b"\r\n")
    kept = [lines[0]] + [
        line for line in lines[1:] if line.partition(b":")[0].strip().lower() != b"expect"
    ]
    return bytearray(b"\r\n".join(kept)) + data[end:]


def error_bytes(
    status: int, code: str, message: str, cors_origin: str = "", lang: str | None = None
) -> bytes:
    """A whole HTTP response carrying the endpoint's JSON error; the connection closes.
    The message is in ``lang`` (Indonesian when None: outside a request, no header says)."""
    body = {"code": code, "message": localise(code, message, lang or "id")}
    payload = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
    head = [
        f"HTTP/1.1 {status} {HTTPStatus(status).phrase}",
        "Content-Type: application/json",
        f"Content-Length: {len(payload)}",
        "Connection: close",
    ]
    if cors_origin:
        head.append(f"Access-Control-Allow-Origin: {cors_origin}")
    if status == 503:
        head.append("Retry-After: 1")
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + payload


def head_language(head: bytes) -> str:
    """ "en" when the ``Accept-Language`` that arrived prefers English, else "id" (as
    :func:`server.messages.wants_english` reads a whole request)."""
    accept = parse_accept_header(head_fields(head).get("accept-language", ""), LanguageAccept)
    return accept.best_match(["id", "en"], default="id")


def gunicorn_error(exc: Exception) -> tuple[int, str, str]:
    """The status, code and message for a request gunicorn's parser refused."""
    if isinstance(exc, http_errors.LimitRequestLine):
        return 414, "request-too-large", f"the request line is too long: {exc}"
    if isinstance(exc, http_errors.LimitRequestHeaders):
        return 431, "headers-too-large", f"the request headers are too large: {exc}"
    if isinstance(exc, http_errors.UnsupportedTransferCoding):
        return 501, "not-implemented", str(exc)
    if isinstance(exc, http_errors.ExpectationFailed):
        return 417, "bad-request", str(exc)
    if isinstance(exc, http_errors.ForbiddenProxyRequest):
        return 403, "bad-request", "request forbidden"
    server_side = (
        http_errors.InvalidResponseHeader,
        http_errors.InvalidResponseHeaderName,
        http_errors.ConfigurationProblem,
    )
    if isinstance(exc, http_errors.ParseException) and not isinstance(exc, server_side):
        return 400, "bad-request", f"{type(exc).__name__}: {exc}"
    return 500, "internal-error", "internal server error; see the server log"


class ClientConn(TConn):
    """A connection that tells its worker when it closes (per-client counting)."""

    def __init__(self, worker: RequestWorker, *args):
        super().__init__(*args)
        self.worker = worker
        self.address = self.client[0] if isinstance(self.client, tuple) else ""
        self.pending: bytearray | None = None  # bytes of the request being read
        self.read_deadline = 0.0
        self.prebuffer: bytes | None = None  # a whole request, for the thread to parse
        self.continued = False
        self.closed = False

    def close(self, graceful=False):
        if not self.closed:
            self.closed = True
            self.worker.forget(self)
        super().close(graceful)


class RequestWorker(ThreadWorker):
    """gunicorn's threaded worker, reading whole requests in its event loop first."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reading: dict[ClientConn, None] = {}  # ordered: oldest first
        self.per_client: Counter[str] = Counter()
        self.max_body = 65_536
        self.max_head = self.max_body + HEAD_ALLOWANCE
        self.client_timeout = 10.0
        self.client_connections = 64
        self.cors_origin = "*"
        self.large_bodies_bytes = LARGE_BODIES_BYTES
        self.fast_path: SparqlFastPath | None = None
        self.submitted = 0  # requests handed to the thread pool (by the event loop)
        self.started = 0  # requests a thread has taken up
        self.active = 0  # threads in handle()
        self.threads = max(1, self.cfg.threads)
        self.counting = threading.Lock()

    def load_wsgi(self):
        super().load_wsgi()
        config = getattr(self.wsgi, "config", {})
        self.max_body = int(config.get("MAX_REQUEST_BYTES", self.max_body))
        self.max_head = self.max_body + HEAD_ALLOWANCE
        self.client_timeout = float(config.get("CLIENT_TIMEOUT", self.client_timeout))
        self.client_connections = int(config.get("CLIENT_CONNECTIONS", self.client_connections))
        self.cors_origin = config.get("CORS_ORIGIN", self.cors_origin) or ""
        self.large_bodies_bytes = int(config.get("LARGE_BODIES_BYTES", self.large_bodies_bytes))
        # gunicorn's own reading is needed for an access log (written from its parse), the
        # PROXY protocol, TLS and a SCRIPT_NAME prefix
        plain = self.cfg.proxy_protocol in (None, False, "off") and not self.cfg.is_ssl
        if plain and not self.cfg.accesslog and not os.environ.get("SCRIPT_NAME"):
            self.fast_path = SparqlFastPath.for_app(
                self.wsgi,
                max_fields=self.cfg.limit_request_fields,
                max_field_size=self.cfg.limit_request_field_size,
            )

    # --- connections ---------------------------------------------------------------

    def accept(self, listener):
        try:
            sock, address = listener.accept()
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        conn = ClientConn(self, self.cfg, sock, address, listener.getsockname())
        self.per_client[conn.address] += 1
        if self.client_connections and self.per_client[conn.address] > self.client_connections:
            message = f"at most {self.client_connections} open connections per client address"
            self._refuse(conn, 503, "too-many-connections", message)
            return
        timeout = struct.pack("ll", int(self.client_timeout), 0)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, timeout)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, timeout)
        self.enqueue_req(conn)

    def forget(self, conn: ClientConn) -> None:
        """Called when ``conn`` closes."""
        self.reading.pop(conn, None)
        self.per_client[conn.address] -= 1
        if self.per_client[conn.address] <= 0:
            del self.per_client[conn.address]

    def enqueue_req(self, conn):
        """Read the connection's next request in the event loop (:meth:`_act` then hands
        it to a thread)."""
        leftover = conn.parser.unreader.take_buffered() if conn.parser else b""
        conn.pending = bytearray(leftover)
        conn.continued = False
        conn.read_deadline = time.monotonic() + self.client_timeout
        conn.sock.setblocking(False)
        self.reading[conn] = None
        with contextlib.suppress(OSError):  # nothing yet, or an error _readable then meets
            conn.pending += conn.sock.recv(RECV_SIZE)  # often here already: no poll round
        if not conn.pending or not self._advance(conn):
            self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._readable, conn))

    def _examine(self, data: bytes) -> Verdict:
        """:func:`examine` with the body cap of the request's path (:func:`body_limit`:
        ``MAX_REQUEST_BYTES`` unless its route declared more)."""
        target = data[: data.find(b"\r\n")].split(b" ")
        path = target[1].partition(b"?")[0].decode("latin-1") if len(target) == 3 else ""
        return examine(data, self.max_head, body_limit(path, self.max_body))

    def _readable(self, conn: ClientConn, sock) -> None:
        try:
            data = sock.recv(RECV_SIZE)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:  # the client went away
            self._unregister(conn)
            self._drop(conn)
            return
        conn.pending += data
        if len(conn.pending) > self.max_head and self._large_bodies() > self.large_bodies_bytes:
            self._unregister(conn)
            self.reading.pop(conn, None)
            limit = f"{self.large_bodies_bytes:,} bytes of uploads are being received"
            self._refuse(conn, 503, "uploads-busy", limit)
            return
        verdict = self._examine(conn.pending)
        if verdict.status or verdict.complete:
            self._unregister(conn)
        self._act(conn, verdict)

    def _large_bodies(self) -> int:
        """Bytes held for the requests over the usual size being read (only counted while
        one of them grows: a few connections at most)."""
        return sum(
            len(other.pending)
            for other in self.reading
            if other.pending is not None and len(other.pending) > self.max_head
        )

    def _advance(self, conn: ClientConn) -> bool:
        """Judge the bytes read so far; True once the connection left the reading state."""
        verdict = self._examine(conn.pending)
        self._act(conn, verdict)
        return bool(verdict.status or verdict.complete)

    def _act(self, conn: ClientConn, verdict: Verdict) -> None:
        if verdict.status:
            self.reading.pop(conn, None)
            self._refuse(conn, verdict.status, verdict.code, verdict.message)
        elif verdict.complete:
            self.reading.pop(conn, None)
            conn.prebuffer, conn.pending = bytes(conn.pending), None
            conn.data_ready = True
            self.submitted += 1
            super().enqueue_req(conn)
        elif verdict.expects_continue and not conn.continued:
            conn.continued = True
            conn.pending = _strip_expect(conn.pending)
            self._send(conn, b"HTTP/1.1 100 Continue\r\n\r\n")

    def _unregister(self, conn: ClientConn) -> None:
        with contextlib.suppress(KeyError, ValueError, OSError):
            self.poller.unregister(conn.sock)

    def _refuse(self, conn: ClientConn, status: int, code: str, message: str) -> None:
        head = bytes(conn.pending or b"")
        page = page_response(status, head)  # a browser: an HTML page
        lang = head_language(head)  # as the API reads Accept-Language
        self._send(conn, page or error_bytes(status, code, message, self.cors_origin, lang))
        self.nr_conns -= 1
        conn.close()

    def _drop(self, conn: ClientConn) -> None:
        self.nr_conns -= 1
        conn.close()

    @staticmethod
    def _send(conn: ClientConn, data: bytes) -> None:
        with contextlib.suppress(OSError):
            conn.sock.send(data)

    def murder_pending(self):
        """Also close connections whose request did not arrive within the client timeout."""
        super().murder_pending()
        now = time.monotonic()
        for conn in [c for c in self.reading if c.read_deadline <= now]:
            self.reading.pop(conn, None)
            self._unregister(conn)
            if conn.pending:
                message = f"the request did not arrive whole within {self.client_timeout:g} s"
                self._refuse(conn, 408, "request-timeout", message)
            else:
                self.nr_conns -= 1
                conn.close()

    # --- in a thread ---------------------------------------------------------------

    def handle(self, conn):
        with self.counting:
            self.started += 1
            self.active += 1
        try:
            return self._handle(conn)
        finally:
            with self.counting:
                self.active -= 1

    def _handle(self, conn):
        if conn.prebuffer is not None:
            buffered, conn.prebuffer = conn.prebuffer, None
            conn.init()
            conn.sock.setblocking(True)  # kept alive, it comes non-blocking from the event loop
            while self.fast_path is not None:
                served = self._serve_directly(conn, buffered)
                if served is None:
                    break  # gunicorn's and Flask's request
                if not served:
                    return False
                buffered = self._next_request(conn)
                if buffered is None:
                    return True  # kept alive: the event loop waits for the next request
                if not buffered:
                    return False  # the client closed the connection
            conn.parser.unreader.unread(buffered)
        return super().handle(conn)

    def _next_request(self, conn) -> bytes | None:
        """The next request on a kept-alive connection, read by this thread when it comes
        whole within ``KEEP_ALIVE_WAIT_MS`` (a client sending request after request saves
        the trips through the event loop); ``b""`` if the client closed; else None, any
        bytes read left for the event loop to read on. The thread waits only while another
        thread is free and no request waits for one: the wait delays no one."""
        if not self.alive or self.submitted != self.started or self.active >= self.threads:
            return None
        poller = select.poll()
        poller.register(conn.sock, select.POLLIN)
        if not poller.poll(KEEP_ALIVE_WAIT_MS):
            return None
        try:
            data = conn.sock.recv(RECV_SIZE)
        except OSError:
            return b""
        verdict = self._examine(data) if data else MORE
        if data and (verdict.status or not verdict.complete):
            conn.parser.unreader.unread(data)  # the event loop reads the rest, or refuses
            return None
        return data

    def _serve_directly(self, conn, data: bytes) -> bool | None:
        """Answer a ``/sparql`` request without gunicorn's parser and Flask
        (:mod:`server.fastpath`); whether the connection stays open, or None if the request
        is left to them. Keep-alive follows gunicorn's rules for its threaded worker."""
        request = self.fast_path.read(data)
        if request is None:
            return None
        self.nr += 1
        if self.nr >= self.max_requests and self.alive:
            self.log.info("Autorestarting worker after current request.")
            self.alive = False
        keep_alive = (
            self.alive
            and bool(self.cfg.keepalive)
            and len(self.keepalived_conns) < self.max_keepalived
        )
        try:
            outcome = self.fast_path.respond(request, conn.client, keep_alive)
        except Exception as error:  # the app's error handlers failed too: a bare 500
            self.handle_error(None, conn.sock, conn.client, error)
            return False
        head, body, keep_alive = outcome
        try:
            if len(body) <= SMALL_RESPONSE:  # one send: head and body in one segment
                conn.sock.sendall(head + body)
            else:  # no copy of a large body
                conn.sock.sendall(head)
                conn.sock.sendall(body)
        except OSError:
            return False
        return keep_alive

    def handle_error(self, req, client, addr, exc):
        """Refusals of gunicorn's parser (and any error outside the app) in JSON."""
        status, code, message = gunicorn_error(exc)
        if status >= 500:
            self.log.exception("Error handling request")
        else:
            address = addr[0] if isinstance(addr, tuple) else addr
            self.log.warning("Invalid request from ip=%s: %s", address, exc)
        try:
            client.sendall(error_bytes(status, code, message, self.cors_origin))
        except OSError:
            self.log.debug("Failed to send error message.")
