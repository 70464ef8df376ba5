"""``perwali validate`` and ``perwali rules``: output, languages and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from perwali.cli import main
from tests.validate.orgs import PALU, clean

FIXTURES = Path(__file__).parent / "fixtures"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write_folder(path: Path, tables) -> Path:
    import csv

    path.mkdir()
    for name, rows in tables.items():
        if not rows:
            continue
        with open(path / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return path


def test_violations_exit_1_with_json(capsys, built_data):
    code, out, _ = run(
        capsys,
        "validate",
        str(FIXTURES / "kecil"),
        "--regulation",
        PALU,
        "--json",
        "--data",
        str(built_data),
    )
    assert code == 1
    payload = json.loads(out)
    assert payload["regulation"] == PALU and payload["counts"]["Violation"] == 4


def test_clean_organisation_exits_0(capsys, built_data, tmp_path):
    folder = write_folder(tmp_path / "org", clean(PALU))
    code, out, _ = run(
        capsys, "validate", str(folder), "--regulation", PALU, "--data", str(built_data)
    )
    assert code == 0
    assert "sesuai" in out and "Pelanggaran 0" in out and "Violation" not in out


def test_text_output_in_english(capsys, built_data):
    code, out, _ = run(
        capsys,
        "validate",
        str(FIXTURES / "kecil.ttl"),
        "--regulation",
        PALU,
        "--lang",
        "en",
        "--data",
        str(built_data),
    )
    assert code == 1
    assert "does not conform" in out
    assert "Pasal 23 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023" in out
    assert "voluntary application" in out


def test_warnings_alone_conform(capsys, built_data, tmp_path):
    from tests.validate import orgs

    tables = orgs.member(orgs.member(clean(PALU), "T3", "P05", "anggota"), "T3", "P22", "ketua")
    folder = write_folder(tmp_path / "org", tables)
    code, out, _ = run(
        capsys, "validate", str(folder), "--regulation", PALU, "--json", "--data", str(built_data)
    )
    assert code == 0
    payload = json.loads(out)
    assert payload["conforms"] is True and payload["counts"]["Warning"] == 1


def test_input_errors_exit_2_as_a_json_list(capsys, built_data, tmp_path):
    from tests.validate import orgs

    tables = orgs.person(clean(PALU), "P08", atasan_nip="P99", jabatan="raja")
    folder = write_folder(tmp_path / "org", tables)
    code, out, err = run(
        capsys, "validate", str(folder), "--regulation", PALU, "--json", "--data", str(built_data)
    )
    assert code == 2
    errors = json.loads(out)
    assert isinstance(errors, list) and len(errors) == 2
    assert {e["column"] for e in errors} == {"atasan_nip", "jabatan"}
    assert all(e["file"] == "pegawai.csv" and e["row"] for e in errors)
    code, out, err = run(
        capsys, "validate", str(folder), "--regulation", PALU, "--data", str(built_data)
    )
    assert code == 2 and "2 kesalahan masukan" in err and "Traceback" not in err


def test_unknown_regulation_and_missing_path_exit_2(capsys, built_data):
    code, _, err = run(capsys, "validate", str(FIXTURES / "kecil"), "--regulation", "bogor-1-2020")
    assert code == 2 and "palu-28-2023" in err
    code, _, err = run(capsys, "validate", "/nonexistent/org", "--regulation", PALU)
    assert code == 2 and "tidak ada" in err


def test_all_regulations_with_matrix(capsys, built_data):
    code, out, _ = run(
        capsys,
        "validate",
        str(FIXTURES / "kecil"),
        "--regulation",
        "all",
        "--json",
        "--data",
        str(built_data),
    )
    assert code == 1
    payload = json.loads(out)
    assert len(payload["reports"]) == 5
    rules = [row["rule"] for row in payload["matrix"]]
    assert "penilai-min-pengawas" in rules and "ketua-golongan" in rules
    code, out, _ = run(
        capsys,
        "validate",
        str(FIXTURES / "kecil"),
        "--regulation",
        "all",
        "--data",
        str(built_data),
    )
    assert "== matriks" in out and "palu-28-2023" in out and "Pelanggaran (1)" in out
    assert "padang:" not in out and "tebing:" not in out
    row = next(line.split() for line in out.splitlines() if "sukarela-persetujuan" in line)
    assert row[1:3] == ["tidak", "diatur"]  # cilegon-17-2023, the first column


def test_rules_json(capsys, built_data):
    code, out, _ = run(capsys, "rules", "--json", "--data", str(built_data))
    assert code == 0
    rules = json.loads(out)
    by_id = {rule["id"]: rule for rule in rules}
    assert set(by_id["ketua-dari-pemilik"]) == {
        "id",
        "severity",
        "description",
        "regulations",
        "provisions",
    }
    assert by_id["ketua-dari-pemilik"]["severity"] == "Warning"
    assert len(by_id["ketua-dari-pemilik"]["regulations"]) == 5
    code, out, _ = run(capsys, "rules", "semarang-85-2023", "--json", "--data", str(built_data))
    ids = [rule["id"] for rule in json.loads(out)]
    assert "ketua-golongan" in ids and "sp-muatan" not in ids
    code, out, _ = run(capsys, "rules", "--lang", "en", "--data", str(built_data))
    assert code == 0 and "Pasal 10 ayat (6) Peraturan Wali Kota Semarang" in out
    code, _, _ = run(capsys, "rules", "nowhere-1-2000")
    assert code == 2
