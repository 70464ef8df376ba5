"""Helpers every ``/api/`` module shares: the graph, bounded input, language, time limit.

The API has the same safety as ``/sparql``: bounded input (a query parameter, a text or
JSON body, each with a size cap), no fetching (capabilities run fixed queries over the
store), and a time limit per request (:func:`run_limited`). Errors are
:class:`server.errors.ApiError` (``{"code", "message"}``, Indonesian unless
``Accept-Language: en``).

>>> ref = query_param("ref", max_chars=500)            # doctest: +SKIP
>>> text = text_body(max_chars=64_000)                  # doctest: +SKIP
>>> result = run_limited(cite.resolve, graph_source(), ref, lang=language())  # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TypeVar

from flask import current_app, request

from capabilities.source import GraphSource, open_source
from server.errors import ApiError
from server.messages import register_messages, wants_english

T = TypeVar("T")

register_messages(
    {
        "missing-parameter": "Parameter wajib tidak ada. Rincian: {detail}",
        "parameter-too-long": "Parameter terlalu panjang. Rincian: {detail}",
        "text-too-large": "Teks terlalu panjang. Rincian: {detail}",
        "malformed-json": "Badan JSON tidak sah. Rincian: {detail}",
        "missing-text": "Badan permintaan tidak memuat teks. Rincian: {detail}",
        "api-timeout": "Permintaan melampaui batas waktu dan dihentikan. Rincian: {detail}",
    }
)

_sources_lock = threading.Lock()


def graph_source() -> GraphSource:
    """The app's :class:`GraphSource`, opened once per process (after a fork, anew)."""
    app = current_app._get_current_object()
    with _sources_lock:
        pid, source = app.extensions.get("perwali.graph_source", (None, None))
        if pid != os.getpid() or source is None:
            source = open_source(app.extensions["perwali.store_spec"])
            app.extensions["perwali.graph_source"] = (os.getpid(), source)
    return source


def language() -> str:
    """``"en"`` when the client prefers English (``Accept-Language``), else ``"id"``."""
    return "en" if wants_english() else "id"


def query_param(name: str, *, max_chars: int = 500, required: bool = True) -> str | None:
    """A query-string parameter, stripped; 400 when required and absent, 414 over the cap."""
    value = request.args.get(name)
    if value is None or not value.strip():
        if required:
            raise ApiError(400, "missing-parameter", f"the query parameter {name!r} is required")
        return None
    if len(value) > max_chars:
        raise ApiError(
            414,
            "parameter-too-long",
            f"the parameter {name!r} has {len(value)} characters; the limit is {max_chars}",
        )
    return value.strip()


#: Request-body caps (bytes) above ``MAX_REQUEST_BYTES``, by path: routes whose contract
#: takes a longer text. A front server that reads bodies before Flask (``perwali serve``'s
#: worker) should ask :func:`body_limit` rather than apply ``MAX_REQUEST_BYTES`` alone.
BODY_LIMITS: dict[str, int] = {}


def body_bytes(max_chars: int) -> int:
    """The byte cap for a text of ``max_chars`` characters (UTF-8's worst case, JSON room)."""
    return max_chars * 4 + 1024


def allow_body(path: str, max_chars: int) -> int:
    """Declare that ``path`` takes a text body of up to ``max_chars`` characters."""
    return allow_body_bytes(path, body_bytes(max_chars))


def allow_body_bytes(path: str, max_bytes: int) -> int:
    """Declare that ``path`` takes a body (an upload) of up to ``max_bytes`` bytes."""
    BODY_LIMITS[path] = max_bytes
    return max_bytes


def body_limit(path: str, default: int) -> int:
    """The body cap for a request to ``path``: ``default`` unless the route declared more."""
    return max(default, BODY_LIMITS.get(path, 0))


def text_body(*, max_chars: int, field: str = "text") -> str:
    """The text of a request body: ``text/plain`` (UTF-8) or JSON ``{field: "..."}``.

    Over ``max_chars`` characters: 413 ``text-too-large``. The byte cap (four bytes per
    character, UTF-8's worst case, plus room for JSON) is set before anything is read.
    """
    byte_cap = body_bytes(max_chars)
    request.max_content_length = byte_cap
    if request.content_length is not None and request.content_length > byte_cap:
        raise _too_large(f"the body has {request.content_length} bytes", max_chars)
    mimetype = request.mimetype or "text/plain"
    raw = request.get_data(cache=True)
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "bad-encoding", "the request body is not valid UTF-8") from None
    if mimetype == "application/json":
        text = _json_field(decoded, field)
    elif mimetype.startswith("text/"):
        text = decoded
    else:
        raise ApiError(
            415,
            "unsupported-media-type",
            f"send text/plain or application/json with a {field!r} field, not {mimetype}",
        )
    if len(text) > max_chars:
        raise _too_large(f"the text has {len(text)} characters", max_chars)
    if not text.strip():
        raise ApiError(400, "missing-text", "the request body holds no text")
    return text


def _json_field(body: str, field: str) -> str:
    try:
        data = json.loads(body)
    except ValueError as error:
        raise ApiError(400, "malformed-json", str(error)) from None
    value = data.get(field) if isinstance(data, dict) else None
    if not isinstance(value, str):
        raise ApiError(400, "missing-text", f'the JSON body needs a string field "{field}"')
    return value


def _too_large(what: str, max_chars: int) -> ApiError:
    return ApiError(413, "text-too-large", f"{what}; the limit is {max_chars:,} characters")


_threads: dict[int, ThreadPoolExecutor] = {}
_threads_lock = threading.Lock()


def run_limited(function: Callable[..., T], *args, inline: bool = False, **kwargs) -> T:
    """``function(*args, **kwargs)`` within the API's time limit, else 503 ``api-timeout``.

    The function runs on a helper thread inside the app context (``current_app`` works;
    ``request`` does not: read the request before). With ``inline``, which a caller passes
    only for work it knows is bounded and far shorter than the limit (a lookup in an index
    already in memory: ``capabilities.cite.ready``), it runs on the request's own thread:
    handing it to another thread would cost more than the work (``/api/cite`` served 40 %
    fewer requests per second for it, ``bench/cite_speed.py``).

    The limit is the app's ``API_TIMEOUT`` (default: ``QUERY_TIMEOUT``). Past it, the
    client gets its 503 at once; the helper thread finishes on its own (Python cannot stop
    a thread): the capabilities are our own bounded code over bounded input, so this guards
    the client's wait, not against a runaway.
    """
    if inline:
        return function(*args, **kwargs)
    app = current_app._get_current_object()
    config = app.config
    limit = float(config.get("API_TIMEOUT") or config["QUERY_TIMEOUT"])

    def call():
        with app.app_context():  # the function may read current_app (settings, extensions)
            return function(*args, **kwargs)

    future = _executor(int(config.get("THREADS") or 4)).submit(call)
    try:
        return future.result(limit)
    except FutureTimeout:
        raise ApiError(
            503,
            "api-timeout",
            f"the request ran longer than the {limit:g} s limit and was stopped",
            headers={"Retry-After": "1"},
        ) from None


def _executor(size: int) -> ThreadPoolExecutor:
    """One pool per process (a fork gets its own), as many threads as request threads."""
    pid = os.getpid()
    with _threads_lock:
        pool = _threads.get(pid)
        if pool is None:
            pool = _threads[pid] = ThreadPoolExecutor(max(size, 4), thread_name_prefix="api")
    return pool
