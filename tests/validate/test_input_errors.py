"""Input errors a new user meets: broken CSV files, duplicates, file formats, regulation ids."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from capabilities.validate import InputErrors, load
from capabilities.validate.engine import UnknownRegulation, resolve
from capabilities.validate.upload import read_files

KECIL = Path(__file__).parent / "fixtures" / "kecil"


def _errors(folder: Path) -> list:
    with pytest.raises(InputErrors) as caught:
        load(folder)
    return caught.value.errors


@pytest.fixture
def org(tmp_path) -> Path:
    folder = tmp_path / "org"
    shutil.copytree(KECIL, folder)
    return folder


def test_unclosed_quote_is_named_at_its_row_without_cascading_errors(org):
    unit = org / "unit.csv"
    lines = unit.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("Bidang Aplikasi", '"Bidang Aplikasi')  # row 3, never closed
    unit.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = _errors(org)
    assert [(e.file, e.row) for e in errors] == [("unit.csv", 3)]
    assert "tanda kutip tidak ditutup" in errors[0].message_id
    assert "unclosed quote" in errors[0].message_en
    assert not any("tidak ada dalam data" in e.message_id for e in errors)


def test_latin1_file_names_line_and_byte_and_how_to_save(org):
    unit = org / "unit.csv"
    text = unit.read_text(encoding="utf-8").replace("Bidang Aplikasi", "Bidang Aplikasé")
    unit.write_bytes(text.encode("latin-1"))
    (error,) = _errors(org)
    offset = text.encode("latin-1").index(b"\xe9")
    assert (error.file, error.row) == ("unit.csv", 3)
    assert f"posisi byte {offset}" in error.message_id and "0xE9" in error.message_id
    assert "simpan sebagai 'CSV UTF-8' di Excel" in error.message_id
    assert "save it as 'CSV UTF-8' in Excel" in error.message_en


def test_utf8_bom_is_accepted(org):
    unit = org / "unit.csv"
    unit.write_bytes(b"\xef\xbb\xbf" + unit.read_bytes())
    assert set(load(org).organisation.units) == {"dinas", "bidang"}


def test_uploaded_latin1_csv_is_reported_with_its_line():
    files = [(path.name, path.read_bytes()) for path in sorted(KECIL.glob("*.csv"))]
    files = [(n, d.replace(b"Aplikasi", "Aplikasé".encode("latin-1"))) for n, d in files]
    with pytest.raises(InputErrors) as caught:
        read_files(files)
    assert {e.file for e in caught.value.errors} == {"unit.csv", "tim.csv"}
    assert all("baris 2" in e.message_id or "baris 3" in e.message_id for e in caught.value.errors)


def test_duplicate_nip_names_the_earlier_row_and_keeps_its_other_errors(org):
    pegawai = org / "pegawai.csv"
    lines = pegawai.read_text(encoding="utf-8").splitlines()
    lines.append(lines[2].replace(",kadis,kadis,", ",123,kadis,"))  # row 2's nip again
    pegawai.write_text("\n".join(lines) + "\n", encoding="utf-8")
    row = len(lines)
    errors = [e for e in _errors(org) if e.row == row]
    messages = {e.column: e.message_id for e in errors}
    assert "sudah dipakai di baris 3" in messages["nip"]
    assert "'123' tidak ada dalam data" in messages["atasan_nip"]


def test_errors_are_sorted_by_file_row_and_column(org):
    pegawai = org / "pegawai.csv"
    text = pegawai.read_text(encoding="utf-8")
    text = text.replace(",kadis,kadis,bidang,", ",nobody,ghost,bidang,")
    pegawai.write_text(text, encoding="utf-8")
    unit = org / "unit.csv"
    unit.write_text(unit.read_text(encoding="utf-8").replace(",dinas\n", ",lost\n"), "utf-8")
    places = [(e.file, e.row or 0, e.column) for e in _errors(org)]
    assert places == sorted(places, key=lambda p: (p[0], p[1]))
    assert places[0][0] == "pegawai.csv" and places[-1][0] == "unit.csv"
    row_columns = [c for f, r, c in places if f == "pegawai.csv"]
    assert row_columns.index("atasan_nip") < row_columns.index("penilai_kinerja_nip")


def test_unknown_file_format_lists_every_accepted_form():
    with pytest.raises(InputErrors) as caught:
        read_files([("draft.txt", b"hello")])
    message = caught.value.errors[0].message_id
    for form in (".csv", ".xlsx", ".zip", ".ttl", ".jsonld", ".nt", ".rdf"):
        assert form in message


@pytest.mark.parametrize("written", ["Palu-28-2023", "PALU-28-2023", " palu-28-2023 "])
def test_regulation_id_in_any_case(written):
    assert resolve(written) == "palu-28-2023"


def test_unknown_regulation_suggests_what_it_may_mean():
    with pytest.raises(UnknownRegulation) as caught:
        resolve("Palu")
    assert "peraturan 'Palu' tidak dikenal" in caught.value.message
    assert "mungkin maksud Anda: palu-28-2023" in caught.value.message
    assert "did you mean: palu-28-2023" in caught.value.english
    with pytest.raises(UnknownRegulation) as caught:
        resolve("tebing")
    assert "mungkin maksud Anda: tebing-tinggi-21-2024" in caught.value.message
    assert resolve("ALL", allow_all=True) == "all"
