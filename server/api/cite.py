"""``GET /api/cite?ref=…`` and ``POST /api/cite/extract``: thin adapters over
:mod:`capabilities.cite` and :mod:`capabilities.cite_extract`.

``/api/cite`` answers with the status of the outcome: 200 found, 300 ambiguous (every
candidate listed), 404 well-formed but absent (what exists, the nearest provision, the
closest regulations), 400 not a citation. Anything but 200 carries the error contract's
``code`` and ``message`` (Indonesian unless ``Accept-Language: en``) beside its details.
"""

from __future__ import annotations

from flask import Blueprint, jsonify

from capabilities.cite import MAX_REF_CHARS, ready, resolve
from capabilities.cite_extract import MAX_TEXT_CHARS, extract
from server.api.common import (
    allow_body,
    graph_source,
    language,
    query_param,
    run_limited,
    text_body,
)

bp = Blueprint("api_cite", __name__)
allow_body("/api/cite/extract", MAX_TEXT_CHARS)  # 64,000 characters may exceed the default cap


@bp.get("/api/cite")
def api_cite():
    ref = query_param("ref", max_chars=MAX_REF_CHARS)
    source = graph_source()
    result = run_limited(resolve, source, ref, lang=language(), inline=ready(source))
    response = jsonify(result.to_json())
    response.status_code = result.http_status
    return response


@bp.post("/api/cite/extract")
def api_cite_extract():
    text = text_body(max_chars=MAX_TEXT_CHARS)
    found = run_limited(extract, graph_source(), text, lang=language())
    return jsonify(count=len(found), citations=[item.to_json() for item in found])


# --- OpenAPI ------------------------------------------------------------------------------
ERROR = {"$ref": "#/components/schemas/Error"}
_LINK = {
    "type": "object",
    "properties": {
        "citation": {"type": ["string", "null"]},
        "iri": {"type": ["string", "null"]},
        "text": {"type": "string", "description": "the reference phrase as written"},
        "kind": {"type": "string"},
        "at": {"type": "string", "description": "the sub-unit the reference is made in or to"},
    },
    "required": ["citation", "iri"],
}
_CONTEXT_ITEM = {
    "oneOf": [
        {"type": "null"},
        {
            "type": "object",
            "properties": {
                "number": {"type": ["string", "null"]},
                "heading": {"type": ["string", "null"]},
                "citation": {"type": "string"},
                "iri": {"type": "string"},
            },
            "required": ["number", "heading", "citation", "iri"],
        },
    ]
}
_NULLABLE = {"type": ["string", "null"]}
_ITEM = {
    "type": "object",
    "properties": {
        "regulation": {"type": ["string", "null"]},
        "citation": {"type": "string"},
        "iri": {"type": "string"},
    },
    "required": ["citation", "iri"],
}
CITE_ANSWER = {
    "type": "object",
    "properties": {
        "regulation": _NULLABLE,
        "pasal": _NULLABLE,
        "ayat": _NULLABLE,
        "huruf": _NULLABLE,
        "angka": _NULLABLE,
        "citation": {"type": "string", "description": "the canonical citation"},
        "iri": {"type": "string"},
        "text": {"type": "string", "description": "own text, then the sub-units' text"},
        "context": {
            "type": "object",
            "properties": {
                "bab": _CONTEXT_ITEM,
                "bagian": _CONTEXT_ITEM,
                "paragraf": _CONTEXT_ITEM,
            },
            "required": ["bab", "bagian", "paragraf"],
        },
        "cites": {"type": "array", "items": _LINK},
        "cited_by": {"type": "array", "items": _LINK},
        "status": {"const": "found"},
    },
    "required": [
        *("regulation", "pasal", "ayat", "huruf", "angka", "citation", "iri", "text"),
        *("context", "cites", "cited_by"),
    ],
}
CITE_PROBLEM = {
    "type": "object",
    "description": "The error contract (code, message) with what the citation said and what "
    "exists.",
    "properties": {
        "code": {"type": "string"},
        "message": {"type": "string"},
        "status": {"enum": ["not_found", "ambiguous", "invalid"]},
        "parsed": {"type": "object"},
        "candidates": {"type": "array", "items": _ITEM},
        "suggestions": {"type": "array", "items": _ITEM},
        "exists": {
            "type": "object",
            "properties": {
                "within": {"type": "string"},
                "kind": {"type": "string"},
                "values": {"type": "array", "items": {"type": "string"}},
            },
        },
        "nearest": _ITEM,
        "instrument": _ITEM,
    },
    "required": ["code", "message", "status"],
}
EXTRACT_RESULT = {
    "type": "object",
    "properties": {
        "count": {"type": "integer"},
        "citations": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "start": {"type": "integer"},
                    "end": {"type": "integer"},
                    "text": {"type": "string"},
                    "status": {"enum": ["found", "not_found", "ambiguous", "invalid"]},
                    "relative": {
                        "type": "boolean",
                        "description": "resolved against a regulation (and Pasal) inferred "
                        "from the last full citation before it",
                    },
                    "resolved_against": {
                        "type": ["string", "null"],
                        "description": "for a relative citation, the regulation inferred (id)",
                    },
                    "resolution": {
                        "oneOf": [
                            {"$ref": "#/components/schemas/CiteAnswer"},
                            {"$ref": "#/components/schemas/CiteProblem"},
                        ]
                    },
                },
                "required": ["start", "end", "text", "status", "relative", "resolution"],
            },
        },
    },
    "required": ["count", "citations"],
}
OPENAPI_COMPONENTS = {
    "CiteAnswer": CITE_ANSWER,
    "CiteProblem": CITE_PROBLEM,
    "CiteExtractResult": EXTRACT_RESULT,
}


