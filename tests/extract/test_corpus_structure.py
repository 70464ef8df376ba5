"""Structure of the five regulations, checked against a reading of the texts."""

from __future__ import annotations

import re

import pytest

from tests.conftest import CORPUS_IDS

# Pasal -> number of ayat, for every Pasal that has ayat (read off the texts by hand).
AYAT_PER_PASAL = {
    "palu-28-2023": {
        "8": 3,
        "9": 3,
        "10": 8,
        "12": 2,
        "17": 2,
        "18": 5,
        "19": 2,
        "20": 4,
        "21": 5,
        "22": 4,
        "23": 5,
        "25": 3,
        "26": 5,
        "28": 3,
        "29": 3,
        "30": 3,
        "31": 5,
    },
    "padang-panjang-48-2024": {
        "2": 3,
        "4": 3,
        "5": 2,
        "6": 2,
        "7": 4,
        "8": 4,
        "13": 3,
        "15": 2,
        "16": 3,
        "17": 5,
    },
    "tebing-tinggi-21-2024": {
        "2": 2,
        "5": 2,
        "6": 4,
        "7": 3,
        "8": 4,
        "9": 6,
        "10": 3,
        "11": 6,
        "13": 3,
        "14": 5,
        "16": 3,
        "17": 2,
        "18": 3,
        "19": 5,
    },
    "semarang-85-2023": {
        "2": 3,
        "6": 2,
        "7": 6,
        "8": 3,
        "9": 4,
        "10": 9,
        "12": 3,
        "13": 7,
        "14": 4,
        "15": 2,
        "16": 3,
        "17": 6,
        "18": 2,
    },
    "cilegon-17-2023": {
        "4": 3,
        "5": 3,
        "6": 4,
        "8": 3,
        "9": 3,
        "11": 4,
        "13": 2,
        "14": 4,
        "15": 4,
    },
}
PASAL_COUNT = {
    "palu-28-2023": 32,
    "padang-panjang-48-2024": 18,
    "tebing-tinggi-21-2024": 20,
    "semarang-85-2023": 19,
    "cilegon-17-2023": 16,
}
BAB_HEADINGS = {
    "palu-28-2023": [
        "KETENTUAN UMUM",
        "JABATAN ASN",
        "SISTEM KERJA",
        "MEKANISME KERJA",
        "PROSES BISNIS",
        "KETENTUAN PENUTUP",
    ],
    "padang-panjang-48-2024": [
        "KETENTUAN UMUM",
        "MEKANISME KERJA",
        "PROSES BISNIS",
        "KETENTUAN PENUTUP",
    ],
    "tebing-tinggi-21-2024": ["KETENTUAN UMUM", "MEKANISME KERJA", "PROSES BISNIS"],
    "semarang-85-2023": [
        "KETENTUAN UMUM",
        "MEKANISME KERJA",
        "PROSES BISNIS",
        "MONITORING DAN EVALUASI",
        "KETENTUAN PENUTUP",
    ],
    "cilegon-17-2023": ["KETENTUAN UMUM", "PENYESUAIAN SISTEM KERJA", "KETENTUAN PENUTUP"],
}
CONTINUATION = re.compile(r"(?:\.\.\.|…)")


def pasal_units(regulation):
    return [unit for unit in regulation.units() if unit.kind == "pasal"]


@pytest.mark.parametrize("reg_id", CORPUS_IDS)
def test_pasal_numbered_one_to_n(corpus, reg_id):
    numbers = [unit.number for unit in pasal_units(corpus[reg_id])]
    assert numbers == [str(n) for n in range(1, PASAL_COUNT[reg_id] + 1)]


@pytest.mark.parametrize("reg_id", CORPUS_IDS)
def test_ayat_per_pasal(corpus, reg_id):
    found = {
        unit.number: sum(1 for child in unit.children if child.kind == "ayat")
        for unit in pasal_units(corpus[reg_id])
    }
    assert {number: n for number, n in found.items() if n} == AYAT_PER_PASAL[reg_id]
    for unit in pasal_units(corpus[reg_id]):
        ayat = [child.number for child in unit.children if child.kind == "ayat"]
        assert ayat == [str(n) for n in range(1, len(ayat) + 1)], unit.iri


@pytest.mark.parametrize("reg_id", CORPUS_IDS)
def test_bab_headings(corpus, reg_id):
    babs = [unit for unit in corpus[reg_id].body if unit.kind == "bab"]
    assert [bab.heading for bab in babs] == BAB_HEADINGS[reg_id]


def test_run_together_headings_are_split(corpus):
    tebing = corpus["tebing-tinggi-21-2024"]
    bagian = next(unit for unit in tebing.units() if unit.kind == "bagian" and unit.number == "1")
    assert bagian.heading == "Kedudukan"  # "Bagian Kesatu Kedudukan Pasal 6"
    assert [child.number for child in bagian.children] == ["6"]
    palu = corpus["palu-28-2023"]
    bab_iv = next(unit for unit in palu.body if unit.number == "IV")
    assert bab_iv.heading == "MEKANISME KERJA"  # "BAB IV MEKANISME KERJA"
    assert bab_iv.children[0].heading == "Umum"  # "Bagian Kesatu Umum"


