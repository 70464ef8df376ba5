"""``GET /api/validate/template.xlsx`` and the export formats of ``POST /api/validate``.

The template is the XLSX workbook HR staff fill in (:mod:`capabilities.validate.template`).
:func:`requested_format` and :func:`export_response` let ``POST /api/validate`` answer
``format=json|csv|xlsx|ttl|jsonld`` (or the ``Accept`` header: ``application/json``,
``text/csv``, the XLSX media type, ``text/turtle``, ``application/ld+json``); CSV, XLSX,
Turtle and JSON-LD come as attachments (:mod:`capabilities.validate.exports`).
"""

from __future__ import annotations

import copy
from functools import lru_cache

from flask import Blueprint, Response, request

from capabilities.validate.exports import FORMATS, MEDIA_TYPES, export, filename
from capabilities.validate.template import template_xlsx
from server.errors import ApiError
from server.messages import register_messages

bp = Blueprint("api_validate_extra", __name__)

TEMPLATE_NAME = "templat-struktur-organisasi.xlsx"
_ACCEPT = {
    "application/json": "json",
    "text/csv": "csv",
    MEDIA_TYPES["xlsx"]: "xlsx",
    "text/turtle": "ttl",
    "application/ld+json": "jsonld",
}

register_messages(
    {
        "bad-report-format": "Format laporan tidak dikenal; gunakan json, csv, xlsx, ttl "
        "atau jsonld. Rincian: {detail}",
        "not-acceptable-report-format": "Format yang diminta header Accept tidak tersedia; "
        "tersedia JSON, CSV, XLSX, Turtle, JSON-LD. Rincian: {detail}",
    }
)


@lru_cache(maxsize=1)
def _template() -> bytes:
    return template_xlsx()


@bp.get("/api/validate/template.xlsx")
def api_template():
    response = Response(_template(), mimetype=MEDIA_TYPES["xlsx"])
    response.headers["Content-Disposition"] = f'attachment; filename="{TEMPLATE_NAME}"'
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


def requested_format() -> str:
    """``format=`` of the request, else the best ``Accept`` match, else ``json``."""
    asked = request.args.get("format")
    if asked:
        fmt = asked.strip().lower()
        if fmt not in FORMATS:
            raise ApiError(
                400, "bad-report-format", f"format={asked[:40]!r}; use {', '.join(FORMATS)}"
            )
        return fmt
    accept = request.accept_mimetypes
    if not accept or accept.provided is False:
        return "json"
    best = accept.best_match(list(_ACCEPT), default=None)
    if best is None:
        raise ApiError(
            406, "not-acceptable-report-format", f"Accept: {request.headers.get('Accept')}"
        )
    return _ACCEPT[best]


def export_response(report, fmt: str) -> Response | None:
    """The report as an attachment in ``fmt``; ``None`` for JSON (the caller's own body)."""
    if fmt == "json":
        return None
    response = Response(export(report, fmt), mimetype=MEDIA_TYPES[fmt].split(";")[0])
    if fmt in ("csv", "ttl"):
        response.charset = "utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename(report, fmt)}"'
    response.headers["Vary"] = "Accept"
    return response


_FORMAT_PARAMETER = {
    "name": "format",
    "in": "query",
    "required": False,
    "schema": {"type": "string", "enum": list(FORMATS)},
    "description": "report format (else the Accept header, else json): json, csv (one row "
    "per finding), xlsx (workbook: Ringkasan, Pelanggaran, Peringatan, Informasi; Matriks "
    "for regulation=all), ttl / jsonld (the standard SHACL validation report)",
}


def _validate_operation() -> dict:
    """``POST /api/validate`` as ``server.api.validate`` documents it, plus the formats."""
    from server.api.validate import OPENAPI_PATHS as CORE_PATHS

    operation = copy.deepcopy(CORE_PATHS["/api/validate"]["post"])
    operation.setdefault("parameters", []).append(_FORMAT_PARAMETER)
    content = operation["responses"]["200"].setdefault("content", {})
    for fmt in FORMATS[1:]:
        content[MEDIA_TYPES[fmt].split(";")[0]] = {"schema": {"type": "string"}}
    operation["responses"]["400"] = {
        "description": operation["responses"]["400"]["description"] + "; unknown format"
    }
    operation["responses"]["406"] = {"description": "no format the Accept header allows"}
    return operation


def __getattr__(name: str):
    """``OPENAPI_PATHS`` is built on first use: it extends ``server.api.validate``'s
    operation, and that module imports this one (so not at import time)."""
    if name == "OPENAPI_PATHS":
        return {"/api/validate": {"post": _validate_operation()}, **_OWN_PATHS}
    raise AttributeError(name)


_OWN_PATHS = {
    "/api/validate/template.xlsx": {
        "get": {
            "summary": "The XLSX template of an organisation structure (for POST /api/validate)",
            "description": "Sheets unit, pegawai, tim, anggota_tim, penugasan with example "
            "rows and drop-downs for the enumerated values, and the sheet Petunjuk explaining "
            "each column and value (Indonesian and English).",
            "responses": {
                "200": {
                    "description": "the workbook (attachment)",
                    "content": {MEDIA_TYPES["xlsx"]: {"schema": {"type": "string"}}},
                }
            },
        }
    },
}
