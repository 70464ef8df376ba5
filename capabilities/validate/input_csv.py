"""The template (CSV folder; XLSX sheets feed the same path): tables -> :class:`DataGraph`.

:func:`read_tables` is the one entry for tabular input: ``{"unit": rows, "pegawai": rows,
...}`` with each row a ``{column: text}`` dict (XLSX sheets give the same shape). Every
problem -- unknown file, column or value, missing value, duplicate, dangling reference,
cycle -- is collected and raised at once as :class:`InputErrors`; rows are numbered as in a
spreadsheet (the header is row 1).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from capabilities.validate import model
from capabilities.validate.errors import ErrorList, InputErrors
from capabilities.validate.integrity import check_cycles, check_references
from capabilities.validate.model import (
    Anggota,
    DataGraph,
    Organisation,
    Origin,
    Pegawai,
    Penugasan,
    Tim,
    Unit,
)

YES_NO: Final = ("ya", "tidak")


@dataclass(frozen=True)
class Table:
    """One file of the template: its columns, those that must be filled, the allowed values."""

    name: str
    columns: tuple[str, ...]
    required: tuple[str, ...]
    values: dict[str, tuple[str, ...]]
    optional_file: bool = False
    multi: tuple[str, ...] = ()  # columns holding ";"-separated values


_SETTING_VALUES: Final = {
    "lingkup": tuple(model.LINGKUP),
    "dasar_penetapan": tuple(model.DASAR),
    "ditetapkan_oleh": tuple(model.PENETAP),
    "memuat": tuple(model.MUATAN),
}
#: The template, as a contract (issue 9): file -> columns and values.
TABLES: Final[dict[str, Table]] = {
    "unit": Table(
        "unit",
        ("kode_unit", "nama_unit", "jenis", "induk"),
        ("kode_unit", "nama_unit", "jenis"),
        {"jenis": tuple(model.UNIT_CLASSES)},
    ),
    "pegawai": Table(
        "pegawai",
        (
            "nip",
            "nama",
            "kode_unit",
            "jabatan",
            "jenjang",
            "golongan",
            "atasan_nip",
            "penilai_kinerja_nip",
            "pimpinan_unit",
            "hasil_penyetaraan",
            "delegasi_penilai",
        ),
        ("nip", "kode_unit", "jabatan"),
        {
            "jabatan": tuple(model.JABATAN),
            "jenjang": tuple(model.JENJANG_CLASS),
            "hasil_penyetaraan": YES_NO,
            "delegasi_penilai": YES_NO,
        },
    ),
    "tim": Table(
        "tim",
        (
            "kode_tim",
            "nama_tim",
            "lingkup",
            "unit_pemilik_kinerja",
            "dasar_penetapan",
            "ditetapkan_oleh",
            "memuat",
        ),
        ("kode_tim", "lingkup"),
        _SETTING_VALUES,
        optional_file=True,
        multi=("memuat",),
    ),
    "anggota_tim": Table(
        "anggota_tim",
        ("kode_tim", "nip", "peran"),
        ("kode_tim", "nip", "peran"),
        {"peran": tuple(model.PERAN)},
        optional_file=True,
    ),
    "penugasan": Table(
        "penugasan",
        (
            "kode_penugasan",
            "nip",
            "cara",
            "lingkup",
            "unit_tujuan",
            "dasar_penetapan",
            "ditetapkan_oleh",
            "memuat",
            "disetujui_atasan",
        ),
        ("kode_penugasan", "nip"),
        {"cara": tuple(model.CARA), "disetujui_atasan": YES_NO, **_SETTING_VALUES},
        optional_file=True,
        multi=("memuat",),
    ),
}
Rows = list[dict[str, str]]


def read_folder(folder: Path) -> DataGraph:
    """Read ``unit.csv``, ``pegawai.csv`` ... from ``folder`` (UTF-8, comma or semicolon)."""
    folder = Path(folder)
    tables: dict[str, Rows] = {}
    headers: dict[str, list[str]] = {}
    errors = ErrorList()
    for path in sorted(folder.glob("*.csv")):
        read = read_csv_bytes(path.name, path.read_bytes(), errors)
        if read is not None:
            headers[path.stem], tables[path.stem] = read
    if errors.errors:  # a file that failed to read: no cascading errors from the others
        check_file_names((path.stem for path in folder.glob("*.csv")), errors)
        errors.raise_if_any()
    return read_tables(tables, folder.name, headers=headers)


def read_csv_bytes(file: str, data: bytes, errors: ErrorList) -> tuple[list[str], Rows] | None:
    """Header and rows of one CSV file, or None (the problem added to ``errors``).

    UTF-8 (a BOM is accepted); another encoding is reported with its line and byte
    offset, not guessed. An unclosed quote is reported at the row where it opens.
    """
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        _not_utf8(file, data, bom + error.start, errors)
        return None
    try:
        return parse_csv(text)
    except CsvSyntaxError as error:
        errors.add(file, error.row, None, None, error.message_id, error.message_en)
        return None


def _not_utf8(file: str, data: bytes, offset: int, errors: ErrorList) -> None:
    line = data[:offset].count(b"\n") + 1
    byte = f"0x{data[offset]:02X}"
    errors.add(
        file,
        line,
        None,
        None,
        f"berkas bukan teks UTF-8 (byte {byte} di baris {line}, posisi byte {offset}); "
        "simpan sebagai 'CSV UTF-8' di Excel",
        f"the file is not UTF-8 text (byte {byte} on line {line}, byte offset {offset}); "
        "save it as 'CSV UTF-8' in Excel",
    )


class CsvSyntaxError(ValueError):
    """A CSV text that cannot be split into rows (e.g. a quote that is never closed)."""

    def __init__(self, row: int, message_id: str, message_en: str):
        super().__init__(message_en)
        self.row, self.message_id, self.message_en = row, message_id, message_en


def parse_csv(text: str) -> tuple[list[str], Rows]:
    """Header and rows of one CSV text; the delimiter (``,`` or ``;``) is sniffed.

    Raises :class:`CsvSyntaxError` for a malformed text (an unclosed quote would
    otherwise swallow the rest of the file silently).
    """
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = _records(text, delimiter)
    if not rows:
        return [], []
    header = [cell.strip().lower() for cell in rows[0]]
    body = []
    for row in rows[1:]:
        if not any(cell.strip() for cell in row):
            body.append({})  # keeps row numbers; skipped when read
            continue
        record = {name: (row[i] if i < len(row) else "") for i, name in enumerate(header)}
        if len(row) > len(header):
            record[""] = ";".join(row[len(header) :])
        body.append(record)
    return header, body


def _records(text: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return rows
        except csv.Error as error:
            raise _syntax_error(len(rows) + 1, line, str(error)) from None
        rows.append(row)


def _syntax_error(row: int, line: int, detail: str) -> CsvSyntaxError:
    if "end of data" in detail:
        return CsvSyntaxError(
            row,
            f"tanda kutip tidak ditutup (dibuka di baris {row}, baris teks {line}); "
            "sisa berkas tidak dapat dibaca",
            f"unclosed quote (opened on row {row}, text line {line}); "
            "the rest of the file cannot be read",
        )
    return CsvSyntaxError(
        row,
        f"baris CSV rusak (baris teks {line}): {detail}; periksa tanda kutip",
        f"malformed CSV row (text line {line}): {detail}; check the quotes",
    )


def read_tables(
    tables: dict[str, Rows], source_name: str, headers: dict[str, list[str]] | None = None
) -> DataGraph:
    """The tables of the template -> a :class:`DataGraph`; raise :class:`InputErrors`.

    ``tables`` maps a file name without extension (``"pegawai"``) to its rows; ``headers``
    optionally gives each table's header (so that an empty table's columns are checked).
    Row ``i`` of a table is reported as row ``i + 2`` (row 1 is the header).
    """
    errors = ErrorList()
    check_file_names(tables, errors)
    clean: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for name, table in TABLES.items():
        if name not in tables:
            if not table.optional_file:
                errors.add(
                    f"{name}.csv",
                    None,
                    None,
                    None,
                    "berkas wajib tidak ada",
                    "a required file is missing",
                )
            clean[name] = []
            continue
        header = (headers or {}).get(name) or _columns(tables[name])
        clean[name] = _check_table(table, header, tables[name], errors)
    if "tim" in tables and "anggota_tim" not in tables:
        errors.add(
            "anggota_tim.csv",
            None,
            None,
            None,
            "tim.csv ada tetapi anggota_tim.csv tidak ada",
            "tim.csv is given but anggota_tim.csv is missing",
        )
    org = _organisation(clean, errors)
    check_references(org, errors)
    check_cycles(org, errors)
    errors.raise_if_any()
    return model.to_graph(org, source_name, "csv")


def check_file_names(names: Iterable[str], errors: ErrorList) -> None:
    """Report every file name (without ``.csv``) that is not a file of the template."""
    for name in names:
        if name not in TABLES:
            errors.add(
                f"{name}.csv",
                None,
                None,
                None,
                f"berkas tidak dikenal; berkas templat: {_names()}",
                f"unknown file; the template's files: {_names()}",
            )


def _names() -> str:
    return ", ".join(f"{name}.csv" for name in TABLES)


def _columns(rows: Rows) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def _check_table(table: Table, header: Iterable[str], rows: Rows, errors: ErrorList):
    file = f"{table.name}.csv"
    header = [column.strip().lower() for column in header]
    for column in header:
        if column not in table.columns:
            errors.add(
                file,
                1,
                column or None,
                column,
                f"kolom tidak dikenal; kolom {file}: {', '.join(table.columns)}",
                f"unknown column; the columns of {file}: {', '.join(table.columns)}",
            )
    for column in table.required:
        if column not in header:
            errors.add(
                file, 1, column, None, "kolom wajib tidak ada", "a required column is missing"
            )
    out = []
    for index, raw in enumerate(rows):
        if not raw or not any((value or "").strip() for value in raw.values()):
            continue
        row_number = index + 2
        if raw.get(""):
            errors.add(
                file,
                row_number,
                None,
                raw[""],
                "baris ini mempunyai sel lebih banyak daripada kolom header",
                "this row has more cells than the header has columns",
            )
        row = {key.strip().lower(): (value or "").strip() for key, value in raw.items() if key}
        out.append((row_number, _check_row(table, file, row_number, row, errors)))
    return out


def _check_row(table: Table, file: str, row_number: int, row: dict[str, str], errors):
    for column in table.required:
        if column in row and not row[column]:
            errors.add(file, row_number, column, "", "nilai wajib diisi", "a value is required")
    for column, allowed in table.values.items():
        value = row.get(column, "")
        if not value:
            continue
        items = value.split(";") if column in table.multi else [value]
        normal = [_normal(item) for item in items if item.strip()]
        bad = [item for item in normal if item not in allowed]
        if bad:
            errors.add(
                file,
                row_number,
                column,
                value,
                f"nilai tidak dikenal ({', '.join(bad)}); nilai yang sah: {', '.join(allowed)}",
                f"unknown value ({', '.join(bad)}); allowed values: {', '.join(allowed)}",
            )
            row[column] = ""
        else:
            row[column] = ";".join(normal)
    return row


def _normal(value: str) -> str:
    return "_".join(value.strip().lower().replace("-", " ").split())


def _organisation(clean, errors: ErrorList) -> Organisation:
    """The records of the checked rows; duplicate keys are reported and skipped."""
    org = Organisation()
    readers = (
        ("unit", "kode_unit", _unit, org.units),
        ("pegawai", "nip", _pegawai, org.pegawai),
        ("tim", "kode_tim", _tim, org.tim),
        ("penugasan", "kode_penugasan", _penugasan, org.penugasan),
    )
    for name, key, make, records in readers:
        for row_number, row in clean[name]:
            record = make(row, Origin(f"{name}.csv", row_number), errors)
            if record is None:
                continue
            if row[key] in records:
                _duplicate(errors, record.origin, key, row[key], records[row[key]].origin)
                org.duplicates.append(record)
                continue
            records[row[key]] = record  # kept even with a bad value, so references resolve
    for row_number, row in clean["anggota_tim"]:
        if all(row.get(column) for column in ("kode_tim", "nip", "peran")):
            origin = Origin("anggota_tim.csv", row_number)
            org.anggota.append(Anggota(row["kode_tim"], row["nip"], row["peran"], origin))
    return org


def _unit(row: dict[str, str], origin: Origin, errors: ErrorList) -> Unit | None:
    if not row.get("kode_unit"):
        return None
    unit = Unit(
        row["kode_unit"],
        row.get("nama_unit", ""),
        row.get("jenis", ""),
        row.get("induk") or None,
        origin,
    )
    _check_induk(unit, errors)
    return unit


def _tim(row: dict[str, str], origin: Origin, errors: ErrorList) -> Tim | None:
    if not row.get("kode_tim"):
        return None
    return Tim(
        row["kode_tim"],
        row.get("nama_tim", ""),
        row.get("lingkup", ""),
        row.get("unit_pemilik_kinerja") or None,
        row.get("dasar_penetapan") or None,
        row.get("ditetapkan_oleh") or None,
        _items(row.get("memuat")),
        origin,
    )


def _penugasan(row: dict[str, str], origin: Origin, errors: ErrorList) -> Penugasan | None:
    if not row.get("kode_penugasan") or not row.get("nip"):
        return None
    approved = row.get("disetujui_atasan")
    return Penugasan(
        row["kode_penugasan"],
        row["nip"],
        row.get("cara") or None,
        row.get("lingkup") or None,
        row.get("unit_tujuan") or None,
        row.get("dasar_penetapan") or None,
        row.get("ditetapkan_oleh") or None,
        _items(row.get("memuat")),
        None if not approved else approved == "ya",
        origin,
    )


def _check_induk(unit: Unit, errors: ErrorList) -> None:
    if unit.jenis == "perangkat_daerah" and unit.induk:
        errors.add(
            "unit.csv",
            unit.origin.row,
            "induk",
            unit.induk,
            "Perangkat Daerah tidak mempunyai induk; kosongkan kolom ini",
            "a Perangkat Daerah has no parent unit; leave this empty",
        )
    if unit.jenis and unit.jenis != "perangkat_daerah" and not unit.induk:
        errors.add(
            "unit.csv",
            unit.origin.row,
            "induk",
            "",
            "unit selain Perangkat Daerah wajib mempunyai induk",
            "a unit other than a Perangkat Daerah needs a parent unit",
        )


def _pegawai(row: dict[str, str], origin: Origin, errors: ErrorList) -> Pegawai | None:
    nip, jabatan, jenjang = row.get("nip", ""), row.get("jabatan", ""), row.get("jenjang", "")
    if not nip:
        return None
    if jabatan == "fungsional" and not jenjang:
        errors.add(
            origin.file,
            origin.row,
            "jenjang",
            "",
            "jenjang wajib diisi untuk Jabatan Fungsional",
            "a jenjang is required for a Jabatan Fungsional",
        )
    if jabatan != "fungsional" and jenjang:
        errors.add(
            origin.file,
            origin.row,
            "jenjang",
            jenjang,
            "jenjang hanya diisi untuk Jabatan Fungsional",
            "a jenjang is given only for a Jabatan Fungsional",
        )
        jenjang = ""
    golongan = row.get("golongan", "")
    if golongan and model.golongan_rank(golongan) is None:
        errors.add(
            origin.file,
            origin.row,
            "golongan",
            golongan,
            "golongan tidak dikenal; tulis seperti III/a (I/a sampai IV/e)",
            "unknown golongan; write it like III/a (I/a to IV/e)",
        )
    return Pegawai(
        nip,
        row.get("nama", ""),
        row.get("kode_unit", ""),
        jabatan,
        jenjang or None,
        golongan or None,
        row.get("atasan_nip") or None,
        row.get("penilai_kinerja_nip") or None,
        row.get("pimpinan_unit") or None,
        row.get("hasil_penyetaraan") == "ya",
        row.get("delegasi_penilai") == "ya",
        origin,
    )


def _items(value: str | None) -> tuple[str, ...]:
    return tuple(item for item in (value or "").split(";") if item)


def _duplicate(errors: ErrorList, origin: Origin, column: str, value: str, first: Origin) -> None:
    errors.add(
        origin.file,
        origin.row,
        column,
        value,
        f"{column} {value!r} ganda (sudah dipakai di baris {first.row})",
        f"duplicate {column} {value!r} (already used on row {first.row})",
    )


__all__ = [
    "TABLES",
    "CsvSyntaxError",
    "InputErrors",
    "check_file_names",
    "parse_csv",
    "read_csv_bytes",
    "read_folder",
    "read_tables",
]
