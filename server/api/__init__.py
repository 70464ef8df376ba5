"""The JSON API under ``/api/``, the linked-data routes and the web pages: thin adapters
over ``capabilities/``.

Each module listed in :data:`API_MODULES` exposes ``bp`` (a Flask blueprint) and, for
``/api/`` routes, ``OPENAPI_PATHS`` (its OpenAPI 3.1 path items, merged into
``/api/openapi.json`` by ``server.api.openapi``); a module registers the Indonesian
messages of its own error codes (``server.messages.register_messages``). Errors follow
the project's contract (``{"code", "message"}``, Indonesian unless ``Accept-Language: en``).
"""

from __future__ import annotations

import importlib

from flask import Flask

#: One module per capability, then the shared pieces (OpenAPI, linked data, web pages);
#: linked data and the web come last because their catch-all routes yield to fixed ones.
API_MODULES = (
    "server.api.cite",
    "server.api.ask",
    "server.api.compare",
    "server.api.align",
    "server.api.validate",
    "server.api.validate_extra",
    "server.api.openapi",
    "server.linked_data",
    "server.web",
)


def register_api(app: Flask) -> None:
    """Register the blueprint of every module in :data:`API_MODULES`."""
    for module_name in API_MODULES:
        app.register_blueprint(importlib.import_module(module_name).bp)
