"""Generate realistic organisations in the template's form, for the bench and for tests.

A city of Perangkat Daerah (about 250 pegawai each, as in a real Pemerintah Kota): a
Kepala (JPT Pratama) leads each; four Bidang led by Administrators; three Sub Bidang each,
led by Pengawas, with Pelaksana and JF ahli pertama/terampil under them; JF ahli muda
under the Administrators, a JF ahli madya under the Kepala, and a unit kerja mandiri led
by a JF. Teams within a Bidang, across Bidang, and (every fifth PD) across PD; individual
assignments within and across units. Valid by construction against palu-28-2023; with
``faults=True`` a few known faults are seeded, each listed as ``(subject, rule)``.

    python bench/org_generator.py 10000 /tmp/org10k        # writes the CSV folder
"""

from __future__ import annotations

import csv
import io
import random
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from capabilities.validate.input_csv import TABLES

#: The template's columns, from the reader that defines them (one contract, one place).
COLUMNS = {name: list(table.columns) for name, table in TABLES.items()}
BIDANG_PER_PD = 4
SUB_PER_BIDANG = 3
FIXED_PER_PD = 1 + BIDANG_PER_PD * (1 + 2 + SUB_PER_BIDANG * 3) + 1 + 5  # all but Pelaksana
PELAKSANA_PER_SUB = 16
#: The smallest organisation: one PD with a Pelaksana in four Sub Bidang (for the faults).
MIN_SIZE = FIXED_PER_PD + 4
SP_ISI = "maksud_tujuan;target_kinerja;durasi"
PERMOHONAN_ISI = "maksud_tujuan;kompetensi;target_kinerja;durasi"
DINAS = (
    "Pendidikan dan Kebudayaan",
    "Kesehatan",
    "Pekerjaan Umum dan Penataan Ruang",
    "Perumahan dan Kawasan Permukiman",
    "Sosial",
    "Tenaga Kerja",
    "Lingkungan Hidup",
    "Kependudukan dan Pencatatan Sipil",
    "Perhubungan",
    "Komunikasi dan Informatika",
    "Koperasi dan Usaha Mikro",
    "Penanaman Modal dan PTSP",
    "Pemuda dan Olahraga",
    "Perpustakaan dan Kearsipan",
    "Pertanian",
    "Perdagangan dan Perindustrian",
    "Pariwisata",
    "Pemberdayaan Perempuan dan Perlindungan Anak",
)
GIVEN = (
    "Andi Ayu Budi Citra Dewi Eko Fajar Gita Hendra Indah Joko Kartika Lestari Made "
    "Nur Putri Rahmat Sari Taufik Wahyu Yusuf Zahra Agus Bambang Fitri Rina Suryani Hasan"
).split()
FAMILY = (
    "Saputra Wijaya Lubis Siregar Nasution Hidayat Pratama Kusuma Lamba Tandiono Rahman "
    "Purnomo Santoso Harahap Sitompul Wibowo Ramadhan Lestari Mahmud Latuconsina"
).split()


@dataclass
class GeneratedOrg:
    """The five tables (rows of ``{column: text}``) and the seeded faults."""

    tables: dict[str, list[dict[str, str]]] = field(
        default_factory=lambda: {name: [] for name in COLUMNS}
    )
    faults: list[tuple[str, str]] = field(default_factory=list)

    @property
    def pegawai(self) -> int:
        return len(self.tables["pegawai"])


