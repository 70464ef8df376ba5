"""``perwali serve``: the endpoint under gunicorn (a production WSGI server).

The lead's ``perwali/cli.py`` calls :func:`add_serve_parser`; ``python -m server serve``
runs the same command on its own. Flags override ``PERWALI_*`` environment variables,
which override the defaults (``server/README.md`` lists them all).

Exit codes: 0 after a clean shutdown, 2 for bad arguments or a missing/unreachable store.
"""

from __future__ import annotations

import argparse
import os
import sys

#: Flags that map onto settings, and their environment variables.
FLAG_SETTINGS = {
    "store": "PERWALI_STORE",
    "data": "PERWALI_DATA_DIR",
    "gsp": "PERWALI_GSP_URL",
    "query_timeout": "PERWALI_QUERY_TIMEOUT",
    "max_results": "PERWALI_MAX_RESULTS",
    "max_request_bytes": "PERWALI_MAX_REQUEST_BYTES",
    "public_url": "PERWALI_PUBLIC_URL",
}


def add_serve_parser(subparsers) -> argparse.ArgumentParser:
    """Register the ``serve`` subcommand on an argparse ``subparsers`` object."""
    parser = subparsers.add_parser(
        "serve",
        help="serve the SPARQL endpoint (/sparql) over HTTP",
        description="Serve the SPARQL 1.1 endpoint at /sparql with gunicorn.",
    )
    parser.add_argument("--host", default=os.environ.get("PERWALI_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PERWALI_PORT", 8000)))
    parser.add_argument(
        "--store", help="embedded (default), embedded:DIR, or sparql:http://HOST:PORT/PATH"
    )
    parser.add_argument("--data", help="data dir of the embedded store (default: <repo>/data)")
    parser.add_argument("--gsp", help="Graph Store Protocol URL of a sparql: store")
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("PERWALI_WORKERS", 2)),
        help="gunicorn worker processes (default 2)",
    )
    parser.add_argument("--query-timeout", type=float, help="seconds per query (default 10)")
    parser.add_argument("--max-results", type=int, help="rows or triples per answer")
    parser.add_argument("--max-request-bytes", type=int, help="size of a request URL or body")
    parser.add_argument("--public-url", help="public URL of /sparql, for the service description")
    parser.set_defaults(handler=run_serve, func=run_serve)
    return parser


def run_serve(args: argparse.Namespace) -> int:
    """Apply the flags to the environment, check the store, then run gunicorn."""
    for flag, variable in FLAG_SETTINGS.items():
        value = getattr(args, flag, None)
        if value is not None:
            os.environ[variable] = str(value)
    from perwali.store import StoreError
    from server.app import check_settings

    # gunicorn's sync workers serve one request at a time: queries run in the worker,
    # which exits past the time limit (server/executor.py, InWorkerRunner)
    worker_mode = {} if "PERWALI_QUERY_ISOLATION" in os.environ else {"QUERY_ISOLATION": "worker"}
    try:  # check the settings and the store before forking, to fail early and clearly
        config = check_settings(worker_mode)
    except StoreError as error:
        print(f"perwali serve: {error}", file=sys.stderr)
        return 2
    timeout = float(config["QUERY_TIMEOUT"])
    _Gunicorn(
        worker_mode,
        {
            "bind": f"{args.host}:{args.port}",
            "workers": args.workers,
            "worker_class": "sync",
            "timeout": int(timeout) + 30,  # gunicorn's own watchdog, well past ours
            "graceful_timeout": 10,
            "accesslog": os.environ.get("PERWALI_ACCESS_LOG"),
            "limit_request_line": 8190,
            "control_socket_disable": True,  # several servers on one host must not share one
        },
    ).run()
    return 0


def _gunicorn_base():
    from gunicorn.app.base import BaseApplication

    return BaseApplication


class _Gunicorn(_gunicorn_base()):
    """gunicorn with our settings; each worker builds its own app (no preloading), so each
    gets its own query processes."""

    def __init__(self, app_config: dict, options: dict):
        self.app_config = app_config
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if value is not None:
                self.cfg.set(key, value)

    def load(self):
        from server.app import create_app

        return create_app(self.app_config)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m server")
    add_serve_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.handler(args)
