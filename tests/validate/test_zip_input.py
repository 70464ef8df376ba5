"""The template as a zip of its CSV folder: same graph as the folder; hostile zips refused."""

from __future__ import annotations

import io
import zipfile

import pytest

from bench.org_generator import COLUMNS, csv_text, generate, to_zip
from capabilities.validate import safe_zip
from capabilities.validate.errors import InputErrors
from capabilities.validate.input_csv import read_folder, read_tables
from capabilities.validate.zip_input import read_zip

UNIT = "kode_unit,nama_unit,jenis,induk\nPD1,Dinas Kominfo,perangkat_daerah,\n"
PEGAWAI = "nip,nama,kode_unit,jabatan\n198503302010011002,Ani,PD1,jpt_pratama\n"


def _zip(entries: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(zipfile.ZipInfo(name), content)
    return out.getvalue()


def _errors(data: bytes) -> list:
    with pytest.raises(InputErrors) as caught:
        read_zip(data, "org.zip")
    return caught.value.errors


def test_generated_zip_gives_the_same_graph_as_the_folder(tmp_path):
    org = generate(300)
    for name, columns in COLUMNS.items():
        (tmp_path / f"{name}.csv").write_text(csv_text(org.tables[name], columns))
    from_zip = read_zip(to_zip(org), "org.zip")
    assert set(from_zip.graph) == set(read_folder(tmp_path).graph)
    assert set(from_zip.graph) == set(read_tables(org.tables, "org").graph)
    assert from_zip.source_name == "org.zip"


def test_files_at_top_level_or_in_a_folder_any_case_and_junk_ignored():
    data = _zip(
        {
            "Organisasi/Unit.CSV": UNIT,
            "Organisasi/pegawai.csv": PEGAWAI,
            "__MACOSX/Organisasi/._unit.csv": b"\x00\x05\x16\x07",
            "Organisasi/.DS_Store": b"\x00\x00",
            "Organisasi/BACA.txt": "catatan",
            "Organisasi/": b"",
        }
    )
    org = read_zip(data).organisation
    assert set(org.units) == {"PD1"} and set(org.pegawai) == {"198503302010011002"}


def test_semicolon_csv_with_bom_as_excel_saves_it():
    data = _zip({"unit.csv": "\ufeff" + UNIT.replace(",", ";"), "pegawai.csv": PEGAWAI})
    assert set(read_zip(data).organisation.units) == {"PD1"}


def test_unknown_csv_and_duplicates_and_non_utf8_are_all_reported_at_once():
    data = _zip(
        {
            "a/unit.csv": UNIT,
            "b/unit.csv": UNIT,
            "pegawai.csv": PEGAWAI.encode("utf-16"),
            "jabatan.csv": "x\n1\n",
        }
    )
    errors = {(e.file, e.message_en.split(" (")[0].split(";")[0]) for e in _errors(data)}
    assert ("unit.csv", "this file is twice in the archive") in errors
    assert ("pegawai.csv", "the file is not UTF-8 text") in errors
    assert ("jabatan.csv", "unknown file") in errors


@pytest.mark.parametrize("name", ["../unit.csv", "/etc/unit.csv", "a/../../unit.csv", "C:/x.csv"])
def test_path_traversal_names_are_refused(name):
    (error,) = _errors(_zip({name: UNIT, "pegawai.csv": PEGAWAI}))
    assert error.file == "org.zip"
    assert "tidak aman" in error.message_id and repr(name) in error.message_en


def test_zip_bomb_of_200_mb_of_zeros_is_refused():
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("pegawai.csv", "w") as entry,
    ):
        for _ in range(200):
            entry.write(bytes(1024 * 1024))
    (error,) = _errors(out.getvalue())
    assert "bom zip" in error.message_id and "compressed" in error.message_en


def test_total_size_limit(monkeypatch):
    monkeypatch.setattr(safe_zip, "MAX_TOTAL_UNCOMPRESSED", 100)
    (error,) = _errors(_zip({"unit.csv": UNIT, "pegawai.csv": PEGAWAI}))
    assert "expands to" in error.message_en


def test_too_many_entries():
    entries = {f"junk/{i}.txt": "" for i in range(safe_zip.MAX_ENTRIES + 1)}
    (error,) = _errors(_zip(entries))
    assert f"{safe_zip.MAX_ENTRIES + 1:,} entries" in error.message_en


def test_not_a_zip_is_a_clear_error():
    (error,) = _errors(UNIT.encode())
    assert "bukan arsip zip" in error.message_id


def test_encrypted_or_damaged_entry_is_a_clear_error():
    data = bytearray(_zip({"unit.csv": UNIT * 50, "pegawai.csv": PEGAWAI}))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("unit.csv")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start, start + info.compress_size):
        data[offset] ^= 0x33
    (error,) = _errors(bytes(data))
    assert "unit.csv" in error.message_en and "damaged" in error.message_en


def test_safe_name():
    assert safe_zip.safe_name("org/unit.csv")
    assert not safe_zip.safe_name("..\\unit.csv")
    assert not safe_zip.safe_name("x\x00.csv")


def test_upload_dispatch_reads_a_zip_and_an_xlsx_by_extension():
    from bench.org_generator import to_xlsx
    from capabilities.validate.upload import read_files, read_one

    org = generate(120, faults=False)
    expected = set(read_tables(org.tables, "org").graph)
    assert set(read_one("org.zip", to_zip(org)).graph) == expected
    assert set(read_files([("org.xlsx", to_xlsx(org))]).graph) == expected
