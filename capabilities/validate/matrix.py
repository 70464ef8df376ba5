"""``--regulation all``: one report per regulation, and a matrix rule x regulation.

For each rule: which regulations state it (and by which provisions, at what severity)
and how this organisation fares under each: ``"conforms"``, the worst severity found
(``"Violation"``/``"Warning"``/``"Info"``) with the number of findings, or
``"not-stated"`` when the regulation does not state the rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from capabilities.source import GraphSource
from capabilities.validate import engine
from capabilities.validate.model import DataGraph
from capabilities.validate.report import SEVERITY_ORDER, ValidationReport
from capabilities.validate.rules import RULES


@dataclass
class AllReport:
    """The reports of one upload under every regulation, and the rule matrix."""

    reports: list[ValidationReport]

    @property
    def conforms(self) -> bool:
        return all(report.conforms for report in self.reports)

    def matrix(self, lang: str = "id") -> list[dict]:
        rows = []
        stated = {
            r.regulation: {i.rule for i in engine.shape_infos(r.regulation).values()}
            for r in self.reports
        }
        rule_ids = [rule for rule in RULES if any(rule in ids for ids in stated.values())]
        for rule in rule_ids:
            cells = {}
            for report in self.reports:
                cells[report.regulation] = _cell(report, rule, rule in stated[report.regulation])
            description = RULES[rule][1 if lang == "en" else 0]
            rows.append({"rule": rule, "description": description, "regulations": cells})
        return rows

    def to_json(self, lang: str = "id") -> dict:
        return {
            "regulation": "all",
            "conforms": self.conforms,
            "reports": [report.to_json() for report in self.reports],
            "matrix": self.matrix(lang),
        }


def _cell(report: ValidationReport, rule: str, states: bool) -> dict:
    if not states:
        return {"states": False, "status": "not-stated", "findings": 0}
    found = [f for f in report.findings if f.rule == rule]
    if not found:
        return {"states": True, "status": "conforms", "findings": 0}
    worst = min(found, key=lambda f: SEVERITY_ORDER[f.severity]).severity
    return {"states": True, "status": worst, "findings": len(found)}


def validate_all(source: GraphSource, data: DataGraph, lang: str = "id") -> AllReport:
    """Validate one upload against every regulation that has shapes."""
    from capabilities.validate import validate_graph

    return AllReport([validate_graph(source, data, reg, lang) for reg in engine.regulations()])
