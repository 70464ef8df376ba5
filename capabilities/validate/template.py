"""The XLSX template HR staff fill in: one sheet per file, example rows, drop-downs, a guide.

:func:`template_xlsx` writes a workbook with the sheet ``Petunjuk`` (every column and
every value explained, Indonesian with English beside it) and the sheets ``unit``,
``pegawai``, ``tim``, ``anggota_tim``, ``penugasan`` (the columns of
:data:`~capabilities.validate.input_csv.TABLES`, example rows of a small Dinas, drop-down
lists for the enumerated values, NIP and code columns formatted as Text so Excel keeps
every digit). Read back by :mod:`capabilities.validate.xlsx_input`, it has no input error.
"""

from __future__ import annotations

import io
from typing import Final

from capabilities.validate.input_csv import TABLES

GUIDE_SHEET: Final = "Petunjuk"
#: Rows of each data sheet that carry the drop-downs and the Text format.
FILLED_ROWS: Final = 5_000
#: Columns typed as Text (identifiers: an NIP has 18 digits, Excel keeps only 15 of a number).
TEXT_COLUMNS: Final = frozenset(
    {
        "nip",
        "atasan_nip",
        "penilai_kinerja_nip",
        "kode_unit",
        "induk",
        "pimpinan_unit",
        "kode_tim",
        "unit_pemilik_kinerja",
        "kode_penugasan",
        "unit_tujuan",
        "golongan",
    }
)

