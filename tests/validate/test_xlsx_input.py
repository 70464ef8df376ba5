"""The template as one XLSX workbook: same tables as the CSV folder, hostile files refused."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from bench.org_generator import generate, to_xlsx
from capabilities.validate import xlsx_input
from capabilities.validate.errors import InputErrors
from capabilities.validate.input_csv import read_tables
from capabilities.validate.xlsx_input import cell_text, read_xlsx

UNIT_HEADER = "<row r='1'>" + "".join(
    f"<c r='{col}1' t='inlineStr'><is><t>{name}</t></is></c>"
    for col, name in zip("ABCD", ("kode_unit", "nama_unit", "jenis", "induk"), strict=True)
)
PEGAWAI_COLUMNS = ("nip", "nama", "kode_unit", "jabatan", "golongan")


def _inline(ref: str, text: str) -> str:
    return f"<c r='{ref}' t='inlineStr'><is><t>{text}</t></is></c>"


def _sheet(rows: str, prolog: str = "", dimension: str = "") -> str:
    dim = f"<dimension ref='{dimension}'/>" if dimension else ""
    return (
        f"<?xml version='1.0' encoding='UTF-8'?>{prolog}"
        "<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
        f"{dim}<sheetData>{rows}</sheetData></worksheet>"
    )


def raw_xlsx(sheets: dict[str, str]) -> bytes:
    """A minimal workbook package written by hand: sheet title -> worksheet XML."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    sheet_type = rel + "/worksheet"
    overrides = "".join(
        f"<Override PartName='/xl/worksheets/sheet{i}.xml' ContentType='application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml'/>"
        for i in range(1, len(sheets) + 1)
    )
    files = {
        "[Content_Types].xml": (
            "<?xml version='1.0' encoding='UTF-8'?><Types xmlns='http://schemas.openxmlformats"
            ".org/package/2006/content-types'><Default Extension='rels' ContentType='application/"
            "vnd.openxmlformats-package.relationships+xml'/><Default Extension='xml' "
            "ContentType='application/xml'/><Override PartName='/xl/workbook.xml' ContentType="
            "'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'/>"
            f"{overrides}</Types>"
        ),
        "_rels/.rels": (
            f"<?xml version='1.0' encoding='UTF-8'?><Relationships xmlns='{pkg}'>"
            f"<Relationship Id='rId1' Type='{rel}/officeDocument' Target='xl/workbook.xml'/>"
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f"<?xml version='1.0' encoding='UTF-8'?><workbook xmlns='{main}' xmlns:r='{rel}'>"
            "<sheets>"
            + "".join(
                f"<sheet name='{title}' sheetId='{i}' r:id='rId{i}'/>"
                for i, title in enumerate(sheets, start=1)
            )
            + "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f"<?xml version='1.0' encoding='UTF-8'?><Relationships xmlns='{pkg}'>"
            + "".join(
                f"<Relationship Id='rId{i}' Type='{sheet_type}' Target='worksheets/sheet{i}.xml'/>"
                for i in range(1, len(sheets) + 1)
            )
            + "</Relationships>"
        ),
    }
    for i, xml in enumerate(sheets.values(), start=1):
        files[f"xl/worksheets/sheet{i}.xml"] = xml
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return out.getvalue()


def _unit_sheet(extra_rows: str = "", dimension: str = "") -> str:
    row = "<row r='2'>" + "".join(
        _inline(f"{c}2", v)
        for c, v in zip("ABC", ("PD1", "Dinas Kominfo", "perangkat_daerah"), strict=True)
    )
    return _sheet(UNIT_HEADER + "</row>" + row + "</row>" + extra_rows, dimension=dimension)


def _pegawai_sheet(cells_row2: str, more: str = "") -> str:
    header = "<row r='1'>" + "".join(
        _inline(f"{c}1", n) for c, n in zip("ABCDE", PEGAWAI_COLUMNS, strict=True)
    )
    return _sheet(f"{header}</row><row r='2'>{cells_row2}</row>{more}")


def _person(row: int, nip_cell: str, jabatan: str = "jpt_pratama") -> str:
    return (
        nip_cell
        + _inline(f"B{row}", "Ani")
        + _inline(f"C{row}", "PD1")
        + _inline(f"D{row}", jabatan)
        + _inline(f"E{row}", "IV/c")
    )


def _errors(data: bytes) -> list:
    with pytest.raises(InputErrors) as caught:
        read_xlsx(data, "org.xlsx")
    return caught.value.errors


