"""Title block, preamble, definitions and closing of the five regulations."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import CORPUS_IDS

PERMENPANRB_7_2022 = "https://w3id.org/perwali-kg/eli/id/permenpanrb/2022/7"

TITLES = {
    "palu-28-2023": (
        "Palu",
        "Sulawesi Tengah",
        "Sistem Kerja Aparatur Sipil Negara untuk Penyederhanaan Birokrasi",
    ),
    "padang-panjang-48-2024": (
        "Padang Panjang",
        "Sumatera Barat",
        "Sistem Kerja di Lingkungan Pemerintah Daerah",
    ),
    "tebing-tinggi-21-2024": (
        "Tebing Tinggi",
        "Sumatera Utara",
        "Penyesuaian Sistem Kerja untuk Penyederhanaan Birokrasi",
    ),
    "semarang-85-2023": (
        "Semarang",
        "Jawa Tengah",
        "Sistem Kerja di Lingkungan Pemerintah Kota Semarang",
    ),
    "cilegon-17-2023": ("Cilegon", "Banten", "Sistem Kerja di Lingkungan Pemerintah Kota Cilegon"),
}

# (ditetapkan, diundangkan, signatory, office, acting, promulgator, gazette)
CLOSINGS = {
    "palu-28-2023": (
        date(2023, 9, 27),
        date(2023, 9, 27),
        "HADIANTO RASYID",
        "Wali Kota Palu",
        False,
        "IRMAYANTI",
        (2023, "28"),
    ),
    "padang-panjang-48-2024": (
        date(2024, 12, 27),
        date(2024, 12, 27),
        "SONNY BUDAYA PUTRA",
        "Pj. Wali Kota Padang Panjang",
        True,
        "WINARNO",
        (2024, "48"),
    ),
    "tebing-tinggi-21-2024": (
        date(2024, 8, 26),
        date(2024, 8, 26),
        "MOETTAQIEN HASRIMI",
        "Pj. Wali Kota Tebing Tinggi",
        True,
        "KAMLAN",
        (2024, "21"),
    ),
    "semarang-85-2023": (
        date(2023, 12, 28),
        date(2023, 12, 28),
        "HEVEARITA GUNARYANTI RAHAYU",
        "Wali Kota Semarang",
        False,
        "ISWAR AMINUDDIN",
        (2023, "85"),
    ),
    "cilegon-17-2023": (
        date(2023, 6, 5),
        date(2023, 6, 5),
        "HELLDY AGUSTIAN",
        "Wali Kota Cilegon",
        False,
        "MAMAN MAULUDIN",
        (2023, "17"),
    ),
}

ABBREVIATIONS = {
    "palu-28-2023": {"SPBE", "ASN", "Pegawai ASN"},
    "padang-panjang-48-2024": {"Pegawai ASN", "SPBE"},
    "tebing-tinggi-21-2024": {"PD", "ASN", "PNS", "PPPK", "SPBE"},
    "semarang-85-2023": {"Pegawai ASN", "JF", "Penyetaraan Jabatan", "SPBE"},
    "cilegon-17-2023": {"Pegawai ASN", "JF", "SPBE"},
}
DEFINITION_COUNT = {
    "palu-28-2023": 23,
    "padang-panjang-48-2024": 17,
    "tebing-tinggi-21-2024": 24,
    "semarang-85-2023": 21,
    "cilegon-17-2023": 18,
}
MENIMBANG_MENGINGAT = {
    "palu-28-2023": (5, 3),
    "padang-panjang-48-2024": (4, 5),
    "tebing-tinggi-21-2024": (2, 14),
    "semarang-85-2023": (4, 14),
    "cilegon-17-2023": (3, 8),
}


@pytest.mark.parametrize("reg_id", CORPUS_IDS)
def test_title_block(corpus, reg_id):
    regulation = corpus[reg_id]
    region, province, title = TITLES[reg_id]
    assert regulation.id == reg_id
    assert regulation.doctype.label == "Peraturan Wali Kota"
    assert (regulation.region, regulation.province, regulation.title) == (region, province, title)
    number, year = reg_id.rsplit("-", 2)[1:]
    assert regulation.citation == f"Peraturan Wali Kota {region} Nomor {number} Tahun {year}"


def test_cilegon_province_comes_from_metadata_with_reason(corpus):
    warning = next(w for w in corpus["cilegon-17-2023"].warnings if w.code == "metadata-override")
    assert "province" in warning.message and "alasan" in warning.message


@pytest.mark.parametrize("reg_id", CORPUS_IDS)
def test_closing(corpus, reg_id):
    closing = corpus[reg_id].closing
    enacted, promulgated, name, office, acting, promulgator, gazette = CLOSINGS[reg_id]
    assert (closing.enacted_date, closing.promulgated_date) == (enacted, promulgated)
    assert (closing.signatory_name, closing.signatory_office, closing.signatory_acting) == (
        name,
        office,
        acting,
    )
    assert closing.promulgator_name == promulgator
    assert "Sekretaris Daerah" in closing.promulgator_office
    assert (closing.gazette_year, closing.gazette_number) == gazette


@pytest.mark.parametrize("reg_id", CORPUS_IDS)
def test_definitions(corpus, reg_id):
    definitions = corpus[reg_id].definitions
    assert len(definitions) == DEFINITION_COUNT[reg_id]
    assert [d.angka for d in definitions] == [str(n) for n in range(1, len(definitions) + 1)]
    assert {d.abbreviation for d in definitions if d.abbreviation} == ABBREVIATIONS[reg_id]
    assert all(d.term and d.text and not d.text.startswith("adalah") for d in definitions)


@pytest.mark.parametrize(
    ("reg_id", "angka", "term", "abbreviation", "text_start"),
    [
        (
            "palu-28-2023",
            "7",
            "Pegawai Aparatur Sipil Negara",
            "Pegawai ASN",
            "pegawai negeri sipil",
        ),
        ("palu-28-2023", "18", "Pejabat Penilai Kinerja", None, "atasan langsung dengan ketentuan"),
        (
            "semarang-85-2023",
            "21",
            "Sistem Pemerintahan Berbasis Elektronik",
            "SPBE",
            "penyelenggaraan pemerintahan",
        ),
        ("tebing-tinggi-21-2024", "9", "Aparatur Sipil Negara", "ASN", "Pegawai Negeri Sipil dan"),
        ("tebing-tinggi-21-2024", "2", "Pemerintahan Daerah", None, "penyelenggaraan urusan"),
    ],
)
def test_definition_variants(corpus, reg_id, angka, term, abbreviation, text_start):
    definition = next(d for d in corpus[reg_id].definitions if d.angka == angka)
    assert (definition.term, definition.abbreviation) == (term, abbreviation)
    assert definition.text.startswith(text_start)


@pytest.mark.parametrize("reg_id", CORPUS_IDS)
def test_preamble_items(corpus, reg_id):
    regulation = corpus[reg_id]
    menimbang, mengingat = MENIMBANG_MENGINGAT[reg_id]
    assert [i.number for i in regulation.menimbang] == list("abcde"[:menimbang])
    assert [i.number for i in regulation.mengingat] == [str(n) for n in range(1, mengingat + 1)]
    assert all(item.text.startswith("bahwa") for item in regulation.menimbang)
    assert all(item.instrument is not None for item in regulation.mengingat)


@pytest.mark.parametrize("reg_id", CORPUS_IDS)
def test_every_regulation_links_permenpanrb_7_2022(corpus, reg_id):
    regulation = corpus[reg_id]
    cited = {
        str(i.work) for item in regulation.menimbang + regulation.mengingat for i in item.cites
    }
    assert PERMENPANRB_7_2022 in cited


@pytest.mark.parametrize(
    ("reg_id", "angka", "iri", "label", "pinpoint"),
    [
        (
            "palu-28-2023",
            "1",
            "id/uud/1945",
            "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
            "Pasal 18 ayat (6)",
        ),
        (
            "palu-28-2023",
            "3",
            "id/uu/2014/23",
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
            None,
        ),
        (
            "tebing-tinggi-21-2024",
            "2",
            "id/uu/1956/9-drt",
            "Undang-Undang Nomor 9 Drt Tahun 1956 tentang Pembentukan Daerah Otonom Kota-Kota Kecil Dalam Lingkungan Daerah Propinsi Sumatera Utara",
            None,
        ),
        (
            "tebing-tinggi-21-2024",
            "13",
            "id-tebing-tinggi/perda/2016/3",
            "Peraturan Daerah Kota Tebing Tinggi Nomor 3 Tahun 2016 tentang Perangkat Daerah Kota Tebing Tinggi",
            None,
        ),
        (
            "tebing-tinggi-21-2024",
            "14",
            "id-tebing-tinggi/perwal/2024/12",
            "Peraturan Wali Kota Tebing Tinggi Nomor 12 Tahun 2024 tentang Susunan Organisasi Perangkat Daerah Kota Tebing Tinggi",
            None,
        ),
        (
            "padang-panjang-48-2024",
            "5",
            "id-padang-panjang/perda/2016/9",
            "Peraturan Daerah Kota Padang Panjang Nomor 9 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah",
            None,
        ),
        (
            "semarang-85-2023",
            "11",
            "id/permendagri/2018/99",
            "Peraturan Menteri Dalam Negeri Nomor 99 Tahun 2018 tentang Pembinaan dan Pengendalian Penataan Perangkat Daerah",
            None,
        ),
        (
            "cilegon-17-2023",
            "6",
            "id/permenpanrb/2022/7",
            "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 7 Tahun 2022 tentang Sistem Kerja pada Instansi Pemerintah untuk Penyederhanaan Birokrasi",
            None,
        ),
    ],
)
def test_mengingat_instruments(corpus, reg_id, angka, iri, label, pinpoint):
    item = next(i for i in corpus[reg_id].mengingat if i.number == angka)
    assert str(item.instrument.work) == "https://w3id.org/perwali-kg/eli/" + iri
    assert item.instrument.label == label
    assert item.pinpoint == pinpoint


def test_amending_instrument_cited_too(corpus):
    item = corpus["palu-28-2023"].mengingat[2]
    assert [str(i.work).rsplit("eli/", 1)[1] for i in item.cites] == [
        "id/uu/2014/23",
        "id/uu/2023/6",
    ]


def test_cilegon_lampiran(corpus):
    (annex,) = corpus["cilegon-17-2023"].lampiran
    sections = [unit for unit in annex.children if unit.kind == "bagian-lampiran"]
    assert [(s.number, s.heading) for s in sections] == [
        ("A", "KEDUDUKAN"),
        ("B", "PENUGASAN"),
        ("C", "PELAKSANAAN TUGAS"),
        ("D", "PERTANGGUNGJAWABAN PELAKSANAAN TUGAS"),
    ]
    assert sections[0].text.startswith("Kedudukan merupakan penempatan posisi Pegawai ASN")
    penunjukan = sections[1].children[0]
    assert (penunjukan.kind, penunjukan.number, penunjukan.heading) == ("angka", "1", "Penunjukan")
    assert "SISTEM KERJA DI LINGKUNGAN PEMERINTAH" in annex.heading
    last = list(sections[3].walk())[-1]
    assert "HELLDY" not in last.text and last.text.endswith("kepada Pimpinan Unit Organisasi.")
