"""What ``ask`` returns: answers, the regulations that do not regulate what is asked,
and the errors of a question it cannot take."""

from __future__ import annotations

from dataclasses import dataclass

from capabilities.facts import Fact


class AskError(ValueError):
    """A question that cannot be asked (empty, too long); the message is Indonesian."""

    def __init__(self, code: str, message: str, english: str):
        super().__init__(message)
        self.code = code
        self.english = english


@dataclass(frozen=True)
class Answer:
    """One provision that governs the question's topic."""

    regulation: str
    pasal: str
    ayat: str | None
    citation: str
    iri: str
    score: float
    text: str
    topics: tuple[str, ...] = ()
    lampiran: str | None = None  # the Lampiran part that holds the answer, if any

    def to_json(self) -> dict:
        return {
            "regulation": self.regulation,
            "pasal": self.pasal,
            "ayat": self.ayat,
            "citation": self.citation,
            "iri": self.iri,
            "score": self.score,
            "text": self.text,
            "topics": list(self.topics),
            "lampiran": self.lampiran,
        }


#: Why a regulation does not regulate what is asked: the ``reason`` of :class:`NotRegulated`
#: (the OpenAPI enum of /api/ask is this tuple, in this order). ``rank`` in capabilities/ask.py
#: tries them in its own order (no-match, no-part, topic-absent, not-defined, weak-match,
#: no-case, no-list, then no-agent / no-means / no-duty).
REASONS = (
    "no-part",
    "topic-absent",
    "not-defined",
    "no-agent",
    "no-means",
    "no-duty",
    "no-case",
    "no-list",
    "weak-match",
    "no-match",
)


@dataclass(frozen=True)
class NotRegulated:
    """A regulation that does not regulate the topic, with the evidence."""

    regulation: str
    evidence: str
    reason: str  # one of REASONS
    nearest: Answer | None

    def __post_init__(self) -> None:
        if self.reason not in REASONS:
            raise ValueError(f"unknown reason {self.reason!r}")

    def to_json(self) -> dict:
        return {
            "regulation": self.regulation,
            "evidence": self.evidence,
            "reason": self.reason,
            "nearest": self.nearest.to_json() if self.nearest else None,
        }


@dataclass
class Ranking:
    """A topic question read and scored: the answers of each regulation, best first."""

    topics: list[str]
    by_regulation: dict[str, list[Answer]]
    not_regulated: list[NotRegulated]
    sparql: str


@dataclass
class AskResult:
    """The answer to a question (see the issue's contract)."""

    question: str
    lang: str
    topics: list[str]
    answers: list[Answer]
    not_regulated: list[NotRegulated]
    fact: Fact | None
    sparql: str
    message: str | None = None

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "lang": self.lang,
            "topics": self.topics,
            "answers": [answer.to_json() for answer in self.answers],
            "not_regulated": [item.to_json() for item in self.not_regulated],
            "fact": self.fact.to_json() if self.fact else None,
            "sparql": self.sparql,
            "message": self.message,
        }
