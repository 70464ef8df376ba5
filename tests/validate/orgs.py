"""Organisations built for the tests: a clean one per regulation, and ways to break it.

``clean(reg)`` is an organisation with no finding under ``reg``; it holds a focus node
for every shape of that regulation (JF of every jenjang, Pelaksana under a Pengawas and
under an Administrator, a JF leading a unit kerja mandiri where the regulation allows it,
teams and individual assignments of every scope the regulation rules on), so that every
shape is evaluated and kept quiet. The tests then change one thing and expect exactly
the findings that change causes.
"""

from __future__ import annotations

import copy

REGULATIONS = (
    "palu-28-2023",
    "padang-panjang-48-2024",
    "tebing-tinggi-21-2024",
    "semarang-85-2023",
    "cilegon-17-2023",
)
PALU, PADANG, TEBING, SEMARANG, CILEGON = REGULATIONS

UNITS = [
    ("PD1", "Dinas Komunikasi dan Informatika", "perangkat_daerah", ""),
    ("BID1", "Bidang Aplikasi", "unit_organisasi", "PD1"),
    ("SEK1", "Seksi Data", "unit_organisasi", "BID1"),
    ("BID2", "Bidang Statistik", "unit_organisasi", "PD1"),
    ("UPT1", "UPT Laboratorium", "unit_kerja_mandiri", "PD1"),
    ("SETDA", "Sekretariat Daerah", "perangkat_daerah", ""),
    ("BAG1", "Bagian Organisasi", "unit_organisasi", "SETDA"),
]
# nip, nama, kode_unit, jabatan, jenjang, golongan, atasan, penilai, pimpinan, penyetaraan, delegasi
PEGAWAI = [
    ("P01", "Kepala Dinas", "PD1", "jpt_pratama", "", "IV/c", "", "", "PD1", "", ""),
    (
        "P02",
        "Kepala Bidang Aplikasi",
        "BID1",
        "administrator",
        "",
        "IV/a",
        "P01",
        "P01",
        "BID1",
        "",
        "",
    ),
    ("P03", "Kepala Seksi Data", "SEK1", "pengawas", "", "III/d", "P02", "P02", "SEK1", "", ""),
    (
        "P04",
        "Pranata Komputer Ahli Madya",
        "PD1",
        "fungsional",
        "ahli_madya",
        "IV/a",
        "P01",
        "P01",
        "",
        "",
        "",
    ),
    (
        "P05",
        "Pranata Komputer Ahli Muda",
        "BID1",
        "fungsional",
        "ahli_muda",
        "III/c",
        "P02",
        "P02",
        "",
        "",
        "",
    ),
    (
        "P06",
        "Statistisi Ahli Pertama",
        "SEK1",
        "fungsional",
        "ahli_pertama",
        "III/a",
        "P03",
        "P03",
        "",
        "ya",
        "",
    ),
    (
        "P07",
        "Pranata Komputer Terampil",
        "SEK1",
        "fungsional",
        "terampil",
        "II/c",
        "P03",
        "P03",
        "",
        "",
        "",
    ),
    ("P08", "Pengelola Data", "SEK1", "pelaksana", "", "II/a", "P03", "P03", "", "", ""),
    (
        "P09",
        "Kepala Bidang Statistik",
        "BID2",
        "administrator",
        "",
        "IV/a",
        "P01",
        "P01",
        "BID2",
        "",
        "",
    ),
    ("P10", "Pengolah Data", "BID2", "pelaksana", "", "II/b", "P09", "P09", "", "", ""),
    (
        "P11",
        "Pranata Komputer Ahli Utama",
        "PD1",
        "fungsional",
        "ahli_utama",
        "IV/d",
        "P01",
        "P01",
        "",
        "",
        "",
    ),
    (
        "P15",
        "Statistisi Ahli Pertama",
        "BID2",
        "fungsional",
        "ahli_pertama",
        "III/b",
        "P09",
        "P09",
        "",
        "",
        "",
    ),
    (
        "P20",
        "Kepala Bagian Organisasi",
        "BAG1",
        "administrator",
        "",
        "IV/a",
        "",
        "",
        "BAG1",
        "",
        "",
    ),
    (
        "P21",
        "Analis Organisasi Ahli Muda",
        "BAG1",
        "fungsional",
        "ahli_muda",
        "III/c",
        "P20",
        "P20",
        "",
        "ya",
        "",
    ),
    ("P22", "Penata Laporan", "BAG1", "pelaksana", "", "III/a", "P20", "P20", "", "", ""),
    (
        "P23",
        "Analis Kebijakan Ahli Pertama",
        "BAG1",
        "fungsional",
        "ahli_pertama",
        "III/b",
        "P20",
        "P20",
        "",
        "ya",
        "",
    ),
]
#: a JF leading a unit kerja mandiri, and those under them (not in Semarang: Pasal 1 angka 14)
MANDIRI = [
    (
        "P12",
        "Kepala UPT (Pranata Lab Ahli Madya)",
        "UPT1",
        "fungsional",
        "ahli_madya",
        "IV/a",
        "P01",
        "P01",
        "UPT1",
        "",
        "ya",
    ),
    ("P13", "Pengadministrasi UPT", "UPT1", "pelaksana", "", "II/a", "P12", "P12", "", "", ""),
    ("P14", "Pranata Lab Pemula", "UPT1", "fungsional", "pemula", "II/a", "P12", "P12", "", "", ""),
]
PEGAWAI_COLUMNS = (
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
)
ALL = "maksud_tujuan;kompetensi;target_kinerja;durasi;pengaturan_lain"
SP = "maksud_tujuan;target_kinerja;durasi"


