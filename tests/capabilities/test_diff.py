"""diff over a build of the real corpus: sub-units aligned by content, then words."""

from __future__ import annotations

import json

import pytest

from capabilities.diff import UnknownProvision, diff, resolve_provision
from capabilities.similarity import ComparisonError, UnknownRegulation
from capabilities.source import EmbeddedSource

PALU_21 = "Pasal 21 Peraturan Wali Kota Palu Nomor 28 Tahun 2023"
TEBING_9 = "Pasal 9 Peraturan Wali Kota Tebing Tinggi Nomor 21 Tahun 2024"
WORK = "https://w3id.org/perwali-kg/eli/"


@pytest.fixture(scope="module")
def source(built_data):
    return EmbeddedSource(built_data)


def labels(result) -> list[tuple[str | None, str | None, str]]:
    return [(u.a_label, u.b_label, u.status) for u in result.units]


def test_what_one_city_added_dropped_and_changed(source):
    result = diff(source, PALU_21, TEBING_9)
    units = {(u.a_label, u.b_label): u for u in result.units}
    ayat4 = units[("ayat (4)", "ayat (4)")]
    changed = [(r.op, r.a, r.b) for r in ayat4.runs if r.op != "equal"]
    assert changed == [
        ("delete", "Surat Perintah penugasan", ""),
        ("replace", "oleh Sekretaris Daerah", "dengan Keputusan Wali Kota"),
    ]
    added = units[(None, "ayat (6)")]
    assert added.status == "added"
    assert (
        added.runs[0].b
        == "Tim Kerja Lintas Instansi Pemerintah ditetapkan dengan Keputusan Wali Kota."
    )
    assert result.summary()["units_added"] == 1 and result.summary()["units_dropped"] == 0


def test_renumbered_ayat_and_their_huruf_are_matched_before_words(source):
    # Semarang 13 puts two new ayat first: Palu 26 (2)-(5) are its (4)-(7)
    result = diff(source, "palu-28-2023 26", "semarang-85-2023 13")
    pairs = [(a, b) for a, b, _ in labels(result) if a and b]
    for number in range(2, 6):
        assert (f"ayat ({number})", f"ayat ({number + 2})") in pairs
        assert (f"ayat ({number}) huruf a", f"ayat ({number + 2}) huruf a") in pairs
    assert (None, "ayat (1)", "added") in labels(result)


def test_identical_provisions_are_all_equal(source):
    result = diff(
        source, "palu-28-2023 27", "Pasal 15 Peraturan Wali Kota Tebing Tinggi Nomor 21 Tahun 2024"
    )
    assert result.similarity == 1.0
    assert {u.status for u in result.units} == {"equal"}
    assert result.summary()["insert"] == result.summary()["delete"] == 0


def test_json_contract(source):
    data = json.loads(json.dumps(diff(source, PALU_21, TEBING_9).to_json()))
    assert data["a"] == {"citation": PALU_21, "iri": WORK + "id-palu/perwal/2023/28/pasal/21"}
    assert data["b"]["citation"] == TEBING_9
    assert 0.8 < data["similarity"] < 1.0
    unit = data["units"][0]
    assert {"a", "b", "similarity", "tokens"} <= set(unit)
    assert unit["a"] == "ayat (1)" and unit["b"] == "ayat (1)"
    assert {token["op"] for u in data["units"] for token in u["tokens"]} == {
        "equal",
        "insert",
        "delete",
        "replace",
    }


@pytest.mark.parametrize(
    ("ref", "path"),
    [
        (
            "Pasal 21 ayat (4) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
            "id-palu/perwal/2023/28/pasal/21/ayat/4",
        ),
        (
            "Perwali Semarang 85/2023 Pasal 10 ayat (6)",
            "id-semarang/perwal/2023/85/pasal/10/ayat/6",
        ),
        ("palu-28-2023 21 4", "id-palu/perwal/2023/28/pasal/21/ayat/4"),
        ("palu-28-2023 2 a", "id-palu/perwal/2023/28/pasal/2/huruf/a"),
        ("  palu-28-2023   18 3 b ", "id-palu/perwal/2023/28/pasal/18/ayat/3/huruf/b"),
        (WORK + "id-palu/perwal/2023/28/pasal/21", "id-palu/perwal/2023/28/pasal/21"),
    ],
)
def test_citation_forms(source, ref, path):
    assert resolve_provision(source, ref) == WORK + path


@pytest.mark.parametrize(
    ("ref", "error", "says"),
    [
        ("palu-28-2023 21 9", UnknownProvision, "ayat 9 tidak ada"),
        ("palu-28-2023 99", UnknownProvision, "Pasal 99 tidak ada"),
        (
            "Pasal 21 ayat (9) Peraturan Wali Kota Palu Nomor 28 Tahun 2023",
            UnknownProvision,
            "ayat (9)",
        ),
        ("palu-1-2023 3", UnknownRegulation, "palu-28-2023"),
        ("Peraturan Wali Kota Palu Nomor 28 Tahun 2023", ComparisonError, "bukan Pasal"),
        ("bukan kutipan sama sekali", ComparisonError, "Bukan rujukan"),
        ("   ", ComparisonError, "kosong"),
    ],
)
def test_bad_citations_say_what_is_wrong(source, ref, error, says):
    with pytest.raises(error) as caught:
        diff(source, ref, PALU_21)
    assert says in caught.value.message and caught.value.english


def test_a_pasal_without_ayat_is_matched_among_the_ayat_of_the_other(source):
    # Palu 27 (one sentence) is Semarang 14 ayat (3); Semarang's other ayat are additions
    result = diff(source, "palu-28-2023 27", "semarang-85-2023 14")
    assert labels(result) == [
        (None, "ayat (1)", "added"),
        (None, "ayat (2)", "added"),
        ("Pasal 27", "ayat (3)", "changed"),
        (None, "ayat (4)", "added"),
    ]
    reversed_ = diff(source, "semarang-85-2023 14", "palu-28-2023 27")
    assert ("ayat (3)", "Pasal 27", "changed") in labels(reversed_)
