"""The application factory: ``create_app(test_config=None)``.

Configuration is layered: :data:`DEFAULTS`, then ``PERWALI_*`` environment variables
(``PERWALI_QUERY_TIMEOUT=5``), then ``test_config``. The store is opened here, not at
import time, and hangs off the app (``app.extensions["perwali.backend"]``).
"""

from __future__ import annotations

import atexit
from typing import Any

from flask import Flask, jsonify

from extract.vocab import BASE, PREFIXES
from perwali.store import EMBEDDED, SparqlStore, StoreError, parse_store_spec, store_path
from server.backends import open_backend
from server.cors import enable_cors
from server.errors import register_error_handlers

#: Every setting, its default, and (in server/README.md) its environment variable.
DEFAULTS: dict[str, Any] = {
    "STORE": "embedded",  # embedded | embedded:DIR | DIR | sparql:URL
    "DATA_DIR": None,  # data dir of the embedded store (default <repo>/data)
    "GSP_URL": None,  # Graph Store Protocol URL of a sparql: store (default: sibling "store")
    "BASE_IRI": BASE,  # base IRI for relative IRIs in queries
    "QUERY_TIMEOUT": 10.0,  # seconds per query
    "MAX_RESULTS": 10_000,  # rows (SELECT) or triples (CONSTRUCT/DESCRIBE) per answer
    "MAX_REQUEST_BYTES": 65_536,  # size of a request's URL or body
    # what the query guard lets a parser see (server/guard_limits.py)
    "MAX_QUERY_DEPTH": 64,  # nested brackets ( [ { <<
    "MAX_QUERY_CHAIN": 256,  # binary operators or group elements at one bracket level
    "MAX_QUERY_UNARY": 32,  # unary operators in a row
    "MAX_QUERY_TOKENS": 10_000,
    "MAX_RESPONSE_BYTES": 32 * 1024 * 1024,  # bytes of an answer (422 past it)
    # query processes per web worker (default: one per thread, THREADS)
    "EXECUTORS": None,
    "WARM_EXECUTORS": 2,  # query processes started ahead, per web worker
    "LONG_QUERY_SECONDS": 0.1,  # CPU seconds after which a query is long (demoted, bounded)
    "LONG_QUERIES": 4,  # long queries at once, per web worker (503 + Retry-After past it)
    "LONG_QUERIES_PER_CLIENT": 2,  # long queries at once from one address, per worker
    "SANDBOX": True,  # query processes get no network (Linux namespaces, when allowed)
    "QUERY_MEMORY_MB": 1024,  # address-space cap of a query process; 0 = none
    "THREADS": 8,  # request threads per gunicorn worker (perwali serve)
    "CLIENT_TIMEOUT": 10.0,  # seconds a client has to send a whole request (perwali serve)
    "CLIENT_CONNECTIONS": 64,  # open connections per client address, per worker
    "LARGE_BODIES_BYTES": 64 * 1024 * 1024,  # uploads being received at once, per worker
    "GENERATION": None,  # the store folder to serve (default: the data dir's current one)
    "CORS_ORIGIN": "*",
    "PUBLIC_URL": None,  # the endpoint's public URL for the service description
    "PREFIXES": dict(PREFIXES),
}


def check_settings(test_config: dict | None = None) -> dict:
    """The layered settings, after checking that the store they name is there.

    Raise :class:`perwali.store.StoreError` otherwise; opens nothing.
    """
    config = dict(DEFAULTS)
    app = Flask(__name__)
    app.config.from_mapping(config)
    app.config.from_prefixed_env("PERWALI")
    if test_config:
        app.config.from_mapping(test_config)
    spec = parse_store_spec(
        str(app.config["STORE"]), data_dir=app.config["DATA_DIR"], gsp_url=app.config["GSP_URL"]
    )
    if spec.kind == EMBEDDED and not store_path(spec.location).is_dir():
        raise StoreError(f"no graph in {spec.location}: run 'perwali build' first (or --store)")
    if spec.kind != EMBEDDED:
        SparqlStore.from_spec(spec).named_graphs(timeout=10)
    return dict(app.config)


def create_app(test_config: dict | None = None) -> Flask:
    """Build the app and open its store.

    >>> app = create_app({"STORE": "sparql:http://127.0.0.1:7878/query"})  # doctest: +SKIP
    """
    app = Flask(__name__)
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("PERWALI")
    if test_config:
        app.config.from_mapping(test_config)
    app.config["MAX_CONTENT_LENGTH"] = int(app.config["MAX_REQUEST_BYTES"])
    if app.config["EXECUTORS"] is None:
        app.config["EXECUTORS"] = int(app.config["THREADS"])
    app.json.sort_keys = False

    spec = parse_store_spec(
        str(app.config["STORE"]), data_dir=app.config["DATA_DIR"], gsp_url=app.config["GSP_URL"]
    )
    backend = open_backend(spec, app.config)
    backend.start()
    atexit.register(backend.close)
    app.extensions["perwali.backend"] = backend
    app.extensions["perwali.store_spec"] = spec

    register_error_handlers(app)
    enable_cors(app)

    from server.sparql import bp as sparql_bp

    app.register_blueprint(sparql_bp)

    from server.api import register_api

    register_api(app)

    @app.get("/health")
    def health():
        return jsonify(status="ok", store=spec.kind)

    return app
