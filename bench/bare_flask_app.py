"""The baseline for bench/sparql_throughput.py: a bare Flask view over pyoxigraph.

No protocol checks, no guard, no time limit, no result cap: ``?query=`` in, SPARQL-JSON
out, default graph = union of the named graphs. Run with gunicorn:
``PERWALI_BENCH_STORE=data/store gunicorn -w 2 'bench.bare_flask_app:create_app()'``.
"""

import os

import pyoxigraph as ox
from flask import Flask, Response, request


def create_app() -> Flask:
    app = Flask(__name__)
    store = ox.Store.read_only(os.environ["PERWALI_BENCH_STORE"])

    @app.get("/sparql")
    def sparql():
        result = store.query(request.args["query"], use_default_graph_as_union=True)
        body = result.serialize(format=ox.QueryResultsFormat.JSON)
        return Response(body, content_type="application/sparql-results+json")

    return app