#: column -> (Indonesian, English); ``table.column`` overrides a shared column name.
COLUMN_DOCS: Final[dict[str, tuple[str, str]]] = {
    "kode_unit": (
        "Kode unik unit (bebas, mis. DISKOMINFO atau 1.2); kolom lain merujuk unit dengannya.",
        "Unique code of the unit (free form, e.g. DISKOMINFO or 1.2.3); other columns refer to it.",
    ),
    "nama_unit": ("Nama unit organisasi.", "Name of the unit."),
    "jenis": ("Jenis unit.", "Kind of unit."),
    "induk": (
        "kode_unit unit di atasnya; kosong untuk Perangkat Daerah.",
        "kode_unit of the unit above; empty for a Perangkat Daerah.",
    ),
    "nip": (
        "NIP 18 digit, ditulis sebagai teks.",
        "18-digit NIP (civil servant number), written as text.",
    ),
    "nama": ("Nama pegawai.", "Name of the person."),
    "pegawai.kode_unit": (
        "kode_unit tempat pegawai berkedudukan.",
        "kode_unit of the unit the person belongs to.",
    ),
    "jabatan": ("Jenis jabatan.", "Kind of post."),
    "jenjang": (
        "Jenjang Jabatan Fungsional; diisi hanya bila jabatan = fungsional.",
        "Level of the Jabatan Fungsional; only when jabatan = fungsional.",
    ),
    "golongan": (
        "Golongan/ruang, mis. III/a (I/a sampai IV/e).",
        "Civil service grade, e.g. III/a (I/a to IV/e).",
    ),
    "atasan_nip": ("NIP atasan langsung.", "NIP of the direct superior."),
    "penilai_kinerja_nip": (
        "NIP Pejabat Penilai Kinerja pegawai ini.",
        "NIP of this person's performance appraiser (Pejabat Penilai Kinerja).",
    ),
    "pimpinan_unit": (
        "kode_unit yang dipimpin pegawai ini, bila ada.",
        "kode_unit this person leads, if any.",
    ),
    "hasil_penyetaraan": (
        "Apakah jabatan fungsionalnya hasil penyetaraan jabatan (ya/tidak).",
        "Whether the functional post came from the equalisation of posts (ya/tidak).",
    ),
    "delegasi_penilai": (
        "Apakah pegawai ini diberi pendelegasian kewenangan sebagai Pejabat Penilai Kinerja.",
        "Whether this person was delegated the authority of a performance appraiser.",
    ),
    "kode_tim": ("Kode unik tim kerja.", "Unique code of the work team."),
    "nama_tim": ("Nama tim kerja.", "Name of the work team."),
    "lingkup": ("Lingkup tim atau penugasan.", "Scope of the team or assignment."),
    "unit_pemilik_kinerja": (
        "kode_unit pemilik kinerja (unit yang targetnya dikerjakan tim).",
        "kode_unit that owns the performance target the team works on.",
    ),
    "dasar_penetapan": ("Dengan apa ditetapkan.", "The instrument that set it up."),
    "ditetapkan_oleh": ("Pejabat yang menetapkan.", "The official who set it up."),
    "memuat": (
        "Isi surat perintah/permohonan, dipisah titik koma, "
        "mis. maksud_tujuan;target_kinerja;durasi.",
        "What the surat perintah / request states, separated by semicolons, "
        "e.g. maksud_tujuan;target_kinerja;durasi.",
    ),
    "anggota_tim.kode_tim": ("kode_tim tim kerja.", "kode_tim of the team."),
    "anggota_tim.nip": ("NIP anggota atau ketua tim.", "NIP of the member or leader."),
    "peran": ("Peran dalam tim.", "Role in the team."),
    "kode_penugasan": ("Kode unik penugasan individu.", "Unique code of the assignment."),
    "penugasan.nip": ("NIP pegawai yang ditugaskan.", "NIP of the person assigned."),
    "cara": ("Cara penugasan.", "How the assignment came about."),
    "unit_tujuan": (
        "kode_unit tempat pegawai ditugaskan.",
        "kode_unit the person is assigned to.",
    ),
    "disetujui_atasan": (
        "Apakah atasan langsung/Pejabat Penilai Kinerja menyetujui (ya/tidak).",
        "Whether the direct superior / appraiser approved (ya/tidak).",
    ),
}
#: allowed value -> (Indonesian, English)
VALUE_DOCS: Final[dict[str, tuple[str, str]]] = {
    "perangkat_daerah": ("Perangkat Daerah (dinas, badan, sekretariat).", "A city agency."),
    "unit_organisasi": (
        "Unit organisasi di bawah Perangkat Daerah (bidang, bagian, seksi ...).",
        "A unit within an agency (division, section ...).",
    ),
    "unit_kerja_mandiri": (
        "Unit kerja mandiri yang dipimpin Pejabat Fungsional.",
        "An independent work unit led by a Pejabat Fungsional.",
    ),
    "jpt_pratama": ("Jabatan Pimpinan Tinggi Pratama.", "Senior executive post (JPT Pratama)."),
    "administrator": ("Jabatan Administrator.", "Administrator post."),
    "pengawas": ("Jabatan Pengawas.", "Supervisor post (Pengawas)."),
    "pelaksana": ("Jabatan Pelaksana.", "Executor post (Pelaksana)."),
    "fungsional": ("Jabatan Fungsional (isi jenjang).", "Functional post (fill in jenjang)."),
    "ahli_utama": ("JF keahlian jenjang Ahli Utama.", "Expert JF, principal level."),
    "ahli_madya": ("JF keahlian jenjang Ahli Madya.", "Expert JF, senior level."),
    "ahli_muda": ("JF keahlian jenjang Ahli Muda.", "Expert JF, junior level."),
    "ahli_pertama": ("JF keahlian jenjang Ahli Pertama.", "Expert JF, entry level."),
    "penyelia": ("JF keterampilan jenjang Penyelia.", "Skilled JF, supervisor level."),
    "mahir": ("JF keterampilan jenjang Mahir.", "Skilled JF, advanced level."),
    "terampil": ("JF keterampilan jenjang Terampil.", "Skilled JF, skilled level."),
    "pemula": ("JF keterampilan jenjang Pemula.", "Skilled JF, beginner level."),
    "ya": ("Ya.", "Yes."),
    "tidak": ("Tidak (juga bila dikosongkan).", "No (also when left empty)."),
    "unit": ("Dalam satu unit organisasi.", "Within one unit."),
    "lintas_unit": (
        "Lintas unit organisasi dalam satu Perangkat Daerah.",
        "Across units within one agency.",
    ),
    "lintas_pd": ("Lintas Perangkat Daerah.", "Across agencies (Perangkat Daerah)."),
    "lintas_instansi": ("Lintas Instansi Pemerintah.", "Across government institutions."),
    "surat_perintah": ("Surat Perintah.", "A written order (Surat Perintah)."),
    "keputusan": ("Surat Keputusan.", "A decree (Keputusan)."),
    "wali_kota": ("Wali Kota.", "The Mayor."),
    "sekretaris_daerah": ("Sekretaris Daerah.", "The City Secretary."),
    "kepala_perangkat_daerah": ("Kepala Perangkat Daerah.", "Head of the agency."),
    "pimpinan_unit": ("Pimpinan Unit Organisasi.", "Head of the unit."),
    "pejabat_penilai_kinerja": ("Pejabat Penilai Kinerja.", "The performance appraiser."),
    "maksud_tujuan": ("Maksud dan tujuan penugasan.", "Purpose of the assignment."),
    "kompetensi": (
        "Kompetensi, keahlian dan/atau keterampilan yang dibutuhkan.",
        "Competence, expertise and/or skills needed.",
    ),
    "target_kinerja": ("Ekspektasi/target kinerja.", "Expected performance target."),
    "durasi": ("Durasi pelibatan.", "Duration of the assignment."),
    "pengaturan_lain": ("Pengaturan penugasan lainnya.", "Other arrangements."),
    "ketua": ("Ketua tim (tepat satu per tim).", "Team leader (exactly one per team)."),
    "anggota": ("Anggota tim.", "Team member."),
    "penunjukan": ("Ditunjuk oleh pejabat.", "Appointed by an official."),
    "pengajuan_sukarela": (
        "Pegawai mengajukan diri secara sukarela.",
        "The person volunteered (application).",
    ),
}

