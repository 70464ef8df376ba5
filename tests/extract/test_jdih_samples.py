"""Four real regulations from JDIH portals, outside the corpus, ingested with no special code."""

from __future__ import annotations

import pytest

from extract.parse import parse_file


def parse(jdih_dir, name):
    return parse_file(jdih_dir / name)


def test_surabaya_perwali_hard_wrapped(jdih_dir):
    regulation = parse(jdih_dir, "kota-surabaya-perwali-68-2021.txt")
    assert regulation.id == "surabaya-68-2021"
    assert regulation.citation == "Peraturan Wali Kota Surabaya Nomor 68 Tahun 2021"
    assert regulation.province == "Jawa Timur"  # letterhead printed out of reading order
    numbers = sorted({u.number for u in regulation.units() if u.kind == "pasal"}, key=int)
    assert numbers == [str(n) for n in range(1, 14)]
    pasal_5 = next(u for u in regulation.units() if u.kind == "pasal" and u.number == "5")
    letters = [c.number for c in pasal_5.children[1].children]
    assert letters[-3:] == ["z", "aa", "bb"] and len(letters) == 28
    assert [item.number for item in regulation.menimbang] == ["1"]  # unlettered Menimbang
    assert len(regulation.mengingat) == 13
    assert not any(u.text.strip().isdigit() for u in regulation.units())  # no page numbers


def test_surabaya_perda_with_penjelasan(jdih_dir):
    regulation = parse(jdih_dir, "kota-surabaya-perda-4-2025.txt")
    assert regulation.id == "surabaya-perda-4-2025"
    assert regulation.doctype.code == "perda"
    pasal = [u for u in regulation.units() if u.kind == "pasal"]
    assert [u.number for u in pasal] == [str(n) for n in range(1, 37)]  # Penjelasan not body
    assert not any("Cukup jelas" in u.text for u in regulation.units())
    pasal_18 = next(u for u in pasal if u.number == "18")
    ayat = [c for c in pasal_18.children if c.kind == "ayat"]
    assert [a.number for a in ayat] == ["1", "2", "3", "4", "5"]
    assert "ayat (1) dilakukan" in ayat[1].text  # a wrapped line starting "(1)" is not an ayat


def test_madiun_amending_regulation(jdih_dir):
    regulation = parse(jdih_dir, "kota-madiun-perdprd-1-2024.txt")
    assert regulation.id == "madiun-perdprd-1-2024"
    assert regulation.title.startswith(
        "Perubahan Kedua atas Peraturan Dewan Perwakilan Rakyat Daerah"
    )
    assert [u.number for u in regulation.body] == ["I", "II"]
    instructions = regulation.body[0].children
    assert [i.number for i in instructions[:3]] == ["1", "2", "3"]
    quoted = [c.number for c in instructions[1].children if c.kind == "pasal"]
    assert quoted == ["15A", "15B"]
    texts = " ".join(u.text for u in regulation.units())
    assert "ditandatangani secara elektronik" not in texts  # footer on every page
    assert "- 5 -" not in texts
    assert regulation.body[1].text == "Peraturan DPRD ini mulai berlaku pada tanggal diundangkan."


def test_donggala_perbup_with_inserted_ayat_and_lampiran(jdih_dir):
    regulation = parse(jdih_dir, "kab-donggala-perbup-24-2025.txt")
    assert regulation.id == "kab-donggala-24-2025"
    assert regulation.citation == "Peraturan Bupati Donggala Nomor 24 Tahun 2025"
    quoted = regulation.body[0].children[0].children[0]
    assert [a.number for a in quoted.children] == ["1", "2", "3", "3a", "3b", "4", "5"]
    assert [annex.number for annex in regulation.lampiran] == ["I", "II", "III", "IV"]
    assert regulation.closing.enacted_date.isoformat() == "2025-11-07"
    assert regulation.closing.signatory_name == "VERA ELENA LARUNI"


@pytest.mark.parametrize(
    "name",
    [
        "kota-surabaya-perwali-68-2021.txt",
        "kota-surabaya-perda-4-2025.txt",
        "kota-madiun-perdprd-1-2024.txt",
        "kab-donggala-perbup-24-2025.txt",
    ],
)
def test_every_unit_has_a_distinct_iri_and_a_span(jdih_dir, name):
    regulation = parse(jdih_dir, name)
    units = list(regulation.units()) + [u for annex in regulation.lampiran for u in annex.walk()]
    iris = [u.iri for u in units]
    assert len(iris) == len(set(iris))
    assert all(0 <= u.start < u.end for u in units)


@pytest.mark.parametrize(
    ("name", "gazette"),
    [
        ("kota-surabaya-perwali-68-2021.txt", (2021, "68")),  # "BERI TA" split by the PDF
        ("kota-surabaya-perda-4-2025.txt", (2025, "4")),  # Lembaran Daerah
        ("kota-madiun-perdprd-1-2024.txt", (2024, "26/G")),
        (
            "kab-donggala-perbup-24-2025.txt",
            (None, None),
        ),  # OCR'd beyond reading: none, not a wrong one
    ],
)
def test_gazette_is_never_taken_from_a_citation(jdih_dir, name, gazette):
    closing = parse(jdih_dir, name).closing
    assert (closing.gazette_year, closing.gazette_number) == gazette


@pytest.mark.parametrize(
    "name", ["kota-surabaya-perwali-68-2021.txt", "kota-surabaya-perda-4-2025.txt"]
)
def test_an_office_split_by_the_pdf_is_rejoined(jdih_dir, name):
    # "SEKRETARI" / "S DAERAH KOTA SURABAYA," and "SEKRET" / "ARIS DAERAH KOTA SURABAYA,"
    assert parse(jdih_dir, name).closing.promulgator_office == "Sekretaris Daerah Kota Surabaya"