def _team(code, lingkup, owner, dasar, penetap, memuat=ALL):
    return {
        "kode_tim": code,
        "nama_tim": f"Tim {code}",
        "lingkup": lingkup,
        "unit_pemilik_kinerja": owner,
        "dasar_penetapan": dasar,
        "ditetapkan_oleh": penetap,
        "memuat": memuat,
    }


def _assignment(
    code, nip, cara, lingkup, tujuan, penetap, memuat=ALL, approved="ya", dasar="surat_perintah"
):
    return {
        "kode_penugasan": code,
        "nip": nip,
        "cara": cara,
        "lingkup": lingkup,
        "unit_tujuan": tujuan,
        "dasar_penetapan": dasar,
        "ditetapkan_oleh": penetap,
        "memuat": memuat,
        "disetujui_atasan": approved,
    }


def clean(regulation: str) -> dict[str, list[dict[str, str]]]:
    """An organisation with no finding under ``regulation``."""
    people = PEGAWAI + ([] if regulation == SEMARANG else MANDIRI)
    tables = {
        "unit": [
            dict(zip(("kode_unit", "nama_unit", "jenis", "induk"), u, strict=True)) for u in UNITS
        ],
        "pegawai": [dict(zip(PEGAWAI_COLUMNS, p, strict=True)) for p in people],
        # T1: a team within one unit of the Sekretariat Daerah, by Keputusan of its head
        "tim": [_team("T1", "unit", "BAG1", "keputusan", "pimpinan_unit")],
        "anggota_tim": [
            {"kode_tim": "T1", "nip": "P21", "peran": "ketua"},
            {"kode_tim": "T1", "nip": "P22", "peran": "anggota"},
        ],
        "penugasan": [],
    }
    # T6: a team with a JF hasil penyetaraan as anggota, led by another one (Semarang 10(8))
    tables["tim"].append(_team("T6", "unit", "BAG1", "keputusan", "pimpinan_unit"))
    tables["anggota_tim"] += [
        {"kode_tim": "T6", "nip": "P23", "peran": "ketua"},
        {"kode_tim": "T6", "nip": "P06", "peran": "anggota"},
    ]
    cross_unit = {
        PALU: ("surat_perintah", "pimpinan_unit"),
        PADANG: ("surat_perintah", "pimpinan_unit"),
        TEBING: ("surat_perintah", "pimpinan_unit"),
        SEMARANG: ("surat_perintah", "kepala_perangkat_daerah"),
        CILEGON: ("keputusan", "pimpinan_unit"),
    }[regulation]
    # T3: across units, owned by BID1, led from BID1
    tables["tim"].append(_team("T3", "lintas_unit", "BID1", *cross_unit))
    tables["anggota_tim"] += [
        {"kode_tim": "T3", "nip": "P05", "peran": "ketua"},
        {"kode_tim": "T3", "nip": "P10", "peran": "anggota"},
    ]
    if regulation in (PALU, TEBING):
        tables["tim"].append(
            _team("T2", "unit", "BID1", "surat_perintah", "pejabat_penilai_kinerja", SP)
        )
        tables["anggota_tim"] += [
            {"kode_tim": "T2", "nip": "P05", "peran": "ketua"},
            {"kode_tim": "T2", "nip": "P08", "peran": "anggota"},
        ]
        cross_pd = (
            ("surat_perintah", "sekretaris_daerah")
            if regulation == PALU
            else ("keputusan", "wali_kota")
        )
        tables["tim"].append(_team("T4", "lintas_pd", "BID2", *cross_pd))
        tables["anggota_tim"] += [
            {"kode_tim": "T4", "nip": "P15", "peran": "ketua"},
            {"kode_tim": "T4", "nip": "P22", "peran": "anggota"},
        ]
        tables["penugasan"] += [
            _assignment("A1", "P08", "penunjukan", "unit", "SEK1", "pejabat_penilai_kinerja", SP),
            _assignment(
                "A2", "P07", "pengajuan_sukarela", "lintas_unit", "BID2", "kepala_perangkat_daerah"
            ),
            _assignment("A3", "P10", "penunjukan", "lintas_pd", "BAG1", "sekretaris_daerah"),
        ]
    if regulation in (TEBING, CILEGON):
        tables["tim"].append(_team("T5", "lintas_instansi", "BID2", "keputusan", "wali_kota"))
        tables["anggota_tim"] += [
            {"kode_tim": "T5", "nip": "P15", "peran": "ketua"},
            {"kode_tim": "T5", "nip": "P10", "peran": "anggota"},
        ]
    if regulation == PADANG:
        tables["penugasan"].append(
            _assignment("A1", "P08", "penunjukan", "unit", "SEK1", "pimpinan_unit")
        )
    if regulation == SEMARANG:
        tables["penugasan"] += [
            _assignment("A1", "P08", "penunjukan", "unit", "SEK1", "kepala_perangkat_daerah"),
            _assignment("A4", "P22", "penunjukan", "unit", "BAG1", "pimpinan_unit"),
        ]
    if regulation == CILEGON:
        tables["penugasan"].append(
            _assignment("A1", "P08", "penunjukan", "unit", "SEK1", "pimpinan_unit")
        )
    return tables


