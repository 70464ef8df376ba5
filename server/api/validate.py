"""``POST /api/validate?regulation=…`` and ``GET /api/rules``: a thin adapter over
:mod:`capabilities.validate`.

The upload is a multipart form (the CSV files of the template, or one RDF file) or a raw
body (``Content-Type`` names the RDF syntax). It is read into its own graph and never
touches the served store. Size limit: ``VALIDATE_MAX_BYTES`` (default 20 MB) -> 413.
Bad input -> 400 ``{"code": "bad-upload", "message", "errors": [{"file","row","column",
"value","message"}]}``.
"""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from capabilities.validate import MAX_UPLOAD_BYTES, InputErrors, validate_graph
from capabilities.validate.citations import load_citations
from capabilities.validate.engine import UnknownRegulation, resolve
from capabilities.validate.matrix import validate_all
from capabilities.validate.rules import catalogue
from capabilities.validate.upload import read_body, read_files
from server.api.common import allow_body_bytes, graph_source, language, run_limited
from server.api.validate_extra import export_response, requested_format
from server.errors import ApiError
from server.messages import localise, register_messages, wants_english

bp = Blueprint("api_validate", __name__)
# the worker reads bodies before Flask: let uploads (and their multipart framing) through;
# the view then applies the exact limit with its own message
allow_body_bytes("/api/validate", MAX_UPLOAD_BYTES + 64 * 1024)

register_messages(
    {
        "bad-upload": "Data yang diunggah tidak dapat divalidasi; lihat daftar kesalahan. "
        "Rincian: {detail}",
        "unknown-regulation": "{detail}",  # shared with /api/align, /api/unique
        "upload-too-large": "Unggahan terlalu besar. Rincian: {detail}",
        "missing-upload": "Tidak ada data yang diunggah. Rincian: {detail}",
    }
)


def _max_bytes() -> int:
    return int(current_app.config.get("VALIDATE_MAX_BYTES") or MAX_UPLOAD_BYTES)


def _regulation(required: bool) -> str | None:
    value = (request.args.get("regulation") or "").strip()
    if not value:
        if required:
            raise ApiError(400, "missing-parameter", "the query parameter 'regulation' is required")
        return None
    try:
        return resolve(value, allow_all=required)
    except UnknownRegulation as error:
        detail = error.english if wants_english() else error.message
        raise ApiError(404, "unknown-regulation", detail) from None


def _read_upload():
    limit = _max_bytes()
    request.max_content_length = limit
    if request.content_length is not None and request.content_length > limit:
        raise ApiError(
            413, "upload-too-large", f"{request.content_length:,} bytes; the limit is {limit:,}"
        )
    if request.mimetype == "multipart/form-data":
        files = [
            (f.filename or name, f.read(limit + 1)) for name, f in request.files.items(multi=True)
        ]
        if any(len(data) > limit for _, data in files):
            raise ApiError(413, "upload-too-large", f"a file is over {limit:,} bytes")
        return read_files(files)
    body = request.get_data(cache=False)
    if not body:
        raise ApiError(400, "missing-upload", "send a multipart form or a raw RDF body")
    return read_body(request.mimetype, body)


@bp.post("/api/validate")
def api_validate():
    regulation = _regulation(required=True)
    fmt = requested_format()
    lang = language()
    try:
        data = _read_upload()
    except InputErrors as errors:
        message = localise("bad-upload", f"{len(errors.errors)} input error(s)")
        response = jsonify(code="bad-upload", message=message, errors=errors.to_json(lang))
        response.status_code = 400
        return response
    source = graph_source()
    if regulation == "all":
        result = run_limited(validate_all, source, data, lang)
        return export_response(result, fmt) or jsonify(result.to_json(lang))
    report = run_limited(validate_graph, source, data, regulation, lang)
    return export_response(report, fmt) or jsonify(report.to_json())


@bp.get("/api/rules")
def api_rules():
    regulation = _regulation(required=False)
    rules = catalogue(load_citations(graph_source()), regulation)
    return jsonify([rule.to_json() for rule in rules])


_FINDING = {
    "type": "object",
    "properties": {
        name: {"type": ["string", "null"]}
        for name in (
            "severity",
            "subject",
            "rule",
            "message",
            "citation",
            "provision",
            "pasal",
            "ayat",
            "huruf",
            "value",
        )
    },
}
_REPORT = {
    "type": "object",
    "properties": {
        "regulation": {"type": "string"},
        "conforms": {"type": "boolean"},
        "counts": {
            "type": "object",
            "properties": {k: {"type": "integer"} for k in ("Violation", "Warning", "Info")},
        },
        "rules_checked": {"type": "array", "items": {"type": "string"}},
        "results": {"type": "array", "items": _FINDING},
    },
}
_REGULATION = {
    "name": "regulation",
    "in": "query",
    "schema": {"type": "string"},
    "description": "regulation id, e.g. palu-28-2023 ('all' for POST /api/validate)",
}
OPENAPI_PATHS = {
    "/api/validate": {
        "post": {
            "summary": "Validate an organisation structure against a Perwali (SHACL)",
            "description": "Multipart upload of the CSV template files (unit.csv, "
            "pegawai.csv, tim.csv, anggota_tim.csv, penugasan.csv) or one RDF file; or a "
            "raw RDF body (text/turtle, application/ld+json, application/n-triples, "
            "application/rdf+xml). The upload is validated in isolation.",
            "parameters": [{**_REGULATION, "required": True}],
            "requestBody": {
                "content": {
                    "multipart/form-data": {"schema": {"type": "object"}},
                    "text/turtle": {"schema": {"type": "string"}},
                    "application/ld+json": {"schema": {"type": "object"}},
                }
            },
            "responses": {
                "200": {
                    "description": "the report (or, for regulation=all, the reports and the "
                    "rule matrix)",
                    "content": {"application/json": {"schema": _REPORT}},
                },
                "400": {"description": "input errors (errors: file, row, column, value, message)"},
                "404": {"description": "unknown regulation"},
                "413": {"description": "upload over the size limit (default 20 MB)"},
            },
        }
    },
    "/api/rules": {
        "get": {
            "summary": "Every validation rule: id, severity, description (id/en), provisions",
            "parameters": [{**_REGULATION, "required": False}],
            "responses": {
                "200": {"description": "the rules"},
                "404": {"description": "unknown regulation"},
            },
        }
    },
}
