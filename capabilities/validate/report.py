"""The JSON contract of a validation: :class:`ValidationReport` and :class:`Finding`.

``{"regulation","conforms","counts":{"Violation","Warning","Info"},"rules_checked",
"results":[{"severity","subject","rule","message","citation","provision","pasal","ayat",
"huruf","value"}]}``. The report keeps the pyshacl results graph, the shapes graph and the
data graph, so that exports (SHACL report in Turtle/JSON-LD, CSV, XLSX) can be written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDF, Graph, URIRef

from capabilities.validate.citations import Citations
from capabilities.validate.engine import RawResult
from capabilities.validate.model import VALUE_OF_IRI, DataGraph
from capabilities.validate.rules import VALUE_PATHS

SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
#: severity -> its Indonesian word (CLI text output, workbook sheet titles)
SEVERITY_ID = {"Violation": "Pelanggaran", "Warning": "Peringatan", "Info": "Informasi"}


@dataclass(frozen=True)
class Finding:
    """One result: who (subject), what rule, which provision, the offending value."""

    severity: str
    subject: str
    rule: str
    message: str
    citation: str
    provision: str
    pasal: str | None
    ayat: str | None
    huruf: str | None
    value: str | None

    def to_json(self) -> dict:
        return {
            "severity": self.severity,
            "subject": self.subject,
            "rule": self.rule,
            "message": self.message,
            "citation": self.citation,
            "provision": self.provision,
            "pasal": self.pasal,
            "ayat": self.ayat,
            "huruf": self.huruf,
            "value": self.value,
        }


@dataclass
class ValidationReport:
    """The outcome of validating one upload against one regulation."""

    regulation: str
    conforms: bool
    rules_checked: list[str]
    findings: list[Finding]
    lang: str
    results_graph: Graph = field(repr=False)
    shapes_graph: Graph = field(repr=False)
    data: DataGraph = field(repr=False)

    @property
    def counts(self) -> dict[str, int]:
        counts = {"Violation": 0, "Warning": 0, "Info": 0}
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    def to_json(self) -> dict:
        return {
            "regulation": self.regulation,
            "conforms": self.conforms,
            "counts": self.counts,
            "rules_checked": self.rules_checked,
            "results": [finding.to_json() for finding in self.findings],
        }


def make_findings(
    raw: list[RawResult], data: DataGraph, citations: Citations, lang: str
) -> list[Finding]:
    """Findings in a stable order: severity, rule, provision, subject."""
    findings = {_finding(result, data, citations, lang) for result in raw}
    return sorted(
        findings,
        key=lambda f: (SEVERITY_ORDER[f.severity], f.rule, f.provision, f.subject, f.value or ""),
    )


def _finding(result: RawResult, data: DataGraph, citations: Citations, lang: str) -> Finding:
    info = result.shape
    pasal, ayat, huruf = citations.location(info.provision)
    return Finding(
        severity=info.severity,
        subject=data.label(result.focus),
        rule=info.rule,
        message=info.message_en if lang == "en" else info.message_id,
        citation=citations.citation(info.provision),
        provision=info.provision,
        pasal=pasal,
        ayat=ayat,
        huruf=huruf,
        value=_value(result, data),
    )


def _value(result: RawResult, data: DataGraph) -> str | None:
    """The value to show: by the rule's :data:`VALUE_PATHS`, else what the shape reported."""
    path = VALUE_PATHS.get(result.shape.rule)
    if path is None:
        value = result.value
        if value is None or str(value) == result.focus:
            return None
        return data.label(str(value))
    focus = URIRef(result.focus)
    if path == "rdf:type":
        found = [v for v in data.graph.objects(focus, RDF.type) if str(v) in VALUE_OF_IRI]
    elif path.startswith("^"):
        found = list(data.graph.subjects(URIRef(path[1:]), focus))
    else:
        found = list(data.graph.objects(focus, URIRef(path)))
    values = sorted({data.label(str(v)) for v in found})
    return ";".join(values) if values else None
