"""A validation report as a file: JSON, CSV, XLSX, or the standard SHACL report (Turtle, JSON-LD).

``export(report, fmt) -> bytes`` for a :class:`~capabilities.validate.report.ValidationReport`
or, for ``--regulation all``, an :class:`~capabilities.validate.matrix.AllReport`.

- ``ttl`` / ``jsonld``: pyshacl's own results graph (``sh:ValidationReport`` with
  ``sh:focusNode``, ``sh:resultPath``, ``sh:value``, ``sh:sourceShape``,
  ``sh:resultSeverity``, ``sh:resultMessage``), each result annotated with the provision
  it breaks (``dcterms:source``), its citation (``dcterms:bibliographicCitation``), the
  rule id (``pwv:rule``) and the subject as the upload names it (``pwv:subject``); every
  report node gets ``pwv:regulation``.
- ``csv``: one row per finding, the citation in its own column (UTF-8 with BOM, for Excel).
- ``xlsx``: a workbook a BKPSDM officer can file: ``Ringkasan`` (counts per severity, the
  regulation's citation), then ``Pelanggaran`` / ``Peringatan`` / ``Informasi`` (one row
  per finding; frozen header, widths, autofilter); for ``all`` also ``Matriks`` (each rule:
  which regulations state it, how this organisation fares under each).

Spreadsheet exports neutralise formula injection: a text cell starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Final

from rdflib import RDF, Graph, Literal, Namespace, URIRef

from capabilities.validate.matrix import AllReport
from capabilities.validate.report import SEVERITY_ID, Finding, ValidationReport

FORMATS: Final = ("json", "csv", "xlsx", "ttl", "jsonld")
MEDIA_TYPES: Final = {
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ttl": "text/turtle; charset=utf-8",
    "jsonld": "application/ld+json",
}
SH: Final = Namespace("http://www.w3.org/ns/shacl#")
DCTERMS: Final = Namespace("http://purl.org/dc/terms/")
PWV: Final = Namespace("https://w3id.org/perwali-kg/validate#")
COLUMNS: Final = (
    "severity",
    "subject",
    "rule",
    "message",
    "citation",
    "pasal",
    "ayat",
    "huruf",
    "value",
    "provision",
)
#: severity -> sheet title of the workbook (Indonesian, as officers file them)
SHEETS: Final = SEVERITY_ID
_WIDTHS: Final = {
    "regulation": 24,
    "severity": 11,
    "subject": 22,
    "rule": 24,
    "message": 70,
    "citation": 48,
    "pasal": 7,
    "ayat": 6,
    "huruf": 6,
    "value": 28,
    "provision": 60,
}
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
_JSONLD_CONTEXT: Final = {
    "sh": str(SH),
    "dcterms": str(DCTERMS),
    "pwv": str(PWV),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

Report = ValidationReport | AllReport


class ExportError(ValueError):
    """An unknown format."""


def export(report: Report, fmt: str) -> bytes:
    """``report`` in ``fmt`` (one of :data:`FORMATS`) as bytes."""
    writers = {
        "json": _json,
        "csv": to_csv,
        "xlsx": to_xlsx,
        "ttl": lambda r: shacl_graph(r).serialize(format="turtle", encoding="utf-8"),
        "jsonld": _jsonld,
    }
    if fmt not in writers:
        raise ExportError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    return writers[fmt](report)


def _reports(report: Report) -> list[ValidationReport]:
    return report.reports if isinstance(report, AllReport) else [report]


def _lang(report: Report) -> str:
    reports = _reports(report)
    return reports[0].lang if reports else "id"


def _json(report: Report) -> bytes:
    payload = report.to_json(_lang(report)) if isinstance(report, AllReport) else report.to_json()
    return json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")


# --- the standard SHACL validation report ------------------------------------------------


def shacl_graph(report: Report) -> Graph:
    """The pyshacl results graph(s), with provision, citation, rule and subject added."""
    graph = Graph()
    graph.bind("sh", SH)
    graph.bind("dcterms", DCTERMS)
    graph.bind("pwv", PWV)
    for one in _reports(report):
        _add_report(graph, one)
    return graph


def _add_report(graph: Graph, report: ValidationReport) -> None:
    from capabilities.validate import engine

    results = report.results_graph
    for triple in results:
        graph.add(triple)
    for node in results.subjects(RDF.type, SH.ValidationReport):
        graph.add((node, PWV.regulation, Literal(report.regulation)))
    infos = engine.shape_infos(report.regulation)
    by_provision = {f.provision: f.citation for f in report.findings}
    for result in results.subjects(RDF.type, SH.ValidationResult):
        info = _shape_info(report.shapes_graph, infos, results.value(result, SH.sourceShape))
        if info is None:
            continue
        graph.add((result, PWV.rule, Literal(info.rule)))
        graph.add((result, DCTERMS.source, URIRef(info.provision)))
        citation = by_provision.get(info.provision)
        if citation:
            graph.add((result, DCTERMS.bibliographicCitation, Literal(citation, lang="id")))
        focus = results.value(result, SH.focusNode)
        if focus is not None:
            graph.add((result, PWV.subject, Literal(report.data.label(str(focus)))))


def _shape_info(shapes: Graph, infos: dict, shape):
    """The annotation of ``shape`` or of the nearest shape holding it (``sh:property``)."""
    seen = set()
    while shape is not None and shape not in seen:
        seen.add(shape)
        if str(shape) in infos:
            return infos[str(shape)]
        shape = shapes.value(None, SH.property, shape)
    return None


def _jsonld(report: Report) -> bytes:
    text = shacl_graph(report).serialize(format="json-ld", context=_JSONLD_CONTEXT, indent=2)
    return text.encode("utf-8")


# --- CSV -------------------------------------------------------------------------------------


def safe_cell(value: object) -> str:
    """A cell's text that a spreadsheet will not run as a formula (leading apostrophe)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _finding_rows(report: Report) -> Iterable[tuple[str, Finding]]:
    for one in _reports(report):
        for finding in one.findings:
            yield one.regulation, finding


