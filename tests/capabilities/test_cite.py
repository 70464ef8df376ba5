"""``capabilities.cite.resolve`` on the real corpus: every form drafters write, every status."""

from __future__ import annotations

import shutil

import pytest

from capabilities.cite import AMBIGUOUS, FOUND, INVALID, NOT_FOUND, resolve
from capabilities.cite_index import citation_index
from capabilities.source import EmbeddedSource
from perwali.build import build

PALU = "https://w3id.org/perwali-kg/eli/id-palu/perwal/2023/28"


@pytest.fixture(scope="module")
def source(built_data):
    return EmbeddedSource(built_data)


@pytest.mark.parametrize(
    ("ref", "citation"),
    [
        (
            "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
            "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
        ),
        (
            "Perwali Semarang 85/2023 Pasal 10 ayat (6)",
            "Pasal 10 ayat (6) Peraturan Wali Kota Semarang Nomor 85 Tahun 2023",
        ),
        (
            "pasal 9 ayat 4 perwali tebing tinggi no 21 tahun 2024",
            "Pasal 9 ayat (4) Peraturan Wali Kota Tebing Tinggi Nomor 21 Tahun 2024",
        ),
        (
            "Pasal 1 angka 8 Peraturan Wali Kota Padang Panjang Nomor 48 Tahun 2024",
            "Pasal 1 angka 8 Peraturan Wali Kota Padang Panjang Nomor 48 Tahun 2024",
        ),
        (
            "Padang Panjang 48/2024 Pasal 13 (2)",
            "Pasal 13 ayat (2) Peraturan Wali Kota Padang Panjang Nomor 48 Tahun 2024",
        ),
        (
            "psl 18 ayat (3) huruf b Perwali Kota Palu No. 28 Th. 2023",
            "Pasal 18 ayat (3) huruf b Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
        ),
        (
            "PASAL   21   AYAT(4)   PERATURAN WALIKOTA PALU NMR 28 THN 2023",
            "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
        ),
        (
            "Peraturan Wali Kota Cilegon Nomor 17 Tahun 2023 Pasal 6 ayat (2)",
            "Pasal 6 ayat (2) Peraturan Wali Kota Cilegon Nomor 17 Tahun 2023",
        ),
        (
            "ps. 12 ay. 2 hrf. c ang. 1 Perwal Kota Semarang No 85 Th 2023",
            "Pasal 12 ayat (2) huruf c angka 1 Peraturan Wali Kota Semarang Nomor 85 Tahun 2023",
        ),
        (
            "Pasal 2 huruf a Perwali Palu 28/2023",
            "Pasal 2 huruf a Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
        ),
        ("palu-28-2023 pasal 3", "Pasal 3 Peraturan Wali Kota Palu Nomor 28 Tahun 2023"),
        (
            "Pasal 21 Perwali Palu",  # no number: the only Perwali of Palu in the graph
            "Pasal 21 Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
        ),
        (
            "Pasal 5 dari Peraturan Wali Kota Cilegon Nomor 17 Tahun 2023 tentang Sistem Kerja",
            "Pasal 5 Peraturan Wali Kota Cilegon Nomor 17 Tahun 2023",
        ),
        ("Perwali Palu 28/2023", "Peraturan Wali Kota Palu Nomor 28 Tahun 2023"),
        (
            "PASAL21 AYAT(4) PERWALI PALU NO.28/2023",  # no spaces at all
            "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
        ),
        (
            "pasal 21ayat 4 perwali palu 28/2023",
            "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
        ),
        (
            "  pasal   21  (4)   palu   28 / 2023  ",
            "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
        ),
    ],
)
def test_forms_drafters_write_resolve_to_the_canonical_citation(source, ref, citation):
    result = resolve(source, ref)
    assert result.status == FOUND, result.message
    assert result.http_status == 200
    assert result.citation == citation


