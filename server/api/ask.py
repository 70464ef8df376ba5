"""``GET /api/ask?q=…``: which article governs X (Indonesian or English), or a fact.

A thin adapter over :func:`capabilities.ask.ask`; the body is ``AskResult.to_json()``.
The question's language is read from the question (``lang=id|en`` overrides it); messages
follow ``Accept-Language`` like every API error.
"""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from capabilities.ask import MAX_QUESTION, AskError, ask
from capabilities.ask_result import REASONS
from server.api.common import graph_source, query_param, run_limited
from server.errors import ApiError
from server.messages import register_messages

bp = Blueprint("api_ask", __name__)

register_messages(
    {
        "missing-question": "Pertanyaan kosong: tulis pertanyaan pada parameter 'q'.",
        "question-too-long": "Pertanyaan terlalu panjang. Rincian: {detail}",
        "bad-language": "Parameter 'lang' harus 'id' atau 'en'. Rincian: {detail}",
    }
)


def question_and_lang() -> tuple[str, str | None]:
    """The ``q`` and ``lang`` parameters, checked (shared with ``/api/compare``)."""
    question = query_param("q", max_chars=MAX_QUESTION)
    lang = request.args.get("lang")
    if lang not in (None, "", "id", "en"):
        raise ApiError(400, "bad-language", f"lang={lang!r}; use id or en")
    return question, lang or None


@bp.get("/api/ask")
def api_ask():
    question, lang = question_and_lang()
    try:
        result = run_limited(ask, graph_source(), question, lang=lang)
    except AskError as error:
        raise ApiError(400, error.code, error.english) from None
    return jsonify(result.to_json())


_ANSWER = {
    "type": "object",
    "properties": {
        "regulation": {"type": "string"},
        "pasal": {"type": "string"},
        "ayat": {"type": ["string", "null"]},
        "citation": {"type": "string"},
        "iri": {"type": "string", "format": "uri"},
        "score": {"type": "number"},
        "text": {"type": "string"},
        "topics": {"type": "array", "items": {"type": "string"}},
        "lampiran": {
            "type": ["string", "null"],
            "description": "The Lampiran part that holds the answer, cited through the Pasal "
            "that refers to it.",
        },
    },
    "required": ["regulation", "pasal", "ayat", "citation", "iri", "score", "text"],
}
_NOT_REGULATED = {
    "type": "object",
    "properties": {
        "regulation": {"type": "string"},
        "evidence": {"type": "string"},
        "reason": {
            "type": "string",
            "enum": list(REASONS),
        },
        "nearest": {"oneOf": [_ANSWER, {"type": "null"}]},
    },
    "required": ["regulation", "evidence"],
}
_FACT = {
    "type": "object",
    "properties": {
        "regulation": {"type": "string"},
        "field": {"type": "string"},
        "value": {"type": ["string", "null"]},
        "source": {"type": "string"},
        "citation": {"type": "string"},
    },
    "required": ["regulation", "field", "value", "source"],
}
ASK_RESULT = {
    "type": "object",
    "properties": {
        "question": {"type": "string"},
        "lang": {"type": "string", "enum": ["id", "en"]},
        "topics": {"type": "array", "items": {"type": "string"}},
        "answers": {"type": "array", "items": _ANSWER},
        "not_regulated": {"type": "array", "items": _NOT_REGULATED},
        "fact": {"oneOf": [_FACT, {"type": "null"}]},
        "sparql": {"type": "string"},
        "message": {"type": ["string", "null"]},
    },
    "required": ["question", "topics", "answers", "not_regulated", "fact", "sparql"],
}
ERROR = {"$ref": "#/components/schemas/Error"}
QUESTION_PARAMETERS = [
    {
        "name": "q",
        "in": "query",
        "required": True,
        "description": "The question, Indonesian or English (at most 500 characters).",
        "schema": {"type": "string", "maxLength": MAX_QUESTION},
        "example": "Which article governs cross-PD teams?",
    },
    {
        "name": "lang",
        "in": "query",
        "required": False,
        "description": "Language of the question (default: detected from the question).",
        "schema": {"type": "string", "enum": ["id", "en"]},
    },
]


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ERROR}}}


OPENAPI_PATHS = {
    "/api/ask": {
        "get": {
            "summary": "Which article governs X, per regulation; or a fact about a regulation",
            "operationId": "ask",
            "parameters": QUESTION_PARAMETERS,
            "responses": {
                "200": {
                    "description": "The answers grouped per regulation (best first), the "
                    "regulations that do not regulate the topic with their evidence, or a fact "
                    "with the SPARQL query that answered it.",
                    "content": {"application/json": {"schema": ASK_RESULT}},
                },
                "400": _error("No question, or a bad 'lang'."),
                "414": _error("The question is longer than 500 characters."),
                "503": _error("The request ran past the time limit."),
            },
        }
    }
}