class _Builder:
    def __init__(self, size: int, seed: int) -> None:
        self.org = GeneratedOrg()
        self.random = random.Random(seed)
        self.serial = 0
        self.nips: set[str] = set()
        self.pds = max(1, size // (FIXED_PER_PD + PELAKSANA_PER_SUB * 12))
        pelaksana = size - self.pds * FIXED_PER_PD
        slots = self.pds * BIDANG_PER_PD * SUB_PER_BIDANG
        self.pelaksana = [pelaksana // slots + (i < pelaksana % slots) for i in range(slots)]

    def nip(self) -> str:
        """An 18-digit NIP: birth date, appointment month, sex, serial; unique."""
        while True:
            self.serial += 1
            birth = 1965 + self.random.randrange(35)
            nip = (
                f"{birth}{self.random.randrange(1, 13):02d}{self.random.randrange(1, 29):02d}"
                f"{birth + 24 + self.random.randrange(6)}{self.random.randrange(1, 13):02d}"
                f"{self.random.randrange(1, 3)}{self.serial % 1000:03d}"
            )
            if nip not in self.nips:
                self.nips.add(nip)
                return nip

    def unit(self, code: str, name: str, jenis: str, induk: str = "") -> str:
        self.org.tables["unit"].append(
            {"kode_unit": code, "nama_unit": name, "jenis": jenis, "induk": induk}
        )
        return code

    def person(self, unit: str, jabatan: str, golongan: str, atasan: str = "", **extra) -> str:
        nip = self.nip()
        row = dict.fromkeys(COLUMNS["pegawai"], "")
        row.update(
            nip=nip,
            nama=f"{self.random.choice(GIVEN)} {self.random.choice(FAMILY)}",
            kode_unit=unit,
            jabatan=jabatan,
            golongan=golongan,
            atasan_nip=atasan,
            penilai_kinerja_nip=atasan,
            hasil_penyetaraan="tidak",
            delegasi_penilai="tidak",
        )
        row.update(extra)
        self.org.tables["pegawai"].append(row)
        return nip

    def team(self, code, name, lingkup, owner, penetap, memuat, ketua, anggota) -> str:
        self.org.tables["tim"].append(
            {
                "kode_tim": code,
                "nama_tim": name,
                "lingkup": lingkup,
                "unit_pemilik_kinerja": owner,
                "dasar_penetapan": "surat_perintah",
                "ditetapkan_oleh": penetap,
                "memuat": memuat,
            }
        )
        rows = self.org.tables["anggota_tim"]
        rows.append({"kode_tim": code, "nip": ketua, "peran": "ketua"})
        rows.extend({"kode_tim": code, "nip": nip, "peran": "anggota"} for nip in anggota)
        return code

    def assignment(self, code, nip, cara, lingkup, tujuan, penetap, memuat, approved="") -> str:
        self.org.tables["penugasan"].append(
            {
                "kode_penugasan": code,
                "nip": nip,
                "cara": cara,
                "lingkup": lingkup,
                "unit_tujuan": tujuan,
                "dasar_penetapan": "surat_perintah",
                "ditetapkan_oleh": penetap,
                "memuat": memuat,
                "disetujui_atasan": approved,
            }
        )
        return code


def generate(size: int, seed: int = 7, faults: bool = True) -> GeneratedOrg:
    """An organisation of exactly ``size`` pegawai (at least :data:`MIN_SIZE`)."""
    if size < MIN_SIZE:
        raise ValueError(f"at least {MIN_SIZE} pegawai")
    builder = _Builder(size, seed)
    madya = [_perangkat_daerah(builder, index) for index in range(builder.pds)]
    for index in range(0, builder.pds, 5):
        pd, ketua = madya[index]
        other = madya[(index + 1) % builder.pds][1]
        members = [other] if other != ketua else []
        builder.team(
            f"TIM-LPD-{index + 1:02d}",
            f"Tim Percepatan Layanan Terpadu {index + 1}",
            "lintas_pd",
            pd,
            "sekretaris_daerah",
            PERMOHONAN_ISI,
            ketua,
            members or [ketua_fallback(builder, pd)],
        )
    if faults:
        _seed_faults(builder)
    return builder.org


def ketua_fallback(builder: _Builder, pd: str) -> str:
    """Another pegawai of the PD (a one-PD city's cross-PD team needs some member)."""
    return next(
        row["nip"]
        for row in builder.org.tables["pegawai"]
        if row["jabatan"] == "pelaksana" and row["kode_unit"].startswith(pd)
    )


def _perangkat_daerah(b: _Builder, index: int) -> tuple[str, str]:
    """One PD with its units, people, teams and assignments; returns (kode, JF madya)."""
    name = DINAS[index % len(DINAS)] + ("" if index < len(DINAS) else f" {index // len(DINAS)}")
    pd = b.unit(f"PD{index + 1:02d}", f"Dinas {name}", "perangkat_daerah")
    kepala = b.person(pd, "jpt_pratama", "IV/c", pimpinan_unit=pd)
    madya = b.person(pd, "fungsional", "IV/a", kepala, jenjang="ahli_madya")
    bidang_heads = []
    for number in range(1, BIDANG_PER_PD + 1):
        bidang = b.unit(f"{pd}.B{number}", f"Bidang {number} {name}", "unit_organisasi", pd)
        head = b.person(bidang, "administrator", "IV/a", kepala, pimpinan_unit=bidang)
        bidang_heads.append((bidang, head))
        muda = [
            b.person(bidang, "fungsional", "III/c", head, jenjang="ahli_muda") for _ in range(2)
        ]
        pelaksana_bidang = []
        for sub_number in range(1, SUB_PER_BIDANG + 1):
            sub = b.unit(
                f"{bidang}.S{sub_number}",
                f"Sub Bidang {number}.{sub_number}",
                "unit_organisasi",
                bidang,
            )
            pengawas = b.person(sub, "pengawas", "III/d", head, pimpinan_unit=sub)
            b.person(sub, "fungsional", "III/a", pengawas, jenjang="ahli_pertama")
            b.person(sub, "fungsional", "II/c", pengawas, jenjang="terampil")
            slot = (index * BIDANG_PER_PD + number - 1) * SUB_PER_BIDANG + sub_number - 1
            staff = [
                b.person(sub, "pelaksana", b.random.choice(("II/a", "II/c", "III/a")), pengawas)
                for _ in range(b.pelaksana[slot])
            ]
            pelaksana_bidang += staff
            if staff:
                b.assignment(
                    f"PG-{sub}",
                    staff[0],
                    "penunjukan",
                    "unit",
                    sub,
                    "pejabat_penilai_kinerja",
                    SP_ISI,
                )
        ketua = muda[0]
        _set(b, ketua, hasil_penyetaraan="ya")
        b.team(
            f"TIM-{bidang}",
            f"Tim Kerja Bidang {number} {name}",
            "unit",
            bidang,
            "pejabat_penilai_kinerja",
            SP_ISI,
            ketua,
            [muda[1], *pelaksana_bidang[:4]],
        )
    _mandiri(b, pd, name, kepala)
    (owner, head), (_, other_head) = bidang_heads[0], bidang_heads[1]
    b.team(
        f"TIM-LU-{pd}",
        f"Tim Lintas Bidang {name}",
        "lintas_unit",
        owner,
        "kepala_perangkat_daerah",
        PERMOHONAN_ISI,
        head,
        [other_head],
    )
    b.assignment(
        f"PG-LU-{pd}",
        madya,
        "pengajuan_sukarela",
        "lintas_unit",
        owner,
        "kepala_perangkat_daerah",
        PERMOHONAN_ISI,
        "ya",
    )
    return pd, madya


def _mandiri(b: _Builder, pd: str, name: str, kepala: str) -> None:
    unit = b.unit(f"{pd}.UKM", f"Unit Kerja Mandiri {name}", "unit_kerja_mandiri", pd)
    lead = b.person(
        unit,
        "fungsional",
        "III/d",
        kepala,
        jenjang="ahli_muda",
        pimpinan_unit=unit,
        delegasi_penilai="ya",
    )
    for _ in range(2):
        b.person(unit, "fungsional", "III/a", lead, jenjang="ahli_pertama")
        b.person(unit, "pelaksana", "II/c", lead)


def _set(b: _Builder, nip: str, **values: str) -> None:
    for row in b.org.tables["pegawai"]:
        if row["nip"] == nip:
            row.update(values)
            return


def _seed_faults(b: _Builder) -> None:
    """Known faults, one per rule, spread over the first PD (rule ids of palu-28-2023)."""
    tables, faults = b.org.tables, b.org.faults
    pelaksana = [
        row
        for row in tables["pegawai"]
        if row["jabatan"] == "pelaksana" and ".S" in row["kode_unit"]
    ]
    admin = {row["pimpinan_unit"]: row["nip"] for row in tables["pegawai"] if row["pimpinan_unit"]}
    wrong_superior = pelaksana[1]
    wrong_superior["atasan_nip"] = admin[wrong_superior["kode_unit"].rsplit(".", 1)[0]]
    wrong_superior["penilai_kinerja_nip"] = wrong_superior["atasan_nip"]  # moved as a whole
    faults.append((wrong_superior["nip"], "pelaksana-kedudukan"))
    appraised, appraiser = pelaksana[2], pelaksana[3]
    appraised["penilai_kinerja_nip"] = appraiser["nip"]
    faults.append((appraiser["nip"], "penilai-min-pengawas"))  # the subject is the appraiser
    faults.append((appraised["nip"], "penilai-atasan-langsung"))  # not their superior either
    lonely = tables["tim"][0]["kode_tim"]
    tables["anggota_tim"] = [
        row for row in tables["anggota_tim"] if row["kode_tim"] != lonely or row["peran"] == "ketua"
    ]
    faults.append((lonely, "tim-ada-anggota"))
    led_by_pengawas = tables["tim"][1]["kode_tim"]
    pengawas = next(row["nip"] for row in tables["pegawai"] if row["jabatan"] == "pengawas")
    for row in tables["anggota_tim"]:
        if row["kode_tim"] == led_by_pengawas and row["peran"] == "ketua":
            row["nip"] = pengawas
    faults.append((led_by_pengawas, "ketua-jabatan"))
    cross = next(row for row in tables["tim"] if row["lingkup"] == "lintas_unit")
    cross["memuat"] = SP_ISI
    faults.append((cross["kode_tim"], "permohonan-muatan"))
    request = next(row for row in tables["penugasan"] if row["lingkup"] == "lintas_unit")
    request["ditetapkan_oleh"] = "pejabat_penilai_kinerja"
    faults.append((request["kode_penugasan"], "penugasan-penetapan"))


def csv_text(rows: list[dict[str, str]], columns: list[str]) -> str:
    """One table as CSV text (header first)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write_csv_folder(org: GeneratedOrg, folder: Path) -> Path:
    """Write ``unit.csv`` ... ``penugasan.csv`` into ``folder`` (created)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, columns in COLUMNS.items():
        (folder / f"{name}.csv").write_text(csv_text(org.tables[name], columns), encoding="utf-8")
    return folder


def to_zip(org: GeneratedOrg, folder_name: str = "organisasi") -> bytes:
    """The CSV folder as a zip (as the web upload form sends it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, columns in COLUMNS.items():
            archive.writestr(f"{folder_name}/{name}.csv", csv_text(org.tables[name], columns))
    return out.getvalue()


def to_xlsx(org: GeneratedOrg) -> bytes:
    """The tables as one workbook, one sheet per file, every cell as text."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for name, columns in COLUMNS.items():
        sheet = workbook.create_sheet(name)
        sheet.append(columns)
        for row in org.tables[name]:
            sheet.append([row.get(column, "") for column in columns])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit():
        print("usage: python bench/org_generator.py PEGAWAI FOLDER", file=sys.stderr)
        return 2
    org = generate(int(argv[0]))
    write_csv_folder(org, Path(argv[1]))
    print(f"{org.pegawai} pegawai, {len(org.tables['tim'])} tim -> {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