def test_generated_workbook_gives_the_same_graph_as_the_tables():
    org = generate(300, faults=False)
    from_tables = read_tables(org.tables, "org")
    from_xlsx = read_xlsx(to_xlsx(org), "org.xlsx")
    assert set(from_xlsx.graph) == set(from_tables.graph)
    assert from_xlsx.labels == from_tables.labels
    assert len(from_xlsx.organisation.pegawai) == 300


def test_nip_stored_as_an_exact_number_is_read_as_its_digits():
    data = raw_xlsx(
        {
            "unit": _unit_sheet(),
            "pegawai": _pegawai_sheet(_person(2, "<c r='A2'><v>198503302010011002</v></c>")),
        }
    )
    graph = read_xlsx(data)
    assert list(graph.organisation.pegawai) == ["198503302010011002"]


def test_nip_whose_digits_excel_lost_is_an_error_naming_the_cell():
    data = raw_xlsx(
        {
            "unit": _unit_sheet(),
            "pegawai": _pegawai_sheet(_person(2, "<c r='A2'><v>1.98503302010011E+17</v></c>")),
        }
    )
    (error,) = _errors(data)
    assert (error.file, error.row, error.column) == ("pegawai", 2, "nip")
    assert error.value == "198503302010011008"
    assert "Teks" in error.message_id and "Text" in error.message_en


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (12.0, "12"),
        (12, "12"),
        (0.5, "0.5"),
        (True, "ya"),
        (False, "tidak"),
        ("III/a", "III/a"),
    ],
)
def test_cell_text_never_shows_float_artefacts(value, text):
    assert cell_text(value) == text


def test_dates_become_iso_text():
    import datetime as dt

    assert cell_text(dt.datetime(2024, 1, 31)) == "2024-01-31"
    assert cell_text(dt.datetime(2024, 1, 31, 8, 30)) == "2024-01-31T08:30:00"


def test_sheet_names_with_csv_suffix_and_any_case_and_extra_sheets():
    data = raw_xlsx(
        {
            "Petunjuk": _sheet("<row r='1'>" + _inline("A1", "Lembar") + "</row>"),
            "Unit.csv": _unit_sheet(),
            " PEGAWAI ": _pegawai_sheet(_person(2, _inline("A2", "198503302010011002"))),
            "Sheet1": _sheet(""),
        }
    )
    graph = read_xlsx(data)
    assert set(graph.organisation.units) == {"PD1"}
    assert set(graph.organisation.pegawai) == {"198503302010011002"}


def test_unknown_sheet_with_data_and_duplicate_sheet_are_reported():
    data = raw_xlsx(
        {
            "unit": _unit_sheet(),
            "unit.csv": _unit_sheet(),
            "pegawai": _pegawai_sheet(_person(2, _inline("A2", "1"))),
            "catatan": _sheet("<row r='1'>" + _inline("A1", "x") + "</row>"),
        }
    )
    errors = _errors(data)
    messages = {(e.file, e.message_en.split(";")[0].split(" (")[0]) for e in errors}
    assert ("unit.csv", "the sheet unit appears twice") in messages
    assert ("catatan", "unknown sheet") in messages


def test_rows_keep_their_spreadsheet_numbers_across_blank_rows_and_a_late_header():
    header = "<row r='3'>" + "".join(
        _inline(f"{c}3", n) for c, n in zip("ABCDE", PEGAWAI_COLUMNS, strict=True)
    )
    bad = _person(9, _inline("A9", "2"), jabatan="kepala")
    good = _person(4, _inline("A4", "1"))
    data = raw_xlsx(
        {
            "unit": _unit_sheet(),
            "pegawai": _sheet(f"{header}</row><row r='4'>{good}</row><row r='9'>{bad}</row>"),
        }
    )
    (error,) = _errors(data)
    assert (error.file, error.row, error.column, error.value) == ("pegawai", 9, "jabatan", "kepala")


def test_value_in_a_column_without_header_is_reported():
    cells = _person(2, _inline("A2", "1")) + _inline("H2", "stray")
    data = raw_xlsx({"unit": _unit_sheet(), "pegawai": _pegawai_sheet(cells)})
    (error,) = _errors(data)
    assert (error.row, error.column, error.value) == (2, None, "stray")


def test_formulas_are_never_evaluated_only_cached_values_read():
    cached = "<c r='B2' t='str'><f>CONCAT(\"A\",\"ni\")</f><v>Ani</v></c>"
    uncached = "<c r='B3'><f>1+1</f></c>"
    row2 = _inline("A2", "1") + cached + _inline("C2", "PD1") + _inline("D2", "jpt_pratama")
    row3 = _inline("A3", "2") + uncached + _inline("C3", "PD1") + _inline("D3", "pelaksana")
    data = raw_xlsx(
        {
            "unit": _unit_sheet(),
            "pegawai": _pegawai_sheet(row2, f"<row r='3'>{row3}</row>"),
        }
    )
    org = read_xlsx(data).organisation
    assert org.pegawai["1"].name == "Ani"
    assert org.pegawai["2"].name == ""  # no cached value: empty, never "2"


