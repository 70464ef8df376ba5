"""``compare`` over the real corpus, and its CSV/XLSX matrix (with formula injection
neutralised), and ``perwali compare``."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from capabilities.ask import Answer, AskError, NotRegulated, ask
from capabilities.compare import Column, Comparison, compare, matrix, safe_cell, to_csv, to_xlsx
from capabilities.source import EmbeddedSource
from perwali.cli import main

PALU, TT, SEMARANG = "palu-28-2023", "tebing-tinggi-21-2024", "semarang-85-2023"


@pytest.fixture(scope="module")
def source(built_data):
    return EmbeddedSource(built_data)


@pytest.fixture(scope="module")
def cross_pd(source):
    return compare(source, "tim kerja lintas Perangkat Daerah")


def test_columns_per_city(cross_pd):
    columns = {column.regulation: column for column in cross_pd.columns}
    assert len(columns) == 5
    assert columns[PALU].provisions[0].pasal == "21"
    assert columns[TT].provisions[0].pasal == "9"
    assert columns[SEMARANG].provisions == []
    assert columns[SEMARANG].not_regulated.reason == "topic-absent"
    assert columns[PALU].citation == "Peraturan Wali Kota Palu Nomor 28 Tahun 2023"
    assert columns[PALU].place == "Kota Palu"


def test_same_ranking_as_ask(source):
    """One code path: compare's first provision per city is ask's first answer."""
    question = "To whom does a team member report?"
    first = {}
    for answer in ask(source, question).answers:
        first.setdefault(answer.regulation, answer.iri)
    for column in compare(source, question).columns:
        assert column.provisions[0].iri == first[column.regulation]


def test_json(cross_pd):
    body = cross_pd.to_json()
    assert {"question", "topics", "regulations", "not_regulated"} <= set(body)
    regulated = {item["regulation"] for item in body["regulations"]}
    assert {PALU, TT} <= regulated
    assert SEMARANG in {item["regulation"] for item in body["not_regulated"]}
    provision = body["regulations"][0]["provisions"][0]
    assert provision["text"] and provision["citation"].startswith("Pasal ")
    json.dumps(body)


def test_csv_matrix(cross_pd):
    rows = list(csv.reader(io.StringIO(to_csv(cross_pd))))
    header = rows[0]
    assert len(header) == 6
    assert any("Kota Palu" in cell and "Nomor 28 Tahun 2023" in cell for cell in header)
    palu = next(i for i, cell in enumerate(header) if "Palu" in cell)
    semarang = next(i for i, cell in enumerate(header) if "Semarang" in cell)
    assert rows[1][0] == "Ketentuan 1"
    assert rows[1][palu].startswith("Pasal 21 ")
    assert rows[1][semarang] == "Tidak diatur"
    assert rows[2][0] == "Bunyi ketentuan 1"
    assert "lintas Perangkat Daerah" in rows[2][palu]
    assert all(len(row) == 6 for row in rows)


def test_xlsx_matrix(cross_pd):
    book = load_workbook(io.BytesIO(to_xlsx(cross_pd)))
    sheet = book.active
    assert sheet.title == "Perbandingan"
    values = [[cell.value or "" for cell in row] for row in sheet.iter_rows()]
    assert values == matrix(cross_pd)
    assert sheet["B1"].font.bold
    assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row if cell.value)


def _hostile() -> Comparison:
    answer = Answer("x-1-2024", "1", None, '=HYPERLINK("http://evil")', "i", 1.0, "+1+1")
    silent = NotRegulated("y-1-2024", "-2+3", "weak-match", None)
    return Comparison(
        "@SUM(A1)",
        "id",
        [],
        [
            Column("x-1-2024", "=cmd|' /C calc'!A0", "Peraturan X", [answer], None),
            Column("y-1-2024", "Kota Y", "Peraturan Y", [], silent),
        ],
        "",
    )


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_safe_cell(value):
    assert safe_cell(value) == "'" + value


def test_safe_cell_leaves_text_alone():
    assert safe_cell("Pasal 21 ayat (4)") == "Pasal 21 ayat (4)"
    assert safe_cell("") == ""


def test_exports_neutralise_formulas():
    comparison = _hostile()
    cells = [cell for row in csv.reader(io.StringIO(to_csv(comparison))) for cell in row]
    risky = [cell for cell in cells if cell[:1] in "=+-@"]
    assert risky == []
    assert '\'=HYPERLINK("http://evil")' in cells
    assert "'-2+3" in cells
    sheet = load_workbook(io.BytesIO(to_xlsx(comparison))).active
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
            assert not str(cell.value or "").startswith(("=", "+", "-", "@"))


def test_english_labels(source):
    comparison = compare(source, "Which article governs cross-PD teams?")
    assert comparison.lang == "en"
    assert matrix(comparison)[1][0] == "Provision 1"


def test_bad_topic(source):
    with pytest.raises(AskError):
        compare(source, " ")


def test_cli_exports(built_data, tmp_path, capsys):
    csv_path, xlsx_path = tmp_path / "m.csv", tmp_path / "m.xlsx"
    code = main(
        [
            "compare",
            "tim kerja lintas Perangkat Daerah",
            "--csv",
            str(csv_path),
            "--xlsx",
            str(xlsx_path),
            "--data",
            str(built_data),
        ]
    )
    assert code == 0
    assert csv_path.read_text(encoding="utf-8-sig").startswith("Topik:")
    assert load_workbook(xlsx_path).active["A2"].value == "Ketentuan 1"


def test_cli_json_and_text(built_data, capsys):
    assert main(["compare", "tim kerja lintas PD", "--json", "--data", str(built_data)]) == 0
    body = json.loads(capsys.readouterr().out)
    assert SEMARANG in {item["regulation"] for item in body["not_regulated"]}
    assert main(["compare", "tim kerja lintas PD", "--data", str(built_data)]) == 0
    out = capsys.readouterr().out
    assert "TIDAK DIATUR" in out and "Kota Palu" in out


def test_cli_errors(built_data, tmp_path, capsys):
    assert main(["compare", "", "--data", str(built_data)]) == 2
    assert "Pertanyaan kosong" in capsys.readouterr().err
    target = tmp_path / "missing" / "m.csv"
    assert main(["compare", "tim kerja", "--csv", str(target), "--data", str(built_data)]) == 2
    err = capsys.readouterr().err
    assert "tidak dapat menulis" in err and "Traceback" not in err
