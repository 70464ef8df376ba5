"""The example queries of server/queries/, run on a real build, with their expected rows
(each checked against the texts; 13 and 14 read the extracted norms)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from tests.server.conftest import make_app

REPO = Path(__file__).resolve().parents[2]
QUERIES = REPO / "server" / "queries"
PALU, PP = "palu-28-2023", "padang-panjang-48-2024"
TT, SMG, CLG = "tebing-tinggi-21-2024", "semarang-85-2023", "cilegon-17-2023"
ELI = "https://w3id.org/perwali-kg/eli/"
PW = "https://w3id.org/perwali-kg/ontology#"
PPK = (
    "atasan langsung dengan ketentuan paling rendah {} atau {} "
    "yang diberi pendelegasian kewenangan."
)

EXPECTED: dict[str, list[tuple]] = {
    "01-pasal-per-regulation": [(CLG, "16"), (PP, "18"), (PALU, "32"), (SMG, "19"), (TT, "20")],
    "02-cites-permenpanrb-7-2022": [
        (CLG, ELI + "id-cilegon/perwal/2023/17/mengingat/6", PW + "Mengingat"),
        (CLG, ELI + "id-cilegon/perwal/2023/17/menimbang/b", PW + "Menimbang"),
        (PP, ELI + "id-padang-panjang/perwal/2024/48/mengingat/4", PW + "Mengingat"),
        (PP, ELI + "id-padang-panjang/perwal/2024/48/menimbang/c", PW + "Menimbang"),
        (SMG, ELI + "id-semarang/perwal/2023/85/mengingat/14", PW + "Mengingat"),
        (SMG, ELI + "id-semarang/perwal/2023/85/menimbang/b", PW + "Menimbang"),
        (TT, ELI + "id-tebing-tinggi/perwal/2024/21/mengingat/11", PW + "Mengingat"),
        (TT, ELI + "id-tebing-tinggi/perwal/2024/21/menimbang/a", PW + "Menimbang"),
    ],
    "03-definitions-pejabat-penilai-kinerja": [
        (CLG, PPK.format("pejabat pengawas", "pejabat lain")),
        (PP, PPK.format("pejabat pengawas", "pejabat lain")),
        (PALU, PPK.format("Pejabat Pengawas", "Pejabat lain")),
        (SMG, PPK.format("pejabat pengawas", "pejabat lain")),
        (TT, PPK.format("pejabat pengawas", "pejabat lain")),
    ],
    "04-bab-headings": [
        (CLG, "I", "KETENTUAN UMUM"),
        (CLG, "II", "PENYESUAIAN SISTEM KERJA"),
        (CLG, "III", "KETENTUAN PENUTUP"),
        (PP, "I", "KETENTUAN UMUM"),
        (PP, "II", "MEKANISME KERJA"),
        (PP, "III", "PROSES BISNIS"),
        (PP, "IV", "KETENTUAN PENUTUP"),
        (PALU, "I", "KETENTUAN UMUM"),
        (PALU, "II", "JABATAN ASN"),
        (PALU, "III", "SISTEM KERJA"),
        (PALU, "IV", "MEKANISME KERJA"),
        (PALU, "V", "PROSES BISNIS"),
        (PALU, "VI", "KETENTUAN PENUTUP"),
        (SMG, "I", "KETENTUAN UMUM"),
        (SMG, "II", "MEKANISME KERJA"),
        (SMG, "III", "PROSES BISNIS"),
        (SMG, "IV", "MONITORING DAN EVALUASI"),
        (SMG, "V", "KETENTUAN PENUTUP"),
        (TT, "I", "KETENTUAN UMUM"),
        (TT, "II", "MEKANISME KERJA"),
        (TT, "III", "PROSES BISNIS"),
    ],
    "05-inferred-headings": [
        (PP, f"Pasal {n} Peraturan Wali Kota Padang Panjang Nomor 48 Tahun 2024", "")
        for n in (13, 16, 17, 4)
    ],
    "06-terms-defined-by-one-city": [
        ("instansi pemerintah", CLG),
        ("pelaksana", CLG),
        ("pejabat pembina kepegawaian", PP),
        ("pejabat pelaksana", PALU),
        ("penyetaraan jabatan administrasi ke dalam jabatan fungsional", SMG),
        ("asisten", TT),
        ("pegawai negeri sipil", TT),
        ("pegawai pemerintah dengan perjanjian kerja", TT),
        ("pemerintahan daerah", TT),
        ("sekretariat daerah", TT),
    ],
    "07-terms-defined-by-all": [
        (t,)
        for t in (
            "daerah",
            "jabatan pelaksana",
            "mekanisme kerja",
            "pejabat fungsional",
            "pejabat penilai kinerja",
            "pemerintah daerah",
            "penugasan",
            "pimpinan unit organisasi",
            "proses bisnis",
            "sistem kerja",
            "sistem pemerintahan berbasis elektronik",
            "unit organisasi",
            "wali kota",
        )
    ],
    "08-instruments-cited-by-all": [
        (ELI + "id/uu/2014/23", "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah")
    ],
    "09-signatories": [
        (
            CLG,
            "HELLDY AGUSTIAN",
            "Wali Kota Cilegon",
            "2023-06-05",
            "Cilegon",
            "Sekretaris Daerah Kota Cilegon",
        ),
        (
            PP,
            "SONNY BUDAYA PUTRA",
            "Pj. Wali Kota Padang Panjang",
            "2024-12-27",
            "Padang Panjang",
            "Pj. Sekretaris Daerah Kota Padang Panjang",
        ),
        (
            PALU,
            "HADIANTO RASYID",
            "Wali Kota Palu",
            "2023-09-27",
            "Palu",
            "Sekretaris Daerah Kota Palu",
        ),
        (
            SMG,
            "HEVEARITA GUNARYANTI RAHAYU",
            "Wali Kota Semarang",
            "2023-12-28",
            "Semarang",
            "Sekretaris Daerah Kota Semarang",
        ),
        (
            TT,
            "MOETTAQIEN HASRIMI",
            "Pj. Wali Kota Tebing Tinggi",
            "2024-08-26",
            "Tebing Tinggi",
            "Pj. Sekretaris Daerah Kota Tebing Tinggi",
        ),
    ],
    "10-parse-warnings": [
        (CLG, "duplicate-number", "1"),
        (CLG, "metadata-override", "1"),
        (PP, "pasal-heading-inferred", "4"),
        (TT, "definition-without-adalah", "1"),
    ],
    "11-provisions-mentioning-ekspektasi": [  # each checked with grep over corpus/
        (CLG, "3"),  # Pasal 6 (4), 13 (1) a, Lampiran I B 1 c 5 c 3
        (PP, "1"),
        (PALU, "8"),
        (SMG, "3"),
        (TT, "7"),
    ],
    "12-abbreviations": [
        (CLG, "Jabatan Fungsional", "JF"),
        (CLG, "Pegawai Aparatur Sipil Negara", "Pegawai ASN"),
        (CLG, "Sistem Pemerintahan Berbasis Elektronik", "SPBE"),
        (PP, "Pegawai Aparatur Sipil Negara", "Pegawai ASN"),
        (PP, "Sistem Pemerintahan Berbasis Elektronik", "SPBE"),
        (PALU, "Aparatur Sipil Negara", "ASN"),
        (PALU, "Pegawai Aparatur Sipil Negara", "Pegawai ASN"),
        (PALU, "Sistem Pemerintahan Berbasis Elektronik", "SPBE"),
        (SMG, "Jabatan Fungsional", "JF"),
        (SMG, "Pegawai Aparatur Sipil Negara", "Pegawai ASN"),
        (
            SMG,
            "Penyetaraan Jabatan Administrasi ke dalam Jabatan Fungsional",
            "Penyetaraan Jabatan",
        ),
        (SMG, "Sistem Pemerintahan Berbasis Elektronik", "SPBE"),
        (TT, "Aparatur Sipil Negara", "ASN"),
        (TT, "Perangkat Daerah", "PD"),
        (TT, "Pegawai Negeri Sipil", "PNS"),
        (TT, "Pegawai Pemerintah dengan Perjanjian Kerja", "PPPK"),
        (TT, "Sistem Pemerintahan Berbasis Elektronik", "SPBE"),
    ],
}
EXPECTED["13-powers-of-sekretaris-daerah"] = [
    (
        "palu-28-2023",
        ELI + "id-palu/perwal/2023/28/pasal/20/ayat/4/huruf/b",
        "menetapkan Surat Perintah untuk penugasan individu lintas Perangkat Daerah",
        "Surat Perintah untuk penugasan individu lintas Perangkat Daerah",
    ),
    (
        "palu-28-2023",
        ELI + "id-palu/perwal/2023/28/pasal/21/ayat/4",
        "menetapkan Surat Perintah penugasan tim kerja lintas Perangkat Daerah",
        "Surat Perintah penugasan tim kerja lintas Perangkat Daerah",
    ),
    (
        "tebing-tinggi-21-2024",
        ELI + "id-tebing-tinggi/perwal/2024/21/pasal/8/ayat/4/huruf/b",
        "menetapkan Surat Perintah untuk penugasan individu lintas Perangkat Daerah",
        "Surat Perintah untuk penugasan individu lintas Perangkat Daerah",
    ),
]
_REPORTS = "melaporkan pelaksanaan tugas kepada ketua tim"
EXPECTED["14-who-reports-to-ketua-tim"] = [
    ("cilegon-17-2023", "anggota tim", _REPORTS, ELI + "id-cilegon/perwal/2023/17/pasal/11/ayat/2"),
    (PP, "anggota tim", _REPORTS, ELI + "id-padang-panjang/perwal/2024/48/pasal/13/ayat/1"),
    (
        "palu-28-2023",
        "anggota tim",
        "melaporkan hasil kerja kepada ketua tim",
        ELI + "id-palu/perwal/2023/28/pasal/26/ayat/5/huruf/c",
    ),
    ("palu-28-2023", "anggota tim", _REPORTS, ELI + "id-palu/perwal/2023/28/pasal/28/ayat/1"),
    (
        SMG,
        "anggota tim",
        "melaporkan hasil kerjanya kepada ketua tim",
        ELI + "id-semarang/perwal/2023/85/pasal/13/ayat/7/huruf/c",
    ),
    (
        SMG,
        "anggota tim",
        "melaporkan pelaksanaan tugas kepada Ketua Tim",
        ELI + "id-semarang/perwal/2023/85/pasal/14/ayat/1",
    ),
    (
        TT,
        "anggota tim",
        "melaporkan hasil kerja kepada ketua tim",
        ELI + "id-tebing-tinggi/perwal/2024/21/pasal/14/ayat/5/huruf/c",
    ),
    (
        TT,
        "anggota tim",
        "melaporkan pelaksanaan tugas kepada Ketua Tim",
        ELI + "id-tebing-tinggi/perwal/2024/21/pasal/16/ayat/1",
    ),
]


@pytest.fixture(scope="module")
def built_client(tmp_path_factory):
    data = tmp_path_factory.mktemp("build")
    subprocess.run(
        [sys.executable, "-m", "perwali.cli", "build", "--data", str(data)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    app = make_app(f"embedded:{data}", QUERY_TIMEOUT=10.0, MAX_RESULTS=10_000)
    yield app.test_client()
    app.extensions["perwali.backend"].close()


def run(client, name: str) -> list[tuple]:
    query = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    response = client.post("/sparql", data={"query": query}, headers={"Accept": "text/csv"})
    assert response.status_code == 200, response.data
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8"))))
    return [tuple(row) for row in rows[1:]]


def test_every_query_file_is_listed_and_tested():
    names = {path.stem for path in QUERIES.glob("*.rq")}
    assert names == set(EXPECTED)
    readme = (QUERIES / "README.md").read_text(encoding="utf-8")
    assert all(f"{name}.rq" in readme for name in names)
    assert len(names) >= 12


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_rows(built_client, name):
    assert run(built_client, name) == EXPECTED[name]