def test_claimed_dimension_of_a_million_rows_is_ignored():
    data = raw_xlsx(
        {
            "unit": _unit_sheet(dimension="A1:K1048576"),
            "pegawai": _pegawai_sheet(_person(2, _inline("A2", "1"))),
        }
    )
    started = time.perf_counter()
    graph = read_xlsx(data)
    assert time.perf_counter() - started < 5
    assert set(graph.organisation.units) == {"PD1"}


def test_an_empty_last_row_at_excels_limit_is_harmless():
    data = raw_xlsx(
        {
            "unit": _unit_sheet("<row r='1048576'/>", dimension="A1:D1048576"),
            "pegawai": _pegawai_sheet(_person(2, _inline("A2", "1"))),
        }
    )
    assert set(read_xlsx(data).organisation.units) == {"PD1"}


def test_a_row_past_excels_limit_is_an_error(monkeypatch):
    monkeypatch.setattr(xlsx_input, "EXCEL_MAX_ROW", 50)
    data = raw_xlsx(
        {
            "unit": _unit_sheet("<row r='60'>" + _inline("A60", "PD2") + "</row>"),
            "pegawai": _pegawai_sheet(_person(2, _inline("A2", "1"))),
        }
    )
    errors = _errors(data)
    assert any(e.file == "unit" and "Excel's limit" in e.message_en for e in errors)


def test_too_many_data_rows_is_an_error(monkeypatch):
    monkeypatch.setattr(xlsx_input, "MAX_DATA_ROWS", 1)
    more = "<row r='3'>" + _person(3, _inline("A3", "2"), "pelaksana") + "</row>"
    data = raw_xlsx(
        {"unit": _unit_sheet(), "pegawai": _pegawai_sheet(_person(2, _inline("A2", "1")), more)}
    )
    errors = _errors(data)
    assert any(
        e.file == "pegawai" and e.row == 3 and "split the file" in e.message_en for e in errors
    )


def test_external_entity_is_refused_before_parsing():
    prolog = "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
    rows = UNIT_HEADER + "</row><row r='2'>" + _inline("A2", "&xxe;") + "</row>"
    data = raw_xlsx({"unit": _sheet(rows, prolog=prolog)})
    (error,) = _errors(data)
    assert error.file == "org.xlsx"
    assert "DTD" in error.message_id and "entity" in error.message_en
    assert "root:" not in error.message_id


def test_entity_declared_in_utf16_is_refused_too():
    xml = _sheet("", prolog="<!DOCTYPE x [<!ENTITY a 'b'>]>").replace("UTF-8", "UTF-16")
    data = raw_xlsx({"unit": _unit_sheet()})
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        dst.writestr("xl/worksheets/extra.xml", xml.encode("utf-16-le"))
    (error,) = _errors(out.getvalue())
    assert "extra.xml" in error.message_en


def test_zip_bomb_is_refused_before_openpyxl_opens_it(monkeypatch):
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w") as entry,
    ):
        for _ in range(200):
            entry.write(bytes(1024 * 1024))
    assert len(out.getvalue()) < 1024 * 1024
    opened = []
    monkeypatch.setattr(xlsx_input, "_open_workbook", lambda *args: opened.append(args))
    (error,) = _errors(out.getvalue())
    assert "bom zip" in error.message_id and "zip bomb" in error.message_en
    assert opened == []


def test_non_zip_file_named_xlsx_is_a_clear_error():
    (error,) = _errors(b"nip,nama\n1,Ani\n")
    assert "bukan arsip zip" in error.message_id
    assert error.file == "org.xlsx"


def test_old_xls_or_encrypted_workbook_is_named():
    (error,) = _errors(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(512))
    assert ".xls" in error.message_id and "password" in error.message_en


def test_zip_that_is_not_a_workbook_is_a_clear_error():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    (error,) = _errors(out.getvalue())
    assert "bukan buku kerja" in error.message_id


def test_damaged_entry_is_a_clear_error():
    data = bytearray(raw_xlsx({"unit": _unit_sheet()}))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start, start + info.compress_size):
        data[offset] ^= 0x5A
    (error,) = _errors(bytes(data))
    assert error.file == "org.xlsx"
    assert "damaged" in error.message_en


def test_missing_required_sheet_is_named_as_a_sheet():
    errors = _errors(raw_xlsx({"unit": _unit_sheet()}))
    assert [(e.file, e.message_en) for e in errors] == [("pegawai", "a required file is missing")]
