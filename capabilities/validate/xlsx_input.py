"""Read the template as one XLSX workbook: one sheet per file of the CSV folder.

Sheets ``unit``, ``pegawai``, ``tim``, ``anggota_tim`` and ``penugasan`` (with or without
``.csv``, any case) become the same tables the CSV reader produces and go through the
same :func:`~capabilities.validate.input_csv.read_tables`; the template's own sheets
(``Petunjuk``) and empty sheets are skipped. The header is the first non-empty row; rows
keep their spreadsheet numbers in errors.

Safety: the archive passes :mod:`capabilities.validate.safe_zip` (entry count, total
size, compression ratio) and a scan that refuses any XML part declaring a DTD or an
entity, all before openpyxl opens it (read-only, cached values only: formulas are never
evaluated; the sheet's claimed dimension is ignored). Cells become text: an NIP Excel
stored as a number is written back as its digits (no ``1.98E+17``, no ``.0``); a number
too long for Excel to keep exactly is an input error, not a silently wrong NIP.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Final

from capabilities.validate.errors import ErrorList, InputError, InputErrors
from capabilities.validate.input_csv import TABLES, read_tables
from capabilities.validate.model import DataGraph
from capabilities.validate.safe_zip import READ_ERRORS, fail, open_zip, read_bytes

#: Sheets of the template that hold no data (lower case).
SKIPPED_SHEETS: Final = frozenset({"petunjuk", "instructions", "nilai", "daftar_nilai"})
MAX_DATA_ROWS: Final = 200_000
MAX_COLUMNS: Final = 40
EXCEL_MAX_ROW: Final = 1_048_576
#: Floats at or above this lost digits when Excel stored them (2**53).
EXACT_FLOAT_LIMIT: Final = 2**53
_FORBIDDEN_XML: Final = tuple(
    marker.encode(codec)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be")
)
_CHUNK: Final = 1 << 20
#: Stands for a row that holds nothing (keeps row numbers; shared, read-only).
_GAP: Final = MappingProxyType({})
KIND: Final = "berkas XLSX"


@dataclass
class Sheets:
    """The tables read from a workbook, as :func:`read_tables` takes them."""

    tables: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    headers: dict[str, list[str]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # table name -> sheet title
    errors: ErrorList = field(default_factory=ErrorList)


def read_xlsx(data: bytes | str | Path, source_name: str | None = None) -> DataGraph:
    """An XLSX workbook (bytes or path) -> a :class:`DataGraph`; raise :class:`InputErrors`.

    Every problem (of the file, a sheet, a cell, or the template's rules) is raised at
    once; errors name the sheet (``file``), the spreadsheet row and the column.
    """
    source = source_name or (Path(data).name if not isinstance(data, bytes) else "upload.xlsx")
    sheets = read_sheets(read_bytes(data), source)
    try:
        graph = read_tables(sheets.tables, source, headers=sheets.headers)
    except InputErrors as errors:
        raise InputErrors(sheets.errors.errors + _rename(errors.errors, sheets.titles)) from None
    sheets.errors.raise_if_any()
    return graph


def read_xlsx_bytes(filename: str, data: bytes) -> DataGraph:
    """The reader :data:`capabilities.validate.upload.READERS` calls for ``.xlsx``."""
    return read_xlsx(data, filename)


def read_sheets(raw: bytes, source: str) -> Sheets:
    """The template's sheets of a workbook as text tables (file-level problems raise)."""
    archive = open_zip(raw, source, KIND)
    _refuse_dtd(archive, source)
    workbook = _open_workbook(raw, source)
    sheets = Sheets()
    try:
        for worksheet in workbook.worksheets:
            _read_sheet(worksheet, sheets, source)
    except InputErrors:
        raise
    except Exception as error:  # a malformed part of a hostile or broken file
        raise _broken(source, error) from None
    finally:
        workbook.close()
    return sheets


def _refuse_dtd(archive: zipfile.ZipFile, source: str) -> None:
    """Refuse an XML part that declares a DTD or entity (Excel never writes one)."""
    for info in archive.infolist():
        if info.is_dir() or not info.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        try:
            found = _declares_dtd(archive, info)
        except READ_ERRORS as error:
            raise _broken(source, error) from None
        if found:
            raise fail(
                source,
                f"bagian {info.filename!r} memuat deklarasi DTD/entitas XML; berkas XLSX dari "
                "Excel tidak pernah memuatnya, jadi berkas ini ditolak",
                f"the part {info.filename!r} declares an XML DTD or entity; a workbook saved "
                "by Excel never does, so this file is refused",
            )


def _declares_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    tail = b""
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            window = tail + chunk
            if any(marker in window for marker in _FORBIDDEN_XML):
                return True
            tail = window[-32:]
    return False


def _open_workbook(raw: bytes, source: str):
    from openpyxl import load_workbook

    try:
        return load_workbook(
            io.BytesIO(raw), read_only=True, data_only=True, keep_vba=False, keep_links=False
        )
    except Exception as error:  # openpyxl raises many kinds on a broken package
        raise _broken(source, error) from None


def _broken(source: str, error: Exception) -> InputErrors:
    detail = f"{type(error).__name__}: {error}"[:200]
    return fail(
        source,
        f"berkas XLSX rusak atau bukan buku kerja Excel ({detail})",
        f"the XLSX file is damaged or not an Excel workbook ({detail})",
    )


def _table_name(title: str) -> str:
    name = title.strip().lower()
    return name[: -len(".csv")] if name.endswith(".csv") else name


def _read_sheet(worksheet, sheets: Sheets, source: str) -> None:
    name = _table_name(worksheet.title)
    if name in SKIPPED_SHEETS:
        return
    worksheet.reset_dimensions()  # a claimed A1:K1048576 means nothing
    header, rows = _rows(worksheet, sheets.errors)
    if name not in TABLES:
        if header:
            sheets.errors.add(
                worksheet.title,
                None,
                None,
                None,
                f"lembar tidak dikenal; lembar templat: {', '.join(TABLES)}",
                f"unknown sheet; the template's sheets: {', '.join(TABLES)}",
            )
        return
    if name in sheets.tables:
        sheets.errors.add(
            worksheet.title,
            None,
            None,
            None,
            f"lembar {name} muncul dua kali (juga {sheets.titles[name]!r})",
            f"the sheet {name} appears twice (also {sheets.titles[name]!r})",
        )
        return
    if header is None:
        return  # an empty sheet is a missing table
    sheets.titles[name] = worksheet.title
    sheets.headers[name] = header
    sheets.tables[name] = rows


def _rows(worksheet, errors: ErrorList) -> tuple[list[str] | None, list[dict[str, str]]]:
    """Header and rows; ``rows[i]`` is spreadsheet row ``i + 2`` (``{}`` for gaps)."""
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    data_rows = 0
    title = worksheet.title
    for number, values in enumerate(
        worksheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True), start=1
    ):
        if number > EXCEL_MAX_ROW:
            errors.add(
                title,
                number,
                None,
                None,
                f"lembar melampaui {EXCEL_MAX_ROW:,} baris (batas Excel); berkas tidak sah",
                f"the sheet goes past {EXCEL_MAX_ROW:,} rows (Excel's limit); invalid file",
            )
            break
        if not any(value is not None and value != "" for value in values):
            continue
        if header is None:
            header = _header(values)
            rows.extend([_GAP] * (number - 1))
            continue
        data_rows += 1
        if data_rows > MAX_DATA_ROWS:
            errors.add(
                title,
                number,
                None,
                None,
                f"lembar memuat lebih dari {MAX_DATA_ROWS:,} baris data; bagi berkasnya",
                f"the sheet holds more than {MAX_DATA_ROWS:,} data rows; split the file",
            )
            break
        rows.extend([_GAP] * (number - 2 - len(rows)))
        rows.append(_record(header, values, title, number, errors))
    return header, rows