def _cells(finding: Finding) -> list[str | None]:
    data = finding.to_json()
    return [data[column] for column in COLUMNS]


def to_csv(report: Report) -> bytes:
    """One row per finding (``regulation`` first), every cell neutralised; UTF-8 with BOM."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(("regulation", *COLUMNS))
    for regulation, finding in _finding_rows(report):
        writer.writerow([safe_cell(regulation), *(safe_cell(v) for v in _cells(finding))])
    return out.getvalue().encode("utf-8-sig")


# --- XLSX ------------------------------------------------------------------------------------

_LABELS: Final = {
    "id": {
        "title": "Laporan Validasi Struktur Organisasi",
        "regulation": "Peraturan",
        "citation": "Kutipan peraturan",
        "source": "Data yang divalidasi",
        "date": "Tanggal validasi (UTC)",
        "verdict": "Kesimpulan",
        "conforms": "Sesuai (tidak ada pelanggaran)",
        "not_conforms": "Tidak sesuai (ada pelanggaran)",
        "rules": "Jumlah aturan yang diperiksa",
        "severity": "Tingkat",
        "count": "Jumlah temuan",
        "sheet": "Lembar",
        "Violation": "Pelanggaran (Violation) — wajib menurut peraturan",
        "Warning": "Peringatan (Warning) — yang diutamakan peraturan",
        "Info": "Informasi (Info) — peraturan tidak mengatur",
        "rule": "Aturan",
        "description": "Yang diperiksa",
        "conforms_cell": "sesuai",
        "not-stated": "tidak diatur",
    },
    "en": {
        "title": "Organisation Structure Validation Report",
        "regulation": "Regulation",
        "citation": "Regulation citation",
        "source": "Data validated",
        "date": "Date of validation (UTC)",
        "verdict": "Verdict",
        "conforms": "Conforms (no violation)",
        "not_conforms": "Does not conform (violations found)",
        "rules": "Rules checked",
        "severity": "Severity",
        "count": "Findings",
        "sheet": "Sheet",
        "Violation": "Violation — required by the regulation",
        "Warning": "Warning — preferred by the regulation",
        "Info": "Info — the regulation is silent",
        "rule": "Rule",
        "description": "What it checks",
        "conforms_cell": "conforms",
        "not-stated": "not stated",
    },
}


def regulation_citation(report: ValidationReport) -> str:
    """``Peraturan Wali Kota Palu Nomor 28 Tahun 2023``: from a finding, else from the id."""
    for finding in report.findings:
        match = re.search(r"(Peraturan .+)$", finding.citation)
        if match:
            return match.group(1)
    match = re.fullmatch(r"([a-z-]+?)-(\d+)-(\d{4})", report.regulation)
    if not match:
        return report.regulation
    city = match.group(1).replace("-", " ").title()
    return f"Peraturan Wali Kota {city} Nomor {match.group(2)} Tahun {match.group(3)}"


def to_xlsx(report: Report) -> bytes:
    """The workbook: Ringkasan, (Matriks), Pelanggaran, Peringatan, Informasi."""
    from openpyxl import Workbook

    lang = "en" if _lang(report) == "en" else "id"
    labels = _LABELS[lang]
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Ringkasan"
    _summary(summary, _reports(report), labels)
    if isinstance(report, AllReport):
        _matrix(workbook.create_sheet("Matriks"), report, labels, lang)
    many = isinstance(report, AllReport)
    for severity, title in SHEETS.items():
        sheet = workbook.create_sheet(title)
        columns = ("regulation", *COLUMNS) if many else COLUMNS
        rows = [
            ([regulation] if many else []) + _cells(finding)
            for regulation, finding in _finding_rows(report)
            if finding.severity == severity
        ]
        _table(sheet, columns, rows)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _summary(sheet, reports: list[ValidationReport], labels: dict[str, str]) -> None:
    from openpyxl.styles import Font

    sheet.append([labels["title"]])
    sheet["A1"].font = Font(bold=True, size=14)
    first = reports[0] if reports else None
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
    source = first.data.source_name if first else ""
    sheet.append([labels["source"], safe_cell(source)])
    sheet.append([labels["date"], now])
    sheet.append([])
    for report in reports:
        counts = report.counts
        verdict = labels["conforms"] if report.conforms else labels["not_conforms"]
        start = sheet.max_row + 1
        sheet.append([labels["regulation"], report.regulation])
        sheet.append([labels["citation"], regulation_citation(report)])
        sheet.append([labels["verdict"], verdict])
        sheet.append([labels["rules"], len(report.rules_checked)])
        sheet.append([labels["severity"], labels["count"], labels["sheet"]])
        for severity, title in SHEETS.items():
            sheet.append([labels[severity], counts[severity], title])
        for row in sheet.iter_rows(min_row=start, max_row=start + 4, max_col=1):
            row[0].font = Font(bold=True)
        sheet.append([])
    sheet.column_dimensions["A"].width = 52
    sheet.column_dimensions["B"].width = 56
    sheet.column_dimensions["C"].width = 14


def _matrix(sheet, report: AllReport, labels: dict[str, str], lang: str) -> None:
    regulations = [one.regulation for one in report.reports]
    rows = []
    for row in report.matrix(lang):
        cells = []
        for regulation in regulations:
            cell = row["regulations"].get(regulation, {"status": "not-stated", "findings": 0})
            status = cell["status"]
            if status == "conforms":
                cells.append(labels["conforms_cell"])
            elif status == "not-stated":
                cells.append(labels["not-stated"])
            else:
                cells.append(f"{status} ({cell['findings']})")
        rows.append([row["rule"], row["description"], *cells])
    _table(sheet, (labels["rule"], labels["description"], *regulations), rows)
    sheet.column_dimensions["B"].width = 60
    for index in range(len(regulations)):
        sheet.column_dimensions[_letter(index + 3)].width = 22


def _table(sheet, columns: Iterable[str], rows: list[list]) -> None:
    """Header + rows, neutralised; frozen header, widths, autofilter."""
    from openpyxl.styles import Alignment, Font

    columns = list(columns)
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{_letter(len(columns))}{max(1, len(rows) + 1)}"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[_letter(index)].width = _WIDTHS.get(column, 24)
        if column in ("message", "citation"):
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def filename(report: Report, fmt: str) -> str:
    """``validasi-palu-28-2023.xlsx`` (``validasi-semua.xlsx`` for all)."""
    name = "semua" if isinstance(report, AllReport) else report.regulation
    return f"validasi-{name}.{fmt}"


__all__ = [
    "FORMATS",
    "MEDIA_TYPES",
    "ExportError",
    "export",
    "filename",
    "regulation_citation",
    "safe_cell",
    "shacl_graph",
    "to_csv",
    "to_xlsx",
]
