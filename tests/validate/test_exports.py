"""Exports of a report: SHACL report (Turtle, JSON-LD), CSV, XLSX; formula injection."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from bench.org_generator import generate
from capabilities.validate import validate_graph
from capabilities.validate.exports import (
    COLUMNS,
    SHEETS,
    ExportError,
    export,
    regulation_citation,
    safe_cell,
)
from capabilities.validate.input_csv import read_tables
from capabilities.validate.matrix import validate_all

SH = Namespace("http://www.w3.org/ns/shacl#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
PWV = Namespace("https://w3id.org/perwali-kg/validate#")
PALU = "palu-28-2023"
HOSTILE_TEAM = '=HYPERLINK("http://evil.example/x","klik")'


@pytest.fixture(scope="module")
def data():
    """A generated organisation with its seeded faults and a team whose code is a formula."""
    org = generate(120)
    team = org.tables["tim"][0]
    old = team["kode_tim"]
    team["kode_tim"] = HOSTILE_TEAM
    for row in org.tables["anggota_tim"]:
        if row["kode_tim"] == old:
            row["kode_tim"] = HOSTILE_TEAM
    return read_tables(org.tables, "organisasi")


@pytest.fixture(scope="module")
def report(source, data):
    return validate_graph(source, data, PALU)


@pytest.fixture(scope="module")
def all_report(source, data):
    return validate_all(source, data)


def test_the_organisation_has_findings_to_export(report):
    assert report.counts["Violation"] == 7
    assert HOSTILE_TEAM in {f.subject for f in report.findings}


def test_json_is_the_contract(report):
    assert json.loads(export(report, "json")) == report.to_json()


def test_unknown_format_is_refused(report):
    with pytest.raises(ExportError, match="unknown format"):
        export(report, "pdf")


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+62812", "'+62812"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Pasal 22 ayat (2)", "Pasal 22 ayat (2)"),
        (None, ""),
    ],
)
def test_safe_cell(text, safe):
    assert safe_cell(text) == safe


def test_csv_one_row_per_finding_citation_in_its_own_column(report):
    body = export(report, "csv")
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == len(report.findings)
    assert list(rows[0]) == ["regulation", *COLUMNS]
    for row, finding in zip(rows, report.findings, strict=True):
        assert row["citation"] == finding.citation
        assert row["provision"] == finding.provision
        assert row["regulation"] == PALU


def test_csv_neutralises_a_formula_in_a_cell(report):
    text = export(report, "csv").decode("utf-8-sig")
    subjects = [row["subject"] for row in csv.DictReader(io.StringIO(text))]
    assert "'" + HOSTILE_TEAM in subjects
    assert HOSTILE_TEAM not in subjects


def _results(graph: Graph) -> list:
    """The top-level results (not the sh:detail of a result)."""
    return [r for _, r in graph.subject_objects(SH.result)]


def test_turtle_is_the_shacl_report_with_provisions(report):
    graph = Graph().parse(data=export(report, "ttl"), format="turtle")
    (node,) = graph.subjects(RDF.type, SH.ValidationReport)
    assert graph.value(node, PWV.regulation) == Literal(PALU)
    annotated = set()
    for result in _results(graph):
        assert graph.value(result, SH.focusNode) is not None
        assert graph.value(result, SH.sourceShape) is not None
        assert graph.value(result, SH.resultSeverity) == SH.Violation
        provision = graph.value(result, DCTERMS.source)
        citation = graph.value(result, DCTERMS.bibliographicCitation)
        subject = graph.value(result, PWV.subject)
        annotated.add((str(subject), str(graph.value(result, PWV.rule)), str(provision)))
        assert citation.language == "id" and str(citation).endswith("Tahun 2023")
    expected = {(f.subject, f.rule, f.provision) for f in report.findings}
    assert annotated == expected


def test_result_path_is_kept_for_property_shapes(report):
    graph = Graph().parse(data=export(report, "ttl"), format="turtle")
    shapes = report.shapes_graph
    checked = 0
    for result in _results(graph):
        shape = graph.value(result, SH.sourceShape)
        path = shapes.value(shape, SH.path)
        if path is not None:
            assert graph.value(result, SH.resultPath) == path
            checked += 1
    assert checked >= 1
    paths = {str(graph.value(r, PWV.rule)): graph.value(r, SH.resultPath) for r in _results(graph)}
    assert paths["tim-ada-anggota"] == PWV.anggota
    assert paths["penilai-atasan-langsung"] == PWV.atasanDanPenilai


def test_jsonld_is_the_same_graph_with_a_local_context(report):
    body = export(report, "jsonld")
    document = json.loads(body)
    assert isinstance(document["@context"], dict)  # inline: nothing is ever fetched
    from_jsonld = Graph().parse(data=body, format="json-ld")
    from_turtle = Graph().parse(data=export(report, "ttl"), format="turtle")
    assert isomorphic(from_jsonld, from_turtle)


def test_exports_do_not_change_the_kept_results_graph(report):
    before = len(report.results_graph)
    export(report, "ttl")
    assert len(report.results_graph) == before


def _workbook(body: bytes):
    return load_workbook(io.BytesIO(body))


def test_xlsx_summary_and_one_sheet_per_severity(report):
    book = _workbook(export(report, "xlsx"))
    assert book.sheetnames == ["Ringkasan", "Pelanggaran", "Peringatan", "Informasi"]
    summary = [tuple(v for v in row if v is not None) for row in book["Ringkasan"].values]
    assert ("Peraturan", PALU) in summary
    assert ("Kutipan peraturan", "Peraturan Wali Kota Palu Nomor 28 Tahun 2023") in summary
    assert ("Data yang divalidasi", "organisasi") in summary
    counts = {row[2]: row[1] for row in summary if len(row) == 3 and row[2] in SHEETS.values()}
    assert counts == {"Pelanggaran": 7, "Peringatan": 0, "Informasi": 0}
    for severity, title in SHEETS.items():
        sheet = book[title]
        rows = list(sheet.values)
        assert rows[0] == COLUMNS
        assert len(rows) - 1 == report.counts[severity]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:J")
        assert sheet.column_dimensions["D"].width == 70


def test_xlsx_rows_carry_citation_and_provision_and_no_formula(report):
    sheet = _workbook(export(report, "xlsx"))["Pelanggaran"]
    rows = [dict(zip(COLUMNS, row, strict=True)) for row in list(sheet.values)[1:]]
    assert [r["citation"] for r in rows] == [f.citation for f in report.findings]
    assert [r["provision"] for r in rows] == [f.provision for f in report.findings]
    hostile = [cell for row in sheet.iter_rows() for cell in row if "HYPERLINK" in str(cell.value)]
    assert hostile and all(cell.data_type == "s" for cell in hostile)
    assert all(str(cell.value).startswith("'=") for cell in hostile)


def test_english_report_gives_english_summary(source, data):
    report = validate_graph(source, data, PALU, lang="en")
    summary = list(_workbook(export(report, "xlsx"))["Ringkasan"].values)
    assert summary[0][0] == "Organisation Structure Validation Report"
    assert report.findings[0].message in [
        row[3] for row in _workbook(export(report, "xlsx"))["Pelanggaran"].values
    ]


def test_conforming_organisation_exports_empty_sheets(source):
    report = validate_graph(source, read_tables(generate(60, faults=False).tables, "x"), PALU)
    assert report.findings == []
    book = _workbook(export(report, "xlsx"))
    assert [len(list(book[t].values)) for t in SHEETS.values()] == [1, 1, 1]
    assert export(report, "csv").decode("utf-8-sig").count("\n") == 1
    graph = Graph().parse(data=export(report, "ttl"), format="turtle")
    assert _results(graph) == []


def test_regulation_citation_from_the_id_when_there_is_no_finding(source):
    report = validate_graph(source, read_tables(generate(60, faults=False).tables, "x"), PALU)
    assert regulation_citation(report) == "Peraturan Wali Kota Palu Nomor 28 Tahun 2023"
    report.regulation = "padang-panjang-48-2024"
    assert regulation_citation(report) == ("Peraturan Wali Kota Padang Panjang Nomor 48 Tahun 2024")


def test_all_regulations_xlsx_has_a_matrix(all_report):
    book = _workbook(export(all_report, "xlsx"))
    assert book.sheetnames == ["Ringkasan", "Matriks", "Pelanggaran", "Peringatan", "Informasi"]
    regulations = [r.regulation for r in all_report.reports]
    matrix = list(book["Matriks"].values)
    assert matrix[0] == ("Aturan", "Yang diperiksa", *regulations)
    expected = all_report.matrix("id")
    assert [row[0] for row in matrix[1:]] == [row["rule"] for row in expected]
    for row, wanted in zip(matrix[1:], expected, strict=True):
        for regulation, cell in zip(regulations, row[2:], strict=True):
            status = wanted["regulations"][regulation]["status"]
            shown = {"conforms": "sesuai", "not-stated": "tidak diatur"}.get(status)
            assert cell == (shown or f"{status} ({wanted['regulations'][regulation]['findings']})")
    violations = list(book["Pelanggaran"].values)
    assert violations[0] == ("regulation", *COLUMNS)
    total = sum(r.counts["Violation"] for r in all_report.reports)
    assert len(violations) - 1 == total
    summary = [row[1] for row in book["Ringkasan"].values if row[0] == "Peraturan"]
    assert summary == regulations


def test_all_regulations_shacl_report_has_one_report_node_per_regulation(all_report):
    graph = Graph().parse(data=export(all_report, "ttl"), format="turtle")
    nodes = list(graph.subjects(RDF.type, SH.ValidationReport))
    assert sorted(str(graph.value(n, PWV.regulation)) for n in nodes) == sorted(
        r.regulation for r in all_report.reports
    )
    rows = list(csv.DictReader(io.StringIO(export(all_report, "csv").decode("utf-8-sig"))))
    assert len(rows) == sum(len(r.findings) for r in all_report.reports)
    assert json.loads(export(all_report, "json"))["regulation"] == "all"


def test_provision_iri_is_an_iri_in_every_export(report):
    graph = Graph().parse(data=export(report, "ttl"), format="turtle")
    assert all(isinstance(p, URIRef) for p in graph.objects(None, DCTERMS.source))


# --- perwali validate --format/--output ---------------------------------------------------


@pytest.fixture(scope="module")
def generated_folder(tmp_path_factory):
    from bench.org_generator import write_csv_folder

    org = generate(120)
    return org, write_csv_folder(org, tmp_path_factory.mktemp("cli") / "organisasi")


def _cli(*args: str) -> int:
    from perwali.cli import main

    return main(list(args))


def test_cli_writes_xlsx_and_exits_1_on_violations(generated_folder, built_data, tmp_path):
    org, folder = generated_folder
    target = tmp_path / "laporan.xlsx"
    code = _cli("validate", str(folder), "--regulation", PALU, "--output", str(target),
                "--data", str(built_data))  # fmt: skip
    assert code == 1
    assert _workbook(target.read_bytes())["Pelanggaran"].max_row == len(org.faults) + 1


def test_cli_format_csv_to_stdout(generated_folder, built_data, capsysbinary):
    org, folder = generated_folder
    code = _cli("validate", str(folder), "--regulation", PALU, "--format", "csv",
                "--data", str(built_data))  # fmt: skip
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(capsysbinary.readouterr().out.decode("utf-8-sig"))))
    assert {(row["subject"], row["rule"]) for row in rows} == set(org.faults)


def test_cli_turtle_by_extension_and_all_regulations(generated_folder, built_data, tmp_path):
    _, folder = generated_folder
    target = tmp_path / "laporan.ttl"
    _cli("validate", str(folder), "--regulation", "all", "--output", str(target),
         "--data", str(built_data))  # fmt: skip
    graph = Graph().parse(target, format="turtle")
    assert len(list(graph.subjects(RDF.type, SH.ValidationReport))) == 5


def test_cli_xlsx_needs_an_output_file(generated_folder, built_data, capsys):
    _, folder = generated_folder
    code = _cli("validate", str(folder), "--regulation", PALU, "--format", "xlsx",
                "--data", str(built_data))  # fmt: skip
    assert code == 2
    assert "--output" in capsys.readouterr().err


def test_cli_reads_an_xlsx_workbook_and_a_zip(generated_folder, built_data, tmp_path, capsys):
    from bench.org_generator import to_xlsx, to_zip

    org, _ = generated_folder
    for name, body in (("org.xlsx", to_xlsx(org)), ("org.zip", to_zip(org))):
        path = tmp_path / name
        path.write_bytes(body)
        code = _cli("validate", str(path), "--regulation", PALU, "--json",
                    "--data", str(built_data))  # fmt: skip
        assert code == 1
        payload = json.loads(capsys.readouterr().out)
        assert {(r["subject"], r["rule"]) for r in payload["results"]} == set(org.faults)


def test_cli_hostile_xlsx_is_exit_2_with_the_reason(built_data, tmp_path, capsys):
    path = tmp_path / "org.xlsx"
    path.write_bytes(b"not a workbook")
    assert _cli("validate", str(path), "--regulation", PALU, "--data", str(built_data)) == 2
    assert "bukan arsip zip" in capsys.readouterr().err
