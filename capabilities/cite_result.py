"""The answer of the citation capability: :class:`CiteResult` and its statuses.

``found`` (HTTP 200), ``not_found`` (404), ``ambiguous`` (300), ``invalid`` (400); messages
in Indonesian, or English with ``lang="en"`` (:func:`say`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from capabilities.cite_index import PROVISION_KINDS, Regulation, Unit

FOUND, NOT_FOUND, AMBIGUOUS, INVALID = "found", "not_found", "ambiguous", "invalid"
HTTP_STATUS = {FOUND: 200, NOT_FOUND: 404, AMBIGUOUS: 300, INVALID: 400}


@dataclass
class CiteResult:
    """The outcome of a citation; :meth:`to_json` gives the contract's fields."""

    status: str
    code: str | None = None  # a stable code for anything but ``found``
    message: str | None = None
    regulation: str | None = None
    pasal: str | None = None
    ayat: str | None = None
    huruf: str | None = None
    angka: str | None = None
    citation: str | None = None
    iri: str | None = None
    text: str | None = None
    context: dict | None = None
    cites: list[dict] = field(default_factory=list)
    cited_by: list[dict] = field(default_factory=list)
    parsed: dict | None = None
    candidates: list[dict] = field(default_factory=list)
    suggestions: list[dict] = field(default_factory=list)
    exists: dict | None = None
    nearest: dict | None = None
    instrument: dict | None = None

    @property
    def http_status(self) -> int:
        return HTTP_STATUS[self.status]

    def to_json(self) -> dict:
        if self.status == FOUND:
            keys = ("regulation", *PROVISION_KINDS, "citation", "iri", "text", "context")
            out = {key: getattr(self, key) for key in keys}
            return {**out, "cites": self.cites, "cited_by": self.cited_by, "status": FOUND}
        out = {"code": self.code, "message": self.message, "status": self.status}
        for key in ("parsed", "candidates", "suggestions", "exists", "nearest", "instrument"):
            value = getattr(self, key)
            if value:
                out[key] = value
        return out


def say(lang: str, indonesian: str, english: str) -> str:
    return english if lang == "en" else indonesian


def ref_json(unit: Unit) -> dict:
    """A unit as a candidate or suggestion: its citation and IRI."""
    return {"citation": unit.label, "iri": unit.iri}


def reg_json(reg: Regulation) -> dict:
    """A regulation as a candidate or suggestion: id, citation and IRI."""
    return {"regulation": reg.id, "citation": reg.citation, "iri": reg.iri}
