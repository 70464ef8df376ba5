"""The command line: build, stats and show on the real corpus and on broken inputs."""

from __future__ import annotations

import json
import shutil

import pytest

from perwali.build import DEFAULT_CORPUS_DIR
from perwali.cli import main
from tests.conftest import CORPUS_IDS, TEST_DATA

EXPECTED_STATS = {
    "palu-28-2023": {
        "id": "palu-28-2023",
        "type": "Peraturan Wali Kota",
        "jurisdiction": "Kota Palu, Provinsi Sulawesi Tengah",
        "number": 28,
        "year": 2023,
        "title": "Sistem Kerja Aparatur Sipil Negara untuk Penyederhanaan Birokrasi",
        "ditetapkan": "2023-09-27",
        "diundangkan": "2023-09-27",
        "signatory": "HADIANTO RASYID",
        "berita_daerah": {"year": 2023, "number": 28},
        "counts": {
            "bab": 6,
            "bagian": 11,
            "paragraf": 0,
            "pasal": 32,
            "ayat": 65,
            "huruf": 95,
            "angka": 23,
            "menimbang": 5,
            "mengingat": 3,
            "definitions": 23,
            "lampiran_sections": 0,
        },
        "warnings": [],
    },
    "padang-panjang-48-2024": {
        "id": "padang-panjang-48-2024",
        "type": "Peraturan Wali Kota",
        "jurisdiction": "Kota Padang Panjang, Provinsi Sumatera Barat",
        "number": 48,
        "year": 2024,
        "title": "Sistem Kerja di Lingkungan Pemerintah Daerah",
        "ditetapkan": "2024-12-27",
        "diundangkan": "2024-12-27",
        "signatory": "SONNY BUDAYA PUTRA",
        "berita_daerah": {"year": 2024, "number": 48},
        "counts": {
            "bab": 4,
            "bagian": 7,
            "paragraf": 0,
            "pasal": 18,
            "ayat": 31,
            "huruf": 22,
            "angka": 17,
            "menimbang": 4,
            "mengingat": 5,
            "definitions": 17,
            "lampiran_sections": 0,
        },
        "warnings": ["pasal-heading-inferred"] * 4,
    },
    "tebing-tinggi-21-2024": {
        "id": "tebing-tinggi-21-2024",
        "type": "Peraturan Wali Kota",
        "jurisdiction": "Kota Tebing Tinggi, Provinsi Sumatera Utara",
        "number": 21,
        "year": 2024,
        "title": "Penyesuaian Sistem Kerja untuk Penyederhanaan Birokrasi",
        "ditetapkan": "2024-08-26",
        "diundangkan": "2024-08-26",
        "signatory": "MOETTAQIEN HASRIMI",
        "berita_daerah": {"year": 2024, "number": 21},
        "counts": {
            "bab": 3,
            "bagian": 6,
            "paragraf": 0,
            "pasal": 20,
            "ayat": 51,
            "huruf": 70,
            "angka": 24,
            "menimbang": 2,
            "mengingat": 14,
            "definitions": 24,
            "lampiran_sections": 0,
        },
        "warnings": ["definition-without-adalah"],
    },
    "semarang-85-2023": {
        "id": "semarang-85-2023",
        "type": "Peraturan Wali Kota",
        "jurisdiction": "Kota Semarang, Provinsi Jawa Tengah",
        "number": 85,
        "year": 2023,
        "title": "Sistem Kerja di Lingkungan Pemerintah Kota Semarang",
        "ditetapkan": "2023-12-28",
        "diundangkan": "2023-12-28",
        "signatory": "HEVEARITA GUNARYANTI RAHAYU",
        "berita_daerah": {"year": 2023, "number": 85},
        "counts": {
            "bab": 5,
            "bagian": 7,
            "paragraf": 0,
            "pasal": 19,
            "ayat": 54,
            "huruf": 65,
            "angka": 24,
            "menimbang": 4,
            "mengingat": 14,
            "definitions": 21,
            "lampiran_sections": 0,
        },
        "warnings": [],
    },
    "cilegon-17-2023": {
        "id": "cilegon-17-2023",
        "type": "Peraturan Wali Kota",
        "jurisdiction": "Kota Cilegon, Provinsi Banten",
        "number": 17,
        "year": 2023,
        "title": "Sistem Kerja di Lingkungan Pemerintah Kota Cilegon",
        "ditetapkan": "2023-06-05",
        "diundangkan": "2023-06-05",
        "signatory": "HELLDY AGUSTIAN",
        "berita_daerah": {"year": 2023, "number": 17},
        "counts": {
            "bab": 3,
            "bagian": 3,
            "paragraf": 6,
            "pasal": 16,
            "ayat": 30,
            "huruf": 19,
            "angka": 18,
            "menimbang": 3,
            "mengingat": 8,
            "definitions": 18,
            "lampiran_sections": 4,
        },
        "warnings": ["metadata-override", "duplicate-number"],
    },
}


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def stats(capsys, data_dir) -> dict:
    code, out, _ = run(capsys, "stats", "--json", "--data", str(data_dir))
    assert code == 0
    return json.loads(out)


