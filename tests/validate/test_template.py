"""The XLSX template: round trip without input errors, drop-downs, guide, text NIPs, CLI."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from capabilities.validate.input_csv import TABLES
from capabilities.validate.template import EXAMPLES, VALUE_DOCS, column_doc, template_xlsx
from capabilities.validate.xlsx_input import read_xlsx
from perwali.cli import main


@pytest.fixture(scope="module")
def template() -> bytes:
    return template_xlsx()


@pytest.fixture(scope="module")
def workbook(template):
    return load_workbook(io.BytesIO(template))


def test_round_trip_of_the_example_rows_has_no_input_error(template):
    data = read_xlsx(template, "templat.xlsx")
    org = data.organisation
    assert len(org.units) == len(EXAMPLES["unit"])
    assert len(org.pegawai) == len(EXAMPLES["pegawai"])
    assert len(org.tim) == len(EXAMPLES["tim"])
    assert len(org.anggota) == len(EXAMPLES["anggota_tim"])
    assert len(org.penugasan) == len(EXAMPLES["penugasan"])
    assert all(len(nip) == 18 for nip in org.pegawai)


def test_examples_conform_to_palu(template, source):
    from capabilities.validate import validate_graph

    report = validate_graph(source, read_xlsx(template), "palu-28-2023")
    assert report.findings == []


def test_sheets_and_headers_are_the_contract(workbook):
    assert workbook.sheetnames == ["Petunjuk", *TABLES]
    for name, table in TABLES.items():
        header = [cell.value for cell in workbook[name][1]]
        assert header == list(table.columns)
        assert workbook[name].freeze_panes == "A2"


def test_every_enumerated_column_has_a_drop_down_with_exactly_its_values(workbook):
    for name, table in TABLES.items():
        sheet = workbook[name]
        lists = {
            str(rule.sqref).split(":")[0].rstrip("0123456789"): rule.formula1
            for rule in sheet.data_validations.dataValidation
            if rule.type == "list"
        }
        for index, column in enumerate(table.columns):
            letter = chr(ord("A") + index)
            if column in table.values and column not in table.multi:
                assert lists[letter] == '"' + ",".join(table.values[column]) + '"', column
            else:
                assert letter not in lists, column


def test_identifier_columns_are_text_so_nip_keeps_18_digits(workbook):
    sheet = workbook["pegawai"]
    assert sheet.column_dimensions["A"].number_format == "@"
    assert sheet["A2"].number_format == "@"
    assert sheet["A2"].data_type == "s"


def test_guide_explains_every_column_and_every_value_in_both_languages(workbook):
    rows = list(workbook["Petunjuk"].iter_rows(values_only=True))
    header_index = rows.index(("Lembar", "Kolom", "Wajib", "Nilai", "Penjelasan", "Explanation"))
    entries = {(row[0], row[1], row[3] or None): row for row in rows[header_index + 1 :]}
    for name, table in TABLES.items():
        for column in table.columns:
            row = entries[(name, column, None)]
            assert (row[4], row[5]) == column_doc(name, column)
            assert row[2] == ("ya" if column in table.required else "tidak")
            for value in table.values.get(column, ()):
                assert entries[(name, column, value)][4:] == VALUE_DOCS[value]


def test_cli_writes_the_template(tmp_path, capsys):
    target = tmp_path / "templat.xlsx"
    assert main(["template", str(target)]) == 0
    assert read_xlsx(target).organisation.pegawai
    assert main(["template", str(target)]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["template", str(target), "--force"]) == 0


def test_cli_template_messages_in_english(tmp_path, capsys, monkeypatch):
    assert main(["template", str(tmp_path / "templat.csv"), "--lang", "en"]) == 2
    assert "the file name must end in .xlsx" in capsys.readouterr().err
    monkeypatch.setenv("PERWALI_LANG", "en")
    assert main(["template", str(tmp_path / "templat.xlsx")]) == 0
    assert "written:" in capsys.readouterr().out


def test_cli_refuses_a_name_that_is_not_xlsx_and_an_unwritable_place(tmp_path, capsys):
    assert main(["template", str(tmp_path / "templat.csv")]) == 2
    assert ".xlsx" in capsys.readouterr().err
    assert main(["template", str(tmp_path / "no" / "such" / "templat.xlsx")]) == 2
    assert "tidak dapat menulis" in capsys.readouterr().err