def change(tables, table: str, key: str, code: str, **values) -> dict:
    """A copy of ``tables`` with the row whose ``key`` is ``code`` updated."""
    tables = copy.deepcopy(tables)
    rows = [row for row in tables[table] if row[key] == code]
    assert rows, f"no {table} row with {key}={code}"
    for row in rows:
        row.update(values)
    return tables


def person(tables, nip: str, **values) -> dict:
    return change(tables, "pegawai", "nip", nip, **values)


def move(tables, nip: str, atasan: str) -> dict:
    """``nip`` placed under ``atasan``, who becomes their appraiser too (as the kedudukan
    provisions have it: the post they sit under acts as Pejabat Penilai Kinerja)."""
    return person(tables, nip, atasan_nip=atasan, penilai_kinerja_nip=atasan)


def team(tables, code: str, **values) -> dict:
    return change(tables, "tim", "kode_tim", code, **values)


def assignment(tables, code: str, **values) -> dict:
    return change(tables, "penugasan", "kode_penugasan", code, **values)


def add(tables, table: str, **row) -> dict:
    tables = copy.deepcopy(tables)
    tables[table].append(row)
    return tables


def remove(tables, table: str, **match) -> dict:
    tables = copy.deepcopy(tables)
    before = len(tables[table])
    tables[table] = [r for r in tables[table] if any(r.get(k) != v for k, v in match.items())]
    assert len(tables[table]) < before, f"nothing removed from {table} by {match}"
    return tables


def member(tables, tim: str, nip: str, peran: str) -> dict:
    """Set ``nip``'s role in team ``tim`` (adding the row when missing)."""
    tables = copy.deepcopy(tables)
    for row in tables["anggota_tim"]:
        if row["kode_tim"] == tim and row["nip"] == nip:
            row["peran"] = peran
            return tables
    tables["anggota_tim"].append({"kode_tim": tim, "nip": nip, "peran": peran})
    return tables