def test_stats_json_is_exact_for_the_five(built_data, capsys):
    result = stats(capsys, built_data)
    by_id = {item["id"]: item for item in result["regulations"]}
    assert sorted(by_id) == sorted(CORPUS_IDS)
    for reg_id, expected in EXPECTED_STATS.items():
        actual = dict(by_id[reg_id])
        warning_codes = [w["code"] for w in actual.pop("warnings")]
        expected = dict(expected)
        assert sorted(warning_codes) == sorted(expected.pop("warnings")), reg_id
        assert actual == expected, reg_id
    assert result["triples"] > 10_000


def test_stats_warnings_name_the_unit(built_data, capsys):
    result = stats(capsys, built_data)
    padang = next(r for r in result["regulations"] if r["id"] == "padang-panjang-48-2024")
    assert [w["iri"].rsplit("/", 1)[1] for w in padang["warnings"]] == ["4", "13", "16", "17"]
    assert all("tidak ada dalam teks sumber" in w["message"] for w in padang["warnings"])


def test_show_ayat_json(built_data, capsys):
    code, out, _ = run(
        capsys, "show", "palu-28-2023", "21", "4", "--json", "--data", str(built_data)
    )
    assert code == 0
    unit = json.loads(out)
    assert {k: unit[k] for k in ("regulation", "pasal", "ayat", "huruf", "angka")} == {
        "regulation": "palu-28-2023",
        "pasal": "21",
        "ayat": "4",
        "huruf": None,
        "angka": None,
    }
    assert unit["citation"] == "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023"
    assert unit["iri"] == "https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28/pasal/21/ayat/4"
    assert (
        unit["text"]
        == "Surat Perintah penugasan tim kerja lintas Perangkat Daerah ditetapkan oleh Sekretaris Daerah."
    )
    assert unit["children"] == []


def test_show_pasal_with_children(built_data, capsys):
    code, out, _ = run(
        capsys, "show", "padang-panjang-48-2024", "13", "--json", "--data", str(built_data)
    )
    unit = json.loads(out)
    assert code == 0 and unit["text"] == ""
    assert [child["ayat"] for child in unit["children"]] == ["1", "2", "3"]
    assert (
        unit["children"][2]["citation"]
        == "Pasal 13 ayat (3) Peraturan Wali Kota Padang Panjang Nomor 48 Tahun 2024"
    )


def test_show_huruf_and_angka(built_data, capsys):
    code, out, _ = run(
        capsys, "show", "palu-28-2023", "20", "4", "b", "--json", "--data", str(built_data)
    )
    assert code == 0
    assert (
        json.loads(out)["text"]
        == "Surat Perintah untuk penugasan individu lintas Perangkat Daerah ditetapkan oleh Sekretaris Daerah."
    )
    code, out, _ = run(
        capsys, "show", "palu-28-2023", "1", "--angka", "18", "--json", "--data", str(built_data)
    )
    unit = json.loads(out)
    assert unit["angka"] == "18" and unit["text"].startswith(
        "Pejabat Penilai Kinerja adalah atasan langsung"
    )
    code, out, _ = run(
        capsys, "show", "palu-28-2023", "2", "a", "--json", "--data", str(built_data)
    )
    assert json.loads(out)["huruf"] == "a"


