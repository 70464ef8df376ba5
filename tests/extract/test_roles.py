"""Role mentions: variants, longest match, over-matching guards (table-driven)."""

from __future__ import annotations

import pytest

from extract.nlp import get_nlp, role_patterns
from extract.roles import find_roles


def roles_in(text: str) -> list[tuple[str, str]]:
    return [(ent.text, ent.ent_id_) for ent in get_nlp()(text).ents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pejabat Fungsional dan Pelaksana",
            [("Pejabat Fungsional", "pejabat-fungsional"), ("Pelaksana", "pelaksana")],
        ),
        ("JF", [("JF", "pejabat-fungsional")]),
        (
            "kepada Pejabat Penilai Kinerja/atasan langsung.",
            [("Pejabat Penilai Kinerja/atasan langsung", "pejabat-penilai-kinerja")],
        ),
        (
            "Pimpinan Unit Organisasi dan/atau Pimpinan Perangkat Daerah",
            [
                ("Pimpinan Unit Organisasi", "pimpinan-unit-organisasi"),
                ("Pimpinan Perangkat Daerah", "kepala-perangkat-daerah"),
            ],
        ),
        # elliptical head: "Pimpinan unit organisasi dan/atau [Pimpinan] Perangkat Daerah"
        (
            "dari Pimpinan unit organisasi dan/atau Perangkat Daerah pemohon",
            [
                ("Pimpinan unit organisasi", "pimpinan-unit-organisasi"),
                ("Perangkat Daerah", "kepala-perangkat-daerah"),
            ],
        ),
        ("Ketua Tim Kerja", [("Ketua Tim Kerja", "ketua-tim")]),
        ("Tanggung jawab Pimpinan Ketua Tim Kerja", [("Ketua Tim Kerja", "ketua-tim")]),
        ("yang berperan sebagai ketua diutamakan", [("ketua", "ketua-tim")]),
        ("anggota tim kerja", [("anggota tim kerja", "anggota-tim")]),
        # longest match wins
        (
            "Pejabat Fungsional Hasil Penyetaraan Jabatan",
            [
                (
                    "Pejabat Fungsional Hasil Penyetaraan Jabatan",
                    "pejabat-fungsional-hasil-penyetaraan",
                )
            ],
        ),
        (
            "tim koordinasi SPBE Pemerintah Daerah",
            [("tim koordinasi SPBE Pemerintah Daerah", "tim-koordinasi-spbe")],
        ),
        (
            "Pejabat Fungsional Ahli Muda",
            [("Pejabat Fungsional Ahli Muda", "pejabat-fungsional-ahli-muda")],
        ),
        (
            "Pejabat dalam Jabatan Administrator",
            [("Pejabat dalam Jabatan Administrator", "pejabat-administrator")],
        ),
        ("Pejabat Penilai Kerja", [("Pejabat Penilai Kerja", "pejabat-penilai-kinerja")]),
        # "/" splits: "Jabatan/ Pejabat Fungsional lainnya/ Pelaksana"
        (
            "Pejabat Fungsional/Pelaksana",
            [("Pejabat Fungsional", "pejabat-fungsional"), ("Pelaksana", "pelaksana")],
        ),
        # Jabatan Pelaksana (the post) links to the role of its holder
        ("Jabatan Pelaksana", [("Jabatan Pelaksana", "pelaksana")]),
        # over-matching: "pelaksana" as a function or a modifier is not the role
        ("Instansi Pemerintah Pelaksana fungsi", [("Instansi Pemerintah", "instansi-pemerintah")]),
        ("pelaksana kebijakan publik;", []),
        (
            "Pegawai ASN berperan sebagai perencana, pelaksana, dan pengawas",
            [("Pegawai ASN", "pegawai-asn")],
        ),
        ("Pemerintahan Daerah", []),
        ("Sekretariat Daerah", []),
        ("Pj. Wali Kota", [("Pj. Wali Kota", "wali-kota")]),
    ],
)
def test_role_mentions(text, expected):
    assert roles_in(text) == expected


def test_every_role_label_is_a_pattern():
    assert len({p["pattern"].lower() for p in role_patterns()}) == len(role_patterns())


def test_find_roles_on_palu_pasal_28_ayat_2(corpus):
    mentions = [
        m
        for m in find_roles(corpus["palu-28-2023"])
        if m.provision.path == (("pasal", "28"), ("ayat", "2"))
    ]
    assert [m.role for m in mentions] == [
        "pejabat-fungsional",
        "pelaksana",
        "ketua-tim",
        "tim-kerja",
        "pimpinan-unit-organisasi",
        "kepala-perangkat-daerah",
    ]
    text = next(u for u in corpus["palu-28-2023"].units() if u.iri == mentions[0].provision).text
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert {m.component for m in mentions} == {"role_ruler"}


def test_context_rules_record_their_component(corpus):
    mentions = find_roles(corpus["tebing-tinggi-21-2024"])
    ketua = [m for m in mentions if m.text == "ketua"]
    assert ketua and all(m.component == "role_context" and m.role == "ketua-tim" for m in ketua)
