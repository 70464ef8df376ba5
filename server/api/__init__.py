"""The JSON API under ``/api/``: thin adapters over ``capabilities/``.

Each module listed in :data:`API_MODULES` exposes ``bp`` (a Flask blueprint whose routes
live under ``/api/``), ``OPENAPI_PATHS`` (its OpenAPI 3.1 path items, merged into
``/api/openapi.json`` by ``server.api.openapi``) and, when it needs them, Indonesian messages for its error codes
(``server.messages.register_messages``). Errors follow the project's contract
(``{"code", "message"}``, Indonesian unless ``Accept-Language: en``).
"""

from __future__ import annotations

import importlib
import importlib.util

from flask import Flask

#: One module per capability (and the shared pieces: OpenAPI, linked data).
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
    """Register every API module that is present."""
    for module_name in API_MODULES:
        if importlib.util.find_spec(module_name) is not None:
            app.register_blueprint(importlib.import_module(module_name).bp)