def test_show_text_output(built_data, capsys):
    code, out, _ = run(capsys, "show", "semarang-85-2023", "10", "6", "--data", str(built_data))
    assert code == 0
    assert "Pasal 10 ayat (6) Peraturan Wali Kota Semarang Nomor 85 Tahun 2023" in out
    assert "paling rendah golongan IIIa" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ("palu-28-2023", "99"),
            "pasal 99 tidak ada dalam Peraturan Wali Kota Palu Nomor 28 Tahun 2023; pasal yang ada: 1–32",
        ),
        (("palu-28-2023", "21", "9"), "ayat 9 tidak ada dalam Pasal 21 Peraturan Wali Kota Palu"),
        (("palu-28-2023", "21", "4", "z"), "huruf z tidak ada dalam Pasal 21 ayat (4)"),
        (("jakarta-1-2020",), "peraturan jakarta-1-2020 tidak ada; yang tersedia: cilegon-17-2023"),
        (("palu-2023",), "harus diakhiri -nomor-tahun"),
        (("palu-28-2023", "21/4"), "bukan nomor yang sah"),
    ],
)
def test_show_missing_unit_exits_2_naming_it(built_data, capsys, argv, message):
    code, out, err = run(capsys, "show", *argv, "--data", str(built_data))
    assert code == 2 and out == ""
    assert message in err


def test_commands_without_a_build_say_so(tmp_path, capsys):
    code, _, err = run(capsys, "stats", "--json", "--data", str(tmp_path / "none"))
    assert code == 2 and "perwali build" in err


