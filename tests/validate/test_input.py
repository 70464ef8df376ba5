"""Input errors of the template, all reported at once with file, row and column."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from capabilities.validate import InputErrors
from capabilities.validate.input_csv import parse_csv, read_folder, read_tables
from capabilities.validate.model import golongan_rank
from tests.validate import orgs
from tests.validate.orgs import PALU, clean


def errors_of(tables, headers=None) -> list[tuple]:
    with pytest.raises(InputErrors) as caught:
        read_tables(tables, "test", headers=headers)
    return [(e.file, e.row, e.column, e.value) for e in caught.value.errors]


def test_all_errors_at_once_with_file_row_column():
    tables = orgs.person(clean(PALU), "P08", jabatan="kepala", atasan_nip="P99")
    tables = orgs.team(tables, "T1", lingkup="lintas_kota", memuat="maksud_tujuan;rahasia")
    tables = orgs.add(
        tables, "pegawai", nip="P01", nama="Ganda", kode_unit="PD1", jabatan="pelaksana"
    )
    found = errors_of(tables)
    row_p08 = next(i for i, r in enumerate(tables["pegawai"]) if r["nip"] == "P08") + 2
    assert ("pegawai.csv", row_p08, "jabatan", "kepala") in found
    assert ("pegawai.csv", row_p08, "atasan_nip", "P99") in found
    assert ("tim.csv", 2, "lingkup", "lintas_kota") in found
    assert ("tim.csv", 2, "memuat", "maksud_tujuan;rahasia") in found
    assert ("pegawai.csv", len(tables["pegawai"]) + 1, "nip", "P01") in found
    assert len(found) == 5


def test_unknown_column_and_missing_required_column():
    tables = clean(PALU)
    for row in tables["unit"]:
        row["warna"] = "biru"
        del row["jenis"]
    found = errors_of(tables)
    assert ("unit.csv", 1, "warna", "warna") in found
    assert ("unit.csv", 1, "jenis", None) in found


def test_unknown_and_missing_files():
    tables = clean(PALU)
    del tables["pegawai"]
    tables["jabatan"] = []
    found = errors_of(tables)
    assert ("pegawai.csv", None, None, None) in found
    assert ("jabatan.csv", None, None, None) in found


def test_references_to_missing_nip_and_kode():
    tables = orgs.change(clean(PALU), "unit", "kode_unit", "SEK1", induk="BID9")
    tables = orgs.person(tables, "P05", penilai_kinerja_nip="X1", pimpinan_unit="UPT9")
    tables = orgs.team(tables, "T1", unit_pemilik_kinerja="NOPE")
    tables = orgs.add(tables, "anggota_tim", kode_tim="T9", nip="P99", peran="anggota")
    tables = orgs.assignment(tables, "A1", nip="P77", unit_tujuan="ZZ")
    found = {(f, c, v) for f, _, c, v in errors_of(tables)}
    assert found == {
        ("unit.csv", "induk", "BID9"),
        ("pegawai.csv", "penilai_kinerja_nip", "X1"),
        ("pegawai.csv", "pimpinan_unit", "UPT9"),
        ("tim.csv", "unit_pemilik_kinerja", "NOPE"),
        ("anggota_tim.csv", "kode_tim", "T9"),
        ("anggota_tim.csv", "nip", "P99"),
        ("penugasan.csv", "nip", "P77"),
        ("penugasan.csv", "unit_tujuan", "ZZ"),
    }


def test_cycles_in_induk_and_atasan():
    tables = orgs.change(
        clean(PALU), "unit", "kode_unit", "BID1", induk="SEK1", jenis="unit_organisasi"
    )
    tables = orgs.person(tables, "P01", atasan_nip="P03")
    found = errors_of(tables)
    cycle_units = {(f, c) for f, _, c, v in found if f == "unit.csv"}
    assert cycle_units == {("unit.csv", "induk")}
    assert sum(1 for f, _, c, _ in found if f == "unit.csv") == 2  # BID1 and SEK1
    assert sum(1 for f, _, c, _ in found if c == "atasan_nip") == 3  # P01, P02, P03


def test_own_superior_duplicate_leader_and_member():
    tables = orgs.person(clean(PALU), "P05", atasan_nip="P05", pimpinan_unit="BID1")
    tables = orgs.add(tables, "anggota_tim", kode_tim="T1", nip="P22", peran="ketua")
    found = errors_of(tables)
    assert {c for _, _, c, _ in found} == {"atasan_nip", "pimpinan_unit", "nip"}


def test_jenjang_only_for_fungsional_and_golongan_format():
    tables = orgs.person(clean(PALU), "P08", jenjang="mahir", golongan="III-z")
    tables = orgs.person(tables, "P05", jenjang="")
    found = {(c, v) for _, _, c, v in errors_of(tables)}
    assert found == {("jenjang", "mahir"), ("golongan", "III-z"), ("jenjang", "")}


def test_perangkat_daerah_has_no_induk_and_others_need_one():
    tables = orgs.change(clean(PALU), "unit", "kode_unit", "PD1", induk="SETDA")
    tables = orgs.change(tables, "unit", "kode_unit", "BID2", induk="")
    found = {(c, v) for _, _, c, v in errors_of(tables)}
    assert found == {("induk", "SETDA"), ("induk", "")}


def test_values_are_read_leniently():
    tables = orgs.person(clean(PALU), "P08", jabatan=" Pelaksana ", hasil_penyetaraan="YA")
    tables = orgs.team(tables, "T1", lingkup="Unit", memuat="maksud tujuan; durasi")
    data = read_tables(tables, "test")
    assert data.organisation.pegawai["P08"].jabatan == "pelaksana"
    assert data.organisation.tim["T1"].memuat == ("maksud_tujuan", "durasi")


def test_csv_folder_with_semicolons_bom_and_blank_rows(tmp_path):
    (tmp_path / "unit.csv").write_text(
        "\ufeffkode_unit;nama_unit;jenis;induk\nPD1;Dinas;perangkat_daerah;\n;;;\n", "utf-8"
    )
    (tmp_path / "pegawai.csv").write_text(
        "nip,nama,kode_unit,jabatan\n1,A,PD1,jpt_pratama\n2,B,PD9,pelaksana\n", "utf-8"
    )
    with pytest.raises(InputErrors) as caught:
        read_folder(tmp_path)
    assert [(e.file, e.row, e.column) for e in caught.value.errors] == [
        ("pegawai.csv", 3, "kode_unit")
    ]
    (tmp_path / "pegawai.csv").write_text("nip,nama,kode_unit,jabatan\n1,A,PD1,jpt_pratama\n")
    assert len(read_folder(tmp_path).organisation.pegawai) == 1


def test_error_messages_in_both_languages():
    tables = orgs.person(clean(PALU), "P08", atasan_nip="P99")
    with pytest.raises(InputErrors) as caught:
        read_tables(tables, "test")
    error = caught.value.errors[0]
    assert "tidak ada dalam data" in error.to_json("id")["message"]
    assert "does not exist" in error.to_json("en")["message"]
    assert error.describe("id").startswith("pegawai.csv baris ")


def test_extra_cells_beyond_the_header_are_an_error():
    header, rows = parse_csv("kode_unit,nama_unit,jenis\nPD1,Dinas,perangkat_daerah,lebih\n")
    tables = clean(PALU)
    tables["unit"] = rows + tables["unit"][1:]
    assert errors_of(tables, {"unit": header}) == [("unit.csv", 2, None, "lebih")]


@pytest.mark.parametrize(
    "text,rank",
    [
        ("I/a", 1),
        ("II/d", 8),
        ("III/a", 9),
        ("IIIa", 9),
        ("iv/e", 17),
        ("IV/f", None),
        ("V/a", None),
    ],
)
def test_golongan_rank(text, rank):
    assert golongan_rank(text) == rank


_CELL = st.sampled_from(
    [
        "",
        "P01",
        "P02",
        "PD1",
        "BID1",
        "SEK1",
        "T1",
        "fungsional",
        "pelaksana",
        "ahli_muda",
        "ya",
        "tidak",
        "unit",
        "lintas_pd",
        "III/a",
        "x",
        "=1+1",
        "maksud_tujuan;durasi",
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    changes=st.lists(
        st.tuples(
            st.sampled_from(["unit", "pegawai", "tim", "anggota_tim", "penugasan"]),
            st.integers(min_value=0, max_value=30),
            st.sampled_from(
                [
                    "kode_unit",
                    "induk",
                    "jenis",
                    "nip",
                    "kode_unit",
                    "jabatan",
                    "jenjang",
                    "atasan_nip",
                    "penilai_kinerja_nip",
                    "pimpinan_unit",
                    "golongan",
                    "kode_tim",
                    "lingkup",
                    "peran",
                    "memuat",
                    "unit_pemilik_kinerja",
                    "cara",
                ]
            ),
            _CELL,
        ),
        max_size=6,
    )
)
def test_any_edit_gives_a_graph_or_input_errors(changes):
    """Whatever a spreadsheet holds: a DataGraph, or InputErrors with locations; no crash."""
    tables = clean(PALU)
    for table, index, column, value in changes:
        rows = tables[table]
        if rows and column in rows[0]:
            rows[index % len(rows)][column] = value
    try:
        data = read_tables(tables, "fuzz")
    except InputErrors as errors:
        assert errors.errors and all(
            e.file and e.message_id and e.message_en for e in errors.errors
        )
    else:
        assert len(data.graph) > 0
