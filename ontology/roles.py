"""Roles a provision can address, as data: the single source of the role individuals.

Each role becomes ``https://w3id.org/perwali-kg/role/{id}`` (class ``pw:Role``) with
``skos:prefLabel``/``rdfs:label`` in Indonesian and English and one ``skos:altLabel`` @id
per surface variant found in the five texts. The rule-based extractor matches roles from
``label_id`` and ``alt_labels``, so every variant listed here is one it will find.

"PPK" is deliberately *not* an alternative label: it abbreviates both Pejabat Penilai
Kinerja and Pejabat Pembina Kepegawaian, and none of the five texts defines it, so a
match on it could not be resolved to one role.

>>> ROLE_BY_ID["ketua-tim"].label_en
'team leader'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Role:
    """A role addressed by the regulations: a post holder, a body, or a team function."""

    id: str
    label_id: str
    label_en: str
    note: str  # English scope note
    alt_labels: tuple[str, ...] = ()
    level: str | None = None  # id in ontology.levels.LEVELS, when the role is one level
    jabatan: str | None = None  # local name of the class of posts whose holders play it
    broader: str | None = None  # id of a more general role
    #: Words naming the function (urusan) that singles this body out of its broader one:
    #: "<broader> yang menangani urusan <function> …" is this role (see extract.roles).
    functions: tuple[str, ...] = ()


#: Every role, grouped: civil-service posts, heads and officials, bodies, team functions.
ROLES: Final[tuple[Role, ...]] = (
    # --- holders of civil-service posts -------------------------------------------------
    Role(
        "pegawai-asn",
        "Pegawai ASN",
        "civil servant",
        "A civil servant (PNS or PPPK) of a government institution.",
        ("Pegawai Aparatur Sipil Negara", "pegawai ASN", "ASN", "Aparatur Sipil Negara"),
        jabatan="JabatanASN",
    ),
    Role(
        "pegawai-negeri-sipil",
        "Pegawai Negeri Sipil",
        "permanent civil servant",
        "A permanent civil servant.",
        ("PNS", "pegawai negeri sipil"),
        broader="pegawai-asn",
    ),
    Role(
        "pppk",
        "Pegawai Pemerintah dengan Perjanjian Kerja",
        "contract government employee",
        "A government employee on a work contract.",
        (
            "PPPK",
            "pegawai pemerintah dengan perjanjian kerja",
            "Pegawai Pemerintahan dengan Perjanjian Kerja",  # Palu Pasal 2 huruf b
        ),
        broader="pegawai-asn",
    ),
    Role(
        "pejabat-pimpinan-tinggi",
        "Pejabat Pimpinan Tinggi",
        "senior executive official",
        "The holder of a Jabatan Pimpinan Tinggi (JPT) post, at any level.",
        ("Jabatan Pimpinan Tinggi", "pejabat pimpinan tinggi", "JPT"),
        jabatan="JabatanPimpinanTinggi",
        broader="pegawai-asn",
    ),
    Role(
        "pejabat-pimpinan-tinggi-madya",
        "Pejabat Pimpinan Tinggi Madya",
        "senior executive official (madya)",
        "The holder of a JPT Madya post.",
        ("Jabatan Pimpinan Tinggi Madya", "pejabat pimpinan tinggi madya", "JPT Madya"),
        level="pimpinan-tinggi-madya",
        jabatan="JabatanPimpinanTinggiMadya",
        broader="pejabat-pimpinan-tinggi",
    ),
    Role(
        "pejabat-pimpinan-tinggi-pratama",
        "Pejabat Pimpinan Tinggi Pratama",
        "senior executive official (pratama)",
        "The holder of a JPT Pratama post; in a city typically a head of a Perangkat Daerah.",
        (
            "Jabatan Pimpinan Tinggi Pratama",
            "pejabat pimpinan tinggi pratama",
            "Jabatan Tinggi Pratama",
            "JPT Pratama",
        ),
        level="pimpinan-tinggi-pratama",
        jabatan="JabatanPimpinanTinggiPratama",
        broader="pejabat-pimpinan-tinggi",
    ),
    Role(
        "pejabat-administrasi",
        "Pejabat Administrasi",
        "administrative official",
        "The holder of a Jabatan Administrasi post (Administrator, Pengawas or Pelaksana).",
        ("Jabatan Administrasi", "pejabat administrasi"),
        jabatan="JabatanAdministrasi",
        broader="pegawai-asn",
    ),
    Role(
        "pejabat-administrator",
        "Pejabat Administrator",
        "administrator",
        "The holder of a Jabatan Administrator post.",
        (
            "pejabat administrator",
            "Pejabat administrator",
            "Jabatan Administrator",
            "Pejabat dalam Jabatan Administrator",
        ),
        level="administrator",
        jabatan="JabatanAdministrator",
        broader="pejabat-administrasi",
    ),
    Role(
        "pejabat-pengawas",
        "Pejabat Pengawas",
        "supervisor",
        "The holder of a Jabatan Pengawas post.",
        (
            "pejabat pengawas",
            "Pejabat pengawas",
            "Jabatan Pengawas",
            "Pejabat dalam Jabatan Pengawas",
        ),
        level="pengawas",
        jabatan="JabatanPengawas",
        broader="pejabat-administrasi",
    ),
    Role(
        "pelaksana",
        "Pelaksana",
        "executor (administrative staff)",
        "The holder of a Jabatan Pelaksana post, the lowest administrative level.",
        (
            "Pejabat Pelaksana",
            "pejabat pelaksana",
            "pelaksana",
            "Jabatan Pelaksana",
            "jabatan Pelaksana",
            "Pejabat dalam Jabatan Pelaksana",
        ),
        level="pelaksana",
        jabatan="JabatanPelaksana",
        broader="pejabat-administrasi",
    ),
    Role(
        "pejabat-fungsional",
        "Pejabat Fungsional",
        "functional official",
        "The holder of a Jabatan Fungsional (JF) post, expert or skilled, at any level.",
        (
            "pejabat fungsional",
            "Jabatan Fungsional",
            "JF",
            "Pejabat JF",
            "Pejabat Fungsional lainnya",
        ),
        jabatan="JabatanFungsional",
        broader="pegawai-asn",
    ),
    Role(
        "pejabat-fungsional-hasil-penyetaraan",
        "Pejabat Fungsional Hasil Penyetaraan Jabatan",
        "functional official from post conversion",
        "A functional official whose JF post came from converting an administrative post.",
        ("Pejabat Fungsional hasil penyetaraan jabatan", "JF hasil penyetaraan"),
        jabatan="JabatanFungsional",
        broader="pejabat-fungsional",
    ),
    *(
        Role(
            f"pejabat-fungsional-ahli-{grade}",
            f"Pejabat Fungsional Ahli {grade.capitalize()}",
            f"functional official, expert ({grade})",
            f"The holder of a JF keahlian post at level ahli {grade}.",
            (
                f"Pejabat Fungsional ahli {grade}",
                f"Jabatan Fungsional ahli {grade}",
                f"Jabatan Fungsional Ahli {grade.capitalize()}",
                f"JF Ahli {grade.capitalize()}",
            ),
            level=f"ahli-{grade}",
            jabatan="JabatanFungsionalKeahlian",
            broader="pejabat-fungsional",
        )
        for grade in ("utama", "madya", "muda", "pertama")
    ),
    Role(
        "pejabat-fungsional-keterampilan",
        "Pejabat Fungsional Keterampilan",
        "functional official, skilled",
        "The holder of a JF keterampilan post (penyelia, mahir, terampil or pemula).",
        ("Jabatan Fungsional keterampilan", "Pejabat Fungsional keterampilan"),
        jabatan="JabatanFungsionalKeterampilan",
        broader="pejabat-fungsional",
    ),
    # --- heads, superiors and authorities ----------------------------------------------
    Role(
        "kepala-daerah",
        "Kepala Daerah",
        "regional head",
        "The head of a region: the Wali Kota of a city or the Bupati of a regency.",
        ("kepala Daerah", "kepala daerah"),
    ),
    Role(
        "wali-kota",
        "Wali Kota",
        "mayor",
        "The head of a city (Kota), also as Pj. (acting) Wali Kota.",
        ("Walikota", "wali kota", "Pj. Wali Kota", "Penjabat Wali Kota"),
        broader="kepala-daerah",
    ),
    Role(
        "bupati",
        "Bupati",
        "regent",
        "The head of a regency (Kabupaten), also as Pj. (acting) Bupati.",
        ("bupati", "Pj. Bupati", "Penjabat Bupati"),
        broader="kepala-daerah",
    ),
    Role(
        "sekretaris-daerah",
        "Sekretaris Daerah",
        "regional secretary",
        "The head of the Sekretariat Daerah, the highest civil servant of the region.",
        ("Sekda", "sekretaris daerah"),
    ),
    Role(
        "asisten-sekretaris-daerah",
        "Asisten Sekretaris Daerah",
        "assistant to the regional secretary",
        "One of the assistants of the Sekretaris Daerah (Tebing Tinggi defines them).",
        ("Asisten",),
    ),
    Role(
        "pejabat-pembina-kepegawaian",
        "Pejabat Pembina Kepegawaian",
        "civil-service appointing authority",
        "The official who appoints, transfers and dismisses civil servants. Not 'PPK', "
        "which is ambiguous with Pejabat Penilai Kinerja.",
        ("pejabat pembina kepegawaian",),
    ),
    Role(
        "pejabat-yang-berwenang",
        "Pejabat yang Berwenang",
        "authorised official",
        "The official holding the authority a procedure requires (e.g. approving a "
        "cross-institution assignment).",
        ("pejabat yang berwenang", "Pejabat yang berwenang"),
    ),
    Role(
        "kepala-perangkat-daerah",
        "Kepala Perangkat Daerah",
        "head of a regional agency",
        "The head of a Perangkat Daerah; the texts also say Pimpinan Perangkat Daerah.",
        (
            "Pimpinan Perangkat Daerah",
            "kepala Perangkat Daerah",
            "pimpinan Perangkat Daerah",
            "Kepala PD",
            "Pimpinan PD",
        ),
    ),
    Role(
        "pimpinan-unit-organisasi",
        "Pimpinan Unit Organisasi",
        "head of an organisational unit",
        "A JPT Pratama, Administrator, Pengawas, or a JF appointed to lead a unit kerja "
        "mandiri, heading a Unit Organisasi.",
        (
            "pimpinan unit organisasi",
            "Pimpinan unit organisasi",
            "pimpinan Unit Organisasi",
            "Pimpinan Unit Organisasi pemilik kinerja",
        ),
    ),
    Role(
        "kepala-unit-organisasi",
        "Kepala Unit Organisasi",
        "head of an organisational unit (Secretariat)",
        "Semarang's wording for the head of a unit of the Sekretariat Daerah.",
        ("kepala Unit Organisasi", "kepala unit organisasi"),
        broader="pimpinan-unit-organisasi",
    ),
    Role(
        "pimpinan-instansi-pemerintah",
        "Pimpinan Instansi Pemerintah",
        "head of a government institution",
        "The head of a government institution, e.g. of the institution performing a function.",
        ("pimpinan Instansi Pemerintah", "pimpinan instansi pemerintah"),
    ),
    Role(
        "atasan-langsung",
        "atasan langsung",
        "direct superior",
        "The official an employee reports to directly; usually also the Pejabat Penilai Kinerja.",
        ("Atasan Langsung", "atasan langsungnya"),
    ),
    Role(
        "pejabat-penilai-kinerja",
        "Pejabat Penilai Kinerja",
        "performance appraiser",
        "The direct superior who appraises performance, at least a Pengawas unless authority "
        "is delegated. Not 'PPK', which is ambiguous with Pejabat Pembina Kepegawaian.",
        (
            "pejabat penilai kinerja",
            "Pejabat penilai kinerja",
            "Pejabat Penilai Kinerja/atasan langsung",
            "atasan langsung/Pejabat Penilai Kinerja",
            "Pejabat Penilai Kerja",  # sic, Palu Pasal 26 ayat (2)
        ),
    ),
    # --- bodies ----------------------------------------------------------------------------
    Role(
        "pemerintah-daerah",
        "Pemerintah Daerah",
        "regional government",
        "The city or regency government, led by the Wali Kota or Bupati.",
        ("pemerintah daerah", "Pemda"),
    ),
    Role(
        "instansi-pemerintah",
        "Instansi Pemerintah",
        "government institution",
        "A central or regional government institution.",
        ("instansi pemerintah", "Instansi pemerintah"),
    ),
    Role(
        "perangkat-daerah",
        "Perangkat Daerah",
        "regional agency",
        "A regional government agency (Dinas, Badan, Sekretariat, Kecamatan, ...).",
        ("PD", "perangkat daerah"),
    ),
    Role(
        "unit-organisasi",
        "Unit Organisasi",
        "organisational unit",
        "A part of the organisational structure, as the addressee of a provision.",
        ("unit organisasi", "Unit organisasi"),
    ),
    # --- bodies singled out by their function ("yang menangani urusan …") -----------------
    Role(
        "perangkat-daerah-kepegawaian",
        "Perangkat Daerah urusan kepegawaian",
        "regional civil-service agency",
        "The Perangkat Daerah handling civil-service (kepegawaian) affairs, usually the Badan "
        "Kepegawaian (dan Pengembangan Sumber Daya Manusia) Daerah.",
        ("Badan Kepegawaian Daerah", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"),
        broader="perangkat-daerah",
        functions=("kepegawaian",),
    ),
    Role(
        "inspektorat-daerah",
        "Inspektorat Daerah",
        "regional inspectorate",
        "The Perangkat Daerah handling internal supervision (pengawasan internal), the "
        "regional government's internal auditor.",
        ("Inspektorat", "inspektorat daerah"),
        broader="perangkat-daerah",
        functions=("pengawasan internal", "pengawasan intern"),
    ),
    Role(
        "unit-organisasi-kelembagaan",
        "Unit Organisasi urusan kelembagaan dan tata laksana",
        "organisation and governance unit",
        "The unit (usually the Bagian Organisasi of the Sekretariat Daerah) handling the "
        "institutional structure and governance (kelembagaan, tata laksana) of the agencies.",
        (),
        broader="unit-organisasi",
        functions=("kelembagaan", "tata laksana", "ketatalaksanaan"),
    ),
    Role(
        "tim-koordinasi-spbe",
        "tim koordinasi SPBE",
        "e-government coordination team",
        "The team coordinating the integrated use of ICT (SPBE) across the government.",
        (
            "Tim Koordinasi SPBE",
            "tim koordinasi SPBE Pemerintah Daerah",
            "tim koordinasi SPBE Daerah",
            "tim koordinasi SPBE Instansi Pemerintah",
            "tim koordinasi Sistem Pemerintahan Berbasis Elektronik",
        ),
    ),
    # --- team functions ----------------------------------------------------------------
    Role(
        "tim-kerja",
        "tim kerja",
        "work team",
        "A work team as a whole, as the addressee of a provision.",
        ("Tim kerja", "Tim Kerja"),
    ),
    Role(
        "ketua-tim",
        "ketua tim",
        "team leader",
        "A JF or Pelaksana appointed to lead a work team.",
        ("Ketua Tim", "Ketua tim", "ketua tim kerja", "Ketua Tim Kerja", "Ketua tim kerja"),
    ),
    Role(
        "anggota-tim",
        "anggota tim",
        "team member",
        "A member of a work team.",
        ("Anggota Tim", "anggota tim kerja", "Anggota Tim Kerja"),
    ),
)

ROLE_BY_ID: Final[dict[str, Role]] = {role.id: role for role in ROLES}

#: Ids every part of the project relies on (issue 3); tests check they are all present.
REQUIRED_ROLE_IDS: Final = (
    "pejabat-fungsional",
    "pelaksana",
    "pejabat-administrator",
    "pejabat-pengawas",
    "pejabat-pimpinan-tinggi-pratama",
    "pejabat-penilai-kinerja",
    "pimpinan-unit-organisasi",
    "ketua-tim",
    "anggota-tim",
    "sekretaris-daerah",
    "wali-kota",
    "kepala-perangkat-daerah",
    "pejabat-pembina-kepegawaian",
    "perangkat-daerah",
    "tim-koordinasi-spbe",
)