def test_found_answer_has_the_contract_fields(source):
    answer = resolve(source, "Pasal 21 ayat (4) Perwali Palu 28/2023").to_json()
    assert list(answer)[:12] == [
        "regulation",
        "pasal",
        "ayat",
        "huruf",
        "angka",
        "citation",
        "iri",
        "text",
        "context",
        "cites",
        "cited_by",
        "status",
    ]
    assert (answer["regulation"], answer["pasal"], answer["ayat"]) == ("palu-28-2023", "21", "4")
    assert answer["huruf"] is None and answer["angka"] is None
    assert answer["iri"] == PALU + "/pasal/21/ayat/4"
    assert answer["text"] == (
        "Surat Perintah penugasan tim kerja lintas Perangkat Daerah ditetapkan oleh "
        "Sekretaris Daerah."
    )
    assert answer["context"]["bab"]["number"] == "IV"
    assert answer["context"]["bab"]["heading"] == "MEKANISME KERJA"
    assert answer["context"]["bagian"]["heading"] == "Penugasan"
    assert answer["context"]["paragraf"] is None


def test_text_of_a_pasal_includes_its_ayat_and_huruf(source):
    text = resolve(source, "Pasal 21 Perwali Palu 28/2023").text
    lines = text.splitlines()
    assert lines[0].startswith("(1) Penugasan Pejabat Fungsional")
    assert lines[1] == "a. maksud dan tujuan penugasan tim kerja;"
    assert sum(line[:3] in {"(1)", "(2)", "(3)", "(4)", "(5)"} for line in lines) == 5


def test_cites_and_cited_by_come_from_the_reference_nodes(source):
    citing = resolve(source, "Pasal 21 ayat (2) Perwali Palu 28/2023")
    assert PALU + "/pasal/19/ayat/2" in {link["iri"] for link in citing.cites}
    link = next(link for link in citing.cites if link["iri"] == PALU + "/pasal/19/ayat/2")
    assert link["citation"] == "Pasal 19 ayat (2) Peraturan Wali Kota Palu Nomor 28 Tahun 2023"
    cited = resolve(source, "Pasal 19 ayat (2) Perwali Palu 28/2023")
    assert PALU + "/pasal/21/ayat/2" in {link["iri"] for link in cited.cited_by}


def test_cites_agree_with_pw_refers_to(source):
    rows = source.select(
        f"""SELECT ?s ?t WHERE {{ ?s pw:refersTo ?t ; pw:regulation <{PALU}> ; a pw:Ayat }}"""
    )
    assert rows
    for row in rows[:20]:
        label = source.select(f"SELECT ?l WHERE {{ <{row['s']}> rdfs:label ?l }}")[0]["l"]
        result = resolve(source, label)
        assert row["t"] in {link["iri"] for link in result.cites}, label


def test_every_provision_of_the_corpus_resolves_from_its_own_label(source):
    index = citation_index(source)
    provisions = [
        unit
        for unit in index.units.values()
        if unit.kind in ("pasal", "ayat", "huruf", "angka") and "/lampiran/" not in unit.iri
    ]
    assert len(provisions) > 700
    for unit in provisions:
        result = resolve(source, unit.label)
        assert (result.status, result.iri) == (FOUND, unit.iri), unit.label


def test_missing_ayat_names_what_exists_and_the_nearest(source):
    result = resolve(source, "Pasal 21 ayat (9) Perwali Palu 28/2023")
    assert (result.status, result.http_status, result.code) == (NOT_FOUND, 404, "unit-not-found")
    assert result.message == "ayat (9) tidak ada; Pasal 21 memiliki ayat (1)–(5)"
    assert result.exists["values"] == ["1", "2", "3", "4", "5"]
    assert result.nearest["iri"] == PALU + "/pasal/21/ayat/5"
    english = resolve(source, "Pasal 21 ayat (9) Perwali Palu 28/2023", lang="en")
    assert english.message == "ayat (9) does not exist; Pasal 21 has ayat (1)–(5)"