@pytest.fixture
def corpus_copy(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(DEFAULT_CORPUS_DIR, folder)
    return folder


def test_sixth_regulation_is_ingested_with_no_code_change(corpus_copy, tmp_path, capsys):
    shutil.copy(TEST_DATA / "bukittinggi-12-2025.txt", corpus_copy)
    code, out, _ = run(capsys, "build", "--corpus", str(corpus_copy), "--data", str(tmp_path / "d"))
    assert code == 0 and "6 peraturan" in out
    sixth = next(
        r for r in stats(capsys, tmp_path / "d")["regulations"] if r["id"] == "bukittinggi-12-2025"
    )
    assert sixth["jurisdiction"] == "Kota Bukittinggi, Provinsi Sumatera Barat"
    assert sixth["signatory"] == "ANDI PRATAMA" and sixth["ditetapkan"] == "2025-03-03"
    assert sixth["counts"] == {
        "bab": 3,
        "bagian": 2,
        "paragraf": 2,
        "pasal": 5,
        "ayat": 4,
        "huruf": 5,
        "angka": 6,
        "menimbang": 2,
        "mengingat": 3,
        "definitions": 4,
        "lampiran_sections": 2,
    }
    code, out, _ = run(
        capsys,
        "show",
        "bukittinggi-12-2025",
        "4",
        "2",
        "b",
        "--json",
        "--data",
        str(tmp_path / "d"),
    )
    assert [c["angka"] for c in json.loads(out)["children"]] == ["1", "2"]


BROKEN = {
    "kosong.txt": (b"", "teks kosong"),
    "surat.txt": (
        b"Dengan hormat, bersama ini kami sampaikan undangan rapat.\n",
        "tidak ditemukan BAB atau Pasal",
    ),
    "biner.txt": (bytes(range(256)) * 40, "berkas biner"),
    "latin1.txt": ("PERATURAN WALI KOTA CAFÉ".encode("latin-1"), "bukan teks UTF-8"),
}


def test_broken_files_are_reported_and_skipped(corpus_copy, tmp_path, capsys):
    for name, (content, _) in BROKEN.items():
        (corpus_copy / name).write_bytes(content)
    palu = (DEFAULT_CORPUS_DIR / "palu-28-2023.txt").read_bytes()
    (corpus_copy / "terpotong.txt").write_bytes(palu[: len(palu) // 2])
    code, out, err = run(
        capsys, "build", "--corpus", str(corpus_copy), "--data", str(tmp_path / "d")
    )
    assert code == 1 and "5 peraturan" in out
    for name, (_, message) in BROKEN.items():
        assert f"DILEWATI {name}" in err and message in err
    assert "DILEWATI terpotong.txt" in err and "terpotong" in err
    assert len(stats(capsys, tmp_path / "d")["regulations"]) == 5


def test_duplicate_regulation_is_skipped(corpus_copy, tmp_path, capsys):
    shutil.copy(corpus_copy / "palu-28-2023.txt", corpus_copy / "salinan-palu.txt")
    code, _, err = run(capsys, "build", "--corpus", str(corpus_copy), "--data", str(tmp_path / "d"))
    assert code == 1 and "id palu-28-2023 sudah dipakai oleh palu-28-2023.txt" in err


def test_failed_build_leaves_the_previous_store_intact(corpus_copy, tmp_path, capsys):
    data = tmp_path / "d"
    assert run(capsys, "build", "--corpus", str(corpus_copy), "--data", str(data))[0] == 0
    before = stats(capsys, data)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "kosong.txt").write_bytes(b"")
    code, _, err = run(capsys, "build", "--corpus", str(empty), "--data", str(data))
    assert code == 2 and "data lama tidak diubah" in err
    code, _, err = run(capsys, "build", "--corpus", str(tmp_path / "missing"), "--data", str(data))
    assert code == 2 and "tidak ada" in err
    assert stats(capsys, data) == before


def test_bad_metadata_is_a_clear_error(corpus_copy, tmp_path, capsys):
    (corpus_copy / "metadata.toml").write_text(
        '["palu-28-2023.txt"]\nprovince = "X"\n', encoding="utf-8"
    )
    code, _, err = run(capsys, "build", "--corpus", str(corpus_copy), "--data", str(tmp_path / "d"))
    assert code == 2 and "wajib memberi 'reason'" in err


def test_definitions_json(built_data, capsys):
    code, out, _ = run(capsys, "definitions", "palu-28-2023", "--json", "--data", str(built_data))
    rows = json.loads(out)
    assert code == 0 and len(rows) == 23
    assert rows[4] == {
        "term": "Sistem Pemerintahan Berbasis Elektronik",
        "abbreviation": "SPBE",
        "text": "penyelenggaraan pemerintahan yang memanfaatkan teknologi informasi dan komunikasi untuk memberikan layanan kepada Pengguna SPBE.",
        "angka": "5",
    }
    assert [row["angka"] for row in rows] == [str(n) for n in range(1, 24)]
    assert rows[17]["term"] == "Pejabat Penilai Kinerja" and rows[17]["abbreviation"] is None


def test_definitions_of_unknown_regulation(built_data, capsys):
    code, out, err = run(
        capsys, "definitions", "bandung-1-2020", "--json", "--data", str(built_data)
    )
    assert code == 2 and out == "" and "peraturan bandung-1-2020 tidak ada" in err


def test_show_kinds_are_the_model_kinds(built_data, capsys):
    code, out, _ = run(capsys, "show", "cilegon-17-2023", "--json", "--data", str(built_data))
    unit = json.loads(out)
    assert code == 0 and unit["kind"] == "peraturan"
    assert {child["kind"] for child in unit["children"]} == {
        "bab",
        "lampiran",
        "menimbang",
        "mengingat",
    }
    annex = next(child for child in unit["children"] if child["kind"] == "lampiran")
    assert [section["kind"] for section in annex["children"]] == ["bagian-lampiran"] * 4


CAPABILITY_COMMANDS = ("cite", "ask", "compare", "align", "diff", "unique", "validate", "rules")


def _help(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    return " ".join(capsys.readouterr().out.split())  # argparse wraps lines


@pytest.mark.parametrize("command", [*CAPABILITY_COMMANDS, "template", "serve"])
def test_every_command_helps_in_indonesian_and_in_english(capsys, command):
    """Each command's help comes from the catalogue: Indonesian by default, English with
    --lang en (the capability commands once had one language each)."""
    from perwali.messages import CATALOGUE

    indonesian, english = CATALOGUE[f"help.{command}"]
    listing_id, listing_en = _help(capsys), _help(capsys, "--lang", "en")
    assert indonesian in listing_id and english not in listing_id
    assert english in listing_en and indonesian not in listing_en
    own_id, own_en = _help(capsys, command), _help(capsys, "--lang", "en", command)
    if command in CAPABILITY_COMMANDS:
        assert "cetak JSON" in own_id and "print JSON" in own_en
    assert "Example" not in own_id and "Contoh" not in own_en