def _json(description: str, schema: dict, example: dict | None = None) -> dict:
    body: dict = {"schema": schema}
    if example is not None:
        body["example"] = example
    return {"description": description, "content": {"application/json": body}}


_PROBLEM = {"$ref": "#/components/schemas/CiteProblem"}
OPENAPI_PATHS = {
    "/api/cite": {
        "get": {
            "summary": "Find a provision from a citation as drafters write it",
            "operationId": "cite",
            "parameters": [
                {
                    "name": "ref",
                    "in": "query",
                    "required": True,
                    "description": "A citation in any usual form: 'Pasal 21 ayat (4) Peraturan "
                    "Wali Kota Palu Nomor 28 Tahun 2023', 'Perwali Semarang 85/2023 Pasal 10 "
                    "ayat (6)', 'psl 18 ayat (3) huruf b Perwali Kota Palu No. 28 Th. 2023'.",
                    "schema": {"type": "string", "maxLength": MAX_REF_CHARS},
                    "example": "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
                }
            ],
            "responses": {
                "200": _json(
                    "Found: the provision, its text, context and references.",
                    {"$ref": "#/components/schemas/CiteAnswer"},
                ),
                "300": _json("Ambiguous: every candidate is listed.", _PROBLEM),
                "400": _json(
                    "Not a citation (CiteProblem), or no 'ref' (Error).",
                    {"anyOf": [_PROBLEM, ERROR]},
                ),
                "404": _json(
                    "Well formed but absent: what exists and the nearest provision, or the "
                    "closest regulations.",
                    _PROBLEM,
                ),
                "414": _json("'ref' is longer than 500 characters.", ERROR),
                "503": _json("The request ran past the time limit.", ERROR),
            },
        }
    },
    "/api/cite/extract": {
        "post": {
            "summary": "Find and resolve every citation in a pasted text",
            "operationId": "citeExtract",
            "description": "A bare 'Pasal 12' after a full citation resolves against the "
            "regulation last named; a bare 'ayat (5)' against it and the Pasal last named.",
            "requestBody": {
                "required": True,
                "content": {
                    "text/plain": {
                        "schema": {"type": "string", "maxLength": MAX_TEXT_CHARS},
                        "example": "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun "
                        "2023 dan ayat (5).",
                    },
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "properties": {"text": {"type": "string", "maxLength": MAX_TEXT_CHARS}},
                            "required": ["text"],
                        },
                        "example": {"text": "Lihat Perwali Semarang 85/2023 Pasal 10 ayat (6)."},
                    },
                },
            },
            "responses": {
                "200": _json(
                    "Every citation with its span, status and resolution.",
                    {"$ref": "#/components/schemas/CiteExtractResult"},
                ),
                "400": _json("No text, bad JSON or bad UTF-8.", ERROR),
                "413": _json("The text is longer than 64,000 characters.", ERROR),
                "415": _json("Neither text/plain nor application/json.", ERROR),
                "503": _json("The request ran past the time limit.", ERROR),
            },
        }
    },
}
