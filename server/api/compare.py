"""``GET /api/compare?q=…``: the regulations compared on a topic, as JSON, CSV or XLSX.

The format is ``format=json|csv|xlsx``, else the ``Accept`` header (``application/json``,
``text/csv``, the XLSX media type), else JSON. CSV and XLSX come as attachments named
after the topic. A thin adapter over :mod:`capabilities.compare`.
"""

from __future__ import annotations

import re

from flask import Blueprint, Response, jsonify, request

from capabilities.ask import AskError
from capabilities.compare import compare, to_csv, to_xlsx
from server.api.ask import ASK_RESULT, QUESTION_PARAMETERS, question_and_lang
from server.api.common import graph_source, run_limited
from server.errors import ApiError
from server.messages import register_messages

bp = Blueprint("api_compare", __name__)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA = {"json": "application/json", "csv": "text/csv", "xlsx": XLSX}

register_messages(
    {
        "bad-format": "Format tidak dikenal; gunakan json, csv atau xlsx. Rincian: {detail}",
        "not-acceptable-format": (
            "Format yang diminta header Accept tidak tersedia; tersedia JSON, CSV, XLSX. "
            "Rincian: {detail}"
        ),
    }
)


def response_format() -> str:
    """``json``, ``csv`` or ``xlsx``: from ``format=``, else from ``Accept``."""
    asked = request.args.get("format")
    if asked:
        if asked.lower() not in MEDIA:
            raise ApiError(400, "bad-format", f"format={asked!r}; use json, csv or xlsx")
        return asked.lower()
    if not request.accept_mimetypes or request.accept_mimetypes.provided is False:
        return "json"
    best = request.accept_mimetypes.best_match(list(MEDIA.values()))
    if best is None:
        raise ApiError(406, "not-acceptable-format", f"Accept: {request.headers.get('Accept')}")
    return next(name for name, media in MEDIA.items() if media == best)


@bp.get("/api/compare")
def api_compare():
    question, lang = question_and_lang()
    fmt = response_format()
    try:
        comparison = run_limited(compare, graph_source(), question, lang=lang)
    except AskError as error:
        raise ApiError(400, error.code, error.english) from None
    if fmt == "json":
        response = jsonify(comparison.to_json())
    else:
        body = to_csv(comparison).encode("utf-8") if fmt == "csv" else to_xlsx(comparison)
        mimetype = "text/csv; charset=utf-8" if fmt == "csv" else XLSX
        response = Response(body, mimetype=mimetype)
        response.headers["Content-Disposition"] = (
            f'attachment; filename="{_filename(question)}.{fmt}"'
        )
    response.headers["Vary"] = "Accept"
    return response


def _filename(question: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", question.lower()).strip("-")[:60]
    return f"perbandingan-{slug or 'topik'}"


_COLUMN = {
    "type": "object",
    "properties": {
        "regulation": {"type": "string"},
        "place": {"type": "string"},
        "citation": {"type": "string"},
        "provisions": ASK_RESULT["properties"]["answers"],
        "not_regulated": {
            "oneOf": [ASK_RESULT["properties"]["not_regulated"]["items"], {"type": "null"}]
        },
    },
    "required": ["regulation", "citation", "provisions"],
}
COMPARISON = {
    "type": "object",
    "properties": {
        "question": {"type": "string"},
        "lang": {"type": "string", "enum": ["id", "en"]},
        "topics": {"type": "array", "items": {"type": "string"}},
        "regulations": {"type": "array", "items": _COLUMN},
        "not_regulated": ASK_RESULT["properties"]["not_regulated"],
        "columns": {"type": "array", "items": {"type": "string"}},
        "sparql": {"type": "string"},
    },
    "required": ["question", "topics", "regulations", "not_regulated"],
}
ERROR = {"$ref": "#/components/schemas/Error"}


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ERROR}}}


OPENAPI_PATHS = {
    "/api/compare": {
        "get": {
            "summary": "Compare the regulations on a topic: provisions per city, CSV/XLSX matrix",
            "operationId": "compare",
            "parameters": [
                *QUESTION_PARAMETERS,
                {
                    "name": "format",
                    "in": "query",
                    "required": False,
                    "description": "json, csv or xlsx (default: by Accept, else json).",
                    "schema": {"type": "string", "enum": ["json", "csv", "xlsx"]},
                },
            ],
            "responses": {
                "200": {
                    "description": "Per regulation its governing provisions with their text, "
                    "and the regulations that do not regulate the topic; or the matrix "
                    "(a column per city, citations in the cells) as CSV or XLSX.",
                    "content": {
                        "application/json": {"schema": COMPARISON},
                        "text/csv": {"schema": {"type": "string"}},
                        XLSX: {"schema": {"type": "string", "format": "binary"}},
                    },
                },
                "400": _error("No topic, a bad 'lang' or a bad 'format'."),
                "406": _error("The Accept header names no format this route gives."),
                "414": _error("The topic is longer than 500 characters."),
                "503": _error("The request ran past the time limit."),
            },
        }
    }
}
