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
from pathlib import Path

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
    from perwali.messages import text

    parser = subparsers.add_parser(
        "serve", help=text("help.serve"), description=text("help.serve.about")
    )
    port = int(os.environ.get("PERWALI_PORT", 8000))
    host = os.environ.get("PERWALI_HOST", "127.0.0.1")
    parser.add_argument("--host", default=host, help=text("help.serve.host"))
    parser.add_argument("--port", type=int, default=port, help=text("help.serve.port"))
    parser.add_argument("--store", help=text("help.serve.store"))
    parser.add_argument("--data", help=text("help.serve.data"))
    parser.add_argument("--gsp", help=text("help.serve.gsp"))
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("PERWALI_WORKERS", 2)),
        help=text("help.serve.workers"),
    )
    parser.add_argument("--query-timeout", type=float, help=text("help.serve.query_timeout"))
    parser.add_argument("--max-results", type=int, help=text("help.serve.max_results"))
    parser.add_argument("--max-request-bytes", type=int, help=text("help.serve.max_request_bytes"))
    parser.add_argument("--public-url", help=text("help.serve.public_url"))
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

    try:  # check the settings and the store before forking, to fail early and clearly
        config = check_settings()
    except StoreError as error:
        print(f"perwali serve: {error}", file=sys.stderr)
        return 2
    preimport()
    _Gunicorn(config, gunicorn_options(args, config)).run()
    return 0


def preimport() -> None:
    """Import the app's modules in the master, so that every worker (and every worker
    started later, after a crash or a SIGHUP) inherits them instead of importing them
    again. Nothing is opened: each worker still builds its own app and store processes."""
    import importlib

    from server import api, sparql  # noqa: F401

    for name in api.API_MODULES:  # all of them: register_api imports each
        importlib.import_module(name)


def gunicorn_options(args: argparse.Namespace, config: dict) -> dict:
    """gunicorn's settings: threaded workers that read whole requests first
    (:mod:`server.worker`), each thread waiting on a killable query process."""
    return {
        "bind": f"{args.host}:{args.port}",
        "workers": args.workers,
        "worker_class": "server.worker.RequestWorker",
        "threads": int(config["THREADS"]),
        "timeout": int(float(config["QUERY_TIMEOUT"])) + 30,  # gunicorn's watchdog, past ours
        "graceful_timeout": 10,
        "keepalive": 5,
        "accesslog": os.environ.get("PERWALI_ACCESS_LOG"),
        # the worker caps the request line and head itself (MAX_REQUEST_BYTES, JSON errors);
        # gunicorn's own limit stops at 8190 bytes, below the documented 64 KiB cap
        "limit_request_line": 0,
        "control_socket_disable": True,  # several servers on one host must not share one
    }


def _gunicorn_base():
    from gunicorn.app.base import BaseApplication

    return BaseApplication


class _Gunicorn(_gunicorn_base()):
    """gunicorn with our settings; each worker builds its own app (no preloading), so each
    gets its own query processes.

    The master resolves the store generation to serve (the folder the data dir's
    ``store`` link points at when it starts, or reloads on SIGHUP) and pins it, so every
    worker, and every worker started later, opens that same folder, and no build prunes
    it while the server runs. A rebuild is served after a restart or a SIGHUP.
    """

    def __init__(self, config: dict, options: dict):
        self.config = config
        self.app_config: dict = {}
        self.options = options
        self.pinned: list[tuple[Path, Path]] = []
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if value is not None:
                self.cfg.set(key, value)
        self.cfg.set("on_exit", self._unpin_all)
        self._pin_generation()

    def _pin_generation(self) -> None:
        from perwali import store
        from server.backends import current_generation

        config = self.config
        spec = store.parse_store_spec(
            str(config["STORE"]), data_dir=config["DATA_DIR"], gsp_url=config["GSP_URL"]
        )
        if spec.kind != store.EMBEDDED:
            return
        data_dir = Path(spec.location)
        generation = current_generation(data_dir)
        if generation is None:  # a data dir of the layout before generations
            return
        self.app_config["GENERATION"] = str(generation)
        if (data_dir, generation) not in self.pinned:
            store.pin_generation(data_dir, generation, os.getpid())
            self.pinned.append((data_dir, generation))

    def _unpin_all(self, _server=None) -> None:
        from perwali import store

        for data_dir, generation in self.pinned:
            store.unpin_generation(data_dir, generation, os.getpid())
        self.pinned = []

    def load(self):
        from server.app import create_app

        return create_app(self.app_config)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m server")
    add_serve_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.handler(args)
