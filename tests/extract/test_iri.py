"""The IRI grammar: round trips for every IRI shape, regulation ids, typed errors."""

from __future__ import annotations

import pytest

from extract.iri import Iri, IriError, Work, work_from_regulation_id

BASE = "https://w3id.org/perwali-kg/eli/"


@pytest.mark.parametrize(
    "path",
    [
        "id-palu/perwal/2023/28",
        "id-palu/perwal/2023/28/pasal/21",
        "id-palu/perwal/2023/28/pasal/21/ayat/4/huruf/a",
        "id-palu/perwal/2023/28/pasal/1/angka/5",
        "id-palu/perwal/2023/28/bab/IV/bagian/2",
        "id-cilegon/perwal/2023/17/bab/II/bagian/2/paragraf/1",
        "id-cilegon/perwal/2023/17/lampiran/I/huruf/B/angka/1/huruf/a/angka/1",
        "id-palu/perwal/2023/28/menimbang/d",
        "id-palu/perwal/2023/28/mengingat/3",
        "id-palu/perwal/2023/28/definisi/sistem-kerja",
        "id-madiun/perdprd/2024/1/pasal/I/angka/2/pasal/15A/ayat/3a",
        "id/permenpanrb/2022/7",
        "id/uud/1945",
        "id/uu/1956/9-drt",
        "id-kab-donggala/perbup/2025/24",
    ],
)
def test_round_trip(path):
    text = BASE + path
    assert str(Iri.parse(text)) == text


@pytest.mark.parametrize(
    "text",
    [
        "https://example.org/eli/id-palu/perwal/2023/28",
        BASE + "id-palu/perwal/23/28",
        BASE + "id-palu/perwal/2023/28/pasal",
        BASE + "id-palu/perwal/2023/28/kalimat/3",
        BASE + "id-palu/perwal/2023/28/pasal/21 4",
        "",
    ],
)
def test_bad_iri_is_a_typed_error(text):
    with pytest.raises(IriError):
        Iri.parse(text)


@pytest.mark.parametrize(
    ("reg_id", "iri"),
    [
        ("palu-28-2023", "id-palu/perwal/2023/28"),
        ("padang-panjang-48-2024", "id-padang-panjang/perwal/2024/48"),
        ("kab-donggala-24-2025", "id-kab-donggala/perbup/2025/24"),
        ("surabaya-perda-4-2025", "id-surabaya/perda/2025/4"),
        ("madiun-perdprd-1-2024", "id-madiun/perdprd/2024/1"),
    ],
)
def test_regulation_ids_map_both_ways(reg_id, iri):
    work = work_from_regulation_id(reg_id)
    assert str(work) == BASE + iri
    assert work.regulation_id() == reg_id


@pytest.mark.parametrize(
    "reg_id", ["palu", "palu-2023", "Palu-28-2023", "28-2023", "kab-28-2023", "palu_28_2023"]
)
def test_malformed_regulation_id(reg_id):
    with pytest.raises(IriError, match="id peraturan"):
        work_from_regulation_id(reg_id)


def test_child_and_parent():
    pasal = Iri(Work("id-palu", "perwal", 2023, "28")).child("pasal", "21")
    ayat = pasal.child("ayat", "4")
    assert ayat.parent == pasal and pasal.parent.parent is None
    with pytest.raises(IriError):
        pasal.child("kalimat", "1")
    with pytest.raises(IriError):
        pasal.child("ayat", "(4)")


def test_national_instrument_regulation_id_round_trips():
    # issue 10: national instruments are ingested; their id is type-number-year
    work = Work("id", "uu", 2014, "23")
    assert work.regulation_id() == "uu-23-2014"
    assert work_from_regulation_id("uu-23-2014") == work
    with pytest.raises(IriError):
        Work("id", "uud", 1945, None).regulation_id()
