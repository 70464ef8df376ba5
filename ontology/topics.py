"""The work-system topics, as data: the single source of the SKOS topic scheme.

Each topic becomes ``https://w3id.org/perwali-kg/topic/{id}`` in the concept scheme
``https://w3id.org/perwali-kg/topic/scheme``; ``broader`` gives its ``skos:broader``
parent (none for a top concept). ``alt_labels`` (@id) are synonyms, abbreviations and
the phrases by which the texts signal the topic, for the tagger.

>>> TOPIC_BY_ID["tim-lintas-perangkat-daerah"].broader
'tim-kerja'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Topic:
    """One topic of the scheme."""

    id: str
    label_id: str
    label_en: str
    alt_labels: tuple[str, ...] = ()
    broader: str | None = None


TOPICS: Final[tuple[Topic, ...]] = (
    Topic(
        "penyederhanaan-birokrasi",
        "penyederhanaan birokrasi",
        "bureaucracy simplification",
        ("penyederhanaan struktur organisasi", "reformasi birokrasi"),
    ),
    Topic("definisi", "definisi", "definitions", ("ketentuan umum", "yang dimaksud dengan")),
    Topic(
        "jabatan",
        "jabatan ASN",
        "civil-service positions",
        (
            "jabatan",
            "jenjang jabatan",
            "Jabatan Fungsional",
            "Jabatan Administrasi",
            "JPT",
            "Jabatan Pimpinan Tinggi",
        ),
    ),
    Topic(
        "penyetaraan-jabatan",
        "penyetaraan jabatan",
        "conversion of administrative into functional posts",
        ("hasil penyetaraan", "inpassing", "penyesuaian/inpassing"),
        "jabatan",
    ),
    Topic(
        "sistem-kerja",
        "sistem kerja",
        "work system",
        ("penyesuaian sistem kerja", "tata kerja"),
    ),
    Topic("mekanisme-kerja", "mekanisme kerja", "work mechanism", ("cara kerja",), "sistem-kerja"),
    Topic(
        "prinsip-mekanisme-kerja",
        "prinsip mekanisme kerja",
        "principles of the work mechanism",
        (
            "profesionalisme",
            "kompetensi",
            "kolaborasi",
            "bekerja secara individu",
            "dilaksanakan dengan prinsip",
        ),
        "mekanisme-kerja",
    ),
    Topic(
        "kedudukan",
        "kedudukan",
        "position in the organisation",
        ("berkedudukan", "berkedudukan di bawah", "kedudukan jabatan"),
        "mekanisme-kerja",
    ),
    Topic(
        "penugasan",
        "penugasan",
        "assignment",
        ("ditugaskan", "menugaskan", "pelibatan"),
        "mekanisme-kerja",
    ),
    Topic(
        "penugasan-individu",
        "penugasan individu",
        "individual assignment",
        ("secara individu", "penugasan secara individu"),
        "penugasan",
    ),
    Topic(
        "penunjukan",
        "penunjukan",
        "assignment by appointment",
        ("ditunjuk", "menunjuk"),
        "penugasan",
    ),
    Topic(
        "pengajuan-sukarela",
        "pengajuan sukarela",
        "assignment by voluntary application",
        ("permohonan aktif", "sukarela"),
        "penugasan",
    ),
    Topic(
        "surat-perintah",
        "surat perintah",
        "written order",
        ("Surat Perintah", "surat penugasan", "bukti penugasan", "surat permohonan pelibatan"),
        "penugasan",
    ),
    Topic(
        "tim-kerja",
        "tim kerja",
        "work team",
        ("tim", "ketua tim", "anggota tim", "susunan tim kerja"),
        "penugasan",
    ),
    Topic(
        "tim-lintas-unit",
        "tim kerja lintas unit organisasi",
        "cross-unit work team",
        (
            "lintas unit organisasi",
            "lintas Unit Organisasi",
            "antar unit organisasi",
            "lintas unit",
        ),
        "tim-kerja",
    ),
    Topic(
        "tim-lintas-perangkat-daerah",
        "tim kerja lintas Perangkat Daerah",
        "cross-agency work team",
        ("lintas Perangkat Daerah", "lintas PD", "antar Perangkat Daerah"),
        "tim-kerja",
    ),
    Topic(
        "tim-lintas-instansi",
        "tim kerja lintas instansi pemerintah",
        "cross-institution work team",
        ("lintas instansi", "lintas Instansi Pemerintah", "instansi lain"),
        "tim-kerja",
    ),
    Topic(
        "pelaksanaan-tugas",
        "pelaksanaan tugas",
        "task execution",
        ("melaksanakan tugas",),
        "mekanisme-kerja",
    ),
    Topic(
        "tanggung-jawab",
        "tanggung jawab",
        "responsibilities",
        ("bertanggung jawab", "pembagian tanggung jawab", "tanggung jawab ketua tim"),
        "pelaksanaan-tugas",
    ),
    Topic(
        "pertanggungjawaban",
        "pertanggungjawaban pelaksanaan tugas",
        "accountability and reporting",
        ("pelaporan", "melaporkan", "laporan", "pertanggungjawaban"),
        "mekanisme-kerja",
    ),
    Topic(
        "pengelolaan-kinerja",
        "pengelolaan kinerja",
        "performance management",
        ("kinerja", "penilaian kinerja", "SKP", "Sasaran Kinerja Pegawai", "pemilik kinerja"),
        "mekanisme-kerja",
    ),
    Topic(
        "teknologi-informasi",
        "pemanfaatan teknologi informasi dan komunikasi",
        "use of information and communication technology",
        ("teknologi informasi dan komunikasi", "TIK"),
        "mekanisme-kerja",
    ),
    Topic(
        "spbe",
        "Sistem Pemerintahan Berbasis Elektronik",
        "electronic-based government system",
        ("SPBE", "aplikasi SPBE", "aplikasi umum berbagi pakai", "aplikasi khusus"),
        "teknologi-informasi",
    ),
    Topic(
        "proses-bisnis",
        "proses bisnis",
        "business process",
        (
            "Proses Bisnis",
            "peta proses bisnis",
            "peta subproses",
            "peta relasi",
            "peta lintas fungsi",
            "standar operasional prosedur",
            "SOP",
        ),
        "sistem-kerja",
    ),
    Topic(
        "monitoring-evaluasi",
        "monitoring dan evaluasi",
        "monitoring and evaluation",
        ("monev", "pemantauan dan evaluasi", "evaluasi"),
    ),
    Topic(
        "ketentuan-penutup",
        "ketentuan penutup",
        "closing provisions",
        ("mulai berlaku", "pada tanggal diundangkan"),
    ),
)

TOPIC_BY_ID: Final[dict[str, Topic]] = {topic.id: topic for topic in TOPICS}

#: Ids issue 3 names; tests check they are all present.
REQUIRED_TOPIC_IDS: Final = (
    "kedudukan",
    "penugasan-individu",
    "tim-kerja",
    "tim-lintas-unit",
    "tim-lintas-perangkat-daerah",
    "tim-lintas-instansi",
    "penunjukan",
    "pengajuan-sukarela",
    "surat-perintah",
    "pelaksanaan-tugas",
    "pertanggungjawaban",
    "pengelolaan-kinerja",
    "spbe",
    "proses-bisnis",
    "monitoring-evaluasi",
    "definisi",
    "ketentuan-penutup",
)