def test_missing_pasal_and_missing_level(source):
    result = resolve(source, "Pasal 99 Perwali Palu 28/2023")
    assert result.message.startswith("Pasal 99 tidak ada; Peraturan Wali Kota Palu")
    assert result.message.endswith("memiliki Pasal 1–32")
    assert result.nearest["iri"] == PALU + "/pasal/32"
    no_ayat = resolve(source, "Pasal 2 ayat (1) Perwali Palu 28/2023")
    assert no_ayat.status == NOT_FOUND
    assert "Pasal 2 tidak memiliki ayat" in no_ayat.message
    assert "huruf a" in no_ayat.message
    assert no_ayat.nearest["iri"] == PALU + "/pasal/2"


def test_unknown_regulation_suggests_the_closest_ids(source):
    result = resolve(source, "Pasal 9 Perwali Tebingtinggi 21/2024")
    assert (result.status, result.code) == (NOT_FOUND, "regulation-not-found")
    assert result.suggestions[0]["regulation"] == "tebing-tinggi-21-2024"
    assert "tebing-tinggi-21-2024" in result.message
    wrong_year = resolve(source, "Perwali Palu 28/2022 Pasal 1")
    assert wrong_year.suggestions[0]["regulation"] == "palu-28-2023"
    wrong_id = resolve(source, "semarang-58-2023 pasal 1")
    assert wrong_id.suggestions[0]["regulation"] == "semarang-85-2023"


def test_an_instrument_known_only_as_cited_is_named(source):
    result = resolve(source, "Pasal 5 UU 23/2014")
    assert (result.status, result.code) == (NOT_FOUND, "regulation-not-in-corpus")
    assert result.instrument["iri"] == "https://w3id.org/perwali-kg/eli/id/uu/2014/23"
    assert "Undang-Undang Nomor 23 Tahun 2014" in result.message


def test_provision_without_regulation_is_ambiguous_with_every_candidate(source):
    result = resolve(source, "Pasal 9 ayat (1)")
    assert (result.status, result.http_status) == (AMBIGUOUS, 300)
    regulations = {c["regulation"] for c in result.candidates}
    index = citation_index(source)
    expected = {reg.id for reg in index.regulations if f"{reg.iri}/pasal/9/ayat/1" in index.units}
    assert regulations == expected and len(expected) > 1
    assert all(c["iri"].endswith("/pasal/9/ayat/1") for c in result.candidates)


def test_a_type_alone_is_ambiguous(source):
    result = resolve(source, "Pasal 3 Perwali")
    assert result.status == AMBIGUOUS
    assert len(result.candidates) == 5


@pytest.mark.parametrize(
    "ref", ["", "hello world", "Pasal", "tahun 2023 ini", "ayat", "(((", "x" * 600]
)
def test_not_a_citation_is_400(source, ref):
    result = resolve(source, ref)
    assert (result.status, result.http_status) == (INVALID, 400)
    assert result.message


def test_bare_ayat_asks_for_its_pasal(source):
    result = resolve(source, "ayat (5)")
    assert (result.status, result.code) == (INVALID, "incomplete-citation")


def test_unexplained_words_are_not_silently_dropped(source):
    result = resolve(source, "Pasal 21 Perwali Palu 28/2023 kemarin sore")
    assert result.status == INVALID
    assert "kemarin sore" in result.message


@pytest.fixture(scope="module")
def other_types(tmp_path_factory, jdih_dir, corpus):
    """A build of Perda, Perbup, Peraturan DPRD and a Perwali from the JDIH samples."""
    folder = tmp_path_factory.mktemp("jdih-corpus")
    for path in jdih_dir.glob("*.txt"):
        shutil.copy(path, folder)
    data = tmp_path_factory.mktemp("jdih-build")
    report = build(folder, data)
    assert not report.failures
    return EmbeddedSource(data)