_SP = "maksud_tujuan;target_kinerja;durasi"
_REQUEST = "maksud_tujuan;kompetensi;target_kinerja;durasi"
#: Example rows: a small Dinas after bureaucracy simplification.
EXAMPLES: Final[dict[str, list[dict[str, str]]]] = {
    "unit": [
        {
            "kode_unit": "DKI",
            "nama_unit": "Dinas Komunikasi dan Informatika",
            "jenis": "perangkat_daerah",
        },
        {
            "kode_unit": "DKI.APL",
            "nama_unit": "Bidang Aplikasi Informatika",
            "jenis": "unit_organisasi",
            "induk": "DKI",
        },
        {
            "kode_unit": "DKI.APL.1",
            "nama_unit": "Seksi Pengembangan Aplikasi",
            "jenis": "unit_organisasi",
            "induk": "DKI.APL",
        },
        {
            "kode_unit": "DKI.STAT",
            "nama_unit": "Bidang Statistik",
            "jenis": "unit_organisasi",
            "induk": "DKI",
        },
        {
            "kode_unit": "DKI.UPT",
            "nama_unit": "UPT Pusat Data",
            "jenis": "unit_kerja_mandiri",
            "induk": "DKI",
        },
    ],
    "pegawai": [
        {
            "nip": "197203151998031004",
            "nama": "Ir. Hendra Saputra",
            "kode_unit": "DKI",
            "jabatan": "jpt_pratama",
            "golongan": "IV/c",
            "pimpinan_unit": "DKI",
        },
        {
            "nip": "197811022005012003",
            "nama": "Dewi Lestari, S.Kom.",
            "kode_unit": "DKI.APL",
            "jabatan": "administrator",
            "golongan": "IV/a",
            "atasan_nip": "197203151998031004",
            "penilai_kinerja_nip": "197203151998031004",
            "pimpinan_unit": "DKI.APL",
        },
        {
            "nip": "198506182010011002",
            "nama": "Rahmat Hidayat, S.T.",
            "kode_unit": "DKI.APL.1",
            "jabatan": "pengawas",
            "golongan": "III/d",
            "atasan_nip": "197811022005012003",
            "penilai_kinerja_nip": "197811022005012003",
            "pimpinan_unit": "DKI.APL.1",
        },
        {
            "nip": "198901052014022001",
            "nama": "Putri Ayu, S.Kom.",
            "kode_unit": "DKI.APL",
            "jabatan": "fungsional",
            "jenjang": "ahli_muda",
            "golongan": "III/c",
            "atasan_nip": "197811022005012003",
            "penilai_kinerja_nip": "197811022005012003",
            "hasil_penyetaraan": "ya",
        },
        {
            "nip": "199304212019031005",
            "nama": "Fajar Pratama",
            "kode_unit": "DKI.APL.1",
            "jabatan": "pelaksana",
            "golongan": "II/c",
            "atasan_nip": "198506182010011002",
            "penilai_kinerja_nip": "198506182010011002",
        },
        {
            "nip": "198002142006041001",
            "nama": "Yusuf Lubis, S.Si.",
            "kode_unit": "DKI.STAT",
            "jabatan": "administrator",
            "golongan": "IV/a",
            "atasan_nip": "197203151998031004",
            "penilai_kinerja_nip": "197203151998031004",
            "pimpinan_unit": "DKI.STAT",
        },
        {
            "nip": "198707302011012002",
            "nama": "Sari Wibowo, M.Kom.",
            "kode_unit": "DKI.UPT",
            "jabatan": "fungsional",
            "jenjang": "ahli_madya",
            "golongan": "IV/a",
            "atasan_nip": "197203151998031004",
            "penilai_kinerja_nip": "197203151998031004",
            "pimpinan_unit": "DKI.UPT",
            "delegasi_penilai": "ya",
        },
        {
            "nip": "199512102020121003",
            "nama": "Taufik Rahman",
            "kode_unit": "DKI.UPT",
            "jabatan": "fungsional",
            "jenjang": "terampil",
            "golongan": "II/c",
            "atasan_nip": "198707302011012002",
            "penilai_kinerja_nip": "198707302011012002",
        },
    ],
    "tim": [
        {
            "kode_tim": "TIM-APL-01",
            "nama_tim": "Tim Pengembangan Aplikasi Layanan",
            "lingkup": "unit",
            "unit_pemilik_kinerja": "DKI.APL",
            "dasar_penetapan": "surat_perintah",
            "ditetapkan_oleh": "pejabat_penilai_kinerja",
            "memuat": _SP,
        },
        {
            "kode_tim": "TIM-SATU-DATA",
            "nama_tim": "Tim Satu Data",
            "lingkup": "lintas_unit",
            "unit_pemilik_kinerja": "DKI.STAT",
            "dasar_penetapan": "surat_perintah",
            "ditetapkan_oleh": "kepala_perangkat_daerah",
            "memuat": _REQUEST,
        },
    ],
    "anggota_tim": [
        {"kode_tim": "TIM-APL-01", "nip": "198901052014022001", "peran": "ketua"},
        {"kode_tim": "TIM-APL-01", "nip": "199304212019031005", "peran": "anggota"},
        {"kode_tim": "TIM-SATU-DATA", "nip": "198002142006041001", "peran": "ketua"},
        {"kode_tim": "TIM-SATU-DATA", "nip": "198901052014022001", "peran": "anggota"},
    ],
    "penugasan": [
        {
            "kode_penugasan": "PG-001",
            "nip": "199304212019031005",
            "cara": "penunjukan",
            "lingkup": "unit",
            "unit_tujuan": "DKI.APL.1",
            "dasar_penetapan": "surat_perintah",
            "ditetapkan_oleh": "pejabat_penilai_kinerja",
            "memuat": _SP,
        },
        {
            "kode_penugasan": "PG-002",
            "nip": "199512102020121003",
            "cara": "pengajuan_sukarela",
            "lingkup": "lintas_unit",
            "unit_tujuan": "DKI.STAT",
            "dasar_penetapan": "surat_perintah",
            "ditetapkan_oleh": "kepala_perangkat_daerah",
            "memuat": _REQUEST,
            "disetujui_atasan": "ya",
        },
    ],
}
_INTRO: Final = (
    (
        "Isi satu lembar per berkas templat. Baris 1 adalah judul kolom: jangan diubah. "
        "Hapus baris contoh lalu isi data Anda; baris kosong diabaikan.",
        "Fill in one sheet per file of the template. Row 1 holds the column names: do not "
        "change them. Delete the example rows and enter your data; empty rows are ignored.",
    ),
    (
        "Kolom NIP dan kode berformat Teks agar 18 digit NIP tidak berubah; jangan ubah "
        "formatnya menjadi Angka.",
        "NIP and code columns are formatted as Text so that the 18 digits of an NIP are "
        "kept; do not change them to Number.",
    ),
    (
        "Lembar tim, anggota_tim dan penugasan boleh kosong. Kolom wajib: lihat kolom Wajib.",
        "The tim, anggota_tim and penugasan sheets may stay empty. Required columns: see "
        "the Wajib (required) column.",
    ),
)