def _header(values: tuple) -> list[str]:
    cells = [cell_text(value).strip().lower() for value in values]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _record(header: list[str], values: tuple, title: str, number: int, errors: ErrorList):
    record: dict[str, str] = {}
    for index, value in enumerate(values):
        if value is None:
            continue
        column = header[index] if index < len(header) else ""
        text = cell_text(value)
        if isinstance(value, float) and value.is_integer() and abs(value) >= EXACT_FLOAT_LIMIT:
            errors.add(
                title,
                number,
                column or None,
                text,
                "angka ini terlalu panjang untuk disimpan Excel sebagai angka sehingga digit "
                "terakhirnya hilang; format kolom sebagai Teks lalu ketik ulang nilainya",
                "this number is too long for Excel to store as a number, so its last digits "
                "were lost; format the column as Text and type the value again",
            )
        if not column and text.strip():
            errors.add(
                title,
                number,
                None,
                text,
                "nilai di kolom tanpa judul; tambahkan judul kolom atau hapus nilainya",
                "a value in a column without a header; add the header or delete the value",
            )
            continue
        record[column] = text
    return record


def cell_text(value: object) -> str:
    """A cell value as the text a person typed: ``198503302010011002``, ``2024-01-31``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _rename(errors: list[InputError], titles: dict[str, str]) -> list[InputError]:
    """``pegawai.csv`` in the CSV reader's errors -> the sheet's title in the workbook."""
    out = []
    for error in errors:
        name = error.file[: -len(".csv")] if error.file.endswith(".csv") else None
        if name in TABLES:
            error = replace(error, file=titles.get(name, name))
        out.append(error)
    return out


__all__ = ["Sheets", "cell_text", "read_sheets", "read_xlsx", "read_xlsx_bytes"]
