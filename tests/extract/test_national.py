"""National and provincial instruments (issue 10 item 2): the four real samples cited by the
corpus, and one made-up text per other form (tests/data/national/)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract.iri import Work, work_from_regulation_id
from extract.parse import parse_file
from perwali.build import DEFAULT_CORPUS_DIR, build
from perwali.store import open_embedded
from tests.conftest import SHARED, TEST_DATA

NATIONAL = SHARED / "national-samples"
FORMS = TEST_DATA / "national"


def _pasal(regulation) -> list[str]:
    return [u.number for u in regulation.units() if u.kind == "pasal"]


@pytest.mark.parametrize(
    ("name", "reg_id", "iri_tail", "pasal_count"),
    [
        ("uu-2014-30.txt", "uu-30-2014", "eli/id/uu/2014/30", 89),
        ("uu-2014-5.txt", "uu-5-2014", "eli/id/uu/2014/5", 141),  # with "PasaI 47" (OCR)
        ("pp-2016-18.txt", "pp-18-2016", "eli/id/pp/2016/18", 126),
    ],
)
def test_real_national_samples(name, reg_id, iri_tail, pasal_count):
    regulation = parse_file(NATIONAL / name)
    assert regulation.id == reg_id
    assert str(regulation.work).endswith(iri_tail)
    assert len(_pasal(regulation)) == pasal_count
    assert work_from_regulation_id(reg_id) == regulation.work
    assert regulation.closing.promulgated_place == "Jakarta"
    assert regulation.closing.supplement_number  # Tambahan Lembaran Negara
    assert regulation.penjelasan and regulation.penjelasan[0].label == "Umum"


def test_consent_formula_ends_the_mengingat():
    regulation = parse_file(NATIONAL / "uu-2014-30.txt")  # "…1945; Dengan Persetujuan Bersama"
    assert [item.text for item in regulation.mengingat] == [
        "Pasal 5 ayat (1) dan Pasal 20 Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;"
    ]


def test_uu_closing_disahkan_and_minister():
    closing = parse_file(NATIONAL / "uu-2014-5.txt").closing
    assert closing.enacted_place == "Jakarta" and closing.enacted_date.isoformat() == "2014-01-15"
    assert closing.signatory_office == "Presiden Republik Indonesia"
    assert closing.promulgator_name == "AMIR SYAMSUDIN"
    assert closing.gazette_name == "Lembaran Negara Republik Indonesia"
    assert (closing.gazette_year, closing.gazette_number) == (2014, "6")
    assert closing.supplement_number == "5494"


def test_ocr_title_number_confirmed_by_penjelasan():
    regulation = parse_file(NATIONAL / "pp-2019-72.txt")  # title prints "NOMOR T2TAHUN 2019"
    assert regulation.id == "pp-72-2019"
    assert any(w.code == "title-number-ocr" for w in regulation.warnings)
    assert regulation.body[0].number == "I"  # amending: Pasal I / Pasal II
    cited = {str(i.instrument.work) for i in regulation.mengingat if i.instrument}
    assert str(Work("id", "pp", 2016, "18")) in cited


@pytest.mark.parametrize(
    ("name", "reg_id", "citation", "iri_tail", "gazette"),
    [
        (
            "perppu-3-2031.txt",
            "perppu-3-2031",
            "Peraturan Pemerintah Pengganti Undang-Undang Nomor 3 Tahun 2031",
            "eli/id/perppu/2031/3",
            "Lembaran Negara Republik Indonesia",
        ),
        (
            "perpres-12-2031.txt",
            "perpres-12-2031",
            "Peraturan Presiden Nomor 12 Tahun 2031",
            "eli/id/perpres/2031/12",
            "Lembaran Negara Republik Indonesia",
        ),
        (
            "permenpanrb-9-2031.txt",
            "permenpanrb-9-2031",
            "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 9 "
            "Tahun 2031",
            "eli/id/permenpanrb/2031/9",
            "Berita Negara Republik Indonesia",
        ),
        (
            "perban-4-2031.txt",
            "perbankepegawaiannegara-4-2031",
            "Peraturan Badan Kepegawaian Negara Nomor 4 Tahun 2031",
            "eli/id/perbankepegawaiannegara/2031/4",
            "Berita Negara Republik Indonesia",
        ),
        (
            "perda-jawa-tengah-6-2031.txt",
            "prov-jawa-tengah-perda-6-2031",
            "Peraturan Daerah Provinsi Jawa Tengah Nomor 6 Tahun 2031",
            "eli/id-prov-jawa-tengah/perda/2031/6",
            "Lembaran Daerah Provinsi Jawa Tengah",
        ),
        (
            "pergub-jawa-tengah-21-2031.txt",
            "prov-jawa-tengah-21-2031",
            "Peraturan Gubernur Jawa Tengah Nomor 21 Tahun 2031",
            "eli/id-prov-jawa-tengah/pergub/2031/21",
            "Berita Daerah Provinsi Jawa Tengah",
        ),
    ],
)
def test_other_forms(name, reg_id, citation, iri_tail, gazette):
    regulation = parse_file(FORMS / name)  # CRLF line ends, run-on units, letterheads
    assert regulation.id == reg_id
    assert regulation.citation == citation
    assert str(regulation.work).endswith(iri_tail)
    assert work_from_regulation_id(reg_id) == regulation.work
    assert _pasal(regulation) == ["1", "2", "3", "4"]
    pasal_2 = next(u for u in regulation.units() if u.kind == "pasal" and u.number == "2")
    ayat_2 = pasal_2.children[1]
    assert [c.number for c in ayat_2.children] == ["a", "b", "c"]
    assert [i.instrument.work for i in regulation.mengingat] == [
        Work("id", "uu", 2014, "5"),
        Work("id", "pp", 2016, "18"),
    ]
    closing = regulation.closing
    assert closing.enacted_date.isoformat() == "2031-03-02"
    assert closing.promulgated_date.isoformat() == "2031-03-03"
    assert closing.signatory_name and closing.promulgator_name
    assert closing.gazette_name == gazette and closing.gazette_year == 2031
    assert not [w for w in regulation.warnings if w.code != "penjelasan-unlinked"]


@pytest.fixture(scope="module")
def national_build(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("corpus")
    for path in DEFAULT_CORPUS_DIR.iterdir():
        shutil.copy(path, corpus / path.name)
    for path in NATIONAL.glob("*.txt"):
        shutil.copy(path, corpus / path.name)
    data = tmp_path_factory.mktemp("data")
    report = build(corpus, data)
    assert not report.failures, report.failures
    assert len(report.regulations) == 9
    return data


def test_mengingat_citing_the_national_samples_resolve_to_their_text(national_build):
    store = open_embedded(national_build)
    rows = list(
        store.query(
            """PREFIX pw: <https://w3id.org/perwali-kg/ontology#>
            SELECT ?item ?cited ?id WHERE {
              GRAPH ?g { ?item a pw:Mengingat ; pw:cites ?cited }
              FILTER(REGEX(STR(?cited), "eli/id/(uu/2014/(5|30)|pp/(2016/18|2019/72))$"))
              OPTIONAL { GRAPH ?h { ?cited pw:regulationId ?id } }
            }"""
        )
    )
    assert len(rows) >= 6  # Tebing Tinggi, Cilegon, Semarang cite them; PP 72 cites PP 18
    assert all(row["id"] is not None for row in rows), [str(r["cited"]) for r in rows]
    cited = {row["cited"].value for row in rows}
    assert len(cited) == 4  # all four samples are cited, and each resolves


def test_show_gives_a_unit_its_penjelasan(national_build):
    from perwali.read import Address, show

    store = open_embedded(national_build)
    pasal = show(store, Address("uu-5-2014", "2"))
    explained = [child for child in pasal["children"] if child["kind"] == "penjelasan"]
    assert [child["number"] for child in explained[:2]] == ["Pasal 2", "Pasal 2 huruf a"]
    assert explained[1]["text"].startswith("Yang dimaksud dengan")
    assert explained[1]["citation"] == "Penjelasan Pasal 2 huruf a Undang-Undang Nomor 5 Tahun 2014"
    palu = show(store, Address("palu-28-2023", "21"))  # no Penjelasan: sub-units only
    assert all(child["kind"] != "penjelasan" for child in palu["children"])