def column_doc(table: str, column: str) -> tuple[str, str]:
    """The explanation of a column (table-specific if there is one)."""
    return COLUMN_DOCS.get(f"{table}.{column}") or COLUMN_DOCS[column]


def template_xlsx() -> bytes:
    """The template workbook as bytes."""
    from openpyxl import Workbook

    workbook = Workbook()
    _guide(workbook.active)
    for name, table in TABLES.items():
        _data_sheet(workbook.create_sheet(name), name, table)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _guide(sheet) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.title = GUIDE_SHEET
    sheet.append(["Petunjuk pengisian templat struktur organisasi", "Instructions"])
    sheet["A1"].font = Font(bold=True, size=14)
    for indonesian, english in _INTRO:
        sheet.append([indonesian, english])
    sheet.append([])
    header = ["Lembar", "Kolom", "Wajib", "Nilai", "Penjelasan", "Explanation"]
    header_row = sheet.max_row + 1
    sheet.append(header)
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for name, table in TABLES.items():
        for column in table.columns:
            required = "ya" if column in table.required else "tidak"
            sheet.append([name, column, required, "", *column_doc(name, column)])
            sheet.cell(sheet.max_row, 2).font = Font(bold=True)
            for value in table.values.get(column, ()):
                sheet.append([name, column, "", value, *VALUE_DOCS[value]])
    for letter, width in zip("ABCDEF", (14, 22, 8, 26, 70, 70), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2, max_row=header_row - 2, max_col=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.auto_filter.ref = f"A{header_row}:F{sheet.max_row}"


def _data_sheet(sheet, name: str, table) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet.append(list(table.columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for example in EXAMPLES[name]:
        sheet.append([example.get(column, "") or None for column in table.columns])
    last = FILLED_ROWS + 1
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(14, len(column) + 4)
        if column in TEXT_COLUMNS:
            sheet.column_dimensions[letter].number_format = "@"
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = "@"
        sheet.add_data_validation(_validation(name, table, column, f"{letter}2:{letter}{last}"))
    sheet.freeze_panes = "A2"


def _validation(name: str, table, column: str, cells: str):
    """A drop-down for an enumerated column, else just the column's explanation as a prompt."""
    from openpyxl.worksheet.datavalidation import DataValidation

    doc = column_doc(name, column)[0]
    allowed = table.values.get(column)
    if allowed and column not in table.multi:
        rule = DataValidation(type="list", formula1=f'"{",".join(allowed)}"', allow_blank=True)
        rule.showErrorMessage = True
        rule.errorTitle = "Nilai tidak sah"
        rule.error = f"Pilih salah satu: {', '.join(allowed)}"[:255]
    else:
        rule = DataValidation(allow_blank=True)
        if allowed:
            doc = f"{doc} Nilai: {', '.join(allowed)}"
    rule.showInputMessage = True
    rule.promptTitle = column[:32]
    rule.prompt = doc[:255]
    rule.add(cells)
    return rule


__all__ = ["COLUMN_DOCS", "EXAMPLES", "VALUE_DOCS", "column_doc", "template_xlsx"]
