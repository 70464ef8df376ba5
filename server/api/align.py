"""``/api/align``, ``/api/diff`` and ``/api/unique``: thin adapters over
:mod:`capabilities.align`, :mod:`capabilities.diff` and :mod:`capabilities.unique`.

- ``GET /api/align?a=REG_A&b=REG_B``: the counterpart in B of every Pasal of A;
- ``GET /api/align?all=1`` (``&format=csv`` for the CSV matrix): the matrix of all;
- ``GET /api/diff?a=CITATION&b=CITATION``: word-level comparison of two provisions;
- ``GET /api/unique?regulation=REG_ID``: provisions with no counterpart elsewhere.
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from capabilities.align import align, align_all
from capabilities.diff import diff
from capabilities.similarity import ComparisonError, UnknownRegulation, regulation_id
from capabilities.unique import unique
from server.api.common import graph_source, query_param, run_limited
from server.errors import ApiError
from server.messages import register_messages, wants_english

bp = Blueprint("api_align", __name__)

MAX_ID_CHARS = 100
MAX_CITATION_CHARS = 500

#: The capabilities' errors carry an Indonesian and an English message; the code's
#: template is the message itself, chosen by the request's language (:func:`_refuse`).
register_messages(
    {
        "align-bad-request": "{detail}",
        "align-bad-input": "{detail}",
        "unknown-regulation": "{detail}",  # shared with /api/validate, /api/rules
        "align-unknown-provision": "{detail}",
    }
)


@bp.get("/api/align")
def api_align():
    if request.args.get("all") not in (None, "", "0", "false"):
        if request.args.get("a") or request.args.get("b"):
            _bad_request("give either a and b, or all=1, not both", "isi a dan b, atau all=1")
        matrix = _run(align_all)
        fmt = (request.args.get("format") or "json").lower()
        if fmt == "csv":
            response = Response(matrix.to_csv(), mimetype="text/csv; charset=utf-8")
            response.headers["Content-Disposition"] = 'attachment; filename="padanan.csv"'
            return response
        if fmt != "json":
            _bad_request(f"format={fmt!r}; use json or csv", f"format={fmt!r}; pakai json atau csv")
        return jsonify(matrix.to_json())
    reg_a = query_param("a", max_chars=MAX_ID_CHARS)
    reg_b = query_param("b", max_chars=MAX_ID_CHARS)
    return jsonify(_run(align, reg_a, reg_b).to_json())


@bp.get("/api/diff")
def api_diff():
    citation_a = query_param("a", max_chars=MAX_CITATION_CHARS)
    citation_b = query_param("b", max_chars=MAX_CITATION_CHARS)
    return jsonify(_run(diff, citation_a, citation_b).to_json())


@bp.get("/api/unique")
def api_unique():
    reg_id = _run(regulation_id, query_param("regulation", max_chars=MAX_ID_CHARS))
    found = _run(unique, reg_id)
    return jsonify({"regulation": reg_id, "unique": [item.to_json() for item in found]})


def _run(function, *args):
    try:
        return run_limited(function, graph_source(), *args)
    except ComparisonError as error:
        code = error.code if isinstance(error, UnknownRegulation) else f"align-{error.code}"
        raise ApiError(
            error.status,
            code,
            error.english if wants_english() else error.message,
        ) from None


def _bad_request(english: str, indonesian: str) -> None:
    raise ApiError(400, "align-bad-request", english if wants_english() else indonesian)


# --- OpenAPI ------------------------------------------------------------------------------
def _param(name: str, description: str, required: bool = True, **schema) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": {"type": "string", **schema},
    }


def _json(description: str, schema: dict) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


_ERROR = {"$ref": "#/components/schemas/Error"}
_ERRORS = {
    "400": _json("bad input", _ERROR),
    "404": _json("unknown regulation or provision (names the closest ids)", _ERROR),
    "414": _json("a parameter is too long", _ERROR),
    "503": _json("time limit", _ERROR),
}
_PAIR = {
    "type": "object",
    "required": ["a", "b", "score"],
    "properties": {
        "a": {"type": "string", "description": "Pasal number in A"},
        "b": {"type": ["string", "null"], "description": "counterpart Pasal in B, or null"},
        "score": {"type": "number", "description": "score of the best candidate"},
        "mutual": {
            "type": "boolean",
            "description": "accepted below threshold (down to mutual_threshold): each Pasal "
            "is the other's best candidate",
        },
        "a_citation": {"type": "string"},
        "b_citation": {"type": ["string", "null"]},
        "a_iri": {"type": "string"},
        "b_iri": {"type": ["string", "null"]},
        "nearest": {"type": ["string", "null"], "description": "best candidate when b is null"},
        "features": {"type": "object", "additionalProperties": {"type": "number"}},
    },
}
_TOKEN = {
    "type": "object",
    "properties": {
        "op": {"enum": ["equal", "insert", "delete", "replace"]},
        "a": {"type": "string"},
        "b": {"type": "string"},
    },
}
_SIDE = {
    "type": "object",
    "properties": {"citation": {"type": "string"}, "iri": {"type": "string"}},
}

OPENAPI_PATHS = {
    "/api/align": {
        "get": {
            "summary": "Counterpart Pasal across regulations",
            "description": (
                "With a and b: the best counterpart in b of every Pasal of a (null below the "
                "null threshold, which is read from the data; between mutual_threshold and "
                "threshold only mutual best pairs count). With all=1: groups of mutual "
                "counterparts across all regulations, one column per regulation "
                "(format=csv for the CSV matrix)."
            ),
            "parameters": [
                _param("a", "regulation id, e.g. palu-28-2023", required=False),
                _param("b", "regulation id, e.g. tebing-tinggi-21-2024", required=False),
                _param("all", "1 for the matrix of all regulations", required=False),
                _param("format", "json (default) or csv, with all=1", required=False),
            ],
            "responses": {
                "200": {
                    "description": "the alignment, or the matrix",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "a": {"type": "string"},
                                    "b": {"type": "string"},
                                    "threshold": {"type": "number"},
                                    "mutual_threshold": {"type": "number"},
                                    "pairs": {"type": "array", "items": _PAIR},
                                    "regulations": {"type": "array"},
                                    "rows": {"type": "array"},
                                },
                            }
                        },
                        "text/csv": {"schema": {"type": "string"}},
                    },
                },
                **_ERRORS,
            },
        }
    },
    "/api/diff": {
        "get": {
            "summary": "Word-level comparison of two provisions",
            "description": (
                "Sub-units are aligned by content first (ayat with ayat, huruf with huruf), "
                "then words compared; each unit lists runs of tokens with their operation."
            ),
            "parameters": [
                _param("a", "citation, IRI or 'REG_ID PASAL [AYAT [HURUF]]'", maxLength=500),
                _param("b", "citation, IRI or 'REG_ID PASAL [AYAT [HURUF]]'", maxLength=500),
            ],
            "responses": {
                "200": _json(
                    "the comparison",
                    {
                        "type": "object",
                        "properties": {
                            "a": _SIDE,
                            "b": _SIDE,
                            "similarity": {"type": "number"},
                            "summary": {"type": "object"},
                            "units": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {
                                        "a": {"type": ["string", "null"]},
                                        "b": {"type": ["string", "null"]},
                                        "status": {
                                            "enum": ["equal", "changed", "added", "dropped"]
                                        },
                                        "similarity": {"type": "number"},
                                        "tokens": {"type": "array", "items": _TOKEN},
                                    },
                                },
                            },
                        },
                    },
                ),
                **_ERRORS,
            },
        }
    },
    "/api/unique": {
        "get": {
            "summary": "Provisions of a regulation with no counterpart in the others",
            "parameters": [_param("regulation", "regulation id, e.g. semarang-85-2023")],
            "responses": {
                "200": _json(
                    "the unique Pasal and ayat, each with its reason",
                    {
                        "type": "object",
                        "properties": {
                            "regulation": {"type": "string"},
                            "unique": {"type": "array", "items": {"type": "object"}},
                        },
                    },
                ),
                **_ERRORS,
            },
        }
    },
}