def test_cilegon_paragraf_and_duplicate_bagian(corpus):
    cilegon = corpus["cilegon-17-2023"]
    paragraf = [unit for unit in cilegon.units() if unit.kind == "paragraf"]
    assert [p.heading for p in paragraf][:2] == ["Kedudukan", "Penugasan"]
    assert [c.number for c in paragraf[0].children] == ["4"]
    # the source prints "Bagian Kedua" twice; the second keeps its number, a unique IRI,
    # and a warning
    bagian = [unit for unit in cilegon.units() if unit.kind == "bagian"]
    assert [b.heading for b in bagian] == ["Umum", "Mekanisme Kerja", "Proses Bisnis"]
    assert str(bagian[2].iri).endswith("/bab/II/bagian/2-2")
    assert any(w.code == "duplicate-number" for w in cilegon.warnings)


RECOVERED = {
    "4": ("Mekanisme kerja sebagaimana dimaksud dalam Pasal 3 terdiri atas:", 3),
    "13": (None, 3),
    "16": (None, 3),
    "17": (None, 5),
}


@pytest.mark.parametrize("number", sorted(RECOVERED))
def test_padang_panjang_recovered_articles(corpus, number):
    regulation = corpus["padang-panjang-48-2024"]
    pasal = next(u for u in pasal_units(regulation) if u.number == number)
    assert pasal.inferred
    chapeau, ayat_count = RECOVERED[number]
    ayat = [child for child in pasal.children if child.kind == "ayat"]
    assert len(ayat) == ayat_count
    if chapeau:
        assert ayat[0].text == chapeau
    warning = next(w for w in regulation.warnings if w.unit == pasal.iri)
    assert warning.code == "pasal-heading-inferred" and f"Pasal {number}" in warning.message


def test_padang_panjang_recovered_texts(corpus):
    regulation = corpus["padang-panjang-48-2024"]
    by_number = {u.number: u for u in pasal_units(regulation)}
    assert by_number["13"].children[1].text == (
        "Pejabat Fungsional dan pelaksana yang berperan sebagai ketua tim kerja melaporkan "
        "pelaksanaan tugas tim kerja kepada Pimpinan Unit Organisasi secara berkala."
    )  # joined across a page break
    assert by_number["16"].children[0].text.startswith("Perangkat Daerah dapat memanfaatkan")
    assert by_number["17"].children[1].text == (
        "Untuk Penyesuaian Sistem Kerja sebagaimana dimaksud dalam Pasal 2 sampai dengan "
        "Pasal 16, Perangkat Daerah melakukan perbaikan dan Pengembangan Proses Bisnis."
    )
    assert by_number["12"].text.endswith("kepada Pimpinan Unit Organisasi.")
    assert not by_number["12"].children
    assert not [u for u in pasal_units(regulation) if u.inferred and u.number not in RECOVERED]


@pytest.mark.parametrize("reg_id", CORPUS_IDS)
def test_no_continuation_marker_leaks(corpus, reg_id):
    regulation = corpus[reg_id]
    texts = [unit.text for unit in regulation.units()] + [
        unit.heading for unit in regulation.units()
    ]
    texts += [item.text for item in regulation.menimbang + regulation.mengingat]
    for annex in regulation.lampiran:
        texts += [unit.text for unit in annex.walk()]
    leaks = [text for text in texts if CONTINUATION.search(text)]
    assert not leaks


def test_page_break_joins(corpus):
    palu = corpus["palu-28-2023"]
    pasal_14 = next(u for u in pasal_units(palu) if u.number == "14")
    assert [c.number for c in pasal_14.children] == ["a", "b", "c", "d"]
    assert pasal_14.children[2].text == "mengoptimalkan pemanfaatan sumberdaya ASN; dan"
    definition_16 = corpus["padang-panjang-48-2024"].definitions[15]
    assert definition_16.text.endswith(
        "pembinaan manajemen aparatur sipil negara di instansi pemerintah sesuai dengan "
        "ketentuan peraturan perundang-undangan."
    )


def test_chapeau_kept_apart_from_items(corpus):
    pasal_2 = next(u for u in pasal_units(corpus["palu-28-2023"]) if u.number == "2")
    assert pasal_2.text == "Pegawai ASN terdiri atas :"
    assert [c.text for c in pasal_2.children] == [
        "Pegawai Negeri Sipil; dan",
        "Pegawai Pemerintahan dengan Perjanjian Kerja.",
    ]


def test_nested_angka_under_huruf(corpus):
    pasal_12 = next(u for u in pasal_units(corpus["semarang-85-2023"]) if u.number == "12")
    huruf_c = pasal_12.children[1].children[2]
    assert (huruf_c.kind, huruf_c.number) == ("huruf", "c")
    assert [(c.kind, c.number) for c in huruf_c.children] == [
        ("angka", "1"),
        ("angka", "2"),
        ("angka", "3"),
    ]
    assert pasal_12.children[2].number == "3"  # the list closed, ayat (3) follows


def test_spans_point_into_the_source(corpus):
    from extract.parse import parse_file  # noqa: F401  (source text read below)
    from perwali.build import DEFAULT_CORPUS_DIR

    regulation = corpus["palu-28-2023"]
    raw = (DEFAULT_CORPUS_DIR / regulation.source_file).read_text(encoding="utf-8")
    pasal_21 = next(u for u in pasal_units(regulation) if u.number == "21")
    assert raw[pasal_21.start : pasal_21.end].startswith("Pasal 21")
    assert raw[pasal_21.start : pasal_21.end].rstrip().endswith("ketentuan yang berlaku.")
    ayat_4 = pasal_21.children[3]
    assert raw[ayat_4.start : ayat_4.end].startswith("(4) Surat Perintah")
