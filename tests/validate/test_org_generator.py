"""The organisation generator of the bench: exact sizes, valid by construction, known faults."""

from __future__ import annotations

import pytest

from bench.org_generator import MIN_SIZE, generate, main, write_csv_folder
from capabilities.validate import validate_graph
from capabilities.validate.input_csv import read_folder, read_tables

PALU = "palu-28-2023"


@pytest.mark.parametrize("size", [MIN_SIZE, 120, 247, 1000])
def test_exact_size_and_no_input_error(size):
    org = generate(size)
    assert org.pegawai == size
    data = read_tables(org.tables, "gen")  # raises InputErrors on any input error
    assert len(data.organisation.pegawai) == size


def test_nips_are_unique_18_digit_numbers():
    nips = [row["nip"] for row in generate(1000).tables["pegawai"]]
    assert len(set(nips)) == len(nips)
    assert all(len(nip) == 18 and nip.isdigit() for nip in nips)


def test_too_small_is_refused():
    with pytest.raises(ValueError, match="at least"):
        generate(MIN_SIZE - 1)


def test_deterministic_for_a_seed_and_different_for_another():
    assert generate(300, seed=3).tables == generate(300, seed=3).tables
    assert generate(300, seed=3).tables != generate(300, seed=4).tables


def test_realistic_shape_of_the_organisation():
    org = generate(1000)
    jabatan = [row["jabatan"] for row in org.tables["pegawai"]]
    assert jabatan.count("jpt_pratama") == 4  # one Kepala per Perangkat Daerah
    assert jabatan.count("pelaksana") > jabatan.count("fungsional") > jabatan.count("pengawas")
    lingkup = {row["lingkup"] for row in org.tables["tim"]}
    assert lingkup == {"unit", "lintas_unit", "lintas_pd"}
    jenis = {row["jenis"] for row in org.tables["unit"]}
    assert jenis == {"perangkat_daerah", "unit_organisasi", "unit_kerja_mandiri"}


def test_csv_folder_reads_back_to_the_same_graph(tmp_path):
    org = generate(300)
    write_csv_folder(org, tmp_path / "org")
    assert set(read_folder(tmp_path / "org").graph) == set(read_tables(org.tables, "x").graph)


def test_clean_organisation_conforms_to_palu(source):
    report = validate_graph(source, read_tables(generate(300, faults=False).tables, "x"), PALU)
    assert report.findings == []


@pytest.mark.parametrize("size", [120, 1000])
def test_seeded_faults_are_exactly_the_findings(source, size):
    org = generate(size)
    assert len({rule for _, rule in org.faults}) == len(org.faults) == 7
    report = validate_graph(source, read_tables(org.tables, "x"), PALU)
    assert {(f.subject, f.rule) for f in report.findings} == set(org.faults)


def test_command_line_writes_a_folder(tmp_path, capsys):
    assert main(["120", str(tmp_path / "org")]) == 0
    assert "120 pegawai" in capsys.readouterr().out
    assert len(read_folder(tmp_path / "org").organisation.pegawai) == 120
    assert main(["x"]) == 2