@pytest.mark.parametrize(
    ("ref", "citation"),
    [
        (
            "Pasal 5 Perda Surabaya 4/2025",
            "Pasal 5 Peraturan Daerah Kota Surabaya Nomor 4 Tahun 2025",
        ),
        (
            "Pasal 5 Peraturan Wali Kota Surabaya Nomor 68 Tahun 2021",
            "Pasal 5 Peraturan Wali Kota Surabaya Nomor 68 Tahun 2021",
        ),
        (
            "Surabaya 4/2025 Pasal 3 ayat (1)",
            "Pasal 3 ayat (1) Peraturan Daerah Kota Surabaya Nomor 4 Tahun 2025",
        ),
        (
            "Pasal I Perbup Kabupaten Donggala No. 24 Th. 2025",
            "Pasal I Peraturan Bupati Donggala Nomor 24 Tahun 2025",
        ),
        (
            "Pasal I angka 1 Peraturan DPRD Kota Madiun Nomor 1 Tahun 2024",
            "Pasal I angka 1 Peraturan Dewan Perwakilan Rakyat Daerah Kota Madiun Nomor 1 Tahun 2024",
        ),
    ],
)
def test_other_document_types_are_citable_with_no_code_change(other_types, ref, citation):
    result = resolve(other_types, ref)
    assert (result.status, result.citation) == (FOUND, citation), result.message


def test_two_types_of_one_city_without_a_number_are_ambiguous(other_types):
    result = resolve(other_types, "Pasal 5 Surabaya")
    assert result.status == AMBIGUOUS
    assert {c["regulation"] for c in result.candidates} == {
        "surabaya-68-2021",
        "surabaya-perda-4-2025",
    }


def test_full_width_and_other_unicode_digits_are_read(source):
    for ref in ("Pasal ２１ Perwali Palu ２８/２０２３", "Pasal 21 Perwali Palu 28/2023\u00a0"):
        result = resolve(source, ref)
        assert result.status == FOUND, ref
        assert result.iri.endswith("/id-palu/perwal/2023/28/pasal/21")


def test_messages_name_the_type_by_its_label_not_its_code(source):
    result = resolve(source, "Pasal 5 Perwali Palu 3/2023")
    assert result.code == "regulation-not-found"
    assert result.message.startswith("Peraturan Wali Kota Palu Nomor 3 Tahun 2023 tidak ada")
    assert "perwal" not in result.message
    english = resolve(source, "Pasal 5 Perwali Palu 3/2023", lang="en")
    assert english.message.startswith("Peraturan Wali Kota Palu Nomor 3 Tahun 2023 is not in")


def test_a_city_not_in_the_corpus_lists_the_regulations_there_are(source):
    result = resolve(source, "Pasal 5 Perwali Bandung 3/2023")
    assert result.status == NOT_FOUND and not result.suggestions
    assert result.message.startswith("Kota Bandung tidak ada dalam korpus; peraturan yang ada: ")
    assert "palu-28-2023" in result.message and "semarang-85-2023" in result.message
    assert "palu-28-2023" in result.exists["regulations"]
    english = resolve(source, "Pasal 5 Perwali Bandung 3/2023", lang="en")
    assert english.message.startswith("Kota Bandung is not in the corpus")


def test_cites_and_cited_by_are_unique_and_in_document_order(source):
    result = resolve(source, "Perwali Semarang 85/2023 Pasal 10")
    for key in ("cites", "cited_by"):
        links = getattr(result, key)
        pairs = [(link["iri"], link["at"]) for link in links]
        assert links and len(pairs) == len(set(pairs)), key
    citing = [link["at"] for link in result.cites]
    numbers = [int(at.split("ayat (")[1].split(")")[0]) for at in citing]
    assert numbers == sorted(numbers) == [2, 3, 4, 5, 6, 7]
    cited_from = [
        int(link["citation"].split("ayat (")[1].split(")")[0]) for link in result.cited_by
    ]
    assert cited_from == sorted(cited_from)
